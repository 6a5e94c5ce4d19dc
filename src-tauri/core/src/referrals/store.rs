//! SQL of the `referrals` table; the request's contact log records each step.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{wmo_deadline, Referral, ReferralInput, ReferralStatus, ReferralStep};
use crate::consents;
use crate::requests;
use crate::store::time::{iso, stamp, stored_date};
use crate::validate::{self, Check, LONG, SHORT};
use crate::vocab::{FieldError, Rule};
use crate::{Db, Error, Result};

const COLUMNS: &str = "f.id, f.request_id, h.resident_id, r.first_name || ' ' || r.last_name, f.service_id,
    f.organisation, f.service, f.contact, f.wmo_desk, f.reason, f.urgency, f.volunteers_did, f.status,
    substr(f.created_at, 1, 10), f.sent_on, f.received_on, f.answered_on, f.closed_on, f.melding_on, f.answer,
    f.override_reason";
const FROM: &str = "FROM referrals f JOIN help_requests h ON h.id = f.request_id JOIN residents r ON r.id = h.resident_id";

fn day(v: &str) -> rusqlite::Result<NaiveDate> {
    stored_date(v).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("stored date {v:?} is not YYYY-MM-DD").into(),
        )
    })
}

fn from_row(r: &rusqlite::Row<'_>, today: NaiveDate) -> rusqlite::Result<Referral> {
    let status: ReferralStatus = r.get(12)?;
    let melding_on: Option<String> = r.get(18)?;
    let deadline = melding_on
        .as_deref()
        .map(day)
        .transpose()?
        .map(wmo_deadline);
    let waiting = matches!(status, ReferralStatus::Sent | ReferralStatus::Received);
    let (id, created_on): (i64, String) = (r.get(0)?, r.get(13)?);
    Ok(Referral {
        reference: super::reference(id, &created_on),
        id,
        request_id: r.get(1)?,
        resident_id: r.get(2)?,
        resident_name: r.get(3)?,
        service_id: r.get(4)?,
        organisation: r.get(5)?,
        service: r.get(6)?,
        contact: r.get(7)?,
        wmo_desk: r.get(8)?,
        reason: r.get(9)?,
        urgency: r.get(10)?,
        volunteers_did: r.get(11)?,
        status,
        allowed_next: status.next(),
        created_on,
        sent_on: r.get(14)?,
        received_on: r.get(15)?,
        answered_on: r.get(16)?,
        closed_on: r.get(17)?,
        melding_on,
        deadline: deadline.map(iso),
        days_left: deadline.filter(|_| waiting).map(|d| (d - today).num_days()),
        answer: r.get(19)?,
        override_reason: r.get(20)?,
        consent_ok: false,
        consent_categories: Vec::new(),
    })
}

fn with_consent(conn: &Connection, mut f: Referral, today: NaiveDate) -> Result<Referral> {
    let found = consents::covering(conn, f.resident_id, f.service_id, &f.organisation, today)?;
    f.consent_ok = found.is_some();
    f.consent_categories = found.map(|c| c.categories).unwrap_or_default();
    Ok(f)
}

pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Referral> {
    let f = conn
        .query_row(
            &format!("SELECT {COLUMNS} {FROM} WHERE f.id = ?1"),
            [id],
            |r| from_row(r, today),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "referral",
            id,
        })?;
    with_consent(conn, f, today)
}

pub fn for_request(conn: &Connection, request_id: i64, today: NaiveDate) -> Result<Vec<Referral>> {
    let rows: Vec<Referral> = {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} {FROM} WHERE f.request_id = ?1 ORDER BY f.id"
        ))?;
        let rows = stmt.query_map([request_id], |r| from_row(r, today))?;
        rows.collect::<Result<_, _>>()?
    };
    rows.into_iter()
        .map(|f| with_consent(conn, f, today))
        .collect()
}

