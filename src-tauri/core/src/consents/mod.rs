//! Consent (toestemming) of a resident to share data with a recipient:
//! given by whom, when, how, which kinds of data, until when. Nothing about a
//! resident leaves Buurtpunt without a valid consent for that recipient, or
//! an override in acute danger (with a reason, logged).

mod preview;
mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use preview::{preview, CategoryPreview};
pub use store::{covering, default_until, of_resident, record, withdraw};

use crate::text_enum;
use crate::vocab::DataCategory;

text_enum! {
    pub enum GivenBy {
        Resident => "resident",
        Representative => "representative",
    }
}

text_enum! {
    /// mondeling | schriftelijk
    pub enum ConsentHow {
        Oral => "oral",
        Written => "written",
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsentInput {
    pub given_by: GivenBy,
    /// The representative's name and relation, when not the resident.
    #[serde(default)]
    pub representative: String,
    /// `YYYY-MM-DD`.
    pub given_on: String,
    pub how: ConsentHow,
    /// The kinds of data that may be shared.
    pub categories: Vec<DataCategory>,
    /// The recipient on the social map, if chosen there.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub service_id: Option<i64>,
    /// The recipient's name (the organisation).
    pub recipient: String,
    /// `YYYY-MM-DD` or empty (no end date).
    #[serde(default)]
    pub valid_until: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Consent {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub resident_id: i64,
    pub given_by: GivenBy,
    pub representative: String,
    pub given_on: String,
    pub how: ConsentHow,
    pub categories: Vec<DataCategory>,
    #[ts(type = "number | null")]
    pub service_id: Option<i64>,
    pub recipient: String,
    pub valid_until: Option<String>,
    pub withdrawn_on: Option<String>,
    pub note: String,
    /// Valid today: given, not ended, not withdrawn.
    pub valid_now: bool,
}
