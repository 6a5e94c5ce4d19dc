//! The help point's contact persons.

use buurtpunt_core::contact_persons::{self, ContactPerson, ContactPersonInput};
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub fn list_contact_persons(state: State<'_, AppState>) -> ApiResult<Vec<ContactPerson>> {
    Ok(contact_persons::list(state.session()?.db()?.conn())?)
}

#[tauri::command]
pub fn create_contact_person(
    state: State<'_, AppState>,
    input: ContactPersonInput,
) -> ApiResult<ContactPerson> {
    Ok(contact_persons::create(state.session()?.db()?, &input)?)
}

#[tauri::command]
pub fn update_contact_person(
    state: State<'_, AppState>,
    id: i64,
    input: ContactPersonInput,
) -> ApiResult<ContactPerson> {
    Ok(contact_persons::update(state.session()?.db()?, id, &input)?)
}
