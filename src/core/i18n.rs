//! Every user-visible string, in German and English.
//!
//! UI text is looked up by [`Key`]; the two tables must stay complete (a test checks that no
//! entry is empty and that the languages differ where they should).

use crate::core::dataset::date::{DateError, Precision, MIN_CALENDAR_YEAR};
use crate::core::dataset::model::{Category, Confidence, Lang, Relation, Source, SourceKind};
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
    ExportFailed,
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
    ExportLabel,
    KindReport,
    KindStatement,
    KindAnalysis,
    KindRepublication,
    KindAggregator,
    KindDocument,
    SkipToTimeline,
    FoldAxis,
    LegendLabel,
    FiltersClose,
    TitleCardLabel,
    ReadMore,
    ReadLess,
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
        Key::ExportFailed,
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
        Key::ExportLabel,
        Key::KindReport,
        Key::KindStatement,
        Key::KindAnalysis,
        Key::KindRepublication,
        Key::KindAggregator,
        Key::KindDocument,
        Key::SkipToTimeline,
        Key::FoldAxis,
        Key::LegendLabel,
        Key::FiltersClose,
        Key::TitleCardLabel,
        Key::ReadMore,
        Key::ReadLess,
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
            Lanes => "Group by",
            LanesNone => "None",
            LanesCategory => "By category",
            LanesActor => "By actor",
            Language => "Language",
            CopyLink => "Copy link",
            LinkCopied => "Link copied",
            CopyFailed => "Copying failed: select the link and copy it by hand.",
            ExportFailed => "The file could not be made: check the connection and try again.",
            Export => "Export",
            ExportJson => "JSON",
            ExportCsv => "CSV",
            ExportIcs => "Calendar (.ics)",
            ZoomIn => "Zoom in",
            ZoomOut => "Zoom out",
            Fit => "Show whole period",
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
            RelFollows => "Follows",
            RelRespondsTo => "Responds to",
            RelContext => "Background",
            RelPartOf => "Part of",
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
            TimelineHelp => "Use the arrow keys to move between events, Enter to open one, and + and − to zoom.",
            Crashed => "Something went wrong inside the timeline.",
            ReportIt => "Please reload the page. If it happens again, tell the owner of this page and include the details below.",
            CrashDetails => "Details to report",
            Embed => "Embed",
            EmbedIframe => "iframe",
            EmbedElement => "Custom element",
            EmbedHelp => "Paste one of these snippets into your page to show this view.",
            Selected => "Selected event",
            Until => "until",
            ShowMore => "Show more events",
            SearchCut => "The search is limited to 200 characters; the rest was left out.",
            ExportLabel => "Export:",
            KindReport => "news report",
            KindStatement => "official statement",
            KindAnalysis => "analysis",
            KindRepublication => "republication",
            KindAggregator => "news aggregator",
            KindDocument => "document",
            SkipToTimeline => "Skip to the timeline",
            FoldAxis => "Fold empty stretches",
            LegendLabel => "Categories (choose to filter)",
            FiltersClose => "Close filters",
            TitleCardLabel => "About this timeline",
            ReadMore => "Read more",
            ReadLess => "Show less",
        },
        Lang::De => match key {
            Search => "Suche",
            SearchPlaceholder => "Titel, Texte, Akteure, Orte durchsuchen …",
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
            Lanes => "Gruppierung",
            LanesNone => "Keine",
            LanesCategory => "Nach Kategorie",
            LanesActor => "Nach Akteur",
            Language => "Sprache",
            CopyLink => "Link kopieren",
            LinkCopied => "Link kopiert",
            CopyFailed => "Kopieren fehlgeschlagen: Bitte markieren Sie den Link und kopieren Sie ihn von Hand.",
            ExportFailed => "Die Datei ließ sich nicht erstellen. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.",
            Export => "Exportieren",
            ExportJson => "JSON",
            ExportCsv => "CSV",
            ExportIcs => "Kalender (.ics)",
            ZoomIn => "Heranzoomen",
            ZoomOut => "Herauszoomen",
            Fit => "Gesamten Zeitraum anzeigen",
            PanEarlier => "Früher",
            PanLater => "Später",
            Close => "Schließen",
            Dismiss => "Ausblenden",
            Sources => "Quellen",
            Related => "Verknüpfte Ereignisse",
            Confidence => "Beleglage",
            Confirmed => "Durch eine Quelle außerhalb des Artikels bestätigt",
            PerArticle => "Nur der analysierte Artikel nennt dies",
            PrecisionDay => "Datum tagesgenau bekannt",
            PrecisionMonth => "Datum nur monatsgenau bekannt",
            PrecisionYear => "Datum nur jahresgenau bekannt",
            Approximate => "Das Datum ist geschätzt",
            RelFollows => "Folgt auf",
            RelRespondsTo => "Reagiert auf",
            RelContext => "Hintergrund",
            RelPartOf => "Gehört zu",
            CatDiplomacy => "Diplomatie",
            CatMilitary => "Militär",
            CatEnergy => "Energie",
            CatTransport => "Verkehr",
            CatAnalysis => "Analyse",
            IgnoredHeading => "Teile des Links wurden ignoriert:",
            LoadFailed => "Die Daten der Zeitleiste konnten nicht geladen werden.",
            InvalidData => "Die Daten enthalten Fehler:",
            NetworkFailed => "Die Daten konnten nicht abgerufen werden (Netzwerkfehler oder fehlende Datei).",
            Retry => "Erneut versuchen",
            Loading => "Zeitleiste wird geladen …",
            NoResults => "Zu diesen Filtern passen keine Ereignisse.",
            NoneInWindow => "Keine Ereignisse in diesem Zeitfenster.",
            TimelineLabel => "Zeitleiste der Ereignisse",
            ListLabel => "Ereignisse in zeitlicher Reihenfolge",
            OverviewLabel => "Übersicht über den ganzen Zeitraum; Ziehen verschiebt den sichtbaren Ausschnitt",
            TimelineHelp => "Mit den Pfeiltasten wechseln Sie zwischen den Ereignissen, mit der Eingabetaste öffnen Sie eines, mit + und − zoomen Sie.",
            Crashed => "In der Zeitleiste ist ein Fehler aufgetreten.",
            ReportIt => "Bitte laden Sie die Seite neu. Tritt der Fehler erneut auf, melden Sie ihn bitte dem Betreiber dieser Seite mit den Angaben unten.",
            CrashDetails => "Angaben für die Meldung",
            Embed => "Einbetten",
            EmbedIframe => "iFrame",
            EmbedElement => "Benutzerdefiniertes Element",
            EmbedHelp => "Fügen Sie einen dieser Schnipsel in Ihre Seite ein, um dort diese Ansicht anzuzeigen.",
            Selected => "Ausgewähltes Ereignis",
            Until => "bis",
            ShowMore => "Weitere Ereignisse anzeigen",
            SearchCut => "Die Suche ist auf 200 Zeichen begrenzt; der Rest wurde weggelassen.",
            ExportLabel => "Exportieren:",
            KindReport => "Nachrichtenbericht",
            KindStatement => "amtliche Erklärung",
            KindAnalysis => "Analyse",
            KindRepublication => "Wiederveröffentlichung",
            KindAggregator => "Nachrichtenaggregator",
            KindDocument => "Dokument",
            SkipToTimeline => "Zum Zeitstrahl springen",
            FoldAxis => "Leere Zeiträume raffen",
            LegendLabel => "Kategorien (zum Filtern wählen)",
            FiltersClose => "Filter schließen",
            TitleCardLabel => "Über diese Zeitleiste",
            ReadMore => "Weiterlesen",
            ReadLess => "Weniger anzeigen",
        },
    }
}

