//! "Alles exporteren" in the real app: open the demo, go to Privacy,
//! read the warning, confirm, and the test-mode save dialog puts the ZIP in
//! the test folder. Its manifest's counts match the result line and the
//! residents screen, and every table's CSV is in the ZIP. With
//! `BUURTPUNT_SCREENSHOTS` set, the panel with the result is kept as a PNG.

mod common;

use std::io::Read;

use common::{saved_file, screenshot_dir, App, TestResult};

/// "1.234" → 1234.
fn dutch_number(text: &str) -> Option<u64> {
    text.replace('.', "").parse().ok()
}

/// The number just before `word` in `text` ("33 tabellen" → 33).
fn number_before(text: &str, word: &str) -> Option<u64> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.trim_end_matches([',', '.']) == word)?;
    dutch_number(words.get(at.checked_sub(1)?)?)
}

#[tokio::test(flavor = "multi_thread")]
async fn everything_is_exported_into_one_zip_whose_manifest_matches_the_app() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    app.click("#nav-residents").await?;
    let shown = app.wait_text("#resident-count", "bewoner").await?;
    let residents = shown
        .split_whitespace()
        .find_map(dutch_number)
        .ok_or(format!("no count in {shown:?}"))?;

    app.click("#nav-privacy").await?;
    app.wait_text("#full-export-unencrypted", "niet versleuteld")
        .await?;
    app.click("#full-export-start").await?;
    app.wait_text("#full-export-question", "Weet u het zeker")
        .await?;
    app.click("#full-export-confirm").await?;
    let done = app.wait_text("#full-export-done", "Klaar:").await?;
    assert!(done.contains("buurtpunt-export-"), "{done}");
    if let Some(dir) = screenshot_dir() {
        app.scroll_to("full-export").await?;
        app.screenshot(&dir.join("alles-exporteren.png")).await?;
    }

    let zip_path = saved_file(files.path(), "zip")?;
    assert!(done.contains(
        zip_path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("name")?
    ));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path)?)?;
    let mut text = String::new();
    zip.by_name("manifest.json")?.read_to_string(&mut text)?;
    let manifest: serde_json::Value = serde_json::from_str(&text)?;
    let tables = manifest["tables"].as_array().ok_or("tables")?;
    let total = manifest["totalRows"].as_u64().ok_or("totalRows")?;

    assert_eq!(
        number_before(&done, "tabellen"),
        Some(tables.len() as u64),
        "{done}"
    );
    assert_eq!(number_before(&done, "regels"), Some(total), "{done}");
    let sum: u64 = tables.iter().filter_map(|t| t["rows"].as_u64()).sum();
    assert_eq!(sum, total);
    let rows_of = |name: &str| {
        tables
            .iter()
            .find(|t| t["name"] == name)
            .and_then(|t| t["rows"].as_u64())
    };
    assert_eq!(rows_of("residents"), Some(residents));
    assert!(rows_of("help_requests").is_some_and(|n| n > 0));
    for t in tables {
        let name = t["name"].as_str().ok_or("name")?;
        assert!(
            zip.by_name(&format!("tabellen/{name}.csv")).is_ok(),
            "{name}"
        );
    }
    for file in ["buurtpunt.xlsx", "buurtpunt.json"] {
        assert!(zip.by_name(file)?.size() > 100, "{file}");
    }
    app.quit().await?;
    Ok(())
}
