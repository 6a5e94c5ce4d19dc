//! The audit log's machinery (logboek): the hash that chains the entries,
//! the triggers that write a line for every change to a personal table, the
//! one insert for views and exports, and the check of the chain.
//!
//! Every line goes through the view `audit_entry` (migration 012), whose
//! INSTEAD OF trigger adds the number, the moment (SQLite's clock: no caller
//! can forget or choose it), the contact person of `audit_actor` and the
//! hash. So a change and its line are one statement of one transaction: a
//! rolled-back change leaves no line, and no write path can skip it.

pub mod chain;
pub(crate) mod triggers;
pub mod trim;

use blake2::digest::consts::U32;
use blake2::{Blake2b, Digest};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Result;

/// What was done to a record. Stored as the Dutch word the log shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "AuditAction")]
pub enum Action {
    /// A resident's page or a request's page was opened.
    Viewed,
    Created,
    Changed,
    /// Data left the app in a file (handover, report, backup).
    Exported,
    Anonymised,
    Removed,
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::Viewed,
        Action::Created,
        Action::Changed,
        Action::Exported,
        Action::Anonymised,
        Action::Removed,
    ];

    /// The word stored in `audit_log.action` (and in the hash).
    pub fn word(self) -> &'static str {
        match self {
            Action::Viewed => "bekeken",
            Action::Created => "aangemaakt",
            Action::Changed => "gewijzigd",
            Action::Exported => "geëxporteerd",
            Action::Anonymised => "geanonimiseerd",
            Action::Removed => "gewist",
        }
    }

    pub fn from_word(word: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.word() == word)
    }
}

impl rusqlite::types::FromSql for Action {
    fn column_result(v: ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let word = v.as_str()?;
        Action::from_word(word).ok_or_else(|| {
            rusqlite::types::FromSqlError::Other(format!("unknown audit action {word:?}").into())
        })
    }
}

/// The SQL name of the hash function.
pub(crate) const HASH_FUNCTION: &str = "audit_hash";
/// The values one hash covers: the previous hash, then the entry's number,
/// moment, contact person (id, name), action, kind, record, resident, fields.
pub(crate) const HASHED_VALUES: i32 = 10;
/// Keeps this hash apart from any other BLAKE2b use.
const DOMAIN: &[u8] = b"buurtpunt-logboek-v1";

/// BLAKE2b-256 over the values, each with its type and length, so no two
/// different entries hash the same text. Lower-case hex.
pub(crate) fn hash(values: &[ValueRef<'_>]) -> String {
    let mut h = Blake2b::<U32>::new();
    h.update(DOMAIN);
    for v in values {
        match v {
            ValueRef::Null => h.update([0u8]),
            ValueRef::Integer(i) => {
                h.update([1u8]);
                h.update(i.to_le_bytes());
            }
            ValueRef::Real(f) => {
                h.update([2u8]);
                h.update(f.to_le_bytes());
            }
            ValueRef::Text(t) => {
                h.update([3u8]);
                h.update((t.len() as u64).to_le_bytes());
                h.update(t);
            }
            ValueRef::Blob(b) => {
                h.update([4u8]);
                h.update((b.len() as u64).to_le_bytes());
                h.update(b);
            }
        }
    }
    hex::encode(h.finalize())
}

/// Make `audit_hash` known to this connection. Every connection that may
/// write a personal table needs it: without it the log's trigger fails, and
/// so does the change (nothing is changed without its line).
pub(crate) fn register(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        HASH_FUNCTION,
        HASHED_VALUES,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let values = (0..ctx.len())
                .map(|i| ctx.get_raw(i))
                .collect::<Vec<ValueRef<'_>>>();
            Ok(hash(&values))
        },
    )?;
    Ok(())
}

/// A record as the log names it: its kind (`resident`, `request`, ...) and
/// id, and the resident whose file it belongs to (for "Wie heeft dit
/// dossier bekeken of gewijzigd").
#[derive(Debug, Clone, Copy)]
pub struct Subject {
    pub kind: &'static str,
    pub id: Option<i64>,
    pub resident_id: Option<i64>,
}

/// Write one line, inside the caller's transaction: a view or an export
/// (changes are written by the triggers).
pub fn record(conn: &Connection, action: Action, subject: Subject) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_entry (action, kind, record_id, resident_id, fields)
         VALUES (?1, ?2, ?3, ?4, '')",
    )?
    .execute(params![
        action.word(),
        subject.kind,
        subject.id,
        subject.resident_id
    ])?;
    Ok(())
}
