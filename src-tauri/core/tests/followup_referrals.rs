//! Follow-up, consent, referrals and the handover export on a real database.

use buurtpunt_core::consents::{self, ConsentHow, ConsentInput, GivenBy};
use buurtpunt_core::contact_persons::{self, ContactPersonInput};
use buurtpunt_core::followup::{self, AgreementInput, Party, ReminderInput};
use buurtpunt_core::handover::{self, ExportInput};
use buurtpunt_core::professional::ProfessionalFlag;
use buurtpunt_core::referrals::{self, ReferralInput, ReferralStatus, ReferralStep};
use buurtpunt_core::requests::{self, CloseInput, CloseKind, RequestInput, Status, Urgency};
use buurtpunt_core::residents::{self, NetworkMember, NetworkRole, ResidentInput};
use buurtpunt_core::vocab::DataCategory;
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::{Db, Error, Result};
use chrono::{NaiveDate, NaiveDateTime};

fn at(day: &str) -> NaiveDateTime {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

fn now() -> NaiveDateTime {
    at("2026-11-22")
}

const PHONE: &str = "0599-123456";
const CARER_PHONE: &str = "06-87654321";

fn case(db: &mut Db) -> Result<(i64, i64)> {
    let resident = residents::create(
        db,
        ResidentInput {
            first_name: "Aaltje".into(),
            last_name: "Geërtsema".into(),
            street: "Brink".into(),
            house_number: "4".into(),
            postcode: "7991 LA".into(),
            kern: "Lindeloo".into(),
            phone: PHONE.into(),
            birth_date: "1941-03-08".into(),
            network: vec![NetworkMember {
                role: NetworkRole::InformalCarer,
                name: "Jelle Geërtsema".into(),
                phone: CARER_PHONE.into(),
                email: String::new(),
                note: "Zoon, komt op zondag; is zelf erg moe".into(),
            }],
            ..Default::default()
        },
        true,
        now(),
    )?;
    let request = requests::create(
        db,
        RequestInput {
            resident_id: Some(resident.id),
            received_on: "2026-11-18".into(),
            ask: "Ik kan mij niet meer goed wassen en aankleden.".into(),
            underlying_need: "Woont alleen, zoon is overbelast.".into(),
            own_strength: "Zoon doet de boodschappen.".into(),
            tried: "Buurvrouw helpt soms 's ochtends.".into(),
            flags: vec![ProfessionalFlag::PersonalCare],
            goal_short: "Deze week hulp bij het wassen.".into(),
            ..Default::default()
        },
        now(),
    )?;
    Ok((resident.id, request.id))
}

fn wmo() -> ReferralInput {
    ReferralInput {
        service_id: None,
        organisation: "Wmo-loket gemeente Aadal".into(),
        service: "Melding Wmo".into(),
        contact: "0599-800800".into(),
        wmo_desk: true,
        reason: "Hulp bij persoonlijke verzorging nodig; dat doen vrijwilligers niet.".into(),
        urgency: Urgency::High,
        volunteers_did: "Boodschappen gedaan, twee keer langs geweest.".into(),
    }
}

fn consent(categories: Vec<DataCategory>, recipient: &str) -> ConsentInput {
    ConsentInput {
        given_by: GivenBy::Resident,
        representative: String::new(),
        given_on: "2026-11-20".into(),
        how: ConsentHow::Oral,
        categories,
        service_id: None,
        recipient: recipient.into(),
        valid_until: "2027-05-20".into(),
        note: String::new(),
    }
}

#[test]
fn agreements_and_goals_keep_the_follow_up_concrete() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = case(&mut db)?;
    let a = followup::add_agreement(
        &mut db,
        request,
        &AgreementInput {
            party: Party::Network,
            who: "zoon Jelle".into(),
            what: "Belt het Wmo-loket samen met zijn moeder".into(),
            due_on: "2026-11-25".into(),
        },
        now(),
    )?;
    assert_eq!(a.due_on.as_deref(), Some("2026-11-25"));
    let empty = followup::add_agreement(
        &mut db,
        request,
        &AgreementInput {
            party: Party::Resident,
            who: String::new(),
            what: "  ".into(),
            due_on: "morgen".into(),
        },
        now(),
    );
    let rules: Vec<_> = empty
        .err()
        .map(|e| {
            e.fields()
                .iter()
                .map(|f| (f.field.clone(), f.rule))
                .collect()
        })
        .unwrap_or_default();
    assert!(rules.contains(&("what".into(), Rule::Required)));
    assert!(rules.contains(&("dueOn".into(), Rule::Date)));
    followup::set_agreement_done(&mut db, a.id, true, now())?;
    let all = followup::agreements_of(db.conn(), request)?;
    assert_eq!(all[0].done_on.as_deref(), Some("2026-11-22"));
    assert_eq!(
        requests::get(db.conn(), request)?.goal_short,
        "Deze week hulp bij het wassen."
    );
    Ok(())
}

