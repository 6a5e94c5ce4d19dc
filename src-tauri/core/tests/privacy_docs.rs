//! The group's privacy paperwork, made from its own settings and data: the
//! processing register, the privacy statement and the consent text. Read
//! back from the PDF with poppler-utils' `pdftotext`. Real database
//! (migrations applied), fictional people and places.

mod common;

use std::path::Path;
use std::process::Command;

use buurtpunt_core::consents::{self, ConsentHow, ConsentInput, GivenBy};
use buurtpunt_core::contact_persons::{self, ContactPersonInput};
use buurtpunt_core::handover::{self, ExportInput};
use buurtpunt_core::privacy_docs::{self, PrivacyDocKind};
use buurtpunt_core::referrals::{self, ReferralInput};
use buurtpunt_core::requests::{self, RequestInput, Urgency};
use buurtpunt_core::settings;
use buurtpunt_core::vocab::{DataCategory, Rule};
use buurtpunt_core::{Db, Error};

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

const GROUP: &str = "Dorpspunt Ekelhorst";
const PHONE: &str = "0599-424242";
const EMAIL: &str = "hulp@dorpspunt-ekelhorst.nl";
const CONTACT: &str = "Hennie Brinkhuis";
const WMO: &str = "Wmo-loket gemeente Aadal";

/// The PDF as text, whitespace collapsed (wrapped lines do not matter).
fn pdf_text(path: &Path) -> TestResult<String> {
    let p = path.to_str().ok_or("path")?;
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", p, "-"])
        .output()
        .map_err(|e| format!("pdftotext (poppler-utils) is needed for this test: {e}"))?;
    if !out.status.success() {
        return Err(format!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" "))
}

/// A help point with its settings, a contact person and `handovers`
/// handovers to the Wmo-loket in the export log.
fn help_point(db: &mut Db, handovers: usize) -> TestResult<()> {
    let mut s = settings::get(db.conn())?;
    s.help_point_name = GROUP.into();
    s.help_point_phone = PHONE.into();
    s.help_point_email = EMAIL.into();
    s.auto_lock_minutes = 7;
    s.backup_days = 5;
    s.backup_weeks = 3;
    s.backup_months = 9;
    s.signal_keep_months = 4;
    settings::update(db, &s)?;
    let person = contact_persons::create(
        db,
        &ContactPersonInput {
            name: CONTACT.into(),
            phone: "06-12121212".into(),
            email: String::new(),
            active: true,
        },
    )?
    .id;
    contact_persons::create(
        db,
        &ContactPersonInput {
            name: "Gerrit Oudgediende".into(),
            active: false,
            ..Default::default()
        },
    )?;
    let dir = tempfile::tempdir()?;
    for i in 0..handovers {
        let resident = common::resident(db, "Wobbeline", &format!("Quaadvliet{i}"), "Ekelhorst")?;
        let request = requests::create(
            db,
            RequestInput {
                resident_id: Some(resident),
                received_on: "2026-11-18".into(),
                ask: "Hulp bij de aanvraag van een scootmobiel".into(),
                ..Default::default()
            },
            common::now(),
        )?
        .id;
        let referral = referrals::create(
            db,
            request,
            &ReferralInput {
                service_id: None,
                organisation: WMO.into(),
                service: "Melding Wmo".into(),
                contact: String::new(),
                wmo_desk: true,
                reason: "Meer hulp nodig dan vrijwilligers kunnen geven.".into(),
                urgency: Urgency::Normal,
                volunteers_did: String::new(),
            },
            common::now(),
        )?
        .id;
        consents::record(
            db,
            resident,
            &ConsentInput {
                given_by: GivenBy::Resident,
                representative: String::new(),
                given_on: "2026-11-20".into(),
                how: ConsentHow::Written,
                categories: vec![DataCategory::Identity, DataCategory::Question],
                service_id: None,
                recipient: WMO.into(),
                valid_until: String::new(),
                note: String::new(),
            },
            common::now(),
        )?;
        handover::export(
            db,
            &ExportInput {
                referral_id: referral,
                contact_person_id: person,
                ..Default::default()
            },
            &dir.path().join(format!("overdracht-{i}.pdf")),
            common::now(),
        )?;
    }
    Ok(())
}

fn make(db: &mut Db, kind: PrivacyDocKind) -> TestResult<String> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join(privacy_docs::suggested_name(kind));
    let done = privacy_docs::make(db, kind, &path, common::now())?;
    assert_eq!(done.file, path.display().to_string());
    pdf_text(&path)
}

