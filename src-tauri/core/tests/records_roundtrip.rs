//! Residents and help requests saved, changed and read back on an in-memory
//! database with the migrations applied: every field that is written comes
//! back, and the search follows a change. All people are fictional.

use buurtpunt_core::professional::ProfessionalFlag;
use buurtpunt_core::requests::{self, Channel, RequestInput, RequestQuery, Scope, Status, Urgency};
use buurtpunt_core::residents::{self, ContactPreference, ResidentInput};
use buurtpunt_core::vocab::slot_bit;
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::{Db, Error, Result};

mod common;

use common::*;

fn person(first: &str, last: &str) -> ResidentInput {
    ResidentInput {
        first_name: first.into(),
        last_name: last.into(),
        kern: "Lindeloo".into(),
        ..Default::default()
    }
}

fn ask(resident_id: i64, text: &str) -> RequestInput {
    RequestInput {
        resident_id: Some(resident_id),
        received_on: "2026-11-20".into(),
        channel: Channel::Phone,
        ask: text.into(),
        urgency: Urgency::Normal,
        scope: Scope::Individual,
        ..Default::default()
    }
}

fn hits(db: &Db, text: &str) -> Result<Vec<i64>> {
    let page = requests::list(
        db.conn(),
        &RequestQuery {
            text: text.into(),
            ..Default::default()
        },
    )?;
    Ok(page.items.iter().map(|r| r.id).collect())
}

#[test]
fn updating_a_request_changes_every_field_and_the_search_follows() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let rijden = skill(&db, "Autorijden (vervoer)")?;
    let r = residents::create(&mut db, person("Tjitske", "Hoogeveen"), false, now())?;
    let before = requests::create(
        &mut db,
        RequestInput {
            underlying_need: "Bang voor lekkage".into(),
            life_areas: vec![LifeArea::Housing],
            skills: vec![klussen],
            ..ask(r.id, "Kapotte dakgoot boven de schuur")
        },
        at(2026, 11, 20),
    )?;
    assert_eq!(hits(&db, "dakgoot")?, vec![before.id]);

    let changed = RequestInput {
        resident_id: Some(r.id),
        received_on: "2026-11-21".into(),
        channel: Channel::AtTheDoor,
        ask: "Ritje naar de tandarts in Roggeveen".into(),
        underlying_need: "Durft niet alleen te gaan".into(),
        life_areas: vec![LifeArea::Health, LifeArea::Transport],
        own_strength: "Dochter rijdt soms mee".into(),
        tried: "Regiotaxi gebeld, te duur".into(),
        urgency: Urgency::High,
        due_on: "2026-11-28".into(),
        scope: Scope::Individual,
        scope_note: String::new(),
        skills: vec![rijden],
        needs_vog: true,
        wanted_slots: slot_bit(2, 0),
        volunteers_needed: 2,
        estimated_hours: "1,5".into(),
        goal_short: "Naar de afspraak op vrijdag".into(),
        goal_long: "Zelf een vaste chauffeur vinden".into(),
        flags: vec![ProfessionalFlag::Medical],
    };
    let after = requests::update(&mut db, before.id, changed, now())?;
    let read = requests::get(db.conn(), before.id)?;
    for q in [&after, &read] {
        assert_eq!(q.received_on, "2026-11-21");
        assert_eq!(q.channel, Channel::AtTheDoor);
        assert_eq!(q.ask, "Ritje naar de tandarts in Roggeveen");
        assert_eq!(q.underlying_need, "Durft niet alleen te gaan");
        assert_eq!(q.life_areas, vec![LifeArea::Transport, LifeArea::Health]);
        assert_eq!(q.own_strength, "Dochter rijdt soms mee");
        assert_eq!(q.tried, "Regiotaxi gebeld, te duur");
        assert_eq!(q.urgency, Urgency::High);
        assert_eq!(q.due_on.as_deref(), Some("2026-11-28"));
        assert_eq!(
            q.skills.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![rijden]
        );
        assert!(q.needs_vog);
        assert_eq!(q.wanted_slots, slot_bit(2, 0));
        assert_eq!(q.volunteers_needed, 2);
        assert_eq!(q.estimated_hours, Some(1.5));
        assert_eq!(q.goal_short, "Naar de afspraak op vrijdag");
        assert_eq!(q.goal_long, "Zelf een vaste chauffeur vinden");
        assert_eq!(q.flags, vec![ProfessionalFlag::Medical]);
        assert_eq!(q.status, Status::New, "an edit does not move the status");
        assert_eq!(q.created_at, before.created_at);
        assert_eq!(q.updated_at, "2026-11-22T10:00:00");
    }

    // The search finds the new words, and the old ones no longer.
    for word in ["tandarts", "Roggeveen", "regiotaxi", "dochter", "alleen"] {
        assert_eq!(hits(&db, word)?, vec![before.id], "new word {word}");
    }
    for word in ["dakgoot", "schuur", "lekkage"] {
        assert!(hits(&db, word)?.is_empty(), "old word {word} still found");
    }
    // The list filters follow the new life areas and urgency.
    let by_area = |area| {
        requests::list(
            db.conn(),
            &RequestQuery {
                life_area: Some(area),
                ..Default::default()
            },
        )
        .map(|p| p.total)
    };
    assert_eq!(by_area(LifeArea::Housing)?, 0);
    assert_eq!(by_area(LifeArea::Transport)?, 1);
    assert_eq!(
        requests::list(
            db.conn(),
            &RequestQuery {
                urgency: Some(Urgency::High),
                ..Default::default()
            },
        )?
        .total,
        1
    );
    Ok(())
}

