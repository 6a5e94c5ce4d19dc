//! Volunteers, matching, matches and hours on a real (in-memory) database
//! with the migrations applied.

use buurtpunt_core::hours::{self, HourInput, HourQuery};
use buurtpunt_core::matches::{self, MatchStatus};
use buurtpunt_core::matching::{self, Reason};
use buurtpunt_core::requests::{self, RequestInput, Status};
use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::settings;
use buurtpunt_core::skills::{self, SkillInput};
use buurtpunt_core::vocab::{LifeArea, Mask, Rule};
use buurtpunt_core::volunteers::{
    self, AbsenceInput, AbsenceKind, CheckinInput, LoadLevel, Mobility, VogState, VolunteerInput,
    VolunteerStatus,
};
use buurtpunt_core::{Db, Error, Result};
use chrono::NaiveDate;

mod common;

use common::*;

#[test]
fn a_resident_who_asks_for_help_can_also_offer_it() -> Result<()> {
    let mut db = Db::in_memory()?;
    let anna = resident(&mut db, "Anna", "de Vries", "Lindeloo")?;
    let klussen = skill(&db, "Klussen in huis")?;
    odd_jobs_request(&mut db, anna, klussen)?;
    let v = volunteers::create(
        &mut db,
        anna,
        VolunteerInput {
            skills: vec![klussen],
            tags: vec!["spreekt Fries".into(), "  ".into(), "Spreekt Fries".into()],
            mobility: vec![Mobility::Bike],
            ..Default::default()
        },
        VolunteerStatus::Applied,
        now(),
    )?;
    assert_eq!(v.name, "Anna de Vries");
    assert_eq!(v.status, VolunteerStatus::Applied);
    assert_eq!(v.tags, vec!["spreekt Fries".to_owned()]);
    assert_eq!(v.skills[0].name, "Klussen in huis");
    assert_eq!(v.load.limit_hours, 4.0, "the group's default limit");
    assert_eq!(v.status_log.len(), 1);
    // Her request is still hers.
    let own = requests::list(
        db.conn(),
        &requests::RequestQuery {
            resident_id: Some(anna),
            ..Default::default()
        },
    )?;
    assert_eq!(own.total, 1);
    assert!(matches!(
        volunteers::create(
            &mut db,
            anna,
            VolunteerInput::default(),
            VolunteerStatus::Active,
            now()
        ),
        Err(Error::AlreadyVolunteer { .. })
    ));
    assert!(volunteers::find(db.conn(), anna, today())?.is_some());
    Ok(())
}

#[test]
fn suggestions_come_with_reasons_and_hard_rules_keep_people_out() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Mien", "Jansen", "Lindeloo")?;
    let request = odd_jobs_request(&mut db, asker, klussen)?;
    let handy = handy(klussen);
    let evert = volunteer(&mut db, "Evert", "Lindeloo", handy.clone())?;
    let bram = volunteer(&mut db, "Bram", "Veenhoeve", handy.clone())?;
    let paused = volunteer(&mut db, "Petra", "Lindeloo", handy.clone())?;
    volunteers::change_status(
        &mut db,
        paused,
        VolunteerStatus::Paused,
        "2026-11-01",
        "Even rust",
        now(),
    )?;
    let away = volunteer(&mut db, "Teun", "Lindeloo", handy.clone())?;
    volunteers::add_absence(
        &mut db,
        away,
        &AbsenceInput {
            from_on: "2026-11-20".into(),
            until_on: "2026-12-03".into(),
            kind: AbsenceKind::Holiday,
            note: String::new(),
        },
        now(),
    )?;
    let refuses = volunteer(
        &mut db,
        "Wietske",
        "Lindeloo",
        VolunteerInput {
            refused: vec![klussen],
            ..Default::default()
        },
    )?;

    let s = matching::suggest(db.conn(), request, today())?;
    assert_eq!(ids(&s), vec![evert, bram], "same kern first");
    let first = &s.suggestions[0];
    assert!(first.reasons.contains(&Reason::HasSkill {
        skill: "Klussen in huis".into()
    }));
    assert!(first.reasons.contains(&Reason::SameKern {
        kern: "Lindeloo".into()
    }));
    assert!(first.reasons.contains(&Reason::HoursLeft { hours: 4.0 }));
    assert!(s.suggestions[1].warnings.contains(&Reason::OtherKern {
        kern: "Veenhoeve".into()
    }));
    let why = |id: i64| {
        s.unavailable
            .iter()
            .find(|u| u.volunteer_id == id)
            .map(|u| u.reasons.clone())
    };
    assert_eq!(
        why(paused),
        Some(vec![Reason::Status {
            status: VolunteerStatus::Paused
        }])
    );
    assert_eq!(
        why(away),
        Some(vec![Reason::Absent {
            until: "2026-12-03".into(),
            absence: AbsenceKind::Holiday
        }])
    );
    assert_eq!(
        why(refuses),
        Some(vec![Reason::RefusesTask {
            skill: "Klussen in huis".into()
        }])
    );
    // The same data gives the same order.
    assert_eq!(
        ids(&matching::suggest(db.conn(), request, today())?),
        ids(&s)
    );
    Ok(())
}

