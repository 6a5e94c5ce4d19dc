//! The printed recovery key and one backup file (or the database file) —
//! nothing else — bring the data back: on this computer when `sleutel.json`
//! is gone, and on a new computer from a fresh, empty data folder. The
//! passphrase of the day a backup was made opens it too.

use std::fs;
use std::path::{Path, PathBuf};

use buurtpunt_core::residents;
use buurtpunt_core::session::{Phase, Session};
use buurtpunt_core::store::restore::Secret;
use buurtpunt_core::store::vault::KeyProblem;
use buurtpunt_core::{Error, Result};

mod common;

use common::now;
use common::session::*;

const NEW_PASS: &str = "het nieuwe wachtwoord";

/// A help point with one resident, its recovery key, and a backup made by
/// hand into `out` (as onto a USB stick).
fn help_point(dir: &Path, out: &Path) -> Result<(Session, String, PathBuf)> {
    let mut s = Session::new(dir, FAST);
    let recovery = s.create(PASS)?;
    residents::create(s.db()?, resident("Wietske", "Hofstede"), false, now())?;
    let backup = out.join("buurtpunt-back-up.buurtpunt");
    let counts = s.export_backup(&backup, now())?;
    assert_eq!((counts.residents, counts.requests), (1, 0));
    Ok((s, recovery, backup))
}

fn only_resident(s: &mut Session) -> Result<String> {
    let all = residents::list(s.db()?.conn(), &Default::default())?;
    assert_eq!(all.total, 1);
    Ok(all.items[0].last_name.clone())
}

