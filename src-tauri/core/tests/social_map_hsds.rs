//! The social map speaks HSDS 3: the exports validate against the official
//! compiled schemas with format checks (fixtures/hsds-3.0), third-party
//! files are taken record by record with a report, and a round trip keeps
//! ids, addresses and status.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

use buurtpunt_core::professional::ProfessionalFlag;
use buurtpunt_core::social_map::hsds::{self, HsdsAction, HsdsFormat as Format, HsdsReport};
use buurtpunt_core::social_map::{
    self, LocationInput, OrganisationInput, OrganisationQuery, ServiceInput, ServiceStatus,
};
use buurtpunt_core::vocab::{LifeArea, Rule};
use buurtpunt_core::{demo, Db, Error};
use chrono::{NaiveDate, NaiveDateTime};
use jsonschema::{Draft, Validator};
use serde_json::{json, Value};

type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;
type Res<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn schema(name: &str) -> Result<Value, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(fixture(&format!("hsds-3.0/{name}")))?;
    Ok(serde_json::from_slice(&bytes)?)
}

/// A validator as the specification's CI runs it: draft 2020-12, formats on.
fn validator(schema: &Value) -> Result<Validator, Box<dyn std::error::Error>> {
    Ok(jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
        .map_err(|e| e.to_string())?)
}

fn errors(v: &Validator, value: &Value) -> Vec<String> {
    v.iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn demo_db() -> Result<Db, Box<dyn std::error::Error>> {
    let mut db = Db::in_memory()?;
    demo::seed(&mut db, now().date())?;
    Ok(db)
}

#[test]
fn the_validator_itself_catches_bad_uuids_uris_emails_and_dates() -> TestResult {
    let v = validator(&schema("service.json")?)?;
    let good = json!({"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "name": "Spreekuur", "status": "active"});
    assert!(errors(&v, &good).is_empty(), "{:?}", errors(&v, &good));
    for (key, bad) in [
        ("id", json!("svc-1")),
        ("url", json!("www zonder schema")),
        ("email", json!("geen-mail")),
        ("status", json!("open")),
    ] {
        let mut wrong = good.clone();
        wrong[key] = bad;
        assert!(!errors(&v, &wrong).is_empty(), "{key} should fail");
    }
    let mut wrong = good.clone();
    wrong["contacts"] = json!([{"id": "contact-1"}]);
    assert!(
        !errors(&v, &wrong).is_empty(),
        "a child id must be a UUID too"
    );
    let dates = validator(&json!({"format": "date"}))?;
    assert!(errors(&dates, &json!("2026-11-22")).is_empty());
    assert!(!errors(&dates, &json!("2026-13-45")).is_empty());
    Ok(())
}

/// Every string of the export: none empty, none `null` (the organisation's
/// required `description` aside).
fn no_empty_values(path: &str, v: &Value, bad: &mut Vec<String>) {
    match v {
        Value::Null => bad.push(format!("{path}: null")),
        Value::String(s) if s.trim().is_empty() && !path.ends_with("/description") => {
            bad.push(format!("{path}: empty"))
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                no_empty_values(&format!("{path}/{i}"), item, bad);
            }
        }
        Value::Object(o) => {
            for (k, item) in o {
                no_empty_values(&format!("{path}/{k}"), item, bad);
            }
        }
        _ => {}
    }
}

/// Validate a JSON export: (organisations, services, failures).
fn validate_json(bytes: &[u8]) -> Res<(usize, usize, Vec<String>)> {
    let org_v = validator(&schema("organization.json")?)?;
    let svc_v = validator(&schema("service.json")?)?;
    let value: Value = serde_json::from_slice(bytes)?;
    let orgs = value.as_array().ok_or("an array")?;
    let mut failures = Vec::new();
    let mut services = 0;
    for o in orgs {
        for e in errors(&org_v, o) {
            failures.push(format!("{}: {e}", o["name"]));
        }
        for s in o["services"].as_array().ok_or("services")? {
            services += 1;
            for e in errors(&svc_v, s) {
                failures.push(format!("{} / {}: {e}", o["name"], s["name"]));
            }
        }
    }
    no_empty_values("", &value, &mut failures);
    Ok((orgs.len(), services, failures))
}

#[test]
fn the_demo_map_s_json_export_is_valid_hsds() -> TestResult {
    let db = demo_db()?;
    let (bytes, summary) = hsds::export(db.conn(), Format::Json)?;
    let (orgs, services, failures) = validate_json(&bytes)?;
    assert_eq!((orgs, services), (9, 12));
    assert_eq!(summary.services, 12);
    assert!(failures.is_empty(), "{failures:#?}");
    let value: Value = serde_json::from_slice(&bytes)?;
    let gemeente = value
        .as_array()
        .and_then(|a| a.iter().find(|o| o["name"] == "Gemeente Veenmarke"))
        .ok_or("the gemeente")?;
    assert_eq!(gemeente["website"], "https://www.veenmarke.example");
    let address = &gemeente["locations"][0]["addresses"][0];
    assert_eq!(address["address_1"], "Raadhuisplein 1");
    assert_eq!(address["country"], "NL");
    let never_checked = value
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|o| o.get("x_buurtpunt_last_checked_on").is_none())
        })
        .ok_or("an organisation never checked")?;
    assert!(never_checked.get("assured_date").is_none());
    Ok(())
}

