//! A loaded dataset with everything derived from it once: the filter indexes, the set of
//! known ids for URL sanitising, and the items the layout places.

use crate::core::dataset::media::resolve_media;
use crate::core::dataset::model::{Dataset, Lang};
use crate::core::formats::embedded::EMBEDDED_JSON;
use crate::core::formats::read::{read_text_noted, LoadFailure};
use crate::core::formats::stream::DatasetStream;
use crate::core::layout::scene::{label_px, Frame, MAX_ROWS};
use crate::core::layout::stack::Item;
use crate::core::query::filter::{FacetCounts, FilterIndex};
use crate::core::query::urlstate::{decode, encode, sanitize, Ignored, Known, WHOLE_PERIOD};
use crate::core::query::viewstate::{Group, ViewState};
use std::borrow::Cow;
use std::sync::Arc;

/// The text a dataset was read from, in the parts it arrived in, and the address its relative
/// media paths resolve against. The widget keeps it for the exports: the import module writes
/// them from it ([`Source::read`] gives it the same dataset), so that the reader's bundle holds
/// no writers.
#[derive(Clone, Debug, Default)]
pub struct Source {
    pub parts: Vec<Cow<'static, str>>,
    pub base: Option<String>,
}

impl Source {
    /// The dataset this text gives, read as the widget read it (media paths resolved).
    pub fn read(&self) -> Result<Dataset, LoadFailure> {
        let text = self.parts.concat();
        let (mut d, _) = read_text_noted(text.strip_prefix('\u{feff}').unwrap_or(&text))?;
        self.resolve(&mut d);
        Ok(d)
    }

    /// Resolves the media paths of `d` against the address the text came from, if it has one.
    fn resolve(&self, d: &mut Dataset) {
        if let Some(base) = &self.base {
            resolve_media(&mut d.events, base);
        }
    }
}

/// A validated dataset and its indexes, shared by every component of one widget.
pub struct LoadedDataset {
    pub dataset: Dataset,
    pub filter_index: FilterIndex,
    /// One layout item per event, in date order (same indices as `dataset.events`).
    pub items: Vec<Item>,
    /// Each place's name (from the first event that has it) by the number the filter index interned
    /// its id as; looked up on every facet render.
    place_names: Vec<Option<crate::core::dataset::model::Text>>,
    /// What it was read from (empty for a dataset made in code).
    pub source: Source,
}

impl LoadedDataset {
    pub fn new(dataset: Dataset) -> LoadedDataset {
        // The search texts wait for the first search or for the widget's first frame, whichever
        // comes first (see `index_texts`).
        let filter_index = FilterIndex::without_texts(&dataset);
        let items = (0..dataset.events.len())
            .map(|i| {
                let (start, end) = filter_index.days_of(i);
                let title = &dataset.events[i].title;
                // The wider of the two languages: switching language does not move the boxes.
                let px = label_px(&title.en).max(label_px(&title.de));
                Item { label_px: px, ..Item::new(i, start as f64, end as f64) }
            })
            .collect();
        let mut place_names = vec![None; filter_index.place_count()];
        for (i, e) in dataset.events.iter().enumerate() {
            if let (Some(k), Some(p)) = (filter_index.place_of(i), &e.place) {
                place_names[k as usize].get_or_insert_with(|| p.name.clone());
            }
        }
        LoadedDataset { dataset, filter_index, items, place_names, source: Source::default() }
    }

    /// Makes the filter index's search texts (once): a search needs them, and the widget makes them
    /// after its first frame, so that a reader's first keystroke does not wait for them.
    pub fn index_texts(&self) {
        self.filter_index.index_texts(&self.dataset);
    }

    /// The events that pass `state`'s filters and the facet counts (see
    /// [`FilterIndex::filter_and_facets`]), the search texts made first when there is a search.
    pub fn filter_and_facets(&self, state: &ViewState) -> (Vec<usize>, FacetCounts) {
        self.filter_index_for(state).filter_and_facets(state)
    }

    /// The events that pass `state`'s filters (see [`FilterIndex::filter`]).
    pub fn filter(&self, state: &ViewState) -> Vec<usize> {
        self.filter_index_for(state).filter(state)
    }

