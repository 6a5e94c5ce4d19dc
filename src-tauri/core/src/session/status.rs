//! What the UI is told about the session: which screen, what runs in the
//! background, and what needs asking.

use serde::Serialize;
use ts_rs::TS;

use crate::store::backup::BackupInfo;
use crate::store::vault::KeyProblem;
use crate::vocab::DamageKind;

/// Which screen the app should show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phase {
    /// Nothing here yet: start a new help point, look at the demo, or
    /// restore a backup.
    Welcome,
    /// A help point exists and is locked.
    Locked,
    /// The database is open.
    Unlocked,
    /// The key was right but the database cannot be used: offer a restore.
    Damaged,
}

/// Work running in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Background {
    /// The full check after a crash (the UI shows a calm notice).
    Check,
    /// Today's backup.
    Backup,
}

/// A backup that holds more than the help point holds now.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LessData {
    pub backup: BackupInfo,
    #[ts(type = "number")]
    pub residents_now: i64,
    #[ts(type = "number")]
    pub requests_now: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppStatus {
    pub phase: Phase,
    /// True while the demo village is open (never the real data).
    pub demo: bool,
    /// Whether a real help point exists in the data folder.
    pub set_up: bool,
    pub data_dir: String,
    /// What is wrong, when `phase` is `damaged` (technical detail).
    pub damage: Option<String>,
    /// The kind of damage, for the restore screen's words.
    pub damage_kind: Option<DamageKind>,
    /// The key file is missing or damaged (`phase` is `locked`).
    pub key_problem: Option<KeyProblem>,
    /// Why today's automatic backup failed, while the data itself is fine
    /// (disk full, read-only folder). The UI asks for a manual backup.
    pub backup_problem: Option<String>,
    /// What runs in the background; the UI asks again until it is `null`.
    pub background: Option<Background>,
    /// A backup with more data than now: the user is asked before it may go.
    pub less_data: Option<LessData>,
    /// Meeting mode is on: the UI shows only the meeting screens.
    pub meeting: bool,
}
