//! Referrals to professionals, the "looks professional" advice, and the handover export.

use std::path::PathBuf;

use buurtpunt_core::handover::{self, ExportInput, ExportOutcome};
use buurtpunt_core::professional::Advice;
use buurtpunt_core::referrals::{self, Referral, ReferralInput, ReferralStatus, ReferralStep};
use buurtpunt_core::requests;
use tauri::State;

use crate::error::ApiResult;
use crate::files::{Purpose, SaveKind};
use crate::state::{now, AppState};

#[tauri::command]
pub fn request_referrals(state: State<'_, AppState>, request_id: i64) -> ApiResult<Vec<Referral>> {
    Ok(referrals::for_request(
        state.session()?.db()?.conn(),
        request_id,
        now().date(),
    )?)
}

#[tauri::command]
pub fn create_referral(
    state: State<'_, AppState>,
    request_id: i64,
    input: ReferralInput,
) -> ApiResult<Referral> {
    Ok(referrals::create(
        state.session()?.db()?,
        request_id,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn update_referral(
    state: State<'_, AppState>,
    id: i64,
    input: ReferralInput,
) -> ApiResult<Referral> {
    Ok(referrals::update(
        state.session()?.db()?,
        id,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn change_referral_status(
    state: State<'_, AppState>,
    id: i64,
    status: ReferralStatus,
    step: ReferralStep,
) -> ApiResult<Referral> {
    Ok(referrals::change_status(
        state.session()?.db()?,
        id,
        status,
        &step,
        now(),
    )?)
}

/// Referrals to the Wmo-loket that wait for an answer (for Vandaag).
#[tauri::command]
pub fn open_wmo_referrals(state: State<'_, AppState>) -> ApiResult<Vec<Referral>> {
    Ok(referrals::open_wmo(
        state.session()?.db()?.conn(),
        now().date(),
        20,
    )?)
}

/// Does this request look like professional work?
#[tauri::command]
pub fn professional_advice(state: State<'_, AppState>, request_id: i64) -> ApiResult<Advice> {
    Ok(requests::advice(state.session()?.db()?.conn(), request_id)?)
}

/// Write the handover files (PDF, JSON, CSV) for a referral at `path`.
#[tauri::command]
pub fn export_handover(
    state: State<'_, AppState>,
    input: ExportInput,
    path: PathBuf,
) -> ApiResult<ExportOutcome> {
    state.chosen(Purpose::Save(SaveKind::Handover), &path)?;
    Ok(handover::export(
        state.session()?.db()?,
        &input,
        &path,
        now(),
    )?)
}
