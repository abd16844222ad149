use super::*;
use crate::core::dataset::date::{DateError, PartialDate};
use crate::core::dataset::model::{Category, Confidence, Event, Lang, Place, Source, Text};
use crate::core::dataset::validate::{validate, MAX_DATE_TEXT_CHARS, MAX_REPORTED, MAX_TEXT_CHARS};
use crate::core::formats::export::to_csv;
use crate::core::i18n::{dataset_error_lines, import_notice};
use proptest::prelude::*;

fn read(text: &str) -> CsvImport {
    import_csv(text, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn notices(import: &CsvImport, lang: Lang) -> Vec<String> {
    import.notices.iter().map(|n| import_notice(lang, n)).collect()
}

fn titles(import: &CsvImport) -> Vec<&str> {
    import.dataset.events.iter().map(|e| e.title.en.as_str()).collect()
}

fn error_lines(text: &str, lang: Lang) -> Vec<String> {
    let e = import_csv(text, &ImportOptions::default()).expect_err("refused");
    dataset_error_lines(lang, &e)
}

const TIMELINEJS: &str = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n\
,,,,,,,,,The <b>Corridor</b>,How a route was <i>planned</i>,,,,,title,,\n\
2025,11,6,14:30,,,,,6 Nov,Talks open,<p>A &amp; B meet</p>,https://example.org/a.jpg,AP,,,,Energy,\n\
2026,Feb,,,2026,3,,,,Second step,,,,,,,Militär,#fff\n\
2024,,,,2025,,,,,An era,,,,,,era,,\n\
2025,2,30,,,,,,,Bad day,,,,,,,,\n";

#[test]
fn a_timelinejs_sheet_gives_its_title_events_eras_and_groups_and_counts_what_it_cannot_show() {
    let import = read(TIMELINEJS);
    assert_eq!(import.shape, Shape::TimelineJs);
    let ds = &import.dataset;
    assert_eq!(ds.title.en, "The Corridor");
    assert_eq!(ds.description.as_ref().map(|d| d.de.as_str()), Some("How a route was planned"));
    assert_eq!(titles(&import), ["Talks open", "Second step"]);
    let talks = &ds.events[0];
    assert_eq!(talks.date.to_string(), "2025-11-06");
    assert_eq!(talks.summary.en, "A & B meet");
    assert_eq!(talks.categories, [Category::Energy]);
    assert_eq!(talks.tags, ["energy"]);
    let second = &ds.events[1];
    assert_eq!(
        (second.date.to_string(), second.end.map(|d| d.to_string())),
        ("2026-02".into(), Some("2026-03".into()))
    );
    assert_eq!(second.categories, [Category::Military]);
    assert_eq!(second.sources[0].url, "https://timeline.knightlab.com/");
    let era = &ds.periods.as_ref().expect("the era row's period")[0];
    assert_eq!(
        (era.id.as_str(), era.from.to_string(), era.to.to_string()),
        ("an-era", "2024".into(), "2025".into())
    );
    assert_eq!(talks.date_text.as_ref().map(|t| t.en.as_str()), Some("6 Nov"));
    assert_eq!(
        notices(&import, Lang::En),
        [
            "1 row skipped: C6: invalid date (year 2025, month 2, day 30): no such date",
            "times of day of 1 row not shown",
            "backgrounds of 1 row not shown",
        ]
    );
    assert_eq!(
        notices(&import, Lang::De)[1..],
        ["Uhrzeiten aus 1 Zeile nicht angezeigt", "Hintergründe aus 1 Zeile nicht angezeigt"]
    );
    assert_eq!(
        notices(&import, Lang::De)[0],
        "1 Zeile übersprungen: C6: ungültiges Datum (Jahr 2025, Monat 2, Tag 30): Dieses Datum gibt es nicht"
    );
}

#[test]
fn a_timelinejs_sheets_media_columns_become_the_events_media_and_bad_addresses_are_counted() {
    let talks = &read(TIMELINEJS).dataset.events[0];
    let m = talks.media.as_ref().expect("media");
    assert_eq!(
        (m.url.as_str(), m.credit.as_ref().map(|c| c.en.as_str())),
        ("https://example.org/a.jpg", Some("AP"))
    );
    assert_eq!(
        m.alt.as_ref().map(|a| a.de.as_str()),
        Some("Talks open"),
        "an image without a caption: its title"
    );
    let sheet = "Year,Headline,Media,Media Credit,Media Caption,Media Thumbnail\n\
                 2020,Film,https://youtu.be/x,<b>TV</b>,A <i>film</i>,https://example.org/t.jpg\n\
                 2021,Tweet,\"<blockquote>embed</blockquote>\",,,\n\
                 2022,Map,img/map.png,,The route,javascript:alert(1)\n";
    let import = read(sheet);
    let media: Vec<_> = import.dataset.events.iter().map(|e| e.media.clone()).collect();
    let film = media[0].as_ref().unwrap();
    assert_eq!(film.alt, None, "a video needs no description");
    assert_eq!(
        (film.credit.as_ref().unwrap().en.as_str(), film.caption.as_ref().unwrap().de.as_str()),
        ("TV", "A film")
    );
    assert_eq!(film.thumbnail.as_deref(), Some("https://example.org/t.jpg"));
    assert_eq!(media[1], None, "embed code is no address");
    let map = media[2].as_ref().unwrap();
    assert_eq!((map.alt.as_ref().unwrap().en.as_str(), map.thumbnail.as_deref()), ("The route", None));
    assert_eq!(notices(&import, Lang::En), ["media of 2 rows not kept: not an http or https address"]);
}

#[test]
fn a_timelinesetter_sheet_is_read_by_its_column_names_and_links_become_sources() {
    let text = "date,display_date,description,link,series,html\n\
                3/14/2010,March 14,The first thing happened,https://www.example.org/1,Politics,<b>x</b>\n\
                4/2/2010,,\"A second, longer thing that happened over several days and needs more words than a title has\",,,\n";
    let import = import_csv(
        text,
        &ImportOptions { origin: Some("https://example.com/sheet.csv".into()), ..Default::default() },
    )
    .unwrap();
    assert_eq!(import.shape, Shape::Sheet);
    assert_eq!((import.order, import.order_guessed), (DateOrder::MonthDay, false));
    assert_eq!(
        import.columns,
        [
            Some(Field::Date),
            Some(Field::DisplayDate),
            Some(Field::Summary),
            Some(Field::Link),
            Some(Field::Group),
            None
        ]
    );
    let ds = &import.dataset;
    assert_eq!(ds.events[0].date.to_string(), "2010-03-14");
    assert_eq!(ds.events[0].title.en, "The first thing happened");
    assert_eq!(
        (ds.events[0].sources[0].publisher.as_str(), ds.events[0].sources[0].url.as_str()),
        ("example.org", "https://www.example.org/1")
    );
    assert_eq!(ds.events[0].tags, ["politics"]);
    assert_eq!(ds.events[1].date.to_string(), "2010-04-02");
    assert!(ds.events[1].title.en.ends_with('…') && ds.events[1].title.en.chars().count() <= 81);
    assert_eq!(
        ds.events[1].sources[0].url, "https://example.com/sheet.csv",
        "the sheet itself is the source"
    );
    let shown: Vec<_> = ds.events.iter().map(|e| e.date_text.clone()).collect();
    assert_eq!(shown, [Some(Text { de: "March 14".into(), en: "March 14".into() }), None]);
    assert!(import.notices.is_empty(), "{:?}", import.notices);
}

const ERAS: &str = "Year,Month,Day,End Year,End Month,End Day,Headline,Text,Type,Group\n\
2020,5,1,,,,Talks,,,Diplomacy\n\
1947,,,1991,12,,The <i>Cold</i> War,Long,era,Military\n\
1962,10,,,,,The Cold War,,Era,\n\
1989,11,9,1989,11,10,,Two days of <b>change</b>,ERA,\n\
2001,,,,,,!!,,era,\n";

#[test]
fn era_rows_of_a_timelinejs_sheet_become_periods() {
    let import = read(ERAS);
    assert_eq!(titles(&import), ["Talks"], "an era is no event");
    let periods = import.dataset.periods.as_ref().expect("periods");
    let got: Vec<(&str, &str, String, String)> = periods
        .iter()
        .map(|p| (p.id.as_str(), p.title.en.as_str(), p.from.to_string(), p.to.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("the-cold-war", "The Cold War", "1947".into(), "1991-12".into()),
            ("the-cold-war-2", "The Cold War", "1962-10".into(), "1962-10".into()),
            ("two-days-of-change", "Two days of change", "1989-11-09".into(), "1989-11-10".into()),
            ("period", "!!", "2001".into(), "2001".into()),
        ]
    );
    assert!(periods.iter().all(|p| p.title.de == p.title.en && p.category.is_none()));
    assert!(import.notices.is_empty(), "{:?}", import.notices);
    assert_eq!(read(TIMELINEJS.replace(",era,", ",,").as_str()).dataset.periods, None);
    let only_eras = read("Year,End Year,Headline,Type\n1990,2000,A decade,era\n");
    assert!(only_eras.dataset.events.is_empty());
    assert_eq!(only_eras.dataset.periods.map(|p| p.len()), Some(1));
}

#[test]
fn an_era_row_that_cannot_be_read_is_skipped_and_named_by_its_cell() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let text = format!(
        "Year,Month,Day,End Year,End Month,End Day,Headline,Text,Type\n\
         2020,,,,,,Talks,,\n\
         1990,,,2000,,,A decade,,era\n\
         ,5,,2000,,,No start,,era\n\
         1990,13,,,,,Bad month,,era\n\
         1990,,,1989,,,Ends first,,era\n\
         1990,,,,,,,,era\n\
         1990,,,,,,{long},,era\n"
    );
    let import = read(&text);
    assert_eq!(import.dataset.periods.as_ref().map(|p| p.len()), Some(1));
    let cells: Vec<String> = import.problems.iter().map(|p| cell_name(p.row, p.column.unwrap())).collect();
    assert_eq!(cells, ["A4", "B5", "D6", "G7", "G8"]);
    assert_eq!(
        notices(&import, Lang::En),
        ["5 rows skipped: A4: missing; B5: invalid date (year 1990, month 13, day -): no such date; \
          D6: the end 1989 is before the start 1990; G7: missing; \
          G8: the text has 10,001 characters; at most 10,000 are accepted"]
    );
    assert_eq!(
        notices(&import, Lang::De),
        ["5 Zeilen übersprungen: A4: fehlt; B5: ungültiges Datum (Jahr 1990, Monat 13, Tag -): Dieses Datum gibt es nicht; \
          D6: Das Ende 1989 liegt vor dem Beginn 1990; G7: fehlt; \
          G8: Der Text hat 10.001 Zeichen; erlaubt sind höchstens 10.000"]
    );
    let lines = error_lines("Year,Headline,Type\n1990,,era\n", Lang::En);
    assert_eq!(lines, ["B2: missing"], "a sheet none of whose rows can be read is refused");
}

#[test]
fn a_display_date_column_fills_each_events_date_text() {
    let long = "y".repeat(MAX_DATE_TEXT_CHARS + 5);
    let text = format!(
        "Year,Month,Display Date,Headline\n\
         1945,3,Spring <b>1945</b>,A\n\
         1946,,   ,B\n\
         1947,,{long},C\n"
    );
    let import = read(&text);
    let shown: Vec<Option<&Text>> = import.dataset.events.iter().map(|e| e.date_text.as_ref()).collect();
    assert_eq!(shown[0], Some(&Text { de: "Spring 1945".into(), en: "Spring 1945".into() }));
    assert_eq!(shown[1], None, "a blank cell is no display date");
    let cut = shown[2].expect("a long display date is kept");
    assert!(cut.en.chars().count() == MAX_DATE_TEXT_CHARS && cut.en.ends_with('…') && cut.de == cut.en);
    assert_eq!(import.dataset.events[0].date.to_string(), "1945-03", "the date still places the event");
    assert!(import.notices.is_empty(), "{:?}", import.notices);
    let sheet =
        read("Datum;Anzeigedatum;Titel;Quelle\n1.5.2025;\"Anfang\n  Mai\";Gespräche;https://example.org/\n");
    let t = sheet.dataset.events[0].date_text.as_ref().unwrap();
    assert_eq!((t.de.as_str(), t.en.as_str()), ("Anfang Mai", "Anfang Mai"));
}

#[test]
fn the_projects_own_display_date_column_is_read_as_written_and_may_be_missing() {
    let head = "id,date,end,precision,approximate,title,summary,actors,categories,tags,place,lat,lon,confidence,sources";
    let row = ",2025,,,,T,S,,energy,,,,,confirmed,https://example.org/";
    let long = "y".repeat(MAX_DATE_TEXT_CHARS + 1);
    let import = read(&format!(
        "{head},display_date\na{row},\" early\n  '25\"\nb{row},'-300\nc{row},  \nd{row},{long}\n"
    ));
    assert_eq!(import.shape, Shape::Own);
    assert!(import.notices.is_empty(), "{:?}", import.notices);
    let shown: Vec<Option<&str>> =
        import.dataset.events.iter().map(|e| e.date_text.as_ref().map(|t| t.en.as_str())).collect();
    let cut = format!("{}…", &long[..MAX_DATE_TEXT_CHARS - 1]);
    assert_eq!(shown, [Some(" early\n  '25"), Some("-300"), None, Some(cut.as_str())]);
    let t = import.dataset.events[0].date_text.as_ref().unwrap();
    assert_eq!(t.de, t.en, "the one language the sheet has, in both");
    // German headers, and a sheet written before the column was exported.
    let de = read(&format!(
        "id;datum;ende;genauigkeit;ungefähr;titel;zusammenfassung;akteure;kategorien;schlagwörter;ort;breite;länge;verlässlichkeit;quellen;anzeigedatum\n{};Mitte 2025\n",
        format!("a{row}").replace(',', ";")
    ));
    assert_eq!(
        (de.shape, de.dataset.events[0].date_text.as_ref().map(|t| t.de.as_str())),
        (Shape::Own, Some("Mitte 2025"))
    );
    let old = read(&format!("{head}\na{row}\n"));
    assert_eq!((old.shape, old.dataset.events[0].date_text.as_ref()), (Shape::Own, None));
}

#[test]
fn a_german_sheet_with_semicolons_german_headers_and_month_names_is_read() {
    let text = "Datum;Ende;Titel;Beschreibung;Kategorie;Ort;Breite;Länge;Quelle\r\n\
                06.11.2025;;Gespräche;Erste Runde;Diplomatie;Baku;40,41;49,87;https://example.org/a\r\n\
                März 2026;15. April 2026;Übung;\"Zwei\r\nZeilen\";Militär;;;;https://example.org/b\r\n";
    let import = read(text);
    assert_eq!((import.delimiter, import.shape), (b';', Shape::Sheet));
    let ds = &import.dataset;
    assert_eq!(titles(&import), ["Gespräche", "Übung"]);
    assert_eq!(ds.events[0].categories, [Category::Diplomacy]);
    let place = ds.events[0].place.as_ref().unwrap();
    assert_eq!((place.id.as_str(), place.lat, place.lon), ("baku", Some(40.41), Some(49.87)));
    assert_eq!(ds.events[1].date.to_string(), "2026-03");
    assert_eq!(ds.events[1].end.map(|d| d.to_string()).as_deref(), Some("2026-04-15"));
    assert_eq!(ds.events[1].summary.de, "Zwei\r\nZeilen");
    assert!(import.notices.is_empty());
}

#[test]
fn tabs_a_byte_order_mark_bare_carriage_returns_and_multi_line_cells_are_read() {
    let text = "\u{feff}date\ttitle\tlink\r2025-01-02\t\"one\nline\ttwo\"\thttps://example.org/\r2025-01-03\tplain\thttps://example.org/\r";
    let import = read(text);
    assert_eq!(import.delimiter, b'\t');
    assert_eq!(import.headers[0], "date", "the byte order mark is not part of the header");
    assert_eq!(titles(&import), ["one\nline\ttwo", "plain"]);
}

#[test]
fn the_order_of_day_and_month_is_found_exposed_and_can_be_set() {
    let text = "date,title,url\n3/4/2025,a,https://example.org/\n5/6/2025,b,https://example.org/\n";
    let guessed = read(text);
    assert_eq!((guessed.order, guessed.order_guessed), (DateOrder::MonthDay, true));
    assert_eq!(guessed.dataset.events[0].date.to_string(), "2025-03-04");
    let set =
        import_csv(text, &ImportOptions { order: Some(DateOrder::DayMonth), ..Default::default() }).unwrap();
    assert_eq!((set.order, set.order_guessed), (DateOrder::DayMonth, false));
    assert_eq!(set.dataset.events[0].date.to_string(), "2025-04-03");
    let decided = read("date;title;url\n3/4/2025;a;https://example.org/\n25/6/2025;b;https://example.org/\n");
    assert_eq!((decided.order, decided.order_guessed), (DateOrder::DayMonth, false));
}

#[test]
fn the_columns_can_be_given_instead_of_recognised() {
    let text = "when,what,notes\n2025-01-02,Talks,https://example.org/\n";
    assert_eq!(
        error_lines(text, Lang::En),
        ["Dataset: no column of dates found: name one “Date”, “Start” or “Year”"]
    );
    let columns = Some(vec![Some(Field::Date), Some(Field::Title), Some(Field::Link)]);
    let import = import_csv(text, &ImportOptions { columns, ..Default::default() }).unwrap();
    assert_eq!(titles(&import), ["Talks"]);
    assert_eq!(import.dataset.events[0].sources[0].url, "https://example.org/");
}

#[test]
fn a_row_that_cannot_be_read_is_skipped_and_named_by_its_cell_in_both_languages() {
    let mut text = String::from("title,summary,date,url\n");
    text.push_str("Good,Fine,2025-01-01,https://example.org/\n");
    for k in 0..10 {
        text.push_str(&format!("Bad {k},Wrong,2025-02-30,https://example.org/\n"));
    }
    text.push_str("No link,x,2025-01-02,ftp://example.org/\n");
    let import = read(&text);
    assert_eq!(titles(&import), ["Good"]);
    let en = notices(&import, Lang::En);
    assert!(
        en[0].starts_with("11 rows skipped: C3: invalid date “2025-02-30”: no such date; C4: "),
        "{}",
        en[0]
    );
    assert!(en[0].ends_with("; … and 3 more"), "{}", en[0]);
    let de = notices(&import, Lang::De);
    assert!(
        de[0].starts_with(
            "11 Zeilen übersprungen: C3: ungültiges Datum „2025-02-30“: Dieses Datum gibt es nicht"
        ),
        "{}",
        de[0]
    );
    let CsvImport { notices: n, .. } =
        read("date,title,url\n2025,ok,https://example.org/\n2025,bad link,ftp://x\n");
    let Notice::RowsSkipped { problems, .. } = &n[0] else { panic!() };
    assert_eq!(cell_name(problems[0].row, problems[0].column.unwrap()), "C3");
}

#[test]
fn every_skipped_row_is_listed_with_its_cell_while_the_notice_names_the_first_few() {
    let bad: String =
        (0..MAX_REPORTED + 4).map(|i| format!("2025-02-30,bad {i},https://example.org/\n")).collect();
    let import =
        read(&format!("date,title,url\n2025,ok,https://example.org/\n{bad}2025,,https://example.org/\n"));
    assert_eq!(import.problems.len(), MAX_REPORTED + 5);
    assert_eq!(cell_name(import.problems[0].row, import.problems[0].column.unwrap()), "A3");
    let last = import.problems.last().unwrap();
    assert_eq!(cell_name(last.row, last.column.unwrap()), format!("B{}", MAX_REPORTED + 7));
    let Notice::RowsSkipped { count, problems } = &import.notices[0] else { panic!() };
    assert_eq!((*count, problems.len()), (MAX_REPORTED + 5, MAX_REPORTED));
    let many: String = (0..MAX_LISTED + 10).map(|_| "soon,x,https://example.org/\n").collect();
    let import = read(&format!("date,title,url\n2025,ok,https://example.org/\n{many}"));
    assert_eq!(import.problems.len(), MAX_LISTED);
    assert!(read("date,title,url\n2025,ok,https://example.org/\n").problems.is_empty());
}

#[test]
fn a_sheet_none_of_whose_rows_can_be_read_is_refused_with_its_cells_named() {
    let lines =
        error_lines("date,title,url\nsoon,a,https://example.org/\n2025,,https://example.org/\n", Lang::En);
    assert_eq!(lines, ["A2: invalid date “soon”: expected YYYY, YYYY-MM or YYYY-MM-DD", "B3: missing"]);
    let lines = error_lines("date,title\n2025,a\n", Lang::De);
    assert_eq!(lines, ["Zeile 2: Mindestens eine Quelle ist nötig"]);
}

#[test]
fn a_cell_over_the_text_limit_is_named() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let import =
        read(&format!("date,title,url\n2025,ok,https://example.org/\n2025,{long},https://example.org/\n"));
    assert_eq!(
        notices(&import, Lang::En),
        ["1 row skipped: B3: the text has 10,001 characters; at most 10,000 are accepted"]
    );
}

