//! Inzage, a privacy request and erasure in the real app: a resident with a
//! request gets an inzage through the (test-mode) save dialog (PDF read
//! back with pdftotext, JSON beside it); a request to erase is written down
//! and shows on Vandaag with its deadline; erasing is refused while the
//! request is open, and after closing it the resident is gone from the list
//! and the search. With `BUURTPUNT_SCREENSHOTS` set, the erase dialog (the
//! refusal and the question) is kept as PNGs. All people are fictional.

mod common;

use std::process::Command;

use common::{screenshot_dir, App, TestResult};

const FIRST: &str = "Wietske";
const LAST: &str = "Zandbergen";
const ASK: &str = "Mijn dakgoot lekt bij de schuur.";

/// Open the one resident listed (a table row opens with Enter).
async fn open_row(app: &App) -> TestResult {
    let row = app.wait_css(".resident-row").await?;
    row.send_keys(&fantoccini::key::Key::Enter.to_string())
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_resident_gets_an_inzage_and_is_erased_on_request() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.start_new_help_point("lange zomeravond 2026").await?;
    app.add_resident(FIRST, LAST).await?;
    app.click("#new-request-for-resident").await?;
    app.fill("#request-ask", ASK).await?;
    app.click("#request-save").await?;
    app.wait_css("#request-detail").await?;

    // Back to her page: the inzage, through the save dialog.
    app.click("#nav-residents").await?;
    app.fill("#resident-search", LAST).await?;
    app.wait_exact("#resident-count", "1 bewoner").await?;
    open_row(&app).await?;
    app.wait_css("#privacy-rights").await?;
    app.click("#inzage-make").await?;
    let done = app.wait_text("#inzage-done", "opgeslagen").await?;
    assert!(done.contains("Inzage-Wietske-Zandbergen.pdf"), "{done}");
    assert!(done.contains("Inzage-Wietske-Zandbergen.json"), "{done}");
    let pdf = files.path().join("Inzage-Wietske-Zandbergen.pdf");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()?;
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "Inzage voor Wietske Zandbergen",
        "Mijn dakgoot lekt",
        "Wie uw gegevens bekeek of wijzigde",
    ] {
        assert!(text.contains(needle), "`{needle}` missing:\n{text}");
    }
    let json = std::fs::read_to_string(files.path().join("Inzage-Wietske-Zandbergen.json"))?;
    assert!(json.contains(ASK), "{json}");
    assert!(json.contains("\"audit\""), "{json}");

    // She asks to be erased: written down, and on Vandaag with the deadline.
    app.click("#privacy-request-new").await?;
    app.click("#privacy-request-kind-wissen").await?;
    app.fill("#privacy-request-note", "Gevraagd aan de telefoon.")
        .await?;
    app.click("#privacy-request-save").await?;
    app.wait_text("#privacy-rights .privacy-request", "Wissen")
        .await?;
    app.click("#nav-today").await?;
    let due = app
        .wait_text("#block-privacy-requests", "Wietske Zandbergen")
        .await?;
    assert!(due.contains("Wissen"), "{due}");
    assert!(due.contains("Uiterlijk"), "{due}");
    assert!(due.contains("nog ") && due.contains("dagen"), "{due}");

    // Erasing is refused while her request is open.
    app.click(".privacy-request-row").await?;
    app.wait_css("#privacy-rights").await?;
    app.click("#erase-open").await?;
    app.wait_text("#erase-blocked", "staat nog open").await?;
    assert!(!app.exists("#erase-confirm").await?, "no erase button");
    if let Some(p) = shot("erase-refused") {
        app.screenshot(&p).await?;
    }
    // "Open de hulpvraag" leads to it; close it there.
    app.click("#erase-blocked button.link").await?;
    app.wait_css("#request-detail").await?;
    app.select("#status-select", "close").await?;
    app.click("#close-kind-need_met").await?;
    app.fill("#status-outcome", "Dakgoot gemaakt.").await?;
    app.click("#status-apply").await?;
    app.wait_text("#request-status", "Afgerond").await?;

    // Now the dialog explains, asks a reason, and erases.
    app.click("#nav-residents").await?;
    app.fill("#resident-search", LAST).await?;
    app.wait_exact("#resident-count", "1 bewoner").await?;
    open_row(&app).await?;
    app.wait_css("#privacy-rights").await?;
    app.click("#erase-open").await?;
    app.wait_text("#erase-dialog", "Wat er gebeurt").await?;
    app.click("#erase-confirm").await?;
    app.wait_text("#erase-reason-error", "").await?;
    app.fill("#erase-reason", "De bewoner vroeg het zelf.")
        .await?;
    if let Some(p) = shot("erase-dialog") {
        app.screenshot(&p).await?;
    }
    app.click("#erase-confirm").await?;
    app.wait_text("#erase-done", "gewist").await?;
    if let Some(p) = shot("erase-done") {
        app.screenshot(&p).await?;
    }
    app.click("#erase-finished").await?;
    app.wait_css("#resident-search").await?;
    app.expect_found(LAST, "0 bewoners").await?;
    app.expect_found(FIRST, "0 bewoners").await?;
    app.set_value("#resident-search", "").await?;
    app.wait_exact("#resident-count", "0 bewoners").await?;

    // The request is done on Vandaag.
    app.click("#nav-today").await?;
    app.wait_css("#today-todo").await?;
    assert!(
        !app.exists("#block-privacy-requests").await?,
        "the erasure request is done"
    );
    app.quit().await
}
