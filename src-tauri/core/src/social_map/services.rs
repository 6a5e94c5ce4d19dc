//! SQL of the `services` table: the forms' writes, one service with its
//! organisation (for the referral screen), the service list and suggestions.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::input::ServiceInput;
use super::{
    json_list, locations, new_hsds_id, search_index, Service, ServiceDetail, ServiceQuery,
    ServiceSummary, MAX_SUGGESTIONS,
};
use crate::professional::ProfessionalFlag;
use crate::store::list::{Filter, List};
use crate::store::time::iso;
use crate::store::time::stamp;
use crate::vocab::{LifeArea, Mask};
use crate::{Db, Error, Page, Result};

fn not_found(id: i64) -> Error {
    Error::NotFound {
        what: "service",
        id,
    }
}

pub fn create_service(
    db: &mut Db,
    organisation_id: i64,
    input: ServiceInput,
    now: NaiveDateTime,
) -> Result<Service> {
    let input = input.validate()?;
    let hsds_id = new_hsds_id()?;
    let id = db.write(|tx| {
        crate::store::require(tx, crate::store::Table::Organisations, organisation_id)?;
        let id = insert(tx, organisation_id, &hsds_id, &input, now)?;
        if let Some(ids) = &input.location_ids {
            locations::set_for_service(tx, id, organisation_id, ids)?;
        }
        search_index::organisation(tx, organisation_id)?;
        Ok(id)
    })?;
    get(db.conn(), id)
}

pub fn update_service(
    db: &mut Db,
    id: i64,
    input: ServiceInput,
    now: NaiveDateTime,
) -> Result<Service> {
    let input = input.validate()?;
    db.write(|tx| {
        let org = organisation_of(tx, id)?;
        update(tx, id, &input, now)?;
        if let Some(ids) = &input.location_ids {
            locations::set_for_service(tx, id, org, ids)?;
        }
        search_index::organisation(tx, org)
    })?;
    get(db.conn(), id)
}

pub fn delete_service(db: &mut Db, id: i64) -> Result<()> {
    db.write(|tx| {
        let org = organisation_of(tx, id)?;
        tx.execute("DELETE FROM services WHERE id = ?1", [id])?;
        search_index::drop_service(tx, id)?;
        search_index::organisation(tx, org)
    })
}

fn organisation_of(tx: &Transaction<'_>, id: i64) -> Result<i64> {
    tx.query_row(
        "SELECT organization_id FROM services WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    organisation_id: i64,
    hsds_id: &str,
    i: &ServiceInput,
    now: NaiveDateTime,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO services (hsds_id, organization_id, name, description, application_process,
             eligibility_description, fees_description, languages, service_area, schedule,
             contact_name, contact_phone, contact_email, wmo_desk, flag_mask, area_mask,
             created_at, updated_at, status, url, email, minimum_age, maximum_age, more_phones,
             more_contacts, schedules)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17,
             ?18, ?19, ?20, ?21, ?22, coalesce(?23, '[]'), coalesce(?24, '[]'), coalesce(?25, '[]'))",
    )?
    .execute(params![
        hsds_id,
        organisation_id,
        i.name,
        i.description,
        i.application_process,
        i.eligibility_description,
        i.fees_description,
        i.languages,
        i.service_area,
        i.schedule,
        i.contact_name,
        i.contact_phone,
        i.contact_email,
        i.wmo_desk,
        ProfessionalFlag::to_mask(&i.flags),
        LifeArea::to_mask(&i.areas),
        stamp(now),
        i.status,
        i.url,
        i.email,
        i.minimum_age,
        i.maximum_age,
        as_json(&i.more_phones)?,
        as_json(&i.more_contacts)?,
        as_json(&i.schedules)?
    ])?;
    Ok(tx.last_insert_rowid())
}

/// A list for its JSON column (`None`: leave the stored one).
fn as_json<T: serde::Serialize>(v: &Option<Vec<T>>) -> Result<Option<String>> {
    Ok(v.as_ref().map(serde_json::to_string).transpose()?)
}

