//! Serve: answers HTTP requests from the output folder of the last good build. Only GET and
//! HEAD, and only for this server's own address (the `Host` header); a request path is decoded
//! and normalized into segments and can never name a file outside the output folder. HTML
//! pages get the live-reload script and, while the content has errors, the error overlay; the
//! reload script, the overlay's style sheet and the event stream live under `/__gka/`, a path
//! no site can have (content paths are slugs).
//!
//! hyper speaks HTTP on tokio: one thread keeps every connection, each a task, so idle
//! connections cost memory, not threads. The limits are hyper's (the size of a request's
//! head, the time to send it) and a cap on open connections.

use std::convert::Infallible;
use std::fs;
use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{Either, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{
    ALLOW, CACHE_CONTROL, CONTENT_TYPE, HOST, HeaderMap, HeaderValue, LOCATION,
    X_CONTENT_TYPE_OPTIONS,
};
use hyper::http::uri::{Authority, Uri};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use super::State;
use super::events::Stream;
use crate::output::MARKER;

/// How many connections may be open at once: a browser opens about six per site and one
/// event stream per tab, so this is some hundreds of tabs. It stays below the usual limit of
/// 1024 open files per process, which the builds and the watcher need too.
const MAX_CONNECTIONS: usize = 512;

/// The most a request's head (request line and headers) may take; hyper answers a longer one
/// with 431 and closes the connection. Browsers send a few KiB, with cookies a few more.
const MAX_HEAD: usize = 64 * 1024;

/// How long a client may take to send a request's head, from the moment the server waits for
/// it: a connection that sends nothing, or keeps a head unfinished, is closed after this.
const HEAD_TIMEOUT: Duration = Duration::from_secs(30);

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
    // `application/atom+xml` has the subtype `atom` and the suffix `xml`.
    let textual = mime.type_() == mime_guess::mime::TEXT
        || (mime.type_() == mime_guess::mime::APPLICATION
            && (matches!(mime.subtype().as_str(), "javascript" | "json" | "xml")
                || (mime.suffix()).is_some_and(|s| matches!(s.as_str(), "json" | "xml"))));
    if textual {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

/// Serves HTTP/1.1 on `listener` for as long as the runtime runs. At most [`MAX_CONNECTIONS`]
/// connections are open at once; more wait in the system's queue until one closes. Each
/// connection is a task, not a thread.
pub(crate) async fn accept(listener: TcpListener, state: Arc<State>) {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .max_buf_size(MAX_HEAD)
        .header_read_timeout(HEAD_TIMEOUT);
    loop {
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // The client gave up before it was accepted: nothing to do.
            Err(e) if is_connection_error(&e) => continue,
            Err(e) => {
                // Most likely out of file descriptors: retrying at once would spin until one
                // is freed.
                eprintln!(
                    "{}",
                    t!("serve-geen-verbinding", reason = crate::i18n::io_error(&e))
                );
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        let Ok(local) = stream.local_addr() else {
            continue;
        };
        let state = Arc::clone(&state);
        let connection = http.serve_connection(
            TokioIo::new(stream),
            service_fn(move |request| {
                let state = Arc::clone(&state);
                async move { Ok::<_, Infallible>(handle(state, local, request).await) }
            }),
        );
        tokio::spawn(async move {
            // Errors are clients that went away or sent no valid request; hyper has answered
            // what it could.
            let _ = connection.await;
            drop(permit);
        });
    }
}

/// Whether an error of `accept` concerns only the connection being accepted.
fn is_connection_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset
    )
}

/// A response's body: a whole file or text, or an event stream.
type Body = Either<Full<Bytes>, Stream>;

/// A response whose body is known in full.
type Plain = Response<Full<Bytes>>;

/// Answers one request that came in on a connection to the local address `local`.
async fn handle(
    state: Arc<State>,
    local: SocketAddr,
    request: Request<Incoming>,
) -> Response<Body> {
    if !is_own_host(request.headers(), local, state.base.host.as_deref()) {
        let body = format!(
            "421 Misdirected Request: {}\n",
            t!("serve-ander-adres", address = local.to_string())
        );
        return text(StatusCode::MISDIRECTED_REQUEST, body).map(Either::Left);
    }
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        let mut response = text(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("405 Method Not Allowed: {}\n", t!("serve-alleen-lezen")),
        );
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response.map(Either::Left);
    }
    let url = target(request.uri());
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if let Some(name) = path.strip_prefix(PREFIX) {
        return own_file(&state, method, name);
    }
    // Under a base path (`/gka/`), requests name the site's files below it.
    let url = match url.strip_prefix(state.base.path.trim_end_matches('/')) {
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        _ if path == "/" || path == state.base.path.trim_end_matches('/') => {
            return redirect(&state.base.path, "").map(Either::Left);
        }
        _ => {
            let state = Arc::clone(&state);
            return tokio::task::spawn_blocking(move || not_found_in(&state))
                .await
                .unwrap_or_else(|_| text(StatusCode::NOT_FOUND, "404 Not Found\n"))
                .map(Either::Left);
        }
    };
    // Reading files blocks; the runtime's thread keeps every connection.
    match tokio::task::spawn_blocking(move || site_file(&state, &url)).await {
        Ok(response) => response.map(Either::Left),
        Err(_) => text(
            StatusCode::INTERNAL_SERVER_ERROR,
            "500 Internal Server Error\n",
        )
        .map(Either::Left),
    }
}