#[test]
fn a_refused_update_leaves_the_request_as_it_was() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Tjitske", "Hoogeveen"), false, now())?;
    let q = requests::create(&mut db, ask(r.id, "Heg knippen"), now())?;
    let err = requests::update(&mut db, q.id, ask(r.id, "  "), now()).unwrap_err();
    assert_eq!(err.fields()[0].field, "ask");
    assert_eq!(err.fields()[0].rule, Rule::Required);
    assert_eq!(requests::get(db.conn(), q.id)?.ask, "Heg knippen");
    assert!(matches!(
        requests::update(&mut db, 999, ask(r.id, "Iets anders"), now()),
        Err(Error::NotFound { .. })
    ));
    Ok(())
}

#[test]
fn a_residents_proxy_and_preferred_way_and_time_of_contact_are_kept() -> Result<()> {
    let mut db = Db::in_memory()?;
    let input = ResidentInput {
        phone: "0599-123456".into(),
        email: "hinderika@voorbeeld.nl".into(),
        contact_preference: Some(ContactPreference::ViaProxy),
        contact_time: "Na het Jeugdjournaal, niet op zondag".into(),
        proxy_name: "Geertruida Omlo".into(),
        proxy_relation: "achternicht".into(),
        proxy_phone: "06-12121212".into(),
        proxy_email: "g.omlo@voorbeeld.nl".into(),
        ..person("Hinderika", "Boekhoven")
    };
    let r = residents::create(&mut db, input, false, now())?;
    let read = residents::get(db.conn(), r.id)?;
    for x in [&r, &read] {
        assert_eq!(x.contact_preference, ContactPreference::ViaProxy);
        assert_eq!(x.contact_time, "Na het Jeugdjournaal, niet op zondag");
        assert_eq!(x.proxy_name, "Geertruida Omlo");
        assert_eq!(x.proxy_relation, "achternicht");
        assert_eq!(x.proxy_phone, "06-12121212");
        assert_eq!(x.proxy_email, "g.omlo@voorbeeld.nl");
    }
    assert_eq!(
        people(&db, "omlo")?,
        vec![r.id],
        "found by the proxy's name"
    );

    // She now wants a visit in the morning and handles things herself.
    let changed = ResidentInput {
        contact_preference: Some(ContactPreference::AtTheDoor),
        contact_time: "Dinsdagochtend".into(),
        ..person("Hinderika", "Boekhoven")
    };
    residents::update(&mut db, r.id, changed, now())?;
    let read = residents::get(db.conn(), r.id)?;
    assert_eq!(read.contact_preference, ContactPreference::AtTheDoor);
    assert_eq!(read.contact_time, "Dinsdagochtend");
    assert_eq!(
        (
            read.proxy_name.as_str(),
            read.proxy_relation.as_str(),
            read.proxy_phone.as_str(),
            read.proxy_email.as_str()
        ),
        ("", "", "", "")
    );
    assert!(
        people(&db, "omlo")?.is_empty(),
        "the old proxy is not found"
    );

    // No preference given: the phone.
    let plain = residents::create(&mut db, person("Wessel", "Boekhoven"), false, now())?;
    assert_eq!(
        residents::get(db.conn(), plain.id)?.contact_preference,
        ContactPreference::Phone
    );
    Ok(())
}

