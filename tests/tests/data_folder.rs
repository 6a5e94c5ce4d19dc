//! The data folder under the accidents of a village laptop, in the real app:
//! closing the window as a user does, the lock button and the session
//! ending (SIGTERM) fold the WAL back and leave the clean-close mark, so the
//! next unlock does no full check; after a crash (kill -9) the unlock is
//! quick and the full check runs in the background with a calm notice; a
//! damaged page found there leads to the restore screen.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::session::Session;
use buurtpunt_core::store::KdfParams;
use common::{
    app_pid, close_window_like_a_user, screenshot_dir, signal, wait_exit, App, TestResult,
};

const PASS: &str = "de zwaluwen bij de schuur";
/// Cheap key derivation for the set-up; the app reads it from the key file.
const FAST: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

fn mark(dir: &Path) -> bool {
    dir.join("netjes-gesloten.json").exists()
}

fn wal(dir: &Path) -> bool {
    dir.join("buurtpunt.db-wal").exists()
}

/// A help point with 300 fictional residents, made by the core and locked.
fn help_point(dir: &Path) -> TestResult {
    let mut s = Session::new(dir, FAST);
    s.create(PASS)?;
    let now = chrono::Local::now().naive_local();
    for i in 0..300 {
        let r = ResidentInput {
            first_name: "Tjitske".into(),
            last_name: format!("de Vries {i}"),
            notes: "Woont aan de Brink, belt graag 's ochtends.".into(),
            ..Default::default()
        };
        residents::create(s.db()?, r, true, now)?;
    }
    s.lock()?;
    Ok(())
}

/// Launch, unlock, and wait for Vandaag.
async fn open(dir: &Path) -> TestResult<App> {
    let app = App::launch(dir).await?;
    app.unlock(PASS).await?;
    app.wait_css("#today-screen").await?;
    Ok(app)
}

/// The background-check notice does not appear within `secs`.
async fn no_check_notice(app: &App, secs: u64) -> TestResult {
    let until = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < until {
        if app.exists("#background-check").await? {
            return Err("a full check ran after a clean close".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_way_of_closing_leaves_a_clean_close_and_a_crash_is_checked_in_the_background(
) -> TestResult {
    let data = tempfile::tempdir()?;
    let dir = data.path();
    help_point(dir)?;

    // The lock button, then closing the window with the window's close button.
    let app = open(dir).await?;
    app.click("#lock-button").await?;
    app.wait_css("#unlock-screen").await?;
    assert!(mark(dir) && !wal(dir), "the lock leaves a clean close");
    app.unlock(PASS).await?;
    app.wait_css("#today-screen").await?;
    assert!(!mark(dir), "the mark is good for one unlock");
    let pid = app_pid(dir)?;
    close_window_like_a_user(pid)?;
    wait_exit(pid)?;
    drop(app);
    assert!(mark(dir), "closing the window leaves the clean-close mark");
    assert!(!wal(dir), "closing the window folds the WAL back");

    // After a clean close: no full check. Then the session ends (logout, shutdown).
    let app = open(dir).await?;
    no_check_notice(&app, 2).await?;
    let pid = app_pid(dir)?;
    signal(pid, "TERM")?;
    wait_exit(pid)?;
    drop(app);
    assert!(mark(dir), "SIGTERM leaves the clean-close mark");
    assert!(!wal(dir), "SIGTERM folds the WAL back");

    // A crash: kill -9 while open. No mark is left.
    let app = open(dir).await?;
    let pid = app_pid(dir)?;
    signal(pid, "KILL")?;
    wait_exit(pid)?;
    drop(app);
    assert!(!mark(dir), "a crash leaves no clean-close mark");

    // The next unlock is quick: Vandaag shows while the check runs, with a calm notice.
    let app = open(dir).await?;
    app.wait_text("#background-check", "U kunt gewoon doorwerken")
        .await?;
    if let Some(shots) = screenshot_dir() {
        app.screenshot(&shots.join("20-controle-op-de-achtergrond.png"))
            .await?;
    }
    app.click("#nav-residents").await?;
    app.wait_exact("#resident-count", "300 bewoners").await?;
    // The notice goes once the check is done; then a lock leaves the mark.
    let notice = async || app.exists("#background-check").await.ok();
    common::poll("the background check never ended", notice, |shown| !shown).await?;
    app.click("#lock-button").await?;
    app.wait_css("#unlock-screen").await?;
    assert!(mark(dir), "checked, so the lock leaves the mark");
    let pid = app_pid(dir)?;
    close_window_like_a_user(pid)?;
    wait_exit(pid)?;
    drop(app);

    // A crash and a damaged page in the middle of the file: the unlock opens
    // (the quick check reads the schema), the background check finds it.
    std::fs::remove_file(dir.join("netjes-gesloten.json"))?;
    let db = dir.join("buurtpunt.db");
    let mut bytes = std::fs::read(&db)?;
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 1024] {
        *b ^= 0x5a;
    }
    std::fs::write(&db, &bytes)?;
    let app = App::launch(dir).await?;
    app.unlock(PASS).await?;
    app.wait_css("#damaged-screen").await?;
    app.wait_text("#damage-what", "beschadigd").await?;
    if let Some(shots) = screenshot_dir() {
        app.screenshot(&shots.join("21-schade-gevonden.png"))
            .await?;
    }
    assert_eq!(
        std::fs::read(&db)?,
        bytes,
        "the damaged file is kept as it is"
    );
    app.quit().await?;
    Ok(())
}