fn unzip(bytes: &[u8]) -> Result<BTreeMap<String, String>, Box<dyn std::error::Error>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i)?;
        let mut text = String::new();
        f.read_to_string(&mut text)?;
        out.insert(f.name()?.to_string(), text);
    }
    Ok(out)
}

/// The official resource of a table name.
fn official_resources() -> Result<HashMap<String, Value>, Box<dyn std::error::Error>> {
    let package = schema("datapackage.json")?;
    Ok(package["resources"]
        .as_array()
        .ok_or("resources")?
        .iter()
        .map(|r| (r["name"].as_str().unwrap_or("").to_owned(), r.clone()))
        .collect())
}

/// Validate a tabular export as the datapackage and tabular.json want:
/// table and column names, required columns and values, each row against
/// the table's schema with formats, dates, and the foreign keys.
/// Returns (rows per table, failures).
fn validate_tabular(bytes: &[u8]) -> Res<(BTreeMap<String, usize>, Vec<String>)> {
    let files = unzip(bytes)?;
    let official = official_resources()?;
    let tabular = schema("tabular.json")?;
    let ours: Value = serde_json::from_str(files.get("datapackage.json").ok_or("datapackage")?)?;
    let mut failures = Vec::new();
    let mut counts = BTreeMap::new();
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut refs: Vec<(String, String, String)> = Vec::new();
    for r in ours["resources"].as_array().ok_or("our resources")? {
        let name = r["name"].as_str().ok_or("name")?;
        let Some(off) = official.get(name) else {
            failures.push(format!("table {name} is not HSDS"));
            continue;
        };
        let path = r["path"].as_str().ok_or("path")?;
        if off["path"] != r["path"] {
            failures.push(format!("{name}: path {path}, HSDS has {}", off["path"]));
        }
        let fields: HashMap<&str, &Value> = off["schema"]["fields"]
            .as_array()
            .ok_or("fields")?
            .iter()
            .map(|f| (f["name"].as_str().unwrap_or(""), f))
            .collect();
        let text = files.get(path).ok_or(format!("{path} missing"))?;
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
        for col in &header {
            if !fields.contains_key(col.as_str()) && !col.starts_with("x_buurtpunt_") {
                failures.push(format!("{path}: column {col} is not HSDS"));
            }
        }
        for (col, f) in &fields {
            if f["constraints"]["required"] == true && !header.iter().any(|h| h == col) {
                failures.push(format!("{path}: required column {col} missing"));
            }
        }
        // A row's schema: the table's columns (its nested lists, which
        // refer to other files of the specification, are no columns).
        let mut items = tabular["properties"][name]["items"].clone();
        if let Some(props) = items["properties"].as_object_mut() {
            props.retain(|_, p| {
                p.get("$ref").is_none() && p["type"] != "array" && p["type"] != "object"
            });
        }
        let row_schema = validator(&items)?;
        let mut n = 0;
        for (line, record) in reader.records().enumerate() {
            let record = record?;
            n += 1;
            let mut obj = serde_json::Map::new();
            for (col, cell) in header.iter().zip(record.iter()) {
                let Some(f) = fields.get(col.as_str()) else {
                    continue;
                };
                let required = f["constraints"]["required"] == true;
                if cell.is_empty() {
                    if required {
                        failures.push(format!("{path}:{}: {col} empty", line + 2));
                    }
                    continue;
                }
                let value = match f["type"].as_str() {
                    Some("number") => json!(cell
                        .parse::<f64>()
                        .map_err(|_| format!("{path}: {col}={cell}"))?),
                    Some("time") => {
                        if chrono::NaiveTime::parse_from_str(cell, "%H:%M:%S").is_err() {
                            failures.push(format!("{path}:{}: {col} {cell} not a time", line + 2));
                        }
                        json!(cell)
                    }
                    Some("date") => {
                        if NaiveDate::parse_from_str(cell, "%Y-%m-%d").is_err() {
                            failures.push(format!("{path}:{}: {col} {cell} not a date", line + 2));
                        }
                        json!(cell)
                    }
                    _ => json!(cell),
                };
                if let Some(values) = f["constraints"]["enum"].as_array() {
                    if !values.contains(&value) {
                        failures.push(format!("{path}:{}: {col} {cell} not allowed", line + 2));
                    }
                }
                if col == "id" {
                    ids.entry(name.to_owned())
                        .or_default()
                        .insert(cell.to_owned());
                } else if let Some(target) = col.strip_suffix("_id") {
                    refs.push((
                        format!("{path}:{}", line + 2),
                        target.to_owned(),
                        cell.to_owned(),
                    ));
                }
                obj.insert(col.clone(), value);
            }
            for e in errors(&row_schema, &Value::Object(obj)) {
                failures.push(format!("{path}:{}: {e}", line + 2));
            }
        }
        counts.insert(name.to_owned(), n);
    }
    for (at, table, id) in refs {
        if !ids.get(&table).is_some_and(|set| set.contains(&id)) {
            failures.push(format!("{at}: {table} {id} not in the file"));
        }
    }
    Ok((counts, failures))
}

