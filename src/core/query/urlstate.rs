//! The URL query codec: a public contract (see README "Shareable URLs").
//!
//! [`encode`] gives the canonical query (fixed parameter order, defaults left out, set values
//! sorted) and [`decode`] reads any string without panicking, keeping every valid part and
//! reporting each part it ignored. `decode(encode(s)).state == s` for every state.

use crate::core::dataset::date::{civil_of_day, PartialDate, Precision, MIN_CALENDAR_YEAR};
use crate::core::dataset::model::{Category, Lang};
use crate::core::dataset::validate::is_slug;
use crate::core::query::viewstate::{AxisMode, Group, Span, View, ViewState};

/// Every parameter of the URL contract.
const PARAMS: [&str; 13] =
    ["q", "cat", "actor", "tag", "place", "from", "to", "event", "span", "group", "view", "axis", "lang"];

/// The longest search text kept, in characters.
pub const MAX_Q_CHARS: usize = 200;
/// The most values kept in one list parameter.
pub const MAX_LIST: usize = 50;
/// The longest query read, in bytes.
pub const MAX_QUERY_BYTES: usize = 64 * 1024;
/// The widest span accepted, in days: 30 billion Gregorian years (75 million cycles of 400
/// years), the time scale's widest window. Spans wider than that no view could mean.
pub const MAX_SPAN_DAYS: i64 = 146_097 * 75_000_000;
/// The most ignored parts reported for one query.
pub const MAX_REPORTS: usize = 10;

/// A part of a query that was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// A parameter the widget does not know.
    UnknownParam(String),
    /// A value that is not valid for its parameter.
    BadValue { param: String, value: String },
    /// A value that was too long or had too many items; the first part was kept.
    Truncated { param: String },
    /// `from` was after `to`; the two were swapped.
    ReversedRange,
    /// A parameter given more than once; the last one was used.
    Repeated(String),
    /// An id the dataset does not have.
    UnknownId { param: String, value: String },
    /// The query was longer than [`MAX_QUERY_BYTES`]; the rest was not read.
    TooLong,
}

/// Cuts a value for display in a notice.
fn cap(s: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = s.chars().take(MAX).collect();
    if s.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

impl Ignored {
    /// A short sentence for the notice, in the UI language.
    pub fn describe(&self, lang: Lang) -> String {
        use Ignored::*;
        match (lang, self) {
            (Lang::En, UnknownParam(p)) => format!("Ignored unknown parameter “{p}”."),
            (Lang::De, UnknownParam(p)) => format!("Unbekannten Parameter „{p}“ ignoriert."),
            (Lang::En, BadValue { param, value }) => {
                format!("Ignored invalid value “{value}” for “{param}”.")
            }
            (Lang::De, BadValue { param, value }) => {
                format!("Ungültigen Wert „{value}“ für „{param}“ ignoriert.")
            }
            (Lang::En, Truncated { param }) => format!("“{param}” was too long and was shortened."),
            (Lang::De, Truncated { param }) => format!("„{param}“ war zu lang und wurde gekürzt."),
            (Lang::En, ReversedRange) => "“from” was after “to”: the values were swapped.".into(),
            (Lang::De, ReversedRange) => "„from“ lag nach „to“: Die Werte wurden vertauscht.".into(),
            (Lang::En, Repeated(p)) => format!("“{p}” was given more than once; the last one is used."),
            (Lang::De, Repeated(p)) => format!("„{p}“ kam mehrfach vor; der letzte Wert gilt."),
            (Lang::En, UnknownId { param, value }) => {
                format!("Ignored “{value}” in “{param}”: not in this data.")
            }
            (Lang::De, UnknownId { param, value }) => {
                format!("„{value}“ in „{param}“ ignoriert: nicht in diesen Daten.")
            }
            (Lang::En, TooLong) => "The link was too long; only its beginning was read.".into(),
            (Lang::De, TooLong) => "Der Link war zu lang; nur sein Anfang wurde gelesen.".into(),
        }
    }
}

/// The decoded state and what was ignored on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub state: ViewState,
    pub ignored: Vec<Ignored>,
}