#[test]
fn a_task_with_a_vulnerable_person_needs_a_valid_vog() -> Result<()> {
    let mut db = Db::in_memory()?;
    let bezoek = skill(&db, "Bezoek en gezelschap")?;
    let asker = resident(&mut db, "Hennie", "Kuipers", "Lindeloo")?;
    let request = requests::create(
        &mut db,
        RequestInput {
            resident_id: Some(asker),
            received_on: "2026-11-20".into(),
            ask: "Wie komt er eens koffie drinken?".into(),
            skills: vec![bezoek],
            ..Default::default()
        },
        now(),
    )?
    .id;
    let with = |vog: &str| VolunteerInput {
        skills: vec![bezoek],
        vog_on: vog.into(),
        ..Default::default()
    };
    let fresh = volunteer(&mut db, "Fenna", "Lindeloo", with("2025-06-01"))?;
    let old = volunteer(&mut db, "Okke", "Lindeloo", with("2022-03-01"))?;
    let none = volunteer(&mut db, "Nelis", "Lindeloo", with(""))?;
    let s = matching::suggest(db.conn(), request, today())?;
    assert!(s.needs_vog, "the task needs a VOG");
    assert_eq!(ids(&s), vec![fresh]);
    assert!(s.suggestions[0].reasons.contains(&Reason::ValidVog));
    let reasons: Vec<_> = s
        .unavailable
        .iter()
        .map(|u| (u.volunteer_id, u.reasons.clone()))
        .collect();
    assert!(reasons.contains(&(
        old,
        vec![Reason::VogExpired {
            until: Some("2025-03-01".into())
        }]
    )));
    assert!(reasons.contains(&(none, vec![Reason::VogMissing])));
    // Linking someone without a VOG is refused, whatever the reason given.
    assert!(matches!(
        link(&mut db, request, none, "Het is dringend"),
        Err(Error::NotAvailable { .. })
    ));
    Ok(())
}

#[test]
fn going_over_the_limit_needs_a_reason_which_is_logged() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Cor", "Smit", "Lindeloo")?;
    let first = odd_jobs_request(&mut db, asker, klussen)?;
    let second = odd_jobs_request(&mut db, asker, klussen)?;
    let evert = volunteer(
        &mut db,
        "Evert",
        "Lindeloo",
        VolunteerInput {
            skills: vec![klussen],
            limit_hours: "3".into(),
            ..Default::default()
        },
    )?;
    let m = link(&mut db, first, evert, "")?;
    matches::change_status(&mut db, m.id, MatchStatus::Agreed, "", now())?;
    hours::log(
        &mut db,
        &HourInput {
            match_id: m.id,
            on_date: "2026-11-21".into(),
            hours: "3".into(),
            ..Default::default()
        },
        now(),
    )?;
    let s = matching::suggest(db.conn(), second, today())?;
    assert!(s.suggestions.is_empty());
    let u = &s.unavailable[0];
    assert_eq!(
        u.reasons,
        vec![Reason::AtLimit {
            load: 3.0,
            limit: 3.0,
            carer_hours: 0.0
        }]
    );
    assert!(u.can_override);

    let err = link(&mut db, second, evert, "  ")
        .err()
        .map(|e| e.fields().to_vec());
    assert_eq!(
        err.map(|f| (f[0].field.clone(), f[0].rule)),
        Some(("overrideReason".to_owned(), Rule::ReasonRequired))
    );
    let m2 = link(
        &mut db,
        second,
        evert,
        "Evert kent mevrouw goed en wil het graag doen",
    )?;
    assert_eq!(
        m2.override_reason,
        "Evert kent mevrouw goed en wil het graag doen"
    );
    let log = requests::get(db.conn(), second)?.contact_log;
    assert!(
        log.iter()
            .any(|e| e.note.contains("Over de grens") && e.note.contains("kent mevrouw goed")),
        "log: {log:?}"
    );
    Ok(())
}

