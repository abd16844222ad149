//! Where in a JSON text the parser stopped: the field path (`sources[0].url`) of a byte offset.
//!
//! serde_json says *where* it gave up (line and column); a reader needs *which field* that is.
//! [`path_at`] walks the text up to that place and names the key or value being read there:
//! the value that ends there (a wrong type), the key just read (an unknown field), or the object
//! just closed (a missing field). Doing this once, on the error path only, keeps a
//! path-tracking wrapper out of every deserialiser in the bundle. The fuzz tests check it
//! against `serde_path_to_error` on generated broken events.

/// One step of a path: a key in an object or a position in an array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path as the field names in dataset errors show it: `title.en`, `sources[0].url`, `[1]`;
/// `.` for the whole value.
pub fn render(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// The field a serde_json error is about, in the text it was reading.
pub fn error_path(text: &str, error: &serde_json::Error) -> Vec<Seg> {
    let message = error.to_string();
    let mut offset = offset_of(text, error.line(), error.column());
    // A value of the wrong kind that opens with a bracket is reported where it starts, before
    // the bracket is read: the bracket belongs to it.
    if message.starts_with("invalid type: sequence") || message.starts_with("invalid type: map") {
        offset += 1;
    }
    let place = path_at(text, offset);
    // The container's own complaints, made where it ends or where more follows than it takes.
    let trailing = message.starts_with("trailing");
    let own = trailing || message.starts_with("missing field") || message.starts_with("invalid length");
    let closed = place.last_member.is_some();
    let mut path = match place.last_member {
        Some(member) if !own => member,
        _ => place.path,
    };
    if trailing && !closed && matches!(path.last(), Some(Seg::Index(_))) {
        path.pop();
    }
    // A duplicate key is reported once its name has been read, but it is the object's problem,
    // not the (first) value's; and an enum written as `{"variant": …}` names a variant, not a
    // field, with its key.
    let keyed = message.starts_with("duplicate field") || (message.starts_with("unknown variant") && place.after_key);
    if keyed && matches!(path.last(), Some(Seg::Key(_))) {
        path.pop();
    }
    path
}

/// The byte offset of a serde_json error position (1-based line, column = bytes read on that
/// line) in `text`.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        text.bytes().enumerate().filter(|&(_, b)| b == b'\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
    };
    (start + column).min(text.len())
}

enum Frame {
    /// An object and the key whose value is being read (none before the first key, or
    /// between a comma and the next key).
    Object(Option<String>),
    /// An array and how many of its values have started.
    Array(usize),
}

/// Where the parser was at an offset: the path of what it was reading and, when the last thing
/// read closed an object or array, the path of its last member.
#[derive(Debug, PartialEq, Eq)]
pub struct Place {
    pub path: Vec<Seg>,
    /// serde_json reports an error in the last member of an object or array (a date that does
    /// not exist, say) after the `}` or `]` that follows it, where the container's own errors (a
    /// missing field, too few elements) are also reported: this is the member, for errors that
    /// are not the container's own.
    pub last_member: Option<Vec<Seg>>,
    /// The last thing read was an object key (or its colon).
    pub after_key: bool,
}

/// Whether `b` is whitespace between JSON tokens.
pub(crate) fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Where the parser was at byte `offset` of `text`: every token that starts before `offset`
/// has been read.
pub fn path_at(text: &str, offset: usize) -> Place {
    let b = text.as_bytes();
    let end = offset.min(b.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    // The container the last token closed, if it was a `}` or `]`.
    let mut closed: Option<Frame> = None;
    let mut after_key = false;
    let mut i = 0;
    while i < end {
        let c = b[i];
        if is_json_space(c) {
            i += 1;
            continue;
        }
        closed = None;
        after_key = (c == b':' && after_key) || (c == b'"' && expect_key);
        match c {
            b':' => expect_key = false,
            b',' => {
                if let Some(Frame::Object(key)) = stack.last_mut() {
                    *key = None;
                    expect_key = true;
                }
            }
            b'}' | b']' => {
                closed = stack.pop();
                expect_key = false;
                i += 1;
                continue;
            }
            b'"' => {
                let close = string_end(b, i);
                if expect_key {
                    // Decoded as the parser decodes it; a key that is not a valid string is
                    // shown as written.
                    let key = serde_json::from_str::<String>(&text[i..close]).unwrap_or_else(|_| {
                        let inner = &b[i + 1..close];
                        String::from_utf8_lossy(inner.strip_suffix(b"\"").unwrap_or(inner)).into_owned()
                    });
                    if let Some(Frame::Object(k)) = stack.last_mut() {
                        *k = Some(key);
                    }
                } else {
                    start_value(&mut stack);
                }
                i = close;
                continue;
            }
            b'{' | b'[' => {
                start_value(&mut stack);
                stack.push(if c == b'{' { Frame::Object(None) } else { Frame::Array(0) });
                expect_key = c == b'{';
            }
            _ => {
                // A number, `true`, `false`, `null` or anything else up to the next delimiter.
                start_value(&mut stack);
                while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'}' | b']' | b'{' | b'[' | b'"') {
                    i += 1;
                }
                continue;
            }
        }
        i += 1;
    }
    let path = segs(&stack);
    let last_member = closed.map(|f| path.iter().cloned().chain(seg(&f)).collect());
    Place { path, last_member, after_key }
}

