//! Residents and help requests: validation, bad input, lifecycle, lists, today.

use buurtpunt_core::requests::{self, Channel, RequestInput, RequestQuery, Scope, Status, Urgency};

use buurtpunt_core::residents::{self, NetworkMember, NetworkRole, ResidentInput, ResidentQuery};
use buurtpunt_core::settings;
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::volunteers::{self, CheckinInput, VolunteerInput, VolunteerStatus};
use buurtpunt_core::{today, Db, Error, Result};
use chrono::{NaiveDate, NaiveDateTime};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

fn person(first: &str, last: &str) -> ResidentInput {
    ResidentInput {
        first_name: first.into(),
        last_name: last.into(),
        ..Default::default()
    }
}

fn ask(resident_id: i64, text: &str) -> RequestInput {
    RequestInput {
        resident_id: Some(resident_id),
        received_on: "2026-11-20".into(),
        channel: Channel::AtTheDoor,
        ask: text.into(),
        underlying_need: String::new(),
        life_areas: vec![LifeArea::GardenAndOddJobs],
        own_strength: String::new(),
        tried: String::new(),
        urgency: Urgency::Normal,
        due_on: String::new(),
        scope: Scope::Individual,
        scope_note: String::new(),
        ..Default::default()
    }
}

fn rules(e: &Error) -> Vec<(String, Rule)> {
    e.fields()
        .iter()
        .map(|f| (f.field.clone(), f.rule))
        .collect()
}

#[test]
fn empty_required_fields_are_named() -> Result<()> {
    let mut db = Db::in_memory()?;
    let err = residents::create(&mut db, person(" ", ""), false, now()).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(
        rules(&err),
        vec![
            ("firstName".into(), Rule::Required),
            ("lastName".into(), Rule::Required)
        ]
    );
    Ok(())
}

#[test]
fn dutch_postcodes_phones_and_dates_are_checked() -> Result<()> {
    let mut db = Db::in_memory()?;
    let mut p = person("Fenna", "Hoekstra");
    p.postcode = "12345".into();
    p.phone = "12-34".into();
    p.email = "fenna.at.home".into();
    p.birth_date = "31-02-1950".into();
    let err = residents::create(&mut db, p, false, now()).unwrap_err();
    let got = rules(&err);
    for want in [
        ("postcode", Rule::Postcode),
        ("phone", Rule::Phone),
        ("email", Rule::Email),
        ("birthDate", Rule::Date),
    ] {
        assert!(
            got.contains(&(want.0.to_owned(), want.1)),
            "{want:?} missing in {got:?}"
        );
    }
    let mut future = person("Fenna", "Hoekstra");
    future.birth_date = "2030-01-01".into();
    let err = residents::create(&mut db, future, false, now()).unwrap_err();
    assert_eq!(rules(&err), vec![("birthDate".into(), Rule::DateInFuture)]);
    Ok(())
}

