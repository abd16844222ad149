//! Reading JSON text: the dataset schema's types straight from the text, and a small tree
//! ([`Value`]) for the TimelineJS3 import.
//!
//! Hand-written instead of serde_json and the model's serde derives, which with their error
//! texts cost about 22 kB of the gzipped bundle. It reads what they read, the same way: the same types in object form or, as
//! serde also accepts, as a list of the fields in order; the same defaults; unknown fields and
//! repeated fields rejected; the same messages for what is wrong. It knows the field path as
//! it goes, so an error names the field (`sources[0].url`) without a second look. The fuzz
//! tests hold it to serde_json with the derives and to `serde_path_to_error`'s paths.

use crate::core::dataset::date::{DateError, PartialDate};
use crate::core::dataset::model::{
    Actor, ActorKind, Category, Confidence, Event, Media, Period, Place, Related, Relation, Source,
    SourceKind, Tag, Text,
};
use crate::core::formats::jsonpath::{is_json_space, Seg};
use std::borrow::Cow;
use std::fmt::Write;

/// The deepest nesting [`Value`] reads (as serde_json: beyond it, "recursion limit exceeded").
const MAX_DEPTH: usize = 128;

/// Why a text did not read as the type asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong, in serde_json's words (English, technical), without the position.
    pub message: String,
    /// The path of the field being read, from the value asked for.
    pub path: Vec<Seg>,
    /// The text ended before the value did: more text might have made it readable.
    pub eof: bool,
    /// A date text that is not a date, and why.
    pub date: Option<(String, DateError)>,
    /// Byte offset in the text where the problem was found.
    pub at: usize,
}

impl JsonError {
    /// The message with its place in `text`, as serde_json gives it: `… at line 3 column 7`
    /// (both from 1; the column counts bytes, up to the one where the problem was found).
    pub fn located(&self, text: &str) -> String {
        let before = &text.as_bytes()[..self.at.min(text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = 1 + before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        format!("{} at line {line} column {column}", self.message)
    }

    /// The error as the reader's caller sees it: the path was built from the inside out.
    fn outward(mut self) -> JsonError {
        self.path.reverse();
        self
    }

    fn in_key(mut self: Box<Self>, key: &str) -> Box<JsonError> {
        self.path.push(Seg::Key(key.to_string()));
        self
    }

    fn in_index(mut self: Box<Self>, i: usize) -> Box<JsonError> {
        self.path.push(Seg::Index(i));
        self
    }
}

/// Errors are rare: boxed, so that every result passed up is small.
type Res<T> = Result<T, Box<JsonError>>;

/// A position in a JSON text.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
}

/// The kind of value that starts at a position, as error messages name it.
enum Found {
    Str(String),
    Int(String),
    Float(String),
    Bool(bool),
    Null,
    Seq,
    Map,
}

impl Found {
    fn describe(&self) -> String {
        match self {
            Found::Str(s) => format!("string {s:?}"),
            Found::Int(n) => format!("integer `{n}`"),
            Found::Float(f) => format!("floating point `{f}`"),
            Found::Bool(b) => format!("boolean `{b}`"),
            Found::Null => "null".into(),
            Found::Seq => "sequence".into(),
            Found::Map => "map".into(),
        }
    }
}

/// A number's text, checked against JSON's grammar.
struct Number<'a> {
    text: &'a str,
    /// No fraction and no exponent.
    integral: bool,
}