/// "N of M events", in the UI language (the singular when there is one event in all).
pub fn count_line(lang: Lang, shown: usize, total: usize) -> String {
    let (shown, total_text) = (grouped(lang, shown), grouped(lang, total));
    match (lang, total == 1) {
        (Lang::En, true) => format!("{shown} of 1 event"),
        (Lang::En, false) => format!("{shown} of {total_text} events"),
        (Lang::De, true) => format!("{shown} von 1 Ereignis"),
        (Lang::De, false) => format!("{shown} von {total_text} Ereignissen"),
    }
}

/// A whole number with the language's thousands separator: "6,291,456" or "6.291.456".
pub fn grouped(lang: Lang, n: usize) -> String {
    grouped_wide(lang, n as u64)
}

/// [`grouped`] for numbers beyond a 32-bit `usize` (years back to 20 billion).
pub fn grouped_wide(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::En => ',',
        Lang::De => '.',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A place's coordinates to two decimals with hemispheres, as written in `lang`:
/// "40.41° N, 49.87° E" or "40,41° N; 49,87° O" (German: a decimal comma, so a semicolon between
/// the two, and O for Ost), with a no-break space before each hemisphere.
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
    let between = match lang {
        Lang::En => ",",
        Lang::De => ";",
    };
    format!("{}°\u{a0}{ns}{between} {}°\u{a0}{ew}", num(lat), num(lon))
}

/// "22 events": what a cluster mark holds.
pub fn event_count(lang: Lang, n: usize) -> String {
    match (lang, n == 1) {
        (Lang::En, true) => "1 event".to_string(),
        (Lang::En, false) => format!("{} events", grouped(lang, n)),
        (Lang::De, true) => "1 Ereignis".to_string(),
        (Lang::De, false) => format!("{} Ereignisse", grouped(lang, n)),
    }
}

/// The months from day `from` to day `to` (day numbers), as short as is clear: "Dec 2025",
/// "Nov – Dec 2025", "Aug 2025 – Feb 2026" (German: "Aug. 2025 – Feb. 2026"), and only the
/// years over more than two: "1994 – 2018".
pub fn month_range(lang: Lang, from: i64, to: i64) -> String {
    use crate::core::dataset::date::civil_of_day;
    let ((ay, am, _), (by, bm, _)) = (civil_of_day(from), civil_of_day(to));
    let name = |m: u32| month_name(lang, m, true).unwrap_or("");
    let year = |y: i64| year_words(lang, y);
    if ay < MIN_CALENDAR_YEAR || by < MIN_CALENDAR_YEAR || by - ay > 1 {
        if ay == by {
            year(ay)
        } else {
            format!("{} – {}", year(ay), year(by))
        }
    } else if (ay, am) == (by, bm) {
        format!("{} {}", name(am), year(ay))
    } else if ay == by {
        format!("{} – {} {}", name(am), name(bm), year(ay))
    } else {
        format!("{} {} – {} {}", name(am), year(ay), name(bm), year(by))
    }
}

/// The year from which on a year is written as it is (before it, the year AD is marked).
pub const PLAIN_YEARS_FROM: i64 = 1000;

/// A year in the reader's words, numbered as historians do (there is no year 0): from
/// [`PLAIN_YEARS_FROM`] on the number alone ("2025"); years 1–999 marked as AD ("AD 30",
/// "30 n. Chr."); back to 100,000 BC as BC ("300 BC", "300 v. Chr.", the ISO year `-0299`);
/// before that in years ago, counted from year 0 ("150,000 years ago", "65 million years ago",
/// "vor 13,8 Mrd. Jahren"). Millions and billions are used when they say the number exactly
/// with at most three decimals; otherwise the number is written out.
pub fn year_words(lang: Lang, year: i64) -> String {
    year_words_scaled(lang, year, true)
}

/// [`year_words`], with years ago always written out in full when `scale` is false (so that
/// the labels of finely spaced ticks all take one form).
pub fn year_words_scaled(lang: Lang, year: i64, scale: bool) -> String {
    if year >= PLAIN_YEARS_FROM {
        return year.to_string();
    }
    if year >= 1 {
        return match lang {
            Lang::En => format!("AD {year}"),
            Lang::De => format!("{year} n. Chr."),
        };
    }
    if year >= MIN_CALENDAR_YEAR {
        let bc = 1 - year;
        let n = if bc >= 10_000 { grouped_wide(lang, bc as u64) } else { bc.to_string() };
        return match lang {
            Lang::En => format!("{n} BC"),
            Lang::De => format!("{n} v. Chr."),
        };
    }
    let ago = year.unsigned_abs();
    let n = if scale { scaled(lang, ago) } else { grouped_wide(lang, ago) };
    match lang {
        Lang::En => format!("{n} years ago"),
        Lang::De => format!("vor {n} Jahren"),
    }
}

/// A number of years as "2.58 million" / "2,58 Mio." or "13.8 billion" / "13,8 Mrd." where at
/// most three decimals say it exactly, else with thousands separators.
fn scaled(lang: Lang, n: u64) -> String {
    let (unit, word) = match (lang, n >= 1_000_000_000) {
        (Lang::En, true) => (1_000_000_000, "billion"),
        (Lang::En, false) => (1_000_000, "million"),
        (Lang::De, true) => (1_000_000_000, "Mrd."),
        (Lang::De, false) => (1_000_000, "Mio."),
    };
    if n < unit || !n.is_multiple_of(unit / 1000) {
        return grouped_wide(lang, n);
    }
    let (whole, thousandths) = (n / unit, n % unit / (unit / 1000));
    let mut s = grouped_wide(lang, whole);
    if thousandths > 0 {
        let decimals = format!("{thousandths:03}");
        s.push(if lang == Lang::De { ',' } else { '.' });
        s.push_str(decimals.trim_end_matches('0'));
    }
    format!("{s} {word}")
}

