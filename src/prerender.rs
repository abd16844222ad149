//! The opening view as static HTML, made natively at build time from the same core the widget
//! draws with: the page shows the events before the wasm has loaded (and to readers and search
//! engines without JavaScript), and the widget replaces it in place when it has drawn.
//!
//! The HTML uses the widget's own elements and class names, so `timeline.css` styles it as it
//! styles the widget. The strict Content Security Policy allows no `style` attributes, so where
//! each mark and tick goes is a stylesheet of its own ([`FirstView::css`]), one class per
//! position. Marks are laid out at a nominal stage size ([`Size`]); their left edges are
//! written as percentages of the stage, their widths in px, so the view holds across common
//! desktop widths. Each language is drawn twice: as the timeline, and as the list that a
//! narrow widget (a phone) shows first; a container query in the stylesheet shows one of them.

use crate::core::dataset::model::{Category, Dataset, Event, Lang};
use crate::core::i18n::{category_name, count_line, event_count, filters_button, signpost, t, Key};
use crate::core::layout::fold::FoldedAxis;
use crate::core::layout::scene::{
    extent, fit_extent, group_events, opening_window, outside_window, reach_of, rows_that_fit,
    scene_of_lanes, Frame, MarkKind, Scene, ROW_PX,
};
use crate::core::layout::stack::css_len;
use crate::core::layout::ticks::{event_date, folded_ticks, format_date};
use crate::core::loaded::LoadedDataset;
use crate::core::query::viewstate::{AxisMode, ViewState};
use std::cmp::Ordering;
use std::fmt::Write;

/// Below this widget width the widget shows the list first (as `ui::app` decides).
pub const NARROW_PX: f64 = 600.0;
/// The most list items the narrow view carries (the widget shows more on request).
pub const LIST_ITEMS: usize = 60;

/// The stage the marks are laid out for, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

impl Default for Size {
    /// The stage of the standalone page in a 1366 × 900 window.
    fn default() -> Size {
        Size { width: 1084.0, height: 678.0 }
    }
}

/// One layout of the timeline: the stage it is laid out for, and the CSS conditions (`@container`
/// or `@media` preludes) under which it shows; none: always.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub size: Size,
    pub conditions: Vec<String>,
}

impl Layout {
    /// One layout for every size.
    pub fn fixed(size: Size) -> Layout {
        Layout { size, conditions: Vec::new() }
    }
}

/// The rows the page layouts are made for: one more for every 66 px of the window's height from
/// about 500 px (lower windows get the first; an embedding frame is often 640 px high) to 1090 px.
const PAGE_ROWS: [usize; 10] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
/// How much of the standalone page's and the iframe view's height is not the stage: the
/// toolbar, legend, controls, axis and overview.
const PAGE_CHROME_PX: f64 = 222.0;

/// The layouts of the standalone page and the iframe view, each for a run of the widget's content
/// widths, laid out at the stage width of a common window in that run (1024, 1280, 1366 px, and
/// 1400 px and wider, where the page is widest), and for the rows the window's height gives it
/// (see [`row_layouts`]). A left edge is a fraction of the stage, so only how the boxes stack
/// changes within a run. The stage is the content width less the side column, or nearly all of
/// it in one column (up to 700 px, where the stage's height is fixed).
pub fn page_layouts(loaded: &LoadedDataset) -> Vec<Layout> {
    // Content width from, to (none: any wider); the stage width; the stage height when fixed.
    let widths: [(f64, Option<f64>, f64, Option<f64>); 6] = [
        (600.0, Some(700.0), 646.0, Some(352.0)),
        (700.02, Some(960.0), 518.0, None),
        (960.0, Some(1200.0), 742.0, None),
        (1200.0, Some(1300.0), 998.0, None),
        (1300.0, Some(1376.0), 1084.0, None),
        (1376.0, None, 1118.0, None),
    ];
    let mut layouts = Vec::new();
    for (from, to, width, fixed) in widths {
        let mut container = format!("@container (min-width: {from}px)");
        if let Some(to) = to {
            let _ = write!(container, " and (max-width: {}px)", to - 0.02);
        }
        match fixed {
            Some(height) => {
                layouts.push(Layout { size: Size { width, height }, conditions: vec![container] })
            }
            None => layouts.extend(row_layouts(loaded, width, &container)),
        }
    }
    layouts
}

