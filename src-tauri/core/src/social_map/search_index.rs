//! The social map's search rows (`organization_search`, `service_search`),
//! rewritten in the same transaction as the data.

use rusqlite::{params, OptionalExtension, Transaction};

use super::topics::search_words;
use crate::professional::ProfessionalFlag;
use crate::vocab::{LifeArea, Mask};
use crate::Result;

/// The Dutch ĳ ligature as two letters, as `search::fts_query` does.
fn fold(body: String) -> String {
    body.replace('Ĳ', "IJ").replace('ĳ', "ij")
}

/// The text of one service that the search looks at, without its organisation.
fn service_text(tx: &Transaction<'_>, id: i64) -> Result<Option<(i64, String)>> {
    let row = tx
        .prepare_cached(
            "SELECT organization_id, name, description, application_process, eligibility_description,
                    fees_description, languages, service_area, schedule, contact_name,
                    wmo_desk, flag_mask, area_mask
             FROM services WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let mut parts: Vec<String> = Vec::with_capacity(11);
            for i in 1..=9 {
                parts.push(r.get(i)?);
            }
            let wmo: bool = r.get(10)?;
            let flags = ProfessionalFlag::from_mask(r.get(11)?);
            let areas = LifeArea::from_mask(r.get(12)?);
            parts.push(search_words(&flags, &areas, wmo));
            Ok((r.get::<_, i64>(0)?, parts.join(" ")))
        })
        .optional()?;
    Ok(row)
}

/// Rewrite the search rows of an organisation and of all its services (its
/// name is part of theirs).
pub(crate) fn organisation(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.execute("DELETE FROM organization_search WHERE rowid = ?1", [id])?;
    let org: Option<(String, String)> = tx
        .prepare_cached(
            "SELECT name, description || ' ' || email || ' ' || website || ' ' || phone || ' ' ||
                 coalesce((SELECT group_concat(l.name || ' ' || l.address_1 || ' ' || l.city, ' ')
                           FROM locations l WHERE l.organization_id = organizations.id), '')
             FROM organizations WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((name, rest)) = org else {
        return Ok(());
    };
    let ids: Vec<i64> = tx
        .prepare_cached("SELECT id FROM services WHERE organization_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut body = format!("{name} {rest}");
    for sid in ids {
        if let Some((_, text)) = service_text(tx, sid)? {
            body.push(' ');
            body.push_str(&text);
            write_service(tx, sid, &name, text)?;
        }
    }
    tx.execute(
        "INSERT INTO organization_search (rowid, body) VALUES (?1, ?2)",
        params![id, fold(body)],
    )?;
    Ok(())
}

fn write_service(tx: &Transaction<'_>, id: i64, org_name: &str, text: String) -> Result<()> {
    tx.execute("DELETE FROM service_search WHERE rowid = ?1", [id])?;
    tx.execute(
        "INSERT INTO service_search (rowid, body) VALUES (?1, ?2)",
        params![id, fold(format!("{org_name} {text}"))],
    )?;
    Ok(())
}

/// A service was removed: drop its search row (its organisation is
/// reindexed by the caller).
pub(crate) fn drop_service(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.execute("DELETE FROM service_search WHERE rowid = ?1", [id])?;
    Ok(())
}

/// An organisation was removed with its services.
pub(crate) fn drop_organisation(tx: &Transaction<'_>, id: i64, services: &[i64]) -> Result<()> {
    tx.execute("DELETE FROM organization_search WHERE rowid = ?1", [id])?;
    for sid in services {
        drop_service(tx, *sid)?;
    }
    Ok(())
}
