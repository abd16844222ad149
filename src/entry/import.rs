//! The import module's exports, `importCsv`, `importTimelineJs`, `importVis` and `foreignKind`, and the
//! widget's file exports, `exportEvents` (built with the `import` feature; the widget loads it on
//! demand through `platform::import` when a dataset is a sheet, TimelineJS3's JSON or
//! vis-timeline data, and when a reader exports events).
//!
//! ```js
//! import init, { importCsv } from './timeline_explorer_import.js';
//! await init();
//! const [json, de, en, found, problems, more] = importCsv(text, 'https://example.org/sheet.csv');
//! // found: [shape, separator, order, orderGuessed, headers, columns]; problems: one
//! // [cell, row, column, de, en] per skipped row (`more` left out); to read it again with
//! // another order or other columns:
//! importCsv(text, origin, 'day-month', ['date', 'title', '', 'link']);
//! ```

use crate::core::dataset::model::Lang;
use crate::core::formats::csv::header::recognise;
use crate::core::formats::csv::{
    cell_name, dataset_json, import_csv, read_headers, CellProblem, CsvImport, DateOrder, Field,
    ImportOptions,
};
use crate::core::formats::export::{ics_left_out, to_csv, to_ics, to_json};
use crate::core::formats::read::{foreign_json, Foreign};
use crate::core::formats::timelinejs::import_noted;
use crate::core::formats::vis::import_vis;
use crate::core::i18n::{
    dataset_error_lines, import_heading, import_note_lines, import_notice, problem_message, t, vis_heading,
    vis_notice, Key,
};
use crate::core::loaded::Source;
use wasm_bindgen::prelude::*;

fn lines(list: &[String]) -> js_sys::Array {
    list.iter().map(|l| JsValue::from_str(l)).collect()
}

/// What the importer found: `[shape, separator, order, orderGuessed, headers, columns]`, the
/// columns as field codes (`""` for a column not read); the shape is `""` for a refused sheet.
fn found_parts(
    shape: &str,
    delimiter: u8,
    order: DateOrder,
    guessed: bool,
    headers: &[String],
    columns: &[Option<Field>],
) -> JsValue {
    let columns: js_sys::Array =
        columns.iter().map(|c| JsValue::from_str(c.map_or("", Field::code))).collect();
    let parts = [
        JsValue::from_str(shape),
        JsValue::from_str(&(delimiter as char).to_string()),
        JsValue::from_str(order.code()),
        JsValue::from_bool(guessed),
        lines(headers).into(),
        columns.into(),
    ];
    parts.into_iter().collect::<js_sys::Array>().into()
}

fn found(import: &CsvImport) -> JsValue {
    let i = import;
    found_parts(i.shape.code(), i.delimiter, i.order, i.order_guessed, &i.headers, &i.columns)
}

/// The problems of skipped rows as a table: `[cell, row, column, de, en]` each, the cell as a
/// spreadsheet names it (`C7`, or the row's number when no column is to blame), the column's
/// letters (`""` for none) and the message in German and English.
fn problem_rows(problems: &[CellProblem]) -> js_sys::Array {
    problems
        .iter()
        .map(|p| {
            let cell = p.column.map_or_else(|| p.row.to_string(), |c| cell_name(p.row, c));
            let letters = cell.trim_end_matches(|c: char| c.is_ascii_digit()).to_string();
            let parts = [
                JsValue::from_str(&cell),
                JsValue::from_f64(p.row as f64),
                JsValue::from_str(&letters),
                JsValue::from_str(&problem_message(Lang::De, &p.kind)),
                JsValue::from_str(&problem_message(Lang::En, &p.kind)),
            ];
            JsValue::from(parts.into_iter().collect::<js_sys::Array>())
        })
        .collect()
}

/// Reads CSV `text` (from `origin`, the URL of the sheet or of the page that held it) and
/// gives `[json, de, en, found, problems, more]`: the dataset in the project's JSON (empty when the sheet was
/// refused); in German and English, a heading and then the notices (rows skipped, what the
/// dataset cannot show; none when there is nothing to say) or the reasons it was refused; and
/// what the importer found (see [`found_parts`]; for a refused sheet its columns as far as
/// they are known); the skipped rows' problems (see [`problem_rows`]) and how many more rows
/// were skipped than it lists. `order` (`day-month` or
/// `month-day`) and `columns` (a field code per column, `""` for none) replace what the
/// importer would find.
#[wasm_bindgen(js_name = importCsv)]
pub fn import_csv_text(
    text: &str,
    origin: Option<String>,
    order: Option<String>,
    columns: Option<Vec<String>>,
) -> js_sys::Array {
    let options = ImportOptions {
        origin: origin.filter(|o| !o.is_empty()),
        order: order.as_deref().and_then(DateOrder::from_code),
        columns: columns.map(|c| c.iter().map(|code| Field::from_code(code)).collect()),
    };
    let (json, info, de, en, table, more) = match import_csv(text, &options) {
        Ok(import) => {
            let said = |l: Lang| -> Vec<String> {
                if import.notices.is_empty() {
                    return Vec::new();
                }
                let head = import_heading(l, false).to_string();
                std::iter::once(head).chain(import.notices.iter().map(|n| import_notice(l, n))).collect()
            };
            let skipped = import.notices.iter().find_map(|n| match n {
                crate::core::formats::csv::Notice::RowsSkipped { count, .. } => Some(*count),
                _ => None,
            });
            let more = skipped.unwrap_or(0).saturating_sub(import.problems.len());
            let table = problem_rows(&import.problems);
            (dataset_json(&import.dataset), found(&import), said(Lang::De), said(Lang::En), table, more)
        }
        Err(e) => {
            // The columns as far as they are known, so that a person can say what they hold.
            let (delimiter, headers) = read_headers(text);
            let columns = options.columns.clone().unwrap_or_else(|| recognise(&headers));
            let order = options.order.unwrap_or(if delimiter == b';' {
                DateOrder::DayMonth
            } else {
                DateOrder::MonthDay
            });
            let info = found_parts("", delimiter, order, true, &headers, &columns);
            let said = |l: Lang| -> Vec<String> {
                std::iter::once(import_heading(l, true).to_string())
                    .chain(dataset_error_lines(l, &e))
                    .collect()
            };
            (String::new(), info, said(Lang::De), said(Lang::En), js_sys::Array::new(), 0)
        }
    };
    let more = JsValue::from_f64(more as f64);
    [JsValue::from_str(&json), lines(&de).into(), lines(&en).into(), info, table.into(), more]
        .into_iter()
        .collect()
}