/// The layouts of a stage `width` px wide for the rows in [`PAGE_ROWS`] (a layout for fewer rows
/// than the window allows shows fewer events than the widget, never more), each under
/// `container` and the window heights that give it those rows; rows that lay the events out
/// alike share one layout.
fn row_layouts(loaded: &LoadedDataset, width: f64, container: &str) -> Vec<Layout> {
    let stage = |rows: usize| rows as f64 * ROW_PX + 8.0;
    let scenes: Vec<Scene> =
        PAGE_ROWS.iter().map(|&rows| opening(loaded, Size { width, height: stage(rows) }).scene).collect();
    let mut layouts = Vec::new();
    let mut k = 0;
    while k < PAGE_ROWS.len() {
        let mut last = k;
        while last + 1 < PAGE_ROWS.len() && scenes[last + 1] == scenes[k] {
            last += 1;
        }
        let mut media = Vec::new();
        if k > 0 {
            media.push(format!("(min-height: {}px)", stage(PAGE_ROWS[k]) + PAGE_CHROME_PX));
        }
        if let Some(&next) = PAGE_ROWS.get(last + 1) {
            media.push(format!("(max-height: {}px)", stage(next) + PAGE_CHROME_PX - 0.02));
        }
        let mut conditions = vec![container.to_string()];
        if !media.is_empty() {
            conditions.push(format!("@media {}", media.join(" and ")));
        }
        layouts.push(Layout { size: Size { width, height: stage(PAGE_ROWS[k]) }, conditions });
        k = last + 1;
    }
    layouts
}

/// What the first view is drawn for.
#[derive(Clone, Debug)]
pub struct Options {
    /// One view per language, the first one shown when nothing else chooses.
    pub langs: Vec<Lang>,
    /// The timeline's layouts (at least one).
    pub layouts: Vec<Layout>,
    /// The title is the page's heading (the standalone page), else a paragraph (embedded).
    pub heading: bool,
    /// The "Embed" control of the standalone page's toolbar.
    pub embed_control: bool,
}

/// The first view: HTML to put where the widget mounts, and the stylesheet that places it.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstView {
    pub html: String,
    pub css: String,
}

/// Escapes text from data for HTML text and (double-quoted) attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The opening view as the widget finds it: the dataset's `view` (else the story's stretch, see
/// [`opening_window`]), laid out for `size`.
pub struct Opening {
    pub state: ViewState,
    pub filtered: Vec<usize>,
    pub axis: FoldedAxis,
    pub scene: Scene,
    /// Filtered events wholly before and after the window.
    pub outside: (usize, usize),
}

/// Lays out the opening view of `loaded` at `size`.
pub fn opening(loaded: &LoadedDataset, size: Size) -> Opening {
    let query = loaded.dataset.view.clone().unwrap_or_default();
    let (state, _) = loaded.decode_state(&query);
    let filtered = loaded.filter(&state);
    let axis = match state.axis {
        AxisMode::Folded => FoldedAxis::for_events(&loaded.items, &filtered),
        AxisMode::Linear => FoldedAxis::linear(),
    };
    let placed = if axis.is_linear() { loaded.items.clone() } else { axis.place(&loaded.items) };
    let frame = Frame {
        items: &placed,
        max_rows: rows_that_fit(size.height - 8.0),
        lanes_px: size.height - 8.0,
        ..loaded.frame(&filtered, state.group, size.width)
    };
    let grouped = group_events(&frame);
    let window = match state.span {
        Some(s) => axis.window_of_days(s.start as f64, s.end as f64),
        None if loaded.dataset.view.is_none() => opening_window(&frame, &grouped)
            .unwrap_or_else(|| fit_extent(extent(&placed, &filtered), size.width)),
        None => fit_extent(extent(&placed, &filtered), size.width),
    };
    let scene = scene_of_lanes(&frame, &grouped, window);
    let outside = outside_window(&placed, &filtered, &reach_of(&placed, &filtered), &window);
    Opening { state, filtered, axis, scene, outside }
}

