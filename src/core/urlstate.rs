//! The URL query codec: a public contract (see README "Shareable URLs").
//!
//! [`encode`] gives the canonical query (fixed parameter order, defaults left out, set values
//! sorted) and [`decode`] reads any string without panicking, keeping every valid part and
//! reporting each part it ignored. `decode(encode(s)).state == s` for every state.

use super::date::{date_of_day, day_number, PartialDate};
use super::model::{Category, Dataset, Lang};
use super::viewstate::{Group, Span, View, ViewState};
use std::collections::{BTreeSet, HashSet};

/// The longest search text kept, in characters.
pub const MAX_Q_CHARS: usize = 200;
/// The most values kept in one list parameter.
pub const MAX_LIST: usize = 50;
/// The longest query read, in bytes.
pub const MAX_QUERY_BYTES: usize = 64 * 1024;
/// The widest span accepted, in days: the time scale's widest window (two centuries).
pub const MAX_SPAN_DAYS: i64 = super::scale::MAX_SPAN_DAYS as i64;
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
            (Lang::En, UnknownParam(p)) => format!("Ignored unknown parameter \"{p}\"."),
            (Lang::De, UnknownParam(p)) => format!("Unbekannten Parameter „{p}“ ignoriert."),
            (Lang::En, BadValue { param, value }) => format!("Ignored invalid value \"{value}\" for \"{param}\"."),
            (Lang::De, BadValue { param, value }) => format!("Ungültigen Wert „{value}“ für „{param}“ ignoriert."),
            (Lang::En, Truncated { param }) => format!("\"{param}\" was too long and was shortened."),
            (Lang::De, Truncated { param }) => format!("„{param}“ war zu lang und wurde gekürzt."),
            (Lang::En, ReversedRange) => "\"from\" was after \"to\": the two were swapped.".into(),
            (Lang::De, ReversedRange) => "„from“ lag nach „to“: beide wurden getauscht.".into(),
            (Lang::En, Repeated(p)) => format!("\"{p}\" was given more than once; the last one is used."),
            (Lang::De, Repeated(p)) => format!("„{p}“ kam mehrfach vor; der letzte Wert gilt."),
            (Lang::En, UnknownId { param, value }) => format!("Ignored \"{value}\" in \"{param}\": not in this dataset."),
            (Lang::De, UnknownId { param, value }) => format!("„{value}“ in „{param}“ ignoriert: nicht in diesem Datensatz."),
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

fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn format_day(n: i64) -> Option<String> {
    date_of_day(n).map(|d| d.format("%Y-%m-%d").to_string())
}

fn parse_day(s: &str) -> Option<i64> {
    let d = PartialDate::parse(s).ok()?;
    (d.precision() == super::date::Precision::Day).then(|| day_number(d.first_day()))
}

/// The canonical query string for a state (no leading `?`; empty for the default state).
pub fn encode(s: &ViewState) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    let list = |set: &BTreeSet<String>| set.iter().map(String::as_str).collect::<Vec<_>>().join(",");
    // Values are encoded one by one; list commas stay readable.
    let mut parts: Vec<(&str, String)> = Vec::new();
    if !s.q.is_empty() {
        parts.push(("q", s.q.clone()));
    }
    if !s.cat.is_empty() {
        let cats: Vec<&str> = Category::ALL.iter().filter(|c| s.cat.contains(c)).map(|c| c.code()).collect();
        parts.push(("cat", cats.join(",")));
    }
    for (name, set) in [("actor", &s.actor), ("tag", &s.tag), ("place", &s.place)] {
        if !set.is_empty() {
            parts.push((name, list(set)));
        }
    }
    if let Some(d) = s.from {
        parts.push(("from", d.to_string()));
    }
    if let Some(d) = s.to {
        parts.push(("to", d.to_string()));
    }
    if let Some(e) = &s.event {
        parts.push(("event", e.clone()));
    }
    if let Some(Span { start, end }) = s.span {
        if let (Some(a), Some(b)) = (format_day(start), format_day(end)) {
            parts.push(("span", format!("{a}..{b}")));
        }
    }
    match s.group {
        Group::None => {}
        Group::Category => parts.push(("group", "category".into())),
        Group::Actor => parts.push(("group", "actor".into())),
    }
    if s.view == View::List {
        parts.push(("view", "list".into()));
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
        if name == "q" {
            out.append_pair("", &value);
            let encoded = out.finish();
            text.push_str(encoded.trim_start_matches('='));
            out = form_urlencoded::Serializer::new(String::new());
        } else {
            // Slugs, dates and codes: only the comma separator needs to stay as it is.
            let enc: Vec<String> = value
                .split(',')
                .map(|v| form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>())
                .collect();
            text.push_str(&enc.join(","));
        }
    }
    text
}

