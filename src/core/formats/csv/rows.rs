//! A sheet's rows as events, and TimelineJS3's era rows as periods: each row read on its own,
//! checked as the dataset's validation checks an event or a period, and skipped with the cell
//! to blame when it cannot be read.

use super::dates::{month_from_name, parse_date, DateOrder};
use super::header::{Field, Shape};
use super::{CellProblem, Dropped, Notice, MAX_LISTED};
use crate::core::dataset::date::{DateError, PartialDate};
use crate::core::dataset::media::{MediaInfo, MediaKind};
use crate::core::dataset::model::{
    Actor, ActorKind, Category, Confidence, Dataset, Event, Media, Period, Place, Source, Tag, Text,
};
use crate::core::dataset::validate::{
    is_media_url, short, validate, DatasetError, ProblemKind, Problems, MAX_DATE_TEXT_CHARS, MAX_REPORTED,
    MAX_URL_BYTES,
};
use crate::core::formats::timelinejs::{category_for, date_text, html_to_text, slug};
use crate::core::util::hashing::{FastMap, FastSet};
use csv::StringRecord;

/// A problem with a row: the field whose column is to blame (if any) and what is wrong.
type RowProblem = (Option<Field>, ProblemKind);

/// The longest title made from the start of a summary, in chars.
const TITLE_FROM_SUMMARY: usize = 80;

/// The ids given so far to events, or to periods.
#[derive(Default)]
struct Ids {
    taken: FastSet<String>,
    /// The next suffix to try for a generated id's base.
    suffixes: FastMap<String, usize>,
}

impl Ids {
    /// The id given, or one made from the title (`fallback` for a title without letters or
    /// digits), with `-2`, `-3`, … when it is taken; `None` when the given id is taken.
    fn new_id(&mut self, given: &str, title: &str, fallback: &str) -> Option<String> {
        let given = given.trim();
        if !given.is_empty() {
            return Some(given.to_string()).filter(|g| !self.taken.contains(g));
        }
        let base = Some(slug(title)).filter(|s| !s.is_empty()).unwrap_or_else(|| fallback.into());
        if !self.taken.contains(&base) {
            return Some(base);
        }
        let next = self.suffixes.entry(base.clone()).or_insert(2);
        while self.taken.contains(&format!("{base}-{next}")) {
            *next += 1;
        }
        Some(format!("{base}-{next}"))
    }
}

/// The rows of one sheet as they are read.
pub(super) struct Sheet<'a> {
    shape: Shape,
    columns: &'a [Option<Field>],
    order: DateOrder,
    origin: Option<&'a str>,
    ids: Ids,
    /// The periods era rows became, and their ids.
    periods: Vec<Period>,
    period_ids: Ids,
    actors: Vec<Actor>,
    actor_ids: FastSet<String>,
    /// The tags groups became, named as each group was first written.
    group_tags: Vec<Tag>,
    tag_ids: FastSet<String>,
    title: Option<Text>,
    description: Option<Text>,
    /// Rows with media not kept, times of day, backgrounds (see [`Sheet::keep`]).
    dropped: [usize; 3],
    /// Whether the row last made into an event had media (or its thumbnail) that was not kept.
    media_dropped: bool,
    skipped: usize,
    problems: Vec<CellProblem>,
}

fn both(s: &str) -> Text {
    Text { de: s.to_string(), en: s.to_string() }
}

/// A cell as written, without the `'` that keeps a spreadsheet from reading it as a formula
/// (the export writes `'=…`, `'+…`, `'-…`, `'@…`, and `''=…` for a text that was `'=…`).
fn unescaped(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// The host of an http(s) URL, without `www.`: a source's publisher.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let h = rest[..end].rsplit('@').next().unwrap_or("");
    h.strip_prefix("www.").unwrap_or(h).to_string()
}

fn unknown(cell: &str) -> ProblemKind {
    ProblemKind::UnknownValue(short(cell.trim()))
}

/// A whole number in a TimelineJS date cell, or a month's name in the month cell.
fn date_part(cell: &str, month: bool) -> Result<Option<i64>, ProblemKind> {
    let c = cell.trim();
    if c.is_empty() {
        return Ok(None);
    }
    if let Ok(n) = c.parse::<i64>() {
        return Ok(Some(n));
    }
    match month.then(|| month_from_name(c)).flatten() {
        Some(m) => Ok(Some(m.into())),
        None => Err(ProblemKind::NotAWholeNumber),
    }
}

