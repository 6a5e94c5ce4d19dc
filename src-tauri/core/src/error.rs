//! The one error type of the core. Each variant has a stable `code()` (an
//! [`ErrorCode`], exported to TypeScript) that the UI maps to a Dutch
//! sentence; the UI never matches on message text. A limit the sentence
//! names (rows, megabytes, passphrase length) travels in the payload.

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

    /// Meeting mode is on: only the anonymous meeting screens may read.
    #[error("meeting mode is on")]
    MeetingMode,
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
    /// A handover needs a number to call back on: neither the contact person
    /// nor the help point has a phone number.
    #[error("no phone number to call back on")]
    NoCallbackNumber,
    /// A street or village request has no resident: it cannot be referred
    /// or handed over (that is always about one person).
    #[error("request {id} is collective: no resident to refer")]
    CollectiveRequest { id: i64 },
    /// The pattern is no longer there (signals changed, or it became a request).
    #[error("no such pattern of signals now")]
    NoPattern,
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
    /// The workbook has no sheet of this name.
    #[error("the workbook has no sheet {sheet:?}")]
    ImportNoSuchSheet { sheet: String },
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
    /// The file is not the one the columns were chosen for (or the check
    /// was made on): it was saved again since. Nothing was checked or
    /// imported.
    #[error("the file has changed since it was read")]
    ImportFileChanged,
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
    /// The annual report (PDF or XLSX) could not be made.
    #[error("the annual report could not be made: {0}")]
    Report(String),
    /// The full export ("Alles exporteren") could not be made.
    #[error("the full export could not be made: {0}")]
    FullExport(String),
    /// The annual report's files are there already: replace only when asked.
    #[error("the report files exist already: {files:?}")]
    ReportFilesExist { files: Vec<String> },
    /// A privacy document (processing register, privacy statement, consent
    /// text) could not be made.
    /// An erasure is refused while open requests, matches or referrals
    /// still need the data (the requests to close first in `ids`).
    #[error("erasure refused: requests {ids:?} are still open")]
    EraseBlocked { ids: Vec<i64> },
    #[error("the privacy document could not be made: {0}")]
    PrivacyDoc(String),
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("stored data could not be read: {0}")]
    Json(#[from] serde_json::Error),
}

/// Declares [`ErrorCode`] with its text: each variant is sent as its code.
macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident => $code:literal,)+) => {
        /// The stable codes the UI receives. The UI has a Dutch sentence for
        /// each: `ui/src/lib/errors.ts` maps them with a `Record<ErrorCode, …>`,
        /// so a new code without a sentence fails its type check. The last
        /// codes belong to the app layer (`src-tauri/src/error.rs`), which
        /// shares this list so that the UI has one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
        #[ts(export)]
        pub enum ErrorCode {
            $($(#[$doc])* #[serde(rename = $code)] $variant,)+
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)+
                }
            }
        }
    };
}

