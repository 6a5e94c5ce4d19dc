//! HSDS tabular: one CSV per table, with a Frictionless `datapackage.json`,
//! in one ZIP. This file writes it; [`read`] reads it back.

mod read;

pub(super) use read::read;

use std::collections::HashMap;
use std::io::{Cursor, Write};

use serde_json::json;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::json::child_id;
use crate::social_map::topics::topic_codes;
use crate::social_map::Organisation;
use crate::{Error, Result};

const ORGANIZATIONS: &str = "organizations.csv";
const SERVICES: &str = "services.csv";
const CONTACTS: &str = "contacts.csv";
const PHONES: &str = "phones.csv";
const SCHEDULES: &str = "schedules.csv";
const LANGUAGES: &str = "languages.csv";
const SERVICE_AREAS: &str = "service_areas.csv";

/// The tables written, their columns, and the HSDS resource names.
const TABLES: &[(&str, &str, &[&str])] = &[
    (
        "organization",
        ORGANIZATIONS,
        &[
            "id",
            "name",
            "description",
            "email",
            "website",
            "x_buurtpunt_last_checked_on",
            "x_buurtpunt_last_checked_by",
        ],
    ),
    (
        "service",
        SERVICES,
        &[
            "id",
            "organization_id",
            "name",
            "description",
            "status",
            "application_process",
            "eligibility_description",
            "fees_description",
            "assured_date",
            "x_buurtpunt_wmo_desk",
            "x_buurtpunt_topics",
        ],
    ),
    (
        "contact",
        CONTACTS,
        &["id", "organization_id", "service_id", "name", "email"],
    ),
    (
        "phone",
        PHONES,
        &[
            "id",
            "organization_id",
            "service_id",
            "contact_id",
            "number",
        ],
    ),
    ("schedule", SCHEDULES, &["id", "service_id", "description"]),
    ("language", LANGUAGES, &["id", "service_id", "name"]),
    ("service_area", SERVICE_AREAS, &["id", "service_id", "name"]),
];

/// The largest CSV file inside the ZIP that is read, in bytes.
const MAX_ENTRY: u64 = 50 * 1024 * 1024;
/// The most files a ZIP may hold.
const MAX_ENTRIES: usize = 100;

fn field_type(name: &str) -> &'static str {
    match name {
        "x_buurtpunt_wmo_desk" => "boolean",
        "assured_date" | "x_buurtpunt_last_checked_on" => "date",
        _ => "string",
    }
}

fn datapackage() -> Result<Vec<u8>> {
    let resources: Vec<_> = TABLES
        .iter()
        .map(|(name, path, cols)| {
            let mut schema = json!({
                "fields": cols.iter().map(|c| json!({"name": c, "type": field_type(c)})).collect::<Vec<_>>(),
                "primaryKey": "id",
            });
            let keys: Vec<_> = cols
                .iter()
                .filter_map(|c| match *c {
                    "organization_id" => Some(("organization_id", "organization")),
                    "service_id" => Some(("service_id", "service")),
                    "contact_id" => Some(("contact_id", "contact")),
                    _ => None,
                })
                .map(|(field, resource)| {
                    json!({"fields": field, "reference": {"resource": resource, "fields": "id"}})
                })
                .collect();
            if !keys.is_empty() {
                schema["foreignKeys"] = json!(keys);
            }
            json!({
                "name": name,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            })
        })
        .collect();
    let package = json!({
        "name": "sociale-kaart",
        "title": "Sociale kaart (Buurtpunt)",
        "description": "Organisations and services in Open Referral HSDS 3 tabular form. Columns starting with x_buurtpunt_ are Buurtpunt extensions.",
        "profile": "tabular-data-package",
        "resources": resources,
    });
    Ok(serde_json::to_vec_pretty(&package)?)
}

fn csv_error(e: csv::Error) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

type Rows = Vec<Vec<String>>;

fn rows_of(orgs: &[Organisation]) -> HashMap<&'static str, Rows> {
    let mut t: HashMap<&'static str, Rows> = HashMap::new();
    let mut push = |file: &'static str, row: Vec<String>| t.entry(file).or_default().push(row);
    for o in orgs {
        let oid = o.hsds_id.clone();
        push(
            ORGANIZATIONS,
            vec![
                oid.clone(),
                o.name.clone(),
                o.description.clone(),
                o.email.clone(),
                o.website.clone(),
                o.last_checked_on.clone().unwrap_or_else(String::new),
                o.last_checked_by.clone(),
            ],
        );
        if !o.phone.is_empty() {
            let id = child_id(&oid, "phone");
            push(
                PHONES,
                vec![
                    id,
                    oid.clone(),
                    String::new(),
                    String::new(),
                    o.phone.clone(),
                ],
            );
        }
        for s in &o.services {
            let sid = s.hsds_id.clone();
            push(
                SERVICES,
                vec![
                    sid.clone(),
                    oid.clone(),
                    s.name.clone(),
                    s.description.clone(),
                    "active".into(),
                    s.application_process.clone(),
                    s.eligibility_description.clone(),
                    s.fees_description.clone(),
                    o.last_checked_on.clone().unwrap_or_else(String::new),
                    s.wmo_desk.to_string(),
                    topic_codes(&s.flags, &s.areas).join(","),
                ],
            );
            if !(s.contact_name.is_empty()
                && s.contact_phone.is_empty()
                && s.contact_email.is_empty())
            {
                let cid = child_id(&sid, "contact");
                push(
                    CONTACTS,
                    vec![
                        cid.clone(),
                        String::new(),
                        sid.clone(),
                        s.contact_name.clone(),
                        s.contact_email.clone(),
                    ],
                );
                if !s.contact_phone.is_empty() {
                    push(
                        PHONES,
                        vec![
                            child_id(&cid, "phone"),
                            String::new(),
                            String::new(),
                            cid,
                            s.contact_phone.clone(),
                        ],
                    );
                }
            }
            if !s.schedule.is_empty() {
                push(
                    SCHEDULES,
                    vec![child_id(&sid, "schedule"), sid.clone(), s.schedule.clone()],
                );
            }
            for (i, l) in s
                .languages
                .split(", ")
                .filter(|l| !l.is_empty())
                .enumerate()
            {
                let id = child_id(&sid, &format!("language-{}", i + 1));
                push(LANGUAGES, vec![id, sid.clone(), l.to_owned()]);
            }
            if !s.service_area.is_empty() {
                push(
                    SERVICE_AREAS,
                    vec![child_id(&sid, "area"), sid.clone(), s.service_area.clone()],
                );
            }
        }
    }
    t
}

pub(super) fn write(orgs: &[Organisation]) -> Result<Vec<u8>> {
    let rows = rows_of(orgs);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("datapackage.json", options)
        .map_err(zip_error)?;
    zip.write_all(&datapackage()?)?;
    for (_, file, cols) in TABLES {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(*cols).map_err(csv_error)?;
        for row in rows.get(file).into_iter().flatten() {
            w.write_record(row).map_err(csv_error)?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| csv_error(e.into_error().into()))?;
        zip.start_file(*file, options).map_err(zip_error)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}
