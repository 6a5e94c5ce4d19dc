//! Errors as the UI receives them: `{ code, message, fields, ids, limit }`.

use buurtpunt_core::error::{ErrorCode, ErrorPayload};
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ApiError(ErrorPayload);

/// Errors of the app layer itself (not of the core).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    /// A panic in an earlier command poisoned the session lock.
    #[error("session lock poisoned")]
    LockPoisoned,
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        eprintln!("buurtpunt: {e}");
        ApiError(ErrorPayload {
            code: ErrorCode::Internal,
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