    /// The filter index, with its search texts made if `state` searches.
    fn filter_index_for(&self, state: &ViewState) -> &FilterIndex {
        if !state.q.is_empty() {
            self.index_texts();
        }
        &self.filter_index
    }

    /// The built-in dataset, as compiled in (natively; the widget fetches it, see
    /// [`crate::core::formats::embedded`]).
    pub fn embedded() -> Result<Arc<LoadedDataset>, LoadFailure> {
        let source = Source { parts: vec![Cow::Borrowed(EMBEDDED_JSON)], base: None };
        read_text_noted(EMBEDDED_JSON).map(|(d, _)| Self::kept(d, source))
    }

    /// A dataset in the project's schema, or in TimelineJS3's JSON format natively (the reader's
    /// bundle hands that to the import module: see [`read_text_noted`]).
    pub fn from_json(text: &str) -> Result<Arc<LoadedDataset>, LoadFailure> {
        Self::from_text(text.to_string(), None)
    }

    /// Like [`LoadedDataset::from_json`], for a text handed over (kept as it is, not copied) that
    /// came from `base` when given: media paths relative to it resolve against it.
    pub fn from_text(text: String, base: Option<&str>) -> Result<Arc<LoadedDataset>, LoadFailure> {
        let (d, _) = read_text_noted(&text)?;
        Ok(Self::at(d, Source { parts: vec![Cow::Owned(text)], base: base.map(str::to_string) }))
    }

    /// The loaded dataset `d`, read from `source`.
    fn kept(d: Dataset, source: Source) -> Arc<LoadedDataset> {
        Arc::new(LoadedDataset { source, ..LoadedDataset::new(d) })
    }

    /// A dataset read from `source`, which names its address: its media paths resolved.
    #[inline(never)]
    fn at(mut d: Dataset, source: Source) -> Arc<LoadedDataset> {
        source.resolve(&mut d);
        Self::kept(d, source)
    }

    /// A dataset read while it downloaded (see [`DatasetStream`]), once every byte is in;
    /// `base` is the address it came from, against which media paths relative to it resolve.
    pub fn from_stream(stream: DatasetStream, base: &str) -> Result<Arc<LoadedDataset>, LoadFailure> {
        stream.finish_kept().map(|(d, _, parts)| {
            let parts = parts.into_iter().map(Cow::Owned).collect();
            Self::at(d, Source { parts, base: Some(base.to_string()) })
        })
    }

    /// What the timeline's scene is drawn from: these filtered events, grouped into lanes by
    /// `group`, `width_px` wide.
    pub fn frame<'a>(&'a self, filtered: &'a [usize], group: Group, width_px: f64) -> Frame<'a> {
        Frame {
            dataset: &self.dataset,
            items: &self.items,
            filtered,
            filter_index: &self.filter_index,
            group,
            width_px,
            max_rows: MAX_ROWS,
            lanes_px: f64::NAN,
        }
    }

    /// The query string of a view of this dataset: the canonical one ([`encode`]), except that
    /// the default view of a dataset that names an opening view is `span=all` (an empty query
    /// opens on the dataset's view, not on the whole period).
    pub fn query_of(&self, state: &ViewState) -> String {
        let query = encode(state);
        if query.is_empty() && self.dataset.view.is_some() {
            format!("span={WHOLE_PERIOD}")
        } else {
            query
        }
    }

    /// Decodes a query string and drops ids this dataset does not have, reporting each.
    pub fn decode_state(&self, query: &str) -> (ViewState, Vec<Ignored>) {
        let decoded = decode(query);
        let mut state = decoded.state;
        let mut ignored = decoded.ignored;
        ignored.extend(sanitize(&mut state, self));
        (state, ignored)
    }

    /// An actor's name in `lang`, or its id when the table lacks it.
    pub fn actor_name(&self, id: &str, lang: Lang) -> String {
        self.dataset.actor(id).map(|a| a.name.get(lang).to_string()).unwrap_or_else(|| id.to_string())
    }

