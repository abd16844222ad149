use super::*;
use crate::core::dataset::date::Precision;
use crate::core::formats::read::looks_like_vis;

const SAMPLE: &str = r#"{
  "groups": [
    {"id": 1, "content": "<b>Energy</b>", "className": "red"},
    {"id": "g2", "content": "Talks", "nestedGroups": [1]}
  ],
  "items": [
    {"id": 1, "content": "Item <i>one</i>", "start": "2014-04-20", "group": 1},
    {"id": "kept-id", "content": "Range", "title": "Tooltip &amp; more", "start": "2014-04", "end": "2014-06-30", "type": "range", "group": "g2"},
    {"id": "Not A Slug", "content": "Point", "start": "2014-05-01T10:30:00Z", "end": "2014-05-09", "type": "point", "subgroup": "a"},
    {"content": "Millis", "start": 1398297600000, "style": "color: red"},
    {"content": "Summer", "start": "2014-06-01", "end": "2014-08-31", "type": "background"},
    {"id": "kept-id", "content": "<script>alert(1)</script>Twice", "start": "2014"}
  ]
}"#;

fn sample() -> (Dataset, Vec<VisNote>) {
    import_vis(SAMPLE, Some("https://example.org/data/vis.json")).unwrap_or_else(|e| panic!("{e}"))
}

fn event<'a>(d: &'a Dataset, title: &str) -> &'a Event {
    d.events.iter().find(|e| e.title.en == title).unwrap_or_else(|| panic!("no {title}"))
}

