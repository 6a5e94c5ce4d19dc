//! Thin Tauri commands, one file per feature. Each locks the session and
//! makes one call into `buurtpunt-core`.

pub mod backups;
pub mod requests;
pub mod residents;
pub mod session;
pub mod settings;
pub mod today;
