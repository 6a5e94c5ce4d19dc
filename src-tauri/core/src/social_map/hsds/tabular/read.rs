//! Reading an HSDS tabular ZIP: each CSV as a table, then the rows nested
//! as the JSON form has them (organisations with their phones, locations
//! and services; services with their contacts, phones, schedules, languages,
//! areas, locations and taxonomy terms), read by the JSON reader.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::unzip::csv_texts;
use crate::social_map::hsds::read_json::{org_record, CSV_ROW};
use crate::social_map::hsds::{Parsed, Place};
use crate::vocab::Rule;
use crate::{Error, Result};

type Obj = Map<String, Value>;

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

fn parse_table(file: &'static str, text: &str) -> Result<Table> {
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
    csv_texts(bytes)?
        .into_iter()
        .map(|(file, text)| Ok((file, parse_table(file, &text)?)))
        .collect()
}

/// A row as an HSDS object: every column with its text.
fn object(t: &Table, row: &[String]) -> Obj {
    let mut o = Obj::new();
    for (name, i) in &t.cols {
        let v = row.get(*i).cloned().unwrap_or_default();
        o.insert(name.clone(), Value::String(v));
    }
    o
}

/// The rows of a child table as objects, grouped by a key column (only
/// rows for which `keep` holds).
fn grouped(
    t: Option<&Table>,
    key: &str,
    keep: impl Fn(&Table, &[String]) -> bool,
) -> Option<HashMap<String, Vec<Obj>>> {
    let t = t?;
    let mut map: HashMap<String, Vec<Obj>> = HashMap::new();
    for (_, row) in &t.rows {
        if let Some(k) = t.id(row, key) {
            if keep(t, row) {
                map.entry(k).or_default().push(object(t, row));
            }
        }
    }
    Some(map)
}

/// Put a parent's children under `key`: an empty list when the child file
/// is there but has none (the stored values are cleared), nothing when the
/// file is missing (they stay).
fn attach(o: &mut Obj, key: &str, id: &str, map: &Option<HashMap<String, Vec<Obj>>>) {
    if let Some(m) = map {
        let items = m.get(id).cloned().unwrap_or_default();
        o.insert(
            key.to_owned(),
            Value::Array(items.into_iter().map(Value::Object).collect()),
        );
    }
}

pub(crate) fn read(bytes: &[u8]) -> Result<Parsed> {
    let t = tables(bytes)?;
    let orgs_t = t
        .get("organizations.csv")
        .ok_or_else(|| Error::HsdsUnreadable("the ZIP has no organizations.csv".into()))?;
    if !orgs_t.cols.contains_key("name") {
        return Err(Error::HsdsUnreadable(
            "organizations.csv has no name column".into(),
        ));
    }
    let phones = t.get("phones.csv");
    let no = |t: &Table, r: &[String], col: &str| t.id(r, col).is_none();
    let contact_phones = grouped(phones, "contact_id", |_, _| true);
    let service_phones = grouped(phones, "service_id", |t, r| no(t, r, "contact_id"));
    let org_phones = grouped(phones, "organization_id", |t, r| {
        no(t, r, "contact_id") && no(t, r, "service_id")
    });
    let schedules = grouped(t.get("schedules.csv"), "service_id", |_, _| true);
    let languages = grouped(t.get("languages.csv"), "service_id", |_, _| true);
    let areas = grouped(t.get("service_areas.csv"), "service_id", |_, _| true);
    let at_locations = grouped(t.get("service_at_location.csv"), "service_id", |_, _| true);
    let addresses = grouped(t.get("addresses.csv"), "location_id", |_, _| true);
    let mut locations = grouped(t.get("locations.csv"), "organization_id", |_, _| true);
    if let Some(m) = &mut locations {
        for l in m.values_mut().flatten() {
            let id = l
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_owned();
            attach(l, "addresses", &id, &addresses);
        }
    }
    let mut contacts = grouped(t.get("contacts.csv"), "service_id", |_, _| true);
    if let Some(m) = &mut contacts {
        for c in m.values_mut().flatten() {
            let id = c
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_owned();
            attach(c, "phones", &id, &contact_phones);
        }
    }
    let attributes = taxonomy(&t);

    let mut parsed = Parsed::default();
    let mut org_objects: Vec<(Place, Obj)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (line, row) in &orgs_t.rows {
        let mut o = object(orgs_t, row);
        let id = orgs_t.id(row, "id").unwrap_or_default();
        if !id.is_empty() {
            index.entry(id.clone()).or_insert(org_objects.len());
        }
        attach(&mut o, "phones", &id, &org_phones);
        attach(&mut o, "locations", &id, &locations);
        o.insert("services".into(), Value::Array(Vec::new()));
        let place = Place {
            file: "organizations.csv".into(),
            row: *line,
        };
        org_objects.push((place, o));
    }
    if let Some(services_t) = t.get("services.csv") {
        for (line, row) in &services_t.rows {
            let mut s = object(services_t, row);
            let id = services_t.id(row, "id").unwrap_or_default();
            attach(&mut s, "phones", &id, &service_phones);
            attach(&mut s, "contacts", &id, &contacts);
            attach(&mut s, "schedules", &id, &schedules);
            attach(&mut s, "languages", &id, &languages);
            attach(&mut s, "service_areas", &id, &areas);
            attach(&mut s, "service_at_locations", &id, &at_locations);
            attach(&mut s, "attributes", &id, &attributes);
            s.insert(CSV_ROW.into(), Value::from(*line));
            let org = services_t
                .id(row, "organization_id")
                .and_then(|oid| index.get(&oid).copied());
            match org {
                Some(i) => {
                    if let Some(Value::Array(list)) = org_objects[i].1.get_mut("services") {
                        list.push(Value::Object(s));
                    }
                }
                None => {
                    let place = Place {
                        file: "services.csv".into(),
                        row: *line,
                    };
                    let name = services_t.get(row, "name").unwrap_or_default();
                    parsed.problem(&place, "", &name, "organizationId", Rule::Choice);
                }
            }
        }
    }
    for (place, o) in org_objects {
        let rec = org_record(&o, place, &mut parsed);
        parsed.orgs.push(rec);
    }
    Ok(parsed)
}

/// The taxonomy terms linked to services (`attributes.csv` with
/// `taxonomy_terms.csv`), as `attributes` objects by service id.
fn taxonomy(t: &HashMap<&'static str, Table>) -> Option<HashMap<String, Vec<Obj>>> {
    let attrs = t.get("attributes.csv")?;
    let terms: HashMap<String, Obj> = t
        .get("taxonomy_terms.csv")
        .map(|tt| {
            tt.rows
                .iter()
                .filter_map(|(_, r)| Some((tt.id(r, "id")?, object(tt, r))))
                .collect()
        })
        .unwrap_or_default();
    let mut map: HashMap<String, Vec<Obj>> = HashMap::new();
    for (_, row) in &attrs.rows {
        let Some(link) = attrs.id(row, "link_id") else {
            continue;
        };
        let mut a = object(attrs, row);
        if let Some(term) = attrs
            .id(row, "taxonomy_term_id")
            .and_then(|id| terms.get(&id))
        {
            a.insert("taxonomy_term".into(), Value::Object(term.clone()));
        }
        map.entry(link).or_default().push(a);
    }
    Some(map)
}
