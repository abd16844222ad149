//! The dataset model: what a timeline is made of.
//!
//! The JSON form of these types is the project's public dataset schema (documented in
//! README.md). Deserialising gives a *candidate* dataset; [`crate::core::dataset::validate`] turns it
//! into a [`Dataset`] that the rest of the core may trust.

use crate::core::dataset::date::PartialDate;
#[cfg(not(target_arch = "wasm32"))]
use serde::{Deserialize, Serialize};

/// A user-interface and content language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum Lang {
    De,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The code as the language switch shows it.
    pub fn label(self) -> &'static str {
        match self {
            Lang::De => "DE",
            Lang::En => "EN",
        }
    }

    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks a language from a BCP 47 tag such as `de-AT`; anything not German is English.
    pub fn from_browser_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        if primary == "de" {
            Lang::De
        } else {
            Lang::En
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Text {
    pub de: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// What kind of actor an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum ActorKind {
    /// A state, id = ISO 3166-1 alpha-2 code in lower case.
    State,
    /// An organisation such as `nato`.
    Organisation,
    /// A person.
    Person,
}

impl ActorKind {
    /// The schema's name for this kind.
    pub fn code(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Person => "person",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Actor {
    /// A lower-case slug, used by events' `actors` and the `actor` URL parameter.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z0-9_-]{1,80}$")))]
    pub id: String,
    pub kind: ActorKind,
    pub name: Text,
}

/// The thematic categories an event belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum Category {
    Diplomacy,
    Military,
    Energy,
    Transport,
    Analysis,
}

impl Category {
    pub const ALL: [Category; 5] =
        [Category::Diplomacy, Category::Military, Category::Energy, Category::Transport, Category::Analysis];

    pub fn code(self) -> &'static str {
        match self {
            Category::Diplomacy => "diplomacy",
            Category::Military => "military",
            Category::Energy => "energy",
            Category::Transport => "transport",
            Category::Analysis => "analysis",
        }
    }

    pub fn from_code(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == s)
    }

    /// This category's bit in a one-byte set of categories: bit `k` for `Category::ALL[k]`.
    pub fn bit(self) -> u8 {
        1 << Category::ALL.iter().position(|&x| x == self).unwrap_or(0)
    }
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Place {
    /// A slug, used by the `place` URL parameter (e.g. `baku`).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z0-9_-]{1,80}$")))]
    pub id: String,
    pub name: Text,
    /// Latitude in degrees north, when the place is a point.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub lat: Option<f64>,
    /// Longitude in degrees east, when the place is a point.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub lon: Option<f64>,
}

/// What kind of publication a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum SourceKind {
    /// A news report.
    Report,
    /// An official statement, or the text of one released by a government.
    Statement,
    /// Commentary, analysis or a recap.
    Analysis,
    /// A copy or a translation of a text first published elsewhere.
    Republication,
    /// A site that collects other outlets' texts.
    Aggregator,
    /// An official page or a reference document.
    Document,
}

impl SourceKind {
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Report,
        SourceKind::Statement,
        SourceKind::Analysis,
        SourceKind::Republication,
        SourceKind::Aggregator,
        SourceKind::Document,
    ];

    /// The schema's name for this kind.
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::Report => "report",
            SourceKind::Statement => "statement",
            SourceKind::Analysis => "analysis",
            SourceKind::Republication => "republication",
            SourceKind::Aggregator => "aggregator",
            SourceKind::Document => "document",
        }
    }
}

/// A published source for an event. It is named by its own headline (`title`, in its own
/// language `lang`) or, where no headline is known, by a description in both languages
/// (`about`); validation requires one of the two.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Source {
    /// The source's own headline as published, in its own language.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub title: Option<String>,
    pub publisher: String,
    /// An `http` or `https` URL; anything else is rejected by validation.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[hH][tT][tT][pP][sS]?://")))]
    pub url: String,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub date: Option<PartialDate>,
    /// The source's language as a BCP 47 tag (`ru`, `en`, `de`, `hu`, `pt-BR`, …): the view puts
    /// it on the headline, so that screen readers pronounce it in that language.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"))
    )]
    pub lang: Option<String>,
    /// What the source is, in both languages: shown when no headline is known.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub about: Option<Text>,
    /// What kind of publication it is.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub kind: Option<SourceKind>,
}