/// Reads vis-timeline data (JSON `text`: a list of items, or `{items, groups}`, from `origin`)
/// and gives `[json, de, en]`: the dataset in the project's JSON (empty when refused) and, in
/// German and English, a heading and what the dataset shows otherwise than vis-timeline (none
/// when nothing), or the reasons it was refused.
#[wasm_bindgen(js_name = importVis)]
pub fn import_vis_text(text: &str, origin: Option<String>) -> js_sys::Array {
    let origin = origin.filter(|o| !o.is_empty());
    let (json, de, en) = match import_vis(text, origin.as_deref()) {
        Ok((dataset, notes)) => {
            let said = |l: Lang| -> Vec<String> {
                if notes.is_empty() {
                    return Vec::new();
                }
                let head = vis_heading(l, false).to_string();
                std::iter::once(head).chain(notes.iter().map(|n| vis_notice(l, *n))).collect()
            };
            (dataset_json(&dataset), said(Lang::De), said(Lang::En))
        }
        Err(e) => {
            let said = |l: Lang| -> Vec<String> {
                std::iter::once(vis_heading(l, true).to_string()).chain(dataset_error_lines(l, &e)).collect()
            };
            (String::new(), said(Lang::De), said(Lang::En))
        }
    };
    [JsValue::from_str(&json), lines(&de).into(), lines(&en).into()].into_iter().collect()
}

/// Which other tool's JSON `text` is: `"timelinejs"`, `"vis"`, or `undefined` for the project's
/// own schema and anything else (see `formats::read::foreign_json`).
#[wasm_bindgen(js_name = foreignKind)]
pub fn foreign_kind(text: &str) -> Option<String> {
    foreign_json(text).map(|f| match f {
        Foreign::TimelineJs => "timelinejs".to_string(),
        Foreign::Vis => "vis".to_string(),
        Foreign::Sheet => "sheet".to_string(),
    })
}

/// Reads TimelineJS3's JSON (`text`, from `origin`) and gives `[json, de, en]`: the dataset in
/// the project's JSON (empty when refused) and, in German and English, a heading and what the
/// dataset shows otherwise than TimelineJS3 (none when nothing), or the reasons it was refused
/// under the heading the widget gives any dataset it cannot read.
#[wasm_bindgen(js_name = importTimelineJs)]
pub fn import_timelinejs_text(text: &str, _origin: Option<String>) -> js_sys::Array {
    let (json, de, en) = match import_noted(text) {
        Ok((dataset, notes)) => {
            let said = |l: Lang| import_note_lines(l, &notes);
            (dataset_json(&dataset), said(Lang::De), said(Lang::En))
        }
        Err(e) => {
            let said = |l: Lang| -> Vec<String> {
                std::iter::once(t(l, Key::InvalidData).to_string())
                    .chain(dataset_error_lines(l, &e))
                    .collect()
            };
            (String::new(), said(Lang::De), said(Lang::En))
        }
    };
    [JsValue::from_str(&json), lines(&de).into(), lines(&en).into()].into_iter().collect()
}

/// Writes the events at `indices` (in the dataset's order) as a `json`, `csv` or `ics` file, texts
/// in `lang` (`de` or `en`) and `stamp` the calendar's DTSTAMP, from the dataset that `parts` and
/// `base` give (the text the widget read it from and its address, see `core::loaded::Source`):
/// `[text, leftOut]`, the file (empty when the text no longer reads as a dataset) and how many
/// of the events a calendar file leaves out.
#[wasm_bindgen(js_name = exportEvents)]
pub fn export_events(
    parts: Vec<String>,
    base: Option<String>,
    kind: &str,
    indices: Vec<u32>,
    lang: &str,
    stamp: &str,
) -> js_sys::Array {
    let source = Source { parts: parts.into_iter().map(Into::into).collect(), base };
    let lang = Lang::from_code(lang).unwrap_or(Lang::En);
    let (text, left_out) = match source.read() {
        Ok(ds) => {
            let indices: Vec<usize> =
                indices.into_iter().map(|i| i as usize).filter(|&i| i < ds.events.len()).collect();
            match kind {
                "csv" => (to_csv(&ds, &indices, lang), 0),
                "ics" => (to_ics(&ds, &indices, lang, stamp), ics_left_out(&ds, &indices)),
                _ => (to_json(&ds, &indices), 0),
            }
        }
        Err(_) => (String::new(), 0),
    };
    [JsValue::from_str(&text), JsValue::from_f64(left_out as f64)].into_iter().collect()
}
