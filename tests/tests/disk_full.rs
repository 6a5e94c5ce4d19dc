//! A full disk in the real window: the data folder sits on a tiny
//! filesystem (a tmpfs mounted for this test). A save that cannot be written
//! says so in Dutch, what was typed stays on the screen, what was saved
//! before is still there, and once there is room the same click saves —
//! no restart, no restore.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{App, TestResult};

const PASS: &str = "de schuur bij de dijk";

/// A tmpfs of a few MB on a fresh folder, unmounted on drop. Mounting needs
/// root (CI runs as root on this machine); the store tests reach the same
/// situation without root in a private namespace (core/tests/disk_full.rs).
struct TinyDisk {
    dir: tempfile::TempDir,
}

impl TinyDisk {
    fn mount(size: &str) -> TestResult<TinyDisk> {
        let dir = tempfile::tempdir()?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()?;
        if !out.status.success() {
            return Err(format!(
                "mounting a tiny tmpfs needs root: {}",
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        Ok(TinyDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Take every free byte with a filler file.
fn fill(dir: &Path) -> TestResult<PathBuf> {
    let path = dir.join("vulsel.bin");
    let mut f = std::fs::File::create(&path)?;
    let block = vec![0x55u8; 16 * 1024];
    while f.write_all(&block).and_then(|_| f.sync_all()).is_ok() {}
    while f.write_all(&[0x55]).and_then(|_| f.sync_all()).is_ok() {}
    Ok(path)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_save_on_a_full_disk_says_so_keeps_the_text_and_works_once_there_is_room() -> TestResult {
    let disk = TinyDisk::mount("6m")?;
    let data = disk.path().join("buurtpunt");
    let app = App::launch(&data).await?;
    app.start_new_help_point(PASS).await?;

    // Saved before the disk fills up.
    app.click("#nav-residents").await?;
    app.click("#new-resident").await?;
    app.fill("#resident-firstName", "Eelkje").await?;
    app.fill("#resident-lastName", "Bouma").await?;
    app.click("#resident-save").await?;
    app.wait_text("#resident-detail", "Bouma").await?;

    // A neighbour on the phone; meanwhile the disk is full.
    app.click("#nav-residents").await?;
    app.click("#new-resident").await?;
    app.fill("#resident-firstName", "Wopke").await?;
    app.fill("#resident-lastName", "Hoekstra").await?;
    let notes = "Zoon woont in Groningen. Belt liever na de koffie. ".repeat(40);
    app.fill("#resident-notes", &notes).await?;
    let filler = fill(disk.path())?;
    app.click("#resident-save").await?;
    app.wait_text("[role=alert]", "schijf of USB-stick is vol")
        .await?;
    if let Some(dir) = common::screenshot_dir() {
        app.screenshot(&dir.join("25-schijf-vol.png")).await?;
    }
    // Everything typed is still there.
    let first = app
        .wait_css("#resident-firstName")
        .await?
        .prop("value")
        .await?;
    assert_eq!(first.as_deref(), Some("Wopke"));
    let kept = app.wait_css("#resident-notes").await?.prop("value").await?;
    assert_eq!(kept.as_deref(), Some(notes.as_str()));

    // Room again: the same click saves.
    std::fs::remove_file(&filler)?;
    app.click("#resident-save").await?;
    app.wait_text("#resident-detail", "Hoekstra").await?;
    app.click("#nav-residents").await?;
    app.wait_exact("#resident-count", "2 bewoners").await?;
    app.click("#lock-button").await?;
    app.wait_css("#unlock-screen").await?;
    app.quit().await?;
    drop(disk);
    Ok(())
}