#[test]
fn the_demo_map_s_tabular_export_is_valid_hsds() -> TestResult {
    let db = demo_db()?;
    let (bytes, _) = hsds::export(db.conn(), Format::CsvZip)?;
    let (counts, failures) = validate_tabular(&bytes)?;
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(counts.get("organization"), Some(&9));
    assert_eq!(counts.get("service"), Some(&12));
    assert_eq!(counts.get("location"), Some(&4), "the map's addresses");
    assert_eq!(counts.get("address"), Some(&4));
    assert!(counts.contains_key("service_at_location"));
    Ok(())
}

fn problem<'a>(r: &'a HsdsReport, field: &str, value: &str) -> Option<&'a hsds::HsdsProblem> {
    r.problems
        .iter()
        .find(|p| p.field == field && p.value == value)
}

fn org_named(db: &Db, name: &str) -> Result<social_map::Organisation, Box<dyn std::error::Error>> {
    let page = social_map::list_organisations(
        db.conn(),
        &OrganisationQuery {
            text: name.into(),
            ..Default::default()
        },
        now().date(),
    )?;
    let id = page
        .items
        .iter()
        .find(|o| o.name == name)
        .ok_or(format!("{name} not found"))?
        .id;
    Ok(social_map::get_organisation(db.conn(), id, now().date())?)
}

