//! Files in the data folder on real disks in a temp folder: the daily
//! backups and their rotation, the pre-migration backups, the WAL while the
//! database is open, and the recovery sheet. All people are fictional.

use std::fs;
use std::path::Path;

use buurtpunt_core::requests;
use buurtpunt_core::residents;
use buurtpunt_core::session::{Phase, Session};
use buurtpunt_core::settings;
use buurtpunt_core::store::backup::{BackupFile, BackupInfo, Kind, State};
use buurtpunt_core::store::{Vault, LATEST_VERSION};
use buurtpunt_core::{Error, Result};
use chrono::{Days, NaiveDate, NaiveDateTime};

mod common;

use common::now;
use common::session::*;

/// A name no Buurtpunt text contains: found in a file only if it leaked.
const FIRST: &str = "Wobbeline";
const LAST: &str = "Quaadvliet";
const ASK: &str = "Zonnewijzerpuzzel";

/// Names of the backup files in `dir` that start with `prefix`, sorted.
fn names(dir: &Path, prefix: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(".buurtpunt") {
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
    // 012: the audit log, and the triggers generated at open.
    let generated: Vec<String> = db
        .conn()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audited%'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in generated {
        db.conn().execute_batch(&format!("DROP TRIGGER {name};"))?;
    }
    db.conn().execute_batch(
        "DROP INDEX residents_kept_since;
         DROP INDEX help_requests_open_residents;
         DROP INDEX help_requests_kept_by_resident;
         DROP INDEX checkins_latest;
         DROP TABLE service_at_locations;
         DROP TABLE locations;
         ALTER TABLE organizations DROP COLUMN more_phones;
         ALTER TABLE services DROP COLUMN schedules;
         ALTER TABLE services DROP COLUMN more_contacts;
         ALTER TABLE services DROP COLUMN more_phones;
         ALTER TABLE services DROP COLUMN maximum_age;
         ALTER TABLE services DROP COLUMN minimum_age;
         ALTER TABLE services DROP COLUMN email;
         ALTER TABLE services DROP COLUMN url;
         ALTER TABLE services DROP COLUMN status;
         DROP TABLE privacy_requests;
         ALTER TABLE residents DROP COLUMN erased_on;
         DROP TABLE audit_quiet;
         DROP INDEX help_requests_closed_by_change;
         DROP INDEX residents_not_anonymised;
         ALTER TABLE residents DROP COLUMN anonymised_on;
         ALTER TABLE residents DROP COLUMN age_band;
         ALTER TABLE help_requests DROP COLUMN anonymised_on;
         DROP VIEW audit_entry;
         DROP TABLE audit_actor;
         DROP TABLE audit_start;
         DROP TABLE audit_log;
         DROP TABLE results_months;
         DROP TRIGGER results_months_request_in;
         DROP TRIGGER results_months_request_changed;
         DROP TRIGGER results_months_request_gone;
         DROP TRIGGER results_months_log_in;
         DROP TRIGGER results_months_log_changed;
         DROP TRIGGER results_months_log_gone;
         DROP TRIGGER results_months_match_in;
         DROP TRIGGER results_months_match_changed;
         DROP TRIGGER results_months_match_gone;
         DROP TRIGGER results_months_kern_changed;
         DROP TRIGGER results_months_hours_in;
         DROP TRIGGER results_months_hours_changed;
         DROP TRIGGER results_months_hours_gone;
         DROP TRIGGER results_months_status_in;
         DROP TRIGGER results_months_status_changed;
         DROP TRIGGER results_months_status_gone;
         DROP TABLE privacy_exports;
         DROP TABLE data_breaches;
         DROP TABLE full_exports;
         DROP TABLE report_exports;
         DROP TABLE report_texts;
         DROP TABLE agenda_items;
         DROP INDEX contact_log_closing;
         DROP TABLE signals;
         DROP TABLE signal_concerns;
         DROP TABLE drafts;
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

/// Ten in the morning, `n` days after 1 January 2026.
fn day(n: u64) -> Result<NaiveDateTime> {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n)))
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .ok_or_else(|| Error::Migration(format!("day {n}")))
}

/// The made-at days of the daily backups, oldest first, as day numbers.
fn kept_days(list: &[BackupInfo]) -> Result<Vec<i64>> {
    let start = day(0)?.date();
    let mut out: Vec<i64> = list
        .iter()
        .filter(|b| b.kind == Kind::Daily)
        .map(|b| {
            NaiveDate::parse_from_str(&b.made_at[..10], "%Y-%m-%d")
                .map(|d| (d - start).num_days())
                .map_err(|e| Error::Migration(e.to_string()))
        })
        .collect::<Result<_>>()?;
    out.sort();
    Ok(out)
}

