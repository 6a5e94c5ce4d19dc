//! Nothing typed is lost, in the real app on a real database: a half-typed
//! request survives leaving the form, the lock button, the auto-lock and a
//! forced kill (kill -9), comes back with "U was hier gebleven", keeps what
//! was typed through "Nieuwe bewoner toevoegen", and a refused long text puts
//! the focus on its field with the limit in Dutch notation. The demo says
//! before it closes that everything in it goes.

mod common;

use std::time::Duration;

use common::{kill_app, screenshot_dir, App, TestResult};
use fantoccini::key::Key;
use serde_json::json;

const PASS: &str = "de bakker op de hoek van de brink";

const ASK: &str = "Kan iemand op dinsdag boodschappen doen bij de Spar?";
const NEED: &str = "Durft sinds de val niet meer alleen over straat.";
const OWN: &str = "Zoon belt elke avond, woont in Zwolle.";
const TRIED: &str = "Buurvrouw deed het twee weken, die is nu ziek.";

/// The dialog that asks before a form is left is open, with this title.
async fn asked(app: &App, title: &str) -> TestResult {
    app.wait_text("#ask-dialog[open] #ask-title", title).await?;
    Ok(())
}

async fn closed_dialog(app: &App) -> TestResult {
    let open = async || app.exists("#ask-dialog[open]").await.ok();
    common::poll("the dialog stayed open", open, |open| !open).await?;
    Ok(())
}

/// Every field of the half-typed request is as it was typed.
async fn request_is_as_typed(app: &App, tried: &str) -> TestResult {
    app.wait_text("#request-resident-name", "Fenna Draaisma")
        .await?;
    assert_eq!(app.value("#request-ask").await?, ASK);
    assert_eq!(app.value("#request-underlyingNeed").await?, NEED);
    assert_eq!(app.value("#request-ownStrength").await?, OWN);
    assert_eq!(app.value("#request-tried").await?, tried);
    assert_eq!(app.value("#request-urgency").await?, "high");
    assert!(app.checked("#area-transport").await?);
    assert!(app.checked("#area-household").await?);
    assert!(!app.checked("#area-health").await?);
    Ok(())
}