#[test]
fn the_processing_register_holds_the_groups_settings_and_its_recipients() -> TestResult {
    let mut db = Db::in_memory()?;
    help_point(&mut db, 2)?;
    let text = make(&mut db, PrivacyDocKind::ProcessingRegister)?;
    for want in [
        "Verwerkingsregister",
        GROUP,
        PHONE,
        EMAIL,
        CONTACT,
        "06-12121212",
        "22 november 2026",
        // The recipients, counted from the export log.
        "Wmo-loket: 2 overdrachten",
        WMO,
        "sinds 22 november 2026",
        // The terms from the settings.
        "na 4 maanden vergeten",
        "de laatste 5 dagen, de nieuwste van de laatste 3 weken en de nieuwste van de laatste 9 maanden",
        "na 7 minuten zonder gebruik",
        "SQLCipher",
        "Herstelsleutel",
        "over gezondheid (een bijzonder persoonsgegeven, AVG artikel 9)",
        "Bewoners die hulp vragen",
        "Vrijwilligers",
    ] {
        assert!(text.contains(want), "no `{want}` in the register:\n{text}");
    }
    // Only active contact persons; no resident is named.
    for absent in ["Oudgediende", "Quaadvliet", "Wobbeline", "scootmobiel"] {
        assert!(
            !text.contains(absent),
            "`{absent}` in the register:\n{text}"
        );
    }
    let log = privacy_docs::made(db.conn())?;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].kind, PrivacyDocKind::ProcessingRegister);
    Ok(())
}

#[test]
fn without_exports_the_register_says_nothing_was_passed_on() -> TestResult {
    let mut db = Db::in_memory()?;
    help_point(&mut db, 0)?;
    let text = make(&mut db, PrivacyDocKind::ProcessingRegister)?;
    assert!(text.contains("nog niets doorgegeven"), "{text}");
    assert!(!text.contains("overdrachten"), "{text}");
    Ok(())
}

#[test]
fn the_privacy_statement_speaks_to_residents_with_the_groups_settings() -> TestResult {
    let mut db = Db::in_memory()?;
    help_point(&mut db, 1)?;
    let text = make(&mut db, PrivacyDocKind::PrivacyStatement)?;
    for want in [
        "Wat doen wij met uw gegevens?",
        &format!("Privacyverklaring van {GROUP}"),
        &format!("Bel {PHONE} of mail naar {EMAIL}."),
        CONTACT,
        "vergeten wij na 4 maanden",
        "hoogstens 9 maanden",
        "na 7 minuten zonder gebruik",
        "Autoriteit Persoonsgegevens",
        "Alleen als u dat goed vindt.",
    ] {
        assert!(text.contains(want), "no `{want}` in the statement:\n{text}");
    }
    for absent in ["Oudgediende", "Quaadvliet"] {
        assert!(
            !text.contains(absent),
            "`{absent}` in the statement:\n{text}"
        );
    }
    Ok(())
}

#[test]
fn the_consent_text_has_empty_boxes_for_every_category_and_says_how_to_withdraw() -> TestResult {
    let mut db = Db::in_memory()?;
    help_point(&mut db, 0)?;
    let text = make(&mut db, PrivacyDocKind::ConsentText)?;
    for want in [
        GROUP,
        "Er is niets vooraf aangekruist.",
        "Naam en geboortedatum",
        "Wat al gedaan of geprobeerd is",
        &format!("altijd intrekken, ook later. Bel {PHONE} of mail naar {EMAIL}."),
        "Handtekening bewoner",
    ] {
        assert!(
            text.contains(want),
            "no `{want}` in the consent text:\n{text}"
        );
    }
    // One empty box per data category, none ticked.
    assert_eq!(
        text.matches('\u{2610}').count(),
        DataCategory::ALL.len(),
        "{text}"
    );
    assert!(!text.contains('\u{2611}') && !text.contains('\u{2612}'));
    Ok(())
}

#[test]
fn without_a_phone_of_its_own_the_group_is_reached_through_its_contact_person() -> TestResult {
    let mut db = Db::in_memory()?;
    help_point(&mut db, 0)?;
    let mut s = settings::get(db.conn())?;
    s.help_point_phone.clear();
    s.help_point_email.clear();
    settings::update(&mut db, &s)?;
    let facts = privacy_docs::facts(db.conn(), common::today())?;
    let doc = privacy_docs::build(PrivacyDocKind::PrivacyStatement, &facts);
    assert!(doc.text().contains("Bel 06-12121212."), "{}", doc.text());
    Ok(())
}

#[test]
fn the_help_points_phone_and_email_are_checked() -> TestResult {
    let mut db = Db::in_memory()?;
    let mut s = settings::get(db.conn())?;
    s.help_point_phone = "12345".into();
    s.help_point_email = "geen-adres".into();
    match settings::update(&mut db, &s) {
        Err(Error::Invalid(errors)) => {
            let got: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.rule)).collect();
            assert_eq!(
                got,
                vec![
                    ("helpPointPhone", Rule::Phone),
                    ("helpPointEmail", Rule::Email)
                ]
            );
        }
        other => panic!("expected invalid, got {other:?}"),
    }
    s.help_point_phone = " 0599-424242 ".into();
    s.help_point_email = EMAIL.into();
    let saved = settings::update(&mut db, &s)?;
    assert_eq!(saved.help_point_phone, "0599-424242");
    assert_eq!(saved.help_point_email, EMAIL);
    Ok(())
}