pub(crate) fn update(
    tx: &Transaction<'_>,
    id: i64,
    i: &ServiceInput,
    now: NaiveDateTime,
) -> Result<()> {
    let n = tx
        .prepare_cached(
            "UPDATE services SET name = ?2, description = ?3, application_process = ?4,
                 eligibility_description = ?5, fees_description = ?6, languages = ?7, service_area = ?8,
                 schedule = ?9, contact_name = ?10, contact_phone = ?11, contact_email = ?12,
                 wmo_desk = ?13, flag_mask = ?14, area_mask = ?15, updated_at = ?16,
                 status = ?17, url = ?18, email = ?19, minimum_age = ?20, maximum_age = ?21,
                 more_phones = coalesce(?22, more_phones), more_contacts = coalesce(?23, more_contacts),
                 schedules = CASE WHEN ?24 IS NOT NULL THEN ?24
                                  WHEN schedule = ?9 THEN schedules ELSE '[]' END
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            i.name,
            i.description,
            i.application_process,
            i.eligibility_description,
            i.fees_description,
            i.languages,
            i.service_area,
            i.schedule,
            i.contact_name,
            i.contact_phone,
            i.contact_email,
            i.wmo_desk,
            ProfessionalFlag::to_mask(&i.flags),
            LifeArea::to_mask(&i.areas),
            stamp(now),
            i.status,
            i.url,
            i.email,
            i.minimum_age,
            i.maximum_age,
            as_json(&i.more_phones)?,
            as_json(&i.more_contacts)?,
            as_json(&i.schedules)?
        ])?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// Move a service to another organisation (an import found it there).
pub(crate) fn move_to(tx: &Transaction<'_>, id: i64, organisation_id: i64) -> Result<()> {
    tx.prepare_cached("UPDATE services SET organization_id = ?2 WHERE id = ?1")?
        .execute(params![id, organisation_id])?;
    Ok(())
}

const COLUMNS: &str =
    "s.id, s.hsds_id, s.organization_id, s.name, s.description, s.application_process,
    s.eligibility_description, s.fees_description, s.languages, s.service_area, s.schedule,
    s.contact_name, s.contact_phone, s.contact_email, s.wmo_desk, s.flag_mask, s.area_mask,
    s.status, s.url, s.email, s.minimum_age, s.maximum_age, s.more_phones, s.more_contacts,
    s.schedules";

fn service_row(r: &Row<'_>) -> rusqlite::Result<Service> {
    Ok(Service {
        id: r.get(0)?,
        hsds_id: r.get(1)?,
        organisation_id: r.get(2)?,
        name: r.get(3)?,
        description: r.get(4)?,
        application_process: r.get(5)?,
        eligibility_description: r.get(6)?,
        fees_description: r.get(7)?,
        languages: r.get(8)?,
        service_area: r.get(9)?,
        schedule: r.get(10)?,
        contact_name: r.get(11)?,
        contact_phone: r.get(12)?,
        contact_email: r.get(13)?,
        wmo_desk: r.get(14)?,
        flags: ProfessionalFlag::from_mask(r.get(15)?),
        areas: LifeArea::from_mask(r.get(16)?),
        status: r.get(17)?,
        url: r.get(18)?,
        email: r.get(19)?,
        minimum_age: r.get(20)?,
        maximum_age: r.get(21)?,
        more_phones: json_list(&r.get::<_, String>(22)?, 22)?,
        more_contacts: json_list(&r.get::<_, String>(23)?, 23)?,
        schedules: json_list(&r.get::<_, String>(24)?, 24)?,
        location_ids: Vec::new(),
    })
}

/// A service row with its location ids.
fn with_locations(conn: &Connection, mut s: Service) -> Result<Service> {
    s.location_ids = locations::of_service(conn, s.id)?;
    Ok(s)
}

/// The form fields of a service plus its HSDS id and organisation, for the
/// HSDS import's merge.
pub(crate) fn by_hsds_id(tx: &Transaction<'_>, hsds_id: &str) -> Result<Option<Service>> {
    tx.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM services s WHERE s.hsds_id = ?1"
    ))?
    .query_row([hsds_id], service_row)
    .optional()?
    .map(|s| with_locations(tx, s))
    .transpose()
}

