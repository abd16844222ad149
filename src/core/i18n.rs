//! Every user-visible string, in German and English.
//!
//! UI text is looked up by [`Key`]; the two tables must stay complete (a test checks that no
//! entry is empty and that the languages differ where they should).

use super::model::{Category, Lang, Relation};

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
    pub const ALL: &'static [Key] = &[Key::Search, Key::SearchPlaceholder, Key::Filters, Key::Categories, Key::Actors, Key::Tags, Key::Places, Key::Place, Key::DateRange, Key::From, Key::To, Key::DateHint, Key::ClearAll, Key::View, Key::TimelineView, Key::ListView, Key::Lanes, Key::LanesNone, Key::LanesCategory, Key::LanesActor, Key::Language, Key::CopyLink, Key::LinkCopied, Key::CopyFailed, Key::Export, Key::ExportJson, Key::ExportCsv, Key::ExportIcs, Key::ZoomIn, Key::ZoomOut, Key::Fit, Key::PanEarlier, Key::PanLater, Key::Close, Key::Dismiss, Key::Sources, Key::Related, Key::Confidence, Key::Confirmed, Key::PerArticle, Key::PrecisionDay, Key::PrecisionMonth, Key::PrecisionYear, Key::Approximate, Key::RelFollows, Key::RelRespondsTo, Key::RelContext, Key::RelPartOf, Key::CatDiplomacy, Key::CatMilitary, Key::CatEnergy, Key::CatTransport, Key::CatAnalysis, Key::IgnoredHeading, Key::LoadFailed, Key::InvalidData, Key::NetworkFailed, Key::Retry, Key::Loading, Key::NoResults, Key::NoneInWindow, Key::TimelineLabel, Key::ListLabel, Key::OverviewLabel, Key::TimelineHelp, Key::Crashed, Key::ReportIt, Key::CrashDetails, Key::Embed, Key::EmbedIframe, Key::EmbedElement, Key::EmbedHelp, Key::Selected, Key::Until, Key::ShowMore, Key::SearchCut];
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


const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember",
];
const MONTHS_EN_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_DE_SHORT: [&str; 12] = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];

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
}
