//! Free-text search: folding, query parsing and match highlighting.
//!
//! Matching is case- and diacritic-insensitive through [`fold`], a small hand-written folding
//! (its only table is a compact copy of Unicode's lower-casing, checked against the standard
//! library's): Latin-1 Supplement and
//! Latin Extended-A letters lose their diacritics, `ß` becomes `ss`, Azerbaijani `ə` becomes
//! `a`, combining marks (U+0300–U+036F) are dropped so decomposed text folds like composed
//! text, and typographic quotes and dashes become ASCII. Other scripts are only lower-cased.
//!
//! Folding works char by char with no context, so a substring of a folded text always comes
//! from a run of whole original chars: that is what lets [`highlight`] map a hit back.

use std::ops::Range;

/// Only this many chars of a search input are considered.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// The most tokens a query keeps.
pub const MAX_TOKENS: usize = 16;
/// The longest token, in chars (longer ones are cut).
pub const MAX_TOKEN_CHARS: usize = 64;

/// Base letters of U+00E0–U+00FF after lower-casing. `*` keeps the char, `A` is `ae`, `T` is `th`.
const LATIN1: &[u8; 32] = b"aaaaaaAceeeeiiiidnooooo*ouuuuyTy";
/// Base letters of U+0100–U+017F after lower-casing. `J` is `ij`, `O` is `oe`.
const LATIN_EXT_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiJJjjkkkllllllllllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

fn push_base(b: u8, c: char, out: &mut String) {
    match b {
        b'*' => out.push(c),
        b'A' => out.push_str("ae"),
        b'T' => out.push_str("th"),
        b'J' => out.push_str("ij"),
        b'O' => out.push_str("oe"),
        _ => out.push(b as char),
    }
}

/// Folds one already lower-cased char.
fn fold_lower(c: char, out: &mut String) {
    let cp = c as u32;
    match cp {
        0x0300..=0x036F => {}
        0x00A0 => out.push(' '),
        0x00AB | 0x00BB | 0x201C..=0x201F => out.push('"'),
        0x00DF => out.push_str("ss"),
        0x00E0..=0x00FF => push_base(LATIN1[(cp - 0xE0) as usize], c, out),
        0x0100..=0x017F => push_base(LATIN_EXT_A[(cp - 0x100) as usize], c, out),
        0x0259 => out.push('a'),
        0x2010..=0x2015 | 0x2212 => out.push('-'),
        0x2018..=0x201B => out.push('\''),
        _ => out.push(c),
    }
}

