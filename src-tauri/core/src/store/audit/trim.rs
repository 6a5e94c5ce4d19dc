//! The audit log's own retention: the oldest entries go, and the chain
//! keeps its anchor. The number and hash of the last entry removed are
//! written to `audit_start` (migration 012), so the check
//! ([`super::chain::check`]) starts from the first entry kept and still
//! finds any edited or removed entry after it.

use rusqlite::{OptionalExtension, Transaction};

use super::{record, Action, Subject};
use crate::Result;

/// The guard that keeps the log append-only (as migration 012 made it).
const NO_DELETE: &str = "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END";

/// Remove every entry up to the last one written before `before` (a stored
/// stamp or date: `at < before`), inside the caller's transaction, and log
/// one "gewist" line for the removal. Returns how many entries went.
pub fn remove_before(tx: &Transaction<'_>, before: &str) -> Result<i64> {
    let last: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, hash FROM audit_log
              WHERE id = (SELECT max(id) FROM audit_log INDEXED BY audit_log_by_time WHERE at < ?1)",
            [before],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((last_id, hash)) = last else {
        return Ok(0);
    };
    tx.execute_batch("DROP TRIGGER audit_log_no_delete")?;
    let removed = tx.execute("DELETE FROM audit_log WHERE id <= ?1", [last_id])?;
    tx.execute_batch(NO_DELETE)?;
    tx.execute(
        "INSERT OR REPLACE INTO audit_start (one, last_id, hash) VALUES (1, ?1, ?2)",
        rusqlite::params![last_id, hash],
    )?;
    record(
        tx,
        Action::Removed,
        Subject {
            kind: "audit_log",
            id: Some(last_id),
            resident_id: None,
        },
    )?;
    Ok(removed as i64)
}
