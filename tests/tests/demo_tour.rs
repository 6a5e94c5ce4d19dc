//! A contact person's working day in the demo village, keyboard first:
//! large text, follow-up done and moved on Vandaag, open a request with
//! Enter, add a contact moment, close it with a reason, and find the
//! resident's page.

mod common;

use common::{screenshot_dir, App, TestResult};
use fantoccini::key::Key;

#[tokio::test(flavor = "multi_thread")]
async fn a_request_is_followed_up_and_closed_with_a_reason() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));

    // Large text is a setting of this computer, already on the welcome screen.
    app.click("#large-text").await?;
    let large = app
        .client
        .execute(
            "return document.documentElement.classList.contains('large-text')",
            vec![],
        )
        .await?;
    assert_eq!(large, serde_json::json!(true));
    if let Some(p) = shot("20-grote-letters") {
        app.screenshot(&p).await?;
    }
    app.click("#large-text").await?;

    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    // Vandaag is one to-do list: each request once, calls first, how late
    // in words.
    app.wait_css("#today-todo .todo-row").await?;
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css("#today-todo .todo-row"))
        .await?;
    let mut seen = std::collections::HashSet::new();
    for row in &rows {
        let id = row.attr("id").await?.ok_or("a row without id")?;
        assert!(seen.insert(id.clone()), "{id} is on the list twice");
    }
    app.wait_text("#today-todo", "te laat").await?;
    let first_row = app.text("#today-todo .todo-row").await?;
    assert!(
        first_row.contains("Bellen"),
        "a call is not first: {first_row}"
    );

    // Follow-up, right on the row: one call is done (with a note), another
    // moves to next week (with the reason, which stays with it).
    app.wait_css("#today-todo .due").await?;
    let due = app
        .client
        .find_all(fantoccini::Locator::Css("#today-todo .due"))
        .await?;
    assert!(due.len() >= 2, "the demo has follow-up due today");
    let first = due[0].attr("id").await?.ok_or("no id")?;
    let second = due[1].attr("id").await?.ok_or("no id")?;
    let id = |li: &str| li.trim_start_matches("due-reminder-").to_owned();
    let (first, second) = (id(&first), id(&second));
    if let Some(p) = shot("24a-vandaag-opvolging") {
        app.scroll_to("today-todo").await?;
        app.screenshot(&p).await?;
    }
    app.click(&format!("#due-done-{first}")).await?;
    app.fill(&format!("#due-note-{first}"), "Gebeld, het gaat goed.")
        .await?;
    app.click(&format!("#due-confirm-{first}")).await?;
    app.wait_text("#today-todo", "is gedaan").await?;
    assert!(!app.exists(&format!("#due-reminder-{first}")).await?);
    let next_week = (chrono::Local::now().date_naive() + chrono::Days::new(7))
        .format("%d-%m-%Y")
        .to_string();
    app.click(&format!("#due-snooze-{second}")).await?;
    app.fill(&format!("#due-until-{second}"), &next_week)
        .await?;
    app.fill(&format!("#due-note-{second}"), "Dochter belt eerst zelf.")
        .await?;
    if let Some(p) = shot("24b-vandaag-later") {
        app.screenshot(&p).await?;
    }
    app.click(&format!("#due-confirm-{second}")).await?;
    app.wait_text("#today-todo", "is verschoven").await?;
    assert!(!app.exists(&format!("#due-reminder-{second}")).await?);

    app.click("#nav-requests").await?;
    app.select("#filter-status", "open").await?;
    app.fill("#request-search", "ziekenhuis").await?;
    app.wait_text("#result-count", "hulpvra").await?;

    // Keyboard: focus the first row and press Enter.
    let row = app.wait_css(".request-row").await?;
    row.send_keys(&Key::Enter.to_string()).await?;
    app.wait_css("#request-detail").await?;
    if let Some(p) = shot("21-hulpvraag") {
        app.screenshot(&p).await?;
    }
    let before = app.texts(".log-entry").await?.len();
    app.fill("#note-text", "Gebeld: buurman Evert rijdt donderdag.")
        .await?;
    app.click("#note-add").await?;
    app.wait_text("#request-detail", "buurman Evert rijdt")
        .await?;
    assert_eq!(app.texts(".log-entry").await?.len(), before + 1);

    // Closing needs a reason; without one the app says so in Dutch.
    app.select("#status-select", "close").await?;
    app.click("#status-apply").await?;
    app.wait_text("#close-kind-error", "Kies waarom").await?;
    app.click("#close-kind-need_met").await?;
    app.fill("#status-reason", "Vervoer geregeld met de buurman.")
        .await?;
    app.fill(
        "#status-outcome",
        "Mevrouw komt weer op tijd bij het ziekenhuis.",
    )
    .await?;
    app.click("#status-apply").await?;
    app.wait_text("#request-status", "Afgerond").await?;
    app.wait_text("#request-detail", "Status: Afgerond").await?;
    app.wait_text("#request-detail", "Resultaat: Mevrouw komt weer op tijd")
        .await?;

    // The resident's page lists the request.
    app.click("#request-detail .title-row button.secondary:nth-of-type(2)")
        .await?;
    app.wait_css("#resident-detail").await?;
    app.wait_text("#resident-detail", "Hulpvragen").await?;
    if let Some(p) = shot("22-bewoner") {
        app.screenshot(&p).await?;
    }
    app.click("#nav-settings").await?;
    app.wait_text("#settings-screen", "Niet beschikbaar in de demo")
        .await?;
    if let Some(p) = shot("23-instellingen") {
        app.screenshot(&p).await?;
    }
    app.quit().await?;
    Ok(())
}
