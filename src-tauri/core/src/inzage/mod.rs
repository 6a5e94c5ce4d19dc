//! Inzage (AVG art. 15): everything Buurtpunt holds about one person, as one
//! JSON file (every row, every column) and one PDF in plain Dutch, written
//! beside each other through the save dialog, atomically, and logged in
//! `exports` (audit "geëxporteerd") in the transaction that writes them.
//! A resident who is also a volunteer gets their volunteer part too (the
//! volunteer panel makes the same inzage). Rows about another resident (a
//! volunteer's help on someone else's request) come without their texts.

mod collect;
mod doc;

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::audit::actor;
use crate::privacy_docs;
use crate::store::files::write_logged;
use crate::store::time::stamp;
use crate::vocab::{DataCategory, Mask};
use crate::{privacy_requests, settings};
use crate::{Db, Result};

/// The version of the JSON's layout.
pub const FORMAT: u32 = 1;

/// One stored row: column name → value.
pub type Row = serde_json::Map<String, serde_json::Value>;

/// Everything about one person.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Inzage {
    pub format: u32,
    pub made_at: String,
    pub help_point: String,
    /// Their record: name, address, contact, notes, representative.
    pub resident: Row,
    /// The people around them, as they were written down.
    pub network: Vec<Row>,
    /// Their help requests, each with everything that belongs to it.
    pub requests: Vec<RequestPart>,
    /// Signals about them.
    pub signals: Vec<Row>,
    pub consents: Vec<Row>,
    /// Every export of their data: to whom, when, which categories.
    pub exports: Vec<Row>,
    /// Their requests for inzage, correction or erasure.
    pub privacy_requests: Vec<Row>,
    /// Present when they are also a volunteer.
    pub volunteer: Option<VolunteerPart>,
    /// The log's lines about their file.
    pub audit: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestPart {
    /// The request in their own words.
    pub request: Row,
    pub life_areas: Vec<String>,
    pub skills: Vec<String>,
    pub contact_log: Vec<Row>,
    pub agreements: Vec<Row>,
    pub reminders: Vec<Row>,
    pub matches: Vec<Row>,
    pub hours: Vec<Row>,
    pub referrals: Vec<Row>,
    pub agenda_items: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerPart {
    pub profile: Row,
    pub skills: Vec<String>,
    pub refusals: Vec<String>,
    pub tags: Vec<String>,
    pub kernen: Vec<String>,
    pub absences: Vec<Row>,
    pub status_log: Vec<Row>,
    pub checkins: Vec<Row>,
    /// Their help to others: when and how it went, without the other's words.
    pub matches: Vec<Row>,
    pub hours: Vec<Row>,
    /// Signals they passed on (only when and the state).
    pub signals_noticed: Vec<Row>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InzageOutcome {
    /// The files written: PDF and JSON.
    pub files: Vec<String>,
    /// The privacy request marked done with it, if one was asked.
    #[ts(type = "number | null")]
    pub request_done: Option<i64>,
}

/// Everything about resident `id`, as of `now`.
pub fn collect(conn: &rusqlite::Connection, id: i64, now: NaiveDateTime) -> Result<Inzage> {
    let point = settings::get(conn)?;
    let help_point = if point.help_point_name.trim().is_empty() {
        "Buurtpunt".to_owned()
    } else {
        point.help_point_name
    };
    collect::collect(conn, id, help_point, stamp(now))
}

/// The inzage as pretty-printed UTF-8 JSON.
pub fn to_json(i: &Inzage) -> Result<Vec<u8>> {
    let mut out = serde_json::to_vec_pretty(i)?;
    out.push(b'\n');
    Ok(out)
}

/// The inzage as a document in plain Dutch (for tests: `.text()`).
pub fn document(i: &Inzage) -> privacy_docs::Doc {
    doc::build(i)
}

/// The inzage as a tagged A4 PDF.
pub fn pdf(i: &Inzage, now: NaiveDateTime) -> Result<Vec<u8>> {
    privacy_docs::pdf(&doc::build(i), now)
}

/// The file name the save dialog suggests.
pub fn suggested_name(i: &Inzage) -> String {
    let name = |k: &str| i.resident.get(k).and_then(|v| v.as_str()).unwrap_or("");
    let clean: String = format!("Inzage {} {}", name("first_name"), name("last_name"))
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .collect();
    format!(
        "{}.pdf",
        clean.split_whitespace().collect::<Vec<_>>().join("-")
    )
}

/// PDF and JSON paths for a chosen PDF path.
fn paths(pdf_path: &Path) -> [PathBuf; 2] {
    let pdf = pdf_path.with_extension("pdf");
    [pdf.clone(), pdf.with_extension("json")]
}

/// Make the inzage of resident `id` at `pdf_path` (the JSON beside it) and
/// log it as an export to the person themselves. With `request_done`, that
/// inzage request of theirs is marked done in the same transaction.
pub fn make(
    db: &mut Db,
    id: i64,
    pdf_path: &Path,
    request_done: Option<i64>,
    now: NaiveDateTime,
) -> Result<InzageOutcome> {
    let conn = db.conn();
    let inzage = collect(conn, id, now)?;
    let bytes = [pdf(&inzage, now)?, to_json(&inzage)?];
    let person = match actor::current(conn)? {
        Some(p) => p.name,
        None => String::new(),
    };
    let files = paths(pdf_path);
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let written: Vec<(&Path, &[u8])> = files
        .iter()
        .map(PathBuf::as_path)
        .zip(bytes.iter().map(Vec::as_slice))
        .collect();
    write_logged(db, &written, |tx| {
        tx.execute(
            "INSERT INTO exports (resident_id, what, recipient, categories, withheld,
                 contact_person, files, made_at)
             VALUES (?1, 'inzage', ?2, ?3, 0, ?4, ?5, ?6)",
            params![
                id,
                RECIPIENT,
                DataCategory::to_mask(DataCategory::ALL),
                person,
                serde_json::to_string(&names)?,
                stamp(now)
            ],
        )?;
        if let Some(request) = request_done {
            privacy_requests::done_in(tx, request, id, now.date())?;
        }
        Ok(())
    })?;
    Ok(InzageOutcome {
        files: names,
        request_done,
    })
}

/// The recipient of an inzage in the export log.
pub const RECIPIENT: &str = "De persoon zelf (inzage)";
