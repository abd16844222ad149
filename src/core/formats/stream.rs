//! Reading a dataset while it downloads.
//!
//! A dataset from a URL arrives in chunks, and at 100,000 events downloading it and reading it
//! each take hundreds of milliseconds. [`DatasetStream`] takes the chunks as they come and
//! parses every event as soon as its text is complete, so that most of the reading is done by
//! the time the last byte is in.
//!
//! It reads only the plain shape of a dataset in the project's schema: one object whose members
//! are `title`, `actors`, `events`, `description`, `view` and `tags`, named without escapes, each
//! at most once. Anything else (a
//! byte order mark, another member, an event the parser rejects, a TimelineJS3 file, a syntax
//! error, a text over the size limit) makes it stop, and at the end the whole text is read the
//! usual way ([`crate::core::formats::read::read_text`]), so that a dataset gives the same result and the same messages
//! whichever way it arrives. A property test (`tests/fuzz.rs`) holds the two to that for valid,
//! broken and random texts cut into random chunks.

use crate::core::dataset::model::{Actor, Dataset, Event, Tag, Text};
use crate::core::dataset::validate::{MAX_DATASET_BYTES, MAX_EVENTS};
use crate::core::formats::json::{read_prefix, FromJson};
use crate::core::formats::jsonpath::is_json_space;
use crate::core::formats::read::{body_text, read_text_noted, ImportNote, LoadFailure};
use crate::core::formats::read::{whole_dataset, DatasetHead};

/// A dataset being read as its bytes arrive (see the module documentation).
pub struct DatasetStream {
    /// The text so far, as far as it is valid UTF-8 (the parser then reads it as text, as it
    /// reads a whole dataset, without checking every string's bytes again), from where the
    /// text in `parsed` ends.
    text: String,
    /// Text already read, in the order it came. When `text` is full, the part of it already read
    /// moves here as it is and only the rest is copied to a new buffer, instead of growing
    /// `text` by copying all of it (a dataset served without its length, such as a compressed
    /// one, would otherwise be copied about twice over while it arrives). It is kept only for
    /// reading the whole text if the stream gives up.
    parsed: Vec<String>,
    /// How many bytes `parsed` holds.
    parsed_len: usize,
    /// The first bytes of a character that the last chunk cut in two.
    cut: Vec<u8>,
    /// Every byte so far, once the stream has given up (the text's bytes, then the rest as it
    /// came): the whole text is read from these at the end. From then on the stream only keeps
    /// bytes.
    raw: Option<Vec<u8>>,
    /// Where reading goes on.
    at: usize,
    /// What is expected at `at`.
    step: Step,
    /// A value cut off by the end of the bytes is tried again only once this many bytes are
    /// in (twice as many past `at` as at the last try), so that a long value arriving in many
    /// small chunks is not parsed over and over.
    retry_at: usize,
    title: Option<Option<Text>>,
    actors: Option<Option<Vec<Actor>>>,
    description: Option<Option<Text>>,
    view: Option<Option<String>>,
    tags: Option<Option<Vec<Tag>>>,
    events: Option<Vec<Event>>,
    /// How many values the parser was started on (for the tests).
    #[cfg(test)]
    tries: usize,
}

/// Where the stream is in the dataset's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Before the opening `{`.
    Open,
    /// After `{`: a member's name or `}`.
    FirstName,
    /// After `,`: a member's name.
    Name,
    /// After a member's name: `:`.
    Colon(Member),
    /// After `:`: the member's value.
    Value(Member),
    /// After a member's value: `,` or `}`.
    NextMember,
    /// After `"events": [`: an event or `]`.
    FirstEvent,
    /// After an event's `,`: an event.
    Event,
    /// After an event: `,` or `]`.
    NextEvent,
    /// After the closing `}`: only whitespace may follow.
    Closed,
}

/// The members the stream reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Member {
    Title,
    Actors,
    Description,
    View,
    Tags,
    Events,
}

/// How reading went on.
enum Went {
    /// Past the next token or value.
    On,
    /// The rest is not in yet.
    Wait,
    /// Not the plain shape.
    Off,
}