#[test]
fn a_repeating_reminder_comes_back_and_a_snooze_moves_it() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = case(&mut db)?;
    let r = followup::add_reminder(
        &mut db,
        request,
        &ReminderInput {
            due_on: "2026-11-22".into(),
            note: "Bellen hoe het gaat".into(),
            repeat_weeks: 2,
        },
        now(),
    )?;
    let (due, total) = followup::due_reminders(db.conn(), now().date(), 20)?;
    assert_eq!((due.len(), total), (1, 1));
    assert_eq!(due[0].resident_name, "Aaltje Geërtsema");
    let next = followup::complete_reminder(&mut db, r.id, "Gaat beter", now())?
        .ok_or_else(|| Error::Migration("no next reminder".into()))?;
    assert_eq!(next.due_on, "2026-12-06");
    assert!(followup::due_reminders(db.conn(), now().date(), 20)?
        .0
        .is_empty());
    let moved = followup::snooze_reminder(&mut db, next.id, "2026-12-13", "Op vakantie", now())?;
    assert_eq!(moved.due_on, "2026-12-13");
    assert_eq!(moved.snooze_note, "Op vakantie", "the reason stays with it");
    let past = followup::snooze_reminder(&mut db, next.id, "2026-11-01", "", now());
    assert!(matches!(past, Err(Error::Invalid(_))));
    // A reminder that is done cannot be moved (and nothing is logged).
    let done = followup::snooze_reminder(&mut db, r.id, "2026-12-20", "Toch later", now());
    assert!(
        matches!(done, Err(Error::InvalidTransition { .. })),
        "{done:?}"
    );
    let log = requests::get(db.conn(), request)?.contact_log;
    assert!(log.iter().any(|e| e
        .note
        .contains("Opvolging gedaan: Bellen hoe het gaat. Gaat beter")));
    assert!(log
        .iter()
        .any(|e| e.note.contains("verschoven naar 13-12-2026")));
    assert!(!log.iter().any(|e| e.note.contains("Toch later")));
    Ok(())
}

#[test]
fn closing_names_the_reason_and_the_outcome() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = case(&mut db)?;
    let other = requests::close(
        &mut db,
        request,
        &CloseInput {
            kind: CloseKind::Other,
            note: String::new(),
            outcome: String::new(),
        },
        now(),
    );
    assert_eq!(
        other.err().map(|e| e.fields()[0].rule),
        Some(Rule::CloseReasonRequired),
        "other needs a text"
    );
    let closed = requests::close(
        &mut db,
        request,
        &CloseInput {
            kind: CloseKind::Referred,
            note: String::new(),
            outcome: "Thuiszorg komt elke ochtend.".into(),
        },
        now(),
    )?;
    assert_eq!(closed.status, Status::Referred);
    assert_eq!(closed.close_kind, Some(CloseKind::Referred));
    assert_eq!(closed.outcome, "Thuiszorg komt elke ochtend.");
    Ok(())
}

#[test]
fn the_app_says_when_a_request_is_professional_work() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = case(&mut db)?;
    let advice = requests::advice(db.conn(), request)?;
    assert!(advice.looks_professional);
    assert_eq!(advice.flags, vec![ProfessionalFlag::PersonalCare]);
    Ok(())
}

