//! Reading HSDS JSON: organisations with nested services, an API page, or a
//! list of services that each nest their organisation. What Buurtpunt does
//! not keep is noted, not refused.

use serde_json::{Map, Value};

use super::json::FILE;
use super::languages::name_of;
use super::{HsdsAction, LocationRecord, OrgRecord, Parsed, Place, ServiceRecord, Who};
use crate::social_map::topics::topic_of_term;
use crate::social_map::{MoreContact, OpeningHours};
use crate::vocab::Rule;
use crate::{Error, Result};

type Obj = Map<String, Value>;

/// Organisation fields Buurtpunt takes.
const ORG_TAKEN: &[&str] = &[
    "id",
    "name",
    "description",
    "email",
    "website",
    "url",
    "phones",
    "locations",
    "services",
];
/// HSDS organisation fields Buurtpunt does not keep.
const ORG_UNUSED: &[&str] = &[
    "alternate_name",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "logo",
    "uri",
    "parent_organization_id",
    "funding",
    "contacts",
    "programs",
    "organization_identifiers",
    "attributes",
    "metadata",
];
const SERVICE_TAKEN: &[&str] = &[
    "id",
    "organization_id",
    "organization",
    "name",
    "description",
    "url",
    "email",
    "status",
    "application_process",
    "eligibility_description",
    "fees_description",
    "fees",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "languages",
    "service_areas",
    "schedules",
    "contacts",
    "phones",
    "service_at_locations",
    "attributes",
    "cost_options",
];
const SERVICE_UNUSED: &[&str] = &[
    "alternate_name",
    "program_id",
    "interpretation_services",
    "wait_time",
    "accreditations",
    "assurer_email",
    "licenses",
    "alert",
    "last_modified",
    "funding",
    "program",
    "required_documents",
    "metadata",
];

/// A value as text: strings as they are, numbers and booleans written out.
/// `None` for a missing key or `null` (the stored value stays).
pub(super) fn text(obj: &Obj, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn objects<'a>(obj: &'a Obj, key: &str) -> Option<Vec<&'a Obj>> {
    match obj.get(key)? {
        Value::Array(items) => Some(items.iter().filter_map(Value::as_object).collect()),
        _ => None,
    }
}

