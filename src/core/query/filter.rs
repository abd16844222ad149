//! Filtering and facet counts.
//!
//! Semantics: OR within a facet (categories, actors, tags, places), AND across facets, the
//! date range and the search. The date range `from`–`to` is inclusive at its precision: an
//! event passes when `[start_day, end_day)` overlaps `[from.start_day, to.end_day_exclusive)`.
//! The search passes when every query token is a substring of the event's folded haystack
//! (titles and summaries in both languages, actor ids and names, place id and names, tags).
//!
//! [`FilterIndex`] is built once per dataset and owns everything it needs in compact form: day
//! numbers, a category bitmask, ids interned as small integers, the events' own folded texts
//! in one string, and the folded actor, tag and place texts once each (a query first checks
//! those few shared texts, then only the tokens still missing in each event's own text).
//! A filter or facet call then allocates no strings beyond parsing the query.

use crate::core::dataset::model::{date_order, Category, Dataset};
use crate::core::query::search::{fold_into, Query};
use crate::core::query::viewstate::ViewState;
use crate::core::util::hashing::FastMap;
use crate::core::util::sorting::sort_indices;

/// For every value in the dataset, how many events have it and pass every active filter except
/// that value's own facet. Categories in [`Category::ALL`] order (all of them); actors, tags
/// and places in a fixed order: by how many events of the whole dataset have them (descending),
/// then id, so rows do not jump about under the reader's pointer as filters change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub categories: Vec<(Category, usize)>,
    pub actors: Vec<(String, usize)>,
    pub tags: Vec<(String, usize)>,
    pub places: Vec<(String, usize)>,
}

impl FacetCounts {
    /// The value ids of the facet behind a URL parameter (`cat`, `actor`, `tag`, `place`), in
    /// display order.
    pub fn ids(&self, param: &str) -> Vec<String> {
        match param {
            "cat" => self.categories.iter().map(|(c, _)| c.code().to_string()).collect(),
            _ => self.named(param).iter().map(|(id, _)| id.clone()).collect(),
        }
    }

    /// The counts of the facet behind a URL parameter, in the same order as [`FacetCounts::ids`].
    pub fn counts(&self, param: &str) -> Vec<usize> {
        match param {
            "cat" => self.categories.iter().map(|(_, n)| *n).collect(),
            _ => self.named(param).iter().map(|(_, n)| *n).collect(),
        }
    }

    fn named(&self, param: &str) -> &[(String, usize)] {
        match param {
            "actor" => &self.actors,
            "tag" => &self.tags,
            _ => &self.places,
        }
    }
}

/// Ids interned as `u32`, in order of first appearance.
#[derive(Default)]
struct Interner {
    ids: Vec<String>,
    index: FastMap<String, u32>,
    /// Display order, fixed once the dataset is indexed (see [`Interner::rank`]).
    order: Vec<u32>,
}

impl Interner {
    fn intern(&mut self, id: &str) -> u32 {
        if let Some(&k) = self.index.get(id) {
            return k;
        }
        let k = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.index.insert(id.to_string(), k);
        k
    }

    /// `None` when nothing is selected (the facet is inactive); otherwise which interned ids
    /// are selected. Unknown ids select nothing.
    fn selection<'a>(&self, selected: impl ExactSizeIterator<Item = &'a String>) -> Option<Vec<bool>> {
        if selected.len() == 0 {
            return None;
        }
        let mut mask = vec![false; self.ids.len()];
        for id in selected {
            if let Some(&k) = self.index.get(id.as_str()) {
                mask[k as usize] = true;
            }
        }
        Some(mask)
    }

    /// Fixes the display order: by `totals` (descending), then id.
    fn rank(&mut self, totals: &[usize]) {
        let mut order: Vec<u32> = (0..self.ids.len() as u32).collect();
        sort_indices(&mut order, &mut |a, b| {
            let (a, b) = (a as usize, b as usize);
            totals[b].cmp(&totals[a]).then_with(|| self.ids[a].cmp(&self.ids[b]))
        });
        self.order = order;
    }

    fn counted(&self, counts: &[usize]) -> Vec<(String, usize)> {
        self.order.iter().map(|&k| (self.ids[k as usize].clone(), counts[k as usize])).collect()
    }
}

/// Per-event lists of interned ids in one flat array (`offsets[i]..offsets[i + 1]`).
#[derive(Default)]
struct Lists {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl Lists {
    /// Adds the next event's list: `ids` interned by `interner`, sorted, without repeats.
    /// (Written straight into the flat array, not collected into a list of its own first.)
    fn push(&mut self, ids: &[String], interner: &mut Interner) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        let start = self.values.len();
        self.values.extend(ids.iter().map(|id| interner.intern(id)));
        sort_indices(&mut self.values[start..], &mut |a, b| a.cmp(&b));
        let mut kept = start;
        for k in start..self.values.len() {
            if kept == start || self.values[k] != self.values[kept - 1] {
                self.values[kept] = self.values[k];
                kept += 1;
            }
        }
        self.values.truncate(kept);
        self.offsets.push(kept as u32);
    }