/// Every non-ASCII char whose lower case is another single char, as runs `(first, count,
/// stride, delta)`: chars `first + k * stride` for `k < count` lower-case to themselves plus
/// `delta`. Generated from the standard library's `char::to_lowercase` (Unicode 16) and held to
/// it by a test over every char; the one char it lower-cases to two (`İ`, to `i` and a
/// combining dot) folds to `i` either way. 184 runs instead of the standard library's table of
/// 1,434 pairs and its lookup code: about 5.5 KB less in the gzipped bundle.
const LOWER_RUNS: [(u32, u8, u8, i32); 184] = [
    (0x00C0, 23, 1, 32),
    (0x00D8, 7, 1, 32),
    (0x0100, 24, 2, 1),
    (0x0132, 3, 2, 1),
    (0x0139, 8, 2, 1),
    (0x014A, 23, 2, 1),
    (0x0178, 1, 1, -121),
    (0x0179, 3, 2, 1),
    (0x0181, 1, 1, 210),
    (0x0182, 2, 2, 1),
    (0x0186, 1, 1, 206),
    (0x0187, 1, 1, 1),
    (0x0189, 2, 1, 205),
    (0x018B, 1, 1, 1),
    (0x018E, 1, 1, 79),
    (0x018F, 1, 1, 202),
    (0x0190, 1, 1, 203),
    (0x0191, 1, 1, 1),
    (0x0193, 1, 1, 205),
    (0x0194, 1, 1, 207),
    (0x0196, 1, 1, 211),
    (0x0197, 1, 1, 209),
    (0x0198, 1, 1, 1),
    (0x019C, 1, 1, 211),
    (0x019D, 1, 1, 213),
    (0x019F, 1, 1, 214),
    (0x01A0, 3, 2, 1),
    (0x01A6, 1, 1, 218),
    (0x01A7, 1, 1, 1),
    (0x01A9, 1, 1, 218),
    (0x01AC, 1, 1, 1),
    (0x01AE, 1, 1, 218),
    (0x01AF, 1, 1, 1),
    (0x01B1, 2, 1, 217),
    (0x01B3, 2, 2, 1),
    (0x01B7, 1, 1, 219),
    (0x01B8, 1, 1, 1),
    (0x01BC, 1, 1, 1),
    (0x01C4, 1, 1, 2),
    (0x01C5, 1, 1, 1),
    (0x01C7, 1, 1, 2),
    (0x01C8, 1, 1, 1),
    (0x01CA, 1, 1, 2),
    (0x01CB, 9, 2, 1),
    (0x01DE, 9, 2, 1),
    (0x01F1, 1, 1, 2),
    (0x01F2, 2, 2, 1),
    (0x01F6, 1, 1, -97),
    (0x01F7, 1, 1, -56),
    (0x01F8, 20, 2, 1),
    (0x0220, 1, 1, -130),
    (0x0222, 9, 2, 1),
    (0x023A, 1, 1, 10795),
    (0x023B, 1, 1, 1),
    (0x023D, 1, 1, -163),
    (0x023E, 1, 1, 10792),
    (0x0241, 1, 1, 1),
    (0x0243, 1, 1, -195),
    (0x0244, 1, 1, 69),
    (0x0245, 1, 1, 71),
    (0x0246, 5, 2, 1),
    (0x0370, 2, 2, 1),
    (0x0376, 1, 1, 1),
    (0x037F, 1, 1, 116),
    (0x0386, 1, 1, 38),
    (0x0388, 3, 1, 37),
    (0x038C, 1, 1, 64),
    (0x038E, 2, 1, 63),
    (0x0391, 17, 1, 32),
    (0x03A3, 9, 1, 32),
    (0x03CF, 1, 1, 8),
    (0x03D8, 12, 2, 1),
    (0x03F4, 1, 1, -60),
    (0x03F7, 1, 1, 1),
    (0x03F9, 1, 1, -7),
    (0x03FA, 1, 1, 1),
    (0x03FD, 3, 1, -130),
    (0x0400, 16, 1, 80),
    (0x0410, 32, 1, 32),
    (0x0460, 17, 2, 1),
    (0x048A, 27, 2, 1),
    (0x04C0, 1, 1, 15),
    (0x04C1, 7, 2, 1),
    (0x04D0, 48, 2, 1),
    (0x0531, 38, 1, 48),
    (0x10A0, 38, 1, 7264),
    (0x10C7, 1, 1, 7264),
    (0x10CD, 1, 1, 7264),
    (0x13A0, 80, 1, 38864),
    (0x13F0, 6, 1, 8),
    (0x1C89, 1, 1, 1),
    (0x1C90, 43, 1, -3008),
    (0x1CBD, 3, 1, -3008),
    (0x1E00, 75, 2, 1),
    (0x1E9E, 1, 1, -7615),
    (0x1EA0, 48, 2, 1),
    (0x1F08, 8, 1, -8),
    (0x1F18, 6, 1, -8),
    (0x1F28, 8, 1, -8),
    (0x1F38, 8, 1, -8),
    (0x1F48, 6, 1, -8),
    (0x1F59, 4, 2, -8),
    (0x1F68, 8, 1, -8),
    (0x1F88, 8, 1, -8),
    (0x1F98, 8, 1, -8),
    (0x1FA8, 8, 1, -8),
    (0x1FB8, 2, 1, -8),
    (0x1FBA, 2, 1, -74),
    (0x1FBC, 1, 1, -9),
    (0x1FC8, 4, 1, -86),
    (0x1FCC, 1, 1, -9),
    (0x1FD8, 2, 1, -8),
    (0x1FDA, 2, 1, -100),
    (0x1FE8, 2, 1, -8),
    (0x1FEA, 2, 1, -112),
    (0x1FEC, 1, 1, -7),
    (0x1FF8, 2, 1, -128),
    (0x1FFA, 2, 1, -126),
    (0x1FFC, 1, 1, -9),
    (0x2126, 1, 1, -7517),
    (0x212A, 1, 1, -8383),
    (0x212B, 1, 1, -8262),
    (0x2132, 1, 1, 28),
    (0x2160, 16, 1, 16),
    (0x2183, 1, 1, 1),
    (0x24B6, 26, 1, 26),
    (0x2C00, 48, 1, 48),
    (0x2C60, 1, 1, 1),
    (0x2C62, 1, 1, -10743),
    (0x2C63, 1, 1, -3814),
    (0x2C64, 1, 1, -10727),
    (0x2C67, 3, 2, 1),
    (0x2C6D, 1, 1, -10780),
    (0x2C6E, 1, 1, -10749),
    (0x2C6F, 1, 1, -10783),
    (0x2C70, 1, 1, -10782),
    (0x2C72, 1, 1, 1),
    (0x2C75, 1, 1, 1),
    (0x2C7E, 2, 1, -10815),
    (0x2C80, 50, 2, 1),
    (0x2CEB, 2, 2, 1),
    (0x2CF2, 1, 1, 1),
    (0xA640, 23, 2, 1),
    (0xA680, 14, 2, 1),
    (0xA722, 7, 2, 1),
    (0xA732, 31, 2, 1),
    (0xA779, 2, 2, 1),
    (0xA77D, 1, 1, -35332),
    (0xA77E, 5, 2, 1),
    (0xA78B, 1, 1, 1),
    (0xA78D, 1, 1, -42280),
    (0xA790, 2, 2, 1),
    (0xA796, 10, 2, 1),
    (0xA7AA, 1, 1, -42308),
    (0xA7AB, 1, 1, -42319),
    (0xA7AC, 1, 1, -42315),
    (0xA7AD, 1, 1, -42305),
    (0xA7AE, 1, 1, -42308),
    (0xA7B0, 1, 1, -42258),
    (0xA7B1, 1, 1, -42282),
    (0xA7B2, 1, 1, -42261),
    (0xA7B3, 1, 1, 928),
    (0xA7B4, 8, 2, 1),
    (0xA7C4, 1, 1, -48),
    (0xA7C5, 1, 1, -42307),
    (0xA7C6, 1, 1, -35384),
    (0xA7C7, 2, 2, 1),
    (0xA7CB, 1, 1, -42343),
    (0xA7CC, 8, 2, 1),
    (0xA7DC, 1, 1, -42561),
    (0xA7F5, 1, 1, 1),
    (0xFF21, 26, 1, 32),
    (0x10400, 40, 1, 40),
    (0x104B0, 36, 1, 40),
    (0x10570, 11, 1, 39),
    (0x1057C, 15, 1, 39),
    (0x1058C, 7, 1, 39),
    (0x10594, 2, 1, 39),
    (0x10C80, 51, 1, 64),
    (0x10D50, 22, 1, 32),
    (0x118A0, 32, 1, 32),
    (0x16E40, 32, 1, 32),
    (0x16EA0, 25, 1, 27),
    (0x1E900, 34, 1, 34),
];

