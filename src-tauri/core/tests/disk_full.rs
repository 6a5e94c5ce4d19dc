//! A full disk, for real: the data folder sits on a tiny filesystem (a tmpfs
//! of a few MB, mounted in a private mount namespace made with `unshare`, so
//! no root is needed). A save that cannot be written fails with the code
//! `disk_full`, what was saved before stays, and once there is room again the
//! same save works — no restart, no restore.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::session::{Phase, Session};
use buurtpunt_core::Result;

mod common;

use common::now;
use common::session::*;

/// Set inside the private namespace: the tiny filesystem's folder.
const INSIDE: &str = "BUURTPUNT_TINY_DISK";

/// Run `test` (this binary's test of that name) again inside a new user and
/// mount namespace, with a tmpfs of `size` mounted on a fresh folder.
fn on_a_tiny_disk(test: &str, size: &str, body: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    if let Some(dir) = std::env::var_os(INSIDE) {
        return body(Path::new(&dir));
    }
    let dir = tempfile::tempdir()?;
    let exe = std::env::current_exe()?;
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c"])
        .arg(format!(
            "mount -t tmpfs -o size={size} tmpfs \"$0\" && exec \"$1\" --exact \"$2\" --nocapture --test-threads=1"
        ))
        .arg(dir.path())
        .arg(&exe)
        .arg(test)
        .env(INSIDE, dir.path())
        .output()?;
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "the test on the tiny disk failed:\n{text}"
    );
    assert!(
        text.contains("1 passed"),
        "the test did not run inside:\n{text}"
    );
    Ok(())
}

/// Write a file that takes every free byte; returns its path.
fn fill(dir: &Path) -> Result<std::path::PathBuf> {
    let path = dir.join("vulsel.bin");
    let mut f = fs::File::create(&path)?;
    let block = vec![0x55u8; 16 * 1024];
    loop {
        if let Err(e) = f.write_all(&block).and_then(|_| f.sync_all()) {
            assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "{e}");
            break;
        }
    }
    // Small writes too, until not one byte fits.
    while f.write_all(&[0x55]).and_then(|_| f.sync_all()).is_ok() {}
    Ok(path)
}

/// A new help point in `tiny/buurtpunt` with `n` residents, left open.
fn help_point(tiny: &Path, n: usize) -> Result<(std::path::PathBuf, Session)> {
    let dir = tiny.join("buurtpunt");
    let mut s = Session::new(&dir, FAST);
    s.create(PASS)?;
    for i in 0..n {
        residents::create(s.db()?, someone(i), true, now())?;
    }
    Ok((dir, s))
}

fn someone(i: usize) -> ResidentInput {
    ResidentInput {
        notes: "Belt graag 's ochtends. ".repeat(200),
        ..resident("Aaltje", &format!("Scholten {i}"))
    }
}

#[test]
fn a_save_on_a_full_disk_fails_clearly_and_works_again_once_there_is_room() -> Result<()> {
    on_a_tiny_disk(
        "a_save_on_a_full_disk_fails_clearly_and_works_again_once_there_is_room",
        "4m",
        |tiny| {
            let (_, mut s) = help_point(tiny, 5)?;
            // A clean close folds the WAL back; the unlock makes today's backup.
            s.lock()?;
            s.unlock(PASS, now())?;
            assert_eq!(s.settle().phase, Phase::Unlocked);

            let filler = fill(tiny)?;
            let mut refused = 0;
            for i in 5..40 {
                match residents::create(s.db()?, someone(i), true, now()) {
                    Ok(_) => continue,
                    Err(e) => {
                        assert_eq!(e.code(), "disk_full", "{e:?}");
                        refused += 1;
                        break;
                    }
                }
            }
            assert_eq!(refused, 1, "the disk never filled up");
            // What was saved before is all there, and still readable.
            let saved = residents::list(s.db()?.conn(), &Default::default())?.total;
            assert!(saved >= 5);
            assert_eq!(s.status().phase, Phase::Unlocked, "no restore screen");

            // Room again: the same save works, without a restart.
            fs::remove_file(&filler)?;
            residents::create(s.db()?, someone(99), true, now())?;
            assert_eq!(
                residents::list(s.db()?.conn(), &Default::default())?.total,
                saved + 1
            );
            s.lock()?;
            s.unlock(PASS, now())?;
            assert_eq!(s.settle().phase, Phase::Unlocked);
            assert_eq!(
                residents::list(s.db()?.conn(), &Default::default())?.total,
                saved + 1
            );
            assert_eq!(s.db()?.integrity_check()?, "ok");
            Ok(())
        },
    )
}

