//! Hours per match, and totals.

use buurtpunt_core::hours::{self, HourEntry, HourInput, HourQuery, HourTotals};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn log_hours(state: State<'_, AppState>, input: HourInput) -> ApiResult<HourEntry> {
    Ok(hours::log(state.session()?.db()?, &input, now())?)
}

#[tauri::command]
pub fn remove_hours(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(hours::remove(state.session()?.db()?, id)?)
}

#[tauri::command]
pub fn match_hours(state: State<'_, AppState>, match_id: i64) -> ApiResult<Vec<HourEntry>> {
    Ok(hours::of_match(state.session()?.db()?.conn(), match_id)?)
}

#[tauri::command]
pub fn hour_totals(state: State<'_, AppState>, query: HourQuery) -> ApiResult<HourTotals> {
    Ok(hours::totals(state.session()?.db()?.conn(), &query)?)
}
