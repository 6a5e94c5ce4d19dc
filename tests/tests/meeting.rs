//! Meeting mode in the real window: on every meeting screen the page holds
//! no name, street or phone number of any resident in the (demo) database —
//! not hidden, absent — and the backend refuses personal reads meanwhile.
//! Leaving needs the passphrase. After the meeting, the outcome of a case is
//! written on its request.

mod common;

use common::{poll, screenshot_dir, App, TestResult};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// The demo's passphrase (see `session::DEMO_PASSPHRASE`); the leave
/// dialog names it in the demo.
const DEMO_PASS: &str = "demo-lindeloo-fictief";

/// Call a command from the page; the answer's JSON, or `{"error": code}`.
async fn invoke(app: &App, cmd: &str, args: Value) -> TestResult<Value> {
    Ok(app
        .client
        .execute_async(
            "const [cmd, args, done] = arguments;
             window.__TAURI_INTERNALS__.invoke(cmd, args).then(
               (v) => done(v),
               (e) => done({ error: typeof e === 'string' ? e : e.code }));",
            vec![json!(cmd), args],
        )
        .await?)
}

/// Every resident's full name, surname, street and phone number, read
/// through the app's own commands before the meeting starts.
async fn personal_data(app: &App) -> TestResult<Vec<String>> {
    let page = invoke(
        app,
        "list_residents",
        json!({ "query": { "text": "", "kern": "", "page": 0, "pageSize": 200 } }),
    )
    .await?;
    let items = page["items"]
        .as_array()
        .ok_or_else(|| format!("no residents: {page}"))?;
    assert!(items.len() > 20, "the demo has its residents");
    let mut out = Vec::new();
    for r in items {
        let s = |k: &str| r[k].as_str().unwrap_or_default().trim().to_owned();
        out.push(format!("{} {}", s("firstName"), s("lastName")));
        out.push(s("lastName"));
        out.push(s("street"));
        let phone = s("phone");
        if !phone.is_empty() {
            out.push(phone.chars().filter(char::is_ascii_digit).collect());
            out.push(phone);
        }
    }
    out.retain(|w| w.chars().count() >= 4);
    out.sort();
    out.dedup();
    Ok(out)
}