#[test]
fn vis_data_is_recognised_as_items_or_items_and_groups_and_ours_and_timelinejs_are_not() {
    assert!(looks_like_vis(SAMPLE));
    assert!(looks_like_vis(r#"[{"content": "a", "start": "2020-01-01"}]"#));
    assert!(looks_like_vis(r#"{"items": [{"start": 0}]}"#));
    assert!(!looks_like_vis(r#"{"events": [{"start_date": {"year": 2020}}]}"#));
    assert!(!looks_like_vis(r#"{"title": {"de": "a", "en": "a"}, "events": []}"#));
    assert!(!looks_like_vis(r#"[{"date": "2020", "start": "2020"}]"#));
    assert!(!looks_like_vis("[]"));
    assert!(!looks_like_vis("date,title\n2020,x"));
}

#[test]
fn the_reader_hands_vis_data_on_to_the_import_module_and_keeps_its_own_errors_for_the_rest() {
    use crate::core::formats::read::{read_text_noted, Foreign, LoadFailure};
    assert_eq!(read_text_noted(SAMPLE), Err(LoadFailure::ForImport(Foreign::Vis, SAMPLE.to_string())));
    let broken = r#"{"title": {"de": "T", "en": "T"}, "events": [{"id": "x"}]}"#;
    assert!(
        matches!(read_text_noted(broken), Err(LoadFailure::Invalid(_))),
        "a broken dataset of ours is named"
    );
}

#[test]
fn items_become_events_with_their_text_dates_and_groups_as_tags() {
    let (d, _) = sample();
    assert_eq!(d.events.len(), 5);
    let one = event(&d, "Item one");
    assert_eq!(one.id, "1", "a number id that is a slug is kept");
    assert_eq!(one.date, PartialDate::parse("2014-04-20").unwrap());
    assert_eq!(one.tags, ["energy"]);
    assert_eq!(one.categories, [Category::Energy], "a group named like a category gives it");
    let range = event(&d, "Range");
    assert_eq!((range.id.as_str(), range.summary.en.as_str()), ("kept-id", "Tooltip & more"));
    assert_eq!(range.date.precision(), Precision::Month);
    assert_eq!(range.end, Some(PartialDate::parse("2014-06-30").unwrap()));
    assert_eq!(range.tags, ["talks"]);
    let point = event(&d, "Point");
    assert_eq!(point.id, "item-3", "an id that is not a slug is made from the position");
    assert_eq!(
        (point.date, point.end),
        (PartialDate::parse("2014-05-01").unwrap(), None),
        "a point has no end"
    );
    assert_eq!(event(&d, "Millis").date, PartialDate::parse("2014-04-24").unwrap());
    let twice = event(&d, "Twice");
    assert_eq!(twice.id, "item-6", "a repeated id is made anew");
    assert_eq!(twice.date.precision(), Precision::Year);
    let tags = d.tags.as_ref().unwrap();
    assert_eq!(
        tags.iter().map(|t| (t.id.as_str(), t.name.en.as_str())).collect::<Vec<_>>(),
        [("energy", "Energy"), ("talks", "Talks")]
    );
    assert_eq!(one.sources[0].url, "https://example.org/data/vis.json");
}

#[test]
fn background_items_become_periods() {
    let (d, _) = sample();
    let periods = d.periods.as_ref().unwrap();
    assert_eq!(periods.len(), 1);
    assert_eq!((periods[0].id.as_str(), periods[0].title.de.as_str()), ("summer", "Summer"));
    assert_eq!(periods[0].to, PartialDate::parse("2014-08-31").unwrap());
    assert!(d.events.iter().all(|e| e.title.en != "Summer"));
}

#[test]
fn what_the_dataset_cannot_show_is_counted() {
    let (_, notes) = sample();
    assert_eq!(
        notes,
        [VisNote::TimesOfDay(1), VisNote::Styles(2), VisNote::Subgroups(1), VisNote::NestedGroups(1)]
    );
    let (_, none) = import_vis(r#"[{"content": "a", "start": "2020-01-01T00:00:00Z"}]"#, None).unwrap();
    assert_eq!(none, [], "midnight is no time of day");
}

#[test]
fn markup_in_content_and_title_is_text_and_nothing_runs() {
    let text = r#"[{"content": "<img src=x onerror=alert(1)><b>Bold</b> &lt;script&gt;", "start": "2020", "title": "<script>alert(2)</script>"}]"#;
    let (d, _) = import_vis(text, None).unwrap();
    assert_eq!(d.events[0].title.en, "Bold <script>");
    assert_eq!(d.events[0].summary.en, "Bold <script>", "an empty tooltip leaves the title");
    assert_eq!(d.events[0].sources[0].publisher, "vis-timeline");
}

#[test]
fn a_bad_date_names_the_item_and_field() {
    for (item, field) in [
        (r#"{"id": "a", "content": "x", "start": "2020-13-01"}"#, "start"),
        (r#"{"id": "a", "content": "x", "start": "yesterday"}"#, "start"),
        (r#"{"id": "a", "content": "x"}"#, "start"),
        (r#"{"id": "a", "content": "x", "start": "2020", "end": true}"#, "end"),
        (r#"{"id": "a", "content": "x", "start": 1e300}"#, "start"),
    ] {
        let e = import_vis(&format!("[{item}]"), None).unwrap_err();
        let p = &e.problems[0];
        assert_eq!((p.index, p.id.as_deref(), p.field.as_str()), (Some(0), Some("a"), field), "{item}");
    }
    let e = import_vis(r#"{"groups": []}"#, None).unwrap_err();
    assert_eq!(e.problems[0].field, "items");
    assert!(import_vis("{", None).is_err());
}

proptest::proptest! {
    #[test]
    fn any_text_imports_to_a_valid_dataset_or_named_errors_never_a_panic(text in "(?s).{0,200}") {
        if let Ok((d, _)) = import_vis(&text, None) {
            proptest::prop_assert!(validate(d).is_ok());
        }
    }
}

#[test]
fn expanded_years_as_javascript_writes_them_are_read_as_iso_8601_numbers_them() {
    let read = |s: &str| string_date(s).map(|(d, _)| d);
    assert_eq!(read("-000300-01-01"), PartialDate::parse("-0300-01-01"));
    assert_eq!(read("-000300-01-01T00:00:00.000Z"), PartialDate::parse("-0300-01-01"));
    assert_eq!(read("+002014-04-20"), PartialDate::parse("2014-04-20"));
    assert_eq!(read("-000044"), PartialDate::parse("-0044"));
    assert_eq!(read("-0300"), PartialDate::parse("-0300"), "a short signed year is a year too");
    assert_eq!(read("-1234567-01-01"), Err(DateError::Format), "more than six digits");
    assert_eq!(read("2014-4-200"), Err(DateError::Format), "a day of three digits");
}
