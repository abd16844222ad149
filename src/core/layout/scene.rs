//! The timeline's scene: where every lane, event box, cluster and tick goes for a given view
//! state, filtered events and width. Pure, so the whole drawing plan is tested natively; the
//! `Timeline` component only maps a [`Scene`] to elements.

use crate::core::dataset::model::{Category, Dataset};
use crate::core::layout::scale::Window;
use crate::core::layout::stack::{domain, layout_indexed, Item, LaneIndex, LaneLayout, LayoutParams};
use crate::core::query::filter::FilterIndex;
use crate::core::query::viewstate::{Group, Span, ViewState};
use std::sync::Arc;

/// Height of one row of event boxes, in px (a box holds a title of up to three lines and its
/// date).
pub const ROW_PX: f64 = 66.0;
/// Height of a lane's label strip, in px (lanes only when grouping).
pub const LANE_LABEL_PX: f64 = 22.0;
/// Space below a lane's last row, in px.
const LANE_PAD_PX: f64 = 6.0;
/// Rows a lane may stack before dense groups collapse into clusters, when the timeline's
/// height is not known (see [`rows_that_fit`]).
pub const MAX_ROWS: usize = 5;
/// The most rows a lane ever stacks, however tall the timeline.
pub const MOST_ROWS: usize = 24;
/// The narrowest box an event label gets, in px.
pub const MIN_BOX_PX: f64 = 150.0;
/// The widest box an event's label asks for, in px (see [`label_px`]).
pub const MAX_BOX_PX: f64 = 320.0;

/// The marks' title type size, in px (`.tl-event-label`: .76 of the widget's 16 px unit).
const LABEL_FONT_PX: f64 = 12.16;
/// What a box takes from its width before the title: borders, the box's right padding and the
/// label's left padding (18 px; 21 with the thick left border of a month- or year-precise date),
/// and a little more for fonts wider than the estimate.
const LABEL_PAD_PX: f64 = 24.0;
/// The step in which [`label_px`] widens a box, in px.
const LABEL_STEP_PX: f64 = 10.0;
/// Lines a title may take (`.tl-event-label`'s height limit).
const LABEL_LINES: usize = 3;

/// The advance width of a character in the marks' bold type, in hundredths of an em, by the
/// first byte of its UTF-8 form: by character class, as wide as the wider of the common system
/// fonts sets them (DejaVu Sans Bold, wider than Segoe UI and San Francisco), so that an estimate
/// errs on the wide side. A character of two bytes (accented Latin, Greek, Cyrillic) counts as a
/// wide letter, one of three or four (punctuation such as dashes and quotes, CJK) as an em; the
/// bytes that continue a character count nothing.
const fn byte_em(b: u8) -> u16 {
    match b {
        b' ' => 35,
        b'i' | b'j' | b'l' | b'I' | b'J' | b'.' | b',' | b';' | b':' | b'\'' | b'!' | b'|' => 40,
        b'f' | b't' | b'r' | b'(' | b')' | b'[' | b']' | b'-' | b'/' => 50,
        b'm' | b'w' | b'M' | b'W' | b'%' | b'@' => 110,
        b'0'..=b'9' => 70,
        b'A'..=b'Z' => 86,
        0x80..=0xbf => 0,
        0xc0..=0xdf => 80,
        0xe0..=0xff => 100,
        _ => 72,
    }
}

/// [`byte_em`] for every byte, looked up rather than matched: every title of a dataset is
/// measured when it loads.
const BYTE_EM: [u16; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = byte_em(b as u8);
        b += 1;
    }
    table
};

/// The most pieces [`Pieces`] holds: a title of more words does not fit three lines of the widest
/// box in any real language.
const MOST_PIECES: usize = 48;

/// A title cut into the pieces a line may break between: each piece's width in hundredths of an
/// em and whether a space comes before it. Lines break at spaces and after a hyphen that a letter
/// follows. Kept on the stack: every title of a dataset is measured when it loads.
struct Pieces {
    piece: [(u16, bool); MOST_PIECES],
    len: usize,
}

impl Pieces {
    /// The pieces of `title`; `None` for more than [`MOST_PIECES`]. Read byte by byte: only an
    /// ASCII space breaks a line (a no-break space does not) and only an ASCII hyphen is a break
    /// after it, so a title is never thought narrower than it is.
    fn of(title: &str) -> Option<Pieces> {
        let mut out = Pieces { piece: [(0, false); MOST_PIECES], len: 0 };
        let (mut width, mut spaced, mut after_dash) = (0u16, true, false);
        for &b in title.as_bytes() {
            if b.is_ascii_whitespace() {
                if width > 0 {
                    out.push(width, spaced)?;
                }
                (width, spaced, after_dash) = (0, true, false);
                continue;
            }
            if after_dash && b.is_ascii_alphabetic() {
                out.push(width, spaced)?;
                (width, spaced) = (0, false);
            }
            after_dash = b == b'-';
            width = width.saturating_add(BYTE_EM[usize::from(b)]);
        }
        if width > 0 {
            out.push(width, spaced)?;
        }
        Some(out)
    }

    fn push(&mut self, width: u16, spaced: bool) -> Option<()> {
        *self.piece.get_mut(self.len)? = (width, spaced);
        self.len += 1;
        Some(())
    }

    fn pieces(&self) -> &[(u16, bool)] {
        &self.piece[..self.len]
    }

    /// The width of all pieces, without the spaces, and of the widest, in hundredths of an em.
    fn total_and_widest(&self) -> (u32, u32) {
        self.pieces().iter().fold((0, 0), |(t, m), &(w, _)| (t + u32::from(w), m.max(u32::from(w))))
    }

    /// How many lines the pieces take when broken greedily into lines `line` hundredths of an em
    /// wide, as the browser breaks them; a piece wider than a line is broken inside (the label
    /// may break anywhere), into as many lines as its width needs.
    fn lines_at(&self, line: u32) -> usize {
        let space = u32::from(byte_em(b' '));
        let (mut lines, mut used) = (1, 0u32);
        for &(width, spaced) in self.pieces() {
            let width = u32::from(width);
            let joined = used + if spaced && used > 0 { space } else { 0 } + width;
            if used == 0 || joined <= line {
                used = joined;
            } else {
                lines += 1;
                used = width;
            }
            if used > line {
                // Broken inside: what overflows starts the next lines (a character at least).
                let over = used - line;
                lines += over.div_ceil(line.max(1)) as usize;
                used = (over % line.max(1)).max(40);
            }
        }
        lines
    }
}

/// Hundredths of an em of the marks' title type in `px`.
fn em100(px: f64) -> u32 {
    (px / LABEL_FONT_PX * 100.0).max(0.0) as u32
}

