//! Absence periods of a volunteer: holiday, illness (table `volunteer_absences`).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::time::iso;
use crate::store::{self, Table};
use crate::text_enum;
use crate::validate::{self, Check, SHORT};
use crate::vocab::Rule;
use crate::{Db, Error, Result};

text_enum! {
    pub enum AbsenceKind {
        Holiday => "holiday",
        Illness => "illness",
        Other => "other",
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Absence {
    #[ts(type = "number")]
    pub id: i64,
    pub from_on: String,
    pub until_on: String,
    pub kind: AbsenceKind,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AbsenceInput {
    /// `YYYY-MM-DD`.
    pub from_on: String,
    /// `YYYY-MM-DD`, the last day away.
    pub until_on: String,
    pub kind: AbsenceKind,
    #[serde(default)]
    pub note: String,
}

/// Longest absence we accept in one period (a long illness).
const MAX_DAYS: i64 = 366 * 2;

pub fn add_absence(
    db: &mut Db,
    volunteer_id: i64,
    input: &AbsenceInput,
    _now: NaiveDateTime,
) -> Result<Absence> {
    let mut c = Check::new();
    let from = validate::date(&mut c, "fromOn", &input.from_on, true);
    let until = validate::date(&mut c, "untilOn", &input.until_on, true);
    if let (Some(f), Some(u)) = (from, until) {
        c.rule(
            "untilOn",
            Rule::Date,
            u < f || (u - f).num_days() > MAX_DAYS,
        );
    }
    let note = validate::clean(&input.note);
    c.max_len("note", &note, SHORT);
    c.finish()?;
    let (from, until) = from.zip(until).ok_or_else(|| Error::Invalid(Vec::new()))?;
    let id = db.write(|tx| {
        store::require(tx, Table::Volunteers, volunteer_id)?;
        tx.execute(
            "INSERT INTO volunteer_absences (volunteer_id, from_on, until_on, kind, note)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![volunteer_id, iso(from), iso(until), input.kind, note],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    Ok(Absence {
        id,
        from_on: iso(from),
        until_on: iso(until),
        kind: input.kind,
        note,
    })
}

pub fn remove_absence(db: &mut Db, volunteer_id: i64, absence_id: i64) -> Result<()> {
    db.write(|tx| {
        let n = tx.execute(
            "DELETE FROM volunteer_absences WHERE id = ?1 AND volunteer_id = ?2",
            params![absence_id, volunteer_id],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "absence",
                id: absence_id,
            });
        }
        Ok(())
    })
}

/// A volunteer's absences, latest first.
pub(crate) fn of(conn: &Connection, volunteer_id: i64) -> Result<Vec<Absence>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_on, until_on, kind, note FROM volunteer_absences WHERE volunteer_id = ?1
         ORDER BY from_on DESC, id DESC",
    )?;
    let rows = stmt.query_map([volunteer_id], |r| {
        Ok(Absence {
            id: r.get(0)?,
            from_on: r.get(1)?,
            until_on: r.get(2)?,
            kind: r.get(3)?,
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The absence that covers `day`, if any (the one that ends last).
pub(crate) fn covering(list: &[Absence], day: NaiveDate) -> Option<&Absence> {
    let d = iso(day);
    list.iter()
        .filter(|a| a.from_on <= d && d <= a.until_on)
        .max_by(|a, b| a.until_on.cmp(&b.until_on))
}