/// What a try at reading a value gave.
enum Got<T> {
    /// The value, and where its text ends.
    Value(T, usize),
    /// Its text is not all in yet.
    More,
    /// Not a value the dataset can have here.
    No,
}

impl DatasetStream {
    /// A stream for a body of `expected` bytes, if the server said how many.
    pub fn new(expected: Option<usize>) -> DatasetStream {
        let capacity = expected.unwrap_or(0).min(MAX_DATASET_BYTES + 1);
        DatasetStream {
            text: String::with_capacity(capacity),
            parsed: Vec::new(),
            parsed_len: 0,
            cut: Vec::new(),
            raw: None,
            at: 0,
            step: Step::Open,
            retry_at: 0,
            title: None,
            actors: None,
            description: None,
            view: None,
            tags: None,
            events: None,
            #[cfg(test)]
            tries: 0,
        }
    }

    /// Takes the next chunk of the body and reads what is complete.
    pub fn push(&mut self, mut chunk: &[u8]) {
        if let Some(raw) = &mut self.raw {
            raw.extend_from_slice(chunk);
            return;
        }
        self.make_room(chunk.len() + self.cut.len());
        // A character the last chunk cut in two is completed from this one.
        if let Some(&lead) = self.cut.first() {
            let take = (utf8_len(lead) - self.cut.len()).min(chunk.len());
            self.cut.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            if self.cut.len() < utf8_len(lead) {
                return;
            }
            match std::str::from_utf8(&self.cut) {
                Ok(c) => self.text.push_str(c),
                Err(_) => return self.give_up(chunk),
            }
            self.cut.clear();
        }
        match std::str::from_utf8(chunk) {
            Ok(text) => self.text.push_str(text),
            Err(e) => {
                let (valid, rest) = chunk.split_at(e.valid_up_to());
                self.text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                // Malformed, or cut short by the chunk's end.
                if e.error_len().is_some() {
                    return self.give_up(rest);
                }
                self.cut.extend_from_slice(rest);
            }
        }
        if self.parsed_len + self.text.len() > MAX_DATASET_BYTES {
            return self.give_up(&[]);
        }
        if self.text.len() >= self.retry_at {
            self.read();
        }
    }

    /// The dataset, once every byte is in: as read while it arrived, or read whole.
    pub fn finish(self) -> Result<Dataset, LoadFailure> {
        self.finish_noted().map(|(d, _)| d)
    }

    /// Like [`DatasetStream::finish`], with what an import shows otherwise than the tool it
    /// came from (see [`read_text_noted`]).
    pub fn finish_noted(self) -> Result<(Dataset, Vec<ImportNote>), LoadFailure> {
        self.finish_kept().map(|(d, notes, _)| (d, notes))
    }

    /// Like [`DatasetStream::finish_noted`], with the text it was read from, in the parts it is
    /// kept in (given back, not copied).
    #[allow(clippy::type_complexity)]
    pub fn finish_kept(mut self) -> Result<(Dataset, Vec<ImportNote>, Vec<String>), LoadFailure> {
        self.read();
        if let (Step::Closed, Some(events), None, true) =
            (self.step, self.events.take(), &self.raw, self.cut.is_empty())
        {
            let head = DatasetHead {
                title: self.title.flatten(),
                actors: self.actors.flatten(),
                description: self.description.flatten(),
                view: self.view.flatten(),
                tags: self.tags.flatten(),
                // A dataset with periods is not the plain shape: it is read whole.
                periods: None,
            };
            let mut parts = std::mem::take(&mut self.parsed);
            parts.push(std::mem::take(&mut self.text));
            return whole_dataset(head, events).map(|d| (d, Vec::new(), parts)).map_err(LoadFailure::Invalid);
        }
        let text = body_text(self.bytes());
        read_text_noted(&text).map(|(d, notes)| (d, notes, vec![text]))
    }

