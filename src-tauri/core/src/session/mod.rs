//! The app's lifecycle as one state machine: welcome → unlocked ⇄ locked,
//! damaged → restore, and the separate demo village. Tauri-free: the app
//! crate keeps one `Session` behind a mutex and calls these methods.
//!
//! After an unlock, the slow work (the full check after a crash, the daily
//! backup) runs in the background ([`crate::store::maintenance`]); every
//! [`Session::status`] picks up its report.

mod background;
mod backups;
mod retention;
mod status;
mod warm;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

pub use status::{AppStatus, Background, LessData, Phase};

use crate::store::keys::KeyFile;
use crate::store::maintenance::Job;
use crate::store::restore::Secret;
use crate::store::{DbKey, KdfParams, Vault};
use crate::vocab::Damage;
use crate::{Db, Error, Result};

/// The demo's passphrase. The demo holds only fictional people.
const DEMO_PASSPHRASE: &str = "demo-lindeloo-fictief";

/// Fills a new demo database with its fictional village as of a date. The
/// app hands in `demo::seed`: the session knows how to open a demo, not
/// what is in it.
pub type Seeder = fn(&mut Db, NaiveDate) -> Result<()>;

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
    /// The meeting's months, counted ahead after an unlock.
    warm: Option<warm::WarmJob>,
    less_data: Option<LessData>,
    /// Meeting mode: the window is a shared screen. Only the anonymous
    /// meeting reads ([`Session::meeting_db`]) work; [`Session::db`] refuses.
    meeting: bool,
}

impl Drop for Session {
    /// A session dropped without a lock (a crash, in tests) still stops its
    /// background work, so no thread writes into a folder that goes away.
    fn drop(&mut self) {
        self.stop_warm();
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
            warm: None,
            less_data: None,
            meeting: false,
        }
    }

    /// What the UI should show; picks up the background work's report first.
    pub fn status(&mut self) -> AppStatus {
        if self.job.as_ref().is_some_and(Job::is_finished) {
            self.finish_job();
        }
        self.describe()
    }

    /// The status as it is, without picking up the background report: right
    /// after an unlock the UI is told about the work just started, however
    /// quickly it ends (it asks again a moment later).
    fn describe(&self) -> AppStatus {
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
            meeting: self.meeting && phase == Phase::Unlocked,
        }
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
                // Only on a file a clean close left (after a crash the full
                // check comes first); a cache that cannot start never stops
                // the unlock.
                if unlocked.verified {
                    if let Err(e) = self.start_warm(now.date()) {
                        eprintln!("buurtpunt: counting the meeting's months ahead: {e}");
                    }
                }
            }
            Err(Error::Damaged(damage)) => self.state = State::Damaged { key, damage },
            Err(e) => return Err(e),
        }
        Ok(self.describe())
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
        self.stop_warm();
        let state = std::mem::replace(&mut self.state, State::Closed);
        self.meeting = false;
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

    /// The open database, or `Locked`; in meeting mode `MeetingMode`: no
    /// screen with personal data can be read while the window is shared.
    pub fn db(&mut self) -> Result<&mut Db> {
        if self.meeting {
            return Err(Error::MeetingMode);
        }
        self.meeting_db()
    }

    /// The open database for the meeting screens, whose reads are anonymous
    /// by construction (the group's results, the checked agenda). Works in
    /// and out of meeting mode.
    pub fn meeting_db(&mut self) -> Result<&mut Db> {
        self.finish_warm(false)?;
        match &mut self.state {
            State::Open { db, .. } => Ok(db),
            _ => Err(Error::Locked),
        }
    }

    /// Turn the window into a shared screen (see [`Session::db`]).
    pub fn enter_meeting(&mut self) -> Result<AppStatus> {
        self.meeting_db()?;
        self.meeting = true;
        Ok(self.status())
    }

    /// Leave meeting mode: only with the passphrase of the open help point
    /// (someone else may be at the keyboard). A wrong one keeps the meeting.
    pub fn leave_meeting(&mut self, passphrase: &str) -> Result<AppStatus> {
        match &self.state {
            State::Open { key_file, .. } => {
                key_file.unlock(passphrase)?;
            }
            _ => return Err(Error::Locked),
        }
        self.meeting = false;
        Ok(self.status())
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
}
