//! The phone call, keyboard only: from Vandaag a short phone note for
//! someone new, saved with Enter; it becomes a request in "nieuw" with the
//! caller as a new resident, and the call-back shows on Vandaag. The week
//! grid of the full form is one Tab stop. All people are fictional.

mod common;

use common::{screenshot_dir, App, TestResult};
use fantoccini::key::Key;

const PASS: &str = "de telefoon gaat bij het dorpspunt";

fn k(key: Key) -> String {
    key.to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_phone_note_is_taken_with_the_keyboard_only() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.start_new_help_point(PASS).await?;

    app.click("#today-phone-note").await?;
    app.wait_css("#phone-note").await?;
    // The focus starts in the form (the title); Tab to "Wie belt er?".
    app.click("#note-known").await?;
    assert_eq!(app.focused_id().await?, "note-known");
    // Arrow to "Iemand nieuw", then Tab through the new fields.
    app.keys(&k(Key::Down)).await?;
    app.wait_css("#note-firstName").await?;
    app.keys(&format!("{}Jantina", k(Key::Tab))).await?;
    app.keys(&format!("{}Kuipers", k(Key::Tab))).await?;
    app.keys(&format!("{}0599-123456", k(Key::Tab))).await?;
    app.keys(&format!(
        "{}Mijn man is gevallen. Wie kan deze week boodschappen doen?",
        k(Key::Tab)
    ))
    .await?;
    // Urgency: one Tab stop, the arrow picks "Dringend" (after "Normaal").
    app.keys(&k(Key::Tab)).await?;
    assert_eq!(app.focused_id().await?, "note-urgency-normal");
    app.keys(&k(Key::Right)).await?;
    assert!(
        app.checked("#note-urgency-high").await?,
        "Dringend not chosen"
    );
    // The call-back date is today already; a note, then Enter saves.
    app.keys(&k(Key::Tab)).await?;
    assert_eq!(app.focused_id().await?, "note-callBackOn");
    app.keys(&format!("{}na 14 uur", k(Key::Tab))).await?;
    if let Some(dir) = screenshot_dir() {
        app.screenshot(&dir.join("05-telefoonnotitie.png")).await?;
    }
    app.keys(&k(Key::Enter)).await?;

    app.wait_text("#request-detail", "Wie kan deze week boodschappen doen?")
        .await?;
    app.wait_text("#request-status", "Nieuw").await?;
    app.wait_text("#request-detail", "Jantina Kuipers").await?;
    app.wait_text("#request-detail", "Dringend").await?;

    // The call-back is on Vandaag, with the number to call.
    app.click("#nav-today").await?;
    app.wait_text("#today-screen", "Terugbellen (0599-123456): na 14 uur")
        .await?;

    // A volunteer straight from the Vrijwilligers screen: made as a
    // resident too.
    app.click("#nav-volunteers").await?;
    app.click("#new-volunteer").await?;
    app.fill("#volunteer-person-firstName", "Roelie").await?;
    app.fill("#volunteer-person-lastName", "Dijkhuis").await?;
    app.fill("#volunteer-person-phone", "06-27182818").await?;
    app.click("#volunteer-status-active").await?;
    app.click("#volunteer-save").await?;
    app.wait_text("#resident-detail h1", "Roelie Dijkhuis")
        .await?;
    app.wait_text("#resident-detail", "Bewoner en vrijwilliger")
        .await?;

    // The full form: the week grid is one Tab stop, the arrows move inside.
    app.click("#nav-requests").await?;
    app.click("#new-request").await?;
    app.wait_css("#request-ask").await?;
    let grid = app.wait_css("[id$='-0-0'][type=checkbox]").await?;
    let id = grid.attr("id").await?.unwrap_or_default();
    app.click(&format!("#{id}")).await?;
    app.keys(&format!("{}{}", k(Key::Right), k(Key::Down)))
        .await?;
    let prefix = id.trim_end_matches("-0-0");
    assert_eq!(app.focused_id().await?, format!("{prefix}-1-1"));
    app.keys(&k(Key::Tab)).await?;
    assert!(
        !app.focused_id().await?.starts_with(prefix),
        "Tab stayed inside the week grid"
    );
    app.quit().await?;
    Ok(())
}