pub(crate) fn as_input(s: &Service) -> ServiceInput {
    ServiceInput {
        name: s.name.clone(),
        description: s.description.clone(),
        status: s.status,
        url: s.url.clone(),
        email: s.email.clone(),
        minimum_age: s.minimum_age,
        maximum_age: s.maximum_age,
        location_ids: None,
        application_process: s.application_process.clone(),
        eligibility_description: s.eligibility_description.clone(),
        fees_description: s.fees_description.clone(),
        languages: s.languages.clone(),
        service_area: s.service_area.clone(),
        schedule: s.schedule.clone(),
        contact_name: s.contact_name.clone(),
        contact_phone: s.contact_phone.clone(),
        contact_email: s.contact_email.clone(),
        more_phones: Some(s.more_phones.clone()),
        more_contacts: Some(s.more_contacts.clone()),
        schedules: Some(s.schedules.clone()),
        wmo_desk: s.wmo_desk,
        flags: s.flags.clone(),
        areas: s.areas.clone(),
    }
}

fn get(conn: &Connection, id: i64) -> Result<Service> {
    let s = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM services s WHERE s.id = ?1"))?
        .query_row([id], service_row)
        .optional()?
        .ok_or_else(|| not_found(id))?;
    with_locations(conn, s)
}

/// The services of one organisation, alphabetical.
pub(crate) fn of_organisation(conn: &Connection, organisation_id: i64) -> Result<Vec<Service>> {
    let list: Vec<Service> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM services s WHERE s.organization_id = ?1
             ORDER BY s.name COLLATE NOCASE, s.id"
        ))?
        .query_map([organisation_id], service_row)?
        .collect::<rusqlite::Result<_>>()?;
    list.into_iter().map(|s| with_locations(conn, s)).collect()
}

/// Every service, by organisation and then alphabetical (the HSDS export).
pub(crate) fn all(conn: &Connection) -> Result<Vec<Service>> {
    let mut list: Vec<Service> = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM services s ORDER BY s.organization_id, s.name COLLATE NOCASE, s.id"
        ))?
        .query_map([], service_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut links = locations::links(conn)?;
    for s in &mut list {
        if let Some(ids) = links.remove(&s.id) {
            s.location_ids = ids;
        }
    }
    Ok(list)
}

/// One service with its organisation's name and contact details, for the
/// referral screen.
pub fn get_service(conn: &Connection, id: i64) -> Result<ServiceDetail> {
    let mut d = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}, o.name, o.phone, o.email, o.website, o.last_checked_on, o.last_checked_by
         FROM services s JOIN organizations o ON o.id = s.organization_id WHERE s.id = ?1"
        ))?
        .query_row([id], |r| {
            let checked: Option<NaiveDate> = r.get(29)?;
            Ok(ServiceDetail {
                service: service_row(r)?,
                organisation_name: r.get(25)?,
                organisation_phone: r.get(26)?,
                organisation_email: r.get(27)?,
                organisation_website: r.get(28)?,
                locations: Vec::new(),
                last_checked_on: checked.map(iso),
                last_checked_by: r.get(30)?,
            })
        })
        .optional()?
        .ok_or_else(|| not_found(id))?;
    d.service.location_ids = locations::of_service(conn, id)?;
    d.locations = locations::for_service(conn, d.service.organisation_id, id)?;
    Ok(d)
}

/// A service's first address (its own, else its organisation's), on one line.
const ADDRESS: &str = "coalesce(
        (SELECT l.name || char(31) || l.address_1 || char(31) || l.postal_code || ' ' || l.city
         FROM service_at_locations sl JOIN locations l ON l.id = sl.location_id
         WHERE sl.service_id = s.id ORDER BY l.id LIMIT 1),
        (SELECT l.name || char(31) || l.address_1 || char(31) || l.postal_code || ' ' || l.city
         FROM locations l WHERE l.organization_id = s.organization_id ORDER BY l.id LIMIT 1),
        '')";

static SUMMARY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT s.id, s.name, s.organization_id, o.name,
        CASE WHEN s.contact_phone != '' THEN s.contact_phone ELSE o.phone END,
        s.wmo_desk, s.flag_mask, s.area_mask, o.last_checked_on, {ADDRESS}, s.status
    FROM services s JOIN organizations o ON o.id = s.organization_id"
    )
});

