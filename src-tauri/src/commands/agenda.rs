//! The case discussion's agenda, on the request (outside meeting mode).

use buurtpunt_core::agenda::{self, AgendaInput, AgendaItem};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn request_agenda(state: State<'_, AppState>, request_id: i64) -> ApiResult<Vec<AgendaItem>> {
    Ok(agenda::for_request(
        state.session()?.db()?.conn(),
        request_id,
    )?)
}

#[tauri::command]
pub fn add_agenda_item(
    state: State<'_, AppState>,
    request_id: i64,
    input: AgendaInput,
) -> ApiResult<AgendaItem> {
    Ok(agenda::create(
        state.session()?.db()?,
        request_id,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn update_agenda_item(
    state: State<'_, AppState>,
    id: i64,
    input: AgendaInput,
) -> ApiResult<AgendaItem> {
    Ok(agenda::update(state.session()?.db()?, id, &input, now())?)
}

#[tauri::command]
pub fn write_agenda_outcome(
    state: State<'_, AppState>,
    id: i64,
    outcome: String,
) -> ApiResult<AgendaItem> {
    Ok(agenda::write_outcome(
        state.session()?.db()?,
        id,
        &outcome,
        now(),
    )?)
}
