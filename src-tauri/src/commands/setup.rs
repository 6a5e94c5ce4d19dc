//! The first start of a real help point and its first steps on Vandaag.

use buurtpunt_core::contact_persons::ContactPerson;
use buurtpunt_core::settings::{self, Settings};
use buurtpunt_core::setup::{self, FirstSteps, SetupState, WmoDesk, WmoDeskInput};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn setup_state(state: State<'_, AppState>) -> ApiResult<SetupState> {
    Ok(setup::state(state.session()?.db()?.conn())?)
}

#[tauri::command]
pub fn save_help_point(
    state: State<'_, AppState>,
    name: String,
    phone: String,
    email: String,
) -> ApiResult<Settings> {
    Ok(settings::set_help_point(
        state.session()?.db()?,
        &name,
        &phone,
        &email,
    )?)
}

#[tauri::command]
pub fn save_kernen(state: State<'_, AppState>, kernen: Vec<String>) -> ApiResult<Vec<String>> {
    Ok(settings::set_kernen(state.session()?.db()?, &kernen)?)
}

#[tauri::command]
pub fn save_wmo_desk(state: State<'_, AppState>, input: WmoDeskInput) -> ApiResult<WmoDesk> {
    Ok(setup::save_wmo_desk(state.session()?.db()?, &input, now())?)
}

#[tauri::command]
pub fn finish_setup(state: State<'_, AppState>, me: i64) -> ApiResult<ContactPerson> {
    Ok(setup::finish(state.session()?.db()?, me)?)
}

#[tauri::command]
pub fn first_steps(state: State<'_, AppState>) -> ApiResult<FirstSteps> {
    Ok(setup::first_steps(state.session()?.db()?.conn())?)
}

#[tauri::command]
pub fn hide_first_steps(state: State<'_, AppState>) -> ApiResult<()> {
    Ok(setup::hide_first_steps(state.session()?.db()?)?)
}
