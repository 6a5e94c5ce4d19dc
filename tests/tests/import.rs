//! Spreadsheet import in the real app window: a CSV of residents and
//! volunteers, through the mapping step; a file gone while the columns are
//! chosen; a bad row (report shown, nothing imported), then the fixed file;
//! a file saved again after the check (nothing imported unseen). Fictional
//! people only.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{screenshot_dir, App, TestResult};
use fantoccini::Locator;

const PASS: &str = "appelboom achter het dorpshuis";
/// The seeded skill "Boodschappen doen" (second in the group's starting list).
const BOODSCHAPPEN: &str = "2";

const HEADER: &str = "Voornaam;Tussenvoegsel;Achternaam;Adres;Postcode;Woonplaats;Telefoon;Vrijwilliger;Hulp bij\r\n";
const ROWS: [&str; 4] = [
    "Hennie;;Kuipers;Brink 4;7991 LA;Lindeloo;0612340001;nee;\r\n",
    "Ineke;van der;Molen;Kerkpad 12a;7991 LB;Lindeloo;0591-123456;ja;Boodschappen doen, Tuinieren\r\n",
    // Row 4 of the spreadsheet: a postcode that is not one.
    "Jan;;Oosting;Esweg 8;12345;Veenhoeve;;nee;\r\n",
    "Femke;de;Vries;Molenweg 2;7992 AB;Veenhoeve;;ja;Autorijden\r\n",
];

fn write_csv(path: &Path, fixed: bool) -> std::io::Result<()> {
    let mut text = String::from(HEADER);
    for row in ROWS {
        text.push_str(&if fixed {
            row.replace(";12345;", ";7992 AA;")
        } else {
            row.to_owned()
        });
    }
    std::fs::write(path, text)
}

#[tokio::test(flavor = "multi_thread")]
async fn residents_and_volunteers_come_in_from_a_spreadsheet() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let shots = screenshot_dir();
    let shot = |name: &str| shots.as_ref().map(|d| d.join(format!("{name}.png")));
    let csv = files.path().join("bewoners.csv");
    write_csv(&csv, false)?;

    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.start_new_help_point(PASS).await?;
    app.click("#nav-residents").await?;
    app.click("#import-residents").await?;
    app.wait_css("#import-screen #import-choose").await?;
    if let Some(p) = shot("import-01-bestand-kiezen") {
        app.screenshot(&p).await?;
    }

    // A damaged workbook (read by the app's child process, see core
    // `import::child`): a clear message, and the app goes on.
    let damaged = files.path().join("kapot.xlsx");
    std::fs::write(&damaged, b"PK\x03\x04 half a file, the rest went missing")?;
    app.choose_file(&damaged).await?;
    app.click("#import-choose").await?;
    app.wait_text("#import-file-error", "kan dit bestand niet lezen")
        .await?;

    // Choose the file: the mapping step suggests a field per known column name.
    app.choose_file(&csv).await?;
    app.click("#import-choose").await?;
    let first = app.wait_css("#import-col-0").await?;
    assert_eq!(first.prop("value").await?.as_deref(), Some("firstName"));
    let unknown = app.wait_css("#import-col-8").await?;
    assert_eq!(unknown.prop("value").await?.as_deref(), Some(""));
    // "Hulp bij" is not a name Buurtpunt knows: the user says it holds skills.
    app.select("#import-col-8", "skills").await?;
    if let Some(p) = shot("import-02-kolommen") {
        app.screenshot(&p).await?;
    }
    // The file is gone while the columns are chosen (moved, or the stick
    // taken out): said plainly, and the choices stay.
    std::fs::remove_file(&csv)?;
    app.click("#import-check").await?;
    app.wait_text("#import-check-error", "niet (meer) te vinden")
        .await?;
    write_csv(&csv, false)?;
    app.click("#import-check").await?;

    // The report names the row and the problem; importing is not possible.
    app.wait_text("#import-not-ready", "klopt iets niet")
        .await?;
    let problems = app.text("#import-problems").await?;
    assert!(problems.contains("Rij 4"), "{problems}");
    assert!(problems.contains("Jan Oosting"), "{problems}");
    assert!(problems.contains("12345"), "{problems}");
    assert!(problems.contains("1234 AB"), "{problems}");
    let run = app.wait_css("#import-run").await?;
    assert!(
        !run.is_enabled().await?,
        "import must wait until every row is right"
    );
    if let Some(p) = shot("import-03-controle-met-fout") {
        app.screenshot(&p).await?;
    }

    // The user fixes the spreadsheet and checks again.
    write_csv(&csv, true)?;
    app.click("#import-recheck").await?;
    app.wait_text("#import-ready", "4 bewoners en 2 vrijwilligers")
        .await?;
    if let Some(p) = shot("import-04-controle-goed") {
        app.screenshot(&p).await?;
    }
    // Saved again after the check, with one more person: nothing is
    // imported unseen; the new check shows them, and then the import runs.
    write_csv(&csv, true)?;
    let mut more = std::fs::read_to_string(&csv)?;
    more.push_str("Gerrit;;Bos;Esweg 10;7991 LA;Lindeloo;;nee;\r\n");
    std::fs::write(&csv, more)?;
    app.click("#import-run").await?;
    app.wait_text("#import-notice", "Er is niets geïmporteerd")
        .await?;
    app.wait_text("#import-ready", "5 bewoners en 2 vrijwilligers")
        .await?;
    if let Some(p) = shot("import-04b-bestand-veranderd") {
        app.screenshot(&p).await?;
    }
    app.click("#import-run").await?;
    let result = app
        .wait_text("#import-result", "5 bewoners en 2 vrijwilligers toegevoegd")
        .await?;
    assert!(
        !result.contains("overgeslagen"),
        "nothing came in with the first, refused try: {result}"
    );
    if let Some(p) = shot("import-05-klaar") {
        app.screenshot(&p).await?;
    }

    // The residents are there, with the tussenvoegsel in the last name.
    app.click("#import-done-residents").await?;
    app.wait_exact("#resident-count", "5 bewoners").await?;
    let names = app.texts(".resident-row .name").await?;
    assert!(
        names.iter().any(|n| n == "Ineke van der Molen"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n == "Jan Oosting"), "{names:?}");
    if let Some(p) = shot("import-06-bewoners") {
        app.screenshot(&p).await?;
    }

    // The imported volunteer helps at once: Hennie asks for shopping, and
    // Ineke is suggested for her talent from the spreadsheet.
    app.fill("#resident-search", "Kuipers").await?;
    app.wait_exact("#resident-count", "1 bewoner").await?;
    app.click(".resident-row .name").await?;
    app.wait_text("#resident-detail h1", "Hennie").await?;
    app.click("#new-request-for-resident").await?;
    app.fill("#request-ask", "Wie kan deze week boodschappen doen?")
        .await?;
    app.click(&format!("#request-skill-{BOODSCHAPPEN}")).await?;
    app.click("#request-save").await?;
    app.wait_text("#request-detail", "boodschappen doen")
        .await?;
    app.click("#find-volunteer").await?;
    let card = app.wait_text(".suggestion", "Ineke van der Molen").await?;
    assert!(
        card.contains("Heeft als talent: Boodschappen doen"),
        "{card}"
    );

    if shots.is_some() {
        extra_screenshots(&app, files.path(), &shot).await?;
    }
    app.quit().await?;
    Ok(())
}

