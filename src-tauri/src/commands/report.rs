//! The annual report (jaarverslag): its years, its texts, and making it.

use std::path::PathBuf;

use buurtpunt_core::report::{self, ReportInput, ReportOutcome, ReportTexts, ReportYears};
use tauri::State;

use crate::error::ApiResult;
use crate::files::{Purpose, SaveKind};
use crate::state::{now, AppState};

#[tauri::command]
pub fn report_years(state: State<'_, AppState>) -> ApiResult<ReportYears> {
    Ok(report::years(state.session()?.db()?.conn(), now().date())?)
}

#[tauri::command]
pub fn report_texts(state: State<'_, AppState>, year: i32) -> ApiResult<ReportTexts> {
    Ok(report::get_texts(state.session()?.db()?.conn(), year)?)
}

#[tauri::command]
pub fn save_report_texts(state: State<'_, AppState>, texts: ReportTexts) -> ApiResult<ReportTexts> {
    Ok(report::save_texts(state.session()?.db()?, &texts, now())?)
}

#[tauri::command]
pub fn make_report(
    state: State<'_, AppState>,
    input: ReportInput,
    path: PathBuf,
) -> ApiResult<ReportOutcome> {
    state.chosen(Purpose::Save(SaveKind::Report), &path)?;
    Ok(report::make(state.session()?.db()?, &input, &path, now())?)
}
