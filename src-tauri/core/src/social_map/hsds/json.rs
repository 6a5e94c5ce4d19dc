//! HSDS JSON export: an array of `organization` objects with nested
//! `services`, each valid against the official compiled schemas. Absent
//! values are left out (no `null`, no empty string), except the
//! organisation's `description`, which the schema requires.

use serde_json::{json, Map, Value};

use super::ids::{as_uuid, child_id};
use super::languages::code_of;
pub(super) use crate::social_map::input::with_scheme;
use crate::social_map::topics::topic_codes;
use crate::social_map::{Location, Organisation, Service};
use crate::Result;

/// The file name a JSON problem refers to.
pub(super) const FILE: &str = "json";

/// Add `key: value` when the value is not empty.
pub(super) fn put(obj: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        obj.insert(key.to_owned(), Value::String(value.to_owned()));
    }
}

/// An address is written only when it has every field HSDS requires.
pub(super) fn address_complete(l: &Location) -> bool {
    [
        &l.address_1,
        &l.postal_code,
        &l.city,
        &l.state_province,
        &l.country,
    ]
    .iter()
    .all(|v| !v.trim().is_empty())
}

/// The list items of "Nederlands, Fries".
pub(super) fn language_names(s: &Service) -> impl Iterator<Item = &str> {
    s.languages.split(", ").filter(|l| !l.trim().is_empty())
}

/// The id of a service's one contact.
pub(super) fn contact_id(service: &str) -> String {
    child_id(service, "contact", "1")
}

fn has_contact(s: &Service) -> bool {
    !(s.contact_name.is_empty()
        && s.contact_phone.is_empty()
        && s.contact_email.is_empty()
        && s.more_phones.is_empty())
}

/// Phone objects of a parent (`organization_id` or `contact_id` = `parent`).
fn phones_out<'a>(
    parent_key: &str,
    parent: &str,
    numbers: impl Iterator<Item = &'a String>,
) -> Vec<Value> {
    numbers
        .filter(|n| !n.trim().is_empty())
        .enumerate()
        .map(|(i, n)| {
            let mut p = Map::new();
            p.insert(
                "id".into(),
                json!(child_id(parent, "phone", &(i + 1).to_string())),
            );
            p.insert(parent_key.into(), json!(parent));
            p.insert("number".into(), json!(n));
            Value::Object(p)
        })
        .collect()
}

fn location_out(oid: &str, l: &Location) -> Value {
    let lid = as_uuid(&l.hsds_id);
    let mut loc = Map::new();
    loc.insert("id".into(), json!(lid));
    loc.insert("location_type".into(), json!("physical"));
    loc.insert("organization_id".into(), json!(oid));
    put(&mut loc, "name", &l.name);
    if address_complete(l) {
        let mut a = Map::new();
        a.insert("id".into(), json!(as_uuid(&l.address_hsds_id)));
        a.insert("location_id".into(), json!(lid));
        a.insert("address_1".into(), json!(l.address_1));
        put(&mut a, "address_2", &l.address_2);
        a.insert("city".into(), json!(l.city));
        a.insert("state_province".into(), json!(l.state_province));
        a.insert("postal_code".into(), json!(l.postal_code));
        a.insert("country".into(), json!(l.country));
        a.insert("address_type".into(), json!("physical"));
        loc.insert("addresses".into(), json!([a]));
    }
    Value::Object(loc)
}

