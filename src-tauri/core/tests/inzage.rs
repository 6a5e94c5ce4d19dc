//! Inzage (AVG art. 15): the files hold every category about the person and
//! nothing of another resident; making them is logged as an export; the
//! register of privacy requests keeps the one-month deadline. All people
//! are fictional.

mod common;

use std::process::Command;

use buurtpunt_core::inzage;
use buurtpunt_core::privacy_requests::{self, PrivacyRequestInput, PrivacyRequestKind};
use buurtpunt_core::{Db, Error, Result};
use chrono::NaiveDate;
use common::person::person;
use common::{at, now};

type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

/// The text of a PDF, through poppler's `pdftotext`.
fn pdf_text(path: &std::path::Path) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let out = Command::new("pdftotext").arg(path).arg("-").output()?;
    assert!(out.status.success(), "pdftotext failed");
    Ok(String::from_utf8(out.stdout)?)
}

#[test]
fn an_inzage_holds_every_category_and_nothing_of_another_resident() -> TestResult {
    let mut db = Db::in_memory()?;
    let anna = person(&mut db, "Wietske", true)?;
    let other = person(&mut db, "Jorrit", false)?;
    let i = inzage::collect(db.conn(), anna.resident, now())?;
    assert_eq!(i.network.len(), 1);
    assert_eq!(i.requests.len(), 1);
    assert_eq!(i.requests[0].contact_log.len(), 1);
    assert_eq!(i.consents.len(), 1);
    assert_eq!(i.signals.len(), 1);
    assert!(i.volunteer.is_some(), "the volunteer part is there");
    assert!(
        !i.audit.is_empty(),
        "the log's lines about the file are there"
    );
    let json = String::from_utf8(inzage::to_json(&i)?)?;
    let text = inzage::document(&i).text();
    for expected in [
        "VoornaamWietske",
        "StraatWietske",
        "Heeft een kat genaamd Wietske",
        "NetwerklidWietske",
        "Mijn dakgoot lekt bij de schuur Wietske",
        "Gebeld over de dakgoot Wietske",
        "ThuiszorgWietske",
        "Gordijnen blijven dicht Wietske",
        "Kan goed breien Wietske",
    ] {
        assert!(json.contains(expected), "JSON lacks {expected}");
        assert!(text.contains(expected), "document lacks {expected}");
    }
    for (file, what) in [(&json, "JSON"), (&text, "document")] {
        assert!(!file.contains("Jorrit"), "{what} holds the other resident");
    }
    assert!(text.contains("Wie uw gegevens bekeek of wijzigde"));
    let _ = other;
    Ok(())
}

#[test]
fn a_volunteer_who_helped_another_gets_no_word_of_that_resident() -> TestResult {
    let mut db = Db::in_memory()?;
    let anna = person(&mut db, "Wietske", false)?;
    let helper = person(&mut db, "Jorrit", true)?;
    common::link(&mut db, anna.request, helper.resident, "Wietske kent hem")?;
    let theirs = inzage::collect(db.conn(), helper.resident, now())?;
    assert_eq!(theirs.volunteer.as_ref().map(|v| v.matches.len()), Some(1));
    let json = String::from_utf8(inzage::to_json(&theirs)?)?;
    let text = inzage::document(&theirs).text();
    assert!(!json.contains("Wietske"), "{json}");
    assert!(!text.contains("Wietske"), "{text}");
    assert!(
        !json.contains("Zaterdag om 10 uur"),
        "the agreement is hers"
    );
    // Her inzage shows the match on her request, not his name.
    let hers = inzage::collect(db.conn(), anna.resident, now())?;
    assert_eq!(hers.requests[0].matches.len(), 1);
    let json = String::from_utf8(inzage::to_json(&hers)?)?;
    assert!(!json.contains("Jorrit"), "{json}");
    if let Some(dir) = std::env::var_os("INZAGE_OUT") {
        std::fs::write(
            std::path::Path::new(&dir).join("inzage.pdf"),
            inzage::pdf(&hers, now())?,
        )?;
    }
    Ok(())
}