/// The narrowest box (in steps of 10 px between [`MIN_BOX_PX`] and [`MAX_BOX_PX`]) in which
/// `title` shows whole on at most three lines of the marks' bold type, lines broken as the
/// browser breaks them; [`MAX_BOX_PX`] if none does (the detail shows it all). Three narrow lines
/// rather than two wide ones: a dense stretch then overlaps less and needs fewer rows.
///
/// Character widths are estimated by class (narrow, wide, capitals, digits, the rest), so long
/// words such as German compounds get the width they need where a count of characters would not.
pub fn label_px(title: &str) -> f32 {
    let Some(pieces) = Pieces::of(title) else { return MAX_BOX_PX as f32 };
    let (total, widest) = pieces.total_and_widest();
    let px_of = |em100: u32| f64::from(em100) / 100.0 * LABEL_FONT_PX;
    let line = MAX_BOX_PX - LABEL_PAD_PX;
    if px_of(total) > LABEL_LINES as f64 * line {
        return MAX_BOX_PX as f32;
    }
    // No box narrower than a third of the title or than its widest word (if a line holds it) can
    // hold it: start from there.
    let text = (px_of(total) / LABEL_LINES as f64).max(px_of(widest).min(line));
    let least = ((text + LABEL_PAD_PX) / LABEL_STEP_PX).floor() * LABEL_STEP_PX;
    let mut px = least.clamp(MIN_BOX_PX, MAX_BOX_PX);
    while px < MAX_BOX_PX && pieces.lines_at(em100(px - LABEL_PAD_PX)) > LABEL_LINES {
        px += LABEL_STEP_PX;
    }
    px.min(MAX_BOX_PX) as f32
}

/// How many rows of boxes fit into lanes `height_px` tall (at least 2, at most [`MOST_ROWS`]);
/// [`MAX_ROWS`] while the height is unknown (not positive).
pub fn rows_that_fit(height_px: f64) -> usize {
    if !(height_px.is_finite() && height_px > 0.0) {
        return MAX_ROWS;
    }
    ((height_px / ROW_PX).floor() as usize).clamp(2, MOST_ROWS)
}
/// Padding around the events when fitting the window.
pub const FIT_PAD: f64 = 0.04;

/// What a lane holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaneKey {
    /// Every event (no grouping).
    All,
    Category(Category),
    Actor(String),
}

impl LaneKey {
    /// The lane's number in mark keys: the same lane keeps it whichever other lanes come and
    /// go (a category's place in [`Category::ALL`], an actor's row in the actors table).
    pub fn number(&self, dataset: &Dataset) -> u32 {
        let n = match self {
            LaneKey::All => 0,
            LaneKey::Category(c) => Category::ALL.iter().position(|x| x == c).unwrap_or(0),
            LaneKey::Actor(a) => dataset.actors.iter().position(|x| &x.id == a).unwrap_or(0),
        };
        n as u32 + 1
    }
}

/// A mark's identity while the same thing stays on screen (see [`Mark`]): its lane's number,
/// whether it is an event or a cluster, and the event's index or the cluster's place among its
/// lane's clusters. A plain number: the marks list, its keyed diff and each mark's lookup of
/// its own placement copy and hash no strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MarkKey(u64);

impl MarkKey {
    const CLUSTER: u64 = 1 << 39;
    const INDEX: u64 = Self::CLUSTER - 1;

    /// Event `event` in lane number `lane`.
    pub fn event(lane: u32, event: usize) -> MarkKey {
        MarkKey(u64::from(lane) << 40 | (event as u64 & Self::INDEX))
    }

    /// The `n`-th cluster from the left in lane number `lane`.
    pub fn cluster(lane: u32, n: usize) -> MarkKey {
        MarkKey(u64::from(lane) << 40 | Self::CLUSTER | (n as u64 & Self::INDEX))
    }
}

/// A lane of the timeline, `y` and `height` in px from the top of the lanes area.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    pub y: f64,
    pub height: f64,
    /// How many events of the filter result this lane holds.
    pub count: usize,
}

/// One thing drawn on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub enum MarkKind {
    /// An event (index into `dataset.events`). With lanes, the same event may appear in several.
    Event(usize),
    /// Events too dense to show one by one at this zoom; activating it zooms to `start..end`.
    /// The member list is shared, so copying a scene does not copy thousands of indices.
    Cluster { events: Arc<[usize]>, start: f64, end: f64 },
}

/// A positioned mark; `key` is stable while the same thing stays on screen: an event keeps its
/// key, and a cluster is keyed by its lane and its place among that lane's clusters (so while a
/// zoom regroups events, the same cluster elements are moved and relabelled, not rebuilt).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub key: MarkKey,
    pub kind: MarkKind,
    pub lane: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    /// Width of the true time extent (a month-precise date spans its month).
    pub bar_width: f64,
    /// Whether the box ends at its date bar instead of starting at it (near the stage's right
    /// edge, see [`crate::core::layout::stack::PlacedBox::flipped`]).
    pub flipped: bool,
}

/// Everything the timeline draws (by default: nothing).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub window: Window,
    pub lanes: Vec<Lane>,
    pub marks: Vec<Mark>,
    pub height: f64,
}

/// From the earliest start to the latest end of the `filtered` events (`None` for none).
pub fn extent(items: &[Item], filtered: &[usize]) -> Option<Window> {
    domain(filtered.iter().filter_map(|&i| items.get(i).copied()))
}

/// The window that shows all `filtered` events (the "fit" view) in a timeline `width_px`
/// wide: padded a little on the left, and on the right by enough for the last label box.
pub fn fit_window(items: &[Item], filtered: &[usize], width_px: f64) -> Window {
    fit_extent(extent(items, filtered), width_px)
}

/// [`fit_window`] for events spanning `extent` (as [`extent`] gives it).
pub fn fit_extent(extent: Option<Window>, width_px: f64) -> Window {
    let Some(d) = extent else { return Window::fit(0.0, 365.0, FIT_PAD) };
    let w = Window::fit(d.start, d.end, FIT_PAD);
    let usable = (width_px - MIN_BOX_PX).max(width_px * 0.5).max(1.0);
    // Extra room after the last event so its label box ends inside the width.
    let label_room = (d.end - w.start).max(1.0) * (width_px.max(1.0) / usable - 1.0);
    Window::new(w.start, d.end + label_room.max(w.end - d.end))
}

/// The visible window for a state: its `span`, else all filtered events.
pub fn window_for(state: &ViewState, items: &[Item], filtered: &[usize], width_px: f64) -> Window {
    window_for_extent(state, extent(items, filtered), width_px)
}