#[test]
fn a_regional_json_file_is_taken_record_by_record_with_a_report() -> TestResult {
    let mut db = Db::in_memory()?;
    let r = hsds::import_file(&mut db, &fixture("hsds-import/regiokaart.json"), now())?;
    assert!(r.imported);
    assert_eq!(r.organisations_new, 2);
    assert_eq!(r.services_new, 3);
    assert_eq!(r.organisations_skipped, 1, "the =HYPERLINK name");
    let formula = r
        .problems
        .iter()
        .find(|p| p.action == HsdsAction::RecordSkipped)
        .ok_or("the skipped record")?;
    assert_eq!(
        (formula.field.as_str(), formula.rule),
        ("name", Rule::FormulaStart)
    );

    let bad_phone = problem(&r, "phone", "bel ons maar").ok_or("the malformed phone")?;
    assert_eq!(bad_phone.action, HsdsAction::FieldSkipped);
    assert_eq!(bad_phone.organisation, "Stichting Sociaal Werk Aa en Veen");
    let fy = problem(&r, "language", "fy").ok_or("fy")?;
    assert_eq!(fy.action, HsdsAction::Converted);
    assert_eq!(
        problem(&r, "language", "qq").map(|p| p.action),
        Some(HsdsAction::FieldSkipped)
    );
    assert_eq!(
        problem(&r, "field", "favourite_colour").map(|p| p.action),
        Some(HsdsAction::Dropped)
    );
    assert!(problem(&r, "topics", "Opvoedondersteuning").is_some());
    assert!(problem(&r, "contactPhone", "06 nummer volgt").is_some());
    assert!(
        problem(&r, "address", "Chat op de website").is_some(),
        "a virtual location"
    );
    for dropped in [
        "alternate_name",
        "legal_status",
        "wait_time",
        "favourite_colour",
    ] {
        assert!(r.dropped_fields.iter().any(|d| d == dropped), "{dropped}");
    }

    let swav = org_named(&db, "Stichting Sociaal Werk Aa en Veen")?;
    assert_eq!(swav.hsds_id, "6c9e4b1a-2f3d-4e5a-9b7c-1d2e3f4a5b60");
    assert_eq!(swav.phone, "0599-650 650", "the first readable number");
    assert_eq!(swav.locations.len(), 1);
    let anker = &swav.locations[0];
    assert_eq!(
        anker.one_line(),
        "Buurthuis Het Anker, Ankerweg 7, 9543 EF Heidebroek"
    );
    assert_eq!(anker.hsds_id, "a7c3e2d1-1111-4b2c-8d3e-4f5a6b7c8d90");
    let forms = swav
        .services
        .iter()
        .find(|s| s.name == "Formulierenhulp")
        .ok_or("Formulierenhulp")?;
    assert_eq!(forms.status, ServiceStatus::Active);
    assert_eq!(forms.url, "https://www.swav.example/formulierenhulp");
    assert_eq!(forms.email, "formulieren@swav.example");
    assert_eq!((forms.minimum_age, forms.maximum_age), (Some(18), None));
    assert_eq!(forms.fees_description, "Gratis.");
    assert_eq!(forms.languages, "Nederlands, Fries");
    assert_eq!(forms.schedule, "di, do 09:30–11:30");
    assert_eq!(
        forms.schedules,
        vec![social_map::OpeningHours {
            freq: "WEEKLY".into(),
            byday: "TU,TH".into(),
            opens_at: "09:30:00".into(),
            closes_at: "11:30:00".into(),
            description: String::new(),
        }],
        "opening hours keep their structure"
    );
    assert_eq!(forms.contact_name, "Anouk de Vries");
    assert_eq!(forms.contact_phone, "0599-650 651");
    assert_eq!(
        forms.more_contacts,
        vec![social_map::MoreContact {
            name: "Joost Hendriks".into(),
            title: String::new(),
            email: "j.hendriks@swav.example".into(),
            phones: vec!["0599-650 652".into()],
        }],
        "every contact is kept"
    );
    assert_eq!(forms.areas, vec![LifeArea::MoneyAndAdmin]);
    assert_eq!(forms.location_ids, vec![anker.id]);
    let course = swav
        .services
        .iter()
        .find(|s| s.name == "Budgetcursus")
        .ok_or("Budgetcursus")?;
    assert_eq!(course.status, ServiceStatus::Defunct);
    assert_eq!(course.flags, vec![ProfessionalFlag::Debts]);

    // A defunct service is not suggested; an active one with its address is.
    let debts = social_map::suggest_services(db.conn(), &[ProfessionalFlag::Debts], &[], 10)?;
    assert!(debts.iter().all(|s| s.name != "Budgetcursus"));
    let money = social_map::suggest_services(db.conn(), &[], &[LifeArea::MoneyAndAdmin], 10)?;
    let hit = money
        .iter()
        .find(|s| s.name == "Formulierenhulp")
        .ok_or("suggested")?;
    assert_eq!(
        hit.address,
        "Buurthuis Het Anker, Ankerweg 7, 9543 EF Heidebroek"
    );
    let detail = social_map::get_service(db.conn(), hit.id)?;
    assert_eq!(detail.locations.len(), 1);

    let by_street = social_map::list_organisations(
        db.conn(),
        &OrganisationQuery {
            text: "ankerweg heidebroek".into(),
            ..Default::default()
        },
        now().date(),
    )?;
    assert_eq!(by_street.total, 1, "an address is found by the search");

    let schuur = org_named(&db, "Jeugdhonk De Schuur")?;
    assert_eq!(schuur.website, "https://www.deschuur.example");
    assert_eq!(schuur.services[0].status, ServiceStatus::TemporarilyClosed);
    assert_eq!(schuur.services[0].fees_description, "Per avond: € 1,50");
    assert_eq!(
        (
            schuur.services[0].minimum_age,
            schuur.services[0].maximum_age
        ),
        (Some(12), Some(18))
    );

    // The provider's next file: records change, nothing doubles, ids stay.
    let r = hsds::import_file(
        &mut db,
        &fixture("hsds-import/regiokaart-update.json"),
        now(),
    )?;
    assert_eq!((r.organisations_new, r.services_new), (0, 0));
    assert_eq!(r.organisations_by_id, 2);
    assert_eq!(r.services_updated, 3);
    let swav = org_named(&db, "Stichting Sociaal Werk Aa en Veen")?;
    assert_eq!(swav.phone, "0599-650 600");
    assert_eq!(swav.locations.len(), 1);
    assert_eq!(swav.locations[0].id, anker.id);
    assert_eq!(swav.locations[0].address_1, "Ankerweg 9");
    let forms = swav
        .services
        .iter()
        .find(|s| s.name == "Formulierenhulp")
        .ok_or("Formulierenhulp")?;
    assert_eq!(forms.status, ServiceStatus::Inactive);
    assert_eq!(forms.maximum_age, Some(99));
    let money = social_map::suggest_services(db.conn(), &[], &[LifeArea::MoneyAndAdmin], 10)?;
    assert!(
        money.iter().all(|s| s.name != "Formulierenhulp"),
        "inactive"
    );
    Ok(())
}

