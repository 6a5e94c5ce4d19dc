//! Loading the facts matching needs from the store: a handful of indexed
//! queries, then [`super::rank`] in memory.

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::{Days, NaiveDate};
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use super::{rank, Candidate, Reason, RequestFacts, Suggestions};
use crate::settings::{self, Settings};
use crate::store::time::iso;
use crate::vocab::{LifeArea, Mask};
use crate::volunteers::{
    loads, vog_state, vog_valid_until, AbsenceKind, LoadFacts, LoadRule, VogState,
};
use crate::{Error, Result};

fn day(v: &str) -> Result<NaiveDate> {
    crate::store::time::stored(v)
}

/// What request `id` needs from a volunteer.
pub fn request_facts(conn: &Connection, id: i64) -> Result<RequestFacts> {
    let mut f = conn
        .query_row(
            "SELECT h.id, h.resident_id, ifnull(r.first_name || ' ' || r.last_name, h.scope_note), ifnull(r.kern, ''),
                    h.life_area_mask,
                    h.needs_vog, h.wanted_slots, h.estimated_hours, h.due_on
             FROM help_requests h LEFT JOIN residents r ON r.id = h.resident_id WHERE h.id = ?1",
            [id],
            |r| {
                Ok(RequestFacts {
                    request_id: r.get(0)?,
                    resident_id: r.get(1)?,
                    resident_name: r.get(2)?,
                    kern: r.get(3)?,
                    life_area_mask: r.get(4)?,
                    needs_vog: r.get(5)?,
                    wanted_slots: r.get(6)?,
                    estimated_hours: r.get(7)?,
                    due_on: r.get(8)?,
                    skills: Vec::new(),
                    vog_from_areas: Vec::new(),
                })
            },
        )
        .optional()?
        .ok_or(Error::NotFound { what: "request", id })?;
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.name, s.needs_vog FROM request_skills l JOIN skills s ON s.id = l.skill_id
         WHERE l.request_id = ?1 ORDER BY s.position, s.name",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        f.skills.push((r.get(0)?, r.get(1)?));
        let vog: bool = r.get(2)?;
        f.needs_vog |= vog;
    }
    if f.skills.is_empty() {
        f.vog_from_areas = vog_areas(conn, f.life_area_mask)?;
        f.needs_vog |= !f.vog_from_areas.is_empty();
    }
    Ok(f)
}

/// The life areas in `mask` with a task (still offered) that needs a VOG.
fn vog_areas(conn: &Connection, mask: i64) -> Result<Vec<LifeArea>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT life_area FROM skills WHERE needs_vog AND NOT retired AND life_area IS NOT NULL",
    )?;
    let areas = stmt.query_map([], |r| r.get::<_, LifeArea>(0))?;
    let mut out = Vec::new();
    for a in areas {
        let a = a?;
        if mask & a.bit() != 0 && !out.contains(&a) {
            out.push(a);
        }
    }
    out.sort_by_key(|a| a.bit());
    Ok(out)
}

/// Volunteer ids linked to any of `skills` through `table`, with those skills.
fn by_skill(conn: &Connection, table: &str, skills: &[i64]) -> Result<FxHashMap<i64, Vec<i64>>> {
    let mut out: FxHashMap<i64, Vec<i64>> = FxHashMap::default();
    if skills.is_empty() {
        return Ok(out);
    }
    let marks = vec!["?"; skills.len()].join(", ");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, skill_id FROM {table} WHERE skill_id IN ({marks})"
    ))?;
    let mut rows = stmt.query(params_from_iter(skills))?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    Ok(out)
}