/// [`window_for`] for filtered events spanning `extent` (as [`extent`] gives it).
pub fn window_for_extent(state: &ViewState, extent: Option<Window>, width_px: f64) -> Window {
    match state.span {
        Some(Span { start, end }) => Window::from_days(start, end),
        None => fit_extent(extent, width_px),
    }
}

/// Where the `filtered` events (in date order) reach: element `k` is the latest end among the
/// first `k + 1` of them. Made once per filter result, it lets [`outside_window`] count without
/// reading every event in every frame.
pub fn reach_of(items: &[Item], filtered: &[usize]) -> Vec<f64> {
    let mut latest = f64::NEG_INFINITY;
    filtered
        .iter()
        .map(|&i| {
            latest = latest.max(items.get(i).map_or(f64::NEG_INFINITY, |it| it.end));
            latest
        })
        .collect()
}

/// How many of the `filtered` events (in date order, `reach` from [`reach_of`]) lie wholly
/// before and wholly after `window`: what the signposts at the timeline's edges count. The
/// events that start after the window are found by halving; of those that start before it,
/// every one before the first that reaches into it ended before it, so only the events from
/// there on are read.
pub fn outside_window(items: &[Item], filtered: &[usize], reach: &[f64], window: &Window) -> (usize, usize) {
    let start_of = |i: &usize| items.get(*i).map_or(f64::INFINITY, |it| it.start);
    let after = filtered.len() - filtered.partition_point(|i| start_of(i) < window.end);
    let starts_before = filtered.partition_point(|i| start_of(i) < window.start);
    let ended = if reach.len() == filtered.len() {
        reach[..starts_before].partition_point(|&r| r <= window.start)
    } else {
        0
    };
    let tail = filtered[ended..starts_before]
        .iter()
        .filter(|&&i| items.get(i).is_some_and(|it| it.end <= window.start));
    (ended + tail.count(), after)
}

/// The window after following a signpost: `window` widened to take in every filtered event
/// (which lie within `extent`) before it (`earlier`) or after it, as the fit view pads them.
pub fn widen_to_edge(extent: Option<Window>, window: Window, earlier: bool, width_px: f64) -> Window {
    let Some(d) = extent else { return window };
    let (start, end) = if earlier { (d.start.min(window.start), window.end) } else { (window.start, d.end) };
    fit_extent(Some(Window { start, end: end.max(start + 1.0) }), width_px)
}

/// The window a dataset opens on when neither the dataset, a link nor the host names one:
/// `None` (all of it, as "Show whole period" shows it) when that draws every event as a box of
/// its own; otherwise the shortest stretch that holds the most events the timeline can draw
/// one by one (no cluster), found by halving on that number.
pub fn opening_window(frame: &Frame, grouped: &[LaneGroup]) -> Option<Window> {
    let items: Vec<Item> = frame.filtered.iter().filter_map(|&i| frame.items.get(i).copied()).collect();
    let legible = |w: Window| {
        scene_of_lanes(frame, grouped, w).marks.iter().all(|m| matches!(m.kind, MarkKind::Event(_)))
    };
    if items.is_empty() || legible(fit_extent(domain(items.iter().copied()), frame.width_px)) {
        return None;
    }
    // The window around the run of `k` consecutive events (in date order) that is shortest.
    let densest = |k: usize| {
        let at = (0..=items.len() - k)
            .min_by(|&a, &b| {
                let len = |i: usize| items[i + k - 1].start - items[i].start;
                len(a).total_cmp(&len(b))
            })
            .unwrap_or(0);
        fit_extent(domain(items[at..at + k].iter().copied()), frame.width_px)
    };
    let (mut lo, mut hi) = (1, (items.len() - 1).min(most_boxes(frame, grouped.len())));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if legible(densest(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(densest(lo))
}

/// The most events a scene of `frame` with `lanes` lanes can draw as boxes of their own inside
/// its window: every lane's rows (each lane has at least two) times the boxes of at least
/// [`MIN_BOX_PX`] that fit side by side across the width. No run of more events is legible, so
/// [`opening_window`] searches no further: at 10,000 events that spares it laying out windows of
/// thousands of events, most of its time before the first screen.
fn most_boxes(frame: &Frame, lanes: usize) -> usize {
    let rows = frame.max_rows.max(2 * lanes.max(1));
    let across = (frame.width_px.max(0.0) / MIN_BOX_PX).floor() as usize + 2;
    rows.saturating_mul(across)
}

/// One lane of a grouping: its key, its number in mark keys ([`LaneKey::number`]) and its
/// events' layout items in date order. The number is found while grouping, once per filter
/// result, not again in every frame laid out from the grouping.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneGroup {
    pub key: LaneKey,
    pub number: u32,
    pub items: Vec<Item>,
    /// What the layout needs to know of the items once, for every frame.
    pub index: LaneIndex,
}

impl LaneGroup {
    fn new(dataset: &Dataset, key: LaneKey, items: Vec<Item>) -> LaneGroup {
        LaneGroup::numbered(key.number(dataset), key, items)
    }

    fn numbered(number: u32, key: LaneKey, items: Vec<Item>) -> LaneGroup {
        LaneGroup { number, key, index: LaneIndex::of(&items), items }
    }
}

/// The lanes for a grouping, each with its events' layout items (in date order).
///
/// Each lane's list is allocated at its final size (counted first), and actors are matched by
/// the numbers the [`FilterIndex`] interned them as, not by hashing their ids per event: at
/// 100,000 events this is the larger part of a scene's cost.
pub fn group_events(frame: &Frame) -> Vec<LaneGroup> {
    let Frame { dataset, items, filtered, filter_index, group, .. } = *frame;
    let lane_items =
        |lane: &[usize]| lane.iter().filter_map(|&i| items.get(i).copied()).collect::<Vec<Item>>();
    match group {
        Group::None => vec![LaneGroup::new(dataset, LaneKey::All, lane_items(filtered))],
        Group::Category => {
            // Bit `k` of an event's mask is `Category::ALL[k]` (see `Category::bit`).
            let masks = filter_index.category_masks();
            let mask = |i: usize| masks.get(i).copied().unwrap_or(0);
            let mut sizes = [0usize; Category::ALL.len()];
            for &i in filtered {
                let m = mask(i);
                for (k, n) in sizes.iter_mut().enumerate() {
                    *n += usize::from(m >> k & 1);
                }
            }
            let mut lanes: [Vec<Item>; Category::ALL.len()] = sizes.map(Vec::with_capacity);
            for &i in filtered {
                let (m, Some(&item)) = (mask(i), items.get(i)) else { continue };
                for (k, lane) in lanes.iter_mut().enumerate() {
                    if m >> k & 1 != 0 {
                        lane.push(item);
                    }
                }
            }
            Category::ALL
                .into_iter()
                .zip(lanes)
                .filter(|(_, evs)| !evs.is_empty())
                .map(|(c, evs)| LaneGroup::new(dataset, LaneKey::Category(c), evs))
                .collect()
        }
        Group::Actor => {
            // Lanes in the order of the actors table; only actors with events. `lane_of[k]` is
            // the table row of interned actor `k` (an id missing from the table gets no lane).
            let mut lane_of = vec![usize::MAX; filter_index.actor_count()];
            for (row, a) in dataset.actors.iter().enumerate() {
                if let Some(k) = filter_index.actor_number(&a.id) {
                    lane_of[k as usize] = row;
                }
            }
            let lanes_of = |i: usize| {
                filter_index
                    .actors_of(i)
                    .iter()
                    .map(|&k| lane_of[k as usize])
                    .filter(|&row| row != usize::MAX)
            };
            let mut sizes = vec![0usize; dataset.actors.len()];
            for &i in filtered {
                lanes_of(i).for_each(|row| sizes[row] += 1);
            }
            let mut per_actor: Vec<Vec<Item>> = sizes.into_iter().map(Vec::with_capacity).collect();
            for &i in filtered {
                let Some(&item) = items.get(i) else { continue };
                lanes_of(i).for_each(|row| per_actor[row].push(item));
            }
            per_actor
                .into_iter()
                .enumerate()
                .filter(|(_, evs)| !evs.is_empty())
                // The lane's number is its table row (as `LaneKey::number` would find it).
                .map(|(row, evs)| {
                    LaneGroup::numbered(row as u32 + 1, LaneKey::Actor(dataset.actors[row].id.clone()), evs)
                })
                .collect()
        }
    }
}

/// What a scene is drawn from, apart from the window.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    pub dataset: &'a Dataset,
    /// One item per event (same indices as `dataset.events`).
    pub items: &'a [Item],
    /// The events that pass the filters, in date order.
    pub filtered: &'a [usize],
    /// The dataset's indexes (categories and interned actors, for the lanes).
    pub filter_index: &'a FilterIndex,
    pub group: Group,
    pub width_px: f64,
    /// Rows of boxes the lanes may use in all before dense runs become clusters (shared out
    /// among the lanes when grouping).
    pub max_rows: usize,
    /// The height the lanes may take, in px, that `max_rows` was found from ([`rows_that_fit`]);
    /// not a number while unknown. Rows that lanes leave are shared out within it.
    pub lanes_px: f64,
}

