//! The case discussion's agenda: the anonymity check against the database,
//! checked again when the meeting shows it, the outcome back on the request;
//! and meeting mode itself (no personal reads, leaving needs the passphrase).

mod common;

use buurtpunt_core::agenda::{self, AgeBand, AgendaInput, AgendaStatus, FoundKind};
use buurtpunt_core::requests::{self, RequestInput};
use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::{Db, Error, Result};
use common::now;

fn input(description: &str) -> AgendaInput {
    AgendaInput {
        description: description.into(),
        question: "Wat kunnen we nog doen?".into(),
        tried: String::new(),
        life_area: Some(LifeArea::Household),
        kern: "Noord".into(),
        age_band: Some(AgeBand::From75To84),
    }
}

/// A resident with everything the check looks for, and a request of hers.
fn anna(db: &mut Db) -> Result<(i64, i64)> {
    let r = residents::create(
        db,
        ResidentInput {
            first_name: "Anna".into(),
            last_name: "van der Kolk".into(),
            street: "Molenstraat".into(),
            house_number: "4".into(),
            postcode: "7991 AB".into(),
            phone: "06-12345678".into(),
            email: "anna@voorbeeld.nl".into(),
            birth_date: "1941-03-06".into(),
            ..Default::default()
        },
        true,
        now(),
    )?;
    let q = requests::create(
        db,
        RequestInput {
            resident_id: Some(r.id),
            received_on: "2026-11-20".into(),
            ask: "Boodschappen".into(),
            life_areas: vec![LifeArea::Household],
            ..Default::default()
        },
        now(),
    )?;
    Ok((r.id, q.id))
}

fn found(items: &[agenda::Finding]) -> Vec<(String, String, FoundKind)> {
    items
        .iter()
        .map(|f| (f.field.clone(), f.word.clone(), f.kind))
        .collect()
}

#[test]
fn names_streets_numbers_and_dates_from_the_database_are_found() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = anna(&mut db)?;
    let item = agenda::create(
        &mut db,
        request,
        &AgendaInput {
            tried: "Gebeld op 06 12 34 56 78 en gemaild naar ANNA@voorbeeld.nl. \
                    Ze is geboren op 6 maart 1941, postcode 7991ab."
                .into(),
            ..input("Mevrouw Van der Kolk aan de molenstraat heeft hulp nodig.")
        },
        now(),
    )?;
    let f = found(&item.findings);
    let has = |field: &str, word: &str, kind: FoundKind| {
        f.contains(&(field.to_owned(), word.to_owned(), kind))
    };
    assert!(has("description", "van der Kolk", FoundKind::Name), "{f:?}");
    assert!(has("description", "Kolk", FoundKind::Name), "{f:?}");
    assert!(
        has("description", "Molenstraat", FoundKind::Street),
        "{f:?}"
    );
    assert!(has("tried", "06-12345678", FoundKind::Phone), "{f:?}");
    assert!(has("tried", "anna@voorbeeld.nl", FoundKind::Email), "{f:?}");
    assert!(has("tried", "6-3-1941", FoundKind::BirthDate), "{f:?}");
    assert!(has("tried", "7991 AB", FoundKind::Postcode), "{f:?}");
    // The first name, written as a word of its own, is a name too.
    let again = agenda::update(&mut db, item.id, &input("Annà belt elke dag."), now())?;
    assert_eq!(
        found(&again.findings),
        vec![("description".into(), "Anna".into(), FoundKind::Name)]
    );
    // Parts of a word are not a name: "Annabel" and "molens" are fine.
    let clean = agenda::update(
        &mut db,
        item.id,
        &input("Een buurvrouw, Annabel genoemd in de molens, is 80 jaar."),
        now(),
    )?;
    assert!(clean.findings.is_empty(), "{:?}", clean.findings);
    Ok(())
}