/// The first view of `loaded` in each of `options.langs`.
pub fn first_view(loaded: &LoadedDataset, options: &Options) -> FirstView {
    let opens: Vec<Opening> = options.layouts.iter().map(|l| opening(loaded, l.size)).collect();
    let mut html = String::new();
    let mut css = String::from(
        "/* Where the first view's marks go: made by `cargo run --bin prerender`, do not edit. */\n\
         .tl-first-view { container-type: inline-size; }\n\
         .tl-first-view .tl-event > .tl-event-bar { width: var(--fv-bar, 4px); }\n\
         @container (max-width: 599.98px) { .tl-fv-wide { display: none !important; } }\n\
         @container (min-width: 600px) { .tl-fv-narrow { display: none !important; } }\n\
         /* The language www/first-view.js chose (the widget's own choice), else the first. */\n\
         html:not([data-first-view]) .tl-fv-other,\n\
         html[data-first-view=\"de\"] .tl-first-view:not([data-first-view=\"de\"]),\n\
         html[data-first-view=\"en\"] .tl-first-view:not([data-first-view=\"en\"]) { display: none; }\n\
         /* A link to another view or dataset: the frame stays, its events wait for the widget. */\n\
         html[data-first-view-data] .tl-first-view { display: none; }\n\
         html[data-first-view-linked] .tl-first-view :is(.tl-axis, .tl-lanes, .tl-edge, .tl-list, .tl-count) { visibility: hidden; }\n\
         /* The widget is drawn over the first view, hidden, until it has drawn (www/boot.js). */\n\
         :has(> .tl-first-view) { display: grid; }\n\
         :has(> .tl-first-view) > .tl-root { grid-area: 1 / 1; min-width: 0; }\n\
         .tl-first-view ~ .tl-root:not(.tl-first-view) { visibility: hidden; }\n",
    );
    for (k, &lang) in options.langs.iter().enumerate() {
        let view = View { loaded, opens: &opens, lang, options, prefix: format!("fv-{}", lang.code()) };
        let hidden = if k == 0 { "" } else { " tl-fv-other" };
        let _ = write!(
            html,
            "<div class=\"tl-root tl-first-view{hidden}\" lang=\"{l}\" data-first-view=\"{l}\">",
            l = lang.code()
        );
        view.wide(&mut html, &mut css);
        view.narrow(&mut html);
        html.push_str("</div>\n");
    }
    FirstView { html, css }
}

/// One language's first view.
struct View<'a> {
    loaded: &'a LoadedDataset,
    /// The opening view in each of `options.layouts` (the same events pass in all).
    opens: &'a [Opening],
    lang: Lang,
    options: &'a Options,
    /// The prefix of this language's position classes.
    prefix: String,
}