fn zip_dir(dir: &str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut entries: Vec<_> = std::fs::read_dir(fixture(dir))?.collect::<std::io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = format!("regiokaart/{}", e.file_name().to_string_lossy());
        w.start_file(name, zip::write::SimpleFileOptions::default())?;
        w.write_all(&std::fs::read(e.path())?)?;
    }
    Ok(w.finish()?.into_inner())
}

#[test]
fn a_regional_csv_zip_is_taken_with_addresses_and_taxonomy() -> TestResult {
    let mut db = Db::in_memory()?;
    let bytes = zip_dir("hsds-import/regiokaart-csv")?;
    let r = hsds::import_bytes(&mut db, &bytes, now())?;
    assert_eq!((r.organisations_new, r.services_new), (1, 2));
    let bad = problem(&r, "phone", "(0599) zes vijf nul").ok_or("malformed phone")?;
    assert_eq!((bad.file.as_str(), bad.row), ("organizations.csv", 2));
    assert_eq!(
        problem(&r, "language", "fy").map(|p| (p.action, p.file.as_str())),
        Some((HsdsAction::Converted, "services.csv"))
    );
    assert!(r.dropped_fields.iter().any(|d| d == "alternate_name"));
    let swav = org_named(&db, "Stichting Sociaal Werk Aa en Veen")?;
    assert_eq!(swav.phone, "0599-650 650");
    assert_eq!(swav.locations[0].address_1, "Ankerweg 7");
    let forms = swav
        .services
        .iter()
        .find(|s| s.name == "Formulierenhulp")
        .ok_or("Formulierenhulp")?;
    assert_eq!(forms.areas, vec![LifeArea::MoneyAndAdmin]);
    assert_eq!(forms.contact_name, "Anouk de Vries");
    assert_eq!(forms.contact_phone, "0599-650 651");
    assert_eq!(forms.more_contacts.len(), 1, "Joost Hendriks too");
    assert_eq!(forms.languages, "Nederlands, Fries");
    assert_eq!(forms.location_ids, vec![swav.locations[0].id]);
    let course = swav
        .services
        .iter()
        .find(|s| s.name == "Budgetcursus")
        .ok_or("Budgetcursus")?;
    assert_eq!(course.status, ServiceStatus::Defunct);
    assert_eq!(course.flags, vec![ProfessionalFlag::Debts]);
    Ok(())
}

