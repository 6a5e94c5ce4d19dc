//! SQL of the `volunteers` table and its link tables (skills, refusals, tags,
//! kernen) and the status log.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{
    absences, checkins, load_of, vog_state, vog_valid_until, Clean, LoadRule, Mobility,
    StatusEntry, Volunteer, VolunteerInput, VolunteerQuery, VolunteerStatus, VolunteerSummary,
};
use crate::settings::{self, Settings};
use crate::skills::{self, Link};
use crate::store::list::{Filter, List};
use crate::store::time::{iso, stamp};
use crate::store::{self, Table};
use crate::validate::{self, Check, SHORT};
use crate::vocab::{Mask, Rule};
use crate::{Db, Error, Page, Result};

pub(crate) fn rule(s: &Settings) -> LoadRule {
    LoadRule {
        default_limit_hours: f64::from(s.default_limit_hours),
    }
}

/// Write the link tables of a profile and recompute its life-area mask.
fn write_links(tx: &Transaction<'_>, id: i64, clean: &Clean) -> Result<()> {
    let i = &clean.input;
    skills::ensure_known(tx, "skills", &i.skills)?;
    skills::ensure_known(tx, "refused", &i.refused)?;
    skills::relink(tx, Link::VolunteerSkills, id, &i.skills)?;
    skills::relink(tx, Link::VolunteerRefusals, id, &i.refused)?;
    tx.prepare_cached("DELETE FROM volunteer_tags WHERE volunteer_id = ?1")?
        .execute([id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO volunteer_tags (volunteer_id, tag) VALUES (?1, ?2)",
    )?;
    for t in &i.tags {
        stmt.execute(params![id, t])?;
    }
    tx.prepare_cached("DELETE FROM volunteer_kernen WHERE volunteer_id = ?1")?
        .execute([id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO volunteer_kernen (volunteer_id, kern) VALUES (?1, ?2)",
    )?;
    for k in &i.kernen {
        stmt.execute(params![id, k])?;
    }
    skills::refresh_area_mask(tx, id)
}

/// Give a resident a volunteer profile. The status starts as `status`
/// (usually "aanmelding"), logged with today's date.
pub fn create(
    db: &mut Db,
    resident_id: i64,
    input: VolunteerInput,
    status: VolunteerStatus,
    now: NaiveDateTime,
) -> Result<Volunteer> {
    let clean = input.validate(now.date())?;
    db.write(|tx| insert(tx, resident_id, &clean, status, now))?;
    get(db.conn(), resident_id, now.date())
}

/// A volunteer who is not in Buurtpunt yet (added from the Vrijwilligers
/// screen): the person is made as a resident underneath, with the profile,
/// in one transaction. A likely duplicate is refused unless confirmed.
pub fn create_person(
    db: &mut Db,
    person: crate::residents::ResidentInput,
    allow_duplicate: bool,
    input: VolunteerInput,
    status: VolunteerStatus,
    now: NaiveDateTime,
) -> Result<Volunteer> {
    let who = person.validate(now.date())?;
    let clean = input.validate(now.date())?;
    let id = db.write(|tx| {
        if !allow_duplicate {
            let ids = crate::residents::likely_duplicates(tx, &who.input)?;
            if !ids.is_empty() {
                return Err(Error::LikelyDuplicate { ids });
            }
        }
        let id = crate::residents::insert(tx, &who, now)?;
        insert(tx, id, &clean, status, now)?;
        Ok(id)
    })?;
    get(db.conn(), id, now.date())
}

/// The insert of [`create`], inside a caller's transaction (also used by the import).
pub(crate) fn insert(
    tx: &Transaction<'_>,
    resident_id: i64,
    clean: &Clean,
    status: VolunteerStatus,
    now: NaiveDateTime,
) -> Result<()> {
    store::require(tx, Table::Residents, resident_id)?;
    if store::exists(tx, Table::Volunteers, resident_id)? {
        return Err(Error::AlreadyVolunteer { id: resident_id });
    }
    let i = &clean.input;
    tx.prepare_cached(
        "INSERT INTO volunteers (resident_id, status, status_since, status_reason, availability, mobility,
             limit_hours, limit_matches, is_carer, carer_hours, vog_on, consent_on, notes, created_at, updated_at, kern)
         VALUES (?1, ?2, ?3, '', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13,
                 (SELECT kern FROM residents WHERE id = ?1))",
    )?
    .execute(params![
        resident_id, status, iso(now.date()), i.availability, clean.mobility, clean.limit_hours,
        clean.limit_matches, i.is_carer, clean.carer_hours, clean.vog_on.map(iso),
        clean.consent_on.map(iso), i.notes, stamp(now)
    ])?;
    write_links(tx, resident_id, clean)?;
    log_status(tx, resident_id, now.date(), status, "", now)
}

/// Change the profile (not the status: see [`change_status`]).
pub fn update(
    db: &mut Db,
    resident_id: i64,
    input: VolunteerInput,
    now: NaiveDateTime,
) -> Result<Volunteer> {
    let clean = input.validate(now.date())?;
    db.write(|tx| {
        let i = &clean.input;
        let n = tx.execute(
            "UPDATE volunteers SET availability = ?2, mobility = ?3, limit_hours = ?4, limit_matches = ?5,
                 is_carer = ?6, carer_hours = ?7, vog_on = ?8, consent_on = ?9, notes = ?10, updated_at = ?11
             WHERE resident_id = ?1",
            params![
                resident_id, i.availability, clean.mobility, clean.limit_hours, clean.limit_matches,
                i.is_carer, clean.carer_hours, clean.vog_on.map(iso), clean.consent_on.map(iso), i.notes,
                stamp(now)
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound { what: "volunteer", id: resident_id });
        }
        write_links(tx, resident_id, &clean)
    })?;
    get(db.conn(), resident_id, now.date())
}

fn log_status(
    tx: &Transaction<'_>,
    id: i64,
    on: NaiveDate,
    status: VolunteerStatus,
    reason: &str,
    now: NaiveDateTime,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO volunteer_status_log (volunteer_id, on_date, status, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, iso(on), status, reason, stamp(now)])?;
    Ok(())
}

