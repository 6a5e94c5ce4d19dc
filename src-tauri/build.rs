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
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attrs) {
        println!("cargo:warning=tauri build step failed: {e}");
        std::process::exit(1);
    }
}
