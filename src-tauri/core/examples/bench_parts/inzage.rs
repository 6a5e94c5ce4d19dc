//! Bench part: an inzage (AVG art. 15) as the button makes it, for the
//! person with the most help requests and for the volunteer with the most
//! hours (target ≤ 300 ms): everything collected, PDF and JSON written and
//! synced, logged as an export.

use buurtpunt_core::inzage;
use buurtpunt_core::{Db, Result};
use chrono::NaiveDateTime;
use rusqlite::OptionalExtension;

use super::{median_ms, print};

pub fn run(db: &mut Db, now: NaiveDateTime) -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("Inzage.pdf");
    let most_requests: i64 = db.conn().query_row(
        "SELECT resident_id FROM help_requests WHERE resident_id IS NOT NULL
         GROUP BY resident_id ORDER BY count(*) DESC LIMIT 1",
        [],
        |r| r.get(0),
    )?;
    print(
        "inzage_one_resident",
        median_ms(|| inzage::make(db, most_requests, &path, None, now).map(drop))?,
    );
    let most_hours: Option<i64> = db
        .conn()
        .query_row(
            "SELECT volunteer_id FROM hour_entries GROUP BY volunteer_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(volunteer) = most_hours {
        print(
            "inzage_one_volunteer",
            median_ms(|| inzage::make(db, volunteer, &path, None, now).map(drop))?,
        );
    }
    Ok(())
}