/// After a calendar download, how many of the chosen events it leaves out: a calendar file
/// holds only dates from AD 1 to 9999.
pub fn ics_left_out_text(lang: Lang, n: usize) -> String {
    match (lang, n == 1) {
        (Lang::En, true) => {
            "1 event is not in the calendar file: calendars hold only dates from AD 1 to 9999.".into()
        }
        (Lang::En, false) => format!(
            "{} events are not in the calendar file: calendars hold only dates from AD 1 to 9999.",
            grouped(lang, n)
        ),
        (Lang::De, true) => {
            "1 Ereignis fehlt in der Kalenderdatei: Kalender kennen nur Daten von 1 n. Chr. bis 9999.".into()
        }
        (Lang::De, false) => format!(
            "{} Ereignisse fehlen in der Kalenderdatei: Kalender kennen nur Daten von 1 n. Chr. bis 9999.",
            grouped(lang, n)
        ),
    }
}

/// The signpost at an edge of the timeline for `n` filtered events outside the window:
/// "← 7 earlier events", "3 later events →".
pub fn signpost(lang: Lang, n: usize, earlier: bool) -> String {
    let count = grouped(lang, n);
    match (lang, earlier, n == 1) {
        (Lang::En, true, true) => "← 1 earlier event".to_string(),
        (Lang::En, true, false) => format!("← {count} earlier events"),
        (Lang::En, false, true) => "1 later event →".to_string(),
        (Lang::En, false, false) => format!("{count} later events →"),
        (Lang::De, true, true) => "← 1 früheres Ereignis".to_string(),
        (Lang::De, true, false) => format!("← {count} frühere Ereignisse"),
        (Lang::De, false, true) => "1 späteres Ereignis →".to_string(),
        (Lang::De, false, false) => format!("{count} spätere Ereignisse →"),
    }
}

/// The "Filters" control on a narrow widget, with how many filters are active.
pub fn filters_button(lang: Lang, active: usize) -> String {
    let word = t(lang, Key::Filters);
    if active == 0 {
        word.to_string()
    } else {
        format!("{word} ({active})")
    }
}

/// What a fold of the axis hides, from year `from` to year `to`: "No events 1995–2004".
pub fn fold_label(lang: Lang, from: i64, to: i64) -> String {
    let years = if from >= to {
        year_words(lang, from)
    } else if from >= PLAIN_YEARS_FROM {
        format!("{from}–{to}")
    } else {
        format!("{} – {}", year_words(lang, from), year_words(lang, to))
    };
    match lang {
        Lang::En => format!("No events {years}"),
        Lang::De => format!("Keine Ereignisse {years}"),
    }
}

/// The label of a cluster mark of `n` events.
pub fn cluster_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{} events – zoom in to tell them apart", grouped(lang, n)),
        Lang::De => format!("{} Ereignisse – zum Aufschlüsseln heranzoomen", grouped(lang, n)),
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

/// The text of the detail panel's button to the event before (`later` false) or after it, when
/// reading the events in date order.
pub fn step_text(lang: Lang, later: bool) -> &'static str {
    match (lang, later) {
        (Lang::En, false) => "← Previous",
        (Lang::En, true) => "Next →",
        (Lang::De, false) => "← Vorheriges",
        (Lang::De, true) => "Nächstes →",
    }
}

/// That button's name for screen readers: the direction and, unless it is at an end, the title
/// of the event it opens.
pub fn step_label(lang: Lang, later: bool, title: Option<&str>) -> String {
    let what = match (lang, later) {
        (Lang::En, false) => "Previous event",
        (Lang::En, true) => "Next event",
        (Lang::De, false) => "Vorheriges Ereignis",
        (Lang::De, true) => "Nächstes Ereignis",
    };
    match title {
        Some(title) => format!("{what}: {title}"),
        None => what.to_string(),
    }
}

/// What a link to an event's media says it leads to: "Video on YouTube", "Post on Mastodon",
/// "PDF document (example.org)", "Page on example.org".
pub fn media_label(lang: Lang, info: &crate::core::dataset::media::MediaInfo) -> String {
    use crate::core::dataset::media::MediaKind::*;
    let de = lang == Lang::De;
    // A site that plays or shows it is named after "on"; a file's host in brackets.
    let site = matches!(info.provider.as_deref(), Some("SoundCloud" | "Spotify"));
    let (what, on) = match (info.kind, de) {
        (Video, _) => ("Video", true),
        (Post, true) => ("Beitrag", true),
        (Post, false) => ("Post", true),
        (Audio, _) if site => ("Audio", true),
        (Audio, true) => ("Tonaufnahme", false),
        (Audio, false) => ("Sound recording", false),
        (Document, true) => ("PDF-Dokument", false),
        (Document, false) => ("PDF document", false),
        (Image, true) => ("Bild", true),
        (Image, false) => ("Image", true),
        (Link, true) => ("Seite", true),
        (Link, false) => ("Page", true),
    };
    match (&info.provider, on) {
        (Some(p), true) => format!("{what} {} {p}", if de { "auf" } else { "on" }),
        (Some(p), false) => format!("{what} ({p})"),
        (None, _) if info.kind == Link => (if de { "Verlinkte Seite" } else { "Linked page" }).into(),
        (None, _) => what.into(),
    }
}

/// Said in place of an image that could not be loaded, before its description.
pub fn image_unavailable(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Bild nicht verfügbar:",
        Lang::En => "Image not available:",
    }
}

/// What a notice says about a TimelineJS3 file: a heading, then each thing the dataset shows
/// otherwise than TimelineJS3 would ("12 media embeds shown as links"); nothing without notes.
pub fn import_note_lines(lang: Lang, notes: &[crate::core::formats::read::ImportNote]) -> Vec<String> {
    use crate::core::formats::read::ImportNote::*;
    if notes.is_empty() {
        return Vec::new();
    }
    let de = lang == Lang::De;
    let n = |v: usize| grouped(lang, v);
    let heading = if de { "Aus einer TimelineJS3-Datei gelesen:" } else { "Read from a TimelineJS3 file:" };
    let line = |note: &crate::core::formats::read::ImportNote| match *note {
        MediaAsLinks(1) if de => "1 eingebettetes Medium als Link gezeigt".to_string(),
        MediaAsLinks(c) if de => format!("{} eingebettete Medien als Links gezeigt", n(c)),
        MediaAsLinks(1) => "1 media embed shown as a link".to_string(),
        MediaAsLinks(c) => format!("{} media embeds shown as links", n(c)),
        MediaDropped(c) if de => format!(
            "{} nicht übernommen: Einbettungscode oder zu lange Adresse statt einer http- oder https-Adresse",
            if c == 1 { "1 Medium".to_string() } else { format!("{} Medien", n(c)) }
        ),
        MediaDropped(c) => format!(
            "{} not kept: embed code or an overlong address instead of an http or https address",
            if c == 1 { "1 media item".to_string() } else { format!("{} media items", n(c)) }
        ),
        MediaPartsDropped(c) if de => {
            format!(
                "{} Links oder Vorschaubilder von Medien nicht übernommen: keine http- oder https-Adresse",
                n(c)
            )
        }
        MediaPartsDropped(c) => {
            format!("{} media links or thumbnails not kept: not an http or https address", n(c))
        }
        BackgroundsNotShown(1) if de => "1 Folienhintergrund nicht angezeigt".to_string(),
        BackgroundsNotShown(c) if de => format!("{} Folienhintergründe nicht angezeigt", n(c)),
        BackgroundsNotShown(1) => "1 slide background not shown".to_string(),
        BackgroundsNotShown(c) => format!("{} slide backgrounds not shown", n(c)),
        TitleMediaNotShown if de => "Das Medium der Titelfolie wird nicht angezeigt".to_string(),
        TitleMediaNotShown => "the title slide's media is not shown".to_string(),
    };
    std::iter::once(heading.to_string()).chain(notes.iter().map(line)).collect()
}

