//! Backups: list, make (to a chosen file), restore, and the answer about a
//! backup with more data than now.

use std::path::PathBuf;

use buurtpunt_core::session::AppStatus;
use buurtpunt_core::store::backup::BackupInfo;
use buurtpunt_core::store::restore::Secret;
use buurtpunt_core::store::Counts;
use tauri::State;

use crate::error::ApiResult;
use crate::files::{OpenKind, Purpose, SaveKind};
use crate::state::{now, AppState};

/// A backup to restore: chosen in the open dialog, or listed by the app.
const RESTORE: Purpose = Purpose::Open(OpenKind::Backup);

#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> ApiResult<Vec<BackupInfo>> {
    let backups = state.session()?.backups()?;
    // The app offers these itself: each may be restored.
    for b in &backups {
        state.chosen.remember(RESTORE, PathBuf::from(&b.path))?;
    }
    Ok(backups)
}

#[tauri::command]
pub fn export_backup(state: State<'_, AppState>, path: PathBuf) -> ApiResult<Counts> {
    state.chosen(Purpose::Save(SaveKind::Backup), &path)?;
    Ok(state.session()?.export_backup(&path, now())?)
}

#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, path: PathBuf) -> ApiResult<AppStatus> {
    state.chosen(RESTORE, &path)?;
    Ok(state.session()?.restore(&path, now())?)
}

/// "Herstellen van een back-up" without a usable key file: the passphrase
/// of the day the backup was made opens it.
#[tauri::command]
pub fn restore_with_passphrase(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: String,
) -> ApiResult<AppStatus> {
    state.chosen(RESTORE, &path)?;
    Ok(state
        .session()?
        .restore_with(&path, Secret::Passphrase(&passphrase), now())?)
}

/// "Herstellen van een back-up" with the recovery key and a new passphrase.
#[tauri::command]
pub fn restore_with_recovery_key(
    state: State<'_, AppState>,
    path: PathBuf,
    recovery_key: String,
    new_passphrase: String,
) -> ApiResult<AppStatus> {
    state.chosen(RESTORE, &path)?;
    let secret = Secret::RecoveryKey {
        recovery_key: &recovery_key,
        new_passphrase: &new_passphrase,
    };
    Ok(state.session()?.restore_with(&path, secret, now())?)
}

/// The help point holds less than an older backup, on purpose.
#[tauri::command]
pub fn accept_less_data(state: State<'_, AppState>) -> ApiResult<AppStatus> {
    Ok(state.session()?.accept_less_data(now())?)
}
