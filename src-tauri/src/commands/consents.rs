//! Consent of residents to share their data.

use std::path::PathBuf;

use buurtpunt_core::consents::{self, CategoryPreview, Consent, ConsentInput};
use buurtpunt_core::handover::{self, ExportRecord};
use buurtpunt_core::privacy_docs::{self, ConsentFormInput};
use tauri::State;

use crate::error::ApiResult;
use crate::files::{Purpose, SaveKind};
use crate::state::{now, AppState};

/// What each kind of data holds for this resident (beside the choices).
#[tauri::command]
pub fn consent_preview(
    state: State<'_, AppState>,
    resident_id: i64,
    request_id: Option<i64>,
) -> ApiResult<Vec<CategoryPreview>> {
    Ok(consents::preview(
        state.session()?.db()?.conn(),
        resident_id,
        request_id,
    )?)
}

/// The consent form with the resident's choices, to sign (a PDF).
#[tauri::command]
pub fn make_consent_form(
    state: State<'_, AppState>,
    resident_id: i64,
    input: ConsentFormInput,
    path: PathBuf,
) -> ApiResult<String> {
    state.chosen(Purpose::Save(SaveKind::PrivacyDoc), &path)?;
    Ok(privacy_docs::make_consent_form(
        state.session()?.db()?,
        resident_id,
        &input,
        &path,
        now(),
    )?)
}

#[tauri::command]
pub fn resident_consents(state: State<'_, AppState>, resident_id: i64) -> ApiResult<Vec<Consent>> {
    Ok(consents::of_resident(
        state.session()?.db()?.conn(),
        resident_id,
        now().date(),
    )?)
}

#[tauri::command]
pub fn record_consent(
    state: State<'_, AppState>,
    resident_id: i64,
    input: ConsentInput,
) -> ApiResult<Consent> {
    Ok(consents::record(
        state.session()?.db()?,
        resident_id,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn withdraw_consent(
    state: State<'_, AppState>,
    id: i64,
    on_date: String,
) -> ApiResult<Consent> {
    Ok(consents::withdraw(
        state.session()?.db()?,
        id,
        &on_date,
        now(),
    )?)
}

/// The export log of a resident: what left the app, to whom, by whom.
#[tauri::command]
pub fn resident_exports(
    state: State<'_, AppState>,
    resident_id: i64,
) -> ApiResult<Vec<ExportRecord>> {
    Ok(handover::exports_of(
        state.session()?.db()?.conn(),
        resident_id,
    )?)
}