#[test]
fn a_twenty_megabyte_sheet_and_a_million_rows_are_refused_with_a_clear_message() {
    let big =
        format!("date,title\n{}", "2025,a title that fills the sheet\n".repeat(20 * 1024 * 1024 / 34 + 1));
    assert!(big.len() >= 20 * 1024 * 1024);
    let lines = error_lines(&big, Lang::En);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("Dataset: the file is 20,971,"), "{}", lines[0]);
    assert!(lines[0].ends_with("at most 8,388,608 are accepted"), "{}", lines[0]);
    let rows = format!("date\n{}", "1\n".repeat(1_000_000));
    assert_eq!(
        error_lines(&rows, Lang::En),
        ["Dataset: the sheet has 1,000,000 rows; at most 200,000 are read"]
    );
    assert_eq!(
        error_lines(&rows, Lang::De),
        ["Datei: Die Tabelle hat 1.000.000 Zeilen; gelesen werden höchstens 200.000"]
    );
}

#[test]
fn blank_rows_are_passed_over_and_a_header_alone_is_an_empty_timeline() {
    let import = read("date,title,url\n,,\n2025,a,https://example.org/\n\n");
    assert_eq!(titles(&import), ["a"]);
    assert!(import.notices.is_empty());
    assert!(read("date,title\n").dataset.events.is_empty());
}

