//! Shared set-up of the integration tests: fictional people on an in-memory
//! database with the migrations applied. The tests that go through the
//! encrypted store on real files use [`session`] as well.

#![allow(dead_code)]

pub mod person;
pub mod session;

use buurtpunt_core::matches::{self, MatchInput};
use buurtpunt_core::matching;
use buurtpunt_core::requests::{self, RequestInput};
use buurtpunt_core::residents::{self, ResidentInput, ResidentQuery};
use buurtpunt_core::skills;
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::volunteers::{self, VolunteerInput, VolunteerStatus};
use buurtpunt_core::{Db, Error, Result};
use chrono::{NaiveDate, NaiveDateTime};

/// Ten in the morning on the given day.
pub fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

pub fn now() -> NaiveDateTime {
    at(2026, 11, 22)
}

pub fn today() -> NaiveDate {
    now().date()
}

pub fn resident(db: &mut Db, first: &str, last: &str, kern: &str) -> Result<i64> {
    Ok(residents::create(
        db,
        ResidentInput {
            first_name: first.into(),
            last_name: last.into(),
            kern: kern.into(),
            ..Default::default()
        },
        true,
        now(),
    )?
    .id)
}

/// The ids of the residents a search for `text` finds, in list order.
pub fn people(db: &Db, text: &str) -> Result<Vec<i64>> {
    let page = residents::list(
        db.conn(),
        &ResidentQuery {
            text: text.into(),
            ..Default::default()
        },
    )?;
    Ok(page.items.iter().map(|x| x.id).collect())
}

pub fn skill(db: &Db, name: &str) -> Result<i64> {
    skills::list(db.conn())?
        .into_iter()
        .find(|s| s.name == name)
        .map(|s| s.id)
        .ok_or_else(|| Error::NotFound {
            what: "skill",
            id: 0,
        })
}

pub fn volunteer(db: &mut Db, first: &str, kern: &str, input: VolunteerInput) -> Result<i64> {
    let id = resident(db, first, "Vrijwilliger", kern)?;
    volunteers::create(db, id, input, VolunteerStatus::Active, now())?;
    Ok(id)
}

/// A volunteer profile with only the odd-jobs skill.
pub fn handy(klussen: i64) -> VolunteerInput {
    VolunteerInput {
        skills: vec![klussen],
        ..Default::default()
    }
}

pub fn odd_jobs_request(db: &mut Db, resident_id: i64, klussen: i64) -> Result<i64> {
    Ok(requests::create(
        db,
        RequestInput {
            resident_id: Some(resident_id),
            received_on: "2026-11-20".into(),
            ask: "De lamp in de gang is kapot.".into(),
            life_areas: vec![LifeArea::GardenAndOddJobs],
            skills: vec![klussen],
            ..Default::default()
        },
        now(),
    )?
    .id)
}

/// Link a volunteer to a request at `when`, with an override reason (may be
/// empty).
pub fn link_at(
    db: &mut Db,
    request_id: i64,
    volunteer_id: i64,
    reason: &str,
    when: NaiveDateTime,
) -> Result<matches::Match> {
    matches::create(
        db,
        MatchInput {
            request_id,
            volunteer_id,
            agreement: "Zaterdag om 10 uur".into(),
            override_reason: reason.into(),
            ..Default::default()
        },
        when,
    )
}

pub fn link(
    db: &mut Db,
    request_id: i64,
    volunteer_id: i64,
    reason: &str,
) -> Result<matches::Match> {
    link_at(db, request_id, volunteer_id, reason, now())
}

pub fn ids(s: &matching::Suggestions) -> Vec<i64> {
    s.suggestions.iter().map(|x| x.volunteer_id).collect()
}