/// The lower case of a char, as one char (`İ` gives `i`).
pub fn lower(c: char) -> char {
    let cp = c as u32;
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if cp == 0x130 {
        return 'i';
    }
    // Runs are sorted by their first char and none spans more than 160 chars.
    let end = LOWER_RUNS.partition_point(|r| r.0 <= cp);
    for &(first, count, stride, delta) in LOWER_RUNS[..end].iter().rev() {
        if cp - first > 160 {
            break;
        }
        let (offset, stride) = (cp - first, u32::from(stride));
        if offset % stride == 0 && offset / stride < u32::from(count) {
            return char::from_u32(cp.wrapping_add_signed(delta)).unwrap_or(c);
        }
    }
    c
}

/// Appends the folding of one char to `out` (zero, one or more chars).
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        fold_lower(lower(c), out);
    }
}

/// Appends the folding of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // Runs of ASCII (most of any text here) are copied and lower-cased in place, not
        // pushed one char at a time: indexing 100,000 events got several times faster.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(&rest[..ascii]);
            out[start..].make_ascii_lowercase();
            rest = &rest[ascii..];
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char_into(c, out);
            rest = chars.as_str();
        }
    }
}

/// Case- and diacritic-insensitive folding: `fold("Türkei") == fold("turkei")`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// A parsed search: folded tokens, all of which must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    tokens: Vec<String>,
}

