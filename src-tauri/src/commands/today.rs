//! The "Vandaag" screen.

use buurtpunt_core::today::{self, Today};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn today(state: State<'_, AppState>) -> ApiResult<Today> {
    Ok(today::today(state.session()?.db()?.conn(), now().date())?)
}
