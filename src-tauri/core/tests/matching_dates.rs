//! Matching over the days help is wanted, the causes of a near-limit warning,
//! collective requests that need several volunteers, and status changes that
//! cannot start later.

mod common;

use buurtpunt_core::hours::{self, HourInput};
use buurtpunt_core::matches::{self, MatchInput, MatchStatus};
use buurtpunt_core::matching::{self, Reason};
use buurtpunt_core::requests::{self, RequestInput, Status};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::volunteers::{
    self, AbsenceInput, AbsenceKind, VolunteerInput, VolunteerStatus,
};
use buurtpunt_core::{Db, Error, Result};
use common::*;

fn away(db: &mut Db, volunteer: i64, from: &str, until: &str) -> Result<()> {
    volunteers::add_absence(
        db,
        volunteer,
        &AbsenceInput {
            from_on: from.into(),
            until_on: until.into(),
            kind: AbsenceKind::Holiday,
            note: String::new(),
        },
        now(),
    )?;
    Ok(())
}

fn request_due(db: &mut Db, resident: i64, klussen: i64, due_on: &str, needed: i64) -> Result<i64> {
    Ok(requests::create(
        db,
        RequestInput {
            resident_id: Some(resident),
            received_on: "2026-11-20".into(),
            ask: "De schuur moet leeg voor de winter.".into(),
            life_areas: vec![LifeArea::GardenAndOddJobs],
            skills: vec![klussen],
            due_on: due_on.into(),
            volunteers_needed: needed,
            ..Default::default()
        },
        now(),
    )?
    .id)
}

fn unavailable_reasons(s: &matching::Suggestions, id: i64) -> Vec<Reason> {
    s.unavailable
        .iter()
        .find(|u| u.volunteer_id == id)
        .map(|u| u.reasons.clone())
        .unwrap_or_default()
}

fn warnings(s: &matching::Suggestions, id: i64) -> Vec<Reason> {
    s.suggestions
        .iter()
        .find(|x| x.volunteer_id == id)
        .map(|x| x.warnings.clone())
        .unwrap_or_default()
}

#[test]
fn someone_away_for_all_the_wanted_days_is_not_suggested() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Geesje", "Hoekstra", "Lindeloo")?;
    // Today is 22-11; help is wanted by 27-11.
    let req = request_due(&mut db, asker, klussen, "2026-11-27", 1)?;
    let whole = volunteer(&mut db, "Harm", "Lindeloo", handy(klussen))?;
    let part = volunteer(&mut db, "Jikke", "Lindeloo", handy(klussen))?;
    let later = volunteer(&mut db, "Klaas", "Lindeloo", handy(klussen))?;
    away(&mut db, whole, "2026-11-20", "2026-12-10")?;
    away(&mut db, part, "2026-11-24", "2026-12-10")?;
    away(&mut db, later, "2026-11-28", "2026-12-10")?;

    let s = matching::suggest(db.conn(), req, today())?;
    assert!(!ids(&s).contains(&whole));
    assert_eq!(
        unavailable_reasons(&s, whole),
        vec![Reason::Absent {
            until: "2026-12-10".into(),
            absence: AbsenceKind::Holiday,
        }]
    );
    // Back in time for part of the days: suggested, with a warning.
    assert!(ids(&s).contains(&part));
    assert_eq!(
        warnings(&s, part),
        vec![Reason::AwayPart {
            from: "2026-11-24".into(),
            until: "2026-12-10".into(),
            absence: AbsenceKind::Holiday,
        }]
    );
    // Away only after the due date: nothing to warn about.
    assert!(ids(&s).contains(&later));
    assert!(warnings(&s, later).is_empty(), "{:?}", warnings(&s, later));
    Ok(())
}

#[test]
fn a_match_planned_inside_an_absence_is_refused() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Geesje", "Hoekstra", "Lindeloo")?;
    let req = odd_jobs_request(&mut db, asker, klussen)?;
    let harm = volunteer(&mut db, "Harm", "Lindeloo", handy(klussen))?;
    away(&mut db, harm, "2026-12-01", "2026-12-14")?;
    let plan = |planned_on: &str| MatchInput {
        request_id: req,
        volunteer_id: harm,
        planned_on: planned_on.into(),
        ..Default::default()
    };
    assert!(matches!(
        matches::create(&mut db, plan("2026-12-05"), now()),
        Err(Error::NotAvailable { id }) if id == harm
    ));
    // The same volunteer on a day before the holiday is fine.
    let m = matches::create(&mut db, plan("2026-11-28"), now())?;
    assert_eq!(m.planned_on.as_deref(), Some("2026-11-28"));
    Ok(())
}

