//! Backups: list, make (to a chosen file), restore.

use std::path::PathBuf;

use buurtpunt_core::session::AppStatus;
use buurtpunt_core::store::backup::BackupInfo;
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> ApiResult<Vec<BackupInfo>> {
    Ok(state.session()?.backups()?)
}

#[tauri::command]
pub async fn export_backup(state: State<'_, AppState>, path: PathBuf) -> ApiResult<()> {
    Ok(state.session()?.export_backup(&path)?)
}

#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: PathBuf) -> ApiResult<AppStatus> {
    Ok(state.session()?.restore(&path, now())?)
}
