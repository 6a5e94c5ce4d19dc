//! Retention in the real app: files kept longer than agreed show on Vandaag,
//! one button and a plain question anonymise them, the names are gone from
//! the residents list and its search, and the group's figures for those
//! years are the same as before.

mod common;

use std::path::Path;

use buurtpunt_core::requests::{self, CloseInput, CloseKind, RequestInput, Status};
use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::results::{self, Figures, PeriodChoice};
use buurtpunt_core::session::Session;
use buurtpunt_core::store::KdfParams;
use buurtpunt_core::vocab::LifeArea;
use chrono::{Datelike, Days, NaiveDateTime};
use common::{screenshot_dir, App, TestResult};

const PASS: &str = "de kievit op het land";
/// Cheap key derivation for the set-up; the app reads it from the key file.
const FAST: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

/// Someone who asked for help three years ago; all of it closed since.
fn old_case(s: &mut Session, first: &str, last: &str, then: NaiveDateTime) -> TestResult {
    let r = residents::create(
        s.db()?,
        ResidentInput {
            first_name: first.into(),
            last_name: last.into(),
            street: "Klaproosweg".into(),
            kern: "Lindeloo".into(),
            phone: "0599-123456".into(),
            ..Default::default()
        },
        true,
        then,
    )?;
    let req = requests::create(
        s.db()?,
        RequestInput {
            resident_id: Some(r.id),
            received_on: then.date().to_string(),
            ask: format!("{first} zoekt vervoer naar de fysiotherapeut"),
            life_areas: vec![LifeArea::Transport],
            ..Default::default()
        },
        then,
    )?;
    let later = then + Days::new(3);
    requests::change_status(s.db()?, req.id, Status::InProgress, "", later)?;
    requests::close(
        s.db()?,
        req.id,
        &CloseInput {
            kind: CloseKind::NeedMet,
            note: String::new(),
            outcome: format!("{first} rijdt nu mee met de buurman"),
        },
        later,
    )?;
    Ok(())
}

/// The year three years ago, as the meeting counts it.
fn figures(s: &mut Session, year: i32) -> TestResult<Figures> {
    let today = chrono::Local::now().date_naive();
    Ok(results::for_choice(
        s.db()?.conn(),
        &PeriodChoice::Year { year },
        today,
    )?)
}

/// A help point with two old cases and one of this week, made by the core.
fn help_point(dir: &Path, year: i32) -> TestResult<Figures> {
    let mut s = Session::new(dir, FAST);
    s.create(PASS)?;
    let now = chrono::Local::now().naive_local();
    let then = now - Days::new(3 * 365);
    old_case(&mut s, "Zwaantje", "Oosterhuisman", then)?;
    old_case(&mut s, "Harmke", "Wubbolding", then + Days::new(20))?;
    residents::create(
        s.db()?,
        ResidentInput {
            first_name: "Anna".into(),
            last_name: "Bakker".into(),
            kern: "Lindeloo".into(),
            ..Default::default()
        },
        true,
        now,
    )?;
    let before = figures(&mut s, year)?;
    s.lock()?;
    Ok(before)
}

async fn shot(app: &App, name: &str) -> TestResult {
    if let Some(dir) = screenshot_dir() {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.screenshot(&dir.join(name)).await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn old_files_are_anonymised_after_one_question_and_the_figures_stay() -> TestResult {
    let data = tempfile::tempdir()?;
    let dir = data.path();
    let year = (chrono::Local::now().date_naive() - Days::new(3 * 365)).year();
    let before = help_point(dir, year)?;

    let app = App::launch(dir).await?;
    app.unlock(PASS).await?;
    app.pass_who_screen().await?;
    app.wait_text(
        "#retention-notice",
        "2 dossiers zijn langer bewaard dan afgesproken",
    )
    .await?;
    app.expect_found("Oosterhuisman", "1 bewoner").await?;
    app.click("#nav-today").await?;
    app.wait_css("#retention-anonymise").await?;
    shot(&app, "retention-notice.png").await?;

    app.click("#retention-anonymise").await?;
    app.wait_text("#ask-dialog", "U kunt dit niet terugdraaien")
        .await?;
    shot(&app, "retention-question.png").await?;
    app.click("#anonymise-confirm").await?;
    app.wait_text("#retention-done", "2 dossiers zijn geanonimiseerd")
        .await?;
    app.wait_text("#retention-backups", "reservekopie").await?;
    shot(&app, "retention-done.png").await?;

    app.expect_found("Oosterhuisman", "0 bewoners").await?;
    app.expect_found("Wubbolding", "0 bewoners").await?;
    app.expect_found("Bakker", "1 bewoner").await?;
    // The terms, each with its reason, in Settings.
    app.click("#nav-settings").await?;
    app.wait_text("#settings-screen", "Hoe lang bewaren")
        .await?;
    app.scroll_to("retention-settings-title").await?;
    shot(&app, "retention-settings.png").await?;
    app.quit().await?;

    let mut s = Session::new(dir, FAST);
    s.unlock(PASS, chrono::Local::now().naive_local())?;
    assert_eq!(figures(&mut s, year)?, before, "the figures of {year}");
    s.lock()?;
    Ok(())
}
