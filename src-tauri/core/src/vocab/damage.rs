//! What is wrong with a database file that cannot be used: the words of the
//! restore screen. Every kind leads there; none ever leads to a new, empty
//! help point. (The store finds the damage; the error type carries it.)

use serde::Serialize;
use ts_rs::TS;

/// Why the database file cannot be used, for the restore screen's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DamageKind {
    /// `buurtpunt.db` is gone while the key file says a help point exists.
    Missing,
    /// The file is empty or far too short (a full disk, a sync tool, a copy
    /// that stopped half-way).
    Empty,
    /// The file cannot be read with this key: another program's file, or
    /// its first page is damaged.
    Unreadable,
    /// Readable, but not a Buurtpunt database (no schema, version 0).
    NotBuurtpunt,
    /// Pages fail their check (found at unlock, in the background check, or
    /// by a screen while working).
    Unsound,
}

/// The kind of damage and the technical detail (English, for the fold-out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub kind: DamageKind,
    pub detail: String,
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.detail)
    }
}