impl Source {
    /// What the source is called in `lang`: its headline (in its own language), or else its
    /// description in `lang`, or else its publisher.
    pub fn name(&self, lang: Lang) -> &str {
        match (&self.title, &self.about) {
            (Some(title), _) => title,
            (None, Some(about)) => about.get(lang),
            (None, None) => &self.publisher,
        }
    }
}

/// A tag's entry in a dataset's tag table: its name in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Tag {
    /// The slug events use in `tags` and URLs use in `tag=`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z0-9_-]{1,80}$")))]
    pub id: String,
    pub name: Text,
}

/// How one event relates to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "kebab-case"))]
pub enum Relation {
    /// This event comes after, and because of, the other.
    Follows,
    /// This event answers the other.
    RespondsTo,
    /// The other event is background to this one.
    Context,
    /// This event is part of the other.
    PartOf,
}

impl Relation {
    pub fn code(self) -> &'static str {
        match self {
            Relation::Follows => "follows",
            Relation::RespondsTo => "responds-to",
            Relation::Context => "context",
            Relation::PartOf => "part-of",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Related {
    pub id: String,
    pub relation: Relation,
}

/// How well an event is attested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "kebab-case"))]
pub enum Confidence {
    /// A source beyond the analysed article confirms it.
    Confirmed,
    /// Only the analysed article says it.
    PerArticle,
}

impl Confidence {
    /// The schema's name for this level.
    pub fn code(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::PerArticle => "per-article",
        }
    }
}

/// One dated event.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Event {
    /// Stable id, unique in the dataset (it appears in shareable URLs as `event=ID`): a lower-case
    /// slug of a-z, 0-9, `-` and `_`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z0-9_-]{1,80}$")))]
    pub id: String,
    /// When it happened (or began), as precisely as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: PartialDate,
    /// When a span ended, as precisely as known.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub end: Option<PartialDate>,
    /// The date is an estimate ("about", "early November").
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "std::ops::Not::not"))]
    pub approximate: bool,
    pub title: Text,
    pub summary: Text,
    /// Ids into the dataset's actor table.
    pub actors: Vec<String>,
    pub categories: Vec<Category>,
    /// Lower-case slugs, used by the `tag` URL parameter.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(inner(regex(pattern = r"^[a-z0-9_-]{1,80}$"))))]
    pub tags: Vec<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub place: Option<Place>,
    pub sources: Vec<Source>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub related: Vec<Related>,
    pub confidence: Confidence,
    /// How the date reads where a generated one would not do ("Spring 1945", "um 300 v. Chr."):
    /// shown instead of the generated date, in both languages; the event is still placed by
    /// `date` and `end`. Last, so that an event given in list form keeps reading as before.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub date_text: Option<Text>,
    /// A picture, a video, a post, a recording or a document that goes with the event. Shown
    /// as an image or as a link: nothing from another site is ever run or framed.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub media: Option<Media>,
}

/// What an event shows besides its text: an image (shown in the detail panel and, small, in the
/// list) or anything else (a video, a post, a recording, a document: shown as a link naming
/// where it is). The kind follows from the URL
/// ([`crate::core::dataset::media::MediaKind::of`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Media {
    /// An `http` or `https` URL, or one relative to the dataset's own address (`img/map.png`).
    pub url: String,
    /// What the image shows, for those who cannot see it: required for an image.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub alt: Option<Text>,
    /// A caption, shown under the image or the link.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub caption: Option<Text>,
    /// Who made it, or holds its rights.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub credit: Option<Text>,
    /// Where the image leads when followed (its page, a larger version): like `url`.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub link: Option<String>,
    /// A small image shown in the list (for an image, the image itself when left out): like `url`.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub thumbnail: Option<String>,
}

impl Event {
    /// First day number on the axis (inclusive).
    pub fn start_day(&self) -> i64 {
        self.date.start_day()
    }

    /// Day number after the last day (exclusive); at least one day after the start.
    pub fn end_day(&self) -> i64 {
        self.end.unwrap_or(self.date).end_day_exclusive().max(self.start_day() + 1)
    }
}

/// A stretch of time with a name of its own (an era, a war, a term of office): drawn as a
/// labelled band behind the events and as a heading in the list where it begins.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Period {
    /// A lower-case slug, unique among the dataset's periods.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z0-9_-]{1,80}$")))]
    pub id: String,
    pub title: Text,
    /// Where it begins, as precisely as known (like an event's `date`).
    pub from: PartialDate,
    /// Where it ends, as precisely as known: on or after `from`.
    pub to: PartialDate,
    /// The category whose colour the band takes.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub category: Option<Category>,
}

