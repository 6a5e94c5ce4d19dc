//! One backup file, self-contained: a new installation restores from it with
//! the passphrase (as it was when the backup was made) or the recovery key,
//! and nothing else.
//!
//! Layout: the line `BUURTPUNT-BACK-UP 1`, one line of JSON (the header),
//! then the SQLCipher database itself. The header holds a copy of the key
//! file (the database key wrapped under the passphrase and under the
//! recovery key: nothing readable without a secret) and the backup's facts
//! (when, what kind, how many residents and requests, how many bytes
//! follow), sealed with a subkey of the database key. A file without the
//! first line is read as a bare database (a backup of an older Buurtpunt,
//! or a copied `buurtpunt.db`).

use std::fs;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use crate::store::keys::{DbKey, KeyFile, Sealed};
use crate::store::{connect, open_existing, Check, Counts, Opened};
use crate::{Error, Result};

/// The extension of backups Buurtpunt writes.
pub const EXTENSION: &str = "buurtpunt";
const MAGIC: &[u8] = b"BUURTPUNT-BACK-UP 1\n";
/// A header is a few kB; anything longer is not ours.
const MAX_HEADER: u64 = 64 * 1024;
const FACTS_PURPOSE: &[u8; 16] = b"bp-backup-facts1";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "BackupKind")]
pub enum Kind {
    /// The automatic backup of the day.
    #[serde(rename = "dagelijks")]
    Daily,
    /// Before a schema update.
    #[serde(rename = "voor-update")]
    BeforeUpdate,
    /// "Back-up maken", to a file the user chose.
    #[serde(rename = "handmatig")]
    Manual,
}

/// What a backup holds, sealed in its header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Facts {
    pub made_at: NaiveDateTime,
    pub kind: Kind,
    pub schema_version: i64,
    pub counts: Counts,
    /// Bytes of the database after the header: a cut-off copy shows here.
    pub payload_bytes: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    key_file: KeyFile,
    facts: Sealed,
}

/// A backup file as found on disk.
pub struct BackupFile {
    path: PathBuf,
    /// `None`: a bare database without our header.
    header: Option<Header>,
    /// Where the database starts.
    offset: u64,
    len: u64,
}

