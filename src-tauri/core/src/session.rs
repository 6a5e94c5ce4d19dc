//! The app's lifecycle as one state machine: welcome → unlocked ⇄ locked,
//! damaged → restore, and the separate demo village. Tauri-free: the app
//! crate keeps one `Session` behind a mutex and calls these methods.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::Serialize;
use ts_rs::TS;

use crate::store::backup::{self, BackupInfo};
use crate::store::{DbKey, KdfParams, Vault};
use crate::{demo, Db, Error, Result};

/// The demo's passphrase. The demo holds only fictional people.
const DEMO_PASSPHRASE: &str = "demo-lindeloo-fictief";

/// Which screen the app should show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phase {
    /// Nothing here yet: start a new help point or look at the demo.
    Welcome,
    /// A help point exists and is locked.
    Locked,
    /// The database is open.
    Unlocked,
    /// The key was right but the database is unreadable: offer a restore.
    Damaged,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppStatus {
    pub phase: Phase,
    /// True while the demo village is open (never the real data).
    pub demo: bool,
    /// Whether a real help point exists in the data folder.
    pub set_up: bool,
    pub data_dir: String,
    /// What is wrong, when `phase` is `damaged`.
    pub damage: Option<String>,
    /// Why today's automatic backup failed, while the data itself is fine
    /// (disk full, read-only folder). The UI asks for a manual backup.
    pub backup_problem: Option<String>,
}

enum State {
    Closed,
    Open { db: Db, key: DbKey, demo: bool },
    Damaged { key: DbKey, reason: String },
}

pub struct Session {
    vault: Vault,
    demo_vault: Vault,
    kdf: KdfParams,
    state: State,
    /// The recovery key of a help point started in this run, until the user
    /// confirms it is stored safely.
    pending_recovery: Option<zeroize::Zeroizing<String>>,
    /// The last automatic backup failed (see [`AppStatus::backup_problem`]).
    backup_problem: Option<String>,
}

impl Session {
    pub fn new(data_dir: impl Into<PathBuf>, kdf: KdfParams) -> Self {
        let dir: PathBuf = data_dir.into();
        Session {
            demo_vault: Vault::new(dir.join("demo")),
            vault: Vault::new(dir),
            kdf,
            state: State::Closed,
            pending_recovery: None,
            backup_problem: None,
        }
    }

    pub fn status(&self) -> AppStatus {
        let set_up = self.vault.is_set_up();
        let (phase, demo, damage) = match &self.state {
            State::Open { demo, .. } => (Phase::Unlocked, *demo, None),
            State::Damaged { reason, .. } => (Phase::Damaged, false, Some(reason.clone())),
            State::Closed if set_up => (Phase::Locked, false, None),
            State::Closed => (Phase::Welcome, false, None),
        };
        AppStatus {
            phase,
            demo,
            set_up,
            data_dir: self.vault.dir().display().to_string(),
            damage,
            backup_problem: match self.state {
                State::Open { demo: false, .. } => self.backup_problem.clone(),
                _ => None,
            },
        }
    }

    /// Start a new help point; returns the recovery key to show once.
    pub fn create(&mut self, passphrase: &str) -> Result<String> {
        let created = self.vault.create(passphrase, self.kdf)?;
        self.state = State::Open {
            db: created.db,
            key: created.key,
            demo: false,
        };
        self.pending_recovery = Some(zeroize::Zeroizing::new(created.recovery_key.clone()));
        Ok(created.recovery_key)
    }

    /// Write the recovery sheet (a plain text file) where the user chose.
    pub fn save_recovery_sheet(&self, dest: &Path, now: NaiveDateTime) -> Result<()> {
        let key = self.pending_recovery.as_ref().ok_or(Error::Locked)?;
        let text = format!(
            "HERSTELSLEUTEL BUURTPUNT\n\n{}\n\nGemaakt op {}.\n\n\
             Met deze sleutel opent u Buurtpunt als u het wachtwoord kwijt bent.\n\
             Bewaar dit papier of bestand op een veilige plek, apart van de computer.\n\
             Iedereen met deze sleutel kan de gegevens van uw buurtpunt lezen.\n",
            key.as_str(),
            now.format("%d-%m-%Y %H:%M")
        );
        crate::store::vault::write_atomic(dest, text.as_bytes())
    }

    /// The user stored the recovery key: forget it.
    pub fn confirm_recovery_saved(&mut self) {
        self.pending_recovery = None;
    }

    fn open_with(&mut self, key: DbKey, now: NaiveDateTime) -> Result<AppStatus> {
        match self.vault.open(&key, now) {
            Ok(unlocked) => {
                self.backup_problem = unlocked.backup_problem;
                self.state = State::Open {
                    db: unlocked.db,
                    key,
                    demo: false,
                }
            }
            Err(Error::Damaged(reason)) => self.state = State::Damaged { key, reason },
            Err(e) => return Err(e),
        }
        Ok(self.status())
    }

