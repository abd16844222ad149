//! Fetching a dataset's text from a URL.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why fetching failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request did not complete (offline, blocked, CORS).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The body could not be read as text.
    Body,
}

/// GETs `url` and returns the body text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let w = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let resp = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Network(e.as_string().unwrap_or_else(|| "request failed".into())))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Body)?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|_| FetchError::Body)?).await.map_err(|_| FetchError::Body)?;
    text.as_string().ok_or(FetchError::Body)
}