/// Where the open event stands among the events shown ("3 of 12").
pub fn reading_position(lang: Lang, position: usize, count: usize) -> String {
    match lang {
        Lang::En => format!("{} of {}", grouped(lang, position), grouped(lang, count)),
        Lang::De => format!("{} von {}", grouped(lang, position), grouped(lang, count)),
    }
}

/// What kind of publication a source is, in the UI language.
pub fn source_kind_name(lang: Lang, k: SourceKind) -> &'static str {
    t(
        lang,
        match k {
            SourceKind::Report => Key::KindReport,
            SourceKind::Statement => Key::KindStatement,
            SourceKind::Analysis => Key::KindAnalysis,
            SourceKind::Republication => Key::KindRepublication,
            SourceKind::Aggregator => Key::KindAggregator,
            SourceKind::Document => Key::KindDocument,
        },
    )
}

/// How a source is cited in the UI language, as a bibliography cites it: its headline in the
/// language's quotation marks (the headline in its own language), or else what it is; then
/// publisher, date and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation<'a> {
    /// The headline, or the description in the UI language (or, lacking both, the publisher).
    pub name: &'a str,
    /// The headline's language, for its `lang` attribute; `None` for a description.
    pub name_lang: Option<&'a str>,
    /// The quotation marks around a headline (empty around a description).
    pub quotes: (&'static str, &'static str),
    /// What follows the name: ", publisher, date · kind".
    pub details: String,
}

/// How source `s` is cited in `lang`; `date` is its date as the UI writes it.
pub fn citation<'a>(lang: Lang, s: &'a Source, date: Option<&str>) -> Citation<'a> {
    let headline = s.title.is_some();
    let quotes = match (headline, lang) {
        (false, _) => ("", ""),
        (true, Lang::En) => ("“", "”"),
        (true, Lang::De) => ("„", "“"),
    };
    let name_lang = if headline { s.lang.as_deref() } else { None };
    let mut details = String::new();
    // A source named by its publisher alone does not repeat it.
    if s.title.is_some() || s.about.is_some() {
        details.push_str(", ");
        details.push_str(&s.publisher);
    }
    if let Some(date) = date {
        details.push_str(", ");
        details.push_str(date);
    }
    if let Some(kind) = s.kind {
        details.push_str(" · ");
        details.push_str(source_kind_name(lang, kind));
    }
    Citation { name: s.name(lang), name_lang, quotes, details }
}

/// Why a date is not one, in the UI language.
pub fn date_error_text(lang: Lang, e: &DateError) -> &'static str {
    match (lang, e) {
        (Lang::En, DateError::Format) => "expected YYYY, YYYY-MM or YYYY-MM-DD",
        (Lang::De, DateError::Format) => "Erwartet wird JJJJ, JJJJ-MM oder JJJJ-MM-TT",
        (Lang::En, DateError::YearOutOfRange) => {
            "the year must be between -20000000000 (20 billion years ago) and 9999"
        }
        (Lang::De, DateError::YearOutOfRange) => {
            "Das Jahr muss zwischen -20000000000 (vor 20 Mrd. Jahren) und 9999 liegen"
        }
        (Lang::En, DateError::YearOnly) => {
            "before the year -99999 a date is a year alone, without month or day"
        }
        (Lang::De, DateError::YearOnly) => {
            "Vor dem Jahr -99999 ist ein Datum nur ein Jahr, ohne Monat und Tag"
        }
        (Lang::En, DateError::NoSuchDate) => "no such date",
        (Lang::De, DateError::NoSuchDate) => "Dieses Datum gibt es nicht",
    }
}

