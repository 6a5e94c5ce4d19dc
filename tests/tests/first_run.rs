//! The foundation flow of a new contact person, in the real app window:
//! first launch → choose passphrase → resident → request → quit → relaunch →
//! wrong passphrase refused → right passphrase → the request is found again.

mod common;

use common::{app_pid, screenshot_dir, App, TestResult};

const PASS: &str = "kastanjeboom bij de kerk";

/// The settings `lean_start` gives the app (a value set outside is kept).
const LEAN: [(&str, &str); 4] = [
    ("MALLOC_ARENA_MAX", "2"),
    ("MALLOC_TRIM_THRESHOLD_", "131072"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    ("JSC_useDFGJIT", "0"),
];

fn lean_settings_are_in(pid: u32) -> TestResult {
    let environ = std::fs::read(format!("/proc/{pid}/environ"))?;
    let vars: Vec<String> = environ
        .split(|b| *b == 0)
        .map(|v| String::from_utf8_lossy(v).into_owned())
        .collect();
    for (name, value) in LEAN {
        let want = match std::env::var(name) {
            Ok(set) => format!("{name}={set}"),
            Err(_) => format!("{name}={value}"),
        };
        assert!(vars.contains(&want), "process {pid} lacks {want}");
    }
    Ok(())
}

/// The processes whose parent is `pid`.
fn children(pid: u32) -> TestResult<Vec<u32>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc")? {
        let entry = entry?;
        let Some(child) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        // `pid (name) state ppid …`: the name may hold spaces, so read after its ')'.
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue; // gone meanwhile
        };
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(pid) {
            found.push(child);
        }
    }
    Ok(found)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_help_point_keeps_a_request_across_restarts() -> TestResult {
    let data = tempfile::tempdir()?;
    let shots = screenshot_dir();
    let shot = |name: &str| shots.as_ref().map(|d| d.join(format!("{name}.png")));

    // First launch: the welcome screen.
    let app = App::launch(data.path()).await?;
    app.wait_css("#welcome-screen").await?;
    // Started once more with the memory settings (`lean_start`), which its
    // WebKit processes inherit.
    let pid = app_pid(data.path())?;
    lean_settings_are_in(pid)?;
    let webkit = children(pid)?;
    assert!(!webkit.is_empty(), "no WebKit processes under the app");
    for child in webkit {
        lean_settings_are_in(child)?;
    }
    if let Some(p) = shot("01-welkom") {
        app.screenshot(&p).await?;
    }
    app.click("#start-new").await?;

    // A too short passphrase gets a Dutch message.
    app.fill("#new-passphrase", "kort").await?;
    app.fill("#new-passphrase-repeat", "kort").await?;
    app.click("#create-submit").await?;
    app.wait_text("#new-passphrase-error", "10 tekens").await?;

    app.fill("#new-passphrase", PASS).await?;
    app.fill("#new-passphrase-repeat", PASS).await?;
    app.click("#create-submit").await?;

    // The recovery key is shown once; continuing needs the confirmation.
    let key = app.text("#recovery-key").await?;
    assert_eq!(key.trim().len(), 39, "recovery key looks wrong: {key:?}");
    if let Some(p) = shot("02-herstelsleutel") {
        app.screenshot(&p).await?;
    }
    app.click("#recovery-stored").await?;
    app.click("#recovery-continue").await?;
    app.wait_css("#today-screen").await?;

    // A resident with a bad postcode is refused, and nothing typed is lost.
    app.click("#nav-residents").await?;
    app.click("#new-resident").await?;
    app.fill("#resident-firstName", "Zoë").await?;
    app.fill("#resident-lastName", "van der Molen").await?;
    app.fill("#resident-street", "Brink").await?;
    app.fill("#resident-houseNumber", "12").await?;
    app.fill("#resident-postcode", "12345").await?;
    app.fill("#resident-kern", "Lindeloo").await?;
    app.click("#resident-save").await?;
    app.wait_text("#resident-postcode-error", "1234 AB").await?;
    let kept = app
        .wait_css("#resident-firstName")
        .await?
        .prop("value")
        .await?;
    assert_eq!(kept.as_deref(), Some("Zoë"));
    app.fill("#resident-postcode", "7991 la").await?;
    app.click("#resident-save").await?;
    app.wait_text("#resident-detail", "7991 LA").await?;

    // A help request for her, with the question behind the question.
    app.click("#new-request-for-resident").await?;
    app.fill(
        "#request-ask",
        "Kan iemand mij donderdag naar de fysiotherapeut brengen?",
    )
    .await?;
    app.fill(
        "#request-underlyingNeed",
        "Komt sinds de val weinig buiten en mist contact.",
    )
    .await?;
    app.click("#area-transport").await?;
    app.click("#area-social_contact").await?;
    app.fill("#request-ownStrength", "Dochter rijdt in het weekend.")
        .await?;
    if let Some(p) = shot("03-hulpvraag-formulier") {
        app.screenshot(&p).await?;
    }
    app.click("#request-save").await?;
    app.wait_text("#request-detail", "fysiotherapeut").await?;
    app.wait_text("#request-status", "Nieuw").await?;

    // Quit and start again: the unlock screen, not a new help point.
    app.quit().await?;
    let app = App::launch(data.path()).await?;
    app.wait_css("#unlock-screen").await?;
    if let Some(p) = shot("04-ontgrendelen") {
        app.screenshot(&p).await?;
    }
    app.fill("#unlock-passphrase", "een verkeerd wachtwoord")
        .await?;
    app.click("#unlock-submit").await?;
    app.wait_text("#unlock-error", "klopt niet").await?;

    app.fill("#unlock-passphrase", PASS).await?;
    app.click("#unlock-submit").await?;
    app.wait_css("#today-screen").await?;
    if let Some(p) = shot("05-vandaag") {
        app.screenshot(&p).await?;
    }

    // Full-text search ignores case and diacritics: "zoe fysio" finds it.
    app.click("#nav-requests").await?;
    app.fill("#request-search", "zoe fysio").await?;
    app.wait_exact("#result-count", "1 hulpvraag").await?;
    let rows = app.wait_texts(".request-row", "Zoë van der Molen").await?;
    assert_eq!(rows.len(), 1, "rows: {rows:?}");
    assert!(rows[0].contains("Zoë van der Molen"), "row: {}", rows[0]);
    if let Some(p) = shot("06-hulpvragen") {
        app.screenshot(&p).await?;
    }
    app.quit().await?;
    Ok(())
}
