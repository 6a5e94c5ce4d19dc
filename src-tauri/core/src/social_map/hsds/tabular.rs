//! HSDS tabular: one CSV per table, with a Frictionless `datapackage.json`,
//! in one ZIP.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};

use serde_json::json;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::json::{child_id, schedule_from, topics};
use super::{OrgRecord, Parsed, Place, ServiceRecord};
use crate::social_map::topics::topic_codes;
use crate::social_map::Organisation;
use crate::vocab::Rule;
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

/// One CSV file of the ZIP: its columns by (lower-case) name, and its rows
/// with their line numbers.
struct Table {
    cols: HashMap<String, usize>,
    rows: Vec<(u32, Vec<String>)>,
}

impl Table {
    /// The value of a column; `None` when the file has no such column.
    fn get(&self, row: &[String], col: &str) -> Option<String> {
        let i = *self.cols.get(col)?;
        Some(row.get(i).map_or_else(String::new, |v| v.to_owned()))
    }

    /// The value, or `None` when the column is missing or the cell empty.
    fn id(&self, row: &[String], col: &str) -> Option<String> {
        self.get(row, col)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }
}

fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        // Spreadsheet programs on Windows still save CSV this way.
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

fn parse_table(file: &'static str, bytes: &[u8]) -> Result<Table> {
    let text = decode(bytes);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(h) => h.map_err(|e| Error::HsdsUnreadable(format!("{file}: {e}")))?,
        None => {
            return Ok(Table {
                cols: HashMap::new(),
                rows: Vec::new(),
            })
        }
    };
    let cols = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_lowercase(), i))
        .collect();
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| Error::HsdsUnreadable(format!("{file}: {e}")))?;
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line()) as u32;
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(Table { cols, rows })
}

/// The HSDS CSV files in the ZIP, found by their name in any folder.
fn tables(bytes: &[u8]) -> Result<HashMap<&'static str, Table>> {
    let unreadable =
        |e: zip::result::ZipError| Error::HsdsUnreadable(format!("not a readable ZIP: {e}"));
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if archive.len() > MAX_ENTRIES {
        return Err(Error::HsdsUnreadable(format!(
            "the ZIP holds more than {MAX_ENTRIES} files"
        )));
    }
    let mut out = HashMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(unreadable)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(unreadable)?.to_lowercase();
        let base = name.rsplit(['/', '\\']).next().unwrap_or("");
        let Some((_, file, _)) = TABLES.iter().find(|(_, f, _)| *f == base) else {
            continue;
        };
        if entry.size() > MAX_ENTRY {
            return Err(Error::HsdsUnreadable(format!(
                "{file} is larger than 50 MB"
            )));
        }
        let mut data = Vec::new();
        (&mut entry)
            .take(MAX_ENTRY)
            .read_to_end(&mut data)
            .map_err(|e| Error::HsdsUnreadable(format!("{file}: {e}")))?;
        out.insert(*file, parse_table(file, &data)?);
    }
    Ok(out)
}

/// Values of a child table grouped by a key column, in file order.
fn grouped(
    t: Option<&Table>,
    key: &str,
    value: impl Fn(&Table, &[String]) -> Option<String>,
) -> Option<HashMap<String, Vec<String>>> {
    let t = t?;
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for (_, row) in &t.rows {
        if let (Some(k), Some(v)) = (t.id(row, key), value(t, row)) {
            if !v.trim().is_empty() {
                map.entry(k).or_default().push(v);
            }
        }
    }
    Some(map)
}

/// Look up a service's joined child values: `None` when the child file is
/// missing (the stored value stays), `Some("")` when it has none.
fn lookup(map: &Option<HashMap<String, Vec<String>>>, id: &str, sep: &str) -> Option<String> {
    map.as_ref()
        .map(|m| m.get(id).map_or_else(String::new, |v| v.join(sep)))
}