#[test]
fn the_request_follows_its_matches_and_hours_fill_the_load_meter() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Cor", "Smit", "Lindeloo")?;
    let request = odd_jobs_request(&mut db, asker, klussen)?;
    let evert = volunteer(&mut db, "Evert", "Lindeloo", handy(klussen))?;
    let m = link(&mut db, request, evert, "")?;
    assert_eq!(m.status, MatchStatus::Proposed);
    assert_eq!(
        requests::get(db.conn(), request)?.status,
        Status::InProgress
    );
    // Hours on a proposed match are refused: nothing was agreed yet.
    let early = HourInput {
        match_id: m.id,
        on_date: "2026-11-22".into(),
        hours: "1,5".into(),
        km: "12".into(),
        note: "Lamp vervangen".into(),
    };
    assert!(hours::log(&mut db, &early, now()).is_err());
    matches::change_status(&mut db, m.id, MatchStatus::Agreed, "", now())?;
    assert_eq!(requests::get(db.conn(), request)?.status, Status::Matched);
    let before = volunteers::get(db.conn(), evert, today())?.load;
    assert_eq!(before.week_hours, 0.0);
    let entry = hours::log(&mut db, &early, now())?;
    assert_eq!(entry.hours, 1.5);
    assert_eq!(matches::get(db.conn(), m.id)?.status, MatchStatus::Active);
    let after = volunteers::get(db.conn(), evert, today())?.load;
    assert_eq!(after.week_hours, 1.5);
    assert_eq!(after.hours_left, 2.5);
    assert_eq!(after.open_matches, 1);

    let totals = hours::totals(
        db.conn(),
        &HourQuery {
            from: "2026-11-01".into(),
            to: "2026-11-30".into(),
            volunteer_id: Some(evert),
            ..Default::default()
        },
    )?;
    assert_eq!((totals.hours, totals.km, totals.entries), (1.5, 12.0, 1));
    assert_eq!(totals.by_volunteer[0].name, "Evert Vrijwilliger");
    let per_request = hours::totals(
        db.conn(),
        &HourQuery {
            request_id: Some(request),
            ..Default::default()
        },
    )?;
    assert_eq!(per_request.hours, 1.5);

    matches::change_status(&mut db, m.id, MatchStatus::Done, "Lamp hangt", now())?;
    let done = requests::get(db.conn(), request)?;
    assert_eq!(done.status, Status::Done);
    assert_eq!(done.close_reason, "Alle koppelingen zijn klaar.");
    Ok(())
}

#[test]
fn a_called_off_match_puts_the_request_back_in_progress() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Cor", "Smit", "Lindeloo")?;
    let request = odd_jobs_request(&mut db, asker, klussen)?;
    let evert = volunteer(&mut db, "Evert", "Lindeloo", VolunteerInput::default())?;
    let m = link(&mut db, request, evert, "")?;
    matches::change_status(&mut db, m.id, MatchStatus::Agreed, "", now())?;
    matches::change_status(
        &mut db,
        m.id,
        MatchStatus::Cancelled,
        "Ziek geworden",
        now(),
    )?;
    assert_eq!(
        requests::get(db.conn(), request)?.status,
        Status::InProgress
    );
    // Evert is suggested again: a cancelled match does not count as linked.
    assert_eq!(
        ids(&matching::suggest(db.conn(), request, today())?),
        vec![evert]
    );
    assert!(matches!(
        matches::change_status(&mut db, m.id, MatchStatus::Agreed, "", now()),
        Err(Error::InvalidTransition { .. })
    ));
    Ok(())
}

#[test]
fn continuity_and_a_fair_spread_order_equal_volunteers() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Cor", "Smit", "Lindeloo")?;
    let earlier = odd_jobs_request(&mut db, asker, klussen)?;
    let handy = handy(klussen);
    let a = volunteer(&mut db, "Aaltje", "Lindeloo", handy.clone())?;
    let b = volunteer(&mut db, "Bram", "Lindeloo", handy.clone())?;
    // Aaltje helped Cor before; that counts for the next request.
    let m = link(&mut db, earlier, a, "")?;
    matches::change_status(&mut db, m.id, MatchStatus::Agreed, "", now())?;
    matches::change_status(&mut db, m.id, MatchStatus::Done, "", now())?;
    let next = odd_jobs_request(&mut db, asker, klussen)?;
    let s = matching::suggest(db.conn(), next, today())?;
    assert_eq!(ids(&s), vec![a, b]);
    assert!(s.suggestions[0].reasons.contains(&Reason::HelpedBefore {
        resident: "Cor Smit".into()
    }));
    assert!(s.suggestions[1].reasons.contains(&Reason::NeverAsked));
    // Someone else, never asked, beats an equal colleague asked recently.
    let other = resident(&mut db, "Ineke", "Postma", "Lindeloo")?;
    let third = odd_jobs_request(&mut db, other, klussen)?;
    assert_eq!(
        ids(&matching::suggest(db.conn(), third, today())?),
        vec![b, a]
    );
    Ok(())
}

