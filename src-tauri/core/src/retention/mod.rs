//! Retention: how long each kind of data is kept (the terms, set in
//! Settings), what has passed its term ("12 dossiers zijn langer bewaard dan
//! afgesproken"), and the run that anonymises it in batches ([`step`]).
//!
//! - A resident's file (dossier) is due when nothing of it is open and its
//!   last change is older than the request term; for a volunteer, when they
//!   stopped longer ago than the volunteer term. It is anonymised whole
//!   (`anonymise::resident`): requests, contact log, consents, referrals.
//! - A collective request (no resident) is due like a closed request.
//! - A signal closed with "niets nodig" is due after the signal term; it is
//!   anonymised at unlock without asking ([`signals_at_unlock`]), as the
//!   privacy statement promises.
//! - Audit entries and export logs older than their terms are removed (the
//!   log's chain keeps its anchor in `audit_start`).

mod backups;
mod run;

use chrono::{Months, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

pub use backups::{backups_left, BackupsLeft};
pub use run::{run, signals_at_unlock, step, Progress, BATCH};

use crate::settings::Settings;
use crate::store::time::iso;
use crate::vocab::Rule;
use crate::{Error, Result};

/// The terms in months (from [`Settings`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    pub requests: u32,
    pub volunteers: u32,
    pub signals: u32,
    pub audit: u32,
    pub exports: u32,
}

impl Terms {
    pub fn of(s: &Settings) -> Terms {
        Terms {
            requests: s.request_keep_months,
            volunteers: s.volunteer_keep_months,
            signals: s.signal_keep_months,
            audit: s.audit_keep_months,
            exports: s.export_keep_months,
        }
    }
}

/// The first day still inside a term of `months` (what is older goes).
pub(crate) fn cutoff(today: NaiveDate, months: u32, field: &'static str) -> Result<String> {
    today
        .checked_sub_months(Months::new(months))
        .map(iso)
        .ok_or_else(|| Error::Invalid(vec![crate::vocab::FieldError::new(field, Rule::Number)]))
}

/// What has passed its term today.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Due {
    /// Residents' files (incl. stopped volunteers) and collective requests.
    #[ts(type = "number")]
    pub dossiers: i64,
    /// Of `dossiers`: how many are stopped volunteers.
    #[ts(type = "number")]
    pub volunteers: i64,
    /// Signals closed with "niets nodig" (anonymised at unlock).
    #[ts(type = "number")]
    pub signals: i64,
    #[ts(type = "number")]
    pub audit_entries: i64,
    #[ts(type = "number")]
    pub export_logs: i64,
}

impl Due {
    pub fn is_empty(&self) -> bool {
        self.dossiers == 0 && self.signals == 0 && self.audit_entries == 0 && self.export_logs == 0
    }
}

/// The daily notice: what is due, and what the backups still hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "RetentionNotice")]
pub struct Notice {
    pub due: Due,
    pub backups: BackupsLeft,
}

/// Residents whose file passed its term (`?1` request cutoff, `?2`
/// volunteer cutoff): nothing open, nothing changed since, no open signal.
pub(crate) const DOSSIERS: &str = "FROM residents r INDEXED BY residents_not_anonymised
    WHERE r.anonymised_on IS NULL
      AND NOT EXISTS (SELECT 1 FROM help_requests h INDEXED BY help_requests_by_resident
                       WHERE h.resident_id = r.id AND h.anonymised_on IS NULL
                         AND (h.status IN ('new', 'in_progress', 'matched') OR h.updated_at >= ?1
                              OR EXISTS (SELECT 1 FROM contact_log l INDEXED BY contact_log_by_request
                                          WHERE l.request_id = h.id AND l.on_date >= ?1)))
      AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.resident_id = r.id AND s.status <> 'closed')
      AND NOT EXISTS (SELECT 1 FROM volunteers v WHERE v.resident_id = r.id
                         AND NOT (v.status = 'stopped' AND v.status_since < ?2))
      AND (r.created_at < ?1 OR EXISTS (SELECT 1 FROM volunteers v WHERE v.resident_id = r.id))";

