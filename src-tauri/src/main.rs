// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Started by the app to read one foreign file (core `child`): answer, stop.
    if let Some(code) = buurtpunt_core::serve_child_if_asked() {
        std::process::exit(code);
    }
    buurtpunt_lib::lean_start();
    buurtpunt_lib::run();
}
