//! The time scale: which stretch of time the timeline shows, and the maths of zooming and
//! panning it. Time is measured in day numbers (see [`crate::core::dataset::date`]) as `f64`.

/// The narrowest window, in days, where days have calendar dates (from 100,000 BC).
pub const MIN_SPAN_DAYS: f64 = 7.0;
/// The narrowest window before 100,000 BC, where dates are years alone: ten years.
pub const DEEP_MIN_SPAN_DAYS: f64 = 3_652.425;
/// The widest window, in days: 30 billion years, room for every date from 20 billion years ago
/// to 9999 with margins.
pub const MAX_SPAN_DAYS: f64 = 365.2425 * 3e10;

/// The furthest a window's centre may lie from 1970-01-01, in days (some 27 billion years:
/// beyond the earliest date, and where `f64` still tells thousandths of a day apart).
pub const MAX_ABS_DAY: f64 = 1e13;

/// The first day with a calendar date (1 January 100,000 BC, see
/// [`crate::core::dataset::date::MIN_CALENDAR_YEAR`]).
fn first_calendar_day() -> f64 {
    use crate::core::dataset::date::{day_of, MIN_CALENDAR_YEAR};
    day_of(MIN_CALENDAR_YEAR, 1, 1) as f64
}

/// The narrowest window centred on `centre`: a week in the calendar, ten years before it.
pub fn min_span_at(centre: f64) -> f64 {
    if centre < first_calendar_day() {
        DEEP_MIN_SPAN_DAYS
    } else {
        MIN_SPAN_DAYS
    }
}

/// `x` limited to `lo..=hi` (`lo` when `x` is NaN, `hi` when `lo > hi`). For bounds known only at
/// run time: `f64::clamp` checks them with a panic whose message formats both floats, and that
/// alone brings the standard library's float formatting (about 15 KB of wasm) into the bundle.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

/// How far a wheel turned, in pixels, from a `WheelEvent`'s delta and `deltaMode` (0 pixels,
/// 1 lines, 2 pages): a line counts 40 px (as Chromium scrolls a line), a page `page_px`. Firefox
/// gives lines for a mouse wheel unless a page reads the deltas before `deltaMode`; the widget
/// reads them first, so this matters for engines and settings that report lines or pages anyway
/// (a line-based notch of 3 was a zoom of 0.6 %, too little to move the window by a day).
pub fn wheel_pixels(delta: f64, mode: u32, page_px: f64) -> f64 {
    match mode {
        1 => delta * 40.0,
        2 => delta * page_px,
        _ => delta,
    }
}

/// A visible stretch of time: `start` inclusive, `end` exclusive, in day numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

impl Default for Window {
    /// The year 2025, a harmless fallback.
    fn default() -> Self {
        Window { start: 20_089.0, end: 20_454.0 }
    }
}

impl Window {
    /// A window from `start` to `end`, normalised: reversed bounds are swapped, the span is
    /// clamped to [`MIN_SPAN_DAYS`]..[`MAX_SPAN_DAYS`] around its centre, and anything not
    /// finite, or centred further than [`MAX_ABS_DAY`] from 1970, gives the default window.
    pub fn new(start: f64, end: f64) -> Window {
        if !start.is_finite() || !end.is_finite() {
            return Window::default();
        }
        let (a, b) = if end < start { (end, start) } else { (start, end) };
        let centre = a / 2.0 + b / 2.0;
        if centre.is_nan() || centre.abs() > MAX_ABS_DAY {
            return Window::default();
        }
        let span = clamp(b - a, min_span_at(centre), MAX_SPAN_DAYS);
        Window { start: centre - span / 2.0, end: centre + span / 2.0 }
    }

    /// The window of whole days `start..end` (as stored in a URL span).
    pub fn from_days(start: i64, end: i64) -> Window {
        Window::new(start as f64, end as f64)
    }

