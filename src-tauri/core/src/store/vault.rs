//! The data folder: `buurtpunt.db` (SQLCipher), `sleutel.json` (the wrapped
//! database key) and `backups/`. Unlocking is two steps — get the key, then
//! open — so that a damaged database still leaves the key in hand for a restore.
//! Putting a backup back (into this folder or a new one) is in [`super::restore`].

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::OpenFlags;

use super::backup::{self, BackupFile};
use super::files::{remove_if_present, write_atomic};
use super::keys::{DbKey, KdfParams, KeyFile};
use super::{connect, open_existing, Check, Db, Opened, LATEST_VERSION};
use crate::store::time::file_stamp;
use crate::{Error, Result};

pub const DB_FILE: &str = "buurtpunt.db";
pub const KEY_FILE: &str = "sleutel.json";
pub const BACKUP_DIR: &str = "backups";
/// Written at a clean close: the database file's size and time, so the next
/// unlock can skip reading every page when nothing touched the file since.
pub const CLOSED_MARK: &str = "netjes-gesloten.json";

/// What a clean close leaves: the file as Buurtpunt last saw it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct ClosedMark {
    bytes: u64,
    modified_ns: u128,
}

/// What the backups' copies of the key file gave (see `Vault::key_from_backups`).
#[derive(Default)]
struct FromBackups {
    opening: Option<(DbKey, KeyFile)>,
    known: Option<(DbKey, KeyFile)>,
}

#[derive(Debug, Clone)]
pub struct Vault {
    dir: PathBuf,
}

/// A freshly started help point: the open database and the recovery key to show once.
pub struct Created {
    pub db: Db,
    pub key: DbKey,
    pub key_file: KeyFile,
    pub recovery_key: String,
}

/// An opened database.
pub struct Unlocked {
    pub db: Db,
    /// The file was exactly as a clean close left it, so the quick open is
    /// enough. `false` after a crash: the full check should follow (in the
    /// background, see [`super::maintenance`]).
    pub verified: bool,
}

/// What is wrong with the key file, for the unlock screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KeyProblem {
    /// `sleutel.json` is gone while `buurtpunt.db` is there.
    Missing,
    /// `sleutel.json` cannot be read.
    Damaged,
}

impl Vault {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
    pub fn db_path(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }
    pub fn key_path(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }
    pub fn backup_dir(&self) -> PathBuf {
        self.dir.join(BACKUP_DIR)
    }

    pub(crate) fn mark_path(&self) -> PathBuf {
        self.dir.join(CLOSED_MARK)
    }

    fn wal_path(&self) -> PathBuf {
        self.dir.join(format!("{DB_FILE}-wal"))
    }

