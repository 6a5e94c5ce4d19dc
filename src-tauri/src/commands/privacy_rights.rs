//! A person's rights over their own data: inzage (art. 15), the register
//! of their requests (inzage, correctie, wissen) and erasure (art. 17).
//! Not in meeting mode (`Session::db()` refuses).

use std::path::PathBuf;

use buurtpunt_core::erase::{self, EraseInput, ErasePlan};
use buurtpunt_core::inzage::{self, InzageOutcome};
use buurtpunt_core::privacy_requests::{self, PrivacyRequest, PrivacyRequestInput};
use tauri::State;

use crate::error::ApiResult;
use crate::files::{Purpose, SaveKind};
use crate::state::{now, AppState};

#[tauri::command]
pub fn make_inzage(
    state: State<'_, AppState>,
    resident_id: i64,
    path: PathBuf,
    request_done: Option<i64>,
) -> ApiResult<InzageOutcome> {
    state.chosen(Purpose::Save(SaveKind::Inzage), &path)?;
    Ok(inzage::make(
        state.session()?.db()?,
        resident_id,
        &path,
        request_done,
        now(),
    )?)
}

#[tauri::command]
pub fn create_privacy_request(
    state: State<'_, AppState>,
    input: PrivacyRequestInput,
) -> ApiResult<PrivacyRequest> {
    Ok(privacy_requests::create(
        state.session()?.db()?,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn open_privacy_requests(state: State<'_, AppState>) -> ApiResult<Vec<PrivacyRequest>> {
    Ok(privacy_requests::open(
        state.session()?.db()?.conn(),
        now().date(),
    )?)
}

#[tauri::command]
pub fn resident_privacy_requests(
    state: State<'_, AppState>,
    resident_id: i64,
) -> ApiResult<Vec<PrivacyRequest>> {
    Ok(privacy_requests::of_resident(
        state.session()?.db()?.conn(),
        resident_id,
        now().date(),
    )?)
}

#[tauri::command]
pub fn finish_privacy_request(state: State<'_, AppState>, id: i64) -> ApiResult<PrivacyRequest> {
    Ok(privacy_requests::done(state.session()?.db()?, id, now())?)
}

#[tauri::command]
pub fn erase_plan(state: State<'_, AppState>, resident_id: i64) -> ApiResult<ErasePlan> {
    Ok(erase::plan(state.session()?.db()?.conn(), resident_id)?)
}

#[tauri::command]
pub fn erase_resident(state: State<'_, AppState>, input: EraseInput) -> ApiResult<()> {
    Ok(erase::erase(state.session()?.db()?, &input, now())?)
}