fn ids(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<FxHashSet<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(args, |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The days help is wanted: from `today` up to the request's due date (or
/// only today, without one or when it has passed).
fn wanted_days(req: &RequestFacts, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let due = req.due_on.as_deref().map(day).transpose()?;
    Ok((today, due.filter(|d| *d > today).unwrap_or(today)))
}

/// The candidates for `req`: every volunteer, or only `only`. `days`: the
/// first and last day help is wanted (for absences).
fn candidates(
    conn: &Connection,
    req: &RequestFacts,
    today: NaiveDate,
    days: (NaiveDate, NaiveDate),
    s: &Settings,
    only: Option<i64>,
) -> Result<Vec<Candidate>> {
    let rule = LoadRule {
        default_limit_hours: f64::from(s.default_limit_hours),
    };
    let facts = loads(conn, today)?;
    let skill_ids: Vec<i64> = req.skills.iter().map(|(id, _)| *id).collect();
    let mut offers = by_skill(conn, "volunteer_skills", &skill_ids)?;
    let mut refuses = by_skill(conn, "volunteer_refusals", &skill_ids)?;
    let serves = ids(
        conn,
        "SELECT volunteer_id FROM volunteer_kernen WHERE kern = ?1",
        [&req.kern],
    )?;
    let helped = ids(
        conn,
        "SELECT DISTINCT m.volunteer_id FROM help_requests h JOIN matches m ON m.request_id = h.id
         WHERE h.resident_id = ?1 AND m.status IN ('agreed', 'active', 'done')",
        [req.resident_id],
    )?;
    let linked = ids(
        conn,
        "SELECT volunteer_id FROM matches WHERE request_id = ?1 AND status <> 'cancelled'",
        [req.request_id],
    )?;
    // Absences that touch the wanted days: one that covers them all is a hard
    // rule; one that covers only some of them is a warning.
    let mut absent: FxHashMap<i64, (String, AbsenceKind)> = FxHashMap::default();
    let mut away: FxHashMap<i64, (String, String, AbsenceKind)> = FxHashMap::default();
    {
        let (first, last) = (iso(days.0), iso(days.1));
        let mut stmt = conn.prepare_cached(
            "SELECT volunteer_id, from_on, until_on, kind FROM volunteer_absences
             WHERE until_on >= ?1 AND from_on <= ?2 ORDER BY until_on, id",
        )?;
        let mut rows = stmt.query([&first, &last])?;
        while let Some(r) = rows.next()? {
            let (id, from, until): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let kind: AbsenceKind = r.get(3)?;
            if from <= first && until >= last {
                // Ordered by end date: the last one wins, the longest absence.
                absent.insert(id, (until, kind));
            } else {
                away.entry(id).or_insert((from, until, kind));
            }
        }
    }
    // One lean scan of the volunteers (with their copy of the kern); the
    // residents table is read only for the names of the rows shown.
    let base = "SELECT v.resident_id, v.status, v.availability, v.mobility, v.area_mask, v.vog_on,
                v.carer_hours, v.limit_hours, v.limit_matches, v.last_asked_on, v.kern
         FROM volunteers v";
    let sql = match only {
        Some(_) => format!("{base} WHERE v.resident_id = ?1"),
        None => base.to_owned(),
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = match only {
        Some(id) => stmt.query([id])?,
        None => stmt.query([])?,
    };
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let vog_on: Option<String> = r.get(5)?;
        let vog = vog_on.as_deref().map(day).transpose()?;
        let vog_st = vog_state(vog, s.vog_valid_years, today);
        let load = LoadFacts {
            carer_hours: r.get(6)?,
            limit_hours: r.get(7)?,
            limit_matches: r.get(8)?,
            ..facts.get(&id).copied().unwrap_or_default()
        }
        .load(rule);
        out.push(Candidate {
            id,
            // Filled in for the volunteers shown, after ranking.
            name: String::new(),
            kern: r.get(10)?,
            status: r.get(1)?,
            availability: r.get(2)?,
            mobility: r.get(3)?,
            area_mask: r.get(4)?,
            skills: offers.remove(&id).unwrap_or_default(),
            refused: refuses.remove(&id).unwrap_or_default(),
            kernen: if serves.contains(&id) {
                vec![req.kern.clone()]
            } else {
                Vec::new()
            },
            // Only weighed for those not absent throughout (a hard rule).
            away: away.remove(&id),
            absent: absent.remove(&id),
            vog: vog_st,
            // Only shown (and so only written out) when the VOG ends soon or ended.
            vog_until: vog
                .filter(|_| matches!(vog_st, VogState::Expired | VogState::Expiring))
                .map(|d| iso(vog_valid_until(d, s.vog_valid_years))),
            load,
            helped_before: helped.contains(&id),
            last_asked_on: r.get(9)?,
            already_matched: linked.contains(&id),
        });
    }
    Ok(out)
}

/// The first day that no longer counts as "not asked for a long time".
pub(crate) fn not_asked_since(s: &Settings, today: NaiveDate) -> String {
    iso(today - Days::new(u64::from(s.not_asked_weeks) * 7))
}

/// Ranked suggestions for request `request_id` on `today`.
pub fn suggest(conn: &Connection, request_id: i64, today: NaiveDate) -> Result<Suggestions> {
    let s = settings::get(conn)?;
    let req = request_facts(conn, request_id)?;
    let days = wanted_days(&req, today)?;
    let all = candidates(conn, &req, today, days, &s, None)?;
    let mut ranked = rank(&req, &all, &not_asked_since(&s, today));
    name_shown(conn, &mut ranked)?;
    Ok(ranked)
}

/// Names, kernen and phones of the volunteers a screen shows (at most a few dozen).
fn name_shown(conn: &Connection, s: &mut Suggestions) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT first_name || ' ' || last_name, kern, phone FROM residents WHERE id = ?1",
    )?;
    let mut lookup = |id: i64| -> Result<(String, String, String)> {
        Ok(stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
    };
    for x in &mut s.suggestions {
        (x.name, x.kern, x.phone) = lookup(x.volunteer_id)?;
        for w in &mut x.warnings {
            if let Reason::OtherKern { kern } = w {
                kern.clone_from(&x.kern);
            }
        }
    }
    for x in &mut s.unavailable {
        (x.name, x.kern, x.phone) = lookup(x.volunteer_id)?;
    }
    Ok(())
}

/// One volunteer as a candidate for `req` (used when a match is made). With
/// a `planned` day, absences count on that day; else as for the suggestions.
pub fn candidate(
    conn: &Connection,
    req: &RequestFacts,
    volunteer_id: i64,
    today: NaiveDate,
    planned: Option<NaiveDate>,
) -> Result<(Candidate, String)> {
    let s = settings::get(conn)?;
    let days = match planned {
        Some(p) => (p, p),
        None => wanted_days(req, today)?,
    };
    let mut found = candidates(conn, req, today, days, &s, Some(volunteer_id))?;
    let mut c = found.pop().ok_or(Error::NotFound {
        what: "volunteer",
        id: volunteer_id,
    })?;
    (c.name, c.kern) = conn.query_row(
        "SELECT first_name || ' ' || last_name, kern FROM residents WHERE id = ?1",
        [volunteer_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((c, not_asked_since(&s, today)))
}