#[test]
fn a_half_year_of_daily_backups_keeps_days_weeks_and_months() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    residents::create(s.db()?, resident(FIRST, LAST), false, day(0)?)?;
    // One unlock a day for 200 days: every unlock makes the day's backup.
    for n in 0..200 {
        s.lock()?;
        s.unlock(PASS, day(n)?)?;
        assert_eq!(s.settle().phase, Phase::Unlocked);
    }
    // A second unlock on the same day makes no second backup.
    s.lock()?;
    s.unlock(PASS, day(199)?)?;
    s.settle();
    let list = s.backups()?;
    let days = kept_days(&list)?;
    // The last 7 days, the newest of the last 4 weeks, of the last 6 months.
    for n in 193..200 {
        assert!(days.contains(&n), "day {n} is kept: {days:?}");
    }
    assert!(days.len() <= 7 + 4 + 6, "{days:?}");
    assert!(
        days.iter().any(|d| (175..190).contains(d)),
        "a weekly one: {days:?}"
    );
    assert!(
        days.iter().any(|d| *d < 60),
        "a monthly one of months ago: {days:?}"
    );
    // Every kept backup is good and says what it holds; the oldest opens.
    for b in &list {
        assert_eq!(b.state, State::Good, "{b:?}");
        assert_eq!((b.residents, b.requests), (Some(1), Some(0)));
    }
    let oldest = list
        .last()
        .ok_or_else(|| Error::Migration("no backups".into()))?;
    assert_eq!(
        s.restore(Path::new(&oldest.path), day(200)?)?.phase,
        Phase::Unlocked
    );
    assert_eq!(
        residents::list(s.db()?.conn(), &Default::default())?.total,
        1
    );
    Ok(())
}

#[test]
fn weeks_of_an_emptied_help_point_never_push_out_the_last_good_backup() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    for i in 0..3 {
        residents::create(
            s.db()?,
            resident(FIRST, &format!("{LAST} {i}")),
            false,
            day(0)?,
        )?;
    }
    // A month of good days.
    for n in 0..30 {
        s.lock()?;
        s.unlock(PASS, day(n)?)?;
        s.settle();
    }
    // Then the help point is emptied (all people taken out: a mistake) and
    // used for 90 more days with a policy of only 3 days and nothing more.
    s.db()?.conn().execute_batch("DELETE FROM residents;")?;
    let few = settings::Settings {
        backup_days: 3,
        backup_weeks: 0,
        backup_months: 0,
        ..settings::get(s.db()?.conn())?
    };
    settings::update(s.db()?, &few)?;
    for n in 30..120 {
        s.lock()?;
        s.unlock(PASS, day(n)?)?;
        s.settle();
    }
    let list = s.backups()?;
    // The good backup of day 29 is still there, and the app asks about it.
    let good: Vec<&BackupInfo> = list.iter().filter(|b| b.state == State::Good).collect();
    assert!(
        !good.is_empty(),
        "the last good backup was pruned: {list:?}"
    );
    let day_29 = day(29)?.format("%Y-%m-%d").to_string();
    assert!(
        good.iter().any(|b| b.made_at.starts_with(&day_29)),
        "{good:?}"
    );
    let status = s.status();
    let less = status
        .less_data
        .ok_or_else(|| Error::Migration("no question".into()))?;
    assert_eq!(less.backup.residents, Some(3));
    assert_eq!((less.residents_now, less.requests_now), (0, 0));
    assert!(list.iter().any(|b| b.more_than_now));
    // Empty backups never fill the kept days: one empty (the newest) at most
    // beyond the three days of the policy.
    let empty = list.iter().filter(|b| b.state == State::Empty).count();
    assert!(empty <= 3, "{list:?}");

    // Once the user says the drop was meant, the app stops asking (the
    // good history stays: empty days never push it out).
    s.accept_less_data(day(120)?)?;
    assert!(s.status().less_data.is_none());
    s.lock()?;
    s.unlock(PASS, day(121)?)?;
    assert!(s.settle().less_data.is_none());
    assert!(s.backups()?.iter().any(|b| b.state == State::Good));
    Ok(())
}