/// Lays out the scene for a window.
pub fn scene(frame: &Frame, window: Window) -> Scene {
    scene_of_lanes(frame, &group_events(frame), window)
}

/// Lays out the scene for a window from lanes already grouped by [`group_events`] for the same
/// frame. Zooming and panning change only the window, so the timeline groups once per filter
/// result and lays out each frame from there.
pub fn scene_of_lanes(frame: &Frame, grouped: &[LaneGroup], window: Window) -> Scene {
    let Frame { group, .. } = *frame;
    let label = if group == Group::None { 0.0 } else { LANE_LABEL_PX };
    let mut y = 0.0;
    let mut lanes = Vec::new();
    let mut marks = Vec::new();
    let layouts = lane_layouts(frame, grouped, &window);
    for (lane_ix, (LaneGroup { key, number: lane_no, items: lane_items, .. }, laid)) in
        grouped.iter().zip(layouts).enumerate()
    {
        // Marks are keyed by the lane's number, not its position: when a filter removes or
        // brings back other lanes, the marks of this one keep their elements and only move.
        let lane_no = *lane_no;
        let top = y + label;
        for b in &laid.boxes {
            marks.push(Mark {
                key: MarkKey::event(lane_no, b.key),
                kind: MarkKind::Event(b.key),
                lane: lane_ix,
                x: b.x,
                y: top + b.row as f64 * ROW_PX,
                width: b.width,
                bar_width: b.bar_width,
                flipped: b.flipped,
            });
        }
        for (n, c) in laid.clusters.iter().enumerate() {
            marks.push(Mark {
                key: MarkKey::cluster(lane_no, n),
                kind: MarkKind::Cluster { events: c.keys.as_slice().into(), start: c.start, end: c.end },
                lane: lane_ix,
                x: c.x,
                y: top + c.row as f64 * ROW_PX,
                width: c.width,
                bar_width: c.width,
                flipped: false,
            });
        }
        let height = label + laid.rows.max(1) as f64 * ROW_PX + LANE_PAD_PX;
        lanes.push(Lane { key: key.clone(), y, height, count: lane_items.len() });
        y += height;
    }
    // In key order (lane, then events in date order, then clusters): an event that moves from its
    // own row into a cluster row's bucket while zooming keeps its place among the marks, so its
    // element is not moved in the page, and a screen reader meets the events in date order.
    marks.sort_unstable_by_key(|m| m.key);
    Scene { window, lanes, marks, height: y.max(ROW_PX * 2.0) }
}

/// Each lane's layout, its rows shared out by need: every lane is laid out first with an even
/// share of the frame's rows (at least 2); the rows the lanes leave unused then go to the lanes
/// that clustered (see [`extra_rows`]), and only those are laid out again, with the rows they
/// used and the rows they were given. The rows given are what the lanes' height leaves after the
/// rows used and the lanes' label strips, so the lanes never use more rows in all than the frame
/// has, nor grow taller than it (unless their even shares of 2 already do), and the common frame,
/// where no lane clusters or none leaves a row, lays each lane out once.
fn lane_layouts(frame: &Frame, grouped: &[LaneGroup], window: &Window) -> Vec<LaneLayout> {
    let Frame { width_px, max_rows, group, .. } = *frame;
    let params = |rows: usize| LayoutParams {
        width_px,
        min_box_px: MIN_BOX_PX,
        max_box_px: MAX_BOX_PX,
        max_rows: rows,
        gap_px: 6.0,
    };
    let share = (max_rows / grouped.len().max(1)).max(2);
    let lay_out = |g: &LaneGroup, rows: usize| layout_indexed(&g.items, &g.index, window, &params(rows));
    let mut layouts: Vec<LaneLayout> = grouped.iter().map(|g| lay_out(g, share)).collect();
    if grouped.len() < 2 {
        // One lane has every row already: there is nobody to share with.
        return layouts;
    }
    let used: Vec<usize> = layouts.iter().map(|l| l.rows.max(1)).collect();
    let label = if group == Group::None { 0.0 } else { LANE_LABEL_PX };
    let strips_px = grouped.len() as f64 * (label + LANE_PAD_PX);
    // The rows the height holds beside the lanes' strips (while it is unknown, the rows left
    // when the strips take whole rows).
    let rows = match frame.lanes_px {
        h if h > 0.0 => ((h - strips_px) / ROW_PX).floor().max(0.0) as usize,
        _ => max_rows.saturating_sub((strips_px / ROW_PX).ceil() as usize),
    };
    let spare = rows.min(max_rows).saturating_sub(used.iter().sum());
    let needs: Vec<usize> = layouts.iter().map(|l| l.clusters.iter().map(|c| c.keys.len()).sum()).collect();
    if spare == 0 || needs.iter().all(|&n| n == 0) {
        return layouts;
    }
    // A lane gains only with more rows than its share: it clustered with that many.
    let least: Vec<usize> = used.iter().map(|&u| (share + 1).saturating_sub(u).max(1)).collect();
    for (lane, extra) in extra_rows(&needs, &least, spare).into_iter().enumerate() {
        if extra > 0 {
            layouts[lane] = lay_out(&grouped[lane], used[lane] + extra);
        }
    }
    layouts
}