#[test]
fn generated_ids_come_from_titles_and_never_repeat() {
    let import = read("date,title,url\n2025,Talks,https://example.org/\n2026,Talks,https://example.org/\n2027,Talks,https://example.org/\n2028,!!,https://example.org/\n");
    let ids: Vec<&str> = import.dataset.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["talks", "talks-2", "talks-3", "event"]);
}

#[test]
fn the_projects_own_columns_with_german_headers_are_read_as_its_own() {
    let text = "id;datum;ende;genauigkeit;ungefähr;titel;zusammenfassung;akteure;kategorien;schlagwörter;ort;breite;länge;verlässlichkeit;quellen\n\
                a-1;2025-11-06;;day;ja;Titel;Text;az nato;energie military;oil;Baku;40,4;49,8;bestätigt;https://example.org/a https://example.org/b\n";
    let import = read(text);
    assert_eq!(import.shape, Shape::Own);
    let e = &import.dataset.events[0];
    assert_eq!((e.id.as_str(), e.approximate, e.confidence), ("a-1", true, Confidence::Confirmed));
    assert_eq!(e.categories, [Category::Energy, Category::Military]);
    assert_eq!(e.actors, ["az", "nato"]);
    assert_eq!(e.sources.len(), 2);
    let kinds: Vec<_> = import.dataset.actors.iter().map(|a| a.kind.code()).collect();
    assert_eq!(kinds, ["state", "organisation"]);
}

