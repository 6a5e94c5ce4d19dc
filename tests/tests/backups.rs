//! Backups by hand, in the real app: the recovery key saved as a file on the
//! first start, "Back-up maken" to a chosen file, and "Back-up terugzetten"
//! from that file — the data is as it was when the backup was made; a daily
//! backup that cannot be written warns but does not block the work. (The file
//! dialogs are answered through the test folder, see `launch_with_files`.)

mod common;

use common::{saved_file, screenshot_dir, App, TestResult};

const PASS: &str = "de oude linde bij de kerk";

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_made_by_hand_brings_the_data_back_as_it_was() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let app = App::launch_with_files(data.path(), files.path()).await?;

    // First start: the recovery key can be saved as a file.
    app.click("#start-new").await?;
    app.fill("#new-passphrase", PASS).await?;
    app.fill("#new-passphrase-repeat", PASS).await?;
    app.click("#create-submit").await?;
    let key = app.text("#recovery-key").await?;
    app.click("#save-recovery").await?;
    app.wait_text("#recovery-screen .success", "Opgeslagen in")
        .await?;
    let sheet = std::fs::read_to_string(files.path().join("buurtpunt-herstelsleutel.txt"))?;
    assert!(sheet.contains(key.trim()), "the sheet holds the key");
    app.click("#recovery-stored").await?;
    app.click("#recovery-continue").await?;
    app.wait_css("#today-screen").await?;

    app.add_resident("Trijntje", "Oosterhof").await?;

    // Back-up maken: a file where the user chose, encrypted.
    app.click("#nav-settings").await?;
    app.click("#make-backup").await?;
    app.wait_text("[role=status]", "De back-up is opgeslagen")
        .await?;
    let backup = saved_file(files.path(), "buurtpunt")?;
    let bytes = std::fs::read(&backup)?;
    assert!(bytes.len() > 4096);
    assert!(!contains(&bytes, "Oosterhof"), "the backup is encrypted");

    // Later work, then the backup is put back: the later work is gone.
    app.add_resident("Wubbo", "Nijdam").await?;
    app.expect_found("Nijdam", "1 bewoner").await?;
    app.click("#nav-settings").await?;
    app.choose_file(&backup).await?;
    app.click("#restore-backup").await?;
    app.wait_css("#restore-confirm").await?;
    if let Some(dir) = screenshot_dir() {
        app.scroll_to("settings-restore-question").await?;
        app.screenshot(&dir.join("12-back-up-terugzetten.png"))
            .await?;
    }
    app.click("#restore-confirm").await?;
    app.wait_css("#today-screen").await?;
    app.expect_found("Oosterhof", "1 bewoner").await?;
    app.expect_found("Nijdam", "0 bewoners").await?;
    app.quit().await?;

    // When the automatic backup cannot be written (here: a file stands where
    // the backup folder belongs, as with a full or read-only stick), the app
    // still opens and says so plainly.
    let folder = data.path().join("backups");
    std::fs::rename(&folder, data.path().join("backups-apart"))?;
    std::fs::write(&folder, b"in de weg")?;
    let app = App::launch(data.path()).await?;
    app.unlock(PASS).await?;
    app.wait_css("#today-screen").await?;
    app.wait_text("#backup-problem", "back-up van vandaag is niet gelukt")
        .await?;
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("13-back-up-mislukt.png")).await?;
    }
    app.expect_found("Oosterhof", "1 bewoner").await?;
    app.quit().await?;
    Ok(())
}