/// `spare` rows shared out among the lanes that cluster (`needs`: how many events each
/// clustered), the lanes that cluster most first: each takes its part of the rows in proportion
/// to its need, but at least `least` (fewer would not help it) or nothing if fewer are left; what
/// is left over goes to the neediest lane that took rows.
fn extra_rows(needs: &[usize], least: &[usize], spare: usize) -> Vec<usize> {
    let mut extra = vec![0; needs.len()];
    let wanted: usize = needs.iter().sum();
    let mut order: Vec<usize> = (0..needs.len()).filter(|&i| needs[i] > 0).collect();
    // A lane or a few: an insertion sort, and no sort's code in the bundle for it.
    crate::core::util::sorting::insertion_sort_by(&mut order, |&i| std::cmp::Reverse(needs[i]));
    let mut left = spare;
    for &i in &order {
        let part = (spare * needs[i]).div_ceil(wanted).max(least[i]);
        if left >= least[i] {
            extra[i] = part.min(left);
            left -= extra[i];
        }
    }
    if let Some(&first) = order.iter().find(|&&i| extra[i] > 0) {
        extra[first] += left;
    }
    extra
}

/// Whether an event shows as a box of its own in the scene.
pub fn shows_event(scene: &Scene, event: usize) -> bool {
    scene.marks.iter().any(|m| m.kind == MarkKind::Event(event))
}

/// A window in which `event` shows as a box of its own: the current one if it does already,
/// else one centred on it and zoomed in until it is no longer clustered.
pub fn reveal(frame: &Frame, window: Window, event: usize) -> Window {
    let Some(item) = frame.items.get(event) else { return window };
    let shown = |w: Window| shows_event(&scene(frame, w), event);
    if window.contains(item.start) && shown(window) {
        return window;
    }
    let mut w = window.centred_on((item.start + item.end) / 2.0);
    for _ in 0..24 {
        if shown(w) {
            return w;
        }
        w = w.zoom(0.5, 0.5);
    }
    w
}

/// The event before or after `current` in date order among `filtered` (`step` = -1 or +1);
/// with no current event, the first (or last) one.
pub fn neighbour(filtered: &[usize], current: Option<usize>, step: isize) -> Option<usize> {
    if filtered.is_empty() {
        return None;
    }
    let pos = current.and_then(|c| filtered.iter().position(|&i| i == c));
    let next = match pos {
        None if step >= 0 => 0,
        None => filtered.len() - 1,
        Some(p) => (p as isize + step).clamp(0, filtered.len() as isize - 1) as usize,
    };
    filtered.get(next).copied()
}

