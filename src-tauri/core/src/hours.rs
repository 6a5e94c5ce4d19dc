//! Hours per match (table `hour_entries`): date, hours, travel km, a note.
//! Totals per volunteer, per request and per period.

use chrono::NaiveDateTime;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, ToSql};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::matches::MatchStatus;
use crate::store::time::{iso, stamp};
use crate::validate::{self, Check, SHORT};
use crate::vocab::{FieldError, Rule};
use crate::{Db, Error, Result};

/// Most hours one entry may hold (one day).
pub const MAX_HOURS: f64 = 24.0;
/// Most travel km one entry may hold.
pub const MAX_KM: f64 = 2000.0;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct HourInput {
    #[ts(type = "number")]
    pub match_id: i64,
    /// `YYYY-MM-DD`.
    pub on_date: String,
    /// As typed: "1,5" or "2".
    pub hours: String,
    /// Travel km as typed, or empty.
    pub km: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HourEntry {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub match_id: i64,
    #[ts(type = "number")]
    pub volunteer_id: i64,
    #[ts(type = "number")]
    pub request_id: i64,
    pub on_date: String,
    pub hours: f64,
    pub km: Option<f64>,
    pub note: String,
}

fn hours_of(minutes: i64) -> f64 {
    (minutes as f64 / 60.0 * 100.0).round() / 100.0
}

/// Log hours on a match. Only for a match that was agreed (a proposed or
/// cancelled one has no hours); the first hours on an agreed match make it "bezig".
pub fn log(db: &mut Db, input: &HourInput, now: NaiveDateTime) -> Result<HourEntry> {
    let mut c = Check::new();
    let on = validate::date(&mut c, "onDate", &input.on_date, true);
    c.not_after("onDate", on, now.date());
    let hours = validate::number(&mut c, "hours", &input.hours, 0.0, MAX_HOURS);
    c.rule("hours", Rule::Required, input.hours.trim().is_empty());
    c.rule("hours", Rule::Number, hours == Some(0.0));
    let km = validate::number(&mut c, "km", &input.km, 0.0, MAX_KM);
    let note = validate::clean(&input.note);
    c.max_len("note", &note, SHORT);
    c.finish()?;
    let (on, hours) = on.zip(hours).ok_or_else(|| Error::Invalid(Vec::new()))?;
    let minutes = (hours * 60.0).round() as i64;
    let id = db.write(|tx| {
        let (status, volunteer_id, request_id): (MatchStatus, i64, i64) = tx
            .query_row(
                "SELECT status, volunteer_id, request_id FROM matches WHERE id = ?1",
                [input.match_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(Error::NotFound {
                what: "match",
                id: input.match_id,
            })?;
        if matches!(status, MatchStatus::Proposed | MatchStatus::Cancelled) {
            return Err(Error::Invalid(vec![FieldError::new("matchId", Rule::Choice)]));
        }
        tx.execute(
            "INSERT INTO hour_entries (match_id, volunteer_id, request_id, on_date, minutes, km, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                input.match_id, volunteer_id, request_id, iso(on), minutes, km, note,
                stamp(now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        if status == MatchStatus::Agreed {
            crate::matches::set_status(tx, input.match_id, MatchStatus::Active, "", now)?;
        }
        Ok((id, volunteer_id, request_id))
    })?;
    Ok(HourEntry {
        id: id.0,
        match_id: input.match_id,
        volunteer_id: id.1,
        request_id: id.2,
        on_date: iso(on),
        hours: hours_of(minutes),
        km,
        note,
    })
}

/// Remove an entry typed by mistake.
pub fn remove(db: &mut Db, id: i64) -> Result<()> {
    db.write(|tx| {
        let n = tx.execute("DELETE FROM hour_entries WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(Error::NotFound { what: "hours", id });
        }
        Ok(())
    })
}

/// The entries of a match, latest first.
pub fn of_match(conn: &Connection, match_id: i64) -> Result<Vec<HourEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, match_id, volunteer_id, request_id, on_date, minutes, km, note FROM hour_entries
         WHERE match_id = ?1 ORDER BY on_date DESC, id DESC",
    )?;
    let rows = stmt.query_map([match_id], |r| {
        Ok(HourEntry {
            id: r.get(0)?,
            match_id: r.get(1)?,
            volunteer_id: r.get(2)?,
            request_id: r.get(3)?,
            on_date: r.get(4)?,
            hours: hours_of(r.get(5)?),
            km: r.get(6)?,
            note: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Which hours to add up; empty fields mean "all".
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct HourQuery {
    /// `YYYY-MM-DD` or empty.
    pub from: String,
    /// `YYYY-MM-DD` or empty (inclusive).
    pub to: String,
    #[ts(type = "number | null")]
    pub volunteer_id: Option<i64>,
    #[ts(type = "number | null")]
    pub request_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VolunteerHours {
    #[ts(type = "number")]
    pub volunteer_id: i64,
    pub name: String,
    pub hours: f64,
    pub km: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HourTotals {
    pub hours: f64,
    pub km: f64,
    #[ts(type = "number")]
    pub entries: i64,
    /// Per volunteer, most hours first (at most 100).
    pub by_volunteer: Vec<VolunteerHours>,
}

/// Totals over a period, a volunteer, a request, or any mix.
pub fn totals(conn: &Connection, q: &HourQuery) -> Result<HourTotals> {
    let mut c = Check::new();
    let from = validate::date(&mut c, "from", &q.from, false);
    let to = validate::date(&mut c, "to", &q.to, false);
    if let (Some(f), Some(t)) = (from, to) {
        c.rule("to", Rule::Date, t < f);
    }
    c.finish()?;
    let mut clauses: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(f) = from {
        clauses.push("e.on_date >= ?");
        values.push(Value::Text(iso(f)));
    }
    if let Some(t) = to {
        clauses.push("e.on_date <= ?");
        values.push(Value::Text(iso(t)));
    }
    if let Some(v) = q.volunteer_id {
        clauses.push("e.volunteer_id = ?");
        values.push(Value::Integer(v));
    }
    if let Some(r) = q.request_id {
        clauses.push("e.request_id = ?");
        values.push(Value::Integer(r));
    }
    let filter = if clauses.is_empty() {
        "1".to_owned()
    } else {
        clauses.join(" AND ")
    };
    let args: Vec<&dyn ToSql> = values.iter().map(|v| v as &dyn ToSql).collect();
    let (minutes, km, entries): (i64, f64, i64) = conn
        .prepare_cached(&format!(
            "SELECT ifnull(sum(e.minutes), 0), ifnull(sum(e.km), 0), count(*) FROM hour_entries e WHERE {filter}"
        ))?
        .query_row(&*args, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.volunteer_id, r.first_name || ' ' || r.last_name, sum(e.minutes), ifnull(sum(e.km), 0)
         FROM hour_entries e JOIN residents r ON r.id = e.volunteer_id WHERE {filter}
         GROUP BY e.volunteer_id ORDER BY sum(e.minutes) DESC, e.volunteer_id LIMIT 100"
    ))?;
    let by_volunteer = stmt
        .query_map(&*args, |r| {
            Ok(VolunteerHours {
                volunteer_id: r.get(0)?,
                name: r.get(1)?,
                hours: hours_of(r.get(2)?),
                km: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(HourTotals {
        hours: hours_of(minutes),
        km: (km * 10.0).round() / 10.0,
        entries,
        by_volunteer,
    })
}