impl BackupFile {
    /// Read the header (only the header: this is quick for any size).
    pub fn open(path: &Path) -> Result<BackupFile> {
        let mut f = fs::File::open(path)?;
        let len = f.metadata()?.len();
        let mut start = vec![0u8; MAGIC.len()];
        let n = read_up_to(&mut f, &mut start)?;
        if n < MAGIC.len() || start != MAGIC {
            return Ok(BackupFile {
                path: path.to_owned(),
                header: None,
                offset: 0,
                len,
            });
        }
        let mut line = Vec::new();
        BufReader::new((&mut f).take(MAX_HEADER)).read_until(b'\n', &mut line)?;
        if line.last() != Some(&b'\n') {
            return Err(Error::BadBackup("the header is cut off".into()));
        }
        let header: Header =
            serde_json::from_slice(&line).map_err(|e| Error::BadBackup(format!("header: {e}")))?;
        Ok(BackupFile {
            path: path.to_owned(),
            header: Some(header),
            offset: (MAGIC.len() + line.len()) as u64,
            len,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The copy of the key file inside the backup (`None` for a bare database).
    pub fn key_file(&self) -> Option<&KeyFile> {
        self.header.as_ref().map(|h| &h.key_file)
    }

    /// What the backup holds. `BadBackup` when `key` is not its key, or
    /// the file is cut off; a bare database is opened to count.
    pub fn facts(&self, key: &DbKey) -> Result<Facts> {
        let Some(header) = &self.header else {
            return self.bare_facts(key);
        };
        let plain = key
            .open_sealed(FACTS_PURPOSE, &header.facts)?
            .ok_or_else(|| Error::BadBackup("made with another key".into()))?;
        let facts: Facts =
            serde_json::from_slice(&plain).map_err(|e| Error::BadBackup(format!("facts: {e}")))?;
        if self.len != self.offset + facts.payload_bytes {
            return Err(Error::BadBackup(format!(
                "{} bytes instead of {}: the file is cut off or added to",
                self.len - self.offset.min(self.len),
                facts.payload_bytes
            )));
        }
        Ok(facts)
    }

    fn bare_facts(&self, key: &DbKey) -> Result<Facts> {
        let Opened { conn, version } = open_existing(
            &self.path,
            key,
            OpenFlags::SQLITE_OPEN_READ_ONLY,
            Check::Schema,
        )
        .map_err(as_bad_backup)?;
        let made_at = fs::metadata(&self.path)?
            .modified()
            .map(|t| chrono::DateTime::<chrono::Local>::from(t).naive_local())?;
        Ok(Facts {
            made_at,
            kind: Kind::Daily,
            schema_version: version,
            counts: Counts::of(&conn)?,
            payload_bytes: self.len,
        })
    }

    /// Copy the database out of the backup to `dest` (a new file), on disk,
    /// and prove it is a sound Buurtpunt database under `key`: every page is
    /// read (`integrity_check`). The copy is left in rollback-journal mode,
    /// one file with nothing beside it. On failure `dest` is removed.
    pub fn stage(&self, key: &DbKey, dest: &Path) -> Result<Counts> {
        if let Some(h) = &self.header {
            // The key must fit before anything is copied.
            key.open_sealed(FACTS_PURPOSE, &h.facts)?
                .ok_or_else(|| Error::BadBackup("made with another key".into()))?;
        }
        let staged = (|| -> Result<Counts> {
            {
                let mut from = fs::File::open(&self.path)?;
                from.seek(SeekFrom::Start(self.offset))?;
                let mut to = fs::File::create(dest)?;
                std::io::copy(&mut from, &mut to)?;
                to.sync_all()?;
            }
            if self.header.is_some() {
                self.facts(key)?;
            }
            verify(dest, key)
        })();
        if staged.is_err() {
            for p in [dest.to_owned(), side(dest, "-wal"), side(dest, "-shm")] {
                crate::store::files::remove_if_present(&p)?;
            }
        }
        staged
    }
}

/// Prove a database file is a sound Buurtpunt database under `key`, and
/// leave it as one self-contained file (no WAL beside it).
pub fn verify(path: &Path, key: &DbKey) -> Result<Counts> {
    let Opened { conn, .. } =
        open_existing(path, key, OpenFlags::SQLITE_OPEN_READ_WRITE, Check::Full)
            .map_err(as_bad_backup)?;
    let counts = Counts::of(&conn)?;
    leave_wal(&conn)?;
    conn.close().map_err(|(_, e)| Error::Sql(e))?;
    Ok(counts)
}

fn as_bad_backup(e: Error) -> Error {
    match e {
        Error::Damaged(why) => Error::BadBackup(why.to_string()),
        other => other,
    }
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Out of WAL mode: the file is then whole on its own.
fn leave_wal(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(Error::BadBackup(format!("journal_mode stayed {mode}")));
    }
    Ok(())
}

fn read_up_to(f: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Write a backup of the open database `src` to `dest`, atomically: a crash
/// leaves the old file or the whole new one, and a failure leaves nothing
/// half-written. The copy is one consistent snapshot (SQLite's backup API in
/// one step), so it may run on a second connection while the app works.
pub fn write(
    src: &Connection,
    dest: &Path,
    key: &DbKey,
    key_file: &KeyFile,
    kind: Kind,
    now: NaiveDateTime,
) -> Result<Facts> {
    let raw = side(dest, ".maken");
    let tmp = side(dest, ".tmp");
    let result = (|| -> Result<Facts> {
        crate::store::files::remove_if_present(&raw)?;
        let (counts, schema_version) = {
            let mut dst = connect(
                &raw,
                key,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            )?;
            {
                let backup = Backup::new(src, &mut dst)?;
                // All pages in one step: one read transaction, one snapshot,
                // however much the app writes meanwhile.
                while backup.step(-1)? != StepResult::Done {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
            leave_wal(&dst)?;
            let counts = Counts::of(&dst)?;
            let version: i64 = dst.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            dst.close().map_err(|(_, e)| Error::Sql(e))?;
            (counts, version)
        };
        let facts = Facts {
            made_at: now,
            kind,
            schema_version,
            counts,
            payload_bytes: fs::metadata(&raw)?.len(),
        };
        let header = Header {
            key_file: key_file.clone(),
            facts: key.seal(FACTS_PURPOSE, &serde_json::to_vec(&facts)?)?,
        };
        {
            let mut out = fs::File::create(&tmp)?;
            out.write_all(MAGIC)?;
            serde_json::to_writer(&mut out, &header)?;
            out.write_all(b"\n")?;
            std::io::copy(&mut fs::File::open(&raw)?, &mut out)?;
            out.sync_all()?;
        }
        fs::rename(&tmp, dest)?;
        fs::remove_file(&raw)?;
        if let Some(dir) = dest.parent() {
            crate::store::files::sync_dir(dir)?;
        }
        Ok(facts)
    })();
    if result.is_err() {
        for p in [&raw, &tmp] {
            crate::store::files::remove_if_present(p)?;
        }
    }
    result
}