/// A value from the data, quoted the way the language quotes.
fn quoted(lang: Lang, v: &str) -> String {
    match lang {
        Lang::En => format!("“{v}”"),
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
    let n = |v: &usize| grouped(lang, *v);
    let text = match kind {
        TooLarge { bytes, max } if de => {
            format!("Die Datei ist {} Byte groß; erlaubt sind höchstens {} Byte", n(bytes), n(max))
        }
        TooLarge { bytes, max } => format!("the file is {} bytes; at most {} are accepted", n(bytes), n(max)),
        TooManyEvents { count, max } if de => {
            format!("Die Daten enthalten {} Ereignisse; erlaubt sind höchstens {}", n(count), n(max))
        }
        TooManyEvents { count, max } => format!("{} events; at most {} are accepted", n(count), n(max)),
        NotJson(detail) if de => format!("kein gültiges JSON: {detail}"),
        NotJson(detail) => format!("not valid JSON: {detail}"),
        NotADataset(detail) if de => format!("keine Daten im erwarteten Format: {detail}"),
        NotADataset(detail) => format!("not a dataset in the expected format: {detail}"),
        Parse(detail) if de => format!("ungültiger Wert: {detail}"),
        Parse(detail) => format!("invalid value: {detail}"),
        InvalidDate { value, error } if de => {
            format!("ungültiges Datum {}: {}", q(value), date_error_text(lang, error))
        }
        InvalidDate { value, error } => {
            format!("invalid date {}: {}", q(value), date_error_text(lang, error))
        }
        InvalidDateParts { error, year, month, day } if de => format!(
            "ungültiges Datum (Jahr {year}, Monat {}, Tag {}): {}",
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
        NotAWholeNumber if de => "keine ganze Zahl".into(),
        NotAWholeNumber => "not a whole number".into(),
        DayWithoutMonth if de => "Ein Tag braucht einen Monat".into(),
        DayWithoutMonth => "a day needs a month".into(),
        Missing if de => "fehlt".into(),
        Missing => "missing".into(),
        MissingLanguage(Lang::De) if de => "Der deutsche Text ist leer".into(),
        MissingLanguage(Lang::De) => "the German text is empty".into(),
        MissingLanguage(Lang::En) if de => "Der englische Text ist leer".into(),
        MissingLanguage(Lang::En) => "the English text is empty".into(),
        EmptyTitle if de => "Der Titel ist leer".into(),
        EmptyTitle => "the title is empty".into(),
        TooLong { chars, max } if de => {
            format!("Der Text hat {} Zeichen; erlaubt sind höchstens {}", n(chars), n(max))
        }
        TooLong { chars, max } => {
            format!("the text has {} characters; at most {} are accepted", n(chars), n(max))
        }
        LinkTooLong { bytes, max } if de => {
            format!("Der Link ist {} Byte lang; erlaubt sind höchstens {} Byte", n(bytes), n(max))
        }
        LinkTooLong { bytes, max } => {
            format!("the link is {} bytes long; at most {} are accepted", n(bytes), n(max))
        }
        NotASlug(v) if de => format!("{} ist kein Kürzel aus Kleinbuchstaben, Ziffern, - und _", q(v)),
        NotASlug(v) => format!("{} is not a lower-case slug (a-z, 0-9, - and _)", q(v)),
        DuplicateActor(v) if de => format!("Den Akteur {} gibt es zweimal", q(v)),
        DuplicateActor(v) => format!("actor {} appears twice", q(v)),
        DuplicateId if de => "Diese ID ist bereits an ein früheres Ereignis vergeben".into(),
        DuplicateId => "this ID is already used by an earlier event".into(),
        EndBeforeStart { end, start } if de => format!("Das Ende {end} liegt vor dem Beginn {start}"),
        EndBeforeStart { end, start } => format!("the end {end} is before the start {start}"),
        NoCategory if de => "Mindestens eine Kategorie ist nötig".into(),
        NoCategory => "at least one category is needed".into(),
        UnknownActor(v) if de => format!("Akteur {} fehlt in der Akteursliste", q(v)),
        UnknownActor(v) => format!("actor {} is not in the actor list", q(v)),
        UnknownEvent(v) if de => format!("Ein Ereignis {} gibt es in diesen Daten nicht", q(v)),
        UnknownEvent(v) => format!("there is no event {} in this data", q(v)),
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
        NotMediaLink if de => {
            "Nur http- und https-Links oder Pfade relativ zu den Daten (bilder/karte.png) sind erlaubt".into()
        }
        NotMediaLink => {
            "only http and https links or paths relative to the data (img/map.png) are allowed".into()
        }
        NoAltText if de => "Ein Bild braucht einen Alternativtext (alt) für alle, die es nicht sehen".into(),
        NoAltText => "an image needs a text alternative (alt) for those who cannot see it".into(),
        NoSourceName if de => {
            "Eine Quelle braucht ihre Überschrift (title) oder eine Beschreibung (about)".into()
        }
        NoSourceName => "a source needs its headline (title) or a description (about)".into(),
        NotALanguageTag(v) if de => format!("{} ist kein Sprachcode wie ru, en oder pt-BR", q(v)),
        NotALanguageTag(v) => format!("{} is not a language code such as ru, en or pt-BR", q(v)),
        DuplicateTag(v) if de => format!("Das Schlagwort {} steht zweimal in der Schlagwortliste", q(v)),
        DuplicateTag(v) => format!("tag {} appears twice in the tag list", q(v)),
        DuplicatePeriod(v) if de => format!("Den Zeitabschnitt {} gibt es zweimal", q(v)),
        DuplicatePeriod(v) => format!("period {} appears twice", q(v)),
        UnknownTag(v) if de => format!("Schlagwort {} fehlt in der Schlagwortliste", q(v)),
        UnknownTag(v) => format!("tag {} is not in the tag list", q(v)),
        ViewNotRead(v) if de => format!("Die Ansicht lässt sich an dieser Stelle nicht lesen: {}", q(v)),
        ViewNotRead(v) => format!("the view cannot be read at {}", q(v)),
        #[cfg(any(feature = "import", not(target_arch = "wasm32")))]
        other => return sheet_problem_message(lang, other),
    };
    // Details and quoted values are cut where they are made; this only guards the bound.
    clip_to(text, MAX_MESSAGE_CHARS)
}

/// What is wrong with a sheet being imported (see [`problem_message`]).
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
fn sheet_problem_message(lang: Lang, kind: &ProblemKind) -> String {
    let de = lang == Lang::De;
    let n = |v: &usize| grouped(lang, *v);
    let text = match kind {
        ProblemKind::TooManyRows { count, max } if de => {
            format!("Die Tabelle hat {} Zeilen; gelesen werden höchstens {}", n(count), n(max))
        }
        ProblemKind::TooManyRows { count, max } => {
            format!("the sheet has {} rows; at most {} are read", n(count), n(max))
        }
        ProblemKind::NoDateColumn if de => {
            "Keine Spalte mit Datum gefunden: Nennen Sie eine Spalte „Datum“, „Beginn“ oder „Jahr“ (Year)"
                .into()
        }
        ProblemKind::NoDateColumn => "no column of dates found: name one “Date”, “Start” or “Year”".into(),
        ProblemKind::UnknownValue(v) if de => {
            format!("{} ist in dieser Spalte kein gültiger Wert", quoted(lang, v))
        }
        ProblemKind::UnknownValue(v) => format!("{} is not a value this column takes", quoted(lang, v)),
        other => return problem_message(lang, other),
    };
    clip_to(text, MAX_MESSAGE_CHARS)
}

/// Where a problem is: `Event #3 (foo), sources[0].url` / `Ereignis Nr. 3 (foo), Feld sources[0].url`.
pub fn problem_location(lang: Lang, p: &Problem) -> String {
    let de = lang == Lang::De;
    let field = |f: &str| if de { format!("Feld {f}") } else { f.to_string() };
    match p.index {
        Some(i) => {
            let n = i + 1;
            let mut s = match (&p.id, de) {
                (Some(id), true) => format!("Ereignis Nr.\u{a0}{n} ({id})"),
                (Some(id), false) => format!("Event #{n} ({id})"),
                (None, true) => format!("Ereignis Nr.\u{a0}{n}"),
                (None, false) => format!("Event #{n}"),
            };
            // The event as a whole: its number and id say where.
            if p.field != EVENT_FIELD {
                s.push_str(", ");
                s.push_str(&field(&p.field));
            }
            s
        }
        None if p.field == DATASET_FIELD => (if de { "Datei" } else { "Dataset" }).to_string(),
        // A sheet's cell (`C7`) or row (`7`), as the CSV import names them.
        #[cfg(any(feature = "import", not(target_arch = "wasm32")))]
        None if is_cell_or_row(&p.field) => sheet_place(lang, &p.field),
        None if de => field(&p.field),
        None => format!("Field {}", p.field),
    }
}

/// Whether a problem's field is a sheet's cell (`C7`) or row (`7`): field paths never are.
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
fn is_cell_or_row(field: &str) -> bool {
    let digits = field.trim_start_matches(|c: char| c.is_ascii_uppercase());
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A sheet's cell as it is (`C7`), or a row as `Row 7` / `Zeile 7`.
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
fn sheet_place(lang: Lang, at: &str) -> String {
    match (at.bytes().all(|b| b.is_ascii_digit()), lang) {
        (false, _) => at.to_string(),
        (true, Lang::De) => format!("Zeile {at}"),
        (true, Lang::En) => format!("Row {at}"),
    }
}

/// One cell's (or row's) problem in an imported sheet: `C7: invalid date “2025-02-30”: …`.
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
pub fn cell_problem_text(lang: Lang, p: &crate::core::formats::csv::CellProblem) -> String {
    let at = match p.column {
        Some(c) => crate::core::formats::csv::cell_name(p.row, c),
        None => p.row.to_string(),
    };
    format!("{}: {}", sheet_place(lang, &at), problem_message(lang, &p.kind))
}

/// The heading of what is said about an imported sheet, before its notices or its problems.
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
pub fn import_heading(lang: Lang, refused: bool) -> &'static str {
    match (lang, refused) {
        (Lang::De, false) => "Aus einer Tabelle gelesen:",
        (Lang::En, false) => "Read from a spreadsheet:",
        (Lang::De, true) => "Diese Tabelle lässt sich nicht als Zeitleiste lesen:",
        (Lang::En, true) => "This spreadsheet cannot be read as a timeline:",
    }
}

/// The heading of what the import module says about vis-timeline data: read (then what it
/// shows otherwise), or refused (then why).
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
pub fn vis_heading(lang: Lang, refused: bool) -> &'static str {
    match (lang, refused) {
        (Lang::De, false) => "Aus vis-timeline-Daten gelesen:",
        (Lang::En, false) => "Read from vis-timeline data:",
        (Lang::De, true) => "Diese vis-timeline-Daten lassen sich nicht als Zeitleiste lesen:",
        (Lang::En, true) => "This vis-timeline data cannot be read as a timeline:",
    }
}

/// What vis-timeline data holds that the dataset shows otherwise or not at all.
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
pub fn vis_notice(lang: Lang, note: crate::core::formats::vis::VisNote) -> String {
    use crate::core::formats::vis::VisNote::*;
    let de = lang == Lang::De;
    let n = |v: usize| grouped(lang, v);
    let items = |c: usize| match (de, c) {
        (true, 1) => "1 Eintrag".to_string(),
        (true, c) => format!("{} Einträge", n(c)),
        (false, 1) => "1 item".to_string(),
        (false, c) => format!("{} items", n(c)),
    };
    match note {
        TimesOfDay(c) if de => format!("Uhrzeiten nicht angezeigt: {} am jeweiligen Tag gezeigt", items(c)),
        TimesOfDay(c) => format!("times of day not shown: {} shown on their day", items(c)),
        Styles(c) if de => format!("Eigene Gestaltung (className, style) von {} nicht übernommen", items(c)),
        Styles(c) => format!("own styles (className, style) of {} not kept", items(c)),
        Subgroups(c) if de => format!("Untergruppen nicht angezeigt: {} in ihrer Gruppe gezeigt", items(c)),
        Subgroups(c) => format!("subgroups not shown: {} shown in their group", items(c)),
        NestedGroups(1) if de => "1 verschachtelte Gruppe als einzelne Gruppen gezeigt".into(),
        NestedGroups(c) if de => format!("{} verschachtelte Gruppen als einzelne Gruppen gezeigt", n(c)),
        NestedGroups(1) => "1 group with nested groups shown as separate groups".into(),
        NestedGroups(c) => format!("{} groups with nested groups shown as separate groups", n(c)),
    }
}

/// What to tell a reader about an imported sheet: rows skipped (with the first problems), and
/// what the dataset cannot show.
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
pub fn import_notice(lang: Lang, notice: &crate::core::formats::csv::Notice) -> String {
    use crate::core::formats::csv::{Dropped, Notice};
    let de = lang == Lang::De;
    let n = |v: usize| grouped(lang, v);
    match *notice {
        Notice::RowsSkipped { count, ref problems } => {
            let head = match (de, count) {
                (true, 1) => "1 Zeile übersprungen".to_string(),
                (true, c) => format!("{} Zeilen übersprungen", n(c)),
                (false, 1) => "1 row skipped".to_string(),
                (false, c) => format!("{} rows skipped", n(c)),
            };
            let list: Vec<String> = problems.iter().map(|p| cell_problem_text(lang, p)).collect();
            let more = match count.saturating_sub(problems.len()) {
                0 => String::new(),
                m => format!("; {}", more_problems(lang, m)),
            };
            format!("{head}: {}{more}", list.join("; "))
        }
        Notice::NotShown { what, count } => {
            let rows = match (de, count) {
                (true, 1) => "1 Zeile".to_string(),
                (true, c) => format!("{} Zeilen", n(c)),
                (false, 1) => "1 row".to_string(),
                (false, c) => format!("{} rows", n(c)),
            };
            match (what, de) {
                (Dropped::Media, true) => {
                    format!("Medien aus {rows} nicht übernommen: keine http- oder https-Adresse")
                }
                (Dropped::Media, false) => format!("media of {rows} not kept: not an http or https address"),
                (Dropped::Times, true) => format!("Uhrzeiten aus {rows} nicht angezeigt"),
                (Dropped::Times, false) => format!("times of day of {rows} not shown"),
                (Dropped::Backgrounds, true) => format!("Hintergründe aus {rows} nicht angezeigt"),
                (Dropped::Backgrounds, false) => format!("backgrounds of {rows} not shown"),
            }
        }
    }
}

/// One problem as a line of the error panel, in the UI language: where, then what.
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    format!("{}: {}", problem_location(lang, p), problem_message(lang, &p.kind))
}

