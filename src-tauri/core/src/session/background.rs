//! The background work of the open help point (the full check after a
//! crash, the daily backup) and what its report changes; damage found while
//! working.

use chrono::NaiveDateTime;

use super::status::{AppStatus, LessData};
use super::{Session, State};
use crate::store::maintenance::{self, Plan};
use crate::vocab::Damage;
use crate::{settings, Result};

impl Session {
    /// Wait for the background work and apply its report (tests, bench, and
    /// the app's exit).
    pub fn settle(&mut self) -> AppStatus {
        self.finish_job();
        if let Err(e) = self.finish_warm(true) {
            // Only a cache: the meeting counts its months itself.
            eprintln!("buurtpunt: keeping the counted months: {e}");
        }
        self.status()
    }

    pub(super) fn finish_job(&mut self) {
        let Some(job) = self.job.take() else {
            return;
        };
        match job.wait() {
            Ok(Some(report)) => {
                if let Some(damage) = report.damage {
                    self.become_damaged(damage);
                    return;
                }
                if let State::Open { verified, db, .. } = &mut self.state {
                    *verified |= report.checked;
                    self.backup_problem = report.backup_problem;
                    self.less_data = match (report.held, db.counts()) {
                        (Some(backup), Ok(now)) => Some(LessData {
                            backup,
                            residents_now: now.residents,
                            requests_now: now.requests,
                        }),
                        (Some(_), Err(e)) => {
                            self.backup_problem = Some(e.to_string());
                            None
                        }
                        (None, _) => None,
                    };
                }
            }
            Ok(None) => {}
            Err(e) => self.backup_problem = Some(e.to_string()),
        }
    }

    /// Start the background work for the open real database.
    pub(super) fn start_job(&mut self, full_check: bool, now: NaiveDateTime) -> Result<()> {
        // Daily privacy upkeep first (a small indexed read on the open
        // database): signals closed with "niets nodig" past their term are
        // anonymised (the figures keep counting them).
        if let State::Open {
            db, demo: false, ..
        } = &mut self.state
        {
            let terms = crate::retention::Terms::of(&settings::get(db.conn())?);
            crate::retention::signals_at_unlock(db, &terms, now.date())?;
        }
        let State::Open {
            db,
            key,
            key_file,
            demo: false,
            ..
        } = &self.state
        else {
            return Ok(());
        };
        if self.job.is_some() {
            return Ok(());
        }
        let s = settings::get(db.conn())?;
        let plan = Plan {
            full_check,
            backup: true,
            policy: s.backup_policy(),
            accepted_before: settings::accepted_less_before(db.conn())?,
            now,
        };
        self.job = Some(maintenance::start(&self.vault, key, key_file, plan)?);
        Ok(())
    }

    /// Stop the background work (a lock, the exit).
    pub(super) fn stop_job(&mut self) -> Result<()> {
        if let Some(job) = self.job.take() {
            if let Some(report) = job.cancel()? {
                if let State::Open { verified, .. } = &mut self.state {
                    *verified |= report.checked && report.damage.is_none();
                }
            }
        }
        Ok(())
    }

    /// The daily backup while the app stays open (the UI asks for it now and
    /// then; at most one is made a day). It runs in the background.
    pub fn daily_backup(&mut self, now: NaiveDateTime) -> Result<AppStatus> {
        if self.job.is_none() {
            self.start_job(false, now)?;
        }
        Ok(self.status())
    }

    /// A command met a damaged page while the database was open: check the
    /// whole file, and if it is unsound close it and show the restore screen.
    /// A sound file stays open (the error was something else).
    pub fn check_damage(&mut self) -> Result<AppStatus> {
        if let State::Open { db, demo, .. } = &self.state {
            if let Some(damage) = db.damage()? {
                if *demo {
                    // The demo is rebuilt on every open: nothing to restore.
                    self.lock()?;
                } else {
                    self.become_damaged(damage);
                }
            }
        }
        Ok(self.status())
    }

    /// Drop the open database (without the clean-close mark) and keep the key
    /// for the restore.
    pub(super) fn become_damaged(&mut self, damage: Damage) {
        if let Some(job) = self.job.take() {
            // Its report no longer matters: the file is damaged.
            if let Err(e) = job.cancel() {
                eprintln!("buurtpunt: stopping the background work: {e}");
            }
        }
        let state = std::mem::replace(&mut self.state, State::Closed);
        self.less_data = None;
        self.state = match state {
            State::Open { key, .. } | State::Damaged { key, .. } => State::Damaged { key, damage },
            State::Closed => State::Closed,
        };
    }
}