impl<'a> Sheet<'a> {
    pub(super) fn new(
        shape: Shape,
        columns: &'a [Option<Field>],
        order: DateOrder,
        origin: Option<&'a str>,
    ) -> Self {
        Sheet {
            shape,
            columns,
            order,
            origin,
            ids: Ids::default(),
            periods: Vec::new(),
            period_ids: Ids::default(),
            actors: Vec::new(),
            actor_ids: FastSet::default(),
            group_tags: Vec::new(),
            tag_ids: FastSet::default(),
            title: None,
            description: None,
            dropped: [0; 3],
            media_dropped: false,
            skipped: 0,
            problems: Vec::new(),
        }
    }

    fn column(&self, f: Field) -> Option<usize> {
        self.columns.iter().position(|&c| c == Some(f))
    }

    fn has(&self, f: Field) -> bool {
        self.column(f).is_some()
    }

    /// The rows after the header (row 2 onwards) as a validated dataset, the notices, and the
    /// problems of the rows skipped (the first [`MAX_LISTED`]). Era rows are the periods.
    pub(super) fn read(
        &mut self,
        rows: &[StringRecord],
    ) -> Result<(Dataset, Vec<Notice>, Vec<CellProblem>), DatasetError> {
        let mut events = Vec::with_capacity(rows.len());
        for (i, record) in rows.iter().enumerate() {
            let row = i + 2;
            match self.row(record) {
                Ok(Some(e)) => events.push(e),
                Ok(None) => {}
                Err((field, kind)) => {
                    self.skipped += 1;
                    if self.problems.len() < MAX_LISTED {
                        let column = field.and_then(|f| self.column(f));
                        self.problems.push(CellProblem { row, column, kind });
                    }
                }
            }
        }
        if events.is_empty() && self.periods.is_empty() && self.skipped > 0 {
            return Err(self.nothing_read());
        }
        let mut tags = std::mem::take(&mut self.group_tags);
        if !tags.is_empty() {
            // With a tag table every tag needs a name: those from a tags column are their slugs.
            let named: FastSet<String> = tags.iter().map(|t| t.id.clone()).collect();
            let mut others: Vec<&String> =
                events.iter().flat_map(|e| e.tags.iter()).filter(|t| !named.contains(*t)).collect();
            others.sort();
            others.dedup();
            tags.extend(others.into_iter().map(|t| Tag { id: t.clone(), name: both(t) }));
        }
        let dataset = validate(Dataset {
            title: self
                .title
                .take()
                .unwrap_or_else(|| Text { de: "Zeitleiste".into(), en: "Timeline".into() }),
            actors: std::mem::take(&mut self.actors),
            events,
            description: self.description.take(),
            view: None,
            tags: Some(tags).filter(|t| !t.is_empty()),
            periods: Some(std::mem::take(&mut self.periods)).filter(|p| !p.is_empty()),
        })?;
        let notices = self.notices();
        Ok((dataset, notices, std::mem::take(&mut self.problems)))
    }

    /// The error for a sheet none of whose rows could be read: its cells' problems.
    fn nothing_read(&self) -> DatasetError {
        let mut p = Problems::default();
        for c in &self.problems {
            let at = c.column.map_or_else(|| c.row.to_string(), |col| super::cell_name(c.row, col));
            p.push(None, None, at, c.kind.clone());
        }
        let mut e = p.into_result(()).unwrap_err();
        e.total = self.skipped;
        e
    }

    fn notices(&mut self) -> Vec<Notice> {
        let mut out = Vec::new();
        if self.skipped > 0 {
            out.push(Notice::RowsSkipped {
                count: self.skipped,
                problems: self.problems.iter().take(MAX_REPORTED).cloned().collect(),
            });
        }
        let kinds = [Dropped::Media, Dropped::Times, Dropped::Backgrounds];
        for (what, count) in kinds.into_iter().zip(self.dropped) {
            if count > 0 {
                out.push(Notice::NotShown { what, count });
            }
        }
        out
    }