impl Number<'_> {
    /// The number's value, read the way serde_json reads it by default: the digits that fit
    /// 64 bits, scaled by a power of ten. That is one rounding, so exact, when both are exact
    /// (up to 15 digits and 22 places, as any coordinate); beyond, the last bits may be off, as
    /// they may in serde_json. The standard library's exact reader would bring a 10 KB table
    /// into the bundle.
    #[inline(never)]
    fn f64(&self) -> f64 {
        let b = self.text.as_bytes();
        let negative = b.first() == Some(&b'-');
        let mut i = usize::from(negative);
        let mut significand: u64 = 0;
        let mut exponent: i64 = 0;
        let mut fraction = false;
        while let Some(&c) = b.get(i) {
            match c {
                b'0'..=b'9' => {
                    match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(c - b'0'))) {
                        Some(s) => {
                            significand = s;
                            exponent -= i64::from(fraction);
                        }
                        // Digits beyond 64 bits only scale the number.
                        None => exponent += i64::from(!fraction),
                    }
                }
                b'.' => fraction = true,
                _ => break,
            }
            i += 1;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let (sign, digits) = match b.get(i + 1) {
                Some(b'-') => (-1, &b[i + 2..]),
                Some(b'+') => (1, &b[i + 2..]),
                _ => (1, &b[i + 1..]),
            };
            let e = digits.iter().fold(0i64, |e, &d| (e * 10 + i64::from(d - b'0')).min(1 << 20));
            exponent += sign * e;
        }
        let mut f = significand as f64;
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
            1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        while exponent > 22 && f.is_finite() && f != 0.0 {
            f *= 1e22;
            exponent -= 22;
        }
        while exponent < -22 && f != 0.0 {
            f /= 1e22;
            exponent += 22;
        }
        if (-22..=22).contains(&exponent) {
            if exponent >= 0 {
                f *= POW10[exponent as usize];
            } else {
                f /= POW10[(-exponent) as usize];
            }
        }
        if negative {
            -f
        } else {
            f
        }
    }

    /// As serde_json shows it in a message: an integer that fits 64 bits as it is (`-0` is not
    /// one), anything else as the shortest text that reads back as the same float.
    fn found(&self) -> Found {
        if self.integral {
            if let Ok(n) = self.text.parse::<u64>() {
                return Found::Int(n.to_string());
            }
            if let Ok(n @ ..=-1) = self.text.parse::<i64>() {
                return Found::Int(n.to_string());
            }
        }
        Found::Float(zmij::Buffer::new().format(self.f64()).to_string())
    }
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Reader<'a> {
        Reader { text, at: 0 }
    }

    /// Where reading has got to.
    fn offset(&self) -> usize {
        self.at
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[inline(never)]
    fn fail(&self, message: impl Into<String>) -> Box<JsonError> {
        Box::new(JsonError { message: message.into(), path: Vec::new(), eof: false, date: None, at: self.at })
    }

    /// A problem found at byte `at`.
    fn fail_at(&self, at: usize, message: impl Into<String>) -> Box<JsonError> {
        let mut e = self.fail(message);
        e.at = at;
        e
    }

    #[inline(never)]
    fn eof(&self, what: &str) -> Box<JsonError> {
        let mut e = self.fail(format!("EOF while parsing {what}"));
        e.eof = true;
        e
    }

    /// The next byte after whitespace, not taken.
    fn peek(&mut self) -> Option<u8> {
        let b = self.bytes();
        while self.at < b.len() && is_json_space(b[self.at]) {
            self.at += 1;
        }
        b.get(self.at).copied()
    }

    /// Checks that only whitespace follows.
    fn end(&mut self) -> Res<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.fail("trailing characters")),
        }
    }

    /// A literal (`true`, `false`, `null`) whose first byte has been seen.
    fn ident(&mut self, word: &[u8]) -> Res<()> {
        self.at += 1;
        for &w in &word[1..] {
            match self.bytes().get(self.at) {
                None => return Err(self.eof("a value")),
                Some(&c) if c == w => self.at += 1,
                Some(_) => {
                    self.at += 1;
                    return Err(self.fail("expected ident"));
                }
            }
        }
        Ok(())
    }

    /// A number starting here (a `-` or a digit), checked against JSON's grammar.
    #[inline(never)]
    fn number(&mut self) -> Res<Number<'a>> {
        let b = self.bytes();
        let start = self.at;
        // One or more digits from `i`: where they end.
        let digits = |r: &mut Self, i: usize| -> Res<usize> {
            let end = i + b.get(i..).unwrap_or_default().iter().take_while(|c| c.is_ascii_digit()).count();
            if end == i {
                r.at = i;
                return Err(if i >= b.len() { r.eof("a value") } else { r.fail("invalid number") });
            }
            Ok(end)
        };
        let mut i = start + usize::from(b[start] == b'-');
        let mut integral = true;
        // No leading zeros: a 0 is the whole integer part.
        if b.get(i) == Some(&b'0') {
            i += 1;
            if b.get(i).is_some_and(u8::is_ascii_digit) {
                self.at = i;
                return Err(self.fail("invalid number"));
            }
        } else {
            i = digits(self, i)?;
        }
        if b.get(i) == Some(&b'.') {
            integral = false;
            i = digits(self, i + 1)?;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            integral = false;
            i += 1 + usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
            i = digits(self, i)?;
        }
        self.at = i;
        let n = Number { text: &self.text[start..i], integral };
        if n.f64().is_infinite() {
            return Err(self.fail("number out of range"));
        }
        Ok(n)
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Res<u16> {
        let b = self.bytes();
        // As serde_json: four bytes must be there before any is looked at.
        if b.len() - self.at < 4 {
            self.at = b.len();
            return Err(self.eof("a string"));
        }
        let mut n = 0u16;
        for _ in 0..4 {
            let c = b[self.at];
            self.at += 1;
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(self.fail("invalid escape")),
            };
            n = n * 16 + d as u16;
        }
        Ok(n)
    }

    /// The next byte of a string, or the end of the text as an error.
    fn string_byte(&mut self) -> Res<u8> {
        match self.bytes().get(self.at) {
            Some(&c) => {
                self.at += 1;
                Ok(c)
            }
            None => Err(self.eof("a string")),
        }
    }

    /// A string whose opening quote is at the reading position. With `strict`, a `\u` escape
    /// of half a surrogate pair is an error (reading a string); without, it is passed over
    /// (skipping a value, as serde_json does).
    #[inline(never)]
    fn string_with(&mut self, strict: bool) -> Res<Cow<'a, str>> {
        self.at += 1;
        let b = self.bytes();
        let start = self.at;
        // Most strings have no escape: they are borrowed from the text.
        while let Some(&c) = b.get(self.at) {
            match c {
                b'"' => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
                }
                b'\\' | 0..=0x1f => break,
                _ => self.at += 1,
            }
        }
        let mut out = String::new();
        let mut run = start;
        loop {
            let Some(&c) = b.get(self.at) else {
                return Err(self.eof("a string"));
            };
            match c {
                b'"' => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    let e = self.string_byte()?;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => self.unicode_escape(strict, &mut out)?,
                        _ => return Err(self.fail("invalid escape")),
                    }
                    run = self.at;
                }
                0..=0x1f => {
                    self.at += 1;
                    return Err(self.fail("control character (\\u0000-\\u001F) found while parsing a string"));
                }
                _ => self.at += 1,
            }
        }
    }

    /// The rest of a `\u` escape (after the `u`), as serde_json reads it.
    fn unicode_escape(&mut self, strict: bool, out: &mut String) -> Res<()> {
        let n = self.hex4()?;
        if !(0xD800..=0xDFFF).contains(&n) {
            out.push(char::from_u32(n as u32).unwrap_or('\u{fffd}'));
            return Ok(());
        }
        if !strict {
            // Only the text's extent matters when skipping: a following escape is read as usual.
            return Ok(());
        }
        if n >= 0xDC00 {
            return Err(self.fail("lone leading surrogate in hex escape"));
        }
        for expected in [b'\\', b'u'] {
            if self.string_byte()? != expected {
                return Err(self.fail("unexpected end of hex escape"));
            }
        }
        let n2 = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&n2) {
            return Err(self.fail("lone leading surrogate in hex escape"));
        }
        let c = 0x10000 + (((n as u32) - 0xD800) << 10) + ((n2 as u32) - 0xDC00);
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        Ok(())
    }

    /// What starts at the reading position, for a message about a value of the wrong kind:
    /// read whole when it is a string, number or literal, only opened when it is a list or map.
    fn found(&mut self) -> Res<Found> {
        match self.peek() {
            None => Err(self.eof("a value")),
            Some(b'"') => Ok(Found::Str(self.string_with(true)?.into_owned())),
            Some(b'-' | b'0'..=b'9') => Ok(self.number()?.found()),
            Some(b't') => self.ident(b"true").map(|()| Found::Bool(true)),
            Some(b'f') => self.ident(b"false").map(|()| Found::Bool(false)),
            Some(b'n') => self.ident(b"null").map(|()| Found::Null),
            Some(b'[') => Ok(Found::Seq),
            Some(b'{') => Ok(Found::Map),
            Some(_) => Err(self.fail("expected value")),
        }
    }

    /// The error for a value that is not what `expected` names.
    #[inline(never)]
    fn wrong(&mut self, expected: &str) -> Box<JsonError> {
        let start = self.peek().map(|_| self.at);
        match self.found() {
            Ok(found) => self.fail_at(
                start.unwrap_or(self.at),
                format!("invalid type: {}, expected {expected}", found.describe()),
            ),
            Err(e) => e,
        }
    }

    /// A string value.
    fn string(&mut self) -> Res<String> {
        match self.peek() {
            Some(b'"') => self.string_with(true).map(Cow::into_owned),
            _ => Err(self.wrong("a string")),
        }
    }

    fn boolean(&mut self) -> Res<bool> {
        match self.peek() {
            Some(b't') => self.ident(b"true").map(|()| true),
            Some(b'f') => self.ident(b"false").map(|()| false),
            _ => Err(self.wrong("a boolean")),
        }
    }

    fn float(&mut self) -> Res<f64> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => Ok(self.number()?.f64()),
            _ => Err(self.wrong("f64")),
        }
    }

    /// `null` (taken) or not.
    fn null(&mut self) -> Res<bool> {
        if self.peek() == Some(b'n') {
            self.ident(b"null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// After an element of a list: whether another follows.
    fn list_next(&mut self, first: bool) -> Res<bool> {
        match self.peek() {
            None => Err(self.eof("a list")),
            Some(b']') => {
                self.at += 1;
                Ok(false)
            }
            Some(_) if first => Ok(true),
            Some(b',') => {
                self.at += 1;
                match self.peek() {
                    Some(b']') => Err(self.fail("trailing comma")),
                    None => Err(self.eof("a value")),
                    Some(_) => Ok(true),
                }
            }
            Some(_) => Err(self.fail("expected `,` or `]`")),
        }
    }

    /// A list of `T`s, each read by `item`.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Res<T>) -> Res<Vec<T>> {
        let mut out = Vec::new();
        self.items(&mut |r| {
            out.push(item(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The elements of a list, each read by `item`: one copy of the list syntax for every type
    /// of element.
    #[inline(never)]
    fn items(&mut self, item: &mut dyn FnMut(&mut Self) -> Res<()>) -> Res<()> {
        if self.peek() != Some(b'[') {
            return Err(self.wrong("a sequence"));
        }
        self.at += 1;
        let mut i = 0;
        while self.list_next(i == 0)? {
            item(self).map_err(|e| e.in_index(i))?;
            i += 1;
        }
        Ok(())
    }

    /// After a member of an object (or at its start): the next key, if another member follows
    /// (the colon after it is not taken).
    fn key(&mut self, first: bool) -> Res<Option<Cow<'a, str>>> {
        match self.peek() {
            None => return Err(self.eof("an object")),
            Some(b'}') => {
                self.at += 1;
                return Ok(None);
            }
            Some(_) if first => {}
            Some(b',') => {
                self.at += 1;
                match self.peek() {
                    Some(b'}') => return Err(self.fail("trailing comma")),
                    None => return Err(self.eof("a value")),
                    _ => {}
                }
            }
            Some(_) => return Err(self.fail("expected `,` or `}`")),
        }
        match self.peek() {
            Some(b'"') => {}
            None => return Err(self.eof("a value")),
            Some(_) => return Err(self.fail("key must be a string")),
        }
        self.string_with(true).map(Some)
    }

    /// The colon after a key.
    fn colon(&mut self) -> Res<()> {
        match self.peek() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            None => Err(self.eof("an object")),
            Some(_) => Err(self.fail("expected `:`")),
        }
    }

    /// The next key and its colon, if another member follows.
    fn member(&mut self, first: bool) -> Res<Option<Cow<'a, str>>> {
        let key = self.key(first)?;
        if key.is_some() {
            self.colon()?;
        }
        Ok(key)
    }

    /// Skips a value of any kind, checking its syntax, without building it.
    #[inline(never)]
    fn skip(&mut self) -> Res<()> {
        // Open lists (`true`) and objects (`false`) around the value being read.
        let mut open: Vec<bool> = Vec::new();
        loop {
            // One value.
            match self.peek() {
                None => return Err(self.eof("a value")),
                Some(b'"') => {
                    self.string_with(false)?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't') => self.ident(b"true")?,
                Some(b'f') => self.ident(b"false")?,
                Some(b'n') => self.ident(b"null")?,
                Some(b'[') => {
                    self.at += 1;
                    if self.list_next(true)? {
                        open.push(true);
                        continue;
                    }
                }
                Some(b'{') => {
                    self.at += 1;
                    if self.member(true)?.is_some() {
                        open.push(false);
                        continue;
                    }
                }
                Some(_) => return Err(self.fail("expected value")),
            }
            // Close what ends after it.
            loop {
                match open.last() {
                    None => return Ok(()),
                    Some(true) => {
                        if self.list_next(false)? {
                            break;
                        }
                    }
                    Some(false) => {
                        if self.member(false)?.is_some() {
                            break;
                        }
                    }
                }
                open.pop();
            }
        }
    }

    /// The text of the value here, its syntax checked.
    fn raw(&mut self) -> Res<&'a str> {
        self.peek();
        let start = self.at;
        self.skip()?;
        Ok(&self.text[start..self.at])
    }

    /// A struct in object form (`{"field": …}`) or list form (its fields in order), as serde's
    /// derive reads it: `read_field` reads the value of field `i` of `fields` into the draft.
    /// `defaults` marks the fields that may be left out of the list form.
    #[inline(never)]
    fn structure(
        &mut self,
        name: &str,
        fields: &[&str],
        defaults: u32,
        read_field: &mut dyn FnMut(usize, &mut Self) -> Res<()>,
    ) -> Res<()> {
        match self.peek() {
            Some(b'{') => {
                self.at += 1;
                let mut seen = 0u32;
                let mut first = true;
                while let Some(key) = self.key(first)? {
                    first = false;
                    let Some(i) = fields.iter().position(|f| *f == key) else {
                        let message = format!("unknown field `{key}`, {}", expected_names(fields));
                        return Err(self.fail(message).in_key(&key));
                    };
                    if seen & (1 << i) != 0 {
                        return Err(self.fail(format!("duplicate field `{key}`")));
                    }
                    seen |= 1 << i;
                    self.colon()?;
                    read_field(i, self).map_err(|e| e.in_key(&key))?;
                }
                Ok(())
            }
            Some(b'[') => {
                self.at += 1;
                let expected = format!("struct {name} with {} elements", fields.len());
                for i in 0..fields.len() {
                    if !self.list_next(i == 0)? {
                        return match (i..fields.len()).find(|k| defaults & (1 << k) == 0) {
                            None => Ok(()),
                            Some(k) => Err(self.fail(format!("invalid length {k}, expected {expected}"))),
                        };
                    }
                    read_field(i, self).map_err(|e| e.in_index(i))?;
                }
                match self.peek() {
                    Some(b']') => {
                        self.at += 1;
                        Ok(())
                    }
                    None => Err(self.eof("a list")),
                    Some(b',') => {
                        self.at += 1;
                        Err(match self.peek() {
                            Some(b']') => self.fail("trailing comma"),
                            _ => self.fail("trailing characters"),
                        })
                    }
                    Some(_) => Err(self.fail("trailing characters")),
                }
            }
            _ => Err(self.wrong(&format!("struct {name}"))),
        }
    }

    /// A unit variant of an enum, one of `variants`, given as its name (or, as serde also
    /// reads it, as `{"name": null}`).
    #[inline(never)]
    fn variant(&mut self, variants: &[&str]) -> Res<usize> {
        let unknown =
            |r: &Self, v: &str| r.fail(format!("unknown variant `{v}`, {}", expected_names(variants)));
        match self.peek() {
            Some(b'"') => {
                let start = self.at;
                let v = self.string_with(true)?;
                variants.iter().position(|x| *x == v).ok_or_else(|| {
                    let mut e = unknown(self, &v);
                    e.at = start;
                    e
                })
            }
            Some(b'{') => {
                self.at += 1;
                let v = match self.peek() {
                    Some(b'"') => self.string_with(true)?,
                    Some(b'}') => return Err(self.fail("expected value")),
                    Some(_) => return Err(self.fail("key must be a string")),
                    None => return Err(self.eof("an object")),
                };
                let i = variants.iter().position(|x| *x == v).ok_or_else(|| unknown(self, &v))?;
                self.colon()?;
                if !self.null()? {
                    return Err(self.wrong("unit").in_key(&v));
                }
                match self.peek() {
                    Some(b'}') => {
                        self.at += 1;
                        Ok(i)
                    }
                    None => Err(self.eof("an object")),
                    Some(_) => Err(self.fail("expected value")),
                }
            }
            None => Err(self.eof("a value")),
            Some(_) => Err(self.fail("expected value")),
        }
    }

    /// A required field that the object did not have.
    #[inline(never)]
    fn missing(&self, field: &str) -> Box<JsonError> {
        self.fail(format!("missing field `{field}`"))
    }

    /// A value that may be `null` (as `None`).
    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Res<T>) -> Res<Option<T>> {
        if self.null()? {
            return Ok(None);
        }
        read(self).map(Some)
    }
}

/// serde's list of the names it expected: "expected `a`", "expected `a` or `b`",
/// "expected one of `a`, `b`, `c`".
fn expected_names(names: &[&str]) -> String {
    match names {
        [] => "there are no fields".into(),
        [a] => format!("expected `{a}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => {
            let mut s = String::from("expected one of ");
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                let _ = write!(s, "`{n}`");
            }
            s
        }
    }
}

