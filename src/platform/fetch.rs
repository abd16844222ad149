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

impl FetchError {
    /// A short, language-neutral line for the error message: the HTTP status (when the server
    /// answered) and the absolute URL that was asked for.
    pub fn describe(&self, url: &str) -> String {
        let url = absolute(url);
        match self {
            FetchError::Status(code) => format!("HTTP {code} · {url}"),
            FetchError::Network(_) | FetchError::Body => url,
        }
    }
}

/// `url` resolved against the page's address (as `fetch` resolves it).
pub fn absolute(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// GETs `url` and returns the body text.
///
/// The body is read as bytes and copied into wasm memory in one piece, then checked as UTF-8
/// here: reading it as a JS string first (`response.text()`) decoded a 44 MB dataset to UTF-16
/// and encoded it back again on the way in (the encoding alone took 0.14 s of a CPU profile at
/// 100,000 events). Like `response.text()`, a leading byte order mark is dropped and malformed
/// UTF-8 is replaced (the JSON parser then names the place).
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let w = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let resp = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Network(e.as_string().unwrap_or_else(|| "request failed".into())))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Body)?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status()));
    }
    let body = JsFuture::from(resp.array_buffer().map_err(|_| FetchError::Body)?).await.map_err(|_| FetchError::Body)?;
    Ok(crate::core::session::body_text(js_sys::Uint8Array::new(&body).to_vec()))
}