    /// One row: an event, or nothing (a blank row, TimelineJS's title row, and its era rows,
    /// which are kept as periods).
    fn row(&mut self, r: &StringRecord) -> Result<Option<Event>, RowProblem> {
        if r.iter().all(|c| c.trim().is_empty()) {
            return Ok(None);
        }
        let cols = self.columns;
        let cell = |f: Field| get(cols, r, f);
        if self.shape == Shape::TimelineJs {
            let kind: String =
                cell(Field::Type).trim().chars().map(crate::core::query::search::lower).collect();
            if kind == "title" {
                let headline = html_to_text(cell(Field::Title));
                let text = html_to_text(cell(Field::Summary));
                self.title = Some(both(&headline)).filter(|_| !headline.is_empty()).or(self.title.take());
                self.description = Some(both(&text)).filter(|_| !text.is_empty()).or(self.description.take());
                return Ok(None);
            }
            if kind == "era" {
                let period = self.period(r)?;
                self.period_ids.taken.insert(period.id.clone());
                self.periods.push(period);
                return Ok(None);
            }
        }
        let event = self.event(r)?;
        let event = self.checked(event)?;
        self.keep(r, &event);
        Ok(Some(event))
    }

    /// Counts what the row has that the dataset cannot show, and takes its id, actors and tags.
    fn keep(&mut self, r: &StringRecord, e: &Event) {
        let filled =
            |f: Field| self.columns.iter().zip(r.iter()).any(|(&c, v)| c == Some(f) && !v.trim().is_empty());
        let counts =
            [self.media_dropped, filled(Field::Time) || filled(Field::EndTime), filled(Field::Background)];
        for (k, on) in counts.into_iter().enumerate() {
            self.dropped[k] += usize::from(on);
        }
        self.ids.taken.insert(e.id.clone());
        for a in &e.actors {
            if self.actor_ids.insert(a.clone()) {
                self.actors.push(actor(a));
            }
        }
    }

    /// The row as an event, before validation.
    fn event(&mut self, r: &StringRecord) -> Result<Event, RowProblem> {
        let cols = self.columns;
        let cell = |f: Field| get(cols, r, f);
        let (date, end) = self.dates(r)?;
        let (title, summary) = self.texts(cell(Field::Title), cell(Field::Summary))?;
        let media = self.media(r, &title);
        let id = self
            .ids
            .new_id(cell(Field::Id), &title, "event")
            .ok_or((Some(Field::Id), ProblemKind::DuplicateId))?;
        let group = cell(Field::Group).trim();
        let mut categories = categories(cell(Field::Categories)).map_err(|k| (Some(Field::Categories), k))?;
        if !group.is_empty() || (categories.is_empty() && self.shape != Shape::Own) {
            let c = category_for(group).unwrap_or(Category::Analysis);
            if !categories.contains(&c) {
                categories.push(c);
            }
        }
        let mut tags: Vec<String> = cell(Field::Tags).split_whitespace().map(str::to_string).collect();
        let group_tag = slug(group);
        if !group_tag.is_empty() {
            if self.tag_ids.insert(group_tag.clone()) {
                self.group_tags.push(Tag { id: group_tag.clone(), name: both(group) });
            }
            if !tags.contains(&group_tag) {
                tags.push(group_tag);
            }
        }
        Ok(Event {
            id,
            date,
            end,
            approximate: flag(cell(Field::Approximate))
                .ok_or_else(|| (Some(Field::Approximate), unknown(cell(Field::Approximate))))?,
            title: both(&title),
            summary: both(&summary),
            actors: cell(Field::Actors).split_whitespace().map(str::to_string).collect(),
            categories,
            tags,
            place: self.place(r)?,
            sources: self.sources(cell(Field::Sources), cell(Field::Link))?,
            related: Vec::new(),
            confidence: confidence(cell(Field::Confidence))
                .ok_or_else(|| (Some(Field::Confidence), unknown(cell(Field::Confidence))))?,
            date_text: self.date_text(cell(Field::DisplayDate)),
            media,
        })
    }

    /// An era row as a period: the title as an event's (the headline, or else the text's first
    /// words; a row with neither is skipped) in both languages, an id given or made from it as
    /// an event's, the start and end at their precision (without an end it lasts its start).
    /// TimelineJS3's eras have no group, and the period no category.
    fn period(&mut self, r: &StringRecord) -> Result<Period, RowProblem> {
        let cols = self.columns;
        let cell = |f: Field| get(cols, r, f);
        let (from, to) = self.dates(r)?;
        let (title, _) = self.texts(cell(Field::Title), cell(Field::Summary))?;
        let given = cell(Field::Id);
        let id = self
            .period_ids
            .new_id(given, &title, "period")
            .ok_or_else(|| (Some(Field::Id), ProblemKind::DuplicatePeriod(short(given.trim()))))?;
        let period = Period { id, title: both(&title), from, to: to.unwrap_or(from), category: None };
        let one = Dataset { title: both("-"), periods: Some(vec![period]), ..Dataset::default() };
        match validate(one) {
            Ok(d) => d.periods.and_then(|mut p| p.pop()).ok_or((None, ProblemKind::Missing)),
            Err(err) => match err.problems.into_iter().next() {
                // `periods[0].title.en` is the period's `title.en`.
                Some(p) => Err((self.field_of(p.field.split_once("].").map_or("", |(_, f)| f)), p.kind)),
                None => Err((None, ProblemKind::Missing)),
            },
        }
    }

