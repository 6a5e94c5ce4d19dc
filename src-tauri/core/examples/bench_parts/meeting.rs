//! Bench part: the meeting's figures for a year (target ≤ 100 ms), beside
//! the same aggregates in plain SQL without suppression or assembly.

use buurtpunt_core::results::{self, PeriodChoice};
use buurtpunt_core::{Db, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::pair;

/// The aggregates `results::figures` needs, as bare SQL, for one year.
fn raw(c: &Connection, from: &str, to: &str) -> Result<()> {
    let run = |sql: &str| -> Result<()> {
        let mut stmt = c.prepare_cached(sql)?;
        let mut rows = stmt.query([from, to])?;
        while rows.next()?.is_some() {}
        Ok(())
    };
    run("SELECT h.channel, coalesce(r.kern, ''), h.scope, substr(h.received_on, 1, 7), h.life_area_mask, count(*)
           FROM help_requests h LEFT JOIN residents r ON r.id = h.resident_id
          WHERE h.received_on BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3, 4, 5")?;
    run("SELECT h.close_kind, h.status, count(DISTINCT h.id)
           FROM contact_log l JOIN help_requests h ON h.id = l.request_id
          WHERE l.status IN ('done', 'referred', 'lapsed') AND l.on_date BETWEEN ?1 AND ?2
            AND h.status IN ('done', 'referred', 'lapsed') GROUP BY 1, 2")?;
    run("SELECT (SELECT min(l.on_date) FROM contact_log l WHERE l.request_id = h.id),
                (SELECT min(m.asked_on) FROM matches m WHERE m.request_id = h.id AND m.status <> 'proposed')
           FROM help_requests h WHERE h.received_on BETWEEN ?1 AND ?2")?;
    run(
        "SELECT volunteer_id, strftime('%Y-%W', on_date), sum(minutes)
           FROM hour_entries WHERE on_date BETWEEN ?1 AND ?2 GROUP BY 1, 2",
    )?;
    run(
        "SELECT substr(on_date, 1, 7), sum(minutes), count(DISTINCT volunteer_id)
           FROM hour_entries WHERE on_date BETWEEN ?1 AND ?2 GROUP BY 1",
    )?;
    run("SELECT wmo_desk, service_id, count(*) FROM referrals WHERE sent_on BETWEEN ?1 AND ?2 GROUP BY 1, 2")?;
    run(
        "SELECT concern_id, place_kind, outcome, count(*), count(resident_id), sum(not_right)
           FROM signals WHERE noticed_on BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3",
    )?;
    Ok(())
}

pub fn run(db: &mut Db, today: NaiveDate) -> Result<()> {
    let year = today.year();
    let choice = PeriodChoice::Year { year };
    pair(
        "meeting_figures_year",
        || results::for_choice(db.conn(), &choice, today).map(drop),
        || {
            raw(
                db.conn(),
                &format!("{year}-01-01"),
                &format!("{year}-12-31"),
            )?;
            raw(
                db.conn(),
                &format!("{}-01-01", year - 1),
                &format!("{}-12-31", year - 1),
            )
        },
    )
}