fn service_out(o: &Organisation, s: &Service) -> Value {
    let oid = as_uuid(&o.hsds_id);
    let sid = as_uuid(&s.hsds_id);
    let mut v = Map::new();
    v.insert("id".into(), json!(sid));
    v.insert("organization_id".into(), json!(oid));
    v.insert("name".into(), json!(s.name));
    put(&mut v, "description", &s.description);
    put(&mut v, "url", &with_scheme(&s.url));
    put(&mut v, "email", &s.email);
    v.insert("status".into(), json!(s.status.as_str()));
    put(&mut v, "application_process", &s.application_process);
    put(
        &mut v,
        "eligibility_description",
        &s.eligibility_description,
    );
    put(&mut v, "fees_description", &s.fees_description);
    if let Some(a) = s.minimum_age {
        v.insert("minimum_age".into(), json!(a));
    }
    if let Some(a) = s.maximum_age {
        v.insert("maximum_age".into(), json!(a));
    }
    if let Some(d) = &o.last_checked_on {
        v.insert("assured_date".into(), json!(d));
    }
    let languages: Vec<Value> = language_names(s)
        .map(|name| {
            let mut l = Map::new();
            l.insert(
                "id".into(),
                json!(child_id(&sid, "language", &name.to_lowercase())),
            );
            l.insert("service_id".into(), json!(sid));
            l.insert("name".into(), json!(name));
            if let Some(code) = code_of(name) {
                l.insert("code".into(), json!(code));
            }
            Value::Object(l)
        })
        .collect();
    v.insert("languages".into(), json!(languages));
    let areas: Vec<Value> = Some(&s.service_area)
        .filter(|a| !a.is_empty())
        .map(|name| json!({"id": child_id(&sid, "service_area", "1"), "service_id": sid, "name": name}))
        .into_iter()
        .collect();
    v.insert("service_areas".into(), json!(areas));
    let schedules: Vec<Value> = if s.schedules.is_empty() {
        Some(&s.schedule)
            .filter(|d| !d.is_empty())
            .map(|d| json!({"id": child_id(&sid, "schedule", "1"), "service_id": sid, "description": d}))
            .into_iter()
            .collect()
    } else {
        s.schedules
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let mut o = Map::new();
                o.insert(
                    "id".into(),
                    json!(child_id(&sid, "schedule", &(i + 1).to_string())),
                );
                o.insert("service_id".into(), json!(sid));
                put(&mut o, "freq", &h.freq);
                put(&mut o, "byday", &h.byday);
                put(&mut o, "opens_at", &h.opens_at);
                put(&mut o, "closes_at", &h.closes_at);
                put(&mut o, "description", &h.description);
                Value::Object(o)
            })
            .collect()
    };
    v.insert("schedules".into(), json!(schedules));
    let mut contacts = Vec::new();
    if has_contact(s) {
        let cid = contact_id(&sid);
        let mut c = Map::new();
        c.insert("id".into(), json!(cid));
        c.insert("service_id".into(), json!(sid));
        put(&mut c, "name", &s.contact_name);
        put(&mut c, "email", &s.contact_email);
        let numbers = std::iter::once(&s.contact_phone).chain(&s.more_phones);
        c.insert(
            "phones".into(),
            json!(phones_out("contact_id", &cid, numbers)),
        );
        contacts.push(Value::Object(c));
    }
    for (i, m) in s.more_contacts.iter().enumerate() {
        let cid = child_id(&sid, "contact", &(i + 2).to_string());
        let mut c = Map::new();
        c.insert("id".into(), json!(cid));
        c.insert("service_id".into(), json!(sid));
        put(&mut c, "name", &m.name);
        put(&mut c, "title", &m.title);
        put(&mut c, "email", &m.email);
        c.insert(
            "phones".into(),
            json!(phones_out("contact_id", &cid, m.phones.iter())),
        );
        contacts.push(Value::Object(c));
    }
    v.insert("contacts".into(), json!(contacts));
    let at: Vec<Value> = o
        .locations
        .iter()
        .filter(|l| s.location_ids.contains(&l.id))
        .map(|l| {
            let lid = as_uuid(&l.hsds_id);
            json!({"id": child_id(&sid, "service_at_location", &lid), "service_id": sid, "location_id": lid})
        })
        .collect();
    if !at.is_empty() {
        v.insert("service_at_locations".into(), json!(at));
    }
    v.insert("x_buurtpunt_wmo_desk".into(), json!(s.wmo_desk));
    v.insert(
        "x_buurtpunt_topics".into(),
        json!(topic_codes(&s.flags, &s.areas)),
    );
    Value::Object(v)
}

/// One organisation as an HSDS `organization` object.
pub(super) fn organisation_out(o: &Organisation) -> Value {
    let oid = as_uuid(&o.hsds_id);
    let mut v = Map::new();
    v.insert("id".into(), json!(oid));
    v.insert("name".into(), json!(o.name));
    v.insert("description".into(), json!(o.description));
    put(&mut v, "email", &o.email);
    put(&mut v, "website", &with_scheme(&o.website));
    let numbers = std::iter::once(&o.phone).chain(&o.more_phones);
    v.insert(
        "phones".into(),
        json!(phones_out("organization_id", &oid, numbers)),
    );
    if !o.locations.is_empty() {
        let locations: Vec<Value> = o.locations.iter().map(|l| location_out(&oid, l)).collect();
        v.insert("locations".into(), json!(locations));
    }
    let services: Vec<Value> = o.services.iter().map(|s| service_out(o, s)).collect();
    v.insert("services".into(), json!(services));
    if let Some(d) = &o.last_checked_on {
        v.insert("x_buurtpunt_last_checked_on".into(), json!(d));
    }
    put(&mut v, "x_buurtpunt_last_checked_by", &o.last_checked_by);
    Value::Object(v)
}

pub(super) fn write(orgs: &[Organisation]) -> Result<Vec<u8>> {
    let out: Vec<Value> = orgs.iter().map(organisation_out).collect();
    let mut bytes = serde_json::to_vec_pretty(&out)?;
    bytes.push(b'\n');
    Ok(bytes)
}
