//! The data folder: `buurtpunt.db` (SQLCipher), `sleutel.json` (the wrapped
//! database key) and `backups/`. Unlocking is two steps — get the key, then
//! open — so that a damaged database still leaves the key in hand for a restore.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::OpenFlags;

use super::backup;
use super::keys::{DbKey, KdfParams, KeyFile};
use super::{open_checked, Check, Db, Opened, LATEST_VERSION};
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

#[derive(Debug, Clone)]
pub struct Vault {
    dir: PathBuf,
}

/// A freshly started help point: the open database and the recovery key to show once.
pub struct Created {
    pub db: Db,
    pub key: DbKey,
    pub recovery_key: String,
}

/// An unlocked database, and why today's automatic backup failed (if it did).
pub struct Unlocked {
    pub db: Db,
    pub backup_problem: Option<String>,
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

    fn mark_path(&self) -> PathBuf {
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

    /// Take the clean-close mark away (it is good for one unlock) and say
    /// whether the file is still exactly as it was left. A missing, unreadable
    /// or stale mark means: check every page.
    fn take_mark(&self) -> Result<bool> {
        let text = match fs::read(self.mark_path()) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e.into()),
        };
        fs::remove_file(self.mark_path())?;
        let Ok(mark) = serde_json::from_slice::<ClosedMark>(&text) else {
            // A mark we cannot read proves nothing: the full check runs.
            return Ok(false);
        };
        Ok(!self.wal_path().exists() && mark == self.stamp()?)
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
            recovery_key: new.recovery_key,
        })
    }

    fn key_file(&self) -> Result<KeyFile> {
        match fs::read_to_string(self.key_path()) {
            Ok(text) => KeyFile::from_json(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if self.db_path().exists() {
                    Err(Error::KeyFileDamaged("sleutel.json is missing".into()))
                } else {
                    Err(Error::NotSetUp)
                }
            }
            Err(e) => Err(Error::KeyFileDamaged(e.to_string())),
        }
    }

    /// Step one of unlocking: the passphrase gives the database key.
    pub fn unlock_key(&self, passphrase: &str) -> Result<DbKey> {
        self.key_file()?.unlock(passphrase)
    }

    /// The recovery key gives the database key, and the passphrase is replaced.
    pub fn recover(&self, recovery_key: &str, new_passphrase: &str) -> Result<DbKey> {
        let mut file = self.key_file()?;
        let key = file.unlock_with_recovery(recovery_key)?;
        file.set_passphrase(&key, new_passphrase)?;
        write_atomic(&self.key_path(), file.to_json()?.as_bytes())?;
        Ok(key)
    }

    /// Replace the passphrase, proving the old one first.
    pub fn change_passphrase(&self, old: &str, new: &str) -> Result<()> {
        let mut file = self.key_file()?;
        let key = file.unlock(old)?;
        file.set_passphrase(&key, new)?;
        write_atomic(&self.key_path(), file.to_json()?.as_bytes())
    }

    /// Step two: open the database. Backs up before a migration and once a day.
    /// A missing, unreadable or unsound file is `Damaged`, never replaced.
    /// A failed daily backup of a sound database does not stop the unlock:
    /// the problem is returned beside the open database, for the UI to show.
    pub fn open(&self, key: &DbKey, now: NaiveDateTime) -> Result<Unlocked> {
        let path = self.db_path();
        if !path.exists() {
            return Err(Error::Damaged(format!("{DB_FILE} is missing")));
        }
        let check = if self.take_mark()? {
            Check::Schema
        } else {
            Check::Full
        };
        let Opened { conn, version } =
            open_checked(&path, key, OpenFlags::SQLITE_OPEN_READ_WRITE, check)?;
        if version < LATEST_VERSION {
            // No migration without a copy of the old file: this one must work.
            backup::before_migration(&conn, &self.backup_dir(), key, version, now)?;
        }
        let db = Db::finish_open(conn)?;
        let backup_problem = self.daily_backup(&db, key, now)?;
        Ok(Unlocked { db, backup_problem })
    }

    /// The daily backup (at most one a day). It reads every page, so a damaged
    /// page shows up here even when the quick open trusted the clean-close
    /// mark: then the result is `Damaged`. When the database is sound but the
    /// backup could not be written (disk full, read-only stick), the reason
    /// is returned as `Some`, and the database stays usable.
    pub fn daily_backup(&self, db: &Db, key: &DbKey, now: NaiveDateTime) -> Result<Option<String>> {
        match backup::daily(db, &self.backup_dir(), key, now.date()) {
            Ok(_) => Ok(None),
            Err(e) => match db.damage() {
                None => Ok(Some(e.to_string())),
                Some(problem) => Err(Error::Damaged(problem)),
            },
        }
    }

    /// Put a verified backup in place of the current database. The file it
    /// replaces is kept beside the backups (never deleted). The caller must
    /// have closed the database first.
    pub fn restore(&self, from: &Path, key: &DbKey, now: NaiveDateTime) -> Result<()> {
        backup::verify(from, key)?;
        if self.mark_path().exists() {
            fs::remove_file(self.mark_path())?;
        }
        let db = self.db_path();
        let staged = self.dir.join("buurtpunt.db.terugzetten");
        fs::copy(from, &staged)?;
        fs::File::open(&staged)?.sync_all()?;
        if db.exists() {
            fs::create_dir_all(self.backup_dir())?;
            let kept = self.backup_dir().join(format!(
                "vervangen-{}.db.oud",
                now.format("%Y-%m-%d-%H%M%S")
            ));
            fs::rename(&db, kept)?;
        }
        for side in ["buurtpunt.db-wal", "buurtpunt.db-shm"] {
            let p = self.dir.join(side);
            if p.exists() {
                fs::remove_file(p)?;
            }
        }
        fs::rename(&staged, &db)?;
        sync_dir(&self.dir)
    }
}

/// Write a file so that a crash leaves either the old or the new content.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    // `<name>.tmp` beside it: never another file's name.
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let written = (|| -> Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        Ok(())
    })();
    if let Err(e) = written {
        // Leave nothing half-written behind.
        return match remove_if_present(&tmp) {
            Ok(()) => Err(e),
            Err(stuck) => Err(Error::Io(std::io::Error::new(
                stuck.kind(),
                format!("{e}; {} stayed behind: {stuck}", tmp.display()),
            ))),
        };
    }
    if let Some(dir) = path.parent() {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Remove a file; one that is not there is fine.
pub fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        done => done,
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<()> {
    Ok(())
}
