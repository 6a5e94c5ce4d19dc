//! One test per reason of the match suggestions, through the store
//! (`matching::suggest` on an in-memory database with the migrations
//! applied), plus the load windows, the VOG setting and the consent date of a
//! volunteer. All people are fictional.

use buurtpunt_core::hours::{self, HourInput};
use buurtpunt_core::matches::{self, MatchInput, MatchStatus};
use buurtpunt_core::matching::{self, Reason, Suggestion, Suggestions, Unavailable};
use buurtpunt_core::requests::{self, RequestInput};
use buurtpunt_core::settings;
use buurtpunt_core::vocab::slot_bit;
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::volunteers::{self, LoadLevel, Mobility, VogState, VolunteerInput};
use buurtpunt_core::{Db, Error, Result};

mod common;

use common::*;

const KERN: &str = "Lindeloo";

/// An active volunteer in the same kern as every asker here; `set` fills in
/// what matters for the test.
fn volunteer_with(db: &mut Db, first: &str, set: impl FnOnce(&mut VolunteerInput)) -> Result<i64> {
    let mut input = VolunteerInput::default();
    set(&mut input);
    volunteer(db, first, KERN, input)
}

/// A fresh database with Mien, who asks for help in every test here.
fn db_with_asker() -> Result<(Db, i64)> {
    let mut db = Db::in_memory()?;
    let mien = resident(&mut db, "Mien", "Jansen", KERN)?;
    Ok((db, mien))
}

/// A request as the form sends it; the caller fills in what matters.
fn request(db: &mut Db, input: RequestInput) -> Result<i64> {
    Ok(requests::create(
        db,
        RequestInput {
            received_on: if input.received_on.is_empty() {
                "2026-11-20".into()
            } else {
                input.received_on.clone()
            },
            ask: "Kan er iemand helpen?".into(),
            ..input
        },
        now(),
    )?
    .id)
}

/// A request from `resident_id`; `set` fills in what matters for the test.
fn request_with(db: &mut Db, resident_id: i64, set: impl FnOnce(&mut RequestInput)) -> Result<i64> {
    let mut input = RequestInput {
        resident_id: Some(resident_id),
        ..Default::default()
    };
    set(&mut input);
    request(db, input)
}

/// A request from `resident_id` with nothing asked in particular.
fn plain_request(db: &mut Db, resident_id: i64) -> Result<i64> {
    request_with(db, resident_id, |_| {})
}

fn suggest(db: &Db, request_id: i64) -> Result<Suggestions> {
    matching::suggest(db.conn(), request_id, today())
}

fn suggested(s: &Suggestions, id: i64) -> &Suggestion {
    s.suggestions
        .iter()
        .find(|x| x.volunteer_id == id)
        .unwrap_or_else(|| panic!("volunteer {id} is not suggested: {s:#?}"))
}

fn unavailable(s: &Suggestions, id: i64) -> &Unavailable {
    s.unavailable
        .iter()
        .find(|x| x.volunteer_id == id)
        .unwrap_or_else(|| panic!("volunteer {id} is not unavailable: {s:#?}"))
}

fn has(list: &[Reason], f: impl Fn(&Reason) -> bool) -> bool {
    list.iter().any(f)
}

#[test]
fn a_volunteer_whose_skills_serve_the_life_area_fits_it() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let tuin = skill(&db, "Tuinieren")?;
    let boodschappen = skill(&db, "Boodschappen doen")?;
    let gardener = volunteer_with(&mut db, "Gerrit", |v| v.skills = vec![tuin])?;
    let shopper = volunteer_with(&mut db, "Sientje", |v| v.skills = vec![boodschappen])?;
    // No task asked, only the life area.
    let garden = request_with(&mut db, mien, |r| {
        r.life_areas = vec![LifeArea::GardenAndOddJobs]
    })?;
    let s = suggest(&db, garden)?;
    assert_eq!(ids(&s), vec![gardener, shopper], "the fit counts");
    assert!(suggested(&s, gardener)
        .reasons
        .contains(&Reason::FitsLifeArea {
            area: LifeArea::GardenAndOddJobs
        }));
    assert!(!has(&suggested(&s, shopper).reasons, |r| matches!(
        r,
        Reason::FitsLifeArea { .. }
    )));
    // When the task itself is asked, the skill is the reason, not the area.
    let task = request_with(&mut db, mien, |r| {
        r.life_areas = vec![LifeArea::GardenAndOddJobs];
        r.skills = vec![tuin];
    })?;
    let s = suggest(&db, task)?;
    let reasons = &suggested(&s, gardener).reasons;
    assert_eq!(
        reasons.first(),
        Some(&Reason::HasSkill {
            skill: "Tuinieren".into()
        })
    );
    assert!(!has(reasons, |r| matches!(r, Reason::FitsLifeArea { .. })));
    Ok(())
}

