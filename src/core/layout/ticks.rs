//! Axis ticks that adapt to the zoom level (billions of years down to days), with labels in the UI
//! language that never overlap, and date formatting that keeps a date's honest precision.

use crate::core::dataset::date::{
    date_of_day, day_number, day_of, year_of_day, PartialDate, Precision, MAX_YEAR, MIN_CALENDAR_YEAR,
    MIN_YEAR,
};
use crate::core::dataset::model::{Event, Lang};
use crate::core::i18n::{month_name, year_words, year_words_scaled};
use crate::core::layout::fold::FoldedAxis;
use crate::core::layout::scale::Window;
use chrono::{Datelike, NaiveDate, Weekday};

/// One tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Day number of the calendar boundary.
    pub day: i64,
    /// Pixel position in the timeline.
    pub x: f64,
    pub label: String,
    /// A year boundary.
    pub major: bool,
}

/// The step between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    /// Every `n` years, on 1 January of round years: years AD divisible by `n`, years BC whose
    /// number BC is, and before 100,000 BC years whose number of years ago is (so that each
    /// label is a round number in its own words).
    Years(i64),
    /// Every `n` months (`n` divides 12), on the 1st of months 1, 1 + n, …
    Months(u32),
    /// The 1st and the 15th of each month.
    HalfMonth,
    /// Mondays.
    Week,
    /// Every `n` days, on day numbers divisible by `n`.
    Days(i64),
}

/// Finer than a year, from coarsest to finest (only within the calendar, from 100,000 BC).
const CALENDAR_UNITS: [TickUnit; 7] = [
    TickUnit::Months(6),
    TickUnit::Months(3),
    TickUnit::Months(1),
    TickUnit::HalfMonth,
    TickUnit::Week,
    TickUnit::Days(2),
    TickUnit::Days(1),
];

/// Every unit from coarsest to finest: 1, 2 and 5 × 10^k years from ten billion years down
/// to one year, then [`CALENDAR_UNITS`].
pub fn ladder() -> impl Iterator<Item = TickUnit> {
    let years = (0..=10u32).rev().flat_map(|k| [5, 2, 1].map(|m| m * 10i64.pow(k)));
    years.filter(|&n| n <= 10_000_000_000).map(TickUnit::Years).chain(CALENDAR_UNITS)
}

impl TickUnit {
    /// Rough length in days, to skip units that are far too fine before generating ticks.
    pub fn approx_days(self) -> f64 {
        match self {
            TickUnit::Years(n) => 365.25 * n as f64,
            TickUnit::Months(n) => 30.44 * n as f64,
            TickUnit::HalfMonth => 15.2,
            TickUnit::Week => 7.0,
            TickUnit::Days(n) => n as f64,
        }
    }
}

/// Estimated width of a label in px (0.8 rem axis font plus padding).
pub fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * 7.5 + 16.0
}

fn month_label(lang: Lang, d: NaiveDate, with_year: bool) -> String {
    let m = month_name(lang, d.month(), true).unwrap_or("");
    if with_year {
        format!("{m} {}", year_words(lang, i64::from(d.year())))
    } else {
        m.to_string()
    }
}

fn day_label(lang: Lang, d: NaiveDate, with_year: bool) -> String {
    let m = month_name(lang, d.month(), true).unwrap_or("");
    let base = match lang {
        Lang::En => format!("{} {m}", d.day()),
        Lang::De => format!("{}. {m}", d.day()),
    };
    if with_year {
        format!("{base} {}", year_words(lang, i64::from(d.year())))
    } else {
        base
    }
}

/// The first year from `year` on that carries a tick every `n` years (see [`TickUnit::Years`]).
fn next_tick_year(year: i64, n: i64) -> i64 {
    if year < MIN_CALENDAR_YEAR {
        let t = -((-year) / n * n);
        if t < MIN_CALENDAR_YEAR {
            return t;
        }
    }
    let year = year.max(MIN_CALENDAR_YEAR + 1);
    if year <= 0 {
        let bc = (1 - year) / n * n;
        if bc >= 1 {
            return 1 - bc;
        }
    }
    let year = year.max(1);
    (year + n - 1) / n * n
}