    fn of(&self, i: usize) -> &[u32] {
        &self.values[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

fn any_selected(ids: &[u32], mask: &Option<Vec<bool>>) -> bool {
    match mask {
        None => true,
        Some(m) => ids.iter().any(|&k| m[k as usize]),
    }
}

/// The active filters of a view state, resolved against an [`FilterIndex`]'s interned ids.
struct Active {
    cats: Option<u8>,
    actors: Option<Vec<bool>>,
    tags: Option<Vec<bool>>,
    places: Option<Vec<bool>>,
    lo: i64,
    hi: i64,
    search: Option<Search>,
}

/// A non-empty query resolved against the shared texts: for each actor, tag and place text,
/// which tokens it contains (bit `t` for token `t`).
struct Search {
    query: Query,
    all: u16,
    actors: Vec<u16>,
    tags: Vec<u16>,
    places: Vec<u16>,
}

/// No place.
const NO_PLACE: u32 = u32::MAX;

/// A dataset's filter index, built once; see the module docs.
pub struct FilterIndex {
    /// Event indices in date order (the identity for a validated dataset).
    order: Vec<u32>,
    start: Vec<i64>,
    end: Vec<i64>,
    /// Each event's set of [`Category::bit`]s.
    cats: Vec<u8>,
    actors: Lists,
    tags: Lists,
    place: Vec<u32>,
    actor_ids: Interner,
    tag_ids: Interner,
    place_ids: Interner,
    /// Folded search texts shared by many events, stored once: per interned actor (id and
    /// names), per interned tag, and per distinct place (id and names).
    actor_text: Vec<String>,
    tag_text: Vec<String>,
    place_text: Interner,
    /// Each event's distinct place text, or [`NO_PLACE`].
    place_text_of: Vec<u32>,
    /// The events' own search texts: made with the index, or (see [`FilterIndex::without_texts`])
    /// when first needed.
    texts: std::sync::OnceLock<Texts>,
}

/// All events' own folded texts (titles and summaries), each text followed by `\n` (tokens
/// never hold whitespace, so no match crosses a field or an event).
struct Texts {
    hay: String,
    /// Event `i`'s own text is `hay[start[i]..start[i + 1]]`.
    start: Vec<usize>,
}

impl Texts {
    fn new(dataset: &Dataset) -> Texts {
        fn texts(e: &crate::core::dataset::model::Event) -> [&String; 4] {
            [&e.title.de, &e.title.en, &e.summary.de, &e.summary.en]
        }
        // Sized once (folding rarely changes a text's length) rather than grown by copying it
        // over and over.
        let mut hay = String::with_capacity(
            dataset.events.iter().map(|e| texts(e).iter().map(|t| t.len() + 1).sum::<usize>()).sum(),
        );
        let mut start = Vec::with_capacity(dataset.events.len() + 1);
        for e in &dataset.events {
            start.push(hay.len());
            for f in texts(e) {
                fold_into(f, &mut hay);
                hay.push('\n');
            }
        }
        start.push(hay.len());
        hay.shrink_to_fit();
        Texts { hay, start }
    }
}

/// Folds fields into one search text, each followed by `\n`.
fn folded_fields(fields: &[&str]) -> String {
    let mut s = String::new();
    for f in fields {
        fold_into(f, &mut s);
        s.push('\n');
    }
    s
}

/// Bit `t` set for each token `t` of `query` that `text` contains.
fn token_mask(query: &Query, text: &str) -> u16 {
    query
        .tokens()
        .iter()
        .enumerate()
        .fold(0, |m, (t, tok)| if text.contains(tok.as_str()) { m | 1 << t } else { m })
}

impl FilterIndex {
    /// Per event (same indices as `dataset.events`): its set of [`Category::bit`]s.
    pub fn category_masks(&self) -> &[u8] {
        &self.cats
    }

    /// Event `i`'s actors as interned numbers (each once, in ascending order).
    pub fn actors_of(&self, i: usize) -> &[u32] {
        self.actors.of(i)
    }

    /// The interned number of actor id `id`, if any event names it.
    pub fn actor_number(&self, id: &str) -> Option<u32> {
        self.actor_ids.index.get(id).copied()
    }

    /// How many distinct actor ids the events name (interned numbers are below this).
    pub fn actor_count(&self) -> usize {
        self.actor_ids.ids.len()
    }

    /// The interned number of tag `id`, if any event has it.
    pub fn tag_number(&self, id: &str) -> Option<u32> {
        self.tag_ids.index.get(id).copied()
    }

    /// The interned number of place id `id`, if any event names it.
    pub fn place_number(&self, id: &str) -> Option<u32> {
        self.place_ids.index.get(id).copied()
    }

    /// How many distinct place ids the events name.
    pub fn place_count(&self) -> usize {
        self.place_ids.ids.len()
    }

    /// The number event `i`'s place id is interned as, if the event has a place.
    pub fn place_of(&self, i: usize) -> Option<u32> {
        Some(self.place[i]).filter(|&k| k != NO_PLACE)
    }

    /// Event `i`'s first day and the day after its last ([`Event::start_day`],
    /// [`Event::end_day`]), worked out once when the dataset is indexed.
    ///
    /// [`Event::start_day`]: crate::core::dataset::model::Event::start_day
    /// [`Event::end_day`]: crate::core::dataset::model::Event::end_day
    pub fn days_of(&self, i: usize) -> (i64, i64) {
        (self.start[i], self.end[i])
    }

    /// The index of `dataset`, its search texts included.
    pub fn new(dataset: &Dataset) -> FilterIndex {
        let x = FilterIndex::without_texts(dataset);
        x.index_texts(dataset);
        x
    }

    /// The index of `dataset` without the events' own search texts, which are the largest part
    /// of it and needed only once someone searches: [`FilterIndex::index_texts`] makes them (the
    /// widget does so after its first frame). Until then a search finds events only by their
    /// actors, tags and places.
    pub fn without_texts(dataset: &Dataset) -> FilterIndex {
        let n = dataset.events.len();
        let mut x = FilterIndex {
            order: date_order(&dataset.events),
            start: Vec::with_capacity(n),
            end: Vec::with_capacity(n),
            cats: Vec::with_capacity(n),
            actors: Lists::default(),
            tags: Lists::default(),
            place: Vec::with_capacity(n),
            actor_ids: Interner::default(),
            tag_ids: Interner::default(),
            place_ids: Interner::default(),
            actor_text: Vec::new(),
            tag_text: Vec::new(),
            place_text: Interner::default(),
            place_text_of: Vec::with_capacity(n),
            texts: std::sync::OnceLock::new(),
        };
        // Each place's search text by place, folded when the place is first seen: most events
        // share their place with many others. (An event that names the same place id
        // differently gets its own text.)
        let mut text_of_place: Vec<(u32, &crate::core::dataset::model::Text)> = Vec::new();
        for e in &dataset.events {
            x.start.push(e.start_day());
            x.end.push(e.end_day());
            x.cats.push(e.categories.iter().fold(0, |m, &c| m | c.bit()));
            x.actors.push(&e.actors, &mut x.actor_ids);
            x.tags.push(&e.tags, &mut x.tag_ids);
            let place = e.place.as_ref().map_or(NO_PLACE, |p| x.place_ids.intern(&p.id));
            x.place.push(place);
            x.place_text_of.push(e.place.as_ref().map_or(
                NO_PLACE,
                |p| match text_of_place.get(place as usize) {
                    Some(&(text, name)) if *name == p.name => text,
                    known => {
                        let text = x.place_text.intern(&folded_fields(&[&p.id, &p.name.de, &p.name.en]));
                        if known.is_none() {
                            text_of_place.push((text, &p.name));
                        }
                        text
                    }
                },
            ));
        }
        // Each actor's id, then the names the actors table gives it (through the interner's own
        // index: no map of the table).
        x.actor_text = x.actor_ids.ids.iter().map(|id| folded_fields(&[id])).collect();
        for a in &dataset.actors {
            if let Some(&k) = x.actor_ids.index.get(a.id.as_str()) {
                x.actor_text[k as usize] = folded_fields(&[&a.id, &a.name.de, &a.name.en]);
            }
        }
        x.tag_text = x.tag_ids.ids.iter().map(|t| folded_fields(&[t])).collect();
        // A tag is found by its names too, where the dataset names it.
        for t in dataset.tags.as_deref().unwrap_or_default() {
            if let Some(&k) = x.tag_ids.index.get(t.id.as_str()) {
                x.tag_text[k as usize] = folded_fields(&[&t.id, &t.name.de, &t.name.en]);
            }
        }
        let mut totals =
            (vec![0; x.actor_ids.ids.len()], vec![0; x.tag_ids.ids.len()], vec![0; x.place_ids.ids.len()]);
        for i in 0..n {
            x.actors.of(i).iter().for_each(|&k| totals.0[k as usize] += 1);
            x.tags.of(i).iter().for_each(|&k| totals.1[k as usize] += 1);
            if x.place[i] != NO_PLACE {
                totals.2[x.place[i] as usize] += 1;
            }
        }
        x.actor_ids.rank(&totals.0);
        x.tag_ids.rank(&totals.1);
        x.place_ids.rank(&totals.2);
        x
    }

    /// Makes the events' own search texts if they are not made yet; `dataset` is the one the
    /// index was made from.
    pub fn index_texts(&self, dataset: &Dataset) {
        self.texts.get_or_init(|| Texts::new(dataset));
    }

    /// How many events the dataset has.
    pub fn len(&self) -> usize {
        self.start.len()
    }

    pub fn is_empty(&self) -> bool {
        self.start.is_empty()
    }

    fn active(&self, state: &ViewState) -> Active {
        let query = Query::parse(&state.q);
        let search = (!query.is_empty()).then(|| {
            let all = ((1u32 << query.tokens().len()) - 1) as u16;
            let masks = |texts: &[String]| texts.iter().map(|t| token_mask(&query, t)).collect::<Vec<u16>>();
            Search {
                all,
                actors: masks(&self.actor_text),
                tags: masks(&self.tag_text),
                places: masks(&self.place_text.ids),
                query,
            }
        });
        Active {
            cats: (!state.cat.is_empty()).then(|| state.cat.iter().fold(0, |m, &c| m | c.bit())),
            actors: self.actor_ids.selection(state.actor.iter()),
            tags: self.tag_ids.selection(state.tag.iter()),
            places: self.place_ids.selection(state.place.iter()),
            lo: state.from.map_or(i64::MIN, |d| d.start_day()),
            hi: state.to.map_or(i64::MAX, |d| d.end_day_exclusive()),
            search,
        }
    }

    /// Whether event `i` contains every token, in its own text or a shared one.
    fn found(&self, search: &Option<Search>, i: usize) -> bool {
        let Some(s) = search else { return true };
        let mut got = 0;
        for &k in self.actors.of(i) {
            got |= s.actors[k as usize];
        }
        for &k in self.tags.of(i) {
            got |= s.tags[k as usize];
        }
        if self.place_text_of[i] != NO_PLACE {
            got |= s.places[self.place_text_of[i] as usize];
        }
        if got == s.all {
            return true;
        }
        let Some(t) = self.texts.get() else { return false };
        let hay = &t.hay[t.start[i]..t.start[i + 1]];
        s.query.tokens().iter().enumerate().all(|(t, tok)| got & (1 << t) != 0 || hay.contains(tok.as_str()))
    }

    fn dates_pass(&self, a: &Active, i: usize) -> bool {
        self.start[i] < a.hi && self.end[i] > a.lo
    }
    fn cat_passes(&self, a: &Active, i: usize) -> bool {
        a.cats.is_none_or(|m| self.cats[i] & m != 0)
    }
    fn actor_passes(&self, a: &Active, i: usize) -> bool {
        any_selected(self.actors.of(i), &a.actors)
    }
    fn tag_passes(&self, a: &Active, i: usize) -> bool {
        any_selected(self.tags.of(i), &a.tags)
    }
    fn place_passes(&self, a: &Active, i: usize) -> bool {
        match &a.places {
            None => true,
            Some(m) => self.place[i] != NO_PLACE && m[self.place[i] as usize],
        }
    }

    /// The events passing every filter of `state`, as indices into `dataset.events`, in date order.
    pub fn filter(&self, state: &ViewState) -> Vec<usize> {
        let a = self.active(state);
        self.order
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| {
                self.dates_pass(&a, i)
                    && self.cat_passes(&a, i)
                    && self.actor_passes(&a, i)
                    && self.tag_passes(&a, i)
                    && self.place_passes(&a, i)
                    && self.found(&a.search, i)
            })
            .collect()
    }

    /// Facet counts for `state` (see [`FacetCounts`]), in one pass over the events.
    pub fn facets(&self, state: &ViewState) -> FacetCounts {
        self.filter_and_facets(state).1
    }

    /// [`FilterIndex::filter`] and [`FilterIndex::facets`] together, in one pass.
    pub fn filter_and_facets(&self, state: &ViewState) -> (Vec<usize>, FacetCounts) {
        let a = self.active(state);
        let mut cat_counts = [0usize; 5];
        let mut actor_counts = vec![0usize; self.actor_ids.ids.len()];
        let mut tag_counts = vec![0usize; self.tag_ids.ids.len()];
        let mut place_counts = vec![0usize; self.place_ids.ids.len()];
        // Sized for every event at once: growing it by doubling copied 100,000 indices
        // several times over.
        let mut passing = Vec::with_capacity(self.order.len());
        for &i in &self.order {
            let i = i as usize;
            if !self.dates_pass(&a, i) {
                continue;
            }
            let (cat, actor) = (self.cat_passes(&a, i), self.actor_passes(&a, i));
            let (tag, place) = (self.tag_passes(&a, i), self.place_passes(&a, i));
            // An event failing two facets (or the dates, or the search) counts nowhere.
            let failed = usize::from(!cat) + usize::from(!actor) + usize::from(!tag) + usize::from(!place);
            if failed > 1 || !self.found(&a.search, i) {
                continue;
            }
            if actor && tag && place {
                for (k, n) in cat_counts.iter_mut().enumerate() {
                    *n += usize::from(self.cats[i] & (1 << k) != 0);
                }
            }
            if cat && tag && place {
                for &k in self.actors.of(i) {
                    actor_counts[k as usize] += 1;
                }
            }
            if cat && actor && place {
                for &k in self.tags.of(i) {
                    tag_counts[k as usize] += 1;
                }
            }
            if cat && actor && tag && self.place[i] != NO_PLACE {
                place_counts[self.place[i] as usize] += 1;
            }
            if failed == 0 {
                passing.push(i);
            }
        }
        let facets = FacetCounts {
            categories: Category::ALL.into_iter().zip(cat_counts).collect(),
            actors: self.actor_ids.counted(&actor_counts),
            tags: self.tag_ids.counted(&tag_counts),
            places: self.place_ids.counted(&place_counts),
        };
        (passing, facets)
    }
}

/// The events before and after event `current` when reading in order: the nearest of the
/// `filtered` events (indices in date order, as the filter gives them) on either side, or `None`
/// at an end. `current` need not pass the filters itself (a link may open an event that they
/// hide); its neighbours are then the passing events around its date.
pub fn reading_neighbours(filtered: &[usize], current: usize) -> (Option<usize>, Option<usize>) {
    let before = filtered.partition_point(|&i| i < current);
    let after = filtered.partition_point(|&i| i <= current);
    (before.checked_sub(1).map(|p| filtered[p]), filtered.get(after).copied())
}

/// Where event `current` stands among the `filtered` events (1-based), if it passes the filters.
pub fn reading_position(filtered: &[usize], current: usize) -> Option<usize> {
    filtered.binary_search(&current).ok().map(|p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::date::PartialDate;
    use crate::core::formats::read::load_dataset;
    use crate::core::query::search::fold;
    use crate::core::query::viewstate::ValueSet;

    const ACTORS: &str = r#"[
        {"id":"az","kind":"state","name":{"de":"Aserbaidschan","en":"Azerbaijan"}},
        {"id":"tr","kind":"state","name":{"de":"Türkei","en":"Turkey"}},
        {"id":"am","kind":"state","name":{"de":"Armenien","en":"Armenia"}},
        {"id":"aliyev","kind":"person","name":{"de":"İlham Əliyev","en":"Ilham Aliyev"}}
    ]"#;

    /// id, date, end, categories, actors, tags, place, German title, English title.
    type Spec<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a str,
        &'a str,
        &'a str,
        Option<(&'a str, &'a str, &'a str)>,
        &'a str,
        &'a str,
    );

    fn event(s: Spec) -> String {
        let (id, date, end, cats, actors, tags, place, de, en) = s;
        let end = end.map(|e| format!(r#","end":"{e}""#)).unwrap_or_default();
        let place = place
            .map(|(pid, pde, pen)| {
                format!(r#","place":{{"id":"{pid}","name":{{"de":"{pde}","en":"{pen}"}}}}"#)
            })
            .unwrap_or_default();
        let list = |s: &str| s.split_whitespace().map(|x| format!("\"{x}\"")).collect::<Vec<_>>().join(",");
        format!(
            r#"{{"id":"{id}","date":"{date}"{end},"title":{{"de":"{de}","en":"{en}"}},
                "summary":{{"de":"Zusammenfassung","en":"Summary"}},"actors":[{}],"categories":[{}],
                "tags":[{}]{place},"sources":[{{"title":"S","publisher":"P","url":"https://example.org/a"}}],
                "confidence":"confirmed"}}"#,
            list(actors),
            list(cats),
            list(tags)
        )
    }

    fn dataset() -> Dataset {
        let baku = Some(("baku", "Baku", "Baku"));
        let ankara = Some(("ankara", "Ankara", "Ankara"));
        let specs: Vec<Spec> = vec![
            (
                "pipeline",
                "2025-11-06",
                None,
                "energy",
                "az tr",
                "gas pipeline",
                baku,
                "Gasleitung eröffnet",
                "Pipeline opens",
            ),
            (
                "talks",
                "2025-10",
                Some("2025-11"),
                "diplomacy",
                "az am",
                "peace",
                None,
                "Friedensgespräche",
                "Peace talks",
            ),
            ("drill", "2025-09-30", None, "military", "tr", "exercise", ankara, "Manöver", "Military drill"),
            (
                "rail",
                "2025-12-01",
                None,
                "transport energy",
                "az",
                "rail",
                baku,
                "Bahnstrecke nach Kars",
                "Railway to Kars",
            ),
            (
                "speech",
                "2024",
                None,
                "analysis",
                "aliyev",
                "",
                baku,
                "Rede in der Straße",
                "A speech in the street",
            ),
            (
                "summit",
                "2026-01-15",
                None,
                "diplomacy",
                "tr am",
                "peace",
                ankara,
                "Gipfel in Ankara",
                "Summit in Ankara",
            ),
        ];
        // Deliberately out of date order: loading sorts.
        let events: Vec<String> = specs.into_iter().rev().map(event).collect();
        let json =
            format!(r#"{{"title":{{"de":"T","en":"T"}},"actors":{ACTORS},"events":[{}]}}"#, events.join(","));
        load_dataset(&json).unwrap()
    }

    fn ids(d: &Dataset, idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| d.events[i].id.clone()).collect()
    }

    fn set<T: Ord + Clone>(xs: &[T]) -> ValueSet<T> {
        xs.iter().cloned().collect()
    }

    fn strings(xs: &[&str]) -> ValueSet<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    fn run(state: &ViewState) -> Vec<String> {
        let d = dataset();
        let x = FilterIndex::new(&d);
        let r = x.filter(state);
        assert_eq!(r, x.filter_and_facets(state).0, "filter and filter_and_facets agree");
        ids(&d, &r)
    }

    fn q(s: &str) -> ViewState {
        ViewState { q: s.into(), ..ViewState::default() }
    }

    fn date(s: &str) -> Option<PartialDate> {
        Some(PartialDate::parse(s).unwrap())
    }

    #[test]
    fn without_its_texts_an_index_finds_by_actors_tags_and_places_until_the_texts_are_made() {
        let d = crate::core::formats::embedded::embedded_dataset().unwrap();
        let charter = d.event_index("vance-charter-2026").unwrap();
        let place =
            ViewState { q: d.events[charter].place.as_ref().unwrap().id.clone(), ..ViewState::default() };
        // A word of the charter's summary that no actor, tag or place has.
        let word = d.events[charter]
            .summary
            .en
            .split_whitespace()
            .filter(|w| w.len() > 8 && w.chars().all(char::is_alphabetic))
            .map(fold)
            .find(|w| {
                d.actors.iter().all(|a| !fold(&a.name.en).contains(w.as_str()))
                    && !d.events.iter().any(|e| e.tags.iter().any(|t| t.contains(w.as_str())))
            })
            .unwrap();
        let text = ViewState { q: word.clone(), ..ViewState::default() };
        let x = FilterIndex::without_texts(&d);
        assert!(x.filter(&place).contains(&charter), "a place is found without the texts");
        assert!(!x.filter(&text).contains(&charter), "{word}");
        x.index_texts(&d);
        assert!(x.filter(&text).contains(&charter), "{word}");
        assert_eq!(x.filter(&text), FilterIndex::new(&d).filter(&text));
    }

    #[test]
    fn an_empty_state_returns_every_event_in_date_order() {
        let d = dataset();
        let x = FilterIndex::new(&d);
        assert_eq!(x.len(), 6);
        assert_eq!(x.filter(&ViewState::default()), (0..6).collect::<Vec<_>>());
        assert_eq!(run(&ViewState::default()), ["speech", "drill", "talks", "pipeline", "rail", "summit"]);
    }

    #[test]
    fn values_within_a_facet_are_ored() {
        let s = ViewState { cat: set(&[Category::Energy, Category::Military]), ..ViewState::default() };
        assert_eq!(run(&s), ["drill", "pipeline", "rail"]);
        let s = ViewState { actor: strings(&["am", "aliyev"]), ..ViewState::default() };
        assert_eq!(run(&s), ["speech", "talks", "summit"]);
        let s = ViewState { tag: strings(&["gas", "rail"]), ..ViewState::default() };
        assert_eq!(run(&s), ["pipeline", "rail"]);
        let s = ViewState { place: strings(&["ankara", "nowhere"]), ..ViewState::default() };
        assert_eq!(run(&s), ["drill", "summit"]);
    }

    #[test]
    fn facets_are_anded() {
        let s = ViewState { cat: set(&[Category::Energy]), actor: strings(&["tr"]), ..ViewState::default() };
        assert_eq!(run(&s), ["pipeline"]);
        let s = ViewState { tag: strings(&["peace"]), place: strings(&["ankara"]), ..ViewState::default() };
        assert_eq!(run(&s), ["summit"]);
        let s = ViewState { q: "baku".into(), cat: set(&[Category::Transport]), ..ViewState::default() };
        assert_eq!(run(&s), ["rail"]);
    }

    #[test]
    fn an_unknown_id_matches_nothing_within_its_facet() {
        let s = ViewState { actor: strings(&["zz"]), ..ViewState::default() };
        assert!(run(&s).is_empty());
        let s = ViewState { tag: strings(&["zz"]), place: strings(&["zz"]), ..ViewState::default() };
        assert!(run(&s).is_empty());
    }

    #[test]
    fn the_date_range_is_inclusive_at_month_precision() {
        // `to` = 2025-11 includes 30 November; `from` = 2025-11 includes the October–November span.
        let s = ViewState { from: date("2025-11"), to: date("2025-11"), ..ViewState::default() };
        assert_eq!(run(&s), ["talks", "pipeline"]);
        // 2025-09-30 is outside a range starting 2025-10, 2025-12-01 outside one ending 2025-11.
        let s = ViewState { from: date("2025-10"), to: date("2025-11"), ..ViewState::default() };
        assert_eq!(run(&s), ["talks", "pipeline"]);
        let s = ViewState { from: date("2025-09"), to: date("2025-12"), ..ViewState::default() };
        assert_eq!(run(&s), ["drill", "talks", "pipeline", "rail"]);
        // Only one bound, and day-precise edges.
        let s = ViewState { from: date("2025-12-01"), ..ViewState::default() };
        assert_eq!(run(&s), ["rail", "summit"]);
        let s = ViewState { to: date("2025-09-30"), ..ViewState::default() };
        assert_eq!(run(&s), ["speech", "drill"]);
        // A year-precise event overlaps a month inside that year.
        let s = ViewState { from: date("2024-06"), to: date("2024-06"), ..ViewState::default() };
        assert_eq!(run(&s), ["speech"]);
        // An inverted range is empty.
        let s = ViewState { from: date("2026"), to: date("2025"), ..ViewState::default() };
        assert!(run(&s).is_empty());
    }

    #[test]
    fn searching_aserbaidschan_finds_azerbaijan_in_both_languages() {
        let expected = ["talks", "pipeline", "rail"];
        for query in ["Aserbaidschan", "ASERBAIDSCHAN", "aserbaidschan", "azerbaijan", "AZERBAIJAN"] {
            assert_eq!(run(&q(query)), expected, "{query}");
        }
    }

    #[test]
    fn search_ignores_case_and_diacritics_in_both_languages() {
        assert_eq!(run(&q("turkei")), ["drill", "pipeline", "summit"]);
        assert_eq!(run(&q("TÜRKEI")), run(&q("turkey")));
        assert_eq!(run(&q("aliyev")), ["speech"]);
        assert_eq!(run(&q("əliyev")), ["speech"]);
        assert_eq!(run(&q("ilham")), ["speech"]);
        assert_eq!(run(&q("strasse")), ["speech"]);
        assert_eq!(run(&q("eroffnet")), ["pipeline"]);
        assert_eq!(run(&q("ero\u{308}ffnet")), ["pipeline"]);
        assert_eq!(run(&q("manover")), ["drill"]);
    }

    #[test]
    fn search_covers_ids_places_and_tags() {
        assert_eq!(run(&q("baku")), ["speech", "pipeline", "rail"]);
        assert_eq!(run(&q("exercise")), ["drill"]);
        assert_eq!(run(&q("armenia")), run(&ViewState { actor: strings(&["am"]), ..ViewState::default() }));
    }

    #[test]
    fn a_tag_is_found_by_its_names_from_the_tag_table() {
        let mut d = dataset();
        let tagged: Vec<String> = d
            .events
            .iter()
            .filter(|e| e.tags.iter().any(|t| t == "exercise"))
            .map(|e| e.id.clone())
            .collect();
        assert!(!tagged.is_empty());
        assert!(run(&q("Truppenubung")).is_empty());
        d.tags = Some(vec![crate::core::dataset::model::Tag {
            id: "exercise".into(),
            name: crate::core::dataset::model::Text { de: "Truppenübung".into(), en: "Field drill".into() },
        }]);
        let x = FilterIndex::new(&d);
        for query in ["truppenübung", "TRUPPENUBUNG", "field drill", "exercise"] {
            assert_eq!(ids(&d, &x.filter(&q(query))), tagged, "{query}");
        }
    }

    #[test]
    fn an_event_is_found_by_its_own_name_for_a_shared_place_id() {
        // The second event names the same place id differently: each keeps its own name.
        let mut d = dataset();
        let baku: Vec<usize> = (0..d.events.len())
            .filter(|&i| d.events[i].place.as_ref().is_some_and(|p| p.id == "baku"))
            .collect();
        d.events[baku[1]].place.as_mut().unwrap().name.en = "Bakı Harbour".into();
        let x = FilterIndex::new(&d);
        assert_eq!(x.filter(&q("harbour")), [baku[1]]);
        assert_eq!(x.filter(&q("baku")), baku, "the id still finds all of them");
    }

    #[test]
    fn every_search_token_must_match() {
        assert_eq!(run(&q("kars baku")), ["rail"]);
        assert_eq!(run(&q("railway  türkei")), Vec::<String>::new());
        assert_eq!(run(&q("peace ankara")), ["summit"]);
        assert_eq!(run(&q("   ")), run(&ViewState::default()));
    }

    #[test]
    fn a_search_never_matches_across_fields_or_events() {
        // "opens" ends the pipeline title, "gasleitung" starts it: never joined.
        assert!(run(&q("opensgas")).is_empty());
        assert!(run(&q("summarypipeline")).is_empty());
    }

    #[test]
    fn a_million_character_query_does_not_panic() {
        let big = "türkei ".repeat(150_000);
        assert_eq!(run(&q(&big)), ["drill", "pipeline", "summit"]);
        let d = dataset();
        let x = FilterIndex::new(&d);
        let _ = x.facets(&q(&"ß".repeat(1_000_000)));
    }

    #[test]
    fn a_facets_ids_and_counts_come_in_the_same_order_for_each_url_parameter() {
        let f = FacetCounts {
            categories: vec![(Category::Energy, 3), (Category::Military, 0)],
            actors: vec![("kz".into(), 2)],
            tags: vec![("oil".into(), 5), ("cpc".into(), 1)],
            places: vec![("baku".into(), 4)],
        };
        assert_eq!(
            (f.ids("cat"), f.counts("cat")),
            (vec!["energy".to_string(), "military".into()], vec![3, 0])
        );
        assert_eq!((f.ids("actor"), f.counts("actor")), (vec!["kz".to_string()], vec![2]));
        assert_eq!((f.ids("tag"), f.counts("tag")), (vec!["oil".to_string(), "cpc".into()], vec![5, 1]));
        assert_eq!((f.ids("place"), f.counts("place")), (vec!["baku".to_string()], vec![4]));
    }

    #[test]
    fn an_actor_or_tag_named_twice_by_one_event_counts_once() {
        let mut d = crate::core::formats::embedded::embedded_dataset().unwrap();
        let i = d.events.iter().position(|e| e.actors.len() >= 2 && !e.tags.is_empty()).unwrap();
        let clean = FilterIndex::new(&d);
        let e = &mut d.events[i];
        let (a, b, t) = (e.actors[0].clone(), e.actors[1].clone(), e.tags[0].clone());
        e.actors.extend([a.clone(), b, a]);
        e.actors.rotate_left(1);
        e.tags.extend([t.clone(), t]);
        let twice = FilterIndex::new(&d);
        assert_eq!(twice.actors_of(i), clean.actors_of(i));
        assert!(twice.actors_of(i).windows(2).all(|w| w[0] < w[1]), "{:?}", twice.actors_of(i));
        assert_eq!(twice.facets(&ViewState::default()), clean.facets(&ViewState::default()));
        let only = ViewState {
            actor: [d.events[i].actors[0].clone()].into_iter().collect(),
            ..ViewState::default()
        };
        assert_eq!(twice.filter_and_facets(&only), clean.filter_and_facets(&only));
    }

    #[test]
    fn facet_counts_ignore_their_own_facets_selection() {
        let d = dataset();
        let x = FilterIndex::new(&d);
        let s = ViewState { cat: set(&[Category::Energy]), actor: strings(&["tr"]), ..ViewState::default() };
        let f = x.facets(&s);
        // Categories: events with actor tr (drill, pipeline, summit), any category.
        assert_eq!(
            f.categories,
            [
                (Category::Diplomacy, 1),
                (Category::Military, 1),
                (Category::Energy, 1),
                (Category::Transport, 0),
                (Category::Analysis, 0)
            ]
        );
        // Actors: energy events (pipeline, rail), any actor; every actor listed.
        let sorted = |v: &[(String, usize)]| {
            let mut v = v.to_vec();
            v.sort();
            v
        };
        assert_eq!(
            sorted(&f.actors),
            [("aliyev".to_string(), 0), ("am".to_string(), 0), ("az".to_string(), 2), ("tr".to_string(), 1)]
        );
        // Tags and places: energy and tr (pipeline only).
        let tags = sorted(&f.tags);
        assert_eq!(
            tags.iter().filter(|(_, n)| *n > 0).cloned().collect::<Vec<_>>(),
            [("gas".to_string(), 1), ("pipeline".to_string(), 1)]
        );
        assert_eq!(tags.len(), 5);
        assert_eq!(sorted(&f.places), [("ankara".to_string(), 0), ("baku".to_string(), 1)]);
    }

    #[test]
    fn facet_values_keep_the_whole_datasets_order_whatever_the_filter() {
        let d = dataset();
        let x = FilterIndex::new(&d);
        let ids = |v: &[(String, usize)]| v.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
        let all = x.facets(&ViewState::default());
        // Unfiltered, the order is by count (descending), then id.
        for list in [&all.actors, &all.tags, &all.places] {
            assert!(
                list.windows(2).all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0)),
                "{list:?}"
            );
        }
        let narrowed =
            ViewState { cat: set(&[Category::Energy]), actor: strings(&["tr"]), ..ViewState::default() };
        let f = x.facets(&narrowed);
        assert_eq!(ids(&f.actors), ids(&all.actors));
        assert_eq!(ids(&f.tags), ids(&all.tags));
        assert_eq!(ids(&f.places), ids(&all.places));
    }

    #[test]
    fn facet_counts_respect_search_and_dates() {
        let d = dataset();
        let x = FilterIndex::new(&d);
        let f = x.facets(&ViewState::default());
        assert_eq!(f.categories.iter().map(|c| c.1).collect::<Vec<_>>(), [2, 1, 2, 1, 1]);
        assert_eq!(f.actors[0], ("az".to_string(), 3));
        assert_eq!(f.places, [("baku".to_string(), 3), ("ankara".to_string(), 2)]);
        let s = ViewState { q: "baku".into(), from: date("2025"), ..ViewState::default() };
        let f = x.facets(&s);
        assert_eq!(f.categories.iter().map(|c| c.1).collect::<Vec<_>>(), [0, 0, 2, 1, 0]);
        assert_eq!(f.places, [("baku".to_string(), 2), ("ankara".to_string(), 0)]);
        // A selected place still shows the other place's count.
        let s = ViewState { place: strings(&["baku"]), ..ViewState::default() };
        assert_eq!(x.facets(&s).places, [("baku".to_string(), 3), ("ankara".to_string(), 2)]);
        assert_eq!(x.facets(&s).actors[0], ("az".to_string(), 2));
    }

    #[test]
    fn facet_counts_match_filtering_with_that_facet_cleared() {
        let d = dataset();
        let x = FilterIndex::new(&d);
        let s = ViewState {
            q: "a".into(),
            cat: set(&[Category::Diplomacy, Category::Energy]),
            actor: strings(&["az", "tr"]),
            tag: strings(&["peace", "gas", "rail"]),
            from: date("2025-10"),
            ..ViewState::default()
        };
        let f = x.facets(&s);
        let without_actor = x.filter(&ViewState { actor: ValueSet::new(), ..s.clone() });
        for (id, n) in &f.actors {
            assert_eq!(
                *n,
                without_actor.iter().filter(|&&i| d.events[i].actors.contains(id)).count(),
                "{id}"
            );
        }
        let without_cat = x.filter(&ViewState { cat: ValueSet::new(), ..s.clone() });
        for (c, n) in &f.categories {
            assert_eq!(
                *n,
                without_cat.iter().filter(|&&i| d.events[i].categories.contains(c)).count(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn a_hundred_thousand_events_are_filtered_and_counted_by_every_facet() {
        let base = dataset();
        let mut d = base.clone();
        d.events = (0..100_000)
            .map(|i| {
                let mut e = base.events[i % base.events.len()].clone();
                e.id = format!("e{i}");
                e
            })
            .collect();
        d.events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let x = FilterIndex::new(&d);
        let s = ViewState {
            q: "baku rail".into(),
            cat: set(&[Category::Transport]),
            actor: strings(&["az"]),
            from: date("2025"),
            ..ViewState::default()
        };
        let r = x.filter(&s);
        let f = x.facets(&s);
        assert_eq!(r.len(), 100_000 / 6 + usize::from(100_000 % 6 > 4));
        assert_eq!(f.categories[3].1, r.len());
    }

    #[test]
    fn reading_in_order_steps_to_the_nearest_filtered_event_on_either_side_and_stops_at_the_ends() {
        let filtered = [2, 5, 9];
        assert_eq!(reading_neighbours(&filtered, 5), (Some(2), Some(9)));
        assert_eq!(reading_neighbours(&filtered, 2), (None, Some(5)));
        assert_eq!(reading_neighbours(&filtered, 9), (Some(5), None));
        assert_eq!(reading_position(&filtered, 9), Some(3));
        // An event the filters hide steps to the passing events around its date.
        assert_eq!(reading_neighbours(&filtered, 6), (Some(5), Some(9)));
        assert_eq!(reading_neighbours(&filtered, 0), (None, Some(2)));
        assert_eq!(reading_position(&filtered, 6), None);
        assert_eq!(reading_neighbours(&[], 3), (None, None));
        assert_eq!(reading_neighbours(&[3], 3), (None, None));
    }
}
