//! "Alles exporteren": one ZIP with every data table as CSV, as a sheet of
//! one workbook and as JSON, plus a manifest. On a real encrypted help point
//! filled by the demo seeder: every count in every form equals the table's
//! own count, formula-like text is neutralised in CSV/XLSX and exact in
//! JSON, the export is logged, and no table is left out without a reason.

mod common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use buurtpunt_core::full_export::{self, tables, Excluded, Manifest};
use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::{demo, Db, Error};
use calamine::{Data, Reader, Xlsx};
use common::session::new_session;
use zip::ZipArchive;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Every table we expect in the export. A new table fails the completeness
/// test until it is added here or to `EXCLUDED` (and, when it is a cache,
/// to `full_export::DERIVED`).
const EXPORTED: &[&str] = &[
    "agenda_items",
    "agreements",
    "audit_actor",
    "audit_log",
    "audit_quiet",
    "audit_start",
    "checkins",
    "consents",
    "contact_log",
    "contact_persons",
    "data_breaches",
    "drafts",
    "exports",
    "full_exports",
    "help_requests",
    "hour_entries",
    "locations",
    "matches",
    "organizations",
    "privacy_exports",
    "privacy_requests",
    "referrals",
    "reminders",
    "report_exports",
    "report_texts",
    "request_life_areas",
    "request_skills",
    "resident_network",
    "residents",
    "service_at_locations",
    "services",
    "settings",
    "signal_concerns",
    "signals",
    "skills",
    "volunteer_absences",
    "volunteer_kernen",
    "volunteer_refusals",
    "volunteer_skills",
    "volunteer_status_log",
    "volunteer_tags",
    "volunteers",
];

/// The search indexes (FTS5) and their shadow tables: rebuilt from the data.
const SEARCH_INDEXES: &[&str] = &[
    "organization_search",
    "request_search",
    "resident_search",
    "service_search",
];
const SHADOWS: &[&str] = &["_config", "_content", "_data", "_docsize", "_idx"];

const FORMULA: &str = "=HYPERLINK(\"https://example.org\",\"klik\")";
const PHONE_NAME: &str = "+31 Bakker";

struct Unpacked {
    files: BTreeMap<String, Vec<u8>>,
}

impl Unpacked {
    fn open(path: &Path) -> Result<Unpacked, Box<dyn std::error::Error>> {
        let mut zip = ZipArchive::new(std::fs::File::open(path)?)?;
        let mut files = BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i)?;
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes)?;
            files.insert(f.name()?.into_owned(), bytes);
        }
        Ok(Unpacked { files })
    }

    fn get(&self, name: &str) -> Result<&[u8], String> {
        self.files
            .get(name)
            .map(Vec::as_slice)
            .ok_or_else(|| format!("{name} missing from the ZIP"))
    }
}

fn count(db: &Db, table: &str) -> Result<u64, Box<dyn std::error::Error>> {
    let n: i64 = db
        .conn()
        .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })?;
    Ok(u64::try_from(n)?)
}

fn tricky_residents(db: &mut Db) -> Result<(), Error> {
    residents::create(
        db,
        ResidentInput {
            first_name: FORMULA.into(),
            last_name: PHONE_NAME.into(),
            kern: "Lindeloo".into(),
            ..Default::default()
        },
        true,
        common::now(),
    )?;
    Ok(())
}

#[test]
fn the_full_export_round_trips_every_count_in_csv_xlsx_json_and_manifest() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(&dir.path().join("data"))?;
    let db = s.db()?;
    demo::seed(db, common::today())?;
    tricky_residents(db)?;
    // The counts as exported: the export's own log line comes after.
    let mut before = BTreeMap::new();
    for t in EXPORTED {
        before.insert(*t, count(db, t)?);
    }
    let path = dir.path().join("buurtpunt-export-2026-11-22.zip");
    let done = full_export::export(db, &path, common::now())?;
    assert!(path.exists());
    assert!(
        !dir.path()
            .join("buurtpunt-export-2026-11-22.zip.tmp")
            .exists(),
        "no temp file stays behind"
    );

    let zip = Unpacked::open(&path)?;
    let manifest: Manifest = serde_json::from_slice(zip.get("manifest.json")?)?;
    let json: serde_json::Value = serde_json::from_slice(zip.get("buurtpunt.json")?)?;
    let mut book = Xlsx::new(Cursor::new(zip.get("buurtpunt.xlsx")?.to_vec()))?;

    let names: Vec<&str> = manifest.tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, EXPORTED);
    let mut in_zip: Vec<String> = EXPORTED
        .iter()
        .map(|t| format!("tabellen/{t}.csv"))
        .collect();
    in_zip.extend(["buurtpunt.json", "buurtpunt.xlsx", "manifest.json"].map(String::from));
    in_zip.sort();
    assert_eq!(zip.files.keys().cloned().collect::<Vec<_>>(), in_zip);
    assert_eq!(done.tables as usize, EXPORTED.len());
    assert_eq!(
        manifest.schema_version,
        buurtpunt_core::store::LATEST_VERSION
    );
    assert_eq!(manifest.exported_at, "2026-11-22T10:00:00");
    assert_eq!(manifest.blob_encoding, "hex");
    assert!(!manifest.app_version.is_empty());
    let mut total = 0;
    for entry in &manifest.tables {
        let t = entry.name.as_str();
        let expected = before[t];
        total += expected;
        assert_eq!(entry.rows, expected, "{t}: manifest");
        assert_eq!(entry.sheet_rows, expected, "{t}: manifest sheet rows");

        let mut csv = csv::Reader::from_reader(zip.get(&format!("tabellen/{t}.csv"))?);
        let header: Vec<String> = csv.headers()?.iter().map(str::to_owned).collect();
        let columns: Vec<String> = entry.columns.iter().map(|c| c.name.clone()).collect();
        assert_eq!(header, columns, "{t}: CSV header");
        assert_eq!(csv.records().count() as u64, expected, "{t}: CSV rows");

        let sheet = book.worksheet_range(&entry.sheet)?;
        assert_eq!(
            sheet.height() as u64,
            expected + 1,
            "{t}: sheet rows + header"
        );
        assert_eq!(
            sheet.get((0, 0)),
            Some(&Data::String(columns[0].clone())),
            "{t}: sheet header"
        );

        let rows = json[t].as_array().ok_or(format!("{t}: not an array"))?;
        assert_eq!(rows.len() as u64, expected, "{t}: JSON rows");
        if let Some(first) = rows.first() {
            let keys: Vec<&String> = first.as_object().ok_or("object")?.keys().collect();
            assert_eq!(keys.len(), columns.len(), "{t}: JSON keys");
        }
    }
    assert_eq!(manifest.total_rows, total);
    assert_eq!(done.rows, total);
    assert!(before["hour_entries"] > 0 && before["help_requests"] > 0);
    assert_eq!(count(db, "full_exports")?, before["full_exports"] + 1);

    // The log holds a line with the counts, not the data.
    let log = full_export::made(db.conn())?;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].tables as usize, EXPORTED.len());
    assert_eq!(log[0].rows, total);
    assert_eq!(log[0].made_at, "2026-11-22T10:00:00");
    Ok(())
}