#[test]
fn a_disk_that_fills_up_while_open_reports_the_backup_and_keeps_working() -> Result<()> {
    on_a_tiny_disk(
        "a_disk_that_fills_up_while_open_reports_the_backup_and_keeps_working",
        "4m",
        |tiny| {
            let (dir, mut s) = help_point(tiny, 1)?;
            let filler = fill(tiny)?;
            // The app asks for the daily backup now and then while it stays open.
            s.daily_backup(now())?;
            let status = s.settle();
            assert_eq!(status.phase, Phase::Unlocked, "{status:?}");
            let problem = status.backup_problem.unwrap_or_default();
            assert!(!problem.is_empty(), "the failed backup is reported");
            // Nothing half-written is left in the backups folder.
            let backups = dir.join("backups");
            let left: Vec<String> = match fs::read_dir(&backups) {
                Ok(entries) => entries
                    .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
                    .collect::<std::io::Result<_>>()?,
                Err(_) => Vec::new(),
            };
            assert!(left.is_empty(), "{left:?}");
            // Reading works; once there is room the backup is made.
            assert_eq!(
                residents::list(s.db()?.conn(), &Default::default())?.total,
                1
            );
            fs::remove_file(&filler)?;
            s.daily_backup(now())?;
            assert_eq!(s.settle().backup_problem, None);
            assert_eq!(s.backups()?.len(), 1);
            Ok(())
        },
    )
}

#[test]
fn an_unlock_on_a_full_disk_says_so_and_is_never_taken_for_damage() -> Result<()> {
    on_a_tiny_disk(
        "an_unlock_on_a_full_disk_says_so_and_is_never_taken_for_damage",
        "4m",
        |tiny| {
            let (dir, mut s) = help_point(tiny, 1)?;
            s.lock()?;
            let db = fs::read(dir.join("buurtpunt.db"))?;
            let filler = fill(tiny)?;
            let err = s.unlock(PASS, now()).err();
            assert_eq!(
                err.as_ref().map(|e| e.code().as_str()),
                Some("disk_full"),
                "{err:?}"
            );
            assert_eq!(s.status().phase, Phase::Locked, "no restore screen");
            assert_eq!(fs::read(dir.join("buurtpunt.db"))?, db);
            fs::remove_file(&filler)?;
            assert_eq!(s.unlock(PASS, now())?.phase, Phase::Unlocked);
            assert_eq!(
                residents::list(s.db()?.conn(), &Default::default())?.total,
                1
            );
            Ok(())
        },
    )
}

#[test]
fn a_backup_made_by_hand_onto_a_full_stick_fails_and_leaves_nothing() -> Result<()> {
    on_a_tiny_disk(
        "a_backup_made_by_hand_onto_a_full_stick_fails_and_leaves_nothing",
        "2m",
        |stick| {
            let home = tempfile::tempdir()?;
            let mut s = Session::new(home.path(), FAST);
            s.create(PASS)?;
            for i in 0..20 {
                residents::create(s.db()?, someone(i), true, now())?;
            }
            let filler = fill(stick)?;
            let out = stick.join("back-up.buurtpunt");
            let err = s.export_backup(&out, now()).err();
            assert_eq!(
                err.as_ref().map(|e| e.code().as_str()),
                Some("disk_full"),
                "{err:?}"
            );
            let left: Vec<_> = fs::read_dir(stick)?.collect::<std::io::Result<_>>()?;
            assert_eq!(left.len(), 1, "only the filler is on the stick");
            fs::remove_file(&filler)?;
            s.export_backup(&out, now())?;
            assert!(out.exists());
            Ok(())
        },
    )
}
