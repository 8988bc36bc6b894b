//! `gka serve` driven as a user would: the real binary on a copy of the example site, on a
//! free loopback port, with real HTTP requests over TCP (a small client on `TcpStream`, so the
//! tests can send paths no HTTP library would let through, like `/../`).
//!
//! No assertion is about time: changes are awaited by polling, and the timeouts only keep a
//! broken server from hanging the suite.

mod common;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use common::{BIN, SiteRoot, files};

/// How long to wait for anything before calling the server broken.
const GUARD: Duration = Duration::from_secs(60);

/// A running `gka serve` on its own copy of a site.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    addr: String,
    stderr: Arc<Mutex<String>>,
    site: SiteRoot,
}

impl Server {
    /// Starts `gka serve --port 0` on `site` and waits for the address it prints.
    fn start(site: SiteRoot) -> Server {
        Server::start_with(site, &[])
    }

    /// [`Server::start`] with more arguments.
    fn start_with(site: SiteRoot, extra: &[&OsStr]) -> Server {
        let mut command = Command::new(BIN);
        command
            .args(["serve", "--port", "0", "--root"])
            .arg(site.path())
            .args(extra);
        Server::spawn(site, command)
    }

    /// Starts `gka serve --port 0 <args…>` in the folder `dir`, as someone who opened a
    /// terminal there and typed it; `dir` or `args` must lead to `site`.
    fn start_in(site: SiteRoot, dir: &Path, args: &[&OsStr]) -> Server {
        let mut command = Command::new(BIN);
        command
            .current_dir(dir)
            .args(["serve", "--port", "0"])
            .args(args);
        Server::spawn(site, command)
    }