/// The page's whole HTML holds none of `words` (digits also without spaces).
async fn assert_no_personal_data(app: &App, screen: &str, words: &[String]) -> TestResult {
    let html = app
        .client
        .execute("return document.documentElement.outerHTML;", vec![])
        .await?;
    let html = html.as_str().unwrap_or_default().to_owned();
    let digits: String = html.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    assert!(html.len() > 2000, "{screen}: the page is drawn");
    for w in words {
        let hit = if w.chars().all(|c| c.is_ascii_digit()) {
            digits.contains(w.as_str())
        } else {
            html.contains(w.as_str())
        };
        assert!(!hit, "{screen}: the page holds {w:?}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_meeting_screens_hold_no_personal_data_and_leaving_needs_the_passphrase() -> TestResult
{
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;
    let words = personal_data(&app).await?;
    // The check below would find these: they are on the normal screens.
    app.click("#nav-residents").await?;
    app.wait_css(".resident-row, #resident-count").await?;

    app.click("#meeting-button").await?;
    app.wait_text("#meeting-banner", "geen persoonsgegevens")
        .await?;
    assert!(
        !app.exists("#nav-residents").await?,
        "no menu in the meeting"
    );
    app.wait_css("#chart-requests-by-area svg").await?;
    app.wait_css("#table-referrals-wmo").await?;
    app.wait_text("#table-requests-in-out", "Binnengekomen")
        .await?;
    assert_no_personal_data(&app, "Resultaten", &words).await?;
    if let Some(p) = shot("meeting-1-resultaten") {
        app.screenshot(&p).await?;
    }
    // A month: the same month a year earlier beside it.
    app.click("#period-month").await?;
    app.click("#period-show").await?;
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    common::poll(
        "the chosen month in the heading",
        async || app.text("#meeting-period").await.ok(),
        |p: &String| MONTHS.iter().any(|m| p.starts_with(m)),
    )
    .await?;
    app.wait_css("#chart-requests-by-area svg").await?;
    assert_no_personal_data(&app, "Resultaten (maand)", &words).await?;

    // While the meeting is on, the backend refuses a personal read, even
    // when the page asks for it itself.
    let refused = invoke(
        &app,
        "list_residents",
        json!({ "query": { "text": "", "kern": "", "page": 1, "pageSize": 5 } }),
    )
    .await?;
    assert_eq!(refused["error"], "meeting_mode", "{refused}");

    app.click("#meeting-tab-signals").await?;
    app.wait_text("#signals-period", "een jaar eerder").await?;
    app.wait_css("#table-signals-by-concern").await?;
    assert_no_personal_data(&app, "Signalen", &words).await?;
    if let Some(p) = shot("meeting-2-signalen") {
        app.screenshot(&p).await?;
    }

    app.click("#meeting-tab-agenda").await?;
    app.wait_css(".case").await?;
    // The demo's third case names a resident: shown without its text.
    app.wait_text(".not-anonymous", "nog niet anoniem").await?;
    assert_eq!(app.texts(".case").await?.len(), 3);
    assert_no_personal_data(&app, "Casusoverleg", &words).await?;
    if let Some(p) = shot("meeting-3-casusoverleg") {
        app.screenshot(&p).await?;
    }
    let first = app.wait_css("[id^='case-discussed-']").await?;
    let id = first.attr("id").await?.unwrap_or_default();
    app.click(&format!("#{id}")).await?;
    app.wait_text(".case .done", "Besproken").await?;

    // Leaving: a wrong passphrase keeps the meeting.
    app.click("#meeting-leave").await?;
    app.fill("#leave-meeting-passphrase", "niet het goede wachtwoord")
        .await?;
    app.click("#leave-meeting-confirm").await?;
    app.wait_text("#leave-meeting-passphrase-error", "klopt niet")
        .await?;
    assert!(app.exists("#meeting-banner").await?);
    if let Some(p) = shot("meeting-4-verlaten") {
        app.screenshot(&p).await?;
    }
    app.fill("#leave-meeting-passphrase", DEMO_PASS).await?;
    app.click("#leave-meeting-confirm").await?;
    app.wait_css("#today-screen").await?;
    assert!(!app.exists("#meeting-banner").await?);

    // After the meeting: a case put on the agenda from a request, with a
    // name in it, is refused for the screen until the name is gone; the
    // outcome goes back on the request.
    app.click("#nav-requests").await?;
    let row = app.wait_css(".request-row").await?;
    row.send_keys(&Key::Enter.to_string()).await?;
    app.wait_css("#request-detail").await?;
    // The detail may draw its panels again once everything has loaded:
    // open the agenda form until it stays open.
    poll(
        "the agenda form to open",
        async || {
            if app.exists("#agenda-description").await.ok()? {
                return Some(true);
            }
            if app.exists("#agenda-open").await.ok()? {
                app.click("#agenda-open").await.ok()?;
            }
            Some(false)
        },
        |open| *open,
    )
    .await?;
    let surname = words
        .iter()
        .find(|w| !w.contains(' ') && w.chars().all(char::is_alphabetic))
        .cloned()
        .ok_or("a surname")?;
    app.fill(
        "#agenda-description",
        &format!("Mevrouw {surname} wil graag meer onder de mensen komen."),
    )
    .await?;
    app.fill("#agenda-question", "Wie kent een koffieochtend?")
        .await?;
    app.click("#agenda-save").await?;
    let warning = app
        .wait_text("[id^='agenda-findings-']", "Haal die weg")
        .await?;
    assert!(warning.contains(&surname), "{warning}");
    if let Some(p) = shot("meeting-5-casus-niet-anoniem") {
        app.scroll_to("agenda-panel").await?;
        app.screenshot(&p).await?;
    }
    let edit = app.wait_css("[id^='agenda-edit-']").await?;
    let edit_id = edit.attr("id").await?.unwrap_or_default();
    let item = edit_id.trim_start_matches("agenda-edit-").to_owned();
    app.click(&format!("#{edit_id}")).await?;
    app.fill(
        "#agenda-description",
        "Een vrouw wil graag meer onder de mensen komen.",
    )
    .await?;
    app.click("#agenda-save").await?;
    app.wait_css(&format!("#agenda-item-{item}")).await?;
    // The save's answer takes the warning away (it fails here if it stays).
    let findings = format!("#agenda-findings-{item}");
    common::poll(
        "the name warning is gone",
        async || app.exists(&findings).await.ok(),
        |shown: &bool| !*shown,
    )
    .await?;
    app.fill(
        &format!("#agenda-outcome-{item}"),
        "Samen naar de koffieochtend in het dorpshuis.",
    )
    .await?;
    app.click(&format!("#agenda-outcome-save-{item}")).await?;
    app.wait_text(
        "#request-detail",
        "Casusoverleg: Samen naar de koffieochtend",
    )
    .await?;
    app.quit().await
}
