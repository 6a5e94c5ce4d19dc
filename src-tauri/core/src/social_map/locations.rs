//! SQL of the `locations` table (an organisation's addresses) and of
//! `service_at_locations` (which service is given where).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::input::LocationInput;
use super::{new_hsds_id, Location};
use crate::store::time::stamp;
use crate::{Error, Result};

const COLUMNS: &str = "l.id, l.hsds_id, l.address_hsds_id, l.name, l.address_1, l.address_2,
    l.postal_code, l.city, l.state_province, l.country";

fn row(r: &Row<'_>) -> rusqlite::Result<Location> {
    Ok(Location {
        id: r.get(0)?,
        hsds_id: r.get(1)?,
        address_hsds_id: r.get(2)?,
        name: r.get(3)?,
        address_1: r.get(4)?,
        address_2: r.get(5)?,
        postal_code: r.get(6)?,
        city: r.get(7)?,
        state_province: r.get(8)?,
        country: r.get(9)?,
    })
}

/// The addresses of one organisation, in the order they were added.
pub(crate) fn of_organisation(conn: &Connection, organisation_id: i64) -> Result<Vec<Location>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM locations l WHERE l.organization_id = ?1 ORDER BY l.id"
        ))?
        .query_map([organisation_id], row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every location by organisation (the HSDS export).
pub(crate) fn all(conn: &Connection) -> Result<HashMap<i64, Vec<Location>>> {
    let mut out: HashMap<i64, Vec<Location>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS}, l.organization_id FROM locations l ORDER BY l.id"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(10)?, row(r)?)))?;
    for r in rows {
        let (org, l) = r?;
        out.entry(org).or_default().push(l);
    }
    Ok(out)
}

/// The location ids of every service that has some.
pub(crate) fn links(conn: &Connection) -> Result<HashMap<i64, Vec<i64>>> {
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT service_id, location_id FROM service_at_locations ORDER BY 1, 2")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    for r in rows {
        let (s, l) = r?;
        out.entry(s).or_default().push(l);
    }
    Ok(out)
}

/// The location ids of one service.
pub(crate) fn of_service(conn: &Connection, service_id: i64) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT location_id FROM service_at_locations WHERE service_id = ?1 ORDER BY 1",
        )?
        .query_map([service_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Where to go for a service: its own locations, else its organisation's.
pub(crate) fn for_service(
    conn: &Connection,
    organisation_id: i64,
    service_id: i64,
) -> Result<Vec<Location>> {
    let all = of_organisation(conn, organisation_id)?;
    let own = of_service(conn, service_id)?;
    if own.is_empty() {
        return Ok(all);
    }
    Ok(all.into_iter().filter(|l| own.contains(&l.id)).collect())
}

/// Set the locations a service is given at. Ids of another organisation's
/// locations are refused.
pub(crate) fn set_for_service(
    tx: &Transaction<'_>,
    service_id: i64,
    organisation_id: i64,
    ids: &[i64],
) -> Result<()> {
    tx.prepare_cached("DELETE FROM service_at_locations WHERE service_id = ?1")?
        .execute([service_id])?;
    for id in ids {
        let owner: Option<i64> = tx
            .prepare_cached("SELECT organization_id FROM locations WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if owner != Some(organisation_id) {
            return Err(Error::NotFound {
                what: "location",
                id: *id,
            });
        }
        tx.prepare_cached(
            "INSERT OR IGNORE INTO service_at_locations (service_id, location_id) VALUES (?1, ?2)",
        )?
        .execute([service_id, *id])?;
    }
    Ok(())
}

/// Write a location with these HSDS ids: update the one that has the id,
/// else add it. Returns its row id.
pub(crate) fn upsert(
    tx: &Transaction<'_>,
    organisation_id: i64,
    hsds_id: &str,
    address_hsds_id: &str,
    l: &LocationInput,
    now: NaiveDateTime,
) -> Result<i64> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM locations WHERE hsds_id = ?1")?
        .query_row([hsds_id], |r| r.get(0))
        .optional()?;
    match found {
        Some(id) => {
            tx.prepare_cached(
                "UPDATE locations SET organization_id = ?2, name = ?3, address_1 = ?4, address_2 = ?5,
                     postal_code = ?6, city = ?7, state_province = ?8, updated_at = ?9
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                organisation_id,
                l.name,
                l.address_1,
                l.address_2,
                l.postal_code,
                l.city,
                l.state_province,
                stamp(now)
            ])?;
            Ok(id)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO locations (hsds_id, address_hsds_id, organization_id, name, address_1,
                     address_2, postal_code, city, state_province, country, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'NL', ?10, ?10)",
            )?
            .execute(params![
                hsds_id,
                address_hsds_id,
                organisation_id,
                l.name,
                l.address_1,
                l.address_2,
                l.postal_code,
                l.city,
                l.state_province,
                stamp(now)
            ])?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// The form's list of addresses becomes the organisation's: edited ones
/// are updated, new ones added, the others removed.
pub(crate) fn replace(
    tx: &Transaction<'_>,
    organisation_id: i64,
    list: &[LocationInput],
    now: NaiveDateTime,
) -> Result<()> {
    let stored = of_organisation(tx, organisation_id)?;
    let mut kept = Vec::new();
    for l in list {
        let existing = l.id.and_then(|id| stored.iter().find(|s| s.id == id));
        let id = match existing {
            Some(s) => upsert(tx, organisation_id, &s.hsds_id, &s.address_hsds_id, l, now)?,
            None => upsert(
                tx,
                organisation_id,
                &new_hsds_id()?,
                &new_hsds_id()?,
                l,
                now,
            )?,
        };
        kept.push(id);
    }
    for s in stored.iter().filter(|s| !kept.contains(&s.id)) {
        tx.prepare_cached("DELETE FROM locations WHERE id = ?1")?
            .execute([s.id])?;
    }
    Ok(())
}
