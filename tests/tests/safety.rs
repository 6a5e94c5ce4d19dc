//! Safety nets in the real app window: the demo never mixes with real data,
//! names with HTML or SQL show as plain text, a damaged database leads to
//! the restore screen — never to a silent new database — and the page cannot
//! name a file to read or write by itself.

mod common;

use common::{saved_file, screenshot_dir, App, TestResult};
use serde_json::{json, Value};

const PASS: &str = "de lindeboom op het plein";
const HTML_NAME: &str = "<img src=x onerror=alert(1)>";
const SQL_NAME: &str = "'; DROP TABLE residents; --";

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_is_marked_and_leaves_no_real_help_point_behind() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click("#open-demo").await?;
    app.wait_text("#demo-banner", "Demo").await?;
    app.wait_css("#today-screen").await?;
    app.click("#nav-requests").await?;
    let count = app.wait_text("#result-count", "hulpvragen").await?;
    let n: u32 = count
        .split_whitespace()
        .next()
        .and_then(|w| w.parse().ok())
        .ok_or_else(|| format!("no number in {count:?}"))?;
    assert!(
        n >= 50,
        "the demo village should have about 60 requests, saw {n}"
    );
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("10-demo-hulpvragen.png")).await?;
    }
    // Closing the demo returns to the welcome screen: no real help point was made.
    app.click("#lock-button").await?;
    app.wait_css("#welcome-screen").await?;
    assert!(!data.path().join("buurtpunt.db").exists());
    assert!(!data.path().join("sleutel.json").exists());
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn html_and_sql_in_names_show_as_text_and_a_damaged_file_offers_the_restore() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.start_new_help_point(PASS).await?;

    app.click("#nav-residents").await?;
    app.click("#new-resident").await?;
    app.fill("#resident-firstName", HTML_NAME).await?;
    app.fill("#resident-lastName", SQL_NAME).await?;
    app.click("#resident-save").await?;
    let detail = app.wait_text("#resident-detail", HTML_NAME).await?;
    assert!(detail.contains(SQL_NAME), "detail: {detail}");
    assert!(
        !app.exists("#resident-detail img").await?,
        "the name was rendered as HTML"
    );
    app.click("#nav-residents").await?;
    app.wait_texts(".resident-row", HTML_NAME).await?;
    app.quit().await?;

    // The first unlock of the day makes the automatic backup (with the resident).
    // Locking closes the database, so everything is in buurtpunt.db itself.
    let app = App::launch(data.path()).await?;
    app.unlock(PASS).await?;
    app.wait_css("#today-screen").await?;
    app.click("#lock-button").await?;
    app.wait_css("#unlock-screen").await?;
    app.quit().await?;

    // Damage every page after the first (as a failing disk might).
    let db = data.path().join("buurtpunt.db");
    let mut bytes = std::fs::read(&db)?;
    assert!(bytes.len() > 8192, "database unexpectedly small");
    for b in &mut bytes[4096..] {
        *b ^= 0x5a;
    }
    std::fs::write(&db, &bytes)?;

    let app = App::launch(data.path()).await?;
    app.unlock(PASS).await?;
    if app.wait_css("#damaged-screen").await.is_err() {
        let body = app.text("body").await?;
        return Err(format!("no restore screen; the window shows: {body}").into());
    }
    app.wait_text("#damaged-screen", "back-up").await?;
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("11-beschadigd.png")).await?;
    }
    // Nothing was replaced: the damaged file is still there as it was.
    assert_eq!(std::fs::read(&db)?, bytes);

    app.wait_css(".restore-item").await?;
    app.click(".restore-item button").await?;
    confirm_restore(&app).await?;
    app.wait_css("#today-screen").await?;
    app.click("#nav-residents").await?;
    app.fill("#resident-search", "onerror").await?;
    app.wait_exact("#resident-count", "1 bewoner").await?;
    let rows = app.wait_texts(".resident-row", HTML_NAME).await?;
    assert_eq!(rows.len(), 1, "rows: {rows:?}");
    app.quit().await?;
    Ok(())
}

/// The restore asks for confirmation on the screen itself.
async fn confirm_restore(app: &App) -> TestResult {
    app.click("#restore-confirm").await
}

/// Call a command straight from the page, as a tampered page could; the
/// answer is "ok" or the error's code.
async fn invoke(app: &App, cmd: &str, args: Value) -> TestResult<String> {
    let answer = app
        .client
        .execute_async(
            "const [cmd, args, done] = arguments;
             window.__TAURI_INTERNALS__.invoke(cmd, args).then(
               () => done('ok'),
               (e) => done(typeof e === 'string' ? e : e.code));",
            vec![json!(cmd), args],
        )
        .await?;
    Ok(answer.as_str().unwrap_or_default().to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn only_a_file_the_user_chose_in_a_dialog_is_read_or_written() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let elsewhere = tempfile::tempdir()?;
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.start_new_help_point(PASS).await?;

    // A path the page makes up is refused, even in the test folder, and
    // nothing is written there.
    let made_up = files.path().join("stiekem.buurtpunt");
    let outside = elsewhere.path().join("stiekem.buurtpunt");
    for path in [&made_up, &outside] {
        let answer = invoke(&app, "export_backup", json!({ "path": path })).await?;
        assert_eq!(answer, "file_not_chosen", "{}", path.display());
        assert!(!path.exists(), "{} was written", path.display());
    }
    let sheet = elsewhere.path().join("sleutel.txt");
    let answer = invoke(&app, "save_recovery_sheet", json!({ "path": sheet })).await?;
    assert_eq!(answer, "file_not_chosen");
    assert!(!sheet.exists());
    let answer = invoke(
        &app,
        "import_preview",
        json!({ "path": "/etc/passwd", "sheet": "" }),
    )
    .await?;
    assert_eq!(answer, "file_not_chosen");

    // The backup chosen in the (test) dialog is written; a path chosen to
    // save is not one chosen to open.
    app.click("#nav-settings").await?;
    app.click("#make-backup").await?;
    app.wait_text("[role=status]", "De back-up is opgeslagen")
        .await?;
    let made = saved_file(files.path(), "buurtpunt")?;
    let answer = invoke(&app, "restore_backup", json!({ "path": made })).await?;
    assert_eq!(answer, "file_not_chosen");

    // The window may not open the plugin's own dialogs any more.
    let answer = invoke(&app, "plugin:dialog|open", json!({ "options": {} })).await?;
    assert_ne!(answer, "ok");
    app.quit().await?;
    Ok(())
}
