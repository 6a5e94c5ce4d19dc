//! After an unlock, the months of the meeting's first screen (this year and
//! last year) are counted ahead on a reading connection of their own, so
//! that even the first look at a year's figures reads kept months. The open
//! database keeps them only when it changed nothing in between: a count made
//! before a change must not come back after the triggers forgot the month.
//! It is a cache: when it fails or is stopped, the meeting counts the months
//! itself (as it always could). It starts a second after the unlock: the
//! first screen (Vandaag) must not share the two cores with it.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, InterruptHandle};

use super::{Session, State};
use crate::results::{self, Warmed};
use crate::Result;

/// How long after the unlock the counting starts.
const DELAY: Duration = Duration::from_secs(1);

pub(super) struct WarmJob {
    handle: JoinHandle<Result<Warmed>>,
    interrupt: Arc<InterruptHandle>,
    /// Says "count now" (a wait for the result); dropped, "do not count".
    go: Sender<()>,
    /// The open database's change count when the counting started.
    base: i64,
}

/// Rows changed through this connection since it was opened (triggers
/// included): equal twice means nothing was written in between.
fn changes(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT total_changes()", [], |r| r.get(0))?)
}

impl Session {
    /// Start counting ahead (the real help point only; at most one at a time).
    pub(super) fn start_warm(&mut self, today: NaiveDate) -> Result<()> {
        let State::Open {
            db,
            key,
            demo: false,
            ..
        } = &self.state
        else {
            return Ok(());
        };
        if self.warm.is_some() {
            return Ok(());
        }
        let conn = self.vault.reader(key)?;
        let interrupt = Arc::new(conn.get_interrupt_handle());
        let base = changes(db.conn())?;
        let (go, wait) = mpsc::channel();
        let handle = std::thread::Builder::new()
            .name("buurtpunt-results".into())
            .spawn(move || {
                if let Err(RecvTimeoutError::Disconnected) = wait.recv_timeout(DELAY) {
                    conn.close().map_err(|(_, e)| crate::Error::Sql(e))?;
                    return Err(crate::Error::Io(std::io::Error::other(
                        "stopped before counting",
                    )));
                }
                let warmed = results::warm(&conn, today);
                conn.close().map_err(|(_, e)| crate::Error::Sql(e))?;
                warmed
            })?;
        self.warm = Some(WarmJob {
            handle,
            interrupt,
            go,
            base,
        });
        Ok(())
    }

    /// Keep what was counted ahead once it is done (`wait`: wait for it).
    pub(super) fn finish_warm(&mut self, wait: bool) -> Result<()> {
        if !wait && !self.warm.as_ref().is_some_and(|w| w.handle.is_finished()) {
            return Ok(());
        }
        let Some(job) = self.warm.take() else {
            return Ok(());
        };
        // Waiting for it: no need to wait for the delay too. (Gone already
        // when the thread counts or counted.)
        let _ = job.go.send(());
        let warmed = job
            .handle
            .join()
            .map_err(|_| crate::Error::Io(std::io::Error::other("the results warm-up panicked")))?;
        let Ok(warmed) = warmed else {
            // Interrupted or failed: the meeting counts these months itself.
            return Ok(());
        };
        if let State::Open { db, .. } = &self.state {
            if changes(db.conn())? == job.base && !warmed.is_empty() {
                results::keep_warmed(db.conn(), &warmed)?;
            }
        }
        Ok(())
    }

    /// Stop counting ahead (a lock, the exit): nothing is kept.
    pub(super) fn stop_warm(&mut self) {
        if let Some(job) = self.warm.take() {
            drop(job.go);
            job.interrupt.interrupt();
            // The thread only reads; whatever it returns is dropped.
            let _ = job.handle.join();
        }
    }
}
