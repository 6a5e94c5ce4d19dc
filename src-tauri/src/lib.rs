//! The Buurtpunt desktop app: window, state and thin commands. All rules and
//! SQL live in `buurtpunt-core`; each command here is one call into it.

mod commands;
mod error;
mod state;

use std::path::PathBuf;

use tauri::Manager;

pub use error::ApiError;
pub use state::AppState;

/// Where the data lives: `--data-dir DIR`, else `BUURTPUNT_DATA_DIR`, else the
/// OS app-data folder.
fn data_dir_override() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if let Some(v) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    std::env::var_os("BUURTPUNT_DATA_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

pub fn run() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let dir = match data_dir_override() {
                Some(d) => d,
                None => app.path().app_data_dir()?,
            };
            app.manage(AppState::new(dir));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session::app_status,
            commands::session::create_help_point,
            commands::session::save_recovery_sheet,
            commands::session::confirm_recovery_saved,
            commands::session::unlock,
            commands::session::recover,
            commands::session::lock,
            commands::session::open_demo,
            commands::session::change_passphrase,
            commands::residents::list_residents,
            commands::residents::get_resident,
            commands::residents::create_resident,
            commands::residents::update_resident,
            commands::residents::list_kernen,
            commands::requests::list_requests,
            commands::requests::get_request,
            commands::requests::create_request,
            commands::requests::update_request,
            commands::requests::change_request_status,
            commands::requests::add_contact_note,
            commands::today::today,
            commands::backups::list_backups,
            commands::backups::export_backup,
            commands::backups::restore_backup,
            commands::settings::get_settings,
            commands::settings::update_settings,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(|handle, event| {
            // Close the database on the way out: SQLite then folds the WAL
            // back into buurtpunt.db and nothing stays open.
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = handle.try_state::<AppState>() {
                    match state.session() {
                        Ok(mut s) => {
                            s.lock();
                        }
                        Err(e) => eprintln!("buurtpunt: closing: {e:?}"),
                    }
                }
            }
        }),
        Err(e) => {
            eprintln!("Buurtpunt kon niet starten: {e}");
            std::process::exit(1);
        }
    }
}
