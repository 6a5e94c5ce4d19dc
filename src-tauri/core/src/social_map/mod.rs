//! The social map (sociale kaart): local organisations and their services,
//! with fields named after Open Referral HSDS 3, a reminder when an entry has
//! not been checked for 12 months, suggestions for referrals, and HSDS
//! import/export ([`hsds`]).
//!
//! "Last checked on … by …" belongs to the organisation: it is what a contact
//! person phones to verify, and the "Gecontroleerd" button stamps it. In HSDS
//! it travels as each service's `assured_date`.
//!
//! The social map holds no personal data of residents.

pub mod hsds;
mod input;
mod locations;
mod organisations;
mod search_index;
mod services;
mod topics;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use input::opening_hours_ok;
pub use input::{LocationInput, OrganisationInput, ServiceInput};
pub use organisations::{
    create_organisation, create_with_service, delete_organisation, due, get_organisation,
    list_organisations, mark_checked, update_organisation,
};
pub use services::{
    create_service, delete_service, get_service, list_services, suggest_services, update_service,
};

use crate::professional::ProfessionalFlag;
use crate::text_enum;
use crate::vocab::LifeArea;
use crate::{Error, Result};

text_enum! {
    /// A service's HSDS status. Inactive and defunct services are not
    /// suggested for a referral.
    pub enum ServiceStatus {
        Active => "active",
        Inactive => "inactive",
        Defunct => "defunct",
        TemporarilyClosed => "temporarily closed",
    }
}

// `text_enum!` cannot mark a variant `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for ServiceStatus {
    fn default() -> Self {
        Self::Active
    }
}

/// Another contact of a service (the first is its `contact_*` fields).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MoreContact {
    pub name: String,
    /// "Sociaal werker".
    pub title: String,
    pub email: String,
    pub phones: Vec<String>,
}

/// Opening hours as HSDS structures them (one `schedule`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct OpeningHours {
    /// `WEEKLY` or `MONTHLY`; empty when not given.
    pub freq: String,
    /// "MO,TU" (iCal days).
    pub byday: String,
    /// "09:30".
    pub opens_at: String,
    pub closes_at: String,
    pub description: String,
}

/// A list kept as JSON text in one column.
pub(crate) fn json_list<T: serde::de::DeserializeOwned>(
    raw: &str,
    col: usize,
) -> rusqlite::Result<Vec<T>> {
    serde_json::from_str(raw).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A place of an organisation where people can go: an HSDS `location` with
/// its one `address`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Location {
    #[ts(type = "number")]
    pub id: i64,
    pub hsds_id: String,
    pub address_hsds_id: String,
    /// "Dorpshuis De Linde"; may be empty.
    pub name: String,
    /// Street and number.
    pub address_1: String,
    pub address_2: String,
    pub postal_code: String,
    pub city: String,
    /// The province ("Drenthe").
    pub state_province: String,
    /// ISO 3166-1 alpha-2 ("NL").
    pub country: String,
}

