//! The promise of the recovery sheet, in the real app: with the printed
//! recovery key and one backup file — nothing else — the data comes back on
//! a new computer; the passphrase of the day the backup was made does too;
//! and when `sleutel.json` is gone, the unlock screen says so plainly and the
//! recovery key alone opens the database file again.

mod common;

use std::path::Path;

use common::{saved_file, screenshot_dir, App, TestResult};

const PASS: &str = "de oude eik bij de brug";
const NEW_PASS: &str = "een nieuw begin in het dorp";

/// Welcome → "Herstellen van een back-up" → the file → the chosen way in.
async fn restore_from_file(app: &App, file: &Path, how: How<'_>, shot: Option<&str>) -> TestResult {
    app.wait_css("#welcome-screen").await?;
    app.click("#restore-from-backup").await?;
    app.choose_file(file).await?;
    app.click("#restore-file-choose").await?;
    app.wait_text("#restore-file-path", "buurtpunt").await?;
    match how {
        How::Passphrase(p) => {
            app.click("#restore-method-passphrase").await?;
            app.fill("#restore-passphrase", p).await?;
        }
        How::RecoveryKey(k) => {
            app.click("#restore-method-recovery").await?;
            app.fill("#restore-recovery-key", k).await?;
            app.fill("#restore-new-passphrase", NEW_PASS).await?;
            app.fill("#restore-new-passphrase-repeat", NEW_PASS).await?;
        }
    }
    if let (Some(dir), Some(name)) = (screenshot_dir(), shot) {
        app.screenshot(&dir.join(name)).await?;
    }
    app.click("#restore-file-submit").await?;
    app.wait_css("#today-screen").await?;
    Ok(())
}

#[derive(Clone, Copy)]
enum How<'a> {
    Passphrase(&'a str),
    RecoveryKey(&'a str),
}

#[tokio::test(flavor = "multi_thread")]
async fn the_recovery_key_and_one_backup_file_bring_the_data_back_anywhere() -> TestResult {
    let old = tempfile::tempdir()?;
    let stick = tempfile::tempdir()?;

    // The first computer: a new help point, its recovery key, one resident,
    // and "Back-up maken" onto the stick.
    let app = App::launch_with_files(old.path(), stick.path()).await?;
    app.click("#start-new").await?;
    app.fill("#new-passphrase", PASS).await?;
    app.fill("#new-passphrase-repeat", PASS).await?;
    app.click("#create-submit").await?;
    let key = app.text("#recovery-key").await?.trim().to_owned();
    app.click("#recovery-stored").await?;
    app.click("#recovery-continue").await?;
    app.wait_css("#today-screen").await?;
    app.add_resident("Sjoukje", "Terpstra").await?;
    app.click("#nav-settings").await?;
    app.click("#make-backup").await?;
    app.wait_text("[role=status]", "1 bewoner").await?;
    app.quit().await?;
    let backup = saved_file(stick.path(), "buurtpunt")?;

    // A new computer with only the stick and the paper: the recovery key.
    let new = tempfile::tempdir()?;
    let app = App::launch_with_files(new.path(), stick.path()).await?;
    restore_from_file(
        &app,
        &backup,
        How::RecoveryKey(&key),
        Some("23-herstellen-met-sleutel.png"),
    )
    .await?;
    app.expect_found("Terpstra", "1 bewoner").await?;
    // From now on the new passphrase opens it.
    app.click("#lock-button").await?;
    app.unlock(NEW_PASS).await?;
    app.wait_css("#today-screen").await?;
    app.quit().await?;

    // Another new computer, and the passphrase of the day the backup was made.
    let other = tempfile::tempdir()?;
    let app = App::launch_with_files(other.path(), stick.path()).await?;
    restore_from_file(&app, &backup, How::Passphrase(PASS), None).await?;
    app.expect_found("Terpstra", "1 bewoner").await?;
    app.quit().await?;

    // Back on the first computer, sleutel.json is gone (and no backup in the
    // folder has a copy of it): the unlock screen says so, and the recovery
    // key alone opens the database file.
    std::fs::remove_file(old.path().join("sleutel.json"))?;
    let backups = old.path().join("backups");
    if backups.exists() {
        std::fs::remove_dir_all(&backups)?;
    }
    let app = App::launch(old.path()).await?;
    app.wait_text("#key-problem", "Het sleutelbestand ontbreekt")
        .await?;
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("24-sleutelbestand-ontbreekt.png"))
            .await?;
    }
    app.unlock(PASS).await?;
    app.wait_text("#unlock-error", "herstelsleutel").await?;
    app.click("#key-problem-recover").await?;
    app.fill("#recovery-input", &key).await?;
    app.fill("#recover-new-passphrase", NEW_PASS).await?;
    app.fill("#recover-new-passphrase-repeat", NEW_PASS).await?;
    app.click("#recover-submit").await?;
    app.wait_css("#today-screen").await?;
    app.expect_found("Terpstra", "1 bewoner").await?;
    assert!(
        old.path().join("sleutel.json").exists(),
        "the key file is back"
    );
    app.quit().await?;
    Ok(())
}
