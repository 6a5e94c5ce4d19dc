//! Matches (koppelingen) between requests and volunteers.

use buurtpunt_core::matches::{self, Match, MatchInput, MatchStatus};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn create_match(state: State<'_, AppState>, input: MatchInput) -> ApiResult<Match> {
    Ok(matches::create(state.session()?.db()?, input, now())?)
}

#[tauri::command]
pub fn change_match_status(
    state: State<'_, AppState>,
    id: i64,
    status: MatchStatus,
    note: String,
) -> ApiResult<Match> {
    Ok(matches::change_status(
        state.session()?.db()?,
        id,
        status,
        &note,
        now(),
    )?)
}

#[tauri::command]
pub fn update_match_agreement(
    state: State<'_, AppState>,
    id: i64,
    agreement: String,
    planned_on: String,
) -> ApiResult<Match> {
    Ok(matches::update_agreement(
        state.session()?.db()?,
        id,
        &agreement,
        &planned_on,
        now(),
    )?)
}

#[tauri::command]
pub fn request_matches(state: State<'_, AppState>, request_id: i64) -> ApiResult<Vec<Match>> {
    Ok(matches::for_request(
        state.session()?.db()?.conn(),
        request_id,
    )?)
}