impl Query {
    /// Folds the first [`MAX_QUERY_CHARS`] chars of `input` and splits them on whitespace into at
    /// most [`MAX_TOKENS`] tokens of at most [`MAX_TOKEN_CHARS`] chars each. Linear time.
    pub fn parse(input: &str) -> Query {
        let end = input.char_indices().nth(MAX_QUERY_CHARS).map_or(input.len(), |(i, _)| i);
        let folded = fold(&input[..end]);
        let tokens = folded
            .split_whitespace()
            .take(MAX_TOKENS)
            .map(|t| {
                let cut = t.char_indices().nth(MAX_TOKEN_CHARS).map_or(t.len(), |(i, _)| i);
                t[..cut].to_string()
            })
            .collect();
        Query { tokens }
    }

    /// No tokens: the search matches everything.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The folded tokens.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// Whether every token occurs in `folded`, a text already passed through [`fold`].
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.tokens.iter().all(|t| folded.contains(t.as_str()))
    }
}

/// Splits `text` into byte ranges on char boundaries, covering it in order, each marked `true`
/// when it is part of a match of any token of `query` under folding. Neighbouring ranges with
/// the same mark are merged; an empty text gives no ranges.
pub fn highlight(text: &str, query: &Query) -> Vec<(Range<usize>, bool)> {
    if text.is_empty() {
        return Vec::new();
    }
    if query.is_empty() {
        return vec![(0..text.len(), false)];
    }
    // Fold, remembering where each original char's folding ends.
    let mut folded = String::with_capacity(text.len());
    let mut folded_end: Vec<usize> = Vec::with_capacity(text.len());
    for c in text.chars() {
        fold_char_into(c, &mut folded);
        folded_end.push(folded.len());
    }
    // Every (possibly overlapping) occurrence of every token, counted into a difference array
    // over the folded bytes: a byte is covered while the running sum is positive, so hits that
    // overlap or touch merge without sorting them.
    let mut depth = vec![0i32; folded.len() + 1];
    for t in query.tokens() {
        let mut from = 0;
        while let Some(p) = folded[from..].find(t.as_str()) {
            let start = from + p;
            depth[start] += 1;
            depth[start + t.len()] -= 1;
            // Next search from the next char boundary, so overlapping hits are found too.
            from = start + folded[start..].chars().next().map_or(1, char::len_utf8);
            if from >= folded.len() {
                break;
            }
        }
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    let mut covered = 0;
    for (i, d) in depth.iter().enumerate() {
        let was = covered > 0;
        covered += d;
        match (was, covered > 0) {
            (false, true) => merged.push(i..i),
            (true, false) => {
                if let Some(last) = merged.last_mut() {
                    last.end = i;
                }
            }
            _ => {}
        }
    }
    // Walk the original chars; a char is marked when its folding overlaps a hit. Chars that
    // fold to nothing (combining marks) take the mark of the char before them.
    let mut out: Vec<(Range<usize>, bool)> = Vec::new();
    let mut k = 0;
    let mut fstart = 0;
    let mut prev = false;
    for ((i, c), &fend) in text.char_indices().zip(&folded_end) {
        let mark = if fend == fstart {
            prev
        } else {
            while k < merged.len() && merged[k].end <= fstart {
                k += 1;
            }
            k < merged.len() && merged[k].start < fend
        };
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some((r, m)) if *m == mark => r.end = end,
            _ => out.push((i..end, mark)),
        }
        prev = mark;
        fstart = fend;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn marked<'a>(text: &'a str, q: &str) -> Vec<&'a str> {
        highlight(text, &Query::parse(q)).into_iter().filter(|(_, m)| *m).map(|(r, _)| &text[r]).collect()
    }

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(fold("Aserbaidschan"), "aserbaidschan");
        assert_eq!(fold("ASERBAIDSCHAN"), fold("aserbaidschan"));
        assert_eq!(fold("Türkei"), fold("turkei"));
        assert_eq!(fold("Əliyev"), fold("aliyev"));
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("İstanbul Işık"), "istanbul isik");
        assert_eq!(
            fold("Ağdam Şuşa Ganca Łódź Žilina Ñandú Çay ÖÄÜ"),
            "agdam susa ganca lodz zilina nandu cay oau"
        );
        assert_eq!(fold("Ÿ ĳ Œuvre Æ"), "y ij oeuvre ae");
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        assert_eq!(fold("Tu\u{308}rkei"), fold("Türkei"));
        assert_eq!(fold("Ə\u{301}"), "a");
    }

    #[test]
    fn typographic_quotes_and_dashes_become_ascii() {
        assert_eq!(fold("„Frieden“ – ‘deal’ — «x»"), "\"frieden\" - 'deal' - \"x\"");
    }

    #[test]
    fn other_scripts_are_only_lower_cased() {
        assert_eq!(fold("ΑΘΗΝΑ Москва 東京"), "αθηνα москва 東京");
    }

    #[test]
    fn a_query_is_folded_tokens_split_on_whitespace() {
        let q = Query::parse("  Türkei \t ASERBAIDSCHAN\n ");
        assert_eq!(q.tokens(), ["turkei", "aserbaidschan"]);
        assert!(Query::parse(" \u{301} \t").is_empty());
        assert!(Query::parse("").is_empty());
    }

    #[test]
    fn a_query_keeps_at_most_sixteen_tokens_of_sixty_four_chars() {
        let many = (0..40).map(|i| format!("t{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(Query::parse(&many).tokens().len(), MAX_TOKENS);
        let long = "ü".repeat(200);
        assert_eq!(Query::parse(&long).tokens()[0], "u".repeat(MAX_TOKEN_CHARS));
    }

    #[test]
    fn only_the_first_thousand_chars_of_a_query_count() {
        let s = format!("{} tail", "x".repeat(999));
        assert_eq!(Query::parse(&s).tokens().len(), 1);
    }

    #[test]
    fn a_million_character_query_does_not_panic() {
        let big = "ä ".repeat(500_000);
        let q = Query::parse(&big);
        assert_eq!(q.tokens().len(), MAX_TOKENS);
        let q = Query::parse(&"ß".repeat(1_000_000));
        assert_eq!(q.tokens()[0].len(), MAX_TOKEN_CHARS);
        let _ = highlight("Straße", &q);
    }

    #[test]
    fn highlighting_marks_matches_in_the_original_text() {
        assert_eq!(marked("Aserbaidschan und Türkei", "aserbaidschan"), ["Aserbaidschan"]);
        assert_eq!(marked("Aserbaidschan und Türkei", "turkei"), ["Türkei"]);
        assert_eq!(marked("Die Straße", "strasse"), ["Straße"]);
        assert_eq!(marked("Əliyev sagte", "ALIYEV"), ["Əliyev"]);
    }

    #[test]
    fn highlighting_covers_the_text_and_merges_neighbours() {
        let text = "Türkei, Türkei!";
        let h = highlight(text, &Query::parse("türkei ,"));
        assert_eq!(h, vec![(0..8, true), (8..9, false), (9..16, true), (16..17, false)]);
        assert_eq!(highlight(text, &Query::default()), vec![(0..text.len(), false)]);
        assert!(highlight("", &Query::parse("x")).is_empty());
    }

    #[test]
    fn highlighting_a_part_of_sharp_s_marks_the_whole_char() {
        assert_eq!(marked("Maße", "mas"), ["Maß"]);
        assert_eq!(marked("Maße", "se"), ["ße"]);
    }

    #[test]
    fn highlighting_keeps_combining_marks_with_their_letter() {
        let text = "Tu\u{308}rkei und Turm";
        assert_eq!(marked(text, "türkei"), ["Tu\u{308}rkei"]);
        assert_eq!(marked(text, "tu"), ["Tu\u{308}", "Tu"]);
    }

    #[test]
    fn highlighting_finds_overlapping_matches() {
        assert_eq!(marked("xaaay", "aa"), ["aaa"]);
    }

    #[test]
    fn every_char_folds_as_it_does_after_the_standard_librarys_lower_casing() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut ours = String::new();
            fold_char_into(c, &mut ours);
            let mut std_lower = String::new();
            for l in c.to_lowercase() {
                if l.is_ascii() {
                    std_lower.push(l);
                } else {
                    fold_lower(l, &mut std_lower);
                }
            }
            assert_eq!(ours, std_lower, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn scripts_of_the_region_fold_case_insensitively() {
        assert_eq!(fold("ƏLİYEV Əliyev"), "aliyev aliyev");
        assert_eq!(fold("ҚАЗАҚСТАН Қазақстан"), fold("қазақстан қазақстан"));
        assert_eq!(fold("ՀԱՅԱՍՏԱՆ"), fold("հայաստան"));
        assert_eq!(fold("ΕΛΛΆΔΑ"), fold("ελλάδα"));
        assert_eq!(fold("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ"), fold("საქართველო"));
    }

    proptest! {
        #[test]
        fn highlight_ranges_cover_the_text_on_char_boundaries(text in any::<String>(), q in any::<String>()) {
            for query in [Query::parse(&q), Query::parse(&text), Query::parse(text.get(..text.len() / 2).unwrap_or("a"))] {
                let h = highlight(&text, &query);
                let mut at = 0;
                for (i, (r, m)) in h.iter().enumerate() {
                    prop_assert_eq!(r.start, at);
                    prop_assert!(r.end > r.start);
                    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                    if i > 0 {
                        prop_assert_ne!(h[i - 1].1, *m);
                    }
                    at = r.end;
                }
                prop_assert_eq!(at, text.len());
            }
        }

        #[test]
        fn folding_is_idempotent(s in any::<String>()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn folding_runs_of_ascii_at_once_equals_folding_each_char(s in "[ -~\u{a0}-\u{17f}\u{259}\u{300}-\u{36f}\u{391}-\u{3c9}]{0,40}", t in any::<String>()) {
            for text in [&s, &t] {
                let mut each = String::new();
                for c in text.chars() {
                    fold_char_into(c, &mut each);
                }
                prop_assert_eq!(fold(text), each);
            }
        }

        #[test]
        fn folding_latin_text_is_idempotent(s in "[ -~\u{a0}-\u{17f}\u{259}\u{18f}\u{300}-\u{36f}\u{2010}-\u{201f}]{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn a_token_taken_from_a_text_is_highlighted_in_it(s in "[a-zA-ZäöüßÄÖÜəƏ ]{1,30}") {
            let query = Query::parse(&s);
            if !query.is_empty() {
                prop_assert!(highlight(&s, &query).iter().any(|(_, m)| *m));
            }
        }
    }
}
