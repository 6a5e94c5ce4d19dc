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
use buurtpunt_core::store::time::iso;
use buurtpunt_core::store::vault::Vault;
use buurtpunt_core::Result;
use chrono::NaiveDateTime;

use super::{median_ms_n, print, PASS};

const CASES: usize = 80_000;

/// What an expert would write for the notice: the residents that may go
/// (entered before the cutoff, or volunteers) minus every reason to keep
/// them, as set differences; then the other counts.
const RAW_DUE: &str = "
    WITH due_ids(id) AS (
        SELECT id FROM residents WHERE anonymised_on IS NULL AND created_at < ?1
        UNION SELECT r.id FROM volunteers v JOIN residents r ON r.id = v.resident_id WHERE r.anonymised_on IS NULL
        EXCEPT SELECT resident_id FROM help_requests
                WHERE status IN ('new', 'in_progress', 'matched') AND anonymised_on IS NULL
        EXCEPT SELECT resident_id FROM help_requests
                WHERE status IN ('done', 'referred', 'lapsed') AND anonymised_on IS NULL AND updated_at >= ?1
        EXCEPT SELECT resident_id FROM signals WHERE status <> 'closed'
        EXCEPT SELECT resident_id FROM volunteers WHERE NOT (status = 'stopped' AND status_since < ?2)
        EXCEPT SELECT h.resident_id FROM contact_log l JOIN help_requests h ON h.id = l.request_id
                WHERE l.on_date >= ?1 AND h.anonymised_on IS NULL)
    SELECT (SELECT count(*) FROM due_ids)
           + (SELECT count(*) FROM help_requests h
               WHERE h.resident_id IS NULL AND h.anonymised_on IS NULL
                 AND h.status IN ('done', 'referred', 'lapsed') AND h.updated_at < ?1
                 AND NOT EXISTS (SELECT 1 FROM contact_log l WHERE l.request_id = h.id AND l.on_date >= ?1)),
           (SELECT count(*) FROM due_ids d JOIN volunteers v ON v.resident_id = d.id),
           (SELECT count(*) FROM signals WHERE outcome = 'nothing_needed' AND status = 'closed'
               AND closed_on < ?3 AND anonymised_on IS NULL)
           + (SELECT count(*) FROM audit_log WHERE at < ?4)
           + (SELECT count(*) FROM (SELECT made_at FROM exports UNION ALL SELECT made_at FROM report_exports
               UNION ALL SELECT made_at FROM full_exports UNION ALL SELECT made_at FROM privacy_exports)
               WHERE made_at < ?5)";

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
    // The first read after the unlock (a fresh connection: nothing of the
    // file in SQLite's page cache yet), then warm.
    {
        let (key, key_file) = vault.unlock_key(PASS, now)?;
        let fresh = vault.open(&key, &key_file, now)?.db;
        let t = Instant::now();
        retention::due(fresh.conn(), &terms, today)?;
        print("retention_due_first_call", t.elapsed().as_secs_f64() * 1e3);
    }
    print(
        "retention_due",
        median_ms_n(7, || retention::due(db.conn(), &terms, today).map(drop))?,
    );
    let cut = |months: u32| {
        today
            .checked_sub_months(chrono::Months::new(months))
            .map(iso)
            .unwrap_or_default()
    };
    let (requests, volunteers) = (cut(terms.requests), cut(terms.volunteers));
    let (signals, audit, exports) = (cut(terms.signals), cut(terms.audit), cut(terms.exports));
    print(
        "retention_due_raw_sql",
        median_ms_n(7, || {
            db.conn()
                .query_row(
                    RAW_DUE,
                    [&requests, &volunteers, &signals, &audit, &exports],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, i64>(2)?,
                        ))
                    },
                )
                .map(drop)
                .map_err(Into::into)
        })?,
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
