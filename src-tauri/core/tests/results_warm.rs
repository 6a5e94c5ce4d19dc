//! After an unlock the meeting's months (this year and last year) are
//! counted ahead on a connection of their own and kept, so the first look
//! at a year's figures reads kept months too; a write in between never
//! leaves a month counted before it. Fictional people only.

mod common;

use buurtpunt_core::requests::{self, RequestInput};
use buurtpunt_core::residents;
use buurtpunt_core::results::{self, Figures, PeriodChoice};
use buurtpunt_core::session::Session;
use buurtpunt_core::{Db, Result};
use common::session::{new_session, phone_request, resident, PASS};
use common::{at, today};

fn year(db: &Db, year: i32) -> Result<Figures> {
    results::for_choice(db.conn(), &PeriodChoice::Year { year }, today())
}

fn kept(db: &Db) -> Result<Vec<String>> {
    let mut stmt = db
        .conn()
        .prepare("SELECT month FROM results_months ORDER BY month")?;
    let months = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(months)
}

/// A help point with requests in both years, locked.
fn village(dir: &std::path::Path) -> Result<Session> {
    let mut s = new_session(dir)?;
    let db = s.db()?;
    let who = residents::create(db, resident("Hennie", "Wolters"), false, at(2025, 1, 2))?.id;
    for (y, m) in [(2025, 2), (2025, 9), (2026, 3), (2026, 11)] {
        let mut r: RequestInput = phone_request(who, "Wie helpt met de tuin?");
        r.received_on = format!("{y}-{m:02}-10");
        requests::create(db, r, at(y, m, 10))?;
    }
    db.conn().execute("DELETE FROM results_months", [])?;
    s.lock()?;
    Ok(s)
}

#[test]
fn the_unlock_counts_this_year_and_last_year_ahead() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = village(dir.path())?;
    s.unlock(PASS, at(2026, 11, 23))?;
    s.settle();
    let db = s.db()?;
    let months = kept(db)?;
    let want: Vec<String> = (1..=12)
        .map(|m| format!("2025-{m:02}"))
        .chain((1..=11).map(|m| format!("2026-{m:02}")))
        .collect();
    assert_eq!(months, want, "January of last year up to this month");
    // The figures read from them equal figures counted from scratch.
    let warmed = year(db, 2026)?;
    db.conn().execute("DELETE FROM results_months", [])?;
    assert_eq!(year(db, 2026)?, warmed);
    Ok(())
}

#[test]
fn a_write_right_after_the_unlock_leaves_no_month_counted_before_it() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = village(dir.path())?;
    for _ in 0..5 {
        s.unlock(PASS, at(2026, 11, 23))?;
        // A new request in March while the months may still be counted.
        let db = s.db()?;
        let who = residents::list(db.conn(), &Default::default())?.items[0].id;
        let mut r = phone_request(who, "Kan iemand de ramen lappen?");
        r.received_on = "2026-03-12".into();
        requests::create(db, r, at(2026, 3, 12))?;
        s.settle();
        let db = s.db()?;
        let read = year(db, 2026)?;
        db.conn().execute("DELETE FROM results_months", [])?;
        assert_eq!(year(db, 2026)?, read, "a kept month missed the new request");
        s.lock()?;
    }
    Ok(())
}
