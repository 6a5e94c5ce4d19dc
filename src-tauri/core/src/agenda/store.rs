//! The agenda items in SQL (table `agenda_items`).

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::check::{findings, Known};
use super::{AgendaInput, AgendaItem, AgendaStatus, MeetingItem, MeetingText};
use crate::requests::log_event;
use crate::store::time::stamp;
use crate::store::{require, Table};
use crate::validate::{Check, LONG};
use crate::vocab::Rule;
use crate::{Db, Error, Result};

/// Longest text of a description field: a few sentences for a meeting.
const TEXT: usize = 2000;

const COLUMNS: &str = "id, request_id, description, question, tried, life_area, kern, age_band,
                       status, outcome, substr(created_at, 1, 10)";

fn item(r: &Row<'_>) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.get(0)?,
        request_id: r.get(1)?,
        description: r.get(2)?,
        question: r.get(3)?,
        tried: r.get(4)?,
        life_area: r.get(5)?,
        kern: r.get(6)?,
        age_band: r.get(7)?,
        status: r.get(8)?,
        outcome: r.get(9)?,
        created_at: r.get(10)?,
        findings: Vec::new(),
    })
}

fn fields(i: &AgendaItem) -> [(&'static str, &str); 4] {
    [
        ("description", &i.description),
        ("question", &i.question),
        ("tried", &i.tried),
        ("kern", &i.kern),
    ]
}

fn checked(known: &Known, mut i: AgendaItem) -> AgendaItem {
    i.findings = findings(known, &fields(&i));
    i
}

fn valid(input: &AgendaInput) -> Result<()> {
    let mut c = Check::new();
    c.required("description", &input.description)
        .max_len("description", &input.description, TEXT)
        .required("question", &input.question)
        .max_len("question", &input.question, TEXT)
        .max_len("tried", &input.tried, TEXT)
        .max_len("kern", &input.kern, 60);
    c.rule("lifeArea", Rule::Required, input.life_area.is_none());
    c.rule("ageBand", Rule::Required, input.age_band.is_none());
    c.finish()
}

fn get(conn: &Connection, id: i64) -> Result<AgendaItem> {
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM agenda_items WHERE id = ?1"),
            [id],
            item,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "agenda item",
            id,
        })?;
    Ok(checked(&Known::read(conn)?, found))
}

/// Put request `request_id` on the agenda. The text is saved also when it
/// still names someone (the contact person sees what to take out); meeting
/// mode does not show it until it is clean.
pub fn create(
    db: &mut Db,
    request_id: i64,
    input: &AgendaInput,
    now: NaiveDateTime,
) -> Result<AgendaItem> {
    valid(input)?;
    let id = db.write(|tx| {
        require(tx, Table::Requests, request_id)?;
        tx.execute(
            "INSERT INTO agenda_items (request_id, description, question, tried, life_area, kern,
                 age_band, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'agenda', ?8, ?8)",
            params![
                request_id,
                input.description.trim(),
                input.question.trim(),
                input.tried.trim(),
                input.life_area,
                input.kern.trim(),
                input.age_band,
                stamp(now)
            ],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    get(db.conn(), id)
}

/// Change the text of an item that is not done yet.
pub fn update(db: &mut Db, id: i64, input: &AgendaInput, now: NaiveDateTime) -> Result<AgendaItem> {
    valid(input)?;
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE agenda_items SET description = ?2, question = ?3, tried = ?4, life_area = ?5,
                    kern = ?6, age_band = ?7, updated_at = ?8
              WHERE id = ?1 AND status <> 'done'",
            params![
                id,
                input.description.trim(),
                input.question.trim(),
                input.tried.trim(),
                input.life_area,
                input.kern.trim(),
                input.age_band,
                stamp(now)
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "agenda item",
                id,
            });
        }
        Ok(())
    })?;
    get(db.conn(), id)
}

/// The agenda items of one request, newest first, each checked now.
pub fn for_request(conn: &Connection, request_id: i64) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM agenda_items WHERE request_id = ?1 ORDER BY id DESC"
    ))?;
    let items = stmt
        .query_map([request_id], item)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if items.is_empty() {
        return Ok(items);
    }
    let known = Known::read(conn)?;
    Ok(items.into_iter().map(|i| checked(&known, i)).collect())
}

/// The agenda for the shared screen: items not yet done, in order, each
/// checked against the database as it is now. An item that fails carries
/// no text at all.
pub fn meeting(conn: &Connection) -> Result<Vec<MeetingItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM agenda_items WHERE status <> 'done' ORDER BY id"
    ))?;
    let items = stmt
        .query_map([], item)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let known = Known::read(conn)?;
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(n, i)| {
            let clean = findings(&known, &fields(&i)).is_empty();
            MeetingItem {
                id: i.id,
                number: u32::try_from(n + 1).unwrap_or(u32::MAX),
                status: i.status,
                text: clean.then_some(MeetingText {
                    description: i.description,
                    question: i.question,
                    tried: i.tried,
                    life_area: i.life_area,
                    kern: i.kern,
                    age_band: i.age_band,
                }),
            }
        })
        .collect())
}

/// In the meeting: the group discussed item `id`. Returns the agenda.
pub fn mark_discussed(db: &mut Db, id: i64, now: NaiveDateTime) -> Result<Vec<MeetingItem>> {
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE agenda_items SET status = 'discussed', updated_at = ?2
              WHERE id = ?1 AND status = 'agenda'",
            params![id, stamp(now)],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "agenda item",
                id,
            });
        }
        Ok(())
    })?;
    meeting(db.conn())
}

/// After the meeting, on the request: what the group advised. Kept on the
/// item and written in the request's contact log.
pub fn write_outcome(
    db: &mut Db,
    id: i64,
    outcome: &str,
    now: NaiveDateTime,
) -> Result<AgendaItem> {
    let outcome = outcome.trim();
    let mut c = Check::new();
    c.required("outcome", outcome)
        .max_len("outcome", outcome, LONG);
    c.finish()?;
    db.write(|tx| {
        let request_id: i64 = tx
            .query_row(
                "SELECT request_id FROM agenda_items WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound {
                what: "agenda item",
                id,
            })?;
        tx.execute(
            "UPDATE agenda_items SET outcome = ?2, status = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, outcome, AgendaStatus::Done, stamp(now)],
        )?;
        log_event(
            tx,
            request_id,
            now.date(),
            &format!("Casusoverleg: {outcome}"),
            None,
            now,
        )
    })?;
    get(db.conn(), id)
}
