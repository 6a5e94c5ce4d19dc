//! Errors as the UI receives them: `{ code, message, fields, ids }`.

use buurtpunt_core::error::ErrorPayload;
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ApiError(ErrorPayload);

impl ApiError {
    pub fn internal(message: &str) -> Self {
        ApiError(ErrorPayload {
            code: "internal".into(),
            message: message.into(),
            fields: Vec::new(),
            ids: Vec::new(),
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