/// A type of the dataset schema, read from JSON as serde's derive reads it.
pub trait FromJson: Sized {
    fn read(r: &mut Reader) -> Res<Self>;
}

/// Reads a whole text as a `T`: only whitespace may follow it.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    let mut r = Reader::new(text);
    T::read(&mut r).and_then(|v| r.end().map(|()| v)).map_err(|e| (*e).outward())
}

/// Whether `text` is one JSON value (and whitespace).
pub fn is_json(text: &str) -> bool {
    let mut r = Reader::new(text);
    r.skip().and_then(|()| r.end()).is_ok()
}

/// Reads a `T` from the start of `text`; gives it and the offset after it.
pub fn read_prefix<T: FromJson>(text: &str) -> Result<(T, usize), JsonError> {
    let mut r = Reader::new(text);
    let v = T::read(&mut r).map_err(|e| (*e).outward())?;
    Ok((v, r.offset()))
}

impl FromJson for String {
    fn read(r: &mut Reader) -> Res<Self> {
        r.string()
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(r: &mut Reader) -> Res<Self> {
        r.list(T::read)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read(r: &mut Reader) -> Res<Self> {
        r.option(T::read)
    }
}

impl FromJson for PartialDate {
    fn read(r: &mut Reader) -> Res<Self> {
        let start = r.peek().map(|_| r.at);
        let s = r.string()?;
        PartialDate::parse(&s).map_err(|error| {
            let mut e = r.fail_at(start.unwrap_or(r.at), format!("`{s}`: {error}"));
            e.date = Some((s, error));
            e
        })
    }
}

/// Unit enums, read from their names in the schema.
macro_rules! json_enum {
    ($ty:ident, [$($variant:ident = $code:literal),+ $(,)?]) => {
        impl FromJson for $ty {
            fn read(r: &mut Reader) -> Res<Self> {
                const ALL: &[$ty] = &[$($ty::$variant),+];
                r.variant(&[$($code),+]).map(|i| ALL[i])
            }
        }
    };
}

json_enum!(ActorKind, [State = "state", Organisation = "organisation", Person = "person"]);
json_enum!(
    Category,
    [
        Diplomacy = "diplomacy",
        Military = "military",
        Energy = "energy",
        Transport = "transport",
        Analysis = "analysis",
    ]
);
json_enum!(
    Relation,
    [Follows = "follows", RespondsTo = "responds-to", Context = "context", PartOf = "part-of",]
);
json_enum!(Confidence, [Confirmed = "confirmed", PerArticle = "per-article"]);
json_enum!(
    SourceKind,
    [
        Report = "report",
        Statement = "statement",
        Analysis = "analysis",
        Republication = "republication",
        Aggregator = "aggregator",
        Document = "document",
    ]
);

/// Structs, read field by field into a draft of optional fields. Each field is `req` (must be
/// there), `opt` (an `Option` that may be left out) or `def` (left out: its default; also
/// left out of the list form).
macro_rules! json_struct {
    ($ty:ident, $name:literal { $($field:ident : $fty:ty = $how:ident),+ $(,)? }) => {
        impl FromJson for $ty {
            fn read(r: &mut Reader) -> Res<Self> {
                #[derive(Default)]
                struct Draft { $($field: Option<$fty>),+ }
                const FIELDS: &[&str] = &[$(stringify!($field)),+];
                let defaults = {
                    let mut bits = 0u32;
                    let mut _i = 0;
                    $(
                        if json_struct!(@isdef $how) { bits |= 1 << _i; }
                        _i += 1;
                    )+
                    bits
                };
                let mut d = Draft::default();
                r.structure($name, FIELDS, defaults, &mut |i, r| {
                    let mut _k = 0;
                    $(
                        if i == _k {
                            d.$field = Some(<$fty as FromJson>::read(r)?);
                            return Ok(());
                        }
                        _k += 1;
                    )+
                    Ok(())
                })?;
                Ok($ty { $($field: json_struct!(@finish r, d, $field, $how)),+ })
            }
        }
    };
    (@isdef def) => { true };
    (@isdef $other:ident) => { false };
    (@finish $r:ident, $d:ident, $field:ident, req) => {
        match $d.$field {
            Some(v) => v,
            None => return Err($r.missing(stringify!($field))),
        }
    };
    (@finish $r:ident, $d:ident, $field:ident, opt) => { $d.$field.flatten() };
    (@finish $r:ident, $d:ident, $field:ident, def) => { $d.$field.unwrap_or_default() };
}

/// Booleans (`approximate`).
impl FromJson for bool {
    fn read(r: &mut Reader) -> Res<Self> {
        r.boolean()
    }
}

impl FromJson for f64 {
    fn read(r: &mut Reader) -> Res<Self> {
        r.float()
    }
}

json_struct!(Text, "Text" { de: String = req, en: String = req });
json_struct!(Actor, "Actor" { id: String = req, kind: ActorKind = req, name: Text = req });
json_struct!(Place, "Place" { id: String = req, name: Text = req, lat: Option<f64> = def, lon: Option<f64> = def });
json_struct!(Source, "Source" {
    title: Option<String> = def,
    publisher: String = req,
    url: String = req,
    date: Option<PartialDate> = def,
    lang: Option<String> = def,
    about: Option<Text> = def,
    kind: Option<SourceKind> = def,
});
json_struct!(Tag, "Tag" { id: String = req, name: Text = req });
json_struct!(Period, "Period" {
    id: String = req,
    title: Text = req,
    from: PartialDate = req,
    to: PartialDate = req,
    category: Option<Category> = def,
});
json_struct!(Related, "Related" { id: String = req, relation: Relation = req });
json_struct!(Event, "Event" {
    id: String = req,
    date: PartialDate = req,
    end: Option<PartialDate> = def,
    approximate: bool = def,
    title: Text = req,
    summary: Text = req,
    actors: Vec<String> = req,
    categories: Vec<Category> = req,
    tags: Vec<String> = def,
    place: Option<Place> = def,
    sources: Vec<Source> = req,
    related: Vec<Related> = def,
    confidence: Confidence = req,
    date_text: Option<Text> = def,
    media: Option<Media> = def,
});
json_struct!(Media, "Media" {
    url: String = req,
    alt: Option<Text> = def,
    caption: Option<Text> = def,
    credit: Option<Text> = def,
    link: Option<String> = def,
    thumbnail: Option<String> = def,
});

/// A whole dataset's members, read in one pass.
#[derive(Debug, PartialEq)]
pub struct WholeDataset {
    pub title: Option<Text>,
    pub actors: Option<Vec<Actor>>,
    pub events: Vec<Event>,
    pub description: Option<Text>,
    pub view: Option<String>,
    pub tags: Option<Vec<Tag>>,
    pub periods: Option<Vec<Period>>,
}

json_struct!(WholeDataset, "WholeDataset" {
    title: Option<Text> = opt,
    actors: Option<Vec<Actor>> = def,
    events: Vec<Event> = req,
    description: Option<Text> = def,
    view: Option<String> = def,
    tags: Option<Vec<Tag>> = def,
    periods: Option<Vec<Period>> = def,
});

/// A dataset's members as their texts, so each part can be read (and blamed) on its own.
pub struct RawDataset<'a> {
    pub title: Option<&'a str>,
    pub actors: Option<&'a str>,
    pub events: Vec<&'a str>,
    pub description: Option<&'a str>,
    pub view: Option<&'a str>,
    pub tags: Option<&'a str>,
    pub periods: Option<&'a str>,
}

/// Reads the members of a dataset as texts, checking only their syntax (and that `events`
/// is a list).
pub fn raw_dataset(text: &str) -> Result<RawDataset<'_>, JsonError> {
    let mut r = Reader::new(text);
    // Each member other than `events`, once read: `Some(None)` when it was `null`.
    let mut members: [Option<Option<&str>>; 7] = [None; 7];
    let mut events: Option<Vec<&str>> = None;
    const FIELDS: &[&str] = &["title", "actors", "events", "description", "view", "tags", "periods"];
    // In list form, the members after `events` may be left out, as `actors` may.
    const DEFAULTS: u32 = 0b1111010;
    let read = (|| {
        r.structure("RawDataset", FIELDS, DEFAULTS, &mut |i, r| {
            match i {
                2 => events = Some(r.list(Reader::raw)?),
                _ => members[i] = Some(r.option(Reader::raw)?),
            }
            Ok(())
        })?;
        r.end()
    })();
    read.map_err(|e| (*e).outward())?;
    let [title, actors, _, description, view, tags, periods] = members.map(Option::flatten);
    match events {
        Some(events) => Ok(RawDataset { title, actors, events, description, view, tags, periods }),
        None => Err(*r.missing("events")),
    }
}