fn push(ignored: &mut Vec<Ignored>, i: Ignored) {
    if ignored.len() < MAX_REPORTS && !ignored.contains(&i) {
        ignored.push(i);
    }
}

/// An end of a span: a calendar day as `YYYY-MM-DD` (`-0299-03-15`), and before 100,000 BC,
/// where days have no date, the first day of a year as that year (`-13800000000`). `None` for
/// a day the codec cannot read back.
fn format_day(n: i64) -> Option<String> {
    if let Some(d) = PartialDate::of_day(n) {
        return Some(d.to_string());
    }
    let year = civil_of_day(n).0;
    let d = PartialDate::year(year).ok().filter(|d| d.start_day() == n && year < MIN_CALENDAR_YEAR)?;
    Some(d.to_string())
}

fn valid_span(start: i64, end: i64) -> bool {
    end > start && end - start <= MAX_SPAN_DAYS
}

fn parse_day(s: &str) -> Option<i64> {
    let d = PartialDate::parse(s).ok()?;
    (d.precision() == Precision::Day || d.year_value() < MIN_CALENDAR_YEAR).then(|| d.start_day())
}

/// Percent-encodes one value (form-urlencoded: space becomes `+`).
fn enc(v: &str) -> String {
    form_urlencoded::byte_serialize(v.as_bytes()).collect()
}

/// Encodes a list; the separating commas stay literal (values are slugs or codes, so they
/// contain no comma of their own).
fn enc_list<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values.map(enc).collect::<Vec<_>>().join(",")
}

/// `span=all`: the window that shows every filtered event, written only where an empty query
/// would mean something else (see [`crate::core::loaded::LoadedDataset::query_of`]).
pub const WHOLE_PERIOD: &str = "all";

/// The canonical query string for a state (no leading `?`; empty for the default state).
///
/// Parameters come in the fixed order q, cat, actor, tag, place, from, to, event, span,
/// group, view, axis, lang; defaults and empty values are left out; set values are sorted (`cat`
/// in [`Category::ALL`] order).
pub fn encode(s: &ViewState) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    if !s.q.is_empty() {
        parts.push(("q", enc(&s.q)));
    }
    if !s.cat.is_empty() {
        parts.push(("cat", enc_list(Category::ALL.iter().filter(|c| s.cat.contains(c)).map(|c| c.code()))));
    }
    for (name, set) in [("actor", &s.actor), ("tag", &s.tag), ("place", &s.place)] {
        if !set.is_empty() {
            parts.push((name, enc_list(set.iter().map(String::as_str))));
        }
    }
    if let Some(d) = s.from {
        parts.push(("from", d.to_string()));
    }
    if let Some(d) = s.to {
        parts.push(("to", d.to_string()));
    }
    if let Some(e) = &s.event {
        parts.push(("event", enc(e)));
    }
    if let Some(Span { start, end }) = s.span {
        if let (Some(a), Some(b), true) = (format_day(start), format_day(end), valid_span(start, end)) {
            parts.push(("span", format!("{a}..{b}")));
        }
    }
    if s.group != Group::None {
        parts.push(("group", s.group.code().into()));
    }
    if s.view == View::List {
        parts.push(("view", s.view.code().into()));
    }
    if s.axis == AxisMode::Linear {
        parts.push(("axis", s.axis.code().into()));
    }
    if let Some(l) = s.lang {
        parts.push(("lang", l.code().into()));
    }
    let mut text = String::new();
    for (name, value) in parts {
        if !text.is_empty() {
            text.push('&');
        }
        text.push_str(name);
        text.push('=');
        text.push_str(&value);
    }
    text
}

fn parse_list(param: &str, value: &str, ignored: &mut Vec<Ignored>, mut each: impl FnMut(&str) -> bool) {
    let mut kept = 0;
    for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        if kept >= MAX_LIST {
            push(ignored, Ignored::Truncated { param: param.into() });
            break;
        }
        if each(v) {
            kept += 1;
        } else {
            push(ignored, Ignored::BadValue { param: param.into(), value: cap(v) });
        }
    }
}

/// The search text as the view state keeps it, from the URL or the search box: its first
/// [`MAX_Q_CHARS`] chars, and whether anything was cut.
pub fn clip_q(text: &str) -> (String, bool) {
    match text.char_indices().nth(MAX_Q_CHARS) {
        Some((end, _)) => (text[..end].to_string(), true),
        None => (text.to_string(), false),
    }
}