/// Stores a window in the state as its `span`.
pub fn set_window(state: &mut ViewState, w: Window) {
    let (start, end) = w.to_span();
    state.span = Some(Span { start, end });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::loaded::LoadedDataset;

    fn loaded() -> LoadedDataset {
        LoadedDataset::new(crate::core::formats::embedded::embedded_dataset().unwrap())
    }

    fn all(s: &LoadedDataset) -> Vec<usize> {
        (0..s.dataset.events.len()).collect()
    }

    fn day(text: &str) -> f64 {
        crate::core::dataset::date::day_number(chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
            as f64
    }

    #[test]
    fn signposts_count_the_events_wholly_before_and_after_the_window() {
        let s = loaded();
        let f = all(&s);
        let w = Window::new(day("2025-08-01"), day("2026-03-01"));
        let reach = reach_of(&s.items, &f);
        let (before, after) = outside_window(&s.items, &f, &reach, &w);
        assert_eq!(
            outside_window(&s.items, &f, &[], &w),
            (before, after),
            "without the reach, every event is read"
        );
        let earlier = s.items.iter().filter(|it| it.end <= w.start).count();
        assert_eq!((before, after), (earlier, 0));
        assert!(before >= 5, "the early context lies before the story: {before}");
        let widened = widen_to_edge(extent(&s.items, &f), w, true, 1000.0);
        assert_eq!(outside_window(&s.items, &f, &reach, &widened), (0, 0));
        assert_eq!(widened.end, w.end.max(widened.end));
    }

    #[test]
    fn a_dataset_whose_events_all_show_opens_on_all_of_them() {
        let s = loaded();
        let few: Vec<usize> = all(&s).into_iter().step_by(8).collect();
        let frame = Frame { max_rows: 8, ..s.frame(&few, Group::None, 1200.0) };
        assert_eq!(opening_window(&frame, &group_events(&frame)), None);
    }

    #[test]
    fn a_dataset_too_dense_to_show_whole_opens_on_its_densest_legible_stretch() {
        let s = loaded();
        let f = all(&s);
        let frame = Frame { max_rows: 4, ..s.frame(&f, Group::None, 1000.0) };
        let grouped = group_events(&frame);
        let w = opening_window(&frame, &grouped).expect("too dense to show whole");
        let sc = scene_of_lanes(&frame, &grouped, w);
        assert!(sc.marks.iter().all(|m| matches!(m.kind, MarkKind::Event(_))), "no cluster");
        // The window lies in the dense 2025–2026 story, not around the early context.
        assert!(w.start > day("2024-01-01"), "{w:?}");
        assert!(sc.marks.len() >= 4, "{} marks", sc.marks.len());
    }

    #[test]
    fn no_run_of_more_events_than_a_scene_can_draw_is_legible_and_the_opening_window_is() {
        let s = loaded();
        let f = all(&s);
        for (group, width, rows) in
            [(Group::None, 800.0, 3), (Group::None, 390.0, 2), (Group::Category, 390.0, 2)]
        {
            let frame = Frame { max_rows: rows, ..s.frame(&f, group, width) };
            let grouped = group_events(&frame);
            let legible = |w: Window| {
                let marks = scene_of_lanes(&frame, &grouped, w).marks;
                marks.iter().all(|m| matches!(m.kind, MarkKind::Event(_)))
            };
            let bound = most_boxes(&frame, grouped.len());
            assert!(group != Group::None || bound < f.len() - 1, "the bound limits the search at {width} px");
            for k in bound + 1..f.len() {
                // Every run of k events in date order, in the window that fits it.
                for run in f.windows(k) {
                    let w = fit_extent(domain(run.iter().map(|&i| s.items[i])), width);
                    assert!(!legible(w), "{k} events drawn one by one at {width} px, {rows} rows");
                }
            }
            let opening = opening_window(&frame, &grouped).expect("too dense to show whole");
            assert!(legible(opening), "{group:?} {width} {rows}");
        }
    }

    #[test]
    fn taller_lanes_stack_more_rows_before_they_cluster() {
        assert_eq!(rows_that_fit(0.0), MAX_ROWS);
        assert_eq!(rows_that_fit(f64::NAN), MAX_ROWS);
        assert_eq!(rows_that_fit(10.0), 2);
        assert_eq!(rows_that_fit(ROW_PX * 9.5), 9);
        assert_eq!(rows_that_fit(1e9), MOST_ROWS);
        let s = loaded();
        let f = all(&s);
        let w = fit_window(&s.items, &f, 1000.0);
        let clusters = |rows: usize| {
            scene(&Frame { max_rows: rows, ..s.frame(&f, Group::None, 1000.0) }, w)
                .marks
                .iter()
                .filter(|m| matches!(m.kind, MarkKind::Cluster { .. }))
                .count()
        };
        assert!(clusters(12) <= clusters(2), "{} > {}", clusters(12), clusters(2));
    }

    /// Lines `title` takes in a box `px` wide.
    fn lines_in(title: &str, px: f32) -> usize {
        Pieces::of(title).unwrap().lines_at(em100(f64::from(px) - LABEL_PAD_PX))
    }

    /// How many pieces `title` is cut into, and how wide the first is in px.
    fn pieces_of(title: &str) -> (usize, f64) {
        let p = Pieces::of(title).unwrap();
        (p.len, f64::from(p.piece[0].0) / 100.0 * LABEL_FONT_PX)
    }

    #[test]
    fn a_short_title_keeps_the_narrowest_box() {
        assert_eq!(label_px("") as f64, MIN_BOX_PX);
        assert_eq!(label_px("Summit in Vilnius") as f64, MIN_BOX_PX);
        assert_eq!(label_px("Gipfeltreffen in Vilnius") as f64, MIN_BOX_PX);
        assert!(lines_in("Gipfeltreffen in Vilnius", MIN_BOX_PX as f32) <= 3);
    }

    #[test]
    fn a_long_title_asks_for_the_narrowest_box_that_holds_it_on_three_lines() {
        let title = "Baltic states and Poland agree a joint air defence plan for the eastern flank";
        let px = label_px(title);
        assert!(f64::from(px) > MIN_BOX_PX && f64::from(px) < MAX_BOX_PX, "{px}");
        assert!(lines_in(title, px) <= 3);
        assert!(lines_in(title, px - 10.0) > 3, "a box 10 px narrower would cut it");
    }

    #[test]
    fn a_german_compound_noun_gets_a_box_wide_enough_for_three_lines() {
        let title = "Putin: Russische Flugabwehrraketen beschädigten die AZAL-Maschine";
        let px = label_px(title);
        assert!(lines_in(title, px) <= 3, "{px}");
        // The compound fills most of a line and leaves the line before it short: a count of
        // characters (3.1 px each and 24 px) gave a box in which the title ran into a fourth line.
        let by_count = title.chars().count() as f32 * 3.1 + 24.0;
        assert!(lines_in(title, by_count) > 3, "{by_count}");
        assert!(px > by_count, "{px}");
        let word = pieces_of("Flugabwehrraketen").1;
        assert!(f64::from(px) >= word + LABEL_PAD_PX, "{px} for a word {word} px wide");
    }

    #[test]
    fn a_hyphenated_word_may_break_after_its_hyphen() {
        assert_eq!(pieces_of("NATO-Ostflanke").0, 2);
        assert_eq!(pieces_of("Nord-Stream 2").0, 3);
        // Not before a number: "F-35" stays whole.
        assert_eq!(pieces_of("F-35").0, 1);
    }

    #[test]
    fn no_title_asks_for_more_than_the_widest_box() {
        assert_eq!(label_px(&"Verteidigungsministerium ".repeat(40)) as f64, MAX_BOX_PX);
        assert_eq!(label_px(&"m".repeat(500)) as f64, MAX_BOX_PX);
        for title in ["", "x", "Kurz", "Ein Titel von mittlerer Länge über drei Zeilen hinweg"] {
            let px = f64::from(label_px(title));
            assert!((MIN_BOX_PX..=MAX_BOX_PX).contains(&px), "{title}: {px}");
        }
    }

    /// A lane of `n` events a day apart from `first` (keys from `first` on), numbered `number`.
    fn lane_of(number: u32, first: usize, n: usize) -> LaneGroup {
        let items = (first..first + n).map(|k| Item::new(k, k as f64, k as f64 + 1.0)).collect();
        LaneGroup::numbered(number, LaneKey::All, items)
    }

    /// The rows each lane of `sc` takes.
    fn rows_of(sc: &Scene) -> Vec<usize> {
        sc.lanes
            .iter()
            .map(|l| ((l.height - LANE_LABEL_PX - LANE_PAD_PX) / ROW_PX).round() as usize)
            .collect()
    }

    #[test]
    fn a_crowded_lane_takes_the_rows_a_sparse_lane_leaves() {
        let s = loaded();
        let frame = Frame { max_rows: 10, ..s.frame(&[], Group::Category, 1000.0) };
        let grouped = [lane_of(1, 0, 40), lane_of(2, 100, 1)];
        let window = Window::new(0.0, 100.0);
        let sc = scene_of_lanes(&frame, &grouped, window);
        // Of the 10 rows the lanes' two label strips take one.
        assert_eq!(rows_of(&sc), vec![8, 1], "the sparse lane keeps one row, the crowded one the rest");
        assert!(sc.height <= 10.0 * ROW_PX, "{}", sc.height);
        let even = scene_of_lanes(&Frame { max_rows: 5, ..frame }, &grouped[..1], window);
        let boxes = |sc: &Scene| {
            sc.marks.iter().filter(|m| m.lane == 0 && matches!(m.kind, MarkKind::Event(_))).count()
        };
        assert!(
            boxes(&sc) > boxes(&even),
            "{} boxes with 9 rows, {} with an even 5",
            boxes(&sc),
            boxes(&even)
        );
    }

    #[test]
    fn the_rows_given_fill_the_height_the_label_strips_leave() {
        let s = loaded();
        let grouped = [lane_of(1, 0, 30), lane_of(2, 100, 1), lane_of(3, 200, 1)];
        let window = Window::new(0.0, 60.0);
        // Three strips of 28 px: 84 px of a height of 10 rows and 30 px.
        let lanes_px = 10.0 * ROW_PX + 30.0;
        let frame = Frame { max_rows: 10, lanes_px, ..s.frame(&[], Group::Category, 1000.0) };
        let sc = scene_of_lanes(&frame, &grouped, window);
        assert_eq!(rows_of(&sc), vec![7, 1, 1]);
        assert!(sc.height <= lanes_px, "{}", sc.height);
        // While the height is unknown, the strips take two whole rows of the ten.
        let unknown = scene_of_lanes(&Frame { lanes_px: f64::NAN, ..frame }, &grouped, window);
        assert_eq!(rows_of(&unknown), vec![6, 1, 1]);
    }

    #[test]
    fn spare_rows_go_to_the_lanes_that_cluster_by_how_much_they_cluster() {
        let ones = [1, 1, 1];
        assert_eq!(extra_rows(&[30, 0, 10], &ones, 4), vec![3, 0, 1]);
        assert_eq!(extra_rows(&[5, 5, 0], &ones, 3), vec![2, 1, 0]);
        assert_eq!(extra_rows(&[0, 0, 0], &ones, 3), vec![0, 0, 0]);
        // A lane that would need more rows than are left to gain gets none; the rows go on.
        assert_eq!(extra_rows(&[8, 6, 2], &[2, 4, 2], 5), vec![3, 0, 2]);
        assert_eq!(extra_rows(&[8, 6], &[2, 2], 3), vec![3, 0]);
        for (needs, spare) in [(vec![7, 3, 1], 5), (vec![1, 1, 1, 1], 2), (vec![9], 7)] {
            let given = extra_rows(&needs, &vec![1; needs.len()], spare);
            assert_eq!(given.iter().sum::<usize>(), spare, "{needs:?}");
        }
    }

    #[test]
    fn lanes_never_use_more_rows_than_the_timeline_has() {
        let s = loaded();
        let f = all(&s);
        for group in [Group::Category, Group::Actor] {
            for (width, rows) in [(400.0, 12), (1000.0, 9), (1366.0, 24), (2000.0, 30)] {
                let frame = Frame { max_rows: rows, ..s.frame(&f, group, width) };
                let grouped = group_events(&frame);
                let sc = scene_of_lanes(&frame, &grouped, fit_window(&s.items, &f, width));
                let used = rows_of(&sc);
                let budget = rows.max(2 * grouped.len());
                assert!(used.iter().sum::<usize>() <= budget, "{group:?} {width} px, {rows} rows: {used:?}");
                // A lane given more than its even share leaves the lanes no taller than the timeline.
                let share = (rows / grouped.len()).max(2);
                if used.iter().any(|&r| r > share) {
                    assert!(sc.height <= rows as f64 * ROW_PX, "{group:?} {width} px: {}", sc.height);
                }
            }
        }
        // Two lanes that both cluster keep their even shares: no rows are left to give.
        let frame = Frame { max_rows: 6, ..s.frame(&[], Group::Category, 1000.0) };
        let sc = scene_of_lanes(&frame, &[lane_of(1, 0, 60), lane_of(2, 100, 60)], Window::new(0.0, 200.0));
        assert!(rows_of(&sc).iter().all(|&r| r <= 3), "{:?}", rows_of(&sc));
        for lane in 0..2 {
            assert!(sc.marks.iter().any(|m| m.lane == lane && matches!(m.kind, MarkKind::Cluster { .. })));
        }
    }

    #[test]
    fn fitting_shows_every_filtered_event_inside_the_window() {
        let s = loaded();
        let f = all(&s);
        for width in [375.0, 1000.0] {
            let w = fit_window(&s.items, &f, width);
            for &i in &f {
                assert!(w.start <= s.items[i].start && s.items[i].end <= w.end);
                // The label box starting at the event fits inside the width.
                assert!(w.x(s.items[i].start, width) + MIN_BOX_PX <= width + 1.0, "width {width}");
            }
        }
    }

    #[test]
    fn every_event_is_either_a_box_or_inside_a_cluster_exactly_once_per_lane() {
        let s = loaded();
        let f = all(&s);
        for width in [320.0, 800.0, 1600.0] {
            let sc = scene(&s.frame(&f, Group::None, width), fit_window(&s.items, &f, width));
            let mut seen: Vec<usize> = Vec::new();
            for m in &sc.marks {
                match &m.kind {
                    MarkKind::Event(i) => seen.push(*i),
                    MarkKind::Cluster { events, .. } => seen.extend(events.iter()),
                }
            }
            seen.sort();
            assert_eq!(seen, f, "width {width}");
        }
    }

    #[test]
    fn a_lanes_marks_keep_their_keys_when_a_filter_removes_the_lanes_before_it() {
        let s = loaded();
        let f = all(&s);
        let width = 2000.0;
        let window = fit_window(&s.items, &f, width);
        let before = scene(&s.frame(&f, Group::Category, width), window);
        // Only the events of the last lane: lanes before it go (its events' other categories stay).
        let last = before.lanes.last().unwrap().key.clone();
        let only: Vec<usize> = match &last {
            LaneKey::Category(c) => {
                f.iter().copied().filter(|&i| s.dataset.events[i].categories.contains(c)).collect()
            }
            other => panic!("expected category lanes, got {other:?}"),
        };
        let after = scene(&s.frame(&only, Group::Category, width), window);
        let moved = after.lanes.iter().position(|l| l.key == last).unwrap();
        assert!(moved < before.lanes.len() - 1, "the lane moved up");
        let keys = |sc: &Scene, lane: usize| -> Vec<MarkKey> {
            sc.marks
                .iter()
                .filter(|m| m.lane == lane && matches!(m.kind, MarkKind::Event(_)))
                .map(|m| m.key)
                .collect()
        };
        let kept = keys(&after, moved);
        assert!(!kept.is_empty());
        assert_eq!(kept, keys(&before, before.lanes.len() - 1));
    }

    #[test]
    fn an_actor_lane_is_numbered_by_its_row_in_the_actors_table() {
        let s = loaded();
        let f = all(&s);
        let sc = scene(&s.frame(&f, Group::Actor, 2000.0), fit_window(&s.items, &f, 2000.0));
        assert!(sc.lanes.len() > 3);
        for (ix, lane) in sc.lanes.iter().enumerate() {
            let LaneKey::Actor(a) = &lane.key else { panic!("{:?}", lane.key) };
            let row = s.dataset.actors.iter().position(|x| &x.id == a).unwrap() as u32 + 1;
            assert_eq!(lane.key.number(&s.dataset), row);
            for m in sc.marks.iter().filter(|m| m.lane == ix) {
                let expected = match m.kind {
                    MarkKind::Event(i) => MarkKey::event(row, i),
                    MarkKind::Cluster { .. } => continue,
                };
                assert_eq!(m.key, expected);
            }
        }
    }

    #[test]
    fn no_two_marks_of_a_scene_share_a_key() {
        let s = loaded();
        let f = all(&s);
        let mut found = 0;
        for group in [Group::None, Group::Category, Group::Actor] {
            for width in [120.0, 320.0, 2000.0] {
                let sc = scene(&s.frame(&f, group, width), fit_window(&s.items, &f, width));
                found += sc.marks.len();
                let mut keys: Vec<MarkKey> = sc.marks.iter().map(|m| m.key).collect();
                keys.sort();
                keys.dedup();
                assert_eq!(keys.len(), sc.marks.len(), "{group:?} at {width} px");
            }
        }
        assert!(found > 10, "{found} marks");
    }

    #[test]
    fn mark_keys_are_unique_and_clusters_are_numbered_left_to_right_in_each_lane() {
        let s = loaded();
        let f = all(&s);
        let mut clusters = 0;
        for group in [Group::None, Group::Category, Group::Actor] {
            for width in [200.0, 320.0, 800.0] {
                let sc = scene(&s.frame(&f, group, width), fit_window(&s.items, &f, width));
                let keys: std::collections::HashSet<_> = sc.marks.iter().map(|m| m.key).collect();
                assert_eq!(keys.len(), sc.marks.len(), "{group:?} at {width}");
                for lane in 0..sc.lanes.len() {
                    let xs: Vec<(MarkKey, f64)> = sc
                        .marks
                        .iter()
                        .filter(|m| m.lane == lane && matches!(m.kind, MarkKind::Cluster { .. }))
                        .map(|m| (m.key, m.x))
                        .collect();
                    for (n, (key, _)) in xs.iter().enumerate() {
                        assert_eq!(*key, MarkKey::cluster(sc.lanes[lane].key.number(&s.dataset), n));
                    }
                    assert!(xs.windows(2).all(|w| w[0].1 <= w[1].1), "{xs:?}");
                    clusters += xs.len();
                }
            }
        }
        assert!(clusters > 0, "narrow widths must cluster the embedded dataset");
    }

    #[test]
    fn boxes_in_one_row_never_overlap() {
        let s = loaded();
        let f = all(&s);
        let sc = scene(&s.frame(&f, Group::Category, 1200.0), fit_window(&s.items, &f, 1200.0));
        for a in &sc.marks {
            for b in &sc.marks {
                if a.key != b.key && a.y == b.y {
                    assert!(a.x + a.width <= b.x || b.x + b.width <= a.x, "{:?} overlaps {:?}", a.key, b.key);
                }
            }
        }
    }

    #[test]
    fn grouping_by_category_gives_each_non_empty_category_its_events_in_date_order() {
        let s = loaded();
        let f = all(&s);
        let lanes: Vec<(LaneKey, Vec<usize>)> = group_events(&s.frame(&f, Group::Category, 800.0))
            .into_iter()
            .map(|g| (g.key, g.items.iter().map(|it| it.key).collect()))
            .collect();
        let expected: Vec<(LaneKey, Vec<usize>)> = Category::ALL
            .into_iter()
            .map(|c| {
                (
                    LaneKey::Category(c),
                    f.iter()
                        .copied()
                        .filter(|&i| s.dataset.events[i].categories.contains(&c))
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, evs)| !evs.is_empty())
            .collect();
        assert_eq!(lanes, expected);
        assert!(lanes.len() >= 3);
    }

    #[test]
    fn grouping_by_actor_puts_an_event_in_each_of_its_actors_lanes() {
        let s = loaded();
        let f = all(&s);
        let lanes = group_events(&s.frame(&f, Group::Actor, 800.0));
        let charter = s.dataset.event_index("vance-charter-2026").unwrap();
        let with_it: Vec<_> = lanes
            .iter()
            .filter(|g| g.items.iter().any(|it| it.key == charter))
            .map(|g| g.key.clone())
            .collect();
        let expected: Vec<_> =
            s.dataset.events[charter].actors.iter().map(|a| LaneKey::Actor(a.clone())).collect();
        assert_eq!(with_it.len(), expected.len());
        for k in expected {
            assert!(with_it.contains(&k), "{k:?}");
        }
    }

    #[test]
    fn revealing_a_clustered_event_zooms_until_it_has_its_own_box() {
        let s = loaded();
        let f = all(&s);
        let w = fit_window(&s.items, &f, 400.0);
        let target = s.dataset.event_index("ru-duma-reaction-2025").unwrap();
        let fr = s.frame(&f, Group::None, 400.0);
        let revealed = reveal(&fr, w, target);
        assert!(shows_event(&scene(&fr, revealed), target));
    }

    #[test]
    fn neighbours_walk_the_filtered_events_in_order_and_stop_at_the_ends() {
        let f = [2, 5, 9];
        assert_eq!(neighbour(&f, None, 1), Some(2));
        assert_eq!(neighbour(&f, None, -1), Some(9));
        assert_eq!(neighbour(&f, Some(5), 1), Some(9));
        assert_eq!(neighbour(&f, Some(9), 1), Some(9));
        assert_eq!(neighbour(&f, Some(2), -1), Some(2));
        assert_eq!(neighbour(&[], Some(2), 1), None);
    }

    #[test]
    fn a_span_in_the_state_sets_the_window() {
        let s = loaded();
        let state = ViewState { span: Some(Span { start: 20_000, end: 20_100 }), ..Default::default() };
        let w = window_for(&state, &s.items, &all(&s), 800.0);
        assert_eq!((w.start, w.end), (20_000.0, 20_100.0));
    }
}