/// The years from `first` to `last` that carry a tick every `n` years, at most `limit`.
fn tick_years(n: i64, first: i64, last: i64, limit: usize) -> Vec<i64> {
    let mut out = Vec::new();
    let mut y = first;
    while out.len() < limit {
        let t = next_tick_year(y, n);
        if t > last {
            break;
        }
        out.push(t);
        y = t + 1;
    }
    out
}

/// Calendar boundaries of `unit` (finer than years) within `start..end`, at most `limit`.
fn boundaries(unit: TickUnit, start: NaiveDate, end: NaiveDate, limit: usize) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    match unit {
        TickUnit::Years(_) => {}
        TickUnit::Months(n) => {
            let (mut y, mut m) = (start.year(), start.month());
            m = ((m - 1) / n) * n + 1;
            while out.len() < limit {
                let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) else { break };
                if d > end {
                    break;
                }
                if d >= start {
                    out.push(d);
                }
                m += n;
                if m > 12 {
                    m -= 12;
                    y += 1;
                }
            }
        }
        TickUnit::HalfMonth => {
            let (mut y, mut m) = (start.year(), start.month());
            'outer: while out.len() < limit {
                for day in [1, 15] {
                    let Some(d) = NaiveDate::from_ymd_opt(y, m, day) else { break 'outer };
                    if d > end {
                        break 'outer;
                    }
                    if d >= start && out.len() < limit {
                        out.push(d);
                    }
                }
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
        TickUnit::Week => {
            let back = start.weekday().num_days_from_monday() as i64;
            let mut n = day_number(start) - back;
            if start.weekday() != Weekday::Mon {
                n += 7;
            }
            let last = day_number(end);
            while n <= last && out.len() < limit {
                if let Some(d) = date_of_day(n) {
                    out.push(d);
                }
                n += 7;
            }
        }
        TickUnit::Days(k) => {
            let first = day_number(start);
            let mut n = first + (k - first.rem_euclid(k)) % k;
            let last = day_number(end);
            while n <= last && out.len() < limit {
                if let Some(d) = date_of_day(n) {
                    out.push(d);
                }
                n += k;
            }
        }
    }
    out
}

/// The ticks of `unit` from day `first` to day `last`, at most `limit` (more means too many).
fn unit_ticks(unit: TickUnit, first: i64, last: i64, limit: usize, lang: Lang) -> Vec<(i64, String, bool)> {
    if let TickUnit::Years(n) = unit {
        let (a, b) = (year_of_day(first), year_of_day(last));
        let years = tick_years(n, a + i64::from(day_of(a, 1, 1) < first), b, limit);
        // Millions and billions only where every tick can be said in them.
        let scale = n % 1000 == 0 && (n % 1_000_000 == 0 || a > -1_000_000_000);
        return years
            .into_iter()
            .map(|y| (day_of(y, 1, 1), year_words_scaled(lang, y, scale), true))
            .collect();
    }
    // Finer units only where every day has a calendar date.
    if first < day_of(MIN_CALENDAR_YEAR, 1, 1) {
        return Vec::new();
    }
    let (Some(start), Some(end)) = (date_of_day(first), date_of_day(last)) else {
        return Vec::new();
    };
    let dates = boundaries(unit, start, end, limit);
    let label = |k: usize, d: NaiveDate| match unit {
        TickUnit::Months(_) => month_label(lang, d, k == 0 || d.month() == 1),
        _ => day_label(lang, d, k == 0 || (d.month() == 1 && d.day() == 1)),
    };
    let major = |d: NaiveDate| d.month() == 1 && d.day() == 1;
    dates.iter().enumerate().map(|(k, &d)| (day_number(d), label(k, d), major(d))).collect()
}

/// An absolute cap on the number of ticks, whatever the width.
pub const MAX_TICKS: usize = 2_000;

/// The most ticks a timeline `width_px` wide gets: one per 20 px, at most [`MAX_TICKS`].
pub fn max_ticks(width_px: f64) -> usize {
    if width_px.is_finite() && width_px > 0.0 {
        ((width_px / 20.0).floor() as usize).min(MAX_TICKS)
    } else {
        0
    }
}

