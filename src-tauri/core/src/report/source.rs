//! Where the report gets its figures: the same results the meeting shows
//! ([`crate::results::figures`]), so the two never disagree.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{suggested_year, ReportYears};
use crate::results::{Figures, Period};
use crate::{Error, Result};

/// The figures of `period` (with the same period a year earlier).
pub fn figures(conn: &Connection, period: Period, today: NaiveDate) -> Result<Figures> {
    crate::results::figures(conn, period, today, &crate::settings::get(conn)?)
}

/// The years with data (newest first) and the year to offer.
pub fn years(conn: &Connection, today: NaiveDate) -> Result<ReportYears> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT CAST(substr(received_on, 1, 4) AS INTEGER) AS y
         FROM help_requests ORDER BY y DESC",
    )?;
    let mut years = Vec::new();
    for y in stmt.query_map([], |r| r.get::<_, i64>(0))? {
        let y = i32::try_from(y?).map_err(|_| Error::Report("year out of range".into()))?;
        if super::store::YEARS.contains(&y) && y <= today.year() {
            years.push(y);
        }
    }
    let suggested = suggested_year(today);
    if !years.contains(&suggested) {
        years.push(suggested);
        years.sort_unstable_by(|a, b| b.cmp(a));
    }
    Ok(ReportYears { years, suggested })
}
