//! The browsers' event streams (server-sent events at `/__gka/events`): each open page keeps
//! one, gets a `hello` with the current build number when it connects and a `reload` after
//! every build. A stream is the body of its response; when the browser goes away, the server
//! closes the connection and drops the body, so nothing but a sender waits for the next event,
//! and no thread waits per browser. There is no cap of its own: the server's cap on
//! connections bounds the streams too.

use std::sync::{Mutex, MutexGuard};

use http_body_util::channel::{Channel, Sender};
use hyper::body::{Bytes, Frame};

/// The body of an event stream.
pub(crate) type Stream = Channel<Bytes>;

/// How many events may wait for a browser that does not read them. Events are rare (one per
/// build and a keep-alive every 15 s), so a stream this far behind is stuck: it is closed, and
/// the browser, reconnecting, is told the current build by its `hello`.
const BACKLOG: usize = 16;

/// The open event streams.
#[derive(Default)]
pub(crate) struct Events {
    streams: Mutex<Vec<Sender<Bytes>>>,
}

impl Events {
    /// A new event stream, which starts with a `hello` naming the build `generation` returns.
    pub(crate) fn subscribe(&self, generation: impl FnOnce() -> u64) -> Stream {
        let (mut sender, stream) = Channel::new(BACKLOG);
        let mut streams = self.streams();
        // Read under the lock that `reload` takes: a build counted after this also sends its
        // `reload` to this stream, so a page never misses the build that followed its hello.
        let generation = generation();
        // `retry`: how soon a browser reconnects after the server restarts.
        let hello = format!("retry: 1000\n\n{}", event("hello", generation));
        if sender.try_send(Frame::data(Bytes::from(hello))).is_ok() {
            streams.push(sender);
        }
        stream
    }

    /// Tells every open page that build `generation` is ready.
    pub(crate) fn reload(&self, generation: u64) {
        self.send(Bytes::from(event("reload", generation)));
    }

    /// Sends a comment on every stream: a browser that vanished without closing its connection
    /// is noticed when the write fails, and the senders of closed streams are let go.
    pub(crate) fn keepalive(&self) {
        self.send(Bytes::from_static(b": keepalive\n\n"));
    }

    /// Sends `bytes` on every stream, dropping the streams that are closed or stuck.
    fn send(&self, bytes: Bytes) {
        self.streams()
            .retain_mut(|stream| stream.try_send(Frame::data(bytes.clone())).is_ok());
    }

    fn streams(&self) -> MutexGuard<'_, Vec<Sender<Bytes>>> {
        self.streams.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One server-sent event.
fn event(name: &str, generation: u64) -> String {
    format!("event: {name}\ndata: {generation}\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::body::Body;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    /// The data of the frames waiting in `stream`.
    fn received(stream: &mut Stream) -> String {
        let mut context = Context::from_waker(Waker::noop());
        let mut text = String::new();
        while let Poll::Ready(Some(Ok(frame))) = Pin::new(&mut *stream).poll_frame(&mut context) {
            text.push_str(&String::from_utf8_lossy(&frame.into_data().unwrap()));
        }
        text
    }

    #[test]
    fn streams_get_hello_and_reloads_and_closed_ones_are_dropped() {
        let events = Events::default();
        let mut open = events.subscribe(|| 3);
        let closed = events.subscribe(|| 3);
        drop(closed);
        events.reload(4);
        assert_eq!(
            received(&mut open),
            "retry: 1000\n\nevent: hello\ndata: 3\n\nevent: reload\ndata: 4\n\n"
        );
        assert_eq!(events.streams().len(), 1);
    }

    #[test]
    fn a_stream_that_is_not_read_is_closed() {
        let events = Events::default();
        let mut stuck = events.subscribe(|| 1);
        for generation in 2..2 + BACKLOG as u64 {
            events.reload(generation);
        }
        assert!(events.streams().is_empty());
        assert!(received(&mut stuck).starts_with("retry: 1000\n\nevent: hello\ndata: 1\n\n"));
    }
}
