//! The first start of a real group, in the real window: after the recovery
//! key the help point's name, its kernen, its contact persons and the
//! Wmo-loket, each refused with a plain message when wrong, kept when the
//! app is closed halfway; then "Eerste stappen" on Vandaag and empty
//! screens that say what to do next. Fictional people and places only.

mod common;

use common::axe::{axe_source, violations};
use common::{poll, screenshot_dir, App, TestResult};

/// No serious or critical accessibility violation on the screen as it is.
async fn accessible(app: &App, axe: &str, screen: &str) -> TestResult {
    let found = violations(app, axe).await?;
    assert!(found.is_empty(), "{screen}: {found:?}");
    Ok(())
}

const PASS: &str = "de linde op het plein";

#[tokio::test(flavor = "multi_thread")]
async fn a_new_group_sets_up_its_help_point_and_sees_what_to_do_next() -> TestResult {
    let data = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let axe = axe_source()?;
    let app = App::launch(data.path()).await?;
    app.click("#start-new").await?;
    app.fill("#new-passphrase", PASS).await?;
    app.fill("#new-passphrase-repeat", PASS).await?;
    app.click("#create-submit").await?;
    app.click("#recovery-stored").await?;
    app.click("#recovery-continue").await?;

    // Step 1: the name is needed; the phone must be a phone number.
    app.wait_text("#setup-progress", "Stap 1 van 4").await?;
    app.click("#setup-next").await?;
    app.wait_text("#setup-name-error", "Vul dit in").await?;
    app.fill("#setup-name", "Dorpspunt Oosterwold").await?;
    app.fill("#setup-phone", "bel de kerk").await?;
    app.click("#setup-next").await?;
    app.wait_text("#setup-phone-error", "telefoonnummer")
        .await?;
    app.fill("#setup-phone", "0599-720 180").await?;
    accessible(&app, &axe, "stap 1").await?;
    if let Some(p) = shot("70-eerste-start-buurtpunt") {
        app.screenshot(&p).await?;
    }
    app.click("#setup-next").await?;

    // Step 2: the kernen; a name twice is refused.
    app.wait_text("#setup-progress", "Stap 2 van 4").await?;
    app.fill("#setup-kern-0", "Oosterwold").await?;
    app.click("#setup-kern-add").await?;
    app.fill("#setup-kern-1", "oosterwold").await?;
    app.click("#setup-next").await?;
    app.wait_css("#setup-kern-error").await?;
    app.fill("#setup-kern-1", "Zandvoort aan de Aa").await?;
    accessible(&app, &axe, "stap 2").await?;
    if let Some(p) = shot("71-eerste-start-kernen") {
        app.screenshot(&p).await?;
    }
    app.click("#setup-next").await?;

    // Step 3: first your own name, then a second contact person.
    app.wait_text("#setup-progress", "Stap 3 van 4").await?;
    app.click("#setup-next").await?;
    app.wait_text("#setup-person-name-error", "eigen naam")
        .await?;
    app.fill("#setup-person-name", "Aaltje Veldkamp").await?;
    app.fill("#setup-person-phone", "0599-720 151").await?;
    app.click("#setup-person-add").await?;
    app.wait_text("#setup-people-list", "Aaltje Veldkamp")
        .await?;
    app.fill("#setup-person-name", "Jelle Bosma").await?;
    app.click("#setup-person-add").await?;
    app.wait_text("#setup-people-list", "Jelle Bosma").await?;
    accessible(&app, &axe, "stap 3").await?;
    if let Some(p) = shot("72-eerste-start-contactpersonen") {
        app.screenshot(&p).await?;
    }
    app.click("#setup-next").await?;
    app.wait_text("#setup-progress", "Stap 4 van 4").await?;

    // Closed halfway: the next start goes on at the Wmo-loket, with what
    // was given kept.
    app.quit().await?;
    let app = App::launch(data.path()).await?;
    app.unlock(PASS).await?;
    app.wait_text("#setup-progress", "Stap 4 van 4").await?;
    app.wait_css("#setup-wmo").await?;

    // Step 4: the Wmo-loket needs a phone number to be of use.
    app.fill("#setup-wmo-municipality", "Gemeente Veenmarke")
        .await?;
    app.fill("#setup-wmo-street", "Raadhuisplein 1").await?;
    app.click("#setup-finish").await?;
    app.wait_text("#setup-wmo-phone-error", "Vul dit in")
        .await?;
    // An address in part says what is missing.
    app.wait_text("#setup-wmo-postcode-error", "Vul dit in")
        .await?;
    app.fill("#setup-wmo-postcode", "7991 aa").await?;
    app.fill("#setup-wmo-city", "Lindeloo").await?;
    app.select("#setup-wmo-province", "Drenthe").await?;
    assert_eq!(
        app.value("#setup-wmo-municipality").await?,
        "Gemeente Veenmarke",
        "what was typed stays"
    );
    app.fill("#setup-wmo-phone", "0599-720 100").await?;
    accessible(&app, &axe, "stap 4").await?;
    if let Some(p) = shot("73-eerste-start-wmo-loket") {
        app.screenshot(&p).await?;
    }
    app.click("#setup-finish").await?;

    // Vandaag: the help point's name, Aaltje at the computer (no "Wie
    // bent u?"), and the first steps with the Wmo-loket done.
    app.wait_css("#first-steps").await?;
    app.wait_text(".brand", "Dorpspunt Oosterwold").await?;
    app.wait_text("#current-person", "Aaltje Veldkamp").await?;
    assert!(
        app.exists("#first-step-wmo.done").await?,
        "the Wmo step is done"
    );
    assert!(
        !app.exists("#first-step-volunteers.done").await?,
        "the volunteer step is still to do"
    );
    app.wait_text("#first-step-social-map", "Er staat er nu 1")
        .await?;
    app.wait_text(
        "#block-social-map",
        "in de afgelopen 12 maanden gecontroleerd",
    )
    .await?;
    accessible(&app, &axe, "Vandaag").await?;
    if let Some(p) = shot("74-vandaag-eerste-stappen") {
        app.screenshot(&p).await?;
    }

    // Empty screens say what to do next.
    app.click("#nav-requests").await?;
    app.wait_text("#requests-empty", "Telefoonnotitie").await?;
    let kernen = app.texts("#filter-kern option").await?;
    assert!(
        kernen.iter().any(|k| k == "Oosterwold")
            && kernen.iter().any(|k| k == "Zandvoort aan de Aa"),
        "{kernen:?}"
    );
    if let Some(p) = shot("75-hulpvragen-leeg") {
        app.screenshot(&p).await?;
    }
    app.click("#nav-residents").await?;
    app.wait_text("#residents-empty", "Nieuwe bewoner").await?;
    app.click("#nav-volunteers").await?;
    app.wait_text("#volunteers-empty", "Nieuwe vrijwilliger")
        .await?;
    assert!(
        !app.exists("#volunteer-counts").await?,
        "no overview of nobody"
    );
    if let Some(p) = shot("76-vrijwilligers-leeg") {
        app.screenshot(&p).await?;
    }
    app.click("#nav-signals").await?;
    app.wait_text("#signals-empty", "Signaal noteren").await?;
    app.click("#nav-social-map").await?;
    app.wait_text("#organisation-count", "1 organisatie")
        .await?;

    // The Wmo-loket is a recipient: it is on the social map as such.
    app.click(".organisation-row").await?;
    app.wait_text("#organisation-detail", "Wmo-loket").await?;
    app.wait_text("#organisation-detail", "0599-720 100")
        .await?;
    app.wait_text("#organisation-detail", "Raadhuisplein 1")
        .await?;
    if let Some(p) = shot("77-wmo-loket-op-de-kaart") {
        app.screenshot(&p).await?;
    }

    // "Deze lijst verbergen": gone, also after coming back.
    app.click("#nav-today").await?;
    app.click("#first-steps-hide").await?;
    poll(
        "the first steps did not go away",
        async || app.exists("#first-steps").await.ok(),
        |shown| !shown,
    )
    .await?;
    app.click("#nav-settings").await?;
    app.wait_css("#kernen-settings").await?;
    assert_eq!(app.value("#settings-kern-1").await?, "Zandvoort aan de Aa");
    app.click("#nav-today").await?;
    app.wait_css("#today-counts").await?;
    assert!(!app.exists("#first-steps").await?);
    app.quit().await?;
    Ok(())
}
