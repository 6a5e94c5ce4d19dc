//! Follow-up reminders (table `reminders`): a date and what to do. Done with
//! a note; a repeating one then comes back after its interval. Snoozing moves
//! the date and keeps the note.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::agreements::ensure_request;
use crate::store::time::{iso, stamp};
use crate::validate::{self, Check, SHORT};
use crate::vocab::Rule;
use crate::{Db, Error, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Reminder {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub request_id: i64,
    pub due_on: String,
    pub note: String,
    /// 0 = once; otherwise it comes back every this many weeks.
    pub repeat_weeks: u32,
    pub done_on: Option<String>,
    pub done_note: String,
    /// Why it was last moved to a later date (empty if never).
    pub snooze_note: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReminderInput {
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub note: String,
    pub repeat_weeks: u32,
}

/// A reminder that is due, for the Vandaag screen (no personal details beyond the name).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DueReminder {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub request_id: i64,
    pub resident_name: String,
    pub due_on: String,
    pub note: String,
    pub repeat_weeks: u32,
    /// Why it was moved to this date, if it was.
    pub snooze_note: String,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Reminder> {
    Ok(Reminder {
        id: r.get(0)?,
        request_id: r.get(1)?,
        due_on: r.get(2)?,
        note: r.get(3)?,
        repeat_weeks: r.get(4)?,
        done_on: r.get(5)?,
        done_note: r.get(6)?,
        snooze_note: r.get(7)?,
    })
}

const COLUMNS: &str = "id, request_id, due_on, note, repeat_weeks, done_on, done_note, snooze_note";

fn get(conn: &Connection, id: i64) -> Result<Reminder> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM reminders WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "reminder",
        id,
    })
}

pub fn add_reminder(
    db: &mut Db,
    request_id: i64,
    input: &ReminderInput,
    now: NaiveDateTime,
) -> Result<Reminder> {
    let note = validate::clean(&input.note);
    let mut c = Check::new();
    c.required("note", &note).max_len("note", &note, SHORT);
    let due = validate::date(&mut c, "dueOn", &input.due_on, true);
    c.rule("repeatWeeks", Rule::Number, input.repeat_weeks > 52);
    c.finish()?;
    let due = due.ok_or_else(|| Error::Invalid(Vec::new()))?;
    let id = db.write(|tx| {
        ensure_request(tx, request_id)?;
        insert(tx, request_id, due, &note, input.repeat_weeks, now)
    })?;
    get(db.conn(), id)
}

/// Insert a checked reminder inside the caller's transaction; the new id.
pub(crate) fn insert(
    tx: &rusqlite::Transaction<'_>,
    request_id: i64,
    due: chrono::NaiveDate,
    note: &str,
    repeat_weeks: u32,
    now: NaiveDateTime,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO reminders (request_id, due_on, note, repeat_weeks, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![request_id, iso(due), note, repeat_weeks, stamp(now)],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Mark a reminder done with a note (logged on the request). A repeating one
/// comes back `repeat_weeks` after today. Returns the next one, if any.
pub fn complete_reminder(
    db: &mut Db,
    id: i64,
    note: &str,
    now: NaiveDateTime,
) -> Result<Option<Reminder>> {
    let note = validate::clean(note);
    let mut c = Check::new();
    c.max_len("doneNote", &note, SHORT);
    c.finish()?;
    let today = now.date();
    let next = db.write(|tx| {
        let r = get(tx, id)?;
        if r.done_on.is_some() {
            return Err(Error::InvalidTransition {
                from: "done".into(),
                to: "done".into(),
            });
        }
        tx.execute(
            "UPDATE reminders SET done_on = ?2, done_note = ?3 WHERE id = ?1",
            params![id, iso(today), note],
        )?;
        let text = if note.is_empty() {
            format!("Opvolging gedaan: {}", r.note)
        } else {
            format!("Opvolging gedaan: {}. {note}", r.note)
        };
        crate::requests::log_event(tx, r.request_id, today, &text, None, now)?;
        if r.repeat_weeks == 0 {
            return Ok(None);
        }
        let due = today + Days::new(u64::from(r.repeat_weeks) * 7);
        tx.execute(
            "INSERT INTO reminders (request_id, due_on, note, repeat_weeks, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![r.request_id, iso(due), r.note, r.repeat_weeks, stamp(now)],
        )?;
        Ok(Some(tx.last_insert_rowid()))
    })?;
    next.map(|id| get(db.conn(), id)).transpose()
}

/// Move a reminder to a later date, with a note why.
pub fn snooze_reminder(
    db: &mut Db,
    id: i64,
    until: &str,
    note: &str,
    now: NaiveDateTime,
) -> Result<Reminder> {
    let note = validate::clean(note);
    let mut c = Check::new();
    let until = validate::date(&mut c, "until", until, true);
    c.rule("until", Rule::Date, until.is_some_and(|d| d <= now.date()));
    c.max_len("note", &note, SHORT);
    c.finish()?;
    let until = until.ok_or_else(|| Error::Invalid(Vec::new()))?;
    db.write(|tx| {
        let r = get(tx, id)?;
        if r.done_on.is_some() {
            return Err(Error::InvalidTransition {
                from: "done".into(),
                to: "snoozed".into(),
            });
        }
        tx.execute(
            "UPDATE reminders SET due_on = ?2, snooze_note = ?3 WHERE id = ?1",
            params![id, iso(until), note],
        )?;
        let mut text = format!(
            "Opvolging \"{}\" verschoven naar {}.",
            r.note,
            until.format("%d-%m-%Y")
        );
        if !note.is_empty() {
            text.push(' ');
            text.push_str(&note);
        }
        crate::requests::log_event(tx, r.request_id, now.date(), &text, None, now)
    })?;
    get(db.conn(), id)
}

/// All reminders of a request: open ones first, by date.
pub fn reminders_of(conn: &Connection, request_id: i64) -> Result<Vec<Reminder>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM reminders WHERE request_id = ?1
         ORDER BY done_on IS NOT NULL, due_on, id"
    ))?;
    let rows = stmt.query_map([request_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Open reminders due on or before `day`, oldest first (at most `limit`),
/// with the total.
pub fn due_reminders(
    conn: &Connection,
    day: NaiveDate,
    limit: i64,
) -> Result<(Vec<DueReminder>, i64)> {
    let d = iso(day);
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM reminders WHERE done_on IS NULL AND due_on <= ?1",
        [&d],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.request_id, ifnull(r.first_name || ' ' || r.last_name, h.scope_note), m.due_on, m.note, m.repeat_weeks,
                m.snooze_note
         FROM reminders m JOIN help_requests h ON h.id = m.request_id LEFT JOIN residents r ON r.id = h.resident_id
         WHERE m.done_on IS NULL AND m.due_on <= ?1 ORDER BY m.due_on, m.id LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![d, limit], |r| {
        Ok(DueReminder {
            id: r.get(0)?,
            request_id: r.get(1)?,
            resident_name: r.get(2)?,
            due_on: r.get(3)?,
            note: r.get(4)?,
            repeat_weeks: r.get(5)?,
            snooze_note: r.get(6)?,
        })
    })?;
    Ok((rows.collect::<Result<_, _>>()?, total))
}
