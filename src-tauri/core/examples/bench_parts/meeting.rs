//! Bench part: the meeting's figures for a year (target ≤ 100 ms), beside
//! the same aggregates counted from scratch in plain SQL without
//! suppression or assembly; the figures read the months that have passed
//! from `results_months`, so the cold and after-an-edit lines show what a
//! month that must be counted again costs.

use buurtpunt_core::results::{self, PeriodChoice};
use buurtpunt_core::{Db, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{median_ms_n, pair, print};

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
    // Closed in the period: the last closing step lies in it, and the
    // request is still closed. Led by the closing steps of the period.
    run("SELECT h.close_kind, h.status, count(*)
           FROM contact_log l INDEXED BY contact_log_closing
                CROSS JOIN help_requests h ON h.id = l.request_id
          WHERE l.status IN ('done', 'referred', 'lapsed') AND l.on_date BETWEEN ?1 AND ?2
            AND h.status IN ('done', 'referred', 'lapsed')
            AND NOT EXISTS (SELECT 1 FROM contact_log n
                             WHERE n.request_id = l.request_id AND n.on_date >= l.on_date
                               AND n.status IN ('done', 'referred', 'lapsed')
                               AND (n.on_date, n.id) > (l.on_date, l.id))
          GROUP BY 1, 2")?;
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
    // The first look at a year: no month kept yet (after an update of the
    // app that counts differently, or the very first meeting).
    print(
        "meeting_figures_year_cold",
        median_ms_n(7, || {
            db.conn().execute("DELETE FROM results_months", [])?;
            results::for_choice(db.conn(), &choice, today).map(drop)
        })?,
    );
    // After an hour entry of last March was corrected: that month is
    // counted again, the others are kept.
    let mut minutes = 60;
    print(
        "meeting_figures_year_after_edit",
        median_ms_n(15, || {
            minutes = if minutes == 60 { 90 } else { 60 };
            db.conn().execute(
                "UPDATE hour_entries SET minutes = ?1
                  WHERE id = (SELECT id FROM hour_entries WHERE on_date >= ?2 ORDER BY on_date LIMIT 1)",
                rusqlite::params![minutes, format!("{year}-03-01")],
            )?;
            results::for_choice(db.conn(), &choice, today).map(drop)
        })?,
    );
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
