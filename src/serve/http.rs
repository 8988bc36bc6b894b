//! Serve: answers HTTP requests from the output folder of the last good build. Only GET and
//! HEAD; a request path is decoded and normalized into segments and can never name a file
//! outside the output folder. HTML pages get the live-reload script and, while the content
//! has errors, the error overlay; the reload script, the overlay's style sheet and the event
//! stream live under `/__gka/`, a path no site can have (content paths are slugs).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::State;
use crate::output::MARKER;

/// Where the server's own files live.
pub(crate) const PREFIX: &str = "/__gka/";
const RELOAD_JS: &str = include_str!("assets/reload.js");
const OVERLAY_CSS: &str = include_str!("assets/overlay.css");

/// Characters escaped when a path segment goes back into a `Location` header.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// What a request path names inside the output folder.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// A file to send.
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect to this path.
    Redirect(String),
    /// Nothing there, or a path that tries to leave the folder.
    NotFound,
    /// Not a path at all: an absolute URL, invalid escapes, a backslash or a NUL byte.
    BadRequest,
}

/// Resolves the request target `raw` (path and query, as sent) inside `base`.
///
/// The path is percent-decoded once and split on `/`; empty and `.` segments are dropped and
/// any `..` segment makes the answer [`Target::NotFound`], so no path can climb out of
/// `base`. Backslashes, NUL bytes, invalid UTF-8 and anything not starting with `/` are
/// [`Target::BadRequest`]. As a last guard, the file found must lie inside `base` after
/// resolving symbolic links.
pub(crate) fn resolve(base: &Path, raw: &str) -> Target {
    let Some(segments) = segments(raw) else {
        return Target::BadRequest;
    };
    let Some(segments) = segments else {
        return Target::NotFound;
    };
    if segments.iter().any(|s| s == MARKER) {
        return Target::NotFound;
    }
    let path = raw.split(['?', '#']).next().unwrap_or_default();
    let mut file = base.to_path_buf();
    file.extend(&segments);
    let Ok(meta) = fs::metadata(&file) else {
        return Target::NotFound;
    };
    if meta.is_dir() {
        if !path.ends_with('/') {
            let mut location = String::from("/");
            for segment in &segments {
                location.extend(utf8_percent_encode(segment, SEGMENT));
                location.push('/');
            }
            return Target::Redirect(location);
        }
        file.push("index.html");
        if !file.is_file() {
            return Target::NotFound;
        }
    }
    match (fs::canonicalize(&file), fs::canonicalize(base)) {
        (Ok(found), Ok(base)) if found.starts_with(&base) => Target::File(file),
        _ => Target::NotFound,
    }
}

/// The decoded segments of the request target's path: `None` for a bad request, `Some(None)`
/// for a path with a `..` segment.
fn segments(raw: &str) -> Option<Option<Vec<String>>> {
    if !raw.starts_with('/') {
        return None;
    }
    let path = raw.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Some(None),
            // A drive letter or stream name (`C:`, `x::$DATA`) means nothing on a web path.
            s if s.contains(':') => return None,
            s => segments.push(s.to_string()),
        }
    }
    Some(Some(segments))
}

