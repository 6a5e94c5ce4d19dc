//! The phone note: a request in "nieuw" from a call, with a new person or a
//! known one, and the call-back on Vandaag; all or nothing. Fictional people.

use buurtpunt_core::followup;
use buurtpunt_core::phone_note::{self, PhoneNoteInput};
use buurtpunt_core::requests::{Channel, Status, Urgency};
use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::{Db, Error, Result};

mod common;

use common::*;

fn note(ask: &str) -> PhoneNoteInput {
    PhoneNoteInput {
        resident_id: None,
        first_name: "Jantina".into(),
        last_name: "Kuipers".into(),
        phone: "0599-123456".into(),
        ask: ask.into(),
        urgency: Urgency::High,
        call_back_on: "2026-11-23".into(),
        call_back_note: "na 14 uur".into(),
        allow_duplicate: false,
    }
}

fn count(db: &Db, table: &str) -> Result<i64> {
    Ok(db
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
}

#[test]
fn a_call_from_someone_new_becomes_a_new_request_with_a_call_back() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = phone_note::save(
        &mut db,
        &note("Mijn man is gevallen, wie kan boodschappen doen?"),
        now(),
    )?;
    assert_eq!(
        (r.status, r.channel, r.urgency),
        (Status::New, Channel::Phone, Urgency::High)
    );
    assert_eq!(r.received_on, "2026-11-22");
    let who = residents::get(db.conn(), r.resident_id.ok_or(Error::ImportEmpty)?)?;
    assert_eq!(
        (
            who.first_name.as_str(),
            who.last_name.as_str(),
            who.phone.as_str()
        ),
        ("Jantina", "Kuipers", "0599-123456")
    );
    let reminders = followup::reminders_of(db.conn(), r.id)?;
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].due_on, "2026-11-23");
    assert_eq!(reminders[0].note, "Terugbellen (0599-123456): na 14 uur");
    // The call-back shows on Vandaag on its day.
    let (due, _) = followup::due_reminders(db.conn(), at(2026, 11, 23).date(), 20)?;
    assert!(due.iter().any(|d| d.request_id == r.id), "{due:?}");
    Ok(())
}

#[test]
fn a_known_resident_is_picked_and_no_call_back_is_needed() -> Result<()> {
    let mut db = Db::in_memory()?;
    let mien = resident(&mut db, "Mien", "Jansen", "Lindeloo")?;
    let r = phone_note::save(
        &mut db,
        &PhoneNoteInput {
            resident_id: Some(mien),
            first_name: String::new(),
            last_name: String::new(),
            call_back_on: String::new(),
            urgency: Urgency::Normal,
            ..note("Kan iemand de heg knippen?")
        },
        now(),
    )?;
    assert_eq!(r.resident_id, Some(mien));
    assert!(followup::reminders_of(db.conn(), r.id)?.is_empty());
    assert_eq!(count(&db, "residents")?, 1, "no new resident");
    Ok(())
}

#[test]
fn a_bad_note_saves_nothing_at_all() -> Result<()> {
    let mut db = Db::in_memory()?;
    // No question: refused, and the new person is not saved either.
    let err = phone_note::save(&mut db, &note("  "), now());
    assert!(
        matches!(&err, Err(Error::Invalid(f)) if f.iter().any(|e| e.field == "ask")),
        "{err:?}"
    );
    // A call-back in the past, or no surname for someone new.
    let err = phone_note::save(
        &mut db,
        &PhoneNoteInput {
            call_back_on: "2026-11-01".into(),
            ..note("Wie helpt?")
        },
        now(),
    );
    assert!(
        matches!(&err, Err(Error::Invalid(f)) if f.iter().any(|e| e.field == "callBackOn")),
        "{err:?}"
    );
    let err = phone_note::save(
        &mut db,
        &PhoneNoteInput {
            last_name: String::new(),
            ..note("Wie helpt?")
        },
        now(),
    );
    assert!(
        matches!(&err, Err(Error::Invalid(f)) if f.iter().any(|e| e.field == "lastName")),
        "{err:?}"
    );
    assert_eq!(count(&db, "residents")?, 0);
    assert_eq!(count(&db, "help_requests")?, 0);
    Ok(())
}

#[test]
fn a_known_name_is_asked_about_before_a_second_person_is_made() -> Result<()> {
    let mut db = Db::in_memory()?;
    residents::create(
        &mut db,
        ResidentInput {
            first_name: "Jantina".into(),
            last_name: "Kuipers".into(),
            phone: "0599-123456".into(),
            ..Default::default()
        },
        false,
        now(),
    )?;
    let err = phone_note::save(&mut db, &note("Wie helpt?"), now());
    assert!(matches!(err, Err(Error::LikelyDuplicate { .. })), "{err:?}");
    assert_eq!(count(&db, "help_requests")?, 0);
    phone_note::save(
        &mut db,
        &PhoneNoteInput {
            allow_duplicate: true,
            ..note("Wie helpt?")
        },
        now(),
    )?;
    assert_eq!(count(&db, "residents")?, 2);
    Ok(())
}