impl Period {
    /// First day number on the axis (inclusive).
    pub fn start_day(&self) -> i64 {
        self.from.start_day()
    }

    /// Day number after its last day (exclusive).
    pub fn end_day(&self) -> i64 {
        self.to.end_day_exclusive().max(self.start_day() + 1)
    }
}

/// A whole dataset: the actors table, the events and what describes them.
///
/// The fields that came later (`description`, `view`, `tags`) follow the first three, so that a
/// dataset given in list form keeps reading as before.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize, Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Dataset {
    /// The dataset's name, shown as the widget's heading.
    pub title: Text,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    /// What the timeline covers and what it rests on, in both languages.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub description: Option<Text>,
    /// The view the dataset opens on, in the URL contract's own terms
    /// (`span=2025-08-01..2026-03-01`): validation requires that it reads with nothing ignored.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub view: Option<String>,
    /// The names of the tags. When there is a table, every tag an event uses must be in it;
    /// without one, tags are shown as their slugs.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub tags: Option<Vec<Tag>>,
    /// Named stretches of time, drawn behind the events.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub periods: Option<Vec<Period>>,
}

/// The dataset's JSON Schema (draft 2020-12), generated from these types. The published copy is
/// `www/timeline.schema.json`; a test keeps it equal to this.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Dataset);
    schema.insert("title".into(), "Timeline explorer dataset".into());
    schema.insert(
        "description".into(),
        "A dataset for the timeline explorer. Beyond this schema, validation also requires: unique event and \
         actor ids; actor ids named by events that exist in the actors table; an end on or after the start; \
         at least one category and one source per event; a title or an `about` per source; a `date_text` \
         of at most 200 characters in each language; media, link and thumbnail URLs that are http(s) or \
         relative, at most 2048 bytes, and `alt` text for an image; latitude and longitude in range; with a tag table, every tag an event uses in it; unique period ids and a period's `to` on or \
         after its `from`; a `view` that the URL codec \
         reads with nothing ignored."
            .into(),
    );
    serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n"
}

impl Dataset {
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// A tag's name in `lang`: from the tag table, or the slug itself when the table lacks it.
    pub fn tag_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        let entry = self.tags.as_deref().unwrap_or_default().iter().find(|t| t.id == id);
        entry.map_or(id, |t| t.name.get(lang))
    }
}

/// The positions of `events` in the order datasets keep: by date, then id, then position (a
/// total order, so the sort need not be stable).
///
/// Each event's place is worked out once, not twice per comparison, as two integers: its date's
/// [`PartialDate::order_key`] and the first eight bytes of its id, so that ids are compared as
/// text only when these are equal (at 100,000 events in Chromium, comparing ids as text took
/// half of the sort). A list already in order (every validated dataset, when the filter index
/// indexes it) is found so in one pass instead of sorted again.
pub fn date_order(events: &[Event]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..events.len() as u32).collect();
    // Neighbours in order by date and id are in order by position too.
    if events.windows(2).all(|w| w[0].date.cmp(&w[1].date).then_with(|| w[0].id.cmp(&w[1].id)).is_le()) {
        return order;
    }
    let keys: Vec<(i64, u64)> = events.iter().map(|e| (e.date.order_key(), id_prefix(&e.id))).collect();
    crate::core::util::sorting::sort_indices(&mut order, &mut |a: u32, b: u32| {
        let (a, b) = (a as usize, b as usize);
        keys[a].cmp(&keys[b]).then_with(|| events[a].id.cmp(&events[b].id)).then(a.cmp(&b))
    });
    order
}

