//! HSDS JSON: an array of `organization` objects with nested `services`.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{OrgRecord, Place, ServiceRecord};
use crate::social_map::topics::topic_codes;
use crate::social_map::{Organisation, Service};
use crate::{Error, Result};

/// The file name a JSON problem refers to.
pub(super) const FILE: &str = "json";

#[derive(Serialize)]
struct Phone<'a> {
    id: String,
    number: &'a str,
}

#[derive(Serialize)]
struct Named<'a> {
    id: String,
    service_id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Schedule<'a> {
    id: String,
    service_id: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct Contact<'a> {
    id: String,
    service_id: &'a str,
    name: &'a str,
    email: &'a str,
    phones: Vec<Phone<'a>>,
}

#[derive(Serialize)]
struct ServiceOut<'a> {
    id: &'a str,
    organization_id: &'a str,
    name: &'a str,
    description: &'a str,
    status: &'static str,
    application_process: &'a str,
    eligibility_description: &'a str,
    fees_description: &'a str,
    assured_date: Option<&'a str>,
    languages: Vec<Named<'a>>,
    service_areas: Vec<Named<'a>>,
    schedules: Vec<Schedule<'a>>,
    contacts: Vec<Contact<'a>>,
    x_buurtpunt_wmo_desk: bool,
    x_buurtpunt_topics: Vec<String>,
}

#[derive(Serialize)]
struct OrganisationOut<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    email: &'a str,
    website: &'a str,
    phones: Vec<Phone<'a>>,
    services: Vec<ServiceOut<'a>>,
    x_buurtpunt_last_checked_on: Option<&'a str>,
    x_buurtpunt_last_checked_by: &'a str,
}

/// The ids of the rows a service's text fields become: derived from the
/// service's id, so an export of the same data is the same file.
pub(super) fn child_id(parent: &str, what: &str) -> String {
    format!("{parent}-{what}")
}

fn service_out<'a>(o: &'a Organisation, s: &'a Service) -> ServiceOut<'a> {
    let sid = s.hsds_id.as_str();
    let languages = s
        .languages
        .split(", ")
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, name)| Named {
            id: child_id(sid, &format!("language-{}", i + 1)),
            service_id: sid,
            name,
        })
        .collect();
    let mut contacts = Vec::new();
    if !(s.contact_name.is_empty() && s.contact_phone.is_empty() && s.contact_email.is_empty()) {
        let cid = child_id(sid, "contact");
        let phones = if s.contact_phone.is_empty() {
            Vec::new()
        } else {
            vec![Phone {
                id: child_id(&cid, "phone"),
                number: &s.contact_phone,
            }]
        };
        contacts.push(Contact {
            id: cid,
            service_id: sid,
            name: &s.contact_name,
            email: &s.contact_email,
            phones,
        });
    }
    ServiceOut {
        id: sid,
        organization_id: &o.hsds_id,
        name: &s.name,
        description: &s.description,
        status: "active",
        application_process: &s.application_process,
        eligibility_description: &s.eligibility_description,
        fees_description: &s.fees_description,
        assured_date: o.last_checked_on.as_deref(),
        languages,
        service_areas: non_empty(&s.service_area)
            .map(|name| Named {
                id: child_id(sid, "area"),
                service_id: sid,
                name,
            })
            .into_iter()
            .collect(),
        schedules: non_empty(&s.schedule)
            .map(|description| Schedule {
                id: child_id(sid, "schedule"),
                service_id: sid,
                description,
            })
            .into_iter()
            .collect(),
        contacts,
        x_buurtpunt_wmo_desk: s.wmo_desk,
        x_buurtpunt_topics: topic_codes(&s.flags, &s.areas),
    }
}

fn non_empty(v: &str) -> Option<&str> {
    (!v.is_empty()).then_some(v)
}