/// From Vandaag: the notice lists the request; "Verder gaan" opens it.
async fn go_on_from_the_notice(app: &App, shot: Option<&str>) -> TestResult {
    let items = app
        .wait_texts(
            "#draft-notice .draft-item",
            "Nieuwe hulpvraag van Fenna Draaisma",
        )
        .await?;
    assert_eq!(items.len(), 1, "notice: {items:?}");
    app.wait_text("#draft-notice-title", "U was hier gebleven")
        .await?;
    if let (Some(dir), Some(name)) = (screenshot_dir(), shot) {
        app.screenshot(&dir.join(name)).await?;
    }
    app.click("#draft-notice .draft-resume").await?;
    app.wait_css("#request-form").await?;
    app.wait_text("#request-restored", "Dit komt uit een concept")
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_half_typed_request_survives_leaving_the_auto_lock_and_a_forced_kill() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.start_new_help_point(PASS).await?;

    // The caller's words first; the resident does not exist yet.
    app.click("#today-new-request").await?;
    app.fill("#request-ask", ASK).await?;
    app.select("#request-urgency", "high").await?;
    app.fill("#request-resident-search", "Draaisma").await?;
    app.wait_text("#request-resident", "Niemand gevonden")
        .await?;
    app.click("#request-new-resident").await?;
    app.wait_text("#resident-back-notice", "terug naar de hulpvraag")
        .await?;
    // "Annuleren" there goes back to the request, with the words still there.
    app.click("#resident-cancel").await?;
    app.wait_css("#request-form #request-resident-search")
        .await?;
    assert_eq!(app.value("#request-ask").await?, ASK);
    assert_eq!(app.value("#request-urgency").await?, "high");

    app.fill("#request-resident-search", "Draaisma").await?;
    app.wait_text("#request-resident", "Niemand gevonden")
        .await?;
    app.click("#request-new-resident").await?;
    app.wait_css("#resident-back-notice").await?;
    app.fill("#resident-firstName", "Fenna").await?;
    app.fill("#resident-lastName", "Draaisma").await?;
    app.click("#resident-save").await?;
    // Back on the request form: the new resident is chosen, nothing is lost.
    app.wait_text("#request-resident-name", "Fenna Draaisma")
        .await?;
    assert_eq!(app.value("#request-ask").await?, ASK);
    assert_eq!(app.value("#request-urgency").await?, "high");
    assert!(
        !app.exists("#request-restored").await?,
        "a round trip of a moment is no concept to announce"
    );

    app.fill("#request-underlyingNeed", NEED).await?;
    app.click("#area-transport").await?;
    app.click("#area-household").await?;
    app.fill("#request-ownStrength", OWN).await?;
    app.fill("#request-tried", TRIED).await?;

    // The menu asks first; "Terug naar het formulier" keeps everything.
    app.click("#nav-residents").await?;
    asked(&app, "nog niet opgeslagen").await?;
    app.wait_text("#ask-dialog", "Nieuwe hulpvraag van Fenna Draaisma")
        .await?;
    assert_eq!(
        app.focused_id().await?,
        "leave-stay",
        "the safe choice has the focus"
    );
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("40-vraag-voor-weggaan.png"))
            .await?;
    }
    app.click("#leave-stay").await?;
    closed_dialog(&app).await?;
    assert!(app.exists("#request-form").await?);
    request_is_as_typed(&app, TRIED).await?;

    // The lock button asks too; Escape means stay.
    app.click("#lock-button").await?;
    asked(&app, "nog niet opgeslagen").await?;
    app.wait_text("#ask-dialog", "U vergrendelt Buurtpunt")
        .await?;
    app.wait_css("#ask-dialog #leave-keep").await?;
    app.client
        .active_element()
        .await?
        .send_keys(&Key::Escape.to_string())
        .await?;
    closed_dialog(&app).await?;
    assert!(app.exists("#request-form").await?);

    // The auto-lock asks nothing and keeps the draft. The test shortens the
    // idle time (test mode only) and then leaves the window alone.
    app.client
        .execute("window.__buurtpuntTestIdleSeconds = 2;", vec![])
        .await?;
    app.wait_css("#unlock-screen").await?;
    // The auto-lock closed the database cleanly: the WAL is folded back and
    // the clean-close mark lets the next unlock skip the full check.
    assert!(data.path().join("netjes-gesloten.json").exists());
    assert!(!data.path().join("buurtpunt.db-wal").exists());
    app.client
        .execute("delete window.__buurtpuntTestIdleSeconds;", vec![])
        .await?;
    app.unlock(PASS).await?;
    app.wait_css("#today-screen").await?;
    go_on_from_the_notice(&app, Some("41-u-was-hier-gebleven.png")).await?;
    request_is_as_typed(&app, TRIED).await?;

    // More typing, written as a concept a moment later; then a hard kill.
    let more = format!("{TRIED} Morgen vraag ik de kerk.");
    app.fill("#request-tried", &more).await?;
    app.wait_text("#request-draft-status", "Concept bewaard om")
        .await?;
    if let Some(dir) = screenshot_dir() {
        app.client
            .execute(
                "document.getElementById('request-save').scrollIntoView({block: 'end'});",
                vec![],
            )
            .await?;
        app.screenshot(&dir.join("44-concept-bewaard.png")).await?;
    }
    kill_app(data.path())?;
    drop(app);

    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.unlock(PASS).await?;
    app.wait_css("#today-screen").await?;
    go_on_from_the_notice(&app, None).await?;
    request_is_as_typed(&app, &more).await?;
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("45-uit-een-concept.png")).await?;
    }

    // A refused save of a far too long text: the focus goes to that field,
    // and the message gives the limit the Dutch way.
    app.set_value("#request-ask", &"Heel lang verhaal. ".repeat(3_158))
        .await?;
    app.click("#request-save").await?;
    app.wait_text("#request-ask-error", "20.000 tekens").await?;
    let focused = async || app.focused_id().await.ok();
    common::poll("the focus never went to the ask", focused, |id| {
        id == "request-ask"
    })
    .await?;
    let visible = app
        .client
        .execute(
            "const r = document.getElementById('request-ask-error').getBoundingClientRect();
             return r.top >= 0 && r.bottom <= window.innerHeight;",
            vec![],
        )
        .await?;
    assert_eq!(visible, json!(true), "the message is in view");
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("42-te-lange-tekst.png")).await?;
    }

    // A real save throws the draft away: Vandaag has no notice any more.
    app.fill("#request-ask", ASK).await?;
    app.click("#request-save").await?;
    app.wait_text("#request-detail", "Fenna Draaisma").await?;
    app.click("#nav-today").await?;
    app.wait_css("#today-screen .blocks").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !app.exists("#draft-notice").await?,
        "the saved request's concept is still listed"
    );
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_says_it_throws_everything_away_and_a_kept_contact_note_comes_back() -> TestResult
{
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;
    app.click("#nav-requests").await?;
    let row = app.wait_css(".request-row").await?;
    row.send_keys(&Key::Enter.to_string()).await?;
    app.wait_css("#request-detail #note-text").await?;
    let who = app.text("#request-detail h1").await?;
    let note = "Gebeld: de dochter komt donderdag langs.";
    app.fill("#note-text", note).await?;
    app.wait_text("#note-draft-status", "Concept bewaard om")
        .await?;

    // "Demo sluiten" asks, and says the whole demo goes.
    app.click("#lock-button").await?;
    asked(&app, "Demo sluiten?").await?;
    app.wait_text("#ask-dialog", "alles uit de demo weg")
        .await?;
    assert!(
        !app.exists("#ask-dialog #leave-keep").await?,
        "the demo keeps nothing, so it offers no concept"
    );
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("43-demo-sluiten.png")).await?;
    }
    app.click("#leave-stay").await?;
    closed_dialog(&app).await?;
    assert_eq!(
        app.focused_id().await?,
        "lock-button",
        "the focus went back"
    );
    assert_eq!(app.value("#note-text").await?, note);

    // Leave for Vandaag, keeping the note as a concept; it comes back there.
    app.click("#nav-today").await?;
    asked(&app, "nog niet opgeslagen").await?;
    app.click("#leave-keep").await?;
    let items = app
        .wait_texts("#draft-notice .draft-label", "Contactmoment")
        .await?;
    assert_eq!(
        items,
        [format!("Contactmoment bij de hulpvraag van {who}")],
        "notice"
    );
    app.click("#draft-notice .draft-resume").await?;
    app.wait_text("#note-restored", "Dit komt uit een concept")
        .await?;
    assert_eq!(app.value("#note-text").await?, note);
    assert_eq!(
        app.focused_id().await?,
        "note-date",
        "the form shows itself"
    );

    app.click("#lock-button").await?;
    asked(&app, "Demo sluiten?").await?;
    app.click("#leave-discard").await?;
    app.wait_css("#welcome-screen").await?;
    app.quit().await?;
    Ok(())
}
