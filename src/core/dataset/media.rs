//! What an event's media is, from its URL alone: an image the widget shows, or something it
//! links to (a video, a post, a recording, a document, any other page), with where it is.
//! Nothing here fetches anything; the widget never frames or runs anything from another site.

use crate::core::dataset::validate::is_http_url;

/// What a media URL points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaKind {
    /// A picture the widget shows (`.jpg`, `.png`, `.webp`, `.svg`, …).
    Image,
    /// A video file, or a video on a site that plays it (YouTube, Vimeo, Dailymotion, TikTok).
    Video,
    /// A post on a social network (X, Bluesky, Mastodon, Instagram).
    Post,
    /// A recording: a sound file, or a page on SoundCloud or Spotify.
    Audio,
    /// A PDF document.
    Document,
    /// Any other page.
    Link,
}

/// A media URL's kind and where it is: the site's name ("YouTube"), or for a plain link the
/// host it leads to (`example.org`, without `www.`); `None` for a file relative to the dataset
/// or one whose host says nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaInfo {
    pub kind: MediaKind,
    pub provider: Option<String>,
}

/// Image files by their extension.
const IMAGE_EXTENSIONS: [&str; 8] = ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "jfif"];
/// Video files by their extension.
const VIDEO_EXTENSIONS: [&str; 4] = ["mp4", "webm", "mov", "ogv"];
/// Sound files by their extension.
const AUDIO_EXTENSIONS: [&str; 5] = ["mp3", "ogg", "oga", "wav", "m4a"];

