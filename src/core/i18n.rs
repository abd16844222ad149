//! Every user-visible string, in German and English.
//!
//! UI text is looked up by [`Key`]; the two tables must stay complete (a test checks that no
//! entry is empty and that the languages differ where they should).

use crate::core::dataset::date::{DateError, Precision};
use crate::core::dataset::model::{Category, Confidence, Lang, Relation};
use crate::core::dataset::validate::{
    clip_to, DatasetError, Problem, ProblemKind, DATASET_FIELD, EVENT_FIELD, MAX_MESSAGE_CHARS,
};

/// A user-visible string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Search,
    SearchPlaceholder,
    Filters,
    Categories,
    Actors,
    Tags,
    Places,
    Place,
    DateRange,
    From,
    To,
    DateHint,
    ClearAll,
    View,
    TimelineView,
    ListView,
    Lanes,
    LanesNone,
    LanesCategory,
    LanesActor,
    Language,
    CopyLink,
    LinkCopied,
    CopyFailed,
    Export,
    ExportJson,
    ExportCsv,
    ExportIcs,
    ZoomIn,
    ZoomOut,
    Fit,
    PanEarlier,
    PanLater,
    Close,
    Dismiss,
    Sources,
    Related,
    Confidence,
    Confirmed,
    PerArticle,
    PrecisionDay,
    PrecisionMonth,
    PrecisionYear,
    Approximate,
    RelFollows,
    RelRespondsTo,
    RelContext,
    RelPartOf,
    CatDiplomacy,
    CatMilitary,
    CatEnergy,
    CatTransport,
    CatAnalysis,
    IgnoredHeading,
    LoadFailed,
    InvalidData,
    NetworkFailed,
    Retry,
    Loading,
    NoResults,
    NoneInWindow,
    TimelineLabel,
    ListLabel,
    OverviewLabel,
    TimelineHelp,
    Crashed,
    ReportIt,
    CrashDetails,
    Embed,
    EmbedIframe,
    EmbedElement,
    EmbedHelp,
    Selected,
    Until,
    ShowMore,
    SearchCut,
}

