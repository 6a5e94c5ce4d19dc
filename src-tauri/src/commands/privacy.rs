//! The group's privacy paperwork: the three documents (processing
//! register, privacy statement, consent text) and the data breach register.
//! Not in meeting mode (`Session::db()` refuses).

use std::path::PathBuf;

use buurtpunt_core::data_breaches::{self, DataBreach, DataBreachInput};
use buurtpunt_core::privacy_docs::{self, PrivacyDocKind, PrivacyDocOutcome, PrivacyExport};
use tauri::State;

use crate::error::ApiResult;
use crate::files::{Purpose, SaveKind};
use crate::state::{now, AppState};

#[tauri::command]
pub fn make_privacy_doc(
    state: State<'_, AppState>,
    kind: PrivacyDocKind,
    path: PathBuf,
) -> ApiResult<PrivacyDocOutcome> {
    state.chosen(Purpose::Save(SaveKind::PrivacyDoc), &path)?;
    Ok(privacy_docs::make(
        state.session()?.db()?,
        kind,
        &path,
        now(),
    )?)
}

#[tauri::command]
pub fn privacy_docs_made(state: State<'_, AppState>) -> ApiResult<Vec<PrivacyExport>> {
    Ok(privacy_docs::made(state.session()?.db()?.conn())?)
}

#[tauri::command]
pub fn list_data_breaches(state: State<'_, AppState>) -> ApiResult<Vec<DataBreach>> {
    Ok(data_breaches::list(state.session()?.db()?.conn(), now())?)
}

#[tauri::command]
pub fn create_data_breach(
    state: State<'_, AppState>,
    input: DataBreachInput,
) -> ApiResult<DataBreach> {
    Ok(data_breaches::create(
        state.session()?.db()?,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn update_data_breach(
    state: State<'_, AppState>,
    id: i64,
    input: DataBreachInput,
) -> ApiResult<DataBreach> {
    Ok(data_breaches::update(
        state.session()?.db()?,
        id,
        &input,
        now(),
    )?)
}
