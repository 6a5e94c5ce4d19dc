//! Signals in the real app: a contact person notes a worry about safety at
//! home (the form and the signal say where to go: Veilig Thuis, 112), then
//! loneliness in one street three times; at the third, Vandaag shows the
//! pattern, and one click makes it a collective help request — without a
//! resident — that links back to its signals, and they to it.

mod common;

use common::{screenshot_dir, App, TestResult};

/// Note one anonymous signal about a street, through the menu and the form.
async fn note_in_street(
    app: &App,
    concern: &str,
    street: &str,
    kern: &str,
    note: &str,
) -> TestResult {
    app.click("#nav-signals").await?;
    app.click("#new-signal").await?;
    app.select("#signal-concernId", concern).await?;
    app.click("#signal-noticer-anonymous").await?;
    app.click("#signal-place-street").await?;
    app.fill("#signal-street", street).await?;
    app.fill("#signal-kern", kern).await?;
    app.fill("#signal-note", note).await?;
    app.click("#signal-save").await?;
    app.wait_css("#signal-detail").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn signals_add_up_to_a_pattern_that_becomes_a_collective_request() -> TestResult {
    let data = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let app = App::launch(data.path()).await?;
    app.start_new_help_point("lange zomeravond 2026").await?;

    // Worry about safety at home: the form says plainly where to go.
    app.click("#nav-signals").await?;
    app.click("#new-signal").await?;
    app.wait_css("#signal-form").await?;
    assert!(!app.exists("#signal-safety").await?);
    app.select("#signal-concernId", "6").await?;
    let panel = app.wait_text("#signal-safety", "0800-2000").await?;
    assert!(panel.contains("112"), "{panel}");
    app.click("#signal-noticer-anonymous").await?;
    app.click("#signal-place-street").await?;
    app.fill("#signal-street", "Kerkstraat").await?;
    app.fill("#signal-kern", "Oosterwolde").await?;
    app.fill(
        "#signal-note",
        "Harde ruzie gehoord, twee avonden achter elkaar.",
    )
    .await?;
    if let Some(p) = shot("signal-form") {
        app.screenshot(&p).await?;
    }
    app.click("#signal-save").await?;
    app.wait_text("#signal-detail-safety", "Veilig Thuis")
        .await?;
    // It is passed on to Veilig Thuis, not handled by the group.
    app.click("#signal-to-closed").await?;
    app.select("#signal-outcome", "passed_on").await?;
    app.fill("#signal-passedTo", "Veilig Thuis").await?;
    app.click("#signal-status-save").await?;
    app.wait_text("#signal-outcome-text", "Veilig Thuis")
        .await?;

    // Loneliness in the Kerkstraat: two signals are no pattern yet.
    note_in_street(
        &app,
        "1",
        "Kerkstraat",
        "Oosterwolde",
        "Meneer komt de deur niet meer uit.",
    )
    .await?;
    note_in_street(
        &app,
        "1",
        "Kerkstraat",
        "Oosterwolde",
        "Mevrouw sprak al een week niemand.",
    )
    .await?;
    note_in_street(
        &app,
        "1",
        "Dorpsstraat",
        "Oosterwolde",
        "Niemand meer bij de koffieochtend.",
    )
    .await?;
    app.click("#nav-today").await?;
    app.wait_text("#today-new-signals", "3 nieuwe signalen")
        .await?;
    assert!(
        !app.exists(".pattern").await?,
        "two in one street is no pattern"
    );

    // The third in the same street makes one.
    note_in_street(
        &app,
        "1",
        "Kerkstraat",
        "Oosterwolde",
        "Gordijnen blijven de hele dag dicht.",
    )
    .await?;
    app.click("#nav-today").await?;
    app.wait_exact(
        "#pattern-0 .text",
        "In de Kerkstraat in Oosterwolde zijn in 1 week 3 signalen over eenzaamheid genoteerd.",
    )
    .await?;
    if let Some(p) = shot("today-pattern") {
        app.screenshot(&p).await?;
    }

    // One click: a collective request for the street, without a resident.
    app.click("#pattern-0 .pattern-collective").await?;
    app.wait_text("#request-detail h1", "Kerkstraat, Oosterwolde")
        .await?;
    app.wait_text("#request-detail .overline", "Gezamenlijke hulpvraag")
        .await?;
    let from = app
        .wait_text(
            "#request-from-signals",
            "Uit 3 signalen over eenzaamheid, van",
        )
        .await?;
    assert!(!from.contains(" ,"), "{from}");
    assert!(
        !app.exists("#referral-panel").await?,
        "no referral without a resident"
    );
    if let Some(p) = shot("collective-request") {
        app.screenshot(&p).await?;
    }

    // And back: the signal names its collective request.
    app.click("#request-from-signals .from-signal").await?;
    app.wait_text("#signal-status", "Opgepakt").await?;
    app.wait_text("#signal-outcome-text", "Gezamenlijke actie")
        .await?;
    app.click("#signal-collective-link").await?;
    app.wait_text("#request-detail h1", "Kerkstraat, Oosterwolde")
        .await?;

    // The pattern is acted on: Vandaag no longer shows it.
    app.click("#nav-today").await?;
    app.wait_text("#today-new-signals", "1 nieuw signaal")
        .await?;
    assert!(!app.exists(".pattern").await?);

    // The request list shows the place where a name would be.
    app.click("#nav-requests").await?;
    app.wait_texts(".request-row", "Kerkstraat, Oosterwolde")
        .await?;
    app.quit().await
}

/// The demo: its pattern on Vandaag, 40 signals, who noted one about a
/// resident, and a signal made into a request with its facts filled in.
#[tokio::test(flavor = "multi_thread")]
async fn the_demo_village_shows_its_pattern_and_a_year_of_signals() -> TestResult {
    let data = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let app = App::launch(data.path()).await?;
    app.click("#open-demo").await?;
    app.wait_text("#pattern-0 .text", "In de Turfstraat in Veenhoeve")
        .await?;
    if let Some(p) = shot("demo-today") {
        app.screenshot(&p).await?;
    }
    app.click("#nav-signals").await?;
    app.wait_exact("#signal-count", "40 signalen").await?;
    if let Some(p) = shot("demo-signals") {
        app.screenshot(&p).await?;
    }
    // A signal about a named resident shows who noted it.
    app.select("#signal-filter-concern", "6").await?;
    app.wait_exact("#signal-count", "1 signaal").await?;
    let row = app.wait_css(".signal-row").await?;
    row.send_keys(&fantoccini::key::Key::Enter.to_string())
        .await?;
    app.wait_text("#signal-detail-safety", "0800-2000").await?;
    assert!(
        !app.exists("#signal-make-request").await?,
        "no help request of the group's own for this"
    );
    let noticer = app.text("#signal-noticer").await?;
    assert!(noticer.contains("vrijwilliger"), "{noticer}");
    if let Some(p) = shot("demo-signal-detail") {
        app.screenshot(&p).await?;
    }

    // "Niet pluis" about a resident, to be referred: one click opens the
    // request form with the facts filled in; saving links both ways and
    // opens the referral form on the new request.
    app.click("#nav-signals").await?;
    app.select("#signal-filter-concern", "8").await?;
    app.wait_text(".signal-row", "Niet pluis").await?;
    let row = app.wait_css(".signal-row").await?;
    row.send_keys(&fantoccini::key::Key::Enter.to_string())
        .await?;
    app.click("#signal-make-referral").await?;
    app.wait_text("#request-from-signal", "doorverwijzing")
        .await?;
    let ask = app.value("#request-ask").await?;
    assert!(ask.contains("eet niet meer"), "{ask}");
    app.click("#request-save").await?;
    app.wait_css("#referral-form #referral-reason").await?;
    app.wait_text("#request-from-signals", "Uit signaal van")
        .await?;
    app.click("#request-from-signals .from-signal").await?;
    app.wait_text("#signal-status", "Opgepakt").await?;
    app.wait_css("#signal-request-link").await?;
    app.quit().await
}
