//! Reading an HSDS tabular ZIP: each CSV as a table, then organisations
//! with their services, contacts, phones, schedules and areas.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{
    CONTACTS, LANGUAGES, MAX_ENTRIES, MAX_ENTRY, ORGANIZATIONS, PHONES, SCHEDULES, SERVICES,
    SERVICE_AREAS, TABLES,
};
use crate::social_map::hsds::json::{schedule_from, topics};
use crate::social_map::hsds::{OrgRecord, Parsed, Place, ServiceRecord};
use crate::vocab::Rule;
use crate::{Error, Result};

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

pub(crate) fn read(bytes: &[u8]) -> Result<Parsed> {
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