#[test]
fn an_unknown_category_or_a_repeated_id_skips_the_row_at_its_cell() {
    let head = "id,date,end,precision,approximate,title,summary,actors,categories,tags,place,lat,lon,confidence,sources\n";
    let text = format!(
        "{head}a,2025,,,,T,S,,energy,,,,,confirmed,https://example.org/\n\
         a,2025,,,,T,S,,energy,,,,,confirmed,https://example.org/\n\
         b,2025,,,,T,S,,cooking,,,,,confirmed,https://example.org/\n\
         c,2025,,,,T,S,,energy,,,,,sure,https://example.org/\n\
         d,2025,2024,,,T,S,,energy,,P,91,,confirmed,https://example.org/\n\
         e,2025,,,,T,S,,energy,,P,91,,confirmed,https://example.org/\n"
    );
    let import = read(&text);
    assert_eq!(import.dataset.events.len(), 1);
    assert_eq!(
        notices(&import, Lang::En),
        ["5 rows skipped: A3: this ID is already used by an earlier event; I4: “cooking” is not a value this column takes; \
          N5: “sure” is not a value this column takes; C6: the end 2024 is before the start 2025; \
          L7: latitude must be between -90 and 90"]
    );
}

#[test]
fn the_delimiter_is_the_one_the_header_line_has_most_of_outside_quotes() {
    assert_eq!(detect_delimiter("a;b;c\n1,2,3"), b';');
    assert_eq!(detect_delimiter("\"a;b\",c\n"), b',');
    assert_eq!(detect_delimiter("a\tb;c\td"), b'\t');
    assert_eq!(detect_delimiter("single"), b',');
}

