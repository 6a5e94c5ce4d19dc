//! Buurtpunt's domain and encrypted store.
//!
//! Organised by feature: one module per table (residents, requests, ...),
//! plus the `store` (open, unlock, migrations, backups, timestamps, paged
//! lists). Below the features sit the words they share ([`vocab`]) and the
//! PDF engine (`pdf`); features never import each other in a circle
//! (`tests/no_loops.rs`). Nothing here knows about Tauri: the app crate
//! calls in with plain values and `now`.

pub mod agenda;
pub mod anonymise;
pub mod audit;
pub mod chart;
pub mod child;
pub mod consents;
pub mod contact_persons;
pub mod data_breaches;
pub mod demo;
pub mod drafts;
pub mod erase;
pub mod error;
pub mod followup;
pub mod full_export;
pub mod handover;
pub mod hours;
pub mod import;
pub mod inzage;
pub mod matches;
pub mod matching;
pub(crate) mod pdf;
pub mod phone_note;
pub mod privacy_docs;
pub mod privacy_requests;
pub mod professional;
pub mod referrals;
pub mod report;
pub mod requests;
pub mod residents;
pub mod results;
pub mod retention;
pub mod search;
pub mod session;
pub mod settings;
pub mod setup;
pub mod signals;
pub mod skills;
pub mod social_map;
pub mod store;
pub mod today;
pub mod validate;
pub mod vocab;
pub mod volunteers;
pub(crate) mod zipped;

pub use error::{Error, Result};
pub use store::Db;

/// In `main`, before anything else: when the app was started as a reader
/// of a foreign file (see [`child`]), answer on stdout and give the exit
/// code.
pub fn serve_child_if_asked() -> Option<i32> {
    let flag = std::env::args_os().nth(1)?;
    let answer = if flag == import::child::CHILD_FLAG {
        import::child::answer
    } else if flag == social_map::hsds::tabular::unzip::CHILD_FLAG {
        social_map::hsds::tabular::unzip::answer
    } else {
        return None;
    };
    Some(child::serve(
        std::io::stdin().lock(),
        std::io::stdout().lock(),
        answer,
    ))
}

/// A page of list results, with the total for the pager.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Page<T> {
    pub items: Vec<T>,
    #[ts(type = "number")]
    pub total: i64,
    #[ts(type = "number")]
    pub page: i64,
    #[ts(type = "number")]
    pub page_size: i64,
    /// The count stopped at `total`: there are more ("meer dan …").
    pub more_than: bool,
    /// A page follows this one.
    pub has_next: bool,
}
