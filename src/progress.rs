//! The progress indicator of `gka build` and `gka check`: drawn on standard error only when
//! that is a terminal, and only once the run has taken a second, so that quick builds and CI
//! logs show just the summary line.

use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use gka::build::{Progress, Stage};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes unannounced.
const DELAY: Duration = Duration::from_secs(1);

/// A progress bar that appears after [`DELAY`] and is cleared when dropped.
pub struct Indicator {
    bar: ProgressBar,
    /// Dropping it tells the timer that the run is over.
    done: Option<mpsc::Sender<()>>,
    timer: Option<JoinHandle<()>>,
}

impl Indicator {
    /// An indicator on standard error, or `None` when that is not a terminal.
    pub fn start() -> Option<Indicator> {
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let (done, wait) = mpsc::channel::<()>();
        let shown = bar.clone();
        let timer = thread::spawn(move || {
            if wait.recv_timeout(DELAY) == Err(RecvTimeoutError::Timeout) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                // Stages without steps (reading, indexing) still show that work goes on.
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Some(Indicator {
            bar,
            done: Some(done),
            timer: Some(timer),
        })
    }
}

impl Drop for Indicator {
    fn drop(&mut self) {
        drop(self.done.take());
        if let Some(timer) = self.timer.take() {
            let _ = timer.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Progress for Indicator {
    fn stage(&self, stage: Stage, steps: Option<usize>) {
        let template = match steps {
            Some(_) => "{msg} [{bar:30}] {pos}/{len} ({elapsed})",
            None => "{spinner} {msg} ({elapsed})",
        };
        let style = ProgressStyle::with_template(template)
            .expect("the progress templates are valid")
            .progress_chars("=> ");
        self.bar.set_style(style);
        self.bar.set_position(0);
        self.bar.set_length(steps.unwrap_or(0) as u64);
        self.bar.set_message(stage.label());
    }

    fn step(&self) {
        self.bar.inc(1);
    }
}
