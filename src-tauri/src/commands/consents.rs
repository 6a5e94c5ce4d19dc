//! Consent of residents to share their data.

use buurtpunt_core::consents::{self, Consent, ConsentInput};
use buurtpunt_core::handover::{self, ExportRecord};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub async fn resident_consents(
    state: State<'_, AppState>,
    resident_id: i64,
) -> ApiResult<Vec<Consent>> {
    Ok(consents::of_resident(
        state.session()?.db()?.conn(),
        resident_id,
        now().date(),
    )?)
}

#[tauri::command]
pub async fn record_consent(
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
pub async fn withdraw_consent(
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
pub async fn resident_exports(
    state: State<'_, AppState>,
    resident_id: i64,
) -> ApiResult<Vec<ExportRecord>> {
    Ok(handover::exports_of(
        state.session()?.db()?.conn(),
        resident_id,
    )?)
}