impl Key {
    /// Every key, for completeness checks.
    pub const ALL: &'static [Key] = &[
        Key::Search,
        Key::SearchPlaceholder,
        Key::Filters,
        Key::Categories,
        Key::Actors,
        Key::Tags,
        Key::Places,
        Key::Place,
        Key::DateRange,
        Key::From,
        Key::To,
        Key::DateHint,
        Key::ClearAll,
        Key::View,
        Key::TimelineView,
        Key::ListView,
        Key::Lanes,
        Key::LanesNone,
        Key::LanesCategory,
        Key::LanesActor,
        Key::Language,
        Key::CopyLink,
        Key::LinkCopied,
        Key::CopyFailed,
        Key::Export,
        Key::ExportJson,
        Key::ExportCsv,
        Key::ExportIcs,
        Key::ZoomIn,
        Key::ZoomOut,
        Key::Fit,
        Key::PanEarlier,
        Key::PanLater,
        Key::Close,
        Key::Dismiss,
        Key::Sources,
        Key::Related,
        Key::Confidence,
        Key::Confirmed,
        Key::PerArticle,
        Key::PrecisionDay,
        Key::PrecisionMonth,
        Key::PrecisionYear,
        Key::Approximate,
        Key::RelFollows,
        Key::RelRespondsTo,
        Key::RelContext,
        Key::RelPartOf,
        Key::CatDiplomacy,
        Key::CatMilitary,
        Key::CatEnergy,
        Key::CatTransport,
        Key::CatAnalysis,
        Key::IgnoredHeading,
        Key::LoadFailed,
        Key::InvalidData,
        Key::NetworkFailed,
        Key::Retry,
        Key::Loading,
        Key::NoResults,
        Key::NoneInWindow,
        Key::TimelineLabel,
        Key::ListLabel,
        Key::OverviewLabel,
        Key::TimelineHelp,
        Key::Crashed,
        Key::ReportIt,
        Key::CrashDetails,
        Key::Embed,
        Key::EmbedIframe,
        Key::EmbedElement,
        Key::EmbedHelp,
        Key::Selected,
        Key::Until,
        Key::ShowMore,
        Key::SearchCut,
    ];
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    match lang {
        Lang::En => match key {
            Search => "Search",
            SearchPlaceholder => "Search titles, summaries, actors, places…",
            Filters => "Filters",
            Categories => "Categories",
            Actors => "Actors",
            Tags => "Tags",
            Places => "Places",
            Place => "Place",
            DateRange => "Date range",
            From => "From",
            To => "To",
            DateHint => "YYYY, YYYY-MM or YYYY-MM-DD",
            ClearAll => "Clear all filters",
            View => "View",
            TimelineView => "Timeline",
            ListView => "List",
            Lanes => "Lanes",
            LanesNone => "None",
            LanesCategory => "By category",
            LanesActor => "By actor",
            Language => "Language",
            CopyLink => "Copy link",
            LinkCopied => "Link copied",
            CopyFailed => "Copying failed: select the link and copy it by hand.",
            Export => "Export",
            ExportJson => "JSON",
            ExportCsv => "CSV",
            ExportIcs => "Calendar (.ics)",
            ZoomIn => "Zoom in",
            ZoomOut => "Zoom out",
            Fit => "Show all",
            PanEarlier => "Earlier",
            PanLater => "Later",
            Close => "Close",
            Dismiss => "Dismiss",
            Sources => "Sources",
            Related => "Related events",
            Confidence => "Evidence",
            Confirmed => "Confirmed by a source beyond the article",
            PerArticle => "Only the analysed article says so",
            PrecisionDay => "Date known to the day",
            PrecisionMonth => "Date known only to the month",
            PrecisionYear => "Date known only to the year",
            Approximate => "The date is an estimate",
            RelFollows => "follows",
            RelRespondsTo => "responds to",
            RelContext => "background",
            RelPartOf => "part of",
            CatDiplomacy => "Diplomacy",
            CatMilitary => "Military",
            CatEnergy => "Energy",
            CatTransport => "Transport",
            CatAnalysis => "Analysis",
            IgnoredHeading => "Parts of the link were ignored:",
            LoadFailed => "The timeline's data could not be loaded.",
            InvalidData => "The dataset has errors:",
            NetworkFailed => "The data could not be fetched (network error or missing file).",
            Retry => "Try again",
            Loading => "Loading the timeline…",
            NoResults => "No events match these filters.",
            NoneInWindow => "No events in this time window.",
            TimelineLabel => "Timeline of events",
            ListLabel => "Events in date order",
            OverviewLabel => "Overview of the whole period; drag to move the visible window",
            TimelineHelp => "Arrow keys move between events, Enter opens one, + and − zoom.",
            Crashed => "Something went wrong inside the timeline.",
            ReportIt => "Please reload the page. If it happens again, tell the owner of this page and include the details below.",
            CrashDetails => "Details to report",
            Embed => "Embed",
            EmbedIframe => "Iframe",
            EmbedElement => "Custom element",
            EmbedHelp => "Paste one of these snippets into your page to show this view.",
            Selected => "Selected event",
            Until => "until",
            ShowMore => "Show more events",
            SearchCut => "The search is limited to 200 characters; the rest was left out.",
        },
        Lang::De => match key {
            Search => "Suche",
            SearchPlaceholder => "Titel, Texte, Akteure, Orte durchsuchen…",
            Filters => "Filter",
            Categories => "Kategorien",
            Actors => "Akteure",
            Tags => "Schlagwörter",
            Places => "Orte",
            Place => "Ort",
            DateRange => "Zeitraum",
            From => "Von",
            To => "Bis",
            DateHint => "JJJJ, JJJJ-MM oder JJJJ-MM-TT",
            ClearAll => "Alle Filter zurücksetzen",
            View => "Ansicht",
            TimelineView => "Zeitleiste",
            ListView => "Liste",
            Lanes => "Bahnen",
            LanesNone => "Keine",
            LanesCategory => "Nach Kategorie",
            LanesActor => "Nach Akteur",
            Language => "Sprache",
            CopyLink => "Link kopieren",
            LinkCopied => "Link kopiert",
            CopyFailed => "Kopieren fehlgeschlagen: Link bitte markieren und von Hand kopieren.",
            Export => "Export",
            ExportJson => "JSON",
            ExportCsv => "CSV",
            ExportIcs => "Kalender (.ics)",
            ZoomIn => "Vergrößern",
            ZoomOut => "Verkleinern",
            Fit => "Alles zeigen",
            PanEarlier => "Früher",
            PanLater => "Später",
            Close => "Schließen",
            Dismiss => "Ausblenden",
            Sources => "Quellen",
            Related => "Verwandte Ereignisse",
            Confidence => "Beleglage",
            Confirmed => "Durch eine Quelle außerhalb des Artikels bestätigt",
            PerArticle => "Nur der analysierte Artikel nennt dies",
            PrecisionDay => "Datum tagesgenau bekannt",
            PrecisionMonth => "Datum nur monatsgenau bekannt",
            PrecisionYear => "Datum nur jahresgenau bekannt",
            Approximate => "Das Datum ist geschätzt",
            RelFollows => "folgt auf",
            RelRespondsTo => "reagiert auf",
            RelContext => "Hintergrund",
            RelPartOf => "Teil von",
            CatDiplomacy => "Diplomatie",
            CatMilitary => "Militär",
            CatEnergy => "Energie",
            CatTransport => "Verkehr",
            CatAnalysis => "Analyse",
            IgnoredHeading => "Teile des Links wurden ignoriert:",
            LoadFailed => "Die Daten der Zeitleiste konnten nicht geladen werden.",
            InvalidData => "Der Datensatz enthält Fehler:",
            NetworkFailed => "Die Daten konnten nicht abgerufen werden (Netzwerkfehler oder fehlende Datei).",
            Retry => "Erneut versuchen",
            Loading => "Zeitleiste wird geladen…",
            NoResults => "Keine Ereignisse entsprechen diesen Filtern.",
            NoneInWindow => "Keine Ereignisse in diesem Zeitfenster.",
            TimelineLabel => "Zeitleiste der Ereignisse",
            ListLabel => "Ereignisse in zeitlicher Reihenfolge",
            OverviewLabel => "Übersicht über den ganzen Zeitraum; ziehen verschiebt das sichtbare Fenster",
            TimelineHelp => "Pfeiltasten wechseln zwischen Ereignissen, Enter öffnet eines, + und − zoomen.",
            Crashed => "In der Zeitleiste ist ein Fehler aufgetreten.",
            ReportIt => "Bitte laden Sie die Seite neu. Tritt der Fehler erneut auf, melden Sie ihn bitte dem Betreiber dieser Seite mit den Angaben unten.",
            CrashDetails => "Angaben für die Meldung",
            Embed => "Einbetten",
            EmbedIframe => "Iframe",
            EmbedElement => "Custom Element",
            EmbedHelp => "Einen dieser Schnipsel in die eigene Seite einfügen, um diese Ansicht zu zeigen.",
            Selected => "Ausgewähltes Ereignis",
            Until => "bis",
            ShowMore => "Weitere Ereignisse zeigen",
            SearchCut => "Die Suche ist auf 200 Zeichen begrenzt; der Rest wurde weggelassen.",
        },
    }
}

