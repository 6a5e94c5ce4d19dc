//! After a crash (no clean-close mark) the unlock is as quick as usual: the
//! full integrity check runs in the background while the user works, and
//! damage it finds leads to the restore screen. After a clean close no full
//! check runs at all.

use std::fs;

use buurtpunt_core::residents;
use buurtpunt_core::session::{Background, Phase, Session};
use buurtpunt_core::vocab::DamageKind;
use buurtpunt_core::Result;

mod common;

use common::now;
use common::session::*;

fn with_residents(dir: &std::path::Path, n: usize) -> Result<Session> {
    let mut s = new_session(dir)?;
    for i in 0..n {
        residents::create(
            s.db()?,
            resident("Jantina", &format!("Bosma {i}")),
            true,
            now(),
        )?;
    }
    Ok(s)
}

#[test]
fn after_a_crash_the_full_check_runs_in_the_background_and_a_clean_close_follows() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mark = dir.path().join("netjes-gesloten.json");
    let s = with_residents(dir.path(), 50)?;
    drop(s); // a crash: no lock, no mark
    assert!(!mark.exists());

    let mut s = Session::new(dir.path(), FAST);
    let status = s.unlock(PASS, now())?;
    assert_eq!(status.phase, Phase::Unlocked, "usable at once");
    assert_eq!(status.background, Some(Background::Check));
    // Work goes on while the check runs.
    residents::create(s.db()?, resident("Roelof", "Mulder"), false, now())?;
    let status = s.settle();
    assert_eq!(status.phase, Phase::Unlocked);
    assert_eq!(status.background, None);
    // Checked: the lock leaves the clean mark, and the next unlock does no
    // full check.
    s.lock()?;
    assert!(mark.exists());
    assert!(!dir.path().join("buurtpunt.db-wal").exists());
    let status = s.unlock(PASS, now())?;
    assert_ne!(status.background, Some(Background::Check));
    assert_eq!(
        residents::list(s.db()?.conn(), &Default::default())?.total,
        51
    );
    Ok(())
}

#[test]
fn damage_found_by_the_background_check_leads_to_the_restore_screen() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = with_residents(dir.path(), 300)?;
    s.lock()?;
    s.unlock(PASS, now())?;
    s.settle(); // today's backup
                // A page of the residents' data, not of the schema (which the quick
                // open reads): where it lies in the file depends on the schema's size.
    let conn = s.db()?.conn();
    let root: i64 = conn.query_row(
        "SELECT rootpage FROM sqlite_master WHERE name = 'residents'",
        [],
        |r| r.get(0),
    )?;
    let page: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get::<_, String>(0))?
        .parse()
        .map_err(|_| buurtpunt_core::Error::NotFound {
            what: "page size",
            id: 0,
        })?;
    s.lock()?;
    // A crash (the mark is gone) and a damaged page in the middle of the file.
    fs::remove_file(dir.path().join("netjes-gesloten.json"))?;
    let db = dir.path().join("buurtpunt.db");
    let mut bytes = fs::read(&db)?;
    let mid = ((root - 1) * page + 1024) as usize;
    for b in &mut bytes[mid..mid + 512] {
        *b ^= 0x5a;
    }
    fs::write(&db, &bytes)?;

    let status = s.unlock(PASS, now())?;
    assert_eq!(
        status.phase,
        Phase::Unlocked,
        "the quick open reads the schema only"
    );
    assert_eq!(status.background, Some(Background::Check));
    let status = s.settle();
    assert_eq!(status.phase, Phase::Damaged, "{status:?}");
    assert_eq!(status.damage_kind, Some(DamageKind::Unsound));
    assert_eq!(fs::read(&db)?, bytes, "the damaged file is kept as it is");
    assert_eq!(
        s.backups()?.len(),
        1,
        "the restore screen offers the backup"
    );
    Ok(())
}

#[test]
fn a_lock_during_the_background_work_closes_cleanly_and_loses_nothing() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let s = with_residents(dir.path(), 200)?;
    drop(s);
    let mut s = Session::new(dir.path(), FAST);
    for round in 0..5 {
        s.unlock(PASS, now())?;
        residents::create(
            s.db()?,
            resident("Klaasje", &format!("Ronde {round}")),
            true,
            now(),
        )?;
        // Locked at once, whether or not the check got to the end.
        assert_eq!(s.lock()?.phase, Phase::Locked);
        assert!(!dir.path().join("buurtpunt.db-wal").exists());
    }
    s.unlock(PASS, now())?;
    assert_eq!(s.settle().phase, Phase::Unlocked);
    assert_eq!(
        residents::list(s.db()?.conn(), &Default::default())?.total,
        205
    );
    assert_eq!(s.db()?.integrity_check()?, "ok");
    Ok(())
}
