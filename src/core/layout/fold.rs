//! The folded time axis: long stretches without events fold into a short marked gap, so that
//! early context and a dense recent story are both readable in one view.
//!
//! The timeline lays out, zooms and pans in *axis days*: a day number with the folded stretches
//! taken out. Before the first fold an axis day is a calendar day; each fold then shortens the
//! axis by the length it hides minus the [`Fold::width`] it keeps, and inside a fold time runs
//! proportionally faster. Both directions are monotone, so an event keeps its order, its date
//! under the axis ticks and its place in the URL (which always speaks in calendar days).

use crate::core::layout::scale::Window;
use crate::core::layout::stack::Item;

/// A stretch shorter than this share of the events' whole extent is never folded.
pub const MIN_FOLD_SHARE: f64 = 0.12;
/// Nor is a stretch shorter than this, in days (a quarter year).
pub const MIN_FOLD_DAYS: f64 = 90.0;
/// Nor a stretch shorter than this many times the usual time between two events: where events
/// come evenly, folding would only shorten every gap alike.
pub const MIN_FOLD_SPACINGS: f64 = 8.0;
/// What a fold keeps of its stretch: this share of the unfolded rest of the axis, but at least
/// [`MIN_FOLD_WIDTH`] days.
pub const FOLD_WIDTH_SHARE: f64 = 0.04;
pub const MIN_FOLD_WIDTH: f64 = 10.0;
/// An event counts as covering at most this many days after its start when gaps are sought: a
/// date known only to the year is a point in that year, not a year of events.
pub const COVER_DAYS: f64 = 31.0;

/// One folded stretch: the calendar days `start..end` shown as `width` axis days from
/// `axis_start` on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fold {
    pub start: f64,
    pub end: f64,
    pub axis_start: f64,
    pub width: f64,
}

impl Fold {
    /// How many calendar days the fold hides.
    pub fn days(&self) -> f64 {
        self.end - self.start
    }

    /// Where the fold ends on the axis.
    pub fn axis_end(&self) -> f64 {
        self.axis_start + self.width
    }
}

/// The map between calendar days and axis days (no folds: the linear axis).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FoldedAxis {
    folds: Vec<Fold>,
}

impl FoldedAxis {
    /// The linear axis: axis days are calendar days.
    pub fn linear() -> FoldedAxis {
        FoldedAxis::default()
    }

    /// The axis for these events (`filtered` indexes `items`, in date order): every empty
    /// stretch of at least [`MIN_FOLD_SHARE`] of their extent, [`MIN_FOLD_DAYS`] and
    /// [`MIN_FOLD_SPACINGS`] times the median time between events is folded.
    pub fn for_events(items: &[Item], filtered: &[usize]) -> FoldedAxis {
        let gaps = empty_stretches(filtered.iter().filter_map(|&i| items.get(i)));
        let Some((first, last)) = gaps.extent else { return FoldedAxis::linear() };
        if gaps.stretches.is_empty() {
            return FoldedAxis::linear();
        }
        let whole = last - first;
        let least = MIN_FOLD_DAYS
            .max(MIN_FOLD_SHARE * whole)
            .max(MIN_FOLD_SPACINGS * median_spacing(items, filtered));
        let long: Vec<(f64, f64)> = gaps.stretches.into_iter().filter(|(a, b)| b - a >= least).collect();
        let rest = whole - long.iter().map(|(a, b)| b - a).sum::<f64>();
        let width = (FOLD_WIDTH_SHARE * rest).max(MIN_FOLD_WIDTH);
        let mut folds = Vec::with_capacity(long.len());
        let mut removed = 0.0;
        for (start, end) in long {
            // A fold never shows more than it hides.
            let width = width.min(end - start);
            folds.push(Fold { start, end, axis_start: start - removed, width });
            removed += end - start - width;
        }
        FoldedAxis { folds }
    }

    /// The folded stretches, in order.
    pub fn folds(&self) -> &[Fold] {
        &self.folds
    }

    /// Whether nothing is folded.
    pub fn is_linear(&self) -> bool {
        self.folds.is_empty()
    }

    /// The axis day of a calendar day.
    pub fn to_axis(&self, day: f64) -> f64 {
        let mut removed = 0.0;
        for f in &self.folds {
            if day <= f.start {
                break;
            }
            if day < f.end {
                return f.axis_start + (day - f.start) / f.days() * f.width;
            }
            removed += f.days() - f.width;
        }
        day - removed
    }

    /// The calendar day of an axis day (the inverse of [`FoldedAxis::to_axis`]).
    pub fn to_day(&self, axis: f64) -> f64 {
        let mut removed = 0.0;
        for f in &self.folds {
            if axis <= f.axis_start {
                break;
            }
            if axis < f.axis_end() {
                return f.start + (axis - f.axis_start) / f.width * f.days();
            }
            removed += f.days() - f.width;
        }
        axis + removed
    }

