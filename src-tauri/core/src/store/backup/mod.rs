//! Encrypted backups: the automatic one of the day with its rotation, one
//! before every schema update, and "Back-up maken" to a chosen file. Every
//! backup is one self-contained file (see [`file`]).

pub mod file;
pub mod rotation;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

pub use file::{BackupFile, Facts, Kind};
pub use rotation::Policy;

use super::keys::{DbKey, KeyFile};
use super::{Counts, Db};
use crate::store::time::{file_stamp, iso, stamp, stored_date};
use crate::{Error, Result};

/// How many pre-migration backups are kept.
pub const KEEP_MIGRATION: usize = 3;
const DAILY: &str = "dagelijks-";
const BEFORE_UPDATE: &str = "voor-update-";

/// The state of a backup in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "BackupState")]
pub enum State {
    /// Readable, with data: a good one to restore.
    Good,
    /// Readable, but the help point was empty when it was made.
    Empty,
    /// Cannot be read (damaged, cut off, or made with another key).
    Unreadable,
}

/// A backup in the data folder, for the restore list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    pub kind: Kind,
    /// `YYYY-MM-DDTHH:MM:SS` (from the backup itself; from the name when it
    /// cannot be read).
    pub made_at: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub state: State,
    #[ts(type = "number | null")]
    pub residents: Option<i64>,
    #[ts(type = "number | null")]
    pub requests: Option<i64>,
    /// The newest backup that holds more (residents or requests) than the
    /// open database: rotation never prunes it without asking.
    pub more_than_now: bool,
}

/// A backup as found, with what rotation needs.
struct Found {
    info: BackupInfo,
    made_at: NaiveDateTime,
    counts: Option<Counts>,
}

/// The name of a daily backup.
fn daily_name(day: NaiveDate) -> String {
    format!("{DAILY}{}.{}", iso(day), file::EXTENSION)
}

/// Whether today's automatic backup exists.
pub fn daily_done(dir: &Path, today: NaiveDate) -> bool {
    dir.join(daily_name(today)).exists()
}

/// Everything rotation needs from the database being backed up.
pub struct Source<'a> {
    pub conn: &'a Connection,
    pub key: &'a DbKey,
    pub key_file: &'a KeyFile,
}

/// What the daily run did.
#[derive(Debug, Clone, Default)]
pub struct DailyOutcome {
    /// The backup made now (`None` when today's existed).
    pub made: Option<PathBuf>,
    /// A backup with more data than now, kept until the user decides.
    pub held: Option<BackupInfo>,
}

/// At most one backup a day, then rotation over all daily backups.
/// `accepted_before`: the user said the data may be less than in backups
/// made before this moment.
pub fn daily(
    src: &Source<'_>,
    dir: &Path,
    policy: Policy,
    accepted_before: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Result<DailyOutcome> {
    fs::create_dir_all(dir)?;
    let path = dir.join(daily_name(now.date()));
    let mut out = DailyOutcome::default();
    let current = if path.exists() {
        Counts::of(src.conn)?
    } else {
        let facts = file::write(src.conn, &path, src.key, src.key_file, Kind::Daily, now)?;
        out.made = Some(path);
        facts.counts
    };
    out.held = rotate(dir, src.key, policy, current, accepted_before)?;
    Ok(out)
}

/// Apply the rotation rules to the daily backups in `dir`; returns the
/// newest one that holds more than now (kept; the app asks about it).
fn rotate(
    dir: &Path,
    key: &DbKey,
    policy: Policy,
    current: Counts,
    accepted_before: Option<NaiveDateTime>,
) -> Result<Option<BackupInfo>> {
    let daily: Vec<Found> = scan(dir, key)?
        .into_iter()
        .filter(|b| b.info.kind == Kind::Daily)
        .collect();
    let candidates: Vec<rotation::Candidate> = daily
        .iter()
        .map(|b| rotation::Candidate {
            made_at: b.made_at,
            counts: b.counts,
        })
        .collect();
    let judged = rotation::judge(&candidates, policy, current, accepted_before);
    let mut held = None;
    for (i, (b, v)) in daily.into_iter().zip(judged.verdicts).enumerate() {
        if v == rotation::Verdict::Prune {
            fs::remove_file(&b.info.path)?;
        } else if judged.more_than_now == Some(i) {
            held = Some(BackupInfo {
                more_than_now: true,
                ..b.info
            });
        }
    }
    Ok(held)
}

/// Before a migration changes the schema, keep the old file.
pub(crate) fn before_migration(
    src: &Source<'_>,
    dir: &Path,
    version: i64,
    now: NaiveDateTime,
) -> Result<()> {
    fs::create_dir_all(dir)?;
    let name = format!(
        "{BEFORE_UPDATE}v{version}-{}.{}",
        file_stamp(now),
        file::EXTENSION
    );
    file::write(
        src.conn,
        &dir.join(name),
        src.key,
        src.key_file,
        Kind::BeforeUpdate,
        now,
    )?;
    let mut names: Vec<String> = backup_names(dir)?
        .into_iter()
        .filter(|n| n.starts_with(BEFORE_UPDATE))
        .collect();
    names.sort();
    let excess = names.len().saturating_sub(KEEP_MIGRATION);
    for name in &names[..excess] {
        fs::remove_file(dir.join(name))?;
    }
    Ok(())
}

/// "Back-up maken": one self-contained file where the user chose.
pub fn export(
    db: &Db,
    dest: &Path,
    key: &DbKey,
    key_file: &KeyFile,
    now: NaiveDateTime,
) -> Result<Facts> {
    let facts = file::write(db.conn(), dest, key, key_file, Kind::Manual, now)?;
    // Read it back: the header opens with the key and the size is whole.
    BackupFile::open(dest)?.facts(key)?;
    Ok(facts)
}

/// Names of the backup files in `dir` (new `.buurtpunt` and older `.db`).
fn backup_names(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with(DAILY) || name.starts_with(BEFORE_UPDATE);
        let ext = name.ends_with(&format!(".{}", file::EXTENSION)) || name.ends_with(".db");
        if ours && ext {
            out.push(name);
        }
    }
    Ok(out)
}

