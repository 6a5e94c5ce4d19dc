//! Take over what a file holds, record by record: match, merge, check with
//! the forms' rules and write. A value that breaks a rule is left out (the
//! stored one stays) and noted; a record without a usable name is skipped
//! and noted; everything else is written, in one transaction.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction};

use super::ids::{as_uuid, child_id};
use super::merge::{merged_service, reset_org, reset_service, set, split_phones, tolerant};
use super::{
    HsdsAction, HsdsProblem, HsdsReport, LocationRecord, OrgRecord, Parsed, Place, ServiceRecord,
    Who, MAX_LISTED,
};
use crate::social_map::input::{LocationInput, OrganisationInput, ServiceInput};
use crate::social_map::locations;
use crate::social_map::new_hsds_id;
use crate::social_map::organisations as orgs;
use crate::social_map::services as svcs;
use crate::social_map::{search_index, Service};
use crate::store::time::stored_date;
use crate::validate::{Check, SHORT};
use crate::vocab::Rule;
use crate::{Db, Error, Result};

/// How an organisation or service of the file was found in the database.
enum Found<T> {
    New,
    ById(T),
    ByName(T),
}

#[derive(Default)]
pub(super) struct State {
    report: HsdsReport,
    notes: Parsed,
    /// Made by this import: never matched by name (two entries in one file
    /// with the same name stay two).
    created_orgs: HashSet<i64>,
    created_services: HashSet<i64>,
}

impl State {
    pub(super) fn note(
        &mut self,
        who: &Who,
        field: &str,
        rule: Rule,
        action: HsdsAction,
        value: &str,
    ) {
        self.notes.note(who, field, rule, action, value);
    }
}

pub(super) fn run(db: &mut Db, parsed: Parsed, now: NaiveDateTime) -> Result<HsdsReport> {
    let Parsed {
        orgs,
        problems,
        dropped,
    } = parsed;
    let mut st = State::default();
    // The reader skips only service rows (of an organisation not in the file).
    st.report.services_skipped = problems
        .iter()
        .filter(|p| p.action == HsdsAction::RecordSkipped)
        .count() as u32;
    st.notes.problems = problems;
    let skip = duplicate_ids(&orgs, &mut st);
    db.write(|tx| {
        for (i, rec) in orgs.iter().enumerate() {
            organisation(tx, rec, i, &skip, &mut st, now)?;
        }
        Ok(())
    })?;
    let mut problems: Vec<HsdsProblem> = std::mem::take(&mut st.notes.problems);
    // Per record, in file order: an organisation's notes before its services'.
    problems.sort_by(|a, b| {
        (&a.file, a.row, !a.service.is_empty()).cmp(&(&b.file, b.row, !b.service.is_empty()))
    });
    st.report.problem_total = problems.len() as u32;
    problems.truncate(MAX_LISTED);
    st.report.problems = problems;
    st.report.dropped_fields = dropped.into_iter().collect();
    st.report.imported = true;
    Ok(st.report)
}