/// A map with an address linked to a service and a defunct service.
fn map_with_places() -> Result<Db, Box<dyn std::error::Error>> {
    let mut db = demo_db()?;
    let org = social_map::create_organisation(
        &mut db,
        OrganisationInput {
            name: "Repair Café Lindeloo".into(),
            description: "Samen spullen repareren.".into(),
            website: "repaircafe-lindeloo.example".into(),
            locations: Some(vec![LocationInput {
                name: "Dorpshuis De Linde".into(),
                address_1: "Kerkstraat 4".into(),
                postal_code: "9542cd".into(),
                city: "Veenhoeve".into(),
                state_province: "drenthe".into(),
                ..Default::default()
            }]),
            ..Default::default()
        },
        now(),
    )?;
    assert_eq!(org.locations[0].postal_code, "9542 CD");
    assert_eq!(org.locations[0].state_province, "Drenthe");
    assert_eq!(org.website, "https://repaircafe-lindeloo.example");
    for (name, status) in [
        ("Repair Café", ServiceStatus::Active),
        ("Naaiatelier", ServiceStatus::Defunct),
    ] {
        social_map::create_service(
            &mut db,
            org.id,
            ServiceInput {
                name: name.into(),
                status,
                minimum_age: Some(8),
                location_ids: Some(vec![org.locations[0].id]),
                areas: vec![LifeArea::GardenAndOddJobs],
                schedule: "Elke eerste zaterdag van de maand".into(),
                schedules: Some(vec![social_map::OpeningHours {
                    freq: "MONTHLY".into(),
                    byday: "1SA".into(),
                    opens_at: "10:00:00".into(),
                    closes_at: "13:00:00".into(),
                    description: "Elke eerste zaterdag van de maand".into(),
                }]),
                contact_name: "Ria Smit".into(),
                contact_phone: "0599-731 100".into(),
                more_phones: Some(vec!["06-12345678".into()]),
                more_contacts: Some(vec![social_map::MoreContact {
                    name: "Kees Bakker".into(),
                    title: "Reparateur".into(),
                    email: "kees@repaircafe.example".into(),
                    phones: vec!["0599-731 101".into(), "0599-731 102".into()],
                }]),
                ..Default::default()
            },
            now(),
        )?;
    }
    Ok(db)
}

/// The map without local row ids and timestamps.
fn everything(db: &Db) -> Result<Vec<social_map::Organisation>, Box<dyn std::error::Error>> {
    let page = social_map::list_organisations(
        db.conn(),
        &OrganisationQuery {
            page_size: 200,
            ..Default::default()
        },
        now().date(),
    )?;
    let mut out = Vec::new();
    for o in page.items {
        let mut full = social_map::get_organisation(db.conn(), o.id, now().date())?;
        let ids: Vec<i64> = full.locations.iter().map(|l| l.id).collect();
        full.id = 0;
        full.created_at.clear();
        full.updated_at.clear();
        for l in &mut full.locations {
            l.id = 0;
        }
        for s in &mut full.services {
            s.id = 0;
            s.organisation_id = 0;
            for l in &mut s.location_ids {
                *l = ids.iter().position(|i| i == l).unwrap_or(usize::MAX) as i64;
            }
        }
        out.push(full);
    }
    Ok(out)
}