#[test]
fn cells_are_named_as_a_spreadsheet_names_them() {
    assert_eq!(cell_name(7, 2), "C7");
    assert_eq!(cell_name(1, 25), "Z1");
    assert_eq!(cell_name(12, 26), "AA12");
    assert_eq!(cell_name(3, 701), "ZZ3");
    assert_eq!(cell_name(3, 702), "AAA3");
}

#[test]
fn a_cell_written_safe_from_formulas_is_read_as_it_was() {
    let import = read("date,title,summary,url\n2025,'=SUM(A1),'@x,https://example.org/\n2026,'plain,'-,https://example.org/\n");
    assert_eq!(titles(&import), ["=SUM(A1)", "'plain"]);
    assert_eq!(import.dataset.events[0].summary.en, "@x");
    assert_eq!(import.dataset.events[1].summary.en, "-");
}

// The round trip: what the CSV export writes reads back as the same events.

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z=+@'\\-\t ,;\"\n\räöü€😀]{0,12}[a-zA-Zäß]".prop_map(|s| s)
}

fn date() -> impl Strategy<Value = PartialDate> {
    use crate::core::dataset::date::{MIN_CALENDAR_YEAR, MIN_YEAR};
    let calendar = (MIN_CALENDAR_YEAR..=9999i64, 0u32..=12, 0u32..=28).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => PartialDate::year(y).unwrap(),
        (m, 0) => PartialDate::month(y, m).unwrap(),
        (m, d) => PartialDate::day(y, m, d).unwrap(),
    });
    let deep = (MIN_YEAR..MIN_CALENDAR_YEAR).prop_map(|y| PartialDate::year(y).unwrap());
    prop_oneof![4 => calendar, 1 => deep]
}