/// "N of M events", in the UI language.
pub fn count_line(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("{shown} of {total} events"),
        Lang::De => format!("{shown} von {total} Ereignissen"),
    }
}

/// A place's coordinates to two decimals with hemispheres, as written in `lang`:
/// "40.41° N, 49.87° E" or "40,41° N, 49,87° O" (German: decimal comma, O for Ost).
pub fn coordinates(lang: Lang, lat: f64, lon: f64) -> String {
    let num = |v: f64| {
        let s = crate::core::layout::stack::css_len(v.abs(), 2, "");
        if lang == Lang::De {
            s.replace('.', ",")
        } else {
            s
        }
    };
    // The hemisphere of the value as shown: -0.004 is written 0.00° N, not 0.00° S.
    let south_or_west = |v: f64| (v * 100.0).round() < 0.0;
    let ns = if south_or_west(lat) { "S" } else { "N" };
    let ew = match (south_or_west(lon), lang) {
        (true, _) => "W",
        (false, Lang::En) => "E",
        (false, Lang::De) => "O",
    };
    format!("{}° {ns}, {}° {ew}", num(lat), num(lon))
}

/// The label of a cluster mark of `n` events.
pub fn cluster_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{n} events here: zoom in"),
        Lang::De => format!("{n} Ereignisse hier: heranzoomen"),
    }
}

/// The name of a category in the UI language.
pub fn category_name(lang: Lang, c: Category) -> &'static str {
    t(
        lang,
        match c {
            Category::Diplomacy => Key::CatDiplomacy,
            Category::Military => Key::CatMilitary,
            Category::Energy => Key::CatEnergy,
            Category::Transport => Key::CatTransport,
            Category::Analysis => Key::CatAnalysis,
        },
    )
}