    /// Runs `command`, a `gka serve` of `site`, and waits for the address it prints.
    fn spawn(site: SiteRoot, mut command: Command) -> Server {
        let mut child = command
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gka serve starts");
        let stderr = Arc::new(Mutex::new(String::new()));
        {
            let stderr = Arc::clone(&stderr);
            let pipe = child.stderr.take().unwrap();
            thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let mut all = stderr.lock().unwrap();
                    all.push_str(&line);
                    all.push('\n');
                }
            });
        }
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            if let Some(Ok(line)) = lines.next() {
                let _ = tx.send(line);
            }
            for _ in lines {}
        });
        let line = rx.recv_timeout(GUARD).unwrap_or_else(|_| {
            let _ = child.kill();
            panic!(
                "gka serve printed no address; stderr:\n{}",
                stderr.lock().unwrap()
            )
        });
        // `Bekijk de site op http://…/`, or in English `Serving http://…/`.
        let url = ["Bekijk de site op ", "Serving "]
            .into_iter()
            .find_map(|start| line.strip_prefix(start))
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "binds loopback by default: {url}"
        );
        // The address without the path a `--base-url` may add.
        let addr = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap()
            .to_string();
        Server {
            child,
            addr,
            stderr,
            site,
        }
    }

    fn get(&self, target: &str) -> Reply {
        request(&self.addr, "GET", target)
    }

    /// Polls the server's standard error until it contains `text`; panics after [`GUARD`].
    #[track_caller]
    fn wait_for_stderr(&self, text: &str) {
        let start = Instant::now();
        while !self.stderr.lock().unwrap().contains(text) {
            if start.elapsed() > GUARD {
                panic!(
                    "gave up waiting for {text:?} on stderr:\n{}",
                    self.stderr.lock().unwrap()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Polls the server's standard error until it has `count` lines that start with `start`;
    /// panics after [`GUARD`].
    #[track_caller]
    fn wait_for_lines(&self, start: &str, count: usize) {
        let start_time = Instant::now();
        while self.lines_starting(start) < count {
            if start_time.elapsed() > GUARD {
                panic!(
                    "gave up waiting for {count} lines {start:?} on stderr:\n{}",
                    self.stderr.lock().unwrap()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// How many lines of the server's standard error start with `start`.
    fn lines_starting(&self, start: &str) -> usize {
        let stderr = self.stderr.lock().unwrap();
        stderr.lines().filter(|l| l.starts_with(start)).count()
    }

    /// Polls `target` until `done` holds for the reply; panics after [`GUARD`].
    #[track_caller]
    fn wait_for(&self, target: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let start = Instant::now();
        loop {
            let reply = self.get(target);
            if done(&reply) {
                return reply;
            }
            if start.elapsed() > GUARD {
                panic!(
                    "gave up waiting for {what} at {target}; last reply {}:\n{}\n--- stderr:\n{}",
                    reply.status,
                    reply.body,
                    self.stderr.lock().unwrap()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    /// Stops the server as Ctrl-C would (so it removes its temporary folder), or kills it.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP answer.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    /// The body as sent, for binary files.
    bytes: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request with `Connection: close` and reads the whole answer. The target goes on
/// the wire exactly as given.
fn request(addr: &str, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connects to gka serve");
    send(&mut stream, method, target);
    read_reply(stream)
}

fn send(stream: &mut TcpStream, method: &str, target: &str) {
    stream.set_read_timeout(Some(GUARD)).unwrap();
    stream.set_write_timeout(Some(GUARD)).unwrap();
    let host = stream.peer_addr().unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
}

fn read_reply(mut stream: TcpStream) -> Reply {
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("reads the answer");
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&bytes)));
    let head = String::from_utf8_lossy(&bytes[..end]);
    let body = bytes[end + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
        bytes: body,
    }
}

#[test]
fn serves_pages_folders_and_the_sites_404() {
    let server = Server::start(SiteRoot::example());

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("<html lang=\"nl\">"));
    assert!(
        home.body.contains("<script src=\"/__gka/reload.js\""),
        "the reload script is a file, as the page's CSP demands"
    );
    assert!(!home.body.contains("gka-overlay"));

    let folder = server.get("/contact?x=1");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/contact/?x=1"));
    let contact = server.get("/contact/");
    assert_eq!(contact.status, 200);
    assert!(contact.body.contains("Neem contact op"));

    let missing = server.get("/bestaat-niet/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Pagina niet gevonden"),
        "the site's own 404.html: {}",
        missing.body
    );

    let head = request(&server.addr, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());

    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        let reply = request(&server.addr, method, "/");
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"), "{method}");
    }
}

#[test]
fn serves_the_search_page_and_index_unless_asked_not_to() {
    let server = Server::start(SiteRoot::example());
    assert_eq!(server.get("/zoeken/").status, 200);
    // The index follows the pages.
    let script = server.wait_for("/pagefind/pagefind.js", "the index", |r| r.status == 200);
    assert_eq!(
        script.header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    drop(server);

    let server = Server::start_with(SiteRoot::example(), &["--no-search".as_ref()]);
    assert_eq!(server.get("/zoeken/").status, 404);
    assert_eq!(server.get("/pagefind/pagefind.js").status, 404);
}

#[test]
fn paths_never_leave_the_output_folder() {
    let server = Server::start(SiteRoot::example());
    // A file beside the site's folder that must never be served.
    let secret = server.site.file("content/site.yaml");
    assert!(secret.is_file());
    for target in [
        "/../content/site.yaml",
        "/../../../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/static/../../../../../../etc/passwd",
        "/..%5c..%5c..%5cetc%5cpasswd",
        "/..\\..\\..\\etc\\passwd",
        "//etc/passwd",
        &format!("/{}", secret.display()),
        "/%00",
        "/.gka-output",
        "http://127.0.0.1/../../etc/passwd",
        "*",
    ] {
        let reply = server.get(target);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{target}: {} {}",
            reply.status,
            reply.body
        );
        assert!(!reply.body.contains("root:"), "{target}");
        assert!(!reply.body.contains("base_url"), "{target}");
    }
}

#[test]
fn files_get_their_mime_types() {
    let server = Server::start(SiteRoot::example());
    for (target, mime) in [
        ("/static/css/gka.css", "text/css; charset=utf-8"),
        ("/static/img/almere-logo.svg", "image/svg+xml"),
        ("/favicon.ico", "image/x-icon"),
        ("/apple-touch-icon.png", "image/png"),
        (
            "/manifest.webmanifest",
            "application/manifest+json; charset=utf-8",
        ),
        ("/data/gka.json", "application/json; charset=utf-8"),
        ("/nieuws/feed.xml", "text/xml; charset=utf-8"),
        ("/data/interventies.csv", "text/csv; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/sitemap.xml", "text/xml; charset=utf-8"),
        ("/__gka/reload.js", "text/javascript; charset=utf-8"),
        ("/__gka/overlay.css", "text/css; charset=utf-8"),
    ] {
        // The open data follows the pages.
        let reply = server.wait_for(target, "the file", |r| r.status == 200);
        assert_eq!(reply.header("Content-Type"), Some(mime), "{target}");
        assert_eq!(
            reply.header("X-Content-Type-Options"),
            Some("nosniff"),
            "{target}"
        );
    }
}

/// Reads an event stream on its own thread and hands over each `event:` name.
fn event_stream(addr: &str) -> mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(addr).unwrap();
    send(&mut stream, "GET", "/__gka/events");
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(event) = line.strip_prefix("event: ")
                && tx.send(event.to_string()).is_err()
            {
                return;
            }
        }
    });
    rx
}

#[test]
fn an_edit_rebuilds_the_page_and_reloads_the_browser() {
    let server = Server::start(SiteRoot::example());
    let events = event_stream(&server.addr);
    assert_eq!(events.recv_timeout(GUARD).as_deref(), Ok("hello"));

    server.site.edit(
        "content/contact.md",
        "Neem contact op",
        "Bel of mail gerust",
    );
    server.wait_for("/contact/", "the edited text", |r| {
        r.status == 200 && r.body.contains("Bel of mail gerust")
    });
    assert_eq!(events.recv_timeout(GUARD).as_deref(), Ok("reload"));
}

#[test]
fn saves_through_temporary_and_backup_files_rebuild_the_page() {
    let server = Server::start(SiteRoot::example());
    let contact = server.site.file("content/contact.md");
    let text = std::fs::read_to_string(&contact).unwrap();

    // An atomic save: the new text goes to a temporary file, which is renamed over the
    // document.
    let temporary = server.site.file("content/.contact.md.tmp");
    std::fs::write(
        &temporary,
        text.replace("Neem contact op", "Bel of mail gerust"),
    )
    .unwrap();
    std::fs::rename(&temporary, &contact).unwrap();
    let page = server.wait_for("/contact/", "the atomic save", |r| {
        r.status == 200 && r.body.contains("Bel of mail gerust")
    });
    assert!(!page.body.contains("gka-overlay"), "{}", page.body);

    // Vim's save: the document is renamed to a backup, written anew, and the backup removed.
    let backup = server.site.file("content/contact.md~");
    std::fs::rename(&contact, &backup).unwrap();
    std::fs::write(&contact, text.replace("Neem contact op", "Schrijf ons")).unwrap();
    std::fs::remove_file(&backup).unwrap();
    let page = server.wait_for("/contact/", "the save with a backup", |r| {
        r.status == 200 && r.body.contains("Schrijf ons")
    });
    assert!(!page.body.contains("gka-overlay"), "{}", page.body);
}

#[test]
fn a_broken_file_shows_an_overlay_until_it_is_fixed() {
    let server = Server::start(SiteRoot::example());
    server
        .site
        .edit("content/contact.md", "titel: Contact", "titel: [Contact");

    let broken = server.wait_for("/contact/", "the overlay", |r| {
        r.body.contains("gka-overlay")
    });
    assert_eq!(broken.status, 200, "the last good build stays on line");
    assert!(broken.body.contains("Neem contact op"));
    assert!(broken.body.contains("role=\"alert\""));
    assert!(
        broken.body.contains("content/contact.md:2:8"),
        "file and line as gka check prints them:\n{}",
        broken.body
    );
    assert!(broken.body.contains("GKA-E005"));
    assert!(broken.body.contains("href=\"/__gka/overlay.css\""));
    assert!(
        !broken.body.contains("<style"),
        "no inline style under the CSP"
    );
    for other in ["/", "/bestaat-niet/"] {
        assert!(
            server.get(other).body.contains("content/contact.md:2:8"),
            "{other} shows the overlay too"
        );
    }
    // The terminal shows the problem too; its output is read on a thread of its own, so it
    // can arrive after the page that shows the same.
    server.wait_for_stderr("content/contact.md:2:8");

    server
        .site
        .edit("content/contact.md", "titel: [Contact", "titel: Contact");
    let fixed = server.wait_for("/contact/", "the overlay to go", |r| {
        r.status == 200 && !r.body.contains("gka-overlay")
    });
    assert!(fixed.body.contains("Neem contact op"));
}

#[test]
fn a_site_broken_from_the_start_shows_the_overlay_on_every_path() {
    let site = SiteRoot::example();
    site.edit("content/contact.md", "titel: Contact", "titel: [Contact");
    let server = Server::start(site);
    let reply = server.get("/");
    assert_eq!(reply.status, 404, "there is no good build yet");
    assert!(reply.body.contains("content/contact.md:2:8"));

    server
        .site
        .edit("content/contact.md", "titel: [Contact", "titel: Contact");
    server.wait_for("/", "the first good build", |r| {
        r.status == 200 && !r.body.contains("gka-overlay")
    });
}

#[test]
fn the_terminal_and_the_panel_speak_dutch_unless_asked_for_english() {
    for (lang, terminal, title, label, note) in [
        (
            "nl",
            "gka let op wijzigingen in content/",
            "De site kan niet gemaakt worden: 1 fout",
            ": fout[GKA-E005]: ",
            "gka serve laat de vorige versie van de site zien tot dit is opgelost.",
        ),
        (
            "en",
            "Watching content/, themes/ for changes",
            "The site does not build: 1 error",
            ": error[GKA-E005]: ",
            "gka serve shows the last good build until this is fixed.",
        ),
    ] {
        let site = SiteRoot::example();
        site.edit("content/contact.md", "titel: Contact", "titel: [Contact");
        let server = Server::start_with(site, &[OsStr::new("--lang"), OsStr::new(lang)]);
        let reply = server.get("/");
        for part in [
            &format!("role=\"alert\" lang=\"{lang}\""),
            title,
            label,
            note,
        ] {
            assert!(
                reply.body.contains(part),
                "{lang}: {part} in:\n{}",
                reply.body
            );
        }
        server.wait_for_stderr(terminal);
        server.wait_for_stderr(label);
        if lang == "nl" {
            assert!(!reply.body.contains("does not build"), "{}", reply.body);
            server.wait_for_stderr("Niet gelukt: 1 fout");
        } else {
            assert!(
                reply.body.contains("<title>Not found</title>"),
                "{}",
                reply.body
            );
            server.wait_for_stderr("Failed: 1 error");
        }
    }
}

#[test]
fn two_hundred_parallel_connections_are_all_answered() {
    const CONNECTIONS: usize = 200;
    let server = Server::start(SiteRoot::example());
    let barrier = Arc::new(Barrier::new(CONNECTIONS));
    let threads: Vec<_> = (0..CONNECTIONS)
        .map(|i| {
            let addr = server.addr.clone();
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || {
                let mut stream = TcpStream::connect(&addr).expect("connects");
                // Every connection is open before any request is sent.
                barrier.wait();
                let target = match i % 4 {
                    0 => "/",
                    1 => "/static/css/gka.css",
                    2 => "/bestaat-niet/",
                    _ => "/%2e%2e/%2e%2e/etc/passwd",
                };
                send(&mut stream, "GET", target);
                read_reply(stream).status
            })
        })
        .collect();
    let statuses: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    for (i, status) in statuses.iter().enumerate() {
        let expected = if i % 4 < 2 { 200 } else { 404 };
        assert_eq!(*status, expected, "connection {i}");
    }
    // Still serving afterwards.
    assert_eq!(server.get("/").status, 200);
}

/// Sends `GET /` with the `Host` header `host` (none when `None`) and reads the answer.
fn get_with_host(addr: &str, host: Option<&str>) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connects to gka serve");
    stream.set_read_timeout(Some(GUARD)).unwrap();
    let host = host.map_or(String::new(), |h| format!("Host: {h}\r\n"));
    write!(stream, "GET / HTTP/1.1\r\n{host}Connection: close\r\n\r\n").unwrap();
    read_reply(stream)
}