#[test]
fn a_ride_asks_for_a_volunteer_with_a_car() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    // Both have a VOG: with no task picked, a health question may need one.
    let cyclist = volunteer_with(&mut db, "Bram", |v| {
        v.mobility = vec![Mobility::Bike];
        v.vog_on = "2025-03-01".into();
    })?;
    let driver = volunteer_with(&mut db, "Dirk", |v| {
        v.mobility = vec![Mobility::Car, Mobility::OnFoot];
        v.vog_on = "2025-03-01".into();
    })?;
    let ride = request_with(&mut db, mien, |r| {
        r.life_areas = vec![LifeArea::Transport, LifeArea::Health]
    })?;
    let s = suggest(&db, ride)?;
    assert_eq!(ids(&s), vec![driver, cyclist]);
    let d = suggested(&s, driver);
    assert!(d.reasons.contains(&Reason::HasCar));
    assert!(!d.warnings.contains(&Reason::NoCar));
    let c = suggested(&s, cyclist);
    assert!(c.warnings.contains(&Reason::NoCar));
    assert!(!c.reasons.contains(&Reason::HasCar));
    // Without transport, a car is no reason either way.
    let visit = request_with(&mut db, mien, |r| r.life_areas = vec![LifeArea::Health])?;
    let s = suggest(&db, visit)?;
    for x in &s.suggestions {
        assert!(!x.reasons.contains(&Reason::HasCar), "{x:?}");
        assert!(!x.warnings.contains(&Reason::NoCar), "{x:?}");
    }
    Ok(())
}

#[test]
fn the_wanted_time_is_held_against_the_week_grid() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let tuesday_morning = slot_bit(1, 0);
    let fits = volunteer_with(&mut db, "Aaltje", |v| {
        v.availability = tuesday_morning | slot_bit(1, 1)
    })?;
    let friday_evening = volunteer_with(&mut db, "Bouke", |v| v.availability = slot_bit(4, 2))?;
    let unknown = volunteer(&mut db, "Cobie", KERN, VolunteerInput::default())?;
    let q = request_with(&mut db, mien, |r| r.wanted_slots = tuesday_morning)?;
    let s = suggest(&db, q)?;
    assert_eq!(ids(&s), vec![fits, unknown, friday_evening]);
    assert!(suggested(&s, fits)
        .reasons
        .contains(&Reason::AvailableAtWantedTime));
    assert!(suggested(&s, friday_evening)
        .warnings
        .contains(&Reason::NotAtWantedTime));
    // An empty week grid says nothing about the time.
    let u = suggested(&s, unknown);
    assert!(!u.reasons.contains(&Reason::AvailableAtWantedTime));
    assert!(!u.warnings.contains(&Reason::NotAtWantedTime));
    // A request without a wanted time says nothing either.
    let any_time = plain_request(&mut db, mien)?;
    let s = suggest(&db, any_time)?;
    for x in &s.suggestions {
        assert!(!x.reasons.contains(&Reason::AvailableAtWantedTime));
        assert!(!x.warnings.contains(&Reason::NotAtWantedTime));
    }
    Ok(())
}

#[test]
fn more_than_eight_hours_of_care_a_week_is_heavy_and_eight_is_not() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let carer = |hours: &str| VolunteerInput {
        is_carer: true,
        carer_hours: hours.into(),
        limit_hours: "20".into(),
        ..Default::default()
    };
    let nine = volunteer(&mut db, "Gerrit", KERN, carer("9"))?;
    let eight = volunteer(&mut db, "Hinke", KERN, carer("8"))?;
    let q = plain_request(&mut db, mien)?;
    let s = suggest(&db, q)?;
    let heavy = suggested(&s, nine);
    assert_eq!(heavy.warnings, vec![Reason::HeavyCarer { hours: 9.0 }]);
    assert!(heavy.load.heavy_carer);
    assert_eq!(heavy.load.level, LoadLevel::Near);
    let not_heavy = suggested(&s, eight);
    assert!(not_heavy.warnings.is_empty(), "8 hours is not heavy care");
    assert!(!not_heavy.load.heavy_carer);
    assert_eq!(not_heavy.load.level, LoadLevel::Ok);
    assert_eq!(ids(&s), vec![eight, nine]);
    // The volunteer's own page says the same.
    assert!(volunteers::get(db.conn(), nine, today())?.load.heavy_carer);
    assert!(!volunteers::get(db.conn(), eight, today())?.load.heavy_carer);
    Ok(())
}

