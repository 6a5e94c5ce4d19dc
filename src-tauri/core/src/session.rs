//! The app's lifecycle as one state machine: welcome → unlocked ⇄ locked,
//! damaged → restore, and the separate demo village. Tauri-free: the app
//! crate keeps one `Session` behind a mutex and calls these methods.
//!
//! After an unlock, the slow work (the full check after a crash, the daily
//! backup) runs in the background ([`crate::store::maintenance`]); every
//! [`Session::status`] picks up its report.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

use crate::store::backup::{self, BackupInfo};
use crate::store::keys::KeyFile;
use crate::store::maintenance::{self, Job, Plan};
use crate::store::restore::Secret;
use crate::store::vault::KeyProblem;
use crate::store::{Counts, DbKey, KdfParams, Vault};
use crate::vocab::{Damage, DamageKind};
use crate::{settings, Db, Error, Result};

/// The demo's passphrase. The demo holds only fictional people.
const DEMO_PASSPHRASE: &str = "demo-lindeloo-fictief";

/// Fills a new demo database with its fictional village as of a date. The
/// app hands in `demo::seed`: the session knows how to open a demo, not
/// what is in it.
pub type Seeder = fn(&mut Db, NaiveDate) -> Result<()>;

/// Which screen the app should show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phase {
    /// Nothing here yet: start a new help point, look at the demo, or
    /// restore a backup.
    Welcome,
    /// A help point exists and is locked.
    Locked,
    /// The database is open.
    Unlocked,
    /// The key was right but the database cannot be used: offer a restore.
    Damaged,
}

/// Work running in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Background {
    /// The full check after a crash (the UI shows a calm notice).
    Check,
    /// Today's backup.
    Backup,
}

/// A backup that holds more than the help point holds now.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LessData {
    pub backup: BackupInfo,
    #[ts(type = "number")]
    pub residents_now: i64,
    #[ts(type = "number")]
    pub requests_now: i64,
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
    /// What is wrong, when `phase` is `damaged` (technical detail).
    pub damage: Option<String>,
    /// The kind of damage, for the restore screen's words.
    pub damage_kind: Option<DamageKind>,
    /// The key file is missing or damaged (`phase` is `locked`).
    pub key_problem: Option<KeyProblem>,
    /// Why today's automatic backup failed, while the data itself is fine
    /// (disk full, read-only folder). The UI asks for a manual backup.
    pub backup_problem: Option<String>,
    /// What runs in the background; the UI asks again until it is `null`.
    pub background: Option<Background>,
    /// A backup with more data than now: the user is asked before it may go.
    pub less_data: Option<LessData>,
}

enum State {
    Closed,
    Open {
        db: Db,
        key: DbKey,
        key_file: Box<KeyFile>,
        demo: bool,
        /// Every page was checked since the last crash (or the file was as
        /// a clean close left it): a close may leave the clean mark.
        verified: bool,
    },
    Damaged {
        key: DbKey,
        damage: Damage,
    },
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
    /// The background work of the open database.
    job: Option<Job>,
    less_data: Option<LessData>,
}

