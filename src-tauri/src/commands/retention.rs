//! Retention: the daily notice on Vandaag and the anonymising run, one
//! step (one transaction of about 500 requests) per call, so the window
//! stays usable between steps and shows progress.

use buurtpunt_core::retention::{Notice, Progress};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn retention_notice(state: State<'_, AppState>) -> ApiResult<Notice> {
    Ok(state.session()?.retention_notice(now().date())?)
}

/// Start with `after` = 0; pass the returned `after` until `finished`.
#[tauri::command]
pub fn anonymise_step(state: State<'_, AppState>, after: i64) -> ApiResult<Progress> {
    Ok(state.session()?.retention_step(now().date(), after)?)
}
