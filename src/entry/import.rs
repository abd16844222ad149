//! The CSV import module's one export (built with the `import` feature; the widget loads it
//! on demand through `platform::import` when a dataset is a sheet).
//!
//! ```js
//! import init, { importCsv } from './timeline_explorer_import.js';
//! await init();
//! const [json, de, en] = importCsv(text, 'https://example.org/sheet.csv');
//! ```

use crate::core::dataset::model::Lang;
use crate::core::formats::csv::{dataset_json, import_csv, ImportOptions};
use crate::core::i18n::{dataset_error_lines, import_heading, import_notice};
use wasm_bindgen::prelude::*;

fn lines(list: &[String]) -> js_sys::Array {
    list.iter().map(|l| JsValue::from_str(l)).collect()
}

/// Reads CSV `text` (from `origin`, the URL of the sheet or of the page that held it) and
/// gives `[json, de, en]`: the dataset in the project's JSON (empty when the sheet was
/// refused) and, in German and English, a heading and then the notices (rows skipped, what
/// the dataset cannot show; none when there is nothing to say) or the reasons it was refused.
#[wasm_bindgen(js_name = importCsv)]
pub fn import_csv_text(text: &str, origin: &str) -> js_sys::Array {
    let options =
        ImportOptions { origin: Some(origin.to_string()).filter(|o| !o.is_empty()), ..Default::default() };
    let (json, words): (String, Box<dyn Fn(Lang) -> Vec<String>>) = match import_csv(text, &options) {
        Ok(import) => {
            let notices = import.notices;
            let words = move |l: Lang| -> Vec<String> {
                if notices.is_empty() {
                    return Vec::new();
                }
                let head = import_heading(l, false).to_string();
                std::iter::once(head).chain(notices.iter().map(|n| import_notice(l, n))).collect()
            };
            (dataset_json(&import.dataset), Box::new(words))
        }
        Err(e) => (
            String::new(),
            Box::new(move |l: Lang| {
                std::iter::once(import_heading(l, true).to_string())
                    .chain(dataset_error_lines(l, &e))
                    .collect()
            }),
        ),
    };
    [JsValue::from_str(&json), lines(&words(Lang::De)).into(), lines(&words(Lang::En)).into()]
        .into_iter()
        .collect()
}