#[test]
fn a_volunteer_who_moves_is_matched_by_the_new_kern() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Mien", "Jansen", "Veenhoeve")?;
    let request = odd_jobs_request(&mut db, asker, klussen)?;
    let evert = volunteer(&mut db, "Evert", "Lindeloo", handy(klussen))?;
    let before = matching::suggest(db.conn(), request, today())?;
    assert!(before.suggestions[0].warnings.contains(&Reason::OtherKern {
        kern: "Lindeloo".into()
    }));
    let mut moved = residents::get(db.conn(), evert)?;
    moved.kern = "Veenhoeve".into();
    residents::update(
        &mut db,
        evert,
        ResidentInput {
            first_name: moved.first_name,
            last_name: moved.last_name,
            kern: moved.kern,
            ..Default::default()
        },
        now(),
    )?;
    let after = matching::suggest(db.conn(), request, today())?;
    assert!(after.suggestions[0].reasons.contains(&Reason::SameKern {
        kern: "Veenhoeve".into()
    }));
    Ok(())
}

#[test]
fn the_overview_names_who_needs_attention() -> Result<()> {
    let mut db = Db::in_memory()?;
    let mut s = settings::get(db.conn())?;
    s.checkin_weeks = 4;
    settings::update(&mut db, &s)?;
    let carer = volunteer(
        &mut db,
        "Gerrit",
        "Lindeloo",
        VolunteerInput {
            is_carer: true,
            carer_hours: "10".into(),
            limit_hours: "12".into(),
            vog_on: "2023-12-15".into(),
            ..Default::default()
        },
    )?;
    let old_hand = resident(&mut db, "Klaasje", "Meijer", "Veenhoeve")?;
    volunteers::create(
        &mut db,
        old_hand,
        VolunteerInput::default(),
        VolunteerStatus::Active,
        NaiveDate::from_ymd_opt(2026, 9, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("date"),
    )?;
    let o = volunteers::overview(db.conn(), today())?;
    assert_eq!(o.active, 2);
    let near: Vec<_> = o.near_limit.iter().map(|a| a.resident_id).collect();
    assert_eq!(near, vec![carer], "heavy care counts as near the limit");
    assert!(o.near_limit[0].load.heavy_carer);
    assert_eq!(o.near_limit[0].load.level, LoadLevel::Near);
    assert_eq!(o.not_asked.len(), 2, "nobody was asked yet");
    assert_eq!(o.vog_expiring[0].resident_id, carer);
    assert_eq!(o.vog_expiring[0].date.as_deref(), Some("2026-12-15"));
    assert_eq!(o.vog_expiring[0].vog_state, VogState::Expiring);
    let due: Vec<_> = o.checkins_due.iter().map(|a| a.resident_id).collect();
    assert_eq!(
        due,
        vec![old_hand],
        "active since September, no check-in yet"
    );
    volunteers::add_checkin(
        &mut db,
        old_hand,
        &CheckinInput {
            on_date: "2026-11-22".into(),
            how_it_goes: "Gaat goed, wil graag meer tuinwerk.".into(),
            ..Default::default()
        },
        now(),
    )?;
    assert!(volunteers::overview(db.conn(), today())?
        .checkins_due
        .is_empty());
    let v = volunteers::get(db.conn(), old_hand, today())?;
    assert_eq!(v.checkin_due_on.as_deref(), Some("2026-12-20"));
    Ok(())
}

#[test]
fn skills_are_the_groups_own_list() -> Result<()> {
    let mut db = Db::in_memory()?;
    let before = skills::list(db.conn())?.len();
    let fiets = skills::create(
        &mut db,
        &SkillInput {
            name: "Fietsen repareren".into(),
            life_area: Some(LifeArea::Transport),
            ..Default::default()
        },
    )?;
    assert_eq!(skills::list(db.conn())?.len(), before + 1);
    let dup = skills::create(
        &mut db,
        &SkillInput {
            name: "fietsen REPAREREN".into(),
            ..Default::default()
        },
    );
    assert_eq!(dup.err().map(|e| e.fields()[0].rule), Some(Rule::Duplicate));
    // A volunteer with the skill follows a change of its life area.
    let v = volunteer(
        &mut db,
        "Jelle",
        "Lindeloo",
        VolunteerInput {
            skills: vec![fiets.id],
            ..Default::default()
        },
    )?;
    skills::update(
        &mut db,
        fiets.id,
        &SkillInput {
            name: "Fietsen en scootmobielen".into(),
            life_area: Some(LifeArea::Household),
            ..Default::default()
        },
    )?;
    let mask: i64 = db.conn().query_row(
        "SELECT area_mask FROM volunteers WHERE resident_id = ?1",
        [v],
        |r| r.get(0),
    )?;
    assert_eq!(mask, LifeArea::Household.bit());
    assert_eq!(
        volunteers::get(db.conn(), v, today())?.skills[0].name,
        "Fietsen en scootmobielen"
    );
    Ok(())
}

#[test]
fn bad_volunteer_input_is_named_per_field() -> Result<()> {
    let mut db = Db::in_memory()?;
    let id = resident(&mut db, "Otto", "Wolters", "Lindeloo")?;
    let err = volunteers::create(
        &mut db,
        id,
        VolunteerInput {
            limit_hours: "veel".into(),
            limit_matches: "1,5".into(),
            is_carer: true,
            carer_hours: "-2".into(),
            vog_on: "2027-01-01".into(),
            consent_on: "31-02-2026".into(),
            ..Default::default()
        },
        VolunteerStatus::Active,
        now(),
    )
    .err()
    .ok_or_else(|| Error::Migration("bad input was accepted".into()))?;
    let fields: Vec<_> = err
        .fields()
        .iter()
        .map(|f| (f.field.as_str(), f.rule))
        .collect();
    assert!(fields.contains(&("limitHours", Rule::Number)));
    assert!(fields.contains(&("limitMatches", Rule::Number)));
    assert!(fields.contains(&("carerHours", Rule::Number)));
    assert!(fields.contains(&("vogOn", Rule::DateInFuture)));
    assert!(fields.contains(&("consentOn", Rule::Date)));
    assert!(
        volunteers::find(db.conn(), id, today())?.is_none(),
        "nothing saved"
    );
    // Pausing needs a reason.
    volunteers::create(
        &mut db,
        id,
        VolunteerInput::default(),
        VolunteerStatus::Active,
        now(),
    )?;
    let err = volunteers::change_status(
        &mut db,
        id,
        VolunteerStatus::Paused,
        "2026-11-22",
        "",
        now(),
    );
    assert_eq!(
        err.err().map(|e| e.fields()[0].rule),
        Some(Rule::ReasonRequired)
    );
    Ok(())
}

/// A volunteer who is not in Buurtpunt yet is made as a resident too, in
/// one go; a known name is asked about first; a bad profile saves no person.
#[test]
fn a_new_volunteer_from_the_volunteers_screen_becomes_a_resident_too() -> Result<()> {
    let mut db = Db::in_memory()?;
    let person = || ResidentInput {
        first_name: "Roelie".into(),
        last_name: "Dijkhuis".into(),
        phone: "06-27182818".into(),
        kern: "Veenhoeve".into(),
        ..Default::default()
    };
    let bad = VolunteerInput {
        limit_hours: "veel".into(),
        ..Default::default()
    };
    assert!(volunteers::create_person(
        &mut db,
        person(),
        false,
        bad,
        VolunteerStatus::Applied,
        now()
    )
    .is_err());
    let count = |db: &Db| -> Result<i64> {
        Ok(db
            .conn()
            .query_row("SELECT count(*) FROM residents", [], |r| r.get(0))?)
    };
    assert_eq!(count(&db)?, 0, "nothing half-made");
    let v = volunteers::create_person(
        &mut db,
        person(),
        false,
        VolunteerInput::default(),
        VolunteerStatus::Active,
        now(),
    )?;
    let r = residents::get(db.conn(), v.resident_id)?;
    assert_eq!(
        (r.first_name.as_str(), r.kern.as_str()),
        ("Roelie", "Veenhoeve")
    );
    assert_eq!(v.status, VolunteerStatus::Active);
    let again = volunteers::create_person(
        &mut db,
        person(),
        false,
        VolunteerInput::default(),
        VolunteerStatus::Active,
        now(),
    );
    assert!(
        matches!(again, Err(Error::LikelyDuplicate { .. })),
        "{again:?}"
    );
    Ok(())
}