/// Whether the request's one `Host` header names this server as reached on a connection to
/// `local`: the address itself, or on the loopback interface `localhost` or any loopback
/// address; with the port listened on, which a missing port (80) must be. Any other name
/// could be a name of an attacker's site that resolves to this computer (DNS rebinding),
/// through which a page on the web would read the preview, drafts included.
/// `also` is a host name `--base-url` names, answered as well.
fn is_own_host(headers: &HeaderMap, local: SocketAddr, also: Option<&str>) -> bool {
    let mut hosts = headers.get_all(HOST).iter();
    let (Some(host), None) = (hosts.next(), hosts.next()) else {
        return false;
    };
    let Some(host) = host.to_str().ok().and_then(|h| h.parse::<Authority>().ok()) else {
        return false;
    };
    if host.as_str().contains('@') || host.port_u16().unwrap_or(80) != local.port() {
        return false;
    }
    let ip = local.ip().to_canonical();
    let name = host.host();
    if also.is_some_and(|also| name.eq_ignore_ascii_case(also)) {
        return true;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return ip.is_loopback();
    }
    let literal = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    literal
        .parse::<IpAddr>()
        .map(|named| named.to_canonical())
        .is_ok_and(|named| named == ip || named.is_loopback() && ip.is_loopback())
}

/// The request target as sent when it is a path (`/a/?x=1`); any other form as a whole,
/// which [`resolve`] refuses.
fn target(uri: &Uri) -> String {
    match uri.path_and_query() {
        Some(path) if uri.scheme().is_none() && uri.authority().is_none() => {
            path.as_str().to_string()
        }
        _ => uri.to_string(),
    }
}

/// Adds the headers every answer carries: no caching (the files change on every rebuild) and
/// no MIME sniffing. Every body's length is known, so it goes with a `Content-Length`, never
/// in chunks (hyper's doing for a full body).
fn respond(status: StatusCode, content_type: &str, body: impl Into<Bytes>) -> Plain {
    let mut response = Response::new(Full::new(body.into()));
    *response.status_mut() = status;
    common(response.headers_mut(), content_type);
    response
}

fn common(headers: &mut HeaderMap, content_type: &str) {
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(CONTENT_TYPE, value);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
}

fn text(status: StatusCode, body: impl Into<Bytes>) -> Plain {
    respond(status, "text/plain; charset=utf-8", body)
}