#[test]
fn an_estimate_over_the_hours_left_warns_and_linking_needs_a_reason() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let two_left = volunteer_with(&mut db, "Evert", |v| v.limit_hours = "2".into())?;
    let four_left = volunteer(&mut db, "Femke", KERN, VolunteerInput::default())?;
    let q = request_with(&mut db, mien, |r| r.estimated_hours = "3".into())?;
    let s = suggest(&db, q)?;
    assert_eq!(
        suggested(&s, two_left).warnings,
        vec![Reason::WouldPassLimit {
            left: 2.0,
            estimate: 3.0
        }]
    );
    assert!(!has(&suggested(&s, four_left).warnings, |r| matches!(
        r,
        Reason::WouldPassLimit { .. }
    )));
    assert_eq!(ids(&s), vec![four_left, two_left]);
    let err = link(&mut db, q, two_left, " ")
        .err()
        .map(|e| e.fields().to_vec());
    assert_eq!(
        err.map(|f| (f[0].field.clone(), f[0].rule)),
        Some(("overrideReason".to_owned(), Rule::ReasonRequired))
    );
    let m = link(&mut db, q, two_left, "Evert wil het toch graag doen")?;
    assert_eq!(m.override_reason, "Evert wil het toch graag doen");
    Ok(())
}

#[test]
fn a_full_set_of_open_matches_keeps_a_volunteer_out_unless_overridden() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let one = volunteer_with(&mut db, "Jelle", |v| v.limit_matches = "1".into())?;
    let two = volunteer_with(&mut db, "Klaas", |v| v.limit_matches = "2".into())?;
    let first = plain_request(&mut db, mien)?;
    let second = plain_request(&mut db, mien)?;
    link(&mut db, first, one, "")?;
    link(&mut db, first, two, "")?;
    let s = suggest(&db, second)?;
    let full = unavailable(&s, one);
    assert_eq!(
        full.reasons,
        vec![Reason::MatchesFull { open: 1, limit: 1 }],
        "no hours were logged, so only the match limit stands in the way"
    );
    assert!(full.can_override);
    assert_eq!(full.load.level, LoadLevel::AtLimit);
    assert_eq!(
        ids(&s),
        vec![two],
        "one of two open matches is no limit yet"
    );
    assert!(matches!(
        link(&mut db, second, one, ""),
        Err(Error::Invalid(_))
    ));
    let m = link(&mut db, second, one, "Jelle woont naast mevrouw")?;
    assert_eq!(m.override_reason, "Jelle woont naast mevrouw");
    Ok(())
}

#[test]
fn a_volunteer_not_asked_for_weeks_gets_a_turn() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let ineke = resident(&mut db, "Ineke", "Postma", KERN)?;
    let long_ago = volunteer(&mut db, "Anne", KERN, VolunteerInput::default())?;
    let lately = volunteer(&mut db, "Bareld", KERN, VolunteerInput::default())?;
    let never = volunteer(&mut db, "Catrien", KERN, VolunteerInput::default())?;
    let old = request_with(&mut db, ineke, |r| r.received_on = "2026-09-01".into())?;
    // Eight weeks (the default) before 22 November is 27 September: asked
    // the day before counts as "not asked since", asked on it does not.
    link_at(&mut db, old, long_ago, "", at(2026, 9, 26))?;
    link_at(&mut db, old, lately, "", at(2026, 9, 27))?;
    let q = plain_request(&mut db, mien)?;
    let s = suggest(&db, q)?;
    let a = suggested(&s, long_ago);
    assert_eq!(a.last_asked_on.as_deref(), Some("2026-09-26"));
    assert!(a.reasons.contains(&Reason::NotAskedSince {
        date: "2026-09-26".into()
    }));
    let b = suggested(&s, lately);
    assert!(!has(&b.reasons, |r| matches!(
        r,
        Reason::NotAskedSince { .. } | Reason::NeverAsked
    )));
    assert!(suggested(&s, never).reasons.contains(&Reason::NeverAsked));
    assert_eq!(ids(&s), vec![never, long_ago, lately]);

    // A shorter period in the settings: both count as not asked lately.
    let mut set = settings::get(db.conn())?;
    set.not_asked_weeks = 4;
    settings::update(&mut db, &set)?;
    let s = suggest(&db, q)?;
    assert!(suggested(&s, lately)
        .reasons
        .contains(&Reason::NotAskedSince {
            date: "2026-09-27".into()
        }));
    Ok(())
}