pub(super) fn trimmed(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn who(at: &Place, org: &str, service: &str) -> Who {
    Who {
        place: at.clone(),
        organisation: org.to_owned(),
        service: service.to_owned(),
    }
}

/// An id used twice in one file: the later records are skipped.
/// Returns (organisation index, service index or `usize::MAX`).
fn duplicate_ids(orgs: &[OrgRecord], st: &mut State) -> HashSet<(usize, usize)> {
    let mut skip = HashSet::new();
    let mut seen_orgs = HashSet::new();
    let mut seen_services = HashSet::new();
    for (i, o) in orgs.iter().enumerate() {
        let name = o.name.as_deref().unwrap_or("");
        if let Some(id) = trimmed(&o.id) {
            if !seen_orgs.insert(as_uuid(id)) {
                st.note(
                    &who(&o.place, name, ""),
                    "id",
                    Rule::Duplicate,
                    HsdsAction::RecordSkipped,
                    id,
                );
                skip.insert((i, usize::MAX));
                st.report.organisations_skipped += 1;
            }
        }
        for (j, s) in o.services.iter().enumerate() {
            if let Some(id) = trimmed(&s.id) {
                if !seen_services.insert(as_uuid(id)) {
                    let sname = s.name.as_deref().unwrap_or("");
                    let w = who(&s.place, name, sname);
                    st.note(&w, "id", Rule::Duplicate, HsdsAction::RecordSkipped, id);
                    skip.insert((i, j));
                    st.report.services_skipped += 1;
                }
            }
        }
    }
    skip
}

/// A date as HSDS writes it: `YYYY-MM-DD`, possibly with a time after it.
fn day(raw: &str) -> Option<NaiveDate> {
    stored_date(raw.trim().get(..10)?)
}

/// The ids stored for a file's id: the file's own and its UUID form.
fn id_forms(raw: &str) -> [String; 2] {
    [raw.to_owned(), as_uuid(raw)]
}

fn find_org(tx: &Transaction<'_>, rec: &OrgRecord, st: &State) -> Result<Found<i64>> {
    if let Some(id) = trimmed(&rec.id) {
        let [a, b] = id_forms(id);
        let found: Option<i64> = tx
            .prepare_cached("SELECT id FROM organizations WHERE hsds_id IN (?1, ?2)")?
            .query_row([a, b], |r| r.get(0))
            .optional()?;
        if let Some(found) = found {
            return Ok(Found::ById(found));
        }
    }
    if let Some(name) = trimmed(&rec.name) {
        let ids: Vec<i64> = tx
            .prepare_cached(
                "SELECT id FROM organizations WHERE name = ?1 COLLATE NOCASE ORDER BY id",
            )?
            .query_map([name], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(id) = ids.into_iter().find(|i| !st.created_orgs.contains(i)) {
            return Ok(Found::ByName(id));
        }
    }
    Ok(Found::New)
}

fn find_service(
    tx: &Transaction<'_>,
    org: Option<i64>,
    rec: &ServiceRecord,
    st: &State,
) -> Result<Found<Service>> {
    if let Some(id) = trimmed(&rec.id) {
        for form in id_forms(id) {
            if let Some(s) = svcs::by_hsds_id(tx, &form)? {
                return Ok(Found::ById(s));
            }
        }
    }
    if let (Some(org), Some(name)) = (org, trimmed(&rec.name)) {
        let ids: Vec<String> = tx
            .prepare_cached(
                "SELECT hsds_id FROM services WHERE organization_id = ?1 AND name = ?2 COLLATE NOCASE
                 ORDER BY id",
            )?
            .query_map(rusqlite::params![org, name], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for hsds_id in ids {
            if let Some(s) = svcs::by_hsds_id(tx, &hsds_id)? {
                if !st.created_services.contains(&s.id) {
                    return Ok(Found::ByName(s));
                }
            }
        }
    }
    Ok(Found::New)
}

/// The id a new record gets: the file's (as a UUID), else a fresh one.
fn new_id(raw: &Option<String>) -> Result<String> {
    match trimmed(raw) {
        Some(id) => Ok(as_uuid(id)),
        None => new_hsds_id(),
    }
}

/// The file's check date: the organisation's own, else its stalest service's.
fn file_check(rec: &OrgRecord, today: NaiveDate, st: &mut State) -> Option<NaiveDate> {
    let org = rec.name.as_deref().unwrap_or("");
    let mut check = |raw: &str, at: &Place, service: &str| -> Option<NaiveDate> {
        if raw.trim().is_empty() {
            return None;
        }
        let w = who(at, org, service);
        match day(raw) {
            None => {
                st.note(
                    &w,
                    "lastCheckedOn",
                    Rule::Date,
                    HsdsAction::FieldSkipped,
                    raw,
                );
                None
            }
            Some(d) if d > today => {
                st.note(
                    &w,
                    "lastCheckedOn",
                    Rule::DateInFuture,
                    HsdsAction::FieldSkipped,
                    raw,
                );
                None
            }
            Some(d) => Some(d),
        }
    };
    let own = rec
        .checked_on
        .as_deref()
        .and_then(|raw| check(raw, &rec.place, ""));
    let stalest = rec
        .services
        .iter()
        .filter_map(|s| {
            let name = s.name.as_deref().unwrap_or("");
            s.assured_date
                .as_deref()
                .and_then(|raw| check(raw, &s.place, name))
        })
        .min();
    own.or(stalest)
}

/// Write the file's locations of an organisation; the stored ones the file
/// does not have are removed. Returns the row id of each location id.
fn write_locations(
    tx: &Transaction<'_>,
    org_id: i64,
    org_hsds: &str,
    list: &[LocationRecord],
    w: &Who,
    st: &mut State,
    now: NaiveDateTime,
) -> Result<HashMap<String, i64>> {
    let mut ids = HashMap::new();
    let mut kept = Vec::new();
    for l in list {
        let mut input = LocationInput {
            id: None,
            name: l.name.clone(),
            address_1: l.address_1.clone(),
            address_2: l.address_2.clone(),
            postal_code: l.postal_code.clone(),
            city: l.city.clone(),
            state_province: l.state_province.clone(),
        };
        let mut c = Check::new();
        input.check(&mut c, 0, false);
        if let Err(Error::Invalid(fields)) = c.finish() {
            let line = format!("{} {} {}", l.address_1, l.postal_code, l.city);
            let rule = fields.first().map_or(Rule::Required, |f| f.rule);
            st.note(w, "address", rule, HsdsAction::FieldSkipped, line.trim());
            continue;
        }
        let key = format!("{}|{}", l.address_1.trim(), l.postal_code.trim());
        let lid = trimmed(&l.id).map_or_else(|| child_id(org_hsds, "location", &key), as_uuid);
        let aid = trimmed(&l.address_id).map_or_else(|| child_id(&lid, "address", "1"), as_uuid);
        let row = locations::upsert(tx, org_id, &lid, &aid, &input, now)?;
        kept.push(row);
        if let Some(raw) = trimmed(&l.id) {
            ids.insert(raw.to_owned(), row);
        }
        ids.insert(lid, row);
    }
    for l in locations::of_organisation(tx, org_id)? {
        if !kept.contains(&l.id) {
            tx.prepare_cached("DELETE FROM locations WHERE id = ?1")?
                .execute([l.id])?;
        }
    }
    Ok(ids)
}

fn organisation(
    tx: &Transaction<'_>,
    rec: &OrgRecord,
    index: usize,
    skip: &HashSet<(usize, usize)>,
    st: &mut State,
    now: NaiveDateTime,
) -> Result<()> {
    if skip.contains(&(index, usize::MAX)) {
        st.report.services_skipped += rec.services.len() as u32;
        return Ok(());
    }
    let found = find_org(tx, rec, st)?;
    let existing = match found {
        Found::ById(id) | Found::ByName(id) => Some(id),
        Found::New => None,
    };
    let (before, stored_on, _) = match existing {
        Some(id) => orgs::current(tx, id)?,
        None => (OrganisationInput::default(), None, String::new()),
    };
    let org_name = rec.name.as_deref().unwrap_or(&before.name).to_owned();
    let w = who(&rec.place, &org_name, "");
    let mut input = before.clone();
    set(&mut input.name, &rec.name);
    set(&mut input.description, &rec.description);
    set(&mut input.email, &rec.email);
    set(&mut input.website, &rec.website);
    if let Some((first, more)) = split_phones(&rec.phones, "phone", &w, st) {
        input.phone = first;
        input.more_phones = Some(more);
    }
    let Some(input) = tolerant(
        input,
        &before,
        OrganisationInput::validate,
        reset_org,
        &w,
        st,
    )?
    else {
        st.report.organisations_skipped += 1;
        st.report.services_skipped += rec.services.len() as u32;
        return Ok(());
    };
    let checked_on = file_check(rec, now.date(), st);
    let mut checked_by = rec.checked_by.as_deref().map_or("", str::trim).to_owned();
    if checked_by.chars().count() > SHORT {
        st.note(
            &w,
            "lastCheckedBy",
            Rule::TooLong,
            HsdsAction::FieldSkipped,
            "",
        );
        checked_by.clear();
    }
    let (id, hsds_id) = match existing {
        Some(id) => {
            orgs::update(tx, id, &input, now)?;
            if matches!(found, Found::ByName(_)) {
                st.report.organisations_by_name += 1;
            } else {
                st.report.organisations_by_id += 1;
            }
            let h: String = tx.query_row(
                "SELECT hsds_id FROM organizations WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            (id, h)
        }
        None => {
            let h = new_id(&rec.id)?;
            let id = orgs::insert(tx, &h, &input, now)?;
            st.created_orgs.insert(id);
            st.report.organisations_new += 1;
            (id, h)
        }
    };
    // A newer check in the file replaces the stored one; an older one does not.
    if let Some(on) = checked_on.filter(|d| stored_on.is_none_or(|s| *d > s)) {
        orgs::set_checked(tx, id, on, &checked_by, now)?;
    }
    let places = match &rec.locations {
        Some(list) => Some(write_locations(tx, id, &hsds_id, list, &w, st, now)?),
        None => None,
    };
    let mut moved_from: HashSet<i64> = HashSet::new();
    for (j, s) in rec.services.iter().enumerate() {
        if skip.contains(&(index, j)) {
            continue;
        }
        if let Some(old) = service(tx, id, &org_name, s, places.as_ref(), st, now)? {
            if old != id {
                moved_from.insert(old);
            }
        }
    }
    search_index::organisation(tx, id)?;
    for old in moved_from {
        search_index::organisation(tx, old)?;
    }
    Ok(())
}

/// Write one service of the file; returns the organisation it was under.
fn service(
    tx: &Transaction<'_>,
    org: i64,
    org_name: &str,
    rec: &ServiceRecord,
    places: Option<&HashMap<String, i64>>,
    st: &mut State,
    now: NaiveDateTime,
) -> Result<Option<i64>> {
    let found = find_service(tx, Some(org), rec, st)?;
    let before = match &found {
        Found::ById(s) | Found::ByName(s) => svcs::as_input(s),
        Found::New => ServiceInput::default(),
    };
    let name = rec.name.as_deref().unwrap_or(&before.name).to_owned();
    let w = who(&rec.place, org_name, &name);
    let mut input = merged_service(rec, before.clone(), &w, st);
    if let Some(raw_ids) = &rec.location_ids {
        let mut ids = Vec::new();
        for raw in raw_ids {
            match places.and_then(|p| p.get(raw.trim()).or_else(|| p.get(&as_uuid(raw)))) {
                Some(row) => ids.push(*row),
                None => st.note(&w, "address", Rule::Choice, HsdsAction::FieldSkipped, raw),
            }
        }
        input.location_ids = Some(ids);
    }
    let Some(input) = tolerant(
        input,
        &before,
        ServiceInput::validate,
        reset_service,
        &w,
        st,
    )?
    else {
        st.report.services_skipped += 1;
        return Ok(None);
    };
    match found {
        Found::New => {
            let sid = svcs::insert(tx, org, &new_id(&rec.id)?, &input, now)?;
            if let Some(ids) = &input.location_ids {
                locations::set_for_service(tx, sid, org, ids)?;
            }
            st.created_services.insert(sid);
            st.report.services_new += 1;
            Ok(None)
        }
        Found::ById(s) | Found::ByName(s) => {
            svcs::update(tx, s.id, &input, now)?;
            if s.organisation_id != org {
                svcs::move_to(tx, s.id, org)?;
            }
            if let Some(ids) = &input.location_ids {
                locations::set_for_service(tx, s.id, org, ids)?;
            }
            st.report.services_updated += 1;
            Ok(Some(s.organisation_id))
        }
    }
}