#[test]
fn a_round_trip_keeps_ids_addresses_and_status() -> TestResult {
    let source = map_with_places()?;
    for format in [Format::Json, Format::CsvZip] {
        let (bytes, _) = hsds::export(source.conn(), format)?;
        if format == Format::Json {
            let (_, _, failures) = validate_json(&bytes)?;
            assert!(failures.is_empty(), "{failures:#?}");
        } else {
            let (_, failures) = validate_tabular(&bytes)?;
            assert!(failures.is_empty(), "{failures:#?}");
        }
        let mut target = Db::in_memory()?;
        let r = hsds::import_bytes(&mut target, &bytes, now())?;
        assert!(r.problems.is_empty(), "{format:?}: {:#?}", r.problems);
        assert_eq!(r.organisations_new, 10);
        assert_eq!(everything(&target)?, everything(&source)?, "{format:?}");
        let (again, _) = hsds::export(target.conn(), format)?;
        assert!(again == bytes, "{format:?}: the same file again");
        let cafe = org_named(&target, "Repair Café Lindeloo")?;
        let sewing = cafe
            .services
            .iter()
            .find(|s| s.name == "Naaiatelier")
            .ok_or("Naaiatelier")?;
        assert_eq!(sewing.status, ServiceStatus::Defunct, "{format:?}");
        assert_eq!(sewing.location_ids, vec![cafe.locations[0].id]);

        // Once more: found by id, nothing doubles.
        let r = hsds::import_bytes(&mut target, &bytes, now())?;
        assert_eq!((r.organisations_new, r.services_new), (0, 0));
        assert_eq!(everything(&target)?, everything(&source)?);
    }
    Ok(())
}

#[test]
fn names_that_start_as_a_formula_are_refused_at_entry() -> TestResult {
    let mut db = Db::in_memory()?;
    let rules = |e: Error| match e {
        Error::Invalid(f) => f.into_iter().map(|f| (f.field, f.rule)).collect::<Vec<_>>(),
        other => vec![(other.to_string(), Rule::Choice)],
    };
    for name in ["=1+1", "+31 bellen", "-korting", "@team"] {
        let e = social_map::create_organisation(
            &mut db,
            OrganisationInput {
                name: name.into(),
                ..Default::default()
            },
            now(),
        )
        .expect_err(name);
        assert_eq!(rules(e), vec![("name".to_owned(), Rule::FormulaStart)]);
    }
    let org = social_map::create_organisation(
        &mut db,
        OrganisationInput {
            name: "Bibliotheek".into(),
            locations: Some(vec![LocationInput {
                name: "=Vestiging".into(),
                address_1: "Brink 1".into(),
                postal_code: "9541 AB".into(),
                city: "Lindeloo".into(),
                state_province: "Drenthe".into(),
                ..Default::default()
            }]),
            ..Default::default()
        },
        now(),
    )
    .expect_err("a location name");
    assert_eq!(
        rules(org),
        vec![("locations.0.name".to_owned(), Rule::FormulaStart)]
    );
    let org = social_map::create_organisation(
        &mut db,
        OrganisationInput {
            name: "Bibliotheek".into(),
            ..Default::default()
        },
        now(),
    )?;
    let e = social_map::create_service(
        &mut db,
        org.id,
        ServiceInput {
            name: "+Digicafé".into(),
            contact_name: "@Ria".into(),
            ..Default::default()
        },
        now(),
    )
    .expect_err("service");
    assert_eq!(
        rules(e),
        vec![
            ("name".to_owned(), Rule::FormulaStart),
            ("contactName".to_owned(), Rule::FormulaStart)
        ]
    );
    Ok(())
}

#[test]
fn opening_hours_keep_their_structure_until_the_text_is_changed() -> TestResult {
    let mut db = Db::in_memory()?;
    hsds::import_file(&mut db, &fixture("hsds-import/regiokaart.json"), now())?;
    let swav = org_named(&db, "Stichting Sociaal Werk Aa en Veen")?;
    let forms = swav
        .services
        .iter()
        .find(|s| s.name == "Formulierenhulp")
        .ok_or("Formulierenhulp")?;
    let edit = |schedule: &str| ServiceInput {
        name: "Formulierenhulp".into(),
        schedule: schedule.into(),
        ..Default::default()
    };
    let same = social_map::update_service(&mut db, forms.id, edit(&forms.schedule), now())?;
    assert_eq!(same.schedules, forms.schedules, "the same text: kept");
    let changed = social_map::update_service(&mut db, forms.id, edit("Op afspraak"), now())?;
    assert!(
        changed.schedules.is_empty(),
        "a new text: the structure goes"
    );
    Ok(())
}
