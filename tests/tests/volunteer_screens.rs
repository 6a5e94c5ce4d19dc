//! The volunteer screens in the demo village: make a resident a volunteer
//! (a failed save keeps what was typed), see both roles on the person's page,
//! record a check-in and an absence, find them on Vrijwilligers and Vandaag,
//! log hours where a demo volunteer has an agreed match, and the settings.

mod common;

use common::{screenshot_dir, App, TestResult};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;

fn shot(name: &str) -> Option<std::path::PathBuf> {
    screenshot_dir().map(|d| d.join(format!("{name}.png")))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_resident_becomes_a_volunteer_and_shows_up_where_needed() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    // A new resident, then "Ook vrijwilliger maken" on their page.
    app.click("#nav-residents").await?;
    app.click("#new-resident").await?;
    app.fill("#resident-firstName", "Tjitske").await?;
    app.fill("#resident-lastName", "Hoogeveen").await?;
    app.fill("#resident-kern", "Lindeloo").await?;
    app.click("#resident-save").await?;
    app.wait_text("#resident-detail h1", "Tjitske Hoogeveen")
        .await?;
    app.click("#make-volunteer").await?;
    app.wait_css("#volunteer-form #volunteer-save").await?;
    app.wait_text("#volunteer-form", "standaard van de groep: 4 uur")
        .await?;

    if let Some(p) = shot("31-vrijwilliger-formulier") {
        app.screenshot(&p).await?;
    }
    // A wrong number: the error sits next to the field, nothing typed is lost.
    app.click("#volunteer-status-active").await?;
    app.click("#volunteer-skills .choices label:first-child input")
        .await?;
    app.fill("#volunteer-tags", "spreekt Fries").await?;
    app.click("#volunteer-availability-1-0").await?;
    app.click("#volunteer-mobility-bike").await?;
    app.fill("#volunteer-limitHours", "veel").await?;
    app.fill("#volunteer-vogOn", "1-3-2025").await?;
    app.click("#volunteer-save").await?;
    app.wait_text("#volunteer-limitHours-error", "0,5 tot en met 40")
        .await?;
    assert_eq!(
        app.wait_css("#volunteer-tags")
            .await?
            .prop("value")
            .await?
            .as_deref(),
        Some("spreekt Fries")
    );
    if let Some(p) = shot("31b-vrijwilliger-formulier-fout") {
        app.client
            .execute(
                "document.getElementById('volunteer-limitHours').scrollIntoView({block: 'center'});",
                vec![],
            )
            .await?;
        app.screenshot(&p).await?;
    }
    app.fill("#volunteer-limitHours", "2,5").await?;
    app.click("#volunteer-save").await?;

    // The person's page shows both roles.
    app.wait_css("#volunteer-panel").await?;
    app.wait_text("#resident-detail .overline", "vrijwilliger")
        .await?;
    app.wait_text("#volunteer-status", "Actief").await?;
    let profile = app.text("#volunteer-profile").await?;
    assert!(profile.contains("spreekt Fries"), "{profile}");
    assert!(profile.contains("2,5 uur per week"), "{profile}");
    assert!(profile.contains("dinsdag: ochtend"), "{profile}");
    assert!(profile.contains("Fiets"), "{profile}");
    assert!(profile.contains("VOG geldig"), "{profile}");
    app.wait_text("#volunteer-load", "Deze week 0 uur van 2,5 uur")
        .await?;
    if let Some(p) = shot("32-vrijwilliger-pagina") {
        app.scroll_to("volunteer-panel").await?;
        app.screenshot(&p).await?;
    }

    // A check-in that asks for support, and a holiday that covers today.
    app.fill(
        "#checkin-howItGoes",
        "Druk thuis, maar het helpen geeft energie.",
    )
    .await?;
    app.fill(
        "#checkin-dilemma",
        "Mevrouw vraagt steeds om meer dan afgesproken.",
    )
    .await?;
    app.click("#checkin-needsSupport").await?;
    app.click("#checkin-add").await?;
    app.wait_text("#checkin-list", "Heeft steun nodig").await?;
    let today = chrono::Local::now().date_naive();
    let from = (today - chrono::Days::new(1))
        .format("%d-%m-%Y")
        .to_string();
    let until = (today + chrono::Days::new(6))
        .format("%d-%m-%Y")
        .to_string();
    app.fill("#absence-fromOn", &from).await?;
    app.fill("#absence-untilOn", &until).await?;
    app.select("#absence-kind", "holiday").await?;
    app.click("#absence-add").await?;
    app.wait_text("#absent-now", &format!("tot en met {until}"))
        .await?;
    if let Some(p) = shot("33-vrijwilliger-gesprek-afwezig") {
        app.scroll_to("volunteer-matches-title").await?;
        app.screenshot(&p).await?;
    }

    // A pause needs a reason.
    app.select("#volunteer-status-select", "paused").await?;
    app.click("#volunteer-status-apply").await?;
    app.wait_text("#volunteer-status-reason-error", "waarom")
        .await?;

    // Vandaag: the check-in that asked for support is first.
    app.click("#nav-today").await?;
    app.wait_text("#block-checkins", "Tjitske Hoogeveen")
        .await?;
    let rows = app.texts("#block-checkins .checkin-row").await?;
    let mine = rows
        .iter()
        .position(|r| r.contains("Tjitske Hoogeveen"))
        .ok_or("Tjitske is not in the check-in block")?;
    assert!(rows[mine].contains("Heeft steun nodig"), "{rows:?}");
    assert!(
        rows[..mine].iter().all(|r| r.contains("Heeft steun nodig")),
        "those who need support come first: {rows:?}"
    );
    if let Some(p) = shot("30-vandaag-gesprek") {
        app.scroll_to("block-checkins").await?;
        app.screenshot(&p).await?;
    }

    // Vrijwilligers: the overview names her; the list finds her; Enter opens.
    app.click("#nav-volunteers").await?;
    app.wait_css("#volunteers-screen #volunteer-count").await?;
    app.wait_text("#overview-checkins", "Tjitske Hoogeveen")
        .await?;
    app.wait_text("#volunteer-counts", "actief").await?;
    if let Some(p) = shot("34-vrijwilligers") {
        app.screenshot(&p).await?;
    }
    if let Some(p) = shot("35-vrijwilligers-lijst") {
        app.scroll_to("volunteer-list-title").await?;
        app.screenshot(&p).await?;
    }
    app.fill("#volunteer-search", "Hoogeveen").await?;
    app.wait_exact("#volunteer-count", "1 vrijwilliger").await?;
    app.wait_text(".volunteer-row", "Tjitske Hoogeveen").await?;
    let row = app.wait_css(".volunteer-row").await?;
    let row_text = row.text().await?;
    assert!(row_text.contains("Actief"), "{row_text}");
    assert!(row_text.contains("VOG geldig"), "{row_text}");
    row.send_keys(&Key::Enter.to_string()).await?;
    app.wait_text("#resident-detail h1", "Tjitske Hoogeveen")
        .await?;

    // A demo volunteer with an agreed or active match: log hours, the meter follows.
    app.click("#nav-volunteers").await?;
    app.wait_css("#volunteer-search").await?;
    app.client
        .execute(
            "const el = document.getElementById('volunteer-search');
             el.value = ''; el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await?;
    app.wait_text("#volunteer-count", "vrijwilligers").await?;
    let rows = app
        .client
        .find_all(Locator::Css(".volunteer-row"))
        .await?
        .len();
    let mut logged = false;
    for n in 0..rows {
        app.click("#nav-volunteers").await?;
        app.wait_css(".volunteer-row").await?;
        let rows = app.client.find_all(Locator::Css(".volunteer-row")).await?;
        let Some(row) = rows.get(n) else { break };
        row.send_keys(&Key::Enter.to_string()).await?;
        app.wait_css("#volunteer-panel").await?;
        app.wait_text("#volunteer-matches-title", "Koppelingen")
            .await?;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let buttons = app
            .client
            .find_all(Locator::Css("[id^='match-'][id$='-log']"))
            .await?;
        let Some(button) = buttons.first() else {
            continue;
        };
        let before = app.text("#volunteer-load .caption").await?;
        let log_id = button.attr("id").await?.unwrap_or_default();
        let match_id = log_id.trim_end_matches("-log");
        button.click().await?;
        app.fill("[id^='hours-'][id$='-hours']", "1,5").await?;
        app.click("[id^='hours-'][id$='-save']").await?;
        app.wait_text("#volunteer-panel .success", "1,5 uur opgeslagen")
            .await?;
        // The load meter follows the logged hours.
        app.wait_change("#volunteer-load .caption", &before).await?;
        if let Some(p) = shot("36-uren-geschreven") {
            app.scroll_to("volunteer-panel").await?;
            app.screenshot(&p).await?;
        }
        // A wrong entry is taken away (after a confirmation): the load is as before.
        app.click(&format!("#{match_id}-entries")).await?;
        app.wait_text(
            &format!("#hour-entries-{}", &match_id["match-".len()..]),
            "1,5 uur",
        )
        .await?;
        let entry = app
            .client
            .find_all(Locator::Css(".hour-entry"))
            .await?
            .into_iter()
            .next()
            .ok_or("no hour entry listed")?;
        let entry_text = entry.text().await?;
        assert!(entry_text.contains("1,5 uur"), "{entry_text}");
        let entry_id = entry.attr("id").await?.unwrap_or_default();
        app.click(&format!("#{entry_id}-remove")).await?;
        if let Some(p) = shot("36b-uren-weghalen") {
            app.screenshot(&p).await?;
        }
        app.click(&format!("#{entry_id}-yes")).await?;
        app.wait_text("#volunteer-panel .success", "weggehaald")
            .await?;
        app.wait_exact("#volunteer-load .caption", &before).await?;
        logged = true;
        break;
    }
    if !logged {
        eprintln!("no demo volunteer with an agreed match among {rows} rows: hours not logged");
    }

    // Settings: the group's volunteer settings and the skills list, also in the demo.
    app.click("#nav-settings").await?;
    app.fill("#checkin-weeks", "8").await?;
    app.click("#settings-save").await?;
    app.wait_text("#settings-screen .success", "opgeslagen")
        .await?;
    app.fill("#skill-new-name", "Voorlezen").await?;
    app.select("#skill-new-area", "social_contact").await?;
    app.click("#skill-add").await?;
    app.wait_text("#skill-editor", "\"Voorlezen\" is toegevoegd")
        .await?;
    app.fill("#skill-new-name", "voorlezen").await?;
    app.click("#skill-add").await?;
    app.wait_text("#skill-new-name-error", "bestaat al").await?;
    if let Some(p) = shot("37-instellingen-vrijwilligers") {
        app.scroll_to("group-settings-title").await?;
        app.screenshot(&p).await?;
    }
    if let Some(p) = shot("38-talenten-en-taken") {
        app.scroll_to("skill-editor").await?;
        app.screenshot(&p).await?;
    }

    // Large text on the Vrijwilligers screen.
    app.click("#large-text").await?;
    app.click("#nav-volunteers").await?;
    app.wait_css("#volunteers-screen #volunteer-count").await?;
    if let Some(p) = shot("39-vrijwilligers-grote-letters") {
        app.screenshot(&p).await?;
    }
    let row = app.wait_css(".volunteer-row").await?;
    row.send_keys(&Key::Enter.to_string()).await?;
    app.wait_css("#volunteer-panel").await?;
    if let Some(p) = shot("40-vrijwilliger-grote-letters") {
        app.scroll_to("volunteer-panel").await?;
        app.screenshot(&p).await?;
    }
    app.click("#nav-settings").await?;
    app.click("#large-text").await?;

    // 200 % zoom: the person's page still fits the window, nothing cut off.
    if let Some(p) = shot("41-vrijwilliger-zoom-200") {
        app.click("#nav-volunteers").await?;
        let row = app.wait_css(".volunteer-row").await?;
        row.send_keys(&Key::Enter.to_string()).await?;
        app.wait_css("#volunteer-panel").await?;
        // The window cannot be narrower than 900 px; doubling the root font
        // size is how 200 % zoom looks to a layout sized in rem.
        app.client
            .execute("document.documentElement.style.fontSize = '34px';", vec![])
            .await?;
        app.scroll_to("volunteer-panel").await?;
        app.screenshot(&p).await?;
        let wide = app
            .client
            .execute(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;",
                vec![],
            )
            .await?;
        assert_eq!(wide, json!(false), "no sideways scrolling at 200 %");
        app.client
            .execute("document.documentElement.style.fontSize = '';", vec![])
            .await?;
    }
    app.quit().await?;
    Ok(())
}
