//! SQL of the `consents` table.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension};

use super::{Consent, ConsentInput, GivenBy};
use crate::store::time::{iso, stamp};
use crate::validate::{self, Check, SHORT};
use crate::vocab::Rule;
use crate::vocab::{DataCategory, Mask};
use crate::{Db, Error, Result};

const COLUMNS: &str =
    "id, resident_id, given_by, representative, given_on, how, categories, service_id,
    recipient, valid_until, withdrawn_on, note";

fn from_row(r: &rusqlite::Row<'_>, today: &str) -> rusqlite::Result<Consent> {
    let given_on: String = r.get(4)?;
    let valid_until: Option<String> = r.get(9)?;
    let withdrawn_on: Option<String> = r.get(10)?;
    let valid_now = given_on.as_str() <= today
        && valid_until.as_deref().is_none_or(|u| u >= today)
        && withdrawn_on.as_deref().is_none_or(|w| w > today);
    Ok(Consent {
        id: r.get(0)?,
        resident_id: r.get(1)?,
        given_by: r.get(2)?,
        representative: r.get(3)?,
        given_on,
        how: r.get(5)?,
        categories: DataCategory::from_mask(r.get(6)?),
        service_id: r.get(7)?,
        recipient: r.get(8)?,
        valid_until,
        withdrawn_on,
        note: r.get(11)?,
        valid_now,
    })
}

fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Consent> {
    let t = iso(today);
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM consents WHERE id = ?1"),
        [id],
        |r| from_row(r, &t),
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "consent",
        id,
    })
}

/// Record a consent for a resident.
/// The last day a consent given on `given_on` holds by the group's term
/// (Settings: `consent_valid_months`).
pub fn default_until(conn: &Connection, given_on: NaiveDate) -> Result<NaiveDate> {
    let months = crate::settings::get(conn)?.consent_valid_months;
    given_on
        .checked_add_months(chrono::Months::new(months))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| Error::Invalid(Vec::new()))
}

pub fn record(
    db: &mut Db,
    resident_id: i64,
    input: &ConsentInput,
    now: NaiveDateTime,
) -> Result<Consent> {
    let today = now.date();
    let representative = validate::clean(&input.representative);
    let recipient = validate::clean(&input.recipient);
    let note = validate::clean(&input.note);
    let mut c = Check::new();
    let given_on = validate::date(&mut c, "givenOn", &input.given_on, true);
    c.not_after("givenOn", given_on, today);
    let until = validate::date(&mut c, "validUntil", &input.valid_until, false);
    if let (Some(g), Some(u)) = (given_on, until) {
        c.rule("validUntil", Rule::Date, u < g);
    }
    c.rule(
        "representative",
        Rule::Required,
        input.given_by == GivenBy::Representative && representative.is_empty(),
    );
    c.max_len("representative", &representative, SHORT);
    c.rule("categories", Rule::Required, input.categories.is_empty());
    c.required("recipient", &recipient)
        .max_len("recipient", &recipient, SHORT)
        .max_len("note", &note, SHORT);
    c.finish()?;
    let given_on = given_on.ok_or_else(|| Error::Invalid(Vec::new()))?;
    // No end date given: the group's term holds, never "forever".
    let until = match until {
        Some(u) => u,
        None => default_until(db.conn(), given_on)?,
    };
    let id = db.write(|tx| {
        crate::store::require(tx, crate::store::Table::Residents, resident_id)?;
        tx.execute(
            "INSERT INTO consents (resident_id, given_by, representative, given_on, how, categories, service_id,
                 recipient, valid_until, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                resident_id,
                input.given_by,
                representative,
                iso(given_on),
                input.how,
                DataCategory::to_mask(&input.categories),
                input.service_id,
                recipient,
                iso(until),
                note,
                stamp(now)
            ],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    get(db.conn(), id, today)
}

/// The resident withdraws a consent (from `on`).
pub fn withdraw(db: &mut Db, id: i64, on: &str, now: NaiveDateTime) -> Result<Consent> {
    let mut c = Check::new();
    let on = validate::date(&mut c, "withdrawnOn", on, true);
    c.not_after("withdrawnOn", on, now.date());
    c.finish()?;
    let on = on.ok_or_else(|| Error::Invalid(Vec::new()))?;
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE consents SET withdrawn_on = ?2 WHERE id = ?1 AND withdrawn_on IS NULL",
            params![id, iso(on)],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "consent",
                id,
            });
        }
        Ok(())
    })?;
    get(db.conn(), id, now.date())
}

/// A resident's consents, newest first.
pub fn of_resident(conn: &Connection, resident_id: i64, today: NaiveDate) -> Result<Vec<Consent>> {
    let t = iso(today);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM consents WHERE resident_id = ?1 ORDER BY given_on DESC, id DESC"
    ))?;
    let rows = stmt.query_map([resident_id], |r| from_row(r, &t))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The valid consent (today) of a resident for this recipient: the same
/// service on the social map, or the same organisation name. The newest wins.
pub fn covering(
    conn: &Connection,
    resident_id: i64,
    service_id: Option<i64>,
    organisation: &str,
    today: NaiveDate,
) -> Result<Option<Consent>> {
    let name = organisation.trim().to_lowercase();
    Ok(of_resident(conn, resident_id, today)?
        .into_iter()
        .find(|c| {
            c.valid_now
                && ((service_id.is_some() && c.service_id == service_id)
                    || c.recipient.trim().to_lowercase() == name)
        }))
}