#[test]
fn a_request_for_a_street_or_the_whole_village_keeps_its_scope() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Harm", "Zuidema"), false, now())?;
    let street = requests::create(
        &mut db,
        RequestInput {
            scope: Scope::Street,
            scope_note: "Hele Pluvierstraat: de stoep ligt vol bladeren".into(),
            volunteers_needed: 4,
            ..ask(r.id, "Bladeren ruimen")
        },
        now(),
    )?;
    let village = requests::create(
        &mut db,
        RequestInput {
            scope: Scope::Village,
            scope_note: "Kerstmarkt op de Brink".into(),
            ..ask(r.id, "Kraampjes opbouwen")
        },
        now(),
    )?;
    let s = requests::get(db.conn(), street.id)?;
    assert_eq!(s.scope, Scope::Street);
    assert_eq!(
        s.scope_note,
        "Hele Pluvierstraat: de stoep ligt vol bladeren"
    );
    assert_eq!(s.volunteers_needed, 4);
    let v = requests::get(db.conn(), village.id)?;
    assert_eq!(v.scope, Scope::Village);
    assert_eq!(v.scope_note, "Kerstmarkt op de Brink");
    assert_eq!(hits(&db, "pluvierstraat")?, vec![street.id]);
    assert_eq!(hits(&db, "kerstmarkt")?, vec![village.id]);

    // The street action grows into one for the whole village.
    let wider = RequestInput {
        scope: Scope::Village,
        scope_note: "Heel Lindeloo: bladkorven bij de kerk".into(),
        volunteers_needed: 6,
        ..ask(r.id, "Bladeren ruimen")
    };
    let s = requests::update(&mut db, street.id, wider, now())?;
    assert_eq!(s.scope, Scope::Village);
    assert_eq!(s.scope_note, "Heel Lindeloo: bladkorven bij de kerk");
    assert_eq!(requests::get(db.conn(), street.id)?.scope, Scope::Village);
    assert!(hits(&db, "pluvierstraat")?.is_empty());
    assert_eq!(hits(&db, "bladkorven")?, vec![street.id]);
    Ok(())
}

#[test]
fn the_long_term_goal_is_saved_and_read_back() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Aukje", "Sikkema"), false, now())?;
    let q = requests::create(
        &mut db,
        RequestInput {
            goal_short: "Deze week een rit naar de markt".into(),
            goal_long: "Over een half jaar weer zelf met de buurtbus".into(),
            ..ask(r.id, "Vervoer naar de markt")
        },
        now(),
    )?;
    assert_eq!(
        requests::get(db.conn(), q.id)?.goal_long,
        "Over een half jaar weer zelf met de buurtbus"
    );
    let changed = RequestInput {
        goal_short: "Deze week een rit naar de markt".into(),
        goal_long: "In het voorjaar een vaste maatje voor de markt".into(),
        ..ask(r.id, "Vervoer naar de markt")
    };
    requests::update(&mut db, q.id, changed, now())?;
    let read = requests::get(db.conn(), q.id)?;
    assert_eq!(
        read.goal_long,
        "In het voorjaar een vaste maatje voor de markt"
    );
    assert_eq!(read.goal_short, "Deze week een rit naar de markt");
    Ok(())
}

#[test]
fn a_request_from_the_wmo_loket_keeps_its_channel() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Jantje", "Roelfsema"), false, now())?;
    let q = requests::create(
        &mut db,
        RequestInput {
            channel: Channel::WmoDesk,
            ..ask(
                r.id,
                "Het Wmo-loket vraagt of een vrijwilliger wekelijks langs kan gaan.",
            )
        },
        now(),
    )?;
    assert_eq!(q.channel, Channel::WmoDesk);
    let read = requests::get(db.conn(), q.id)?;
    assert_eq!(read.channel, Channel::WmoDesk);
    let stored: String = db.conn().query_row(
        "SELECT channel FROM help_requests WHERE id = ?1",
        [q.id],
        |row| row.get(0),
    )?;
    assert_eq!(stored, "wmo_desk");
    let json = serde_json::to_value(&read)?;
    assert_eq!(json["channel"], "wmo_desk", "the code the UI receives");
    Ok(())
}