fn event() -> impl Strategy<Value = Event> {
    (
        ("[a-z0-9_-]{1,8}", date(), proptest::option::of(0i64..4000), any::<bool>(), text(), text(), text()),
        (
            proptest::sample::subsequence(vec!["az", "am", "nato"], 0..3),
            proptest::sample::subsequence(Category::ALL.to_vec(), 1..5),
            proptest::sample::subsequence(vec!["oil", "-rail", "gas_line"], 0..3),
            proptest::option::of((
                text(),
                proptest::option::of(-90.0f64..90.0),
                proptest::option::of(-180.0f64..180.0),
            )),
            any::<bool>(),
            proptest::collection::vec("https://example\\.org/[a-z?=&,;]{0,6}", 1..3),
            proptest::option::of((text(), text())),
        ),
    )
        .prop_map(
            |(
                (id, date, span, approximate, title, de, en),
                (actors, categories, tags, place, confirmed, urls, shown),
            )| Event {
                id,
                date,
                end: span.and_then(|days| {
                    PartialDate::of_day(date.last_day() + days).filter(|d| d.year_value() <= 9999)
                }),
                approximate,
                title: Text { de: format!("{title} de"), en: title },
                summary: Text { de, en },
                actors: actors.into_iter().map(str::to_string).collect(),
                categories,
                tags: tags.into_iter().map(str::to_string).collect(),
                place: place.map(|(name, lat, lon)| Place {
                    id: "p".into(),
                    name: Text { de: name.clone(), en: name },
                    lat,
                    lon,
                }),
                sources: urls
                    .into_iter()
                    .map(|url| Source {
                        title: Some("T".into()),
                        publisher: "P".into(),
                        url,
                        date: None,
                        lang: None,
                        about: None,
                        kind: None,
                    })
                    .collect(),
                related: Vec::new(),
                confidence: if confirmed { Confidence::Confirmed } else { Confidence::PerArticle },
                date_text: shown.map(|(de, en)| Text { de, en }),
                media: None,
            },
        )
}