/// The first eight bytes of `id` as a big-endian number, zero-padded: two ids whose prefixes
/// differ are in the same order as the ids (a shorter one that is a prefix of the other pads
/// with zeros, the lowest byte); equal prefixes say nothing.
fn id_prefix(id: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = id.len().min(8);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLISHED: &str = "www/timeline.schema.json";

    #[test]
    fn a_tag_is_named_from_the_table_or_by_its_slug() {
        let mut d = Dataset::default();
        assert_eq!(d.tag_name("oil", Lang::De), "oil");
        d.tags = Some(vec![Tag { id: "oil".into(), name: Text { de: "Öl".into(), en: "oil".into() } }]);
        assert_eq!(d.tag_name("oil", Lang::De), "Öl");
        assert_eq!(d.tag_name("gas", Lang::De), "gas");
    }

    #[test]
    fn date_order_sorts_by_date_then_id_then_position_whatever_the_input_order() {
        let base = crate::core::formats::embedded::embedded_dataset().unwrap().events;
        // Two events with the same date and id keep their positions' order.
        let mut events: Vec<Event> = base.iter().rev().cloned().collect();
        events.push(events[3].clone());
        events.swap(0, 7);
        let expected = {
            let mut v: Vec<u32> = (0..events.len() as u32).collect();
            v.sort_by(|&a, &b| {
                let (ea, eb) = (&events[a as usize], &events[b as usize]);
                ea.date.cmp(&eb.date).then_with(|| ea.id.cmp(&eb.id)).then(a.cmp(&b))
            });
            v
        };
        assert_eq!(date_order(&events), expected);
        // Put in that order, the events are found in order and come back as they are.
        let sorted: Vec<Event> = expected.iter().map(|&i| events[i as usize].clone()).collect();
        assert_eq!(date_order(&sorted), (0..sorted.len() as u32).collect::<Vec<_>>());
    }

    proptest::proptest! {
        #[test]
        fn id_prefixes_that_differ_order_as_the_ids_do(a in "[a-c0\u{0}-]{0,10}", b in "[a-c0\u{0}-]{0,10}") {
            let (pa, pb) = (id_prefix(&a), id_prefix(&b));
            if pa != pb {
                proptest::prop_assert_eq!(pa.cmp(&pb), a.cmp(&b), "{:?} {:?}", a, b);
            }
        }

        #[test]
        fn date_order_is_by_date_then_id_then_position_for_ids_that_share_long_prefixes(
            picks in proptest::collection::vec((0usize..4, "(event-00|event-0|ev)[ab]{0,3}"), 0..40)
        ) {
            let base = crate::core::formats::embedded::embedded_dataset().unwrap().events;
            let dates = ["2025", "2025-01", "2025-01-01", "2024-12-31"].map(|d| crate::core::dataset::date::PartialDate::parse(d).unwrap());
            let events: Vec<Event> = picks.iter().map(|(d, id)| Event { id: id.clone(), date: dates[*d], ..base[0].clone() }).collect();
            let mut expected: Vec<u32> = (0..events.len() as u32).collect();
            expected.sort_by(|&a, &b| {
                let (ea, eb) = (&events[a as usize], &events[b as usize]);
                ea.date.cmp(&eb.date).then_with(|| ea.id.cmp(&eb.id)).then(a.cmp(&b))
            });
            proptest::prop_assert_eq!(date_order(&events), expected);
        }
    }

    /// Regenerate with `UPDATE_SCHEMA=1 cargo test json_schema`.
    #[test]
    fn the_published_json_schema_matches_the_rust_types() {
        let fresh = json_schema();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PUBLISHED);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let published = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(published == fresh, "{PUBLISHED} is stale: run `UPDATE_SCHEMA=1 cargo test json_schema`");
    }

    #[test]
    fn the_json_schema_requires_what_the_parser_requires() {
        let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
        let event = &schema["$defs"]["Event"];
        let required: Vec<&str> =
            event["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        for field in ["id", "date", "title", "summary", "actors", "categories", "sources", "confidence"] {
            assert!(required.contains(&field), "{field} is required");
        }
        for optional in ["end", "approximate", "tags", "place", "related", "date_text", "media"] {
            assert!(!required.contains(&optional), "{optional} is optional");
        }
        assert_eq!(event["additionalProperties"], false, "unknown fields are rejected");
        assert_eq!(
            schema["$defs"]["Category"]["enum"],
            serde_json::json!(["diplomacy", "military", "energy", "transport", "analysis"])
        );
        assert_eq!(schema["$defs"]["PartialDate"]["type"], "string");
        let source = &schema["$defs"]["Source"];
        let required: Vec<&str> =
            source["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        assert_eq!(required, ["publisher", "url"], "a source's title is optional: `about` may stand in");
        // Each kind is documented, so the schema lists them as `oneOf` constants.
        let kinds: Vec<&str> = schema["$defs"]["SourceKind"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|k| k["const"].as_str())
            .collect();
        assert_eq!(kinds, SourceKind::ALL.map(SourceKind::code));
        let dataset_required: Vec<&str> =
            schema["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        assert_eq!(dataset_required, ["title", "events"], "description, view and tags are optional");
    }
}
