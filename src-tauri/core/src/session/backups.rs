//! Backups from the session: the list, a backup to a chosen file, the
//! question about a backup with more data, and restoring one.

use std::path::Path;

use chrono::NaiveDateTime;

use super::{AppStatus, Session, State};
use crate::store::audit;
use crate::store::backup::{self, BackupInfo};
use crate::store::Counts;
use crate::{settings, Error, Result};

impl Session {
    /// Backups in the data folder (also while damaged, for the restore screen).
    pub fn backups(&mut self) -> Result<Vec<BackupInfo>> {
        let current = match &self.state {
            State::Open {
                db, demo: false, ..
            } => Some(db.counts()?),
            _ => None,
        };
        let key = self.real_key()?;
        backup::list(&self.vault.backup_dir(), key, current)
    }

    /// "Back-up maken" to a file the user chose. Everything leaves the app
    /// in it (encrypted): the log says "geëxporteerd" once it is written.
    pub fn export_backup(&mut self, dest: &Path, now: NaiveDateTime) -> Result<Counts> {
        match &mut self.state {
            State::Open {
                db,
                key,
                key_file,
                demo: false,
                ..
            } => {
                let counts = backup::export(db, dest, key, key_file, now)?.counts;
                db.write(|tx| {
                    audit::record(
                        tx,
                        audit::Action::Exported,
                        audit::Subject {
                            kind: "backup",
                            id: None,
                            resident_id: None,
                        },
                    )
                })?;
                Ok(counts)
            }
            _ => Err(Error::Locked),
        }
    }

    /// The user says the help point may hold less than its older backups
    /// (people were removed on purpose): stop asking about them.
    pub fn accept_less_data(&mut self, now: NaiveDateTime) -> Result<AppStatus> {
        match &mut self.state {
            State::Open {
                db, demo: false, ..
            } => settings::accept_less_data(db, now)?,
            _ => return Err(Error::Locked),
        }
        self.less_data = None;
        Ok(self.status())
    }

    /// Put a backup in place of the current database and open it. When the
    /// backup cannot be used, everything stays as it was.
    pub fn restore(&mut self, from: &Path, now: NaiveDateTime) -> Result<AppStatus> {
        let key = self.real_key()?.clone();
        let key_file = self.vault.key_file()?;
        // Prove the backup fits before the current database is closed.
        backup::BackupFile::open(from)?.facts(&key)?;
        self.stop_job()?;
        self.stop_warm();
        // Close the current database before its file is moved aside.
        let before = match std::mem::replace(&mut self.state, State::Closed) {
            State::Open { db, .. } => {
                db.close()?;
                None
            }
            State::Damaged { damage, .. } => Some(damage),
            State::Closed => None,
        };
        match self.vault.restore(from, &key, now) {
            Ok(_) => self.open_with(key, key_file, now),
            Err(e) => {
                match before {
                    Some(damage) => self.state = State::Damaged { key, damage },
                    None => {
                        self.open_with(key, key_file, now)?;
                    }
                }
                Err(e)
            }
        }
    }
}
