//! SQL of the data breach register (table `data_breaches`).

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

use super::{check, deadline, DataBreach, DataBreachInput};
use crate::store::time::{iso, parse_stamp, stamp, stored_date};
use crate::{Db, Error, Result};

const COLUMNS: &str = "id, discovered_at, happened, whose_data, measures, ap_informed, \
                       ap_informed_on, notes, created_at";

struct Row {
    id: i64,
    discovered_at: String,
    happened: String,
    whose_data: String,
    measures: String,
    ap_informed: bool,
    ap_informed_on: Option<String>,
    notes: String,
    created_at: String,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        discovered_at: r.get(1)?,
        happened: r.get(2)?,
        whose_data: r.get(3)?,
        measures: r.get(4)?,
        ap_informed: r.get(5)?,
        ap_informed_on: r.get(6)?,
        notes: r.get(7)?,
        created_at: r.get(8)?,
    })
}

/// A stored row with its deadline as of `now`.
fn breach(row: Row, now: NaiveDateTime) -> Result<DataBreach> {
    let found = parse_stamp(&row.discovered_at).ok_or_else(|| {
        Error::Migration(format!(
            "data_breaches.discovered_at = {:?}",
            row.discovered_at
        ))
    })?;
    let informed_on = match &row.ap_informed_on {
        Some(v) => Some(
            stored_date(v)
                .ok_or_else(|| Error::Migration(format!("data_breaches.ap_informed_on = {v:?}")))?,
        ),
        None => None,
    };
    Ok(DataBreach {
        deadline: deadline(found, informed_on.filter(|_| row.ap_informed), now),
        id: row.id,
        discovered_at: row.discovered_at,
        happened: row.happened,
        whose_data: row.whose_data,
        measures: row.measures,
        ap_informed: row.ap_informed,
        ap_informed_on: row.ap_informed_on,
        notes: row.notes,
        created_at: row.created_at,
    })
}

/// Every breach, the most recently found first.
pub fn list(conn: &Connection, now: NaiveDateTime) -> Result<Vec<DataBreach>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM data_breaches ORDER BY discovered_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.push(breach(row?, now)?);
    }
    Ok(out)
}

pub fn get(conn: &Connection, id: i64, now: NaiveDateTime) -> Result<DataBreach> {
    let row = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM data_breaches WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "data breach",
            id,
        })?;
    breach(row, now)
}

/// Write a new breach into the register.
pub fn create(db: &mut Db, input: &DataBreachInput, now: NaiveDateTime) -> Result<DataBreach> {
    let c = check(input, now)?;
    let id = db.write(|tx| {
        tx.execute(
            "INSERT INTO data_breaches (discovered_at, happened, whose_data, measures, ap_informed,
                 ap_informed_on, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                stamp(c.discovered_at),
                c.happened,
                c.whose_data,
                c.measures,
                c.ap_informed,
                c.ap_informed_on.map(iso),
                c.notes,
                stamp(now)
            ],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    get(db.conn(), id, now)
}

/// Change a breach: more measures, or the Autoriteit Persoonsgegevens informed.
pub fn update(
    db: &mut Db,
    id: i64,
    input: &DataBreachInput,
    now: NaiveDateTime,
) -> Result<DataBreach> {
    let c = check(input, now)?;
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE data_breaches SET discovered_at = ?2, happened = ?3, whose_data = ?4,
                 measures = ?5, ap_informed = ?6, ap_informed_on = ?7, notes = ?8, updated_at = ?9
             WHERE id = ?1",
            params![
                id,
                stamp(c.discovered_at),
                c.happened,
                c.whose_data,
                c.measures,
                c.ap_informed,
                c.ap_informed_on.map(iso),
                c.notes,
                stamp(now)
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "data breach",
                id,
            });
        }
        Ok(())
    })?;
    get(db.conn(), id, now)
}