/// The date and time in a backup's name (`None` when it has none).
fn made_at_from_name(name: &str) -> Option<NaiveDateTime> {
    let stem = name.split('.').next().unwrap_or(name);
    let stamp = stem.strip_prefix(DAILY).or_else(|| {
        stem.strip_prefix(BEFORE_UPDATE)
            .and_then(|s| s.split_once('-').map(|(_, d)| d))
    })?;
    let day = stored_date(stamp.get(..10)?)?;
    let time = stamp
        .get(11..17)
        .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H%M%S").ok())
        .unwrap_or(chrono::NaiveTime::MIN);
    Some(day.and_time(time))
}

/// Every backup file in `dir` with what it holds.
fn scan(dir: &Path, key: &DbKey) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    for name in backup_names(dir)? {
        let path = dir.join(&name);
        let bytes = fs::metadata(&path)?.len();
        let kind = if name.starts_with(DAILY) {
            Kind::Daily
        } else {
            Kind::BeforeUpdate
        };
        let facts = match BackupFile::open(&path).and_then(|f| f.facts(key)) {
            Ok(f) => Some(f),
            Err(Error::BadBackup(_)) => None,
            Err(e) => return Err(e),
        };
        let named = made_at_from_name(&name);
        // A bare (older) backup has no time of its own: its name tells.
        let made_at = match (&facts, named) {
            (Some(f), _) if !name.ends_with(".db") => f.made_at,
            (_, Some(t)) => t,
            (Some(f), None) => f.made_at,
            (None, None) => NaiveDateTime::MIN,
        };
        let counts = facts.as_ref().map(|f| f.counts);
        let state = match counts {
            None => State::Unreadable,
            Some(c) if c.is_empty() => State::Empty,
            Some(_) => State::Good,
        };
        out.push(Found {
            info: BackupInfo {
                path: path.to_string_lossy().into_owned(),
                file_name: name,
                kind,
                made_at: stamp(made_at),
                bytes,
                state,
                residents: counts.map(|c| c.residents),
                requests: counts.map(|c| c.requests),
                more_than_now: false,
            },
            made_at,
            counts,
        });
    }
    out.sort_by(|a, b| {
        b.made_at
            .cmp(&a.made_at)
            .then_with(|| b.info.file_name.cmp(&a.info.file_name))
    });
    Ok(out)
}

/// The backups in the data folder, newest first, with what each holds.
/// `current`: the open database's counts, to mark the newest backup that
/// holds more than it.
pub fn list(dir: &Path, key: &DbKey, current: Option<Counts>) -> Result<Vec<BackupInfo>> {
    let mut found = scan(dir, key)?;
    if let Some(current) = current {
        if let Some(b) = found
            .iter_mut()
            .find(|b| b.info.kind == Kind::Daily && b.counts.is_some_and(|c| c.more_than(&current)))
        {
            b.info.more_than_now = true;
        }
    }
    Ok(found.into_iter().map(|b| b.info).collect())
}

/// Remove one backup from the data folder (the user chose to). Only a
/// backup file inside `dir` can be removed this way.
pub fn discard(dir: &Path, file_name: &str) -> Result<()> {
    if !backup_names(dir)?.iter().any(|n| n == file_name) {
        return Err(Error::NotFound {
            what: "backup",
            id: 0,
        });
    }
    fs::remove_file(dir.join(file_name))?;
    Ok(())
}

/// The automatic backups in `dir` by their names only (no key needed): the
/// days of the daily ones (a name that tells no day is left out) and how
/// many were made before an update.
pub fn on_disk(dir: &Path) -> Result<(Vec<NaiveDate>, u32)> {
    let mut days = Vec::new();
    let mut before_update = 0;
    for name in backup_names(dir)? {
        if name.starts_with(DAILY) {
            days.extend(made_at_from_name(&name).map(|t| t.date()));
        } else {
            before_update += 1;
        }
    }
    Ok((days, before_update))
}
