//! `gka serve`: builds the site into a temporary folder, serves it over HTTP on the loopback
//! interface, watches `content/`, `themes/`, `templates/` and `bronnen/`, rebuilds on every
//! change and reloads open browsers through server-sent events.
//!
//! A build that fails keeps the last good build on line and shows its diagnostics (the text
//! of `gka check`) as an overlay on every page and in the terminal, until a rebuild succeeds.
//! Rebuilds are runs of the build's pipeline with its caches kept ([`crate::rebuild::Session`]):
//! the changed files are read again, the output files whose template context changed are
//! rendered again, and only files whose bytes changed are written, in place in the one output
//! folder of the session. The open data and the search index are made on a background thread
//! of the session, so the next edit never waits for them; a newer good build supersedes them.
//!
//! Stages: `http` answers requests, `events` keeps the browsers' event streams, and this
//! module owns the builds and the file watcher.

mod events;
mod http;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use notify::Watcher;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdCache, new_debouncer};

use crate::build::{BuildError, BuildOptions};
use crate::diagnostics::overview::{self, Todos};
use crate::diagnostics::report::Reporter;
use crate::rebuild::{Finished, Session};
use events::Events;
use http::Problems;

/// How many threads at most read files for requests. The connections are all kept by one
/// thread of their own; these threads only find and read files, so a few suffice for a flood
/// of requests.
const WORKERS: usize = 8;

/// How old a file event must be before the watcher passes it on, so that the events of one
/// save (an editor's temporary file, a rename, a write and a close) come together. The
/// debouncer checks every [`TICK`] and passes on each event once it is this old, so a burst
/// that straddles a check comes in two batches whatever this is; the second rebuild then finds
/// the files as the first left them and writes nothing. Each event reaches the build loop
/// `DEBOUNCE` to `DEBOUNCE + TICK` after it happened.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// How often the debouncer checks for events old enough to pass on.
const TICK: Duration = Duration::from_millis(5);

/// How often the event streams get a comment, so that browsers that vanished without closing
/// their connections are noticed (closed connections end their streams at once).
const KEEPALIVE: Duration = Duration::from_secs(15);

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder, holding `content/` and `themes/`; relative or through a symbolic
    /// link, it is resolved before anything is watched.
    pub root: PathBuf,
    /// The interface to listen on; 127.0.0.1 unless asked otherwise.
    pub interface: IpAddr,
    /// The port; 0 lets the system choose a free one.
    pub port: u16,
    /// Open the site in the default browser after the first build.
    pub open: bool,
    /// The address the preview is seen at, when not the server's own (see [`Base`]).
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Where to keep the built site; a temporary folder when `None`.
    pub output: Option<PathBuf>,
    /// Build the search page and its index, as `gka build` does.
    pub search: bool,
    /// How the terminal and the overlay show the to-dos.
    pub todos: Todos,
}

/// Why the server could not start or run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site folder does not exist.
    #[error("{}", t!("site-map-ontbreekt", folder = .0.display()))]
    NoRoot(PathBuf),
    /// The address could not be bound.
    #[error("{}", bind_message(address, source))]
    Bind {
        /// The address asked for.
        address: SocketAddr,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The temporary output folder could not be made.
    #[error("{}", t!("serve-tijdelijke-map", reason = crate::i18n::io_error(&.0)))]
    TempDir(std::io::Error),
    /// The session's output folder could not be made.
    #[error(transparent)]
    Output(#[from] crate::output::OutputError),
    /// The threads that build could not start.
    #[error("{}", t!("serve-draden", reason = .0.to_string()))]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// The web server's runtime could not start.
    #[error("{}", t!("serve-webserver", reason = crate::i18n::io_error(&.0)))]
    Server(std::io::Error),
    /// The file watcher could not start.
    #[error("{}", t!("serve-wijzigingen-volgen", folder = path.display(), reason = source.to_string()))]
    Watch {
        /// The folder.
        path: PathBuf,
        /// The watcher's error.
        source: notify::Error,
    },
}

/// That the server cannot listen on `address`; a port in use, the usual reason, with what to
/// do about it.
fn bind_message(address: &SocketAddr, source: &std::io::Error) -> String {
    let address = address.to_string();
    if source.kind() == std::io::ErrorKind::AddrInUse {
        t!("serve-luisteren-bezet", address = address)
    } else {
        t!(
            "serve-luisteren",
            address = address,
            reason = crate::i18n::io_error(source)
        )
    }
}

/// Where the preview is seen: `--base-url`, else the server's own address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Base {
    /// The path the site is served under: `/`, or `/gka/` for a site published in a
    /// sub-folder. Links in the pages start with it, so the server takes it off requests.
    pub(crate) path: String,
    /// A host name the address names (`laptop.local`), which the server answers besides its
    /// own address; `None` for an IP address or `localhost`.
    pub(crate) host: Option<String>,
}