error_codes! {
    InvalidInput => "invalid_input",
    NotFound => "not_found",
    WrongPassphrase => "wrong_passphrase",
    WrongRecoveryKey => "wrong_recovery_key",
    /// The limit is the minimum length.
    WeakPassphrase => "weak_passphrase",
    AlreadySetUp => "already_set_up",
    NotSetUp => "not_set_up",
    Locked => "locked",
    MeetingMode => "meeting_mode",
    DatabaseDamaged => "database_damaged",
    KeyFileDamaged => "key_file_damaged",
    KeyFileMissing => "key_file_missing",
    NeedsRecoveryKey => "needs_recovery_key",
    /// The disk (or stick) is full: nothing was saved.
    DiskFull => "disk_full",
    /// The folder cannot be written now (read-only, stick pulled out, no access).
    StorageUnavailable => "storage_unavailable",
    DatabaseTooNew => "database_too_new",
    LikelyDuplicate => "likely_duplicate",
    InvalidTransition => "invalid_transition",
    AlreadyVolunteer => "already_volunteer",
    AlreadyMatched => "already_matched",
    NotAvailable => "not_available",
    NoConsent => "no_consent",
    NoCallbackNumber => "no_callback_number",
    CollectiveRequest => "collective_request",
    NoPattern => "no_pattern",
    HandoverFailed => "handover_failed",
    ReportFailed => "report_failed",
    ReportFilesExist => "report_files_exist",
    PrivacyDocFailed => "privacy_doc_failed",
    EraseBlocked => "erase_blocked",
    FullExportFailed => "full_export_failed",
    RequestClosed => "request_closed",
    BadBackup => "bad_backup",
    HsdsUnreadable => "hsds_unreadable",
    HsdsEmpty => "hsds_empty",
    Crypto => "crypto",
    Database => "database",
    Io => "io",
    Migration => "migration",
    StoredData => "stored_data",
    ImportUnreadable => "import_unreadable",
    ImportEmpty => "import_empty",
    ImportNoSuchSheet => "import_no_such_sheet",
    ImportNoHeader => "import_no_header",
    /// The limit is the most rows one import takes.
    ImportTooManyRows => "import_too_many_rows",
    /// The limit is the largest file (in MB) an import reads.
    ImportFileTooLarge => "import_file_too_large",
    ImportNotReady => "import_not_ready",
    ImportFileChanged => "import_file_changed",
    /// A chosen file or folder is not there (any more): moved, renamed,
    /// or on a stick that was taken out.
    FileGone => "file_gone",
    /// App layer: something went wrong inside the app itself.
    Internal => "internal",
    /// App layer: a command got a path that no file dialog of this session
    /// returned for that purpose (see `src-tauri/src/files.rs`).
    FileNotChosen => "file_not_chosen",
}