proptest! {
    #[test]
    fn an_exported_csv_reads_back_as_the_same_events(events in proptest::collection::vec(event(), 0..12), de in any::<bool>()) {
        let mut events = events;
        for (i, e) in events.iter_mut().enumerate() {
            e.id = format!("{}{i}", e.id);
        }
        let actors = ["az", "am", "nato"].map(|id| crate::core::dataset::model::Actor {
            id: id.into(),
            kind: crate::core::dataset::model::ActorKind::Organisation,
            name: Text { de: id.into(), en: id.into() },
        });
        let ds = validate(Dataset { title: Text { de: "T".into(), en: "T".into() }, actors: actors.to_vec(), events, ..Dataset::default() }).unwrap();
        let lang = if de { Lang::De } else { Lang::En };
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let exported = to_csv(&ds, &all, lang);
        let import = read(&exported);
        prop_assert_eq!(import.shape, Shape::Own);
        prop_assert!(import.notices.is_empty(), "{:?}", import.notices);
        let back = &import.dataset;
        prop_assert_eq!(back.events.len(), ds.events.len());
        for (a, b) in ds.events.iter().zip(&back.events) {
            prop_assert_eq!(&a.id, &b.id);
            prop_assert_eq!((a.date, a.end, a.approximate), (b.date, b.end, b.approximate));
            prop_assert_eq!(a.title.get(lang), b.title.get(lang));
            prop_assert_eq!(a.summary.get(lang), b.summary.get(lang));
            prop_assert_eq!((&a.actors, &a.categories, &a.tags, a.confidence), (&b.actors, &b.categories, &b.tags, b.confidence));
            prop_assert_eq!(a.place.as_ref().map(|p| (p.name.get(lang), p.lat, p.lon)), b.place.as_ref().map(|p| (p.name.get(lang), p.lat, p.lon)));
            let urls = |e: &Event| e.sources.iter().map(|s| s.url.clone()).collect::<Vec<_>>();
            prop_assert_eq!(urls(a), urls(b));
            prop_assert_eq!(a.date_text.as_ref().map(|t| t.get(lang)), b.date_text.as_ref().map(|t| t.get(lang)));
            prop_assert!(b.date_text.as_ref().is_none_or(|t| t.de == t.en), "one language, in both");
        }
        prop_assert_eq!(to_csv(back, &all, lang), exported);
    }
}