/// The string value of the member `key` of the object in `text` (the last, if repeated), if
/// `text` is an object that has one.
pub fn member_string(text: &str, key: &str) -> Option<String> {
    let mut r = Reader::new(text);
    if r.peek() != Some(b'{') {
        return None;
    }
    r.at += 1;
    let mut found = None;
    let mut first = true;
    while let Some(k) = r.member(first).ok()? {
        first = false;
        if k == key {
            found = if r.peek() == Some(b'"') {
                Some(r.string_with(true).ok()?.into_owned())
            } else {
                r.skip().ok()?;
                None
            };
        } else {
            r.skip().ok()?;
        }
    }
    found
}

/// A JSON value as a tree, for the TimelineJS3 import.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number: its value and, when it is a whole number that fits, as an integer.
    Number(f64, Option<i64>),
    String(String),
    Array(Vec<Value>),
    /// The members in their order; a repeated key's last value counts.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Reads a whole text as a value.
    pub fn parse(text: &str) -> Result<Value, JsonError> {
        let mut r = Reader::new(text);
        r.value(0).and_then(|v| r.end().map(|()| v)).map_err(|e| (*e).outward())
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl Reader<'_> {
    fn value(&mut self, depth: usize) -> Res<Value> {
        match self.peek() {
            Some(b'[' | b'{') if depth >= MAX_DEPTH => Err(self.fail("recursion limit exceeded")),
            Some(b'[') => {
                self.at += 1;
                let mut out = Vec::new();
                while self.list_next(out.is_empty())? {
                    out.push(self.value(depth + 1)?);
                }
                Ok(Value::Array(out))
            }
            Some(b'{') => {
                self.at += 1;
                let mut out = Vec::new();
                while let Some(k) = self.member(out.is_empty())? {
                    let v = self.value(depth + 1)?;
                    out.push((k.into_owned(), v));
                }
                Ok(Value::Object(out))
            }
            Some(b'-' | b'0'..=b'9') => {
                let n = self.number()?;
                // As serde_json: `-0` is a float.
                let int = if n.integral {
                    n.text.parse::<i64>().ok().filter(|&i| i != 0 || !n.text.starts_with('-'))
                } else {
                    None
                };
                Ok(Value::Number(n.f64(), int))
            }
            _ => match self.found()? {
                Found::Str(s) => Ok(Value::String(s)),
                Found::Bool(b) => Ok(Value::Bool(b)),
                _ => Ok(Value::Null),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err<T: FromJson + std::fmt::Debug>(text: &str) -> (String, String) {
        let e = from_str::<T>(text).unwrap_err();
        (crate::core::formats::jsonpath::render(&e.path), e.message)
    }

    #[test]
    fn a_text_reads_in_object_and_list_form() {
        let t = Text { de: "ä\"\n😀".into(), en: "b".into() };
        assert_eq!(from_str::<Text>(r#" {"de": "ä\"\n\ud83d\ude00", "en": "b"} "#).unwrap(), t);
        assert_eq!(from_str::<Text>(r#"["ä\"\n😀","b"]"#).unwrap(), t);
    }

    #[test]
    fn problems_are_named_with_serdes_words_at_their_field() {
        assert_eq!(
            err::<Text>(r#"{"de":"a","fr":"b"}"#),
            ("fr".into(), "unknown field `fr`, expected `de` or `en`".into())
        );
        assert_eq!(err::<Text>(r#"{"de":"a"}"#), (".".into(), "missing field `en`".into()));
        assert_eq!(err::<Text>(r#"{"de":"a","de":"b"}"#), (".".into(), "duplicate field `de`".into()));
        assert_eq!(
            err::<Text>(r#""x""#),
            (".".into(), "invalid type: string \"x\", expected struct Text".into())
        );
        assert_eq!(
            err::<Text>(r#"{"de":5,"en":""}"#),
            ("de".into(), "invalid type: integer `5`, expected a string".into())
        );
        assert_eq!(
            err::<Text>(r#"{"de":-1.5e0}"#),
            ("de".into(), "invalid type: floating point `-1.5`, expected a string".into())
        );
        assert_eq!(
            err::<Text>(r#"["a"]"#),
            (".".into(), "invalid length 1, expected struct Text with 2 elements".into())
        );
        assert_eq!(err::<Vec<Category>>(r#"["energy", "weather"]"#).0, "[1]");
        assert_eq!(
            err::<Confidence>(r#""maybe""#).1,
            "unknown variant `maybe`, expected `confirmed` or `per-article`"
        );
        assert_eq!(err::<Confidence>("7").1, "expected value");
    }

    #[test]
    fn syntax_errors_say_what_serde_json_says_and_flag_a_cut_text() {
        for (text, message, eof) in [
            (r#"{"de":"a""#, "EOF while parsing an object", true),
            (r#"{"de":"a"#, "EOF while parsing a string", true),
            (r#"{"de":tr"#, "EOF while parsing a value", true),
            (r#"{"de":"a",}"#, "trailing comma", false),
            (r#"{"de":"a" "en":"b"}"#, "expected `,` or `}`", false),
            (r#"{"de" "a"}"#, "expected `:`", false),
            (r#"{de:"a"}"#, "key must be a string", false),
            (r#"{"de":"\q"}"#, "invalid escape", false),
            (r#"{"de":"\ud800"}"#, "unexpected end of hex escape", false),
            ("{\"de\":\"\u{1}\"}", "control character (\\u0000-\\u001F) found while parsing a string", false),
            (r#"{"de":"a","en":"b"} x"#, "trailing characters", false),
        ] {
            let e = from_str::<Text>(text).unwrap_err();
            assert_eq!((e.message.as_str(), e.eof), (message, eof), "{text}");
        }
    }

    #[test]
    fn numbers_read_as_the_standard_library_reads_them_where_that_is_one_rounding() {
        for text in [
            "0",
            "-0",
            "40.4093",
            "-70.6693",
            "1e3",
            "2.5E-3",
            "-180",
            "89.99999999",
            "123456789012345",
            "0.1",
        ] {
            let n = Reader::new(text).number().unwrap();
            assert_eq!(n.f64(), text.parse::<f64>().unwrap(), "{text}");
        }
        // Beyond that, close: within a few units in the last place.
        for text in
            ["1.7976931348623157e308", "5e-324", "4.656072516282516e-91", "123456789012345678901234567890"]
        {
            let (ours, exact) = (Reader::new(text).number().unwrap().f64(), text.parse::<f64>().unwrap());
            assert!(
                (ours - exact).abs() <= exact.abs() * 1e-15 || (exact < 1e-300 && ours < 1e-300),
                "{text}: {ours} vs {exact}"
            );
        }
        assert_eq!(
            Reader::new("1e400").number().err().map(|e| e.message),
            Some("number out of range".to_string())
        );
    }

    #[test]
    fn a_problem_is_located_by_line_and_column_from_one() {
        let text = "{\"de\": \"a\",\n  \"fr\": \"b\"}";
        let e = from_str::<Text>(text).unwrap_err();
        assert_eq!(e.located(text), "unknown field `fr`, expected `de` or `en` at line 2 column 7");
        let bom = "\u{feff}{}";
        assert_eq!(from_str::<Text>(bom).unwrap_err().located(bom), "expected value at line 1 column 1");
    }

    #[test]
    fn skipping_checks_syntax_and_finds_the_end() {
        let text = r#"[1, {"a": [true, null, "\ud800"]}, -0.5e3] tail"#;
        let mut r = Reader::new(text);
        r.skip().unwrap();
        assert_eq!(&text[r.offset()..], " tail");
        assert!(Reader::new("[1, {\"a\" 2}]").skip().is_err());
        let deep = "[".repeat(100_000);
        assert!(Reader::new(&deep).skip().unwrap_err().eof);
    }

    #[test]
    fn a_value_tree_keeps_the_last_of_repeated_keys_and_refuses_deep_nesting() {
        let v = Value::parse(r#"{"a": 1, "b": [2.5, "x"], "a": 3}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number(3.0, Some(3))));
        assert_eq!(v.get("b").and_then(Value::as_array).map(Vec::len), Some(2));
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(Value::parse(&deep).unwrap_err().message, "recursion limit exceeded");
    }

    #[test]
    fn a_rejected_events_id_is_found_in_its_text() {
        assert_eq!(
            member_string(r#"{"x": [1, {"id": "no"}], "id": "yes", "date": 5}"#, "id").as_deref(),
            Some("yes")
        );
        assert_eq!(member_string(r#"{"id": 5}"#, "id"), None);
        assert_eq!(member_string(r#"["id"]"#, "id"), None);
    }

    #[test]
    fn an_events_date_text_is_read_when_given_and_may_be_left_out_in_both_forms() {
        let object = |extra: &str| {
            format!(
                r#"{{"id":"a","date":"1945-03","title":["T","T"],"summary":["S","S"],"actors":[],
                "categories":["analysis"],"sources":[],"confidence":"confirmed"{extra}}}"#
            )
        };
        let spring = Text { de: "Frühjahr 1945".into(), en: "Spring 1945".into() };
        let e =
            from_str::<Event>(&object(r#","date_text":{"de":"Frühjahr 1945","en":"Spring 1945"}"#)).unwrap();
        assert_eq!(e.date_text.as_ref(), Some(&spring));
        assert_eq!(from_str::<Event>(&object("")).unwrap().date_text, None);
        assert_eq!(from_str::<Event>(&object(r#","date_text":null"#)).unwrap().date_text, None);
        let list =
            r#"["a","1945-03",null,false,["T","T"],["S","S"],[],["analysis"],[],null,[],[],"confirmed""#;
        assert_eq!(from_str::<Event>(&format!("{list}]")).unwrap().date_text, None);
        let e = from_str::<Event>(&format!(r#"{list},["Frühjahr 1945","Spring 1945"]]"#)).unwrap();
        assert_eq!(e.date_text, Some(spring));
        let (at, message) = err::<Event>(&object(r#","date_text":"Spring 1945""#));
        assert_eq!(
            (at.as_str(), message.as_str()),
            ("date_text", "invalid type: string \"Spring 1945\", expected struct Text")
        );
    }
}
