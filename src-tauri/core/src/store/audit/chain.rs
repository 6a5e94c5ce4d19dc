//! The check of the chain ("Logboek controleren"): every entry's hash is
//! computed again from the entry and the hash before it, and the numbers
//! must follow each other without a gap.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::hash;
use crate::Result;

/// What is wrong with the first broken entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ChainProblem")]
pub enum Problem {
    /// The entry is not what was written (or the one before it changed).
    Changed,
    /// One or more entries before this one are gone.
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "ChainBreak")]
pub struct Broken {
    /// The entry's number.
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub problem: Problem,
}

/// The outcome of the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChainCheck {
    /// Entries read.
    #[ts(type = "number")]
    pub entries: i64,
    /// The first entry where the chain breaks; `None`: intact.
    pub broken: Option<Broken>,
}

/// Read the whole log in order and check every link. Stops at the first
/// break (everything after it follows from a broken hash).
pub fn check(conn: &Connection) -> Result<ChainCheck> {
    let start: Option<(i64, String)> = conn
        .query_row("SELECT last_id, hash FROM audit_start", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let (mut last_id, mut prev) = match start {
        Some((id, h)) => (id, Some(h)),
        None => (0, None),
    };
    let mut stmt = conn.prepare(
        "SELECT id, at, actor_id, actor, action, kind, record_id, resident_id, fields, hash
         FROM audit_log ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut entries = 0;
    while let Some(r) = rows.next()? {
        entries += 1;
        let id: i64 = r.get(0)?;
        let at: String = r.get(1)?;
        if id != last_id + 1 {
            return Ok(ChainCheck {
                entries,
                broken: Some(Broken {
                    id,
                    at,
                    problem: Problem::Missing,
                }),
            });
        }
        let prev_ref = match &prev {
            Some(p) => rusqlite::types::ValueRef::Text(p.as_bytes()),
            None => rusqlite::types::ValueRef::Null,
        };
        let mut values = vec![prev_ref];
        for i in 0..9 {
            values.push(r.get_ref(i)?);
        }
        let want = hash(&values);
        let stored: String = r.get(9)?;
        if want != stored {
            return Ok(ChainCheck {
                entries,
                broken: Some(Broken {
                    id,
                    at,
                    problem: Problem::Changed,
                }),
            });
        }
        last_id = id;
        prev = Some(stored);
    }
    Ok(ChainCheck {
        entries,
        broken: None,
    })
}
