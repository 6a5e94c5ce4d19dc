//! "Alles exporteren": every data table of the help point in one ZIP, so a
//! group can move to another tool. The ZIP holds
//! - `tabellen/<table>.csv`: one CSV per table (RFC 4180: comma, CRLF,
//!   UTF-8 without BOM, a header row with the column names);
//! - `buurtpunt.xlsx`: the same tables, one sheet each;
//! - `buurtpunt.json`: the same tables as arrays of objects, exact values;
//! - `manifest.json`: help point, time, app and schema version, and per
//!   table its rows and columns (see [`Manifest`]).
//!
//! Which tables: see [`tables`]. Cells in CSV and XLSX that a spreadsheet
//! would run as a formula are neutralised ([`crate::vocab::spreadsheet_safe`]);
//! JSON keeps the true value. The file is written beside the chosen path and
//! renamed into place in the transaction that logs it (`full_exports`: time,
//! file, counts; no personal data). The file itself is not encrypted.

pub mod tables;
mod write;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{params, Connection};
use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use crate::store::files::{cleaned_up, sync_dir};
use crate::store::time::stamp;
use crate::store::LATEST_VERSION;
use crate::{settings, zipped, Db, Error, Result};
pub use tables::{Column, Excluded, DERIVED};
pub use write::{BLOB_ENCODING, CELL_CHARS_MAX, SHEET_ROWS_MAX};

/// The folder of the CSV files inside the ZIP.
pub const CSV_FOLDER: &str = "tabellen";
pub const XLSX_FILE: &str = "buurtpunt.xlsx";
pub const JSON_FILE: &str = "buurtpunt.json";
pub const MANIFEST_FILE: &str = "manifest.json";
/// The most characters of a sheet name (Excel's limit).
const SHEET_NAME_MAX: usize = 31;

/// What the full export wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FullExportOutcome {
    pub file: String,
    pub tables: u32,
    #[ts(type = "number")]
    pub rows: u64,
}

/// `manifest.json`: what the ZIP holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub help_point: String,
    pub exported_at: String,
    pub app_version: String,
    pub schema_version: i64,
    /// How BLOB values are written (in CSV, XLSX and JSON alike).
    pub blob_encoding: String,
    pub csv_folder: String,
    pub xlsx_file: String,
    pub json_file: String,
    pub tables: Vec<TableEntry>,
    /// The tables left out, and why (search indexes, SQLite's own).
    pub left_out: Vec<LeftOut>,
    pub total_rows: u64,
}

/// One exported table in the manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TableEntry {
    pub name: String,
    pub rows: u64,
    pub columns: Vec<Column>,
    /// Its sheet in the workbook (at most 31 characters).
    pub sheet: String,
    /// Data rows on the sheet: `rows`, unless more than a sheet holds.
    pub sheet_rows: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeftOut {
    pub name: String,
    pub why: Excluded,
}

/// One line of the full-export log.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FullExportRecord {
    pub file: String,
    pub tables: u32,
    #[ts(type = "number")]
    pub rows: u64,
    pub made_at: String,
}

/// Export every data table into one ZIP at `path` (replacing a file there:
/// the save dialog asked) and log it.
pub fn export(db: &mut Db, path: &Path, now: NaiveDateTime) -> Result<FullExportOutcome> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let manifest = match build(db.conn(), &tmp, &dir, now) {
        Ok(m) => m,
        Err(e) => return Err(cleaned_up(e, &[&tmp])),
    };
    let file = path.display().to_string();
    let tables = u32::try_from(manifest.tables.len()).unwrap_or(u32::MAX);
    let rows = manifest.total_rows;
    // The log line and the file go together, as with every export.
    let logged = db.write(|tx| {
        tx.execute(
            "INSERT INTO full_exports (file, tables, rows, made_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                file,
                tables,
                i64::try_from(rows).unwrap_or(i64::MAX),
                stamp(now)
            ],
        )?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    });
    if let Err(e) = logged {
        return Err(cleaned_up(e, &[&tmp, path]));
    }
    sync_dir(&dir)?;
    Ok(FullExportOutcome { file, tables, rows })
}

/// The full exports made, newest first.
pub fn made(conn: &Connection) -> Result<Vec<FullExportRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT file, tables, rows, made_at FROM full_exports ORDER BY made_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (file, tables, rows, made_at) = row?;
        out.push(FullExportRecord {
            file,
            tables,
            rows: u64::try_from(rows).map_err(|e| Error::FullExport(e.to_string()))?,
            made_at,
        });
    }
    Ok(out)
}

