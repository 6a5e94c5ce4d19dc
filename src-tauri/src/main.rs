// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    buurtpunt_lib::lean_start();
    buurtpunt_lib::run();
}
