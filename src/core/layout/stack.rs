//! Stacking and clustering, on plain data (no DOM required).
//!
//! Each event gets a box at least `min_box_px` wide (room for its label) starting at its date.
//! Boxes that would overlap stack in rows, first fit. Where a run of overlapping boxes would
//! need more than `max_rows` rows, the run collapses into cluster marks, one per
//! `min_box_px` of axis, each showing how many events it holds. So the number of marks is
//! bounded by the width, whatever the number of events.
//!
//! A box whose date lies on the stage but whose label would run past its right edge (where the
//! stage cuts it) ends at its date instead and reaches leftwards, on whichever row has room for it
//! (see [`PlacedBox::flipped`]).

use crate::core::layout::scale::{clamp, Window};

/// An event on the axis: `key` is its index, `start..end` its interval in day numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    pub key: usize,
    pub start: f64,
    pub end: f64,
    /// The width its label needs, in px (0: the layout's narrowest box will do).
    pub label_px: f32,
}

impl Item {
    /// An item whose label fits the narrowest box.
    pub fn new(key: usize, start: f64, end: f64) -> Item {
        Item { key, start, end, label_px: 0.0 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    pub width_px: f64,
    /// The narrowest box (room for a label), and the width of one cluster bucket.
    pub min_box_px: f64,
    /// The widest box an item's label may ask for (see [`Item::label_px`]).
    pub max_box_px: f64,
    /// Rows a lane may use before dense runs become clusters.
    pub max_rows: usize,
    /// Space kept free after each box.
    pub gap_px: f64,
}

/// An event drawn as a box of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedBox {
    pub key: usize,
    pub row: usize,
    pub x: f64,
    pub width: f64,
    /// The true extent of the interval in px (at least 2).
    pub bar_width: f64,
    /// Whether the box ends at its date bar rather than starting at it: its date lies so near
    /// the stage's right edge that a box starting there would be cut, so it reaches leftwards
    /// and its bar is its right end (`x + width - bar_width` is the date).
    pub flipped: bool,
}

/// Several events shown as one mark with their count.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub row: usize,
    pub x: f64,
    pub width: f64,
    /// The members' earliest start and latest end, in day numbers.
    pub start: f64,
    pub end: f64,
    pub keys: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneLayout {
    pub boxes: Vec<PlacedBox>,
    pub clusters: Vec<Cluster>,
    /// Rows in use (at least 1 when anything is placed).
    pub rows: usize,
}

#[derive(Clone, Copy)]
struct Placed {
    item: Item,
    x: f64,
    bar: f64,
    width: f64,
}

impl Placed {
    /// This item as a box of its own on `row`.
    fn on_row(&self, row: usize) -> PlacedBox {
        PlacedBox {
            key: self.item.key,
            row,
            x: self.x,
            width: self.width,
            bar_width: self.bar,
            flipped: false,
        }
    }
}

/// The larger of two lengths. `f64::max` compiles to a call in the size-optimised wasm build,
/// and these run once per event per frame; neither argument is ever NaN here.
fn larger(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

/// The smaller of two lengths (see [`larger`]).
fn smaller(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

/// Lays out one lane's items (sorted by start, then key) for a window.
///
/// Linear in the items that start before the window ends (with a lane's [`LaneIndex`], see
/// [`layout_indexed`]: in those that reach the window), with no per-item allocation or helper
/// call: at 100,000 events every filter change and every zoomed-out frame runs this over all of
/// them.
pub fn layout_lane(items: &[Item], window: &Window, p: &LayoutParams) -> LaneLayout {
    layout_indexed(items, &LaneIndex::of(items), window, p)
}

/// What a lane's items (sorted by start) tell the layout once, for every window it lays out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneIndex {
    /// How far the items reach: element `i` is the latest end among `items[..=i]`. It never
    /// decreases, so a binary search finds where the items that can reach a window begin:
    /// every item before that ended earlier.
    pub reach: Vec<f64>,
    /// Whether neither starts nor keys ever decrease. Then the boxes are in (x, key) order in
    /// any window, since x never decreases with the start. For a validated dataset this always
    /// holds: its events (the keys) are in date order.
    pub in_order: bool,
}

impl LaneIndex {
    pub fn of(items: &[Item]) -> LaneIndex {
        let mut latest = f64::NEG_INFINITY;
        let reach = items
            .iter()
            .map(|it| {
                latest = larger(it.end, latest);
                latest
            })
            .collect();
        let in_order = items.windows(2).all(|w| w[0].start <= w[1].start && w[0].key <= w[1].key);
        LaneIndex { reach, in_order }
    }
}

/// [`layout_lane`] with the lane's [`LaneIndex`], made once per lane (an index of another
/// length is not used): a window late in a long lane skips the items that ended before it by a
/// binary search rather than reading each of them, and boxes in order are read straight from
/// the items.
pub fn layout_indexed(items: &[Item], index: &LaneIndex, window: &Window, p: &LayoutParams) -> LaneLayout {
    let mut out = LaneLayout::default();
    if !(p.width_px.is_finite() && p.width_px > 0.0) || window.span() <= 0.0 || items.is_empty() {
        return out;
    }
    let min_box = larger(p.min_box_px, 1.0);
    let margin = larger(min_box, p.max_box_px) / p.width_px * window.span();
    // Only events that reach into the window are drawn: one that ended before it is counted by
    // the signpost at the left edge, not shown as the end of a box the edge cuts. The boxes of
    // those dated past the window's end (up to the widest box) are placed, off the stage, so
    // that a pan brings them in on the rows they will keep.
    let (lo, hi) = (window.start, window.end + margin);
    let reaches = move |it: &&Item| it.end > lo;
    let index = Some(index).filter(|x| x.reach.len() == items.len());
    // Items are sorted by start: everything from `upper` on starts after the window, and
    // everything before `lower` ended by `lo`.
    let upper = items.partition_point(|it| it.start < hi);
    let lower = index.map_or(0, |x| x.reach.partition_point(|&r| r <= lo).min(upper));
    let candidates = &items[lower..upper];
    // A box that began before the window starts at its left edge, its bar the part of its
    // interval on the stage: its title is not cut.
    let x_of = |it: &Item| larger(window.x(it.start, p.width_px), 0.0);
    let place = |it: &Item| {
        let x = x_of(it);
        let bar = larger(window.x(it.end, p.width_px) - x, 2.0);
        Placed { item: *it, x, bar, width: larger(bar, larger(min_box, f64::from(it.label_px))) }
    };
    // In (x, key) order, the boxes are read straight from the items: zoomed out on 100,000
    // events, copying each into a list of boxes was most of the layout's time. Otherwise (only
    // events that start on the same day can be out of key order) the visible items are copied
    // and sorted first: an insertion sort, linear on nearly sorted input, and no sort's code
    // in the bundle.
    let sorted: Vec<Item>;
    let source = if index.is_some_and(|x| x.in_order) {
        candidates
    } else {
        let mut visible: Vec<Item> = candidates.iter().filter(reaches).copied().collect();
        crate::core::util::sorting::insertion_sort_by(&mut visible, |it| (x_of(it), it.key));
        sorted = visible;
        &sorted
    };
    // Runs of chain-overlapping boxes, by their positions in `source`.
    let boxes = |a: usize, b: usize| source[a..b].iter().filter(reaches).map(place);
    let mut start_of_run: Option<usize> = None;
    let mut run_end = f64::NEG_INFINITY;
    for (k, it) in source.iter().enumerate().filter(|(_, it)| reaches(it)) {
        let pl = place(it);
        let breaks = pl.x >= run_end;
        match start_of_run {
            Some(a) if breaks => {
                place_run(&|| boxes(a, k), p, min_box, &mut out);
                start_of_run = Some(k);
            }
            None => start_of_run = Some(k),
            _ => {}
        }
        let end = pl.x + pl.width + p.gap_px;
        run_end = if breaks { end } else { larger(run_end, end) };
    }
    if let Some(a) = start_of_run {
        place_run(&|| boxes(a, source.len()), p, min_box, &mut out);
    }
    // The items dated before the right edge, from the edge leftwards (read only as far as the
    // boxes that cross the edge, if any do).
    let on_stage = source.partition_point(|it| x_of(it) < p.width_px);
    flip_at_right_edge(&mut out, p, min_box, source[..on_stage].iter().rev().filter(reaches).map(place));
    if out.rows == 0 && !(out.boxes.is_empty() && out.clusters.is_empty()) {
        out.rows = 1;
    }
    out
}

/// Turns the boxes whose date lies on the stage but whose label runs past its right edge (so
/// that the stage would cut them) to end at their date instead (see [`PlacedBox::flipped`]):
/// on their own row if it has room there, else on the first other row that has, else on a new
/// row while the lane has fewer than `max_rows`. With no room on any row, an event whose date
/// lies in a cluster's bucket joins that cluster (its members stay in key order); else the box
/// ends at the edge where that leaves it a bucket's width at least (its title wraps there,
/// ending in "…" if it then needs a fourth line); otherwise it stays as it was.
///
/// `before_edge` gives the placed items from the right edge leftwards; it is read only as far
/// as the leftmost box that crosses the edge, and no further than the widest label from the
/// edge (`max_box_px`). Every box that crosses the edge crosses the same line, so they all
/// belong to the last run on the stage: a frame with no such box does no more than look at each
/// box once, and one with some reads the few items of that run.
fn flip_at_right_edge<I: Iterator<Item = Placed>>(
    out: &mut LaneLayout,
    p: &LayoutParams,
    min_box: f64,
    before_edge: I,
) {
    let w = p.width_px;
    let mut joined = Vec::new();
    for (k, pl) in crossing_the_edge(out, w - larger(min_box, p.max_box_px), w, before_edge) {
        let label = larger(min_box, f64::from(pl.item.label_px));
        if pl.x < 0.0 || pl.x + label <= w {
            // Dated before the stage, or its label fits: only its interval runs on past the edge.
            continue;
        }
        let right = smaller(pl.x + pl.bar, w);
        let width = smaller(out.boxes[k].width, label);
        let left = right - width;
        let room = w - out.boxes[k].x;
        let flip_row = if left < 0.0 { None } else { free_row(out, k, &joined, left, right, p) };
        if let Some(row) = flip_row {
            out.rows = out.rows.max(row + 1);
            let b = &mut out.boxes[k];
            *b = PlacedBox {
                row,
                x: left,
                width,
                bar_width: smaller(right - pl.x, width),
                flipped: true,
                ..*b
            };
        } else if let Some(c) =
            out.clusters.iter_mut().find(|c| left >= 0.0 && c.x <= pl.x && pl.x < c.x + min_box)
        {
            let key = pl.item.key;
            c.keys.insert(c.keys.partition_point(|&m| m < key), key);
            c.start = smaller(c.start, pl.item.start);
            c.end = larger(c.end, pl.item.end);
            joined.push(k);
        } else if room >= min_box - p.gap_px {
            let b = &mut out.boxes[k];
            b.width = room;
            b.bar_width = smaller(b.bar_width, room);
        }
    }
    // A few at most: an insertion sort, and no sort's code in the bundle for it.
    crate::core::util::sorting::insertion_sort_by(&mut joined, |&k| k);
    for k in joined.into_iter().rev() {
        out.boxes.remove(k);
    }
}

/// The boxes of `out` that cross the right edge at `w`, each with its item as placed (found in
/// `before_edge`, the placed items from the edge leftwards), row by row from the top (on each
/// row at most one box crosses the edge). Boxes dated past the edge or before `from` (where a
/// label fits before the edge) are left out.
fn crossing_the_edge<I: Iterator<Item = Placed>>(
    out: &LaneLayout,
    from: f64,
    w: f64,
    before_edge: I,
) -> Vec<(usize, Placed)> {
    let mut crossing: Vec<usize> = (0..out.boxes.len())
        .filter(|&k| out.boxes[k].x < w && out.boxes[k].x + out.boxes[k].width > w)
        .collect();
    let Some(leftmost) = crossing.iter().map(|&k| out.boxes[k].x).reduce(smaller) else { return Vec::new() };
    let leftmost = larger(leftmost, from);
    crate::core::util::sorting::insertion_sort_by(&mut crossing, |&k| out.boxes[k].row);
    let mut found: Vec<Option<Placed>> = vec![None; crossing.len()];
    let mut missing = crossing.len();
    for pl in before_edge {
        if pl.x < leftmost || missing == 0 {
            break;
        }
        if let Some(n) = crossing.iter().position(|&k| out.boxes[k].key == pl.item.key).filter(|_| pl.x < w) {
            found[n] = Some(pl);
            missing -= 1;
        }
    }
    crossing.into_iter().zip(found).filter_map(|(k, pl)| Some((k, pl?))).collect()
}

/// The row on which box `k` of `out` would have room from `left` to `right` (keeping `gap_px`
/// to every other mark but the boxes `gone`): its own, else the first other one, else a new one
/// while the lane has fewer than `max_rows`.
fn free_row(
    out: &LaneLayout,
    k: usize,
    gone: &[usize],
    left: f64,
    right: f64,
    p: &LayoutParams,
) -> Option<usize> {
    let mut taken = vec![false; out.rows.max(1)];
    let others = (out.boxes.iter().enumerate())
        .filter(|&(j, _)| j != k && !gone.contains(&j))
        .map(|(_, b)| (b.row, b.x, b.width));
    for (row, x, width) in others.chain(out.clusters.iter().map(|c| (c.row, c.x, c.width))) {
        if x < right + p.gap_px && left < x + width + p.gap_px && row < taken.len() {
            taken[row] = true;
        }
    }
    let own = out.boxes[k].row;
    if !taken.get(own).copied().unwrap_or(true) {
        return Some(own);
    }
    if let Some(row) = taken.iter().position(|&t| !t) {
        return Some(row);
    }
    (out.rows < p.max_rows).then_some(out.rows)
}

/// Places one run of chain-overlapping boxes (`run()` gives them in order, as often as asked).
fn place_run<I: Iterator<Item = Placed>>(
    run: &dyn Fn() -> I,
    p: &LayoutParams,
    min_box: f64,
    out: &mut LaneLayout,
) {
    // First fit into rows; a run that needs more than `max_rows` stops being placed at once.
    let mut row_ends: Vec<f64> = Vec::new();
    let mut rows_of = Vec::new();
    for pl in run() {
        let row = match row_ends.iter().position(|&end| end <= pl.x) {
            Some(r) => r,
            None => {
                row_ends.push(f64::NEG_INFINITY);
                row_ends.len() - 1
            }
        };
        row_ends[row] = pl.x + pl.width + p.gap_px;
        rows_of.push(row);
        if row_ends.len() > p.max_rows {
            break;
        }
    }
    if row_ends.len() <= p.max_rows {
        for (pl, row) in run().zip(rows_of) {
            out.boxes.push(pl.on_row(row));
        }
        out.rows = out.rows.max(row_ends.len());
        return;
    }
    // Too dense for `max_rows` rows: the first `max_rows - 1` rows take, first fit, the boxes
    // that fit in them, and the rest gather in clusters on the row below them, one per bucket of
    // `min_box` px from the run's left edge. Only while at least a third of the run fits: where
    // nearly all of it would be clustered anyway, a few boxes picked by first fit say less than
    // the clusters, so the whole run clusters on its first row (as with a single row).
    let box_rows = p.max_rows.saturating_sub(1);
    let mut kept = LaneLayout::default();
    let mut spilled = LaneLayout::default();
    // Rows hold at most this many boxes in all (each box at least `min_box` wide, in the window
    // and its margins): once more than twice as many events are spilled, fewer than a third of
    // the run keep a box and it clusters whole, so the first fit stops there and its incomplete
    // result is never used (at 100,000 events that is most of a zoomed-out frame's layout).
    let most_kept = box_rows * ((p.width_px + 2.0 * larger(min_box, p.max_box_px)) / min_box + 2.0) as usize;
    let spilled_count = place_first_fit(run, p, min_box, box_rows, 2 * most_kept, &mut kept, &mut spilled);
    if 2 * kept.boxes.len() >= spilled_count {
        out.boxes.append(&mut kept.boxes);
        out.boxes.append(&mut spilled.boxes);
        out.clusters.append(&mut spilled.clusters);
        out.rows = out.rows.max(box_rows + 1);
    } else {
        let mut whole = LaneLayout::default();
        place_first_fit(run, p, min_box, 0, usize::MAX, &mut LaneLayout::default(), &mut whole);
        out.boxes.append(&mut whole.boxes);
        out.clusters.append(&mut whole.clusters);
        out.rows = out.rows.max(1);
    }
}

/// First fit of a run into `box_rows` rows: the boxes that fit go to `kept`, the rest into
/// buckets (clusters, or a box for one alone) on row `box_rows` in `spilled`; returns how many
/// events were spilled, or stops with more than `give_up` spilled.
fn place_first_fit<I: Iterator<Item = Placed>>(
    run: &dyn Fn() -> I,
    p: &LayoutParams,
    min_box: f64,
    box_rows: usize,
    give_up: usize,
    kept: &mut LaneLayout,
    spilled: &mut LaneLayout,
) -> usize {
    let mut row_ends = vec![f64::NEG_INFINITY; box_rows];
    // The earliest any row is free again: a box starting before it fits in no row, which
    // settles most boxes of a very dense run without looking at the rows.
    let mut free_from = if box_rows == 0 { f64::INFINITY } else { f64::NEG_INFINITY };
    let mut x0 = None;
    let mut bucket: Option<Bucket> = None;
    let mut count = 0;
    let width = larger(min_box - p.gap_px, 1.0);
    for pl in run() {
        let x0 = *x0.get_or_insert(pl.x);
        if pl.x >= free_from {
            if let Some(row) = row_ends.iter().position(|&end| end <= pl.x) {
                row_ends[row] = pl.x + pl.width + p.gap_px;
                free_from = row_ends.iter().fold(f64::INFINITY, |m, &e| if e < m { e } else { m });
                kept.boxes.push(pl.on_row(row));
                continue;
            }
        }
        count += 1;
        if count > give_up {
            return count;
        }
        let index = ((pl.x - x0) / min_box).floor();
        match &mut bucket {
            Some(b) if b.index == index => b.add(&pl),
            _ => {
                if let Some(done) = bucket.replace(Bucket::new(index, pl)) {
                    done.place(x0, min_box, width, box_rows, spilled);
                }
            }
        }
    }
    if let (Some(done), Some(x0)) = (bucket, x0) {
        done.place(x0, min_box, width, box_rows, spilled);
    }
    fit_lone_boxes(spilled, (0, 0), box_rows, width, p);
    count
}

/// Narrows the boxes of events alone in their bucket on cluster row `row` (those of `out`
/// from `boxes_from` on, beside its clusters from `clusters_from` on) to end `gap` before the
/// next mark of that row, and at the stage's right edge (`p.width_px`), so that each shows as
/// much of its title as the row leaves room for: a long title in a bucket's width was cut after
/// three lines. No box gets narrower than its bucket (`bucket` px), and the run ends after every
/// box's full width, so none reaches into the next run.
fn fit_lone_boxes(out: &mut LaneLayout, from: (usize, usize), row: usize, bucket: f64, p: &LayoutParams) {
    let (boxes_from, clusters_from) = from;
    let gap = p.gap_px;
    let lefts: Vec<f64> = (out.boxes[boxes_from..].iter().filter(|b| b.row == row).map(|b| b.x))
        .chain(out.clusters[clusters_from..].iter().filter(|c| c.row == row).map(|c| c.x))
        .collect();
    for b in out.boxes[boxes_from..].iter_mut().filter(|b| b.row == row) {
        let next = lefts.iter().copied().filter(|&x| x > b.x).fold(p.width_px + gap, smaller);
        b.width = larger(smaller(b.width, next - gap - b.x), bucket);
        b.bar_width = smaller(b.bar_width, b.width);
    }
}

/// The boxes of a run that found no row, in one bucket of the cluster row.
struct Bucket {
    index: f64,
    first: Placed,
    keys: Vec<usize>,
    start: f64,
    end: f64,
}

impl Bucket {
    fn new(index: f64, first: Placed) -> Bucket {
        Bucket { index, first, keys: Vec::new(), start: first.item.start, end: first.item.end }
    }

    fn add(&mut self, pl: &Placed) {
        if self.keys.is_empty() {
            self.keys.push(self.first.item.key);
        }
        self.keys.push(pl.item.key);
        if pl.item.start < self.start {
            self.start = pl.item.start;
        }
        if pl.item.end > self.end {
            self.end = pl.item.end;
        }
    }

    /// Adds the bucket to `out` on row `row`: a cluster, or for one event alone a box as wide
    /// as its label asks (at least a bucket; [`fit_lone_boxes`] then keeps it clear of the next
    /// bucket).
    fn place(self, x0: f64, min_box: f64, width: f64, row: usize, out: &mut LaneLayout) {
        let x = x0 + self.index * min_box;
        if self.keys.is_empty() {
            let (width, bar_width) = (larger(width, self.first.width), self.first.bar);
            out.boxes.push(PlacedBox { key: self.first.item.key, row, x, width, bar_width, flipped: false });
        } else {
            out.clusters.push(Cluster { row, x, width, start: self.start, end: self.end, keys: self.keys });
        }
    }
}

/// Counts of items per bin over `domain` (an item counts in every bin it touches).
pub fn density(items: impl IntoIterator<Item = Item>, domain: &Window, bins: usize) -> Vec<u32> {
    let mut out = vec![0u32; bins];
    let span = domain.span();
    // A span that is not positive (or NaN) has nothing to bin.
    if bins == 0 || span.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return out;
    }
    let last = bins as f64 - 1.0;
    for it in items {
        if it.end <= domain.start || it.start >= domain.end {
            continue;
        }
        let a = clamp(((it.start - domain.start) / span * bins as f64).floor(), 0.0, last) as usize;
        let b = clamp(((it.end - domain.start) / span * bins as f64).ceil(), 1.0, bins as f64) as usize;
        for c in &mut out[a..b.max(a + 1)] {
            *c += 1;
        }
    }
    out
}

/// The height of the density chart drawn by [`density_path`], in its own units.
pub const DENSITY_HEIGHT: u32 = 100;

/// The density as one SVG path in a `bins.len()` × [`DENSITY_HEIGHT`] box: one bar per non-empty
/// bin, as tall as its share of the largest bin but never under 8 % so a single event stays
/// visible. Integer arithmetic only.
///
/// One path element replaces a span per bin: a filter change then rewrites one attribute instead
/// of removing and inserting a hundred boxes that each need layout.
pub fn density_path(bins: &[u32]) -> String {
    use std::fmt::Write;
    let max = u64::from(bins.iter().copied().max().unwrap_or(0).max(1));
    let full = u64::from(DENSITY_HEIGHT);
    let mut d = String::with_capacity(bins.len() * 16);
    for (k, &c) in bins.iter().enumerate() {
        if c == 0 {
            continue;
        }
        let h = ((u64::from(c) * full + max / 2) / max).clamp(full * 8 / 100, full);
        let _ = write!(d, "M{k} {full}V{}h1V{full}z", full - h);
    }
    d
}

/// The interval from the earliest start to the latest end (no span limits applied), in one
/// pass (callers hand in the filtered events' items without collecting them first).
pub fn domain(items: impl IntoIterator<Item = Item>) -> Option<Window> {
    let (start, end) = items
        .into_iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(s, e), it| (s.min(it.start), e.max(it.end)));
    (start.is_finite() && end.is_finite()).then_some(Window { start, end })
}

