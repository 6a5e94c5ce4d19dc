//! Spreadsheet import: preview, check, run. The file is read before the
//! session is locked, so the window stays usable while a large file is read.

use std::path::PathBuf;

use buurtpunt_core::import::{self, ImportProgress, Imported, Mapping, Preview, Report};
use tauri::{Emitter, State, Window};

use crate::error::ApiResult;
use crate::files::{OpenKind, Purpose};
use crate::state::{now, AppState};

/// The spreadsheet chosen in the open dialog.
const SPREADSHEET: Purpose = Purpose::Open(OpenKind::Spreadsheet);

/// The event that carries [`ImportProgress`] while an import runs.
pub const PROGRESS_EVENT: &str = "import-progress";

/// Read the file and suggest a mapping. Needs an open help point.
#[tauri::command]
pub fn import_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    sheet: String,
) -> ApiResult<Preview> {
    state.chosen(SPREADSHEET, &path)?;
    state.session()?.db()?;
    Ok(import::preview(&path, &sheet)?)
}

/// Check every row with the chosen mapping; nothing is written.
#[tauri::command]
pub fn import_check(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Mapping,
) -> ApiResult<Report> {
    state.chosen(SPREADSHEET, &path)?;
    let sheet = import::read(&path, &mapping.sheet)?;
    Ok(import::check(
        state.session()?.db()?.conn(),
        &sheet,
        &mapping,
        now().date(),
    )?)
}

/// Import all rows in one transaction, sending `import-progress` events.
#[tauri::command]
pub fn import_run(
    window: Window,
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Mapping,
) -> ApiResult<Imported> {
    state.chosen(SPREADSHEET, &path)?;
    let sheet = import::read(&path, &mapping.sheet)?;
    Ok(import::run(
        state.session()?.db()?,
        &sheet,
        &mapping,
        now(),
        |done, total| {
            // A lost progress update is no reason to stop the import.
            if let Err(e) = window.emit(PROGRESS_EVENT, ImportProgress { done, total }) {
                eprintln!("buurtpunt: import progress: {e}");
            }
        },
    )?)
}