/// Move a volunteer to another status on a date, with a reason (needed for
/// pause and stop). Logged in the status history.
pub fn change_status(
    db: &mut Db,
    resident_id: i64,
    to: VolunteerStatus,
    on_date: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<Volunteer> {
    let reason = reason.trim();
    let mut c = Check::new();
    let on = validate::date(&mut c, "onDate", on_date, true);
    c.rule(
        "reason",
        Rule::ReasonRequired,
        matches!(to, VolunteerStatus::Paused | VolunteerStatus::Stopped) && reason.is_empty(),
    );
    c.max_len("reason", reason, SHORT);
    // A change takes effect at once, so it cannot start later: a pause that
    // starts next month is an absence (holiday, illness) until then.
    c.not_after("onDate", on, now.date());
    c.finish()?;
    let on = on.ok_or_else(|| Error::Invalid(Vec::new()))?;
    db.write(|tx| {
        let from: VolunteerStatus = tx
            .query_row(
                "SELECT status FROM volunteers WHERE resident_id = ?1",
                [resident_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "volunteer", id: resident_id })?;
        if !from.can_become(to) {
            return Err(Error::InvalidTransition {
                from: from.as_str().into(),
                to: to.as_str().into(),
            });
        }
        tx.execute(
            "UPDATE volunteers SET status = ?2, status_since = ?3, status_reason = ?4, updated_at = ?5
             WHERE resident_id = ?1",
            params![resident_id, to, iso(on), reason, stamp(now)],
        )?;
        log_status(tx, resident_id, on, to, reason, now)
    })?;
    get(db.conn(), resident_id, now.date())
}

fn strings(conn: &Connection, sql: &str, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn status_log(conn: &Connection, id: i64) -> Result<Vec<StatusEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT on_date, status, reason FROM volunteer_status_log WHERE volunteer_id = ?1
         ORDER BY on_date DESC, id DESC",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(StatusEntry {
            on_date: r.get(0)?,
            status: r.get(1)?,
            reason: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn parse_day(v: &str) -> Result<NaiveDate> {
    crate::store::time::stored(v)
}

/// When the next check-in is due: `weeks` after the last one, or after the
/// volunteer became active. `None` for inactive volunteers or when off.
pub(crate) fn checkin_due(
    status: VolunteerStatus,
    status_since: &str,
    last_checkin: Option<&str>,
    weeks: u32,
) -> Result<Option<NaiveDate>> {
    if status != VolunteerStatus::Active || weeks == 0 {
        return Ok(None);
    }
    let base = parse_day(last_checkin.unwrap_or(status_since))?;
    Ok(Some(base + Days::new(u64::from(weeks) * 7)))
}

pub fn get(conn: &Connection, resident_id: i64, today: NaiveDate) -> Result<Volunteer> {
    let s = settings::get(conn)?;
    let row = conn
        .query_row(
            "SELECT v.resident_id, r.first_name || ' ' || r.last_name, r.kern, r.phone, v.status, v.status_since,
                    v.status_reason, v.availability, v.mobility, v.limit_hours, v.limit_matches, v.is_carer,
                    v.carer_hours, v.vog_on, v.consent_on, v.notes, v.created_at, v.updated_at, v.last_asked_on
             FROM volunteers v JOIN residents r ON r.id = v.resident_id WHERE v.resident_id = ?1",
            [resident_id],
            |r| {
                let vog_on: Option<String> = r.get(13)?;
                let mobility: i64 = r.get(8)?;
                Ok(Volunteer {
                    resident_id: r.get(0)?,
                    name: r.get(1)?,
                    kern: r.get(2)?,
                    phone: r.get(3)?,
                    status: r.get(4)?,
                    status_since: r.get(5)?,
                    status_reason: r.get(6)?,
                    availability: r.get(7)?,
                    mobility: Mobility::from_mask(mobility),
                    limit_hours: r.get(9)?,
                    limit_matches: r.get(10)?,
                    is_carer: r.get(11)?,
                    carer_hours: r.get(12)?,
                    vog_on,
                    vog_valid_until: None,
                    vog_state: super::VogState::Missing,
                    consent_on: r.get(14)?,
                    notes: r.get(15)?,
                    created_at: r.get(16)?,
                    updated_at: r.get(17)?,
                    skills: Vec::new(),
                    refused: Vec::new(),
                    tags: Vec::new(),
                    kernen: Vec::new(),
                    load: super::LoadFacts::default().load(rule(&s)),
                    absences: Vec::new(),
                    absent_now: None,
                    status_log: Vec::new(),
                    checkins: Vec::new(),
                    checkin_due_on: None,
                    last_asked_on: r.get(18)?,
                })
            },
        )
        .optional()?;
    let mut v = row.ok_or(Error::NotFound {
        what: "volunteer",
        id: resident_id,
    })?;
    let vog = v.vog_on.as_deref().map(parse_day).transpose()?;
    v.vog_state = vog_state(vog, s.vog_valid_years, today);
    v.vog_valid_until = vog.map(|d| iso(vog_valid_until(d, s.vog_valid_years)));
    v.skills = skills::linked(conn, Link::VolunteerSkills, resident_id)?;
    v.refused = skills::linked(conn, Link::VolunteerRefusals, resident_id)?;
    v.tags = strings(
        conn,
        "SELECT tag FROM volunteer_tags WHERE volunteer_id = ?1 ORDER BY tag COLLATE NOCASE",
        resident_id,
    )?;
    v.kernen = strings(
        conn,
        "SELECT kern FROM volunteer_kernen WHERE volunteer_id = ?1 ORDER BY kern",
        resident_id,
    )?;
    v.load = load_of(conn, resident_id, today, rule(&s))?;
    v.absences = absences::of(conn, resident_id)?;
    v.absent_now = absences::covering(&v.absences, today).cloned();
    v.status_log = status_log(conn, resident_id)?;
    v.checkins = checkins::of(conn, resident_id)?;
    let last_checkin = v.checkins.first().map(|c| c.on_date.clone());
    v.checkin_due_on = checkin_due(
        v.status,
        &v.status_since,
        last_checkin.as_deref(),
        s.checkin_weeks,
    )?
    .map(iso);
    Ok(v)
}

/// The volunteer profile of a resident, or `None` when they have none.
pub fn find(conn: &Connection, resident_id: i64, today: NaiveDate) -> Result<Option<Volunteer>> {
    if is_volunteer(conn, resident_id)? {
        get(conn, resident_id, today).map(Some)
    } else {
        Ok(None)
    }
}

/// Whether a resident has a volunteer profile (for the person's page).
pub fn is_volunteer(conn: &Connection, resident_id: i64) -> Result<bool> {
    store::exists(conn, Table::Volunteers, resident_id)
}

/// The volunteers list: filtered, paged, by name.
pub fn list(
    conn: &Connection,
    q: &VolunteerQuery,
    today: NaiveDate,
) -> Result<Page<VolunteerSummary>> {
    let s = settings::get(conn)?;
    let mut f = Filter::new();
    f.text(
        "v.resident_id IN (SELECT rowid FROM resident_search WHERE resident_search MATCH ?)",
        &q.text,
    );
    if let Some(st) = q.status {
        f.and("v.status = ?", [Value::Text(st.as_str().into())]);
    }
    if let Some(skill) = q.skill_id {
        f.and(
            "v.resident_id IN (SELECT volunteer_id FROM volunteer_skills WHERE skill_id = ?)",
            [Value::Integer(skill)],
        );
    }
    if !q.kern.is_empty() {
        f.and(
            "(r.kern = ? OR v.resident_id IN (SELECT volunteer_id FROM volunteer_kernen WHERE kern = ?))",
            [Value::Text(q.kern.clone()), Value::Text(q.kern.clone())],
        );
    }
    f.and("r.erased_on IS NULL", std::iter::empty());
    let rows = List {
        count_from: "FROM volunteers v JOIN residents r ON r.id = v.resident_id",
        select:
            "SELECT v.resident_id, r.first_name || ' ' || r.last_name, r.kern, v.status, v.vog_on,
                v.last_asked_on
             FROM volunteers v JOIN residents r ON r.id = v.resident_id",
        order: "r.last_name COLLATE NOCASE, r.first_name COLLATE NOCASE, v.resident_id",
    }
    .page(conn, &f, q.page, q.page_size, |r| {
        Ok(ListRow {
            id: r.get(0)?,
            name: r.get(1)?,
            kern: r.get(2)?,
            status: r.get(3)?,
            vog_on: r.get(4)?,
            last_asked_on: r.get(5)?,
        })
    })?;
    let mut items = Vec::with_capacity(rows.items.len());
    for row in rows.items {
        let vog = row.vog_on.as_deref().map(parse_day).transpose()?;
        items.push(VolunteerSummary {
            resident_id: row.id,
            name: row.name,
            kern: row.kern,
            status: row.status,
            skills: skills::linked(conn, Link::VolunteerSkills, row.id)?
                .into_iter()
                .map(|s| s.name)
                .collect(),
            load: load_of(conn, row.id, today, rule(&s))?,
            vog_state: vog_state(vog, s.vog_valid_years, today),
            last_asked_on: row.last_asked_on,
        });
    }
    Ok(Page {
        items,
        total: rows.total,
        page: rows.page,
        page_size: rows.page_size,
        more_than: rows.more_than,
        has_next: rows.has_next,
    })
}

/// What the list reads per volunteer before the skills and the load.
struct ListRow {
    id: i64,
    name: String,
    kern: String,
    status: VolunteerStatus,
    vog_on: Option<String>,
    last_asked_on: Option<String>,
}