fn parse_list(
    param: &str,
    value: &str,
    ignored: &mut Vec<Ignored>,
    mut each: impl FnMut(&str) -> bool,
) {
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

/// Reads a query string (with or without `?`); never panics.
pub fn decode(query: &str) -> Decoded {
    let mut ignored = Vec::new();
    let mut q = query.strip_prefix('?').unwrap_or(query);
    if q.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !q.is_char_boundary(cut) {
            cut -= 1;
        }
        q = &q[..cut];
        push(&mut ignored, Ignored::TooLong);
    }
    let mut s = ViewState::default();
    let mut seen: HashSet<String> = HashSet::new();
    for (name, value) in form_urlencoded::parse(q.as_bytes()) {
        if name.is_empty() && value.is_empty() {
            continue;
        }
        let name_ref = name.as_ref();
        let known = matches!(
            name_ref,
            "q" | "cat" | "actor" | "tag" | "place" | "from" | "to" | "event" | "span" | "group" | "view" | "lang"
        );
        if !known {
            push(&mut ignored, Ignored::UnknownParam(cap(name_ref)));
            continue;
        }
        if !seen.insert(name_ref.to_string()) {
            push(&mut ignored, Ignored::Repeated(name_ref.to_string()));
        }
        let value = value.as_ref();
        match name_ref {
            "q" => {
                let mut chars = value.chars();
                let kept: String = chars.by_ref().take(MAX_Q_CHARS).collect();
                if chars.next().is_some() {
                    push(&mut ignored, Ignored::Truncated { param: "q".into() });
                }
                s.q = kept;
            }
            "cat" => {
                s.cat.clear();
                parse_list("cat", value, &mut ignored, |v| Category::from_code(v).map(|c| s.cat.insert(c)).is_some());
            }
            "actor" | "tag" | "place" => {
                let set = match name_ref {
                    "actor" => &mut s.actor,
                    "tag" => &mut s.tag,
                    _ => &mut s.place,
                };
                set.clear();
                parse_list(name_ref, value, &mut ignored, |v| is_slug(v) && { set.insert(v.to_string()); true });
            }
            "from" | "to" => match PartialDate::parse(value.trim()) {
                Ok(d) => {
                    if name_ref == "from" {
                        s.from = Some(d)
                    } else {
                        s.to = Some(d)
                    }
                }
                Err(_) => push(&mut ignored, Ignored::BadValue { param: name_ref.into(), value: cap(value) }),
            },
            "event" => {
                if is_slug(value) {
                    s.event = Some(value.to_string());
                } else {
                    push(&mut ignored, Ignored::BadValue { param: "event".into(), value: cap(value) });
                }
            }
            "span" => {
                let parsed = value.split_once("..").and_then(|(a, b)| Some((parse_day(a)?, parse_day(b)?)));
                match parsed {
                    Some((start, end)) if end > start && end - start <= MAX_SPAN_DAYS => s.span = Some(Span { start, end }),
                    _ => push(&mut ignored, Ignored::BadValue { param: "span".into(), value: cap(value) }),
                }
            }
            "group" => match value {
                "none" => s.group = Group::None,
                "category" => s.group = Group::Category,
                "actor" => s.group = Group::Actor,
                _ => push(&mut ignored, Ignored::BadValue { param: "group".into(), value: cap(value) }),
            },
            "view" => match value {
                "timeline" => s.view = View::Timeline,
                "list" => s.view = View::List,
                _ => push(&mut ignored, Ignored::BadValue { param: "view".into(), value: cap(value) }),
            },
            _ => match Lang::from_code(value) {
                Some(l) => s.lang = Some(l),
                None => push(&mut ignored, Ignored::BadValue { param: "lang".into(), value: cap(value) }),
            },
        }
    }
    if let (Some(f), Some(t)) = (s.from, s.to) {
        if f.first_day() > t.last_day() {
            s.from = Some(t);
            s.to = Some(f);
            push(&mut ignored, Ignored::ReversedRange);
        }
    }
    Decoded { state: s, ignored }
}

/// The ids a dataset has, for dropping unknown ones from a decoded state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Known {
    pub actors: HashSet<String>,
    pub tags: HashSet<String>,
    pub places: HashSet<String>,
    pub events: HashSet<String>,
}

impl Known {
    pub fn from_dataset(d: &Dataset) -> Known {
        let mut k = Known::default();
        k.actors.extend(d.actors.iter().map(|a| a.id.clone()));
        for e in &d.events {
            k.events.insert(e.id.clone());
            k.tags.extend(e.tags.iter().cloned());
            if let Some(p) = &e.place {
                k.places.insert(p.id.clone());
            }
        }
        k
    }
}