/// The ticks for a window `width_px` wide: the finest calendar unit whose labels all fit
/// between their neighbours (labels start at their tick, as the axis draws them). Never more
/// than [`max_ticks`]`(width_px)`; none for a width or window that is not finite and positive.
pub fn ticks(window: &Window, width_px: f64, lang: Lang) -> Vec<Tick> {
    let limit = max_ticks(width_px);
    if limit == 0 || !window.start.is_finite() || !window.end.is_finite() || window.span() <= 0.0 {
        return Vec::new();
    }
    let px_per_day = width_px / window.span();
    let (min_day, max_day) = (day_of(MIN_YEAR, 1, 1) as f64, day_of(MAX_YEAR + 1, 1, 1) as f64);
    // Only the part of the window that dates can name gets ticks.
    let (first, last) = (window.start.ceil().max(min_day), (window.end.ceil() - 1.0).min(max_day));
    if last < first {
        return Vec::new();
    }
    let (first, last) = (first as i64, last as i64);
    let mut best: Vec<Tick> = Vec::new();
    for unit in ladder() {
        // Far too fine: even the shortest label would not fit.
        if unit.approx_days() * px_per_day < 40.0 {
            break;
        }
        // Far too coarse: at most one tick, and a finer unit will do better.
        if unit.approx_days() > 2.0 * window.span() && !best.is_empty() {
            continue;
        }
        let found = unit_ticks(unit, first, last, limit + 1, lang);
        if found.len() > limit {
            break;
        }
        let candidate: Vec<Tick> = found
            .into_iter()
            .map(|(day, label, major)| Tick { day, x: window.x(day as f64, width_px), label, major })
            .collect();
        let fits = candidate.windows(2).all(|p| p[0].x + label_width(&p[0].label) <= p[1].x);
        if !fits {
            break;
        }
        if candidate.len() >= best.len() {
            best = candidate;
        }
    }
    best
}

/// The ticks for an axis window `width_px` wide on a folded axis: each stretch between folds
/// gets the ticks of its own calendar days (so the early context may count years while the
/// story counts months), and a label that would run into the next fold is left out.
pub fn folded_ticks(axis: &FoldedAxis, window: &Window, width_px: f64, lang: Lang) -> Vec<Tick> {
    if axis.is_linear() {
        return ticks(window, width_px, lang);
    }
    let mut out = Vec::new();
    for (days, left, right) in axis.segments(window, width_px) {
        let last_stretch = right >= width_px - 0.5;
        for mut tick in ticks(&days, right - left, lang) {
            tick.x += left;
            if last_stretch || tick.x + label_width(&tick.label) <= right {
                out.push(tick);
            }
        }
    }
    out
}

/// A date as precisely as it is known: "10 February 2026", "November 2025", "2025", "300 BC",
/// "13.8 billion years ago" (the year in [`year_words`]).
pub fn format_date(d: &PartialDate, lang: Lang) -> String {
    let y = year_words(lang, d.year_value());
    match (d.precision(), d.month_value(), d.day_value()) {
        (Precision::Day, Some(m), Some(day)) => {
            let name = month_name(lang, m, false).unwrap_or("");
            match lang {
                Lang::En => format!("{day} {name} {y}"),
                Lang::De => format!("{day}. {name} {y}"),
            }
        }
        (Precision::Month, Some(m), _) => format!("{} {y}", month_name(lang, m, false).unwrap_or("")),
        _ => y,
    }
}

/// An event's date or span, marked when approximate: "c. November 2025", "27 June 2025 – 30 June 2025".
pub fn format_span(start: &PartialDate, end: Option<&PartialDate>, approximate: bool, lang: Lang) -> String {
    let mut s = String::new();
    if approximate {
        s.push_str(match lang {
            Lang::En => "c.\u{a0}",
            Lang::De => "ca.\u{a0}",
        });
    }
    s.push_str(&format_date(start, lang));
    if let Some(e) = end.filter(|e| *e != start) {
        s.push_str(" – ");
        s.push_str(&format_date(e, lang));
    }
    s
}

