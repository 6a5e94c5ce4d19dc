//! Agreements on a request (table `agreements`): who does what by when.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::time::{iso, stamp};
use crate::text_enum;
use crate::validate::{self, Check, SHORT};
use crate::{Db, Error, Result};

text_enum! {
    /// Who the agreement is for.
    pub enum Party {
        Resident => "resident",
        Network => "network",
        Volunteer => "volunteer",
        Professional => "professional",
        HelpPoint => "help_point",
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Agreement {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub request_id: i64,
    pub party: Party,
    /// A name: "dochter Ineke", "Evert", "huisarts".
    pub who: String,
    pub what: String,
    pub due_on: Option<String>,
    pub done_on: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgreementInput {
    pub party: Party,
    #[serde(default)]
    pub who: String,
    pub what: String,
    /// `YYYY-MM-DD` or empty.
    #[serde(default)]
    pub due_on: String,
}

pub(crate) fn ensure_request(conn: &Connection, id: i64) -> Result<()> {
    crate::store::require(conn, crate::store::Table::Requests, id)
}

pub fn add_agreement(
    db: &mut Db,
    request_id: i64,
    input: &AgreementInput,
    now: NaiveDateTime,
) -> Result<Agreement> {
    let who = validate::clean(&input.who);
    let what = validate::clean(&input.what);
    let mut c = Check::new();
    c.required("what", &what)
        .max_len("what", &what, SHORT * 5)
        .max_len("who", &who, SHORT);
    let due = validate::date(&mut c, "dueOn", &input.due_on, false);
    c.finish()?;
    let id = db.write(|tx| {
        ensure_request(tx, request_id)?;
        tx.execute(
            "INSERT INTO agreements (request_id, party, who, what, due_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![request_id, input.party, who, what, due.map(iso), stamp(now)],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    get(db.conn(), id)
}

/// Mark an agreement done (today) or not done.
pub fn set_agreement_done(
    db: &mut Db,
    id: i64,
    done: bool,
    now: NaiveDateTime,
) -> Result<Agreement> {
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE agreements SET done_on = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, done.then(|| iso(now.date())), stamp(now)],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "agreement",
                id,
            });
        }
        Ok(())
    })?;
    get(db.conn(), id)
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Agreement> {
    Ok(Agreement {
        id: r.get(0)?,
        request_id: r.get(1)?,
        party: r.get(2)?,
        who: r.get(3)?,
        what: r.get(4)?,
        due_on: r.get(5)?,
        done_on: r.get(6)?,
    })
}

const COLUMNS: &str = "id, request_id, party, who, what, due_on, done_on";

fn get(conn: &Connection, id: i64) -> Result<Agreement> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM agreements WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "agreement",
        id,
    })
}

/// The agreements of a request: open ones first, by due date.
pub fn agreements_of(conn: &Connection, request_id: i64) -> Result<Vec<Agreement>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM agreements WHERE request_id = ?1
         ORDER BY done_on IS NOT NULL, due_on IS NULL, due_on, id"
    ))?;
    let rows = stmt.query_map([request_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