/// Reads a query string (with or without `?`); never panics.
pub fn decode(query: &str) -> Decoded {
    let mut ignored = Vec::new();
    let q = within_limit(query.strip_prefix('?').unwrap_or(query), &mut ignored);
    let mut s = ViewState::default();
    // Parameters seen so far, one bit each in the order of `PARAMS`.
    let mut seen = 0u16;
    for (name, value) in form_urlencoded::parse(q.as_bytes()) {
        if name.is_empty() && value.is_empty() {
            continue;
        }
        let Some(bit) = PARAMS.iter().position(|p| *p == name) else {
            push(&mut ignored, Ignored::UnknownParam(cap(&name)));
            continue;
        };
        if seen & 1 << bit != 0 {
            push(&mut ignored, Ignored::Repeated(name.to_string()));
        }
        seen |= 1 << bit;
        read_param(&mut s, &name, &value, &mut ignored);
    }
    if let (Some(f), Some(t)) = (s.from, s.to) {
        if f.start_day() > t.start_day() {
            s.from = Some(t);
            s.to = Some(f);
            push(&mut ignored, Ignored::ReversedRange);
        }
    }
    Decoded { state: s, ignored }
}

/// The first [`MAX_QUERY_BYTES`] of `q` (cut at a character boundary), noting a cut in `ignored`.
fn within_limit<'a>(q: &'a str, ignored: &mut Vec<Ignored>) -> &'a str {
    if q.len() <= MAX_QUERY_BYTES {
        return q;
    }
    let mut cut = MAX_QUERY_BYTES;
    while !q.is_char_boundary(cut) {
        cut -= 1;
    }
    push(ignored, Ignored::TooLong);
    &q[..cut]
}

/// Reads the value of the known parameter `name` into `s`; what it cannot use goes to `ignored`.
fn read_param(s: &mut ViewState, name: &str, value: &str, ignored: &mut Vec<Ignored>) {
    let bad = |ignored: &mut Vec<Ignored>| {
        push(ignored, Ignored::BadValue { param: name.into(), value: cap(value) })
    };
    match name {
        "q" => {
            let (kept, cut) = clip_q(value);
            if cut {
                push(ignored, Ignored::Truncated { param: "q".into() });
            }
            s.q = kept;
        }
        "cat" => {
            s.cat.clear();
            parse_list("cat", value, ignored, |v| Category::from_code(v).map(|c| s.cat.insert(c)).is_some());
        }
        "actor" | "tag" | "place" => {
            if let Some(set) = s.ids_mut(name) {
                set.clear();
                parse_list(name, value, ignored, |v| {
                    let ok = is_slug(v);
                    if ok {
                        set.insert(v.to_string());
                    }
                    ok
                });
            }
        }
        "from" | "to" => match PartialDate::parse(value.trim()) {
            Ok(d) if name == "from" => s.from = Some(d),
            Ok(d) => s.to = Some(d),
            Err(_) => bad(ignored),
        },
        "event" if is_slug(value) => s.event = Some(value.to_string()),
        // The whole period, said outright: a dataset that names an opening view opens there
        // on an empty query, so a link to the whole period needs a word of its own.
        "span" if value == WHOLE_PERIOD => s.span = None,
        "span" => match value.split_once("..").and_then(|(a, b)| Some((parse_day(a)?, parse_day(b)?))) {
            Some((start, end)) if valid_span(start, end) => s.span = Some(Span { start, end }),
            _ => bad(ignored),
        },
        "group" => match Group::from_code(value) {
            Some(g) => s.group = g,
            None => bad(ignored),
        },
        "view" => match View::from_code(value) {
            Some(v) => s.view = v,
            None => bad(ignored),
        },
        "axis" => match AxisMode::from_code(value) {
            Some(a) => s.axis = a,
            None => bad(ignored),
        },
        "lang" => match Lang::from_code(value) {
            Some(l) => s.lang = Some(l),
            None => bad(ignored),
        },
        _ => bad(ignored),
    }
}