    /// The display-date cell as the event's `date_text`, the same in both languages, as the
    /// TimelineJS3 JSON import reads `display_date` (markup reduced to text in TimelineJS3's
    /// sheet, white space collapsed in other sheets, a text too long cut and marked); `None`
    /// when blank. In the project's own columns it is read as written, as their title and
    /// summary are, so that what the CSV export wrote reads back the same.
    fn date_text(&self, cell: &str) -> Option<Text> {
        let text = match self.shape {
            Shape::TimelineJs => html_to_text(cell),
            Shape::Sheet => cell.split_whitespace().collect::<Vec<_>>().join(" "),
            Shape::Own if cell.chars().nth(MAX_DATE_TEXT_CHARS).is_none() => {
                return Some(both(cell)).filter(|_| !cell.trim().is_empty());
            }
            Shape::Own => cell.to_string(),
        };
        date_text(&text)
    }

    /// The row's media: its address (http(s) or a path relative to the sheet), caption and
    /// credit (markup reduced to text in TimelineJS3's sheet) and thumbnail; an image described
    /// by its caption, or else the title. Media or a thumbnail whose address is not one is not
    /// kept, and `media_dropped` says so.
    fn media(&mut self, r: &StringRecord, title: &str) -> Option<Media> {
        let cols = self.columns;
        let cell = |f: Field| get(cols, r, f).trim();
        let address = |s: &str| Some(s.to_string()).filter(|u| is_media_url(u) && u.len() <= MAX_URL_BYTES);
        let (url, thumb) = (cell(Field::Media), cell(Field::MediaThumbnail));
        let kept = address(url);
        let thumbnail = address(thumb);
        self.media_dropped = (!url.is_empty() && kept.is_none())
            || (kept.is_some() && !thumb.is_empty() && thumbnail.is_none());
        let url = kept?;
        let text = |f: Field| Some(html_to_text(cell(f))).filter(|t| !t.is_empty()).map(|t| both(&t));
        let caption = text(Field::MediaCaption);
        let alt = (MediaInfo::of(&url).kind == MediaKind::Image)
            .then(|| caption.clone().unwrap_or_else(|| both(title)));
        Some(Media { url, alt, caption, credit: text(Field::MediaCredit), link: None, thumbnail })
    }

    /// The start (required) and the end, from one cell each or from TimelineJS's parts.
    fn dates(&self, r: &StringRecord) -> Result<(PartialDate, Option<PartialDate>), RowProblem> {
        let cols = self.columns;
        let cell = |f: Field| get(cols, r, f);
        let (start, end) = if self.shape == Shape::TimelineJs {
            let start = parts(
                cell(Field::Year),
                cell(Field::Month),
                cell(Field::Day),
                [Field::Year, Field::Month, Field::Day],
            )?;
            let end = parts(
                cell(Field::EndYear),
                cell(Field::EndMonth),
                cell(Field::EndDay),
                [Field::EndYear, Field::EndMonth, Field::EndDay],
            )?;
            (start.ok_or((Some(Field::Year), ProblemKind::Missing))?, end)
        } else {
            let one = |f: Field| {
                let c = cell(f);
                if c.trim().is_empty() {
                    return Ok(None);
                }
                parse_date(c, self.order)
                    .map(Some)
                    .map_err(|error| (Some(f), ProblemKind::InvalidDate { value: short(c.trim()), error }))
            };
            (one(Field::Date)?.ok_or((Some(Field::Date), ProblemKind::Missing))?, one(Field::End)?)
        };
        let end_field = if self.shape == Shape::TimelineJs { Field::EndYear } else { Field::End };
        match end {
            Some(e) if e.end_day_exclusive() <= start.start_day() => {
                Err((Some(end_field), ProblemKind::EndBeforeStart { end: e, start }))
            }
            _ => Ok((start, end)),
        }
    }