    pub fn unlock(&mut self, passphrase: &str, now: NaiveDateTime) -> Result<AppStatus> {
        self.lock()?;
        let key = self.vault.unlock_key(passphrase)?;
        self.open_with(key, now)
    }

    /// Unlock with the recovery key and choose a new passphrase.
    pub fn recover(
        &mut self,
        recovery_key: &str,
        new_passphrase: &str,
        now: NaiveDateTime,
    ) -> Result<AppStatus> {
        self.lock()?;
        let key = self.vault.recover(recovery_key, new_passphrase)?;
        self.open_with(key, now)
    }

    pub fn change_passphrase(&self, old: &str, new: &str) -> Result<()> {
        match &self.state {
            State::Open { demo: false, .. } => self.vault.change_passphrase(old, new),
            _ => Err(Error::Locked),
        }
    }

    /// Close the database and forget the key. A clean close of the real
    /// help point leaves the mark that lets the next unlock be quick.
    pub fn lock(&mut self) -> Result<AppStatus> {
        let state = std::mem::replace(&mut self.state, State::Closed);
        self.pending_recovery = None;
        if let State::Open { db, demo, .. } = state {
            if demo {
                db.close()?;
            } else {
                self.vault.close(db)?;
            }
        }
        Ok(self.status())
    }

    /// Open a fresh demo village (rebuilt each time: demo changes are not kept).
    pub fn open_demo(&mut self, now: NaiveDateTime) -> Result<AppStatus> {
        self.lock()?;
        let dir = self.demo_vault.dir().to_path_buf();
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        let mut created = self.demo_vault.create(DEMO_PASSPHRASE, self.kdf)?;
        demo::seed(&mut created.db, now.date())?;
        self.state = State::Open {
            db: created.db,
            key: created.key,
            demo: true,
        };
        Ok(self.status())
    }

    /// The open database, or `Locked`.
    pub fn db(&mut self) -> Result<&mut Db> {
        match &mut self.state {
            State::Open { db, .. } => Ok(db),
            _ => Err(Error::Locked),
        }
    }

    fn real_key(&self) -> Result<&DbKey> {
        match &self.state {
            State::Open {
                key, demo: false, ..
            }
            | State::Damaged { key, .. } => Ok(key),
            _ => Err(Error::Locked),
        }
    }

    /// The daily backup while the app stays open (the UI asks for it now and
    /// then; at most one is made a day). A damaged page found on the way moves
    /// the session to the restore screen.
    pub fn daily_backup(&mut self, now: NaiveDateTime) -> Result<AppStatus> {
        if let State::Open {
            db,
            key,
            demo: false,
        } = &self.state
        {
            match self.vault.daily_backup(db, key, now) {
                Ok(problem) => self.backup_problem = problem,
                Err(Error::Damaged(reason)) => self.become_damaged(reason),
                Err(e) => return Err(e),
            }
        }
        Ok(self.status())
    }

    /// A command met a damaged page while the database was open: check the
    /// whole file, and if it is unsound close it and show the restore screen.
    /// A sound file stays open (the error was something else).
    pub fn check_damage(&mut self) -> Result<AppStatus> {
        if let State::Open { db, demo, .. } = &self.state {
            if let Some(reason) = db.damage() {
                if *demo {
                    // The demo is rebuilt on every open: nothing to restore.
                    self.lock()?;
                } else {
                    self.become_damaged(reason);
                }
            }
        }
        Ok(self.status())
    }

    /// Drop the open database (without the clean-close mark) and keep the key
    /// for the restore.
    fn become_damaged(&mut self, reason: String) {
        let state = std::mem::replace(&mut self.state, State::Closed);
        self.state = match state {
            State::Open { key, .. } | State::Damaged { key, .. } => State::Damaged { key, reason },
            State::Closed => State::Closed,
        };
    }

    /// Backups in the data folder (also while damaged, for the restore screen).
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        self.real_key()?;
        backup::list(&self.vault.backup_dir())
    }

    /// "Back-up maken" to a file the user chose.
    pub fn export_backup(&mut self, dest: &Path) -> Result<()> {
        match &self.state {
            State::Open {
                db,
                key,
                demo: false,
            } => backup::export(db, dest, key),
            _ => Err(Error::Locked),
        }
    }

    /// Put a backup in place of the current database and open it.
    pub fn restore(&mut self, from: &Path, now: NaiveDateTime) -> Result<AppStatus> {
        let key = self.real_key()?.clone();
        backup::verify(from, &key)?;
        // Close the current database before its file is moved aside.
        self.state = State::Damaged {
            key: key.clone(),
            reason: "restoring".into(),
        };
        self.vault.restore(from, &key, now)?;
        self.open_with(key, now)
    }
}
