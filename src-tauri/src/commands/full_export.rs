//! "Alles exporteren": every data table in one ZIP at the chosen path.

use std::path::PathBuf;

use buurtpunt_core::full_export::{self, FullExportOutcome};
use tauri::State;

use crate::error::ApiResult;
use crate::files::{Purpose, SaveKind};
use crate::state::{now, AppState};

#[tauri::command]
pub fn full_export(state: State<'_, AppState>, path: PathBuf) -> ApiResult<FullExportOutcome> {
    state.chosen(Purpose::Save(SaveKind::FullExport), &path)?;
    Ok(full_export::export(state.session()?.db()?, &path, now())?)
}
