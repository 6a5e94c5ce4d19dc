//! Start, unlock, lock, recover, demo.

use std::path::PathBuf;

use buurtpunt_core::session::AppStatus;
use buurtpunt_core::{import, store};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::ApiResult;
use crate::files::{Purpose, SaveKind};
use crate::state::{now, AppState};

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> ApiResult<AppStatus> {
    Ok(state.session()?.status())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Created {
    recovery_key: String,
    status: AppStatus,
}

#[tauri::command]
pub fn create_help_point(state: State<'_, AppState>, passphrase: String) -> ApiResult<Created> {
    let mut s = state.session()?;
    let recovery_key = s.create(&passphrase)?;
    Ok(Created {
        recovery_key,
        status: s.status(),
    })
}

#[tauri::command]
pub fn save_recovery_sheet(state: State<'_, AppState>, path: PathBuf) -> ApiResult<()> {
    state.chosen(Purpose::Save(SaveKind::RecoverySheet), &path)?;
    Ok(state.session()?.save_recovery_sheet(&path, now())?)
}

#[tauri::command]
pub fn confirm_recovery_saved(state: State<'_, AppState>) -> ApiResult<()> {
    state.session()?.confirm_recovery_saved();
    Ok(())
}

#[tauri::command]
pub fn unlock(state: State<'_, AppState>, passphrase: String) -> ApiResult<AppStatus> {
    Ok(state.session()?.unlock(&passphrase, now())?)
}

#[tauri::command]
pub fn recover(
    state: State<'_, AppState>,
    recovery_key: String,
    new_passphrase: String,
) -> ApiResult<AppStatus> {
    Ok(state
        .session()?
        .recover(&recovery_key, &new_passphrase, now())?)
}

#[tauri::command]
pub fn lock(state: State<'_, AppState>) -> ApiResult<AppStatus> {
    Ok(state.session()?.lock()?)
}

#[tauri::command]
pub fn open_demo(state: State<'_, AppState>) -> ApiResult<AppStatus> {
    Ok(state
        .session()?
        .open_demo(now(), buurtpunt_core::demo::seed)?)
}

#[tauri::command]
pub fn change_passphrase(state: State<'_, AppState>, old: String, new: String) -> ApiResult<()> {
    Ok(state.session()?.change_passphrase(&old, &new)?)
}

/// A command met a damaged page: check the whole file; an unsound one is
/// closed and the status says `damaged` (the restore screen).
#[tauri::command]
pub fn check_database(state: State<'_, AppState>) -> ApiResult<AppStatus> {
    Ok(state.session()?.check_damage()?)
}

/// Today's automatic backup while the app stays open (at most one a day).
#[tauri::command]
pub fn daily_backup(state: State<'_, AppState>) -> ApiResult<AppStatus> {
    Ok(state.session()?.daily_backup(now())?)
}

/// The folder tests use instead of the native file dialogs; `null` in normal use.
#[tauri::command]
pub fn test_files_dir(state: State<'_, AppState>) -> ApiResult<Option<String>> {
    Ok(state.test_files.as_ref().map(|p| p.display().to_string()))
}

/// Limits of the core that the UI names before anything is sent: in the
/// hints, and in the quick check of a new passphrase (the core checks again).
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Limits {
    /// The fewest characters of a passphrase.
    min_passphrase: u32,
    /// The most rows one import reads.
    import_max_rows: u32,
    /// The largest file (MB) an import reads.
    import_max_mb: u32,
}

#[tauri::command]
pub fn limits() -> ApiResult<Limits> {
    Ok(Limits {
        min_passphrase: u32::try_from(store::keys::MIN_PASSPHRASE).unwrap_or(u32::MAX),
        import_max_rows: import::MAX_ROWS,
        import_max_mb: import::MAX_FILE_MB,
    })
}
