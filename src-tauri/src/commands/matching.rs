//! Match suggestions for a help request.

use buurtpunt_core::matching::{self, Suggestions};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn suggest_volunteers(state: State<'_, AppState>, request_id: i64) -> ApiResult<Suggestions> {
    Ok(matching::suggest(
        state.session()?.db()?.conn(),
        request_id,
        now().date(),
    )?)
}
