//! Errors as the UI receives them: `{ code, message, fields, ids, limit }`.

use std::path::PathBuf;

use buurtpunt_core::error::{ErrorCode, ErrorPayload};
use serde::Serialize;

use crate::files::Purpose;

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ApiError(ErrorPayload);

/// Errors of the app layer itself (not of the core).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    /// A panic in an earlier command poisoned a lock.
    #[error("lock poisoned")]
    LockPoisoned,
    /// The page sent a path that no file dialog of this session returned for
    /// this purpose (see `files.rs`): nothing is read or written.
    #[error("{path:?} was not chosen in a file dialog for {purpose:?}")]
    FileNotChosen { purpose: Purpose, path: PathBuf },
    /// Test mode: a file outside the test folder.
    #[error("{0:?} is not a plain file in the test folder")]
    NotInTestFolder(PathBuf),
    /// Test mode: the test's answer for the open dialog could not be read.
    #[error("the test's answer for the open dialog: {0}")]
    TestAnswer(std::io::Error),
    /// Debug builds: a command ran on the main thread, which paints the
    /// window (see `off_main_thread` in `lib.rs`).
    #[error("a command ran on the main thread")]
    OnMainThread,
    /// The dialog returned something that is not a file path.
    #[error("the file dialog returned no usable path: {0}")]
    NoPath(String),
}

impl AppError {
    fn code(&self) -> ErrorCode {
        match self {
            AppError::FileNotChosen { .. } | AppError::NotInTestFolder(_) => {
                ErrorCode::FileNotChosen
            }
            AppError::LockPoisoned
            | AppError::OnMainThread
            | AppError::TestAnswer(_)
            | AppError::NoPath(_) => ErrorCode::Internal,
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        eprintln!("buurtpunt: {e}");
        ApiError(ErrorPayload {
            code: e.code(),
            message: e.to_string(),
            fields: Vec::new(),
            ids: Vec::new(),
            limit: None,
        })
    }
}

impl From<buurtpunt_core::Error> for ApiError {
    fn from(e: buurtpunt_core::Error) -> Self {
        eprintln!("buurtpunt: {e}");
        ApiError(ErrorPayload::from(&e))
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