/// How precise an event's date is: an estimate, or known to the day, month or year.
pub fn precision_name(lang: Lang, approximate: bool, precision: Precision) -> &'static str {
    t(
        lang,
        match (approximate, precision) {
            (true, _) => Key::Approximate,
            (false, Precision::Day) => Key::PrecisionDay,
            (false, Precision::Month) => Key::PrecisionMonth,
            (false, Precision::Year) => Key::PrecisionYear,
        },
    )
}

/// What confirms an event.
pub fn confidence_name(lang: Lang, c: Confidence) -> &'static str {
    t(
        lang,
        match c {
            Confidence::Confirmed => Key::Confirmed,
            Confidence::PerArticle => Key::PerArticle,
        },
    )
}

/// How a related event relates, in the UI language.
pub fn relation_name(lang: Lang, r: Relation) -> &'static str {
    t(
        lang,
        match r {
            Relation::Follows => Key::RelFollows,
            Relation::RespondsTo => Key::RelRespondsTo,
            Relation::Context => Key::RelContext,
            Relation::PartOf => Key::RelPartOf,
        },
    )
}

/// Why a date is not one, in the UI language.
pub fn date_error_text(lang: Lang, e: &DateError) -> &'static str {
    match (lang, e) {
        (Lang::En, DateError::Format) => "expected YYYY, YYYY-MM or YYYY-MM-DD",
        (Lang::De, DateError::Format) => "erwartet wird JJJJ, JJJJ-MM oder JJJJ-MM-TT",
        (Lang::En, DateError::YearOutOfRange) => "the year must be between 1 and 9999",
        (Lang::De, DateError::YearOutOfRange) => "das Jahr muss zwischen 1 und 9999 liegen",
        (Lang::En, DateError::NoSuchDate) => "no such date",
        (Lang::De, DateError::NoSuchDate) => "dieses Datum gibt es nicht",
    }
}

/// A value from the data, quoted the way the language quotes.
fn quoted(lang: Lang, v: &str) -> String {
    match lang {
        Lang::En => format!("\"{v}\""),
        Lang::De => format!("„{v}“"),
    }
}

impl Problem {
    /// What is wrong, in `lang`, without the location: at most [`MAX_MESSAGE_CHARS`] chars.
    pub fn message(&self, lang: Lang) -> String {
        problem_message(lang, &self.kind)
    }
}

/// In English, with the location: for logs and tests. The widget shows [`problem_text`] in the
/// reader's language.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&problem_text(Lang::En, self))
    }
}