#[test]
fn dns_rebinding_a_foreign_host_is_refused() {
    let server = Server::start_with(SiteRoot::example(), &["--no-search".as_ref()]);
    let port = server.addr.rsplit(':').next().unwrap();
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
        let reply = get_with_host(&server.addr, Some(&host));
        assert_eq!(reply.status, 200, "{host}");
        assert!(reply.body.contains("<html lang=\"nl\">"), "{host}");
    }
    // A site on the web whose name resolves to this computer, as a rebinding attack makes it:
    // the browser sends that name.
    for host in [
        Some(format!("evil.example:{port}")),
        Some("evil.example".to_string()),
        Some(format!("localhost.evil.example:{port}")),
        Some("localhost:1".to_string()),
        None,
    ] {
        let reply = get_with_host(&server.addr, host.as_deref());
        assert!(
            reply.status == 421 || reply.status == 400,
            "{host:?}: {} {}",
            reply.status,
            reply.body
        );
        assert!(!reply.body.contains("<html"), "{host:?}: {}", reply.body);
    }
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream.set_read_timeout(Some(GUARD)).unwrap();
    write!(
        stream,
        "GET /__gka/events HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    assert_eq!(read_reply(stream).status, 421, "the event stream too");
}

/// `--base-url` with a path previews the site as published in a sub-folder: its pages are
/// served under that path and link within it; the rest of the server's addresses lead there.
#[test]
fn a_base_url_with_a_path_serves_the_site_under_it() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}/gka/");
    let site = SiteRoot::example();
    let mut command = Command::new(BIN);
    command
        .args(["serve", "--no-search", "--port", &port.to_string()])
        .args(["--base-url", &base, "--root"])
        .arg(site.path());
    let server = Server::spawn(site, command);
    let home = server.get("/gka/");
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(
        home.body.contains("href=\"/gka/interventies/\""),
        "{}",
        home.body
    );
    assert!(
        !home.body.contains("href=\"/interventies/\""),
        "{}",
        home.body
    );
    assert_eq!(server.get("/gka/interventies/").status, 200);
    for (target, location) in [
        ("/", "/gka/"),
        ("/gka", "/gka/"),
        ("/gka/interventies", "/gka/interventies/"),
    ] {
        let reply = server.get(target);
        assert_eq!(reply.status, 301, "{target}");
        assert_eq!(reply.header("location"), Some(location), "{target}");
    }
    let outside = server.get("/interventies/");
    assert_eq!(outside.status, 404);
    assert!(
        outside.body.contains("<html lang=\"nl\">"),
        "the site's own 404 page"
    );
}

