//! The SQL of an erasure: what stops it, the lines in other networks that
//! name the person, and the one pass that removes or blanks every personal
//! field (inside the caller's transaction).

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, Transaction};

use super::EraseBlocker;
use crate::store::time::{iso, stamp, stored};
use crate::vocab::dutch_date;
use crate::Result;
use crate::{anonymise, residents};

/// The requests of resident `?1`, as a subquery.
const THEIR_REQUESTS: &str = "(SELECT id FROM help_requests WHERE resident_id = ?1)";

/// Open requests, open matches (on their requests or as volunteer) and
/// referrals still waiting for an answer.
pub(super) fn blockers(conn: &Connection, id: i64) -> Result<Vec<EraseBlocker>> {
    let mut stmt = conn.prepare_cached(
        "SELECT 'request', id, received_on, '' FROM help_requests
          WHERE resident_id = ?1 AND status IN ('new', 'in_progress', 'matched')
         UNION ALL
         SELECT 'match', m.request_id, h.received_on, '' FROM matches m JOIN help_requests h ON h.id = m.request_id
          WHERE h.resident_id = ?1 AND m.status IN ('proposed', 'agreed', 'active')
         UNION ALL
         SELECT 'volunteer_match', m.request_id, m.asked_on, '' FROM matches m
          WHERE m.volunteer_id = ?1 AND m.status IN ('proposed', 'agreed', 'active')
         UNION ALL
         SELECT 'referral', f.request_id, ifnull(f.sent_on, f.created_at), f.organisation FROM referrals f
          WHERE f.request_id IN (SELECT id FROM help_requests WHERE resident_id = ?1)
            AND f.status IN ('sent', 'received')",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, request_id, on, organisation) = row?;
        let day = dutch_date(stored(on.get(..10).unwrap_or(&on))?);
        let text = match kind.as_str() {
            "request" => format!("De hulpvraag van {day} staat nog open."),
            "match" => format!("Bij de hulpvraag van {day} is nog een vrijwilliger gekoppeld."),
            "volunteer_match" => {
                format!("Als vrijwilliger is deze persoon nog gekoppeld aan een hulpvraag (sinds {day}).")
            }
            _ => format!("De doorverwijzing naar {organisation} van {day} wacht nog op antwoord."),
        };
        out.push(EraseBlocker {
            kind: if kind == "volunteer_match" {
                "match".into()
            } else {
                kind
            },
            request_id,
            text,
        });
    }
    Ok(out)
}

/// Lines in other residents' networks that name this person (networks
/// are written down by name: the same name, phone or e-mail).
pub(super) fn other_networks(conn: &Connection, id: i64) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.id, n.resident_id FROM resident_network n, residents r
         WHERE r.id = ?1 AND n.resident_id <> r.id
           AND (lower(trim(n.name)) = lower(trim(r.first_name || ' ' || r.last_name))
                OR (r.phone <> '' AND n.phone = r.phone)
                OR (r.email <> '' AND lower(n.email) = lower(r.email)))",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Remove or blank everything about resident `id`: the anonymisation of
/// their whole file (`anonymise::resident`: record, requests and all that
/// hangs on them, signals about them, consents, network, export file names,
/// volunteer texts), and what an erasure takes beyond it: the lines in
/// other residents' networks that name them, the rest of their volunteer
/// profile, their drafts, the notes of their privacy requests. The erasure
/// request keeps `reason` as its note.
pub(super) fn everything(
    tx: &Transaction<'_>,
    id: i64,
    reason: &str,
    request_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<()> {
    let others = other_networks(tx, id)?;
    for (line, _) in &others {
        tx.execute("DELETE FROM resident_network WHERE id = ?1", [line])?;
    }
    let each = |sql: &str| -> Result<()> {
        tx.execute(&sql.replace("THEIR_REQUESTS", THEIR_REQUESTS), [id])?;
        Ok(())
    };
    // Drafts of their forms go before the ids they name do.
    each(
        "DELETE FROM drafts WHERE context = 'resident-' || ?1
            OR (kind IN ('resident', 'volunteer') AND context = 'edit-' || ?1)
            OR (kind = 'signal' AND context IN (SELECT 'edit-' || id FROM signals WHERE resident_id = ?1))
            OR (kind = 'request' AND context IN (SELECT 'edit-' || id FROM THEIR_REQUESTS))
            OR context IN (SELECT 'request-' || id FROM THEIR_REQUESTS)
            OR EXISTS (SELECT 1 FROM help_requests h WHERE h.resident_id = ?1
                       AND drafts.context LIKE 'request-' || h.id || '-%')",
    )?;
    anonymise::resident(tx, id, now.date())?;
    for sql in [
        "UPDATE privacy_requests SET note = '' WHERE resident_id = ?1",
        "DELETE FROM volunteer_skills WHERE volunteer_id = ?1",
        "DELETE FROM volunteer_refusals WHERE volunteer_id = ?1",
        "DELETE FROM volunteer_kernen WHERE volunteer_id = ?1",
        "DELETE FROM volunteer_absences WHERE volunteer_id = ?1",
        "DELETE FROM checkins WHERE volunteer_id = ?1",
    ] {
        each(sql)?;
    }
    tx.execute(
        "UPDATE volunteers SET status = 'stopped', availability = 0, mobility = 0,
             limit_hours = NULL, limit_matches = NULL, is_carer = 0, carer_hours = 0, vog_on = NULL,
             consent_on = NULL, area_mask = 0, last_asked_on = NULL, updated_at = ?2
         WHERE resident_id = ?1",
        params![id, stamp(now)],
    )?;
    tx.execute(
        "UPDATE residents SET erased_on = ?2 WHERE id = ?1",
        params![id, iso(now.date())],
    )?;
    if let Some(request) = request_id {
        tx.execute(
            "UPDATE privacy_requests SET note = ?1 WHERE id = ?2 AND resident_id = ?3",
            params![reason, request, id],
        )?;
    }
    for (_, resident) in &others {
        residents::reindex(tx, *resident)?;
    }
    Ok(())
}
