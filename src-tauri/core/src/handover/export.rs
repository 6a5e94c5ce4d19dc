//! Making the handover files: checks the consent, builds the minimised
//! document, writes PDF + JSON + CSV beside each other, and logs the export
//! (what, about whom, to whom, when, by which contact person).

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::build::{build, Basis, Facts};
use super::{category_label, csv, pdf, to_json, HandoverSender};
use crate::consents;
use crate::store::files::write_logged;
use crate::store::time::stamp;
use crate::validate::{self, Check, SHORT};
use crate::vocab::{DataCategory, Mask, Rule};
use crate::{contact_persons, followup, matches, referrals, requests, residents, settings};
use crate::{Db, Error, Result};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ExportInput {
    #[ts(type = "number")]
    pub referral_id: i64,
    /// The help point's contact person who makes the export.
    #[ts(type = "number")]
    pub contact_person_id: i64,
    /// Only in acute danger without valid consent: why the data is shared anyway.
    pub override_reason: String,
    /// With an override: which kinds of data to share.
    pub override_categories: Vec<DataCategory>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportOutcome {
    /// The files written: PDF, JSON, CSV.
    pub files: Vec<String>,
    pub shared: Vec<DataCategory>,
    pub withheld: Vec<DataCategory>,
    pub override_used: bool,
}

/// One line of the export log.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportRecord {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub request_id: Option<i64>,
    pub what: String,
    pub recipient: String,
    pub shared: Vec<DataCategory>,
    pub withheld: Vec<DataCategory>,
    pub override_reason: String,
    pub contact_person: String,
    pub files: Vec<String>,
    pub made_at: String,
}

/// The three file paths for a chosen PDF path.
fn paths(pdf_path: &Path) -> [PathBuf; 3] {
    let pdf = pdf_path.with_extension("pdf");
    [
        pdf.clone(),
        pdf.with_extension("json"),
        pdf.with_extension("csv"),
    ]
}

/// Make the handover files for a referral at `pdf_path` (JSON and CSV beside
/// it). Refused with [`Error::NoConsent`] when no valid consent covers the
/// recipient and no acute-danger override (with a reason) is given.
pub fn export(
    db: &mut Db,
    input: &ExportInput,
    pdf_path: &Path,
    now: NaiveDateTime,
) -> Result<ExportOutcome> {
    let today = now.date();
    let override_reason = validate::clean(&input.override_reason);
    let mut c = Check::new();
    c.max_len("overrideReason", &override_reason, SHORT);
    c.rule(
        "overrideCategories",
        Rule::Required,
        !override_reason.is_empty() && input.override_categories.is_empty(),
    );
    c.finish()?;
    let conn = db.conn();
    let referral = referrals::get(conn, input.referral_id, today)?;
    let request = requests::get(conn, referral.request_id)?;
    let resident = residents::get(conn, referral.resident_id)?;
    let found = matches::for_request(conn, referral.request_id)?;
    let agreed = followup::agreements_of(conn, referral.request_id)?;
    let person = contact_persons::get(conn, input.contact_person_id)?;
    let point = settings::get(conn)?;
    let consent = consents::covering(
        conn,
        resident.id,
        referral.service_id,
        &referral.organisation,
        today,
    )?;
    let basis = match (&consent, override_reason.is_empty()) {
        (Some(c), _) => Basis::Consent(c),
        (None, false) => Basis::Override {
            reason: &override_reason,
            categories: &input.override_categories,
        },
        (None, true) => {
            return Err(Error::NoConsent {
                resident_id: resident.id,
            })
        }
    };
    let facts = Facts {
        resident: &resident,
        request: &request,
        referral: &referral,
        matches: &found,
        agreements: &agreed,
        sender: HandoverSender {
            help_point: if point.help_point_name.trim().is_empty() {
                "Buurtpunt".to_owned()
            } else {
                point.help_point_name.clone()
            },
            help_point_phone: point.help_point_phone.clone(),
            help_point_email: point.help_point_email.clone(),
            contact_person: person.name.clone(),
            phone: person.phone.clone(),
            email: person.email.clone(),
        },
    };
    if facts.sender.callback_phone().is_none() {
        return Err(Error::NoCallbackNumber);
    }
    let doc = build(&facts, &basis, today);
    let bytes = [pdf::render(&doc)?, to_json(&doc)?, csv::render(&doc)?];
    let files = paths(pdf_path);
    let shared = basis.categories().to_vec();
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let override_used = consent.is_none();
    let consent_id = consent.as_ref().map(|c| c.id);
    // The log line and the files go together: the files are written inside
    // the transaction that logs them, and taken away again if it fails, so
    // nothing leaves Buurtpunt without its line in the export log.
    let written: Vec<(&Path, &[u8])> = files
        .iter()
        .map(PathBuf::as_path)
        .zip(bytes.iter().map(Vec::as_slice))
        .collect();
    write_logged(db, &written, |tx| {
        tx.execute(
            "INSERT INTO exports (resident_id, request_id, referral_id, what, recipient, categories, withheld,
                 consent_id, override_reason, contact_person, files, made_at)
             VALUES (?1, ?2, ?3, 'handover', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                resident.id,
                request.id,
                referral.id,
                referral.organisation,
                DataCategory::to_mask(&shared),
                DataCategory::to_mask(&doc.withheld),
                consent_id,
                if override_used { override_reason.as_str() } else { "" },
                person.name,
                serde_json::to_string(&names)?,
                stamp(now)
            ],
        )?;
        let list = |cs: &[DataCategory]| {
            cs.iter()
                .map(|c| category_label(*c).to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut text = format!(
            "Overdracht aan {} gemaakt door {}. Gedeeld: {}.",
            referral.organisation,
            person.name,
            list(&shared)
        );
        if !doc.withheld.is_empty() {
            text.push_str(&format!(" Niet gedeeld: {}.", list(&doc.withheld)));
        }
        if override_used {
            text.push_str(&format!(
                " Zonder geldige toestemming gedeeld bij acuut gevaar. Reden: {override_reason}"
            ));
        }
        requests::log_event(tx, request.id, today, &text, None, now)?;
        Ok(())
    })?;
    Ok(ExportOutcome {
        files: names,
        shared,
        withheld: doc.withheld,
        override_used,
    })
}

/// The export log of a resident, newest first.
pub fn exports_of(conn: &Connection, resident_id: i64) -> Result<Vec<ExportRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, request_id, what, recipient, categories, withheld, override_reason, contact_person, files, made_at
         FROM exports WHERE resident_id = ?1 ORDER BY made_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([resident_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, String>(8)?,
            r.get::<_, String>(9)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (
            id,
            request_id,
            what,
            recipient,
            shared,
            withheld,
            override_reason,
            contact_person,
            files,
            made_at,
        ) = row?;
        out.push(ExportRecord {
            id,
            request_id,
            what,
            recipient,
            shared: DataCategory::from_mask(shared),
            withheld: DataCategory::from_mask(withheld),
            override_reason,
            contact_person,
            files: serde_json::from_str(&files)?,
            made_at,
        });
    }
    Ok(out)
}
