//! Dates with honest precision.
//!
//! An event may be known to the day (`2025-11-06`), to the month (`2025-11`) or only to the
//! year (`2025`). A [`PartialDate`] keeps exactly what is known and never invents the rest:
//! it covers a whole interval of days, from [`PartialDate::first_day`] to
//! [`PartialDate::last_day`].
//!
//! The time axis measures time in *day numbers*: days since 1970-01-01 (UTC, proleptic
//! Gregorian). Day `n` covers `[n, n + 1)` on the axis.

use chrono::{Datelike, NaiveDate};
#[cfg(not(target_arch = "wasm32"))]
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

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
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format,
    /// The year is outside 1–9999.
    YearOutOfRange,
    /// Month or day does not exist (e.g. `2025-13` or `2025-02-30`).
    NoSuchDate,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Format => "expected YYYY, YYYY-MM or YYYY-MM-DD",
            DateError::YearOutOfRange => "year must be between 1 and 9999",
            DateError::NoSuchDate => "no such date",
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

impl PartialDate {
    /// A date known to the day.
    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        Self::checked(year, Some(month), Some(day))
    }

    /// A date known to the month.
    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        Self::checked(year, Some(month), None)
    }

    /// A date known to the year.
    pub fn year(year: i32) -> Result<Self, DateError> {
        Self::checked(year, None, None)
    }

    fn checked(year: i32, month: Option<u32>, day: Option<u32>) -> Result<Self, DateError> {
        if !(1..=9999).contains(&year) {
            return Err(DateError::YearOutOfRange);
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::NoSuchDate);
            }
            if let Some(d) = day {
                NaiveDate::from_ymd_opt(year, m, d).ok_or(DateError::NoSuchDate)?;
            }
        }
        Ok(PartialDate { year, month, day: month.and(day) })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (surrounding spaces are not accepted).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        if s.len() > 10 {
            return Err(DateError::Format);
        }
        let mut parts = s.split('-');
        let year = parts.next().and_then(|p| digits(p, 4)).ok_or(DateError::Format)? as i32;
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
        Self::checked(year, month, day)
    }

    pub fn from_naive(d: NaiveDate) -> Self {
        PartialDate { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    pub fn year_value(&self) -> i32 {
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
    /// year, month and day are packed into the higher bits, the precision into the lowest.)
    pub fn order_key(&self) -> i64 {
        let day =
            (self.year as i64) << 9 | (self.month.unwrap_or(1) as i64) << 5 | self.day.unwrap_or(1) as i64;
        day << 2 | self.precision() as i64
    }

    /// The first day this date may mean.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .expect("validated on construction")
    }

    /// The last day this date may mean.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => {
                let (ny, nm) = if m == 12 { (self.year + 1, 1) } else { (self.year, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .expect("validated on construction")
    }

    /// Day number of the first day (inclusive start on the axis).
    pub fn start_day(&self) -> i64 {
        day_number(self.first_day())
    }

    /// Day number just after the last day (exclusive end on the axis).
    pub fn end_day_exclusive(&self) -> i64 {
        day_number(self.last_day()) + 1
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
        write!(f, "{:04}", self.year)?;
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
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            "description": "A date as precisely as it is known: `YYYY` (year), `YYYY-MM` (month) or `YYYY-MM-DD` (day). The day must exist in that month.",
            "examples": ["2025", "2025-08", "2025-08-08"]
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

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for s in ["2025", "2025-11", "2025-11-06", "0001-01-01", "9999-12-31"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(PartialDate::parse("2025").unwrap().precision(), Precision::Year);
        assert_eq!(PartialDate::parse("2025-11").unwrap().precision(), Precision::Month);
        assert_eq!(PartialDate::parse("2025-11-06").unwrap().precision(), Precision::Day);
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for s in ["", "25", "2025-1", "2025-11-6", "2025/11/06", " 2025", "2025-11-06-01", "+2025", "2025-ab"]
        {
            assert_eq!(PartialDate::parse(s), Err(DateError::Format), "{s:?}");
        }
        assert_eq!(PartialDate::parse("2025-13"), Err(DateError::NoSuchDate));
        assert_eq!(PartialDate::parse("2025-02-29"), Err(DateError::NoSuchDate));
        assert_eq!(PartialDate::parse("0000"), Err(DateError::YearOutOfRange));
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn a_month_covers_every_day_of_that_month() {
        let feb = PartialDate::parse("2024-02").unwrap();
        assert_eq!(feb.first_day(), NaiveDate::from_ymd_opt(2024, 2, 1).unwrap());
        assert_eq!(feb.last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(feb.end_day_exclusive() - feb.start_day(), 29);
        let dec = PartialDate::parse("2025-12").unwrap();
        assert_eq!(dec.last_day(), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        let year = PartialDate::parse("2024").unwrap();
        assert_eq!(year.end_day_exclusive() - year.start_day(), 366);
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
    fn wider_dates_sort_before_precise_ones_on_the_same_first_day() {
        let mut v = [
            PartialDate::parse("2025-11-01").unwrap(),
            PartialDate::parse("2025-11").unwrap(),
            PartialDate::parse("2025").unwrap(),
            PartialDate::parse("2025-10-31").unwrap(),
        ];
        v.sort();
        let s: Vec<String> = v.iter().map(|d| d.to_string()).collect();
        assert_eq!(s, ["2025", "2025-10-31", "2025-11", "2025-11-01"]);
    }

    fn any_date() -> impl proptest::strategy::Strategy<Value = PartialDate> {
        use proptest::prelude::*;
        (1i32..=9999, 0u32..=12, 0u32..=31).prop_filter_map("a real date", |(y, m, d)| match (m, d) {
            (0, _) => PartialDate::year(y).ok(),
            (m, 0) => PartialDate::month(y, m).ok(),
            (m, d) => PartialDate::day(y, m, d).ok(),
        })
    }

    proptest::proptest! {
        #[test]
        fn the_order_key_orders_by_first_day_then_the_wider_date_first(a in any_date(), b in any_date()) {
            let by_days = a.first_day().cmp(&b.first_day()).then(a.precision().cmp(&b.precision()));
            proptest::prop_assert_eq!(a.order_key().cmp(&b.order_key()), by_days);
            // Dates close to each other, where the packing's fields meet.
            let c = PartialDate::from_naive(a.first_day() + chrono::Duration::days(i64::from(b.year_value() % 40) - 20));
            let by_days = a.first_day().cmp(&c.first_day()).then(a.precision().cmp(&c.precision()));
            proptest::prop_assert_eq!(a.order_key().cmp(&c.order_key()), by_days);
        }
    }
}
