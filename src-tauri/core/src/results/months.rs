//! A period as pieces of at most one month, each with its [`Part`]. The
//! part of a whole month is kept in `results_months`; the days of a month a
//! period only partly covers are counted from the records each time.
//!
//! Kept parts stay true because triggers (migration 011) forget a month as
//! soon as anything it counted changes: a request, its contact log or
//! matches, a resident's kern, an hour entry, a volunteer's status. The
//! core test `results_months.rs` changes each of these in a month that was
//! kept and compares the figures with ones counted from scratch.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{params, Connection};
use rustc_hash::FxHashMap;

use super::parts::{self, Part};
use super::Period;
use crate::store::time::iso;
use crate::Result;

/// Bump when [`Part`] or the way it is counted changes: kept parts of an
/// older format are counted again.
const FORMAT: i64 = 1;

/// One piece of a period: the first day of its month, and its numbers.
pub(crate) struct Piece {
    pub month: NaiveDate,
    pub part: Part,
}

fn key(first: NaiveDate) -> String {
    first.format("%Y-%m").to_string()
}

/// The pieces of `period`, one per month it touches, in order.
pub(crate) fn pieces(conn: &Connection, period: Period) -> Result<Vec<Piece>> {
    let mut kept = read(conn, period)?;
    let mut out = Vec::new();
    let mut fresh = Vec::new();
    for first in period.months() {
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(first);
        let (from, to) = (first.max(period.from), last.min(period.to));
        // A whole month is kept (also the running one: the triggers forget
        // it at the next change, as they do for any month).
        let keep = from == first && to == last;
        if keep {
            if let Some(part) = kept.remove(&key(first)) {
                out.push(Piece { month: first, part });
                continue;
            }
        }
        let part = parts::compute(conn, &iso(from), &iso(to))?;
        if keep {
            fresh.push(out.len());
        }
        out.push(Piece { month: first, part });
    }
    if !fresh.is_empty() {
        write(conn, fresh.iter().map(|i| &out[*i]))?;
    }
    Ok(out)
}

/// Whole months counted ahead, on another connection (the background work
/// after an unlock), to be kept by the open database with [`keep_warmed`].
#[derive(Default)]
pub struct Warmed(Vec<Piece>);

impl std::fmt::Debug for Warmed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Warmed({} months)", self.0.len())
    }
}

impl Warmed {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The months the meeting's first screen needs (this year and last year,
/// January to December): those not kept yet are counted on `conn` (read
/// only is enough), so that even the first look at the year is quick.
pub fn warm(conn: &Connection, today: NaiveDate) -> Result<Warmed> {
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(today.year() - 1, 1, 1),
        NaiveDate::from_ymd_opt(today.year(), 12, 31),
    ) else {
        return Ok(Warmed::default());
    };
    let period = Period { from, to };
    let kept = read(conn, period)?;
    let mut out = Vec::new();
    for first in period.months().into_iter().filter(|m| *m <= today) {
        if kept.contains_key(&key(first)) {
            continue;
        }
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(first);
        let part = parts::compute(conn, &iso(first), &iso(last))?;
        out.push(Piece { month: first, part });
    }
    Ok(Warmed(out))
}

/// Keep months counted by [`warm`]. The caller makes sure nothing changed
/// in between (the triggers forget a month when it changes; a count made
/// before a change must not come back after it).
pub fn keep_warmed(conn: &Connection, warmed: &Warmed) -> Result<()> {
    write(conn, warmed.0.iter())
}

/// The kept parts of the months of `period`. A row that cannot be read
/// (another format, damaged) is left out, so that month is counted again.
fn read(conn: &Connection, period: Period) -> Result<FxHashMap<String, Part>> {
    let mut stmt = conn.prepare_cached(
        "SELECT month, body, weeks FROM results_months
          WHERE month BETWEEN ?1 AND ?2 AND format = ?3",
    )?;
    let mut rows = stmt.query(params![key(period.from), key(period.to), FORMAT])?;
    let mut out = FxHashMap::default();
    while let Some(r) = rows.next()? {
        let month: String = r.get(0)?;
        let body: String = r.get(1)?;
        let weeks: Vec<u8> = r.get(2)?;
        let Ok(mut part) = serde_json::from_str::<Part>(&body) else {
            continue;
        };
        let Some(weeks) = parts::weeks_from_bytes(&weeks) else {
            continue;
        };
        part.volunteers.weeks = weeks;
        out.insert(month, part);
    }
    Ok(out)
}

/// Keeps the parts of whole past months, in one savepoint (it works inside
/// or outside a transaction).
fn write<'a>(conn: &Connection, pieces: impl Iterator<Item = &'a Piece>) -> Result<()> {
    conn.execute_batch("SAVEPOINT results_months")?;
    let written = (|| -> Result<()> {
        let mut stmt = conn.prepare_cached(
            "INSERT OR REPLACE INTO results_months (month, format, body, weeks)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for p in pieces {
            let body = serde_json::to_string(&p.part)?;
            let weeks = parts::weeks_to_bytes(&p.part.volunteers.weeks);
            stmt.execute(params![key(p.month), FORMAT, body, weeks])?;
        }
        Ok(())
    })();
    match written {
        Ok(()) => conn.execute_batch("RELEASE results_months")?,
        Err(e) => {
            conn.execute_batch("ROLLBACK TO results_months; RELEASE results_months")?;
            return Err(e);
        }
    }
    Ok(())
}
