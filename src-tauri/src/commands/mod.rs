//! Thin Tauri commands, one file per feature. Each locks the session and
//! makes one call into `buurtpunt-core`.

pub mod agenda;
pub mod audit;
pub mod backups;
pub mod consents;
pub mod contact_persons;
pub mod drafts;
pub mod files;
pub mod followup;
pub mod full_export;
pub mod hours;
pub mod import;
pub mod matches;
pub mod matching;
pub mod meeting;
pub mod privacy;
pub mod privacy_rights;
pub mod referrals;
pub mod report;
pub mod requests;
pub mod residents;
pub mod retention;
pub mod session;
pub mod settings;
pub mod setup;
pub mod signals;
pub mod skills;
pub mod social_map;
pub mod today;
pub mod volunteers;
