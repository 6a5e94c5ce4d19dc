//! Work after the unlock that should not make the user wait: the full
//! `integrity_check` after a crash, and the daily backup with its rotation.
//! It runs on its own thread with its own read-only connection (WAL lets it
//! read while the app writes). A lock cancels it; the session applies its
//! report: damage leads to the restore screen.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use chrono::NaiveDateTime;
use rusqlite::InterruptHandle;

use super::backup::{self, BackupInfo, Policy};
use super::keys::{DbKey, KeyFile};
use super::{full_check, Vault};
use crate::vocab::{Damage, DamageKind};
use crate::{Error, Result};

/// What to do.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Read and check every page (after a crash).
    pub full_check: bool,
    /// Make today's backup (if not made yet) and rotate.
    pub backup: bool,
    pub policy: Policy,
    pub accepted_before: Option<NaiveDateTime>,
    pub now: NaiveDateTime,
}

/// What it found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The database is damaged: the restore screen.
    pub damage: Option<Damage>,
    /// The full check ran to the end and found nothing.
    pub checked: bool,
    /// Why the backup could not be written (the data itself is fine).
    pub backup_problem: Option<String>,
    /// A backup with more data than now, kept until the user decides.
    pub held: Option<BackupInfo>,
}

/// The running work.
pub struct Job {
    full_check: bool,
    cancel: Arc<AtomicBool>,
    interrupt: Arc<InterruptHandle>,
    handle: JoinHandle<Result<Option<Report>>>,
}

/// Start the work on its own thread.
pub fn start(vault: &Vault, key: &DbKey, key_file: &KeyFile, plan: Plan) -> Result<Job> {
    let conn = vault.reader(key)?;
    let interrupt = Arc::new(conn.get_interrupt_handle());
    let cancel = Arc::new(AtomicBool::new(false));
    let stop = Arc::clone(&cancel);
    let dir = vault.backup_dir();
    let key = key.clone();
    let key_file = key_file.clone();
    let handle = std::thread::Builder::new()
        .name("buurtpunt-maintenance".into())
        .spawn(move || {
            let mut report = Report::default();
            if plan.full_check {
                let found = full_check(&conn);
                if stop.load(Ordering::SeqCst) {
                    return Ok(None);
                }
                match found {
                    Ok(Some(damage)) => {
                        report.damage = Some(damage);
                        return Ok(Some(report));
                    }
                    Ok(None) => report.checked = true,
                    // Not checked (the next unlock tries again); say why.
                    Err(e) => report.backup_problem = Some(format!("check: {e}")),
                }
            }
            if plan.backup && !stop.load(Ordering::SeqCst) {
                let src = backup::Source {
                    conn: &conn,
                    key: &key,
                    key_file: &key_file,
                };
                let made = backup::daily(&src, &dir, plan.policy, plan.accepted_before, plan.now);
                if stop.load(Ordering::SeqCst) {
                    // A failure now may be the interrupt itself: nothing to report.
                    return Ok(None);
                }
                match made {
                    Ok(done) => report.held = done.held,
                    // Reading every page for the copy met a damaged one.
                    Err(e) if e.code() == "database_damaged" => {
                        report.damage = Some(Damage {
                            kind: DamageKind::Unsound,
                            detail: e.to_string(),
                        });
                    }
                    Err(e) => {
                        let found = full_check(&conn);
                        if stop.load(Ordering::SeqCst) {
                            return Ok(None);
                        }
                        match found {
                            Ok(Some(damage)) => report.damage = Some(damage),
                            Ok(None) => report.backup_problem = Some(e.to_string()),
                            Err(check) => {
                                report.backup_problem = Some(format!("{e}; check: {check}"))
                            }
                        }
                    }
                }
            }
            conn.close().map_err(|(_, e)| Error::Sql(e))?;
            Ok(Some(report))
        })?;
    Ok(Job {
        full_check: plan.full_check,
        cancel,
        interrupt,
        handle,
    })
}

impl Job {
    /// Whether the full check is part of this work (for the calm notice).
    pub fn checks(&self) -> bool {
        self.full_check
    }

    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// Wait for the end. `None` when it was cancelled.
    pub fn wait(self) -> Result<Option<Report>> {
        self.handle
            .join()
            .map_err(|_| Error::Io(std::io::Error::other("the maintenance thread panicked")))?
    }

    /// Stop the check at once (a backup copy in progress is finished first,
    /// so no half file is left) and wait. `None` when it did not finish.
    pub fn cancel(self) -> Result<Option<Report>> {
        self.cancel.store(true, Ordering::SeqCst);
        self.interrupt.interrupt();
        self.wait()
    }
}
