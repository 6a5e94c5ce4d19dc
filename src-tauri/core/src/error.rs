//! The one error type of the core. Each variant has a stable `code()` that the
//! UI maps to a Dutch sentence; the UI never matches on message text.

use crate::vocab::FieldError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// One or more fields did not pass validation; nothing was saved.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The record does not exist (any more).
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: i64 },
    /// The passphrase does not open the key file.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The recovery key does not open the key file.
    #[error("wrong recovery key")]
    WrongRecoveryKey,
    /// A new passphrase is shorter than the minimum.
    #[error("passphrase shorter than {min} characters")]
    WeakPassphrase { min: usize },
    /// Tried to start a new help point where one exists already.
    #[error("a help point already exists in this data folder")]
    AlreadySetUp,
    /// Tried to unlock where no help point was ever started.
    #[error("no help point has been started in this data folder")]
    NotSetUp,
    /// The database is closed: unlock first.
    #[error("the database is locked")]
    Locked,
    /// The database file is missing, empty, unreadable, not Buurtpunt's, or
    /// fails its integrity check: the restore screen, never a new database.
    #[error("the database is damaged: {0}")]
    Damaged(crate::vocab::Damage),
    /// The key file (which holds the wrapped database key) is unreadable.
    #[error("the key file is damaged: {0}")]
    KeyFileDamaged(String),
    /// The key file is gone while the database is there: the passphrase
    /// alone cannot open it; the recovery key (or a backup's copy) can.
    #[error("the key file is missing")]
    KeyFileMissing,
    /// The file is a backup or database without its own key: only the
    /// recovery key can open it.
    #[error("this file can only be opened with the recovery key")]
    NeedsRecoveryKey,

    /// The database was written by a newer Buurtpunt.
    #[error("database schema {found} is newer than this app understands ({supported})")]
    TooNew { found: i64, supported: i64 },
    /// A resident with the same name and address exists; saving needs confirmation.
    #[error("likely duplicate of {ids:?}")]
    LikelyDuplicate { ids: Vec<i64> },
    /// The resident already has a volunteer profile.
    #[error("resident {id} is already a volunteer")]
    AlreadyVolunteer { id: i64 },
    /// The volunteer is already linked to this request.
    #[error("the volunteer is already linked to this request")]
    AlreadyMatched,
    /// A hard rule (status, absence, refused task, VOG) stops this match.
    #[error("volunteer {id} cannot be matched now")]
    NotAvailable { id: i64 },
    /// No valid consent of the resident covers this recipient: nothing is shared.
    #[error("no valid consent of resident {resident_id} for this recipient")]
    NoConsent { resident_id: i64 },
    /// The request is closed: reopen it first.
    #[error("request {id} is closed")]
    RequestClosed { id: i64 },
    /// A status change that the request lifecycle does not allow.
    #[error("status change from {from} to {to} is not allowed")]
    InvalidTransition { from: String, to: String },
    /// The chosen file is not a Buurtpunt backup made with this key.
    #[error("not a usable backup: {0}")]
    BadBackup(String),
    /// The chosen file is not a spreadsheet Buurtpunt can read (binary,
    /// damaged, another format, or far too wide).
    #[error("not a readable spreadsheet: {0}")]
    ImportUnreadable(String),
    /// The spreadsheet has no rows with data under its column names.
    #[error("the spreadsheet has no rows with data")]
    ImportEmpty,
    /// The first row holds data, not column names.
    #[error("the first row holds data, not column names")]
    ImportNoHeader,
    /// More rows than one import takes.
    #[error("the spreadsheet has {found} rows; at most {max} can be imported at once")]
    ImportTooManyRows { found: u32, max: u32 },
    /// The file is larger than an import reads.
    #[error("the file is larger than {max_mb} MB")]
    ImportFileTooLarge { max_mb: u32 },
    /// The check found rows with problems (or the columns are not chosen
    /// well): nothing was imported.
    #[error("{rows} rows have problems; nothing was imported")]
    ImportNotReady { rows: u32 },
    /// The chosen file is not an HSDS social map (JSON or a ZIP of CSV files).
    #[error("not a readable HSDS file: {0}")]
    HsdsUnreadable(String),
    /// The HSDS file holds no organisations.
    #[error("the HSDS file holds no organisations")]
    HsdsEmpty,
    /// Encryption or key derivation failed (not a wrong passphrase).
    #[error("crypto failure: {0}")]
    Crypto(String),
    /// A handover file (PDF, JSON or CSV) could not be written.
    #[error("the handover file could not be made: {0}")]
    Handover(String),
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("stored data could not be read: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    /// Stable machine-readable code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::WrongPassphrase => "wrong_passphrase",
            Error::WrongRecoveryKey => "wrong_recovery_key",
            Error::WeakPassphrase { .. } => "weak_passphrase",
            Error::AlreadySetUp => "already_set_up",
            Error::NotSetUp => "not_set_up",
            Error::Locked => "locked",
            Error::Damaged(_) => "database_damaged",
            Error::KeyFileDamaged(_) => "key_file_damaged",
            Error::KeyFileMissing => "key_file_missing",
            Error::NeedsRecoveryKey => "needs_recovery_key",

            Error::TooNew { .. } => "database_too_new",
            Error::LikelyDuplicate { .. } => "likely_duplicate",
            Error::InvalidTransition { .. } => "invalid_transition",
            Error::AlreadyVolunteer { .. } => "already_volunteer",
            Error::AlreadyMatched => "already_matched",
            Error::NotAvailable { .. } => "not_available",
            Error::RequestClosed { .. } => "request_closed",
            Error::NoConsent { .. } => "no_consent",
            Error::BadBackup(_) => "bad_backup",
            Error::ImportUnreadable(_) => "import_unreadable",
            Error::ImportEmpty => "import_empty",
            Error::ImportNoHeader => "import_no_header",
            Error::ImportTooManyRows { .. } => "import_too_many_rows",
            Error::ImportFileTooLarge { .. } => "import_file_too_large",
            Error::ImportNotReady { .. } => "import_not_ready",
            Error::HsdsUnreadable(_) => "hsds_unreadable",
            Error::HsdsEmpty => "hsds_empty",
            Error::Crypto(_) => "crypto",
            Error::Handover(_) => "handover_failed",
            // A page that fails its check while the app is open: the UI
            // asks for a full check and shows the restore screen.
            Error::Sql(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                "database_damaged"
            }
            // A full disk or an unwritable folder: nothing was saved, what
            // was saved before is safe, and it works again once there is room.
            Error::Sql(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DiskFull
                    || f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE =>
            {
                "disk_full"
            }
            Error::Sql(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::SystemIoFailure
                        | rusqlite::ErrorCode::ReadOnly
                        | rusqlite::ErrorCode::CannotOpen
                        | rusqlite::ErrorCode::PermissionDenied
                ) =>
            {
                "storage_unavailable"
            }
            Error::Sql(_) => "database",
            Error::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => "disk_full",
            Error::Io(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
                ) =>
            {
                "storage_unavailable"
            }
            Error::Io(_) => "io",
            Error::Migration(_) => "migration",
            Error::Json(_) => "stored_data",
        }
    }

    /// The field errors, when this is a validation error.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            Error::Invalid(f) => f,
            _ => &[],
        }
    }
}

/// What the UI receives for an error: a stable code plus details it can use.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    /// Technical detail (English), for the log and the "details" fold-out.
    pub message: String,
    pub fields: Vec<FieldError>,
    /// For `likely_duplicate`: the ids of the existing residents.
    #[ts(type = "number[]")]
    pub ids: Vec<i64>,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.code().to_owned(),
            message: e.to_string(),
            fields: e.fields().to_vec(),
            ids: match e {
                Error::LikelyDuplicate { ids } => ids.clone(),
                _ => Vec::new(),
            },
        }
    }
}
