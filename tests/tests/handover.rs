//! The handover to the Wmo-loket, in the real app: a request that is
//! professional work → the app suggests a referral → the export is refused
//! without consent → consent recorded (without contact details) → export →
//! the PDF text (pdftotext) and the JSON hold exactly the consented fields →
//! sending it starts the 6-week Wmo deadline. And the other direction: the
//! loket asks the help point, and in acute danger a contact person shares
//! without consent, with a reason that shows on the case.

mod common;

use std::process::Command;

use common::{screenshot_dir, App, TestResult};
use fantoccini::Locator;

/// Read the text of the `<dd>` after the `<dt>` with this label on the page.
async fn fact(app: &App, label: &str) -> TestResult<String> {
    let v = app
        .client
        .execute(
            "const dt = [...document.querySelectorAll('dl.facts dt')].find(d => d.textContent.trim() === arguments[0]);
             return dt ? dt.nextElementSibling.textContent.trim() : null;",
            vec![serde_json::json!(label)],
        )
        .await?;
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no fact {label:?} on the page").into())
}

/// Click the first button inside `scope` whose text contains `needle`.
async fn click_button_with(app: &App, scope: &str, needle: &str) -> TestResult {
    app.wait_css(scope).await?;
    for b in app
        .client
        .find_all(Locator::Css(&format!("{scope} button")))
        .await?
    {
        if b.text().await?.contains(needle) {
            b.click().await?;
            return Ok(());
        }
    }
    Err(format!("no button with {needle:?} in {scope}").into())
}