    /// Whether both bounds are finite and `end > start` (always true of [`Window::new`]'s).
    pub fn is_valid(&self) -> bool {
        self.start.is_finite() && self.end.is_finite() && self.end > self.start
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Pixel position of a day in a timeline `width_px` wide.
    pub fn x(&self, day: f64, width_px: f64) -> f64 {
        (day - self.start) / self.span() * width_px
    }

    /// The day at a pixel position.
    pub fn day_at(&self, x: f64, width_px: f64) -> f64 {
        if width_px.is_nan() || width_px <= 0.0 {
            return self.start;
        }
        self.start + x / width_px * self.span()
    }

    /// Zooms by `factor` (< 1 zooms in) keeping the day at `anchor_frac` (0..1 of the width)
    /// where it is, as far as the span limits allow.
    pub fn zoom(self, factor: f64, anchor_frac: f64) -> Window {
        if !self.is_valid() {
            return Window::new(self.start, self.end);
        }
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let anchor_frac = if anchor_frac.is_finite() { anchor_frac.clamp(0.0, 1.0) } else { 0.5 };
        let anchor = self.start + anchor_frac * self.span();
        let span = clamp(self.span() * factor, min_span_at(anchor), MAX_SPAN_DAYS);
        let start = anchor - anchor_frac * span;
        Window { start, end: start + span }
    }

    /// Pans by a drag of `dx_px`: dragging right (positive) shows earlier time.
    pub fn pan_px(self, dx_px: f64, width_px: f64) -> Window {
        if !dx_px.is_finite() || !width_px.is_finite() || width_px <= 0.0 {
            return self;
        }
        let shift = -dx_px / width_px * self.span();
        Window { start: self.start + shift, end: self.end + shift }
    }

    /// Pans by a fraction of the span: positive shows later time.
    pub fn pan_frac(self, frac: f64) -> Window {
        if !frac.is_finite() {
            return self;
        }
        let shift = frac * self.span();
        Window { start: self.start + shift, end: self.end + shift }
    }

    /// The same span centred on `day`.
    pub fn centred_on(self, day: f64) -> Window {
        if !day.is_finite() {
            return self;
        }
        let half = self.span() / 2.0;
        Window { start: day - half, end: day + half }
    }

    /// A window showing `start..end` with `pad_frac` of the span as margin on each side.
    pub fn fit(start: f64, end: f64, pad_frac: f64) -> Window {
        let pad = (end - start).abs() * pad_frac.max(0.0);
        Window::new(start.min(end) - pad, start.max(end) + pad)
    }

    /// Where this window lies within `whole`, in percent of `whole`: its start and its width
    /// (at least 0.5, so that a tiny window stays visible as a brush), clamped to `whole`.
    pub fn brush_in(&self, whole: &Window) -> (f64, f64) {
        let a = ((self.start - whole.start) / whole.span()).clamp(0.0, 1.0) * 100.0;
        let b = ((self.end - whole.start) / whole.span()).clamp(0.0, 1.0) * 100.0;
        (a, (b - a).max(0.5))
    }

    pub fn contains(&self, day: f64) -> bool {
        self.start <= day && day < self.end
    }

    /// Whether the interval `start..end` shows at least partly.
    pub fn intersects(&self, start: f64, end: f64) -> bool {
        start < self.end && end > self.start
    }

    /// The first and last day the window shows, as `2026-02-01 – 2026-02-28` (the overview's
    /// value for screen readers); before 100,000 BC, the years as ISO 8601 writes them
    /// (`-13800000000 – -0299`).
    pub fn days_text(&self) -> String {
        use crate::core::dataset::date::{civil_of_day, PartialDate};
        let (a, b) = self.to_span();
        let text = |n: i64| match PartialDate::of_day(n) {
            Some(d) => d.to_string(),
            None => PartialDate::year(civil_of_day(n).0).map(|d| d.to_string()).unwrap_or_default(),
        };
        format!("{} – {}", text(a), text(b - 1))
    }

    /// The window as whole days, rounded outward (for the URL's `span`), within the days a date
    /// can name (1 January 20 billion years ago to 31 December 9999); `end > start`. Before
    /// 100,000 BC, where days have no date, outward to whole years.
    pub fn to_span(&self) -> (i64, i64) {
        use crate::core::dataset::date::{day_of, MAX_YEAR, MIN_YEAR};
        let (first, last) = (day_of(MIN_YEAR, 1, 1) as f64, day_of(MAX_YEAR, 12, 31) as f64);
        let a = clamp(self.start.floor(), first, last - 1.0) as i64;
        let b = (clamp(self.end.ceil(), first, last) as i64).max(a + 1);
        (year_floor(a), year_ceil(b).min(last as i64))
    }
}

/// Before the calendar (100,000 BC), the first day of the year `n` falls in; else `n`.
fn year_floor(n: i64) -> i64 {
    use crate::core::dataset::date::{day_of, year_of_day};
    if (n as f64) < first_calendar_day() {
        day_of(year_of_day(n), 1, 1)
    } else {
        n
    }
}

/// Before the calendar, the first day of the next year unless `n` begins a year; else `n`.
fn year_ceil(n: i64) -> i64 {
    use crate::core::dataset::date::{day_of, year_of_day};
    let floor = year_floor(n);
    if floor == n {
        n
    } else {
        day_of(year_of_day(n) + 1, 1, 1)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn wheel_lines_and_pages_count_as_the_pixels_they_stand_for() {
        assert_eq!(super::wheel_pixels(-120.0, 0, 900.0), -120.0);
        assert_eq!(super::wheel_pixels(-3.0, 1, 900.0), -120.0);
        assert_eq!(super::wheel_pixels(1.0, 2, 900.0), 900.0);
    }

    #[test]
    fn clamping_keeps_values_in_range_and_sends_nan_to_the_lower_bound() {
        assert_eq!(clamp(0.5, 0.0, 1.0), 0.5);
        assert_eq!(clamp(-3.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(7.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(f64::NAN, 2.0, 9.0), 2.0);
        assert_eq!(clamp(f64::INFINITY, 2.0, 9.0), 9.0);
    }

    use super::*;

    #[test]
    fn a_window_names_its_first_and_last_day() {
        let start =
            crate::core::dataset::date::day_number(chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap())
                as f64;
        assert_eq!(Window::new(start, start + 28.0).days_text(), "2026-02-01 – 2026-02-28");
        // Part days count whole.
        assert_eq!(Window { start: start + 0.5, end: start + 1.5 }.days_text(), "2026-02-01 – 2026-02-02");
    }

    #[test]
    fn a_brush_is_its_window_in_percent_of_the_whole_clamped_and_never_thinner_than_half_a_percent() {
        let whole = Window::new(0.0, 20_000.0);
        assert_eq!(Window::new(5_000.0, 10_000.0).brush_in(&whole), (25.0, 25.0));
        let (left, width) = Window::new(10_000.0, 10_010.0).brush_in(&whole);
        assert!(close(left, 50.0) && width == 0.5, "{left} {width}");
        assert_eq!(Window::new(-10_000.0, 40_000.0).brush_in(&whole), (0.0, 100.0));
    }

    /// Equal to a millionth of a day, or, for the widest windows, to 1e-15 of their size.
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6_f64.max(a.abs().max(b.abs()) * 1e-15)
    }

    #[test]
    fn zooming_in_keeps_the_day_under_the_pointer_fixed() {
        let w = Window::new(0.0, 1000.0);
        let anchor = 0.25;
        let before = w.day_at(anchor * 800.0, 800.0);
        let z = w.zoom(0.5, anchor);
        assert!(close(z.span(), 500.0));
        assert!(close(z.day_at(anchor * 800.0, 800.0), before));
    }

    #[test]
    fn zoom_is_clamped_to_the_span_limits() {
        let w = Window::new(0.0, 100.0);
        assert!(close(w.zoom(0.0001, 0.5).span(), MIN_SPAN_DAYS));
        assert!(close(w.zoom(1e15, 0.5).span(), MAX_SPAN_DAYS));
        assert_eq!(w.zoom(f64::NAN, 0.5), w);
        assert_eq!(w.zoom(-1.0, 0.5), w);
    }

    #[test]
    fn dragging_right_shows_earlier_time() {
        let w = Window::new(100.0, 200.0);
        let p = w.pan_px(400.0, 800.0);
        assert!(close(p.start, 50.0) && close(p.end, 150.0));
        assert!(close(w.pan_frac(0.5).start, 150.0));
        assert_eq!(w.pan_px(f64::INFINITY, 800.0), w);
        assert_eq!(w.pan_px(10.0, 0.0), w);
    }

    #[test]
    fn new_windows_are_normalised() {
        let w = Window::new(200.0, 100.0);
        assert!(close(w.start, 100.0) && close(w.end, 200.0));
        let tiny = Window::new(10.0, 11.0);
        assert!(close(tiny.span(), MIN_SPAN_DAYS) && close((tiny.start + tiny.end) / 2.0, 10.5));
        assert_eq!(Window::new(f64::NAN, 3.0), Window::default());
        assert_eq!(Window::new(0.0, f64::INFINITY), Window::default());
    }

    #[test]
    fn fitting_pads_both_sides() {
        let w = Window::fit(100.0, 200.0, 0.1);
        assert!(close(w.start, 90.0) && close(w.end, 210.0));
        assert!(w.contains(100.0) && w.contains(199.9));
        assert!(close(Window::fit(5.0, 5.0, 0.1).span(), MIN_SPAN_DAYS));
    }

    #[test]
    fn pixel_and_day_conversions_are_inverse() {
        let w = Window::new(-500.0, 1500.0);
        for x in [0.0, 1.0, 333.3, 999.0] {
            assert!(close(w.x(w.day_at(x, 1000.0), 1000.0), x));
        }
    }

    #[test]
    fn spans_round_outward_to_whole_days() {
        assert_eq!(Window { start: 10.2, end: 20.7 }.to_span(), (10, 21));
        assert_eq!(Window { start: 10.0, end: 10.0 }.to_span(), (10, 11));
        let w = Window::from_days(100, 200);
        assert_eq!(w.to_span(), (100, 200));
        assert!(w.intersects(150.0, 250.0) && !w.intersects(200.0, 300.0));
    }

    #[test]
    fn zooming_out_keeps_the_anchor_too() {
        let w = Window::new(1000.0, 2000.0);
        let z = w.zoom(3.0, 0.8);
        assert!(close(z.span(), 3000.0));
        assert!(close(z.start + 0.8 * z.span(), 1800.0));
    }

    #[test]
    fn a_clamped_zoom_still_keeps_the_anchor_fixed() {
        let w = Window::new(0.0, 100.0);
        let z = w.zoom(0.001, 0.1);
        assert!(close(z.span(), MIN_SPAN_DAYS));
        assert!(close(z.start + 0.1 * z.span(), 10.0));
        let out = Window::new(0.0, 70_000.0).zoom(1e12, 1.0);
        assert!(close(out.span(), MAX_SPAN_DAYS) && (out.end - 70_000.0).abs() < 0.01);
    }

    #[test]
    fn an_unusable_anchor_zooms_about_the_centre_or_an_edge() {
        let w = Window::new(0.0, 100.0);
        let z = w.zoom(0.5, f64::NAN);
        assert!(close(z.start, 25.0) && close(z.end, 75.0));
        let z = w.zoom(0.5, 7.0);
        assert!(close(z.end, 100.0), "anchor clamped to the right edge");
        assert_eq!(w.zoom(f64::INFINITY, 0.5), w);
        assert_eq!(Window { start: f64::NAN, end: 1.0 }.zoom(0.5, 0.5), Window::default());
    }

    #[test]
    fn panning_by_a_fraction_or_recentring_keeps_the_span() {
        let w = Window::new(100.0, 200.0);
        assert!(close(w.pan_frac(-0.25).start, 75.0) && close(w.pan_frac(-0.25).span(), 100.0));
        assert_eq!(w.pan_frac(f64::NAN), w);
        let c = w.centred_on(1000.0);
        assert!(close(c.start, 950.0) && close(c.end, 1050.0));
        assert_eq!(w.centred_on(f64::NEG_INFINITY), w);
        assert_eq!(w.pan_px(10.0, f64::NAN), w);
    }

    #[test]
    fn fitting_respects_the_span_limits_and_order() {
        let w = Window::fit(200.0, 100.0, 0.0);
        assert!(close(w.start, 100.0) && close(w.end, 200.0));
        let wide = Window::fit(-2e13, 2e13, 0.1);
        assert!(close(wide.span(), MAX_SPAN_DAYS) && close((wide.start + wide.end) / 2.0, 0.0));
        assert_eq!(Window::fit(f64::NAN, 3.0, 0.1), Window::default());
        let no_pad = Window::fit(100.0, 200.0, f64::NAN);
        assert!(close(no_pad.start, 100.0) && close(no_pad.end, 200.0));
    }

    #[test]
    fn containment_is_half_open() {
        let w = Window::from_days(10, 20);
        assert!(w.contains(10.0) && w.contains(19.99) && !w.contains(20.0) && !w.contains(f64::NAN));
        assert!(w.intersects(0.0, 10.5) && !w.intersects(0.0, 10.0) && w.intersects(0.0, 100.0));
    }

    #[test]
    fn a_huge_or_reversed_span_round_trips_through_whole_days() {
        let (a, b) = Window::new(-1e12, 1e12).to_span();
        assert!(b > a && (b - a) as f64 <= MAX_SPAN_DAYS + 2.0);
        let w = Window::from_days(500, 100);
        assert_eq!(w.to_span(), (100, 500));
    }

    proptest::proptest! {
        #[test]
        fn any_zoom_keeps_the_anchor_and_the_span_limits(
            start in -1e6f64..1e6, span in 7.0f64..73_000.0, factor in 0.001f64..1000.0, anchor in 0.0f64..=1.0,
        ) {
            let w = Window::new(start, start + span);
            let before = w.start + anchor * w.span();
            let z = w.zoom(factor, anchor);
            proptest::prop_assert!(z.span() >= MIN_SPAN_DAYS - 1e-6 && z.span() <= MAX_SPAN_DAYS + 1e-6);
            proptest::prop_assert!((z.start + anchor * z.span() - before).abs() < 1e-6 * (1.0 + before.abs()));
        }

        #[test]
        fn zooming_anywhere_from_20_billion_years_ago_to_9999_keeps_the_anchor_to_a_hundredth_of_a_day(
            start in -7.31e12f64..2.9e6, magnitude in 0.85f64..13.0, power in -6.0f64..6.0, anchor in 0.0f64..=1.0,
        ) {
            let w = Window::new(start, start + 10f64.powf(magnitude));
            let before = w.start + anchor * w.span();
            let z = w.zoom(10f64.powf(power), anchor);
            proptest::prop_assert!(z.span() >= MIN_SPAN_DAYS - 1e-6 && z.span() <= MAX_SPAN_DAYS * (1.0 + 1e-12));
            proptest::prop_assert!((z.start + anchor * z.span() - before).abs() < 0.01, "{z:?} {before}");
        }

        #[test]
        fn new_windows_are_always_valid(a in proptest::num::f64::ANY, b in proptest::num::f64::ANY) {
            let w = Window::new(a, b);
            proptest::prop_assert!(w.is_valid());
            proptest::prop_assert!(w.span() >= MIN_SPAN_DAYS * 0.999 && w.span() <= MAX_SPAN_DAYS * 1.001);
        }
    }
}