/// The numbers of an object's `phones`, in file order.
fn phone_numbers(obj: &Obj) -> Option<Vec<String>> {
    Some(
        objects(obj, "phones")?
            .into_iter()
            .filter_map(|p| text(p, "number"))
            .filter(|n| !n.trim().is_empty())
            .collect(),
    )
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

/// Topic codes: an array of strings, or one string with commas.
pub(super) fn topics(raw: &str) -> Vec<String> {
    raw.split([',', ';', '|', ' '])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A language's name; a language given only as a code gets its Dutch name
/// (noted), an unknown code is left out (noted).
pub(super) fn language_name(
    name: Option<String>,
    code: Option<String>,
    who: &Who,
    p: &mut Parsed,
) -> Option<String> {
    if let Some(n) = name.filter(|n| !n.trim().is_empty()) {
        return Some(n);
    }
    let code = code.filter(|c| !c.trim().is_empty())?;
    match name_of(&code) {
        Some(n) => {
            p.note(who, "language", Rule::Choice, HsdsAction::Converted, &code);
            Some(n.to_owned())
        }
        None => {
            p.note(
                who,
                "language",
                Rule::Choice,
                HsdsAction::FieldSkipped,
                &code,
            );
            None
        }
    }
}

/// Note the fields of `obj` that Buurtpunt does not take: HSDS ones in the
/// report's list, others (not extensions) for the record too.
fn check_fields(obj: &Obj, taken: &[&str], unused: &[&str], who: &Who, p: &mut Parsed) {
    for key in obj.keys() {
        if taken.contains(&key.as_str()) || key.starts_with("x_buurtpunt_") {
            continue;
        }
        if !unused.contains(&key.as_str()) {
            p.note(who, "field", Rule::Choice, HsdsAction::Dropped, key);
        }
        p.dropped.insert(key.clone());
    }
}

/// The topics of a service's `attributes` (taxonomy terms) that match
/// Buurtpunt's; the others are noted.
fn attribute_topics(s: &Obj, who: &Who, p: &mut Parsed) -> Option<Vec<String>> {
    let attrs = objects(s, "attributes")?;
    let mut out = Vec::new();
    for a in attrs {
        let term = a.get("taxonomy_term").and_then(Value::as_object);
        let code = term.and_then(|t| text(t, "code"));
        let name = term
            .and_then(|t| text(t, "name"))
            .or_else(|| text(a, "value"));
        let found = [&code, &name]
            .into_iter()
            .flatten()
            .find_map(|t| topic_of_term(t));
        match found {
            Some(t) => out.push(t.to_owned()),
            None => {
                let what = name.or(code).unwrap_or_default();
                p.note(who, "topics", Rule::Choice, HsdsAction::Dropped, &what);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

fn location_record(l: &Obj) -> Option<LocationRecord> {
    let a = objects(l, "addresses")?.into_iter().find(|a| {
        text(a, "address_type").is_none_or(|t| t == "physical") && text(a, "address_1").is_some()
    })?;
    let t = |k: &str| text(a, k).unwrap_or_default();
    Some(LocationRecord {
        id: text(l, "id"),
        address_id: text(a, "id"),
        name: text(l, "name").unwrap_or_default(),
        address_1: t("address_1"),
        address_2: t("address_2"),
        postal_code: t("postal_code"),
        city: t("city"),
        state_province: t("state_province"),
    })
}

/// What a service costs, from its `cost_options` ("Per avond: € 1,50").
fn costs(s: &Obj) -> Option<String> {
    let lines: Vec<String> = objects(s, "cost_options")?
        .into_iter()
        .filter_map(|c| {
            let amount = c.get("amount").and_then(Value::as_f64).map(|a| {
                let a = format!("{a:.2}").replace('.', ",");
                match text(c, "currency").as_deref() {
                    None | Some("EUR") | Some("") => format!("€ {a}"),
                    Some(cur) => format!("{cur} {a}"),
                }
            });
            let parts: Vec<String> = [text(c, "option"), amount, text(c, "amount_description")]
                .into_iter()
                .flatten()
                .filter(|p| !p.trim().is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(": "))
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Where a service row of a CSV file was (set by the tabular reader).
pub(super) const CSV_ROW: &str = "x_buurtpunt_csv_row";

fn service_record(s: &Obj, place: Place, org: &str, p: &mut Parsed) -> ServiceRecord {
    let place = match s.get(CSV_ROW).and_then(Value::as_u64) {
        Some(row) => Place {
            file: "services.csv".into(),
            row: row as u32,
        },
        None => place,
    };
    let who = Who {
        place: place.clone(),
        organisation: org.to_owned(),
        service: text(s, "name").unwrap_or_default(),
    };
    check_fields(s, SERVICE_TAKEN, SERVICE_UNUSED, &who, p);
    let contacts = objects(s, "contacts");
    let contact = contacts.as_ref().and_then(|c| c.first().copied());
    let more_contacts = contacts.as_ref().map(|c| {
        c.iter()
            .skip(1)
            .map(|m| MoreContact {
                name: text(m, "name").unwrap_or_default(),
                title: text(m, "title").unwrap_or_default(),
                email: text(m, "email").unwrap_or_default(),
                phones: phone_numbers(m).unwrap_or_default(),
            })
            .collect()
    });
    let contact_phones = match (contact.and_then(phone_numbers), phone_numbers(s)) {
        (Some(mut a), Some(b)) => {
            a.extend(b);
            Some(a)
        }
        (a, b) => a.or(b),
    };
    let languages = objects(s, "languages").map(|items| {
        items
            .into_iter()
            .filter_map(|l| language_name(text(l, "name"), text(l, "code"), &who, p))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let own_topics = match s.get("x_buurtpunt_topics") {
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
        ),
        Some(Value::String(t)) => Some(topics(t)),
        _ => None,
    };
    let from_terms = attribute_topics(s, &who, p);
    ServiceRecord {
        place,
        id: text(s, "id"),
        name: text(s, "name"),
        description: text(s, "description"),
        status: text(s, "status"),
        url: text(s, "url"),
        email: text(s, "email"),
        minimum_age: text(s, "minimum_age"),
        maximum_age: text(s, "maximum_age"),
        application_process: text(s, "application_process"),
        eligibility_description: text(s, "eligibility_description"),
        fees_description: text(s, "fees_description")
            .or_else(|| text(s, "fees"))
            .or_else(|| costs(s)),
        languages,
        service_area: objects(s, "service_areas").map(|items| {
            items
                .into_iter()
                .filter_map(|a| text(a, "name").or_else(|| text(a, "description")))
                .filter(|a| !a.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }),
        schedule: objects(s, "schedules").map(|items| {
            items
                .into_iter()
                .filter_map(|sc| schedule_from(|k| text(sc, k)))
                .collect::<Vec<_>>()
                .join("\n")
        }),
        schedules: objects(s, "schedules").map(|items| {
            items
                .into_iter()
                .filter(|sc| {
                    ["freq", "byday", "opens_at", "closes_at"]
                        .iter()
                        .any(|k| text(sc, k).is_some_and(|v| !v.trim().is_empty()))
                })
                .map(|sc| {
                    let t = |k: &str| text(sc, k).unwrap_or_default().trim().to_owned();
                    OpeningHours {
                        freq: t("freq").to_uppercase(),
                        byday: t("byday").to_uppercase().replace(' ', ""),
                        opens_at: t("opens_at"),
                        closes_at: t("closes_at"),
                        description: t("description"),
                    }
                })
                .collect()
        }),
        // A contact without a name or e-mail clears the stored one.
        contact_name: contact.and_then(|c| text(c, "name").or_else(|| Some(String::new()))),
        contact_phones,
        contact_email: contact.and_then(|c| text(c, "email").or_else(|| Some(String::new()))),
        more_contacts,
        wmo_desk: text(s, "x_buurtpunt_wmo_desk"),
        topics: own_topics.or(from_terms),
        assured_date: text(s, "assured_date"),
        location_ids: objects(s, "service_at_locations").map(|items| {
            items
                .into_iter()
                .filter_map(|a| {
                    text(a, "location_id").or_else(|| {
                        a.get("location")
                            .and_then(Value::as_object)
                            .and_then(|l| text(l, "id"))
                    })
                })
                .collect()
        }),
    }
}

pub(super) fn org_record(o: &Obj, place: Place, p: &mut Parsed) -> OrgRecord {
    let name = text(o, "name").unwrap_or_default();
    let who = Who {
        place: place.clone(),
        organisation: name.clone(),
        service: String::new(),
    };
    check_fields(o, ORG_TAKEN, ORG_UNUSED, &who, p);
    let locations = objects(o, "locations").map(|items| {
        items
            .into_iter()
            .filter_map(|l| {
                let r = location_record(l);
                if r.is_none() {
                    let what = text(l, "name").unwrap_or_default();
                    p.note(&who, "address", Rule::Required, HsdsAction::Dropped, &what);
                }
                r
            })
            .collect()
    });
    OrgRecord {
        id: text(o, "id"),
        name: text(o, "name"),
        description: text(o, "description"),
        email: text(o, "email"),
        website: text(o, "website").or_else(|| text(o, "url")),
        phones: phone_numbers(o),
        checked_on: text(o, "x_buurtpunt_last_checked_on"),
        checked_by: text(o, "x_buurtpunt_last_checked_by"),
        locations,
        services: objects(o, "services")
            .into_iter()
            .flatten()
            .map(|s| service_record(s, place.clone(), &name, p))
            .collect(),
        place,
    }
}

/// A list of services that each nest their `organization` (an HSDS
/// `/services` answer): grouped under their organisations, in file order.
fn from_services(items: &[&Obj], p: &mut Parsed) -> Vec<OrgRecord> {
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
                let place = Place {
                    file: FILE.into(),
                    row: orgs.len() as u32 + 1,
                };
                let mut r = org_record(o, place, p);
                r.services.clear();
                orgs.push(r);
                orgs.len() - 1
            }
        };
        let place = orgs[at].place.clone();
        let name = orgs[at].name.clone().unwrap_or_default();
        let rec = service_record(s, place, &name, p);
        orgs[at].services.push(rec);
    }
    orgs
}

pub(super) fn read(bytes: &[u8]) -> Result<Parsed> {
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
    let items: Vec<&Obj> = list.iter().filter_map(Value::as_object).collect();
    if items.len() != list.len() {
        return Err(not_hsds());
    }
    let looks_like_hsds = items
        .iter()
        .all(|o| o.contains_key("name") || o.contains_key("organization"));
    if !looks_like_hsds {
        return Err(not_hsds());
    }
    let mut p = Parsed::default();
    let is_service_list = !items.is_empty()
        && items
            .iter()
            .all(|o| o.contains_key("organization") && !o.contains_key("services"));
    p.orgs = if is_service_list {
        from_services(&items, &mut p)
    } else {
        let mut orgs = Vec::with_capacity(items.len());
        for (i, o) in items.iter().enumerate() {
            let place = Place {
                file: FILE.into(),
                row: i as u32 + 1,
            };
            orgs.push(org_record(o, place, &mut p));
        }
        orgs
    };
    Ok(p)
}