    /// The items with their dates on this axis (same order and keys).
    pub fn place(&self, items: &[Item]) -> Vec<Item> {
        items
            .iter()
            .map(|it| Item { start: self.to_axis(it.start), end: self.to_axis(it.end), ..*it })
            .collect()
    }

    /// The axis window that shows the calendar days `start..end`.
    pub fn window_of_days(&self, start: f64, end: f64) -> Window {
        Window::new(self.to_axis(start), self.to_axis(end))
    }

    /// The calendar days an axis window shows (not clamped: a folded window may show more than
    /// the widest linear one).
    pub fn days_of(&self, w: Window) -> Window {
        Window { start: self.to_day(w.start), end: self.to_day(w.end) }
    }

    /// The folds that show in `window`, as (fold, left px, width px) in a timeline `width_px` wide.
    pub fn visible(&self, window: &Window, width_px: f64) -> Vec<(Fold, f64, f64)> {
        self.folds
            .iter()
            .filter(|f| window.intersects(f.axis_start, f.axis_end()))
            .map(|f| {
                let x = window.x(f.axis_start, width_px);
                (*f, x, window.x(f.axis_end(), width_px) - x)
            })
            .collect()
    }

    /// The stretches of the axis between folds that show in `window`, as calendar-day windows
    /// with the px range each takes in a timeline `width_px` wide (for the ticks of each).
    pub fn segments(&self, window: &Window, width_px: f64) -> Vec<(Window, f64, f64)> {
        let mut bounds = vec![f64::NEG_INFINITY];
        for f in &self.folds {
            bounds.push(f.axis_start);
            bounds.push(f.axis_end());
        }
        bounds.push(f64::INFINITY);
        bounds
            .chunks(2)
            .filter_map(|pair| {
                let (a, b) = (pair[0].max(window.start), pair[1].min(window.end));
                (b > a).then(|| {
                    let days = Window { start: self.to_day(a), end: self.to_day(b) };
                    (days, window.x(a, width_px), window.x(b, width_px))
                })
            })
            .collect()
    }
}

/// The median time between the starts of consecutive events (`filtered` in date order) that do
/// not start together; 0 with fewer than two such events.
fn median_spacing(items: &[Item], filtered: &[usize]) -> f64 {
    let starts: Vec<f64> = filtered.iter().filter_map(|&i| items.get(i).map(|it| it.start)).collect();
    let mut spacings: Vec<f64> = starts.windows(2).map(|w| w[1] - w[0]).filter(|d| *d > 0.0).collect();
    if spacings.is_empty() {
        return 0.0;
    }
    let mid = (spacings.len() - 1) / 2;
    *spacings.select_nth_unstable_by(mid, f64::total_cmp).1
}

/// The empty stretches between events and the events' whole extent.
struct Stretches {
    extent: Option<(f64, f64)>,
    stretches: Vec<(f64, f64)>,
}