    /// A place's name in `lang`, from the first event that has it.
    pub fn place_name(&self, id: &str, lang: Lang) -> String {
        let name =
            self.filter_index.place_number(id).and_then(|k| self.place_names.get(k as usize)?.as_ref());
        name.map(|t| t.get(lang).to_string()).unwrap_or_else(|| id.to_string())
    }
}

impl Known for LoadedDataset {
    /// Actors from the actors table; tags and places that events name; event ids.
    fn knows(&self, param: &str, id: &str) -> bool {
        match param {
            "actor" => self.dataset.actor(id).is_some(),
            "tag" => self.filter_index.tag_number(id).is_some(),
            "place" => self.filter_index.place_number(id).is_some(),
            "event" => self.dataset.event_index(id).is_some(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dataset `loaded` shows, and the one its kept source reads back to.
    fn shown_and_reread(loaded: &LoadedDataset) -> (Dataset, Dataset) {
        (loaded.dataset.clone(), loaded.source.read().expect("the source reads"))
    }

    #[test]
    fn every_way_of_loading_keeps_a_source_that_reads_back_to_the_same_dataset() {
        let embedded = LoadedDataset::embedded().unwrap();
        let (shown, reread) = shown_and_reread(&embedded);
        assert_eq!(shown, reread, "embedded");
        assert!(matches!(embedded.source.parts[..], [Cow::Borrowed(_)]), "the embedded text is not copied");

        // A relative image path, which a dataset from an address resolves against it.
        let mut tree: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        tree["events"][0]["media"] =
            serde_json::json!({"url": "img/map.png", "alt": {"de": "Karte", "en": "Map"}});
        let text = tree.to_string();
        let (shown, reread) = shown_and_reread(&LoadedDataset::from_json(&text).unwrap());
        assert_eq!(shown, reread, "inline");
        let at =
            LoadedDataset::from_text(text.clone(), Some("https://example.org/data/events.json")).unwrap();
        let (shown, reread) = shown_and_reread(&at);
        assert_eq!(shown.events[0].media.as_ref().unwrap().url, "https://example.org/data/img/map.png");
        assert_eq!(shown, reread, "from an address");

        // Streamed in small chunks (read as it came), with and without a byte order mark (which
        // makes the stream give up and read the text whole).
        for body in [text.clone().into_bytes(), [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()] {
            let mut stream = DatasetStream::new(None);
            for chunk in body.chunks(97) {
                stream.push(chunk);
            }
            let streamed =
                LoadedDataset::from_stream(stream, "https://example.org/data/events.json").unwrap();
            assert!(
                streamed.source.parts.len() > 1 || body.starts_with(b"\xEF"),
                "kept in the parts it came in"
            );
            let (shown, reread) = shown_and_reread(&streamed);
            assert_eq!(shown, at.dataset, "streamed as read whole");
            assert_eq!(shown, reread, "streamed");
        }
    }

    #[test]
    fn the_whole_period_of_a_dataset_with_an_opening_view_is_written_out_and_read_back() {
        let mut d = crate::core::formats::embedded::embedded_dataset().unwrap();
        assert!(d.view.is_some());
        let with_view = LoadedDataset::new(d.clone());
        let whole = ViewState::default();
        assert_eq!(with_view.query_of(&whole), "span=all");
        let (read, ignored) = with_view.decode_state("span=all");
        assert_eq!((read, ignored), (whole.clone(), Vec::new()));
        let energy = ViewState { q: "oil".into(), ..ViewState::default() };
        assert_eq!(with_view.query_of(&energy), "q=oil");
        d.view = None;
        assert_eq!(LoadedDataset::new(d).query_of(&whole), "");
    }

    #[test]
    fn a_search_finds_event_texts_whether_or_not_they_were_indexed_first() {
        let d = crate::core::formats::embedded::embedded_dataset().unwrap();
        let charter = d.event_index("vance-charter-2026").unwrap();
        // A word of the charter's summary, in a different case, found by the search.
        let word = d.events[charter]
            .summary
            .en
            .split_whitespace()
            .find(|w| w.len() > 8 && w.chars().all(char::is_alphabetic))
            .unwrap()
            .to_uppercase();
        let state = ViewState { q: word.clone(), ..ViewState::default() };
        let fresh = LoadedDataset::new(d.clone());
        let (found, _) = fresh.filter_and_facets(&state);
        assert!(found.contains(&charter), "{word}");
        let indexed = LoadedDataset::new(d.clone());
        indexed.index_texts();
        indexed.index_texts();
        assert_eq!(indexed.filter(&state), found);
        assert_eq!(LoadedDataset::new(d).filter(&state), found);
    }

    #[test]
    fn a_place_is_named_as_its_first_event_names_it_and_its_items_span_the_events_days() {
        let mut d = crate::core::formats::embedded::embedded_dataset().unwrap();
        let with_place: Vec<usize> = (0..d.events.len()).filter(|&i| d.events[i].place.is_some()).collect();
        assert!(with_place.len() >= 3);
        // The second and third events with a place name the first one's place differently.
        let first = d.events[with_place[0]].place.clone().unwrap();
        for &i in &with_place[1..3] {
            let p = d.events[i].place.as_mut().unwrap();
            p.id = first.id.clone();
            p.name.en = format!("Not {}", first.name.en);
        }
        d.events[with_place[1]].place = None;
        let s = LoadedDataset::new(d.clone());
        assert_eq!(s.place_name(&first.id, Lang::En), first.name.en);
        assert_eq!(s.place_name(&first.id, Lang::De), first.name.de);
        assert_eq!(s.place_name("nowhere", Lang::En), "nowhere");
        for (item, e) in s.items.iter().zip(&d.events) {
            assert_eq!((item.start, item.end), (e.start_day() as f64, e.end_day() as f64), "{}", e.id);
        }
    }

    #[test]
    fn timelinejs_files_and_our_own_schema_both_load() {
        let tl = r#"{"events":[{"start_date":{"year":2025,"month":11},"text":{"headline":"A"}}]}"#;
        let s = LoadedDataset::from_json(tl).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.dataset.events[0].date.to_string(), "2025-11");
        assert!(LoadedDataset::embedded().is_ok());
    }

    #[test]
    fn a_broken_dataset_reports_its_own_problems() {
        let Err(LoadFailure::Invalid(err)) = LoadedDataset::from_json(r#"{"events":[{"id":"x"}]}"#) else {
            panic!("expected an invalid dataset")
        };
        assert_eq!(err.problems[0].index, Some(0));
        assert_eq!(err.problems[0].id.as_deref(), Some("x"));
    }

    #[test]
    fn the_session_knows_the_ids_its_dataset_has() {
        let s = LoadedDataset::from_json(
            r#"{"title":{"de":"T","en":"T"},
                "actors":[{"id":"az","kind":"state","name":{"de":"A","en":"A"}},
                          {"id":"kz","kind":"state","name":{"de":"K","en":"K"}}],
                "events":[{"id":"e1","date":"2025-11","title":{"de":"T","en":"T"},"summary":{"de":"S","en":"S"},
                  "actors":["az"],"categories":["energy"],"tags":["tripp"],
                  "place":{"id":"baku","name":{"de":"Baku","en":"Baku"}},
                  "sources":[{"title":"S","publisher":"P","url":"https://example.org"}],"confidence":"confirmed"}]}"#,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        for (param, id) in
            [("actor", "az"), ("actor", "kz"), ("tag", "tripp"), ("place", "baku"), ("event", "e1")]
        {
            assert!(s.knows(param, id), "{param}={id}");
        }
        for (param, id) in
            [("actor", "tripp"), ("tag", "baku"), ("place", "e1"), ("event", "az"), ("cat", "energy")]
        {
            assert!(!s.knows(param, id), "{param}={id}");
        }
    }

    #[test]
    fn decoding_drops_unknown_ids_and_reports_them() {
        let s = LoadedDataset::embedded().unwrap();
        let (state, ignored) = s.decode_state("actor=kz,zz&event=nope&cat=energy");
        assert_eq!(state.actor, ["kz".to_string()].into());
        assert_eq!(state.event, None);
        assert_eq!(ignored.len(), 2);
    }
}
