//! Field paths in a JSON text (`sources[0].url`): how [`crate::core::formats::json`] names the field of a
//! problem, and how dataset errors show it.

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

/// Whether `b` is whitespace between JSON tokens.
pub(crate) fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_as_field_names() {
        assert_eq!(render(&[]), ".");
        assert_eq!(render(&[Seg::Index(1)]), "[1]");
        assert_eq!(
            render(&[Seg::Key("sources".into()), Seg::Index(0), Seg::Key("url".into())]),
            "sources[0].url"
        );
        assert_eq!(render(&[Seg::Key("title".into()), Seg::Key("en".into())]), "title.en");
    }
}
