//! Gathering everything Buurtpunt holds about one person, table by table.
//! Each row is taken whole (`SELECT *`), so a column a later migration adds
//! is in the inzage without a change here. Rows that belong to another
//! resident (a volunteer's matches on someone else's request) are taken
//! without their free text.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, ToSql};
use serde_json::{Map, Value};

use super::{Inzage, RequestPart, Row, VolunteerPart, FORMAT};
use crate::{Error, Result};

/// The rows of `sql` as column → value maps.
fn rows(conn: &Connection, sql: &str, args: &[&dyn ToSql]) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let names: Vec<String> = stmt
        .column_names()
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    let mut found = stmt.query(args)?;
    let mut out = Vec::new();
    while let Some(r) = found.next()? {
        let mut row = Map::new();
        for (i, name) in names.iter().enumerate() {
            let value = match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::from(n),
                ValueRef::Real(x) => Value::from(x),
                ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::from(b.len()),
            };
            row.insert(name.clone(), value);
        }
        out.push(row);
    }
    Ok(out)
}

/// The first column of every row, as text (a request's life areas, ...).
fn words(conn: &Connection, sql: &str, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let found = stmt.query_map([id], |r| r.get::<_, String>(0))?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

fn request_part(conn: &Connection, request: Row) -> Result<RequestPart> {
    let id = request
        .get("id")
        .and_then(Value::as_i64)
        .ok_or_else(|| Error::Migration("help_requests.id".into()))?;
    let of = |table: &str, order: &str| -> Result<Vec<Row>> {
        rows(
            conn,
            &format!("SELECT * FROM {table} WHERE request_id = ?1 ORDER BY {order}"),
            &[&id],
        )
    };
    let mut part = RequestPart {
        life_areas: words(
            conn,
            "SELECT life_area FROM request_life_areas WHERE request_id = ?1 ORDER BY life_area",
            id,
        )?,
        skills: words(
            conn,
            "SELECT s.name FROM request_skills x JOIN skills s ON s.id = x.skill_id
             WHERE x.request_id = ?1 ORDER BY s.name",
            id,
        )?,
        contact_log: of("contact_log", "on_date, id")?,
        agreements: of("agreements", "id")?,
        reminders: of("reminders", "due_on, id")?,
        matches: of("matches", "id")?,
        hours: of("hour_entries", "on_date, id")?,
        referrals: of("referrals", "id")?,
        agenda_items: of("agenda_items", "id")?,
        request,
    };
    // The volunteers who helped are other residents: their names (in the
    // notes the app writes, "… gevraagd voor deze hulpvraag") become
    // "de vrijwilliger".
    let names = words(
        conn,
        "SELECT DISTINCT trim(r.first_name || ' ' || r.last_name) FROM matches m
         JOIN residents r ON r.id = m.volunteer_id WHERE m.request_id = ?1",
        id,
    )?;
    for name in names.iter().filter(|n| !n.is_empty()) {
        for rows in [
            &mut part.contact_log,
            &mut part.agreements,
            &mut part.reminders,
            &mut part.matches,
            &mut part.hours,
            &mut part.referrals,
        ] {
            for row in rows.iter_mut() {
                for value in row.values_mut() {
                    if let Value::String(text) = value {
                        if text.contains(name.as_str()) {
                            *text = text.replace(name.as_str(), VOLUNTEER);
                        }
                    }
                }
            }
        }
    }
    Ok(part)
}

/// What a helping volunteer's name becomes in someone else's inzage.
const VOLUNTEER: &str = "de vrijwilliger";

fn volunteer_part(conn: &Connection, id: i64) -> Result<Option<VolunteerPart>> {
    let Some(profile) = rows(
        conn,
        "SELECT * FROM volunteers WHERE resident_id = ?1",
        &[&id],
    )?
    .into_iter()
    .next() else {
        return Ok(None);
    };
    let skill = |table: &str| {
        words(
            conn,
            &format!(
                "SELECT s.name FROM {table} x JOIN skills s ON s.id = x.skill_id
                 WHERE x.volunteer_id = ?1 ORDER BY s.name"
            ),
            id,
        )
    };
    let of = |table: &str, order: &str| -> Result<Vec<Row>> {
        rows(
            conn,
            &format!("SELECT * FROM {table} WHERE volunteer_id = ?1 ORDER BY {order}"),
            &[&id],
        )
    };
    Ok(Some(VolunteerPart {
        profile,
        skills: skill("volunteer_skills")?,
        refusals: skill("volunteer_refusals")?,
        tags: words(
            conn,
            "SELECT tag FROM volunteer_tags WHERE volunteer_id = ?1 ORDER BY tag",
            id,
        )?,
        kernen: words(
            conn,
            "SELECT kern FROM volunteer_kernen WHERE volunteer_id = ?1 ORDER BY kern",
            id,
        )?,
        absences: of("volunteer_absences", "from_on, id")?,
        status_log: of("volunteer_status_log", "on_date, id")?,
        checkins: of("checkins", "on_date, id")?,
        // Their help to others: when and how long, not the other
        // resident's words.
        matches: rows(
            conn,
            "SELECT id, request_id, status, asked_on, planned_on, closed_on, created_at
             FROM matches WHERE volunteer_id = ?1 ORDER BY asked_on, id",
            &[&id],
        )?,
        hours: rows(
            conn,
            "SELECT id, match_id, on_date, minutes, km, created_at
             FROM hour_entries WHERE volunteer_id = ?1 ORDER BY on_date, id",
            &[&id],
        )?,
        signals_noticed: rows(
            conn,
            "SELECT id, noticed_on, status, created_at FROM signals WHERE volunteer_id = ?1
             ORDER BY noticed_on, id",
            &[&id],
        )?,
    }))
}

/// Everything about resident `id`.
pub(super) fn collect(
    conn: &Connection,
    id: i64,
    help_point: String,
    made_at: String,
) -> Result<Inzage> {
    let resident = rows(conn, "SELECT * FROM residents WHERE id = ?1", &[&id])?
        .into_iter()
        .next()
        .ok_or(Error::NotFound {
            what: "resident",
            id,
        })?;
    let requests = rows(
        conn,
        "SELECT * FROM help_requests WHERE resident_id = ?1 ORDER BY received_on, id",
        &[&id],
    )?
    .into_iter()
    .map(|r| request_part(conn, r))
    .collect::<Result<Vec<_>>>()?;
    Ok(Inzage {
        format: FORMAT,
        made_at,
        help_point,
        network: rows(
            conn,
            "SELECT * FROM resident_network WHERE resident_id = ?1 ORDER BY position, id",
            &[&id],
        )?,
        requests,
        signals: rows(
            conn,
            "SELECT * FROM signals WHERE resident_id = ?1 ORDER BY noticed_on, id",
            &[&id],
        )?,
        consents: rows(
            conn,
            "SELECT * FROM consents WHERE resident_id = ?1 ORDER BY given_on, id",
            &[&id],
        )?,
        exports: rows(
            conn,
            "SELECT * FROM exports WHERE resident_id = ?1 ORDER BY made_at, id",
            &[&id],
        )?,
        privacy_requests: rows(
            conn,
            "SELECT * FROM privacy_requests WHERE resident_id = ?1 ORDER BY received_on, id",
            &[&id],
        )?,
        volunteer: volunteer_part(conn, id)?,
        audit: rows(
            conn,
            "SELECT id, at, actor, action, kind, record_id, fields FROM audit_log
             WHERE resident_id = ?1 ORDER BY id",
            &[&id],
        )?,
        resident,
    })
}
