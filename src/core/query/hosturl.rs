//! A widget's parameters inside a host page's query string.
//!
//! An embedded widget that mirrors its view into the host URL keeps its parameters there as
//! `PREFIX-name`, beside the host's own parameters, which it leaves alone
//! (`page=2&tl-cat=energy`). These functions take that query apart and put it together again;
//! the platform layer only reads `location.search` and writes history entries.

/// The widget's own parameters in the host query `search` (with or without its `?`), without
/// their prefix, as a query string (`cat=energy`).
pub fn prefixed_part(search: &str, prefix: &str) -> String {
    let lead = format!("{prefix}-");
    let mut own = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(search.trim_start_matches('?').as_bytes()) {
        if let Some(name) = name.strip_prefix(&lead) {
            own.append_pair(name, &value);
        }
    }
    own.finish()
}

/// The host query `search` with the widget's parameters replaced by those of `query`, each
/// prefixed: the host's own parameters first, in their order, then the widget's.
pub fn with_prefixed_part(search: &str, prefix: &str, query: &str) -> String {
    let lead = format!("{prefix}-");
    let mut host = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(search.trim_start_matches('?').as_bytes()) {
        if !name.starts_with(&lead) {
            host.append_pair(&name, &value);
        }
    }
    let host = host.finish();
    let own: Vec<String> = query.split('&').filter(|p| !p.is_empty()).map(|p| format!("{lead}{p}")).collect();
    [host, own.join("&")].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widgets_parameters_are_read_without_their_prefix_and_the_hosts_are_left_out() {
        let search = "?page=2&tl-cat=energy&tl-event=x&other-cat=military&tl=1";
        assert_eq!(prefixed_part(search, "tl"), "cat=energy&event=x");
        assert_eq!(prefixed_part(search, "other"), "cat=military");
        assert_eq!(prefixed_part("", "tl"), "");
    }

    #[test]
    fn encoded_values_come_back_as_the_widget_wrote_them() {
        assert_eq!(prefixed_part("tl-q=caspian+sea&tl-cat=a%2Cb", "tl"), "q=caspian+sea&cat=a%2Cb");
    }

    #[test]
    fn writing_keeps_the_hosts_parameters_in_order_and_replaces_the_widgets() {
        let search = "?page=2&tl-cat=energy&lang=fr&tl-event=x";
        assert_eq!(with_prefixed_part(search, "tl", "view=list"), "page=2&lang=fr&tl-view=list");
        assert_eq!(with_prefixed_part(search, "tl", ""), "page=2&lang=fr");
        assert_eq!(with_prefixed_part("", "tl", "cat=energy"), "tl-cat=energy");
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        for query in ["", "cat=energy", "q=a+b&cat=military%2Cenergy&event=vance-charter-2026"] {
            let written = with_prefixed_part("?x=1&tl-q=old", "tl", query);
            assert_eq!(prefixed_part(&written, "tl"), query, "{written}");
            assert!(written.starts_with("x=1"), "{written}");
        }
    }
}
