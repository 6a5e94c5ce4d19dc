//! Wellbeing check-ins: every few weeks a contact person asks a volunteer how
//! it goes (table `checkins`).

use chrono::NaiveDateTime;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::time::{iso, stamp};
use crate::store::{self, Table};
use crate::validate::{self, Check, LONG};
use crate::{Db, Error, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Checkin {
    #[ts(type = "number")]
    pub id: i64,
    pub on_date: String,
    pub how_it_goes: String,
    pub dilemma: String,
    pub needs_support: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CheckinInput {
    /// `YYYY-MM-DD`.
    pub on_date: String,
    pub how_it_goes: String,
    pub dilemma: String,
    pub needs_support: bool,
}

pub fn add_checkin(
    db: &mut Db,
    volunteer_id: i64,
    input: &CheckinInput,
    now: NaiveDateTime,
) -> Result<Checkin> {
    let mut c = Check::new();
    let on = validate::date(&mut c, "onDate", &input.on_date, true);
    c.not_after("onDate", on, now.date());
    let how = validate::clean(&input.how_it_goes);
    let dilemma = validate::clean(&input.dilemma);
    c.required("howItGoes", &how)
        .max_len("howItGoes", &how, LONG)
        .max_len("dilemma", &dilemma, LONG);
    c.finish()?;
    let on = on.ok_or_else(|| Error::Invalid(Vec::new()))?;
    let id = db.write(|tx| {
        store::require(tx, Table::Volunteers, volunteer_id)?;
        tx.execute(
            "INSERT INTO checkins (volunteer_id, on_date, how_it_goes, dilemma, needs_support, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                volunteer_id,
                iso(on),
                how,
                dilemma,
                input.needs_support,
                stamp(now)
            ],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    Ok(Checkin {
        id,
        on_date: iso(on),
        how_it_goes: how,
        dilemma,
        needs_support: input.needs_support,
    })
}

/// A volunteer's check-ins, latest first.
pub(crate) fn of(conn: &Connection, volunteer_id: i64) -> Result<Vec<Checkin>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, on_date, how_it_goes, dilemma, needs_support FROM checkins WHERE volunteer_id = ?1
         ORDER BY on_date DESC, id DESC",
    )?;
    let rows = stmt.query_map([volunteer_id], |r| {
        Ok(Checkin {
            id: r.get(0)?,
            on_date: r.get(1)?,
            how_it_goes: r.get(2)?,
            dilemma: r.get(3)?,
            needs_support: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