#[test]
fn the_recovery_key_and_one_backup_file_restore_on_a_new_computer() -> Result<()> {
    let old = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let (s, recovery, backup) = help_point(old.path(), stick.path())?;
    drop(s);
    drop(old); // the old computer is gone, its folder too

    let new = tempfile::tempdir()?;
    let mut s = Session::new(new.path(), FAST);
    assert_eq!(s.status().phase, Phase::Welcome);
    // A typo in the key, a short new passphrase: refused, nothing written.
    let wrong = Secret::RecoveryKey {
        recovery_key: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
        new_passphrase: NEW_PASS,
    };
    assert!(matches!(
        s.restore_with(&backup, wrong, now()),
        Err(Error::WrongRecoveryKey)
    ));
    let short = Secret::RecoveryKey {
        recovery_key: &recovery,
        new_passphrase: "kort",
    };
    assert!(matches!(
        s.restore_with(&backup, short, now()),
        Err(Error::WeakPassphrase { .. })
    ));
    assert_eq!(fs::read_dir(new.path())?.count(), 0, "nothing written");

    let typed = recovery.to_lowercase().replace('-', " ");
    let secret = Secret::RecoveryKey {
        recovery_key: &typed,
        new_passphrase: NEW_PASS,
    };
    let status = s.restore_with(&backup, secret, now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    assert_eq!(only_resident(&mut s)?, "Hofstede");
    // From now on the new passphrase opens it, and a normal life follows.
    s.lock()?;
    assert!(matches!(s.unlock(PASS, now()), Err(Error::WrongPassphrase)));
    s.unlock(NEW_PASS, now())?;
    assert_eq!(s.settle().phase, Phase::Unlocked);
    assert_eq!(only_resident(&mut s)?, "Hofstede");
    Ok(())
}

#[test]
fn the_passphrase_of_the_day_restores_a_backup_on_a_new_computer() -> Result<()> {
    let old = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let (mut s, _, backup) = help_point(old.path(), stick.path())?;
    // The passphrase changes after the backup: the backup keeps the old one.
    s.change_passphrase(PASS, NEW_PASS)?;

    let new = tempfile::tempdir()?;
    let mut s = Session::new(new.path(), FAST);
    assert!(matches!(
        s.restore_with(&backup, Secret::Passphrase(NEW_PASS), now()),
        Err(Error::WrongPassphrase)
    ));
    let status = s.restore_with(&backup, Secret::Passphrase(PASS), now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    assert_eq!(only_resident(&mut s)?, "Hofstede");
    s.lock()?;
    s.unlock(PASS, now())?;
    Ok(())
}

#[test]
fn a_lost_key_file_is_said_plainly_and_the_recovery_key_alone_opens_the_database_file() -> Result<()>
{
    let dir = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let (mut s, recovery, _) = help_point(dir.path(), stick.path())?;
    s.lock()?;
    fs::remove_file(dir.path().join("sleutel.json"))?;
    // No backup in the data folder: only the database file is left.
    assert!(!dir.path().join("backups").exists());

    let status = s.status();
    assert_eq!(status.phase, Phase::Locked);
    assert_eq!(status.key_problem, Some(KeyProblem::Missing));
    assert!(matches!(s.unlock(PASS, now()), Err(Error::KeyFileMissing)));
    assert!(matches!(
        s.recover("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", NEW_PASS, now()),
        Err(Error::WrongRecoveryKey)
    ));
    assert!(
        !dir.path().join("sleutel.json").exists(),
        "no key file guessed"
    );

    let status = s.recover(&recovery, NEW_PASS, now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    assert_eq!(only_resident(&mut s)?, "Hofstede");
    // The key file is back, with the new passphrase.
    assert!(dir.path().join("sleutel.json").exists());
    s.lock()?;
    assert_eq!(s.status().key_problem, None);
    s.unlock(NEW_PASS, now())?;
    Ok(())
}

#[test]
fn the_recovery_key_opens_a_copied_database_file_on_a_new_computer() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let (mut s, recovery, _) = help_point(dir.path(), stick.path())?;
    s.lock()?;
    // Only buurtpunt.db was copied (no key file, no backups).
    let copied = stick.path().join("buurtpunt.db");
    fs::copy(dir.path().join("buurtpunt.db"), &copied)?;

    let new = tempfile::tempdir()?;
    let mut s = Session::new(new.path(), FAST);
    // The passphrase cannot open a bare database file: it says what can.
    assert!(matches!(
        s.restore_with(&copied, Secret::Passphrase(PASS), now()),
        Err(Error::NeedsRecoveryKey)
    ));
    let secret = Secret::RecoveryKey {
        recovery_key: &recovery,
        new_passphrase: NEW_PASS,
    };
    assert_eq!(
        s.restore_with(&copied, secret, now())?.phase,
        Phase::Unlocked
    );
    assert_eq!(only_resident(&mut s)?, "Hofstede");
    Ok(())
}

#[test]
fn with_the_key_file_gone_the_passphrase_still_opens_through_a_backups_copy() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let (mut s, _, _) = help_point(dir.path(), stick.path())?;
    // The unlock makes today's backup in the data folder (with its key copy).
    s.lock()?;
    s.unlock(PASS, now())?;
    s.settle();
    s.lock()?;
    fs::remove_file(dir.path().join("sleutel.json"))?;
    assert_eq!(s.status().key_problem, Some(KeyProblem::Missing));
    assert_eq!(s.unlock(PASS, now())?.phase, Phase::Unlocked);
    assert_eq!(only_resident(&mut s)?, "Hofstede");
    assert!(
        dir.path().join("sleutel.json").exists(),
        "the key file is back"
    );
    Ok(())
}

#[test]
fn a_damaged_key_file_is_kept_aside_and_the_recovery_key_opens_the_database() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let (mut s, recovery, _) = help_point(dir.path(), stick.path())?;
    s.lock()?;
    fs::write(dir.path().join("sleutel.json"), b"{ half")?;
    assert_eq!(s.status().key_problem, Some(KeyProblem::Damaged));
    assert!(matches!(
        s.unlock(PASS, now()),
        Err(Error::KeyFileDamaged(_))
    ));
    assert_eq!(
        s.recover(&recovery, NEW_PASS, now())?.phase,
        Phase::Unlocked
    );
    let aside: Vec<String> = fs::read_dir(dir.path().join("backups"))?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<_>>()?;
    assert!(
        aside.iter().any(|n| n.starts_with("vervangen-sleutel-")),
        "{aside:?}"
    );
    Ok(())
}

#[test]
fn restoring_with_a_secret_is_refused_where_a_working_key_file_exists() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let (mut s, _, backup) = help_point(dir.path(), stick.path())?;
    s.lock()?;
    assert!(matches!(
        s.restore_with(&backup, Secret::Passphrase(PASS), now()),
        Err(Error::AlreadySetUp)
    ));
    Ok(())
}

#[test]
fn a_backup_file_holds_no_readable_name_and_no_key() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;
    let (_s, recovery, backup) = help_point(dir.path(), stick.path())?;
    let bytes = fs::read(&backup)?;
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    for needle in [
        "Wietske".as_bytes(),
        b"Hofstede",
        PASS.as_bytes(),
        recovery.as_bytes(),
        b"SQLite format 3",
    ] {
        assert!(
            !has(needle),
            "{:?} in the backup",
            String::from_utf8_lossy(needle)
        );
    }
    assert!(bytes.starts_with(b"BUURTPUNT-BACK-UP 1\n"));
    Ok(())
}