pub(super) fn read(bytes: &[u8]) -> Result<Parsed> {
    let t = tables(bytes)?;
    let orgs_t = t
        .get(ORGANIZATIONS)
        .ok_or_else(|| Error::HsdsUnreadable("the ZIP has no organizations.csv".into()))?;
    if !orgs_t.cols.contains_key("name") {
        return Err(Error::HsdsUnreadable(
            "organizations.csv has no name column".into(),
        ));
    }
    let phones = t.get(PHONES);
    // Phones: of a contact, of a service (no contact), of an organisation.
    let contact_phone = grouped(phones, "contact_id", |t, r| t.get(r, "number"));
    let service_phone = grouped(phones, "service_id", |t, r| {
        t.id(r, "contact_id")
            .is_none()
            .then(|| t.get(r, "number"))
            .flatten()
    });
    let org_phone = grouped(phones, "organization_id", |t, r| {
        (t.id(r, "contact_id").is_none() && t.id(r, "service_id").is_none())
            .then(|| t.get(r, "number"))
            .flatten()
    });
    let schedules = grouped(t.get(SCHEDULES), "service_id", |t, r| {
        schedule_from(|k| t.get(r, k))
    });
    let languages = grouped(t.get(LANGUAGES), "service_id", |t, r| t.get(r, "name"));
    let areas = grouped(t.get(SERVICE_AREAS), "service_id", |t, r| {
        t.id(r, "name").or_else(|| t.get(r, "description"))
    });
    // The first contact of each service: (id, name, email).
    let mut contacts: HashMap<String, (String, String, String)> = HashMap::new();
    if let Some(c) = t.get(CONTACTS) {
        for (_, row) in &c.rows {
            if let Some(sid) = c.id(row, "service_id") {
                contacts.entry(sid).or_insert_with(|| {
                    (
                        c.id(row, "id").unwrap_or_else(String::new),
                        c.get(row, "name").unwrap_or_else(String::new),
                        c.get(row, "email").unwrap_or_else(String::new),
                    )
                });
            }
        }
    }
    let has_contacts = t.contains_key(CONTACTS);

    let mut parsed = Parsed::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (line, row) in &orgs_t.rows {
        let id = orgs_t.id(row, "id");
        if let Some(id) = &id {
            index.entry(id.clone()).or_insert(parsed.orgs.len());
        }
        parsed.orgs.push(OrgRecord {
            place: Place {
                file: ORGANIZATIONS.into(),
                row: *line,
            },
            name: orgs_t.get(row, "name"),
            description: orgs_t.get(row, "description"),
            email: orgs_t.get(row, "email"),
            website: orgs_t
                .get(row, "website")
                .or_else(|| orgs_t.get(row, "url")),
            phone: org_phone.as_ref().map(|m| {
                id.as_ref()
                    .and_then(|id| m.get(id))
                    .and_then(|v| v.first().cloned())
                    .unwrap_or_else(String::new)
            }),
            checked_on: orgs_t.get(row, "x_buurtpunt_last_checked_on"),
            checked_by: orgs_t.get(row, "x_buurtpunt_last_checked_by"),
            id,
            services: Vec::new(),
        });
    }
    let Some(services_t) = t.get(SERVICES) else {
        return Ok(parsed);
    };
    for (line, row) in &services_t.rows {
        let place = Place {
            file: SERVICES.into(),
            row: *line,
        };
        let sid = services_t.id(row, "id");
        let key = sid.clone().unwrap_or_else(String::new);
        let contact = contacts.get(&key);
        let phone = contact
            .and_then(|(cid, _, _)| contact_phone.as_ref()?.get(cid)?.first().cloned())
            .or_else(|| service_phone.as_ref()?.get(&key)?.first().cloned())
            .or_else(|| phones.map(|_| String::new()));
        let record = ServiceRecord {
            place: place.clone(),
            name: services_t.get(row, "name"),
            description: services_t.get(row, "description"),
            application_process: services_t.get(row, "application_process"),
            eligibility_description: services_t.get(row, "eligibility_description"),
            fees_description: services_t
                .get(row, "fees_description")
                .or_else(|| services_t.get(row, "fees")),
            languages: lookup(&languages, &key, ", "),
            service_area: lookup(&areas, &key, ", "),
            schedule: lookup(&schedules, &key, "\n"),
            contact_name: has_contacts.then(|| contact.map_or_else(String::new, |c| c.1.clone())),
            contact_phone: phone,
            contact_email: has_contacts.then(|| contact.map_or_else(String::new, |c| c.2.clone())),
            wmo_desk: services_t.get(row, "x_buurtpunt_wmo_desk"),
            topics: services_t
                .get(row, "x_buurtpunt_topics")
                .map(|t| topics(&t)),
            assured_date: services_t.get(row, "assured_date"),
            id: sid,
        };
        let org = services_t
            .id(row, "organization_id")
            .and_then(|oid| index.get(&oid).copied());
        match org {
            Some(i) => parsed.orgs[i].services.push(record),
            None => parsed.problem(
                &place,
                "",
                record.name.as_deref().unwrap_or(""),
                "organizationId",
                Rule::Choice,
            ),
        }
    }
    Ok(parsed)
}