fn files_in(dir: &std::path::Path) -> TestResult<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    Ok(names)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_handover_to_the_wmo_loket_holds_only_what_was_consented() -> TestResult {
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let shot = |name: &str| screenshot_dir().map(|d| d.join(format!("{name}.png")));
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    // A resident of the demo village, with her phone number and address.
    app.click("#nav-residents").await?;
    app.fill("#resident-search", "Zoë").await?;
    app.wait_text("#resident-count", "bewoner").await?;
    let row = app.wait_css(".resident-row").await?;
    row.send_keys(&fantoccini::key::Key::Enter.to_string())
        .await?;
    app.wait_css("#resident-detail").await?;
    let name = app.text("#resident-detail h1").await?;
    let phone = fact(&app, "Telefoon").await?;
    let address = fact(&app, "Adres").await?;
    let street = address.lines().next().unwrap_or_default().to_owned();
    assert!(phone.len() >= 10, "phone: {phone:?}");

    // Her request is about personal care: that is work for a professional.
    app.click("#new-request-for-resident").await?;
    app.fill(
        "#request-ask",
        "Ik kan mij niet meer goed wassen en aankleden.",
    )
    .await?;
    app.click("#flag-personal_care").await?;
    app.click("#request-save").await?;
    app.wait_text(
        "#professional-banner",
        "hoort waarschijnlijk bij een professional",
    )
    .await?;
    app.wait_text(
        "#professional-advice",
        "hoort waarschijnlijk bij een professional",
    )
    .await?;
    if let Some(p) = shot("40-advies-professional") {
        app.screenshot(&p).await?;
    }

    // One click: a concept referral to the Wmo-loket on the social map.
    click_button_with(&app, "#professional-advice", "Wmo-loket").await?;
    app.wait_text(".referral", "Nog geen toestemming").await?;

    // Without consent the export is refused, with the explanation.
    app.click("[id^=referral-export-]").await?;
    app.wait_text("[id^=export-form-]", "geen geldige toestemming")
        .await?;
    // The demo's contact person, chosen at this computer, makes it.
    app.wait_text("[id^=export-person-]", "Hennie Brinkhuis")
        .await?;
    app.click("[id^=export-make-]").await?;
    app.wait_text("[id^=export-error-]", "Leg eerst de toestemming vast")
        .await?;
    assert!(files_in(files.path())?.is_empty(), "nothing may be written");
    if let Some(p) = shot("41-geen-toestemming") {
        app.screenshot(&p).await?;
    }

    // Consent: name and the question, not the contact details.
    app.click("[id^=referral-consent-new-]").await?;
    app.wait_css("#consent-form").await?;
    // Nothing is ticked beforehand: the resident chooses.
    for c in ["identity", "contact", "question", "network", "help_so_far"] {
        assert!(
            !app.checked(&format!("#consent-cat-{c}")).await?,
            "{c} was ticked"
        );
    }
    // Beside each kind: what it holds for her; the request speaks of
    // personal care, and that is said.
    app.wait_text("#consent-holds-identity", &name).await?;
    app.wait_text("#consent-holds-question", "wassen en aankleden")
        .await?;
    app.wait_text("#consent-holds-question", "persoonlijke verzorging")
        .await?;
    app.click("#consent-cat-identity").await?;
    app.click("#consent-cat-question").await?;
    // The text to read aloud names the recipient and exactly what goes.
    let aloud = app.wait_text("#consent-read-aloud", "Meer niet.").await?;
    assert!(
        aloud.contains("naam en geboortedatum; de hulpvraag en de vraag achter de vraag?"),
        "{aloud}"
    );
    assert!(aloud.contains("U mag nee zeggen"), "{aloud}");
    if let Some(p) = shot("41b-toestemming-voorlezen") {
        app.scroll_to("consent-read-aloud").await?;
        app.screenshot(&p).await?;
    }
    app.click("#consent-save").await?;
    app.wait_text("[id^=referral-consent-]", "Toestemming om te delen")
        .await?;

    // Now the export works (the form is still open, the refusal is gone);
    // the files hold only what the consent covers.
    app.wait_text("[id^=export-form-]", "Er is toestemming")
        .await?;
    assert!(
        !app.exists("[id^=export-error-]").await?,
        "the old refusal is still shown"
    );
    // The demo's contact person, chosen at this computer, makes it.
    app.wait_text("[id^=export-person-]", "Hennie Brinkhuis")
        .await?;
    app.click("[id^=export-make-]").await?;
    app.wait_css("#export-done").await?;
    if let Some(p) = shot("42-overdracht-gemaakt") {
        app.screenshot(&p).await?;
    }
    let names = files_in(files.path())?;
    assert_eq!(names.len(), 3, "files: {names:?}");
    let pdf = names
        .iter()
        .find(|n| n.ends_with(".pdf"))
        .ok_or("no PDF written")?;
    let pdf = files.path().join(pdf);
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()?;
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout)?;
    assert!(text.contains(&name), "name missing in PDF:\n{text}");
    assert!(text.contains("wassen en aankleden"), "ask missing in PDF");
    assert!(text.contains("Niet gedeeld"), "withheld section missing");
    // Whom the loket calls back, and the kenmerk it quotes, at the top.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for must in [
        "Terugbellen",
        "Hennie Brinkhuis: 0599-720 150",
        "Dorpspunt Lindeloo: 0599-720 180, dorpspunt@lindeloo.example",
        "Kenmerk",
        // How long the consent holds is always said.
        "Geldig tot",
    ] {
        assert!(flat.contains(must), "missing {must:?} in PDF:\n{text}");
    }
    let reference = app.text("[id^=referral-reference-]").await?;
    let reference = reference.trim_start_matches("Kenmerk ").to_owned();
    assert!(
        reference.starts_with("BP-") && flat.contains(&reference),
        "kenmerk {reference:?} missing in PDF"
    );
    assert!(
        text.contains("cliëntondersteuning"),
        "client support line missing"
    );
    assert!(
        !text.contains(&phone),
        "phone {phone} is outside the consent"
    );
    assert!(
        !street.is_empty() && !text.contains(&street),
        "address is outside the consent"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(pdf.with_extension("json"))?)?;
    assert_eq!(json["person"]["name"], serde_json::json!(name));
    assert!(json["person"].get("phone").is_none(), "json: {json}");
    assert!(json["person"].get("address").is_none(), "json: {json}");
    // Exactly the consented fields: of the person only name (and birth date).
    let person: Vec<&str> = json["person"]
        .as_object()
        .ok_or("no person")?
        .keys()
        .map(String::as_str)
        .collect();
    assert!(
        person.iter().all(|k| ["name", "birthDate"].contains(k)),
        "person holds more than the identity: {person:?}"
    );
    assert!(
        json["withheld"]
            .as_array()
            .is_some_and(|w| w.contains(&serde_json::json!("contact"))),
        "json: {json}"
    );
    let csv = std::fs::read_to_string(pdf.with_extension("csv"))?;
    assert!(!csv.contains(&phone), "phone in CSV");
    if let Some(dir) = screenshot_dir() {
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "70"])
            .arg(&pdf)
            .arg(dir.join("43-overdracht-pdf"))
            .status()?;
        assert!(status.success());
    }

    // Sending it to the loket: the melding date and the 6-week deadline.
    app.click("[id^=referral-step-sent-]").await?;
    app.click("[id^=referral-apply-]").await?;
    app.wait_text("[id^=referral-deadline-]", "klaar uiterlijk")
        .await?;
    app.wait_text("[id^=referral-deadline-]", "nog 42 dagen")
        .await?;
    app.wait_text(
        "#request-detail",
        "Overdracht aan Gemeente Veenmarke gemaakt door Hennie Brinkhuis",
    )
    .await?;
    if let Some(p) = shot("44-doorverwijzing-verstuurd") {
        app.screenshot(&p).await?;
    }
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_question_from_the_loket_and_sharing_in_acute_danger_with_a_reason() -> TestResult {
    const DANGER: &str = "Meneer is verward en loopt 's nachts buiten; de buren zijn ongerust.";
    let data = tempfile::tempdir()?;
    let files = tempfile::tempdir()?;
    let app = App::launch_with_files(data.path(), files.path()).await?;
    app.click("#open-demo").await?;
    app.wait_css("#today-screen").await?;

    // The Wmo-loket asks the help point to support someone.
    app.click("#nav-requests").await?;
    app.click("#new-request-wmo").await?;
    app.fill("#request-resident-search", "Mulderink").await?;
    app.click(".resident-option").await?;
    app.wait_css("#request-resident-name").await?;
    app.fill(
        "#request-ask",
        "Het Wmo-loket vraagt of iemand meneer af en toe wil bezoeken.",
    )
    .await?;
    app.click("#flag-crisis").await?;
    app.click("#request-save").await?;
    app.wait_text("#request-detail", "af en toe wil bezoeken")
        .await?;
    assert_eq!(fact(&app, "Via").await?, "Wmo-loket");

    // Crisis: a referral, no consent, and acute danger.
    app.wait_text(
        "#professional-advice",
        "hoort waarschijnlijk bij een professional",
    )
    .await?;
    // The first service the app suggests for a crisis.
    app.click("#professional-advice [id^=refer-to-]").await?;
    app.wait_text(".referral", "Nog geen toestemming").await?;
    app.click("[id^=referral-export-]").await?;
    app.wait_text("[id^=export-form-]", "geen geldige toestemming")
        .await?;
    app.click("[id^=export-danger-]").await?;
    app.fill("[id^=export-reason-]", DANGER).await?;
    // The demo's contact person, chosen at this computer, makes it.
    app.wait_text("[id^=export-person-]", "Hennie Brinkhuis")
        .await?;
    // Only what is really needed: who, and the question.
    for (category, wanted) in [
        ("identity", true),
        ("contact", false),
        ("question", true),
        ("network", false),
        ("help_so_far", false),
    ] {
        let css = format!(".cats input[value={category}]");
        let checked = app
            .client
            .execute(
                "return document.querySelector(arguments[0]).checked;",
                vec![serde_json::json!(css)],
            )
            .await?;
        if checked.as_bool() != Some(wanted) {
            app.click(&css).await?;
        }
    }
    app.click("[id^=export-make-]").await?;
    app.wait_css("#export-done").await?;

    let names = files_in(files.path())?;
    assert_eq!(names.len(), 3, "files: {names:?}");
    let json_name = names
        .iter()
        .find(|n| n.ends_with(".json"))
        .ok_or("no JSON written")?;
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(files.path().join(json_name))?)?;
    assert_eq!(json["consent"]["overrideReason"], serde_json::json!(DANGER));
    assert!(json["person"].get("address").is_none(), "json: {json}");
    assert!(json["case"].get("ask").is_some(), "json: {json}");

    // The override is visible on the case.
    app.wait_text("#request-detail", "acuut gevaar").await?;
    app.wait_text("#request-detail", DANGER).await?;
    app.quit().await?;
    Ok(())
}