/// Referrals to the Wmo-loket that wait for an answer, soonest deadline first.
pub fn open_wmo(conn: &Connection, today: NaiveDate, limit: i64) -> Result<Vec<Referral>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE f.status IN ('sent', 'received') AND f.wmo_desk = 1
         ORDER BY f.melding_on, f.id LIMIT ?1"
    ))?;
    let rows = stmt.query_map([limit], |r| from_row(r, today))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

struct Clean {
    organisation: String,
    service: String,
    contact: String,
    reason: String,
    volunteers_did: String,
}

fn check(input: &ReferralInput) -> Result<Clean> {
    let c = Clean {
        organisation: validate::clean(&input.organisation),
        service: validate::clean(&input.service),
        contact: validate::clean(&input.contact),
        reason: validate::clean(&input.reason),
        volunteers_did: validate::clean(&input.volunteers_did),
    };
    let mut k = Check::new();
    k.required("organisation", &c.organisation)
        .max_len("organisation", &c.organisation, SHORT)
        .max_len("service", &c.service, SHORT)
        .max_len("contact", &c.contact, SHORT)
        .required("reason", &c.reason)
        .max_len("reason", &c.reason, LONG)
        .max_len("volunteersDid", &c.volunteers_did, LONG);
    k.finish()?;
    Ok(c)
}