/// What is wrong with a dataset, in the UI language, without saying where: at most
/// [`MAX_MESSAGE_CHARS`] chars. A parser's detail (English, technical) is quoted as it is.
pub fn problem_message(lang: Lang, kind: &ProblemKind) -> String {
    use ProblemKind::*;
    let de = lang == Lang::De;
    let q = |v: &str| quoted(lang, v);
    let opt = |n: &Option<i64>| n.map_or_else(|| "-".to_string(), |n| n.to_string());
    let text = match kind {
        TooLarge { bytes, max } if de => format!("Die Datei hat {bytes} Bytes; höchstens {max} sind erlaubt"),
        TooLarge { bytes, max } => format!("the file has {bytes} bytes; at most {max} are accepted"),
        TooManyEvents { count, max } if de => format!("{count} Ereignisse; höchstens {max} sind erlaubt"),
        TooManyEvents { count, max } => format!("{count} events; at most {max} are accepted"),
        NotJson(detail) if de => format!("Kein gültiges JSON: {detail}"),
        NotJson(detail) => format!("not valid JSON: {detail}"),
        NotADataset(detail) if de => format!("Kein Datensatz im erwarteten Format: {detail}"),
        NotADataset(detail) => format!("not a dataset in the expected format: {detail}"),
        Parse(detail) if de => format!("Ungültiger Wert: {detail}"),
        Parse(detail) => format!("invalid value: {detail}"),
        InvalidDate { value, error } if de => {
            format!("Ungültiges Datum {}: {}", q(value), date_error_text(lang, error))
        }
        InvalidDate { value, error } => {
            format!("invalid date {}: {}", q(value), date_error_text(lang, error))
        }
        InvalidDateParts { error, year, month, day } if de => format!(
            "Ungültiges Datum (Jahr {year}, Monat {}, Tag {}): {}",
            opt(month),
            opt(day),
            date_error_text(lang, error)
        ),
        InvalidDateParts { error, year, month, day } => format!(
            "invalid date (year {year}, month {}, day {}): {}",
            opt(month),
            opt(day),
            date_error_text(lang, error)
        ),
        NotADateObject if de => "Erwartet wird ein Objekt mit year, month und day".into(),
        NotADateObject => "expected an object with year, month and day".into(),
        NotAWholeNumber if de => "Keine ganze Zahl".into(),
        NotAWholeNumber => "not a whole number".into(),
        DayWithoutMonth if de => "Ein Tag braucht einen Monat".into(),
        DayWithoutMonth => "a day needs a month".into(),
        Missing if de => "Fehlt".into(),
        Missing => "missing".into(),
        MissingLanguage(Lang::De) if de => "Der deutsche Text ist leer".into(),
        MissingLanguage(Lang::De) => "the German text is empty".into(),
        MissingLanguage(Lang::En) if de => "Der englische Text ist leer".into(),
        MissingLanguage(Lang::En) => "the English text is empty".into(),
        EmptyTitle if de => "Der Titel ist leer".into(),
        EmptyTitle => "the title is empty".into(),
        TooLong { chars, max } if de => format!("Der Text hat {chars} Zeichen; höchstens {max} sind erlaubt"),
        TooLong { chars, max } => format!("the text has {chars} characters; at most {max} are accepted"),
        LinkTooLong { bytes, max } if de => {
            format!("Der Link hat {bytes} Bytes; höchstens {max} sind erlaubt")
        }
        LinkTooLong { bytes, max } => format!("the link has {bytes} bytes; at most {max} are accepted"),
        NotASlug(v) if de => format!("{} ist kein Kürzel aus Kleinbuchstaben, Ziffern, - und _", q(v)),
        NotASlug(v) => format!("{} is not a lower-case slug (a-z, 0-9, - and _)", q(v)),
        DuplicateActor(v) if de => format!("Den Akteur {} gibt es zweimal", q(v)),
        DuplicateActor(v) => format!("actor {} appears twice", q(v)),
        DuplicateId if de => "Diese ID hat schon ein früheres Ereignis".into(),
        DuplicateId => "this id is used by an earlier event".into(),
        EndBeforeStart { end, start } if de => format!("Das Ende {end} liegt vor dem Beginn {start}"),
        EndBeforeStart { end, start } => format!("the end {end} is before the start {start}"),
        NoCategory if de => "Mindestens eine Kategorie ist nötig".into(),
        NoCategory => "at least one category is needed".into(),
        UnknownActor(v) if de => format!("Keinen Akteur {} in der Akteurstabelle", q(v)),
        UnknownActor(v) => format!("no actor {} in the actors table", q(v)),
        UnknownEvent(v) if de => format!("Kein Ereignis {} im Datensatz", q(v)),
        UnknownEvent(v) => format!("no event {} in the dataset", q(v)),
        RelatesToItself if de => "Ein Ereignis kann nicht auf sich selbst verweisen".into(),
        RelatesToItself => "an event cannot relate to itself".into(),
        LatitudeOutOfRange if de => "Der Breitengrad muss zwischen -90 und 90 liegen".into(),
        LatitudeOutOfRange => "latitude must be between -90 and 90".into(),
        LongitudeOutOfRange if de => "Der Längengrad muss zwischen -180 und 180 liegen".into(),
        LongitudeOutOfRange => "longitude must be between -180 and 180".into(),
        NoSource if de => "Mindestens eine Quelle ist nötig".into(),
        NoSource => "at least one source is needed".into(),
        NotHttpLink if de => "Nur http- und https-Links sind erlaubt".into(),
        NotHttpLink => "only http and https links are allowed".into(),
    };
    // Details and quoted values are cut where they are made; this only guards the bound.
    clip_to(text, MAX_MESSAGE_CHARS)
}

