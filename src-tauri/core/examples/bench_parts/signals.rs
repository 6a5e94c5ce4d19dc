//! Bench part: pattern detection over 20 000 signals (target ≤ 20 ms), with
//! the best plain SQL for the same answer as the baseline. Fictional places.

use buurtpunt_core::settings::Settings;
use buurtpunt_core::signals;
use buurtpunt_core::{Db, Result};
use chrono::{Days, NaiveDate};
use rusqlite::params;

use super::{pair, print};

const KERNEN: usize = 30;
const STREETS_PER_KERN: usize = 12;

/// `n` signals spread over ten years up to `today`, over 30 kernen of 12
/// streets, eight concerns; a few streets get a pattern in the last weeks.
fn generate(db: &mut Db, today: NaiveDate, n: usize) -> Result<()> {
    db.write(|tx| {
        let mut stmt = tx.prepare(
            "INSERT INTO signals (noticed_on, noticer_kind, place_kind, street, kern, concern_id, life_area,
                 not_right, note, status, outcome, closed_on, created_at, updated_at)
             VALUES (?1, 'anonymous', ?2, ?3, ?4, ?5, 'other', ?6, 'Gezien in de straat.', ?7, ?8, ?9,
                 '2026-01-01T00:00:00', '2026-01-01T00:00:00')",
        )?;
        for i in 0..n {
            let planted = i % 1000 == 0;
            let ago = if planted { (i % 50) as u64 } else { (i * 7919 % 3650) as u64 };
            let day = today - Days::new(ago);
            let kern = format!("Kern {}", if planted { 1 } else { i % KERNEN });
            let street = format!("Straat {}", if planted { 1 } else { (i / KERNEN) % STREETS_PER_KERN });
            let place = if i % 10 == 0 { "kern" } else if i % 25 == 1 { "village" } else { "street" };
            let concern = if planted { 1 } else { 1 + (i % 8) as i64 };
            let closed = ago > 60 && i % 3 != 0;
            let outcome: Option<&str> = closed.then_some(if i % 2 == 0 { "nothing_needed" } else { "passed_on" });
            stmt.execute(params![
                day.format("%Y-%m-%d").to_string(),
                place,
                if place == "street" { street } else { String::new() },
                if place == "village" { String::new() } else { kern },
                concern,
                i % 7 == 0,
                if closed { "closed" } else { "new" },
                outcome,
                closed.then(|| (day + Days::new(14)).format("%Y-%m-%d").to_string()),
            ])?;
        }
        Ok(())
    })
}

/// The same answer in the plainest SQL: count per concern and place in the
/// window, keep the groups with enough (no labels, no order, no dates).
fn raw(db: &Db, from: &str, to: &str) -> Result<()> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT concern_id, place_kind, kern, street, count(*) FROM signals
         WHERE noticed_on BETWEEN ?1 AND ?2 AND place_kind IN ('street', 'kern')
           AND collective_request_id IS NULL AND ifnull(outcome, '') <> 'nothing_needed'
         GROUP BY concern_id, place_kind, kern, street HAVING count(*) >= ?3",
    )?;
    let rows = stmt.query_map(params![from, to, 3], |r| r.get::<_, i64>(4))?;
    let n = rows.collect::<rusqlite::Result<Vec<_>>>()?.len();
    std::hint::black_box(n);
    Ok(())
}

pub fn run(db: &mut Db, today: NaiveDate) -> Result<()> {
    let n = super::arg("--signals", 20_000);
    let t = std::time::Instant::now();
    generate(db, today, n)?;
    eprintln!(
        "signals: {n} generated in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let settings = Settings::default();
    let found = signals::patterns(db.conn(), today, &settings)?;
    eprintln!("signals: {} patterns today", found.len());
    let from = (today - Days::new(55)).format("%Y-%m-%d").to_string();
    let to = today.format("%Y-%m-%d").to_string();
    pair(
        "signal_patterns",
        || signals::patterns(db.conn(), today, &settings).map(drop),
        || raw(db, &from, &to),
    )?;
    let year = today - Days::new(365);
    print(
        "signal_figures_year",
        super::median_ms(|| signals::figures(db.conn(), year, today).map(drop))?,
    );
    Ok(())
}