/// With no task picked, the VOG rule follows the life areas: a visit
/// (social contact) needs a VOG, so an expired VOG keeps a volunteer out on
/// every path, the suggestions and linking by hand; odd jobs need none.
#[test]
fn without_a_task_the_life_area_decides_whether_a_vog_is_needed() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let expired = volunteer_with(&mut db, "Fenna", |v| v.vog_on = "2020-01-10".into())?;
    let valid = volunteer_with(&mut db, "Gea", |v| v.vog_on = "2025-03-01".into())?;
    db.conn().execute(
        "UPDATE residents SET phone = '06-12345678' WHERE id = ?1",
        [valid],
    )?;
    let visit = request_with(&mut db, mien, |r| {
        r.life_areas = vec![LifeArea::SocialContact]
    })?;
    let s = suggest(&db, visit)?;
    assert!(s.no_task && s.needs_vog, "{s:?}");
    assert_eq!(s.vog_from_areas, vec![LifeArea::SocialContact]);
    assert!(has(&unavailable(&s, expired).reasons, |r| matches!(
        r,
        Reason::VogExpired { .. }
    )));
    let card = suggested(&s, valid);
    assert_eq!(card.vog, VogState::Valid);
    assert_eq!(card.phone, "06-12345678", "the card shows whom to call");
    let linked = matches::create(
        &mut db,
        MatchInput {
            request_id: visit,
            volunteer_id: expired,
            ..Default::default()
        },
        now(),
    );
    assert!(
        matches!(linked, Err(Error::NotAvailable { .. })),
        "{linked:?}"
    );

    let odd_job = request_with(&mut db, mien, |r| {
        r.life_areas = vec![LifeArea::GardenAndOddJobs]
    })?;
    let s = suggest(&db, odd_job)?;
    assert!(
        s.no_task && !s.needs_vog && s.vog_from_areas.is_empty(),
        "{s:?}"
    );
    suggested(&s, expired);

    let klussen = skill(&db, "Klussen in huis")?;
    let picked = request_with(&mut db, mien, |r| {
        r.life_areas = vec![LifeArea::SocialContact];
        r.skills = vec![klussen];
    })?;
    let s = suggest(&db, picked)?;
    assert!(!s.no_task && !s.needs_vog, "a picked task decides: {s:?}");
    Ok(())
}

#[test]
fn a_vog_that_ends_soon_is_a_warning_not_a_refusal() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let bezoek = skill(&db, "Bezoek en gezelschap")?;
    let with = |vog: &str| VolunteerInput {
        skills: vec![bezoek],
        vog_on: vog.into(),
        ..Default::default()
    };
    // Three years from these dates, 22 November is 49, 60 and 61 days before.
    let ends_soon = volunteer(&mut db, "Fenna", KERN, with("2024-01-10"))?;
    let sixty = volunteer(&mut db, "Gea", KERN, with("2024-01-21"))?;
    let sixty_one = volunteer(&mut db, "Hylke", KERN, with("2024-01-22"))?;
    let q = request_with(&mut db, mien, |r| r.skills = vec![bezoek])?;
    let s = suggest(&db, q)?;
    assert!(s.needs_vog);
    assert_eq!(s.total_suggestions, 3, "an ending VOG is still valid");
    let soon = suggested(&s, ends_soon);
    assert_eq!(
        soon.warnings,
        vec![Reason::VogExpiring {
            until: Some("2027-01-10".into())
        }]
    );
    assert!(!soon.reasons.contains(&Reason::ValidVog));
    assert_eq!(
        suggested(&s, sixty).warnings,
        vec![Reason::VogExpiring {
            until: Some("2027-01-21".into())
        }]
    );
    let later = suggested(&s, sixty_one);
    assert!(later.warnings.is_empty(), "{later:?}");
    assert!(later.reasons.contains(&Reason::ValidVog));
    Ok(())
}