#[test]
fn an_oversized_header_is_refused() {
    let server = Server::start_with(SiteRoot::example(), &["--no-search".as_ref()]);
    for _ in 0..4 {
        let mut stream = TcpStream::connect(&server.addr).unwrap();
        stream.set_read_timeout(Some(GUARD)).unwrap();
        stream.set_write_timeout(Some(GUARD)).unwrap();
        let host = stream.peer_addr().unwrap();
        // 16 MiB of one header: the server stops reading long before, so the writes may fail.
        let head = format!("GET / HTTP/1.1\r\nHost: {host}\r\nX-Big: ");
        let chunk = vec![b'a'; 1 << 20];
        let _ = stream.write_all(head.as_bytes());
        for _ in 0..16 {
            if stream.write_all(&chunk).is_err() {
                break;
            }
        }
        let _ = stream.write_all(b"\r\n\r\n");
        // Either the server's 431, or the connection closed (a reset may overtake the 431).
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 431 "),
            "{answer}"
        );
    }
    assert_eq!(server.get("/").status, 200, "still serving");
}

/// The number of threads of the process `pid` (Linux only).
#[cfg(target_os = "linux")]
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn many_idle_connections_neither_block_a_request_nor_take_a_thread_each() {
    const IDLE: usize = 300;
    let server = Server::start_with(SiteRoot::example(), &["--no-search".as_ref()]);
    // Connections that never send a request, and one that sends half of one.
    let mut idle: Vec<TcpStream> = (0..IDLE)
        .map(|_| TcpStream::connect(&server.addr).expect("connects"))
        .collect();
    write!(idle[0], "GET / HTTP/1.1\r\nHost: ").unwrap();
    let reply = server.get("/");
    assert_eq!(reply.status, 200);
    #[cfg(target_os = "linux")]
    {
        let threads = threads(server.child.id());
        assert!(
            threads < IDLE / 2,
            "{threads} threads for {IDLE} idle connections"
        );
    }
    assert_eq!(server.get("/contact/").status, 200);
    drop(idle);
}

/// Opens an event stream and reads up to its `hello`.
fn open_event_stream(addr: &str) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(addr).expect("connects");
    send(&mut stream, "GET", "/__gka/events");
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    let mut status = None;
    loop {
        line.clear();
        let read = reader.read_line(&mut line).expect("reads the event stream");
        assert!(
            read > 0,
            "the stream ended before its hello; status {status:?}"
        );
        if status.is_none() {
            status = Some(line.clone());
            assert!(line.starts_with("HTTP/1.1 200 "), "{line}");
        }
        if line.trim_end() == "event: hello" {
            return reader;
        }
    }
}

/// The number of open files of the process `pid` (Linux only).
#[cfg(target_os = "linux")]
fn open_files(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .count()
}