impl View<'_> {
    fn dataset(&self) -> &Dataset {
        &self.loaded.dataset
    }

    fn t(&self, key: Key) -> String {
        escape(t(self.lang, key))
    }

    /// The timeline, for a wide widget.
    fn wide(&self, html: &mut String, css: &mut String) {
        let l = self.lang.code();
        let _ = write!(html, "<div class=\"tl-app tl-fv-wide\" lang=\"{l}\"><header class=\"tl-header\">");
        self.toolbar(html);
        html.push_str("</header><div class=\"tl-body\"><div class=\"tl-side\">");
        self.card(html);
        html.push_str("</div><div class=\"tl-main\">");
        self.legend_row(html);
        self.controls(html);
        self.timeline(html, css);
        html.push_str("<div class=\"tl-overview\" aria-hidden=\"true\"></div></div></div></div>");
    }

    /// The list, for a narrow widget.
    fn narrow(&self, html: &mut String) {
        let l = self.lang.code();
        let _ = write!(
            html,
            "<div class=\"tl-app tl-narrow tl-fv-narrow\" lang=\"{l}\"><header class=\"tl-header\">\
             <button type=\"button\" class=\"tl-filters-toggle\" disabled>{}</button>",
            escape(&filters_button(self.lang, 0))
        );
        self.toolbar(html);
        html.push_str("</header><div class=\"tl-body\"><div class=\"tl-side\">");
        self.card(html);
        html.push_str("</div><div class=\"tl-main\">");
        self.legend_row(html);
        let _ = write!(html, "<ol class=\"tl-list\" aria-label=\"{}\">", self.t(Key::ListLabel));
        for &i in self.opens[0].filtered.iter().take(LIST_ITEMS) {
            self.list_item(html, &self.dataset().events[i]);
        }
        html.push_str("</ol></div></div></div>");
    }

    /// The toolbar's controls, as the widget shows them before anything is chosen (disabled:
    /// they work once the widget has loaded).
    fn toolbar(&self, html: &mut String) {
        html.push_str("<div class=\"tl-toolbar\">");
        let _ = write!(
            html,
            "<div class=\"tl-segmented\" role=\"group\" aria-label=\"{}\">",
            self.t(Key::Language)
        );
        for other in [Lang::De, Lang::En] {
            let _ = write!(
                html,
                "<button type=\"button\" lang=\"{c}\" aria-pressed=\"{p}\" disabled>{}</button>",
                other.label(),
                c = other.code(),
                p = other == self.lang
            );
        }
        let _ = write!(
            html,
            "</div><div class=\"tl-segmented\" role=\"group\" aria-label=\"{}\">\
             <button type=\"button\" aria-pressed=\"true\" disabled>{}</button>\
             <button type=\"button\" aria-pressed=\"false\" disabled>{}</button></div>\
             <label>{}<select class=\"tl-lanes-select\" disabled><option>{}</option><option>{}</option>\
             <option>{}</option></select></label>\
             <label class=\"tl-fold-choice\"><input type=\"checkbox\"{} disabled><span>{}</span></label>\
             <button type=\"button\" class=\"tl-copy\" disabled>{}</button>\
             <span class=\"tl-exports\"><span class=\"tl-exports-label\">{}</span><span class=\"tl-segmented\">\
             <button type=\"button\" disabled>{}</button><button type=\"button\" disabled>{}</button>\
             <button type=\"button\" disabled>{}</button></span></span>",
            self.t(Key::View),
            self.t(Key::TimelineView),
            self.t(Key::ListView),
            self.t(Key::Lanes),
            self.t(Key::LanesNone),
            self.t(Key::LanesCategory),
            self.t(Key::LanesActor),
            if self.opens[0].state.axis == AxisMode::Folded { " checked" } else { "" },
            self.t(Key::FoldAxis),
            self.t(Key::CopyLink),
            self.t(Key::ExportLabel),
            self.t(Key::ExportJson),
            self.t(Key::ExportCsv),
            self.t(Key::ExportIcs),
        );
        if self.options.embed_control {
            let _ = write!(
                html,
                "<button type=\"button\" class=\"tl-embed-toggle\" disabled>{}</button>",
                self.t(Key::Embed)
            );
        }
        html.push_str("</div>");
    }

    /// The title card: title, description, how many events over which dates.
    fn card(&self, html: &mut String) {
        let (d, lang) = (self.dataset(), self.lang);
        let title = escape(d.title.get(lang));
        let _ = write!(html, "<section class=\"tl-card\" aria-label=\"{}\">", self.t(Key::TitleCardLabel));
        if self.options.heading {
            let _ = write!(html, "<h1 class=\"tl-title\">{title}</h1>");
        } else {
            let _ = write!(html, "<p class=\"tl-title tl-card-title\">{title}</p>");
        }
        if let Some(description) = &d.description {
            let _ = write!(
                html,
                "<p class=\"tl-description\">{}</p><button type=\"button\" class=\"tl-read-more\" disabled>{}</button>",
                escape(description.get(lang)),
                self.t(Key::ReadMore)
            );
        }
        let first = d.events.first().map(|e| e.date);
        let last = d
            .events
            .iter()
            .map(|e| e.end.unwrap_or(e.date))
            .max_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
        let mut meta = event_count(lang, d.events.len());
        if let (Some(a), Some(b)) = (first, last) {
            let (a, b) = (format_date(&a, lang), format_date(&b, lang));
            meta.push_str(" · ");
            meta.push_str(&if a == b { a } else { format!("{a} – {b}") });
        }
        let _ = write!(html, "<p class=\"tl-card-meta\">{}</p></section>", escape(&meta));
        // The search field, the filters' first part (a narrow widget shows it above the list).
        let _ = write!(
            html,
            "<section class=\"tl-filters\" aria-label=\"{}: {title}\"><div><label>{}</label>\
             <input type=\"search\" class=\"tl-search\" placeholder=\"{}\" disabled></div></section>",
            self.t(Key::Filters),
            self.t(Key::Search),
            self.t(Key::SearchPlaceholder)
        );
    }

    /// The legend of categories with their counts, and how many events pass the filters.
    fn legend_row(&self, html: &mut String) {
        let events = &self.dataset().events;
        let _ = write!(
            html,
            "<div class=\"tl-legend-row\"><div class=\"tl-legend\" role=\"group\" aria-label=\"{}\">",
            self.t(Key::LegendLabel)
        );
        for c in Category::ALL {
            let n = self.opens[0].filtered.iter().filter(|&&i| events[i].categories.contains(&c)).count();
            if !events.iter().any(|e| e.categories.contains(&c)) {
                continue;
            }
            let _ = write!(
                html,
                "<button type=\"button\" class=\"tl-legend-item\" data-category=\"{}\" aria-pressed=\"{}\" disabled>\
                 <span class=\"tl-swatch\" aria-hidden=\"true\"></span><span>{}</span>\
                 <span class=\"tl-legend-count\">{n}</span></button>",
                c.code(),
                self.opens[0].state.cat.contains(&c),
                escape(category_name(self.lang, c))
            );
        }
        let _ = write!(
            html,
            "</div><p class=\"tl-count\">{}</p></div>",
            escape(&count_line(self.lang, self.opens[0].filtered.len(), events.len()))
        );
    }

    /// The zoom and pan controls.
    fn controls(&self, html: &mut String) {
        let _ = write!(
            html,
            "<div class=\"tl-controls\" role=\"group\" aria-label=\"{}\">",
            self.t(Key::TimelineView)
        );
        for (key, glyph) in
            [(Key::ZoomIn, "+"), (Key::ZoomOut, "−"), (Key::PanEarlier, "←"), (Key::PanLater, "→")]
        {
            let _ = write!(
                html,
                "<button type=\"button\" aria-label=\"{}\" disabled>{glyph}</button>",
                self.t(key)
            );
        }
        let _ = write!(html, "<button type=\"button\" disabled>{}</button></div>", self.t(Key::Fit));
    }

    /// The axis, the marks and the signposts of every layout, placed by classes in `css`: an
    /// event has one element, which each layout places; ticks, clusters and signposts belong to
    /// one layout each.
    fn timeline(&self, html: &mut String, css: &mut String) {
        let (lang, p) = (self.lang, &self.prefix);
        let title = escape(self.dataset().title.get(lang));
        let _ = write!(
            html,
            "<div class=\"tl-timeline\" role=\"region\" aria-label=\"{}: {title}\"><div class=\"tl-axis\" aria-hidden=\"true\">",
            self.t(Key::TimelineLabel)
        );
        let mut rules: Vec<String> = vec![String::new(); self.opens.len()];
        for (j, open) in self.opens.iter().enumerate() {
            let width = self.options.layouts[j].size.width;
            for (k, tick) in folded_ticks(&open.axis, &open.scene.window, width, lang).iter().enumerate() {
                let major = if tick.major { " tl-major" } else { "" };
                let _ = write!(
                    html,
                    "<span class=\"tl-tick{major} {p}-own {p}-L{j} {p}-L{j}t{k}\">{}</span>",
                    escape(&tick.label)
                );
                let left = css_len(tick.x / width * 100.0, 3, "%");
                let _ = writeln!(rules[j], ".tl-first-view .{p}-L{j}t{k} {{ left: {left}; }}");
            }
        }
        html.push_str("</div><div class=\"tl-stage\">");
        let _ = write!(html, "<div class=\"tl-lanes {p}-lanes\" role=\"list\">");
        // Every event that any layout shows, in date order, as one element.
        let mut shown: Vec<usize> = self
            .opens
            .iter()
            .flat_map(|o| o.scene.marks.iter())
            .filter_map(|m| if let MarkKind::Event(i) = m.kind { Some(i) } else { None })
            .collect();
        shown.sort_unstable_by_key(|&i| self.opens[0].filtered.iter().position(|&f| f == i));
        shown.dedup();
        for &i in &shown {
            // The layouts in which the event's box ends at its date (see `flip_rules`).
            let flipped: Vec<usize> = (self.opens.iter().enumerate())
                .filter(|(_, o)| o.scene.marks.iter().any(|m| m.kind == MarkKind::Event(i) && m.flipped))
                .map(|(j, _)| j)
                .collect();
            self.event_mark(html, i, &flipped);
        }
        for (j, open) in self.opens.iter().enumerate() {
            self.place_marks(html, &mut rules[j], j, open, &shown);
        }
        html.push_str("</div></div>");
        for (j, open) in self.opens.iter().enumerate() {
            let (before, after) = open.outside;
            for (n, earlier, class) in [(before, true, "tl-edge-earlier"), (after, false, "tl-edge-later")] {
                if n > 0 {
                    let _ = write!(
                        html,
                        "<button type=\"button\" class=\"tl-edge {class} {p}-own {p}-L{j}\" disabled>{}</button>",
                        escape(&signpost(lang, n, earlier))
                    );
                }
            }
        }
        html.push_str("</div>");
        for (layout, r) in self.options.layouts.iter().zip(rules) {
            for c in &layout.conditions {
                let _ = writeln!(css, "{c} {{");
            }
            css.push_str(&r);
            for _ in &layout.conditions {
                css.push_str("}\n");
            }
        }
    }

    /// Layout `j`'s rules in `r`: where its marks go (its clusters are added to `html`), which of
    /// the `shown` events it leaves out, and that only its own ticks, clusters and signposts show.
    fn place_marks(&self, html: &mut String, r: &mut String, j: usize, open: &Opening, shown: &[usize]) {
        let p = &self.prefix;
        let width = self.options.layouts[j].size.width;
        let _ =
            writeln!(r, ".tl-first-view .{p}-lanes {{ height: {}; }}", css_len(open.scene.height, 0, "px"));
        let mut hidden = shown.to_vec();
        for (k, mark) in open.scene.marks.iter().enumerate() {
            let place = format!(
                "left: {}; top: {}; width: {};",
                css_len(mark.x / width * 100.0, 3, "%"),
                css_len(mark.y, 1, "px"),
                css_len(mark.width, 1, "px")
            );
            match &mark.kind {
                MarkKind::Event(i) => {
                    hidden.retain(|h| h != i);
                    let bar = css_len(mark.bar_width.max(4.0), 1, "px");
                    let _ = writeln!(r, ".tl-first-view .{p}-e{i} {{ {place} --fv-bar: {bar}; }}");
                }
                MarkKind::Cluster { events, .. } => {
                    let _ = writeln!(r, ".tl-first-view .{p}-L{j}c{k} {{ {place} }}");
                    self.cluster_mark(html, &format!("{p}-own {p}-L{j} {p}-L{j}c{k}"), events);
                }
            }
        }
        if open.scene.marks.iter().any(|m| m.flipped) {
            r.push_str(&flip_rules(&format!("{p}-f{j}")));
        }
        if !hidden.is_empty() {
            let list: Vec<String> = hidden.iter().map(|i| format!(".tl-first-view .{p}-e{i}")).collect();
            let _ = writeln!(r, "{} {{ display: none; }}", list.join(", "));
        }
        if self.opens.len() > 1 {
            let _ = writeln!(r, ".tl-first-view .{p}-own:not(.{p}-L{j}) {{ display: none; }}");
        }
    }

    /// A cluster of `events` with the classes `classes`: how many, over which months.
    fn cluster_mark(&self, html: &mut String, classes: &str, events: &[usize]) {
        let day =
            |i: Option<&usize>| i.and_then(|&i| self.loaded.items.get(i)).map_or(0, |it| it.start as i64);
        let months = crate::core::i18n::month_range(self.lang, day(events.first()), day(events.last()));
        let _ = write!(
            html,
            "<div class=\"tl-cluster {classes}\" role=\"listitem\" data-count=\"{}\">\
             <span class=\"tl-cluster-count\">{}</span><span class=\"tl-cluster-dates\">{}</span></div>",
            events.len(),
            escape(&event_count(self.lang, events.len())),
            escape(&months)
        );
    }

    /// Event `i`'s box on the timeline (each layout places it by its class), ending at its date
    /// in the layouts `flipped`.
    fn event_mark(&self, html: &mut String, i: usize, flipped: &[usize]) {
        let (p, e) = (&self.prefix, &self.dataset().events[i]);
        let mut class = String::from("tl-event");
        for j in flipped {
            let _ = write!(class, " {p}-f{j}");
        }
        if e.date.precision() != crate::core::dataset::date::Precision::Day || e.end.is_some() {
            class.push_str(" tl-wide");
        }
        if e.approximate {
            class.push_str(" tl-approx");
        }
        let _ = write!(
            html,
            "<div class=\"{class} {p}-e{i}\" role=\"listitem\" data-event-id=\"{}\" data-category=\"{}\">\
             <span class=\"tl-event-bar\"></span><span class=\"tl-event-label\">{}</span>\
             <span class=\"tl-event-date\">{}</span></div>",
            escape(&e.id),
            e.categories.first().map(|c| c.code()).unwrap_or(""),
            escape(e.title.get(self.lang)),
            escape(&event_date(e, self.lang))
        );
    }

    /// One event in the list: date, title, summary, actors and place.
    fn list_item(&self, html: &mut String, e: &Event) {
        let (d, lang) = (self.dataset(), self.lang);
        let mut meta: Vec<&str> =
            e.actors.iter().filter_map(|a| d.actor(a)).map(|a| a.name.get(lang)).collect();
        if let Some(place) = &e.place {
            meta.push(place.name.get(lang));
        }
        let datetime =
            e.date.html_datetime().map(|v| format!(" datetime=\"{}\"", escape(&v))).unwrap_or_default();
        let _ = write!(
            html,
            "<li class=\"tl-list-item\" data-event-id=\"{}\" data-category=\"{}\"><time{datetime}>{}</time>\
             <h3><button type=\"button\" disabled>{}</button></h3><p>{}</p><p class=\"tl-meta\">{}</p></li>",
            escape(&e.id),
            e.categories.first().map(|c| c.code()).unwrap_or(""),
            escape(&event_date(e, lang)),
            escape(e.title.get(lang)),
            escape(e.summary.get(lang)),
            escape(&meta.join(" · "))
        );
    }
}

