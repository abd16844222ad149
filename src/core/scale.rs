//! The time scale: which stretch of time the timeline shows, and the maths of zooming and
//! panning it. Time is measured in day numbers (see [`super::date`]) as `f64`.

/// The narrowest window, in days.
pub const MIN_SPAN_DAYS: f64 = 7.0;
/// The widest window, in days (two centuries).
pub const MAX_SPAN_DAYS: f64 = 365.25 * 200.0;

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
    /// finite gives the default window.
    pub fn new(start: f64, end: f64) -> Window {
        if !start.is_finite() || !end.is_finite() {
            return Window::default();
        }
        let (a, b) = if end < start { (end, start) } else { (start, end) };
        let span = (b - a).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let centre = (a + b) / 2.0;
        Window { start: centre - span / 2.0, end: centre + span / 2.0 }
    }

    /// The window of whole days `start..end` (as stored in a URL span).
    pub fn from_days(start: i64, end: i64) -> Window {
        Window::new(start as f64, end as f64)
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
        if width_px <= 0.0 {
            return self.start;
        }
        self.start + x / width_px * self.span()
    }

    /// Zooms by `factor` (< 1 zooms in) keeping the day at `anchor_frac` (0..1 of the width)
    /// where it is, as far as the span limits allow.
    pub fn zoom(self, factor: f64, anchor_frac: f64) -> Window {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let anchor_frac = if anchor_frac.is_finite() { anchor_frac.clamp(0.0, 1.0) } else { 0.5 };
        let anchor = self.start + anchor_frac * self.span();
        let span = (self.span() * factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let start = anchor - anchor_frac * span;
        Window { start, end: start + span }
    }

    /// Pans by a drag of `dx_px`: dragging right (positive) shows earlier time.
    pub fn pan_px(self, dx_px: f64, width_px: f64) -> Window {
        if !dx_px.is_finite() || width_px <= 0.0 {
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

    pub fn contains(&self, day: f64) -> bool {
        self.start <= day && day < self.end
    }

    /// Whether the interval `start..end` shows at least partly.
    pub fn intersects(&self, start: f64, end: f64) -> bool {
        start < self.end && end > self.start
    }

    /// The window as whole days, rounded outward (for the URL's `span`); `end > start`.
    pub fn to_span(&self) -> (i64, i64) {
        let a = self.start.floor();
        let b = self.end.ceil();
        let a = a.clamp(-3_000_000.0, 3_000_000.0) as i64;
        let b = (b.clamp(-3_000_000.0, 3_000_000.0) as i64).max(a + 1);
        (a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
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
        assert!(close(w.zoom(1e9, 0.5).span(), MAX_SPAN_DAYS));
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
}
