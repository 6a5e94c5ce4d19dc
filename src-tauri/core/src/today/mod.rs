//! The "Vandaag" screen: what needs attention today.

mod todo;

pub use todo::{merge, Blocks, TodoItem};

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::requests::{self, Attention};
use crate::settings;
use crate::store::time::iso;
use crate::volunteers::{checkin_due, VolunteerStatus};
use crate::Result;

/// How many rows each block shows at most (the list screen has the rest).
pub const BLOCK: i64 = 20;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Today {
    pub date: String,
    /// Requests nobody has picked up yet.
    #[ts(type = "number")]
    pub new_total: i64,
    /// Open requests with high urgency.
    #[ts(type = "number")]
    pub urgent_total: i64,
    /// Open requests whose due date has passed.
    #[ts(type = "number")]
    pub overdue_total: i64,
    /// Open requests due today or in the coming 7 days.
    #[ts(type = "number")]
    pub due_soon_total: i64,
    /// A block had more requests than the to-do list shows (the request
    /// list has the rest).
    pub more: bool,
    /// Active volunteers to ask how it goes: their check-in is due, or the
    /// last one asked for support (those first).
    pub checkins_due: Vec<CheckinReminder>,
    #[ts(type = "number")]
    pub checkins_due_total: i64,
    /// Signals that add up in one place (see `signals::patterns`).
    pub patterns: Vec<crate::signals::Pattern>,
    /// Signals nobody has discussed yet.
    #[ts(type = "number")]
    pub new_signals: i64,
    /// The blocks above as one list, each request once, most pressing
    /// first (see [`merge`]).
    pub todo: Vec<TodoItem>,
    /// Calls and follow-ups due (all of them; the list shows the first).
    #[ts(type = "number")]
    pub reminders_total: i64,
}

/// A volunteer whose wellbeing check-in is due.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckinReminder {
    #[ts(type = "number")]
    pub resident_id: i64,
    pub name: String,
    pub kern: String,
    /// When the check-in was due; `None` when it is not due yet but the last
    /// check-in asked for support.
    pub due_on: Option<String>,
    /// The last check-in asked for support.
    pub needs_support: bool,
}

/// Active volunteers whose check-in is due on `date` (same rule as the
/// volunteers overview), needing support first, then the longest overdue.
/// One pass over the active volunteers with their last check-in (through
/// its index); names only for those due; no load sums.
fn checkins_due(conn: &Connection, date: NaiveDate) -> Result<(Vec<CheckinReminder>, i64)> {
    let weeks = settings::get(conn)?.checkin_weeks;
    // Due when the last check-in (or becoming active) is `weeks` ago or more.
    let cutoff = (weeks > 0).then(|| iso(date - chrono::Days::new(u64::from(weeks) * 7)));
    // The latest check-in comes from its index alone (`checkins_latest`):
    // its date and support flag as one value, `YYYY-MM-DD` then 0 or 1.
    let mut stmt = conn.prepare_cached(
        "WITH x AS MATERIALIZED (
             SELECT v.resident_id AS id, v.status_since,
                    (SELECT on_date || needs_support FROM checkins
                      WHERE volunteer_id = v.resident_id ORDER BY on_date DESC, id DESC LIMIT 1) AS last
             FROM volunteers v WHERE v.status = 'active')
         SELECT x.id, r.first_name || ' ' || r.last_name, r.kern, x.status_since,
                substr(x.last, 1, 10), ifnull(substr(x.last, 11) = '1', 0)
         FROM x JOIN residents r ON r.id = x.id
         WHERE ifnull(substr(x.last, 1, 10), x.status_since) <= ?1 OR substr(x.last, 11) = '1'",
    )?;
    let mut rows = stmt.query([cutoff])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let since: String = r.get(3)?;
        let last: Option<String> = r.get(4)?;
        let needs_support: bool = r.get(5)?;
        let due = checkin_due(VolunteerStatus::Active, &since, last.as_deref(), weeks)?
            .filter(|d| *d <= date);
        if due.is_some() || needs_support {
            out.push(CheckinReminder {
                resident_id: r.get(0)?,
                name: r.get(1)?,
                kern: r.get(2)?,
                due_on: due.map(iso),
                needs_support,
            });
        }
    }
    out.sort_by(|a, b| {
        b.needs_support
            .cmp(&a.needs_support)
            .then(a.due_on.cmp(&b.due_on))
            .then(a.name.cmp(&b.name))
    });
    let total = out.len() as i64;
    out.truncate(BLOCK as usize);
    Ok((out, total))
}

pub fn today(conn: &Connection, date: NaiveDate) -> Result<Today> {
    let block = |which| requests::needing_attention(conn, which, date, BLOCK);
    let new_requests = block(Attention::New)?;
    let urgent = block(Attention::Urgent)?;
    let overdue = block(Attention::Overdue)?;
    let due_soon = block(Attention::DueSoon)?;
    let (checkins_due, checkins_due_total) = checkins_due(conn, date)?;
    let patterns = crate::signals::patterns(conn, date, &settings::get(conn)?)?;
    let new_signals = conn.query_row(
        "SELECT count(*) FROM signals WHERE status = 'new'",
        [],
        |r| r.get(0),
    )?;
    let (reminders, reminders_total) = crate::followup::due_reminders(conn, date, BLOCK)?;
    let wmo = crate::referrals::open_wmo(conn, date, BLOCK)?;
    let todo = merge(
        date,
        &Blocks {
            reminders: &reminders,
            wmo: &wmo,
            urgent: &urgent.items,
            overdue: &overdue.items,
            new: &new_requests.items,
            due_soon: &due_soon.items,
        },
    );
    let more = [&new_requests, &urgent, &overdue, &due_soon]
        .iter()
        .any(|b| b.has_next);
    Ok(Today {
        date: iso(date),
        new_total: new_requests.total,
        urgent_total: urgent.total,
        overdue_total: overdue.total,
        due_soon_total: due_soon.total,
        more,
        checkins_due,
        checkins_due_total,
        patterns,
        new_signals,
        todo,
        reminders_total,
    })
}