/// Where a problem is: `event #3 (foo), sources[0].url` / `Ereignis Nr. 3 (foo), Feld sources[0].url`.
pub fn problem_location(lang: Lang, p: &Problem) -> String {
    let de = lang == Lang::De;
    let field = |f: &str| if de { format!("Feld {f}") } else { f.to_string() };
    match p.index {
        Some(i) => {
            let n = i + 1;
            let mut s = match (&p.id, de) {
                (Some(id), true) => format!("Ereignis Nr. {n} ({id})"),
                (Some(id), false) => format!("event #{n} ({id})"),
                (None, true) => format!("Ereignis Nr. {n}"),
                (None, false) => format!("event #{n}"),
            };
            // The event as a whole: its number and id say where.
            if p.field != EVENT_FIELD {
                s.push_str(", ");
                s.push_str(&field(&p.field));
            }
            s
        }
        None if p.field == DATASET_FIELD => (if de { "Datensatz" } else { "dataset" }).to_string(),
        None => field(&p.field),
    }
}

/// One problem as a line of the error panel, in the UI language: where, then what.
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    format!("{}: {}", problem_location(lang, p), problem_message(lang, &p.kind))
}

/// The last line of the error panel when not every problem is listed.
pub fn more_problems(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("… and {n} more"),
        Lang::De => format!("… und {n} weitere"),
    }
}

/// The error panel's lines for a dataset that did not validate: each listed problem, then how
/// many more there are.
pub fn dataset_error_lines(lang: Lang, err: &DatasetError) -> Vec<String> {
    let mut lines: Vec<String> = err.problems.iter().map(|p| problem_text(lang, p)).collect();
    if err.total > err.problems.len() {
        lines.push(more_problems(lang, err.total - err.problems.len()));
    }
    lines
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_DE_SHORT: [&str; 12] =
    ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];

