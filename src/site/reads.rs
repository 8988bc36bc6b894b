//! Which documents a piece of rendering read, recorded where the model hands out a
//! document's contents ([`super::Entry::doc`], [`super::Entry::body`],
//! [`super::Entry::inline`] and what is made from them), so that what an output file depends
//! on is known without being declared anywhere.
//!
//! `gka serve` uses it after an edit of documents' bodies, which changes nothing in the model
//! but those documents' contents: a file whose context read none of them has the same context
//! as before, so its context need not be built again to know that.

use std::cell::RefCell;

thread_local! {
    /// The documents read by each recording in progress on this thread, innermost last.
    static RECORDINGS: RefCell<Vec<Vec<u64>>> = const { RefCell::new(Vec::new()) };
}

/// Notes that the document with `id` was read, in every recording in progress on this
/// thread: what an inner piece of work read, the work around it read too.
pub(super) fn record(id: u64) {
    RECORDINGS.with(|recordings| {
        for reads in recordings.borrow_mut().iter_mut() {
            reads.push(id);
        }
    });
}

/// The documents a piece of work read, by their ids ([`super::Entry::id`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads(Vec<u64>);

impl Reads {
    /// Whether any of the documents `ids` (sorted) was read.
    pub fn any_of(&self, ids: &[u64]) -> bool {
        self.0.iter().any(|id| ids.binary_search(id).is_ok())
    }

    /// Notes these documents as read by the recordings in progress, as if the work that read
    /// them ran inside them (for values made once and shared by many files).
    pub fn replay(&self) {
        for id in &self.0 {
            record(*id);
        }
    }
}

/// Runs `work` and returns what it made with the documents it read.
pub fn recording<T>(work: impl FnOnce() -> T) -> (T, Reads) {
    /// Ends the recording also when `work` panics, so a thread never keeps recording.
    struct Stop;
    impl Drop for Stop {
        fn drop(&mut self) {
            RECORDINGS.with(|recordings| recordings.borrow_mut().pop());
        }
    }
    RECORDINGS.with(|recordings| recordings.borrow_mut().push(Vec::new()));
    let stop = Stop;
    let value = work();
    let mut ids = RECORDINGS.with(|recordings| {
        std::mem::take(
            recordings
                .borrow_mut()
                .last_mut()
                .expect("a recording is open"),
        )
    });
    drop(stop);
    ids.sort_unstable();
    ids.dedup();
    (value, Reads(ids))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_what_the_work_and_the_work_inside_it_read() {
        let ((), outer) = recording(|| {
            record(3);
            let ((), inner) = recording(|| record(1));
            assert_eq!(inner, Reads(vec![1]));
            record(3);
        });
        assert_eq!(outer, Reads(vec![1, 3]));
        assert!(outer.any_of(&[0, 3]));
        assert!(!outer.any_of(&[2]));
        // Outside any recording, reads go nowhere.
        record(7);
        let ((), none) = recording(|| {});
        assert_eq!(none, Reads::default());
    }
}