#[test]
fn sending_a_referral_needs_consent_or_an_acute_danger_reason() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (resident, request) = case(&mut db)?;
    let f = referrals::create(&mut db, request, &wmo(), now())?;
    assert_eq!(f.status, ReferralStatus::Concept);
    assert!(!f.consent_ok);
    let send = ReferralStep {
        on_date: "2026-11-22".into(),
        melding_on: "2026-11-22".into(),
        ..Default::default()
    };
    assert!(matches!(
        referrals::change_status(&mut db, f.id, ReferralStatus::Sent, &send, now()),
        Err(Error::NoConsent { .. })
    ));
    // A consent for another recipient does not count.
    consents::record(
        &mut db,
        resident,
        &consent(DataCategory::ALL.to_vec(), "Huisartsenpraktijk"),
        now(),
    )?;
    assert!(!referrals::get(db.conn(), f.id, now().date())?.consent_ok);
    consents::record(
        &mut db,
        resident,
        &consent(
            vec![DataCategory::Identity, DataCategory::Question],
            "wmo-loket gemeente aadal",
        ),
        now(),
    )?;
    let sent = referrals::change_status(&mut db, f.id, ReferralStatus::Sent, &send, now())?;
    assert_eq!(sent.melding_on.as_deref(), Some("2026-11-22"));
    assert_eq!(sent.deadline.as_deref(), Some("2027-01-03"));
    assert_eq!(sent.days_left, Some(42));
    assert_eq!(referrals::open_wmo(db.conn(), now().date(), 10)?.len(), 1);
    let answered = referrals::change_status(
        &mut db,
        f.id,
        ReferralStatus::Answered,
        &ReferralStep {
            answer: "Keukentafelgesprek op 1 december.".into(),
            ..Default::default()
        },
        now(),
    )?;
    assert_eq!(answered.days_left, None, "no longer waiting");
    let log = requests::get(db.conn(), request)?.contact_log;
    assert!(log.iter().any(|e| e
        .note
        .contains("Antwoord van Wmo-loket gemeente Aadal: Keukentafelgesprek")));
    Ok(())
}

#[test]
fn without_consent_only_acute_danger_with_a_reason_opens_the_door() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = case(&mut db)?;
    let f = referrals::create(&mut db, request, &wmo(), now())?;
    let sent = referrals::change_status(
        &mut db,
        f.id,
        ReferralStatus::Sent,
        &ReferralStep {
            override_reason: "Mevrouw is gevallen en ligt alleen thuis.".into(),
            ..Default::default()
        },
        now(),
    )?;
    assert_eq!(
        sent.override_reason,
        "Mevrouw is gevallen en ligt alleen thuis."
    );
    let log = requests::get(db.conn(), request)?.contact_log;
    assert!(log
        .iter()
        .any(|e| e.note.contains("acuut gevaar") && e.note.contains("gevallen")));
    Ok(())
}

#[test]
fn a_withdrawn_or_ended_consent_is_not_valid() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (resident, _) = case(&mut db)?;
    let c = consents::record(
        &mut db,
        resident,
        &consent(vec![DataCategory::Identity], "Wmo-loket"),
        now(),
    )?;
    assert!(c.valid_now);
    let found = consents::covering(db.conn(), resident, None, "Wmo-loket", now().date())?;
    assert_eq!(found.map(|x| x.id), Some(c.id));
    let later = NaiveDate::from_ymd_opt(2027, 6, 1).expect("date");
    assert!(consents::covering(db.conn(), resident, None, "Wmo-loket", later)?.is_none());
    consents::withdraw(&mut db, c.id, "2026-11-22", now())?;
    assert!(consents::covering(db.conn(), resident, None, "Wmo-loket", now().date())?.is_none());
    let bad = consents::record(
        &mut db,
        resident,
        &ConsentInput {
            given_by: GivenBy::Representative,
            categories: Vec::new(),
            valid_until: "2026-01-01".into(),
            ..consent(vec![], "")
        },
        now(),
    );
    let fields: Vec<_> = bad
        .err()
        .map(|e| e.fields().iter().map(|f| f.field.clone()).collect())
        .unwrap_or_default();
    for f in ["representative", "categories", "recipient", "validUntil"] {
        assert!(fields.contains(&f.to_owned()), "{f} missing in {fields:?}");
    }
    Ok(())
}