    fn stamp(&self) -> Result<ClosedMark> {
        let meta = fs::metadata(self.db_path())?;
        let modified = meta
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| Error::Io(std::io::Error::other(e)))?;
        Ok(ClosedMark {
            bytes: meta.len(),
            modified_ns: modified.as_nanos(),
        })
    }

    /// Close the database cleanly and leave the mark for a quick next unlock.
    pub fn close(&self, db: Db) -> Result<()> {
        // Statistics are a help, not data: a full disk must not stop the close.
        if let Err(e) = db.optimize() {
            eprintln!("buurtpunt: planner statistics at close: {e}");
        }
        db.close()?;
        self.mark_closed()
    }

    /// After the database was closed cleanly (no WAL left): note the file as it is.
    fn mark_closed(&self) -> Result<()> {
        if self.wal_path().exists() {
            return Ok(());
        }
        let mark = serde_json::to_vec(&self.stamp()?)?;
        write_atomic(&self.mark_path(), &mark)
    }

    /// Whether the file is still exactly as a clean close left it. A missing,
    /// unreadable or stale mark means: check every page.
    fn mark_matches(&self) -> Result<bool> {
        let text = match fs::read(self.mark_path()) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e.into()),
        };
        let Ok(mark) = serde_json::from_slice::<ClosedMark>(&text) else {
            // A mark we cannot read proves nothing: the full check runs.
            return Ok(false);
        };
        if !self.db_path().exists() || self.wal_path().exists() {
            return Ok(false);
        }
        Ok(mark == self.stamp()?)
    }

    /// True when a help point was ever started here (either file exists).
    pub fn is_set_up(&self) -> bool {
        self.db_path().exists() || self.key_path().exists()
    }

    /// Start a new help point: key file first, then the empty database.
    pub fn create(&self, passphrase: &str, kdf: KdfParams) -> Result<Created> {
        if self.is_set_up() {
            return Err(Error::AlreadySetUp);
        }
        let new = KeyFile::create(passphrase, kdf)?;
        fs::create_dir_all(&self.dir)?;
        write_atomic(&self.key_path(), new.file.to_json()?.as_bytes())?;
        let db = Db::create(&self.db_path(), &new.key)?;
        Ok(Created {
            db,
            key: new.key,
            key_file: new.file,
            recovery_key: new.recovery_key,
        })
    }

    /// The key file, or why it cannot be had.
    pub fn key_file(&self) -> Result<KeyFile> {
        match fs::read_to_string(self.key_path()) {
            Ok(text) => KeyFile::from_json(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if self.db_path().exists() {
                    Err(Error::KeyFileMissing)
                } else {
                    Err(Error::NotSetUp)
                }
            }
            Err(e) => Err(Error::KeyFileDamaged(e.to_string())),
        }
    }

    /// What is wrong with the key file, if anything (for the unlock screen).
    pub fn key_problem(&self) -> Option<KeyProblem> {
        match self.key_file() {
            Err(Error::KeyFileMissing) => Some(KeyProblem::Missing),
            Err(Error::KeyFileDamaged(_)) => Some(KeyProblem::Damaged),
            _ => None,
        }
    }

    /// Step one of unlocking: the passphrase gives the database key (and the
    /// key file it came from). Without a usable key file, the copies inside
    /// the backups are tried: the passphrase of the day a backup was made
    /// opens it, and the key file comes back from there.
    pub fn unlock_key(&self, passphrase: &str, now: NaiveDateTime) -> Result<(DbKey, KeyFile)> {
        match self.key_file() {
            Ok(file) => Ok((file.unlock(passphrase)?, file)),
            Err(problem @ (Error::KeyFileMissing | Error::KeyFileDamaged(_))) => {
                let found = self.key_from_backups(|file| match file.unlock(passphrase) {
                    Ok(key) => Ok(Some(key)),
                    Err(Error::WrongPassphrase) => Ok(None),
                    Err(e) => Err(e),
                })?;
                let Some((key, file)) = found.opening else {
                    return Err(problem);
                };
                self.put_back_key_file(&file, now)?;
                Ok((key, file))
            }
            Err(e) => Err(e),
        }
    }

    /// One pass over the backups (newest first): the first key that
    /// `try_key` gets from a backup's key file and that opens this folder's
    /// database, and the first key `try_key` gets at all (it proves the
    /// secret right even when the database itself no longer opens).
    fn key_from_backups(
        &self,
        mut try_key: impl FnMut(&KeyFile) -> Result<Option<DbKey>>,
    ) -> Result<FromBackups> {
        let mut found = FromBackups::default();
        for path in self.backup_paths()? {
            let Ok(backup) = BackupFile::open(&path) else {
                continue;
            };
            let Some(file) = backup.key_file() else {
                continue;
            };
            if let Some(key) = try_key(file)? {
                if self.opens_database(&key) {
                    found.opening = Some((key, file.clone()));
                    break;
                }
                found.known.get_or_insert((key, file.clone()));
            }
        }
        Ok(found)
    }

    /// The backup files in this folder, newest first by name.
    fn backup_paths(&self) -> Result<Vec<PathBuf>> {
        let mut paths: Vec<PathBuf> = match fs::read_dir(self.backup_dir()) {
            Ok(entries) => entries
                .map(|e| e.map(|e| e.path()))
                .collect::<std::io::Result<_>>()?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        paths.retain(|p| p.extension().is_some_and(|x| x == backup::file::EXTENSION));
        paths.sort();
        paths.reverse();
        Ok(paths)
    }

    /// Whether `key` reads this folder's database (its schema; nothing is written).
    fn opens_database(&self, key: &DbKey) -> bool {
        open_existing(
            &self.db_path(),
            key,
            OpenFlags::SQLITE_OPEN_READ_WRITE,
            Check::Schema,
        )
        .is_ok()
    }

    /// Write a key file where the missing or damaged one was; a damaged one
    /// is kept aside, never overwritten.
    pub(crate) fn put_back_key_file(&self, file: &KeyFile, now: NaiveDateTime) -> Result<()> {
        if self.key_path().exists() {
            fs::create_dir_all(self.backup_dir())?;
            let aside = self
                .backup_dir()
                .join(format!("vervangen-sleutel-{}.json.oud", file_stamp(now)));
            fs::rename(self.key_path(), aside)?;
        }
        fs::create_dir_all(&self.dir)?;
        write_atomic(&self.key_path(), file.to_json()?.as_bytes())
    }

    /// The recovery key gives the database key, and the passphrase is
    /// replaced. This also works when the key file is gone or damaged: the
    /// database key follows from the recovery key (help points started with
    /// key file version 2), or comes from a backup's copy of the key file.
    pub fn recover(
        &self,
        recovery_key: &str,
        new_passphrase: &str,
        kdf: KdfParams,
        now: NaiveDateTime,
    ) -> Result<(DbKey, KeyFile)> {
        super::keys::check_passphrase(new_passphrase)?;
        let (key, mut file, usable) = match self.key_file() {
            Ok(file) => (file.unlock_with_recovery(recovery_key)?, file, true),
            Err(Error::KeyFileMissing | Error::KeyFileDamaged(_)) => {
                let (key, file) = self.key_without_key_file(recovery_key, kdf)?;
                (key, file, false)
            }
            Err(e) => return Err(e),
        };
        file.set_passphrase(&key, new_passphrase)?;
        if usable {
            // The key file was fine: only the passphrase changes.
            write_atomic(&self.key_path(), file.to_json()?.as_bytes())?;
        } else {
            self.put_back_key_file(&file, now)?;
        }
        Ok((key, file))
    }

    fn key_without_key_file(&self, recovery_key: &str, kdf: KdfParams) -> Result<(DbKey, KeyFile)> {
        let derived = DbKey::from_recovery_key(recovery_key)?;
        if self.opens_database(&derived) {
            let file = KeyFile::rebuild(&derived, recovery_key, kdf)?;
            return Ok((derived, file));
        }
        let found =
            self.key_from_backups(|file| match file.unlock_with_recovery(recovery_key) {
                Ok(key) => Ok(Some(key)),
                Err(Error::WrongRecoveryKey) => Ok(None),
                Err(e) => Err(e),
            })?;
        // When no key opens the database but a backup's key file knows this
        // recovery key, the key is right and the database is damaged: the
        // restore screen follows.
        found.opening.or(found.known).ok_or(Error::WrongRecoveryKey)
    }

    /// Replace the passphrase, proving the old one first. Returns the new key file.
    pub fn change_passphrase(&self, old: &str, new: &str) -> Result<KeyFile> {
        let mut file = self.key_file()?;
        let key = file.unlock(old)?;
        file.set_passphrase(&key, new)?;
        write_atomic(&self.key_path(), file.to_json()?.as_bytes())?;
        Ok(file)
    }

    /// Step two: open the database, quickly: the file must be a Buurtpunt
    /// database (a missing, empty, cut-off, unreadable or foreign file is
    /// `Damaged`, and nothing is written). Backs up before a migration. The
    /// full check (after a crash) and the daily backup follow in the
    /// background ([`super::maintenance`]).
    pub fn open(&self, key: &DbKey, key_file: &KeyFile, now: NaiveDateTime) -> Result<Unlocked> {
        let verified = self.mark_matches()?;
        let Opened { conn, version } = open_existing(
            &self.db_path(),
            key,
            OpenFlags::SQLITE_OPEN_READ_WRITE,
            Check::Schema,
        )?;
        // The mark is good for one unlock only.
        remove_if_present(&self.mark_path())?;
        if version < LATEST_VERSION {
            // No migration without a copy of the old file: this one must work.
            let src = backup::Source {
                conn: &conn,
                key,
                key_file,
            };
            backup::before_migration(&src, &self.backup_dir(), version, now)?;
        }
        let db = Db::finish_open(conn)?;
        Ok(Unlocked { db, verified })
    }

    /// A second, read-only connection to the open database (for the
    /// background check and backup).
    pub(crate) fn reader(&self, key: &DbKey) -> Result<rusqlite::Connection> {
        let conn = connect(&self.db_path(), key, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        // The check's sorting stays in memory: a full disk must not look like damage.
        conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
        Ok(conn)
    }
}
