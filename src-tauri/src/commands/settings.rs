//! Settings of the help point.

use buurtpunt_core::settings::{self, Settings};
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

/// Also in meeting mode (the settings name no one; the auto-lock needs them).
#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> ApiResult<Settings> {
    Ok(settings::get(state.session()?.meeting_db()?.conn())?)
}

#[tauri::command]
pub fn update_settings(state: State<'_, AppState>, settings: Settings) -> ApiResult<Settings> {
    Ok(settings::update(state.session()?.db()?, &settings)?)
}
