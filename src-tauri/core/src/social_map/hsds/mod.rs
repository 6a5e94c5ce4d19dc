//! Open Referral HSDS 3 import and export, so a municipality's or a
//! neighbouring village's social map can be taken over.
//!
//! Two formats:
//! - JSON: an array of HSDS `organization` objects, each with its nested
//!   `services` (and their `contacts`, `phones`, `schedules`, `languages`,
//!   `service_areas`). The import also takes an HSDS API page (`contents`), a
//!   single organisation, or a list of services that each nest their
//!   `organization`.
//! - CSV: the HSDS tabular form (`organizations.csv`, `services.csv`,
//!   `contacts.csv`, `phones.csv`, `schedules.csv`, `languages.csv`,
//!   `service_areas.csv`) with a Frictionless `datapackage.json`, in one ZIP.
//!
//! Buurtpunt's own fields travel as extension keys: `x_buurtpunt_wmo_desk`,
//! `x_buurtpunt_topics` (flag and life-area codes) and, on an organisation,
//! `x_buurtpunt_last_checked_on` / `_by`. "Last checked on" is also each
//! service's standard `assured_date`.
//!
//! The export follows the official compiled schemas strictly: every id a
//! UUID (child rows get stable v5 UUIDs, see [`ids`]), no `null` or empty
//! string for an absent value, websites with their scheme.
//!
//! An import goes record by record: a value that breaks the forms' rules
//! (a phone number that is not one) is left out and reported, the rest of
//! the record and of the file is taken; a record without a usable name is
//! skipped and reported. Only a file that is not HSDS at all is refused.
//! Organisations are matched by HSDS id, then by name; services by id, then
//! by name within their organisation. Ids that are not UUIDs become a UUID
//! of their own (always the same one), so a re-import updates. A key that
//! is missing in the file leaves the stored value alone.

mod apply;
mod ids;
mod json;
mod languages;
mod merge;
mod read_json;
pub mod tabular;

use std::path::Path;

use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text_enum;
use crate::vocab::Rule;
use crate::{Db, Error, Result};

/// The largest file an import reads, in MiB.
pub const MAX_FILE_MB: u32 = 20;
/// The most organisations one import takes.
pub const MAX_ORGANISATIONS: usize = 5_000;
/// The most services one import takes.
pub const MAX_SERVICES: usize = 50_000;
/// Problems listed in a report; `problem_total` counts all.
pub const MAX_LISTED: usize = 200;

text_enum! {
    /// The export formats.
    pub enum HsdsFormat {
        Json => "json",
        CsvZip => "csv_zip",
    }
}

text_enum! {
    /// What the import did with a value it could not take as it was:
    /// `field_skipped` (left out, the rest of the record was taken),
    /// `record_skipped` (the whole organisation or service was left out),
    /// `dropped` (a field Buurtpunt does not know), `converted` (taken in
    /// another form: a language code as its name).
    pub enum HsdsAction {
        FieldSkipped => "field_skipped",
        RecordSkipped => "record_skipped",
        Dropped => "dropped",
        Converted => "converted",
    }
}

/// What an import did: the counts, and each value it could not take as it was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HsdsReport {
    /// The file was read (always, once it is HSDS; kept for older screens).
    pub imported: bool,
    pub organisations_new: u32,
    /// Existing organisations updated, found by their HSDS id.
    pub organisations_by_id: u32,
    /// Existing organisations updated, found by their name.
    pub organisations_by_name: u32,
    pub services_new: u32,
    pub services_updated: u32,
    pub organisations_skipped: u32,
    pub services_skipped: u32,
    /// HSDS fields of the file that Buurtpunt does not keep (`alternate_name`, …).
    pub dropped_fields: Vec<String>,
    /// The first [`MAX_LISTED`] problems.
    pub problems: Vec<HsdsProblem>,
    pub problem_total: u32,
}

/// One value in the file that cannot be taken over.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HsdsProblem {
    /// `organizations.csv`, `services.csv`, … or `json`.
    pub file: String,
    /// CSV: the line in the file (the header is line 1). JSON: the
    /// organisation's position in the file (1 = first).
    pub row: u32,
    pub organisation: String,
    /// The service's name, when the problem is in a service.
    pub service: String,
    /// A field of the forms (`name`, `contactEmail`, …), or `id`,
    /// `organizationId`, `lastCheckedOn`, `wmoDesk`, `topics`, `language`,
    /// `address`, `field` (an unknown field).
    pub field: String,
    pub rule: Rule,
    #[ts(type = "number | null")]
    pub max: Option<usize>,
    pub action: HsdsAction,
    /// The value concerned: the unknown field's name, a language code, a
    /// topic's name (empty when it says nothing more).
    pub value: String,
}

/// What an export wrote.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HsdsExportSummary {
    pub organisations: u32,
    pub services: u32,
}

/// Where a record sits in the file, for the report.
#[derive(Debug, Clone, Default)]
pub(crate) struct Place {
    pub file: String,
    pub row: u32,
}

/// An organisation as read from a file. `None` = the key is not in the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct OrgRecord {
    pub place: Place,
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// All its phone numbers, in file order; the first good one is taken.
    pub phones: Option<Vec<String>>,
    pub checked_on: Option<String>,
    pub checked_by: Option<String>,
    pub locations: Option<Vec<LocationRecord>>,
    pub services: Vec<ServiceRecord>,
}

/// A location with its address, as read from a file.
#[derive(Debug, Clone, Default)]
pub(crate) struct LocationRecord {
    pub id: Option<String>,
    pub address_id: Option<String>,
    pub name: String,
    pub address_1: String,
    pub address_2: String,
    pub postal_code: String,
    pub city: String,
    pub state_province: String,
}