    /// Makes room in `text` for `more` bytes (see `parsed`).
    fn make_room(&mut self, more: usize) {
        let unread = self.text.len() - self.at;
        if self.text.len() + more <= self.text.capacity() || self.at < unread {
            return;
        }
        let Some(rest) = self.text.get(self.at..) else { return };
        let mut fresh = String::with_capacity(self.text.capacity().max(2 * (unread + more)));
        fresh.push_str(rest);
        let mut done = std::mem::replace(&mut self.text, fresh);
        done.truncate(self.at);
        self.parsed_len += done.len();
        self.parsed.push(done);
        self.retry_at = self.retry_at.saturating_sub(self.at);
        self.at = 0;
    }

    /// Every byte so far, in the order they came; the stream keeps none of them after this.
    fn bytes(&mut self) -> Vec<u8> {
        self.raw.take().unwrap_or_else(|| {
            let total = self.parsed_len + self.text.len() + self.cut.len();
            let mut parts = std::mem::take(&mut self.parsed);
            parts.push(std::mem::take(&mut self.text));
            let mut parts = parts.into_iter();
            // The first part's buffer is kept, not copied.
            let mut raw = parts.next().unwrap_or_default().into_bytes();
            raw.reserve(total - raw.len());
            for part in parts {
                raw.extend_from_slice(part.as_bytes());
            }
            raw.append(&mut self.cut);
            self.parsed_len = 0;
            raw
        })
    }

    /// Stops reading as the bytes come (they are not the plain shape, or not valid UTF-8, or too
    /// many): they are only kept (`rest` is the part of the latest chunk not yet kept), for
    /// reading the whole text at the end.
    fn give_up(&mut self, rest: &[u8]) {
        let mut raw = self.bytes();
        raw.extend_from_slice(rest);
        self.raw = Some(raw);
        self.title = None;
        self.actors = None;
        self.description = None;
        self.view = None;
        self.tags = None;
        self.events = None;
    }

    /// Reads on from `at` as far as the bytes go, unless the stream has given up.
    fn read(&mut self) {
        if self.raw.is_some() {
            return;
        }
        while let Some(&b) = self.text.as_bytes().get(self.at) {
            if is_json_space(b) {
                self.at += 1;
                continue;
            }
            let went = match (self.step, b) {
                (Step::Open, b'{') => self.token(Step::FirstName),
                (Step::FirstName | Step::NextMember, b'}') => self.token(Step::Closed),
                (Step::FirstName | Step::Name, b'"') => match self.name() {
                    Got::Value(member, end) => self.moved(end, Step::Colon(member)),
                    Got::More => Went::Wait,
                    Got::No => Went::Off,
                },
                (Step::Colon(member), b':') => self.token(Step::Value(member)),
                (Step::Value(Member::Title), _) => self.member(|s, v| s.title = Some(v)),
                (Step::Value(Member::Actors), _) => self.member(|s, v| s.actors = Some(v)),
                (Step::Value(Member::Description), _) => self.member(|s, v| s.description = Some(v)),
                (Step::Value(Member::View), _) => self.member(|s, v| s.view = Some(v)),
                (Step::Value(Member::Tags), _) => self.member(|s, v| s.tags = Some(v)),
                (Step::Value(Member::Events), b'[') => {
                    self.events = Some(Vec::new());
                    self.token(Step::FirstEvent)
                }
                (Step::FirstEvent | Step::NextEvent, b']') => self.token(Step::NextMember),
                (Step::FirstEvent | Step::Event, _) => match self.value::<Event>() {
                    Got::Value(event, end) => {
                        let events = self.events.get_or_insert_with(Vec::new);
                        events.push(event);
                        // Past the limit, the whole reader's error is the one to give.
                        if events.len() > MAX_EVENTS {
                            Went::Off
                        } else {
                            self.moved(end, Step::NextEvent)
                        }
                    }
                    got => got.went(),
                },
                (Step::NextEvent, b',') => self.token(Step::Event),
                (Step::NextMember, b',') => self.token(Step::Name),
                _ => Went::Off,
            };
            match went {
                Went::On => {}
                Went::Wait => return,
                Went::Off => return self.give_up(&[]),
            }
        }
    }