/// The host of an absolute http(s) URL in lower case (without a user part or port), if it is one.
pub fn host(url: &str) -> Option<String> {
    if !is_http_url(url) {
        return None;
    }
    let rest = &url[url.find("//")? + 2..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let host = match authority.strip_prefix('[') {
        // An IPv6 address keeps its brackets.
        Some(_) => &authority[..authority.find(']').map_or(authority.len(), |i| i + 1)],
        None => authority.split(':').next().unwrap_or(authority),
    };
    Some(host.to_ascii_lowercase()).filter(|h| !h.is_empty())
}

/// The path of a URL (absolute or relative), without its query and fragment.
fn path_of(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let url = &url[..end];
    match url.find("//") {
        Some(i) if is_http_url(url) => url[i + 2..].find('/').map_or("", |j| &url[i + 2 + j..]),
        _ => url,
    }
}

/// The extension of the last segment of a URL's path, in lower case.
fn extension(url: &str) -> Option<String> {
    let path = path_of(url);
    let last = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = last.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// Whether `host` is `domain` or one of its subdomains.
fn on(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|h| h.ends_with('.'))
}

impl MediaInfo {
    /// What `url` points to. Known sites come first (a YouTube page is a video whatever its
    /// path ends with), then the file's extension; anything else is a link to its host.
    pub fn of(url: &str) -> MediaInfo {
        let host = host(url);
        let path = path_of(url);
        let known = |kind, name: &str| MediaInfo { kind, provider: Some(name.to_string()) };
        if let Some(h) = host.as_deref() {
            if on(h, "youtube.com") || on(h, "youtu.be") || on(h, "youtube-nocookie.com") {
                return known(MediaKind::Video, "YouTube");
            }
            for (domain, name) in
                [("vimeo.com", "Vimeo"), ("dailymotion.com", "Dailymotion"), ("tiktok.com", "TikTok")]
            {
                if on(h, domain) {
                    return known(MediaKind::Video, name);
                }
            }
            if on(h, "instagram.com") && path.starts_with("/p/") {
                return known(MediaKind::Post, "Instagram");
            }
            if on(h, "spotify.com") {
                return known(MediaKind::Audio, "Spotify");
            }
            if (on(h, "twitter.com") || on(h, "x.com")) && path.contains("/status") {
                return known(MediaKind::Post, "X");
            }
            if on(h, "bsky.app") && path.contains("/post/") {
                return known(MediaKind::Post, "Bluesky");
            }
            if on(h, "soundcloud.com") {
                return known(MediaKind::Audio, "SoundCloud");
            }
            if is_mastodon_post(path) {
                return known(MediaKind::Post, "Mastodon");
            }
        }
        // A wiki's page about a file (`/wiki/File:Map.png`) is a page, not the file.
        let wiki_page = host.as_deref().is_some_and(|h| on(h, "wikipedia.org") || on(h, "wikimedia.org"))
            && path.starts_with("/wiki/");
        let site = host.map(|h| h.strip_prefix("www.").map(str::to_string).unwrap_or(h));
        let kind = match extension(url).as_deref() {
            _ if wiki_page => MediaKind::Link,
            Some(e) if IMAGE_EXTENSIONS.contains(&e) => MediaKind::Image,
            Some(e) if AUDIO_EXTENSIONS.contains(&e) => MediaKind::Audio,
            Some(e) if VIDEO_EXTENSIONS.contains(&e) => MediaKind::Video,
            Some("pdf") => MediaKind::Document,
            _ => MediaKind::Link,
        };
        MediaInfo { kind, provider: site }
    }
}

/// The small image the list shows for `media`: its thumbnail, or else the media itself when
/// it is an image.
pub fn list_image(media: &crate::core::dataset::model::Media) -> Option<&str> {
    match &media.thumbnail {
        Some(t) => Some(t),
        None => (MediaInfo::of(&media.url).kind == MediaKind::Image).then_some(media.url.as_str()),
    }
}

/// `url` as an address the page can use: an absolute one as it is; one relative to the
/// dataset joined to `base`, the dataset's own absolute http(s) address (a path from `/` to its
/// host, any other to its folder). The browser resolves any `./` and `../` left in it. Without
/// such a base (an inline dataset, whose base is the page), `url` as it is.
pub fn resolve(url: &str, base: &str) -> String {
    if is_http_url(url) || !is_http_url(base) {
        return url.to_string();
    }
    let base = &base[..base.find(['?', '#']).unwrap_or(base.len())];
    let origin_end = base.find("//").map_or(0, |i| i + 2);
    let path_start = base[origin_end..].find('/').map_or(base.len(), |i| origin_end + i);
    if url.starts_with('/') {
        return format!("{}{url}", &base[..path_start]);
    }
    let folder = match base[path_start..].rfind('/') {
        Some(i) => &base[..path_start + i + 1],
        None => return format!("{base}/{url}"),
    };
    format!("{folder}{url}")
}

/// Resolves every media URL of `events` against `base` (see [`resolve`]).
pub fn resolve_media(events: &mut [crate::core::dataset::model::Event], base: &str) {
    if !is_http_url(base) {
        return;
    }
    for m in events.iter_mut().filter_map(|e| e.media.as_mut()) {
        m.url = resolve(&m.url, base);
        for u in [&mut m.link, &mut m.thumbnail].into_iter().flatten() {
            *u = resolve(u, base);
        }
    }
}

/// Whether a path is a Mastodon post's: `/@user/` followed by the post's number (the same on
/// every server that runs Mastodon).
fn is_mastodon_post(path: &str) -> bool {
    let mut parts = path.trim_start_matches('/').split('/');
    let user = parts.next().unwrap_or("");
    let number = parts.next().unwrap_or("");
    user.len() > 1
        && user.starts_with('@')
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && parts.next().is_none_or(str::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(url: &str) -> (MediaKind, Option<String>) {
        let i = MediaInfo::of(url);
        (i.kind, i.provider)
    }

    fn named(kind: MediaKind, name: &str) -> (MediaKind, Option<String>) {
        (kind, Some(name.to_string()))
    }

    #[test]
    fn images_are_known_by_their_extension_whatever_the_case_query_or_place() {
        for url in [
            "https://example.org/a.jpg",
            "https://example.org/a/b.JPEG?w=200#top",
            "img/map.png",
            "../shared/x.webp",
            "/abs/y.avif",
            "z.gif",
            "https://cdn.example.org/logo.svg",
        ] {
            assert_eq!(MediaInfo::of(url).kind, MediaKind::Image, "{url}");
        }
        assert_eq!(kind("https://www.example.org/a.jpg"), named(MediaKind::Image, "example.org"));
        assert_eq!(kind("img/a.png"), (MediaKind::Image, None));
        // A host that looks like a file is not a path.
        assert_eq!(kind("https://photo.png/"), named(MediaKind::Link, "photo.png"));
        assert_eq!(kind("https://example.org/a.jpg/view").0, MediaKind::Link);
    }

    #[test]
    fn video_sites_posts_and_recordings_are_named_by_their_site() {
        assert_eq!(kind("https://www.youtube.com/watch?v=abc"), named(MediaKind::Video, "YouTube"));
        assert_eq!(kind("https://youtu.be/abc"), named(MediaKind::Video, "YouTube"));
        assert_eq!(kind("https://m.youtube.com/watch?v=abc"), named(MediaKind::Video, "YouTube"));
        assert_eq!(kind("https://vimeo.com/12345"), named(MediaKind::Video, "Vimeo"));
        assert_eq!(kind("https://player.vimeo.com/video/1"), named(MediaKind::Video, "Vimeo"));
        assert_eq!(kind("https://twitter.com/user/status/1"), named(MediaKind::Post, "X"));
        assert_eq!(kind("https://x.com/user/status/1"), named(MediaKind::Post, "X"));
        assert_eq!(kind("https://bsky.app/profile/a.bsky.social/post/3k"), named(MediaKind::Post, "Bluesky"));
        assert_eq!(kind("https://mastodon.social/@someone/1123581321"), named(MediaKind::Post, "Mastodon"));
        assert_eq!(kind("https://soundcloud.com/artist/track"), named(MediaKind::Audio, "SoundCloud"));
        assert_eq!(kind("https://open.spotify.com/track/1"), named(MediaKind::Audio, "Spotify"));
        assert_eq!(kind("https://www.dailymotion.com/video/x2"), named(MediaKind::Video, "Dailymotion"));
        assert_eq!(kind("https://www.tiktok.com/@a/video/1"), named(MediaKind::Video, "TikTok"));
        assert_eq!(kind("https://instagram.com/p/abc/"), named(MediaKind::Post, "Instagram"));
        assert_eq!(kind("https://instagram.com/someone/"), named(MediaKind::Link, "instagram.com"));
        assert_eq!(
            kind("https://uploads.example.org/escalator.mp4"),
            named(MediaKind::Video, "uploads.example.org")
        );
        assert_eq!(kind("https://example.org/a.mp3"), named(MediaKind::Audio, "example.org"));
        assert_eq!(kind("talk.ogg"), (MediaKind::Audio, None));
        assert_eq!(kind("https://example.org/r.PDF"), named(MediaKind::Document, "example.org"));
    }

    #[test]
    fn look_alike_hosts_and_other_pages_are_plain_links_to_their_host() {
        assert_eq!(kind("https://notyoutube.com/watch"), named(MediaKind::Link, "notyoutube.com"));
        assert_eq!(
            kind("https://youtube.com.example.org/v"),
            named(MediaKind::Link, "youtube.com.example.org")
        );
        assert_eq!(kind("https://x.com/user"), named(MediaKind::Link, "x.com"));
        assert_eq!(kind("https://user:pw@Example.ORG:8080/page"), named(MediaKind::Link, "example.org"));
        assert_eq!(kind("https://example.org/@someone/about"), named(MediaKind::Link, "example.org"));
        assert_eq!(kind("page.html"), (MediaKind::Link, None));
        assert_eq!(
            kind("https://commons.wikimedia.org/wiki/File:Homo_erectus.jpg"),
            named(MediaKind::Link, "commons.wikimedia.org"),
            "a wiki's page about a picture"
        );
        assert_eq!(
            kind("https://upload.wikimedia.org/wikipedia/commons/a/a1/Map.png").0,
            MediaKind::Image,
            "the picture itself"
        );
        assert_eq!(kind(""), (MediaKind::Link, None));
        assert_eq!(
            kind("javascript:alert(1)//.png").0,
            MediaKind::Image,
            "kinds only: validation refuses it"
        );
    }

    #[test]
    fn the_list_shows_the_thumbnail_or_else_the_image_itself_and_nothing_for_other_media() {
        use crate::core::dataset::model::Media;
        let media = |url: &str, thumbnail: Option<&str>| Media {
            url: url.into(),
            thumbnail: thumbnail.map(str::to_string),
            ..Media::default()
        };
        assert_eq!(list_image(&media("a.png", None)), Some("a.png"));
        assert_eq!(list_image(&media("a.png", Some("small.png"))), Some("small.png"));
        assert_eq!(list_image(&media("https://youtu.be/x", Some("t.jpg"))), Some("t.jpg"));
        assert_eq!(list_image(&media("https://youtu.be/x", None)), None);
    }

    #[test]
    fn relative_media_urls_are_resolved_against_the_datasets_own_address() {
        let base = "https://example.org/data/timeline.json?v=2#x";
        assert_eq!(resolve("img/a.png", base), "https://example.org/data/img/a.png");
        assert_eq!(resolve("../a.png", base), "https://example.org/data/../a.png");
        assert_eq!(resolve("/a.png", base), "https://example.org/a.png");
        assert_eq!(resolve("https://cdn.example.net/a.png", base), "https://cdn.example.net/a.png");
        assert_eq!(resolve("a.png", "https://example.org"), "https://example.org/a.png");
        assert_eq!(resolve("a.png", "https://example.org/"), "https://example.org/a.png");
        // No http(s) base: left for the browser to resolve against the page.
        assert_eq!(resolve("a.png", ""), "a.png");
        assert_eq!(resolve("a.png", "file:///tmp/x.json"), "a.png");
    }

    proptest::proptest! {
        #[test]
        fn any_url_has_a_kind_and_never_panics(url in "(?s).{0,80}") {
            let _ = MediaInfo::of(&url);
            let _ = host(&url);
        }
    }
}
