//! Dates as spreadsheets write them: ISO (`2025-11-06`, `2025-11`, `2025`), numbers with dots
//! (`6.11.2025`, always day first) or slashes (`11/6/2025` or `6/11/2025`, in the sheet's
//! [`DateOrder`]), and month names in English and German (`6 November 2025`, `Nov 2025`,
//! `6. März 2025`, `November 6, 2025`). A time after a day (`2025-11-06 14:30`) is left aside.

use crate::core::dataset::date::{DateError, PartialDate};

/// Which number comes first in a date such as `3/4/2025`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    /// `3/4/2025` is the 3rd of April.
    DayMonth,
    /// `3/4/2025` is the 4th of March.
    MonthDay,
}

impl DateOrder {
    /// The order's code, as an authoring page passes it.
    pub fn code(self) -> &'static str {
        match self {
            DateOrder::DayMonth => "day-month",
            DateOrder::MonthDay => "month-day",
        }
    }

    pub fn from_code(code: &str) -> Option<DateOrder> {
        [DateOrder::DayMonth, DateOrder::MonthDay].into_iter().find(|o| o.code() == code)
    }
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("januar", 1),
    ("jänner", 1),
    ("february", 2),
    ("februar", 2),
    ("march", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("april", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("juni", 6),
    ("july", 7),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("sept", 9),
    ("october", 10),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("december", 12),
    ("dezember", 12),
    ("dez", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month a word names (English or German, full or short, any case, a trailing `.` allowed).
pub fn month_from_name(word: &str) -> Option<u32> {
    let w: String = word.trim_end_matches('.').chars().map(crate::core::query::search::lower).collect();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
}

/// A number of one to four ASCII digits.
fn small_number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn year(n: u32) -> Result<i64, DateError> {
    if (1..=9999).contains(&n) {
        Ok(i64::from(n))
    } else {
        Err(DateError::YearOutOfRange)
    }
}

/// The two numbers before the year of `a/b/yyyy` or `a-b-yyyy` (slashes or dashes, day and
/// month of one or two digits), if `s` has that form.
pub fn slashed_pair(s: &str) -> Option<(u32, u32)> {
    let parts: Vec<&str> = s.trim().split(['/', '-']).collect();
    match parts[..] {
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && y.len() == 4 => {
            Some((small_number(a)?, small_number(b)?)).filter(|_| small_number(y).is_some())
        }
        _ => None,
    }
}

/// Reads a date cell (not empty) in the sheet's `order`.
pub fn parse_date(cell: &str, order: DateOrder) -> Result<PartialDate, DateError> {
    let s = cell.trim();
    // A time after the day (`2025-11-06T14:30`, `6.11.2025 14:30`) is not kept.
    let s = match s.find(['T', ' ']) {
        Some(i) if s[i + 1..].contains(':') && !s[..i].contains(' ') => &s[..i],
        _ => s,
    };
    if let Ok(d) = PartialDate::parse(s) {
        return Ok(d);
    }
    if s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.')) {
        return numeric(s, order);
    }
    named(s)
}

/// `2025-1-6`, `2025/01/06`, `6.11.2025`, `11/2025`, `11.2025`, `6/11/2025`, `2025`.
fn numeric(s: &str, order: DateOrder) -> Result<PartialDate, DateError> {
    let dotted = s.contains('.');
    let parts: Vec<&str> = s.split(['-', '/', '.']).filter(|p| !p.is_empty() || !dotted).collect();
    let nums: Vec<u32> =
        parts.iter().map(|p| small_number(p).ok_or(DateError::Format)).collect::<Result<_, _>>()?;
    let year_first = parts.first().is_some_and(|p| p.len() == 4);
    match (&nums[..], year_first) {
        (&[y], _) => PartialDate::year(year(y)?),
        (&[y, m], true) => PartialDate::month(year(y)?, m),
        (&[m, y], false) if parts[1].len() == 4 => PartialDate::month(year(y)?, m),
        (&[y, m, d], true) => PartialDate::day(year(y)?, m, d),
        (&[a, b, y], false) if parts[2].len() == 4 => {
            let (d, m) = if dotted || order == DateOrder::DayMonth { (a, b) } else { (b, a) };
            PartialDate::day(year(y)?, m, d)
        }
        _ => Err(DateError::Format),
    }
}

/// `6 November 2025`, `6. Nov. 2025`, `November 6, 2025`, `Nov 2025`, `2025 November`.
fn named(s: &str) -> Result<PartialDate, DateError> {
    let mut month = None;
    let mut numbers = Vec::new();
    for word in s.split([' ', ',', '\u{a0}']).filter(|w| !w.is_empty()) {
        let bare = word.trim_end_matches('.');
        if let Some(n) = small_number(bare) {
            numbers.push((n, bare.len()));
        } else if let (None, Some(m)) = (month, month_from_name(word)) {
            month = Some(m);
        } else {
            return Err(DateError::Format);
        }
    }
    let month = month.ok_or(DateError::Format)?;
    match numbers[..] {
        [(y, 4)] => PartialDate::month(year(y)?, month),
        [(d, 1 | 2), (y, 4)] | [(y, 4), (d, 1 | 2)] => PartialDate::day(year(y)?, month, d),
        _ => Err(DateError::Format),
    }
}

/// The order the sheet's slashed dates are in: a first number over 12 says day first, a second
/// one over 12 says month first, the majority decides. With nothing to decide by, a sheet
/// separated by semicolons (what German and most European spreadsheets write) is read day
/// first, any other month first. The second value says whether the cells left it open.
pub fn detect_order<'a>(cells: impl Iterator<Item = &'a str>, semicolons: bool) -> (DateOrder, bool) {
    let (mut day_first, mut month_first) = (0usize, 0usize);
    for (a, b) in cells.filter_map(slashed_pair) {
        day_first += usize::from(a > 12 && b <= 12);
        month_first += usize::from(b > 12 && a <= 12);
    }
    match day_first.cmp(&month_first) {
        std::cmp::Ordering::Greater => (DateOrder::DayMonth, false),
        std::cmp::Ordering::Less => (DateOrder::MonthDay, false),
        std::cmp::Ordering::Equal if semicolons => (DateOrder::DayMonth, true),
        std::cmp::Ordering::Equal => (DateOrder::MonthDay, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::*;

    fn read(s: &str, order: DateOrder) -> String {
        parse_date(s, order).map(|d| d.to_string()).unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn iso_dates_keep_their_precision_and_a_time_is_left_aside() {
        assert_eq!(read("2025", MonthDay), "2025");
        assert_eq!(read("2025-11", MonthDay), "2025-11");
        assert_eq!(read(" 2025-11-06 ", MonthDay), "2025-11-06");
        assert_eq!(read("2025-11-06T14:30:00Z", MonthDay), "2025-11-06");
        assert_eq!(read("2025-1-6", MonthDay), "2025-01-06");
        assert_eq!(read("2025/01/06", DayMonth), "2025-01-06");
        assert_eq!(read("6.11.2025 14:30", MonthDay), "2025-11-06");
    }

    #[test]
    fn dotted_dates_are_day_first_and_slashed_ones_follow_the_sheets_order() {
        assert_eq!(read("6.11.2025", MonthDay), "2025-11-06");
        assert_eq!(read("06.11.2025", DayMonth), "2025-11-06");
        assert_eq!(read("11.2025", DayMonth), "2025-11");
        assert_eq!(read("3/4/2025", DayMonth), "2025-04-03");
        assert_eq!(read("3/4/2025", MonthDay), "2025-03-04");
        assert_eq!(read("11/2025", MonthDay), "2025-11");
    }

    #[test]
    fn month_names_are_read_in_english_and_german() {
        assert_eq!(read("6 November 2025", MonthDay), "2025-11-06");
        assert_eq!(read("6. März 2025", MonthDay), "2025-03-06");
        assert_eq!(read("November 6, 2025", DayMonth), "2025-11-06");
        assert_eq!(read("Nov. 2025", DayMonth), "2025-11");
        assert_eq!(read("Dez 1999", DayMonth), "1999-12");
        assert_eq!(read("2025 Oktober", DayMonth), "2025-10");
        assert_eq!(read("1. Mai 2025", DayMonth), "2025-05-01");
        assert_eq!(read("May 2025", DayMonth), "2025-05");
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(read("2025-02-30", MonthDay), "NoSuchDate");
        assert_eq!(read("30.2.2025", MonthDay), "NoSuchDate");
        assert_eq!(read("13/13/2025", MonthDay), "NoSuchDate");
        assert_eq!(read("31 February 2025", MonthDay), "NoSuchDate");
        assert_eq!(read("yesterday", MonthDay), "Format");
        assert_eq!(read("Smarch 2025", MonthDay), "Format");
        assert_eq!(read("1.2.3", MonthDay), "Format");
        assert_eq!(read("0", MonthDay), "YearOutOfRange");
    }

    #[test]
    fn the_order_is_found_from_numbers_over_twelve_or_else_from_the_separator() {
        assert_eq!(detect_order(["3/4/2025", "25/4/2025"].into_iter(), false), (DayMonth, false));
        assert_eq!(detect_order(["3/4/2025", "4/25/2025"].into_iter(), true), (MonthDay, false));
        assert_eq!(detect_order(["3/4/2025"].into_iter(), false), (MonthDay, true));
        assert_eq!(detect_order(["3/4/2025", "2025-01-01"].into_iter(), true), (DayMonth, true));
    }
}