pub(super) fn write(orgs: &[Organisation]) -> Result<Vec<u8>> {
    let out: Vec<OrganisationOut<'_>> = orgs
        .iter()
        .map(|o| OrganisationOut {
            id: &o.hsds_id,
            name: &o.name,
            description: &o.description,
            email: &o.email,
            website: &o.website,
            phones: non_empty(&o.phone)
                .map(|number| Phone {
                    id: child_id(&o.hsds_id, "phone"),
                    number,
                })
                .into_iter()
                .collect(),
            services: o.services.iter().map(|s| service_out(o, s)).collect(),
            x_buurtpunt_last_checked_on: o.last_checked_on.as_deref(),
            x_buurtpunt_last_checked_by: &o.last_checked_by,
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&out)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A value as text: strings as they are, numbers and booleans written out.
/// `None` for a missing key or `null` (the stored value stays).
pub(super) fn text(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn objects<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<Vec<&'a Map<String, Value>>> {
    match obj.get(key)? {
        Value::Array(items) => Some(items.iter().filter_map(Value::as_object).collect()),
        _ => None,
    }
}

/// The first phone number of an object's `phones`.
fn first_phone(obj: &Map<String, Value>) -> Option<String> {
    objects(obj, "phones")?
        .into_iter()
        .find_map(|p| text(p, "number"))
}

fn schedule_text(s: &Map<String, Value>) -> Option<String> {
    schedule_from(|k| text(s, k))
}

/// Opening hours as text: a schedule's description, or what can be read
/// from its days and times ("ma, di 09:00–12:00").
pub(super) fn schedule_from(get: impl Fn(&str) -> Option<String>) -> Option<String> {
    if let Some(d) = get("description").filter(|d| !d.trim().is_empty()) {
        return Some(d);
    }
    let days = get("byday").filter(|d| !d.trim().is_empty()).map(|d| {
        d.split(',')
            .map(|day| {
                match day
                    .trim()
                    .trim_start_matches(['-', '+', '0', '1', '2', '3', '4', '5'])
                {
                    "MO" => "ma",
                    "TU" => "di",
                    "WE" => "wo",
                    "TH" => "do",
                    "FR" => "vr",
                    "SA" => "za",
                    "SU" => "zo",
                    other => other,
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let time = |k: &str| {
        get(k)
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.trim().chars().take(5).collect::<String>())
    };
    let hours = match (time("opens_at"), time("closes_at")) {
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (Some(a), None) => Some(format!("vanaf {a}")),
        (None, Some(b)) => Some(format!("tot {b}")),
        (None, None) => None,
    };
    let parts: Vec<String> = days.into_iter().chain(hours).collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The texts of a list of objects (one field each), joined; `None` when the
/// key is missing.
fn joined(
    obj: &Map<String, Value>,
    key: &str,
    field: impl Fn(&Map<String, Value>) -> Option<String>,
    sep: &str,
) -> Option<String> {
    let value = obj.get(key)?;
    let items: Vec<String> = match value {
        Value::Array(items) => items
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => field(o),
                _ => None,
            })
            .filter(|s| !s.trim().is_empty())
            .collect(),
        Value::String(s) => vec![s.clone()],
        _ => return None,
    };
    Some(items.join(sep))
}

/// Topic codes: an array of strings, or one string with commas.
pub(super) fn topics(raw: &str) -> Vec<String> {
    raw.split([',', ';', '|', ' '])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

fn service_record(s: &Map<String, Value>, place: Place) -> ServiceRecord {
    let contact = objects(s, "contacts").and_then(|c| c.into_iter().next());
    let contact_phone = contact.and_then(first_phone).or_else(|| first_phone(s));
    ServiceRecord {
        place,
        id: text(s, "id"),
        name: text(s, "name"),
        description: text(s, "description"),
        application_process: text(s, "application_process"),
        eligibility_description: text(s, "eligibility_description"),
        fees_description: text(s, "fees_description").or_else(|| text(s, "fees")),
        languages: joined(s, "languages", |l| text(l, "name"), ", "),
        service_area: joined(
            s,
            "service_areas",
            |a| text(a, "name").or_else(|| text(a, "description")),
            ", ",
        ),
        schedule: joined(s, "schedules", schedule_text, "\n"),
        // A contact without a name or e-mail clears the stored one.
        contact_name: contact.and_then(|c| text(c, "name").or_else(|| Some(String::new()))),
        contact_phone,
        contact_email: contact.and_then(|c| text(c, "email").or_else(|| Some(String::new()))),
        wmo_desk: text(s, "x_buurtpunt_wmo_desk"),
        topics: match s.get("x_buurtpunt_topics") {
            Some(Value::Array(items)) => Some(
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
            ),
            Some(Value::String(t)) => Some(topics(t)),
            _ => None,
        },
        assured_date: text(s, "assured_date"),
    }
}

fn org_record(o: &Map<String, Value>, row: u32) -> OrgRecord {
    let place = Place {
        file: FILE.into(),
        row,
    };
    OrgRecord {
        id: text(o, "id"),
        name: text(o, "name"),
        description: text(o, "description"),
        email: text(o, "email"),
        website: text(o, "website").or_else(|| text(o, "url")),
        phone: first_phone(o),
        checked_on: text(o, "x_buurtpunt_last_checked_on"),
        checked_by: text(o, "x_buurtpunt_last_checked_by"),
        services: objects(o, "services")
            .into_iter()
            .flatten()
            .map(|s| service_record(s, place.clone()))
            .collect(),
        place,
    }
}

/// A list of services that each nest their `organization` (an HSDS
/// `/services` answer): grouped under their organisations, in file order.
fn from_services(items: &[&Map<String, Value>]) -> Vec<OrgRecord> {
    let mut orgs: Vec<OrgRecord> = Vec::new();
    for s in items {
        let Some(Value::Object(o)) = s.get("organization") else {
            continue;
        };
        let key = text(o, "id").or_else(|| text(o, "name"));
        let at = orgs
            .iter()
            .position(|r| key.is_some() && r.id.as_ref().or(r.name.as_ref()) == key.as_ref());
        let at = match at {
            Some(i) => i,
            None => {
                let mut r = org_record(o, orgs.len() as u32 + 1);
                r.services.clear();
                orgs.push(r);
                orgs.len() - 1
            }
        };
        let place = orgs[at].place.clone();
        orgs[at].services.push(service_record(s, place));
    }
    orgs
}

pub(super) fn read(bytes: &[u8]) -> Result<Vec<OrgRecord>> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| Error::HsdsUnreadable(format!("not valid JSON: {e}")))?;
    let not_hsds =
        || Error::HsdsUnreadable("the JSON holds no HSDS organisations or services".into());
    let list = match &value {
        Value::Array(items) => items,
        Value::Object(o) => match o.get("contents").or_else(|| o.get("items")) {
            Some(Value::Array(items)) => items,
            _ if o.contains_key("name") => std::slice::from_ref(&value),
            _ => return Err(not_hsds()),
        },
        _ => return Err(not_hsds()),
    };
    let items: Vec<&Map<String, Value>> = list.iter().filter_map(Value::as_object).collect();
    if items.len() != list.len() {
        return Err(not_hsds());
    }
    let looks_like_hsds = items
        .iter()
        .all(|o| o.contains_key("name") || o.contains_key("organization"));
    if !looks_like_hsds {
        return Err(not_hsds());
    }
    let is_service_list = !items.is_empty()
        && items
            .iter()
            .all(|o| o.contains_key("organization") && !o.contains_key("services"));
    if is_service_list {
        return Ok(from_services(&items));
    }
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, o)| org_record(o, i as u32 + 1))
        .collect())
}