#[test]
fn making_an_inzage_writes_pdf_and_json_and_logs_the_export() -> TestResult {
    let mut db = Db::in_memory()?;
    let anna = person(&mut db, "Wietske", false)?;
    person(&mut db, "Jorrit", true)?;
    let dir = tempfile::tempdir()?;
    let chosen = dir.path().join("Inzage-Wietske.pdf");
    let made = inzage::make(&mut db, anna.resident, &chosen, None, now())?;
    assert_eq!(made.files.len(), 2);
    let pdf = pdf_text(&chosen)?;
    assert!(pdf.contains("VoornaamWietske"), "{pdf}");
    assert!(pdf.contains("dakgoot lekt"));
    assert!(!pdf.contains("Jorrit"));
    let json = std::fs::read_to_string(dir.path().join("Inzage-Wietske.json"))?;
    assert!(json.contains("Gordijnen blijven dicht Wietske"));
    assert!(!json.contains("Jorrit"));
    let (what, recipient): (String, String) = db.conn().query_row(
        "SELECT what, recipient FROM exports WHERE resident_id = ?1",
        [anna.resident],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert_eq!(
        (what.as_str(), recipient.as_str()),
        ("inzage", inzage::RECIPIENT)
    );
    let logged: i64 = db.conn().query_row(
        "SELECT count(*) FROM audit_log WHERE resident_id = ?1 AND action = 'geëxporteerd'",
        [anna.resident],
        |r| r.get(0),
    )?;
    assert_eq!(logged, 1);
    // The next inzage shows this export among what was handed out.
    let again = inzage::collect(db.conn(), anna.resident, now())?;
    assert_eq!(again.exports.len(), 1);
    Ok(())
}

#[test]
fn a_privacy_request_is_due_one_calendar_month_later_and_open_until_done() -> Result<()> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or(Error::Invalid(Vec::new()));
    assert_eq!(
        privacy_requests::deadline(day(2027, 1, 31)?),
        day(2027, 2, 28)?
    );
    assert_eq!(
        privacy_requests::deadline(day(2026, 11, 22)?),
        day(2026, 12, 22)?
    );
    let mut db = Db::in_memory()?;
    let anna = person(&mut db, "Wietske", false)?;
    let asked = privacy_requests::create(
        &mut db,
        &PrivacyRequestInput {
            kind: Some(PrivacyRequestKind::Inzage),
            resident_id: anna.resident,
            received_on: "2026-11-10".into(),
            note: "Gevraagd aan de telefoon.".into(),
        },
        now(),
    )?;
    assert_eq!(asked.deadline_on, "2026-12-10");
    assert_eq!(asked.days_left, 18);
    let open = privacy_requests::open(db.conn(), now().date())?;
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].resident_name, "VoornaamWietske AchternaamWietske");
    // Late a month after.
    let late = privacy_requests::open(db.conn(), at(2026, 12, 11).date())?;
    assert!(late[0].overdue);
    // A request in the future is refused.
    let future = privacy_requests::create(
        &mut db,
        &PrivacyRequestInput {
            kind: Some(PrivacyRequestKind::Wissen),
            resident_id: anna.resident,
            received_on: "2026-12-30".into(),
            note: String::new(),
        },
        now(),
    );
    assert!(matches!(future, Err(Error::Invalid(_))));
    // Making the inzage marks it done.
    let dir = tempfile::tempdir().map_err(Error::Io)?;
    inzage::make(
        &mut db,
        anna.resident,
        &dir.path().join("inzage.pdf"),
        Some(asked.id),
        now(),
    )?;
    assert!(privacy_requests::open(db.conn(), now().date())?.is_empty());
    let theirs = privacy_requests::of_resident(db.conn(), anna.resident, now().date())?;
    assert_eq!(theirs[0].done_on.as_deref(), Some("2026-11-22"));
    Ok(())
}
