//! The "Vandaag" screen: what needs attention today.

use chrono::NaiveDate;
use rusqlite::{Connection, ToSql};
use serde::Serialize;
use ts_rs::TS;

use crate::requests::{self, RequestSummary};
use crate::Result;

/// How many rows each block shows at most (the list screen has the rest).
pub const BLOCK: i64 = 20;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Today {
    pub date: String,
    /// Requests nobody has picked up yet.
    pub new_requests: Vec<RequestSummary>,
    #[ts(type = "number")]
    pub new_total: i64,
    /// Open requests with high urgency.
    pub urgent: Vec<RequestSummary>,
    #[ts(type = "number")]
    pub urgent_total: i64,
    /// Open requests whose due date has passed.
    pub overdue: Vec<RequestSummary>,
    #[ts(type = "number")]
    pub overdue_total: i64,
    /// Open requests due today or in the coming 7 days.
    pub due_soon: Vec<RequestSummary>,
    #[ts(type = "number")]
    pub due_soon_total: i64,
}

const OPEN: &str = "h.status IN ('new', 'in_progress', 'matched')";

fn block(
    conn: &Connection,
    filter: &str,
    order: &str,
    args: &[&dyn ToSql],
) -> Result<(Vec<RequestSummary>, i64)> {
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM help_requests h WHERE {filter}"
        ))?
        .query_row(args, |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM help_requests h JOIN residents r ON r.id = h.resident_id WHERE {filter} ORDER BY {order} LIMIT {BLOCK}",
        requests::summary_columns()
    ))?;
    let items = stmt
        .query_map(args, requests::summary_from_row)?
        .collect::<Result<_, _>>()?;
    Ok((items, total))
}

pub fn today(conn: &Connection, date: NaiveDate) -> Result<Today> {
    let d = date.format("%Y-%m-%d").to_string();
    let soon = (date + chrono::Days::new(7)).format("%Y-%m-%d").to_string();
    let (new_requests, new_total) = block(conn, "h.status = 'new'", "h.received_on, h.id", &[])?;
    let (urgent, urgent_total) = block(
        conn,
        &format!("{OPEN} AND h.urgency = 'high'"),
        "h.due_on IS NULL, h.due_on, h.received_on",
        &[],
    )?;
    let (overdue, overdue_total) = block(
        conn,
        &format!("{OPEN} AND h.due_on < ?1"),
        "h.due_on, h.id",
        &[&d],
    )?;
    let (due_soon, due_soon_total) = block(
        conn,
        &format!("{OPEN} AND h.due_on >= ?1 AND h.due_on <= ?2"),
        "h.due_on, h.id",
        &[&d, &soon],
    )?;
    Ok(Today {
        date: d,
        new_requests,
        new_total,
        urgent,
        urgent_total,
        overdue,
        overdue_total,
        due_soon,
        due_soon_total,
    })
}
