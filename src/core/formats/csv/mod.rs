//! CSV import: a spreadsheet saved as CSV becomes a dataset.
//!
//! Three shapes are read (see [`Shape`]): the columns the project's CSV export writes (so an
//! export reads back as the same events), TimelineJS3's Google Sheets template, and any other
//! sheet whose columns have common names ([`header`]). Comma, semicolon and tab separators are
//! found from the header line; a byte order mark, CRLF, bare CR and quoted cells over several
//! lines are read by the `csv` crate.
//!
//! Spreadsheets are messy, so a row that cannot be read is skipped and named by its cell, as a
//! spreadsheet shows it (`C7`), in a [`Notice`]; the rest is kept. The file as a whole is
//! refused only when it is too large, has too many rows, has no date column, or no row at all
//! could be read. The result is a validated [`Dataset`], as strict as one read from JSON.
//!
//! Compiled natively always, and into wasm only with the `import` feature: the reader's bundle
//! never holds it (it loads the import module on demand, see docs/import.md).

pub mod dates;
pub mod header;
mod rows;

pub use dates::DateOrder;
pub use header::{Field, Shape};

use crate::core::dataset::model::Dataset;
use crate::core::dataset::validate::{clip, DatasetError, ProblemKind, Problems, DATASET_FIELD, MAX_EVENTS};

/// The largest CSV text read, in bytes. Its dataset's JSON ([`dataset_json`]: every text in
/// both languages, each event with its fields named) is about four times larger, within the
/// dataset's own bound ([`crate::core::dataset::validate::MAX_DATASET_BYTES`]).
pub const MAX_CSV_BYTES: usize = 8 * 1024 * 1024;

/// The most problems of skipped rows kept for a table of them ([`CsvImport::problems`]).
pub const MAX_LISTED: usize = 1000;

/// What the person importing may decide instead of the importer (an authoring page asks).
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Where the CSV text came from (its URL, or the page that held it): the source of events
    /// whose row names none.
    pub origin: Option<String>,
    /// The order of day and month in dates such as `3/4/2025`; found from the sheet if `None`.
    pub order: Option<DateOrder>,
    /// What each column holds; recognised from the headers if `None`.
    pub columns: Option<Vec<Option<Field>>>,
}

/// A sheet read as a dataset, with what the importer decided and what it could not keep.
#[derive(Clone, Debug)]
pub struct CsvImport {
    pub dataset: Dataset,
    /// Rows skipped, and what the dataset cannot show: say them next to the timeline.
    pub notices: Vec<Notice>,
    /// Every skipped row's problem, in the order of the rows (the first [`MAX_LISTED`]), for a
    /// table of them; the notice names only the first few.
    pub problems: Vec<CellProblem>,
    pub shape: Shape,
    /// The separator found: `,`, `;` or a tab.
    pub delimiter: u8,
    /// The header cells, as written.
    pub headers: Vec<String>,
    /// What each column was read as (one per header).
    pub columns: Vec<Option<Field>>,
    /// The order dates such as `3/4/2025` were read in.
    pub order: DateOrder,
    /// The sheet's dates left the order open (it was guessed from the separator).
    pub order_guessed: bool,
}

/// One cell that could not be read (or a row, when no column is to blame).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellProblem {
    /// The row as a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    /// The column from 0 (`A`), if one is to blame.
    pub column: Option<usize>,
    pub kind: ProblemKind,
}

/// What a sheet holds that the dataset has no place for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// Media whose address (or thumbnail's) is not http(s) or a path.
    Media,
    /// Times of day.
    Times,
    /// Slide backgrounds.
    Backgrounds,
}

/// Something to tell the person about an imported sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `count` rows were skipped; the first few problems, one per row.
    RowsSkipped { count: usize, problems: Vec<CellProblem> },
    /// `count` rows had something the dataset cannot show.
    NotShown { what: Dropped, count: usize },
}

/// The spreadsheet's name of a cell: column letters, then the row (`C7`, `AA12`).
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8(letters).unwrap_or_default())
}

/// The separator of the header line: whichever of comma, semicolon and tab it has most of
/// outside quotes (a comma when none).
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn refuse(kind: ProblemKind) -> DatasetError {
    let mut p = Problems::default();
    p.push(None, None, DATASET_FIELD, kind);
    p.into_result(()).unwrap_err()
}

/// The records of `text` (header first), at most one more than a dataset's events; and how
/// many records there are in all.
fn records(text: &str, delimiter: u8) -> Result<(Vec<csv::StringRecord>, usize), DatasetError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut total = 0;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                total += 1;
                if total <= MAX_EVENTS + 1 {
                    out.push(record.clone());
                }
            }
            Err(e) => return Err(refuse(ProblemKind::NotADataset(clip(e.to_string())))),
        }
    }
    Ok((out, total))
}

/// The separator and the header cells of a CSV text (for a sheet that was refused, so that a
/// person can still say what its columns hold).
pub fn read_headers(text: &str) -> (u8, Vec<String>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let headers = match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(str::to_string).collect(),
        _ => Vec::new(),
    };
    (delimiter, headers)
}

/// Reads a CSV text into a validated dataset (see the module's description).
pub fn import_csv(text: &str, options: &ImportOptions) -> Result<CsvImport, DatasetError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(refuse(ProblemKind::TooLarge { bytes: text.len(), max: MAX_CSV_BYTES }));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = detect_delimiter(text);
    let (records, total) = records(text, delimiter)?;
    if total > MAX_EVENTS + 1 {
        return Err(refuse(ProblemKind::TooManyRows { count: total - 1, max: MAX_EVENTS }));
    }
    let headers: Vec<String> =
        records.first().map(|r| r.iter().map(str::to_string).collect()).unwrap_or_default();
    let columns = match &options.columns {
        Some(given) => (0..headers.len()).map(|i| given.get(i).copied().flatten()).collect(),
        None => header::recognise(&headers),
    };
    let shape = header::shape(&columns).ok_or_else(|| refuse(ProblemKind::NoDateColumn))?;
    let date_cells = |f: header::Field| {
        let col = columns.iter().position(|&c| c == Some(f));
        records.iter().skip(1).filter_map(move |r| col.and_then(|c| r.get(c)))
    };
    let (order, order_guessed) = match options.order {
        Some(o) => (o, false),
        None => dates::detect_order(date_cells(Field::Date).chain(date_cells(Field::End)), delimiter == b';'),
    };
    let mut sheet = rows::Sheet::new(shape, &columns, order, options.origin.as_deref());
    let (dataset, notices, problems) = sheet.read(&records[1.min(records.len())..])?;
    Ok(CsvImport { dataset, notices, problems, shape, delimiter, headers, columns, order, order_guessed })
}

/// An imported dataset as the project's JSON, without the export's indentation (a large sheet's
/// JSON stays within the dataset's bound): what the widget then reads with its strict reader.
pub fn dataset_json(dataset: &Dataset) -> String {
    let all: Vec<usize> = (0..dataset.events.len()).collect();
    let pretty = crate::core::formats::export::to_json(dataset, &all);
    let mut out = String::with_capacity(pretty.len() / 2);
    let (mut in_string, mut escaped) = (false, false);
    for c in pretty.chars() {
        if in_string {
            out.push(c);
            (in_string, escaped) = (escaped || c != '"', !escaped && c == '\\');
        } else if c == '"' {
            out.push(c);
            in_string = true;
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