#[test]
fn hours_count_in_the_rolling_week_and_month() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let evert = volunteer_with(&mut db, "Evert", |v| v.limit_hours = "40".into())?;
    let first = request_with(&mut db, mien, |r| r.received_on = "2026-10-01".into())?;
    let m = matches::create(
        &mut db,
        MatchInput {
            request_id: first,
            volunteer_id: evert,
            status: Some(MatchStatus::Agreed),
            ..Default::default()
        },
        now(),
    )?;
    // Hours of different sizes, so each sum shows which entries it holds.
    for (day, hours) in [
        ("2026-11-22", "1"),  // today
        ("2026-11-16", "2"),  // 6 days ago: the first day of the week
        ("2026-11-12", "4"),  // 10 days ago: the month only
        ("2026-10-24", "8"),  // 29 days ago: the first day of the month
        ("2026-10-22", "16"), // 31 days ago: neither
    ] {
        hours::log(
            &mut db,
            &HourInput {
                match_id: m.id,
                on_date: day.into(),
                hours: hours.into(),
                ..Default::default()
            },
            now(),
        )?;
    }
    let load = volunteers::get(db.conn(), evert, today())?.load;
    assert_eq!((load.week_hours, load.month_hours), (3.0, 15.0));
    assert_eq!(load.hours_left, 37.0);
    // Matching reads the same windows from its own query.
    let second = plain_request(&mut db, mien)?;
    let s = suggest(&db, second)?;
    let l = &suggested(&s, evert).load;
    assert_eq!((l.week_hours, l.month_hours), (3.0, 15.0));
    assert_eq!(l, &load);
    Ok(())
}

#[test]
fn the_vog_validity_setting_changes_the_vog_state() -> Result<()> {
    let (mut db, mien) = db_with_asker()?;
    let bezoek = skill(&db, "Bezoek en gezelschap")?;
    let okke = volunteer_with(&mut db, "Okke", |v| {
        v.skills = vec![bezoek];
        v.vog_on = "2023-06-01".into();
    })?;
    let q = request_with(&mut db, mien, |r| r.skills = vec![bezoek])?;
    // Three years (the default): ended on 1 June 2026.
    let v = volunteers::get(db.conn(), okke, today())?;
    assert_eq!(v.vog_state, VogState::Expired);
    assert_eq!(v.vog_valid_until.as_deref(), Some("2026-06-01"));
    let s = suggest(&db, q)?;
    assert_eq!(
        unavailable(&s, okke).reasons,
        vec![Reason::VogExpired {
            until: Some("2026-06-01".into())
        }]
    );

    // Four years: valid until 1 June 2027.
    let mut set = settings::get(db.conn())?;
    set.vog_valid_years = 4;
    settings::update(&mut db, &set)?;
    let v = volunteers::get(db.conn(), okke, today())?;
    assert_eq!(v.vog_state, VogState::Valid);
    assert_eq!(v.vog_valid_until.as_deref(), Some("2027-06-01"));
    let listed = volunteers::list(db.conn(), &Default::default(), today())?;
    assert_eq!(listed.items[0].vog_state, VogState::Valid);
    let s = suggest(&db, q)?;
    assert!(suggested(&s, okke).reasons.contains(&Reason::ValidVog));

    // One year: long gone again.
    set.vog_valid_years = 1;
    settings::update(&mut db, &set)?;
    assert_eq!(
        volunteers::get(db.conn(), okke, today())?.vog_state,
        VogState::Expired
    );
    let listed = volunteers::list(db.conn(), &Default::default(), today())?;
    assert_eq!(listed.items[0].vog_state, VogState::Expired);
    Ok(())
}

#[test]
fn the_consent_date_of_a_volunteer_is_saved_and_read_back() -> Result<()> {
    let mut db = Db::in_memory()?;
    let id = volunteer_with(&mut db, "Pieter", |v| v.consent_on = "2026-03-15".into())?;
    assert_eq!(
        volunteers::get(db.conn(), id, today())?
            .consent_on
            .as_deref(),
        Some("2026-03-15")
    );
    let renewed = volunteers::update(
        &mut db,
        id,
        VolunteerInput {
            consent_on: "2026-11-01".into(),
            ..Default::default()
        },
        now(),
    )?;
    assert_eq!(renewed.consent_on.as_deref(), Some("2026-11-01"));
    assert_eq!(
        volunteers::get(db.conn(), id, today())?
            .consent_on
            .as_deref(),
        Some("2026-11-01")
    );
    let cleared = volunteers::update(&mut db, id, VolunteerInput::default(), now())?;
    assert_eq!(cleared.consent_on, None);
    Ok(())
}