    /// Steps over a one-byte token.
    fn token(&mut self, next: Step) -> Went {
        self.moved(self.at + 1, next)
    }

    fn moved(&mut self, to: usize, next: Step) -> Went {
        self.at = to;
        self.step = next;
        Went::On
    }

    /// The member name starting at `at` (a `"`), if it is one the stream reads and has not
    /// read yet.
    fn name(&self) -> Got<Member> {
        // The longest name read is eleven bytes: a longer one is another member.
        const LONGEST: usize = "description".len() + 1;
        let rest = &self.text.as_bytes()[self.at + 1..];
        let Some(len) = rest.iter().take(LONGEST).position(|&b| b == b'"' || b == b'\\') else {
            return if rest.len() >= LONGEST { Got::No } else { Got::More };
        };
        let member = match (&rest[..len], rest[len]) {
            (b"title", b'"') if self.title.is_none() => Member::Title,
            (b"actors", b'"') if self.actors.is_none() => Member::Actors,
            (b"events", b'"') if self.events.is_none() => Member::Events,
            (b"description", b'"') if self.description.is_none() => Member::Description,
            (b"view", b'"') if self.view.is_none() => Member::View,
            (b"tags", b'"') if self.tags.is_none() => Member::Tags,
            _ => return Got::No,
        };
        Got::Value(member, self.at + 1 + len + 1)
    }

    /// The value of a member other than `events`, kept by `keep` once it is read.
    fn member<T: FromJson>(&mut self, keep: impl FnOnce(&mut Self, T)) -> Went {
        match self.value::<T>() {
            Got::Value(v, end) => {
                keep(self, v);
                self.moved(end, Step::NextMember)
            }
            got => got.went(),
        }
    }

    /// The JSON value starting at `at`, read as a `T`.
    fn value<T: FromJson>(&mut self) -> Got<T> {
        #[cfg(test)]
        {
            self.tries += 1;
        }
        // Read as text, as a whole dataset is: the same reader.
        match read_prefix::<T>(&self.text[self.at..]) {
            Ok((value, end)) => Got::Value(value, self.at + end),
            Err(e) if e.eof => {
                self.retry_at = self.text.len() + (self.text.len() - self.at);
                Got::More
            }
            Err(_) => Got::No,
        }
    }
}

impl<T> Got<T> {
    /// How reading goes on after a try that gave no value.
    fn went(self) -> Went {
        match self {
            Got::More => Went::Wait,
            Got::Value(..) | Got::No => Went::Off,
        }
    }
}

