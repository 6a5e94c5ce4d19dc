//! The register of requests about a person's own data (AVG art. 15, 16,
//! 17): inzage, correctie, wissen. Each is due one calendar month after it
//! was received; Vandaag shows the open ones with their deadline until they
//! are done. Making an inzage or erasing can mark the request done in the
//! same transaction.

mod store;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text_enum;

pub use store::{create, done, done_in, of_resident, open};

text_enum! {
    /// What the person asked.
    pub enum PrivacyRequestKind {
        Inzage => "inzage",
        Correctie => "correctie",
        Wissen => "wissen",
    }
}

/// The longest note.
pub const NOTE_MAX: usize = 1000;

/// One request in the register.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrivacyRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: PrivacyRequestKind,
    #[ts(type = "number")]
    pub resident_id: i64,
    /// "Anna Bakker"; empty once erased.
    pub resident_name: String,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    /// `YYYY-MM-DD`: one calendar month after `received_on`.
    pub deadline_on: String,
    pub done_on: Option<String>,
    pub note: String,
    /// Open and past its deadline today.
    pub overdue: bool,
    /// Whole days until the deadline (negative: late).
    #[ts(type = "number")]
    pub days_left: i64,
}

/// A request as typed in the form.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct PrivacyRequestInput {
    pub kind: Option<PrivacyRequestKind>,
    #[ts(type = "number")]
    pub resident_id: i64,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    pub note: String,
}

/// The legal deadline: one calendar month after receipt (31 January → 28
/// or 29 February).
pub fn deadline(received: NaiveDate) -> NaiveDate {
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}
