//! Accessibility of every screen, checked by axe-core (the engine behind
//! most accessibility checkers) inside the real window: WCAG 2.1 A and AA
//! rules, no serious or critical violation on any screen of the demo
//! village, the forms and the meeting mode included.

mod common;

use common::axe::{axe_source, violations};
use common::{App, TestResult};

/// The part of the window's height above the screen's own content.
async fn poll_share(app: &App) -> TestResult<f64> {
    // Give the window a moment to take its new size.
    for _ in 0..20 {
        let v = app
            .client
            .execute(
                "window.scrollTo(0, 0);
                 const m = document.getElementById('main');
                 return [m.getBoundingClientRect().top, window.innerHeight, window.innerWidth];",
                vec![],
            )
            .await?;
        let n: Vec<f64> = serde_json::from_value(v)?;
        // 1280 pixels wide at 200 %: 640 CSS pixels.
        if n[2] <= 700.0 {
            return Ok(n[0] / n[1]);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err("Ctrl + did not zoom in".into())
}

#[tokio::test(flavor = "multi_thread")]
async fn no_screen_has_a_serious_accessibility_violation() -> TestResult {
    let axe = axe_source()?;
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    // The first screen a new group sees.
    let mut failures: Vec<String> = Vec::new();
    app.wait_css("#open-demo").await?;
    // The check itself works: an image without a text is found.
    app.client
        .execute(
            "const i = document.createElement('img'); i.id = 'axe-probe'; i.src = 'data:,'; document.body.append(i);",
            vec![],
        )
        .await?;
    let probe = violations(&app, &axe).await?;
    assert!(
        probe.iter().any(|v| v.starts_with("image-alt")),
        "axe found no image-alt on a probe image: {probe:?}"
    );
    app.client
        .execute("document.getElementById('axe-probe').remove();", vec![])
        .await?;
    for v in violations(&app, &axe).await? {
        failures.push(format!("welkom: {v}"));
    }
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    // The first Tab stop is "Naar de inhoud", and it goes there.
    app.client
        .execute(
            "document.activeElement && document.activeElement.blur();",
            vec![],
        )
        .await?;
    app.keys(&fantoccini::key::Key::Tab.to_string()).await?;
    assert_eq!(app.focused_id().await?, "skip-link");
    app.keys(&fantoccini::key::Key::Enter.to_string()).await?;
    assert_eq!(app.focused_id().await?, "main");

    // Zoomed in to 200 % with Ctrl + (five steps of 20 %), the header, the
    // demo line and "U werkt als" take a small part of the screen.
    let ctrl = fantoccini::key::Key::Control.to_string();
    for _ in 0..5 {
        app.keys(&format!("{ctrl}={ctrl}")).await?;
    }
    let share: f64 = poll_share(&app).await?;
    if let Some(dir) = common::screenshot_dir() {
        app.screenshot(&dir.join("06-zoom-200.png")).await?;
    }
    app.keys(&format!("{ctrl}0{ctrl}")).await?;
    assert!(
        share <= 0.3,
        "at 200 % the header takes {:.0} % of the window",
        share * 100.0
    );

    // (what to click, what shows when the screen is there, its name)
    let screens: &[(&str, &str, &str)] = &[
        ("#nav-today", "#today-screen", "Vandaag"),
        ("#today-phone-note", "#phone-note", "Telefoonnotitie"),
        ("#nav-requests", "#requests-screen", "Hulpvragen"),
        ("#new-request", "#request-ask", "Nieuwe hulpvraag"),
        ("#nav-requests", ".request-row", "Hulpvragen (lijst)"),
        (".request-row", "#request-detail", "Hulpvraag"),
        ("#find-volunteer", "#suggestions", "Wie kan helpen"),
        ("#nav-residents", ".resident-row", "Bewoners"),
        (".resident-row", "#resident-detail", "Bewoner"),
        ("#nav-volunteers", "#volunteers-screen", "Vrijwilligers"),
        ("#nav-signals", "#signals-screen", "Signalen"),
        ("#nav-social-map", "#social-map-screen", "Sociale kaart"),
        ("#nav-report", "#report-title", "Jaarverslag"),
        ("#nav-privacy", "#privacy-title", "Privacy"),
        ("#nav-settings", "#settings-screen", "Instellingen"),
        // The meeting mode, on a shared screen.
        (
            "#meeting-button",
            "#table-referrals-wmo",
            "Vergadermodus: Resultaten",
        ),
        (
            "#meeting-tab-signals",
            "#table-signals-by-concern",
            "Vergadermodus: Signalen",
        ),
        (
            "#meeting-tab-agenda",
            ".case",
            "Vergadermodus: Casusoverleg",
        ),
    ];
    for (click, shows, name) in screens {
        if click.starts_with('.') {
            // A row of a list opens with Enter, as with the keyboard.
            let row = app.wait_css(click).await?;
            row.send_keys(&fantoccini::key::Key::Enter.to_string())
                .await?;
        } else {
            app.click(click).await?;
        }
        app.wait_css(shows).await?;
        for v in violations(&app, &axe).await? {
            failures.push(format!("{name}: {v}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} serious accessibility violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
    app.quit().await?;
    Ok(())
}