impl Base {
    /// The base of `url` (`http://host:port/path/`).
    fn of(url: &str) -> Base {
        // An address the build rejects serves at the root, where its errors are shown.
        let uri = url.parse::<hyper::Uri>().ok();
        let host = uri.as_ref().and_then(|u| u.host()).unwrap_or("");
        let named = !host.is_empty()
            && !host.eq_ignore_ascii_case("localhost")
            && !host.starts_with('[')
            && host.parse::<IpAddr>().is_err();
        Base {
            path: with_slash(uri.as_ref().map_or("/", |u| u.path())),
            host: named.then(|| host.to_ascii_lowercase()),
        }
    }
}

/// `text` ending in `/`.
fn with_slash(text: &str) -> String {
    if text.ends_with('/') {
        text.to_string()
    } else {
        format!("{text}/")
    }
}

/// What the request threads share with the build loop.
pub(crate) struct State {
    /// Where the preview is seen.
    base: Base,
    /// The output folder of the last good build, once there is one.
    current: RwLock<Option<PathBuf>>,
    /// The diagnostics of the last build, when it failed.
    problems: RwLock<Option<Problems>>,
    /// Counts finished builds, good or bad; pages carry the number they were served with.
    generation: AtomicU64,
    /// The browsers waiting for a reload.
    events: Events,
}

impl State {
    fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }
}

/// Runs the server until Ctrl-C. Prints the address it listens on as the first line of
/// standard output (`Bekijk de site op http://127.0.0.1:1111/`, the address last), then one line per build, and one per
/// search index put in place, on standard error.
pub fn serve(options: &ServeOptions) -> Result<(), ServeError> {
    if !options.root.is_dir() {
        return Err(ServeError::NoRoot(options.root.clone()));
    }
    // The session matches the watcher's paths against the root's `content/`. The watcher
    // reports absolute paths, on macOS with symbolic links resolved, so the root must be too.
    let root = crate::build::resolve_root(&options.root);
    let requested = SocketAddr::new(options.interface, options.port);
    let bind = |source: std::io::Error| ServeError::Bind {
        address: requested,
        source,
    };
    // Bound before the first build, so that a port in use is told at once; connections made
    // meanwhile wait in the system's queue.
    let listener = std::net::TcpListener::bind(requested).map_err(bind)?;
    let bound = listener.local_addr().map_err(bind)?;
    listener.set_nonblocking(true).map_err(bind)?;
    let url = match &options.base_url {
        Some(given) => with_slash(given),
        None => site_url(bound),
    };
    let base = Base::of(&url);
    if !options.interface.is_loopback() {
        eprintln!(
            "{}",
            t!("serve-gedeeld", interface = options.interface.to_string())
        );
    }

    let tmp = tempfile::Builder::new()
        .prefix("gka-serve-")
        .tempdir()
        .map_err(ServeError::TempDir)?;
    // Watch before the first build and before announcing the address: an edit made as soon
    // as the address is printed must not be missed.
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(DEBOUNCE, Some(TICK), tx).map_err(|source| ServeError::Watch {
            path: root.clone(),
            source,
        })?;
    let mut watching = watched(&root);
    for dir in watching.iter().cloned() {
        debouncer
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(|source| ServeError::Watch { path: dir, source })?;
    }

    let state = Arc::new(State {
        base,
        current: RwLock::new(None),
        problems: RwLock::new(None),
        generation: AtomicU64::new(0),
        events: Events::default(),
    });
    let output = match &options.output {
        Some(dir) => {
            crate::output::check_output(&root, dir)?;
            // gka's own output of an earlier run: every file is written again anyway.
            if dir.is_dir() {
                std::fs::remove_dir_all(dir).map_err(|source| crate::output::OutputError::Io {
                    action: crate::output::Action::Empty,
                    path: dir.clone(),
                    source,
                })?;
            }
            dir.clone()
        }
        None => tmp.path().join("site"),
    };
    let mut session = Session::new(BuildOptions {
        root: root.clone(),
        output,
        base_url: Some(url.clone()),
        drafts: options.drafts,
        search: options.search,
    })
    .map_err(ServeError::Output)?;
    session.finish_in_background(|finished| match finished {
        Ok(Finished {
            indexed: Some(took),
            ..
        }) => eprintln!(
            "{}",
            t!(
                "serve-zoekindex",
                seconds = crate::i18n::decimal(took.as_secs_f64(), 1)
            )
        ),
        Ok(_) => {}
        Err(e) => eprintln!("{}", t!("fout", message = e.to_string())),
    });
    // Pagefind, and the background thread's writes, keep rayon's global pool busy for seconds,
    // and rayon's threads finish the work they have before they take new work from outside:
    // on the global pool a rebuild waits for the indexing (2-3 s at 10 000 pages).
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("gka-build-{i}"))
        .build()?;
    let mut builder = Builder {
        root: root.clone(),
        session,
        pool,
        state: Arc::clone(&state),
        first: true,
        todos: options.todos,
    };
    builder.rebuild(&[]);
    watch_sources(&mut debouncer, &mut watching, &builder.session);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(WORKERS)
        .thread_name("gka-serve-files")
        .build()
        .map_err(ServeError::Server)?;
    let listener = {
        let _context = runtime.enter();
        tokio::net::TcpListener::from_std(listener).map_err(ServeError::Server)?
    };
    {
        let state = Arc::clone(&state);
        std::thread::Builder::new()
            .name("gka-serve-http".into())
            .spawn(move || runtime.block_on(http::accept(listener, state)))
            .map_err(ServeError::Server)?;
    }
    println!("{}", t!("serve-adres", url = &url));
    let folders: Vec<String> = (watching.iter())
        .map(|dir| format!("{}/", dir.strip_prefix(&root).unwrap_or(dir).display()))
        .collect();
    eprintln!("{}", t!("serve-let-op", folders = folders.join(", ")));
    {
        use std::io::Write;
        let _ = std::io::stdout().flush();
    }
    if options.open
        && let Err(e) = open::that_detached(&url)
    {
        eprintln!(
            "{}",
            t!("serve-geen-browser", reason = crate::i18n::io_error(&e))
        );
    }

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        // Without the handler Ctrl-C still ends the server, only the temporary folder stays.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    let mut last_keepalive = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        match rx.recv_timeout(Duration::from_millis(250)) {
            Ok(Ok(events)) => {
                let mut changed: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| relevant(&e.kind))
                    .flat_map(|e| e.paths.iter().cloned())
                    .filter(|p| !is_editor_temp(p))
                    .collect();
                changed.sort();
                changed.dedup();
                if changed.is_empty() {
                    continue;
                }
                let names: Vec<String> = changed
                    .iter()
                    .map(|p| p.strip_prefix(&root).unwrap_or(p).display().to_string())
                    .collect();
                eprintln!("{}", t!("serve-gewijzigd", files = names.join(", ")));
                builder.rebuild(&changed);
                // site.yaml may list a new source folder.
                watch_sources(&mut debouncer, &mut watching, &builder.session);
            }
            Ok(Err(errors)) => {
                for e in errors {
                    eprintln!("{}", t!("serve-wijzigingen-fout", reason = e.to_string()));
                }
                // Changes may have been missed: read every file again, the source folders'
                // too.
                let mut everything = vec![root.join(crate::content::CONTENT_DIR)];
                everything.extend(builder.session.source_folders().map(Path::to_path_buf));
                builder.rebuild(&everything);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if last_keepalive.elapsed() >= KEEPALIVE {
            state.events.keepalive();
            last_keepalive = Instant::now();
        }
    }
    eprintln!("{}", t!("serve-gestopt"));
    drop(debouncer);
    // The temporary folder goes with `tmp`; a request still running may fail, which is fine:
    // the server's thread ends with the process.
    Ok(())
}