#[test]
fn a_date_error_from_a_sheet_says_what_the_date_was() {
    let import = read("date,title,url\n2025,ok,https://example.org/\n31.02.2025,x,https://example.org/\n");
    let Notice::RowsSkipped { problems, .. } = &import.notices[0] else { panic!() };
    assert_eq!(
        problems[0].kind,
        ProblemKind::InvalidDate { value: "31.02.2025".into(), error: DateError::NoSuchDate }
    );
}

#[test]
fn the_dataset_json_is_the_export_without_indentation_and_reads_back_the_same() {
    let import = read(
        "date,title,summary,url\n2025,\"Quote \"\" and \\ back\",\"two\n  lines\",https://example.org/\n",
    );
    let json = dataset_json(&import.dataset);
    assert!(
        !json.contains("\n") && json.contains("two\\n  lines") && json.contains("Quote \\\" and \\\\ back"),
        "{json}"
    );
    let back = crate::core::formats::read::load_dataset(&json).unwrap();
    assert_eq!(back, import.dataset);
}

#[test]
fn the_headers_of_a_refused_sheet_can_still_be_read() {
    assert_eq!(
        read_headers("\u{feff}when;\"what, really\"\n1;2\n"),
        (b';', vec!["when".to_string(), "what, really".to_string()])
    );
    assert_eq!(read_headers(""), (b',', Vec::new()));
}

#[test]
fn the_templates_in_english_and_german_read_as_the_projects_own_columns_without_a_notice() {
    let en = read(include_str!("../../../../www/templates/timeline-template-en.csv"));
    let de = read(include_str!("../../../../www/templates/timeline-template-de.csv"));
    for import in [&en, &de] {
        assert_eq!(import.shape, Shape::Own);
        assert!(import.notices.is_empty(), "{:?}", import.notices);
        let spans: Vec<_> = import
            .dataset
            .events
            .iter()
            .map(|e| {
                (
                    e.date.to_string(),
                    e.end.map(|d| d.to_string()),
                    e.approximate,
                    e.categories.clone(),
                    e.confidence,
                )
            })
            .collect();
        assert_eq!(
            spans,
            [
                ("2025-11-06".into(), None, false, vec![Category::Diplomacy], Confidence::Confirmed),
                (
                    "2025-12".into(),
                    Some("2026-02".into()),
                    true,
                    vec![Category::Transport, Category::Energy],
                    Confidence::PerArticle
                ),
                ("2026".into(), None, false, vec![Category::Analysis], Confidence::PerArticle),
            ]
        );
    }
    let shown = |i: &CsvImport| {
        i.dataset.events.iter().map(|e| e.date_text.as_ref().map(|t| t.en.clone())).collect::<Vec<_>>()
    };
    assert_eq!(shown(&en), [None, Some("winter 2025–26".into()), None]);
    assert_eq!(shown(&de), [None, Some("Winter 2025/26".into()), None]);
    assert_eq!(de.delimiter, b';');
    assert_eq!(de.dataset.events[0].place.as_ref().and_then(|p| p.lat), Some(40.4093));
}

#[test]
fn the_timelinejs_sheet_of_the_browser_tests_reads_as_they_expect() {
    let import = read(include_str!("../../../../tests/fixtures/sheet-timelinejs.csv"));
    let ids: Vec<&str> = import.dataset.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["the-first-contract", "the-pipeline-opens", "a-ceasefire"]);
    let periods = import.dataset.periods.as_ref().expect("the era row's period");
    let got: Vec<_> = periods
        .iter()
        .map(|p| (p.id.as_str(), p.title.de.as_str(), p.from.to_string(), p.to.to_string()))
        .collect();
    assert_eq!(got, [("a-decade", "A decade", "1990".into(), "2000".into())]);
    let opens = import.dataset.event("the-pipeline-opens").unwrap();
    assert_eq!(opens.date_text, Some(Text { de: "13 July".into(), en: "13 July".into() }));
    assert_eq!(
        notices(&import, Lang::En),
        [
            "1 row skipped: C7: invalid date (year 2025, month 2, day 30): no such date",
            "times of day of 1 row not shown"
        ]
    );
}
