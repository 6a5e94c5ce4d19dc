//! The audit log (logboek) in the real app: after the first start the
//! contact person says who they are; opening a resident's page writes
//! "bekeken" under that name, a change writes "gewijzigd" with the field
//! (never the value); the page shows it; Settings says the log is intact.
//! Another contact person can take over from the menu, and the choice is
//! remembered on the next unlock.

mod common;

use common::{screenshot_dir, App, TestResult};

const PASS: &str = "lange zomeravond 2026";

#[tokio::test(flavor = "multi_thread")]
async fn opening_and_changing_a_resident_is_logged_under_the_chosen_contact_person() -> TestResult {
    let data = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let app = App::launch(data.path()).await?;

    // A new help point: the first start asks who the first contact person
    // is, and from then on the log names her at this computer.
    app.click("#start-new").await?;
    app.fill("#new-passphrase", PASS).await?;
    app.fill("#new-passphrase-repeat", PASS).await?;
    app.click("#create-submit").await?;
    app.click("#recovery-stored").await?;
    app.click("#recovery-continue").await?;
    app.pass_first_start("Gerda Postma").await?;
    app.wait_text("#current-person", "Gerda Postma").await?;

    // Opening the resident's page is "bekeken" under Gerda's name.
    app.add_resident("Aafke", "Dijkstra").await?;
    let log = app.wait_text("#resident-audit", "bekeken").await?;
    assert!(log.contains("Gerda Postma"), "{log}");

    // A change: the field is named, its value is not.
    app.click("#edit-resident").await?;
    app.fill("#resident-phone", "0612345678").await?;
    app.click("#resident-save").await?;
    let log = app.wait_text("#resident-audit", "telefoon").await?;
    assert!(log.contains("Bewoner gewijzigd"), "{log}");
    assert!(
        !log.contains("0612345678"),
        "a value leaked into the log: {log}"
    );
    if let Some(p) = shot("62-logboek-bewoner") {
        app.scroll_to("resident-audit").await?;
        app.screenshot(&p).await?;
    }

    // Someone else takes over, from the menu.
    app.click("#nav-settings").await?;
    app.fill("#cp-name", "Wim Hoekstra").await?;
    app.click("#cp-add").await?;
    app.wait_text("#contact-persons", "Wim Hoekstra").await?;
    app.click("#switch-person").await?;
    app.wait_text("#who-screen", "Wim Hoekstra").await?;
    click_person(&app, "Wim Hoekstra").await?;
    app.wait_text("#current-person", "Wim Hoekstra").await?;
    app.click("#nav-residents").await?;
    app.wait_texts(".resident-row", "Dijkstra").await?;
    // The row opens on a click (a table row: clicked as a mouse would, by script).
    app.client
        .execute("document.querySelector('.resident-row').click();", vec![])
        .await?;
    let log = app.wait_text("#resident-audit", "Wim Hoekstra").await?;
    assert!(log.contains("Gerda Postma"), "{log}");

    // The check in Settings: whole and unchanged.
    app.click("#nav-settings").await?;
    app.click("#log-check-run").await?;
    app.wait_text("#log-check-result", "compleet en niet veranderd")
        .await?;
    if let Some(p) = shot("63-logboek-controle") {
        app.scroll_to("log-check").await?;
        app.screenshot(&p).await?;
    }

    // The choice is remembered: the next unlock asks no question.
    app.click("#lock-button").await?;
    app.unlock(PASS).await?;
    app.wait_text("#current-person", "Wim Hoekstra").await?;
    assert!(!app.exists("#who-screen").await?);
    app.quit().await?;
    Ok(())
}

/// Click the button on "Wie bent u?" with this name.
async fn click_person(app: &App, name: &str) -> TestResult {
    for b in app
        .client
        .find_all(fantoccini::Locator::Css("#who-screen .person"))
        .await?
    {
        if b.text().await?.trim() == name {
            b.click().await?;
            return Ok(());
        }
    }
    Err(format!("no {name} on Wie bent u?").into())
}
