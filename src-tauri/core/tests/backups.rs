//! Files in the data folder on real disks in a temp folder: the daily and
//! pre-migration backups, the WAL while the database is open, and the
//! recovery sheet. All people are fictional.

use std::fs;
use std::path::Path;

use buurtpunt_core::requests;
use buurtpunt_core::residents;
use buurtpunt_core::session::{Phase, Session};
use buurtpunt_core::store::backup::{self, KEEP_DAILY};
use buurtpunt_core::store::{Vault, LATEST_VERSION};
use buurtpunt_core::{Error, Result};
use chrono::{Days, NaiveDate};

mod common;

use common::now;
use common::session::*;

/// A name no Buurtpunt text contains: found in a file only if it leaked.
const FIRST: &str = "Wobbeline";
const LAST: &str = "Quaadvliet";
const ASK: &str = "Zonnewijzerpuzzel";

/// Names of the database files (`.db`) in `dir` that start with `prefix`, sorted.
fn names(dir: &Path, prefix: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(".db") {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

fn contains(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Take the schema back to version 4: undo migrations 005-007 by hand, as if the
/// file was written by the Buurtpunt before that migration landed.
fn downgrade_to_v4(db: &buurtpunt_core::Db) -> Result<()> {
    db.conn().execute_batch(
        "DROP TABLE drafts;
         ALTER TABLE volunteers DROP COLUMN kern;
         DROP TABLE exports;
         DROP TABLE referrals;
         DROP TABLE consents;
         DROP TABLE contact_persons;
         DROP TABLE reminders;
         DROP TABLE agreements;
         ALTER TABLE help_requests DROP COLUMN goal_short;
         ALTER TABLE help_requests DROP COLUMN goal_long;
         ALTER TABLE help_requests DROP COLUMN outcome;
         ALTER TABLE help_requests DROP COLUMN close_kind;
         ALTER TABLE help_requests DROP COLUMN flags;
         PRAGMA user_version = 4;",
    )?;
    Ok(())
}

#[test]
fn daily_backups_keep_only_the_last_seven_days() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let vault = Vault::new(dir.path());
    let created = vault.create(PASS, FAST)?;
    let backups = vault.backup_dir();
    // A pre-migration backup is not a daily one: daily pruning leaves it alone.
    fs::create_dir_all(&backups)?;
    fs::write(backups.join("voor-update-v4-2026-01-01-090000.db"), b"oud")?;
    let first = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
    let days: Vec<NaiveDate> = (0..10u64).map(|i| first + Days::new(i)).collect();
    assert!(days.len() > KEEP_DAILY);
    for day in &days {
        let made = backup::daily(&created.db, &backups, &created.key, *day)?;
        assert!(made.is_some(), "the first backup of {day} is made");
        // A second call on the same day makes nothing.
        assert_eq!(
            backup::daily(&created.db, &backups, &created.key, *day)?,
            None
        );
    }
    let kept = names(&backups, "dagelijks-")?;
    let expected: Vec<String> = days[days.len() - KEEP_DAILY..]
        .iter()
        .map(|d| format!("dagelijks-{}.db", d.format("%Y-%m-%d")))
        .collect();
    assert_eq!(kept, expected);
    assert_eq!(names(&backups, "voor-update-")?.len(), 1);
    // Every kept file is a sound backup; the list shows the newest first.
    for name in &kept {
        backup::verify(&backups.join(name), &created.key)?;
    }
    let listed = backup::list(&backups)?;
    assert_eq!(listed.len(), KEEP_DAILY + 1);
    assert_eq!(listed[0].file_name, "dagelijks-2026-11-10.db");
    assert_eq!(listed[0].kind, "dagelijks");
    Ok(())
}

#[test]
fn a_database_from_an_older_version_is_backed_up_before_the_migration() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let vault = Vault::new(dir.path());
    let created = vault.create(PASS, FAST)?;
    let key = created.key;
    let mut db = created.db;
    let r = residents::create(&mut db, resident(FIRST, LAST), false, now())?;
    downgrade_to_v4(&db)?;
    vault.close(db)?;

    let db = vault.open(&key, now())?.db;
    let version: i64 = db
        .conn()
        .query_row("PRAGMA user_version", [], |row| row.get(0))?;
    assert_eq!(version, LATEST_VERSION, "the open migrated the file");
    assert_eq!(residents::get(db.conn(), r.id)?.last_name, LAST);
    let backups = vault.backup_dir();
    let before = names(&backups, "voor-update-")?;
    assert_eq!(
        before,
        vec!["voor-update-v4-2026-11-22-100000.db".to_owned()]
    );
    let saved = backups.join(&before[0]);
    backup::verify(&saved, &key)?;
    let bytes = fs::read(&saved)?;
    assert!(!contains(&bytes, LAST), "the backup is encrypted");
    assert!(!contains(&bytes, "SQLite format 3"));

    // An open at the latest version makes no new pre-migration backup.
    vault.close(db)?;
    let db = vault.open(&key, now())?.db;
    assert_eq!(names(&backups, "voor-update-")?, before);
    vault.close(db)?;

    // The backup holds the old file: opened on its own, it is migrated
    // again from version 4 (its own pre-migration backup says so).
    let copy_dir = tempfile::tempdir()?;
    fs::copy(&saved, copy_dir.path().join("buurtpunt.db"))?;
    let copy = Vault::new(copy_dir.path());
    let old = copy.open(&key, now())?.db;
    assert_eq!(residents::get(old.conn(), r.id)?.first_name, FIRST);
    assert_eq!(
        names(&copy.backup_dir(), "voor-update-")?,
        vec!["voor-update-v4-2026-11-22-100000.db".to_owned()]
    );
    copy.close(old)?;
    Ok(())
}

#[test]
fn backups_and_the_wal_hold_no_plaintext_of_a_stored_name() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    let r = residents::create(s.db()?, resident(FIRST, LAST), false, now())?;
    requests::create(s.db()?, phone_request(r.id, ASK), now())?;
    let exported = dir.path().join("eigen-backup.db");
    s.export_backup(&exported)?;
    // Unlocking makes the daily backup.
    s.lock()?;
    s.unlock(PASS, now())?;
    // Writes while the database is open go to the WAL first.
    let mut renamed = resident(FIRST, &format!("{LAST}-Omlo"));
    renamed.notes = format!("{ASK} nog eens nagevraagd");
    residents::update(s.db()?, r.id, renamed, now())?;
    requests::create(
        s.db()?,
        phone_request(r.id, &format!("{ASK} deel twee")),
        now(),
    )?;

    let wal = fs::read(dir.path().join("buurtpunt.db-wal"))?;
    assert!(!wal.is_empty(), "the writes are in the WAL");
    let backups = dir.path().join("backups");
    assert_eq!(
        names(&backups, "dagelijks-")?.len(),
        1,
        "the unlock made a daily backup"
    );
    // Every file in the data folder and the backups folder, side files too.
    let mut files = Vec::new();
    for folder in [dir.path(), backups.as_path()] {
        for entry in fs::read_dir(folder)? {
            let path = entry?.path();
            if path.is_file() {
                files.push((path.display().to_string(), fs::read(&path)?));
            }
        }
    }
    for expected in [
        "buurtpunt.db-wal",
        "eigen-backup.db",
        "dagelijks-2026-11-22.db",
    ] {
        assert!(
            files.iter().any(|(name, _)| name.ends_with(expected)),
            "{expected} is checked"
        );
    }
    for (name, bytes) in &files {
        for needle in [FIRST, LAST, ASK, "SQLite format 3", "help_requests"] {
            assert!(!contains(bytes, needle), "{name} contains {needle}");
        }
    }
    Ok(())
}