/// Tests and logs compare a code with its text.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// Stable machine-readable code for the UI.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid(_) => ErrorCode::InvalidInput,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::WrongPassphrase => ErrorCode::WrongPassphrase,
            Error::WrongRecoveryKey => ErrorCode::WrongRecoveryKey,
            Error::WeakPassphrase { .. } => ErrorCode::WeakPassphrase,
            Error::AlreadySetUp => ErrorCode::AlreadySetUp,
            Error::NotSetUp => ErrorCode::NotSetUp,
            Error::Locked => ErrorCode::Locked,
            Error::MeetingMode => ErrorCode::MeetingMode,
            Error::Damaged(_) => ErrorCode::DatabaseDamaged,
            Error::KeyFileDamaged(_) => ErrorCode::KeyFileDamaged,
            Error::KeyFileMissing => ErrorCode::KeyFileMissing,
            Error::NeedsRecoveryKey => ErrorCode::NeedsRecoveryKey,

            Error::TooNew { .. } => ErrorCode::DatabaseTooNew,
            Error::LikelyDuplicate { .. } => ErrorCode::LikelyDuplicate,
            Error::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            Error::AlreadyVolunteer { .. } => ErrorCode::AlreadyVolunteer,
            Error::AlreadyMatched => ErrorCode::AlreadyMatched,
            Error::NotAvailable { .. } => ErrorCode::NotAvailable,
            Error::RequestClosed { .. } => ErrorCode::RequestClosed,
            Error::NoConsent { .. } => ErrorCode::NoConsent,
            Error::NoCallbackNumber => ErrorCode::NoCallbackNumber,
            Error::CollectiveRequest { .. } => ErrorCode::CollectiveRequest,
            Error::NoPattern => ErrorCode::NoPattern,
            Error::BadBackup(_) => ErrorCode::BadBackup,
            Error::ImportUnreadable(_) => ErrorCode::ImportUnreadable,
            Error::ImportEmpty => ErrorCode::ImportEmpty,
            Error::ImportNoSuchSheet { .. } => ErrorCode::ImportNoSuchSheet,
            Error::ImportNoHeader => ErrorCode::ImportNoHeader,
            Error::ImportTooManyRows { .. } => ErrorCode::ImportTooManyRows,
            Error::ImportFileTooLarge { .. } => ErrorCode::ImportFileTooLarge,
            Error::ImportNotReady { .. } => ErrorCode::ImportNotReady,
            Error::ImportFileChanged => ErrorCode::ImportFileChanged,
            Error::HsdsUnreadable(_) => ErrorCode::HsdsUnreadable,
            Error::HsdsEmpty => ErrorCode::HsdsEmpty,
            Error::Crypto(_) => ErrorCode::Crypto,
            Error::Handover(_) => ErrorCode::HandoverFailed,
            Error::Report(_) => ErrorCode::ReportFailed,
            Error::ReportFilesExist { .. } => ErrorCode::ReportFilesExist,
            Error::PrivacyDoc(_) => ErrorCode::PrivacyDocFailed,
            Error::EraseBlocked { .. } => ErrorCode::EraseBlocked,
            Error::FullExport(_) => ErrorCode::FullExportFailed,
            // A page that fails its check while the app is open: the UI
            // asks for a full check and shows the restore screen.
            Error::Sql(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                ErrorCode::DatabaseDamaged
            }
            // A full disk or an unwritable folder: nothing was saved, what
            // was saved before is safe, and it works again once there is room.
            Error::Sql(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DiskFull
                    || f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE =>
            {
                ErrorCode::DiskFull
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
                ErrorCode::StorageUnavailable
            }
            Error::Sql(_) => ErrorCode::Database,
            Error::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => ErrorCode::DiskFull,
            Error::Io(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
                ) =>
            {
                ErrorCode::StorageUnavailable
            }
            Error::Io(e) if e.kind() == std::io::ErrorKind::NotFound => ErrorCode::FileGone,
            Error::Io(_) => ErrorCode::Io,
            Error::Migration(_) => ErrorCode::Migration,
            Error::Json(_) => ErrorCode::StoredData,
        }
    }

    /// The limit the UI's sentence names: the minimum passphrase length, the
    /// most rows, the largest file in MB.
    pub fn limit(&self) -> Option<u32> {
        match self {
            Error::WeakPassphrase { min } => Some(u32::try_from(*min).unwrap_or(u32::MAX)),
            Error::ImportTooManyRows { max, .. } => Some(*max),
            Error::ImportFileTooLarge { max_mb } => Some(*max_mb),
            _ => None,
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
    pub code: ErrorCode,
    /// Technical detail (English), for the log and the "details" fold-out.
    pub message: String,
    pub fields: Vec<FieldError>,
    /// For `likely_duplicate`: the ids of the existing residents.
    #[ts(type = "number[]")]
    pub ids: Vec<i64>,
    /// The limit the sentence names, for `weak_passphrase` (characters),
    /// `import_too_many_rows` (rows) and `import_file_too_large` (MB).
    pub limit: Option<u32>,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.code(),
            message: e.to_string(),
            fields: e.fields().to_vec(),
            ids: match e {
                Error::LikelyDuplicate { ids } | Error::EraseBlocked { ids } => ids.clone(),
                _ => Vec::new(),
            },
            limit: e.limit(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_sent_as_its_text() -> serde_json::Result<()> {
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code)?, code.as_str());
        }
        Ok(())
    }

    #[test]
    fn the_limits_a_message_names_travel_in_the_payload() {
        let weak = ErrorPayload::from(&Error::WeakPassphrase { min: 10 });
        assert_eq!(
            (weak.code, weak.limit),
            (ErrorCode::WeakPassphrase, Some(10))
        );
        let rows = ErrorPayload::from(&Error::ImportTooManyRows {
            found: 25_000,
            max: 20_000,
        });
        assert_eq!(rows.limit, Some(20_000));
        let large = ErrorPayload::from(&Error::ImportFileTooLarge { max_mb: 50 });
        assert_eq!(large.limit, Some(50));
        assert_eq!(ErrorPayload::from(&Error::Locked).limit, None);
    }
}
