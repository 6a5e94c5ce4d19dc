//! SQL of the privacy request register (table `privacy_requests`).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{deadline, PrivacyRequest, PrivacyRequestInput, NOTE_MAX};
use crate::store::time::{iso, stamp, stored};
use crate::validate::{self, Check};
use crate::vocab::Rule;
use crate::{Db, Error, Result};

const SELECT: &str = "SELECT p.id, p.kind, p.resident_id,
        CASE WHEN r.erased_on IS NULL THEN trim(r.first_name || ' ' || r.last_name) ELSE '' END,
        p.received_on, p.deadline_on, p.done_on, p.note
    FROM privacy_requests p JOIN residents r ON r.id = p.resident_id";

fn from_row(r: &rusqlite::Row<'_>, today: NaiveDate) -> Result<PrivacyRequest> {
    let deadline_on: String = r.get(5)?;
    let done_on: Option<String> = r.get(6)?;
    let days_left = (stored(&deadline_on)? - today).num_days();
    Ok(PrivacyRequest {
        id: r.get(0)?,
        kind: r.get(1)?,
        resident_id: r.get(2)?,
        resident_name: r.get(3)?,
        received_on: r.get(4)?,
        overdue: done_on.is_none() && days_left < 0,
        days_left,
        deadline_on,
        done_on,
        note: r.get(7)?,
    })
}

fn query(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
    today: NaiveDate,
) -> Result<Vec<PrivacyRequest>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(args)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(from_row(r, today)?);
    }
    Ok(out)
}

/// Register a request; its deadline is one month after it was received.
pub fn create(
    db: &mut Db,
    input: &PrivacyRequestInput,
    now: NaiveDateTime,
) -> Result<PrivacyRequest> {
    let mut c = Check::new();
    c.rule("kind", Rule::Required, input.kind.is_none());
    let received = validate::date(&mut c, "receivedOn", &input.received_on, true);
    c.not_after("receivedOn", received, now.date());
    let note = validate::clean(&input.note);
    c.max_len("note", &note, NOTE_MAX);
    c.finish()?;
    let (Some(kind), Some(received)) = (input.kind, received) else {
        return Err(Error::Invalid(Vec::new()));
    };
    let id = db.write(|tx| {
        let known: Option<i64> = tx
            .query_row(
                "SELECT id FROM residents WHERE id = ?1 AND erased_on IS NULL",
                [input.resident_id],
                |r| r.get(0),
            )
            .optional()?;
        if known.is_none() {
            return Err(Error::NotFound {
                what: "resident",
                id: input.resident_id,
            });
        }
        tx.execute(
            "INSERT INTO privacy_requests (kind, resident_id, received_on, deadline_on, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![
                kind,
                input.resident_id,
                iso(received),
                iso(deadline(received)),
                note,
                stamp(now)
            ],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    get(db.conn(), id, now.date())
}

pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<PrivacyRequest> {
    query(conn, &format!("{SELECT} WHERE p.id = ?1"), [id], today)?
        .into_iter()
        .next()
        .ok_or(Error::NotFound {
            what: "privacy_request",
            id,
        })
}

/// The open requests, the nearest deadline first (for Vandaag).
pub fn open(conn: &Connection, today: NaiveDate) -> Result<Vec<PrivacyRequest>> {
    query(
        conn,
        &format!("{SELECT} WHERE p.done_on IS NULL ORDER BY p.deadline_on, p.id"),
        [],
        today,
    )
}

/// A resident's requests, newest first.
pub fn of_resident(
    conn: &Connection,
    resident_id: i64,
    today: NaiveDate,
) -> Result<Vec<PrivacyRequest>> {
    query(
        conn,
        &format!("{SELECT} WHERE p.resident_id = ?1 ORDER BY p.received_on DESC, p.id DESC"),
        [resident_id],
        today,
    )
}

/// Mark a request done today (inside another feature's write). The request
/// must belong to `resident_id`; one already done stays as it was.
pub fn done_in(tx: &Transaction<'_>, id: i64, resident_id: i64, today: NaiveDate) -> Result<()> {
    let n = tx.execute(
        "UPDATE privacy_requests SET done_on = ifnull(done_on, ?1),
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?2 AND resident_id = ?3",
        params![iso(today), id, resident_id],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "privacy_request",
            id,
        });
    }
    Ok(())
}

/// Mark a request done (a correction made by hand, or a request withdrawn).
pub fn done(db: &mut Db, id: i64, now: NaiveDateTime) -> Result<PrivacyRequest> {
    get(db.conn(), id, now.date())?;
    db.write(|tx| {
        tx.execute(
            "UPDATE privacy_requests SET done_on = ifnull(done_on, ?1), updated_at = ?2 WHERE id = ?3",
            params![iso(now.date()), stamp(now), id],
        )?;
        Ok(())
    })?;
    get(db.conn(), id, now.date())
}
