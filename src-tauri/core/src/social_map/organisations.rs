//! SQL of the `organizations` table: the list, one organisation, the forms'
//! writes, the check stamp and the 12-month reminder.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::input::{OrganisationInput, ServiceInput};
use super::{
    check_cutoff, json_list, locations, needs_check, new_hsds_id, search_index, services, CheckDue,
    Organisation, OrganisationQuery, OrganisationSummary, Service, DUE_LISTED,
};
use crate::store::list::{Filter, List};
use crate::store::time::{iso, stamp};
use crate::validate::{Check, SHORT};
use crate::{Db, Error, Page, Result};

fn not_found(id: i64) -> Error {
    Error::NotFound {
        what: "organisation",
        id,
    }
}

pub fn create_organisation(
    db: &mut Db,
    input: OrganisationInput,
    now: NaiveDateTime,
) -> Result<Organisation> {
    let input = input.validate()?;
    let hsds_id = new_hsds_id()?;
    let id = db.write(|tx| {
        let id = insert_with_locations(tx, &hsds_id, &input, now)?;
        search_index::organisation(tx, id)?;
        Ok(id)
    })?;
    get_organisation(db.conn(), id, now.date())
}

/// A new organisation's row and its locations (the caller indexes it).
fn insert_with_locations(
    tx: &Transaction<'_>,
    hsds_id: &str,
    input: &OrganisationInput,
    now: NaiveDateTime,
) -> Result<i64> {
    let id = insert(tx, hsds_id, input, now)?;
    if let Some(list) = &input.locations {
        locations::replace(tx, id, list, now)?;
    }
    Ok(id)
}

/// A new organisation with one service of its own (given at the
/// organisation's first location, when it has one), marked as checked by
/// `checked_by`: one transaction, so a stop halfway leaves nothing behind
/// (the Wmo-loket of the first start).
pub fn create_with_service(
    db: &mut Db,
    org: OrganisationInput,
    service: ServiceInput,
    checked_by: Option<&str>,
    now: NaiveDateTime,
) -> Result<Organisation> {
    let org = org.validate()?;
    let service = service.validate()?;
    let checked_by = checked_by.map(str::trim);
    if let Some(by) = checked_by {
        let mut c = Check::new();
        c.required("checkedBy", by).max_len("checkedBy", by, SHORT);
        c.finish()?;
    }
    let (org_hsds_id, service_hsds_id) = (new_hsds_id()?, new_hsds_id()?);
    let id = db.write(|tx| {
        let id = insert_with_locations(tx, &org_hsds_id, &org, now)?;
        let service_id = services::insert(tx, id, &service_hsds_id, &service, now)?;
        if let Some(first) = locations::of_organisation(tx, id)?.first() {
            locations::set_for_service(tx, service_id, id, &[first.id])?;
        }
        if let Some(by) = checked_by {
            set_checked(tx, id, now.date(), by, now)?;
        }
        search_index::organisation(tx, id)?;
        Ok(id)
    })?;
    get_organisation(db.conn(), id, now.date())
}

pub fn update_organisation(
    db: &mut Db,
    id: i64,
    input: OrganisationInput,
    now: NaiveDateTime,
) -> Result<Organisation> {
    let input = input.validate()?;
    db.write(|tx| {
        update(tx, id, &input, now)?;
        if let Some(list) = &input.locations {
            locations::replace(tx, id, list, now)?;
        }
        search_index::organisation(tx, id)
    })?;
    get_organisation(db.conn(), id, now.date())
}

/// Remove an organisation with all its services.
pub fn delete_organisation(db: &mut Db, id: i64) -> Result<()> {
    db.write(|tx| {
        let services: Vec<i64> = tx
            .prepare_cached("SELECT id FROM services WHERE organization_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if tx.execute("DELETE FROM organizations WHERE id = ?1", [id])? == 0 {
            return Err(not_found(id));
        }
        search_index::drop_organisation(tx, id, &services)
    })
}