    /// The title and summary: either stands in for the other when empty (a title made from the
    /// summary's first words); a row with neither is skipped.
    fn texts(&self, title: &str, summary: &str) -> Result<(String, String), RowProblem> {
        let read = |s: &str| match self.shape {
            Shape::TimelineJs => html_to_text(s),
            Shape::Own => s.to_string(),
            Shape::Sheet => s.trim().to_string(),
        };
        let (title, summary) = (read(title), read(summary));
        match (title.trim().is_empty(), summary.trim().is_empty()) {
            (true, true) => Err((Some(Field::Title), ProblemKind::Missing)),
            (false, true) => Ok((title.clone(), title)),
            (true, false) => Ok((title_from(&summary), summary)),
            (false, false) => Ok((title, summary)),
        }
    }

    fn place(&self, r: &StringRecord) -> Result<Option<Place>, RowProblem> {
        let cols = self.columns;
        let cell = |f: Field| get(cols, r, f);
        let name = cell(Field::Place);
        if name.trim().is_empty() {
            return Ok(None);
        }
        let number = |f: Field| {
            let c = cell(f).trim();
            if c.is_empty() {
                return Ok(None);
            }
            let dotted = if c.contains('.') { c.to_string() } else { c.replace(',', ".") };
            dotted.parse::<f64>().ok().filter(|v| v.is_finite()).map(Some).ok_or((Some(f), unknown(c)))
        };
        let id = Some(slug(name)).filter(|s| !s.is_empty()).unwrap_or_else(|| "place".into());
        Ok(Some(Place { id, name: both(name), lat: number(Field::Lat)?, lon: number(Field::Lon)? }))
    }

    /// The links of the sources column and the link column; without any, the sheet itself
    /// (where it came from), or for a TimelineJS3 sheet TimelineJS, as its JSON import does.
    fn sources(&self, links: &str, link: &str) -> Result<Vec<Source>, RowProblem> {
        let named = Text {
            de: "In der Tabelle genannte Quelle".into(),
            en: "Source named in the spreadsheet".into(),
        };
        let mut out: Vec<Source> = links
            .split_whitespace()
            .chain(Some(link.trim()).filter(|l| !l.is_empty()))
            .map(|url| Source {
                title: None,
                publisher: host(url),
                url: url.to_string(),
                date: None,
                lang: None,
                about: Some(named.clone()),
                kind: None,
            })
            .collect();
        if out.is_empty() {
            let (url, about) =
                match (self.origin.filter(|o| crate::core::dataset::validate::is_http_url(o)), self.shape) {
                    (Some(origin), _) => (
                        origin,
                        Text {
                            de: "Die Tabelle, aus der diese Zeitleiste stammt".into(),
                            en: "The spreadsheet this timeline was made from".into(),
                        },
                    ),
                    (None, Shape::TimelineJs) => (
                        "https://timeline.knightlab.com/",
                        Text {
                            de: "Aus einer TimelineJS3-Tabelle übernommen".into(),
                            en: "Imported from a TimelineJS3 sheet".into(),
                        },
                    ),
                    (None, _) => {
                        let f = if self.has(Field::Link) { Field::Link } else { Field::Sources };
                        return Err((Some(f), ProblemKind::NoSource));
                    }
                };
            out.push(Source {
                title: None,
                publisher: host(url),
                url: url.into(),
                date: None,
                lang: None,
                about: Some(about),
                kind: None,
            });
        }
        Ok(out)
    }

    /// The event as validation checks it (with the actors it names), or the field to blame.
    fn checked(&self, e: Event) -> Result<Event, RowProblem> {
        let actors = e.actors.iter().map(|a| actor(a)).collect();
        let one = Dataset { title: both("-"), actors, events: vec![e], ..Dataset::default() };
        match validate(one) {
            Ok(mut d) => d.events.pop().ok_or((None, ProblemKind::Missing)),
            Err(err) => match err.problems.into_iter().next() {
                Some(p) => Err((self.field_of(&p.field), p.kind)),
                None => Err((None, ProblemKind::Missing)),
            },
        }
    }

