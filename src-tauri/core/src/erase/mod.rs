//! "Gegevens wissen" (AVG art. 17): erasing everything about one person in
//! one transaction. First the [`plan`]: what stops it (an open request or
//! match, a referral still waiting for the professional's answer: close
//! those first), what was already handed over to whom (so the contact
//! person can inform that recipient), and what will happen. Then
//! [`erase`]: refused with the reasons while something stops it; otherwise
//! every personal field is removed or blanked, and one log line "gewist"
//! without personal data is written.
//!
//! Built on `anonymise::resident` (the whole file, as retention does it),
//! plus what only an erasure takes: the person in other residents'
//! networks, the rest of the volunteer profile, drafts, request notes. The
//! resident's row stays as an empty shell (kern and age band, `erased_on`),
//! so the kept meeting figures still count their closed requests and hours;
//! lists and searches leave it out.

mod blank;

use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::audit::{self, Action, Subject};
use crate::validate::{self, Check};
use crate::vocab::{DataCategory, Mask};
use crate::{privacy_requests, Db, Error, Result};

/// The longest reason.
pub const REASON_MAX: usize = 500;

/// What stops an erasure now.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EraseBlocker {
    /// `request`, `match` or `referral`.
    pub kind: String,
    /// The request to open to close it.
    #[ts(type = "number")]
    pub request_id: i64,
    /// In Dutch: "Hulpvraag van 20 november 2026 staat nog open".
    pub text: String,
}

/// Data already handed over: the recipient must be told separately.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HandedOver {
    pub recipient: String,
    /// `YYYY-MM-DDTHH:MM:SS`.
    pub made_at: String,
    pub categories: Vec<DataCategory>,
}

/// What an erasure of this person would do, and what stops it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErasePlan {
    #[ts(type = "number")]
    pub resident_id: i64,
    pub name: String,
    pub blockers: Vec<EraseBlocker>,
    pub handed_over: Vec<HandedOver>,
    /// Help requests whose texts will be removed (their dates stay, without name).
    #[ts(type = "number")]
    pub requests: i64,
    pub is_volunteer: bool,
    /// Lines in other residents' networks that name this person.
    #[ts(type = "number")]
    pub in_other_networks: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EraseInput {
    #[ts(type = "number")]
    pub resident_id: i64,
    /// Why, without names (kept in the privacy request).
    pub reason: String,
    /// The erasure request this answers, if registered.
    #[ts(type = "number | null")]
    pub request_id: Option<i64>,
}

/// The plan of an erasure of resident `id`.
pub fn plan(conn: &Connection, id: i64) -> Result<ErasePlan> {
    let (name, erased): (String, Option<String>) = conn
        .query_row(
            "SELECT trim(first_name || ' ' || last_name), erased_on FROM residents WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Error::NotFound {
                what: "resident",
                id,
            },
            e => e.into(),
        })?;
    if erased.is_some() {
        return Err(Error::NotFound {
            what: "resident",
            id,
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT recipient, made_at, categories FROM exports
         WHERE resident_id = ?1 AND what <> 'inzage' ORDER BY made_at, id",
    )?;
    let handed_over = stmt
        .query_map([id], |r| {
            Ok(HandedOver {
                recipient: r.get(0)?,
                made_at: r.get(1)?,
                categories: DataCategory::from_mask(r.get(2)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [id], |r| r.get(0))?) };
    Ok(ErasePlan {
        resident_id: id,
        blockers: blank::blockers(conn, id)?,
        handed_over,
        requests: count("SELECT count(*) FROM help_requests WHERE resident_id = ?1")?,
        is_volunteer: count("SELECT count(*) FROM volunteers WHERE resident_id = ?1")? > 0,
        in_other_networks: blank::other_networks(conn, id)?.len() as i64,
        name,
    })
}

/// Erase resident `input.resident_id`. Refused with
/// [`Error::EraseBlocked`] while an open request, match or referral needs
/// the data; a reason is required.
pub fn erase(db: &mut Db, input: &EraseInput, now: NaiveDateTime) -> Result<()> {
    let reason = validate::clean(&input.reason);
    let mut c = Check::new();
    c.required("reason", &reason)
        .max_len("reason", &reason, REASON_MAX);
    c.finish()?;
    let id = input.resident_id;
    plan(db.conn(), id)?;
    db.write(|tx| {
        let blockers = blank::blockers(tx, id)?;
        if !blockers.is_empty() {
            return Err(Error::EraseBlocked {
                ids: blockers.iter().map(|b| b.request_id).collect(),
            });
        }
        blank::everything(tx, id, &reason, input.request_id, now)?;
        audit::record(
            tx,
            Action::Removed,
            Subject {
                kind: "resident",
                id: Some(id),
                resident_id: Some(id),
            },
        )?;
        if let Some(request) = input.request_id {
            privacy_requests::done_in(tx, request, id, now.date())?;
        }
        Ok(())
    })
}