/// A CSS length such as `12.5px` or `33.33%`: `value` rounded to `decimals` places (at most 3)
/// and written with integer arithmetic only. Non-finite values give zero.
///
/// Positions are written on every zoom and pan step; keeping float formatting out of that path
/// is faster and leaves Rust's float printing machinery out of the bundle.
pub fn css_len(value: f64, decimals: u32, unit: &str) -> String {
    let decimals = decimals.min(3);
    let scale = 10u64.pow(decimals);
    let scaled = if value.is_finite() { (value * scale as f64).round() } else { 0.0 };
    // Saturating float-to-int conversion keeps absurd inputs bounded.
    let v = scaled as i64;
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    let (whole, frac) = (a / scale, a % scale);
    if decimals == 0 {
        format!("{sign}{whole}{unit}")
    } else {
        format!("{sign}{whole}.{frac:0width$}{unit}", width = decimals as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod reference {
        use super::super::*;

        /// The layout as first written (before it was tuned for the wasm build), kept as the
        /// reference the tuned one must agree with exactly.
        pub(super) fn layout_lane_reference(items: &[Item], window: &Window, p: &LayoutParams) -> LaneLayout {
            let mut out = LaneLayout::default();
            if !(p.width_px.is_finite() && p.width_px > 0.0) || window.span() <= 0.0 || items.is_empty() {
                return out;
            }
            let min_box = p.min_box_px.max(1.0);
            let margin = larger(min_box, p.max_box_px) / p.width_px * window.span();
            let (lo, hi) = (window.start, window.end + margin);
            // Items are sorted by start: everything from `upper` on starts after the window.
            let upper = items.partition_point(|it| it.start < hi);
            let mut visible: Vec<Placed> = items[..upper]
                .iter()
                .filter(|it| it.end > lo)
                .map(|&item| {
                    let x = window.x(item.start, p.width_px).max(0.0);
                    let bar = (window.x(item.end, p.width_px) - x).max(2.0);
                    Placed { item, x, bar, width: bar.max(min_box.max(f64::from(item.label_px))) }
                })
                .collect();
            visible.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.item.key.cmp(&b.item.key)));

            // Runs of chain-overlapping boxes.
            let mut start_of_run = 0;
            let mut run_end = f64::NEG_INFINITY;
            for k in 0..=visible.len() {
                let breaks = k == visible.len() || visible[k].x >= run_end;
                if breaks && k > start_of_run {
                    place_run_reference(&visible[start_of_run..k], p, min_box, &mut out);
                    start_of_run = k;
                }
                if k < visible.len() {
                    run_end = if breaks {
                        visible[k].x + visible[k].width + p.gap_px
                    } else {
                        run_end.max(visible[k].x + visible[k].width + p.gap_px)
                    };
                }
            }
            flip_at_right_edge(&mut out, p, min_box, visible.iter().rev().copied());
            if out.rows == 0 && !(out.boxes.is_empty() && out.clusters.is_empty()) {
                out.rows = 1;
            }
            out
        }

        fn place_run_reference(run: &[Placed], p: &LayoutParams, min_box: f64, out: &mut LaneLayout) {
            // First fit into rows.
            let mut row_ends: Vec<f64> = Vec::new();
            let mut rows_of = Vec::with_capacity(run.len());
            for pl in run {
                let row = match row_ends.iter().position(|&end| end <= pl.x) {
                    Some(r) => r,
                    None => {
                        row_ends.push(f64::NEG_INFINITY);
                        row_ends.len() - 1
                    }
                };
                row_ends[row] = pl.x + pl.width + p.gap_px;
                rows_of.push(row);
                if row_ends.len() > p.max_rows {
                    break;
                }
            }
            if row_ends.len() <= p.max_rows {
                for (pl, row) in run.iter().zip(rows_of) {
                    out.boxes.push(pl.on_row(row));
                }
                out.rows = out.rows.max(row_ends.len());
                return;
            }
            // Too dense: the first `max_rows - 1` rows take what fits, first fit; the rest
            // cluster on the row below, one cluster per bucket of `min_box` px from the run's
            // left edge; unless less than a third of the run fits, when all of it clusters on row 0.
            let mut box_rows = p.max_rows.saturating_sub(1);
            let mut ends: Vec<f64> = vec![f64::NEG_INFINITY; box_rows];
            let mut fits: Vec<(&Placed, usize)> = Vec::new();
            let mut rest: Vec<&Placed> = Vec::new();
            for pl in run {
                match ends.iter().position(|&e| e <= pl.x) {
                    Some(row) => {
                        ends[row] = pl.x + pl.width + p.gap_px;
                        fits.push((pl, row));
                    }
                    None => rest.push(pl),
                }
            }
            if 2 * fits.len() < rest.len() {
                box_rows = 0;
                fits.clear();
                rest = run.iter().collect();
            }
            for (pl, row) in fits {
                out.boxes.push(pl.on_row(row));
            }
            let x0 = run[0].x;
            let (boxes_from, clusters_from) = (out.boxes.len(), out.clusters.len());
            let mut k = 0;
            while k < rest.len() {
                let bucket = ((rest[k].x - x0) / min_box).floor();
                let mut members = Vec::new();
                let (mut start, mut end) = (f64::INFINITY, f64::NEG_INFINITY);
                let first = rest[k];
                while k < rest.len() && ((rest[k].x - x0) / min_box).floor() == bucket {
                    members.push(rest[k].item.key);
                    start = start.min(rest[k].item.start);
                    end = end.max(rest[k].item.end);
                    k += 1;
                }
                let x = x0 + bucket * min_box;
                let width = (min_box - p.gap_px).max(1.0);
                if members.len() == 1 {
                    out.boxes.push(PlacedBox {
                        key: members[0],
                        row: box_rows,
                        x,
                        width: width.max(first.width),
                        bar_width: first.bar,
                        flipped: false,
                    });
                } else {
                    out.clusters.push(Cluster { row: box_rows, x, width, start, end, keys: members });
                }
            }
            fit_lone_boxes(out, (boxes_from, clusters_from), box_rows, (min_box - p.gap_px).max(1.0), p);
            out.rows = out.rows.max(box_rows + 1);
        }
    }

    #[test]
    fn the_density_path_draws_one_bar_per_non_empty_bin_scaled_to_the_largest() {
        assert_eq!(density_path(&[0, 4, 2, 1, 0]), "M1 100V0h1V100zM2 100V50h1V100zM3 100V75h1V100z");
    }

    #[test]
    fn a_lone_event_beside_a_crowded_bin_stays_visible_in_the_density_path() {
        assert_eq!(density_path(&[1000, 1]), "M0 100V0h1V100zM1 100V92h1V100z");
    }

    #[test]
    fn an_empty_density_draws_nothing() {
        assert_eq!(density_path(&[]), "");
        assert_eq!(density_path(&[0, 0, 0]), "");
    }

    fn params() -> LayoutParams {
        LayoutParams { width_px: 1000.0, min_box_px: 100.0, max_box_px: 0.0, max_rows: 3, gap_px: 4.0 }
    }

    fn item(key: usize, start: f64, len: f64) -> Item {
        Item::new(key, start, start + len)
    }

    fn window() -> Window {
        Window { start: 0.0, end: 1000.0 }
    }

    fn assert_no_overlap(l: &LaneLayout) {
        let mut marks: Vec<(usize, f64, f64)> = l.boxes.iter().map(|b| (b.row, b.x, b.x + b.width)).collect();
        marks.extend(l.clusters.iter().map(|c| (c.row, c.x, c.x + c.width)));
        for (i, a) in marks.iter().enumerate() {
            for b in &marks[i + 1..] {
                if a.0 == b.0 {
                    assert!(a.2 <= b.1 || b.2 <= a.1, "{a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn sparse_events_sit_in_one_row() {
        let items: Vec<_> = (0..5).map(|k| item(k, k as f64 * 200.0, 1.0)).collect();
        let l = layout_lane(&items, &window(), &params());
        assert_eq!(l.rows, 1);
        assert_eq!(l.boxes.len(), 5);
        assert!(l.clusters.is_empty());
        assert!(l.boxes.iter().all(|b| b.row == 0 && b.width == 100.0));
    }

    #[test]
    fn overlapping_events_stack_first_fit() {
        let items = [item(0, 0.0, 1.0), item(1, 50.0, 1.0), item(2, 120.0, 1.0)];
        let l = layout_lane(&items, &window(), &params());
        let rows: Vec<_> = l.boxes.iter().map(|b| (b.key, b.row)).collect();
        assert_eq!(rows, [(0, 0), (1, 1), (2, 0)]);
        assert_eq!(l.rows, 2);
        assert_no_overlap(&l);
    }

    #[test]
    fn a_run_needing_more_rows_than_allowed_keeps_the_boxes_that_fit_and_clusters_the_rest_below() {
        // Three rows allowed; the run needs four. Two rows of boxes keep four events, and the
        // two that fit nowhere cluster on the third row.
        let items = [
            item(0, 0.0, 1.0),
            item(1, 10.0, 1.0),
            item(2, 30.0, 1.0),
            item(3, 40.0, 1.0),
            item(4, 120.0, 1.0),
            item(5, 125.0, 1.0),
        ];
        let l = layout_lane(&items, &window(), &params());
        assert_eq!(
            l.boxes.iter().map(|b| (b.key, b.row)).collect::<Vec<_>>(),
            [(0, 0), (1, 1), (4, 0), (5, 1)]
        );
        assert_eq!(l.clusters.len(), 1);
        assert_eq!((l.clusters[0].row, l.clusters[0].keys.clone()), (2, vec![2, 3]));
        assert_eq!((l.clusters[0].start, l.clusters[0].end), (30.0, 41.0));
        assert_eq!(l.rows, 3);
        assert_no_overlap(&l);
    }

    #[test]
    fn a_run_of_which_most_would_be_clustered_is_clustered_whole() {
        let items: Vec<_> = (0..10).map(|k| item(k, 500.0 + k as f64, 1.0)).collect();
        let l = layout_lane(&items, &window(), &params());
        assert!(l.boxes.is_empty());
        assert_eq!(l.clusters.len(), 1);
        assert_eq!((l.clusters[0].row, l.clusters[0].keys.clone()), (0, (0..10).collect::<Vec<_>>()));
        assert_eq!((l.clusters[0].start, l.clusters[0].end), (500.0, 510.0));
        assert_eq!(l.rows, 1);
        assert_no_overlap(&l);
    }

    #[test]
    fn long_intervals_get_boxes_as_wide_as_their_time() {
        let l = layout_lane(&[item(0, 100.0, 300.0)], &window(), &params());
        assert_eq!(l.boxes[0].bar_width, 300.0);
        assert_eq!(l.boxes[0].width, 300.0);
    }

    #[test]
    fn events_outside_the_window_are_left_out() {
        let items = [item(0, -5000.0, 1.0), item(1, 500.0, 1.0), item(2, 9000.0, 1.0)];
        let l = layout_lane(&items, &window(), &params());
        assert_eq!(l.boxes.iter().map(|b| b.key).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn the_same_input_always_gives_the_same_layout() {
        let items: Vec<_> = (0..50).map(|k| item(k, (k * 37 % 1000) as f64, (k % 7) as f64 + 1.0)).collect();
        let mut sorted = items.clone();
        sorted.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.key.cmp(&b.key)));
        let a = layout_lane(&sorted, &window(), &params());
        let b = layout_lane(&sorted, &window(), &params());
        assert_eq!(a, b);
        assert_no_overlap(&a);
    }

    #[test]
    fn a_hundred_thousand_events_give_a_bounded_number_of_marks() {
        let items: Vec<_> = (0..100_000).map(|k| item(k, k as f64 / 100.0, 1.0)).collect();
        let l = layout_lane(&items, &window(), &params());
        let marks = l.boxes.len() + l.clusters.len();
        assert!(marks <= (1000 / 100 + 3) * 3, "{marks} marks");
        let total: usize = l.boxes.len() + l.clusters.iter().map(|c| c.keys.len()).sum::<usize>();
        assert!(total >= 100_000 - 1, "every visible event is counted somewhere: {total}");
        assert_no_overlap(&l);
    }

    /// The events' marks, each counted once: (key, row) of boxes and members of clusters.
    fn assert_each_event_once(l: &LaneLayout, keys: &[usize]) {
        let mut seen: Vec<usize> = l.boxes.iter().map(|b| b.key).collect();
        seen.extend(l.clusters.iter().flat_map(|c| c.keys.iter().copied()));
        seen.sort_unstable();
        let mut want = keys.to_vec();
        want.sort_unstable();
        assert_eq!(seen, want);
    }

    #[test]
    fn a_box_crossing_the_right_edge_extends_leftwards_from_its_date() {
        let items = [item(0, 100.0, 1.0), item(1, 950.0, 1.0)];
        let l = layout_lane(&items, &window(), &params());
        assert_eq!(
            l.boxes[0],
            PlacedBox { key: 0, row: 0, x: 100.0, width: 100.0, bar_width: 2.0, flipped: false }
        );
        // Its right end is the end of its date bar, two px after its date.
        assert_eq!(
            l.boxes[1],
            PlacedBox { key: 1, row: 0, x: 852.0, width: 100.0, bar_width: 2.0, flipped: true }
        );
        assert_eq!(l.rows, 1);
    }

    #[test]
    fn a_flipped_box_ends_at_the_edge_when_its_interval_runs_past_it() {
        // An interval from 960 to 1100: its bar reaches the edge, and its box ends there.
        let l = layout_lane(&[item(0, 960.0, 140.0)], &window(), &params());
        assert_eq!(
            l.boxes[0],
            PlacedBox { key: 0, row: 0, x: 900.0, width: 100.0, bar_width: 40.0, flipped: true }
        );
    }

    #[test]
    fn a_box_whose_label_fits_before_the_edge_is_not_flipped_though_its_interval_runs_on() {
        let l = layout_lane(&[item(0, 800.0, 400.0)], &window(), &params());
        assert_eq!(
            l.boxes[0],
            PlacedBox { key: 0, row: 0, x: 800.0, width: 400.0, bar_width: 400.0, flipped: false }
        );
    }

    #[test]
    fn an_event_that_ended_before_the_window_is_not_drawn_though_its_box_would_reach_into_it() {
        // Item 0's box (from -60, 100 px wide) would show its last 40 px on the stage.
        let items = [item(0, -60.0, 1.0), item(1, 300.0, 1.0)];
        let l = layout_lane(&items, &window(), &params());
        let keys: Vec<usize> = l.boxes.iter().map(|b| b.key).collect();
        assert_eq!(keys, [1]);
    }

    #[test]
    fn a_box_that_began_before_the_window_starts_at_its_left_edge_with_the_rest_of_its_interval() {
        let items = [item(0, -200.0, 260.0), item(1, -100.0, 300.0), item(2, 500.0, 1.0)];
        let l = layout_lane(&items, &window(), &params());
        let placed: Vec<(usize, usize, f64, f64)> =
            l.boxes.iter().map(|b| (b.key, b.row, b.x, b.bar_width)).collect();
        assert_eq!(placed, [(0, 0, 0.0, 60.0), (1, 1, 0.0, 200.0), (2, 0, 500.0, 2.0)]);
        assert_no_overlap(&l);
    }

    #[test]
    fn a_box_with_no_row_to_end_at_its_date_on_is_narrowed_to_the_edge() {
        // Box 1 (880, asking 200 px) would end at its date from 682, over box 0 (600..840), and
        // one row is all the lane has: it ends at the edge instead, 120 px wide.
        let mut items = [item(0, 600.0, 1.0), item(1, 880.0, 1.0)];
        items[0].label_px = 240.0;
        items[1].label_px = 200.0;
        let l = layout_lane(&items, &window(), &LayoutParams { max_rows: 1, max_box_px: 320.0, ..params() });
        assert_eq!(
            l.boxes[1],
            PlacedBox { key: 1, row: 0, x: 880.0, width: 120.0, bar_width: 2.0, flipped: false }
        );
        assert_no_overlap(&l);
    }

    #[test]
    fn boxes_dated_outside_the_stage_are_not_flipped() {
        let items = [item(0, -50.0, 60.0), item(1, 1000.0, 1.0), item(2, 1050.0, 1.0)];
        let l = layout_lane(&items, &window(), &params());
        assert_eq!(l.boxes.len(), 3);
        assert!(l.boxes.iter().all(|b| !b.flipped), "{l:?}");
    }

    #[test]
    fn a_flipped_box_takes_another_row_when_its_own_is_taken() {
        // Box 2 (row 0, 810..910) leaves no room for box 3 flipped (852..952) on row 0; box 1
        // (row 1, 740..840) leaves room on row 1.
        let items = [item(0, 700.0, 1.0), item(1, 740.0, 1.0), item(2, 810.0, 1.0), item(3, 950.0, 1.0)];
        let l = layout_lane(&items, &window(), &params());
        let rows: Vec<_> = l.boxes.iter().map(|b| (b.key, b.row, b.flipped)).collect();
        assert_eq!(rows, [(0, 0, false), (1, 1, false), (2, 0, false), (3, 1, true)]);
        assert_eq!((l.boxes[3].x, l.rows), (852.0, 2));
        assert_no_overlap(&l);
    }

    #[test]
    fn a_flipped_box_takes_a_new_row_while_the_lane_has_rows_to_spare() {
        let items = [item(0, 700.0, 1.0), item(1, 820.0, 1.0), item(2, 950.0, 1.0)];
        let l = layout_lane(&items, &window(), &params());
        let rows: Vec<_> = l.boxes.iter().map(|b| (b.key, b.row, b.flipped)).collect();
        assert_eq!(rows, [(0, 0, false), (1, 0, false), (2, 1, true)]);
        assert_eq!(l.rows, 2);
        assert_no_overlap(&l);
    }

    #[test]
    fn a_box_with_no_room_anywhere_stays_where_it_was() {
        // Two rows allowed, both taken just left of the edge.
        let p = LayoutParams { max_rows: 2, ..params() };
        let items = [item(0, 760.0, 1.0), item(1, 800.0, 1.0), item(2, 950.0, 1.0)];
        let l = layout_lane(&items, &window(), &p);
        assert_eq!(
            l.boxes[2],
            PlacedBox { key: 2, row: 0, x: 950.0, width: 100.0, bar_width: 2.0, flipped: false }
        );
        assert_eq!(l.rows, 2);
        assert_no_overlap(&l);
    }

    #[test]
    fn a_box_with_no_room_on_any_row_joins_the_cluster_that_holds_its_date() {
        // Two rows of boxes and a cluster row: box 10 (940) would end at its date (842..942),
        // but boxes 6 and 7 and the cluster of events 8 and 9 (910..1006) leave no room for it.
        let starts = [610.0, 612.0, 620.0, 630.0, 730.0, 740.0, 835.0, 844.0, 915.0, 920.0, 940.0];
        let items: Vec<_> = starts.iter().enumerate().map(|(k, &s)| item(k, s, 1.0)).collect();
        let l = layout_lane(&items, &window(), &params());
        assert_each_event_once(&l, &(0..11).collect::<Vec<_>>());
        let clusters: Vec<_> =
            l.clusters.iter().map(|c| (c.row, c.x, c.keys.clone(), c.start, c.end)).collect();
        assert_eq!(
            clusters,
            [(2, 610.0, vec![2, 3], 620.0, 631.0), (2, 910.0, vec![8, 9, 10], 915.0, 941.0)]
        );
        assert!(l.boxes.iter().all(|b| b.x + b.width <= 1000.0 && !b.flipped), "{l:?}");
        assert_no_overlap(&l);
    }

    #[test]
    fn an_event_alone_in_its_bucket_gets_the_width_its_title_asks_up_to_the_next_cluster() {
        // Three rows, the third for clusters: events 2, 3 and 6 find no row. Event 2 is alone in
        // the first bucket and asks for 300 px; the cluster of 3 and 6 two buckets on stops it.
        let mut items: Vec<Item> = [100.0, 102.0, 104.0, 310.0, 330.0, 340.0, 350.0]
            .iter()
            .enumerate()
            .map(|(k, &s)| item(k, s, 1.0))
            .collect();
        items[2].label_px = 300.0;
        items[3].label_px = 240.0;
        let l = layout_lane(&items, &window(), &params());
        assert_each_event_once(&l, &(0..7).collect::<Vec<_>>());
        let lone = l.boxes.iter().find(|b| b.key == 2).unwrap();
        let next = l.clusters.iter().filter(|c| c.row == lone.row).map(|c| c.x).fold(f64::INFINITY, f64::min);
        assert!(lone.width > 96.0, "wider than a bucket: {lone:?}");
        assert_eq!(lone.x + lone.width + 4.0, next.min(lone.x + 300.0), "{lone:?} {:?}", l.clusters);
        assert_no_overlap(&l);
    }

    #[test]
    fn a_lone_event_in_the_cluster_row_near_the_edge_flips_too() {
        // Three rows, the third for clusters: events 2 and 3 find no row and cluster, and so does
        // event 8, alone in its bucket (910..1006) and so a box of the bucket's width there (the
        // stage ends before its label would).
        let starts = [610.0, 612.0, 620.0, 630.0, 730.0, 740.0, 835.0, 844.0, 920.0];
        let items: Vec<_> = starts.iter().enumerate().map(|(k, &s)| item(k, s, 1.0)).collect();
        let l = layout_lane(&items, &window(), &params());
        assert_each_event_once(&l, &(0..9).collect::<Vec<_>>());
        assert_eq!(l.clusters.iter().map(|c| (c.row, c.keys.clone())).collect::<Vec<_>>(), [(2, vec![2, 3])]);
        let last = l.boxes.iter().find(|b| b.key == 8).unwrap();
        assert_eq!(last, &PlacedBox { key: 8, row: 2, x: 826.0, width: 96.0, bar_width: 2.0, flipped: true });
        assert_no_overlap(&l);
    }

    proptest::proptest! {
        /// Random lanes at random zooms: flipped boxes end on the stage, at the end of their
        /// date bar, overlap nothing on their row, and every event is drawn exactly once.
        #[test]
        fn flipped_boxes_never_overlap_their_row_and_no_box_starts_before_the_stage(
            raw in proptest::collection::vec((0u32..400, 0u32..40, 0u16..300), 0..120),
            window in (0i32..200, 20u32..400),
            width in 200u32..1400,
            max_rows in 1usize..6,
        ) {
            let mut items: Vec<Item> = raw
                .iter()
                .map(|&(start, len, label)| Item { label_px: f32::from(label), ..item(0, f64::from(start), f64::from(len.max(1))) })
                .collect();
            items.sort_by(|a, b| a.start.total_cmp(&b.start));
            for (k, it) in items.iter_mut().enumerate() {
                it.key = k;
            }
            let w = Window { start: f64::from(window.0), end: f64::from(window.0) + f64::from(window.1) };
            let p = LayoutParams { width_px: f64::from(width), min_box_px: 150.0, max_box_px: 320.0, max_rows, gap_px: 6.0 };
            let l = layout_lane(&items, &w, &p);
            assert_no_overlap(&l);
            let shown: Vec<usize> = items.iter().filter(|it| it.end > w.start && it.start < w.end + 320.0 / p.width_px * w.span()).map(|it| it.key).collect();
            assert_each_event_once(&l, &shown);
            proptest::prop_assert!(l.rows <= max_rows.max(1));
            for b in &l.boxes {
                proptest::prop_assert!(b.x >= 0.0, "{:?} starts on the stage", b);
            }
            for b in l.boxes.iter().filter(|b| b.flipped) {
                let date = w.x(items[b.key].start, p.width_px);
                proptest::prop_assert!(b.x >= 0.0 && b.x + b.width <= p.width_px, "{:?} lies on the stage", b);
                proptest::prop_assert!((b.x + b.width - b.bar_width - date).abs() < 1e-9, "{:?} ends its bar at its date {}", b, date);
                proptest::prop_assert!(b.row < l.rows);
            }
        }
    }

    #[test]
    fn density_counts_every_bin_an_item_touches() {
        let items = [item(0, 0.0, 1.0), item(1, 0.0, 500.0), item(2, 999.0, 1.0)];
        let d = density(items.iter().copied(), &window(), 10);
        assert_eq!(d, [2, 1, 1, 1, 1, 0, 0, 0, 0, 1]);
        assert_eq!(density(items.iter().copied(), &Window { start: 0.0, end: 0.0 }, 10), vec![0; 10]);
    }

    #[test]
    fn the_domain_spans_earliest_start_to_latest_end() {
        let items = [item(0, 5.0, 1.0), item(1, -3.0, 100.0)];
        assert_eq!(domain(items.iter().copied()), Some(Window { start: -3.0, end: 97.0 }));
        assert_eq!(domain([]), None);
    }

    #[test]
    fn css_lengths_are_rounded_like_float_formatting() {
        assert_eq!(css_len(12.34, 1, "px"), "12.3px");
        assert_eq!(css_len(12.36, 1, "px"), "12.4px");
        assert_eq!(css_len(-0.04, 1, "px"), "0.0px");
        assert_eq!(css_len(-3.25, 2, "%"), "-3.25%");
        assert_eq!(css_len(7.0, 0, "px"), "7px");
        assert_eq!(css_len(99.999, 2, "%"), "100.00%");
        assert_eq!(css_len(f64::NAN, 1, "px"), "0.0px");
        assert_eq!(css_len(f64::INFINITY, 1, "px"), "0.0px");
        for k in -2000..2000 {
            let x = k as f64 * 0.37;
            assert_eq!(css_len(x, 1, "px"), format!("{:.1}px", (x * 10.0).round() / 10.0 + 0.0), "{x}");
        }
    }

    #[test]
    fn a_lanes_reach_is_the_latest_end_so_far() {
        let items = [item(0, 0.0, 50.0), item(1, 10.0, 10.0), item(2, 30.0, 60.0), item(3, 40.0, 1.0)];
        assert_eq!(LaneIndex::of(&items).reach, [50.0, 50.0, 90.0, 90.0]);
        assert!(LaneIndex::of(&[]).reach.is_empty());
    }

    #[test]
    fn a_long_span_that_began_early_still_reaches_a_late_window() {
        // The window starts at 0. Item 0 ended before it and is skipped by the reach; item 1
        // starts long before it and ends inside it; item 2 ended before it.
        let items =
            [item(0, -600.0, 10.0), item(1, -500.0, 620.0), item(2, -300.0, 10.0), item(3, 150.0, 1.0)];
        let (w, p) = (window(), params());
        assert_eq!(LaneIndex::of(&items).reach.partition_point(|&r| r <= 0.0), 1);
        let laid = layout_indexed(&items, &LaneIndex::of(&items), &w, &p);
        assert_eq!(laid, layout_lane(&items, &w, &p));
        let keys: Vec<usize> = laid.boxes.iter().map(|b| b.key).collect();
        assert_eq!(keys, [1, 3]);
        // A reach of the wrong length is ignored rather than trusted.
        assert_eq!(layout_indexed(&items, &LaneIndex { reach: vec![1e9], in_order: true }, &w, &p), laid);
    }

    proptest::proptest! {
        /// Random lanes (with repeated start days, long spans and events before, inside and
        /// after the window) at random zooms lay out exactly as the reference layout does.
        #[test]
        fn the_tuned_layout_places_every_lane_exactly_as_the_reference_does(
            raw in proptest::collection::vec((0u32..400, 0u32..60, 0u8..4, 0u16..300), 0..300),
            window in (-50i32..300, 1u32..400),
            width in 80u32..1600,
            min_box in 0u32..200,
            max_rows in 1usize..6,
        ) {
            // Sorted by start; keys in a scrambled order so that ties on a day are out of order.
            let mut items: Vec<Item> = raw
                .iter()
                .enumerate()
                .map(|(k, &(start, len, kind, label))| {
                    let len = match kind { 0 => 0.0, 1 => 1.0, 2 => f64::from(len), _ => f64::from(len) * 30.0 };
                    Item { label_px: f32::from(label), ..Item::new((k * 7919) % 1009, f64::from(start), f64::from(start) + len.max(1.0)) }
                })
                .collect();
            items.sort_by(|a, b| a.start.total_cmp(&b.start));
            let w = Window { start: f64::from(window.0), end: f64::from(window.0) + f64::from(window.1) };
            let p = LayoutParams { width_px: f64::from(width), min_box_px: f64::from(min_box), max_box_px: 300.0, max_rows, gap_px: 4.0 };
            proptest::prop_assert_eq!(layout_lane(&items, &w, &p), reference::layout_lane_reference(&items, &w, &p));
            // Keys in date order, as a validated dataset has them: the boxes are then read
            // straight from the items, with no sorted copy.
            for (k, it) in items.iter_mut().enumerate() {
                it.key = k;
            }
            let want = reference::layout_lane_reference(&items, &w, &p);
            proptest::prop_assert_eq!(&layout_lane(&items, &w, &p), &want);
            // Skipping what ended before the window by the lane's reach changes nothing.
            proptest::prop_assert_eq!(&layout_indexed(&items, &LaneIndex::of(&items), &w, &p), &want);
        }
    }
}
