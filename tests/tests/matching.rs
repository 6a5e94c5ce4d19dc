//! Load-aware matching in the real app: register a volunteer, create a
//! request, see the suggestion with its reasons, match, log hours and watch
//! the load meter change; a volunteer at the limit appears under "Niet
//! beschikbaar" with the reason, and going over it needs a reason.

mod common;

use common::{screenshot_dir, App, TestResult};
use fantoccini::key::Key;

const PASS: &str = "de klusjesman van het dorp";
/// The seeded skill "Klussen in huis" (third in the group's starting list).
const KLUSSEN: &str = "3";

async fn new_resident(app: &App, first: &str, last: &str) -> TestResult {
    app.click("#nav-residents").await?;
    app.click("#new-resident").await?;
    app.fill("#resident-firstName", first).await?;
    app.fill("#resident-lastName", last).await?;
    app.fill("#resident-kern", "Lindeloo").await?;
    app.click("#resident-save").await?;
    app.wait_text("#resident-detail h1", first).await?;
    Ok(())
}

/// Evert volunteers: odd jobs, at most 2 hours a week.
async fn evert_does_odd_jobs(app: &App) -> TestResult {
    new_resident(app, "Evert", "Brinkhuis").await?;
    app.click("#make-volunteer").await?;
    app.wait_css("#volunteer-form").await?;
    app.click(&format!("#skill-{KLUSSEN}")).await?;
    app.fill("#volunteer-limitHours", "2").await?;
    app.click("#volunteer-status-active").await?;
    app.click("#volunteer-save").await?;
    app.wait_text("#volunteer-panel", "Klussen in huis").await?;
    Ok(())
}

