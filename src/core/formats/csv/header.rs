//! What each column of a sheet holds, recognised from its header, and the sheet's shape.

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    /// The date (or start), in one cell.
    Date,
    /// The end of a span, in one cell.
    End,
    /// The date's precision as the export writes it (the date itself says it; not read).
    Precision,
    Approximate,
    Title,
    Summary,
    /// Actor ids, separated by spaces.
    Actors,
    /// Category codes, separated by spaces (the project's own columns).
    Categories,
    /// Tags, separated by spaces.
    Tags,
    /// One group, series or category name: a category where it names one, and a tag.
    Group,
    Place,
    Lat,
    Lon,
    Confidence,
    /// Source links, separated by spaces (the project's own columns).
    Sources,
    /// One link.
    Link,
    /// A date as the sheet wants it shown: the event's `date_text`.
    DisplayDate,
    /// TimelineJS3's sheet: the start and end in parts, and the row's type (`title`, `era`).
    Year,
    Month,
    Day,
    Time,
    EndYear,
    EndMonth,
    EndDay,
    EndTime,
    Type,
    /// The media's address (TimelineJS3's `Media`), its credit, caption and thumbnail.
    Media,
    MediaCredit,
    MediaCaption,
    MediaThumbnail,
    Background,
}

impl Field {
    /// Every field, in the order an authoring page offers them.
    pub const ALL: [Field; 32] = [
        Field::Date,
        Field::End,
        Field::Title,
        Field::Summary,
        Field::Group,
        Field::Link,
        Field::Place,
        Field::Lat,
        Field::Lon,
        Field::Tags,
        Field::Id,
        Field::Categories,
        Field::Actors,
        Field::Sources,
        Field::Confidence,
        Field::Approximate,
        Field::Precision,
        Field::DisplayDate,
        Field::Year,
        Field::Month,
        Field::Day,
        Field::Time,
        Field::EndYear,
        Field::EndMonth,
        Field::EndDay,
        Field::EndTime,
        Field::Type,
        Field::Media,
        Field::MediaCredit,
        Field::MediaCaption,
        Field::MediaThumbnail,
        Field::Background,
    ];

    /// The field's code, as an authoring page passes it (`date`, `end-year`, …).
    pub fn code(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Date => "date",
            Field::End => "end",
            Field::Precision => "precision",
            Field::Approximate => "approximate",
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Actors => "actors",
            Field::Categories => "categories",
            Field::Tags => "tags",
            Field::Group => "group",
            Field::Place => "place",
            Field::Lat => "lat",
            Field::Lon => "lon",
            Field::Confidence => "confidence",
            Field::Sources => "sources",
            Field::Link => "link",
            Field::DisplayDate => "display-date",
            Field::Year => "year",
            Field::Month => "month",
            Field::Day => "day",
            Field::Time => "time",
            Field::EndYear => "end-year",
            Field::EndMonth => "end-month",
            Field::EndDay => "end-day",
            Field::EndTime => "end-time",
            Field::Type => "type",
            Field::Media => "media",
            Field::MediaCredit => "media-credit",
            Field::MediaCaption => "media-caption",
            Field::MediaThumbnail => "media-thumbnail",
            Field::Background => "background",
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The shape a sheet has, from its headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The columns the project's CSV export writes.
    Own,
    /// TimelineJS3's Google Sheets template.
    TimelineJs,
    /// Any other sheet with a date column.
    Sheet,
}

impl Shape {
    pub fn code(self) -> &'static str {
        match self {
            Shape::Own => "own",
            Shape::TimelineJs => "timelinejs",
            Shape::Sheet => "sheet",
        }
    }
}