/// The `Content-Type` of a file, with a charset for text.
pub(crate) fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(
            mime.subtype().as_str(),
            "javascript" | "json" | "xml" | "atom+xml" | "rss+xml" | "manifest+json"
        );
    if textual {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Adds the headers every answer carries: no caching (the files change on every rebuild) and
/// no MIME sniffing. Every body's length is known, so it goes with a `Content-Length`, never
/// in chunks.
fn common<R: std::io::Read>(response: Response<R>, content_type: &str) -> Response<R> {
    let mut response = response.with_chunked_threshold(usize::MAX);
    for (name, value) in [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ] {
        if let Some(h) = header(name, value) {
            response.add_header(h);
        }
    }
    response
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    common(
        Response::from_string(body).with_status_code(StatusCode(status)),
        "text/plain; charset=utf-8",
    )
}

/// Answers one request. Errors writing to the client (it went away) are ignored.
pub(crate) fn handle(state: &State, request: Request) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let mut response = text(
            405,
            "405 Method Not Allowed: gka serve answers GET and HEAD\n",
        );
        if let Some(h) = header("Allow", "GET, HEAD") {
            response.add_header(h);
        }
        let _ = request.respond(response);
        return;
    }
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if let Some(name) = path.strip_prefix(PREFIX) {
        own_file(state, request, name);
        return;
    }

    let current = state.current.read().unwrap_or_else(|e| e.into_inner());
    let target = match current.as_deref() {
        Some(dir) => resolve(dir, &url),
        None if segments(&url).is_none() => Target::BadRequest,
        None => Target::NotFound,
    };
    let response = match target {
        Target::BadRequest => {
            drop(current);
            let _ = request.respond(text(400, "400 Bad Request\n"));
            return;
        }
        Target::Redirect(location) => {
            drop(current);
            let query = url.find('?').map_or("", |i| &url[i..]);
            let mut response = text(301, "301 Moved Permanently\n");
            if let Some(h) = header("Location", &format!("{location}{query}")) {
                response.add_header(h);
            }
            let _ = request.respond(response);
            return;
        }
        Target::File(file) if is_html(&file) => {
            let html = fs::read_to_string(&file);
            drop(current);
            match html {
                Ok(html) => html_response(state, 200, &html),
                Err(_) => not_found(state, None),
            }
        }
        Target::File(file) => {
            let opened = fs::File::open(&file);
            drop(current);
            match opened {
                Ok(opened) => {
                    let response = common(Response::from_file(opened), &content_type(&file));
                    let _ = request.respond(response);
                    return;
                }
                Err(_) => not_found(state, None),
            }
        }
        Target::NotFound => {
            let page = current
                .as_deref()
                .and_then(|dir| fs::read_to_string(dir.join("404.html")).ok());
            drop(current);
            not_found(state, page)
        }
    };
    let _ = request.respond(response);
}

fn is_html(file: &Path) -> bool {
    file.extension().is_some_and(|e| e == "html")
}

/// The site's 404 page, or a plain one when there is no good build yet.
fn not_found(state: &State, page: Option<String>) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = page.unwrap_or_else(|| {
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Niet gevonden</title>\n</head>\n<body>\n<main id=\"inhoud\">\n\
         <h1>Niet gevonden</h1>\n<p>Deze pagina bestaat niet (of de site is nog niet gebouwd).</p>\n\
         </main>\n</body>\n</html>\n"
            .to_string()
    });
    html_response(state, 404, &page)
}

fn html_response(state: &State, status: u16, html: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let problems = state.problems.read().unwrap_or_else(|e| e.into_inner());
    let generation = state.generation();
    let page = inject(html, generation, problems.as_ref());
    common(
        Response::from_data(page).with_status_code(StatusCode(status)),
        "text/html; charset=utf-8",
    )
}

/// The server's own files: the reload script, the overlay's style sheet and the event stream.
fn own_file(state: &State, request: Request, name: &str) {
    let response = match name {
        "reload.js" => common(
            Response::from_string(RELOAD_JS),
            "text/javascript; charset=utf-8",
        ),
        "overlay.css" => common(
            Response::from_string(OVERLAY_CSS),
            "text/css; charset=utf-8",
        ),
        "events" if *request.method() == Method::Get => {
            state.events.subscribe(request, state.generation());
            return;
        }
        "events" => common(Response::from_string(""), "text/event-stream"),
        _ => text(404, "404 Not Found\n"),
    };
    let _ = request.respond(response);
}

/// The problems of a failed build, to show on every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problems {
    /// One line: how many errors and warnings.
    pub summary: String,
    /// The report as `gka check` prints it, without colour.
    pub report: String,
}

/// Adds the live-reload script (and, with `problems`, the overlay's style sheet) to the head
/// and the overlay right after `<body>`. No inline script or style: the pages' Content-Security-
/// Policy allows only the site's own files.
pub(crate) fn inject(html: &str, generation: u64, problems: Option<&Problems>) -> Vec<u8> {
    let lower = html.to_ascii_lowercase();
    let mut head =
        format!("<script src=\"{PREFIX}reload.js\" data-build=\"{generation}\" defer></script>\n");
    if problems.is_some() {
        head.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{PREFIX}overlay.css\">\n"
        ));
    }
    let head_at = lower.find("</head>").unwrap_or(0);
    let mut inserts = vec![(head_at, head)];
    if let Some(problems) = problems {
        let body_at = lower
            .find("<body")
            .and_then(|start| lower[start..].find('>').map(|end| start + end + 1))
            .unwrap_or(head_at);
        inserts.push((body_at, overlay(problems)));
    }
    inserts.sort_by_key(|(at, _)| *at);
    let mut out = String::with_capacity(html.len() + 4096);
    let mut from = 0;
    for (at, text) in inserts {
        out.push_str(&html[from..at]);
        out.push_str(&text);
        from = at;
    }
    out.push_str(&html[from..]);
    out.into_bytes()
}