/// Write the ZIP to `tmp` from one read snapshot; the workbook's temp files
/// go to `dir` (where the export goes anyway), not to a shared temp folder.
fn build(conn: &Connection, tmp: &Path, dir: &Path, now: NaiveDateTime) -> Result<Manifest> {
    let snapshot = conn.unchecked_transaction()?;
    let tables = tables::data_tables(&snapshot)?;
    let left_out = tables::left_out(&snapshot)?
        .into_iter()
        .map(|(name, why)| LeftOut { name, why })
        .collect();
    let point = settings::get(&snapshot)?;
    let mut out = BufWriter::new(File::create(tmp)?);
    let mut zip = zipped::zip(&mut out);
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(true);
    // The workbook is a ZIP itself: stored as it is.
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(true);

    let mut book = Workbook::new();
    book.set_tempdir(dir).map_err(write::xlsx_error)?;
    let bold = Format::new().set_bold();
    let mut entries = Vec::with_capacity(tables.len());
    for (table, sheet_name) in tables.iter().zip(sheet_names(&tables)) {
        zip.start_file(format!("{CSV_FOLDER}/{}.csv", table.name), deflated)
            .map_err(zip_error)?;
        let sheet = book
            .add_worksheet_with_constant_memory()
            .map_err(write::xlsx_error)?;
        sheet.set_name(&sheet_name).map_err(write::xlsx_error)?;
        let written = write::csv_and_sheet(&snapshot, table, &mut zip, sheet, &bold)?;
        entries.push(TableEntry {
            name: table.name.clone(),
            rows: written.rows,
            columns: table.columns.clone(),
            sheet: sheet_name,
            sheet_rows: written.sheet_rows,
        });
    }
    zip.start_file(XLSX_FILE, stored).map_err(zip_error)?;
    zipped::save_workbook(&mut book, &mut zip).map_err(write::xlsx_error)?;
    drop(book);

    zip.start_file(JSON_FILE, deflated).map_err(zip_error)?;
    {
        let mut out = BufWriter::new(&mut zip);
        out.write_all(b"{")?;
        for (i, (table, entry)) in tables.iter().zip(&entries).enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(b"\n")?;
            serde_json::to_writer(&mut out, &table.name)?;
            out.write_all(b":")?;
            let n = write::json_array(&snapshot, table, &mut out)?;
            if n != entry.rows {
                return Err(Error::FullExport(format!(
                    "{}: {n} rows in JSON, {} in CSV",
                    table.name, entry.rows
                )));
            }
        }
        out.write_all(b"\n}\n")?;
        out.flush()?;
    }

    let manifest = Manifest {
        help_point: point.help_point_name.trim().to_owned(),
        exported_at: stamp(now),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version: LATEST_VERSION,
        blob_encoding: BLOB_ENCODING.to_owned(),
        csv_folder: CSV_FOLDER.to_owned(),
        xlsx_file: XLSX_FILE.to_owned(),
        json_file: JSON_FILE.to_owned(),
        total_rows: entries.iter().map(|e| e.rows).sum(),
        tables: entries,
        left_out,
    };
    zip.start_file(MANIFEST_FILE, deflated).map_err(zip_error)?;
    serde_json::to_writer_pretty(&mut zip, &manifest)?;
    zip.finish().map_err(zip_error)?;
    let file = out.into_inner().map_err(|e| Error::Io(e.into_error()))?;
    file.sync_all()?;
    // Only read: ending the snapshot changes nothing.
    snapshot.commit()?;
    Ok(manifest)
}

/// A sheet name per table: the table's name with characters Excel refuses
/// replaced, cut to 31 characters, unique (ignoring case).
fn sheet_names(tables: &[tables::Table]) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(tables.len());
    for t in tables {
        let clean: String = t
            .name
            .chars()
            .map(|c| match c {
                '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
                c => c,
            })
            .collect();
        let mut name: String = clean.chars().take(SHEET_NAME_MAX).collect();
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            let tail = format!("~{n}");
            let head: String = clean
                .chars()
                .take(SHEET_NAME_MAX - tail.chars().count())
                .collect();
            name = format!("{head}{tail}");
            n += 1;
        }
        taken.push(name.to_lowercase());
        out.push(name);
    }
    out
}

fn zip_error(e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(io) => Error::Io(io),
        other => Error::FullExport(format!("ZIP: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str) -> tables::Table {
        tables::Table {
            name: name.into(),
            columns: vec![],
        }
    }

    #[test]
    fn sheet_names_fit_excel_and_stay_unique() {
        let long = "a_table_name_that_is_longer_than_thirty_one";
        let names = sheet_names(&[table(long), table(long), table("x/y"), table("X_Y")]);
        assert_eq!(names[0], "a_table_name_that_is_longer_tha");
        assert_eq!(names[1], "a_table_name_that_is_longer_t~2");
        assert_eq!(names[2], "x_y");
        assert_eq!(names[3], "X_Y~2");
        assert!(names.iter().all(|n| n.chars().count() <= SHEET_NAME_MAX));
    }
}
