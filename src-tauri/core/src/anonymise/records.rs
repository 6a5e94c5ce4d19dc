//! The SQL of anonymising, table by table. Only text that people typed or
//! that names someone is touched; never a column a figure counts (status,
//! close kind, channel, scope, life areas, dates, kern, minutes, km).

use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Transaction};

use super::PLACEHOLDER;
use crate::agenda::AgeBand;
use crate::store::time::iso;
use crate::Result;

fn ids(tx: &Transaction<'_>, sql: &str, id: i64) -> Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn is_anonymised(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT anonymised_on IS NOT NULL FROM residents WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or(true))
}

pub(super) fn requests_of(tx: &Transaction<'_>, resident_id: i64) -> Result<Vec<i64>> {
    ids(
        tx,
        "SELECT id FROM help_requests WHERE resident_id = ?1 ORDER BY id",
        resident_id,
    )
}

pub(super) fn signals_about(tx: &Transaction<'_>, resident_id: i64) -> Result<Vec<i64>> {
    ids(
        tx,
        "SELECT id FROM signals WHERE resident_id = ?1 ORDER BY id",
        resident_id,
    )
}

/// The statements that empty one request's texts and those of its rows
/// (`?1` the request, `?2` today).
const REQUEST: &[&str] = &[
    "UPDATE help_requests SET ask = '', underlying_need = '', own_strength = '', tried = '',
            scope_note = '', close_reason = '', goal_short = '', goal_long = '', outcome = '',
            anonymised_on = ?2
      WHERE id = ?1",
    "UPDATE contact_log SET note = '' WHERE request_id = ?1 AND note <> ''",
    "UPDATE agreements SET who = '', what = '' WHERE request_id = ?1",
    "UPDATE reminders SET note = '', done_note = '', snooze_note = '' WHERE request_id = ?1",
    "UPDATE matches SET agreement = '', override_reason = '', close_note = ''
      WHERE request_id = ?1 AND (agreement <> '' OR override_reason <> '' OR close_note <> '')",
    "UPDATE hour_entries SET note = '' WHERE request_id = ?1 AND note <> ''",
    "UPDATE referrals SET contact = '', reason = '', volunteers_did = '', answer = '',
            override_reason = ''
      WHERE request_id = ?1",
    "UPDATE agenda_items SET description = '', question = '', tried = '', outcome = ''
      WHERE request_id = ?1",
    "DELETE FROM request_search WHERE rowid = ?1",
    // Concepts of its forms (their labels name the resident).
    "DELETE FROM drafts WHERE (kind = 'request' AND context = 'edit-' || ?1)
        OR context = 'request-' || ?1 OR context LIKE 'request-' || ?1 || '-referral-%'",
];

/// Anonymise one request; `None` when it does not exist or already was,
/// else its resident.
pub(super) fn request(
    tx: &Transaction<'_>,
    id: i64,
    today: NaiveDate,
) -> Result<Option<Option<i64>>> {
    let found: Option<(Option<i64>, bool)> = tx
        .prepare_cached(
            "SELECT resident_id, anonymised_on IS NOT NULL FROM help_requests WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((resident_id, false)) = found else {
        return Ok(None);
    };
    let day = iso(today);
    for sql in REQUEST {
        let mut stmt = tx.prepare_cached(sql)?;
        if sql.contains("?2") {
            stmt.execute(rusqlite::params![id, day])?;
        } else {
            stmt.execute([id])?;
        }
    }
    Ok(Some(resident_id))
}

/// Anonymise one signal; `None` when it does not exist or already was,
/// else the resident it named.
pub(super) fn signal(
    tx: &Transaction<'_>,
    id: i64,
    today: NaiveDate,
) -> Result<Option<Option<i64>>> {
    let found: Option<(Option<i64>, bool)> = tx
        .prepare_cached("SELECT resident_id, anonymised_on IS NOT NULL FROM signals WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((resident_id, false)) = found else {
        return Ok(None);
    };
    tx.prepare_cached(
        "DELETE FROM drafts WHERE (kind = 'signal' AND context = 'edit-' || ?1)
            OR (kind = 'request' AND context = 'signal-' || ?1)",
    )?
    .execute([id])?;
    tx.prepare_cached(
        "UPDATE signals SET note = '', street = '', passed_to = '',
                about_resident = (resident_id IS NOT NULL), resident_id = NULL, anonymised_on = ?2
          WHERE id = ?1",
    )?
    .execute(rusqlite::params![id, iso(today)])?;
    Ok(Some(resident_id))
}

/// The age band of someone born on `born`, on `today`.
fn age_band(born: Option<NaiveDate>, today: NaiveDate) -> AgeBand {
    let Some(born) = born else {
        return AgeBand::Unknown;
    };
    let mut age = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    match age {
        i32::MIN..=-1 => AgeBand::Unknown,
        0..=29 => AgeBand::Under30,
        30..=49 => AgeBand::From30To49,
        50..=64 => AgeBand::From50To64,
        65..=74 => AgeBand::From65To74,
        75..=84 => AgeBand::From75To84,
        _ => AgeBand::From85,
    }
}

/// The person's own record, volunteer profile, consents, network and the
/// file names in their export log.
const PERSON: &[&str] = &[
    "DELETE FROM resident_network WHERE resident_id = ?1",
    "DELETE FROM consents WHERE resident_id = ?1",
    "UPDATE exports SET files = '', override_reason = '' WHERE resident_id = ?1",
    "UPDATE volunteers SET status_reason = '', notes = '' WHERE resident_id = ?1",
    "DELETE FROM volunteer_tags WHERE volunteer_id = ?1",
    "UPDATE volunteer_absences SET note = '' WHERE volunteer_id = ?1 AND note <> ''",
    "UPDATE volunteer_status_log SET reason = '' WHERE volunteer_id = ?1 AND reason <> ''",
    "UPDATE checkins SET how_it_goes = '', dilemma = '' WHERE volunteer_id = ?1",
    "DELETE FROM resident_search WHERE rowid = ?1",
    "DELETE FROM drafts WHERE context = 'resident-' || ?1
        OR (kind IN ('resident', 'volunteer') AND context = 'edit-' || ?1)",
];

pub(super) fn person(tx: &Transaction<'_>, id: i64, today: NaiveDate) -> Result<()> {
    for sql in PERSON {
        tx.prepare_cached(sql)?.execute([id])?;
    }
    let born: Option<String> = tx
        .prepare_cached("SELECT birth_date FROM residents WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let born = born
        .as_deref()
        .map(crate::store::time::stored)
        .transpose()?;
    tx.prepare_cached(
        "UPDATE residents SET first_name = ?2, last_name = '', street = '', house_number = '',
                postcode = '', phone = '', email = '', contact_time = '', birth_date = NULL,
                notes = '', proxy_name = '', proxy_relation = '', proxy_phone = '', proxy_email = '',
                age_band = ?3, anonymised_on = ?4
          WHERE id = ?1",
    )?
    .execute(rusqlite::params![
        id,
        PLACEHOLDER,
        age_band(born, today),
        iso(today)
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_age_band_counts_the_birthday() {
        let today = d(2026, 6, 1);
        assert_eq!(age_band(Some(d(1951, 6, 1)), today), AgeBand::From75To84);
        assert_eq!(age_band(Some(d(1951, 6, 2)), today), AgeBand::From65To74);
        assert_eq!(age_band(None, today), AgeBand::Unknown);
        assert_eq!(age_band(Some(d(1930, 1, 1)), today), AgeBand::From85);
    }
}
