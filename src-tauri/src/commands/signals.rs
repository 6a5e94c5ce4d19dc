//! Signals (signalen): noting them, their status, the concerns list, and the
//! requests made from a signal or from a pattern of signals.

use buurtpunt_core::requests::{HelpRequest, RequestInput};
use buurtpunt_core::signals::{
    self, Concern, ConcernInput, PatternKey, Signal, SignalInput, SignalQuery, SignalStep,
};
use buurtpunt_core::Page;
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn list_signals(state: State<'_, AppState>, query: SignalQuery) -> ApiResult<Page<Signal>> {
    Ok(signals::list(state.session()?.db()?.conn(), &query)?)
}

#[tauri::command]
pub fn get_signal(state: State<'_, AppState>, id: i64) -> ApiResult<Signal> {
    Ok(signals::get(state.session()?.db()?.conn(), id)?)
}

#[tauri::command]
pub fn create_signal(state: State<'_, AppState>, input: SignalInput) -> ApiResult<Signal> {
    Ok(signals::create(state.session()?.db()?, &input, now())?)
}

#[tauri::command]
pub fn update_signal(state: State<'_, AppState>, id: i64, input: SignalInput) -> ApiResult<Signal> {
    Ok(signals::update(state.session()?.db()?, id, &input, now())?)
}

#[tauri::command]
pub fn change_signal_status(
    state: State<'_, AppState>,
    id: i64,
    step: SignalStep,
) -> ApiResult<Signal> {
    Ok(signals::change_status(
        state.session()?.db()?,
        id,
        &step,
        now(),
    )?)
}

#[tauri::command]
pub fn resident_signals(state: State<'_, AppState>, resident_id: i64) -> ApiResult<Vec<Signal>> {
    Ok(signals::for_resident(
        state.session()?.db()?.conn(),
        resident_id,
    )?)
}

#[tauri::command]
pub fn request_signals(state: State<'_, AppState>, request_id: i64) -> ApiResult<Vec<Signal>> {
    Ok(signals::for_request(
        state.session()?.db()?.conn(),
        request_id,
    )?)
}

#[tauri::command]
pub fn make_request_from_signal(
    state: State<'_, AppState>,
    signal_id: i64,
    input: RequestInput,
) -> ApiResult<HelpRequest> {
    Ok(signals::make_request(
        state.session()?.db()?,
        signal_id,
        input,
        now(),
    )?)
}

#[tauri::command]
pub fn make_collective_request(
    state: State<'_, AppState>,
    key: PatternKey,
) -> ApiResult<HelpRequest> {
    Ok(signals::make_collective_request(
        state.session()?.db()?,
        &key,
        now(),
    )?)
}

#[tauri::command]
pub fn list_signal_concerns(
    state: State<'_, AppState>,
    with_hidden: bool,
) -> ApiResult<Vec<Concern>> {
    Ok(signals::concerns(
        state.session()?.db()?.conn(),
        with_hidden,
    )?)
}

#[tauri::command]
pub fn add_signal_concern(state: State<'_, AppState>, input: ConcernInput) -> ApiResult<Concern> {
    Ok(signals::add_concern(state.session()?.db()?, &input)?)
}

#[tauri::command]
pub fn set_signal_concern_hidden(
    state: State<'_, AppState>,
    id: i64,
    hidden: bool,
) -> ApiResult<Vec<Concern>> {
    Ok(signals::set_concern_hidden(
        state.session()?.db()?,
        id,
        hidden,
    )?)
}