/// Start a referral as a concept. Nothing leaves the app yet.
pub fn create(
    db: &mut Db,
    request_id: i64,
    input: &ReferralInput,
    now: NaiveDateTime,
) -> Result<Referral> {
    let c = check(input)?;
    let id = db.write(|tx| {
        requests::status_of(tx, request_id)?;
        if requests::resident_of(tx, request_id)?.is_none() {
            return Err(Error::CollectiveRequest { id: request_id });
        }
        tx.execute(
            "INSERT INTO referrals (request_id, service_id, organisation, service, contact, wmo_desk, reason, urgency,
                 volunteers_did, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'concept', ?10, ?10)",
            params![
                request_id, input.service_id, c.organisation, c.service, c.contact, input.wmo_desk, c.reason,
                input.urgency, c.volunteers_did, stamp(now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        let text = format!("Doorverwijzing naar {} voorbereid (concept).", c.organisation);
        requests::log_event(tx, request_id, now.date(), &text, None, now)?;
        Ok(id)
    })?;
    get(db.conn(), id, now.date())
}

/// Change a concept (once sent, a referral is a record and stays as sent).
pub fn update(db: &mut Db, id: i64, input: &ReferralInput, now: NaiveDateTime) -> Result<Referral> {
    let c = check(input)?;
    db.write(|tx| {
        let status = status_of(tx, id)?;
        if status != ReferralStatus::Concept {
            return Err(Error::InvalidTransition {
                from: status.as_str().into(),
                to: "concept".into(),
            });
        }
        tx.execute(
            "UPDATE referrals SET service_id = ?2, organisation = ?3, service = ?4, contact = ?5, wmo_desk = ?6,
                 reason = ?7, urgency = ?8, volunteers_did = ?9, updated_at = ?10 WHERE id = ?1",
            params![
                id, input.service_id, c.organisation, c.service, c.contact, input.wmo_desk, c.reason, input.urgency,
                c.volunteers_did, stamp(now)
            ],
        )?;
        Ok(())
    })?;
    get(db.conn(), id, now.date())
}

fn status_of(tx: &Transaction<'_>, id: i64) -> Result<ReferralStatus> {
    tx.query_row("SELECT status FROM referrals WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(Error::NotFound {
        what: "referral",
        id,
    })
}

/// Move a referral along. Sending checks the consent; an override in acute
/// danger needs a reason, which is kept on the referral and logged.
pub fn change_status(
    db: &mut Db,
    id: i64,
    to: ReferralStatus,
    step: &ReferralStep,
    now: NaiveDateTime,
) -> Result<Referral> {
    let today = now.date();
    let mut c = Check::new();
    let on = if step.on_date.trim().is_empty() {
        Some(today)
    } else {
        validate::date(&mut c, "onDate", &step.on_date, true)
    };
    c.not_after("onDate", on, today);
    let melding = validate::date(&mut c, "meldingOn", &step.melding_on, false);
    c.not_after("meldingOn", melding, today);
    let answer = validate::clean(&step.answer);
    let override_reason = validate::clean(&step.override_reason);
    c.rule(
        "answer",
        Rule::Required,
        to == ReferralStatus::Answered && answer.is_empty(),
    );
    c.max_len("answer", &answer, LONG)
        .max_len("overrideReason", &override_reason, SHORT);
    c.finish()?;
    let on = on.ok_or_else(|| Error::Invalid(Vec::new()))?;
    db.write(|tx| {
        let f = get(tx, id, today)?;
        // A step never lies before the request came in, nor before the
        // step before it (a melding neither before the request).
        let asked = tx.query_row(
            "SELECT received_on FROM help_requests WHERE id = ?1",
            [f.request_id],
            |r| day(&r.get::<_, String>(0)?),
        )?;
        let mut after = asked;
        for d in [&f.sent_on, &f.received_on, &f.answered_on].into_iter().flatten() {
            after = after.max(day(d)?);
        }
        let mut c = Check::new();
        c.rule("onDate", Rule::TooEarly, on < after);
        c.rule("meldingOn", Rule::TooEarly, melding.is_some_and(|m| m < asked));
        c.finish()?;
        if !f.status.can_become(to) {
            return Err(Error::InvalidTransition {
                from: f.status.as_str().into(),
                to: to.as_str().into(),
            });
        }
        let mut log = match to {
            ReferralStatus::Sent => format!("Doorverwijzing naar {} verstuurd.", f.organisation),
            ReferralStatus::Received => format!("{} heeft de doorverwijzing ontvangen.", f.organisation),
            ReferralStatus::Answered => format!("Antwoord van {}: {answer}", f.organisation),
            ReferralStatus::Closed => format!("Doorverwijzing naar {} afgerond.", f.organisation),
            ReferralStatus::Concept => String::new(),
        };
        match to {
            ReferralStatus::Sent => {
                if !f.consent_ok {
                    if override_reason.is_empty() {
                        return Err(Error::NoConsent { resident_id: f.resident_id });
                    }
                    log.push_str(&format!(
                        " Zonder geldige toestemming gedeeld bij acuut gevaar. Reden: {override_reason}"
                    ));
                }
                let melding_on = f.wmo_desk.then_some(melding.unwrap_or(on));
                if let Some(m) = melding_on {
                    log.push_str(&format!(
                        " Datum melding {}; het onderzoek is uiterlijk {} klaar.",
                        m.format("%d-%m-%Y"),
                        wmo_deadline(m).format("%d-%m-%Y")
                    ));
                }
                let kept = if f.consent_ok { "" } else { override_reason.as_str() };
                tx.execute(
                    "UPDATE referrals SET status = 'sent', sent_on = ?2, melding_on = ?3, override_reason = ?4,
                         updated_at = ?5 WHERE id = ?1",
                    params![id, iso(on), melding_on.map(iso), kept, stamp(now)],
                )?;
            }
            ReferralStatus::Received => {
                tx.execute(
                    "UPDATE referrals SET status = 'received', received_on = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, iso(on), stamp(now)],
                )?;
            }
            ReferralStatus::Answered => {
                tx.execute(
                    "UPDATE referrals SET status = 'answered', answered_on = ?2, answer = ?3, updated_at = ?4
                     WHERE id = ?1",
                    params![id, iso(on), answer, stamp(now)],
                )?;
            }
            ReferralStatus::Closed => {
                tx.execute(
                    "UPDATE referrals SET status = 'closed', closed_on = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, iso(on), stamp(now)],
                )?;
            }
            ReferralStatus::Concept => {
                return Err(Error::Invalid(vec![FieldError::new("status", Rule::Choice)]))
            }
        }
        requests::log_event(tx, f.request_id, on, &log, None, now)
    })?;
    get(db.conn(), id, today)
}