/// Answers a request for the site's files, target `url`.
fn site_file(state: &State, url: &str) -> Plain {
    let current = state.current.read().unwrap_or_else(|e| e.into_inner());
    let target = match current.as_deref() {
        Some(dir) => resolve(dir, url),
        None if segments(url).is_none() => Target::BadRequest,
        None => Target::NotFound,
    };
    match target {
        Target::BadRequest => {
            drop(current);
            text(StatusCode::BAD_REQUEST, "400 Bad Request\n")
        }
        Target::Redirect(location) => {
            drop(current);
            let query = url.find('?').map_or("", |i| &url[i..]);
            let under = state.base.path.trim_end_matches('/');
            redirect(&format!("{under}{location}"), query)
        }
        Target::File(file) if is_html(&file) => {
            let html = fs::read_to_string(&file);
            drop(current);
            match html {
                Ok(html) => html_response(state, StatusCode::OK, &html),
                Err(_) => not_found(state, None),
            }
        }
        Target::File(file) => {
            let bytes = fs::read(&file);
            drop(current);
            match bytes {
                Ok(bytes) => respond(StatusCode::OK, &content_type(&file), bytes),
                Err(_) => not_found(state, None),
            }
        }
        Target::NotFound => {
            drop(current);
            not_found_in(state)
        }
    }
}

/// A permanent redirect to `location` with the request's `query`.
fn redirect(location: &str, query: &str) -> Plain {
    let mut response = text(StatusCode::MOVED_PERMANENTLY, "301 Moved Permanently\n");
    if let Ok(value) = HeaderValue::from_str(&format!("{location}{query}")) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// The site's 404 page, from the last good build.
fn not_found_in(state: &State) -> Plain {
    let current = state.current.read().unwrap_or_else(|e| e.into_inner());
    let page = current
        .as_deref()
        .and_then(|dir| fs::read_to_string(dir.join("404.html")).ok());
    drop(current);
    not_found(state, page)
}

fn is_html(file: &Path) -> bool {
    file.extension().is_some_and(|e| e == "html")
}

/// The site's 404 page, or a plain one when there is no good build yet.
fn not_found(state: &State, page: Option<String>) -> Plain {
    let page = page.unwrap_or_else(|| {
        let title = t!("serve-niet-gevonden");
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n</head>\n<body>\n<main id=\"inhoud\">\n\
             <h1>{title}</h1>\n<p>{}</p>\n</main>\n</body>\n</html>\n",
            crate::i18n::current().code(),
            t!("serve-niet-gevonden-tekst"),
        )
    });
    html_response(state, StatusCode::NOT_FOUND, &page)
}

fn html_response(state: &State, status: StatusCode, html: &str) -> Plain {
    let problems = state.problems.read().unwrap_or_else(|e| e.into_inner());
    let generation = state.generation();
    let page = inject(html, generation, problems.as_ref());
    respond(status, "text/html; charset=utf-8", page)
}

