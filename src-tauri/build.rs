//! Generates `allow-<command>` permissions for exactly the app's commands, so
//! the capability file can grant them one by one (least privilege).

const COMMANDS: &[&str] = &[
    "app_status",
    "create_help_point",
    "save_recovery_sheet",
    "confirm_recovery_saved",
    "unlock",
    "recover",
    "lock",
    "open_demo",
    "change_passphrase",
    "test_files_dir",
    "list_residents",
    "get_resident",
    "create_resident",
    "update_resident",
    "list_kernen",
    "list_requests",
    "get_request",
    "create_request",
    "update_request",
    "change_request_status",
    "add_contact_note",
    "today",
    "list_backups",
    "export_backup",
    "restore_backup",
    "get_settings",
    "update_settings",
    "get_volunteer",
    "create_volunteer",
    "update_volunteer",
    "change_volunteer_status",
    "list_volunteers",
    "volunteer_overview",
    "add_absence",
    "remove_absence",
    "add_checkin",
    "volunteer_matches",
    "list_skills",
    "create_skill",
    "update_skill",
    "suggest_volunteers",
    "create_match",
    "change_match_status",
    "update_match_agreement",
    "request_matches",
    "log_hours",
    "remove_hours",
    "match_hours",
    "hour_totals",
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attrs) {
        println!("cargo:warning=tauri build step failed: {e}");
        std::process::exit(1);
    }
}