/// The last line of the error panel when not every problem is listed.
pub fn more_problems(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("… and {} more", grouped(lang, n)),
        Lang::De if n == 1 => "… und 1 weiteres".to_string(),
        Lang::De => format!("… und {} weitere", grouped(lang, n)),
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
    fn years_are_worded_as_historians_write_them_and_deep_time_in_years_ago() {
        let both = |y| (year_words(Lang::En, y), year_words(Lang::De, y));
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(both(2025), pair("2025", "2025"));
        assert_eq!(both(1000), pair("1000", "1000"));
        assert_eq!(both(30), pair("AD 30", "30 n. Chr."));
        assert_eq!(both(1), pair("AD 1", "1 n. Chr."));
        assert_eq!(both(0), pair("1 BC", "1 v. Chr."));
        assert_eq!(both(-299), pair("300 BC", "300 v. Chr."));
        assert_eq!(both(-11_999), pair("12,000 BC", "12.000 v. Chr."));
        assert_eq!(both(-99_999), pair("100,000 BC", "100.000 v. Chr."));
        assert_eq!(both(-100_000), pair("100,000 years ago", "vor 100.000 Jahren"));
        assert_eq!(both(-2_580_000), pair("2.58 million years ago", "vor 2,58 Mio. Jahren"));
        assert_eq!(both(-65_000_000), pair("65 million years ago", "vor 65 Mio. Jahren"));
        assert_eq!(both(-1_311_100), pair("1,311,100 years ago", "vor 1.311.100 Jahren"));
        assert_eq!(both(-13_800_000_000), pair("13.8 billion years ago", "vor 13,8 Mrd. Jahren"));
        assert_eq!(both(-4_567_000_000), pair("4.567 billion years ago", "vor 4,567 Mrd. Jahren"));
        assert_eq!(both(-20_000_000_000), pair("20 billion years ago", "vor 20 Mrd. Jahren"));
        assert_eq!(both(-1_311_001_000), pair("1,311,001,000 years ago", "vor 1.311.001.000 Jahren"));
        assert_eq!(year_words_scaled(Lang::En, -13_800_000_000, false), "13,800,000,000 years ago");
    }

    #[test]
    fn a_month_range_names_bc_years_and_deep_time_in_the_same_words() {
        let d = |y, m, day| crate::core::dataset::date::day_of(y, m, day);
        assert_eq!(month_range(Lang::En, d(-299, 3, 1), d(-299, 4, 9)), "Mar – Apr 300 BC");
        assert_eq!(
            month_range(Lang::De, d(-13_800_000_000, 1, 1), d(-299, 1, 1)),
            "vor 13,8 Mrd. Jahren – 300 v. Chr."
        );
        assert_eq!(fold_label(Lang::En, -13_800_000_000, -300), "No events 13.8 billion years ago – 301 BC");
    }

    #[test]
    fn a_month_range_is_as_short_as_is_clear_in_both_languages() {
        let d = |y, m, day| {
            crate::core::dataset::date::day_number(chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap())
        };
        assert_eq!(month_range(Lang::En, d(2025, 12, 1), d(2025, 12, 18)), "Dec 2025");
        assert_eq!(month_range(Lang::De, d(2025, 11, 6), d(2025, 12, 18)), "Nov. – Dez. 2025");
        assert_eq!(month_range(Lang::En, d(2025, 8, 8), d(2026, 2, 13)), "Aug 2025 – Feb 2026");
        assert_eq!(month_range(Lang::De, d(1994, 1, 1), d(2018, 8, 12)), "1994 – 2018");
        assert_eq!(signpost(Lang::En, 7, true), "← 7 earlier events");
        assert_eq!(signpost(Lang::De, 1, false), "1 späteres Ereignis →");
        assert_eq!(filters_button(Lang::De, 2), "Filter (2)");
        assert_eq!(event_count(Lang::De, 1_234), "1.234 Ereignisse");
        assert_eq!(fold_label(Lang::En, 1995, 2004), "No events 1995–2004");
    }

    #[test]
    fn the_reading_buttons_are_named_with_their_visible_word_and_the_title_they_open() {
        for lang in [Lang::En, Lang::De] {
            for later in [false, true] {
                let word = step_text(lang, later).trim_matches(['←', '→', ' ']);
                let label = step_label(lang, later, Some("Baku"));
                assert!(label.starts_with(word) && label.ends_with(": Baku"), "{label}");
                assert!(step_label(lang, later, None).starts_with(word));
            }
        }
        assert_eq!(step_label(Lang::De, true, Some("Charta")), "Nächstes Ereignis: Charta");
        assert_eq!(reading_position(Lang::En, 3, 1200), "3 of 1,200");
        assert_eq!(reading_position(Lang::De, 3, 1200), "3 von 1.200");
    }

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
        assert_eq!(coordinates(Lang::En, 40.4093, 49.8671), "40.41°\u{a0}N, 49.87°\u{a0}E");
        assert_eq!(coordinates(Lang::De, 40.4093, 49.8671), "40,41°\u{a0}N; 49,87°\u{a0}O");
        assert_eq!(coordinates(Lang::En, -33.8688, -70.6693), "33.87°\u{a0}S, 70.67°\u{a0}W");
        assert_eq!(coordinates(Lang::De, -0.004, -0.004), "0,00°\u{a0}N; 0,00°\u{a0}O");
    }

    #[test]
    fn one_event_in_all_is_counted_in_the_singular_and_large_numbers_are_grouped() {
        assert_eq!(count_line(Lang::De, 1, 1), "1 von 1 Ereignis");
        assert_eq!(count_line(Lang::En, 0, 1), "0 of 1 event");
        assert_eq!(count_line(Lang::De, 12_345, 100_000), "12.345 von 100.000 Ereignissen");
        assert_eq!(count_line(Lang::En, 12_345, 100_000), "12,345 of 100,000 events");
        assert_eq!(grouped(Lang::De, 6_291_456), "6.291.456");
        assert_eq!(grouped(Lang::En, 999), "999");
        assert_eq!(more_problems(Lang::De, 1), "… und 1 weiteres");
        assert_eq!(more_problems(Lang::De, 1_000), "… und 1.000 weitere");
        let big = ProblemKind::TooLarge { bytes: 6_291_456, max: 5_000_000 };
        assert_eq!(
            problem_message(Lang::De, &big),
            "Die Datei ist 6.291.456 Byte groß; erlaubt sind höchstens 5.000.000 Byte"
        );
    }

    #[test]
    fn a_source_is_cited_by_its_headline_in_quotes_or_by_what_it_is() {
        let mut s = Source {
            title: Some("Алиев обсудил с делегацией НАТО перспективы сотрудничества".into()),
            publisher: "TASS".into(),
            url: "https://tass.ru/mezhdunarodnaya-panorama/25551077".into(),
            date: None,
            lang: Some("ru".into()),
            about: Some(Text { de: "Bericht".into(), en: "Report".into() }),
            kind: Some(SourceKind::Report),
        };
        let de = citation(Lang::De, &s, Some("6. November 2025"));
        assert_eq!((de.quotes, de.name_lang), (("„", "“"), Some("ru")));
        assert_eq!(de.name, "Алиев обсудил с делегацией НАТО перспективы сотрудничества");
        assert_eq!(de.details, ", TASS, 6. November 2025 · Nachrichtenbericht");
        let en = citation(Lang::En, &s, Some("6 November 2025"));
        assert_eq!((en.quotes, en.details.as_str()), (("“", "”"), ", TASS, 6 November 2025 · news report"));
        // Without a headline: what the source is, in the reader's language, without quotes.
        s.title = None;
        let de = citation(Lang::De, &s, None);
        assert_eq!((de.name, de.name_lang, de.quotes), ("Bericht", None, ("", "")));
        assert_eq!(de.details, ", TASS · Nachrichtenbericht");
        // Without either, the publisher names it, once.
        s.about = None;
        s.kind = None;
        assert_eq!(
            (citation(Lang::En, &s, None).name, citation(Lang::En, &s, None).details.as_str()),
            ("TASS", "")
        );
        for k in SourceKind::ALL {
            assert_ne!(source_kind_name(Lang::De, k), source_kind_name(Lang::En, k), "{k:?}");
        }
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
    use crate::core::dataset::model::Text;
    use crate::core::dataset::validate::{MAX_DETAIL_CHARS, MAX_QUOTED_CHARS};
    use crate::core::formats::read::load_dataset;

    #[test]
    fn media_links_name_what_and_where_they_are_in_both_languages() {
        use crate::core::dataset::media::MediaInfo;
        for (url, en, de) in [
            ("https://youtu.be/x", "Video on YouTube", "Video auf YouTube"),
            ("https://mastodon.social/@a/1", "Post on Mastodon", "Beitrag auf Mastodon"),
            ("https://soundcloud.com/a/b", "Audio on SoundCloud", "Audio auf SoundCloud"),
            ("https://example.org/a.mp3", "Sound recording (example.org)", "Tonaufnahme (example.org)"),
            ("talk.ogg", "Sound recording", "Tonaufnahme"),
            ("https://www.example.org/r.pdf", "PDF document (example.org)", "PDF-Dokument (example.org)"),
            ("https://example.org/a.png", "Image on example.org", "Bild auf example.org"),
            ("https://example.org/page", "Page on example.org", "Seite auf example.org"),
            ("page.html", "Linked page", "Verlinkte Seite"),
        ] {
            let info = MediaInfo::of(url);
            assert_eq!(
                (media_label(Lang::En, &info).as_str(), media_label(Lang::De, &info).as_str()),
                (en, de),
                "{url}"
            );
        }
    }

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
            InvalidDate { value: value.clone(), error: DateError::YearOnly },
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
            UnknownEvent(value.clone()),
            RelatesToItself,
            NotMediaLink,
            NoAltText,
            LatitudeOutOfRange,
            LongitudeOutOfRange,
            NoSource,
            NotHttpLink,
            NoSourceName,
            NotALanguageTag(value.clone()),
            DuplicateTag(value.clone()),
            DuplicatePeriod(value.clone()),
            UnknownTag(value.clone()),
            ViewNotRead(value.clone()),
            TooManyRows { count: usize::MAX, max: usize::MAX },
            NoDateColumn,
            UnknownValue(value),
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
                | TooManyRows { .. }
                | NoDateColumn
                | UnknownValue(_)
                | NotHttpLink
                | NotMediaLink
                | NoAltText
                | NoSourceName
                | NotALanguageTag(_)
                | DuplicateTag(_)
                | DuplicatePeriod(_)
                | UnknownTag(_)
                | ViewNotRead(_) => {}
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
            assert!(
                problem_text(Lang::De, &p).starts_with("Ereignis Nr.\u{a0}3 (foo), Feld sources[0].url: ")
            );
            assert!(problem_text(Lang::En, &p).starts_with("Event #3 (foo), sources[0].url: "));
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
            ["Ereignis Nr.\u{a0}2 (a), Feld id: Diese ID ist bereits an ein früheres Ereignis vergeben"]
        );
        assert_eq!(
            dataset_error_lines(Lang::En, &err),
            ["Event #2 (a), id: this ID is already used by an earlier event"]
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
        assert_eq!(problem_text(Lang::De, &p), "Ereignis Nr.\u{a0}2 (impossible-date), Feld date: ungültiges Datum „2025-02-30“: Dieses Datum gibt es nicht");
        assert_eq!(
            problem_text(Lang::En, &p),
            "Event #2 (impossible-date), date: invalid date “2025-02-30”: no such date"
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
            "Ereignis Nr.\u{a0}3 (unsure), Feld confidence: ungültiger Wert: unknown variant `maybe`"
        );
        assert_eq!(
            problem_text(Lang::En, &p),
            "Event #3 (unsure), confidence: invalid value: unknown variant `maybe`"
        );
    }

    #[test]
    fn whole_file_whole_event_and_top_level_problems_name_their_place_in_both_languages() {
        let file = problem(None, None, DATASET_FIELD, ProblemKind::NotADataset("EOF".into()));
        assert_eq!(problem_text(Lang::De, &file), "Datei: keine Daten im erwarteten Format: EOF");
        assert_eq!(problem_text(Lang::En, &file), "Dataset: not a dataset in the expected format: EOF");
        let whole = problem(
            Some(4),
            Some("no-title"),
            EVENT_FIELD,
            ProblemKind::Parse("missing field `title`".into()),
        );
        assert_eq!(
            problem_text(Lang::De, &whole),
            "Ereignis Nr.\u{a0}5 (no-title): ungültiger Wert: missing field `title`"
        );
        assert_eq!(
            problem_text(Lang::En, &whole),
            "Event #5 (no-title): invalid value: missing field `title`"
        );
        let no_id = problem(Some(0), None, "start_date", ProblemKind::Missing);
        assert_eq!(problem_text(Lang::De, &no_id), "Ereignis Nr.\u{a0}1, Feld start_date: fehlt");
        assert_eq!(problem_text(Lang::En, &no_id), "Event #1, start_date: missing");
        let top = problem(None, None, "title.de", ProblemKind::MissingLanguage(Lang::De));
        assert_eq!(problem_text(Lang::De, &top), "Feld title.de: Der deutsche Text ist leer");
        assert_eq!(problem_text(Lang::En, &top), "Field title.de: the German text is empty");
    }

    #[test]
    fn problems_beyond_the_listed_ones_are_counted_in_german_and_english() {
        let p = problem(Some(0), Some("a"), "sources", ProblemKind::NoSource);
        let err = DatasetError { problems: vec![p.clone(), p], total: 5 };
        let (de, en) = (dataset_error_lines(Lang::De, &err), dataset_error_lines(Lang::En, &err));
        assert_eq!((de.len(), en.len()), (3, 3));
        assert_eq!(de[2], "… und 3 weitere");
        assert_eq!(en[2], "… and 3 more");
        assert_eq!(de[0], "Ereignis Nr.\u{a0}1 (a), Feld sources: Mindestens eine Quelle ist nötig");
        let all = DatasetError { total: 2, ..err };
        assert_eq!(dataset_error_lines(Lang::De, &all).len(), 2);
    }
}
