//! A database file that exists but is not a Buurtpunt database — emptied,
//! cut off, another program's file, random bytes, or a schema version of 0 —
//! is damage: the unlock leads to the restore screen, nothing in the data
//! folder is written or replaced, and a backup brings the data back. Only
//! "Nieuw buurtpunt starten" ever makes a new schema.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use buurtpunt_core::residents;
use buurtpunt_core::session::{Phase, Session};
use buurtpunt_core::vocab::DamageKind;
use buurtpunt_core::{Error, Result};

mod common;

use common::now;
use common::session::*;

/// Every file under `dir` with its bytes (the whole data folder, backups too).
fn snapshot(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .map_err(|e| Error::Migration(e.to_string()))?;
                out.insert(name.display().to_string(), fs::read(&path)?);
            }
        }
    }
    Ok(out)
}

/// A locked help point with one resident and today's backup.
fn help_point_with_a_backup(dir: &Path) -> Result<Session> {
    let mut s = new_session(dir)?;
    residents::create(s.db()?, resident("Geertruida", "Veldkamp"), false, now())?;
    s.lock()?;
    s.unlock(PASS, now())?;
    assert_eq!(s.settle().phase, Phase::Unlocked);
    s.lock()?;
    assert!(
        matches!(s.backups(), Err(Error::Locked)),
        "locked: no key, no list"
    );
    Ok(s)
}

/// Replace the database file with `bytes`, unlock, and prove: the restore
/// screen with `kind`, nothing written, and the backup brings it all back.
fn unlocks_to_the_restore_screen(bytes: &[u8], kind: DamageKind) -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = help_point_with_a_backup(dir.path())?;
    let db = dir.path().join("buurtpunt.db");
    fs::write(&db, bytes)?;
    let before = snapshot(dir.path())?;

    // Twice: a second try must not "repair" anything either.
    for _ in 0..2 {
        let status = s.unlock(PASS, now())?;
        assert_eq!(status.phase, Phase::Damaged, "{kind:?}: {status:?}");
        assert_eq!(status.damage_kind, Some(kind), "{status:?}");
        assert!(matches!(s.db(), Err(Error::Locked)));
        assert_eq!(
            snapshot(dir.path())?,
            before,
            "{kind:?}: the unlock wrote or changed a file"
        );
    }
    // Starting anew is refused: the help point exists.
    assert!(matches!(s.create(PASS), Err(Error::AlreadySetUp)));

    // The restore screen offers the backup, with what it holds.
    let backups = s.backups()?;
    assert_eq!(backups.len(), 1);
    assert_eq!(
        (backups[0].residents, backups[0].requests),
        (Some(1), Some(0))
    );
    let status = s.restore(Path::new(&backups[0].path), now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    let found = residents::list(s.db()?.conn(), &Default::default())?;
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].last_name, "Veldkamp");
    // The bad file was kept aside, not deleted.
    let kept = fs::read_dir(dir.path().join("backups"))?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".db.oud"))
        .map(|e| fs::read(e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    assert_eq!(kept, vec![bytes.to_vec()]);
    Ok(())
}

#[test]
fn an_emptied_database_file_leads_to_the_restore_screen() -> Result<()> {
    unlocks_to_the_restore_screen(b"", DamageKind::Empty)
}

#[test]
fn a_database_file_of_a_hundred_bytes_leads_to_the_restore_screen() -> Result<()> {
    unlocks_to_the_restore_screen(&[0x42; 100], DamageKind::Empty)
}

#[test]
fn another_programs_sqlite_file_leads_to_the_restore_screen() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let other = dir.path().join("boekhouding.sqlite");
    {
        let conn = rusqlite::Connection::open(&other)?;
        conn.execute_batch(
            "CREATE TABLE boekingen (id INTEGER PRIMARY KEY, bedrag REAL);
             INSERT INTO boekingen (bedrag) VALUES (12.5), (7.25);",
        )?;
    }
    let bytes = fs::read(&other)?;
    assert!(bytes.starts_with(b"SQLite format 3"));
    unlocks_to_the_restore_screen(&bytes, DamageKind::Unreadable)
}

#[test]
fn random_bytes_in_place_of_the_database_lead_to_the_restore_screen() -> Result<()> {
    let bytes: Vec<u8> = (0..64 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    unlocks_to_the_restore_screen(&bytes, DamageKind::Unreadable)
}

#[test]
fn a_file_cut_off_after_its_first_pages_leads_to_the_restore_screen() -> Result<()> {
    // A copy that stopped half-way: the first 8 kB of a real database.
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    for i in 0..300 {
        residents::create(
            s.db()?,
            resident("Hendrika", &format!("Dijkstra {i}")),
            true,
            now(),
        )?;
    }
    s.lock()?;
    let bytes = fs::read(dir.path().join("buurtpunt.db"))?;
    assert!(bytes.len() > 32 * 1024);
    drop(s);
    // Not every page is gone, so the quick open may read the schema; the
    // full check after it (no clean-close mark fits) finds the missing pages.
    let cut = &bytes[..8192];
    let dir = tempfile::tempdir()?;
    let mut s = help_point_with_a_backup(dir.path())?;
    fs::write(dir.path().join("buurtpunt.db"), cut)?;
    let status = s.unlock(PASS, now())?;
    let status = match status.phase {
        Phase::Unlocked => s.settle(),
        _ => status,
    };
    assert_eq!(status.phase, Phase::Damaged, "{status:?}");
    Ok(())
}

#[test]
fn a_schema_version_of_zero_where_the_key_file_says_a_help_point_exists_is_damage() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = help_point_with_a_backup(dir.path())?;
    s.unlock(PASS, now())?;
    s.settle();
    s.db()?.conn().execute_batch("PRAGMA user_version = 0;")?;
    s.lock()?;
    let db = fs::read(dir.path().join("buurtpunt.db"))?;
    let status = s.unlock(PASS, now())?;
    assert_eq!(status.phase, Phase::Damaged);
    assert_eq!(status.damage_kind, Some(DamageKind::NotBuurtpunt));
    // No "before update" backup of it, and the file is as it was.
    assert!(s
        .backups()?
        .iter()
        .all(|b| !b.file_name.starts_with("voor-update")));
    assert_eq!(fs::read(dir.path().join("buurtpunt.db"))?, db);
    Ok(())
}

#[test]
fn a_missing_database_file_beside_the_key_file_is_damage_not_a_new_start() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = help_point_with_a_backup(dir.path())?;
    fs::remove_file(dir.path().join("buurtpunt.db"))?;
    let before = snapshot(dir.path())?;
    let status = s.unlock(PASS, now())?;
    assert_eq!(status.phase, Phase::Damaged);
    assert_eq!(status.damage_kind, Some(DamageKind::Missing));
    assert_eq!(snapshot(dir.path())?, before);
    assert!(!dir.path().join("buurtpunt.db").exists());
    Ok(())
}

#[test]
fn a_wrong_passphrase_on_an_emptied_file_writes_nothing_either() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = help_point_with_a_backup(dir.path())?;
    fs::write(dir.path().join("buurtpunt.db"), b"")?;
    let before = snapshot(dir.path())?;
    assert!(matches!(
        s.unlock("niet het goede wachtwoord", now()),
        Err(Error::WrongPassphrase)
    ));
    assert_eq!(snapshot(dir.path())?, before);
    Ok(())
}
