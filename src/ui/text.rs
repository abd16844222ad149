//! Text from data or URLs, rendered only ever as text (never as HTML), with search hits marked.

use super::dom::{bind, el, Dom};
use crate::core::query::search::{highlight, Query};
use crate::ui::memo::Memo;

/// A piece of data `text` (in the current language) with the matches of the search `q` wrapped
/// in `<mark>` (written by [`write_highlighted`], as the list view writes its items).
#[allow(non_snake_case)]
pub fn Highlighted(text: String, q: Memo<String>) -> Dom {
    let span = el("span");
    let element = span.element().clone();
    bind(move || q.with(|q| write_highlighted(&element, &text, &Query::parse(q))));
    span
}

/// Writes `text` into `element` with the matches of `query` wrapped in `<mark>`, replacing what
/// was there. Only text nodes and `<mark>` elements are made: the text is never parsed.
pub fn write_highlighted(element: &web_sys::Element, text: &str, query: &Query) {
    if query.is_empty() {
        element.set_text_content(Some(text));
        return;
    }
    let Some(doc) = element.owner_document() else { return };
    element.set_text_content(None);
    for (range, hit) in highlight(text, query) {
        let part = &text[range];
        let node: Option<web_sys::Node> = if hit {
            doc.create_element("mark").ok().map(|m| {
                m.set_class_name("tl-hit");
                m.set_text_content(Some(part));
                m.into()
            })
        } else {
            Some(doc.create_text_node(part).into())
        };
        if let Some(node) = node {
            let _ = element.append_child(&node);
        }
    }
}