/// The names a header may have (compared lower-cased, with `_` and `-` read as spaces and runs
/// of white space as one), English and German.
const NAMES: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("date", Field::Date),
    ("datum", Field::Date),
    ("start", Field::Date),
    ("start date", Field::Date),
    ("startdatum", Field::Date),
    ("beginn", Field::Date),
    ("from", Field::Date),
    ("von", Field::Date),
    ("end", Field::End),
    ("ende", Field::End),
    ("end date", Field::End),
    ("enddatum", Field::End),
    ("until", Field::End),
    ("bis", Field::End),
    ("precision", Field::Precision),
    ("genauigkeit", Field::Precision),
    ("approximate", Field::Approximate),
    ("ungefähr", Field::Approximate),
    ("title", Field::Title),
    ("titel", Field::Title),
    ("headline", Field::Title),
    ("überschrift", Field::Title),
    ("event", Field::Title),
    ("ereignis", Field::Title),
    ("summary", Field::Summary),
    ("zusammenfassung", Field::Summary),
    ("description", Field::Summary),
    ("beschreibung", Field::Summary),
    ("text", Field::Summary),
    ("actors", Field::Actors),
    ("akteure", Field::Actors),
    ("categories", Field::Categories),
    ("kategorien", Field::Categories),
    ("tags", Field::Tags),
    ("schlagwörter", Field::Tags),
    ("schlagworte", Field::Tags),
    ("group", Field::Group),
    ("gruppe", Field::Group),
    ("series", Field::Group),
    ("serie", Field::Group),
    ("category", Field::Group),
    ("kategorie", Field::Group),
    ("place", Field::Place),
    ("ort", Field::Place),
    ("location", Field::Place),
    ("lat", Field::Lat),
    ("latitude", Field::Lat),
    ("breite", Field::Lat),
    ("breitengrad", Field::Lat),
    ("lon", Field::Lon),
    ("lng", Field::Lon),
    ("longitude", Field::Lon),
    ("länge", Field::Lon),
    ("längengrad", Field::Lon),
    ("confidence", Field::Confidence),
    ("verlässlichkeit", Field::Confidence),
    ("sources", Field::Sources),
    ("quellen", Field::Sources),
    ("link", Field::Link),
    ("url", Field::Link),
    ("source", Field::Link),
    ("quelle", Field::Link),
    ("display date", Field::DisplayDate),
    ("anzeigedatum", Field::DisplayDate),
    ("year", Field::Year),
    ("month", Field::Month),
    ("day", Field::Day),
    ("time", Field::Time),
    ("end year", Field::EndYear),
    ("end month", Field::EndMonth),
    ("end day", Field::EndDay),
    ("end time", Field::EndTime),
    ("type", Field::Type),
    ("media", Field::Media),
    ("media credit", Field::MediaCredit),
    ("media caption", Field::MediaCaption),
    ("media thumbnail", Field::MediaThumbnail),
    ("background", Field::Background),
];

/// A header as [`NAMES`] has it.
fn normal(header: &str) -> String {
    let lower: String = header
        .trim_start_matches('\u{feff}')
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { crate::core::query::search::lower(c) })
        .collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What each column holds, from its header (`None`: nothing the importer reads). A field named
/// by two columns is taken from the first.
pub fn recognise(headers: &[String]) -> Vec<Option<Field>> {
    let mut out: Vec<Option<Field>> = Vec::with_capacity(headers.len());
    for h in headers {
        let n = normal(h);
        let field = NAMES.iter().find(|(name, _)| *name == n).map(|&(_, f)| f);
        let taken = field.is_some_and(|f| out.contains(&Some(f)));
        out.push(field.filter(|_| !taken));
    }
    out
}

/// The project's own columns (what the CSV export writes) that a sheet must have to be read as one.
const OWN: [Field; 7] = [
    Field::Id,
    Field::Date,
    Field::Title,
    Field::Summary,
    Field::Categories,
    Field::Confidence,
    Field::Sources,
];

/// The shape of a sheet whose columns hold `columns`; `None` when no column holds a date.
pub fn shape(columns: &[Option<Field>]) -> Option<Shape> {
    let has = |f: Field| columns.contains(&Some(f));
    if OWN.iter().all(|&f| has(f)) {
        Some(Shape::Own)
    } else if has(Field::Year) && !has(Field::Date) {
        Some(Shape::TimelineJs)
    } else if has(Field::Date) {
        Some(Shape::Sheet)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(headers: &[&str]) -> Vec<Option<Field>> {
        recognise(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn headers_are_recognised_in_english_and_german_whatever_their_case_and_spacing() {
        assert_eq!(
            fields(&[
                "\u{feff}Datum",
                "Titel",
                " Beschreibung ",
                "Kategorie",
                "URL",
                "Display_Date",
                "Notiz"
            ]),
            [
                Some(Field::Date),
                Some(Field::Title),
                Some(Field::Summary),
                Some(Field::Group),
                Some(Field::Link),
                Some(Field::DisplayDate),
                None
            ]
        );
        assert_eq!(
            fields(&["End  Year", "Media Credit", "Media Caption"]),
            [Some(Field::EndYear), Some(Field::MediaCredit), Some(Field::MediaCaption)]
        );
    }

    #[test]
    fn every_field_has_a_code_of_its_own_that_reads_back() {
        for f in Field::ALL {
            assert_eq!(Field::from_code(f.code()), Some(f));
        }
        assert_eq!(Field::from_code("nothing"), None);
    }

    #[test]
    fn a_field_named_twice_is_read_from_its_first_column() {
        assert_eq!(fields(&["date", "start", "title"]), [Some(Field::Date), None, Some(Field::Title)]);
    }

    #[test]
    fn the_shape_follows_from_the_columns() {
        let own = fields(&crate::core::formats::export::CSV_COLUMNS);
        assert_eq!(shape(&own), Some(Shape::Own));
        let tl = fields(&["Year", "Month", "Day", "Headline", "Text", "Type", "Group"]);
        assert_eq!(shape(&tl), Some(Shape::TimelineJs));
        let pp = fields(&["date", "display_date", "description", "link", "series", "html"]);
        assert_eq!(shape(&pp), Some(Shape::Sheet));
        assert_eq!(shape(&fields(&["name", "notes"])), None);
    }
}
