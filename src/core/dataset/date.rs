//! Dates with honest precision, from deep time to 9999.
//!
//! An event may be known to the day (`2025-11-06`), to the month (`2025-11`) or only to the
//! year (`2025`, `-0299`, `-13800000000`). A [`PartialDate`] keeps exactly what is known and
//! never invents the rest: it covers a whole interval of days, from [`PartialDate::start_day`]
//! to [`PartialDate::end_day_exclusive`].
//!
//! Years are numbered as in ISO 8601 (astronomically): year `0000` is 1 BC, `-0001` is 2 BC,
//! `-0299` is 300 BC. Years run from [`MIN_YEAR`] (20 billion years ago) to [`MAX_YEAR`]; a
//! month and a day may be given from [`MIN_CALENDAR_YEAR`] on, earlier dates are years alone.
//!
//! The time axis measures time in *day numbers*: days since 1970-01-01 in the proleptic
//! Gregorian calendar (UTC). Day `n` covers `[n, n + 1)` on the axis. Day numbers are computed
//! arithmetically over whole 400-year cycles, so they are exact for every year and, far back,
//! amount to years of 365.2425 days; as `f64` they are exact integers (at most about 7.3e12,
//! well below 2^53).

use chrono::{Datelike, NaiveDate};
#[cfg(not(target_arch = "wasm32"))]
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The earliest year a date may have: 20 billion years ago, well before the Big Bang.
pub const MIN_YEAR: i64 = -20_000_000_000;
/// The latest year a date may have.
pub const MAX_YEAR: i64 = 9999;
/// The earliest year that may have a month and a day: 100,000 BC. Dates before it are labelled
/// in years ago and are years alone.
pub const MIN_CALENDAR_YEAR: i64 = -99_999;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i64,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the year with an optional `-`).
    Format,
    /// The year is outside [`MIN_YEAR`]–[`MAX_YEAR`].
    YearOutOfRange,
    /// Month or day does not exist (e.g. `2025-13` or `2025-02-30`).
    NoSuchDate,
    /// A month or day before [`MIN_CALENDAR_YEAR`].
    YearOnly,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Format => "expected YYYY, YYYY-MM or YYYY-MM-DD",
            DateError::YearOutOfRange => "year must be between -20000000000 and 9999",
            DateError::NoSuchDate => "no such date",
            DateError::YearOnly => "before the year -99999 a date is a year alone, without month or day",
        })
    }
}

impl std::error::Error for DateError {}

