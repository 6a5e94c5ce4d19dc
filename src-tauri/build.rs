//! Generates `allow-<command>` permissions for exactly the app's commands,
//! and the window's capability file from the same list, so the capability
//! grants them one by one and nothing else (least privilege).

use std::path::Path;

include!("src/command_list.rs");

/// `module::command, ...` → their names.
macro_rules! names {
    ($($module:ident :: $command:ident),* $(,)?) => {
        &[$(stringify!($command)),*]
    };
}

const COMMANDS: &[&str] = with_commands!(names);

/// What the window may use besides its own commands: the events (the import
/// progress) and the zoom (Ctrl + and Ctrl -, for older eyes). The file
/// dialogs are not among them: they run behind the app's own commands
/// (`pick_open_file`, `pick_save_file`).
const OTHER_PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "core:webview:allow-set-webview-zoom",
];

const CAPABILITY: &str = "capabilities/default.json";

/// The capability of the main window: exactly the listed commands.
fn capability() -> String {
    let permissions: Vec<String> = OTHER_PERMISSIONS
        .iter()
        .map(|p| p.to_string())
        .chain(
            COMMANDS
                .iter()
                .map(|c| format!("allow-{}", c.replace('_', "-"))),
        )
        .map(|p| format!("    \"{p}\""))
        .collect();
    format!(
        r#"{{
  "$schema": "../gen/schemas/desktop-schema.json",
  "identifier": "main-window",
  "description": "Written by build.rs from src/command_list.rs (do not edit): the main window may call exactly Buurtpunt's own commands, and the few plugin permissions build.rs names, nothing else.",
  "windows": [
    "main"
  ],
  "permissions": [
{}
  ]
}}
"#,
        permissions.join(",\n")
    )
}

/// Write the capability file when it differs (an unchanged file keeps its
/// time, so cargo does not run this script again for nothing).
fn write_capability() -> std::io::Result<()> {
    let path = Path::new(CAPABILITY);
    let text = capability();
    if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(path, text)?;
    }
    Ok(())
}

fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    if let Err(e) = write_capability() {
        println!("cargo:warning=could not write {CAPABILITY}: {e}");
        std::process::exit(1);
    }
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attrs) {
        println!("cargo:warning=tauri build step failed: {e}");
        std::process::exit(1);
    }
}
