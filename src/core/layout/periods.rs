//! Where a dataset's periods show on the timeline: a band for each period the visible window
//! reaches, placed on the (possibly folded) axis.

use crate::core::dataset::model::Period;
use crate::core::layout::fold::FoldedAxis;
use crate::core::layout::scale::Window;

/// One period's band: its index in the dataset's periods and its px range in the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub index: usize,
    pub x: f64,
    pub width: f64,
}

/// The bands of `periods` that show in `window` (axis days) on a timeline `width_px` wide,
/// cut to the timeline's edges so that a long period does not make a huge element.
pub fn bands(periods: &[Period], axis: &FoldedAxis, window: &Window, width_px: f64) -> Vec<Band> {
    if !window.is_valid() || width_px.is_nan() || width_px <= 0.0 {
        return Vec::new();
    }
    periods
        .iter()
        .enumerate()
        .filter_map(|(index, p)| {
            let (start, end) = (axis.to_axis(p.start_day() as f64), axis.to_axis(p.end_day() as f64));
            if !window.intersects(start, end) {
                return None;
            }
            let x = window.x(start, width_px).max(0.0);
            let right = window.x(end, width_px).min(width_px);
            Some(Band { index, x, width: (right - x).max(1.0) })
        })
        .collect()
}

/// Where the list names each period: for events in date order (given by their first days),
/// the periods that begin at each, earliest first. A period begins at the first event on or
/// after its start, if that event falls within it; a period with no event listed is not named.
pub fn beginnings(periods: &[Period], starts: &[i64]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); starts.len()];
    for (index, p) in periods.iter().enumerate() {
        let k = starts.partition_point(|&day| day < p.start_day());
        if starts.get(k).is_some_and(|&day| day < p.end_day()) {
            out[k].push(index);
        }
    }
    for at in &mut out {
        at.sort_by_key(|&i| (periods[i].start_day(), i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::date::PartialDate;
    use crate::core::dataset::model::Text;

    fn period(from: &str, to: &str) -> Period {
        Period {
            id: "p".into(),
            title: Text { de: "Zeit".into(), en: "Time".into() },
            from: PartialDate::parse(from).unwrap(),
            to: PartialDate::parse(to).unwrap(),
            category: None,
        }
    }

    #[test]
    fn a_period_is_a_band_from_its_first_day_to_after_its_last_cut_to_the_visible_window() {
        let axis = FoldedAxis::linear();
        let (a, b) = (period("2025-01", "2025-01"), period("2024", "2026"));
        let jan = PartialDate::parse("2025-01").unwrap();
        let window = Window::from_days(jan.start_day(), jan.start_day() + 62);
        let bands = bands(&[a, b, period("2030", "2031")], &axis, &window, 620.0);
        assert_eq!(bands.len(), 2, "the period out of view has no band");
        assert_eq!((bands[0].index, bands[0].x, bands[0].width), (0, 0.0, 310.0), "January's 31 days");
        assert_eq!((bands[1].index, bands[1].x, bands[1].width), (1, 0.0, 620.0), "cut to the edges");
        assert!(super::bands(&[period("2025", "2025")], &axis, &window, 0.0).is_empty());
    }

    #[test]
    fn a_period_is_named_at_the_first_listed_event_within_it() {
        let day = |d: &str| PartialDate::parse(d).unwrap().start_day();
        let starts = [day("1940"), day("1950-06-01"), day("1950-07-01"), day("1995")];
        let periods = [
            period("1947", "1991"),       // begins at the 1950 event
            period("1950-06", "1950-06"), // begins at the same event, later
            period("1960", "1970"),       // no event within it
            period("1800", "1940"),       // begins before the list, at its first event
            period("1996", "2000"),       // after every event
        ];
        assert_eq!(beginnings(&periods, &starts), [vec![3], vec![0, 1], vec![], vec![]]);
        assert!(beginnings(&periods, &[]).is_empty());
    }
}