#[test]
fn the_saved_recovery_sheet_holds_the_recovery_key() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = Session::new(dir.path(), FAST);
    let recovery = s.create(PASS)?;
    let sheet = dir.path().join("herstelsleutel.txt");
    s.save_recovery_sheet(&sheet, now())?;
    let text = fs::read_to_string(&sheet)?;
    // The key stands on a line of its own, so it can be copied or typed over.
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| *l == recovery)
        .ok_or_else(|| Error::Migration(format!("no recovery key in:\n{text}")))?;
    assert!(text.contains("22-11-2026 10:00"), "the sheet is dated");
    assert!(!text.contains(PASS), "the passphrase is not on the sheet");
    assert!(!dir.path().join("herstelsleutel.tmp").exists());

    // Once the user confirmed it is stored, the key is forgotten.
    s.confirm_recovery_saved();
    assert!(matches!(
        s.save_recovery_sheet(&dir.path().join("nog-een.txt"), now()),
        Err(Error::Locked)
    ));
    // The key as read from the sheet opens the help point.
    s.lock()?;
    let status = s.recover(line, "een nieuw wachtwoord", now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    Ok(())
}

#[test]
fn an_exported_backup_leaves_only_the_chosen_file() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    let out = dir.path().join("usb-stick");
    fs::create_dir_all(&out)?;
    s.export_backup(&out.join("mijn-backup.db"))?;
    assert_eq!(names_all(&out)?, vec!["mijn-backup.db".to_owned()]);
    // The same after a restore: the chosen backup gets no side files.
    let status = s.restore(&out.join("mijn-backup.db"), now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    assert_eq!(names_all(&out)?, vec!["mijn-backup.db".to_owned()]);
    Ok(())
}

/// Every file name in `dir`, sorted.
fn names_all(dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        out.push(entry?.file_name().to_string_lossy().into_owned());
    }
    out.sort();
    Ok(out)
}
