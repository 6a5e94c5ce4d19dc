//! Help requests (hulpvragen).

use buurtpunt_core::requests::{
    self, ContactEntry, HelpRequest, RequestInput, RequestQuery, RequestSummary, Status,
};
use buurtpunt_core::Page;
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn list_requests(
    state: State<'_, AppState>,
    query: RequestQuery,
) -> ApiResult<Page<RequestSummary>> {
    Ok(requests::list(state.session()?.db()?.conn(), &query)?)
}

#[tauri::command]
pub fn get_request(state: State<'_, AppState>, id: i64) -> ApiResult<HelpRequest> {
    Ok(requests::get(state.session()?.db()?.conn(), id)?)
}

/// The request's page: also writes "bekeken" in the log.
#[tauri::command]
pub fn open_request(state: State<'_, AppState>, id: i64) -> ApiResult<HelpRequest> {
    Ok(requests::open(state.session()?.db()?, id)?)
}

#[tauri::command]
pub fn create_request(state: State<'_, AppState>, input: RequestInput) -> ApiResult<HelpRequest> {
    Ok(requests::create(state.session()?.db()?, input, now())?)
}

/// A phone note: a request in "nieuw" (with a new resident and a call-back
/// reminder when given), in one go.
#[tauri::command]
pub fn save_phone_note(
    state: State<'_, AppState>,
    input: buurtpunt_core::phone_note::PhoneNoteInput,
) -> ApiResult<HelpRequest> {
    Ok(buurtpunt_core::phone_note::save(
        state.session()?.db()?,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn update_request(
    state: State<'_, AppState>,
    id: i64,
    input: RequestInput,
) -> ApiResult<HelpRequest> {
    Ok(requests::update(state.session()?.db()?, id, input, now())?)
}

#[tauri::command]
pub fn change_request_status(
    state: State<'_, AppState>,
    id: i64,
    status: Status,
    reason: String,
) -> ApiResult<HelpRequest> {
    Ok(requests::change_status(
        state.session()?.db()?,
        id,
        status,
        &reason,
        now(),
    )?)
}

#[tauri::command]
pub fn add_contact_note(
    state: State<'_, AppState>,
    request_id: i64,
    on_date: String,
    note: String,
) -> ApiResult<ContactEntry> {
    Ok(requests::add_note(
        state.session()?.db()?,
        request_id,
        &on_date,
        &note,
        now(),
    )?)
}

#[tauri::command]
pub fn close_request(
    state: State<'_, AppState>,
    id: i64,
    input: buurtpunt_core::requests::CloseInput,
) -> ApiResult<HelpRequest> {
    Ok(requests::close(state.session()?.db()?, id, &input, now())?)
}