/// For a human look only (not asserted): the mapping at 200 % zoom and the
/// progress bar of a larger file.
async fn extra_screenshots(
    app: &App,
    dir: &Path,
    shot: &dyn Fn(&str) -> Option<std::path::PathBuf>,
) -> TestResult {
    let mut text = String::from(HEADER);
    for i in 0..20_000 {
        text.push_str(&format!(
            "Noor{i};;Postma;Dorpsstraat {};7991 LA;Lindeloo;;nee;\r\n",
            i + 1
        ));
    }
    let big = dir.join("groot.csv");
    std::fs::write(&big, text)?;
    app.click("#nav-residents").await?;
    app.click("#import-residents").await?;
    app.choose_file(&big).await?;
    app.click("#import-choose").await?;
    app.wait_css("#import-col-0").await?;
    app.client
        .execute(
            "document.documentElement.style.zoom = '2';
             document.getElementById('import-read-as').scrollIntoView();",
            vec![],
        )
        .await?;
    if let Some(p) = shot("import-07-kolommen-zoom-200") {
        app.screenshot(&p).await?;
    }
    app.client
        .execute("document.documentElement.style.zoom = '';", vec![])
        .await?;
    app.click("#import-check").await?;
    app.wait_css("#import-ready").await?;
    app.click("#import-run").await?;
    let bar = app
        .client
        .wait()
        .at_most(Duration::from_secs(5))
        .for_element(Locator::Css("#import-progress"))
        .await;
    if bar.is_ok() {
        // Wait for a bar part way (best effort: a fast machine may skip it).
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while std::time::Instant::now() < deadline {
            let text = app.text("#import-progress-text").await.unwrap_or_default();
            if text.contains('%') && !text.contains("(100%)") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        if let Some(p) = shot("import-08-voortgang") {
            app.screenshot(&p).await?;
        }
    }
    app.wait_text("#import-result", "toegevoegd").await?;
    Ok(())
}
