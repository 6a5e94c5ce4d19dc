//! The social map in the demo village: the reminder on Vandaag and on the
//! list, search (diacritics too), the Wmo-loket's page and "Gecontroleerd",
//! a new organisation with a service (a failed save keeps what was typed),
//! an HSDS JSON export checked on disk, and that export read into a fresh
//! help point (after a garbage file is refused); then a regional provider's
//! file with addresses and flaws: the import report, and the organisation's
//! page with its address.

mod common;

use common::{screenshot_dir, App, TestResult};
use serde_json::{json, Value};

const PASS: &str = "een lange zin als wachtwoord";

fn shot(name: &str) -> Option<std::path::PathBuf> {
    screenshot_dir().map(|d| d.join(format!("{name}.png")))
}

/// Search as a person types, and wait for the one organisation expected.
async fn search(app: &App, text: &str, first: &str) -> TestResult {
    app.fill("#social-map-search", text).await?;
    app.wait_exact("#organisation-count", "1 organisatie")
        .await
        .map_err(|e| format!("searching {text:?}: {e}"))?;
    app.wait_text(".organisation-row .org-name", first).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_social_map_is_searched_checked_extended_and_exchanged() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    // Vandaag: two demo organisations are due for a check.
    app.wait_text("#block-social-map", "(2)").await?;
    app.wait_text("#block-social-map", "Geldzaken Veenmarke")
        .await?;
    if let Some(p) = shot("60-vandaag-sociale-kaart") {
        app.scroll_to("block-social-map").await?;
        app.screenshot(&p).await?;
    }

    // The list: the reminder with its count, and the filter.
    app.click("#nav-social-map").await?;
    app.wait_text("#social-map-due", "2 organisaties zijn al 12 maanden")
        .await?;
    app.wait_exact("#organisation-count", "9 organisaties")
        .await?;
    if let Some(p) = shot("61-sociale-kaart") {
        app.screenshot(&p).await?;
    }
    app.click("#social-map-needs-check").await?;
    app.wait_exact("#organisation-count", "2 organisaties")
        .await?;
    let due = app.texts(".organisation-row .org-name").await?;
    assert_eq!(
        due,
        vec!["Geldzaken Veenmarke", "Vervoersdienst Dorpsbus Veenmarke"]
    );
    app.click("#social-map-needs-check").await?;

    // Search: by topic word, and without the diacritics of "Patiënten".
    search(&app, "schulden", "Geldzaken Veenmarke").await?;
    search(&app, "patienten", "Huisartsenpraktijk De Brink").await?;
    search(&app, "wmo", "Gemeente Veenmarke").await?;
    if let Some(p) = shot("62-sociale-kaart-zoeken") {
        app.screenshot(&p).await?;
    }

    // The Wmo-loket's page: every field, readable.
    app.click(".organisation-row").await?;
    app.wait_text("#organisation-detail h1", "Gemeente Veenmarke")
        .await?;
    let services = app.text("#organisation-detail .services").await?;
    for part in [
        "Wmo-loket: melding, 6 weken",
        "Hoe aanmelden",
        "doe een melding",
        "Voor wie",
        "Wat het kost",
        "Openingstijden",
        "Werkgebied",
        "Talen",
        "0599-720 100",
        "Persoonlijke verzorging",
    ] {
        assert!(services.contains(part), "{part:?} in {services}");
    }
    if let Some(p) = shot("63-wmo-loket") {
        app.screenshot(&p).await?;
    }

    // Gecontroleerd: asks who; the date is today.
    app.click("#mark-checked").await?;
    app.fill("#checked-by", "Gerda Mulder").await?;
    if let Some(p) = shot("64-gecontroleerd-wie") {
        app.screenshot(&p).await?;
    }
    app.click("#checked-save").await?;
    let today = chrono::Local::now().date_naive();
    let today_nl = today.format("%d-%m-%Y").to_string();
    app.wait_text(
        "#check-status",
        &format!("Gecontroleerd op {today_nl} door Gerda Mulder"),
    )
    .await?;

    // A new organisation: a bad e-mail keeps what was typed.
    app.click("#nav-social-map").await?;
    app.click("#new-organisation").await?;
    app.fill("#org-name", "Bibliotheek Lindeloo").await?;
    app.fill("#org-email", "bieb@").await?;
    app.fill("#org-phone", "0599-731 000").await?;
    app.click("#organisation-save").await?;
    app.wait_text("#org-email-error", "naam@voorbeeld.nl")
        .await?;
    assert_eq!(
        app.wait_css("#org-name")
            .await?
            .prop("value")
            .await?
            .as_deref(),
        Some("Bibliotheek Lindeloo")
    );
    if let Some(p) = shot("65-organisatie-fout") {
        app.screenshot(&p).await?;
    }
    app.fill("#org-email", "bieb@lindeloo.example").await?;
    app.fill(
        "#org-description",
        "Boeken, kranten en hulp met de computer.",
    )
    .await?;
    app.click("#organisation-save").await?;
    app.wait_text("#organisation-detail h1", "Bibliotheek Lindeloo")
        .await?;

    // ...with a service.
    app.click("#add-service").await?;
    app.fill("#service-name", "Digicafé").await?;
    app.fill(
        "#service-description",
        "Hulp bij DigiD, de bank-app en videobellen.",
    )
    .await?;
    app.fill(
        "#service-eligibilityDescription",
        "Iedereen, vooral ouderen.",
    )
    .await?;
    app.fill("#service-schedule", "Dinsdag 10.00–12.00 uur")
        .await?;
    app.fill("#service-feesDescription", "Gratis").await?;
    app.fill("#service-contactPhone", "0599-731 001").await?;
    app.click("#service-area-social_contact").await?;
    app.click("#service-area-money_and_admin").await?;
    if let Some(p) = shot("66-dienst-toevoegen") {
        app.scroll_to("service-form").await?;
        app.screenshot(&p).await?;
    }
    if let Some(p) = shot("66b-dienst-onderwerpen") {
        app.scroll_to("service-flags").await?;
        app.screenshot(&p).await?;
    }
    app.click("#service-save").await?;
    app.wait_text("#organisation-detail .success", "Digicafé")
        .await?;
    app.wait_text("#organisation-detail .services", "Dinsdag 10.00–12.00 uur")
        .await?;
    if let Some(p) = shot("67-nieuwe-organisatie") {
        app.screenshot(&p).await?;
    }

    // Export JSON to the test folder and check the file.
    app.click("#nav-social-map").await?;
    app.click("#hsds-export-json").await?;
    app.wait_text("#hsds-exported", "10 organisaties").await?;
    let path = files.path().join("sociale-kaart.json");
    let exported: Value = serde_json::from_slice(&std::fs::read(&path)?)?;
    let orgs = exported.as_array().ok_or("an array of organisations")?;
    assert_eq!(orgs.len(), 10);
    let bieb = orgs
        .iter()
        .find(|o| o["name"] == "Bibliotheek Lindeloo")
        .ok_or("the new organisation")?;
    assert_eq!(bieb["email"], "bieb@lindeloo.example");
    assert_eq!(bieb["services"][0]["name"], "Digicafé");
    assert_eq!(bieb["services"][0]["status"], "active");
    assert_eq!(
        bieb["services"][0]["x_buurtpunt_topics"],
        json!(["social_contact", "money_and_admin"])
    );
    let gemeente = orgs
        .iter()
        .find(|o| o["name"] == "Gemeente Veenmarke")
        .ok_or("the gemeente")?;
    let iso = today.format("%Y-%m-%d").to_string();
    assert_eq!(gemeente["x_buurtpunt_last_checked_on"], json!(iso));
    assert_eq!(gemeente["x_buurtpunt_last_checked_by"], "Gerda Mulder");
    assert_eq!(gemeente["services"][0]["assured_date"], json!(iso));
    assert_eq!(gemeente["services"][0]["x_buurtpunt_wmo_desk"], true);
    if let Some(p) = shot("68-uitwisselen") {
        app.scroll_to("hsds-transfer").await?;
        app.screenshot(&p).await?;
    }
    app.quit().await?;

    // A fresh help point takes the map over; a garbage file first.
    let fresh = tempfile::tempdir()?;
    let app = App::launch_with_files(fresh.path(), files.path()).await?;
    app.start_new_help_point(PASS).await?;
    app.wait_text("#block-social-map", "(0)").await?;
    app.click("#nav-social-map").await?;
    app.wait_exact("#organisation-count", "0 organisaties")
        .await?;
    let garbage = files.path().join("boodschappenlijst.json");
    std::fs::write(&garbage, "melk, brood, kaas")?;
    app.choose_file(&garbage).await?;
    app.click("#hsds-import").await?;
    app.wait_text("#hsds-error", "geen sociale kaart die Buurtpunt kan lezen")
        .await?;
    app.choose_file(&path).await?;
    app.click("#hsds-import").await?;
    app.wait_text("#hsds-report", "Het bestand is ingelezen")
        .await?;
    app.wait_exact("#hsds-orgs-new", "10").await?;
    app.wait_exact("#hsds-services-new", "13").await?;
    assert!(
        !app.exists("#hsds-problems").await?,
        "a Buurtpunt file is taken whole"
    );
    app.wait_exact("#organisation-count", "10 organisaties")
        .await?;
    if let Some(p) = shot("69-ingelezen") {
        app.scroll_to("hsds-transfer").await?;
        app.screenshot(&p).await?;
    }
    search(&app, "digicafe", "Bibliotheek Lindeloo").await?;
    app.click(".organisation-row").await?;
    app.wait_text("#organisation-detail .services", "Hulp bij DigiD")
        .await?;

    // A regional provider's file: addresses, a defunct service, a phone
    // number that is none, a language as a code, an unknown field, a name
    // that starts as a formula. Taken record by record, with a report.
    let regional = files.path().join("regiokaart.json");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../src-tauri/core/tests/fixtures/hsds-import/regiokaart.json"),
        &regional,
    )?;
    app.click("#nav-social-map").await?;
    app.choose_file(&regional).await?;
    app.click("#hsds-import").await?;
    app.wait_text("#hsds-report", "Het bestand is ingelezen")
        .await?;
    app.wait_exact("#hsds-orgs-new", "2").await?;
    app.wait_exact("#hsds-services-new", "3").await?;
    app.wait_exact("#hsds-orgs-skipped", "1").await?;
    let notes = app.text("#hsds-problems").await?;
    for part in [
        "Organisatie Stichting Sociaal Werk Aa en Veen: telefoonnummer \"bel ons maar\" niet leesbaar, overgeslagen",
        "taal alleen als code \"fy\", als naam overgenomen",
        "onbekend gegeven \"favourite_colour\", niet overgenomen",
        "naam begint met =, +, - of @, overgeslagen",
    ] {
        assert!(notes.contains(part), "{part:?} in {notes}");
    }
    if let Some(p) = shot("71-inleesrapport") {
        app.scroll_to("hsds-report").await?;
        app.screenshot(&p).await?;
    }
    search(&app, "ankerweg", "Stichting Sociaal Werk Aa en Veen").await?;
    app.click(".organisation-row").await?;
    app.wait_text(
        "#organisation-addresses",
        "Buurthuis Het Anker, Ankerweg 7, 9543 EF Heidebroek",
    )
    .await?;
    let services = app.text("#organisation-detail .services").await?;
    for part in ["Gestopt", "Vanaf 18 jaar", "Waar", "Anouk de Vries"] {
        assert!(services.contains(part), "{part:?} in {services}");
    }
    if let Some(p) = shot("72-organisatie-met-adres") {
        app.screenshot(&p).await?;
    }

    // Large text on an organisation page.
    app.click("#nav-settings").await?;
    app.click("#large-text").await?;
    app.click("#nav-social-map").await?;
    search(&app, "wmo", "Gemeente Veenmarke").await?;
    app.click(".organisation-row").await?;
    app.wait_text("#organisation-detail h1", "Gemeente Veenmarke")
        .await?;
    if let Some(p) = shot("70-wmo-loket-grote-letters") {
        app.screenshot(&p).await?;
    }
    app.click("#nav-settings").await?;
    app.click("#large-text").await?;
    app.quit().await?;
    Ok(())
}
