//! Fetching a dataset from a URL.

use crate::core::dataset::validate::MAX_DATASET_BYTES;
use crate::core::formats::read::{body_text, is_csv_response, looks_like_csv};
use crate::core::formats::stream::DatasetStream;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why fetching failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request did not complete (offline, blocked, CORS).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The body could not be read.
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

// The built-in dataset is a file next to the widget's glue script (this snippet sits two folders
// below it), so that a widget showing a host's own dataset never downloads it.
#[wasm_bindgen(inline_js = "export function builtInDataset() {\
  return new URL('../../timeline_explorer_events.json', import.meta.url).href;\
}")]
extern "C" {
    #[wasm_bindgen(js_name = builtInDataset)]
    fn built_in_dataset_url() -> String;
}

/// The address of the built-in dataset (`src/data/events.json`, which `./dev build` copies into
/// `pkg/` as `timeline_explorer_events.json`).
pub fn built_in_dataset() -> String {
    built_in_dataset_url()
}

/// `url` resolved against the page's address (as `fetch` resolves it).
pub fn absolute(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// A fetched dataset: JSON being read as it arrived, or a sheet's text for the import module.
pub enum Body {
    Json(DatasetStream),
    Sheet(String),
}

/// GETs `url` and hands the body to a [`DatasetStream`] chunk by chunk as it arrives, so that
/// its events are read while the rest downloads (see `core::stream`).
///
/// The stream's text is sized from the `Content-Length` when the server sends one. (Reading the
/// body as a JS string, as `response.text()` does, decoded a 44 MB dataset to UTF-16 and
/// encoded it back again on the way in: 0.14 s of a CPU profile at 100,000 events.) The text is
/// decoded as `response.text()` decodes it: see [`crate::core::formats::read::body_text`].
///
/// A sheet (by its media type, its path, or a first chunk that does not start as JSON does) is
/// kept whole instead, as [`Body::Sheet`].
pub async fn fetch_dataset(url: &str) -> Result<Body, FetchError> {
    let w = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let resp = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Network(e.as_string().unwrap_or_else(|| "request failed".into())))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Body)?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status()));
    }
    let header = |name: &str| resp.headers().get(name).ok().flatten();
    let length = header("content-length").and_then(|v| v.trim().parse().ok());
    let mut sheet = is_csv_response(&header("content-type").unwrap_or_default(), url).then(Vec::new);
    let mut stream = DatasetStream::new(length);
    let Some(body) = resp.body() else { return Ok(Body::Json(stream)) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    // Each chunk is copied into wasm memory here, then checked as UTF-8 and kept by the stream.
    let mut chunk = Vec::new();
    let mut first = true;
    loop {
        let read = JsFuture::from(reader.read()).await.map_err(|_| FetchError::Body)?;
        let read: web_sys::ReadableStreamReadResult = read.unchecked_into();
        if read.get_done().unwrap_or(true) {
            return Ok(match sheet {
                Some(bytes) => Body::Sheet(body_text(bytes)),
                None => Body::Json(stream),
            });
        }
        let bytes: js_sys::Uint8Array = read.get_value().dyn_into().map_err(|_| FetchError::Body)?;
        chunk.resize(bytes.length() as usize, 0);
        bytes.copy_to(&mut chunk);
        if std::mem::take(&mut first) && looks_like_csv(&chunk) {
            sheet.get_or_insert_with(Vec::new);
        }
        match &mut sheet {
            // Past the dataset bound the import module refuses it anyway: what is in says so.
            Some(all) if all.len() > MAX_DATASET_BYTES => {
                return Ok(Body::Sheet(body_text(std::mem::take(all))))
            }
            Some(all) => all.extend_from_slice(&chunk),
            None => stream.push(&chunk),
        }
    }
}
