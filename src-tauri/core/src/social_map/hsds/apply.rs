//! Take over what a file holds: match, merge, check with the forms' rules,
//! and write, all in one transaction that is rolled back at the first
//! problem (the checking goes on, so the report lists them all).

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction};

use super::{HsdsProblem, HsdsReport, OrgRecord, Parsed, Place, ServiceRecord, MAX_LISTED};
use crate::social_map::input::{OrganisationInput, ServiceInput};
use crate::social_map::new_hsds_id;
use crate::social_map::organisations as orgs;
use crate::social_map::services as svcs;
use crate::social_map::topics::{parse_topic, Topic};
use crate::social_map::{search_index, Service};
use crate::store::time::stored_date;
use crate::validate::SHORT;
use crate::vocab::{FieldError, Rule};
use crate::{Db, Error, Result};

/// How an organisation or service of the file was found in the database.
enum Found<T> {
    New,
    ById(T),
    ByName(T),
}

#[derive(Default)]
struct State {
    report: HsdsReport,
    problems: Vec<HsdsProblem>,
    /// Made by this import: never matched by name (two entries in one file
    /// with the same name stay two).
    created_orgs: HashSet<i64>,
    created_services: HashSet<i64>,
}

impl State {
    fn problem(
        &mut self,
        at: &Place,
        org: &str,
        service: &str,
        field: &str,
        rule: Rule,
        max: Option<usize>,
    ) {
        self.problems.push(HsdsProblem {
            file: at.file.clone(),
            row: at.row,
            organisation: org.to_owned(),
            service: service.to_owned(),
            field: field.to_owned(),
            rule,
            max,
        });
    }

    fn fields(&mut self, at: &Place, org: &str, service: &str, fields: Vec<FieldError>) {
        for f in fields {
            self.problem(at, org, service, &f.field, f.rule, f.max);
        }
    }
}

pub(super) fn run(db: &mut Db, parsed: Parsed, now: NaiveDateTime) -> Result<HsdsReport> {
    let Parsed { orgs, problems } = parsed;
    let mut st = State {
        problems,
        ..State::default()
    };
    duplicate_ids(&orgs, &mut st);
    let mut on_purpose = false;
    let result = db.write(|tx| {
        for rec in &orgs {
            organisation(tx, rec, &mut st, now)?;
        }
        if st.problems.is_empty() {
            Ok(())
        } else {
            on_purpose = true;
            Err(Error::Invalid(Vec::new()))
        }
    });
    match result {
        Ok(()) => {
            st.report.imported = true;
            Ok(st.report)
        }
        Err(_) if on_purpose => {
            let total = st.problems.len();
            st.problems.truncate(MAX_LISTED);
            Ok(HsdsReport {
                imported: false,
                problems: st.problems,
                problem_total: total as u32,
                ..HsdsReport::default()
            })
        }
        Err(e) => Err(e),
    }
}