/// The overlay: a labelled alert region in English, like `gka check`'s report it quotes.
fn overlay(problems: &Problems) -> String {
    format!(
        "\n<div class=\"gka-overlay\" role=\"alert\" lang=\"en\" tabindex=\"0\" \
         aria-labelledby=\"gka-overlay-title\">\n\
         <p class=\"gka-overlay__title\" id=\"gka-overlay-title\">The site does not build: {}</p>\n\
         <pre class=\"gka-overlay__report\">{}</pre>\n\
         <p class=\"gka-overlay__note\">gka serve shows the last good build until this is fixed. \
         This panel appears only in gka serve.</p>\n</div>\n",
        escape(&problems.summary),
        escape(&problems.report)
    )
}

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes one server-sent event; `Err` when the client went away.
pub(crate) fn send_event(
    writer: &mut (dyn Write + Send),
    event: &str,
    data: &str,
) -> std::io::Result<()> {
    write!(writer, "event: {event}\ndata: {data}\n\n")?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("site/a")).unwrap();
        fs::write(dir.path().join("site/index.html"), "home").unwrap();
        fs::write(dir.path().join("site/a/index.html"), "a").unwrap();
        fs::write(dir.path().join("site/style.css"), "x").unwrap();
        fs::write(dir.path().join("site").join(MARKER), "x").unwrap();
        fs::write(dir.path().join("secret.txt"), "no").unwrap();
        dir
    }

    #[test]
    fn resolves_files_and_folders() {
        let tmp = site();
        let base = tmp.path().join("site");
        assert_eq!(resolve(&base, "/"), Target::File(base.join("index.html")));
        assert_eq!(
            resolve(&base, "/a/?x=1"),
            Target::File(base.join("a/index.html"))
        );
        assert_eq!(resolve(&base, "/a"), Target::Redirect("/a/".into()));
        assert_eq!(
            resolve(&base, "/style.css"),
            Target::File(base.join("style.css"))
        );
        assert_eq!(resolve(&base, "/%73tyle.css"), resolve(&base, "/style.css"));
        assert_eq!(resolve(&base, "/nope"), Target::NotFound);
        assert_eq!(resolve(&base, &format!("/{MARKER}")), Target::NotFound);
    }

    #[test]
    fn never_leaves_the_folder() {
        let tmp = site();
        let base = tmp.path().join("site");
        for path in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/a/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/..",
        ] {
            assert_eq!(resolve(&base, path), Target::NotFound, "{path}");
        }
        for path in [
            "/..\\secret.txt",
            "/%5c..%5csecret.txt",
            "http://example.org/",
            "secret.txt",
            "*",
            "/%00",
            "/%ff",
            "/C:/Windows",
        ] {
            assert_eq!(resolve(&base, path), Target::BadRequest, "{path}");
        }
        // Double slashes are empty segments, not a host: `//secret.txt` stays inside.
        assert_eq!(resolve(&base, "//secret.txt"), Target::NotFound);
        assert_eq!(
            resolve(
                &base,
                &format!("/{}", tmp.path().join("secret.txt").display())
            ),
            Target::NotFound
        );
    }

    #[test]
    fn mime_types() {
        for (file, mime) in [
            ("a.html", "text/html; charset=utf-8"),
            ("a.css", "text/css; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.json", "application/json; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.woff2", "font/woff2"),
            ("a.ics", "text/calendar; charset=utf-8"),
            ("a.pdf", "application/pdf"),
            ("a", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(file)), mime, "{file}");
        }
    }

    #[test]
    fn injects_script_and_overlay() {
        let html = "<html><head><title>x</title></head><body class=\"b\"><p>x</p></body></html>";
        let plain = String::from_utf8(inject(html, 3, None)).unwrap();
        assert!(plain.contains(
            "<script src=\"/__gka/reload.js\" data-build=\"3\" defer></script>\n</head>"
        ));
        assert!(!plain.contains("gka-overlay"));
        let problems = Problems {
            summary: "1 error, 0 warnings".into(),
            report: "content/a.md:3:1: <b>".into(),
        };
        let broken = String::from_utf8(inject(html, 4, Some(&problems))).unwrap();
        assert!(broken.contains("overlay.css\">\n</head>"));
        assert!(broken.contains("<body class=\"b\">\n<div class=\"gka-overlay\" role=\"alert\""));
        assert!(broken.contains("content/a.md:3:1: &lt;b&gt;"));
        assert!(broken.ends_with("<p>x</p></body></html>"));
    }
}