impl Location {
    /// "Dorpshuis De Linde, Brinkstraat 4, 9541 AB Lindeloo".
    pub fn one_line(&self) -> String {
        let place = format!("{} {}", self.postal_code, self.city);
        [
            self.name.as_str(),
            self.address_1.as_str(),
            self.address_2.as_str(),
            place.trim(),
        ]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// How long an entry stays fresh after a check.
pub const CHECK_MONTHS: u32 = 12;
/// How many organisations the Vandaag reminder lists (the count covers all).
pub const DUE_LISTED: i64 = 5;
/// The most suggestions [`suggest_services`] returns.
pub const MAX_SUGGESTIONS: usize = 50;

/// The day on or before which a check counts as too old.
pub fn check_cutoff(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(CHECK_MONTHS))
        .unwrap_or(NaiveDate::MIN)
}

/// An entry needs checking when it was never checked, or not for 12 months.
pub fn needs_check(last_checked_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    last_checked_on.is_none_or(|d| d <= check_cutoff(today))
}

/// A fresh HSDS identifier: a random (version 4) UUID.
pub(crate) fn new_hsds_id() -> Result<String> {
    let mut b = [0u8; 16];
    getrandom::getrandom(&mut b).map_err(|e| Error::Crypto(e.to_string()))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

/// An organisation with all its services, as on its own page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Organisation {
    #[ts(type = "number")]
    pub id: i64,
    /// The HSDS identifier, kept through export and import.
    pub hsds_id: String,
    pub name: String,
    pub description: String,
    pub email: String,
    pub website: String,
    pub phone: String,
    /// Its other phone numbers.
    pub more_phones: Vec<String>,
    /// `YYYY-MM-DD`, or `None` when never checked.
    pub last_checked_on: Option<String>,
    pub last_checked_by: String,
    pub needs_check: bool,
    /// Where to go: its addresses.
    pub locations: Vec<Location>,
    pub services: Vec<Service>,
    pub created_at: String,
    pub updated_at: String,
}

/// One service of an organisation, with every field.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Service {
    #[ts(type = "number")]
    pub id: i64,
    pub hsds_id: String,
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub name: String,
    pub description: String,
    pub status: ServiceStatus,
    /// The service's own web page (an organisation's website is separate).
    pub url: String,
    pub email: String,
    #[ts(type = "number | null")]
    pub minimum_age: Option<i64>,
    #[ts(type = "number | null")]
    pub maximum_age: Option<i64>,
    /// The organisation's locations where it is given (ids of [`Location`]);
    /// empty: at the organisation's addresses, if any.
    #[ts(type = "number[]")]
    pub location_ids: Vec<i64>,
    /// How to apply.
    pub application_process: String,
    /// Who it is for.
    pub eligibility_description: String,
    /// What it costs.
    pub fees_description: String,
    /// "Nederlands, Fries".
    pub languages: String,
    pub service_area: String,
    /// Opening hours, as text.
    pub schedule: String,
    /// Opening hours as structure, when a file gave them so.
    pub schedules: Vec<OpeningHours>,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    /// Other phone numbers of the (first) contact.
    pub more_phones: Vec<String>,
    /// Its other contacts.
    pub more_contacts: Vec<MoreContact>,
    /// This is the municipality's Wmo-loket: a referral is a melding with a
    /// 6-week deadline.
    pub wmo_desk: bool,
    /// The professional flags it handles.
    pub flags: Vec<ProfessionalFlag>,
    /// The life areas it helps with.
    pub areas: Vec<LifeArea>,
}

/// One row of the organisation list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrganisationSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// The first 200 characters of the description.
    pub description: String,
    pub phone: String,
    /// The names of its first services (alphabetical).
    pub service_names: Vec<String>,
    #[ts(type = "number")]
    pub service_count: i64,
    /// One of its services is the Wmo-loket.
    pub wmo_desk: bool,
    pub last_checked_on: Option<String>,
    pub last_checked_by: String,
    pub needs_check: bool,
}

/// Filters of the organisation list.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct OrganisationQuery {
    pub text: String,
    /// Only entries not checked for 12 months (or never).
    pub needs_check: bool,
    #[ts(type = "number")]
    pub page: i64,
    #[ts(type = "number")]
    pub page_size: i64,
}

/// One service in a list or a suggestion (for the referral form's picker).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ServiceSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub organisation_name: String,
    /// The service's contact phone, else the organisation's.
    pub phone: String,
    /// Where to go, on one line (its first address, else its
    /// organisation's); empty when none is known.
    pub address: String,
    pub status: ServiceStatus,
    pub wmo_desk: bool,
    pub flags: Vec<ProfessionalFlag>,
    pub areas: Vec<LifeArea>,
    pub last_checked_on: Option<String>,
}

/// Filters of the service list.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ServiceQuery {
    pub text: String,
    #[ts(type = "number")]
    pub page: i64,
    #[ts(type = "number")]
    pub page_size: i64,
}

/// A service with its organisation's name and contact details: what the
/// referral screen shows and copies.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ServiceDetail {
    pub service: Service,
    pub organisation_name: String,
    pub organisation_phone: String,
    pub organisation_email: String,
    pub organisation_website: String,
    /// Where to go: the service's locations, else its organisation's.
    pub locations: Vec<Location>,
    pub last_checked_on: Option<String>,
    pub last_checked_by: String,
}

/// The 12-month check reminder for Vandaag.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckDue {
    /// How many organisations need a check.
    #[ts(type = "number")]
    pub total: i64,
    /// The longest unchecked first (never checked before all).
    pub items: Vec<OrganisationSummary>,
    /// How many organisations the map holds at all (an empty map is not
    /// "all checked").
    #[ts(type = "number")]
    pub organisations: i64,
}
