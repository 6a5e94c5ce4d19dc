//! Drafts (concepten) of forms: written while typing, listed after unlock.

use buurtpunt_core::drafts::{self, Draft, DraftInput, DraftSummary, FormKind};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn save_draft(state: State<'_, AppState>, input: DraftInput) -> ApiResult<DraftSummary> {
    Ok(drafts::save(state.session()?.db()?, &input, now())?)
}

#[tauri::command]
pub fn list_drafts(state: State<'_, AppState>) -> ApiResult<Vec<DraftSummary>> {
    Ok(drafts::list(state.session()?.db()?.conn())?)
}

#[tauri::command]
pub fn get_draft(
    state: State<'_, AppState>,
    kind: FormKind,
    context: String,
) -> ApiResult<Option<Draft>> {
    Ok(drafts::get(state.session()?.db()?.conn(), kind, &context)?)
}

#[tauri::command]
pub fn discard_draft(state: State<'_, AppState>, kind: FormKind, context: String) -> ApiResult<()> {
    Ok(drafts::discard(state.session()?.db()?, kind, &context)?)
}
