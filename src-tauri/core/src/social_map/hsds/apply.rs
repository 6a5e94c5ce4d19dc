//! Take over what a file holds, record by record: match, merge, check with
//! the forms' rules and write. A value that breaks a rule is left out (the
//! stored one stays) and noted; a record without a usable name is skipped
//! and noted; everything else is written, in one transaction.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction};

use super::ids::{as_uuid, child_id};
use super::{
    HsdsAction, HsdsProblem, HsdsReport, LocationRecord, OrgRecord, Parsed, Place, ServiceRecord,
    Who, MAX_LISTED,
};
use crate::social_map::input::{phone_ok, LocationInput, OrganisationInput, ServiceInput};
use crate::social_map::locations;
use crate::social_map::new_hsds_id;
use crate::social_map::organisations as orgs;
use crate::social_map::services as svcs;
use crate::social_map::topics::{parse_topic, Topic};
use crate::social_map::{opening_hours_ok, search_index, MoreContact, Service, ServiceStatus};
use crate::store::time::stored_date;
use crate::validate::{formula_start, Check, SHORT};
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
    notes: Parsed,
    /// Made by this import: never matched by name (two entries in one file
    /// with the same name stay two).
    created_orgs: HashSet<i64>,
    created_services: HashSet<i64>,
}