fn digits(s: &str, len: usize) -> Option<u32> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// A year as written in ISO 8601: an optional `-`, then four digits, or more without a leading
/// zero (`2025`, `0000`, `-0299`, `-13800000000`). `-0000` is not a year.
fn parse_year(s: &str) -> Result<i64, DateError> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if digits.len() < 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Format);
    }
    if digits.len() > 4 && digits.starts_with('0') {
        return Err(DateError::Format);
    }
    if digits.len() > 12 {
        return Err(DateError::YearOutOfRange);
    }
    let n: i64 = digits.parse().map_err(|_| DateError::Format)?;
    match (negative, n) {
        (true, 0) => Err(DateError::Format),
        (true, n) => Ok(-n),
        (false, n) => Ok(n),
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// How many days month `m` (1–12) of `year` has.
pub fn days_in_month(year: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day number of a day of the proleptic Gregorian calendar, for any year the dates allow
/// (counted over 400-year cycles of 146,097 days; equal to chrono's wherever chrono reaches).
pub fn day_of(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let march_based = i64::from((month + 9) % 12);
    let day_of_year = (153 * march_based + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The year, month and day of a day number (the inverse of [`day_of`], for any day number).
pub fn civil_of_day(n: i64) -> (i64, u32, u32) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let march_based = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * march_based + 2) / 5 + 1) as u32;
    let month = if march_based < 10 { march_based + 3 } else { march_based - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The year a day number falls in.
pub fn year_of_day(n: i64) -> i64 {
    civil_of_day(n).0
}

impl PartialDate {
    /// A date known to the day.
    pub fn day(year: i64, month: u32, day: u32) -> Result<Self, DateError> {
        Self::checked(year, Some(month), Some(day))
    }

    /// A date known to the month.
    pub fn month(year: i64, month: u32) -> Result<Self, DateError> {
        Self::checked(year, Some(month), None)
    }

    /// A date known to the year.
    pub fn year(year: i64) -> Result<Self, DateError> {
        Self::checked(year, None, None)
    }

    fn checked(year: i64, month: Option<u32>, day: Option<u32>) -> Result<Self, DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::YearOutOfRange);
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::NoSuchDate);
            }
            if let Some(d) = day {
                if !(1..=days_in_month(year, m)).contains(&d) {
                    return Err(DateError::NoSuchDate);
                }
            }
            if year < MIN_CALENDAR_YEAR {
                return Err(DateError::YearOnly);
            }
        }
        Ok(PartialDate { year, month, day: month.and(day) })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the year as ISO 8601 writes it (`-0299`,
    /// `-13800000000`; see [`parse_year`]). Surrounding spaces are not accepted.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        if s.len() > 24 {
            return Err(DateError::Format);
        }
        let (sign, rest) = if let Some(rest) = s.strip_prefix('-') { ("-", rest) } else { ("", s) };
        let mut parts = rest.split('-');
        let year_digits = parts.next().unwrap_or("");
        let month = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or(DateError::Format)?),
        };
        let day = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or(DateError::Format)?),
        };
        if parts.next().is_some() {
            return Err(DateError::Format);
        }
        let year = parse_year(&s[..sign.len() + year_digits.len()])?;
        Self::checked(year, month, day)
    }

    pub fn from_naive(d: NaiveDate) -> Self {
        PartialDate { year: i64::from(d.year()), month: Some(d.month()), day: Some(d.day()) }
    }

    /// The day of a day number, where it has a calendar date (from [`MIN_CALENDAR_YEAR`] to
    /// [`MAX_YEAR`]).
    pub fn of_day(n: i64) -> Option<Self> {
        let (y, m, d) = civil_of_day(n);
        Self::day(y, m, d).ok()
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    pub fn year_value(&self) -> i64 {
        self.year
    }
    pub fn month_value(&self) -> Option<u32> {
        self.month
    }
    pub fn day_value(&self) -> Option<u32> {
        self.day
    }

    /// The date's place in the order of dates as one integer: `a.order_key() < b.order_key()`
    /// exactly when `a < b`. (By first day, then the less precise date first; the first day's
    /// year, month and day are packed into the higher bits, the precision into the lowest. A
    /// year of 20 billion takes 36 bits, so the key stays far inside `i64`.)
    pub fn order_key(&self) -> i64 {
        let day = self.year << 9 | (self.month.unwrap_or(1) as i64) << 5 | self.day.unwrap_or(1) as i64;
        day << 2 | self.precision() as i64
    }

    /// Day number of the first day (inclusive start on the axis).
    pub fn start_day(&self) -> i64 {
        day_of(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Day number just after the last day (exclusive end on the axis).
    pub fn end_day_exclusive(&self) -> i64 {
        match (self.month, self.day) {
            (Some(m), Some(d)) => day_of(self.year, m, d) + 1,
            (Some(12), None) => day_of(self.year + 1, 1, 1),
            (Some(m), None) => day_of(self.year, m + 1, 1),
            _ => day_of(self.year + 1, 1, 1),
        }
    }

    /// The date as an HTML `datetime` value: HTML's dates have years from 1 on, so `None` for a
    /// year before AD 1.
    pub fn html_datetime(&self) -> Option<String> {
        (self.year >= 1).then(|| self.to_string())
    }

    /// Day number of the last day this date may mean.
    pub fn last_day(&self) -> i64 {
        self.end_day_exclusive() - 1
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Orders by first day, then the less precise (wider) date first (see [`PartialDate::order_key`]).
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            f.write_str("-")?;
        }
        write!(f, "{:04}", self.year.unsigned_abs())?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PartialDate::parse(&s).map_err(|e| serde::de::Error::custom(format!("`{s}`: {e}")))
    }
}

/// In the JSON Schema, a date is a string of the same three forms [`PartialDate::parse`] takes.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?([0-9]{4}|[1-9][0-9]{4,10})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            "description": "A date as precisely as it is known: `YYYY` (year), `YYYY-MM` (month) or `YYYY-MM-DD` (day). The day must exist in that month. Years are numbered as in ISO 8601: `0000` is 1 BC, `-0299` is 300 BC; a year of more than four digits has no leading zero (`-13800000000`, 13.8 billion years ago). Years run from -20000000000 to 9999; a month and a day only from -99999 on.",
            "examples": ["2025", "2025-08", "2025-08-08", "-0299", "-13800000000"]
        })
    }
}