#[test]
fn formula_like_text_is_neutralised_in_csv_and_xlsx_and_exact_in_json() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(&dir.path().join("data"))?;
    let db = s.db()?;
    tricky_residents(db)?;
    let path = dir.path().join("alles.zip");
    full_export::export(db, &path, common::now())?;
    let zip = Unpacked::open(&path)?;

    let mut csv = csv::Reader::from_reader(zip.get("tabellen/residents.csv")?);
    let header = csv.headers()?.clone();
    let at = |name: &str| header.iter().position(|h| h == name).ok_or("column");
    let (first, last) = (at("first_name")?, at("last_name")?);
    let row = csv.records().next().ok_or("a row")??;
    assert_eq!(&row[first], format!("'{FORMULA}"));
    assert_eq!(&row[last], format!("'{PHONE_NAME}"));

    let mut book = Xlsx::new(Cursor::new(zip.get("buurtpunt.xlsx")?.to_vec()))?;
    let sheet = book.worksheet_range("residents")?;
    let first_col = u32::try_from(first)?;
    let last_col = u32::try_from(last)?;
    assert_eq!(
        sheet.get_value((1, first_col)),
        Some(&Data::String(format!("'{FORMULA}")))
    );
    assert_eq!(
        sheet.get_value((1, last_col)),
        Some(&Data::String(format!("'{PHONE_NAME}")))
    );
    // Neither a formula cell nor a hyperlink in the workbook.
    assert!(book.worksheet_formula("residents")?.used_cells().count() == 0);

    let json: serde_json::Value = serde_json::from_slice(zip.get("buurtpunt.json")?)?;
    assert_eq!(json["residents"][0]["first_name"], FORMULA);
    assert_eq!(json["residents"][0]["last_name"], PHONE_NAME);
    // NULL stays null in JSON and is an empty CSV cell.
    assert!(json["residents"][0]["birth_date"].is_null());
    assert_eq!(&row[at("birth_date")?], "");
    Ok(())
}

#[test]
fn every_table_is_exported_or_left_out_for_a_stated_reason() -> TestResult {
    let db = Db::in_memory()?;
    let mut expected_out: Vec<String> = Vec::new();
    for index in SEARCH_INDEXES {
        expected_out.push((*index).to_owned());
        expected_out.extend(SHADOWS.iter().map(|s| format!("{index}{s}")));
    }
    expected_out.sort();
    let mut exported = Vec::new();
    let mut left_out = Vec::new();
    let mut derived = Vec::new();
    for (name, why) in tables::classify(db.conn())? {
        match why {
            None => exported.push(name),
            Some(Excluded::SearchIndex) => left_out.push(name),
            Some(Excluded::Derived) => derived.push(name),
            Some(other) => panic!("{name} left out as {other:?}: say so in this test"),
        }
    }
    assert_eq!(
        exported, EXPORTED,
        "a table was added or removed: add it to EXPORTED in this test, or, when it only \
         caches other tables, to full_export::DERIVED"
    );
    assert_eq!(left_out, expected_out);
    // The meeting's kept monthly counts: counted again from the data.
    assert_eq!(derived, ["results_months"]);
    assert_eq!(full_export::DERIVED, ["results_months"]);
    Ok(())
}

#[test]
fn meeting_mode_refuses_the_database_the_export_needs() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(&dir.path().join("data"))?;
    s.enter_meeting()?;
    assert!(matches!(s.db(), Err(Error::MeetingMode)));
    Ok(())
}

#[test]
fn a_failed_export_leaves_no_file_and_no_log_line() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(&dir.path().join("data"))?;
    let db = s.db()?;
    let path = dir.path().join("no-such-folder").join("alles.zip");
    assert!(full_export::export(db, &path, common::now()).is_err());
    assert!(!path.exists());
    assert!(full_export::made(db.conn())?.is_empty());
    Ok(())
}