fn trimmed(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// An id used twice in one file would make one entry overwrite the other.
fn duplicate_ids(orgs: &[OrgRecord], st: &mut State) {
    let mut seen_orgs = HashSet::new();
    let mut seen_services = HashSet::new();
    for o in orgs {
        let name = o.name.as_deref().unwrap_or("");
        if let Some(id) = trimmed(&o.id) {
            if !seen_orgs.insert(id.to_owned()) {
                st.problem(&o.place, name, "", "id", Rule::Duplicate, None);
            }
        }
        for s in &o.services {
            if let Some(id) = trimmed(&s.id) {
                if !seen_services.insert(id.to_owned()) {
                    let sname = s.name.as_deref().unwrap_or("");
                    st.problem(&s.place, name, sname, "id", Rule::Duplicate, None);
                }
            }
        }
    }
}

fn set(dst: &mut String, src: &Option<String>) {
    if let Some(v) = src {
        dst.clone_from(v);
    }
}

/// A date as HSDS writes it: `YYYY-MM-DD`, possibly with a time after it.
fn day(raw: &str) -> Option<NaiveDate> {
    stored_date(raw.trim().get(..10)?)
}

fn find_org(tx: &Transaction<'_>, rec: &OrgRecord, st: &State) -> Result<Found<i64>> {
    if let Some(id) = trimmed(&rec.id) {
        let found: Option<i64> = tx
            .prepare_cached("SELECT id FROM organizations WHERE hsds_id = ?1")?
            .query_row([id], |r| r.get(0))
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
        if let Some(s) = svcs::by_hsds_id(tx, id)? {
            return Ok(Found::ById(s));
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

/// The id a new record gets: the file's, else a fresh one.
fn new_id(
    raw: &Option<String>,
    at: &Place,
    org: &str,
    service: &str,
    st: &mut State,
) -> Result<String> {
    match trimmed(raw) {
        Some(id) if id.chars().count() > SHORT => {
            st.problem(at, org, service, "id", Rule::TooLong, Some(SHORT));
            Ok(String::new())
        }
        Some(id) => Ok(id.to_owned()),
        None => new_hsds_id(),
    }
}

/// What a service of the file becomes, checked; `None` after a problem.
struct ServicePlan {
    found: Found<Service>,
    input: ServiceInput,
    hsds_id: String,
}

fn bool_of(raw: &str) -> Option<Option<bool>> {
    match raw.trim().to_lowercase().as_str() {
        "" => Some(None),
        "true" | "1" | "ja" | "yes" | "waar" | "j" | "y" => Some(Some(true)),
        "false" | "0" | "nee" | "no" | "onwaar" | "n" => Some(Some(false)),
        _ => None,
    }
}

fn plan_service(
    tx: &Transaction<'_>,
    org: Option<i64>,
    org_name: &str,
    rec: &ServiceRecord,
    st: &mut State,
) -> Result<Option<ServicePlan>> {
    let found = find_service(tx, org, rec, st)?;
    let mut input = match &found {
        Found::ById(s) | Found::ByName(s) => svcs::as_input(s),
        Found::New => ServiceInput::default(),
    };
    let name = rec.name.as_deref().unwrap_or(&input.name).to_owned();
    let before = st.problems.len();
    set(&mut input.name, &rec.name);
    set(&mut input.description, &rec.description);
    set(&mut input.application_process, &rec.application_process);
    set(
        &mut input.eligibility_description,
        &rec.eligibility_description,
    );
    set(&mut input.fees_description, &rec.fees_description);
    set(&mut input.languages, &rec.languages);
    set(&mut input.service_area, &rec.service_area);
    set(&mut input.schedule, &rec.schedule);
    set(&mut input.contact_name, &rec.contact_name);
    set(&mut input.contact_phone, &rec.contact_phone);
    set(&mut input.contact_email, &rec.contact_email);
    if let Some(raw) = &rec.wmo_desk {
        match bool_of(raw) {
            Some(Some(b)) => input.wmo_desk = b,
            Some(None) => {}
            None => st.problem(&rec.place, org_name, &name, "wmoDesk", Rule::Choice, None),
        }
    }
    if let Some(codes) = &rec.topics {
        input.flags.clear();
        input.areas.clear();
        for code in codes {
            match parse_topic(code) {
                Some(Topic::Flag(f)) => input.flags.push(f),
                Some(Topic::Area(a)) => input.areas.push(a),
                None => st.problem(&rec.place, org_name, &name, "topics", Rule::Choice, None),
            }
        }
    }
    let hsds_id = match &found {
        Found::ById(s) | Found::ByName(s) => s.hsds_id.clone(),
        Found::New => new_id(&rec.id, &rec.place, org_name, &name, st)?,
    };
    let input = match input.validate() {
        Ok(v) => v,
        Err(Error::Invalid(fields)) => {
            st.fields(&rec.place, org_name, &name, fields);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    Ok((st.problems.len() == before).then_some(ServicePlan {
        found,
        input,
        hsds_id,
    }))
}

/// The file's check date: the organisation's own, else its stalest service's.
fn file_check(rec: &OrgRecord, today: NaiveDate, st: &mut State) -> Option<NaiveDate> {
    let org = rec.name.as_deref().unwrap_or("");
    let mut check = |raw: &str, at: &Place, service: &str| -> Option<NaiveDate> {
        if raw.trim().is_empty() {
            return None;
        }
        match day(raw) {
            None => {
                st.problem(at, org, service, "lastCheckedOn", Rule::Date, None);
                None
            }
            Some(d) if d > today => {
                st.problem(at, org, service, "lastCheckedOn", Rule::DateInFuture, None);
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

fn organisation(
    tx: &Transaction<'_>,
    rec: &OrgRecord,
    st: &mut State,
    now: NaiveDateTime,
) -> Result<()> {
    let found = find_org(tx, rec, st)?;
    let existing = match found {
        Found::ById(id) | Found::ByName(id) => Some(id),
        Found::New => None,
    };
    let (mut input, stored_on, _) = match existing {
        Some(id) => orgs::current(tx, id)?,
        None => (OrganisationInput::default(), None, String::new()),
    };
    let org_name = rec.name.as_deref().unwrap_or(&input.name).to_owned();
    set(&mut input.name, &rec.name);
    set(&mut input.description, &rec.description);
    set(&mut input.email, &rec.email);
    set(&mut input.website, &rec.website);
    set(&mut input.phone, &rec.phone);
    let input = match input.validate() {
        Ok(v) => Some(v),
        Err(Error::Invalid(fields)) => {
            st.fields(&rec.place, &org_name, "", fields);
            None
        }
        Err(e) => return Err(e),
    };
    let checked_on = file_check(rec, now.date(), st);
    let checked_by = rec.checked_by.as_deref().map_or("", str::trim).to_owned();
    if checked_by.chars().count() > SHORT {
        st.problem(
            &rec.place,
            &org_name,
            "",
            "lastCheckedBy",
            Rule::TooLong,
            Some(SHORT),
        );
    }
    let hsds_id = match existing {
        Some(_) => String::new(),
        None => new_id(&rec.id, &rec.place, &org_name, "", st)?,
    };
    let mut plans = Vec::with_capacity(rec.services.len());
    for s in &rec.services {
        plans.push(plan_service(tx, existing, &org_name, s, st)?);
    }
    // Once anything is wrong nothing is written; the checking goes on.
    let Some(input) = input else { return Ok(()) };
    if !st.problems.is_empty() {
        return Ok(());
    }
    let id = match existing {
        Some(id) => {
            orgs::update(tx, id, &input, now)?;
            if matches!(found, Found::ByName(_)) {
                st.report.organisations_by_name += 1;
            } else {
                st.report.organisations_by_id += 1;
            }
            id
        }
        None => {
            let id = orgs::insert(tx, &hsds_id, &input, now)?;
            st.created_orgs.insert(id);
            st.report.organisations_new += 1;
            id
        }
    };
    // A newer check in the file replaces the stored one; an older one does not.
    if let Some(on) = checked_on.filter(|d| stored_on.is_none_or(|s| *d > s)) {
        orgs::set_checked(tx, id, on, &checked_by, now)?;
    }
    let mut moved_from: HashSet<i64> = HashSet::new();
    for plan in plans.into_iter().flatten() {
        match plan.found {
            Found::New => {
                let sid = svcs::insert(tx, id, &plan.hsds_id, &plan.input, now)?;
                st.created_services.insert(sid);
                st.report.services_new += 1;
            }
            Found::ById(s) | Found::ByName(s) => {
                svcs::update(tx, s.id, &plan.input, now)?;
                if s.organisation_id != id {
                    svcs::move_to(tx, s.id, id)?;
                    moved_from.insert(s.organisation_id);
                }
                st.report.services_updated += 1;
            }
        }
    }
    search_index::organisation(tx, id)?;
    for old in moved_from {
        search_index::organisation(tx, old)?;
    }
    Ok(())
}