/// The address to print and to build for: an unspecified interface (0.0.0.0) is reached
/// through the loopback address on this computer.
fn site_url(bound: SocketAddr) -> String {
    let mut address = bound;
    if address.ip().is_unspecified() {
        address.set_ip(match address.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        });
    }
    format!("http://{address}/")
}

/// The folders whose changes trigger a rebuild: `content/` (with `site.yaml`), `themes/`, the
/// site's own `templates/` and a national site's fetched sources (`bronnen/`, which `gka
/// bronnen` may update while serve runs), those that exist.
fn watched(root: &Path) -> Vec<PathBuf> {
    [
        crate::content::CONTENT_DIR,
        crate::theme::THEMES_DIR,
        crate::theme::SITE_TEMPLATES_DIR,
        crate::sources::SOURCES_DIR,
    ]
    .iter()
    .map(|dir| root.join(dir))
    .filter(|dir| dir.is_dir())
    .collect()
}

/// Watches the folders of a national site's sources (`map`) that the last build found and no
/// watched folder holds yet, as [`watched`] names them in a site's folder, and adds them to
/// `watching`; a folder that cannot be watched is said, and the server goes on without it.
fn watch_sources(
    debouncer: &mut Debouncer<impl Watcher, impl FileIdCache>,
    watching: &mut Vec<PathBuf>,
    session: &Session,
) {
    let new: Vec<PathBuf> = (session.source_folders())
        .flat_map(watched)
        .filter(|dir| !watching.iter().any(|w| dir.starts_with(w)))
        .collect();
    for dir in new {
        match debouncer.watch(&dir, RecursiveMode::Recursive) {
            Ok(()) => watching.push(dir),
            Err(e) => eprintln!("{}", t!("serve-wijzigingen-fout", reason = e.to_string())),
        }
    }
}