/// Removes ids the dataset does not have, reporting each.
pub fn sanitize(state: &mut ViewState, known: &Known) -> Vec<Ignored> {
    let mut ignored = Vec::new();
    for (param, set, valid) in [
        ("actor", &mut state.actor, &known.actors),
        ("tag", &mut state.tag, &known.tags),
        ("place", &mut state.place, &known.places),
    ] {
        set.retain(|v| {
            let ok = valid.contains(v);
            if !ok {
                push(&mut ignored, Ignored::UnknownId { param: param.into(), value: cap(v) });
            }
            ok
        });
    }
    if let Some(e) = &state.event {
        if !known.events.contains(e) {
            push(&mut ignored, Ignored::UnknownId { param: "event".into(), value: cap(e) });
            state.event = None;
        }
    }
    ignored
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn the_default_state_encodes_to_nothing() {
        assert_eq!(encode(&ViewState::default()), "");
        assert_eq!(decode("").state, ViewState::default());
        assert_eq!(decode("?").state, ViewState::default());
    }

    #[test]
    fn the_canonical_form_has_a_fixed_order_and_sorted_values() {
        let s = decode("lang=de&view=list&group=actor&span=2025-08-01..2026-03-01&event=vance-charter-2026&to=2026-02&from=2025-11&place=baku&tag=tripp&actor=kz,az&cat=energy,military&q=nato").state;
        assert_eq!(
            encode(&s),
            "q=nato&cat=military,energy&actor=az,kz&tag=tripp&place=baku&from=2025-11&to=2026-02&event=vance-charter-2026&span=2025-08-01..2026-03-01&group=actor&view=list&lang=de"
        );
    }

    #[test]
    fn defaults_given_explicitly_are_left_out_of_the_canonical_form() {
        assert_eq!(encode(&decode("group=none&view=timeline&cat=").state), "");
    }

    #[test]
    fn search_text_with_separators_survives_a_round_trip() {
        let s = ViewState { q: "a,b & c=d #e %f +g ä/?".into(), ..Default::default() };
        let enc = encode(&s);
        assert!(!enc.contains('#') && !enc.contains(' '));
        assert_eq!(decode(&enc).state, s);
        assert_eq!(decode("q=two+words").state.q, "two words");
        assert_eq!(decode("q=two%20words").state.q, "two words");
    }

    fn kinds(query: &str) -> (ViewState, Vec<Ignored>) {
        let d = decode(query);
        (d.state, d.ignored)
    }

    #[test]
    fn bad_inputs_keep_every_valid_part_and_report_the_rest() {
        let (s, i) = kinds("cat=foo,energy");
        assert_eq!(s.cat, [Category::Energy].into());
        assert_eq!(i, [Ignored::BadValue { param: "cat".into(), value: "foo".into() }]);

        let (s, i) = kinds("from=2025-13&to=garbage&view=list");
        assert_eq!((s.from, s.to, s.view), (None, None, View::List));
        assert_eq!(i.len(), 2);

        let (s, i) = kinds("from=2026-02&to=2025-11");
        assert_eq!((s.from, s.to), (Some(d("2025-11")), Some(d("2026-02"))));
        assert_eq!(i, [Ignored::ReversedRange]);

        let (s, i) = kinds("span=2026-01-01..2025-01-01");
        assert_eq!(s.span, None);
        assert!(matches!(&i[0], Ignored::BadValue { param, .. } if param == "span"));
        assert_eq!(kinds("span=2025-01..2026-01").0.span, None);
        assert_eq!(kinds("span=1700-01-01..2026-01-01").0.span, None);

        let (s, i) = kinds("unknown=1&group=sideways&lang=xx&view=grid");
        assert_eq!(s, ViewState::default());
        assert_eq!(i.len(), 4);
        assert_eq!(i[0], Ignored::UnknownParam("unknown".into()));

        let (s, i) = kinds("event=%3Cscript%3E&actor=AZ,kz");
        assert_eq!(s.event, None);
        assert_eq!(s.actor, ["kz".to_string()].into());
        assert_eq!(i.len(), 2);

        let (s, i) = kinds("lang=de&lang=en");
        assert_eq!(s.lang, Some(Lang::En));
        assert_eq!(i, [Ignored::Repeated("lang".into())]);
    }

    #[test]
    fn oversized_values_are_cut_and_reported() {
        let (s, i) = kinds(&format!("q={}", "x".repeat(5000)));
        assert_eq!(s.q.chars().count(), MAX_Q_CHARS);
        assert_eq!(i, [Ignored::Truncated { param: "q".into() }]);
        let many: Vec<String> = (0..80).map(|k| format!("a{k}")).collect();
        let (s, i) = kinds(&format!("tag={}", many.join(",")));
        assert_eq!(s.tag.len(), MAX_LIST);
        assert_eq!(i, [Ignored::Truncated { param: "tag".into() }]);
    }

    #[test]
    fn a_megabyte_query_is_read_only_up_to_the_limit() {
        let big = format!("view=list&q={}", "%E2%82%AC".repeat(120_000));
        let d = decode(&big);
        assert_eq!(d.state.view, View::List);
        assert!(d.ignored.contains(&Ignored::TooLong));
        assert_eq!(d.state.q.chars().count(), MAX_Q_CHARS);
    }

    #[test]
    fn broken_percent_encoding_and_empty_pairs_do_not_panic() {
        for q in ["%", "%%%", "%E0%A4%A=%&&&=&view=list", "=&=", "&&&", "q=%FF%FE", "span=..", "from=-1"] {
            let _ = decode(q);
        }
        assert_eq!(decode("%E0%A4%A=%&&&=&view=list").state.view, View::List);
    }

    #[test]
    fn notices_exist_in_both_languages() {
        let all = [
            Ignored::UnknownParam("x".into()),
            Ignored::BadValue { param: "cat".into(), value: "foo".into() },
            Ignored::Truncated { param: "q".into() },
            Ignored::ReversedRange,
            Ignored::Repeated("q".into()),
            Ignored::UnknownId { param: "event".into(), value: "nope".into() },
            Ignored::TooLong,
        ];
        for i in all {
            assert_ne!(i.describe(Lang::De), i.describe(Lang::En));
        }
        assert_eq!(Ignored::UnknownParam("foo".into()).describe(Lang::De), "Unbekannten Parameter „foo“ ignoriert.");
    }

    #[test]
    fn sanitizing_drops_ids_the_dataset_lacks() {
        let known = Known {
            actors: ["az".to_string()].into(),
            tags: ["tripp".to_string()].into(),
            places: ["baku".to_string()].into(),
            events: ["e1".to_string()].into(),
        };
        let mut s = decode("actor=az,zz&tag=tripp,nope&place=mars&event=e2").state;
        let ignored = sanitize(&mut s, &known);
        assert_eq!(s.actor, ["az".to_string()].into());
        assert_eq!(s.tag, ["tripp".to_string()].into());
        assert!(s.place.is_empty() && s.event.is_none());
        assert_eq!(ignored.len(), 4);
    }

    fn slug() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9_-]{0,12}"
    }

    fn partial_date() -> impl Strategy<Value = PartialDate> {
        (1900i32..2100, proptest::option::of(1u32..=12), 1u32..=28).prop_map(|(y, m, day)| match m {
            None => PartialDate::year(y).unwrap(),
            Some(m) if day % 2 == 0 => PartialDate::month(y, m).unwrap(),
            Some(m) => PartialDate::day(y, m, day).unwrap(),
        })
    }

    fn state() -> impl Strategy<Value = ViewState> {
        (
            "\\PC{0,40}",
            proptest::collection::btree_set(0usize..5, 0..5),
            proptest::collection::btree_set(slug(), 0..4),
            proptest::collection::btree_set(slug(), 0..4),
            proptest::collection::btree_set(slug(), 0..4),
            proptest::option::of((partial_date(), partial_date())),
            proptest::option::of(slug()),
            proptest::option::of((-50_000i64..50_000, 1i64..73_000)),
            (0usize..3, any::<bool>(), 0usize..3),
        )
            .prop_map(|(q, cat, actor, tag, place, range, event, span, (g, list, l))| {
                let (from, to) = match range {
                    Some((a, b)) if a.first_day() <= b.last_day() => (Some(a), Some(b)),
                    Some((a, b)) => (Some(b), Some(a)),
                    None => (None, None),
                };
                ViewState {
                    q: q.chars().take(MAX_Q_CHARS).collect(),
                    cat: cat.into_iter().map(|i| Category::ALL[i]).collect(),
                    actor,
                    tag,
                    place,
                    from,
                    to,
                    event,
                    span: span.map(|(start, len)| Span { start, end: start + len }),
                    group: [Group::None, Group::Category, Group::Actor][g],
                    view: if list { View::List } else { View::Timeline },
                    lang: [None, Some(Lang::De), Some(Lang::En)][l],
                }
            })
    }

    proptest! {
        #[test]
        fn decoding_an_encoded_state_gives_it_back(s in state()) {
            let enc = encode(&s);
            let d = decode(&enc);
            prop_assert_eq!(&d.state, &s, "query {}", enc);
            prop_assert!(d.ignored.is_empty(), "{:?}", d.ignored);
            prop_assert_eq!(encode(&d.state), enc);
        }

        #[test]
        fn decoding_any_string_never_panics(q in "\\PC{0,200}") {
            let d = decode(&q);
            prop_assert!(d.ignored.len() <= MAX_REPORTS);
        }

        #[test]
        fn decoding_any_bytes_never_panics(b in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode(&String::from_utf8_lossy(&b));
        }
    }
}