const EPOCH_CE_DAYS: i64 = 719_163; // NaiveDate(1970-01-01).num_days_from_ce()

/// Days since 1970-01-01.
pub fn day_number(d: NaiveDate) -> i64 {
    d.num_days_from_ce() as i64 - EPOCH_CE_DAYS
}

/// The date of a day number, if it is within chrono's range.
pub fn date_of_day(n: i64) -> Option<NaiveDate> {
    let ce = n.checked_add(EPOCH_CE_DAYS)?;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(ce).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for s in
            ["2025", "2025-11", "2025-11-06", "0001-01-01", "9999-12-31", "0000", "-0299-03-15", "-99999-12"]
        {
            assert_eq!(date(s).to_string(), s);
        }
        for s in ["-13800000000", "-20000000000", "-100000", "-0001"] {
            assert_eq!(date(s).to_string(), s);
        }
        assert_eq!(date("2025").precision(), Precision::Year);
        assert_eq!(date("2025-11").precision(), Precision::Month);
        assert_eq!(date("2025-11-06").precision(), Precision::Day);
        assert_eq!(date("-13800000000").year_value(), -13_800_000_000);
        assert_eq!(date("0001-02").html_datetime().as_deref(), Some("0001-02"));
        assert_eq!((date("0000").html_datetime(), date("-0299-03-15").html_datetime()), (None, None));
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for s in ["", "25", "2025-1", "2025-11-6", "2025/11/06", " 2025", "2025-11-06-01", "+2025", "2025-ab"]
        {
            assert_eq!(PartialDate::parse(s), Err(DateError::Format), "{s:?}");
        }
        for s in ["-0000", "-", "--0300", "-00300", "012025", "-030", "2025-", "-0300-"] {
            assert_eq!(PartialDate::parse(s), Err(DateError::Format), "{s:?}");
        }
        assert_eq!(PartialDate::parse("2025-13"), Err(DateError::NoSuchDate));
        assert_eq!(PartialDate::parse("2025-02-29"), Err(DateError::NoSuchDate));
        assert_eq!(PartialDate::parse("-0300-02-29"), Err(DateError::NoSuchDate));
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("-0400-02-29").is_ok(), "401 BC is a leap year in the proleptic calendar");
        for s in ["10000", "-20000000001", "-99999999999999999999"] {
            assert_eq!(PartialDate::parse(s), Err(DateError::YearOutOfRange), "{s:?}");
        }
        assert_eq!(PartialDate::parse("-100000-01"), Err(DateError::YearOnly));
        assert_eq!(PartialDate::parse("-13800000000-01-01"), Err(DateError::YearOnly));
    }

    #[test]
    fn a_month_covers_every_day_of_that_month() {
        let feb = date("2024-02");
        assert_eq!(feb.start_day(), day_number(NaiveDate::from_ymd_opt(2024, 2, 1).unwrap()));
        assert_eq!(feb.last_day(), day_number(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()));
        assert_eq!(feb.end_day_exclusive() - feb.start_day(), 29);
        let dec = date("2025-12");
        assert_eq!(dec.last_day(), day_number(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()));
        assert_eq!(date("2024").end_day_exclusive() - date("2024").start_day(), 366);
        assert_eq!(date("0000").end_day_exclusive(), date("0001").start_day(), "1 BC ends where AD 1 begins");
    }

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap()), -1);
        let d = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
        assert_eq!(date_of_day(day_number(d)), Some(d));
        assert_eq!(date_of_day(i64::MAX), None);
    }

    #[test]
    fn the_calendar_arithmetic_agrees_with_chrono_wherever_chrono_reaches() {
        for n in (-95_000_000..95_000_000).step_by(9_973).chain(-800..800) {
            let d = date_of_day(n).unwrap();
            assert_eq!(civil_of_day(n), (i64::from(d.year()), d.month(), d.day()), "day {n}");
            assert_eq!(day_of(i64::from(d.year()), d.month(), d.day()), n);
        }
    }

    #[test]
    fn deep_years_last_a_mean_gregorian_year_and_stay_exact_as_floats() {
        let big_bang = date("-13800000000");
        let span = big_bang.end_day_exclusive() - big_bang.start_day();
        assert!(span == 365 || span == 366);
        let days = (date("2000").start_day() - big_bang.start_day()) as f64;
        assert!((days / 365.2425 - 13_800_002_000.0).abs() < 1.0, "{days}");
        let earliest = date("-20000000000").start_day();
        assert_eq!(civil_of_day(earliest), (-20_000_000_000, 1, 1));
        // As f64 the earliest day is exact, and half a day later is still told apart.
        let x = earliest as f64;
        assert_eq!(x as i64, earliest);
        assert!(x + 0.5 > x && (x + 0.5) - x == 0.5);
        assert_eq!(year_of_day(earliest - 1), -20_000_000_001);
    }

    #[test]
    fn wider_dates_sort_before_precise_ones_on_the_same_first_day() {
        let mut v =
            ["2025-11-01", "2025-11", "2025", "2025-10-31", "-0299", "-13800000000", "0000", "-0299-12-31"]
                .map(date);
        v.sort();
        let s: Vec<String> = v.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            s,
            ["-13800000000", "-0299", "-0299-12-31", "0000", "2025", "2025-10-31", "2025-11", "2025-11-01"]
        );
    }

    /// Any date the model allows: deep years alone, calendar dates from 100,000 BC to 9999.
    pub(crate) fn any_date() -> impl proptest::strategy::Strategy<Value = PartialDate> {
        use proptest::prelude::*;
        prop_oneof![
            (MIN_YEAR..MIN_CALENDAR_YEAR).prop_map(|y| PartialDate::year(y).unwrap()),
            (MIN_CALENDAR_YEAR..=MAX_YEAR, 0u32..=12, 0u32..=31).prop_filter_map(
                "a real date",
                |(y, m, d)| match (m, d) {
                    (0, _) => PartialDate::year(y).ok(),
                    (m, 0) => PartialDate::month(y, m).ok(),
                    (m, d) => PartialDate::day(y, m, d).ok(),
                }
            ),
        ]
    }

    proptest::proptest! {
        #[test]
        fn the_order_key_orders_by_first_day_then_the_wider_date_first(a in any_date(), b in any_date()) {
            let by_days = a.start_day().cmp(&b.start_day()).then(a.precision().cmp(&b.precision()));
            proptest::prop_assert_eq!(a.order_key().cmp(&b.order_key()), by_days);
            // Dates close to each other, where the packing's fields meet.
            if let Some(c) = PartialDate::of_day(a.start_day() + b.year_value().rem_euclid(40) - 20) {
                let by_days = a.start_day().cmp(&c.start_day()).then(a.precision().cmp(&c.precision()));
                proptest::prop_assert_eq!(a.order_key().cmp(&c.order_key()), by_days);
            }
        }

        #[test]
        fn every_date_prints_as_text_that_reads_back_as_the_same_date(a in any_date()) {
            proptest::prop_assert_eq!(PartialDate::parse(&a.to_string()), Ok(a));
            proptest::prop_assert!(a.end_day_exclusive() > a.start_day());
            proptest::prop_assert_eq!(civil_of_day(a.start_day()).0, a.year_value());
        }
    }
}
