//! Thin Tauri commands, one file per feature. Each locks the session and
//! makes one call into `buurtpunt-core`.

pub mod backups;
pub mod hours;
pub mod matches;
pub mod matching;
pub mod requests;
pub mod residents;
pub mod session;
pub mod settings;
pub mod skills;
pub mod today;
pub mod volunteers;
