//! The browsers' event streams (server-sent events at `/__gka/events`): each open page keeps
//! one, gets a `hello` with the current build number when it connects and a `reload` after
//! every build. Streams are written directly on the connection; no thread waits per browser.

use std::io::Write;
use std::sync::Mutex;

use tiny_http::{Request, Response, StatusCode};

use super::http::send_event;

/// More open pages than anyone previews at once; past this, new streams get 503.
const MAX_STREAMS: usize = 64;

/// The head of an event stream. tiny_http would send a body of unknown length in chunks it
/// buffers, which delays events; the stream instead goes straight to the connection, which
/// closes at its end.
const HEAD: &[u8] = b"HTTP/1.1 200 OK\r\n\
Content-Type: text/event-stream; charset=utf-8\r\n\
Cache-Control: no-store\r\n\
X-Content-Type-Options: nosniff\r\n\
Connection: close\r\n\r\n";

type Stream = Box<dyn Write + Send>;

/// The open event streams.
#[derive(Default)]
pub(crate) struct Events {
    streams: Mutex<Vec<Stream>>,
}

impl Events {
    /// Keeps `request`'s connection as an event stream, after a `hello` with `generation`.
    pub(crate) fn subscribe(&self, request: Request, generation: u64) {
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        if streams.len() >= MAX_STREAMS {
            let _ = request.respond(
                Response::from_string("503 Too many open event streams\n")
                    .with_status_code(StatusCode(503)),
            );
            return;
        }
        let mut stream = request.into_writer();
        // `retry`: how soon a browser reconnects after the server restarts.
        let hello = stream
            .write_all(HEAD)
            .and_then(|()| stream.write_all(b"retry: 1000\n\n"))
            .and_then(|()| send_event(&mut *stream, "hello", &generation.to_string()));
        if hello.is_ok() {
            streams.push(stream);
        }
    }

    /// Tells every open page that build `generation` is ready.
    pub(crate) fn reload(&self, generation: u64) {
        let data = generation.to_string();
        self.retain(|stream| send_event(stream, "reload", &data));
    }

    /// Sends a comment on every stream, dropping those whose browser went away.
    pub(crate) fn keepalive(&self) {
        self.retain(|stream| {
            stream.write_all(b": keepalive\n\n")?;
            stream.flush()
        });
    }

    fn retain(&self, mut send: impl FnMut(&mut (dyn Write + Send)) -> std::io::Result<()>) {
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        streams.retain_mut(|stream| send(&mut **stream).is_ok());
    }
}
