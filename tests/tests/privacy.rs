//! The Privacy screen in the real app: the group's phone and name are set
//! in Settings, the processing register is made through the (test-mode)
//! save dialog and read back with pdftotext, and a data breach is reported
//! and shows in the register with its 72-hour deadline. With
//! `BUURTPUNT_SCREENSHOTS` set, the screen, the breach form and the first
//! page of the register (pdftoppm) are kept as PNGs.

mod common;

use std::process::Command;

use common::{screenshot_dir, App, TestResult};

const GROUP: &str = "Dorpspunt Ekelhorst";
const PHONE: &str = "0599-424242";
const WHOSE: &str = "ongeveer 20 bewoners van de Kerkstraat";

#[tokio::test(flavor = "multi_thread")]
async fn the_group_makes_its_register_and_writes_down_a_breach() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    // The group's own name and phone, from Settings.
    app.click("#nav-settings").await?;
    app.fill("#help-point-name", GROUP).await?;
    app.fill("#help-point-phone", PHONE).await?;
    app.fill("#auto-lock-minutes", "15").await?;
    app.click("#settings-save").await?;
    app.wait_text("#settings-screen .success", "opgeslagen")
        .await?;

    app.click("#nav-privacy").await?;
    app.wait_css("#privacy-docs").await?;
    app.click("#privacy-make-processing_register").await?;
    let done = app.wait_text("#privacy-doc-done", "is gemaakt").await?;
    assert!(done.contains("Verwerkingsregister.pdf"), "{done}");
    if let Some(p) = shot("privacy-screen") {
        app.screenshot(&p).await?;
    }
    let pdf = files.path().join("Verwerkingsregister.pdf");
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
        "Verwerkingsregister",
        GROUP,
        PHONE,
        "na 15 minuten zonder gebruik",
        "Ontvangers",
        "Hoe lang",
    ] {
        assert!(text.contains(needle), "`{needle}` missing:\n{text}");
    }
    app.wait_text("#privacy-docs", "Laatst gemaakt op").await?;
    if let Some(dir) = screenshot_dir() {
        let ok = Command::new("pdftoppm")
            .args(["-png", "-r", "70", "-f", "1", "-l", "1"])
            .arg(&pdf)
            .arg(dir.join("privacy-register-pdf"))
            .status()?;
        assert!(ok.success(), "pdftoppm failed");
    }

    // A breach: found just now, so the 72 hours have hardly begun.
    app.wait_css("#breach-none").await?;
    app.click("#breach-new").await?;
    app.wait_css("#breach-form").await?;
    app.click("#breach-example-1").await?;
    let started = app.value("#breach-happened").await?;
    assert!(started.contains("verkeerde persoon"), "{started}");
    app.fill(
        "#breach-happened",
        "Verkeerd gemaild: de lijst met nabelafspraken ging naar een buurman.",
    )
    .await?;
    app.fill("#breach-whoseData", WHOSE).await?;
    app.fill(
        "#breach-measures",
        "De buurman gevraagd de e-mail te wissen.",
    )
    .await?;
    if let Some(p) = shot("privacy-breach-form") {
        app.screenshot(&p).await?;
    }
    app.click("#breach-save").await?;
    app.wait_text("#breach-saved", "in het register").await?;
    let item = app.wait_text("#breach-list", WHOSE).await?;
    assert!(
        item.contains("Melden bij de Autoriteit Persoonsgegevens vóór"),
        "{item}"
    );
    assert!(
        item.contains("nog 2 dagen en 23 uur") || item.contains("nog 3 dagen"),
        "{item}"
    );
    if let Some(p) = shot("privacy-breach-list") {
        app.screenshot(&p).await?;
    }
    app.quit().await
}