fn summary_row(r: &Row<'_>) -> rusqlite::Result<ServiceSummary> {
    let checked: Option<NaiveDate> = r.get(8)?;
    Ok(ServiceSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        organisation_id: r.get(2)?,
        organisation_name: r.get(3)?,
        phone: r.get(4)?,
        wmo_desk: r.get(5)?,
        flags: ProfessionalFlag::from_mask(r.get(6)?),
        areas: LifeArea::from_mask(r.get(7)?),
        last_checked_on: checked.map(iso),
        address: r
            .get::<_, String>(9)?
            .split('\u{1f}')
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        status: r.get(10)?,
    })
}

/// All services, searched, by organisation and name, one page at a time.
pub fn list_services(conn: &Connection, q: &ServiceQuery) -> Result<Page<ServiceSummary>> {
    let mut f = Filter::new();
    f.text(
        "s.id IN (SELECT rowid FROM service_search WHERE service_search MATCH ?)",
        &q.text,
    );
    List {
        count_from: "FROM services s",
        select: SUMMARY.as_str(),
        order: "o.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id",
    }
    .page(conn, &f, q.page, q.page_size, summary_row)
}

/// Is the municipality's Wmo-loket a sensible place to refer for these?
/// Personal care, and the Wmo's own ground: housing adaptations, transport,
/// day activities and company, help in the household.
pub fn wmo_relevant(flags: &[ProfessionalFlag], areas: &[LifeArea]) -> bool {
    flags.contains(&ProfessionalFlag::PersonalCare)
        || areas.iter().any(|a| {
            matches!(
                a,
                LifeArea::Housing
                    | LifeArea::Transport
                    | LifeArea::SocialContact
                    | LifeArea::Household
            )
        })
}

/// How well a service matches: 16 per matching flag (?1) plus 1 per
/// matching life area (?2), so one flag outweighs all areas together.
static SCORE: LazyLock<String> = LazyLock::new(|| {
    fn matching<T: Mask>(column: &str, param: &str) -> String {
        T::ALL
            .iter()
            .map(|v| format!("((s.{column} & {param} & {}) != 0)", v.bit()))
            .collect::<Vec<_>>()
            .join(" + ")
    }
    format!(
        "16 * ({}) + {}",
        matching::<ProfessionalFlag>("flag_mask", "?1"),
        matching::<LifeArea>("area_mask", "?2")
    )
});

/// The suggestions' statements, written once (not at every call).
static SUGGEST: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{summary} WHERE ((s.flag_mask & ?1) != 0 OR (s.area_mask & ?2) != 0)
             AND s.status NOT IN ('inactive', 'defunct')
         ORDER BY {score} DESC, s.wmo_desk DESC, o.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id
         LIMIT ?3",
        score = *SCORE,
        summary = *SUMMARY
    )
});
static SUGGEST_WMO: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{summary} WHERE s.wmo_desk AND s.status NOT IN ('inactive', 'defunct')
         ORDER BY o.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id LIMIT 1",
        summary = *SUMMARY
    )
});

/// Services that handle these professional flags or life areas, best match
/// first, then the Wmo-loket, then by organisation and name. The Wmo-loket is
/// added (last) when [`wmo_relevant`] says so, even when its own topics do
/// not match or the list is full.
pub fn suggest_services(
    conn: &Connection,
    flags: &[ProfessionalFlag],
    areas: &[LifeArea],
    limit: usize,
) -> Result<Vec<ServiceSummary>> {
    let limit = limit.clamp(1, MAX_SUGGESTIONS) as i64;
    let fm = ProfessionalFlag::to_mask(flags);
    let am = LifeArea::to_mask(areas);
    if fm == 0 && am == 0 {
        return Ok(Vec::new());
    }
    let mut out: Vec<ServiceSummary> = conn
        .prepare_cached(&SUGGEST)?
        .query_map(params![fm, am, limit], summary_row)?
        .collect::<rusqlite::Result<_>>()?;
    if wmo_relevant(flags, areas) && !out.iter().any(|s| s.wmo_desk) {
        let wmo = conn
            .prepare_cached(&SUGGEST_WMO)?
            .query_row([], summary_row)
            .optional()?;
        if let Some(w) = wmo {
            if out.len() as i64 >= limit {
                out.pop();
            }
            out.push(w);
        }
    }
    Ok(out)
}
