//! The annual report in the real app: open the demo, note some residents'
//! names, write a foreword on the Jaarverslag screen, make the report into
//! the test folder, and read the PDF back (pdftotext): it holds the year, the
//! section titles, the foreword and figures that add up, and none of the
//! names. Making it again asks before the files are replaced. With
//! `BUURTPUNT_SCREENSHOTS` set, the screen and two PDF pages (pdftoppm) are
//! kept as PNGs.

mod common;

use std::process::Command;

use common::{screenshot_dir, App, TestResult};

const FOREWORD: &str = "Dit jaar hielpen buren elkaar vaker dan ooit.";

#[tokio::test(flavor = "multi_thread")]
async fn the_annual_report_holds_the_figures_and_no_names() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    // Some residents of the demo village: their names must not be in the report.
    app.click("#nav-residents").await?;
    app.wait_text("#resident-count", "bewoner").await?;
    let names = app.wait_texts(".resident-row .name", " ").await?;
    assert!(names.len() >= 5, "names: {names:?}");

    app.click("#nav-report").await?;
    app.wait_css("#report-form").await?;
    let year = app.value("#report-year").await?;
    assert_eq!(year.len(), 4, "year: {year:?}");
    app.fill("#report-foreword", FOREWORD).await?;
    if let Some(p) = shot("report-screen") {
        app.screenshot(&p).await?;
    }
    app.click("#report-make").await?;
    let done = app.wait_text("#report-done", "is gemaakt").await?;
    assert!(done.contains(&format!("Jaarverslag-{year}.pdf")), "{done}");
    assert!(done.contains(&format!("Jaarverslag-{year}.xlsx")), "{done}");
    if let Some(p) = shot("report-made") {
        app.screenshot(&p).await?;
    }

    let pdf = files.path().join(format!("Jaarverslag-{year}.pdf"));
    let xlsx = files.path().join(format!("Jaarverslag-{year}.xlsx"));
    assert!(std::fs::metadata(&xlsx)?.len() > 1000, "no workbook");
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()?;
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout)?;
    for needle in [
        format!("Jaarverslag {year}"),
        format!("Over 1 januari {year} tot en met 31 december {year}"),
        "Voorwoord".to_owned(),
        FOREWORD.to_owned(),
        "Hulpvragen per maand".to_owned(),
        "Hulpvragen per levensgebied".to_owned(),
        "Over de cijfers".to_owned(),
        "vervangingswaarde".to_owned(),
    ] {
        assert!(text.contains(&needle), "`{needle}` missing:\n{text}");
    }
    for name in &names {
        for part in name.split_whitespace().filter(|p| p.chars().count() > 3) {
            assert!(
                !text.contains(part),
                "`{part}` ({name}) is in the report:\n{text}"
            );
        }
    }
    // The months add up to the total (when none is hidden).
    let months = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    let first_number =
        |line: &str| -> Option<String> { line.split_whitespace().nth(1).map(str::to_owned) };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut sum = 0u32;
    let mut all_shown = true;
    for m in months {
        let line = lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(m) && l.split_whitespace().count() >= 3)
            .ok_or(format!("no row for {m}:\n{text}"))?;
        match first_number(line).and_then(|v| v.replace('.', "").parse::<u32>().ok()) {
            Some(n) => sum += n,
            None => all_shown = false,
        }
    }
    let total = lines
        .iter()
        .find(|l| l.starts_with("Totaal"))
        .and_then(|l| first_number(l))
        .ok_or("no total row")?;
    assert!(sum > 0, "the demo has requests this year:\n{text}");
    if all_shown {
        assert_eq!(total.replace('.', ""), sum.to_string(), "{text}");
    }

    // Two pages to look at: the cover with the foreword, and the first chart.
    if let Some(dir) = screenshot_dir() {
        let prefix = dir.join("report-pdf");
        let ok = Command::new("pdftoppm")
            .args(["-png", "-r", "60", "-f", "1", "-l", "2"])
            .arg(&pdf)
            .arg(&prefix)
            .status()?;
        assert!(ok.success(), "pdftoppm failed");
    }

    // Again: the files are there, so it asks first; keeping them makes nothing.
    let before = std::fs::metadata(&pdf)?.modified()?;
    app.click("#report-make").await?;
    app.wait_css("#report-keep-files").await?;
    app.click("#report-keep-files").await?;
    app.wait_css("#report-make:not([disabled])").await?;
    assert_eq!(std::fs::metadata(&pdf)?.modified()?, before);
    app.click("#report-make").await?;
    app.click("#report-replace-files").await?;
    app.wait_text("#report-done", "is gemaakt").await?;
    assert!(std::fs::metadata(&pdf)?.modified()? >= before);
    app.quit().await
}