#[test]
fn live_reload_more_than_64_streams_are_accepted_and_freed_when_closed() {
    const STREAMS: usize = 100;
    let server = Server::start_with(SiteRoot::example(), &["--no-search".as_ref()]);
    #[cfg(target_os = "linux")]
    let before = open_files(server.child.id());
    let streams: Vec<_> = (0..STREAMS)
        .map(|_| open_event_stream(&server.addr))
        .collect();
    // The browsers close their tabs.
    drop(streams);
    #[cfg(target_os = "linux")]
    {
        // Their connections are closed at once, not at the next keep-alive (15 s).
        let start = Instant::now();
        while open_files(server.child.id()) >= before + STREAMS / 2 {
            assert!(
                start.elapsed() < GUARD,
                "{} open files, {before} before the streams",
                open_files(server.child.id())
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    // A page opened afterwards still follows the edits.
    let events = event_stream(&server.addr);
    assert_eq!(events.recv_timeout(GUARD).as_deref(), Ok("hello"));
    server.site.edit(
        "content/contact.md",
        "Neem contact op",
        "Bel of mail gerust",
    );
    assert_eq!(events.recv_timeout(GUARD).as_deref(), Ok("reload"));
}

/// Every file of an output folder with its bytes and modification time, but the search index,
/// whose files are named after their contents (see [`the_search_index_follows_quick_edits`]).
fn stamps(dir: &std::path::Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    files(dir)
        .into_iter()
        .filter(|f| !f.starts_with("pagefind/"))
        .map(|f| {
            let path = dir.join(&f);
            let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
            (f.clone(), (std::fs::read(&path).unwrap(), modified))
        })
        .collect()
}

#[test]
fn an_edit_rewrites_the_page_and_its_lists_and_leaves_the_rest_untouched() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let server = Server::start_with(
        SiteRoot::example(),
        &["--output".as_ref(), output.as_os_str()],
    );
    // The open data and the search index follow the first build; wait for them so that they
    // are not mistaken for a change.
    server.wait_for_lines(INDEXED, 1);
    let before = stamps(&output);

    // Kansrijk in Almere has no `samenvatting`: its card shows the body's first sentence, so
    // editing that sentence changes its page and every list that shows its card.
    server.site.edit(
        "content/interventies/kansrijk-in-almere.md",
        "Bij Kansrijk in Almere worden scholen ondersteund",
        "Met Kansrijk in Almere krijgen scholen steun",
    );
    for target in [
        "/interventies/kansrijk-in-almere/",
        "/interventies/",
        "/themas/ouderbetrokkenheid/",
        "/addenda/2021-2024/",
    ] {
        server.wait_for(target, "the edited summary", |r| {
            r.status == 200
                && r.body
                    .contains("Met Kansrijk in Almere krijgen scholen steun")
        });
    }
    // Then the open data and the index again: the folder holds still while it is read.
    server.wait_for_lines(INDEXED, 2);
    let after = stamps(&output);

    let changed: Vec<&str> = after
        .iter()
        .filter(|(path, now)| before.get(*path) != Some(now))
        .map(|(path, _)| path.as_str())
        .collect();
    for page in [
        "interventies/kansrijk-in-almere/index.html",
        "interventies/index.html",
        "themas/ouderbetrokkenheid/index.html",
        "themas/inzetten-op-gezondheid/index.html",
        "addenda/2021-2024/index.html",
    ] {
        assert!(changed.contains(&page), "{page} is rewritten: {changed:?}");
    }
    for page in [
        "interventies/dare-to-dream-in-036/index.html",
        "privacy/index.html",
        "index.html",
        "static/css/gka.css",
    ] {
        assert_eq!(
            before.get(page),
            after.get(page),
            "{page} keeps its bytes and modification time; rewritten: {changed:?}"
        );
    }
    assert!(
        changed.len() < before.len() / 4,
        "most files stay as they were; rewritten: {changed:?}"
    );
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "no file appears or disappears"
    );
}

#[test]
fn added_and_removed_documents_add_and_remove_their_files() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let server = Server::start_with(
        SiteRoot::example(),
        &["--output".as_ref(), output.as_os_str()],
    );
    server.site.write(
        "content/interventies/nieuwe-aanpak.md",
        "---\ntitel: Nieuwe aanpak\nthemas:\n  - Ouderbetrokkenheid\n---\n\nEen nieuwe aanpak.\n",
    );
    server.wait_for("/interventies/nieuwe-aanpak/", "the new page", |r| {
        r.status == 200 && r.body.contains("Een nieuwe aanpak.")
    });
    server.wait_for("/themas/ouderbetrokkenheid/", "the new card", |r| {
        r.body.contains("Nieuwe aanpak")
    });

    std::fs::remove_file(server.site.file("content/interventies/nieuwe-aanpak.md")).unwrap();
    server.wait_for("/interventies/nieuwe-aanpak/", "the page to go", |r| {
        r.status == 404
    });
    assert!(!output.join("interventies/nieuwe-aanpak").exists());
    let overview = server.wait_for("/interventies/", "the card to go", |r| {
        !r.body.contains("Nieuwe aanpak")
    });
    assert_eq!(overview.status, 200);
}

/// The start of the line the server prints when it has put a new search index in place.
const INDEXED: &str = "Zoekindex bijgewerkt in ";

/// The part of the line the server prints when it has rebuilt the site after a change.
const REBUILT: &str = " opnieuw gemaakt in ";

/// One of Pagefind's binary files (`pf_meta`, `pf_index`, `pf_fragment`) as served: gzip of
/// `pagefind_dcd` and the data.
fn pagefind_file(server: &Server, target: &str) -> Result<Vec<u8>, String> {
    let reply = server.get(target);
    if reply.status != 200 {
        return Err(format!("{target}: {}", reply.status));
    }
    let mut data = Vec::new();
    flate2::read::GzDecoder::new(reply.bytes.as_slice())
        .read_to_end(&mut data)
        .map_err(|e| format!("{target}: {e}"))?;
    data.strip_prefix(b"pagefind_dcd")
        .map(<[u8]>::to_vec)
        .ok_or_else(|| format!("{target}: no Pagefind header"))
}

/// A CBOR file of Pagefind's (Pagefind writes its structures as arrays of their fields).
fn pagefind_cbor(server: &Server, target: &str) -> Result<Vec<ciborium::Value>, String> {
    let data = pagefind_file(server, target)?;
    let value: ciborium::Value =
        ciborium::from_reader(data.as_slice()).map_err(|e| format!("{target}: {e}"))?;
    value
        .into_array()
        .map_err(|v| format!("{target}: not an array: {v:?}"))
}

/// The fields of a CBOR array in Pagefind's files.
fn fields(value: &ciborium::Value) -> &[ciborium::Value] {
    value.as_array().map(Vec::as_slice).unwrap_or_default()
}

/// The text of a CBOR string in Pagefind's files.
fn text_of(value: &ciborium::Value) -> &str {
    value.as_text().unwrap_or_default()
}