#[test]
fn the_near_limit_warning_names_its_own_cause() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Geesje", "Hoekstra", "Lindeloo")?;
    let req = odd_jobs_request(&mut db, asker, klussen)?;
    let other = odd_jobs_request(&mut db, asker, klussen)?;
    let third = odd_jobs_request(&mut db, asker, klussen)?;
    // Near the month's limit, not the week's: 13 of 17.14 hours over the
    // last 30 days (limit 4 a week), none this week.
    let month = volunteer(&mut db, "Harm", "Lindeloo", handy(klussen))?;
    let m = matches::create(
        &mut db,
        MatchInput {
            request_id: other,
            volunteer_id: month,
            status: Some(MatchStatus::Agreed),
            ..Default::default()
        },
        now(),
    )?;
    matches::change_status(&mut db, m.id, MatchStatus::Active, "", now())?;
    hours::log(
        &mut db,
        &HourInput {
            match_id: m.id,
            on_date: "2026-11-05".into(),
            hours: "13".into(),
            ..Default::default()
        },
        now(),
    )?;
    matches::change_status(&mut db, m.id, MatchStatus::Done, "", now())?;
    // One match below a limit of two open matches.
    let busy = volunteer(
        &mut db,
        "Jikke",
        "Lindeloo",
        VolunteerInput {
            limit_matches: "2".into(),
            ..handy(klussen)
        },
    )?;
    link(&mut db, third, busy, "")?;

    let s = matching::suggest(db.conn(), req, today())?;
    let month_warnings = warnings(&s, month);
    assert!(
        month_warnings
            .iter()
            .any(|w| matches!(w, Reason::MonthNearLimit { load, .. } if *load == 13.0)),
        "{month_warnings:?}"
    );
    assert!(
        !month_warnings
            .iter()
            .any(|w| matches!(w, Reason::NearLimit { .. })),
        "the week is not the cause: {month_warnings:?}"
    );
    assert_eq!(
        warnings(&s, busy),
        vec![Reason::MatchesNear { open: 1, limit: 2 }]
    );
    Ok(())
}

#[test]
fn a_collective_request_is_matched_only_when_enough_volunteers_agreed() -> Result<()> {
    let mut db = Db::in_memory()?;
    let klussen = skill(&db, "Klussen in huis")?;
    let asker = resident(&mut db, "Geesje", "Hoekstra", "Lindeloo")?;
    let req = request_due(&mut db, asker, klussen, "", 2)?;
    let a = volunteer(&mut db, "Harm", "Lindeloo", handy(klussen))?;
    let b = volunteer(&mut db, "Jikke", "Lindeloo", handy(klussen))?;
    let agree = |volunteer_id| MatchInput {
        request_id: req,
        volunteer_id,
        status: Some(MatchStatus::Agreed),
        ..Default::default()
    };
    let status = |db: &Db| requests::get(db.conn(), req).map(|r| r.status);

    let first = matches::create(&mut db, agree(a), now())?;
    assert_eq!(status(&db)?, Status::InProgress, "one of two is not enough");
    let second = matches::create(&mut db, agree(b), now())?;
    assert_eq!(status(&db)?, Status::Matched);
    // One calls off: someone else is needed again.
    matches::change_status(&mut db, second.id, MatchStatus::Cancelled, "", now())?;
    assert_eq!(status(&db)?, Status::InProgress);
    assert_eq!(
        matches::get(db.conn(), first.id)?.status,
        MatchStatus::Agreed
    );
    Ok(())
}

#[test]
fn a_status_change_cannot_start_later() -> Result<()> {
    let mut db = Db::in_memory()?;
    let harm = volunteer(&mut db, "Harm", "Lindeloo", VolunteerInput::default())?;
    let err = volunteers::change_status(
        &mut db,
        harm,
        VolunteerStatus::Paused,
        "2026-12-15",
        "Gaat verhuizen",
        now(),
    )
    .err();
    let rules: Vec<Rule> = err
        .as_ref()
        .map(|e| e.fields().iter().map(|f| f.rule).collect())
        .unwrap_or_default();
    assert_eq!(rules, vec![Rule::DateInFuture], "{err:?}");
    let v = volunteers::get(db.conn(), harm, today())?;
    assert_eq!(v.status, VolunteerStatus::Active, "nothing changed");
    // Today (or earlier) is fine.
    let v = volunteers::change_status(
        &mut db,
        harm,
        VolunteerStatus::Paused,
        "2026-11-22",
        "Gaat verhuizen",
        now(),
    )?;
    assert_eq!(v.status, VolunteerStatus::Paused);
    Ok(())
}
