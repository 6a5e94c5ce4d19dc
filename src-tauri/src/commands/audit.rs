//! The audit log (logboek) and who is working at this computer.

use buurtpunt_core::audit::{self, ChainCheck, ResidentHistory};
use buurtpunt_core::contact_persons::ContactPerson;
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub fn current_contact_person(state: State<'_, AppState>) -> ApiResult<Option<ContactPerson>> {
    Ok(audit::actor::current(state.session()?.db()?.conn())?)
}

#[tauri::command]
pub fn choose_contact_person(state: State<'_, AppState>, id: i64) -> ApiResult<ContactPerson> {
    Ok(audit::actor::choose(state.session()?.db()?, id)?)
}

#[tauri::command]
pub fn check_audit_log(state: State<'_, AppState>) -> ApiResult<ChainCheck> {
    Ok(audit::check(state.session()?.db()?.conn())?)
}

#[tauri::command]
pub fn resident_audit_log(
    state: State<'_, AppState>,
    resident_id: i64,
    limit: i64,
) -> ApiResult<ResidentHistory> {
    Ok(audit::history::of_resident(
        state.session()?.db()?.conn(),
        resident_id,
        limit,
    )?)
}