/// The stretches no event covers, between the first start and the last end of `items` (in
/// order of their starts); an event covers at most [`COVER_DAYS`] after its start.
fn empty_stretches<'a>(items: impl Iterator<Item = &'a Item>) -> Stretches {
    let mut stretches = Vec::new();
    let mut first = None;
    let mut covered = f64::NEG_INFINITY;
    let mut last = f64::NEG_INFINITY;
    for it in items {
        first.get_or_insert(it.start);
        if it.start > covered && covered.is_finite() {
            stretches.push((covered, it.start));
        }
        covered = covered.max(it.end.min(it.start + COVER_DAYS));
        last = last.max(it.end);
    }
    Stretches { extent: first.map(|f| (f, last)), stretches }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_from_the_big_bang_to_antiquity_folds_and_days_map_back_exactly() {
        use crate::core::dataset::date::day_of;
        let day = |y: i64, m: u32, d: u32| day_of(y, m, d) as f64;
        let items = [
            Item::new(0, day(-13_800_000_000, 1, 1), day(-13_799_999_999, 1, 1)),
            Item::new(1, day(-299, 1, 1), day(-298, 1, 1)),
            Item::new(2, day(1990, 4, 24), day(1990, 4, 25)),
        ];
        let axis = FoldedAxis::for_events(&items, &[0, 1, 2]);
        assert_eq!(axis.folds().len(), 1, "{:?}", axis.folds());
        let fold = axis.folds()[0];
        assert!(fold.start < day(-13_799_999_999, 1, 1) && fold.end == day(-299, 1, 1));
        // The folded axis is some 2,300 years long plus the fold: readable in one view.
        let length = axis.to_axis(day(1990, 4, 25)) - axis.to_axis(day(-13_800_000_000, 1, 1));
        assert!(length < 365.25 * 2_500.0, "{length}");
        for d in [day(-13_800_000_000, 1, 1), day(-299, 1, 1), day(1990, 4, 24)] {
            assert!((axis.to_day(axis.to_axis(d)) - d).abs() < 0.01, "{d}");
        }
        // Each day after the fold keeps its length on the axis (to a thousandth of a day: the
        // axis days there lie near the Big Bang's day number, some 5e12).
        assert!((axis.to_axis(day(1990, 4, 25)) - axis.to_axis(day(1990, 4, 24)) - 1.0).abs() < 0.002);
    }
    use crate::core::dataset::date::day_number;
    use chrono::NaiveDate;

    fn day(s: &str) -> f64 {
        day_number(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()) as f64
    }

    fn items(dates: &[&str]) -> Vec<Item> {
        dates.iter().enumerate().map(|(k, d)| Item::new(k, day(d), day(d) + 1.0)).collect()
    }

    fn all(n: usize) -> Vec<usize> {
        (0..n).collect()
    }

    #[test]
    fn a_decade_without_events_folds_and_a_few_weeks_do_not() {
        let its =
            items(&["2005-01-18", "2018-08-12", "2025-08-08", "2025-10-07", "2025-12-09", "2026-02-10"]);
        let axis = FoldedAxis::for_events(&its, &all(its.len()));
        let folds = axis.folds();
        assert_eq!(folds.len(), 2, "{folds:?}");
        assert_eq!(folds[0].start, day("2005-01-19"));
        assert_eq!(folds[0].end, day("2018-08-12"));
        assert_eq!(folds[1].end, day("2025-08-08"));
        assert!(folds.iter().all(|f| f.width < f.days() / 10.0));
    }

    #[test]
    fn evenly_spread_events_leave_the_axis_linear() {
        let its = items(&["2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01"]);
        assert!(FoldedAxis::for_events(&its, &all(5)).is_linear());
        assert!(FoldedAxis::for_events(&its, &[]).is_linear());
        assert!(FoldedAxis::for_events(&its, &[2]).is_linear());
    }

    #[test]
    fn days_go_to_the_axis_and_back_unchanged() {
        let its = items(&[
            "1994-06-01",
            "2005-01-18",
            "2018-08-12",
            "2025-08-08",
            "2025-09-01",
            "2025-10-07",
            "2025-11-06",
            "2025-12-09",
            "2026-01-13",
            "2026-02-10",
        ]);
        let axis = FoldedAxis::for_events(&its, &all(its.len()));
        assert!(!axis.is_linear());
        let mut last = f64::NEG_INFINITY;
        for d in (day("1990-01-01") as i64..day("2030-01-01") as i64).step_by(17) {
            let a = axis.to_axis(d as f64);
            assert!(a > last, "the axis runs forward at {d}");
            last = a;
            assert!((axis.to_day(a) - d as f64).abs() < 1e-6, "{d} -> {a} -> {}", axis.to_day(a));
        }
    }

    #[test]
    fn before_the_first_fold_an_axis_day_is_a_calendar_day_and_after_it_a_shifted_one() {
        let its = items(&["2000-01-01", "2020-01-01", "2020-03-01"]);
        let axis = FoldedAxis::for_events(&its, &all(3));
        let f = axis.folds()[0];
        assert_eq!(axis.to_axis(day("1999-05-05")), day("1999-05-05"));
        let shift = f.days() - f.width;
        assert_eq!(axis.to_axis(day("2020-02-01")), day("2020-02-01") - shift);
        // A window after the fold spans as many axis days as calendar days.
        let w = axis.window_of_days(day("2020-01-01"), day("2020-03-01"));
        assert_eq!(w.span(), day("2020-03-01") - day("2020-01-01"));
        assert_eq!(axis.days_of(w).start, day("2020-01-01"));
    }

    #[test]
    fn a_date_known_to_the_year_does_not_hold_the_fold_open_for_its_whole_year() {
        let mut its = vec![Item::new(0, day("1994-01-01"), day("1995-01-01"))];
        its.extend(items(&["2025-01-01", "2025-06-01"]).into_iter().map(|it| Item { key: it.key + 1, ..it }));
        let axis = FoldedAxis::for_events(&its, &all(3));
        assert_eq!(axis.folds()[0].start, day("1994-01-01") + COVER_DAYS);
    }

    #[test]
    fn segments_and_folds_share_out_the_width_without_gaps() {
        let its = items(&["2000-01-01", "2020-01-01", "2020-03-01"]);
        let axis = FoldedAxis::for_events(&its, &all(3));
        let w = Window::new(axis.to_axis(day("1999-12-01")), axis.to_axis(day("2020-04-01")));
        let segs = axis.segments(&w, 1000.0);
        let folds = axis.visible(&w, 1000.0);
        assert_eq!((segs.len(), folds.len()), (2, 1));
        assert!((segs[0].1 - 0.0).abs() < 1e-9 && (segs[1].2 - 1000.0).abs() < 1e-9);
        assert!((segs[0].2 - folds[0].1).abs() < 1e-9);
        assert!((folds[0].1 + folds[0].2 - segs[1].1).abs() < 1e-9);
        assert_eq!(segs[1].0.start, axis.folds()[0].end);
    }
}