#[test]
fn the_meeting_shows_only_text_that_passes_the_check_now() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = anna(&mut db)?;
    let named = agenda::create(&mut db, request, &input("Mevrouw Kolk is eenzaam."), now())?;
    let clean = agenda::create(&mut db, request, &input("Een vrouw is eenzaam."), now())?;
    let shown = agenda::meeting(db.conn())?;
    assert_eq!(shown.len(), 2);
    assert_eq!((shown[0].id, shown[0].number), (named.id, 1));
    assert_eq!(shown[0].text, None);
    assert_eq!(shown[1].id, clean.id);
    assert_eq!(
        shown[1].text.as_ref().map(|t| t.description.as_str()),
        Some("Een vrouw is eenzaam.")
    );
    // A new resident whose surname is "Vrouw": the clean text now names
    // someone in the database and is no longer shown.
    residents::create(
        &mut db,
        ResidentInput {
            first_name: "Piet".into(),
            last_name: "Vrouw".into(),
            ..Default::default()
        },
        true,
        now(),
    )?;
    let shown = agenda::meeting(db.conn())?;
    assert_eq!(shown[1].text, None);
    Ok(())
}

#[test]
fn after_the_meeting_the_outcome_goes_on_the_request_and_in_its_log() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = anna(&mut db)?;
    let item = agenda::create(&mut db, request, &input("Een vrouw is eenzaam."), now())?;
    let shown = agenda::mark_discussed(&mut db, item.id, now())?;
    assert_eq!(shown[0].status, AgendaStatus::Discussed);
    // Marking twice is refused: it is no longer on the agenda.
    assert!(matches!(
        agenda::mark_discussed(&mut db, item.id, now()),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        agenda::write_outcome(&mut db, item.id, "  ", now()),
        Err(Error::Invalid(_))
    ));
    let done = agenda::write_outcome(&mut db, item.id, "Maatje zoeken via de kerk.", now())?;
    assert_eq!(done.status, AgendaStatus::Done);
    assert_eq!(done.outcome, "Maatje zoeken via de kerk.");
    let req = requests::get(db.conn(), request)?;
    assert!(req
        .contact_log
        .iter()
        .any(|e| e.note == "Casusoverleg: Maatje zoeken via de kerk."));
    // Done items leave the meeting's agenda.
    assert!(agenda::meeting(db.conn())?.is_empty());
    assert_eq!(agenda::for_request(db.conn(), request)?.len(), 1);
    Ok(())
}

#[test]
fn an_item_needs_a_description_a_question_a_life_area_and_an_age_band() -> Result<()> {
    let mut db = Db::in_memory()?;
    let (_, request) = anna(&mut db)?;
    match agenda::create(&mut db, request, &AgendaInput::default(), now()) {
        Err(Error::Invalid(f)) => {
            let fields: Vec<&str> = f.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(
                fields,
                vec!["description", "question", "lifeArea", "ageBand"]
            );
        }
        other => panic!("{other:?}"),
    }
    Ok(())
}

#[test]
fn in_meeting_mode_nothing_personal_can_be_read_and_leaving_needs_the_passphrase() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = common::session::new_session(dir.path())?;
    s.unlock(common::session::PASS, now())?;
    assert!(s.db().is_ok());
    let status = s.enter_meeting()?;
    assert!(status.meeting);
    assert!(matches!(s.db(), Err(Error::MeetingMode)));
    // The meeting's own reads still work.
    assert!(agenda::meeting(s.meeting_db()?.conn())?.is_empty());
    assert!(matches!(
        s.leave_meeting("niet het wachtwoord"),
        Err(Error::WrongPassphrase)
    ));
    assert!(s.status().meeting);
    assert!(matches!(s.db(), Err(Error::MeetingMode)));
    let status = s.leave_meeting(common::session::PASS)?;
    assert!(!status.meeting);
    assert!(s.db().is_ok());
    // A lock ends meeting mode; the next unlock starts outside it.
    s.enter_meeting()?;
    s.lock()?;
    let status = s.unlock(common::session::PASS, now())?;
    assert!(!status.meeting);
    Ok(())
}