/// Stamp "checked today by `by`" on an organisation (and so on all its services).
pub fn mark_checked(db: &mut Db, id: i64, by: &str, now: NaiveDateTime) -> Result<Organisation> {
    let by = by.trim();
    let mut c = Check::new();
    c.required("checkedBy", by).max_len("checkedBy", by, SHORT);
    c.finish()?;
    db.write(|tx| set_checked(tx, id, now.date(), by, now))?;
    get_organisation(db.conn(), id, now.date())
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    hsds_id: &str,
    i: &OrganisationInput,
    now: NaiveDateTime,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO organizations (hsds_id, name, description, email, website, phone, created_at, updated_at,
             more_phones)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, coalesce(?8, '[]'))",
    )?
    .execute(params![hsds_id, i.name, i.description, i.email, i.website, i.phone, stamp(now),
        more_phones(i)?])?;
    Ok(tx.last_insert_rowid())
}

/// The other phone numbers as stored (`None`: leave them).
fn more_phones(i: &OrganisationInput) -> Result<Option<String>> {
    Ok(i.more_phones
        .as_ref()
        .map(serde_json::to_string)
        .transpose()?)
}

pub(crate) fn update(
    tx: &Transaction<'_>,
    id: i64,
    i: &OrganisationInput,
    now: NaiveDateTime,
) -> Result<()> {
    let n = tx
        .prepare_cached(
            "UPDATE organizations SET name = ?2, description = ?3, email = ?4, website = ?5, phone = ?6,
                 updated_at = ?7, more_phones = coalesce(?8, more_phones)
             WHERE id = ?1",
        )?
        .execute(params![id, i.name, i.description, i.email, i.website, i.phone, stamp(now),
            more_phones(i)?])?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

pub(crate) fn set_checked(
    tx: &Transaction<'_>,
    id: i64,
    on: NaiveDate,
    by: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let n = tx
        .prepare_cached(
            "UPDATE organizations SET last_checked_on = ?2, last_checked_by = ?3, updated_at = ?4
             WHERE id = ?1",
        )?
        .execute(params![id, iso(on), by, stamp(now)])?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// The form fields and check stamp of an organisation, inside a transaction
/// (the HSDS import merges into them).
pub(crate) fn current(
    tx: &Transaction<'_>,
    id: i64,
) -> Result<(OrganisationInput, Option<NaiveDate>, String)> {
    tx.prepare_cached(
        "SELECT name, description, email, website, phone, last_checked_on, last_checked_by,
             more_phones
         FROM organizations WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok((
            OrganisationInput {
                name: r.get(0)?,
                description: r.get(1)?,
                email: r.get(2)?,
                website: r.get(3)?,
                phone: r.get(4)?,
                more_phones: Some(json_list(&r.get::<_, String>(7)?, 7)?),
                locations: None,
            },
            r.get(5)?,
            r.get(6)?,
        ))
    })
    .optional()?
    .ok_or_else(|| not_found(id))
}

const DETAIL: &str =
    "SELECT id, hsds_id, name, description, email, website, phone, last_checked_on,
        last_checked_by, created_at, updated_at, more_phones
    FROM organizations";

fn detail_row(r: &Row<'_>, today: NaiveDate) -> rusqlite::Result<Organisation> {
    let checked: Option<NaiveDate> = r.get(7)?;
    Ok(Organisation {
        id: r.get(0)?,
        hsds_id: r.get(1)?,
        name: r.get(2)?,
        description: r.get(3)?,
        email: r.get(4)?,
        website: r.get(5)?,
        phone: r.get(6)?,
        more_phones: json_list(&r.get::<_, String>(11)?, 11)?,
        needs_check: needs_check(checked, today),
        last_checked_on: checked.map(iso),
        last_checked_by: r.get(8)?,
        locations: Vec::new(),
        services: Vec::new(),
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

pub fn get_organisation(conn: &Connection, id: i64, today: NaiveDate) -> Result<Organisation> {
    let mut org = conn
        .prepare_cached(&format!("{DETAIL} WHERE id = ?1"))?
        .query_row([id], |r| detail_row(r, today))
        .optional()?
        .ok_or_else(|| not_found(id))?;
    org.locations = locations::of_organisation(conn, id)?;
    org.services = services::of_organisation(conn, id)?;
    Ok(org)
}

/// Every organisation with its services, alphabetical (the HSDS export):
/// two queries, however large the map.
pub(crate) fn all(conn: &Connection, today: NaiveDate) -> Result<Vec<Organisation>> {
    let mut orgs: Vec<Organisation> = conn
        .prepare(&format!("{DETAIL} ORDER BY name COLLATE NOCASE, id"))?
        .query_map([], |r| detail_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_org: HashMap<i64, Vec<Service>> = HashMap::new();
    for s in services::all(conn)? {
        by_org.entry(s.organisation_id).or_default().push(s);
    }
    let mut places = locations::all(conn)?;
    for o in &mut orgs {
        if let Some(list) = by_org.remove(&o.id) {
            o.services = list;
        }
        if let Some(list) = places.remove(&o.id) {
            o.locations = list;
        }
    }
    Ok(orgs)
}

/// The columns of an [`OrganisationSummary`]; the first service names come
/// as a JSON array (names may hold any character).
const SUMMARY: &str =
    "SELECT o.id, o.name, substr(o.description, 1, 200), o.phone, o.last_checked_on,
        o.last_checked_by,
        (SELECT count(*) FROM services s WHERE s.organization_id = o.id),
        EXISTS (SELECT 1 FROM services s WHERE s.organization_id = o.id AND s.wmo_desk),
        (SELECT json_group_array(name) FROM
            (SELECT name FROM services s WHERE s.organization_id = o.id
             ORDER BY name COLLATE NOCASE, id LIMIT 6))
    FROM organizations o";

fn summary_row(r: &Row<'_>, today: NaiveDate) -> rusqlite::Result<OrganisationSummary> {
    let checked: Option<NaiveDate> = r.get(4)?;
    let names: String = r.get(8)?;
    let service_names = serde_json::from_str(&names).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(OrganisationSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        phone: r.get(3)?,
        needs_check: needs_check(checked, today),
        last_checked_on: checked.map(iso),
        last_checked_by: r.get(5)?,
        service_count: r.get(6)?,
        wmo_desk: r.get(7)?,
        service_names,
    })
}

/// The organisation list, alphabetical, searched (diacritics-insensitive)
/// and filtered on "needs a check", one page at a time.
pub fn list_organisations(
    conn: &Connection,
    q: &OrganisationQuery,
    today: NaiveDate,
) -> Result<Page<OrganisationSummary>> {
    let mut f = Filter::new();
    f.text(
        "o.id IN (SELECT rowid FROM organization_search WHERE organization_search MATCH ?)",
        &q.text,
    );
    if q.needs_check {
        f.and(
            "(o.last_checked_on IS NULL OR o.last_checked_on <= ?)",
            [Value::Text(iso(check_cutoff(today)))],
        );
    }
    List {
        count_from: "FROM organizations o",
        select: SUMMARY,
        order: "o.name COLLATE NOCASE, o.id",
    }
    .page(conn, &f, q.page, q.page_size, |r| summary_row(r, today))
}

/// The 12-month reminder: how many organisations need a check, and the
/// longest unchecked few (never checked first).
pub fn due(conn: &Connection, today: NaiveDate) -> Result<CheckDue> {
    let cutoff = iso(check_cutoff(today));
    let total: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM organizations
             WHERE last_checked_on IS NULL OR last_checked_on <= ?1",
        )?
        .query_row([&cutoff], |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "{SUMMARY} WHERE o.last_checked_on IS NULL OR o.last_checked_on <= ?1
             ORDER BY o.last_checked_on IS NOT NULL, o.last_checked_on, o.name COLLATE NOCASE
             LIMIT ?2"
        ))?
        .query_map(params![cutoff, DUE_LISTED], |r| summary_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    let organisations: i64 = conn
        .prepare_cached("SELECT count(*) FROM organizations")?
        .query_row([], |r| r.get(0))?;
    Ok(CheckDue {
        total,
        items,
        organisations,
    })
}