#[test]
fn html_sql_emoji_and_diacritics_are_stored_verbatim() -> Result<()> {
    let mut db = Db::in_memory()?;
    let names = [
        "<img src=x onerror=alert(1)>",
        "'; DROP TABLE residents; --",
        "Zoë 🌻",
        "Ĳsbrand Çelik",
    ];
    for n in names {
        let r = residents::create(&mut db, person(n, "Test"), false, now())?;
        assert_eq!(residents::get(db.conn(), r.id)?.first_name, n);
    }
    assert_eq!(
        residents::list(db.conn(), &ResidentQuery::default())?.total,
        4
    );
    let hits = residents::list(
        db.conn(),
        &ResidentQuery {
            text: "zoe".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(hits.items.len(), 1);
    let hits = residents::list(
        db.conn(),
        &ResidentQuery {
            text: "ijsbrand celik".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(hits.items.len(), 1);
    Ok(())
}

#[test]
fn a_100_000_character_text_is_refused_with_a_clear_rule() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Gerrit", "Wolters"), false, now())?;
    let err = requests::create(&mut db, ask(r.id, &"a".repeat(100_000)), now()).unwrap_err();
    assert_eq!(err.fields()[0].rule, Rule::TooLong);
    assert_eq!(err.fields()[0].field, "ask");
    let err = residents::create(
        &mut db,
        person(&"b".repeat(100_000), "Wolters"),
        false,
        now(),
    )
    .unwrap_err();
    assert_eq!(err.fields()[0].rule, Rule::TooLong);
    Ok(())
}

#[test]
fn a_likely_duplicate_needs_confirmation() -> Result<()> {
    let mut db = Db::in_memory()?;
    let mut p = person("Hennie", "Stegeman");
    p.street = "Kerkpad".into();
    p.house_number = "4".into();
    let first = residents::create(&mut db, p.clone(), false, now())?;
    let mut same = p.clone();
    same.first_name = "hennie".into();
    match residents::create(&mut db, same.clone(), false, now()) {
        Err(Error::LikelyDuplicate { ids }) => assert_eq!(ids, vec![first.id]),
        other => panic!("expected a duplicate warning, got {other:?}"),
    }
    residents::create(&mut db, same, true, now())?;
    let mut elsewhere = p;
    elsewhere.house_number = "6".into();
    residents::create(&mut db, elsewhere, false, now())?;
    Ok(())
}

#[test]
fn the_network_is_saved_in_order_and_searchable() -> Result<()> {
    let mut db = Db::in_memory()?;
    let mut p = person("Ilse", "Veenstra");
    p.network = vec![
        NetworkMember {
            role: NetworkRole::InformalCarer,
            name: "Jannes Veenstra".into(),
            phone: "06-12345678".into(),
            email: String::new(),
            note: String::new(),
        },
        NetworkMember {
            role: NetworkRole::Neighbour,
            name: "Klaasje Knol".into(),
            phone: String::new(),
            email: String::new(),
            note: String::new(),
        },
    ];
    let r = residents::create(&mut db, p, false, now())?;
    assert_eq!(r.network.len(), 2);
    assert_eq!(r.network[0].role, NetworkRole::InformalCarer);
    let hits = residents::list(
        db.conn(),
        &ResidentQuery {
            text: "klaasje".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(hits.items[0].id, r.id);
    Ok(())
}

#[test]
fn closing_needs_a_reason_and_every_change_is_logged() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Lammert", "Smidt"), false, now())?;
    let q = requests::create(&mut db, ask(r.id, "Heg knippen"), now())?;
    assert_eq!(q.status, Status::New);
    let err = requests::change_status(&mut db, q.id, Status::Done, " ", now()).unwrap_err();
    assert_eq!(err.fields()[0].rule, Rule::CloseReasonRequired);
    requests::change_status(&mut db, q.id, Status::InProgress, "", now())?;
    let done = requests::change_status(&mut db, q.id, Status::Done, "Heg is geknipt", now())?;
    assert_eq!(done.close_reason, "Heg is geknipt");
    assert_eq!(done.contact_log.len(), 2);
    assert_eq!(done.contact_log[0].status, Some(Status::Done));
    let err = requests::change_status(&mut db, q.id, Status::Matched, "", now()).unwrap_err();
    assert_eq!(err.code(), "invalid_transition");
    let reopened =
        requests::change_status(&mut db, q.id, Status::InProgress, "Heg groeit weer", now())?;
    assert_eq!(reopened.close_reason, "");
    Ok(())
}

#[test]
fn notes_are_dated_and_searchable() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Marijke", "Mulderink"), false, now())?;
    let q = requests::create(&mut db, ask(r.id, "Lamp vervangen"), now())?;
    let err = requests::add_note(&mut db, q.id, "gisteren", "x", now()).unwrap_err();
    assert_eq!(err.fields()[0].rule, Rule::Date);
    requests::add_note(
        &mut db,
        q.id,
        "2026-11-21",
        "Buurman Teun komt zaterdag",
        now(),
    )?;
    let hits = requests::list(
        db.conn(),
        &RequestQuery {
            text: "zaterdag".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(hits.total, 1);
    assert!(matches!(
        requests::add_note(&mut db, 999, "2026-11-21", "x", now()),
        Err(Error::NotFound { .. })
    ));
    Ok(())
}

#[test]
fn request_dates_must_be_real_and_in_order() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Nelis", "Knol"), false, now())?;
    let mut bad = ask(r.id, "Vraag");
    bad.received_on = "2026-13-01".into();
    bad.due_on = "morgen".into();
    let err = requests::create(&mut db, bad, now()).unwrap_err();
    assert_eq!(
        rules(&err),
        vec![
            ("receivedOn".into(), Rule::Date),
            ("dueOn".into(), Rule::Date)
        ]
    );
    let mut future = ask(r.id, "Vraag");
    future.received_on = "2026-12-01".into();
    assert_eq!(
        rules(&requests::create(&mut db, future, now()).unwrap_err()),
        vec![("receivedOn".into(), Rule::DateInFuture)]
    );
    let mut unknown = ask(999, "Vraag");
    unknown.resident_id = Some(999);
    assert_eq!(
        requests::create(&mut db, unknown, now())
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    Ok(())
}

#[test]
fn lists_filter_and_page() -> Result<()> {
    let mut db = Db::in_memory()?;
    let mut a = person("Okke", "ter Horst");
    a.kern = "Veenhoeve".into();
    let a = residents::create(&mut db, a, false, now())?;
    let b = residents::create(&mut db, person("Petra", "Zandvoort"), false, now())?;
    for i in 0..30 {
        let mut q = ask(if i % 3 == 0 { a.id } else { b.id }, &format!("Vraag {i}"));
        if i % 5 == 0 {
            q.urgency = Urgency::High;
            q.life_areas = vec![LifeArea::Health];
        }
        requests::create(&mut db, q, now())?;
    }
    let page0 = requests::list(
        db.conn(),
        &RequestQuery {
            page_size: 25,
            ..Default::default()
        },
    )?;
    assert_eq!((page0.total, page0.items.len()), (30, 25));
    let page1 = requests::list(
        db.conn(),
        &RequestQuery {
            page: 1,
            page_size: 25,
            ..Default::default()
        },
    )?;
    assert_eq!(page1.items.len(), 5);
    let kern = requests::list(
        db.conn(),
        &RequestQuery {
            kern: "Veenhoeve".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(kern.total, 10);
    let urgent = requests::list(
        db.conn(),
        &RequestQuery {
            urgency: Some(Urgency::High),
            ..Default::default()
        },
    )?;
    assert_eq!(urgent.total, 6);
    let health = requests::list(
        db.conn(),
        &RequestQuery {
            life_area: Some(LifeArea::Health),
            ..Default::default()
        },
    )?;
    assert_eq!(health.total, 6);
    assert!(health
        .items
        .iter()
        .all(|r| r.life_areas == vec![LifeArea::Health]));
    let mine = requests::list(
        db.conn(),
        &RequestQuery {
            resident_id: Some(a.id),
            ..Default::default()
        },
    )?;
    assert_eq!(mine.total, 10);
    Ok(())
}

#[test]
fn today_shows_new_urgent_and_overdue_requests() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Roelof", "Lubbers"), false, now())?;
    let mut overdue = ask(r.id, "Te laat");
    overdue.due_on = "2026-11-21".into();
    overdue.urgency = Urgency::High;
    let overdue = requests::create(&mut db, overdue, now())?;
    let mut soon = ask(r.id, "Binnenkort");
    soon.due_on = "2026-11-25".into();
    let soon = requests::create(&mut db, soon, now())?;
    let done = requests::create(&mut db, ask(r.id, "Klaar"), now())?;
    requests::change_status(&mut db, done.id, Status::Done, "Gedaan", now())?;
    let t = today::today(db.conn(), now().date())?;
    assert_eq!(t.new_total, 2);
    assert_eq!(
        (t.urgent_total, t.overdue_total, t.due_soon_total),
        (1, 1, 1)
    );
    assert!(!t.more, "everything fits");
    // Each request once: the late urgent one first (with both labels), then the one due this week.
    let ids: Vec<i64> = t.todo.iter().map(|i| i.request_id).collect();
    assert_eq!(ids, vec![overdue.id, soon.id]);
    assert!(t.todo[0].urgent && t.todo[0].late_days == Some(1));
    assert_eq!(t.todo[1].due_on.as_deref(), Some("2026-11-25"));
    Ok(())
}

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("valid date")
}

#[test]
fn today_reminds_to_ask_volunteers_how_it_goes_support_first() -> Result<()> {
    let mut db = Db::in_memory()?;
    let mut s = settings::get(db.conn())?;
    s.checkin_weeks = 6;
    settings::update(&mut db, &s)?;
    let mut volunteer = |first: &str, status: VolunteerStatus, since: NaiveDateTime| {
        let r = residents::create(&mut db, person(first, "Veenstra"), false, now())?;
        volunteers::create(&mut db, r.id, VolunteerInput::default(), status, since)?;
        Ok::<_, Error>(r.id)
    };
    // Active since September: six weeks have long passed.
    let due = volunteer("Hinke", VolunteerStatus::Active, at(2026, 9, 1))?;
    // Active since last week: not due yet.
    let fresh = volunteer("Jelle", VolunteerStatus::Active, at(2026, 11, 15))?;
    // Not active: never reminded.
    volunteer("Sietske", VolunteerStatus::Applied, at(2026, 1, 5))?;
    volunteer("Wiebe", VolunteerStatus::Paused, at(2026, 1, 5))?;
    let t = today::today(db.conn(), now().date())?;
    assert_eq!(t.checkins_due_total, 1);
    assert_eq!(t.checkins_due[0].resident_id, due);
    assert_eq!(t.checkins_due[0].due_on.as_deref(), Some("2026-10-13"));
    assert!(!t.checkins_due[0].needs_support);

    // A fresh check-in that asks for support keeps the volunteer on the list, first.
    volunteers::add_checkin(
        &mut db,
        fresh,
        &CheckinInput {
            on_date: "2026-11-21".into(),
            how_it_goes: "Zwaar: mijn moeder is ziek.".into(),
            needs_support: true,
            ..Default::default()
        },
        now(),
    )?;
    let t = today::today(db.conn(), now().date())?;
    let ids: Vec<_> = t.checkins_due.iter().map(|c| c.resident_id).collect();
    assert_eq!(ids, vec![fresh, due]);
    assert_eq!(t.checkins_due[0].due_on, None);
    assert!(t.checkins_due[0].needs_support);

    // A check-in today clears the reminder; 0 weeks turns the reminders off.
    volunteers::add_checkin(
        &mut db,
        due,
        &CheckinInput {
            on_date: "2026-11-22".into(),
            how_it_goes: "Gaat prima.".into(),
            ..Default::default()
        },
        now(),
    )?;
    let t = today::today(db.conn(), now().date())?;
    assert_eq!(t.checkins_due_total, 1);
    s.checkin_weeks = 0;
    settings::update(&mut db, &s)?;
    volunteers::add_checkin(
        &mut db,
        fresh,
        &CheckinInput {
            on_date: "2026-11-22".into(),
            how_it_goes: "Beter, er is hulp gevonden.".into(),
            ..Default::default()
        },
        now(),
    )?;
    let t = today::today(db.conn(), now().date())?;
    assert_eq!(t.checkins_due_total, 0);
    assert!(t.checkins_due.is_empty());
    Ok(())
}

#[test]
fn renaming_a_resident_updates_request_search() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = residents::create(&mut db, person("Sjoukje", "Hofsteenge"), false, now())?;
    requests::create(&mut db, ask(r.id, "Hond uitlaten"), now())?;
    let mut renamed = person("Sjoukje", "Geërtsema");
    renamed.kern = "Heidebroek".into();
    residents::update(&mut db, r.id, renamed, now())?;
    let hits = requests::list(
        db.conn(),
        &RequestQuery {
            text: "geertsema".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(hits.total, 1);
    let old = requests::list(
        db.conn(),
        &RequestQuery {
            text: "hofsteenge".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(old.total, 0);
    Ok(())
}
