//! Plain counts of signals for the meeting and the annual report: no names.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::store::time::iso;
use crate::Result;

/// One count with what it counts (a concern label, or a code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Count {
    pub label: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// Signals noted from `from` up to and including `to`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignalFigures {
    #[ts(type = "number")]
    pub total: i64,
    /// By concern label, the most first.
    pub by_concern: Vec<Count>,
    /// By status code (`new`, `discussed`, `taken_up`, `closed`).
    pub by_status: Vec<Count>,
    /// By outcome code; signals without an outcome yet are not in it.
    pub by_outcome: Vec<Count>,
    /// By place kind code (`street`, `kern`, `village`).
    pub by_place_kind: Vec<Count>,
    /// About a named resident.
    #[ts(type = "number")]
    pub about_resident: i64,
    /// "Niet pluis".
    #[ts(type = "number")]
    pub not_right: i64,
}

fn counts(conn: &Connection, sql: &str, from: &str, to: &str) -> Result<Vec<Count>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok(Count {
            label: r.get(0)?,
            count: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Counts only, for the meeting and the annual report.
pub fn figures(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<SignalFigures> {
    let (f, t) = (iso(from), iso(to));
    const IN: &str = "FROM signals s WHERE s.noticed_on >= ?1 AND s.noticed_on <= ?2";
    let by = |col: &str, extra: &str| {
        format!("SELECT {col}, count(*) {IN} {extra} GROUP BY {col} ORDER BY count(*) DESC, {col}")
    };
    let (total, about_resident, not_right): (i64, i64, i64) = conn.query_row(
        &format!(
            "SELECT count(*), ifnull(sum(s.resident_id IS NOT NULL OR s.about_resident), 0),
                    ifnull(sum(s.not_right), 0) {IN}"
        ),
        params![f, t],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let by_concern = counts(
        conn,
        &format!(
            "SELECT c.label, count(*) {IN} AND 1 GROUP BY s.concern_id ORDER BY count(*) DESC, c.position"
        )
        .replace("FROM signals s", "FROM signals s JOIN signal_concerns c ON c.id = s.concern_id"),
        &f,
        &t,
    )?;
    Ok(SignalFigures {
        total,
        by_concern,
        by_status: counts(conn, &by("s.status", ""), &f, &t)?,
        by_outcome: counts(conn, &by("s.outcome", "AND s.outcome IS NOT NULL"), &f, &t)?,
        by_place_kind: counts(conn, &by("s.place_kind", ""), &f, &t)?,
        about_resident,
        not_right,
    })
}