impl State {
    fn note(&mut self, who: &Who, field: &str, rule: Rule, action: HsdsAction, value: &str) {
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

fn trimmed(v: &Option<String>) -> Option<&str> {
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

fn set(dst: &mut String, src: &Option<String>) {
    if let Some(v) = src {
        dst.clone_from(v);
    }
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

/// The numbers of the list that are phone numbers (the others are noted).
fn good_phones(list: &[String], field: &str, w: &Who, st: &mut State) -> Vec<String> {
    let mut out = Vec::new();
    for n in list {
        if phone_ok(n) {
            out.push(n.trim().to_owned());
        } else {
            st.note(w, field, Rule::Phone, HsdsAction::FieldSkipped, n);
        }
    }
    out
}

/// The first good number and the other good ones. `None`: the list is
/// missing, or has no good number (the stored ones stay).
fn split_phones(
    list: &Option<Vec<String>>,
    field: &str,
    w: &Who,
    st: &mut State,
) -> Option<(String, Vec<String>)> {
    let list = list.as_ref()?;
    if list.is_empty() {
        return Some((String::new(), Vec::new()));
    }
    let mut good = good_phones(list, field, w, st).into_iter();
    let first = good.next()?;
    Some((first, good.collect()))
}

/// The other contacts of a service: unreadable phone numbers and e-mail
/// addresses left out, a contact without a usable name skipped (noted).
fn more_contacts(list: &[MoreContact], w: &Who, st: &mut State) -> Vec<MoreContact> {
    let mut out = Vec::new();
    for m in list {
        let mut m = m.clone();
        if formula_start(&m.name) {
            st.note(
                w,
                "contactName",
                Rule::FormulaStart,
                HsdsAction::FieldSkipped,
                &m.name,
            );
            continue;
        }
        m.phones = good_phones(&m.phones, "contactPhone", w, st);
        let mut c = Check::new();
        c.email("contactEmail", m.email.trim());
        if c.finish().is_err() {
            st.note(
                w,
                "contactEmail",
                Rule::Email,
                HsdsAction::FieldSkipped,
                &m.email,
            );
            m.email.clear();
        }
        if !(m.name.trim().is_empty() && m.email.is_empty() && m.phones.is_empty()) {
            out.push(m);
        }
    }
    out
}

/// Check `input`; each field that breaks a rule gets its earlier value back
/// (noted). `None` when the record cannot be taken at all (its name).
fn tolerant<T: Clone>(
    mut input: T,
    before: &T,
    validate: impl Fn(T) -> Result<T>,
    reset: impl Fn(&mut T, &T, &str),
    w: &Who,
    st: &mut State,
) -> Result<Option<T>> {
    for _ in 0..2 {
        match validate(input.clone()) {
            Ok(v) => return Ok(Some(v)),
            Err(Error::Invalid(fields)) => {
                for FieldError { field, rule, .. } in fields {
                    if field == "name" {
                        st.note(w, &field, rule, HsdsAction::RecordSkipped, "");
                        return Ok(None);
                    }
                    st.note(w, &field, rule, HsdsAction::FieldSkipped, "");
                    reset(&mut input, before, &field);
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

fn reset_org(i: &mut OrganisationInput, b: &OrganisationInput, field: &str) {
    match field {
        "description" => i.description.clone_from(&b.description),
        "email" => i.email.clone_from(&b.email),
        "website" => i.website.clone_from(&b.website),
        "phone" => i.phone.clone_from(&b.phone),
        "morePhones" => i.more_phones.clone_from(&b.more_phones),
        _ => {}
    }
}

fn reset_service(i: &mut ServiceInput, b: &ServiceInput, field: &str) {
    match field {
        "description" => i.description.clone_from(&b.description),
        "url" => i.url.clone_from(&b.url),
        "email" => i.email.clone_from(&b.email),
        "applicationProcess" => i.application_process.clone_from(&b.application_process),
        "eligibilityDescription" => i
            .eligibility_description
            .clone_from(&b.eligibility_description),
        "feesDescription" => i.fees_description.clone_from(&b.fees_description),
        "languages" => i.languages.clone_from(&b.languages),
        "serviceArea" => i.service_area.clone_from(&b.service_area),
        "schedule" => {
            i.schedule.clone_from(&b.schedule);
            i.schedules.clone_from(&b.schedules);
        }
        "contactName" => i.contact_name.clone_from(&b.contact_name),
        "contactPhone" => i.contact_phone.clone_from(&b.contact_phone),
        "contactEmail" => i.contact_email.clone_from(&b.contact_email),
        "morePhones" => i.more_phones.clone_from(&b.more_phones),
        "moreContacts" => i.more_contacts.clone_from(&b.more_contacts),
        "minimumAge" | "maximumAge" => {
            i.minimum_age = b.minimum_age;
            i.maximum_age = b.maximum_age;
        }
        _ => {}
    }
}

fn bool_of(raw: &str) -> Option<Option<bool>> {
    match raw.trim().to_lowercase().as_str() {
        "" => Some(None),
        "true" | "1" | "ja" | "yes" | "waar" | "j" | "y" => Some(Some(true)),
        "false" | "0" | "nee" | "no" | "onwaar" | "n" => Some(Some(false)),
        _ => None,
    }
}

/// An age in years: "18" or "18.0"; `Some(None)` for an empty value.
fn age_of(raw: &str) -> Option<Option<i64>> {
    let v = raw.trim();
    if v.is_empty() {
        return Some(None);
    }
    let n: f64 = v.replace(',', ".").parse().ok()?;
    (n.fract() == 0.0 && (0.0..=130.0).contains(&n)).then_some(Some(n as i64))
}

/// The file's values on top of the stored (or empty) service.
fn merged_service(
    rec: &ServiceRecord,
    mut input: ServiceInput,
    w: &Who,
    st: &mut State,
) -> ServiceInput {
    set(&mut input.name, &rec.name);
    set(&mut input.description, &rec.description);
    set(&mut input.url, &rec.url);
    set(&mut input.email, &rec.email);
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
    set(&mut input.contact_email, &rec.contact_email);
    if let Some((first, more)) = split_phones(&rec.contact_phones, "contactPhone", w, st) {
        input.contact_phone = first;
        input.more_phones = Some(more);
    }
    if let Some(list) = &rec.more_contacts {
        input.more_contacts = Some(more_contacts(list, w, st));
    }
    if let Some(list) = &rec.schedules {
        let mut good = Vec::new();
        for h in list {
            if opening_hours_ok(h) {
                let mut h = h.clone();
                // One way of writing a time: "09:30:00", as Frictionless' `time`.
                for t in [&mut h.opens_at, &mut h.closes_at] {
                    if t.len() == 5 {
                        t.push_str(":00");
                    }
                }
                good.push(h);
            } else {
                let what = format!("{} {}-{}", h.byday, h.opens_at, h.closes_at);
                st.note(
                    w,
                    "schedule",
                    Rule::Time,
                    HsdsAction::FieldSkipped,
                    what.trim(),
                );
            }
        }
        input.schedules = Some(good);
    }
    if let Some(raw) = trimmed(&rec.status) {
        match ServiceStatus::parse(&raw.to_lowercase()) {
            Some(s) => input.status = s,
            None => st.note(w, "status", Rule::Choice, HsdsAction::FieldSkipped, raw),
        }
    }
    for (field, raw, dst) in [
        ("minimumAge", &rec.minimum_age, &mut input.minimum_age),
        ("maximumAge", &rec.maximum_age, &mut input.maximum_age),
    ] {
        if let Some(raw) = raw {
            match age_of(raw) {
                Some(a) => *dst = a,
                None => st.note(w, field, Rule::Number, HsdsAction::FieldSkipped, raw),
            }
        }
    }
    if let Some(raw) = &rec.wmo_desk {
        match bool_of(raw) {
            Some(Some(b)) => input.wmo_desk = b,
            Some(None) => {}
            None => st.note(w, "wmoDesk", Rule::Choice, HsdsAction::FieldSkipped, raw),
        }
    }
    if let Some(codes) = &rec.topics {
        input.flags.clear();
        input.areas.clear();
        for code in codes {
            match parse_topic(code) {
                Some(Topic::Flag(f)) => input.flags.push(f),
                Some(Topic::Area(a)) => input.areas.push(a),
                None => st.note(w, "topics", Rule::Choice, HsdsAction::FieldSkipped, code),
            }
        }
    }
    input
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
