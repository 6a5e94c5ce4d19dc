//! The first start of a real help point: its name, kernen, contact persons
//! and Wmo-loket, each saved as it is given; then the first steps on
//! Vandaag until done. Fictional people and places only.

use buurtpunt_core::contact_persons::{self, ContactPersonInput};
use buurtpunt_core::setup::{self, WmoDeskInput};
use buurtpunt_core::social_map::{self, OrganisationInput};
use buurtpunt_core::vocab::{LifeArea, Rule};
use buurtpunt_core::{audit, residents, settings, Db, Error, Result};

mod common;

use common::*;

/// The field and rule of each refusal, or a failure when it was accepted.
fn refused<T: std::fmt::Debug>(r: Result<T>) -> Vec<(String, Rule)> {
    match r {
        Err(Error::Invalid(f)) => f.into_iter().map(|e| (e.field, e.rule)).collect(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn person(db: &mut Db, name: &str, active: bool) -> Result<i64> {
    Ok(contact_persons::create(
        db,
        &ContactPersonInput {
            name: name.into(),
            phone: "0599-720 151".into(),
            email: String::new(),
            active,
        },
    )?
    .id)
}

fn desk() -> WmoDeskInput {
    WmoDeskInput {
        municipality: "Gemeente Veenmarke".into(),
        street: "Raadhuisplein 1".into(),
        postal_code: "7991 aa".into(),
        city: "Lindeloo".into(),
        province: "drenthe".into(),
        phone: "0599-720 100".into(),
        email: "wmo@veenmarke.example".into(),
    }
}

#[test]
fn a_new_help_point_goes_through_the_first_start_step_by_step() -> Result<()> {
    let mut db = Db::in_memory()?;
    let s = setup::state(db.conn())?;
    assert!(s.needed);
    assert!(s.help_point_name.is_empty() && s.kernen.is_empty() && s.contact_persons.is_empty());
    assert!(s.wmo.is_none());

    // 1. Name and numbers: a name is required here, a phone must be one.
    assert_eq!(
        refused(settings::set_help_point(&mut db, "  ", "", "")),
        vec![("helpPointName".to_owned(), Rule::Required)]
    );
    assert_eq!(
        refused(settings::set_help_point(
            &mut db,
            "Dorpspunt Oosterwold",
            "bel mij",
            ""
        )),
        vec![("helpPointPhone".to_owned(), Rule::Phone)]
    );
    settings::set_help_point(&mut db, " Dorpspunt Oosterwold ", "0599-720 180", "")?;

    // 2. Kernen: at least one, no name twice, kept in the given order.
    assert_eq!(
        refused(settings::set_kernen(&mut db, &["".into(), "  ".into()])),
        vec![("kernen".to_owned(), Rule::Required)]
    );
    assert_eq!(
        refused(settings::set_kernen(
            &mut db,
            &["Oosterwold".into(), "oosterwold ".into()]
        )),
        vec![("kernen".to_owned(), Rule::Duplicate)]
    );
    assert_eq!(
        refused(settings::set_kernen(&mut db, &["x".repeat(61)])),
        vec![("kernen".to_owned(), Rule::TooLong)]
    );
    let kernen = settings::set_kernen(
        &mut db,
        &[
            "Oosterwold".into(),
            "".into(),
            " Zandvoort aan de Aa".into(),
        ],
    )?;
    assert_eq!(kernen, vec!["Oosterwold", "Zandvoort aan de Aa"]);

    // 3. Contact persons; 4. the Wmo-loket: a phone is required.
    let me = person(&mut db, "Aaltje Veldkamp", true)?;
    let mut no_phone = desk();
    no_phone.phone.clear();
    assert_eq!(
        refused(setup::save_wmo_desk(&mut db, &no_phone, now())),
        vec![("phone".to_owned(), Rule::Required)]
    );
    // An address in part is refused with what is missing, as on the
    // organisation form.
    let mut half = desk();
    half.postal_code.clear();
    half.province = "Westfalen".into();
    assert_eq!(
        refused(setup::save_wmo_desk(&mut db, &half, now())),
        vec![
            ("locations.0.postalCode".to_owned(), Rule::Required),
            ("locations.0.stateProvince".to_owned(), Rule::Choice)
        ]
    );
    let wmo = setup::save_wmo_desk(&mut db, &desk(), now())?;
    assert_eq!(wmo.municipality, "Gemeente Veenmarke");
    assert_eq!(wmo.phone, "0599-720 100");
    // A second Wmo-loket is refused: it is changed on the social map.
    assert_eq!(
        refused(setup::save_wmo_desk(&mut db, &desk(), now())),
        vec![("municipality".to_owned(), Rule::Duplicate)]
    );

    // The loket is a recipient from day one: the referral form's
    // suggestions find it for a request about living at home.
    let found = social_map::suggest_services(db.conn(), &[], &[LifeArea::Housing], 5)?;
    assert!(found.iter().any(|s| s.id == wmo.service_id), "{found:?}");
    let org = social_map::get_organisation(db.conn(), wmo.organisation_id, today())?;
    assert!(!org.needs_check, "just typed in: checked today");
    assert_eq!(org.last_checked_by, "Aaltje Veldkamp");
    let service = social_map::get_service(db.conn(), wmo.service_id)?;
    assert!(service.service.wmo_desk);
    // Where to go: a real address, the loket given there.
    let place = &org.locations[0];
    assert_eq!(
        (
            place.address_1.as_str(),
            place.postal_code.as_str(),
            place.city.as_str(),
            place.state_province.as_str()
        ),
        ("Raadhuisplein 1", "7991 AA", "Lindeloo", "Drenthe")
    );
    assert_eq!(service.service.location_ids, vec![place.id]);

    let state = setup::state(db.conn())?;
    assert!(state.needed, "not finished yet");
    assert_eq!(state.contact_persons.len(), 1);
    assert_eq!(
        state.wmo.as_ref().map(|w| w.service_id),
        Some(wmo.service_id)
    );

    // Finishing names who sits at this computer.
    let chosen = setup::finish(&mut db, me)?;
    assert_eq!(chosen.name, "Aaltje Veldkamp");
    assert_eq!(audit::actor::current(db.conn())?.map(|p| p.id), Some(me));
    assert!(!setup::needed(db.conn())?);
    Ok(())
}

#[test]
fn the_wmo_loket_is_saved_whole_or_not_at_all() -> Result<()> {
    let mut db = Db::in_memory()?;
    person(&mut db, "Aaltje Veldkamp", true)?;
    // The database refuses the loket's service (as a full disk or a stop
    // halfway would): the municipality must not stay behind without it.
    db.conn().execute_batch(
        "CREATE TEMP TRIGGER no_service BEFORE INSERT ON services
         BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
    )?;
    assert!(setup::save_wmo_desk(&mut db, &desk(), now()).is_err());
    let orgs: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM organizations", [], |r| r.get(0))?;
    assert_eq!(orgs, 0, "nothing half saved");
    assert!(setup::state(db.conn())?.wmo.is_none());

    // Once the database takes it again, the loket is saved once.
    db.conn().execute_batch("DROP TRIGGER no_service;")?;
    let wmo = setup::save_wmo_desk(&mut db, &desk(), now())?;
    let orgs: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM organizations", [], |r| r.get(0))?;
    assert_eq!(orgs, 1);
    assert_eq!(
        setup::state(db.conn())?.wmo.map(|w| w.service_id),
        Some(wmo.service_id)
    );
    Ok(())
}

#[test]
fn finishing_needs_a_name_and_an_active_contact_person() -> Result<()> {
    let mut db = Db::in_memory()?;
    let gone = person(&mut db, "Jelle Bosma", false)?;
    assert_eq!(
        refused(setup::finish(&mut db, gone)),
        vec![("helpPointName".to_owned(), Rule::Required)]
    );
    settings::set_help_point(&mut db, "Wijkpunt De Akkers", "", "")?;
    assert!(matches!(
        setup::finish(&mut db, gone),
        Err(Error::Invalid(_))
    ));
    assert!(
        setup::needed(db.conn())?,
        "a refused finish leaves the first start open"
    );
    Ok(())
}

#[test]
fn a_help_point_with_residents_skips_the_first_start() -> Result<()> {
    // An older help point or a restored backup: it already holds people.
    let mut db = Db::in_memory()?;
    resident(&mut db, "Trijntje", "Boekhout", "Oosterwold")?;
    assert!(!setup::needed(db.conn())?);
    // The demo village too, and it has done every first step.
    let mut demo = Db::in_memory()?;
    buurtpunt_core::demo::seed(&mut demo, today())?;
    assert!(!setup::needed(demo.conn())?);
    assert!(!setup::first_steps(demo.conn())?.show);
    Ok(())
}

#[test]
fn the_first_steps_stay_on_vandaag_until_done_or_hidden() -> Result<()> {
    let mut db = Db::in_memory()?;
    let steps = setup::first_steps(db.conn())?;
    assert!(steps.show);
    assert!(!steps.wmo_desk && !steps.help_point_phone);
    assert_eq!((steps.volunteers, steps.organisations), (0, 0));

    settings::set_help_point(&mut db, "Dorpspunt Oosterwold", "0599-720 180", "")?;
    setup::save_wmo_desk(&mut db, &desk(), now())?;
    let klussen = skill(&db, "Klussen in huis")?;
    volunteer(&mut db, "Geert", "Oosterwold", handy(klussen))?;
    let steps = setup::first_steps(db.conn())?;
    assert!(steps.show, "the social map holds only the municipality");
    assert_eq!((steps.volunteers, steps.organisations), (1, 1));
    assert!(steps.wmo_desk && steps.help_point_phone);

    for name in ["Huisartsenpraktijk Oosterwold", "Thuiszorg De Linde"] {
        social_map::create_organisation(
            &mut db,
            OrganisationInput {
                name: name.into(),
                ..OrganisationInput::default()
            },
            now(),
        )?;
    }
    assert!(!setup::first_steps(db.conn())?.show, "every step done");

    // Hidden by the group with steps still open.
    let mut other = Db::in_memory()?;
    setup::hide_first_steps(&mut other)?;
    assert!(!setup::first_steps(other.conn())?.show);
    Ok(())
}

#[test]
fn the_kernen_offered_are_the_groups_own_then_those_in_use() -> Result<()> {
    let mut db = Db::in_memory()?;
    resident(&mut db, "Hillie", "Brouwer", "Eext")?;
    resident(&mut db, "Klaas", "Dijkstra", "oosterwold")?;
    settings::set_kernen(
        &mut db,
        &["Zandvoort aan de Aa".into(), "Oosterwold".into()],
    )?;
    assert_eq!(
        residents::kernen(db.conn())?,
        vec!["Zandvoort aan de Aa", "Oosterwold", "Eext"]
    );
    Ok(())
}
