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

/// `--test-files DIR`: tests only (debug builds). The UI then saves exports
/// into DIR and takes the file to open from the test, instead of showing the
/// native file dialogs that WebDriver cannot reach.
#[cfg(debug_assertions)]
fn test_files_dir() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--test-files" {
            return args.next().map(PathBuf::from);
        }
    }
    None
}

#[cfg(not(debug_assertions))]
fn test_files_dir() -> Option<PathBuf> {
    None
}

/// Lock the session: stop the background work, close the database cleanly.
fn close_session(handle: &tauri::AppHandle) {
    if let Some(state) = handle.try_state::<AppState>() {
        match state.session().map(|mut s| s.lock()) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => eprintln!("buurtpunt: closing: {e}"),
            Err(e) => eprintln!("buurtpunt: closing: {e:?}"),
        }
    }
}

/// The session ending (logout, shutdown: SIGTERM, SIGHUP) or Ctrl+C in a
/// terminal: close the database cleanly first, then leave as a window close does.
#[cfg(unix)]
fn close_on_signals(handle: tauri::AppHandle) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("buurtpunt-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                eprintln!("buurtpunt: signal {signal}: closing the database");
                close_session(&handle);
                handle.exit(0);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn close_on_signals(_handle: tauri::AppHandle) -> std::io::Result<()> {
    Ok(())
}

pub fn run() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let dir = match data_dir_override() {
                Some(d) => d,
                None => app.path().app_data_dir()?,
            };
            app.manage(AppState::new(dir, test_files_dir()));
            close_on_signals(app.handle().clone())?;
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
            commands::session::check_database,
            commands::session::daily_backup,
            commands::session::open_demo,
            commands::session::change_passphrase,
            commands::session::test_files_dir,
            commands::residents::list_residents,
            commands::residents::get_resident,
            commands::residents::create_resident,
            commands::residents::update_resident,
            commands::residents::list_kernen,
            commands::import::import_preview,
            commands::import::import_check,
            commands::import::import_run,
            commands::requests::list_requests,
            commands::requests::get_request,
            commands::requests::create_request,
            commands::requests::update_request,
            commands::requests::change_request_status,
            commands::requests::add_contact_note,
            commands::followup::request_agreements,
            commands::followup::add_agreement,
            commands::followup::set_agreement_done,
            commands::followup::request_reminders,
            commands::followup::add_reminder,
            commands::followup::complete_reminder,
            commands::followup::snooze_reminder,
            commands::followup::due_reminders,
            commands::consents::resident_consents,
            commands::consents::record_consent,
            commands::consents::withdraw_consent,
            commands::consents::resident_exports,
            commands::referrals::request_referrals,
            commands::referrals::create_referral,
            commands::referrals::update_referral,
            commands::referrals::change_referral_status,
            commands::referrals::open_wmo_referrals,
            commands::referrals::professional_advice,
            commands::referrals::export_handover,
            commands::contact_persons::list_contact_persons,
            commands::contact_persons::create_contact_person,
            commands::contact_persons::update_contact_person,
            commands::requests::close_request,
            commands::today::today,
            commands::backups::list_backups,
            commands::backups::export_backup,
            commands::backups::restore_backup,
            commands::backups::restore_with_passphrase,
            commands::backups::restore_with_recovery_key,
            commands::backups::accept_less_data,
            commands::settings::get_settings,
            commands::settings::update_settings,
            commands::volunteers::get_volunteer,
            commands::volunteers::create_volunteer,
            commands::volunteers::update_volunteer,
            commands::volunteers::change_volunteer_status,
            commands::volunteers::list_volunteers,
            commands::volunteers::volunteer_overview,
            commands::volunteers::add_absence,
            commands::volunteers::remove_absence,
            commands::volunteers::add_checkin,
            commands::volunteers::volunteer_matches,
            commands::skills::list_skills,
            commands::skills::create_skill,
            commands::skills::update_skill,
            commands::matching::suggest_volunteers,
            commands::matches::create_match,
            commands::matches::change_match_status,
            commands::matches::update_match_agreement,
            commands::matches::request_matches,
            commands::hours::log_hours,
            commands::hours::remove_hours,
            commands::hours::match_hours,
            commands::hours::hour_totals,
            commands::social_map::list_organisations,
            commands::social_map::get_organisation,
            commands::social_map::create_organisation,
            commands::social_map::update_organisation,
            commands::social_map::delete_organisation,
            commands::social_map::mark_organisation_checked,
            commands::social_map::create_service,
            commands::social_map::update_service,
            commands::social_map::delete_service,
            commands::social_map::get_service,
            commands::social_map::list_services,
            commands::social_map::suggest_services,
            commands::social_map::social_map_due,
            commands::social_map::import_social_map,
            commands::social_map::export_social_map,
            commands::drafts::save_draft,
            commands::drafts::list_drafts,
            commands::drafts::get_draft,
            commands::drafts::discard_draft,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(|handle, event| {
            // Close the database on the way out: SQLite then folds the WAL
            // back into buurtpunt.db and the clean-close mark is written.
            if let tauri::RunEvent::Exit = event {
                close_session(handle);
            }
        }),
        Err(e) => {
            eprintln!("Buurtpunt kon niet starten: {e}");
            std::process::exit(1);
        }
    }
}