impl Drop for Session {
    /// A session dropped without a lock (a crash, in tests) still stops its
    /// background work, so no thread writes into a folder that goes away.
    fn drop(&mut self) {
        if let Some(job) = self.job.take() {
            if let Err(e) = job.cancel() {
                eprintln!("buurtpunt: stopping the background work: {e}");
            }
        }
    }
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
            job: None,
            less_data: None,
        }
    }

    /// What the UI should show; picks up the background work's report first.
    pub fn status(&mut self) -> AppStatus {
        if self.job.as_ref().is_some_and(Job::is_finished) {
            self.finish_job();
        }
        let set_up = self.vault.is_set_up();
        let (phase, demo, damage) = match &self.state {
            State::Open { demo, .. } => (Phase::Unlocked, *demo, None),
            State::Damaged { damage, .. } => (Phase::Damaged, false, Some(damage.clone())),
            State::Closed if set_up => (Phase::Locked, false, None),
            State::Closed => (Phase::Welcome, false, None),
        };
        let real_open = matches!(self.state, State::Open { demo: false, .. });
        AppStatus {
            phase,
            demo,
            set_up,
            data_dir: self.vault.dir().display().to_string(),
            damage: damage.as_ref().map(|d| d.detail.clone()),
            damage_kind: damage.map(|d| d.kind),
            key_problem: match phase {
                Phase::Locked => self.vault.key_problem(),
                _ => None,
            },
            backup_problem: if real_open {
                self.backup_problem.clone()
            } else {
                None
            },
            background: self.job.as_ref().map(|j| {
                if j.checks() {
                    Background::Check
                } else {
                    Background::Backup
                }
            }),
            less_data: if real_open {
                self.less_data.clone()
            } else {
                None
            },
        }
    }

    /// Wait for the background work and apply its report (tests, bench, and
    /// the app's exit).
    pub fn settle(&mut self) -> AppStatus {
        self.finish_job();
        self.status()
    }

    fn finish_job(&mut self) {
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
    fn start_job(&mut self, full_check: bool, now: NaiveDateTime) -> Result<()> {
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
    fn stop_job(&mut self) -> Result<()> {
        if let Some(job) = self.job.take() {
            if let Some(report) = job.cancel()? {
                if let State::Open { verified, .. } = &mut self.state {
                    *verified |= report.checked && report.damage.is_none();
                }
            }
        }
        Ok(())
    }

    /// Start a new help point; returns the recovery key to show once.
    pub fn create(&mut self, passphrase: &str) -> Result<String> {
        let created = self.vault.create(passphrase, self.kdf)?;
        self.state = State::Open {
            db: created.db,
            key: created.key,
            key_file: Box::new(created.key_file),
            demo: false,
            verified: true,
        };
        self.pending_recovery = Some(zeroize::Zeroizing::new(created.recovery_key.clone()));
        Ok(created.recovery_key)
    }

    /// Write the recovery sheet (a plain text file) where the user chose.
    pub fn save_recovery_sheet(&self, dest: &Path, now: NaiveDateTime) -> Result<()> {
        let key = self.pending_recovery.as_ref().ok_or(Error::Locked)?;
        let text = format!(
            "HERSTELSLEUTEL BUURTPUNT\n\n{}\n\nGemaakt op {}.\n\n\
             Met deze sleutel opent u Buurtpunt als u het wachtwoord kwijt bent,\n\
             als het bestand sleutel.json kwijt is, of op een nieuwe computer\n\
             (samen met een back-up-bestand).\n\
             Bewaar dit papier of bestand op een veilige plek, apart van de computer.\n\
             Iedereen met deze sleutel kan de gegevens van uw buurtpunt lezen.\n",
            key.as_str(),
            now.format("%d-%m-%Y %H:%M")
        );
        crate::store::files::write_atomic(dest, text.as_bytes())
    }

    /// The user stored the recovery key: forget it.
    pub fn confirm_recovery_saved(&mut self) {
        self.pending_recovery = None;
    }

    fn open_with(
        &mut self,
        key: DbKey,
        key_file: KeyFile,
        now: NaiveDateTime,
    ) -> Result<AppStatus> {
        self.less_data = None;
        self.backup_problem = None;
        match self.vault.open(&key, &key_file, now) {
            Ok(unlocked) => {
                self.state = State::Open {
                    db: unlocked.db,
                    key,
                    key_file: Box::new(key_file),
                    demo: false,
                    verified: unlocked.verified,
                };
                self.start_job(!unlocked.verified, now)?;
            }
            Err(Error::Damaged(damage)) => self.state = State::Damaged { key, damage },
            Err(e) => return Err(e),
        }
        Ok(self.status())
    }

    pub fn unlock(&mut self, passphrase: &str, now: NaiveDateTime) -> Result<AppStatus> {
        self.lock()?;
        let (key, file) = self.vault.unlock_key(passphrase, now)?;
        self.open_with(key, file, now)
    }

    /// Unlock with the recovery key and choose a new passphrase. Works also
    /// when the key file is missing or damaged.
    pub fn recover(
        &mut self,
        recovery_key: &str,
        new_passphrase: &str,
        now: NaiveDateTime,
    ) -> Result<AppStatus> {
        self.lock()?;
        let (key, file) = self
            .vault
            .recover(recovery_key, new_passphrase, self.kdf, now)?;
        self.open_with(key, file, now)
    }

    /// "Herstellen van een back-up" where there is no usable key: a new
    /// computer (the welcome screen) or a lost key file (the unlock screen).
    pub fn restore_with(
        &mut self,
        from: &Path,
        secret: Secret<'_>,
        now: NaiveDateTime,
    ) -> Result<AppStatus> {
        self.lock()?;
        let usable_key = self.vault.is_set_up() && self.vault.key_problem().is_none();
        if usable_key {
            // With a working key file, the usual unlock and restore apply.
            return Err(Error::AlreadySetUp);
        }
        let (key, file) = self.vault.restore_with(from, secret, self.kdf, now)?;
        self.open_with(key, file, now)
    }

    pub fn change_passphrase(&mut self, old: &str, new: &str) -> Result<()> {
        match &mut self.state {
            State::Open {
                demo: false,
                key_file,
                ..
            } => {
                **key_file = self.vault.change_passphrase(old, new)?;
                Ok(())
            }
            _ => Err(Error::Locked),
        }
    }

    /// Close the database and forget the key. A clean close of the real
    /// help point leaves the mark that lets the next unlock be quick — but
    /// only when every page was checked since the last crash.
    pub fn lock(&mut self) -> Result<AppStatus> {
        self.stop_job()?;
        let state = std::mem::replace(&mut self.state, State::Closed);
        self.pending_recovery = None;
        self.less_data = None;
        if let State::Open {
            db, demo, verified, ..
        } = state
        {
            if demo || !verified {
                db.close()?;
            } else {
                self.vault.close(db)?;
            }
        }
        Ok(self.status())
    }

    /// Open a fresh demo village, filled by `seed` (rebuilt each time: demo
    /// changes are not kept).
    pub fn open_demo(&mut self, now: NaiveDateTime, seed: Seeder) -> Result<AppStatus> {
        self.lock()?;
        let dir = self.demo_vault.dir().to_path_buf();
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        let mut created = self.demo_vault.create(DEMO_PASSPHRASE, self.kdf)?;
        seed(&mut created.db, now.date())?;
        self.state = State::Open {
            db: created.db,
            key: created.key,
            key_file: Box::new(created.key_file),
            demo: true,
            verified: true,
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
    fn become_damaged(&mut self, damage: Damage) {
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

    /// "Back-up maken" to a file the user chose.
    pub fn export_backup(&mut self, dest: &Path, now: NaiveDateTime) -> Result<Counts> {
        match &self.state {
            State::Open {
                db,
                key,
                key_file,
                demo: false,
                ..
            } => Ok(backup::export(db, dest, key, key_file, now)?.counts),
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
