//! The dated contact log of a request (table `contact_log`).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{search_index, Status};
use crate::store::time::{iso, stamp};
use crate::validate::{self, Check, LONG};
use crate::vocab::Rule;
use crate::{Db, Error, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub on_date: String,
    pub note: String,
    /// Set when this entry records a status change: the new status.
    pub status: Option<Status>,
    pub created_at: String,
}

/// Add a dated note to a request's contact log.
pub fn add_note(
    db: &mut Db,
    request_id: i64,
    on_date: &str,
    note: &str,
    now: NaiveDateTime,
) -> Result<ContactEntry> {
    let mut c = Check::new();
    let note = note.trim();
    c.required("note", note).max_len("note", note, LONG);
    let date = validate::parse_date(on_date);
    c.rule("onDate", Rule::Date, date.is_none());
    c.not_after("onDate", date, now.date());
    c.finish()?;
    let date = date.ok_or_else(|| Error::Invalid(Vec::new()))?;
    let id = db.write(|tx| {
        let id = insert(tx, request_id, date, note, None, now)?;
        search_index::reindex(tx, request_id)?;
        Ok(id)
    })?;
    Ok(ContactEntry {
        id,
        on_date: iso(date),
        note: note.to_owned(),
        status: None,
        created_at: stamp(now),
    })
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    request_id: i64,
    on: NaiveDate,
    note: &str,
    status: Option<Status>,
    now: NaiveDateTime,
) -> Result<i64> {
    crate::store::require(tx, crate::store::Table::Requests, request_id)?;
    tx.execute(
        "INSERT INTO contact_log (request_id, on_date, note, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![request_id, iso(on), note, status, stamp(now)],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn of(conn: &Connection, request_id: i64) -> Result<Vec<ContactEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, on_date, note, status, created_at FROM contact_log WHERE request_id = ?1 ORDER BY on_date DESC, id DESC",
    )?;
    let rows = stmt.query_map([request_id], |r| {
        Ok(ContactEntry {
            id: r.get(0)?,
            on_date: r.get(1)?,
            note: r.get(2)?,
            status: r.get(3)?,
            created_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
