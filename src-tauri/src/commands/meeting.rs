//! Meeting mode: the shared screen. These commands read only anonymous
//! figures and the checked agenda (through `meeting_db`); every other
//! command is refused while meeting mode is on.

use buurtpunt_core::agenda::{self, MeetingItem};
use buurtpunt_core::results::{self, PeriodChoice, ScreenFigures};
use buurtpunt_core::session::AppStatus;
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn enter_meeting(state: State<'_, AppState>) -> ApiResult<AppStatus> {
    Ok(state.session()?.enter_meeting()?)
}

#[tauri::command]
pub fn leave_meeting(state: State<'_, AppState>, passphrase: String) -> ApiResult<AppStatus> {
    Ok(state.session()?.leave_meeting(&passphrase)?)
}

#[tauri::command]
pub fn meeting_figures(
    state: State<'_, AppState>,
    choice: PeriodChoice,
) -> ApiResult<ScreenFigures> {
    Ok(results::for_screen(
        state.session()?.meeting_db()?.conn(),
        &choice,
        now().date(),
    )?)
}

#[tauri::command]
pub fn meeting_agenda(state: State<'_, AppState>) -> ApiResult<Vec<MeetingItem>> {
    Ok(agenda::meeting(state.session()?.meeting_db()?.conn())?)
}

#[tauri::command]
pub fn mark_agenda_discussed(state: State<'_, AppState>, id: i64) -> ApiResult<Vec<MeetingItem>> {
    Ok(agenda::mark_discussed(
        state.session()?.meeting_db()?,
        id,
        now(),
    )?)
}
