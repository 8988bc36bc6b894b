//! Video without tracking: which player address to embed for a video link, and which origin a
//! page's Content-Security-Policy must allow for it.
//!
//! Pages never load a player by themselves. They show a link to the video and a button; only
//! when the visitor presses the button does `static/js/video.js` insert the `<iframe>`. YouTube
//! links play from `www.youtube-nocookie.com` (no cookies until the video plays), Vimeo links
//! with `dnt=1`; any other `https://` address is embedded as it is.

/// Where to embed a video.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// The player address for the `<iframe src>`.
    pub src: String,
    /// Its origin (`https://www.youtube-nocookie.com`), for the page's `frame-src`.
    pub origin: String,
    /// Its host, to tell the visitor where the player comes from.
    pub host: String,
}

/// The embed for a video at `url`; `None` when it cannot be embedded (not `https://`, or a
/// YouTube or Vimeo address without a video id). Such videos are shown as a link only.
pub fn embed(url: &str) -> Option<Embed> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if parsed.scheme() != "https" {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let bare = host.strip_prefix("www.").unwrap_or(&host);
    let bare = bare.strip_prefix("m.").unwrap_or(bare);
    let mut segments = parsed
        .path_segments()
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty());
    let src = match bare {
        "youtube.com" | "youtube-nocookie.com" => {
            let id = match segments.next() {
                Some("watch") => parsed
                    .query_pairs()
                    .find(|(k, _)| k == "v")
                    .map(|(_, v)| v.into_owned()),
                Some("embed" | "shorts" | "live" | "v") => segments.next().map(str::to_string),
                _ => None,
            };
            format!("https://www.youtube-nocookie.com/embed/{}", video_id(id)?)
        }
        "youtu.be" => format!(
            "https://www.youtube-nocookie.com/embed/{}",
            video_id(segments.next().map(str::to_string))?
        ),
        "vimeo.com" | "player.vimeo.com" => {
            let id = segments.find(|s| s.chars().all(|c| c.is_ascii_digit()))?;
            format!("https://player.vimeo.com/video/{id}?dnt=1")
        }
        _ => parsed.to_string(),
    };
    let parsed_src = url::Url::parse(&src).ok()?;
    let host = parsed_src.host_str()?.to_string();
    Some(Embed {
        origin: parsed_src.origin().ascii_serialization(),
        host,
        src,
    })
}

/// A YouTube video id: letters, digits, `-` and `_`.
fn video_id(id: Option<String>) -> Option<String> {
    id.filter(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(url: &str) -> Option<String> {
        embed(url).map(|e| e.src)
    }

    #[test]
    fn youtube_plays_from_the_nocookie_host() {
        for url in [
            "https://www.youtube.com/watch?v=abc_DEF-123&t=4",
            "https://youtu.be/abc_DEF-123",
            "https://m.youtube.com/shorts/abc_DEF-123",
            "https://www.youtube-nocookie.com/embed/abc_DEF-123",
        ] {
            assert_eq!(
                src(url).as_deref(),
                Some("https://www.youtube-nocookie.com/embed/abc_DEF-123"),
                "{url}"
            );
        }
        let e = embed("https://youtu.be/x1").unwrap();
        assert_eq!(e.origin, "https://www.youtube-nocookie.com");
        assert_eq!(e.host, "www.youtube-nocookie.com");
        assert_eq!(src("https://www.youtube.com/@gemeente"), None);
        assert_eq!(src("https://www.youtube.com/watch?v=<script>"), None);
    }

    #[test]
    fn vimeo_without_tracking_and_other_hosts_as_given() {
        assert_eq!(
            src("https://vimeo.com/123456").as_deref(),
            Some("https://player.vimeo.com/video/123456?dnt=1")
        );
        let other = embed("https://video.gemeente.example/speler/42").unwrap();
        assert_eq!(other.src, "https://video.gemeente.example/speler/42");
        assert_eq!(other.origin, "https://video.gemeente.example");
        assert_eq!(src("http://video.gemeente.example/42"), None);
        assert_eq!(src("/static/film.mp4"), None);
    }
}