/// How many bytes the UTF-8 character starting with `lead` has (1 for a byte that starts none).
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::embedded::EMBEDDED_JSON;
    use crate::core::formats::read::{read_text, Foreign};

    /// `text` pushed in chunks of `size` bytes; whether the stream read it as it came (before
    /// `finish`), and what it finished with.
    /// Both with the body's length known and without it (when the text's buffer fills up and
    /// what was read moves out), which must give the same.
    fn streamed(text: &[u8], size: usize) -> (bool, Result<Dataset, LoadFailure>) {
        let [sized, unsized_] = [Some(text.len()), None].map(|expected| {
            let mut stream = DatasetStream::new(expected);
            for chunk in text.chunks(size.max(1)) {
                stream.push(chunk);
            }
            // What `finish` does first: read what a last retry was still waiting for.
            stream.read();
            (stream.step == Step::Closed && stream.raw.is_none(), stream.finish())
        });
        assert_eq!(sized, unsized_, "with and without the length, chunks of {size}");
        sized
    }

    fn whole(text: &[u8]) -> Result<Dataset, LoadFailure> {
        read_text(&body_text(text.to_vec()))
    }

    #[test]
    fn a_valid_dataset_is_read_as_it_arrives_and_gives_what_reading_it_whole_gives() {
        let text = EMBEDDED_JSON.as_bytes();
        let expected = whole(text);
        assert!(expected.is_ok());
        for size in [1, 2, 3, 7, 64, 1000, 4096, text.len()] {
            let (as_it_came, got) = streamed(text, size);
            assert!(as_it_came, "chunks of {size} bytes");
            assert_eq!(got, expected, "chunks of {size} bytes");
        }
    }

    #[test]
    fn events_with_media_are_read_as_they_arrive_and_vis_data_is_handed_on_whole() {
        let event = r#"{"id":"e1","date":"2025-11","title":{"de":"T","en":"T"},"summary":{"de":"S","en":"S"},
            "actors":[],"categories":["energy"],"sources":[{"title":"S","publisher":"P","url":"https://example.org"}],
            "confidence":"confirmed","media":{"url":"img/a.png","alt":{"de":"Bild","en":"Picture"},
            "caption":{"de":"K","en":"C"},"thumbnail":"img/a-small.png"}}"#;
        let text = format!(r#"{{"title":{{"de":"T","en":"T"}},"events":[{event}]}}"#);
        let expected = whole(text.as_bytes());
        assert_eq!(
            expected.as_ref().map(|d| d.events[0].media.as_ref().map(|m| m.url.as_str())),
            Ok(Some("img/a.png"))
        );
        for size in [1, 5, 64, text.len()] {
            let (as_it_came, got) = streamed(text.as_bytes(), size);
            assert!(as_it_came, "chunks of {size} bytes");
            assert_eq!(got, expected, "chunks of {size} bytes");
        }
        let vis = r#"{"items":[{"id":1,"content":"A","start":"2020-01-01"}]}"#;
        let (_, got) = streamed(vis.as_bytes(), 7);
        assert_eq!(got, Err(LoadFailure::ForImport(Foreign::Vis, vis.to_string())));
    }

    #[test]
    fn members_in_any_order_with_any_whitespace_and_a_null_title_are_read_as_they_arrive() {
        let event = r#"{"id":"e1","date":"2025-11","title":{"de":"T","en":"T"},"summary":{"de":"S","en":"S"},
            "actors":[],"categories":["energy"],"sources":[{"title":"S","publisher":"P","url":"https://example.org"}],
            "confidence":"confirmed"}"#;
        for text in [
            format!(r#"{{"events":[{event}],"title":null}}"#),
            format!("\r\n\t{{ \"actors\" :\nnull , \"events\" : [ {event} , {event} ] }}\n"),
            r#"{"title":{"de":"Zeit","en":"Time"},"events":[ ],"actors":[]}"#.to_string(),
            format!(
                r#"{{"view":"view=list","events":[{event}],"description":{{"de":"B","en":"D"}},"tags":null,"title":null}}"#
            ),
            format!(
                r#"{{"tags":[{{"id":"oil","name":{{"de":"Öl","en":"oil"}}}}],"events":[{}],"view":null}}"#,
                event.replace(r#""actors":[]"#, r#""actors":[],"tags":["oil"]"#)
            ),
        ] {
            let (as_it_came, got) = streamed(text.as_bytes(), 5);
            assert!(as_it_came, "{text}");
            assert_eq!(got, whole(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn anything_but_the_plain_shape_is_read_whole_with_the_same_result_and_messages() {
        let valid = EMBEDDED_JSON.trim();
        let events_at = valid.find("\"events\"").unwrap();
        let cases = [
            format!("\u{FEFF}{valid}"),
            format!("{valid} x"),
            format!("{valid}}}"),
            valid[..valid.len() - 1].to_string(),
            valid.replacen("\"events\"", "\"ev\\u0065nts\"", 1),
            valid.replacen("{", "{\"colour\":1,", 1),
            valid.replacen("{", "{\"title\":null,\"title\":null,", 1),
            valid.replacen("{", "{\"view\":null,\"view\":\"view=list\",", 1),
            valid.replacen("{", "{\"descriptions\":null,", 1),
            valid.replacen("]\n}", "],}", 1),
            valid.replacen("\"date\": \"2026-02-10\"", "\"date\": \"2026-02-30\"", 1),
            valid.replacen("\"confidence\": \"confirmed\"", "\"confidence\": \"sure\"", 1),
            format!("{}{}", &valid[..events_at], "\"events\": 5}"),
            r#"{"title":{"text":{"headline":"T"}},"events":[{"start_date":{"year":"2020"},"text":{"headline":"A"}}]}"#.to_string(),
            "[]".to_string(),
            String::new(),
        ];
        for text in &cases {
            for size in [1, 9, text.len().max(1)] {
                let (as_it_came, got) = streamed(text.as_bytes(), size);
                assert!(!as_it_came, "{text:.80} in chunks of {size}");
                assert_eq!(got, whole(text.as_bytes()), "{text:.80} in chunks of {size}");
            }
        }
        // A view that does not read is read as it arrives and refused with the same message.
        let spam = valid.replacen("\"view\": \"span=", "\"view\": \"spam=", 1);
        let (as_it_came, got) = streamed(spam.as_bytes(), 64);
        assert!(as_it_came && got.is_err());
        assert_eq!(got, whole(spam.as_bytes()));
        // Malformed UTF-8 is replaced, as reading the text whole replaces it.
        let mut bytes = valid.as_bytes().to_vec();
        let at = valid.find("Baku").unwrap();
        bytes[at] = 0xFF;
        assert_eq!(streamed(&bytes, 100).1, whole(&bytes));
    }

    #[test]
    fn without_the_length_what_was_read_moves_out_instead_of_the_whole_text_being_copied_to_grow() {
        let event = r#"{"id":"e1","date":"2025-11","title":{"de":"T","en":"T"},"summary":{"de":"S","en":"S"},
            "actors":[],"categories":["energy"],"sources":[{"title":"S","publisher":"P","url":"https://example.org"}],
            "confidence":"confirmed"}"#;
        let events: Vec<String> = (0..400).map(|i| event.replace("\"e1\"", &format!("\"e{i}\""))).collect();
        let text = format!(r#"{{"title":null,"actors":[],"events":[{}]}}"#, events.join(","));
        let mut stream = DatasetStream::new(None);
        for chunk in text.as_bytes().chunks(1000) {
            stream.push(chunk);
            // The buffer holds the unread rest and one chunk or two, however much has come.
            assert!(stream.text.capacity() <= 4 * 1000, "{}", stream.text.capacity());
        }
        assert!(stream.parsed.len() > 20, "{} parts", stream.parsed.len());
        assert_eq!(stream.parsed_len + stream.text.len(), text.len());
        let got = stream.finish().unwrap();
        assert_eq!(got.events.len(), 400);
        assert_eq!(Ok(got), whole(text.as_bytes()));
        // Given up on half-way (an unknown member after the events), every byte is read whole.
        let broken = text.replacen("]}", "],\"colour\":1}", 1);
        let mut stream = DatasetStream::new(None);
        let chunks: Vec<&[u8]> = broken.as_bytes().chunks(1000).collect();
        let (last, first) = chunks.split_last().unwrap();
        for chunk in first {
            stream.push(chunk);
        }
        assert!(!stream.parsed.is_empty());
        stream.push(last);
        assert_eq!(stream.finish(), whole(broken.as_bytes()));
    }

    #[test]
    fn a_long_value_arriving_in_small_chunks_is_not_parsed_again_for_every_chunk() {
        let mut text = b"{\"title\":{\"de\":\"".to_vec();
        let mut stream = DatasetStream::new(None);
        stream.push(&text);
        for _ in 0..900 {
            stream.push(b"aaaaaaaaaa");
            text.extend(b"aaaaaaaaaa");
        }
        // A try whenever the value's bytes have doubled: about a dozen for 9 KB, not 900.
        assert!(stream.tries <= 16, "{} tries", stream.tries);
        let end = b"\",\"en\":\"b\"},\"events\":[]}";
        stream.push(end);
        text.extend(end);
        stream.read();
        assert_eq!(stream.step, Step::Closed);
        assert_eq!(stream.finish(), whole(&text));
    }
}
