//! Anonymising: removing what makes a record about a person while keeping
//! what the figures count. Irreversible.
//!
//! Removed: names, addresses, phone numbers, e-mail addresses, dates of birth
//! (the age band stays), every free text, the network, consents, tags, the
//! search rows. Kept: life areas, kern, dates (month), channel, scope,
//! status and outcome kind, hours and kilometres, counts, the links between
//! records. So the meeting's and the report's figures are the same before
//! and after (`tests/retention.rs` proves it); no column a figure counts is
//! touched, so no kept month (`results_months`) changes either.
//!
//! The functions work inside the caller's transaction. While they run, the
//! per-row audit triggers are quiet (`audit_quiet`); each record gets one
//! "geanonimiseerd" line instead (kind and id, no values). Deleted and
//! overwritten text does not linger: `secure_delete` is on for every
//! connection and the search indexes use FTS5's secure-delete (migration
//! 015).
//!
//! The API (stable; the erasure of a person builds on it):
//! - [`resident`]: one person's whole file (their record, requests,
//!   volunteer profile, signals about them, consents, export log paths);
//! - [`requests`]: requests only (a collective request, or a case);
//! - [`signals`]: signals only (one that led to nothing, past its term).

mod records;

use chrono::NaiveDate;
use rusqlite::Transaction;

use crate::store::audit::{self, Action, Subject};
use crate::Result;

/// What a resident's names become.
pub const PLACEHOLDER: &str = "Geanonimiseerd";

/// What one call anonymised (records not already anonymised).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Done {
    pub residents: usize,
    pub requests: usize,
    pub signals: usize,
}

impl Done {
    pub fn add(&mut self, other: Done) {
        self.residents += other.residents;
        self.requests += other.requests;
        self.signals += other.signals;
    }
}

/// Run `f` with the per-row audit lines off, and switch them on again
/// whatever `f` returns (also when the caller would go on after an error).
fn quietly<T>(tx: &Transaction<'_>, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
    let already: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM audit_quiet)", [], |r| {
        r.get(0)
    })?;
    if already {
        return f(tx);
    }
    tx.execute("INSERT INTO audit_quiet (one) VALUES (1)", [])?;
    let out = f(tx);
    tx.execute("DELETE FROM audit_quiet", [])?;
    out
}

fn logged(
    tx: &Transaction<'_>,
    kind: &'static str,
    id: i64,
    resident_id: Option<i64>,
) -> Result<()> {
    audit::record(
        tx,
        Action::Anonymised,
        Subject {
            kind,
            id: Some(id),
            resident_id,
        },
    )
}

/// Anonymise these requests (already anonymised ones are skipped): their
/// texts, contact log notes, agreements, reminders, matches' and hours'
/// notes, referral texts, agenda texts and search rows. Their resident is
/// left as is (see [`resident`]).
pub fn requests(tx: &Transaction<'_>, ids: &[i64], today: NaiveDate) -> Result<usize> {
    quietly(tx, |tx| {
        let mut n = 0;
        for &id in ids {
            if let Some(resident_id) = records::request(tx, id, today)? {
                logged(tx, "request", id, resident_id)?;
                n += 1;
            }
        }
        Ok(n)
    })
}

/// Anonymise these signals (already anonymised ones are skipped): the note,
/// the street, who it was passed to, and the resident it named (it still
/// counts as "about a resident").
pub fn signals(tx: &Transaction<'_>, ids: &[i64], today: NaiveDate) -> Result<usize> {
    quietly(tx, |tx| {
        let mut n = 0;
        for &id in ids {
            if let Some(resident_id) = records::signal(tx, id, today)? {
                logged(tx, "signal", id, resident_id)?;
                n += 1;
            }
        }
        Ok(n)
    })
}

/// Anonymise one person's whole file: their requests, the signals about
/// them, their volunteer profile (notes, tags, absences, check-ins, status
/// reasons), consents, the file names in their export log, their network,
/// and their own record: names become [`PLACEHOLDER`], address, phone,
/// e-mail and date of birth go, the age band on `today` stays, the kern
/// stays. An already anonymised resident is left alone (all zero).
pub fn resident(tx: &Transaction<'_>, id: i64, today: NaiveDate) -> Result<Done> {
    quietly(tx, |tx| {
        let mut done = Done::default();
        if records::is_anonymised(tx, id)? {
            return Ok(done);
        }
        let request_ids = records::requests_of(tx, id)?;
        done.requests = requests(tx, &request_ids, today)?;
        let signal_ids = records::signals_about(tx, id)?;
        done.signals = signals(tx, &signal_ids, today)?;
        records::person(tx, id, today)?;
        logged(tx, "resident", id, Some(id))?;
        done.residents = 1;
        Ok(done)
    })
}
