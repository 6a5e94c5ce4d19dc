//! Putting a backup back: in place of a damaged database (same key), or into
//! a folder without a usable key file — a new computer, or a lost
//! `sleutel.json` — from one backup file and the passphrase or recovery key.

use std::fs;
use std::path::Path;

use chrono::NaiveDateTime;

use super::backup::BackupFile;
use super::files::{remove_if_present, sync_dir};
use super::keys::{check_passphrase, DbKey, KdfParams, KeyFile};
use super::vault::{Vault, DB_FILE};
use super::Counts;
use crate::store::time::file_stamp;
use crate::{Error, Result};

/// What opens a backup on a computer that has no key for it.
#[derive(Debug, Clone, Copy)]
pub enum Secret<'a> {
    /// The passphrase as it was when the backup was made.
    Passphrase(&'a str),
    /// The printed recovery key, and the new passphrase to use from now on.
    RecoveryKey {
        recovery_key: &'a str,
        new_passphrase: &'a str,
    },
}

impl Vault {
    /// Put a verified backup in place of the current database. The file it
    /// replaces is kept beside the backups (never deleted). The caller must
    /// have closed the database first.
    pub fn restore(&self, from: &Path, key: &DbKey, now: NaiveDateTime) -> Result<Counts> {
        let staged = self.staged_path();
        let counts = BackupFile::open(from)?.stage(key, &staged)?;
        self.swap_in(&staged, now)?;
        Ok(counts)
    }

    /// Restore from one backup file with only a secret: the key comes from
    /// the backup's own copy of the key file (or, for a bare database file,
    /// from the recovery key itself). Writes the key file and the database;
    /// whatever was there is kept aside.
    pub fn restore_with(
        &self,
        from: &Path,
        secret: Secret<'_>,
        kdf: KdfParams,
        now: NaiveDateTime,
    ) -> Result<(DbKey, KeyFile)> {
        let backup = BackupFile::open(from)?;
        let (key, file) = match (secret, backup.key_file()) {
            (Secret::Passphrase(p), Some(file)) => (file.unlock(p)?, file.clone()),
            (Secret::Passphrase(_), None) => return Err(Error::NeedsRecoveryKey),
            (
                Secret::RecoveryKey {
                    recovery_key,
                    new_passphrase,
                },
                found,
            ) => {
                check_passphrase(new_passphrase)?;
                let (key, mut file) = match found {
                    Some(file) => (file.unlock_with_recovery(recovery_key)?, file.clone()),
                    None => {
                        let key = DbKey::from_recovery_key(recovery_key)?;
                        let file = KeyFile::rebuild(&key, recovery_key, kdf)?;
                        (key, file)
                    }
                };
                file.set_passphrase(&key, new_passphrase)?;
                (key, file)
            }
        };
        fs::create_dir_all(self.dir())?;
        let staged = self.staged_path();
        backup.stage(&key, &staged)?;
        self.put_back_key_file(&file, now)?;
        self.swap_in(&staged, now)?;
        Ok((key, file))
    }

    fn staged_path(&self) -> std::path::PathBuf {
        self.dir().join(format!("{DB_FILE}.terugzetten"))
    }

    /// Move the staged, verified file in place of the database.
    fn swap_in(&self, staged: &Path, now: NaiveDateTime) -> Result<()> {
        remove_if_present(&self.mark_path())?;
        let db = self.db_path();
        if db.exists() {
            fs::create_dir_all(self.backup_dir())?;
            let kept = self
                .backup_dir()
                .join(format!("vervangen-{}.db.oud", file_stamp(now)));
            fs::rename(&db, kept)?;
        }
        for side in ["-wal", "-shm"] {
            remove_if_present(&self.dir().join(format!("{DB_FILE}{side}")))?;
        }
        fs::rename(staged, &db)?;
        sync_dir(self.dir())
    }
}
