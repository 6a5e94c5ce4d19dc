//! "Gegevens wissen" (AVG art. 17): refused while an open request or a
//! referral waiting for an answer needs the data; otherwise everything
//! about the person goes in one transaction, also from other residents'
//! networks and from the search indexes, and a plaintext copy of the whole
//! database holds none of their words. All people are fictional.

mod common;

use buurtpunt_core::erase::{self, EraseInput};
use buurtpunt_core::privacy_requests::{self, PrivacyRequestInput, PrivacyRequestKind};
use buurtpunt_core::referrals::{self, ReferralInput, ReferralStatus, ReferralStep};
use buurtpunt_core::requests::{self, CloseInput, CloseKind, RequestQuery, Urgency};
use buurtpunt_core::residents::{self, NetworkMember, NetworkRole, ResidentInput};
use buurtpunt_core::{Db, Error};
use common::person::person;
use common::session::new_session;
use common::{now, people};

type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

fn close(db: &mut Db, request: i64) -> buurtpunt_core::Result<()> {
    requests::close(
        db,
        request,
        &CloseInput {
            kind: CloseKind::NeedMet,
            note: String::new(),
            outcome: "Dakgoot gemaakt.".into(),
        },
        now(),
    )?;
    Ok(())
}

fn send_referral(db: &mut Db, request: i64) -> buurtpunt_core::Result<i64> {
    let f = referrals::create(
        db,
        request,
        &ReferralInput {
            service_id: None,
            organisation: "Wmo-loket gemeente Aadal".into(),
            service: "Melding Wmo".into(),
            contact: "0599-800800".into(),
            wmo_desk: true,
            reason: "Verzorging nodig Wietske".into(),
            urgency: Urgency::High,
            volunteers_did: "Boodschappen gedaan Wietske".into(),
        },
        now(),
    )?;
    referrals::change_status(
        db,
        f.id,
        ReferralStatus::Sent,
        &ReferralStep {
            on_date: "2026-11-22".into(),
            melding_on: "2026-11-22".into(),
            override_reason: "Acuut: gevallen Wietske".into(),
            ..Default::default()
        },
        now(),
    )?;
    Ok(f.id)
}

fn reason() -> EraseInput {
    EraseInput {
        reason: "Verzoek van de bewoner zelf.".into(),
        ..Default::default()
    }
}

#[test]
fn erasure_is_refused_while_a_request_or_a_referral_is_open() -> TestResult {
    let mut db = Db::in_memory()?;
    let p = person(&mut db, "Wietske", false)?;
    let input = EraseInput {
        resident_id: p.resident,
        ..reason()
    };
    let plan = erase::plan(db.conn(), p.resident)?;
    assert_eq!(plan.blockers.len(), 1, "{:?}", plan.blockers);
    assert!(plan.blockers[0].text.contains("staat nog open"));
    assert!(matches!(
        erase::erase(&mut db, &input, now()),
        Err(Error::EraseBlocked { ids }) if ids == vec![p.request]
    ));
    send_referral(&mut db, p.request)?;
    close(&mut db, p.request)?;
    let plan = erase::plan(db.conn(), p.resident)?;
    assert_eq!(plan.blockers.len(), 1, "{:?}", plan.blockers);
    assert!(plan.blockers[0].text.contains("wacht nog op antwoord"));
    assert!(plan.blockers[0].text.contains("Wmo-loket gemeente Aadal"));
    assert!(matches!(
        erase::erase(&mut db, &input, now()),
        Err(Error::EraseBlocked { .. })
    ));
    // A reason is needed.
    assert!(matches!(
        erase::erase(
            &mut db,
            &EraseInput {
                resident_id: p.resident,
                ..Default::default()
            },
            now()
        ),
        Err(Error::Invalid(_))
    ));
    assert_eq!(
        people(&db, "Wietske")?,
        vec![p.resident],
        "nothing was erased"
    );
    Ok(())
}

