//! The run that anonymises what passed its term, in steps of one
//! transaction each (about [`BATCH`] requests), so the app stays usable
//! between steps and the UI can show progress. The caller keeps the cursor
//! (`after`): a step starts after the last resident the previous one did.

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::{cutoff, Terms, COLLECTIVE, DOSSIERS, SIGNALS};
use crate::anonymise;
use crate::store::audit::trim;
use crate::{Db, Result};

/// About this many requests are anonymised in one transaction.
pub const BATCH: usize = 500;

/// What one step did, and where the next one starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "RetentionProgress")]
pub struct Progress {
    /// Files (residents and collective requests) anonymised in this step.
    #[ts(type = "number")]
    pub dossiers: i64,
    /// Requests anonymised in this step.
    #[ts(type = "number")]
    pub requests: i64,
    #[ts(type = "number")]
    pub signals: i64,
    #[ts(type = "number")]
    pub audit_entries: i64,
    #[ts(type = "number")]
    pub export_logs: i64,
    /// The next step starts after this resident.
    #[ts(type = "number")]
    pub after: i64,
    /// Nothing due is left.
    pub finished: bool,
}

fn ids(tx: &Transaction<'_>, sql: &str, params: impl rusqlite::Params) -> Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The small kinds, all at once: signals, collective requests, old audit
/// entries and export logs.
fn small_kinds(
    tx: &Transaction<'_>,
    terms: &Terms,
    today: NaiveDate,
    p: &mut Progress,
) -> Result<()> {
    let signal_ids = ids(
        tx,
        &format!("SELECT id {SIGNALS}"),
        [cutoff(today, terms.signals, "signalKeepMonths")?],
    )?;
    p.signals = anonymise::signals(tx, &signal_ids, today)? as i64;
    let requests = cutoff(today, terms.requests, "requestKeepMonths")?;
    let collective = ids(tx, &format!("SELECT h.id {COLLECTIVE}"), [&requests])?;
    let n = anonymise::requests(tx, &collective, today)? as i64;
    p.dossiers += n;
    p.requests += n;
    let exports = cutoff(today, terms.exports, "exportKeepMonths")?;
    for table in [
        "exports",
        "report_exports",
        "full_exports",
        "privacy_exports",
    ] {
        p.export_logs += tx.execute(
            &format!("DELETE FROM {table} WHERE made_at < ?1"),
            [&exports],
        )? as i64;
    }
    p.audit_entries = trim::remove_before(tx, &cutoff(today, terms.audit, "auditKeepMonths")?)?;
    Ok(())
}

/// One step: on the first (`after` = 0) the small kinds, then residents'
/// files after `after`, in id order, until about [`BATCH`] requests.
pub fn step(db: &mut Db, terms: &Terms, today: NaiveDate, after: i64) -> Result<Progress> {
    let requests = cutoff(today, terms.requests, "requestKeepMonths")?;
    let volunteers = cutoff(today, terms.volunteers, "volunteerKeepMonths")?;
    db.write(|tx| {
        let mut p = Progress {
            after,
            ..Progress::default()
        };
        if after == 0 {
            small_kinds(tx, terms, today, &mut p)?;
        }
        let due = ids(
            tx,
            &format!("SELECT r.id {DOSSIERS} AND r.id > ?3 ORDER BY r.id LIMIT ?4"),
            rusqlite::params![requests, volunteers, after, BATCH as i64],
        )?;
        let mut all = true;
        for (i, id) in due.iter().enumerate() {
            let done = anonymise::resident(tx, *id, today)?;
            p.dossiers += done.residents as i64;
            p.requests += done.requests as i64;
            p.signals += done.signals as i64;
            p.after = *id;
            if p.requests >= BATCH as i64 && i + 1 < due.len() {
                all = false;
                break;
            }
        }
        p.finished = all && due.len() < BATCH;
        Ok(p)
    })
}

/// Every step until nothing is left, telling `progress` after each (core
/// tests and the bench; the app steps from the UI).
pub fn run(
    db: &mut Db,
    terms: &Terms,
    today: NaiveDate,
    mut progress: impl FnMut(&Progress),
) -> Result<Progress> {
    let mut total = Progress::default();
    loop {
        let p = step(db, terms, today, total.after)?;
        progress(&p);
        total.dossiers += p.dossiers;
        total.requests += p.requests;
        total.signals += p.signals;
        total.audit_entries += p.audit_entries;
        total.export_logs += p.export_logs;
        total.after = p.after;
        if p.finished {
            total.finished = true;
            return Ok(total);
        }
    }
}

/// At unlock: signals closed with "niets nodig" past their term are
/// anonymised without asking (a small indexed read; no write when none).
pub fn signals_at_unlock(db: &mut Db, terms: &Terms, today: NaiveDate) -> Result<usize> {
    let before = cutoff(today, terms.signals, "signalKeepMonths")?;
    let due: bool = db.conn().query_row(
        &format!("SELECT EXISTS (SELECT 1 {SIGNALS})"),
        [&before],
        |r| r.get(0),
    )?;
    if !due {
        return Ok(0);
    }
    db.write(|tx| {
        let signal_ids = ids(tx, &format!("SELECT id {SIGNALS}"), [&before])?;
        anonymise::signals(tx, &signal_ids, today)
    })
}
