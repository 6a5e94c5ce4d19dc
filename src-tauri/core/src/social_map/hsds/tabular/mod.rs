//! HSDS tabular: one CSV per HSDS table, with a Frictionless
//! `datapackage.json`, in one ZIP. The rows are the JSON export's objects
//! laid flat, so both follow the same value rules (UUID ids, absent values
//! as empty cells). [`read`] reads a ZIP back into the same objects.
//!
//! Cells keep their exact text: the file is read by machines (a
//! municipality's system), and an apostrophe before "+31 599 …" would change
//! the data. Names that a spreadsheet would take for a formula cannot be
//! entered or imported (docs/sociale-kaart-hsds.md).

mod read;
pub mod unzip;

pub(super) use read::read;

use std::collections::HashMap;
use std::io::{Cursor, Write};

use serde_json::{json, Map, Value};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use super::json::organisation_out;
use crate::social_map::Organisation;
use crate::{Error, Result};

/// A table: its HSDS resource name, file and columns.
pub(super) struct Table {
    pub name: &'static str,
    pub file: &'static str,
    pub cols: &'static [&'static str],
    /// Written only once the map has addresses.
    pub optional: bool,
}

/// The tables written, in the order of the official datapackage.
pub(super) const TABLES: &[Table] = &[
    Table {
        name: "organization",
        file: "organizations.csv",
        cols: &[
            "id",
            "name",
            "description",
            "email",
            "website",
            "x_buurtpunt_last_checked_on",
            "x_buurtpunt_last_checked_by",
        ],
        optional: false,
    },
    Table {
        name: "service",
        file: "services.csv",
        cols: &[
            "id",
            "organization_id",
            "name",
            "description",
            "url",
            "email",
            "status",
            "application_process",
            "fees_description",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "x_buurtpunt_wmo_desk",
            "x_buurtpunt_topics",
        ],
        optional: false,
    },
    Table {
        name: "service_at_location",
        file: "service_at_location.csv",
        cols: &["id", "service_id", "location_id"],
        optional: true,
    },
    Table {
        name: "location",
        file: "locations.csv",
        cols: &["id", "location_type", "organization_id", "name"],
        optional: true,
    },
    Table {
        name: "phone",
        file: "phones.csv",
        cols: &[
            "id",
            "service_id",
            "organization_id",
            "contact_id",
            "number",
        ],
        optional: false,
    },
    Table {
        name: "contact",
        file: "contacts.csv",
        cols: &[
            "id",
            "organization_id",
            "service_id",
            "name",
            "title",
            "email",
        ],
        optional: false,
    },
    Table {
        name: "address",
        file: "addresses.csv",
        cols: &[
            "id",
            "location_id",
            "address_1",
            "address_2",
            "city",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
        optional: true,
    },
    Table {
        name: "schedule",
        file: "schedules.csv",
        cols: &[
            "id",
            "service_id",
            "freq",
            "byday",
            "opens_at",
            "closes_at",
            "description",
        ],
        optional: false,
    },
    Table {
        name: "service_area",
        file: "service_areas.csv",
        cols: &["id", "service_id", "name"],
        optional: false,
    },
    Table {
        name: "language",
        file: "languages.csv",
        cols: &["id", "service_id", "name", "code"],
        optional: false,
    },
];

/// The largest CSV file inside the ZIP that is read, in bytes.
const MAX_ENTRY: u64 = 50 * 1024 * 1024;
/// The most files a ZIP may hold.
const MAX_ENTRIES: usize = 100;
/// The most text the CSV files read may hold together, in bytes.
const MAX_TEXT: u64 = 100 * 1024 * 1024;

/// A column's Frictionless type and format, as the official datapackage has them.
fn field(name: &str) -> Value {
    let (ty, format) = match name {
        "x_buurtpunt_wmo_desk" => ("boolean", None),
        "assured_date" | "x_buurtpunt_last_checked_on" => ("date", None),
        "minimum_age" | "maximum_age" => ("number", None),
        "opens_at" | "closes_at" => ("time", None),
        "email" => ("string", Some("email")),
        "website" | "url" => ("string", Some("uri")),
        n if n == "id" || n.ends_with("_id") => ("string", Some("uuid")),
        _ => ("string", None),
    };
    let mut f = json!({"name": name, "type": ty});
    if let Some(format) = format {
        f["format"] = json!(format);
    }
    f
}

fn datapackage(tables: &[&Table]) -> Result<Vec<u8>> {
    let resources: Vec<_> = tables
        .iter()
        .map(|t| {
            let mut schema = json!({
                "fields": t.cols.iter().map(|c| field(c)).collect::<Vec<_>>(),
                "primaryKey": "id",
            });
            let keys: Vec<_> = t
                .cols
                .iter()
                .filter_map(|c| {
                    let resource = c.strip_suffix("_id")?;
                    Some(json!({"fields": c, "reference": {"resource": resource, "fields": "id"}}))
                })
                .collect();
            if !keys.is_empty() {
                schema["foreignKeys"] = json!(keys);
            }
            json!({
                "name": t.name,
                "path": t.file,
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
        "description": "Organisations and services in Open Referral HSDS 3 tabular form. Columns starting with x_buurtpunt_ are Buurtpunt extensions. Cells hold their exact text (no spreadsheet escaping).",
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

type Obj = Map<String, Value>;

/// The rows of each table (by file), from the JSON export's objects.
fn rows_of(orgs: &[Organisation]) -> HashMap<&'static str, Vec<Obj>> {
    let mut t: HashMap<&'static str, Vec<Obj>> = HashMap::new();
    let mut push = |file: &'static str, v: &Value| {
        if let Some(o) = v.as_object() {
            t.entry(file).or_default().push(o.clone());
        }
    };
    let list = |v: &Value, key: &str| -> Vec<Value> {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for o in orgs {
        let org = organisation_out(o);
        push("organizations.csv", &org);
        for p in list(&org, "phones") {
            push("phones.csv", &p);
        }
        for l in list(&org, "locations") {
            push("locations.csv", &l);
            for a in list(&l, "addresses") {
                push("addresses.csv", &a);
            }
        }
        for s in list(&org, "services") {
            push("services.csv", &s);
            for l in list(&s, "languages") {
                push("languages.csv", &l);
            }
            for a in list(&s, "service_areas") {
                push("service_areas.csv", &a);
            }
            for sc in list(&s, "schedules") {
                push("schedules.csv", &sc);
            }
            for at in list(&s, "service_at_locations") {
                push("service_at_location.csv", &at);
            }
            for c in list(&s, "contacts") {
                push("contacts.csv", &c);
                for p in list(&c, "phones") {
                    push("phones.csv", &p);
                }
            }
        }
    }
    t
}

/// A cell: the exact text; absent values are empty.
fn cell(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        _ => String::new(),
    }
}

pub(super) fn write(orgs: &[Organisation]) -> Result<Vec<u8>> {
    let rows = rows_of(orgs);
    let tables: Vec<&Table> = TABLES
        .iter()
        .filter(|t| !t.optional || rows.contains_key("locations.csv"))
        .collect();
    let mut out = Cursor::new(Vec::new());
    let mut zip = crate::zipped::zip(&mut out);
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("datapackage.json", options)
        .map_err(zip_error)?;
    zip.write_all(&datapackage(&tables)?)?;
    for t in tables {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(t.cols).map_err(csv_error)?;
        for row in rows.get(t.file).into_iter().flatten() {
            w.write_record(t.cols.iter().map(|c| cell(row.get(*c))))
                .map_err(csv_error)?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| csv_error(e.into_error().into()))?;
        zip.start_file(t.file, options).map_err(zip_error)?;
        zip.write_all(&bytes)?;
    }
    zip.finish().map_err(zip_error)?;
    Ok(out.into_inner())
}