/// Whether a file event may change the site: not a mere open or read.
fn relevant(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Editors' swap and backup files, which never belong to the site.
fn is_editor_temp(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.ends_with('~')
        || name.starts_with(".#")
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
}

/// Runs the builds of the session and tells the request threads and browsers about them.
struct Builder {
    root: PathBuf,
    session: Session,
    /// The threads the builds run on.
    pool: rayon::ThreadPool,
    state: Arc<State>,
    /// Whether no build has succeeded yet.
    first: bool,
    /// How the reports show the to-dos.
    todos: Todos,
}

impl Builder {
    /// Builds the site again after `changed`, updates what is served and tells the browsers
    /// to reload; then hands what the build left for later to the session's background thread.
    fn rebuild(&mut self, changed: &[PathBuf]) {
        let session = &mut self.session;
        let result = self.pool.install(|| session.rebuild(changed));
        let color = crate::diagnostics::report::colour_on_stderr();
        let problems = match result {
            Ok(built) => {
                if !built.warnings.is_empty() {
                    eprint!(
                        "{}",
                        overview::human_report(
                            &mut Reporter::new(&self.root, color),
                            &built.warnings,
                            self.todos
                        )
                    );
                }
                if self.first {
                    let seconds = crate::i18n::decimal(built.elapsed.as_secs_f64(), 2);
                    eprintln!(
                        "{}",
                        t!("serve-gemaakt", pages = built.pages, seconds = seconds)
                    );
                } else {
                    let line = t!(
                        "serve-opnieuw",
                        rendered = built.pages_rendered,
                        pages = built.pages,
                        ms = u64::try_from(built.elapsed.as_millis()).unwrap_or(u64::MAX),
                        read = built.read,
                        made = built.rendered,
                        written = built.written,
                        removed = built.removed,
                    );
                    eprintln!("{line}");
                }
                self.first = false;
                *self
                    .state
                    .current
                    .write()
                    .unwrap_or_else(|e| e.into_inner()) = Some(self.session.output().to_path_buf());
                None
            }
            Err(BuildError::Content(diagnostics)) => {
                eprint!(
                    "{}",
                    overview::human_report(
                        &mut Reporter::new(&self.root, color),
                        &diagnostics,
                        self.todos
                    )
                );
                let summary = overview::summary(&diagnostics, self.todos);
                eprintln!("{}", t!("serve-mislukt", summary = &summary));
                Some(Problems {
                    summary,
                    report: overview::human_report(
                        &mut Reporter::new(&self.root, false),
                        &diagnostics,
                        self.todos,
                    ),
                })
            }
            Err(other) => {
                let message = other.to_string();
                eprintln!("{}", t!("serve-fout", message = &message));
                Some(Problems {
                    summary: t!("serve-maken-mislukt"),
                    report: message,
                })
            }
        };
        *self
            .state
            .problems
            .write()
            .unwrap_or_else(|e| e.into_inner()) = problems;
        let generation = self.state.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.state.events.reload(generation);
        if let Err(e) = self.session.finish() {
            eprintln!("{}", t!("fout", message = e.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_url_gives_the_path_and_the_name_to_answer() {
        for (url, path, host) in [
            ("http://127.0.0.1:1111/", "/", None),
            ("http://127.0.0.1:1111/gka/", "/gka/", None),
            ("http://localhost:1111/a/b", "/a/b/", None),
            ("http://[::1]:1111/gka/", "/gka/", None),
            ("http://Laptop.local:1111/", "/", Some("laptop.local")),
            (
                "https://preview.example/gka/?x",
                "/gka/",
                Some("preview.example"),
            ),
        ] {
            let base = Base::of(url);
            assert_eq!(base.path, path, "{url}");
            assert_eq!(base.host.as_deref(), host, "{url}");
        }
    }

    #[test]
    fn unspecified_interfaces_are_reached_through_loopback() {
        assert_eq!(
            site_url("0.0.0.0:1111".parse().unwrap()),
            "http://127.0.0.1:1111/"
        );
        assert_eq!(site_url("[::]:80".parse().unwrap()), "http://[::1]:80/");
        assert_eq!(
            site_url("192.0.2.1:8080".parse().unwrap()),
            "http://192.0.2.1:8080/"
        );
    }

    #[test]
    fn editor_files_do_not_trigger_builds() {
        assert!(is_editor_temp(Path::new("content/.agenda.md.swp")));
        assert!(is_editor_temp(Path::new("content/agenda.md~")));
        assert!(!is_editor_temp(Path::new("content/agenda.md")));
    }
}