/// The server's own files: the reload script, the overlay's style sheet and the event stream.
fn own_file(state: &State, method: &Method, name: &str) -> Response<Body> {
    let response = match name {
        "reload.js" => respond(StatusCode::OK, "text/javascript; charset=utf-8", RELOAD_JS),
        "overlay.css" => respond(StatusCode::OK, "text/css; charset=utf-8", OVERLAY_CSS),
        "events" if *method == Method::GET => {
            let stream = state.events.subscribe(|| state.generation());
            let mut response = Response::new(Either::Right(stream));
            common(response.headers_mut(), "text/event-stream; charset=utf-8");
            return response;
        }
        "events" => respond(StatusCode::OK, "text/event-stream", ""),
        _ => text(StatusCode::NOT_FOUND, "404 Not Found\n"),
    };
    response.map(Either::Left)
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

/// The overlay: a labelled alert region in the language gka speaks, like the report of
/// `gka check` it quotes.
fn overlay(problems: &Problems) -> String {
    let title = t!("serve-paneel-titel", summary = &problems.summary);
    format!(
        "\n<div class=\"gka-overlay\" role=\"alert\" lang=\"{}\" tabindex=\"0\" \
         aria-labelledby=\"gka-overlay-title\">\n\
         <p class=\"gka-overlay__title\" id=\"gka-overlay-title\">{}</p>\n\
         <pre class=\"gka-overlay__report\">{}</pre>\n\
         <p class=\"gka-overlay__note\">{}</p>\n</div>\n",
        crate::i18n::current().code(),
        escape(&title),
        escape(&problems.report),
        escape(&t!("serve-paneel-uitleg")),
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

    fn own(hosts: &[&str], local: &str) -> bool {
        let mut headers = HeaderMap::new();
        for host in hosts {
            headers.append(HOST, HeaderValue::from_str(host).unwrap());
        }
        is_own_host(&headers, local.parse().unwrap(), None)
    }

    /// A name `--base-url` gives is answered on the port listened on, and only that name.
    #[test]
    fn answers_for_the_name_of_the_base_url_too() {
        let with = |host: &str| {
            let mut headers = HeaderMap::new();
            headers.append(HOST, HeaderValue::from_str(host).unwrap());
            is_own_host(
                &headers,
                "0.0.0.0:1111".parse().unwrap(),
                Some("laptop.local"),
            )
        };
        assert!(with("laptop.local:1111"));
        assert!(with("Laptop.Local:1111"));
        assert!(!with("laptop.local:2222"));
        assert!(!with("evil.example:1111"));
        assert!(!own(&["laptop.local:1111"], "0.0.0.0:1111"));
    }

    #[test]
    fn answers_only_for_its_own_address() {
        for host in [
            "localhost:1111",
            "LocalHost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert!(own(&[host], "127.0.0.1:1111"), "{host}");
        }
        assert!(own(&["[::1]:1111"], "[::1]:1111"));
        assert!(own(&["localhost:1111"], "[::ffff:127.0.0.1]:1111"));
        assert!(own(&["localhost"], "127.0.0.1:80"));
        assert!(own(&["192.0.2.1:8080"], "192.0.2.1:8080"));
        for host in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "localhost:2222",
            "localhost",
            "127.0.0.1",
            "user@localhost:1111",
            "",
            "192.0.2.1:1111",
        ] {
            assert!(!own(&[host], "127.0.0.1:1111"), "{host}");
        }
        // Served on the network: only by its address, not by a name nor loopback's.
        for host in ["localhost:8080", "127.0.0.1:8080", "gka.lan:8080"] {
            assert!(!own(&[host], "192.0.2.1:8080"), "{host}");
        }
        assert!(!own(&[], "127.0.0.1:1111"), "no Host");
        assert!(
            !own(&["127.0.0.1:1111", "evil.example:1111"], "127.0.0.1:1111"),
            "two Hosts"
        );
    }

    #[test]
    fn targets_are_paths_as_sent() {
        for (uri, expected) in [
            ("/a/%2e%2e/?x=1", "/a/%2e%2e/?x=1"),
            ("*", "*"),
            (
                "http://127.0.0.1/../etc/passwd",
                "http://127.0.0.1/../etc/passwd",
            ),
        ] {
            assert_eq!(target(&uri.parse().unwrap()), expected, "{uri}");
        }
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
            summary: "1 fout, 0 waarschuwingen".into(),
            report: "content/a.md:3:1: <b>".into(),
        };
        let broken = String::from_utf8(inject(html, 4, Some(&problems))).unwrap();
        assert!(broken.contains("overlay.css\">\n</head>"));
        assert!(broken.contains("<body class=\"b\">\n<div class=\"gka-overlay\" role=\"alert\""));
        assert!(broken.contains("content/a.md:3:1: &lt;b&gt;"));
        assert!(broken.contains(
            "lang=\"nl\" tabindex=\"0\" aria-labelledby=\"gka-overlay-title\">\n\
             <p class=\"gka-overlay__title\" id=\"gka-overlay-title\">De site kan niet gemaakt \
             worden: 1 fout, 0 waarschuwingen</p>"
        ));
        assert!(broken.ends_with("<p>x</p></body></html>"));
    }
}
