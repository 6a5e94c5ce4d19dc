//! The file's values on top of the stored ones, checked with the forms'
//! rules: what breaks a rule is left out and noted (the import's tolerance).

use super::apply::{trimmed, State};
use super::{HsdsAction, ServiceRecord, Who};
use crate::social_map::input::{phone_ok, OrganisationInput, ServiceInput};
use crate::social_map::topics::{parse_topic, Topic};
use crate::social_map::{opening_hours_ok, MoreContact, ServiceStatus};
use crate::validate::{formula_start, Check};
use crate::vocab::{FieldError, Rule};
use crate::{Error, Result};

pub(super) fn set(dst: &mut String, src: &Option<String>) {
    if let Some(v) = src {
        dst.clone_from(v);
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
pub(super) fn split_phones(
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
pub(super) fn tolerant<T: Clone>(
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

pub(super) fn reset_org(i: &mut OrganisationInput, b: &OrganisationInput, field: &str) {
    match field {
        "description" => i.description.clone_from(&b.description),
        "email" => i.email.clone_from(&b.email),
        "website" => i.website.clone_from(&b.website),
        "phone" => i.phone.clone_from(&b.phone),
        "morePhones" => i.more_phones.clone_from(&b.more_phones),
        _ => {}
    }
}

pub(super) fn reset_service(i: &mut ServiceInput, b: &ServiceInput, field: &str) {
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
pub(super) fn merged_service(
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