/// A service as read from a file. `None` = the key is not in the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct ServiceRecord {
    pub place: Place,
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub application_process: Option<String>,
    pub eligibility_description: Option<String>,
    pub fees_description: Option<String>,
    pub status: Option<String>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub minimum_age: Option<String>,
    pub maximum_age: Option<String>,
    pub languages: Option<String>,
    pub service_area: Option<String>,
    pub schedule: Option<String>,
    /// The schedules that have structure (days, times), as in the file.
    pub schedules: Option<Vec<crate::social_map::OpeningHours>>,
    pub contact_name: Option<String>,
    /// The contact's phone numbers (else the service's), in file order; the
    /// first good one is taken.
    pub contact_phones: Option<Vec<String>>,
    pub contact_email: Option<String>,
    /// The other contacts, as in the file (their phones not yet checked).
    pub more_contacts: Option<Vec<crate::social_map::MoreContact>>,
    pub wmo_desk: Option<String>,
    pub topics: Option<Vec<String>>,
    pub assured_date: Option<String>,
    /// The HSDS ids of the locations it is given at.
    pub location_ids: Option<Vec<String>>,
}

/// What a file holds, and the problems found while reading it.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub orgs: Vec<OrgRecord>,
    pub problems: Vec<HsdsProblem>,
    /// The file's fields that Buurtpunt does not keep.
    pub dropped: std::collections::BTreeSet<String>,
}

/// Who a note is about: a place in the file, an organisation, a service.
#[derive(Debug, Clone, Default)]
pub(crate) struct Who {
    pub place: Place,
    pub organisation: String,
    pub service: String,
}

impl Parsed {
    /// A value that was left out (or changed), with why.
    pub fn note(&mut self, who: &Who, field: &str, rule: Rule, action: HsdsAction, value: &str) {
        self.problems.push(HsdsProblem {
            file: who.place.file.clone(),
            row: who.place.row,
            organisation: who.organisation.clone(),
            service: who.service.clone(),
            field: field.to_owned(),
            rule,
            max: None,
            action,
            value: value.to_owned(),
        });
    }

    pub fn problem(
        &mut self,
        at: &Place,
        organisation: &str,
        service: &str,
        field: &str,
        rule: Rule,
    ) {
        let who = Who {
            place: at.clone(),
            organisation: organisation.to_owned(),
            service: service.to_owned(),
        };
        self.note(&who, field, rule, HsdsAction::RecordSkipped, "");
    }
}

/// The whole social map as HSDS bytes.
pub fn export(conn: &Connection, format: HsdsFormat) -> Result<(Vec<u8>, HsdsExportSummary)> {
    // The day only sets `needs_check`, which is not exported.
    let orgs = super::organisations::all(conn, chrono::NaiveDate::MIN)?;
    let summary = HsdsExportSummary {
        organisations: orgs.len() as u32,
        services: orgs.iter().map(|o| o.services.len() as u32).sum(),
    };
    let bytes = match format {
        HsdsFormat::Json => json::write(&orgs)?,
        HsdsFormat::CsvZip => tabular::write(&orgs)?,
    };
    Ok((bytes, summary))
}

/// Export to a file the user chose. Written beside it first and then moved
/// into place, so a half-written file never carries the chosen name.
pub fn export_file(
    conn: &Connection,
    format: HsdsFormat,
    path: &Path,
) -> Result<HsdsExportSummary> {
    let (bytes, summary) = export(conn, format)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile_in(dir)?;
    std::io::Write::write_all(&mut tmp.1, &bytes)?;
    tmp.1.sync_all()?;
    drop(tmp.1);
    std::fs::rename(&tmp.0, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp.0);
    })?;
    Ok(summary)
}

/// A new file beside the target, with a name nothing else uses.
fn tempfile_in(dir: &Path) -> Result<(std::path::PathBuf, std::fs::File)> {
    let id = super::new_hsds_id()?;
    let path = dir.join(format!(".buurtpunt-export-{id}.tmp"));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    Ok((path, file))
}

/// Read an HSDS file (JSON, or the CSV ZIP) and take it over.
pub fn import_file(db: &mut Db, path: &Path, now: NaiveDateTime) -> Result<HsdsReport> {
    let len = std::fs::metadata(path)?.len();
    if len > u64::from(MAX_FILE_MB) * 1024 * 1024 {
        return Err(Error::HsdsUnreadable(format!(
            "the file is larger than {MAX_FILE_MB} MB"
        )));
    }
    let bytes = std::fs::read(path)?;
    import_bytes(db, &bytes, now)
}

/// Take over the social map in `bytes`, in one transaction, record by record.
/// A file that is not HSDS is `HsdsUnreadable`; one without organisations is
/// `HsdsEmpty`; values and records that cannot be taken are in the report.
pub fn import_bytes(db: &mut Db, bytes: &[u8], now: NaiveDateTime) -> Result<HsdsReport> {
    let parsed = read(bytes)?;
    if parsed.orgs.is_empty() {
        return Err(Error::HsdsEmpty);
    }
    let services: usize = parsed.orgs.iter().map(|o| o.services.len()).sum();
    if parsed.orgs.len() > MAX_ORGANISATIONS || services > MAX_SERVICES {
        return Err(Error::HsdsUnreadable(format!(
            "{} organisations and {services} services; at most {MAX_ORGANISATIONS} and {MAX_SERVICES}",
            parsed.orgs.len()
        )));
    }
    apply::run(db, parsed, now)
}

fn read(bytes: &[u8]) -> Result<Parsed> {
    if bytes.starts_with(b"PK\x03\x04") {
        return tabular::read(bytes);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') | Some(b'{') => read_json::read(text),
        _ => Err(Error::HsdsUnreadable(
            "neither HSDS JSON nor a ZIP with HSDS CSV files".into(),
        )),
    }
}