async fn odd_job(app: &App, ask: &str) -> TestResult {
    app.click("#new-request-for-resident").await?;
    app.fill("#request-ask", ask).await?;
    app.click(&format!("#request-skill-{KLUSSEN}")).await?;
    app.click("#request-save").await?;
    app.wait_text("#request-detail", ask).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_volunteer_is_matched_with_reasons_and_protected_at_the_limit() -> TestResult {
    let data = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let app = App::launch(data.path()).await?;
    app.start_new_help_point(PASS).await?;

    evert_does_odd_jobs(&app).await?;

    // Mien asks for help with a lamp.
    new_resident(&app, "Mien", "Jansen").await?;
    odd_job(&app, "De lamp in de gang is kapot.").await?;
    app.click("#find-volunteer").await?;
    let card = app.wait_text(".suggestion", "Evert Brinkhuis").await?;
    for reason in [
        "Heeft als talent: Klussen in huis",
        "Woont in dezelfde kern (Lindeloo)",
        "Heeft deze week nog 2 uur",
        "Is nog nooit gevraagd",
        // Whom to call and the VOG state, right on the card.
        "geen telefoon",
        "Geen VOG",
    ] {
        assert!(card.contains(reason), "missing {reason:?} in {card}");
    }
    if let Some(p) = shot("30-voorstellen") {
        app.screenshot(&p).await?;
    }

    // Match: agreed, with the agreement; the request follows.
    app.click("[id^=choose-]").await?;
    app.fill(
        "[id^=match-][id$=-agreement]",
        "Evert komt zaterdag om 10 uur.",
    )
    .await?;
    app.click("[id^=match-][id$=-agreed]").await?;
    app.click("[id^=match-][id$=-save]").await?;
    app.wait_text(".match-row", "Akkoord").await?;
    app.wait_text("#request-status", "Gekoppeld").await?;

    // Two hours logged: the match is busy and Evert is at his limit.
    app.click("[id^=match-hours-]").await?;
    app.fill("[id^=hours-][id$=-hours]", "2").await?;
    app.fill("[id^=hours-][id$=-note]", "Lamp vervangen")
        .await?;
    app.click("[id^=hours-][id$=-save]").await?;
    app.wait_text(".match-row", "Bezig").await?;
    app.wait_text(".match-row", "2 uur").await?;
    app.wait_text("#request-hours", "Samen geholpen: 2 uur")
        .await?;
    app.click(".match-row .name").await?;
    app.wait_text("#volunteer-panel", "Aan de grens").await?;
    app.wait_text("#volunteer-panel", "Deze week 2 uur van 2 uur")
        .await?;
    app.wait_text("#volunteer-hours-sum", "2 uur").await?;
    if let Some(p) = shot("31-vrijwilliger") {
        app.screenshot(&p).await?;
    }

    // The overview names him.
    app.click("#nav-volunteers").await?;
    app.wait_text("#volunteers-screen", "Evert Brinkhuis")
        .await?;
    app.wait_text("#volunteers-screen", "Aan de grens").await?;
    app.wait_text("#all-hours-sum", "2 uur").await?;
    if let Some(p) = shot("32-vrijwilligers-overzicht") {
        app.screenshot(&p).await?;
    }
    if let Some(p) = shot("32b-uren-van-iedereen") {
        app.scroll_to("all-hours-title").await?;
        app.screenshot(&p).await?;
    }

    // A second request: Evert is not suggested, but listed with the reason.
    app.click("#nav-residents").await?;
    app.fill("#resident-search", "Mien").await?;
    app.wait_exact("#resident-count", "1 bewoner").await?;
    let row = app.wait_css(".resident-row").await?;
    row.send_keys(&Key::Enter.to_string()).await?;
    app.wait_css("#resident-detail").await?;
    odd_job(&app, "De dakgoot lekt bij de voordeur.").await?;
    app.click("#find-volunteer").await?;
    app.wait_css("#no-suggestions").await?;
    // Nobody suggested: the list of who is not available is open already.
    app.wait_css("#unavailable[open]").await?;
    app.wait_text("[id^=unavailable-]", "Aan de grens: 2 van 2 uur deze week")
        .await?;
    if let Some(p) = shot("33-niet-beschikbaar") {
        app.screenshot(&p).await?;
    }

    // Going over the limit only with a reason, which is kept and logged.
    app.click("[id^=override-]").await?;
    app.click("[id^=match-][id$=-save]").await?;
    app.wait_text("[id^=match-][id$=-overrideReason-error]", "waarom")
        .await?;
    app.fill(
        "[id^=match-][id$=-overrideReason]",
        "Evert woont ernaast en wil het graag doen.",
    )
    .await?;
    app.click("[id^=match-][id$=-save]").await?;
    app.wait_text(".match-row", "Over de grens gekoppeld")
        .await?;
    app.wait_text(
        "#request-detail",
        "Over de grens van Evert Brinkhuis gekoppeld. Reden: Evert woont ernaast",
    )
    .await?;
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_volunteer_near_the_limit_is_suggested_with_a_warning() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.start_new_help_point(PASS).await?;
    evert_does_odd_jobs(&app).await?;

    // One job of an hour and a half: three quarters of his two hours.
    new_resident(&app, "Mien", "Jansen").await?;
    odd_job(&app, "De lamp in de gang is kapot.").await?;
    app.click("#find-volunteer").await?;
    app.wait_text(".suggestion", "Evert Brinkhuis").await?;
    app.click("[id^=choose-]").await?;
    app.click("[id^=match-][id$=-agreed]").await?;
    app.click("[id^=match-][id$=-save]").await?;
    app.wait_text(".match-row", "Akkoord").await?;
    app.click("[id^=match-hours-]").await?;
    app.fill("[id^=hours-][id$=-hours]", "1,5").await?;
    app.click("[id^=hours-][id$=-save]").await?;
    app.wait_text(".match-row", "1,5 uur").await?;

    // The next job: still suggested, with a visible warning.
    new_resident(&app, "Gerrit", "Mulder").await?;
    odd_job(&app, "Het hek hangt scheef.").await?;
    app.click("#find-volunteer").await?;
    let card = app.wait_text(".suggestion", "Evert Brinkhuis").await?;
    assert!(
        card.contains("Bijna aan de grens: 1,5 van 2 uur deze week"),
        "{card}"
    );
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("30b-bijna-aan-de-grens.png"))
            .await?;
    }

    // A visit with no task picked, flagged as personal care: the list asks
    // for a task, repeats the professional warning, and the VOG rule of
    // social contact keeps Evert (who has no VOG) out.
    app.click("#nav-residents").await?;
    app.fill("#resident-search", "Gerrit").await?;
    app.wait_exact("#resident-count", "1 bewoner").await?;
    let row = app.wait_css(".resident-row").await?;
    row.send_keys(&Key::Enter.to_string()).await?;
    app.wait_css("#resident-detail").await?;
    app.click("#new-request-for-resident").await?;
    app.fill("#request-ask", "Wil iemand mij helpen met wassen?")
        .await?;
    app.click("#area-social_contact").await?;
    app.click("#flag-personal_care").await?;
    app.click("#request-save").await?;
    app.wait_css("#professional-banner").await?;
    app.click("#find-volunteer").await?;
    app.wait_text("#suggestions-no-task", "Er is nog geen taak gekozen")
        .await?;
    app.wait_text("#suggestions-vog-inferred", "Sociaal contact")
        .await?;
    app.wait_text("#suggestions-professional", "professional")
        .await?;
    app.wait_text("[id^=unavailable-]", "Heeft geen VOG, en die is nodig")
        .await?;
    if let Some(dir) = screenshot_dir() {
        app.scroll_to("suggestions-title").await?;
        app.screenshot(&dir.join("30c-geen-taak.png")).await?;
    }
    app.click("#suggestions-pick-task").await?;
    app.wait_css("#request-skill-3").await?;
    app.quit().await?;
    Ok(())
}