#[test]
fn the_handover_holds_exactly_what_the_consent_covers() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (resident, request) = case(&mut db)?;
    let person = contact_persons::create(
        &mut db,
        &ContactPersonInput {
            name: "Hennie Brinkhuis".into(),
            phone: "0599-111222".into(),
            email: String::new(),
            active: true,
        },
    )?;
    let f = referrals::create(&mut db, request, &wmo(), now())?;
    let dir = tempfile::tempdir()?;
    let pdf = dir.path().join("overdracht.pdf");
    let input = ExportInput {
        referral_id: f.id,
        contact_person_id: person.id,
        ..Default::default()
    };
    // No consent: refused, and nothing is written.
    assert!(matches!(
        handover::export(&mut db, &input, &pdf, now()),
        Err(Error::NoConsent { .. })
    ));
    assert!(!pdf.exists());
    consents::record(
        &mut db,
        resident,
        &consent(
            vec![DataCategory::Identity, DataCategory::Question],
            "Wmo-loket gemeente Aadal",
        ),
        now(),
    )?;
    let out = handover::export(&mut db, &input, &pdf, now())?;
    assert_eq!(out.files.len(), 3);
    assert_eq!(
        out.withheld,
        vec![
            DataCategory::Contact,
            DataCategory::Network,
            DataCategory::HelpSoFar
        ]
    );
    let json = std::fs::read_to_string(dir.path().join("overdracht.json"))?;
    let csv = std::fs::read_to_string(dir.path().join("overdracht.csv"))?;
    let pdf_bytes = std::fs::read(&pdf)?;
    assert!(pdf_bytes.starts_with(b"%PDF"));
    for text in [&json, &csv] {
        assert!(text.contains("Aaltje Geërtsema"), "the name is covered");
        assert!(
            text.contains("wassen en aankleden"),
            "the question is covered"
        );
        for secret in [
            PHONE,
            CARER_PHONE,
            "Brink 4",
            "Zoon doet de boodschappen",
            "Buurvrouw helpt",
        ] {
            assert!(
                !text.contains(secret),
                "{secret:?} is outside the consent but in {text}"
            );
        }
    }
    let v: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(
        v["withheld"],
        serde_json::json!(["contact", "network", "help_so_far"])
    );
    let log = handover::exports_of(db.conn(), resident)?;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].contact_person, "Hennie Brinkhuis");
    assert_eq!(log[0].recipient, "Wmo-loket gemeente Aadal");
    assert_eq!(
        log[0].shared,
        vec![DataCategory::Identity, DataCategory::Question]
    );
    Ok(())
}

#[test]
fn a_referral_step_never_lies_before_the_request_or_the_step_before_it() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (resident, request) = case(&mut db)?; // received on 18 November
    consents::record(
        &mut db,
        resident,
        &consent(DataCategory::ALL.to_vec(), "wmo-loket gemeente aadal"),
        now(),
    )?;
    let f = referrals::create(&mut db, request, &wmo(), now())?;
    let step = |on: &str, melding: &str| ReferralStep {
        on_date: on.into(),
        melding_on: melding.into(),
        ..Default::default()
    };
    let rules = |r: Result<referrals::Referral>| match r {
        Err(Error::Invalid(f)) => f.into_iter().map(|e| (e.field, e.rule)).collect::<Vec<_>>(),
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        rules(referrals::change_status(
            &mut db,
            f.id,
            ReferralStatus::Sent,
            &step("2026-11-17", ""),
            now()
        )),
        vec![("onDate".to_owned(), Rule::TooEarly)]
    );
    assert_eq!(
        rules(referrals::change_status(
            &mut db,
            f.id,
            ReferralStatus::Sent,
            &step("2026-11-20", "2026-11-01"),
            now()
        )),
        vec![("meldingOn".to_owned(), Rule::TooEarly)]
    );
    // The day the request came in is fine; a later step not before it.
    referrals::change_status(
        &mut db,
        f.id,
        ReferralStatus::Sent,
        &step("2026-11-20", "2026-11-18"),
        now(),
    )?;
    assert_eq!(
        rules(referrals::change_status(
            &mut db,
            f.id,
            ReferralStatus::Received,
            &step("2026-11-19", ""),
            now()
        )),
        vec![("onDate".to_owned(), Rule::TooEarly)]
    );
    let received = referrals::change_status(
        &mut db,
        f.id,
        ReferralStatus::Received,
        &step("2026-11-20", ""),
        now(),
    )?;
    assert_eq!(received.received_on.as_deref(), Some("2026-11-20"));
    Ok(())
}