    /// The column's field to blame for a problem at a field of the event (or of the period).
    fn field_of(&self, path: &str) -> Option<Field> {
        let first = |fs: &[Field]| fs.iter().copied().find(|&f| self.has(f));
        let name = path.split(['.', '[']).next().unwrap_or("");
        match name {
            "id" => first(&[Field::Id, Field::Title]),
            "date" | "from" => first(&[Field::Date, Field::Year]),
            "end" | "to" => first(&[Field::End, Field::EndYear]),
            "title" => first(&[Field::Title, Field::Summary]),
            "summary" => first(&[Field::Summary, Field::Title]),
            "actors" => first(&[Field::Actors]),
            "categories" => first(&[Field::Categories, Field::Group]),
            "tags" => first(&[Field::Tags, Field::Group]),
            "place" if path.contains(".lat") => first(&[Field::Lat]),
            "place" if path.contains(".lon") => first(&[Field::Lon]),
            "place" => first(&[Field::Place]),
            "sources" => first(&[Field::Sources, Field::Link]),
            "date_text" => first(&[Field::DisplayDate]),
            _ => None,
        }
    }
}

/// The cell of `r` in the column that holds `f` (empty when there is none), without the `'`
/// that kept it from being read as a formula.
fn get<'r>(columns: &[Option<Field>], r: &'r StringRecord, f: Field) -> &'r str {
    unescaped(columns.iter().position(|&c| c == Some(f)).and_then(|c| r.get(c)).unwrap_or(""))
}

/// A table entry for an actor id the sheet names: a state when it is a two-letter country
/// code (as the schema has them), else an organisation, named by its id.
fn actor(id: &str) -> Actor {
    let state = id.len() == 2 && id.bytes().all(|b| b.is_ascii_lowercase());
    Actor {
        id: id.to_string(),
        kind: if state { ActorKind::State } else { ActorKind::Organisation },
        name: both(id),
    }
}

/// The title made from a summary: its first words up to [`TITLE_FROM_SUMMARY`] chars.
fn title_from(summary: &str) -> String {
    let s = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= TITLE_FROM_SUMMARY {
        return s;
    }
    let cut: String = s.chars().take(TITLE_FROM_SUMMARY).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > TITLE_FROM_SUMMARY / 2).map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word}…")
}

/// Category codes (or their German names) separated by spaces, as written (a code written
/// twice stays twice, as the dataset had it).
fn categories(cell: &str) -> Result<Vec<Category>, ProblemKind> {
    let mut out = Vec::new();
    for word in cell.split_whitespace() {
        out.push(category_for(word).ok_or_else(|| unknown(word))?);
    }
    Ok(out)
}

fn flag(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "nein" | "0" | "falsch" => Some(false),
        "true" | "yes" | "ja" | "1" | "wahr" | "x" => Some(true),
        _ => None,
    }
}

fn confidence(cell: &str) -> Option<Confidence> {
    match cell.trim().to_lowercase().as_str() {
        "" | "per-article" | "laut artikel" => Some(Confidence::PerArticle),
        "confirmed" | "bestätigt" => Some(Confidence::Confirmed),
        _ => None,
    }
}

/// A TimelineJS date from its year, month and day cells (`None` when the year is empty); on
/// error the cell's field to blame.
fn parts(y: &str, m: &str, d: &str, fields: [Field; 3]) -> Result<Option<PartialDate>, RowProblem> {
    let [fy, fm, fd] = fields;
    let year = date_part(y, false).map_err(|k| (Some(fy), k))?;
    let month = date_part(m, true).map_err(|k| (Some(fm), k))?;
    let day = date_part(d, false).map_err(|k| (Some(fd), k))?;
    let Some(year) = year else {
        return match (month, day) {
            (None, None) => Ok(None),
            _ => Err((Some(fy), ProblemKind::Missing)),
        };
    };
    let invalid =
        |f: Field, error: DateError| (Some(f), ProblemKind::InvalidDateParts { error, year, month, day });
    // The sheet's years are TimelineJS years: shown to the reader as TimelineJS shows them.
    let y = crate::core::formats::timelinejs::astronomical_year(year);
    let fit = |f: Field, n: i64| u32::try_from(n).map_err(|_| invalid(f, DateError::NoSuchDate));
    let date = match (month, day) {
        (Some(m), Some(d)) => PartialDate::day(y, fit(fm, m)?, fit(fd, d)?),
        (Some(m), None) => PartialDate::month(y, fit(fm, m)?),
        (None, Some(_)) => return Err((Some(fm), ProblemKind::DayWithoutMonth)),
        (None, None) => PartialDate::year(y),
    };
    date.map(Some).map_err(|e| {
        let f = match (&e, month) {
            (DateError::YearOutOfRange, _) => fy,
            (DateError::YearOnly, _) => fm,
            (_, Some(m)) if !(1..=12).contains(&m) => fm,
            _ => fd,
        };
        invalid(f, e)
    })
}