/// The widget's style sheet, whose rules for boxes that end at their date the first view copies.
const WIDGET_CSS: &str = include_str!("../www/timeline.css");

/// The widget's rules for a box that ends at its date (`.tl-flip`, set by `ui::marks`) for the
/// first view's boxes of class `class`: an event's element serves every layout, and each layout
/// says by its own class which of them end at their date.
fn flip_rules(class: &str) -> String {
    let mut out = String::new();
    for line in WIDGET_CSS.lines().filter(|l| l.starts_with(".tl-event") && l.contains(".tl-flip")) {
        let Some((selectors, body)) = line.split_once('{') else { continue };
        let selectors: Vec<String> = selectors
            .split(',')
            .map(|s| format!(".tl-first-view {}", s.trim().replace(".tl-flip", &format!(".{class}"))))
            .collect();
        let _ = writeln!(out, "{} {{{body}", selectors.join(", "));
    }
    out
}

/// Where the first view goes in a page: between these two comments.
pub const BEGIN: &str = "<!-- first view: made by `cargo run --bin prerender -- --pages`, do not edit -->";
pub const END: &str = "<!-- /first view -->";
/// The stylesheet the pages link for the first view's positions.
pub const PAGES_CSS: &str = "www/first-view.css";

/// The pages that carry the embedded dataset's first view (in both languages), as they should
/// read: each file's path under the repository root `root` and its text. The stylesheet is
/// shared: the standalone page and the iframe view draw the same marks.
pub fn pages(root: &std::path::Path) -> std::io::Result<Vec<(std::path::PathBuf, String)>> {
    let loaded = LoadedDataset::embedded().map_err(|e| std::io::Error::other(format!("{e:?}")))?;
    let mut out = Vec::new();
    let mut css = String::new();
    let layouts = page_layouts(&loaded);
    for (page, heading) in [("index.html", true), ("embed.html", false)] {
        let options = Options {
            langs: vec![Lang::En, Lang::De],
            layouts: layouts.clone(),
            heading,
            embed_control: heading,
        };
        let view = first_view(&loaded, &options);
        let path = root.join(page);
        let text = std::fs::read_to_string(&path)?;
        let (Some(a), Some(b)) = (text.find(BEGIN), text.find(END)) else {
            return Err(std::io::Error::other(format!("{page} has no first-view markers")));
        };
        let indent = text[..a].rsplit('\n').next().unwrap_or("");
        let fresh = format!("{}{BEGIN}\n{}{indent}{}", &text[..a], view.html, &text[b..]);
        out.push((path, fresh));
        css = view.css;
    }
    out.push((root.join(PAGES_CSS), css));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Regenerate with `UPDATE_PRERENDER=1 cargo test prerender`.
    #[test]
    fn the_committed_pages_carry_the_first_view_of_the_built_in_dataset() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for (path, fresh) in pages(root).unwrap() {
            if std::env::var_os("UPDATE_PRERENDER").is_some() {
                std::fs::write(&path, &fresh).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == fresh,
                "{} is stale: run `UPDATE_PRERENDER=1 cargo test prerender`",
                path.display()
            );
        }
    }

    /// The built-in dataset with hostile text in every field the first view shows.
    fn hostile() -> Arc<LoadedDataset> {
        let mut d: serde_json::Value = serde_json::from_str(include_str!("data/events.json")).unwrap();
        let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
        for path in ["/title/en", "/title/de", "/description/en", "/description/de"] {
            *d.pointer_mut(path).unwrap() = evil.into();
        }
        for e in d["events"].as_array_mut().unwrap() {
            for field in ["title", "summary"] {
                e[field]["en"] = evil.into();
                e[field]["de"] = evil.into();
            }
        }
        for a in d["actors"].as_array_mut().unwrap() {
            a["name"]["en"] = evil.into();
        }
        LoadedDataset::from_json(&d.to_string()).unwrap()
    }

    #[test]
    fn hostile_text_in_a_dataset_is_escaped_in_the_prerendered_html() {
        let options = Options {
            langs: vec![Lang::En, Lang::De],
            layouts: vec![Layout::fixed(Size::default())],
            heading: true,
            embed_control: true,
        };
        let view = first_view(&hostile(), &options);
        for markup in ["<script", "<img", "onerror=\"", "'&<"] {
            assert!(!view.html.contains(markup), "{markup} reached the HTML");
        }
        assert!(view.html.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;"
        ));
        assert!(!view.html.contains("style="), "the strict policy allows no style attributes");
        assert!(!view.css.contains('<'));
    }

    #[test]
    fn the_first_view_shows_the_widgets_opening_events_in_both_layouts() {
        let loaded = LoadedDataset::embedded().unwrap();
        let options = Options {
            langs: vec![Lang::De],
            layouts: vec![Layout::fixed(Size::default())],
            heading: false,
            embed_control: false,
        };
        let open = opening(&loaded, Size::default());
        let view = first_view(&loaded, &options);
        assert!(!open.scene.marks.is_empty());
        for mark in &open.scene.marks {
            if let MarkKind::Event(i) = mark.kind {
                let e = &loaded.dataset.events[i];
                assert!(view.html.contains(&format!("data-event-id=\"{}\"", e.id)));
                assert!(view.html.contains(&escape(e.title.get(Lang::De))));
            }
        }
        // The list of a narrow widget holds the events in date order.
        let first = &loaded.dataset.events[open.filtered[0]];
        assert!(view.html.contains(&format!("<li class=\"tl-list-item\" data-event-id=\"{}\"", first.id)));
        assert_eq!(view.html.matches("tl-fv-wide").count(), 1);
        assert!(view.css.contains(".tl-first-view .fv-de-e"));
    }

    #[test]
    fn the_first_view_draws_a_box_that_ends_at_its_date_by_the_widgets_own_rules() {
        let rules = flip_rules("fv-en-f2");
        let widget: Vec<&str> =
            WIDGET_CSS.lines().filter(|l| l.contains(".tl-flip {") || l.contains(".tl-flip >")).collect();
        assert!(widget.len() >= 3, "the widget styles boxes that end at their date");
        assert_eq!(
            rules.lines().count(),
            WIDGET_CSS.lines().filter(|l| l.starts_with(".tl-event") && l.contains(".tl-flip")).count()
        );
        assert!(
            rules.contains(".tl-first-view .tl-event.fv-en-f2 > .tl-event-bar { left: auto; right: 0; }"),
            "{rules}"
        );
        assert!(!rules.contains("tl-flip"));
    }

    #[test]
    fn a_box_that_ends_at_its_date_in_one_layout_is_marked_for_that_layout_alone() {
        let loaded = LoadedDataset::embedded().unwrap();
        let layouts = page_layouts(&loaded);
        let options =
            Options { langs: vec![Lang::En], layouts: layouts.clone(), heading: false, embed_control: false };
        let view = first_view(&loaded, &options);
        let (mut flipped, mut at_edge) = (0, 0);
        for (j, Layout { size, .. }) in layouts.iter().enumerate() {
            let scene = opening(&loaded, *size).scene;
            flipped += scene.marks.iter().filter(|m| m.flipped).count();
            for mark in &scene.marks {
                let MarkKind::Event(i) = mark.kind else { continue };
                let id = &loaded.dataset.events[i].id;
                let tag = view.html.split(&format!("data-event-id=\"{id}\"")).next().unwrap();
                let class = tag.rsplit("class=\"").next().unwrap();
                assert_eq!(
                    class.contains(&format!(" fv-en-f{j} ")),
                    mark.flipped,
                    "{id} in layout {j}: {class}"
                );
                // A box dated on the stage ends on it: narrowed to the edge, or ending at its date.
                if mark.x < size.width {
                    assert!(mark.x + mark.width <= size.width + 1e-9, "{id} ends on the stage in layout {j}");
                    at_edge += usize::from(mark.x + mark.width > size.width - 0.5);
                }
            }
        }
        // The story's last events lie at the right edge of the narrower stages: their boxes
        // end there (narrowed to it, or ending at their date).
        assert!(at_edge + flipped >= 1, "some layout has a box that ends at the stage's edge");
    }

    #[test]
    fn escape_turns_markup_characters_into_entities() {
        assert_eq!(
            escape(r#"<img src=x onerror="a('b')">&"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
    }
}