/// The path a stack of open containers describes.
fn segs(stack: &[Frame]) -> Vec<Seg> {
    stack.iter().filter_map(seg).collect()
}

/// The step into a container's current member, if it has one yet.
fn seg(f: &Frame) -> Option<Seg> {
    match f {
        Frame::Object(Some(k)) => Some(Seg::Key(k.clone())),
        Frame::Object(None) | Frame::Array(0) => None,
        Frame::Array(n) => Some(Seg::Index(n - 1)),
    }
}

/// A value starts in the innermost container: in an array, it is the next element.
fn start_value(stack: &mut [Frame]) {
    if let Some(Frame::Array(n)) = stack.last_mut() {
        *n += 1;
    }
}

/// The byte after the string that opens at `start` (or the end of the text if it never closes).
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, after: &str) -> String {
        let offset = text.find(after).map(|i| i + after.len()).expect("marker in text");
        render(&path_at(text, offset).path)
    }

    #[test]
    fn a_wrong_value_is_named_by_its_key_or_position() {
        let t = r#"{"id":"a","title":{"de":"y","en":5},"tags":["a",5],"sources":[{"url":"x"},{"date":7}]}"#;
        assert_eq!(at(t, r#""en":5"#), "title.en");
        assert_eq!(at(t, r#"["a",5"#), "tags[1]");
        assert_eq!(at(t, r#""date":7"#), "sources[1].date");
        assert_eq!(at(t, r#""id":"a""#), "id");
    }

    #[test]
    fn a_key_just_read_is_part_of_the_path_and_a_closed_object_is_its_own() {
        let t = r#"{"title":{"de":"y","fr":1},"sources":[{"url":"x"},{}]}"#;
        assert_eq!(at(t, r#""fr""#), "title.fr");
        assert_eq!(at(t, r#""fr":1}"#), "title");
        let closed = path_at(t, t.find(r#""fr":1}"#).unwrap() + 7);
        assert_eq!(closed.last_member.as_deref().map(render), Some("title.fr".to_string()));
        assert_eq!(at(t, r#"{"url":"x"}"#), "sources[0]");
        assert_eq!(at(t, r#",{}"#), "sources[1]");
        assert_eq!(at(t, r#"{}]}"#), ".");
    }

    #[test]
    fn whitespace_escapes_and_unclosed_text_do_not_confuse_it() {
        let t = "{ \"ti\\u0074le\" : { \"de\" : \"a \\\" } ]\" ,\n  \"en\" : tru";
        assert_eq!(at(t, "\"de\" : \"a"), "title.de");
        assert_eq!(at(t, "tru"), "title.en");
        assert_eq!(render(&path_at("[1, [2, 3]]", 9).path), "[1][1]");
        assert_eq!(render(&path_at("[1, [2, 3]]", 7).path), "[1][0]");
        assert_eq!(path_at("[1, [2, 3]]", 8).last_member, None);
        assert_eq!(path_at("[1, [2, 3]]", 10).last_member.as_deref().map(render), Some("[1][1]".to_string()));
        assert_eq!(render(&path_at("", 0).path), ".");
        assert_eq!(render(&path_at("\"", 5).path), ".");
    }

    #[test]
    fn serde_positions_become_byte_offsets() {
        let t = "{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(offset_of(t, 1, 1), 1);
        assert_eq!(offset_of(t, 3, 7), t.find("x").unwrap());
        assert_eq!(offset_of(t, 9, 9), t.len());
    }
}
