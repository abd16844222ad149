//! The import module, loaded on demand: the reader's bundle has no CSV, TimelineJS3 or
//! vis-timeline importer and no file exports. When a dataset is a sheet or another tool's JSON, its glue script (`timeline_explorer_import.js`, next to the widget's own) is
//! imported once per page, and its `importCsv` (or `importTimelineJs`, `importVis`) turns it into the project's JSON, which
//! the widget then reads with its usual strict reader. See docs/import.md.

use crate::core::dataset::model::Lang;
use crate::core::formats::read::{Foreign, LoadFailure, SheetLines};
use crate::core::loaded::{LoadedDataset, Source};
use std::sync::{Arc, Mutex};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

// The module is found next to the widget's glue (this snippet sits two folders below it), and
// started once; later calls get the same promise, unless loading it failed (then the next call
// tries again).
#[wasm_bindgen(inline_js = "let m;\
export function importModule() {\
  const at = (f) => new URL('../../' + f, import.meta.url);\
  return m ??= import(at('timeline_explorer_import.js')).then(async (g) => {\
    await g.default({ module_or_path: at('timeline_explorer_import_bg.wasm') });\
    return g;\
  }).catch((e) => { m = undefined; throw e; });\
}")]
extern "C" {
    #[wasm_bindgen(js_name = importModule)]
    fn import_module() -> js_sys::Promise;
}

fn strings(v: JsValue) -> Vec<String> {
    js_sys::Array::from(&v).iter().filter_map(|s| s.as_string()).collect()
}

/// Reads a sheet or another tool's JSON (`text` from `origin`, its URL or the page that held
/// it) through the import module: the dataset, with what to say about it put in `said`
/// (nothing when all went well), or why it could not be read.
pub async fn read_foreign(
    kind: Foreign,
    text: &str,
    origin: &str,
    said: &Mutex<SheetLines>,
) -> Result<Arc<LoadedDataset>, LoadFailure> {
    let unavailable = |_| LoadFailure::Network(String::new());
    let module = JsFuture::from(import_module()).await.map_err(unavailable)?;
    let name = match kind {
        Foreign::Sheet => "importCsv",
        Foreign::TimelineJs => "importTimelineJs",
        Foreign::Vis => "importVis",
    };
    let convert: js_sys::Function =
        js_sys::Reflect::get(&module, &name.into()).map_err(unavailable)?.unchecked_into();
    let out = convert.call2(&JsValue::NULL, &text.into(), &origin.into()).map_err(unavailable)?;
    let out = js_sys::Array::from(&out);
    let json = out.get(0).as_string().unwrap_or_default();
    let lines = SheetLines { de: strings(out.get(1)), en: strings(out.get(2)) };
    if json.is_empty() {
        return Err(LoadFailure::Sheet(lines));
    }
    if let Ok(mut kept) = said.lock() {
        *kept = lines;
    }
    LoadedDataset::from_text(json, Some(origin))
}

/// The events at `indices` of the dataset read from `source` as a `json`, `csv` or `ics` file
/// (texts in `lang`, `stamp` the calendar's DTSTAMP), written by the import module: the file's
/// text and how many events a calendar file leaves out, or `None` when the module could not be
/// loaded or the text no longer reads.
pub async fn export(
    kind: &str,
    source: &Source,
    indices: &[usize],
    lang: Lang,
    stamp: &str,
) -> Option<(String, usize)> {
    let module = JsFuture::from(import_module()).await.ok()?;
    let write: js_sys::Function =
        js_sys::Reflect::get(&module, &"exportEvents".into()).ok()?.dyn_into().ok()?;
    let parts: js_sys::Array = source.parts.iter().map(|p| JsValue::from_str(p)).collect();
    let base = source.base.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
    let indices: Vec<u32> = indices.iter().map(|&i| i as u32).collect();
    let args = [
        parts.into(),
        base,
        JsValue::from_str(kind),
        js_sys::Uint32Array::from(&indices[..]).into(),
        JsValue::from_str(lang.code()),
        JsValue::from_str(stamp),
    ];
    let out = write.apply(&JsValue::NULL, &args.into_iter().collect()).ok()?;
    let out = js_sys::Array::from(&out);
    let text = out.get(0).as_string().filter(|t| !t.is_empty())?;
    Some((text, out.get(1).as_f64().unwrap_or(0.0) as usize))
}
