//! The file dialogs. They run here, not in the page, so that the app knows
//! which paths the user chose: only those reach a command that reads or
//! writes a file (see `files.rs`).

use std::path::PathBuf;

use tauri::{State, Window};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

use crate::error::{ApiResult, AppError};
use crate::files::{self, OpenKind, Purpose, SaveKind};
use crate::state::AppState;

/// Ask which file to open for `kind`; `null` when the user cancelled.
#[tauri::command]
pub async fn pick_open_file(
    window: Window,
    state: State<'_, AppState>,
    kind: OpenKind,
) -> ApiResult<Option<String>> {
    let path = match &state.test_files {
        Some(dir) => files::test_open_path(dir)?,
        None => {
            let (name, extensions) = kind.filter();
            let dialog = window.dialog().file().add_filter(name, extensions);
            // As the dialog plugin does: a parent only where it is needed.
            #[cfg(any(windows, target_os = "macos"))]
            let dialog = dialog.set_parent(&window);
            answer(dialog, |d, f| d.pick_file(f)).await?
        }
    };
    remember(&state, Purpose::Open(kind), path)
}

/// Ask where to save a file for `kind`, suggesting the name `suggested`;
/// `null` when the user cancelled.
#[tauri::command]
pub async fn pick_save_file(
    window: Window,
    state: State<'_, AppState>,
    kind: SaveKind,
    suggested: String,
) -> ApiResult<Option<String>> {
    let path = match &state.test_files {
        Some(dir) => Some(files::test_save_path(dir, &suggested)?),
        None => {
            let (name, extensions) = kind.filter();
            let dialog = window
                .dialog()
                .file()
                .add_filter(name, extensions)
                .set_file_name(suggested)
                .set_parent(&window);
            answer(dialog, |d, f| d.save_file(f)).await?
        }
    };
    remember(&state, Purpose::Save(kind), path)
}

/// Show the dialog and wait for its answer without holding a worker thread.
async fn answer(
    dialog: FileDialogBuilder<tauri::Wry>,
    show: impl FnOnce(FileDialogBuilder<tauri::Wry>, Box<dyn FnOnce(Option<FilePath>) + Send>),
) -> Result<Option<PathBuf>, AppError> {
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    show(
        dialog,
        Box::new(move |chosen| {
            // The command may be gone (the window closed): nobody to tell.
            let _ = tx.try_send(chosen);
        }),
    );
    match rx.recv().await.flatten() {
        None => Ok(None),
        Some(chosen) => chosen
            .into_path()
            .map(Some)
            .map_err(|e| AppError::NoPath(e.to_string())),
    }
}

fn remember(
    state: &AppState,
    purpose: Purpose,
    path: Option<PathBuf>,
) -> ApiResult<Option<String>> {
    let Some(path) = path else {
        return Ok(None);
    };
    let shown = path.to_string_lossy().into_owned();
    state.chosen.remember(purpose, path)?;
    Ok(Some(shown))
}
