//! Residents (bewoners).

use buurtpunt_core::residents::{self, Resident, ResidentInput, ResidentQuery, ResidentSummary};
use buurtpunt_core::Page;
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn list_residents(
    state: State<'_, AppState>,
    query: ResidentQuery,
) -> ApiResult<Page<ResidentSummary>> {
    Ok(residents::list(state.session()?.db()?.conn(), &query)?)
}

#[tauri::command]
pub fn get_resident(state: State<'_, AppState>, id: i64) -> ApiResult<Resident> {
    Ok(residents::get(state.session()?.db()?.conn(), id)?)
}

/// The resident's page: also writes "bekeken" in the log.
#[tauri::command]
pub fn open_resident(state: State<'_, AppState>, id: i64) -> ApiResult<Resident> {
    Ok(residents::open(state.session()?.db()?, id)?)
}

#[tauri::command]
pub fn create_resident(
    state: State<'_, AppState>,
    input: ResidentInput,
    allow_duplicate: bool,
) -> ApiResult<Resident> {
    Ok(residents::create(
        state.session()?.db()?,
        input,
        allow_duplicate,
        now(),
    )?)
}

#[tauri::command]
pub fn update_resident(
    state: State<'_, AppState>,
    id: i64,
    input: ResidentInput,
) -> ApiResult<Resident> {
    Ok(residents::update(state.session()?.db()?, id, input, now())?)
}

#[tauri::command]
pub fn list_kernen(state: State<'_, AppState>) -> ApiResult<Vec<String>> {
    Ok(residents::kernen(state.session()?.db()?.conn())?)
}