/// Reads the served search index as Pagefind's script does: the entry file, the files it
/// names, every page's fragment and every word chunk. Returns the site paths each word is
/// found on, or what could not be read (the index may be replaced meanwhile).
fn search_index(server: &Server, words: &[&str]) -> Result<Vec<Vec<String>>, String> {
    let entry = server.get("/pagefind/pagefind-entry.json");
    if entry.status != 200 {
        return Err(format!("the entry file: {}", entry.status));
    }
    let entry: serde_json::Value =
        serde_json::from_str(&entry.body).map_err(|e| format!("the entry file: {e}"))?;
    let language = &entry["languages"]["nl"];
    let wasm = format!(
        "/pagefind/wasm.{}.pagefind",
        language["wasm"].as_str().unwrap()
    );
    if server.get(&wasm).status != 200 {
        return Err(format!("{wasm} is missing"));
    }
    let meta = pagefind_cbor(
        server,
        &format!(
            "/pagefind/pagefind.{}.pf_meta",
            language["hash"].as_str().unwrap()
        ),
    )?;
    // Pages, then word chunks: each page a hash first, each chunk `from`, `to` and a hash.
    let mut urls = Vec::new();
    for page in fields(&meta[1]) {
        let target = format!(
            "/pagefind/fragment/{}.pf_fragment",
            text_of(&fields(page)[0])
        );
        let fragment: serde_json::Value = serde_json::from_slice(&pagefind_file(server, &target)?)
            .map_err(|e| format!("{target}: {e}"))?;
        urls.push(fragment["url"].as_str().unwrap_or_default().to_string());
    }
    assert_eq!(language["page_count"], urls.len(), "{entry}");
    let mut found = vec![Vec::new(); words.len()];
    for chunk in fields(&meta[2]) {
        let target = format!("/pagefind/index/{}.pf_index", text_of(&fields(chunk)[2]));
        let index = pagefind_cbor(server, &target)?;
        // Each word: the word, then its pages, each a page number first.
        for word in fields(&index[0]) {
            let word = fields(word);
            if let Some(i) = words.iter().position(|w| *w == text_of(&word[0])) {
                for page in fields(&word[1]) {
                    let number: usize = fields(page)[0]
                        .as_integer()
                        .and_then(|n| n.try_into().ok())
                        .unwrap();
                    found[i].push(urls[number].clone());
                }
            }
        }
    }
    Ok(found)
}

/// Appends `text` to the content file `rel` of the server's site.
fn append(server: &Server, rel: &str, text: &str) {
    let path = server.site.file(rel);
    let mut contents = std::fs::read_to_string(&path).unwrap();
    contents.push_str(text);
    std::fs::write(&path, contents).unwrap();
}

