//! Bench part: retention on the large data set. `retention_due` is the
//! notice on Vandaag (read at every unlock and hourly while open);
//! `anonymise_80k_closed` anonymises 80 000 closed requests (texts, contact
//! log, matches, hours' notes, search rows) in steps of 500 requests, one
//! transaction each, as the app does; `anonymise_step_500_max` is the
//! longest step, i.e. the longest the window waits for the database while
//! it runs. It works on a copy of the data set, so `--reuse` can run again.

use std::time::Instant;

use buurtpunt_core::anonymise;
use buurtpunt_core::retention::{self, Terms};
use buurtpunt_core::settings;
use buurtpunt_core::store::vault::Vault;
use buurtpunt_core::Result;
use chrono::NaiveDateTime;

use super::{median_ms_n, print, PASS};

const CASES: usize = 80_000;

/// Copy the database and its key file (and WAL) of `from` into `to`.
fn copy(from: &Vault, to: &Vault) -> Result<()> {
    for (a, b) in [
        (from.db_path(), to.db_path()),
        (from.key_path(), to.key_path()),
    ] {
        std::fs::copy(&a, &b)?;
        let wal = a.with_file_name(format!(
            "{}-wal",
            a.file_name().unwrap_or_default().to_string_lossy()
        ));
        if wal.exists() {
            std::fs::copy(
                &wal,
                b.with_file_name(format!(
                    "{}-wal",
                    b.file_name().unwrap_or_default().to_string_lossy()
                )),
            )?;
        }
    }
    Ok(())
}

pub fn run(data: &Vault, now: NaiveDateTime) -> Result<()> {
    let temp = tempfile::tempdir()?;
    let vault = Vault::new(temp.path());
    copy(data, &vault)?;
    let (key, key_file) = vault.unlock_key(PASS, now)?;
    let mut db = vault.open(&key, &key_file, now)?.db;
    let today = now.date();
    let terms = Terms::of(&settings::get(db.conn())?);
    print(
        "retention_due",
        median_ms_n(7, || retention::due(db.conn(), &terms, today).map(drop))?,
    );
    let ids: Vec<i64> = {
        let mut stmt = db.conn().prepare(
            "SELECT id FROM help_requests
              WHERE status IN ('done', 'referred', 'lapsed') AND anonymised_on IS NULL
              ORDER BY id LIMIT ?1",
        )?;
        let rows = stmt.query_map([CASES as i64], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut longest: f64 = 0.0;
    let t = Instant::now();
    for batch in ids.chunks(retention::BATCH) {
        let s = Instant::now();
        db.write(|tx| anonymise::requests(tx, batch, today))?;
        longest = longest.max(s.elapsed().as_secs_f64() * 1000.0);
    }
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    eprintln!(
        "anonymised {} closed requests in {ms:.0} ms (the line is scaled to {CASES})",
        ids.len()
    );
    if !ids.is_empty() {
        print("anonymise_80k_closed", ms * CASES as f64 / ids.len() as f64);
    }
    print("anonymise_step_500_max", longest);
    Ok(())
}