#[test]
fn erasure_leaves_no_word_of_the_person_in_a_plaintext_copy_of_the_database() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut session = new_session(dir.path())?;
    let db = session.db()?;
    let p = person(db, "Wietske", true)?;
    let keep = person(db, "Jorrit", false)?;
    // Someone else has her in their network, by name.
    let neighbour = residents::create(
        db,
        ResidentInput {
            first_name: "Buurman".into(),
            last_name: "Blijft".into(),
            network: vec![NetworkMember {
                role: NetworkRole::Neighbour,
                name: "VoornaamWietske AchternaamWietske".into(),
                phone: String::new(),
                email: String::new(),
                note: String::new(),
            }],
            ..Default::default()
        },
        true,
        now(),
    )?
    .id;
    // Handed over before: listed for the contact person to inform.
    db.conn().execute(
        "INSERT INTO exports (resident_id, what, recipient, categories, withheld, contact_person, files, made_at)
         VALUES (?1, 'handover', 'Wmo-loket gemeente Aadal', 3, 0, 'Gerda', '[\"/tmp/Overdracht-Wietske.pdf\"]', '2026-11-21T10:00:00')",
        [p.resident],
    )?;
    let referral = send_referral(db, p.request)?;
    referrals::change_status(
        db,
        referral,
        ReferralStatus::Answered,
        &ReferralStep {
            on_date: "2026-11-22".into(),
            answer: "Wij komen langs bij Wietske".into(),
            ..Default::default()
        },
        now(),
    )?;
    close(db, p.request)?;
    let asked = privacy_requests::create(
        db,
        &PrivacyRequestInput {
            kind: Some(PrivacyRequestKind::Wissen),
            resident_id: p.resident,
            received_on: "2026-11-21".into(),
            note: "Belde zelf, Wietske".into(),
        },
        now(),
    )?;
    let plan = erase::plan(db.conn(), p.resident)?;
    assert!(plan.blockers.is_empty(), "{:?}", plan.blockers);
    assert_eq!(plan.handed_over.len(), 1);
    assert_eq!(plan.handed_over[0].recipient, "Wmo-loket gemeente Aadal");
    assert_eq!(plan.in_other_networks, 1);
    assert!(plan.is_volunteer);
    let requests_before: i64 =
        db.conn()
            .query_row("SELECT count(*) FROM help_requests", [], |r| r.get(0))?;

    erase::erase(
        db,
        &EraseInput {
            resident_id: p.resident,
            request_id: Some(asked.id),
            ..reason()
        },
        now(),
    )?;

    assert!(
        people(db, "Wietske")?.is_empty(),
        "gone from the list and search"
    );
    assert!(people(db, "")?.iter().all(|id| *id != p.resident));
    assert_eq!(
        people(db, "Jorrit")?,
        vec![keep.resident],
        "the other stays"
    );
    let found = requests::list(
        db.conn(),
        &RequestQuery {
            text: "dakgoot".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(found.items.len(), 1, "only the other's request is found");
    assert!(residents::get(db.conn(), neighbour)?.network.is_empty());
    let requests_after: i64 =
        db.conn()
            .query_row("SELECT count(*) FROM help_requests", [], |r| r.get(0))?;
    assert_eq!(requests_before, requests_after, "the counts stay");
    assert!(privacy_requests::open(db.conn(), now().date())?.is_empty());
    let logged: i64 = db.conn().query_row(
        "SELECT count(*) FROM audit_log WHERE resident_id = ?1 AND action = 'gewist' AND kind = 'resident'",
        [p.resident],
        |r| r.get(0),
    )?;
    assert_eq!(logged, 1);

    // The whole database, decrypted into a plain file: not one of her words.
    let plain = dir.path().join("plain.db");
    db.conn().execute(
        "ATTACH DATABASE ?1 AS plain KEY ''",
        [plain.display().to_string()],
    )?;
    db.conn()
        .query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(()))?;
    db.conn().execute_batch("DETACH DATABASE plain;")?;
    let bytes = std::fs::read(&plain)?;
    assert!(bytes.len() > 10_000);
    let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(has("Jorrit"), "the copy is readable");
    for word in ["Wietske", "wietske"] {
        assert!(!has(word), "{word} is still in the database");
    }
    Ok(())
}
