//! The "Vrijwilligers" overview: who is near or over their limit, who has not
//! been asked for a long time, whose VOG runs out, whose check-in is due.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::store::{checkin_due, rule};
use super::{vog_state, vog_valid_until, Load, LoadFacts, LoadLevel, VogState, VolunteerStatus};
use crate::settings;
use crate::store::time::iso;
use crate::Result;

/// One volunteer in one of the overview's lists.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VolunteerAlert {
    #[ts(type = "number")]
    pub resident_id: i64,
    pub name: String,
    pub kern: String,
    pub status: VolunteerStatus,
    pub load: Load,
    pub vog_state: VogState,
    /// The date that matters in this list: last asked, VOG valid until, check-in due.
    pub date: Option<String>,
    /// The last check-in asked for support.
    pub needs_support: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VolunteerOverview {
    /// Near, at or over their limit (active volunteers).
    pub near_limit: Vec<VolunteerAlert>,
    /// Active and not asked for `not_asked_weeks` (or never).
    pub not_asked: Vec<VolunteerAlert>,
    /// VOG runs out within 60 days, or ran out (active or applying).
    pub vog_expiring: Vec<VolunteerAlert>,
    /// A wellbeing check-in is due, or the last one asked for support.
    pub checkins_due: Vec<VolunteerAlert>,
    #[ts(type = "number")]
    pub active: i64,
    #[ts(type = "number")]
    pub applied: i64,
    #[ts(type = "number")]
    pub paused: i64,
    #[ts(type = "number")]
    pub stopped: i64,
    pub not_asked_weeks: u32,
}

/// How many rows each list shows at most.
pub const LIST_MAX: usize = 50;

fn day(v: &str) -> Result<NaiveDate> {
    crate::store::time::stored(v)
}

struct Row {
    id: i64,
    status: VolunteerStatus,
    status_since: String,
    vog_on: Option<String>,
    last_asked_on: Option<String>,
    carer_hours: f64,
    limit_hours: Option<f64>,
    limit_matches: Option<i64>,
    last_checkin: Option<String>,
    needs_support: bool,
}

pub fn overview(conn: &Connection, today: NaiveDate) -> Result<VolunteerOverview> {
    let s = settings::get(conn)?;
    let facts = super::loads(conn, today)?;
    // One lean scan of the volunteers, each with their latest check-in
    // (through its index: the last by date, ties by id, as on the Vandaag
    // screen); names only for the rows shown.
    let rows: Vec<Row> = {
        let mut stmt = conn.prepare_cached(
            "SELECT v.resident_id, v.status, v.status_since, v.vog_on, v.last_asked_on, v.carer_hours,
                    v.limit_hours, v.limit_matches, c.on_date, ifnull(c.needs_support, 0)
             FROM volunteers v
             LEFT JOIN checkins c ON c.id = (SELECT id FROM checkins WHERE volunteer_id = v.resident_id
                                             ORDER BY on_date DESC, id DESC LIMIT 1)",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Row {
                id: r.get(0)?,
                status: r.get(1)?,
                status_since: r.get(2)?,
                vog_on: r.get(3)?,
                last_asked_on: r.get(4)?,
                carer_hours: r.get(5)?,
                limit_hours: r.get(6)?,
                limit_matches: r.get(7)?,
                last_checkin: r.get(8)?,
                needs_support: r.get(9)?,
            })
        })?;
        rows.collect::<Result<_, _>>()?
    };
    let not_asked_since = iso(today - Days::new(u64::from(s.not_asked_weeks) * 7));
    let mut o = VolunteerOverview {
        near_limit: Vec::new(),
        not_asked: Vec::new(),
        vog_expiring: Vec::new(),
        checkins_due: Vec::new(),
        active: 0,
        applied: 0,
        paused: 0,
        stopped: 0,
        not_asked_weeks: s.not_asked_weeks,
    };
    for row in rows {
        match row.status {
            VolunteerStatus::Active => o.active += 1,
            VolunteerStatus::Applied => o.applied += 1,
            VolunteerStatus::Paused => o.paused += 1,
            VolunteerStatus::Stopped => o.stopped += 1,
        }
        let f = facts.get(&row.id).copied().unwrap_or_default();
        let load = LoadFacts {
            carer_hours: row.carer_hours,
            limit_hours: row.limit_hours,
            limit_matches: row.limit_matches,
            ..f
        }
        .load(rule(&s));
        let vog = row.vog_on.as_deref().map(day).transpose()?;
        let vog_st = vog_state(vog, s.vog_valid_years, today);
        let alert = |date: Option<String>| VolunteerAlert {
            resident_id: row.id,
            // Filled in below for the rows shown.
            name: String::new(),
            kern: String::new(),
            status: row.status,
            load: load.clone(),
            vog_state: vog_st,
            date,
            needs_support: row.needs_support,
        };
        let active = row.status == VolunteerStatus::Active;
        if active && load.level != LoadLevel::Ok {
            o.near_limit.push(alert(None));
        }
        if active
            && row
                .last_asked_on
                .as_deref()
                .is_none_or(|d| d < not_asked_since.as_str())
        {
            o.not_asked.push(alert(row.last_asked_on.clone()));
        }
        let in_service = matches!(
            row.status,
            VolunteerStatus::Active | VolunteerStatus::Applied
        );
        if in_service && matches!(vog_st, VogState::Expiring | VogState::Expired) {
            let until = vog.map(|d| iso(vog_valid_until(d, s.vog_valid_years)));
            o.vog_expiring.push(alert(until));
        }
        let due = checkin_due(
            row.status,
            &row.status_since,
            row.last_checkin.as_deref(),
            s.checkin_weeks,
        )?;
        if due.is_some_and(|d| d <= today) || (active && row.needs_support) {
            o.checkins_due.push(alert(due.map(iso)));
        }
    }
    // Heaviest load first; longest not asked first; soonest VOG end first;
    // among equals the oldest record (names are read only for the rows shown).
    o.near_limit.sort_by(|a, b| {
        b.load
            .level
            .cmp(&a.load.level)
            .then(b.load.week_load.total_cmp(&a.load.week_load))
            .then(a.resident_id.cmp(&b.resident_id))
    });
    o.not_asked
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.resident_id.cmp(&b.resident_id)));
    o.vog_expiring
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.resident_id.cmp(&b.resident_id)));
    o.checkins_due.sort_by(|a, b| {
        b.needs_support
            .cmp(&a.needs_support)
            .then(a.date.cmp(&b.date))
            .then(a.resident_id.cmp(&b.resident_id))
    });
    for list in [
        &mut o.near_limit,
        &mut o.not_asked,
        &mut o.vog_expiring,
        &mut o.checkins_due,
    ] {
        list.truncate(LIST_MAX);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT first_name || ' ' || last_name, kern FROM residents WHERE id = ?1",
    )?;
    let mut names: FxHashMap<i64, (String, String)> = FxHashMap::default();
    for list in [
        &mut o.near_limit,
        &mut o.not_asked,
        &mut o.vog_expiring,
        &mut o.checkins_due,
    ] {
        for a in list.iter_mut() {
            let (name, kern) = match names.entry(a.resident_id) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => {
                    e.insert(stmt.query_row([a.resident_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
                }
            };
            a.name.clone_from(name);
            a.kern.clone_from(kern);
        }
    }
    Ok(o)
}