/// The files of [`DOSSIERS`] counted for the notice on Vandaag, read at every
/// unlock: the residents that could be due (entered before the cutoff, or a
/// volunteer) without anyone whose request is open or changed since, whose
/// signal is open or who still volunteers (each answered by an index alone),
/// and only then the contact log of those left. The same answer as counting
/// [`DOSSIERS`] (a test holds them together), without visiting every
/// resident's requests. Gives the count and how many of them volunteered.
pub(crate) const DOSSIERS_DUE: &str = "
    WITH candidates(id) AS (
        SELECT r.id FROM residents r INDEXED BY residents_kept_since
         WHERE r.anonymised_on IS NULL AND r.created_at < ?1
        UNION ALL
        SELECT r.id FROM volunteers v JOIN residents r ON r.id = v.resident_id
         WHERE r.anonymised_on IS NULL AND (r.created_at < ?1) IS NOT 1)
    SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM volunteers v WHERE v.resident_id = c.id))
      FROM candidates c
     WHERE c.id NOT IN (
            SELECT resident_id FROM help_requests INDEXED BY help_requests_open_residents
             WHERE status IN ('new', 'in_progress', 'matched') AND anonymised_on IS NULL
               AND resident_id IS NOT NULL
            UNION ALL
            SELECT resident_id FROM help_requests INDEXED BY help_requests_closed_by_change
             WHERE status IN ('done', 'referred', 'lapsed') AND anonymised_on IS NULL
               AND updated_at >= ?1 AND resident_id IS NOT NULL
            UNION ALL
            SELECT resident_id FROM signals WHERE status <> 'closed' AND resident_id IS NOT NULL
            UNION ALL
            SELECT resident_id FROM volunteers WHERE NOT (status = 'stopped' AND status_since < ?2))
       AND NOT EXISTS (SELECT 1 FROM help_requests h INDEXED BY help_requests_kept_by_resident
                         JOIN contact_log l INDEXED BY contact_log_by_request ON l.request_id = h.id
                        WHERE h.resident_id = c.id AND h.anonymised_on IS NULL AND l.on_date >= ?1)";

/// Collective requests (no resident) past the request term (`?1`).
pub(crate) const COLLECTIVE: &str = "FROM help_requests h INDEXED BY help_requests_closed_by_change
    WHERE h.status IN ('done', 'referred', 'lapsed') AND h.anonymised_on IS NULL
      AND h.updated_at < ?1 AND h.resident_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM contact_log l WHERE l.request_id = h.id AND l.on_date >= ?1)";

/// Signals closed with "niets nodig" past the signal term (`?1`).
pub(crate) const SIGNALS: &str = "FROM signals INDEXED BY signals_to_forget
    WHERE outcome = 'nothing_needed' AND status = 'closed' AND closed_on < ?1
      AND anonymised_on IS NULL";

fn count(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<i64> {
    Ok(conn
        .prepare_cached(&format!("SELECT count(*) {sql}"))?
        .query_row(params, |r| r.get(0))?)
}

/// What has passed its term on `today`. Reads only; a few indexed counts
/// (the files with [`DOSSIERS_DUE`]).
pub fn due(conn: &Connection, terms: &Terms, today: NaiveDate) -> Result<Due> {
    let requests = cutoff(today, terms.requests, "requestKeepMonths")?;
    let volunteers = cutoff(today, terms.volunteers, "volunteerKeepMonths")?;
    let (residents, stopped): (i64, i64) = conn
        .prepare_cached(DOSSIERS_DUE)?
        .query_row([&requests, &volunteers], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let collective = count(conn, COLLECTIVE, [&requests])?;
    let signals = count(
        conn,
        SIGNALS,
        [cutoff(today, terms.signals, "signalKeepMonths")?],
    )?;
    let audit = cutoff(today, terms.audit, "auditKeepMonths")?;
    let audit_entries = count(conn, "FROM audit_log WHERE at < ?1", [&audit])?;
    let exports = cutoff(today, terms.exports, "exportKeepMonths")?;
    let export_logs = count(
        conn,
        "FROM (SELECT made_at FROM exports UNION ALL SELECT made_at FROM report_exports
               UNION ALL SELECT made_at FROM full_exports UNION ALL SELECT made_at FROM privacy_exports)
         WHERE made_at < ?1",
        [&exports],
    )?;
    Ok(Due {
        dossiers: residents + collective,
        volunteers: stopped,
        signals,
        audit_entries,
        export_logs,
    })
}