#[test]
fn a_damaged_backup_file_is_listed_as_unreadable_and_never_deleted() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    residents::create(s.db()?, resident(FIRST, LAST), false, day(0)?)?;
    s.lock()?;
    s.unlock(PASS, day(0)?)?;
    s.settle();
    let first = dir
        .path()
        .join("backups")
        .join("dagelijks-2026-01-01.buurtpunt");
    // Cut the file in half, as a copy that stopped half-way.
    let bytes = fs::read(&first)?;
    fs::write(&first, &bytes[..bytes.len() / 2])?;
    for n in 1..40 {
        s.lock()?;
        s.unlock(PASS, day(n)?)?;
        s.settle();
    }
    let list = s.backups()?;
    let cut = list
        .iter()
        .find(|b| b.file_name == "dagelijks-2026-01-01.buurtpunt")
        .ok_or_else(|| Error::Migration("the cut-off backup was deleted".into()))?;
    assert_eq!(cut.state, State::Unreadable);
    assert_eq!(cut.residents, None);
    let err = s.restore(Path::new(&cut.path), day(40)?).err();
    assert_eq!(
        err.as_ref().map(|e| e.code().as_str()),
        Some("bad_backup"),
        "{err:?}"
    );
    // Nothing changed: the help point is open as before.
    assert_eq!(s.status().phase, Phase::Unlocked);
    assert_eq!(
        residents::list(s.db()?.conn(), &Default::default())?.total,
        1
    );
    Ok(())
}

#[test]
fn a_database_from_an_older_version_is_backed_up_before_the_migration() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let vault = Vault::new(dir.path());
    let created = vault.create(PASS, FAST)?;
    let key = created.key;
    let mut db = created.db;
    let key_file = created.key_file;
    let r = residents::create(&mut db, resident(FIRST, LAST), false, now())?;
    downgrade_to_v4(&db)?;
    vault.close(db)?;

    let db = vault.open(&key, &key_file, now())?.db;
    let version: i64 = db
        .conn()
        .query_row("PRAGMA user_version", [], |row| row.get(0))?;
    assert_eq!(version, LATEST_VERSION, "the open migrated the file");
    assert_eq!(residents::get(db.conn(), r.id)?.last_name, LAST);
    let backups = vault.backup_dir();
    let before = names(&backups, "voor-update-")?;
    assert_eq!(
        before,
        vec!["voor-update-v4-2026-11-22-100000.buurtpunt".to_owned()]
    );
    let saved = backups.join(&before[0]);
    let facts = BackupFile::open(&saved)?.facts(&key)?;
    assert_eq!((facts.kind, facts.schema_version), (Kind::BeforeUpdate, 4));
    let bytes = fs::read(&saved)?;
    assert!(!contains(&bytes, LAST), "the backup is encrypted");
    assert!(!contains(&bytes, "SQLite format 3"));

    // An open at the latest version makes no new pre-migration backup.
    vault.close(db)?;
    let db = vault.open(&key, &key_file, now())?.db;
    assert_eq!(names(&backups, "voor-update-")?, before);
    vault.close(db)?;

    // The backup holds the old file: opened on its own, it is migrated
    // again from version 4 (its own pre-migration backup says so).
    let copy_dir = tempfile::tempdir()?;
    let copy = Vault::new(copy_dir.path());
    BackupFile::open(&saved)?.stage(&key, &copy.db_path())?;
    let old = copy.open(&key, &key_file, now())?.db;
    assert_eq!(residents::get(old.conn(), r.id)?.first_name, FIRST);
    assert_eq!(
        names(&copy.backup_dir(), "voor-update-")?,
        vec!["voor-update-v4-2026-11-22-100000.buurtpunt".to_owned()]
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
    let exported = dir.path().join("eigen-backup.buurtpunt");
    s.export_backup(&exported, now())?;
    // Unlocking makes the daily backup (in the background).
    s.lock()?;
    s.unlock(PASS, now())?;
    s.settle();
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
        "eigen-backup.buurtpunt",
        "dagelijks-2026-11-22.buurtpunt",
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
    s.export_backup(&out.join("mijn-backup.buurtpunt"), now())?;
    assert_eq!(names_all(&out)?, vec!["mijn-backup.buurtpunt".to_owned()]);
    // The same after a restore: the chosen backup gets no side files.
    let status = s.restore(&out.join("mijn-backup.buurtpunt"), now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    assert_eq!(names_all(&out)?, vec!["mijn-backup.buurtpunt".to_owned()]);
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
