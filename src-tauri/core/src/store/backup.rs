//! Encrypted backups with SQLite's online backup API. A backup is a SQLCipher
//! file under the same database key, so the same passphrase opens it.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::keys::DbKey;
use super::{open_checked, Db};
use crate::{Error, Result};

/// How many daily backups are kept.
pub const KEEP_DAILY: usize = 7;
/// How many pre-migration backups are kept.
pub const KEEP_MIGRATION: usize = 3;

/// A backup in the data folder, for the restore list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    /// `dagelijks` or `voor-update`.
    pub kind: String,
    pub made_at: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Copy the open database to `dest` (encrypted with the same key), atomically.
pub fn write_to(src: &Connection, dest: &Path, key: &DbKey) -> Result<()> {
    let tmp = dest.with_extension("maken");
    if tmp.exists() {
        fs::remove_file(&tmp)?;
    }
    {
        let mut dst = Connection::open(&tmp)?;
        dst.execute_batch(&format!(
            "PRAGMA key = {};",
            key.sqlcipher_literal().as_str()
        ))?;
        {
            let backup = Backup::new(src, &mut dst)?;
            backup.run_to_completion(256, Duration::ZERO, None)?;
        }
        // A backup is one self-contained file: out of WAL mode, so that
        // opening it (to verify or list it) leaves no -wal or -shm beside it.
        let mode: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(Error::BadBackup(format!("journal_mode stayed {mode}")));
        }
    }
    fs::File::open(&tmp)?.sync_all()?;
    fs::rename(&tmp, dest)?;
    Ok(())
}

/// The user's "Back-up maken": to a path they chose.
pub fn export(db: &Db, dest: &Path, key: &DbKey) -> Result<()> {
    write_to(db.conn(), dest, key)?;
    verify(dest, key)
}

/// At most one backup a day, keeping the last [`KEEP_DAILY`].
pub fn daily(db: &Db, dir: &Path, key: &DbKey, today: NaiveDate) -> Result<Option<PathBuf>> {
    fs::create_dir_all(dir)?;
    let path = dir.join(format!("dagelijks-{}.db", today.format("%Y-%m-%d")));
    if path.exists() {
        return Ok(None);
    }
    write_to(db.conn(), &path, key)?;
    prune(dir, "dagelijks-", KEEP_DAILY)?;
    Ok(Some(path))
}

/// Before a migration changes the schema, keep the old file.
pub(crate) fn before_migration(
    conn: &Connection,
    dir: &Path,
    key: &DbKey,
    version: i64,
    now: NaiveDateTime,
) -> Result<()> {
    fs::create_dir_all(dir)?;
    let name = format!(
        "voor-update-v{version}-{}.db",
        now.format("%Y-%m-%d-%H%M%S")
    );
    write_to(conn, &dir.join(name), key)?;
    prune(dir, "voor-update-", KEEP_MIGRATION)
}

/// Names sort by date, so the newest are last.
fn prune(dir: &Path, prefix: &str, keep: usize) -> Result<()> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(".db") {
            names.push(name);
        }
    }
    names.sort();
    let excess = names.len().saturating_sub(keep);
    for name in &names[..excess] {
        fs::remove_file(dir.join(name))?;
    }
    Ok(())
}

/// Prove a file is a sound Buurtpunt database under this key.
pub fn verify(path: &Path, key: &DbKey) -> Result<()> {
    let opened = open_checked(
        path,
        key,
        OpenFlags::SQLITE_OPEN_READ_ONLY,
        super::Check::Full,
    )
    .map_err(|e| match e {
        Error::Damaged(why) => Error::BadBackup(why),
        other => other,
    })?;
    let check: String = opened
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(Error::BadBackup(check));
    }
    let has_schema: i64 = opened.conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name = 'help_requests'",
        [],
        |r| r.get(0),
    )?;
    if has_schema == 0 {
        return Err(Error::BadBackup("no Buurtpunt tables".into()));
    }
    Ok(())
}

/// The backups in the data folder, newest first.
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let mut out = Vec::new();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".db") else {
            continue;
        };
        let (kind, stamp) = if let Some(s) = stem.strip_prefix("dagelijks-") {
            ("dagelijks", s.to_owned())
        } else if let Some(s) = stem.strip_prefix("voor-update-") {
            (
                "voor-update",
                s.split_once('-')
                    .map(|(_, d)| d.to_owned())
                    .unwrap_or_else(|| s.to_owned()),
            )
        } else {
            continue;
        };
        out.push(BackupInfo {
            path: entry.path().to_string_lossy().into_owned(),
            file_name: name.clone(),
            kind: kind.to_owned(),
            made_at: stamp,
            bytes: entry.metadata()?.len(),
        });
    }
    out.sort_by(|a, b| {
        b.made_at
            .cmp(&a.made_at)
            .then_with(|| b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}