/// An event's date as a reader sees it: its own `date_text` where it has one, else its
/// generated date or span ([`format_span`]).
pub fn event_date(e: &Event, lang: Lang) -> String {
    match &e.date_text {
        Some(text) => text.get(lang).to_string(),
        None => format_span(&e.date, e.end.as_ref(), e.approximate, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::date::civil_of_day;
    use crate::core::layout::scale::MIN_SPAN_DAYS;
    use proptest::prelude::*;

    fn w(a: &str, b: &str) -> Window {
        let d = |s: &str| day_number(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()) as f64;
        Window::new(d(a), d(b))
    }

    fn no_overlap(ts: &[Tick]) -> bool {
        ts.windows(2).all(|p| p[0].x + label_width(&p[0].label) <= p[1].x)
    }

    #[test]
    fn a_folded_axis_ticks_each_stretch_in_its_own_unit_and_never_inside_a_fold() {
        use crate::core::layout::stack::Item;
        let d = |s: &str| day_number(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()) as f64;
        let items: Vec<Item> = ["1994-03-01", "2025-08-08", "2025-12-09", "2026-02-10"]
            .iter()
            .enumerate()
            .map(|(k, s)| Item::new(k, d(s), d(s) + 1.0))
            .collect();
        let axis = FoldedAxis::for_events(&items, &[0, 1, 2, 3]);
        assert_eq!(axis.folds().len(), 1);
        let window = axis.window_of_days(d("1994-01-01"), d("2026-03-01"));
        let ts = folded_ticks(&axis, &window, 1200.0, Lang::En);
        assert!(no_overlap(&ts), "{ts:?}");
        let fold = axis.folds()[0];
        for t in &ts {
            assert!(
                !(fold.start < t.day as f64 && (t.day as f64) < fold.end),
                "a tick inside the fold: {t:?}"
            );
            // The tick stands where its day is on the axis.
            assert!((window.x(axis.to_axis(t.day as f64), 1200.0) - t.x).abs() < 1e-6, "{t:?}");
        }
        assert!(ts.iter().any(|t| t.label.contains("Aug") || t.label.contains("Sep")), "{ts:?}");
        // On a linear axis the folded ticks are the plain ones.
        let linear = FoldedAxis::linear();
        assert_eq!(
            folded_ticks(&linear, &w("2025-01-01", "2026-01-01"), 900.0, Lang::De),
            ticks(&w("2025-01-01", "2026-01-01"), 900.0, Lang::De)
        );
    }

    #[test]
    fn two_decades_get_year_ticks_on_the_first_of_january() {
        let ts = ticks(&w("2005-01-01", "2026-12-31"), 1200.0, Lang::En);
        assert!(ts.len() >= 5);
        for t in &ts {
            let d = date_of_day(t.day).unwrap();
            assert_eq!((d.month(), d.day()), (1, 1));
            assert!(t.major);
            assert_eq!(t.label, d.year().to_string());
        }
    }

    #[test]
    fn two_centuries_get_decade_or_coarser_ticks() {
        let ts = ticks(&w("1830-01-01", "2026-01-01"), 800.0, Lang::En);
        assert!(!ts.is_empty());
        let years: Vec<i32> = ts.iter().map(|t| date_of_day(t.day).unwrap().year()).collect();
        assert!(years.windows(2).all(|p| p[1] - p[0] >= 10), "{years:?}");
    }

    #[test]
    fn a_year_gets_month_ticks_with_the_year_on_january_and_the_first() {
        let ts = ticks(&w("2025-03-15", "2026-03-15"), 1400.0, Lang::En);
        let labels: Vec<&str> = ts.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"Apr 2025"));
        assert!(labels.contains(&"Jan 2026"));
        assert!(labels.contains(&"Nov"));
        let de = ticks(&w("2025-03-15", "2026-03-15"), 1400.0, Lang::De);
        assert!(
            de.iter().any(|t| t.label == "Nov."),
            "{:?}",
            de.iter().map(|t| &t.label).collect::<Vec<_>>()
        );
        assert!(de.iter().any(|t| t.label == "Jan. 2026" && t.major));
    }

    #[test]
    fn two_weeks_get_day_ticks_in_both_languages() {
        let en = ticks(&w("2025-11-01", "2025-11-15"), 1200.0, Lang::En);
        assert!(en[0].label.ends_with(" Nov 2025"), "{}", en[0].label);
        assert!(en.len() >= 5);
        assert!(en[1..]
            .iter()
            .all(|t| t.label.ends_with(" Nov") && t.label[..t.label.len() - 4].parse::<u32>().is_ok()));
        let de = ticks(&w("2025-11-01", "2025-11-15"), 1200.0, Lang::De);
        assert!(de[1..].iter().all(|t| t.label.ends_with(". Nov.")), "{:?}", de);
    }

    #[test]
    fn weeks_start_on_mondays() {
        let ts = ticks(&w("2025-09-01", "2025-12-01"), 900.0, Lang::En);
        let unit_is_week = ts.windows(2).all(|p| p[1].day - p[0].day == 7);
        if unit_is_week {
            for t in &ts {
                assert_eq!(date_of_day(t.day).unwrap().weekday(), Weekday::Mon);
            }
        }
    }

    #[test]
    fn absurd_input_gives_few_or_no_ticks() {
        assert!(ticks(&w("2025-01-01", "2026-01-01"), 0.0, Lang::En).is_empty());
        assert!(ticks(&w("2025-01-01", "2026-01-01"), f64::NAN, Lang::En).is_empty());
        assert!(ticks(&Window { start: f64::NAN, end: 1.0 }, 500.0, Lang::En).is_empty());
        let huge = Window { start: -1e9, end: 1e9 };
        assert!(ticks(&huge, 500.0, Lang::En).len() <= 25);
        assert!(ticks(&w("2025-01-01", "2026-01-01"), 19.9, Lang::En).is_empty());
        assert!(ticks(&w("2025-01-01", "2026-01-01"), -300.0, Lang::En).is_empty());
        assert!(ticks(&w("2025-01-01", "2026-01-01"), f64::INFINITY, Lang::En).is_empty());
        assert!(ticks(&Window { start: 5.0, end: 5.0 }, 500.0, Lang::En).is_empty());
        assert!(ticks(&Window { start: 9.0, end: 5.0 }, 500.0, Lang::En).is_empty());
        // Beyond chrono's calendar: whatever part is representable, still bounded.
        assert!(ticks(&Window { start: 1e15, end: 1e15 + 30.0 }, 800.0, Lang::En).len() <= 40);
        // An absurdly wide timeline is capped too.
        assert!(ticks(&w("1830-01-01", "2030-01-01"), 1e12, Lang::De).len() <= MAX_TICKS);
    }

    #[test]
    fn a_century_gets_decade_ticks_on_round_years() {
        let win = w("1900-06-01", "2000-06-01");
        let ts = ticks(&win, 800.0, Lang::De);
        let years: Vec<i32> = ts.iter().map(|t| date_of_day(t.day).unwrap().year()).collect();
        assert_eq!(years, (1910..=2000).step_by(10).collect::<Vec<_>>());
        for t in &ts {
            let d = date_of_day(t.day).unwrap();
            assert_eq!((d.month(), d.day()), (1, 1));
            assert!(t.major && t.label == d.year().to_string());
            assert!((t.x - win.x(t.day as f64, 800.0)).abs() < 1e-9);
        }
    }

    #[test]
    fn month_ticks_sit_on_the_first_of_each_month() {
        let win = w("2025-03-15", "2026-03-15");
        let ts = ticks(&win, 1400.0, Lang::En);
        assert_eq!(ts.len(), 12);
        for (t, (y, m)) in ts.iter().zip((4..=12).map(|m| (2025, m)).chain((1..=3).map(|m| (2026, m)))) {
            assert_eq!(date_of_day(t.day).unwrap(), NaiveDate::from_ymd_opt(y, m, 1).unwrap());
            assert_eq!(t.major, m == 1);
            assert!((t.x - win.x(t.day as f64, 1400.0)).abs() < 1e-9);
        }
    }

    #[test]
    fn quarters_are_labelled_by_their_month() {
        let half = ticks(&w("2023-01-01", "2026-01-01"), 900.0, Lang::En);
        let labels: Vec<&str> = half.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Jan 2023", "Jul", "Jan 2024", "Jul", "Jan 2025", "Jul"]);
        let ts = ticks(&w("2023-01-01", "2026-01-01"), 1300.0, Lang::En);
        let months: Vec<u32> = ts.iter().map(|t| date_of_day(t.day).unwrap().month()).collect();
        assert!(months.iter().all(|m| [1, 4, 7, 10].contains(m)), "{months:?}");
        assert!(months.contains(&4), "quarters at this zoom: {months:?}");
        let labels: Vec<&str> = ts.iter().map(|t| t.label.as_str()).collect();
        assert!(
            labels.contains(&"Jan 2024") && labels.contains(&"Apr") && labels.contains(&"Jul"),
            "{labels:?}"
        );
    }

    #[test]
    fn half_months_fall_on_the_first_and_the_fifteenth() {
        let win = w("2025-01-01", "2025-07-01");
        let ts = ticks(&win, 1200.0, Lang::En);
        assert!(ts.len() > 6, "finer than months at this zoom");
        for t in &ts {
            assert!([1, 15].contains(&date_of_day(t.day).unwrap().day()), "{t:?}");
        }
        assert_eq!(ts[0].label, "1 Jan 2025");
        assert_eq!(ts[1].label, "15 Jan");
    }

    #[test]
    fn day_ticks_cover_every_day_and_give_context_on_the_first() {
        let win = w("2025-12-29", "2026-01-05");
        let ts = ticks(&win, 1200.0, Lang::De);
        let days: Vec<i64> = ts.iter().map(|t| t.day).collect();
        assert_eq!(days, (win.start as i64..win.end as i64).collect::<Vec<_>>());
        assert_eq!(ts[0].label, "29. Dez. 2025");
        assert_eq!(ts[1].label, "30. Dez.");
        let new_year = ts.iter().find(|t| t.label.starts_with("1. Jan.")).unwrap();
        assert!(new_year.major && new_year.label == "1. Jan. 2026");
        assert_eq!(ticks(&win, 1200.0, Lang::En)[1].label, "30 Dec");
    }

    #[test]
    fn ticks_lie_inside_the_window_in_increasing_order() {
        let win = Window { start: 20_000.5, end: 20_010.0 };
        let ts = ticks(&win, 1500.0, Lang::En);
        assert_eq!(ts.first().unwrap().day, 20_001);
        assert_eq!(ts.last().unwrap().day, 20_009, "a tick exactly at the end is outside");
        assert!(ts.windows(2).all(|p| p[0].day < p[1].day));
    }

    #[test]
    fn labels_never_overlap_over_a_grid_of_widths_and_spans() {
        let spans = [7.0, 10.0, 20.0, 45.0, 90.0, 200.0, 400.0, 1000.0, 3000.0, 10_000.0, 40_000.0, 73_050.0];
        for width in (300..=2000).step_by(50) {
            let width = width as f64;
            for &span in &spans {
                for lang in Lang::ALL {
                    let win = Window::new(19_000.3, 19_000.3 + span);
                    let ts = ticks(&win, width, lang);
                    assert!(no_overlap(&ts), "width {width}, span {span}: {ts:?}");
                    assert!(!ts.is_empty() && ts.len() <= max_ticks(width));
                }
            }
        }
    }

    #[test]
    fn dates_keep_their_precision_when_formatted() {
        let p = |s| PartialDate::parse(s).unwrap();
        assert_eq!(format_date(&p("2026-02-10"), Lang::En), "10 February 2026");
        assert_eq!(format_date(&p("2026-02-10"), Lang::De), "10. Februar 2026");
        assert_eq!(format_date(&p("2025-11"), Lang::De), "November 2025");
        assert_eq!(format_date(&p("1994"), Lang::En), "1994");
        assert_eq!(format_span(&p("2025-11"), None, true, Lang::En), "c.\u{a0}November 2025");
        assert_eq!(format_span(&p("2025-11"), None, true, Lang::De), "ca.\u{a0}November 2025");
        assert_eq!(
            format_span(&p("2025-06-27"), Some(&p("2025-06-30")), false, Lang::En),
            "27 June 2025 – 30 June 2025"
        );
    }

    fn years(a: i64, b: i64) -> Window {
        Window::new(day_of(a, 1, 1) as f64, day_of(b, 1, 1) as f64)
    }

    fn labels(ts: &[Tick]) -> Vec<&str> {
        ts.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn the_age_of_the_universe_gets_ticks_in_billions_of_years_ago_in_both_languages() {
        let win = years(-14_000_000_000, 2100);
        let en = ticks(&win, 1200.0, Lang::En);
        assert!(en.len() >= 2 && no_overlap(&en), "{en:?}");
        assert!(en.iter().all(|t| t.label.ends_with(" billion years ago")), "{:?}", labels(&en));
        assert!(labels(&en).contains(&"10 billion years ago"), "{:?}", labels(&en));
        let de = ticks(&win, 1200.0, Lang::De);
        assert!(labels(&de).contains(&"vor 10 Mrd. Jahren"), "{:?}", labels(&de));
    }

    #[test]
    fn every_magnitude_of_years_gets_round_steps_of_one_two_or_five() {
        for k in 1..=10u32 {
            let span = 10i64.pow(k);
            for centre in [-5_000_000_000i64, -3_000_000, -40_000, 0, 1500] {
                let (a, b) = (centre - span / 2, (centre + span / 2).min(9999));
                let (a, b) = if b - a < 10 { (b - 10, b) } else { (a.max(-20_000_000_000), b) };
                for lang in Lang::ALL {
                    let ts = ticks(&years(a, b), 1000.0, lang);
                    assert!(no_overlap(&ts), "{a}..{b}: {ts:?}");
                    assert!(ts.len() >= 2, "{a}..{b}: {:?}", labels(&ts));
                    let ys: Vec<i64> = ts.iter().map(|t| year_of_day(t.day)).collect();
                    let step = ys[1] - ys[0];
                    let mantissa = step / 10i64.pow(step.ilog10());
                    assert!([1, 2, 5].contains(&mantissa) || ys[0] <= 0, "{a}..{b}: step {step}");
                    for t in &ts {
                        assert_eq!(civil_of_day(t.day).1, 1, "on 1 January: {t:?}");
                        let y = year_of_day(t.day);
                        assert!([year_words(lang, y), year_words_scaled(lang, y, false)].contains(&t.label));
                    }
                }
            }
        }
    }

    #[test]
    fn around_year_0_ticks_count_bc_and_ad_years_in_round_numbers() {
        let en = ticks(&years(-450, 450), 700.0, Lang::En);
        assert_eq!(
            labels(&en),
            ["400 BC", "300 BC", "200 BC", "100 BC", "AD 100", "AD 200", "AD 300", "AD 400"]
        );
        let de = ticks(&years(-450, 450), 1200.0, Lang::De);
        assert_eq!(labels(&de)[..2], ["400 v. Chr.", "300 v. Chr."]);
        assert_eq!(labels(&de)[4], "100 n. Chr.");
        // The year 300 BC is the ISO year -0299.
        assert_eq!(en[1].day, day_of(-299, 1, 1));
        // Months in 300 BC name their year in the same words.
        let months = ticks(&years(-299, -298), 1400.0, Lang::En);
        assert_eq!(months[0].label, "Jan 300 BC");
        let days =
            ticks(&Window::new(day_of(-299, 3, 1) as f64, day_of(-299, 3, 8) as f64), 1200.0, Lang::De);
        assert_eq!(days[0].label, "1. März 300 v. Chr.");
    }

    #[test]
    fn between_100000_bc_and_deep_time_the_labels_switch_from_bc_to_years_ago_without_a_clash() {
        let ts = ticks(&years(-400_000, 9999), 1200.0, Lang::En);
        assert!(no_overlap(&ts), "{ts:?}");
        assert!(labels(&ts).contains(&"100,000 years ago") || labels(&ts).contains(&"200,000 years ago"));
        assert!(!labels(&ts).contains(&"100,000 BC"), "{:?}", labels(&ts));
    }

    #[test]
    fn zooming_from_the_big_bang_to_a_day_keeps_the_day_in_place_and_the_ticks_sensible() {
        let hubble = day_of(1990, 4, 24) as f64 + 0.5;
        let mut win = Window::fit(day_of(-13_800_000_000, 1, 1) as f64, day_of(2000, 1, 1) as f64, 0.05);
        let frac = (hubble - win.start) / win.span();
        let mut steps = 0;
        while win.span() > MIN_SPAN_DAYS * 1.01 {
            win = win.zoom(0.5, frac);
            steps += 1;
            let ts = ticks(&win, 1000.0, Lang::En);
            assert!(no_overlap(&ts), "{ts:?}");
            assert!(!ts.is_empty(), "no ticks at a span of {} days", win.span());
            assert!((win.day_at(frac * 1000.0, 1000.0) - hubble).abs() < 0.01, "drifted at step {steps}");
        }
        assert!(steps > 35, "{steps}");
        let ts = ticks(&win, 1000.0, Lang::En);
        assert!(labels(&ts).iter().any(|l| l.contains("Apr")), "{:?}", labels(&ts));
        // Deep time: down to ten years around the Big Bang, exact to the day.
        let big_bang = day_of(-13_800_000_000, 1, 1) as f64;
        let mut win = Window::fit(big_bang, day_of(2000, 1, 1) as f64, 0.05);
        let frac = (big_bang - win.start) / win.span();
        for _ in 0..60 {
            win = win.zoom(0.5, frac);
        }
        assert!((win.span() - crate::core::layout::scale::DEEP_MIN_SPAN_DAYS).abs() < 0.01, "{}", win.span());
        assert!((win.day_at(frac * 1000.0, 1000.0) - big_bang).abs() < 0.01);
        let ts = ticks(&win, 1000.0, Lang::De);
        assert!(ts.len() >= 2 && ts.iter().all(|t| t.label.starts_with("vor 13.")), "{:?}", labels(&ts));
    }

    #[test]
    fn bc_and_deep_dates_are_formatted_in_the_readers_words() {
        let p = |s| PartialDate::parse(s).unwrap();
        assert_eq!(format_date(&p("-13800000000"), Lang::En), "13.8 billion years ago");
        assert_eq!(format_date(&p("-13800000000"), Lang::De), "vor 13,8 Mrd. Jahren");
        assert_eq!(format_date(&p("-0299"), Lang::En), "300 BC");
        assert_eq!(format_date(&p("-0299-03"), Lang::De), "März 300 v. Chr.");
        assert_eq!(format_date(&p("0030-04-07"), Lang::En), "7 April AD 30");
        assert_eq!(format_date(&p("0030-04-07"), Lang::De), "7. April 30 n. Chr.");
        assert_eq!(format_span(&p("-0299"), Some(&p("0030")), true, Lang::En), "c.\u{a0}300 BC – AD 30");
    }

    #[test]
    fn an_events_own_date_text_stands_in_for_the_generated_date_in_each_language() {
        let mut e = crate::core::formats::embedded::embedded_dataset().unwrap().events[0].clone();
        e.approximate = true;
        assert_eq!(event_date(&e, Lang::En), format_span(&e.date, e.end.as_ref(), true, Lang::En));
        e.date_text =
            Some(crate::core::dataset::model::Text { de: "Frühjahr 1945".into(), en: "Spring 1945".into() });
        assert_eq!(event_date(&e, Lang::De), "Frühjahr 1945");
        assert_eq!(event_date(&e, Lang::En), "Spring 1945");
    }

    proptest! {
        #[test]
        fn labels_never_overlap_and_ticks_stay_bounded(
            start in 0i64..20_000, span in 7.0f64..73_000.0, width in 300.0f64..2000.0, de in any::<bool>()
        ) {
            let win = Window::new(start as f64, start as f64 + span);
            let lang = if de { Lang::De } else { Lang::En };
            let ts = ticks(&win, width, lang);
            prop_assert!(no_overlap(&ts));
            prop_assert!(ts.len() <= (width / 20.0) as usize);
            prop_assert!(!ts.is_empty(), "some ticks for any sane window");
            for t in &ts {
                prop_assert!(t.x >= -1.0 && t.x <= width + 1.0);
            }
        }

        #[test]
        fn over_the_whole_range_labels_never_overlap_and_ticks_stay_inside_and_bounded(
            start in -7.31e12f64..2.9e6, magnitude in 0.85f64..13.0, width in 300.0f64..2000.0, de in any::<bool>()
        ) {
            let win = Window::new(start, start + 10f64.powf(magnitude));
            let lang = if de { Lang::De } else { Lang::En };
            let ts = ticks(&win, width, lang);
            prop_assert!(no_overlap(&ts), "{ts:?}");
            prop_assert!(ts.len() <= (width / 20.0) as usize);
            prop_assert!(ts.windows(2).all(|p| p[0].day < p[1].day));
            for t in &ts {
                prop_assert!(win.contains(t.day as f64), "{t:?} outside {win:?}");
                prop_assert!(!t.label.is_empty() && !t.label.starts_with('-'), "{t:?}");
            }
            // Some ticks wherever a window of the dates' range is a year or more wide and labels
            // have room.
            let inside = win.start >= day_of(MIN_YEAR, 1, 1) as f64 && win.end <= day_of(MAX_YEAR, 12, 31) as f64;
            if inside && win.span() >= 366.0 && width >= 600.0 {
                prop_assert!(!ts.is_empty(), "no ticks in {win:?} at {width} px");
            }
        }

        #[test]
        fn every_year_has_words_in_both_languages(year in MIN_YEAR..=MAX_YEAR) {
            for lang in Lang::ALL {
                let words = year_words(lang, year);
                prop_assert!(!words.is_empty() && !words.starts_with('-') && words.chars().count() <= 28, "{words}");
            }
        }
    }
}