#[test]
fn the_search_index_follows_quick_edits() {
    let server = Server::start(SiteRoot::example());
    // Two edits in quick succession, of two interventies, each with a word of its own
    // (without Dutch endings, so that it is indexed as it is written).
    append(&server, KANSRIJK, "\nDe school doet mee aan zorbax.\n");
    let dare = "content/interventies/dare-to-dream-in-036.md";
    append(&server, dare, "\nJongeren maken een plimflox.\n");
    server.wait_for(KANSRIJK_PAGE, "the first edit", |r| {
        r.body.contains("zorbax")
    });
    server.wait_for(
        "/interventies/dare-to-dream-in-036/",
        "the second edit",
        |r| r.body.contains("plimflox"),
    );
    server.wait_for("/data/gka.json", "both edits in the open data", |r| {
        r.body.contains("zorbax") && r.body.contains("plimflox")
    });

    // The index follows: whole (every file the entry leads to is there) and made from the
    // pages of both edits.
    let expected = vec![
        vec![KANSRIJK_PAGE.to_string()],
        vec!["/interventies/dare-to-dream-in-036/".to_string()],
    ];
    let start = Instant::now();
    loop {
        let found = search_index(&server, &["zorbax", "plimflox"]);
        if found.as_ref() == Ok(&expected) {
            break;
        }
        assert!(
            start.elapsed() < GUARD,
            "gave up waiting for the index of both edits; last read: {found:?}\n--- stderr:\n{}",
            server.stderr.lock().unwrap()
        );
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_rebuild_does_not_wait_for_the_search_index() {
    // Enough pages that indexing them takes much longer than rebuilding one.
    let site = SiteRoot::example();
    let template =
        std::fs::read_to_string(site.file("content/interventies/dare-to-dream-in-036.md"))
            .unwrap()
            .replace("titel: Dare to dream in 036", "titel: Kopie");
    for i in 0..400 {
        site.write(
            &format!("content/interventies/kopie-{i}.md"),
            template.replace("titel: Kopie", &format!("titel: Kopie {i}")),
        );
    }
    let server = Server::start(site);
    server.wait_for_lines(INDEXED, 1);

    let (first, second) = (
        "content/interventies/kopie-1.md",
        "content/interventies/kopie-2.md",
    );
    append(&server, first, "\nEen eerste regel.\n");
    // The second edit follows as soon as the first is rebuilt: while its index is made.
    let start = Instant::now();
    while line_after(
        &server.stderr.lock().unwrap(),
        &format!("Gewijzigd: {first}"),
        REBUILT,
    )
    .is_none()
    {
        assert!(start.elapsed() < GUARD, "{}", server.stderr.lock().unwrap());
        thread::sleep(Duration::from_millis(2));
    }
    append(&server, second, "\nEen tweede regel.\n");
    server.wait_for("/interventies/kopie-2/", "the second edit", |r| {
        r.body.contains("Een tweede regel.")
    });
    server.wait_for_lines(INDEXED, 2);

    let stderr = server.stderr.lock().unwrap().clone();
    let rebuilt = line_after(&stderr, &format!("Gewijzigd: {second}"), REBUILT).unwrap();
    let indexed = line_after(&stderr, &format!("Gewijzigd: {first}"), INDEXED).unwrap();
    assert!(
        rebuilt < indexed,
        "the second edit is rebuilt before the index of the first is done:\n{stderr}"
    );
}

/// The number of the first line of `text` that contains `part` after the first line that
/// starts with `after`.
fn line_after(text: &str, after: &str, part: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let from = lines.iter().position(|l| l.starts_with(after))?;
    (from..lines.len()).find(|&i| lines[i].contains(part))
}

/// The interventie the edit-loop tests write in, and its page.
const KANSRIJK: &str = "content/interventies/kansrijk-in-almere.md";
const KANSRIJK_PAGE: &str = "/interventies/kansrijk-in-almere/";

/// Appends `sentence` to the body of [`KANSRIJK`], as a communicator adds a line, and waits
/// until its page shows it without an overlay.
#[track_caller]
fn add_sentence(server: &Server, sentence: &str) {
    let path = server.site.file(KANSRIJK);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n{sentence}\n")).unwrap();
    server.wait_for(KANSRIJK_PAGE, "the added sentence", |r| {
        r.status == 200 && r.body.contains(sentence) && !r.body.contains("gka-overlay")
    });
}

#[test]
fn serve_in_the_site_folder_follows_edits_and_errors() {
    // As the handleiding says: a terminal in the site's folder, `gka serve`, no --root.
    let site = SiteRoot::example();
    let folder = site.path().to_path_buf();
    let server = Server::start_in(site, &folder, &[]);

    add_sentence(&server, "Scholen melden zich bij de gemeente aan.");
    server.wait_for_stderr(&format!("Gewijzigd: {KANSRIJK}\n"));

    server.site.edit(
        KANSRIJK,
        "titel: Kansrijk in Almere",
        "titel: [Kansrijk in Almere",
    );
    // The file as `gka check` names it: relative to the site's folder, with a line number.
    let place = format!("{KANSRIJK}:");
    server.wait_for(KANSRIJK_PAGE, "the overlay", |r| r.body.contains(&place));
    for target in [
        KANSRIJK_PAGE,
        "/",
        "/contact/",
        "/interventies/",
        "/bestaat-niet/",
    ] {
        let reply = server.get(target);
        assert!(
            reply.body.contains("gka-overlay")
                && reply.body.contains(&place)
                && reply.body.contains("GKA-E005"),
            "{target} shows the error:\n{}",
            reply.body
        );
    }
    server.wait_for_stderr(&place);

    server.site.edit(
        KANSRIJK,
        "titel: [Kansrijk in Almere",
        "titel: Kansrijk in Almere",
    );
    add_sentence(&server, "Aanmelden kan het hele jaar.");
    let fixed = server.get(KANSRIJK_PAGE);
    assert!(
        fixed
            .body
            .contains("Scholen melden zich bij de gemeente aan."),
        "{}",
        fixed.body
    );
}

#[test]
fn serve_follows_edits_with_a_relative_root() {
    for root in ["site", "./site/"] {
        let site = SiteRoot::example_in("site");
        let parent = site.parent().to_path_buf();
        // The search index is beside the point here, and slow to make.
        let server = Server::start_in(
            site,
            &parent,
            &["--root".as_ref(), root.as_ref(), "--no-search".as_ref()],
        );
        add_sentence(&server, &format!("Bewerkt met --root {root}."));
        server.wait_for_stderr(&format!("Gewijzigd: {KANSRIJK}\n"));
    }
}

#[cfg(unix)]
#[test]
fn serve_follows_edits_in_a_site_reached_through_a_symbolic_link() {
    for absolute in [false, true] {
        let site = SiteRoot::example_in("site");
        let parent = site.parent().to_path_buf();
        std::os::unix::fs::symlink("site", parent.join("link")).unwrap();
        let root = if absolute {
            parent.join("link")
        } else {
            "link".into()
        };
        let server = Server::start_in(
            site,
            &parent,
            &["--root".as_ref(), root.as_os_str(), "--no-search".as_ref()],
        );
        add_sentence(&server, &format!("Bewerkt via {}.", root.display()));
    }
}

/// The terminal of `gka serve` sums the to-dos up per file, as `gka build` does; with
/// `--todos` it shows each.
#[test]
fn serve_sums_up_the_to_dos_per_file_unless_asked() {
    let site = || {
        let site = SiteRoot::minimal();
        site.write(
            "content/contact.md",
            "---\ntitel: \"TODO: de titel\"\n---\n\nTODO: de tekst.\n",
        );
        site
    };
    let server = Server::start_with(site(), &["--no-search".as_ref()]);
    server.wait_for_stderr(
        "content/contact.md: 2 teksten met TODO: nog in te vullen (regels 2, 5)\n",
    );
    server.wait_for_stderr("Met --todos ziet u elke tekst met TODO: apart.\n");
    assert!(
        !server.stderr.lock().unwrap().contains("GKA-W008"),
        "{}",
        server.stderr.lock().unwrap()
    );

    let server = Server::start_with(site(), &["--no-search".as_ref(), "--todos".as_ref()]);
    server.wait_for_stderr("content/contact.md:2:9: ");
    server.wait_for_stderr("content/contact.md:5:1: ");
    assert!(
        !server
            .stderr
            .lock()
            .unwrap()
            .contains(" met TODO: nog in te vullen ("),
        "{}",
        server.stderr.lock().unwrap()
    );
}

/// A national site in `gka serve`: when `gka bronnen` (or anyone) replaces a copy in
/// `bronnen/` while the server runs, the site is checked again, so a warning about the old
/// copy goes away without a restart.
#[test]
fn a_fetched_source_is_checked_again_while_serving() {
    let site = SiteRoot::minimal();
    let yaml = std::fs::read_to_string(site.file("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        format!(
            "{yaml}bronnen:\n  - gemeente: Zwolle\n    adres: https://gka.zwolle.example/data/gka.json\n"
        ),
    );
    // A copy this gka cannot read.
    site.write("bronnen/zwolle/gka.json", "{\"versie\": 2}\n");
    let valid = {
        let other = SiteRoot::minimal();
        let built = common::build_into_temp(other.path(), &["--no-search"]);
        std::fs::read(built.out.join("data/gka.json")).unwrap()
    };
    let folder = site.path().to_path_buf();
    let server = Server::start_in(site, &folder, &["--no-search".as_ref()]);
    server.wait_for_stderr("gka let op wijzigingen in content/, themes/, bronnen/.");
    server.wait_for_stderr("[GKA-W061]");

    server.site.write("bronnen/zwolle/gka.json", &valid);
    let changed = "Gewijzigd: bronnen/zwolle/gka.json";
    server.wait_for_stderr(changed);
    // The rebuild that follows the change says what it made, without the warning.
    let start = Instant::now();
    let after = loop {
        let stderr = server.stderr.lock().unwrap().clone();
        let after = stderr[stderr.find(changed).unwrap()..].to_string();
        if after.contains("opnieuw gemaakt") {
            break after;
        }
        assert!(
            start.elapsed() < GUARD,
            "no rebuild after the change:\n{stderr}"
        );
        thread::sleep(Duration::from_millis(50));
    };
    assert!(!after.contains("GKA-W061"), "{after}");
}

/// A national site keeps a gemeente's site in a folder of its own (a git submodule, say) and
/// is served as the guide says, from its folder: an edit in that folder reaches the
/// gemeente's page, and a mistake there costs a warning, not the national site.
#[test]
fn a_source_folder_is_watched_and_loaded_again_while_serving() {
    let site = SiteRoot::minimal();
    let almere = SiteRoot::minimal();
    common::copy_dir(almere.path(), &site.file("gemeenten/almere"));
    let yaml = std::fs::read_to_string(site.file("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        format!("{yaml}bronnen:\n  - gemeente: Almere\n    map: gemeenten/almere\n"),
    );
    let agenda = std::fs::read_to_string(site.file("gemeenten/almere/content/agenda.md")).unwrap();
    let folder = site.path().to_path_buf();
    let server = Server::start_in(site, &folder, &["--no-search".as_ref()]);
    server.wait_for_stderr(
        "gka let op wijzigingen in content/, themes/, gemeenten/almere/content/, \
         gemeenten/almere/themes/.",
    );
    server.wait_for("/gemeenten/almere/", "the gemeente's page", |r| {
        r.status == 200 && r.body.contains("GKA-Agenda")
    });

    server.site.write(
        "gemeenten/almere/content/agenda.md",
        agenda.replace("titel: GKA-Agenda", "titel: De agenda van Almere"),
    );
    server.wait_for("/gemeenten/almere/", "the edit in the source folder", |r| {
        r.body.contains("De agenda van Almere")
    });

    server
        .site
        .write("gemeenten/almere/content/agenda.md", "---\ntitel: [\n---\n");
    server.wait_for_stderr("[GKA-W063]");
    server.wait_for("/gemeenten/almere/", "the gemeente left out", |r| {
        r.status == 404
    });
}

/// A national site in `gka serve`: when the editors change `content/themas.yaml`, the pages of
/// the national themes follow without a restart.
#[test]
fn the_national_theme_pages_follow_an_edit_of_the_theme_mapping() {
    let site = SiteRoot::minimal();
    let yaml = std::fs::read_to_string(site.file("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        format!("{yaml}bronnen:\n  - gemeente: Zwolle\n    map: gemeenten/zwolle\n"),
    );
    let zwolle = SiteRoot::minimal();
    zwolle.edit("content/site.yaml", "Voorbeeldstad", "Zwolle");
    zwolle.write(
        "content/interventies/voorlezen.md",
        "---\ntitel: Voorlezen\nthemas: [Versterken van taal]\n---\n\nVoorlezen.\n",
    );
    common::copy_dir(
        &zwolle.file("content"),
        &site.file("gemeenten/zwolle/content"),
    );
    site.write(
        "content/themas.yaml",
        "- thema: Taal\n  gemeentethemas: [Versterken van taal]\n",
    );
    let server = Server::start_with(site, &["--no-search".as_ref()]);
    server.wait_for("/landelijk/themas/taal/", "the theme's page", |r| {
        r.status == 200 && r.body.contains("Voorlezen")
    });

    server.site.write(
        "content/themas.yaml",
        "- thema: Taal en lezen\n  omschrijving: Goed leren lezen.\n  gemeentethemas: [Versterken van taal]\n",
    );
    server.wait_for(
        "/landelijk/themas/taal-en-lezen/",
        "the renamed theme",
        |r| r.status == 200 && r.body.contains("Goed leren lezen.") && r.body.contains("Voorlezen"),
    );
    server.wait_for("/landelijk/themas/taal/", "the old theme gone", |r| {
        r.status == 404
    });
    server.wait_for("/landelijk/interventies/", "the overview's count", |r| {
        r.body
            .contains("Taal en lezen</a> <span class=\"count\">(1)")
    });
}

/// A national site in `gka serve`: when a gemeente's copy changes, the news of all gemeenten
/// and its feed are made again with the gemeente's new news.
#[test]
fn the_news_of_all_gemeenten_follows_a_changed_copy_while_serving() {
    let data_with_news = |titel: &str| {
        let other = SiteRoot::minimal();
        other.write(
            "content/nieuws/bericht.md",
            format!("---\ntitel: {titel}\ndatum: 2026-05-01\n---\n\nTekst.\n"),
        );
        let built = common::build_into_temp(other.path(), &["--no-search"]);
        built.run.assert_success();
        std::fs::read(built.out.join("data/gka.json")).unwrap()
    };
    let site = SiteRoot::minimal();
    let yaml = std::fs::read_to_string(site.file("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        format!(
            "{yaml}bronnen:\n  - gemeente: Zwolle\n    adres: https://gka.zwolle.example/data/gka.json\n"
        ),
    );
    site.write("bronnen/zwolle/gka.json", data_with_news("Eerste bericht"));
    let newer = data_with_news("Tweede bericht");
    let folder = site.path().to_path_buf();
    let server = Server::start_in(site, &folder, &["--no-search".as_ref()]);
    server.wait_for("/landelijk/nieuws/", "the first news", |r| {
        r.status == 200 && r.body.contains("Eerste bericht")
    });

    server.site.write("bronnen/zwolle/gka.json", &newer);
    let page = server.wait_for("/landelijk/nieuws/", "the changed news", |r| {
        r.body.contains("Tweede bericht")
    });
    assert!(!page.body.contains("Eerste bericht"), "{}", page.body);
    let feed = server.get("/landelijk/nieuws/feed.xml");
    assert!(
        feed.body.contains("<title>Tweede bericht</title>"),
        "{}",
        feed.body
    );
}
