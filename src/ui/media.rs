//! An event's media: an image shown in the detail panel (and small in the list), or a link that
//! names where the media is. No frame, script or player from another site is ever made.

use super::dom::{el, listen_capture, Dom};
use crate::core::dataset::media::{list_image, MediaInfo, MediaKind};
use crate::core::dataset::model::{Lang, Media};
use crate::core::i18n::{image_unavailable, media_label};
use wasm_bindgen::JsCast;

/// How a link to media from elsewhere opens: in a new tab, telling that page nothing about
/// this one.
const REL: &str = "noopener noreferrer";

/// The media of the open event, in `lang`: an image in a box of fixed proportions (so nothing
/// moves when it arrives), loaded only when it is about to be seen, with its caption and credit
/// under it; anything else as a link naming what and where it is ("Video on YouTube").
#[allow(non_snake_case)]
pub fn MediaFigure(lang: Lang, m: &Media) -> Dom {
    let info = MediaInfo::of(&m.url);
    let body = match (info.kind, &m.alt) {
        (MediaKind::Image, Some(alt)) => Picture(lang, m, alt.get(lang)),
        _ => LinkCard(lang, m, &info),
    };
    let caption = m.caption.as_ref().map(|c| el("span").class("tl-media-caption").text(c.get(lang)));
    let credit = m.credit.as_ref().map(|c| el("small").class("tl-media-credit").text(c.get(lang)));
    let figcaption = (caption.is_some() || credit.is_some())
        .then(|| el("figcaption").child_if(caption).text(" ").child_if(credit));
    el("figure")
        .class("tl-media")
        .attr("data-media-kind", kind_code(info.kind))
        .child(body)
        .child_if(figcaption)
}

/// The kind's name on the figure, for styles and tests.
fn kind_code(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Image => "image",
        MediaKind::Video => "video",
        MediaKind::Post => "post",
        MediaKind::Audio => "audio",
        MediaKind::Document => "document",
        MediaKind::Link => "link",
    }
}

/// The image, a link to `m.link` when it has one. If it cannot be loaded, its description and
/// a link to it take its place: never a broken picture.
#[allow(non_snake_case)]
fn Picture(lang: Lang, m: &Media, alt: &str) -> Dom {
    let img = el("img")
        .attr("src", &m.url)
        .attr("alt", alt)
        .attr("loading", "lazy")
        .attr("decoding", "async")
        .attr("referrerpolicy", "no-referrer")
        .attr("width", "640")
        .attr("height", "400");
    let fallback = ImageFallback(lang, m, alt).into_element();
    let img = img.on("error", move |ev| {
        if let Some(img) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let shown = img.closest("a.tl-media-image").ok().flatten().unwrap_or(img);
            let _ = shown.replace_with_with_node_1(&fallback);
        }
    });
    match &m.link {
        Some(link) => el("a")
            .class("tl-media-image")
            .attr("href", link)
            .attr("target", "_blank")
            .attr("rel", REL)
            .child(img),
        None => el("span").class("tl-media-image").child(img),
    }
}

/// What stands in for an image that could not be loaded: its description and a link to it.
#[allow(non_snake_case)]
fn ImageFallback(lang: Lang, m: &Media, alt: &str) -> Dom {
    let info = MediaInfo::of(&m.url);
    el("p").class("tl-media-fallback").text(image_unavailable(lang)).text(" ").text(alt).text(" ").child(
        el("a")
            .attr("href", m.link.as_deref().unwrap_or(&m.url))
            .attr("target", "_blank")
            .attr("rel", REL)
            .text(&media_label(lang, &info)),
    )
}

/// A link to media the widget does not show itself, naming what and where it is; with the
/// thumbnail when there is one (as decoration: the link says what it is).
#[allow(non_snake_case)]
fn LinkCard(lang: Lang, m: &Media, info: &MediaInfo) -> Dom {
    let thumb = m.thumbnail.as_deref().map(|src| Thumbnail(src, "tl-media-thumb"));
    el("a")
        .class("tl-media-card")
        .attr("href", &m.url)
        .attr("target", "_blank")
        .attr("rel", REL)
        .child_if(thumb)
        .child(
            el("span")
                .class("tl-media-text")
                .child(el("span").class("tl-media-label").text(&media_label(lang, info)))
                .child_if(m.alt.as_ref().map(|a| el("span").class("tl-media-alt").text(a.get(lang)))),
        )
}

/// A small decorative image (`alt=""`: the text next to it says what it is), loaded lazily; it
/// is removed when it cannot be loaded (the list's and the card's error listeners do that).
#[allow(non_snake_case)]
pub fn Thumbnail(src: &str, class: &str) -> Dom {
    el("img")
        .class(class)
        .attr("src", src)
        .attr("alt", "")
        .attr("loading", "lazy")
        .attr("decoding", "async")
        .attr("referrerpolicy", "no-referrer")
        .attr("width", "64")
        .attr("height", "48")
}

/// The list's thumbnail of an event's media, if it has an image to show.
pub fn list_thumbnail(m: Option<&Media>) -> Option<Dom> {
    m.and_then(list_image).map(|src| Thumbnail(src, "tl-thumb"))
}

/// Removes a thumbnail that could not be loaded, wherever it is inside `container`: `error`
/// does not bubble, so one listener in the capture phase serves every thumbnail the container
/// holds now or later.
pub fn drop_broken_thumbnails(container: &web_sys::Element) {
    listen_capture(
        container,
        "error",
        Box::new(|ev: web_sys::Event| {
            let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                return;
            };
            if target.matches(".tl-thumb, .tl-media-thumb").unwrap_or(false) {
                target.remove();
            }
        }),
    );
}