/// The name of month `m` (1–12); `None` outside that range.
pub fn month_name(lang: Lang, m: u32, short: bool) -> Option<&'static str> {
    let table = match (lang, short) {
        (Lang::En, false) => &MONTHS_EN,
        (Lang::En, true) => &MONTHS_EN_SHORT,
        (Lang::De, false) => &MONTHS_DE,
        (Lang::De, true) => &MONTHS_DE_SHORT,
    };
    table.get((m as usize).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_estimate_is_named_as_one_whatever_its_precision() {
        assert_eq!(precision_name(Lang::En, true, Precision::Day), "The date is an estimate");
        assert_eq!(precision_name(Lang::En, false, Precision::Day), "Date known to the day");
        assert_ne!(
            precision_name(Lang::De, false, Precision::Month),
            precision_name(Lang::De, false, Precision::Year)
        );
        assert_eq!(confidence_name(Lang::En, Confidence::PerArticle), "Only the analysed article says so");
    }

    #[test]
    fn coordinates_name_the_hemisphere_and_use_each_languages_decimal_mark() {
        assert_eq!(coordinates(Lang::En, 40.4093, 49.8671), "40.41° N, 49.87° E");
        assert_eq!(coordinates(Lang::De, 40.4093, 49.8671), "40,41° N, 49,87° O");
        assert_eq!(coordinates(Lang::En, -33.8688, -70.6693), "33.87° S, 70.67° W");
        assert_eq!(coordinates(Lang::De, -0.004, -0.004), "0,00° N, 0,00° O");
    }

    #[test]
    fn month_names_exist_for_each_month_in_both_languages() {
        for lang in Lang::ALL {
            for short in [false, true] {
                for m in 1..=12 {
                    assert!(!month_name(lang, m, short).unwrap().is_empty());
                }
                assert_eq!(month_name(lang, 0, short), None);
                assert_eq!(month_name(lang, 13, short), None);
            }
        }
        assert_eq!(month_name(Lang::De, 3, false), Some("März"));
    }

    #[test]
    fn every_string_exists_in_german_and_english() {
        for &k in Key::ALL {
            assert!(!t(Lang::De, k).trim().is_empty(), "{k:?} de");
            assert!(!t(Lang::En, k).trim().is_empty(), "{k:?} en");
        }
        let differ = Key::ALL.iter().filter(|&&k| t(Lang::De, k) != t(Lang::En, k)).count();
        assert!(differ * 10 > Key::ALL.len() * 9, "most strings must actually be translated");
        assert_eq!(count_line(Lang::De, 3, 20), "3 von 20 Ereignissen");
        assert_eq!(count_line(Lang::En, 3, 20), "3 of 20 events");
    }

    use crate::core::dataset::date::PartialDate;
    use crate::core::dataset::validate::{MAX_DETAIL_CHARS, MAX_QUOTED_CHARS};
    use crate::core::formats::read::load_dataset;

    /// One of each kind of problem, with the longest payload validation lets through.
    fn every_kind() -> Vec<ProblemKind> {
        use ProblemKind::*;
        let detail = "d".repeat(MAX_DETAIL_CHARS);
        let value = "v".repeat(MAX_QUOTED_CHARS) + "…";
        let day = PartialDate::parse("2025-02-28").unwrap();
        let kinds = vec![
            TooLarge { bytes: usize::MAX, max: usize::MAX },
            TooManyEvents { count: usize::MAX, max: usize::MAX },
            NotJson(detail.clone()),
            NotADataset(detail.clone()),
            Parse(detail),
            InvalidDate { value: value.clone(), error: DateError::Format },
            InvalidDate { value: value.clone(), error: DateError::YearOutOfRange },
            InvalidDate { value: value.clone(), error: DateError::NoSuchDate },
            InvalidDateParts {
                error: DateError::NoSuchDate,
                year: i64::MIN,
                month: Some(i64::MIN),
                day: Some(i64::MIN),
            },
            InvalidDateParts { error: DateError::YearOutOfRange, year: 0, month: None, day: None },
            NotADateObject,
            NotAWholeNumber,
            DayWithoutMonth,
            Missing,
            MissingLanguage(Lang::De),
            MissingLanguage(Lang::En),
            EmptyTitle,
            TooLong { chars: usize::MAX, max: usize::MAX },
            LinkTooLong { bytes: usize::MAX, max: usize::MAX },
            NotASlug(value.clone()),
            DuplicateActor(value.clone()),
            DuplicateId,
            EndBeforeStart { end: day, start: day },
            NoCategory,
            UnknownActor(value.clone()),
            UnknownEvent(value),
            RelatesToItself,
            LatitudeOutOfRange,
            LongitudeOutOfRange,
            NoSource,
            NotHttpLink,
        ];
        // A new kind does not compile here until it is given a place in the list above.
        for k in &kinds {
            match k {
                TooLarge { .. }
                | TooManyEvents { .. }
                | NotJson(_)
                | NotADataset(_)
                | Parse(_)
                | InvalidDate { .. }
                | InvalidDateParts { .. }
                | NotADateObject
                | NotAWholeNumber
                | DayWithoutMonth
                | Missing
                | MissingLanguage(_)
                | EmptyTitle
                | TooLong { .. }
                | LinkTooLong { .. }
                | NotASlug(_)
                | DuplicateActor(_)
                | DuplicateId
                | EndBeforeStart { .. }
                | NoCategory
                | UnknownActor(_)
                | UnknownEvent(_)
                | RelatesToItself
                | LatitudeOutOfRange
                | LongitudeOutOfRange
                | NoSource
                | NotHttpLink => {}
            }
        }
        kinds
    }

    fn problem(index: Option<usize>, id: Option<&str>, field: &str, kind: ProblemKind) -> Problem {
        Problem { index, id: id.map(str::to_owned), field: field.into(), kind }
    }

    #[test]
    fn every_problem_kind_is_said_differently_in_german_and_english_within_the_bound() {
        for kind in every_kind() {
            let (de, en) = (problem_message(Lang::De, &kind), problem_message(Lang::En, &kind));
            assert!(!de.trim().is_empty() && !en.trim().is_empty(), "{kind:?}");
            assert_ne!(de, en, "{kind:?}");
            for m in [&de, &en] {
                assert!(m.chars().count() <= MAX_MESSAGE_CHARS, "{} chars: {m}", m.chars().count());
                // Nothing was cut: the payloads' own limits leave room for the sentence.
                assert!(!m.contains(" … "), "{m}");
            }
            // The whole line says where, in the same language.
            let p = problem(Some(2), Some("foo"), "sources[0].url", kind.clone());
            assert!(problem_text(Lang::De, &p).starts_with("Ereignis Nr. 3 (foo), Feld sources[0].url: "));
            assert!(problem_text(Lang::En, &p).starts_with("event #3 (foo), sources[0].url: "));
            assert_eq!(p.to_string(), problem_text(Lang::En, &p));
        }
        // The bound holds for any payload, however it was made.
        let huge = ProblemKind::Parse("x".repeat(100_000));
        for lang in Lang::ALL {
            assert!(problem_message(lang, &huge).chars().count() <= MAX_MESSAGE_CHARS);
        }
    }

    #[test]
    fn a_duplicate_id_is_reported_in_german_and_english() {
        let e = |id: &str| {
            format!(
                r#"{{"id":"{id}","date":"2025","title":{{"de":"T","en":"T"}},"summary":{{"de":"S","en":"S"}},
                   "actors":[],"categories":["energy"],"sources":[{{"title":"S","publisher":"P","url":"https://example.org"}}],
                   "confidence":"confirmed"}}"#
            )
        };
        let err = load_dataset(&format!(r#"{{"events":[{},{}]}}"#, e("a"), e("a"))).unwrap_err();
        assert_eq!(
            dataset_error_lines(Lang::De, &err),
            ["Ereignis Nr. 2 (a), Feld id: Diese ID hat schon ein früheres Ereignis"]
        );
        assert_eq!(
            dataset_error_lines(Lang::En, &err),
            ["event #2 (a), id: this id is used by an earlier event"]
        );
    }

    #[test]
    fn an_impossible_date_is_reported_as_a_date_in_german_and_english() {
        let p = problem(
            Some(1),
            Some("impossible-date"),
            "date",
            ProblemKind::InvalidDate { value: "2025-02-30".into(), error: DateError::NoSuchDate },
        );
        assert_eq!(problem_text(Lang::De, &p), "Ereignis Nr. 2 (impossible-date), Feld date: Ungültiges Datum „2025-02-30“: dieses Datum gibt es nicht");
        assert_eq!(
            problem_text(Lang::En, &p),
            "event #2 (impossible-date), date: invalid date \"2025-02-30\": no such date"
        );
    }

    #[test]
    fn a_parser_detail_is_quoted_inside_a_translated_sentence() {
        let p = problem(
            Some(2),
            Some("unsure"),
            "confidence",
            ProblemKind::Parse("unknown variant `maybe`".into()),
        );
        assert_eq!(
            problem_text(Lang::De, &p),
            "Ereignis Nr. 3 (unsure), Feld confidence: Ungültiger Wert: unknown variant `maybe`"
        );
        assert_eq!(
            problem_text(Lang::En, &p),
            "event #3 (unsure), confidence: invalid value: unknown variant `maybe`"
        );
    }

    #[test]
    fn whole_file_whole_event_and_top_level_problems_name_their_place_in_both_languages() {
        let file = problem(None, None, DATASET_FIELD, ProblemKind::NotADataset("EOF".into()));
        assert_eq!(problem_text(Lang::De, &file), "Datensatz: Kein Datensatz im erwarteten Format: EOF");
        assert_eq!(problem_text(Lang::En, &file), "dataset: not a dataset in the expected format: EOF");
        let whole = problem(
            Some(4),
            Some("no-title"),
            EVENT_FIELD,
            ProblemKind::Parse("missing field `title`".into()),
        );
        assert_eq!(
            problem_text(Lang::De, &whole),
            "Ereignis Nr. 5 (no-title): Ungültiger Wert: missing field `title`"
        );
        assert_eq!(
            problem_text(Lang::En, &whole),
            "event #5 (no-title): invalid value: missing field `title`"
        );
        let no_id = problem(Some(0), None, "start_date", ProblemKind::Missing);
        assert_eq!(problem_text(Lang::De, &no_id), "Ereignis Nr. 1, Feld start_date: Fehlt");
        assert_eq!(problem_text(Lang::En, &no_id), "event #1, start_date: missing");
        let top = problem(None, None, "title.de", ProblemKind::MissingLanguage(Lang::De));
        assert_eq!(problem_text(Lang::De, &top), "Feld title.de: Der deutsche Text ist leer");
        assert_eq!(problem_text(Lang::En, &top), "title.de: the German text is empty");
    }

    #[test]
    fn problems_beyond_the_listed_ones_are_counted_in_german_and_english() {
        let p = problem(Some(0), Some("a"), "sources", ProblemKind::NoSource);
        let err = DatasetError { problems: vec![p.clone(), p], total: 5 };
        let (de, en) = (dataset_error_lines(Lang::De, &err), dataset_error_lines(Lang::En, &err));
        assert_eq!((de.len(), en.len()), (3, 3));
        assert_eq!(de[2], "… und 3 weitere");
        assert_eq!(en[2], "… and 3 more");
        assert_eq!(de[0], "Ereignis Nr. 1 (a), Feld sources: Mindestens eine Quelle ist nötig");
        let all = DatasetError { total: 2, ..err };
        assert_eq!(dataset_error_lines(Lang::De, &all).len(), 2);
    }
}