/// Which ids a dataset has, for dropping unknown ones from a decoded state. The loaded dataset answers
/// from the indexes it holds anyway ([`crate::core::loaded::LoadedDataset`]), so no set of ids is
/// copied for this.
pub trait Known {
    /// Whether the dataset has `id` for URL parameter `param` (`actor`, `tag`, `place` or
    /// `event`).
    fn knows(&self, param: &str, id: &str) -> bool;
}

/// Removes ids the dataset does not have, reporting each.
pub fn sanitize(state: &mut ViewState, known: &dyn Known) -> Vec<Ignored> {
    let mut ignored = Vec::new();
    for (param, set) in [("actor", &mut state.actor), ("tag", &mut state.tag), ("place", &mut state.place)] {
        set.retain(|v| {
            let ok = known.knows(param, v);
            if !ok {
                push(&mut ignored, Ignored::UnknownId { param: param.into(), value: cap(v) });
            }
            ok
        });
    }
    if let Some(e) = &state.event {
        if !known.knows("event", e) {
            push(&mut ignored, Ignored::UnknownId { param: "event".into(), value: cap(e) });
            state.event = None;
        }
    }
    ignored
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::query::viewstate::ValueSet;
    use proptest::prelude::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn day(s: &str) -> i64 {
        d(s).start_day()
    }

    fn set(v: &[&str]) -> ValueSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn bad(param: &str, value: &str) -> Ignored {
        Ignored::BadValue { param: param.into(), value: value.into() }
    }

    #[test]
    fn the_default_state_encodes_to_nothing() {
        assert_eq!(encode(&ViewState::default()), "");
        assert_eq!(decode("").state, ViewState::default());
        assert_eq!(decode("?").state, ViewState::default());
        assert!(decode("?").ignored.is_empty());
    }

    #[test]
    fn the_canonical_form_has_a_fixed_order_and_sorted_values() {
        let s = decode("lang=de&view=list&group=actor&span=2025-08-01..2026-03-01&event=vance-charter-2026&to=2026-02&from=2025-11&place=baku&tag=tripp&actor=kz,az&cat=energy,military&q=nato").state;
        assert_eq!(
            encode(&s),
            "q=nato&cat=military,energy&actor=az,kz&tag=tripp&place=baku&from=2025-11&to=2026-02&event=vance-charter-2026&span=2025-08-01..2026-03-01&group=actor&view=list&lang=de"
        );
        assert_eq!(s.span, Some(Span { start: day("2025-08-01"), end: day("2026-03-01") }));
        // A leading `?` and a different value order give the same state.
        assert_eq!(decode(&format!("?{}", encode(&s))).state, s);
        assert_eq!(decode("cat=energy,military").state, decode("cat=military,energy").state);
    }

    #[test]
    fn defaults_given_explicitly_are_left_out_of_the_canonical_form() {
        let d = decode("group=none&view=timeline&cat=&q=&actor=&tag=,&place=");
        assert_eq!(d.state, ViewState::default());
        assert!(d.ignored.is_empty(), "{:?}", d.ignored);
        assert_eq!(encode(&d.state), "");
        assert_eq!(encode(&ViewState { lang: Some(Lang::En), ..Default::default() }), "lang=en");
    }

    #[test]
    fn search_text_with_separators_survives_a_round_trip() {
        let s = ViewState { q: "a,b & c=d #e %f +g ä/? 😀 ..".into(), ..Default::default() };
        let enc = encode(&s);
        assert!(!enc.contains('#') && !enc.contains(' ') && !enc[2..].contains('&'), "{enc}");
        assert_eq!(decode(&enc).state, s);
        assert_eq!(decode("q=two+words").state.q, "two words");
        assert_eq!(decode("q=two%20words").state.q, "two words");
        assert_eq!(decode("q=%2B1").state.q, "+1");
    }

    #[test]
    fn bad_url_inputs_keep_every_valid_part_and_report_the_rest() {
        type Case = (&'static str, fn(&mut ViewState), Vec<Ignored>);
        let cases: Vec<Case> = vec![
            ("cat=foo,energy", |s| s.cat = [Category::Energy].into(), vec![bad("cat", "foo")]),
            ("cat=ENERGY", |_| {}, vec![bad("cat", "ENERGY")]),
            (
                "from=2025-13&to=garbage&view=list",
                |s| s.view = View::List,
                vec![bad("from", "2025-13"), bad("to", "garbage")],
            ),
            ("from=2025-02-30", |_| {}, vec![bad("from", "2025-02-30")]),
            (
                "from=2026-02&to=2025-11",
                |s| (s.from, s.to) = (Some(d("2025-11")), Some(d("2026-02"))),
                vec![Ignored::ReversedRange],
            ),
            (
                // Compared by first day: 15 November starts after November.
                "from=2025-11-15&to=2025-11",
                |s| (s.from, s.to) = (Some(d("2025-11")), Some(d("2025-11-15"))),
                vec![Ignored::ReversedRange],
            ),
            (
                "from=2025&to=2025-01-01",
                |s| (s.from, s.to) = (Some(d("2025")), Some(d("2025-01-01"))),
                vec![],
            ),
            ("span=2026-01-01..2025-01-01", |_| {}, vec![bad("span", "2026-01-01..2025-01-01")]),
            ("span=2026-01-01..2026-01-01", |_| {}, vec![bad("span", "2026-01-01..2026-01-01")]),
            ("span=2025-01..2026-01", |_| {}, vec![bad("span", "2025-01..2026-01")]),
            ("span=2025-01-01", |_| {}, vec![bad("span", "2025-01-01")]),
            ("span=..", |_| {}, vec![bad("span", "..")]),
            (
                "span=2025-01-01..2026-01-01..2027-01-01",
                |_| {},
                vec![bad("span", "2025-01-01..2026-01-01..2027-01-01")],
            ),
            (
                "span=1700-01-01..2026-01-01",
                |s| s.span = Some(Span { start: day("1700-01-01"), end: day("2026-01-01") }),
                vec![],
            ),
            (
                "span=0001-01-01..9999-12-31",
                |s| s.span = Some(Span { start: day("0001-01-01"), end: day("9999-12-31") }),
                vec![],
            ),
            (
                "from=-13800000000&to=-0299",
                |s| (s.from, s.to) = (Some(d("-13800000000")), Some(d("-0299"))),
                vec![],
            ),
            (
                "span=-13800000000..2000-01-01",
                |s| s.span = Some(Span { start: day("-13800000000"), end: day("2000-01-01") }),
                vec![],
            ),
            (
                "span=-0299-03-15..-0299-03-22",
                |s| s.span = Some(Span { start: day("-0299-03-15"), end: day("-0299-03-22") }),
                vec![],
            ),
            ("from=-20000000001", |_| {}, vec![bad("from", "-20000000001")]),
            ("to=-100000-03", |_| {}, vec![bad("to", "-100000-03")]),
            ("span=-0299..-0200", |_| {}, vec![bad("span", "-0299..-0200")]),
            ("span=-20000000000..1e99", |_| {}, vec![bad("span", "-20000000000..1e99")]),
            (
                "unknown=1&group=sideways&lang=xx&view=grid",
                |_| {},
                vec![
                    Ignored::UnknownParam("unknown".into()),
                    bad("group", "sideways"),
                    bad("lang", "xx"),
                    bad("view", "grid"),
                ],
            ),
            (
                "event=%3Cscript%3E&actor=AZ,kz",
                |s| s.actor = set(&["kz"]),
                vec![bad("event", "<script>"), bad("actor", "AZ")],
            ),
            (
                "tag=ok,no+space,%C3%A4",
                |s| s.tag = set(&["ok"]),
                vec![bad("tag", "no space"), bad("tag", "ä")],
            ),
            ("place=a%2Cb", |s| s.place = set(&["a", "b"]), vec![]),
            ("lang=de&lang=en", |s| s.lang = Some(Lang::En), vec![Ignored::Repeated("lang".into())]),
            (
                "cat=energy&cat=military",
                |s| s.cat = [Category::Military].into(),
                vec![Ignored::Repeated("cat".into())],
            ),
            ("q=a&q=b", |s| s.q = "b".into(), vec![Ignored::Repeated("q".into())]),
            (
                "event=x&event=NOPE",
                |s| s.event = Some("x".into()),
                vec![Ignored::Repeated("event".into()), bad("event", "NOPE")],
            ),
            ("zz=1&zz=2&zz=3", |_| {}, vec![Ignored::UnknownParam("zz".into())]),
            (
                "x=1&y=2&z=3&w=4&v=5&u=6&t=7&s=8&r=9&p=10&o=11&view=list",
                |s| s.view = View::List,
                ["x", "y", "z", "w", "v", "u", "t", "s", "r", "p"]
                    .iter()
                    .map(|p| Ignored::UnknownParam(p.to_string()))
                    .collect(),
            ),
        ];
        for (query, expect, ignored) in cases {
            let mut want = ViewState::default();
            expect(&mut want);
            let got = decode(query);
            assert_eq!(got.state, want, "state of {query:?}");
            assert_eq!(got.ignored, ignored, "ignored of {query:?}");
        }
    }

    #[test]
    fn reported_values_are_capped_at_forty_characters() {
        let long = "X".repeat(100);
        let got = decode(&format!("{long}=1&event={long}"));
        let capped = format!("{}…", "X".repeat(40));
        assert_eq!(got.ignored, [Ignored::UnknownParam(capped.clone()), bad("event", &capped)]);
    }

    #[test]
    fn oversized_values_are_cut_and_reported() {
        let d = decode(&format!("q={}", "ä".repeat(5000)));
        assert_eq!(d.state.q, "ä".repeat(MAX_Q_CHARS));
        assert_eq!(d.ignored, [Ignored::Truncated { param: "q".into() }]);
        let many: Vec<String> = (0..80).map(|k| format!("a{k:02}")).collect();
        let d = decode(&format!("tag={}", many.join(",")));
        assert_eq!(d.state.tag, many[..MAX_LIST].iter().cloned().collect());
        assert_eq!(d.ignored, [Ignored::Truncated { param: "tag".into() }]);
        // Exactly fifty is fine.
        assert!(decode(&format!("tag={}", many[..MAX_LIST].join(","))).ignored.is_empty());
    }

    #[test]
    fn a_megabyte_query_is_read_only_up_to_the_limit() {
        let big = format!("view=list&q={}", "%E2%82%AC".repeat(120_000));
        assert!(big.len() > 1_000_000);
        let d = decode(&big);
        assert_eq!(d.state.view, View::List);
        assert!(d.ignored.contains(&Ignored::TooLong));
        assert_eq!(d.state.q, "€".repeat(MAX_Q_CHARS));
        // Many small parameters and huge lists are cut at the same limit, with few reports.
        for q in [
            "zz=1&".repeat(250_000),
            format!("cat={}", "foo,".repeat(250_000)),
            format!("tag={}", "a,".repeat(500_000)),
            "q=1&".repeat(250_000),
            "%".repeat(1_000_000),
        ] {
            let d = decode(&q);
            assert!(d.ignored.contains(&Ignored::TooLong) && d.ignored.len() <= MAX_REPORTS);
        }
        // The cut may fall inside a character: the rest is read lossily.
        let cut = format!("q={}", "é".repeat(MAX_QUERY_BYTES));
        assert!(decode(&cut).state.q.chars().all(|c| c == 'é'));
    }

    #[test]
    fn a_search_is_clipped_to_the_length_a_url_keeps() {
        assert_eq!(clip_q("nato"), ("nato".to_string(), false));
        let exact = "ä".repeat(MAX_Q_CHARS);
        assert_eq!(clip_q(&exact), (exact.clone(), false));
        let (kept, cut) = clip_q(&"ä x ".repeat(250_000));
        assert!(cut);
        assert_eq!(kept.chars().count(), MAX_Q_CHARS);
        assert_eq!(decode(&encode(&ViewState { q: kept.clone(), ..ViewState::default() })).state.q, kept);
        // The search box says so in both languages, naming the limit.
        use crate::core::i18n::{t, Key};
        for l in Lang::ALL {
            assert!(t(l, Key::SearchCut).contains(&MAX_Q_CHARS.to_string()));
        }
    }

    #[test]
    fn broken_percent_encoding_and_empty_pairs_do_not_panic() {
        for q in
            ["%", "%%%", "%E0%A4%A=%&&&=&view=list", "=&=", "&&&", "q=%FF%FE", "span=..", "from=-1", "?&?"]
        {
            let _ = decode(q);
        }
        assert_eq!(decode("%E0%A4%A=%&&&=&view=list").state.view, View::List);
        assert_eq!(decode("q=%FF%FEa").state.q, "\u{FFFD}\u{FFFD}a");
    }

    #[test]
    fn notices_exist_in_both_languages() {
        let all = [
            Ignored::UnknownParam("x".into()),
            bad("cat", "foo"),
            Ignored::Truncated { param: "q".into() },
            Ignored::ReversedRange,
            Ignored::Repeated("q".into()),
            Ignored::UnknownId { param: "event".into(), value: "nope".into() },
            Ignored::TooLong,
        ];
        for i in all {
            assert_ne!(i.describe(Lang::De), i.describe(Lang::En));
            assert!(i.describe(Lang::En).ends_with('.'));
        }
        assert_eq!(
            Ignored::UnknownParam("foo".into()).describe(Lang::En),
            "Ignored unknown parameter “foo”."
        );
        assert_eq!(
            Ignored::UnknownParam("foo".into()).describe(Lang::De),
            "Unbekannten Parameter „foo“ ignoriert."
        );
    }

    /// A dataset with one id of each kind.
    struct OneOfEach;

    impl Known for OneOfEach {
        fn knows(&self, param: &str, id: &str) -> bool {
            matches!((param, id), ("actor", "az") | ("tag", "tripp") | ("place", "baku") | ("event", "e1"))
        }
    }

    fn known() -> OneOfEach {
        OneOfEach
    }

    #[test]
    fn sanitizing_drops_ids_the_dataset_lacks() {
        let mut s = decode("actor=az,zz&tag=tripp,nope&place=mars&event=e2&q=x").state;
        let ignored = sanitize(&mut s, &known());
        assert_eq!(s.actor, set(&["az"]));
        assert_eq!(s.tag, set(&["tripp"]));
        assert!(s.place.is_empty() && s.event.is_none());
        assert_eq!(s.q, "x");
        assert_eq!(
            ignored,
            [
                Ignored::UnknownId { param: "actor".into(), value: "zz".into() },
                Ignored::UnknownId { param: "tag".into(), value: "nope".into() },
                Ignored::UnknownId { param: "place".into(), value: "mars".into() },
                Ignored::UnknownId { param: "event".into(), value: "e2".into() },
            ]
        );
        let mut ok = decode("actor=az&event=e1").state;
        let before = ok.clone();
        assert!(sanitize(&mut ok, &known()).is_empty());
        assert_eq!(ok, before);
    }

    #[test]
    fn sanitizing_reports_at_most_ten_but_removes_all() {
        let many: Vec<String> = (0..40).map(|k| format!("x{k}")).collect();
        let mut s = decode(&format!("actor={}&tag={}", many.join(","), many.join(","))).state;
        let ignored = sanitize(&mut s, &known());
        assert_eq!(ignored.len(), MAX_REPORTS);
        assert!(s.actor.is_empty() && s.tag.is_empty());
    }

    fn slug() -> impl Strategy<Value = String> {
        "[a-z0-9_-]{1,80}"
    }

    fn search_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zä€😀 ,&=#%+?/.;:\\[\\]\"'<>\\\\-]{0,60}",
            "(?s).{0,60}",
            ".{0,250}".prop_map(|s| s.chars().take(MAX_Q_CHARS).collect()),
        ]
    }

    fn partial_date() -> impl Strategy<Value = PartialDate> {
        use crate::core::dataset::date::MIN_YEAR;
        let year = prop_oneof![MIN_CALENDAR_YEAR..=9999i64, MIN_YEAR..=9999i64];
        (year, 0u32..=12, 1u32..=31, any::<bool>()).prop_map(|(y, m, day, precise)| {
            if m == 0 || y < MIN_CALENDAR_YEAR {
                PartialDate::year(y).unwrap()
            } else if !precise {
                PartialDate::month(y, m).unwrap()
            } else {
                PartialDate::day(y, m, day).or_else(|_| PartialDate::day(y, m, 28)).unwrap()
            }
        })
    }

    fn span() -> impl Strategy<Value = Span> {
        use crate::core::dataset::date::{day_of, MIN_YEAR};
        let first = day_of(MIN_CALENDAR_YEAR, 1, 1);
        let last = day("9999-12-31");
        let calendar = (first..last, 1i64..=MAX_SPAN_DAYS)
            .prop_map(move |(start, len)| Span { start, end: (start + len).min(last) });
        // Before the calendar, spans begin on the first day of a year.
        let deep = (MIN_YEAR..MIN_CALENDAR_YEAR, first..last)
            .prop_map(|(year, end)| Span { start: day_of(year, 1, 1), end });
        prop_oneof![calendar, deep]
    }

    fn state() -> impl Strategy<Value = ViewState> {
        (
            search_text(),
            proptest::collection::btree_set(0usize..5, 0..=5),
            proptest::collection::btree_set(slug(), 0..5),
            proptest::collection::btree_set(slug(), 0..5),
            proptest::collection::btree_set(slug(), 0..5),
            (proptest::option::of(partial_date()), proptest::option::of(partial_date())),
            proptest::option::of(slug()),
            proptest::option::of(span()),
            (0usize..3, any::<bool>(), 0usize..3, any::<bool>()),
        )
            .prop_map(
                |(q, cat, actor, tag, place, (from, to), event, span, (g, list, l, linear))| {
                    let (from, to) = match (from, to) {
                        (Some(a), Some(b)) if a.start_day() > b.start_day() => (Some(b), Some(a)),
                        other => other,
                    };
                    ViewState {
                        q,
                        cat: cat.into_iter().map(|i| Category::ALL[i]).collect(),
                        actor: actor.into_iter().collect(),
                        tag: tag.into_iter().collect(),
                        place: place.into_iter().collect(),
                        from,
                        to,
                        event,
                        span,
                        group: [Group::None, Group::Category, Group::Actor][g],
                        view: if list { View::List } else { View::Timeline },
                        axis: if linear { AxisMode::Linear } else { AxisMode::Folded },
                        lang: [None, Some(Lang::De), Some(Lang::En)][l],
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn decoding_an_encoded_state_gives_it_back(s in state()) {
            let enc = encode(&s);
            let d = decode(&enc);
            prop_assert_eq!(&d.state, &s, "query {}", enc);
            prop_assert!(d.ignored.is_empty(), "{:?}", d.ignored);
            prop_assert_eq!(encode(&d.state), enc.clone());
            prop_assert!(!enc.starts_with('?') && !enc.contains(' ') && !enc.contains('#'));
        }

        #[test]
        fn any_window_the_timeline_shows_is_written_as_a_span_that_reads_back_the_same(
            centre in -7.4e12f64..7.4e12, magnitude in 0.85f64..13.1,
        ) {
            // Windows beyond the dates are cut to them: 20 billion years ago to 9999.
            let half = 10f64.powf(magnitude) / 2.0;
            let w = crate::core::layout::scale::Window::new(centre - half, centre + half);
            let mut s = ViewState::default();
            crate::core::layout::scene::set_window(&mut s, w);
            let enc = encode(&s);
            prop_assert!(enc.contains("span="), "{enc}");
            prop_assert_eq!(decode(&enc).state, s, "query {}", enc);
        }

        #[test]
        fn decoding_any_string_never_panics(q in "(?s).{0,300}") {
            let d = decode(&q);
            prop_assert!(d.ignored.len() <= MAX_REPORTS);
            prop_assert!(d.state.q.chars().count() <= MAX_Q_CHARS);
        }

        #[test]
        fn decoding_query_like_strings_never_panics(q in "[?&=,.%0-9a-fA-F+qcatorgnspvlwz-]{0,300}") {
            let d = decode(&q);
            prop_assert!(d.ignored.len() <= MAX_REPORTS);
            // Whatever was kept encodes to something that decodes to the same state.
            prop_assert_eq!(decode(&encode(&d.state)).state, d.state);
        }

        #[test]
        fn decoding_any_bytes_never_panics(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = decode(&String::from_utf8_lossy(&b));
        }
    }
}
