//! Writing one table: as CSV (an entry of the ZIP) and as a sheet of the
//! workbook in one pass, and as a JSON array in another. Rows are streamed
//! from the database: no table is held in memory whole.
//!
//! Values: NULL is an empty CSV cell, an empty XLSX cell and JSON `null`;
//! numbers stay numbers; text goes through [`spreadsheet_safe`] in CSV and
//! XLSX and is exact in JSON; a BLOB is written as lower-case hex everywhere.

use std::borrow::Cow;
use std::io::Write;

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::tables::{quoted, Table};
use crate::vocab::spreadsheet_safe;
use crate::{Error, Result};

/// How a BLOB is written (the manifest says so too).
pub const BLOB_ENCODING: &str = "hex";
/// The most rows a sheet holds (Excel's limit), the header row included.
pub const SHEET_ROWS_MAX: u32 = 1_048_576;
/// The most characters an XLSX cell holds (Excel's limit); longer text is
/// cut there in the workbook only (CSV and JSON keep it whole).
pub const CELL_CHARS_MAX: usize = 32_767;
/// Integers beyond this are not exact as a spreadsheet number: written as text.
const EXACT_INT: i64 = 1 << 53;

/// Rows written of one table: all of them, and those the sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub rows: u64,
    pub sheet_rows: u64,
}

/// Every row of `table` as CSV into `csv_out` (header first) and onto
/// `sheet` (header row in bold).
pub fn csv_and_sheet(
    conn: &Connection,
    table: &Table,
    csv_out: impl Write,
    sheet: &mut Worksheet,
    bold: &Format,
) -> Result<Written> {
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(csv_out);
    csv.write_record(table.columns.iter().map(|c| c.name.as_str()))
        .map_err(csv_error)?;
    for (c, col) in (0u16..).zip(&table.columns) {
        sheet
            .write_string_with_format(0, c, &col.name, bold)
            .map_err(xlsx_error)?;
    }
    let mut stmt = conn.prepare(&format!("SELECT * FROM {}", quoted(&table.name)))?;
    let mut rows = stmt.query([])?;
    let mut done = Written {
        rows: 0,
        sheet_rows: 0,
    };
    while let Some(row) = rows.next()? {
        let sheet_row = u32::try_from(done.rows + 1)
            .ok()
            .filter(|r| *r < SHEET_ROWS_MAX);
        for i in 0..table.columns.len() {
            let value = row.get_ref(i)?;
            csv.write_field(csv_text(value).as_bytes())
                .map_err(csv_error)?;
            if let (Some(r), Ok(c)) = (sheet_row, u16::try_from(i)) {
                sheet_cell(sheet, r, c, value).map_err(xlsx_error)?;
            }
        }
        // An empty record after the fields ends the line.
        csv.write_record(None::<&[u8]>).map_err(csv_error)?;
        done.rows += 1;
        if sheet_row.is_some() {
            done.sheet_rows += 1;
        }
    }
    csv.flush()?;
    Ok(done)
}

/// Every row of `table` as a JSON array of objects (keys in column order).
pub fn json_array(conn: &Connection, table: &Table, out: &mut impl Write) -> Result<u64> {
    let keys = table
        .columns
        .iter()
        .map(|c| serde_json::to_string(&c.name))
        .collect::<serde_json::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare(&format!("SELECT * FROM {}", quoted(&table.name)))?;
    let mut rows = stmt.query([])?;
    let mut n = 0u64;
    out.write_all(b"[")?;
    while let Some(row) = rows.next()? {
        out.write_all(if n == 0 { b"\n{" } else { b",\n{" })?;
        for (i, key) in keys.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(key.as_bytes())?;
            out.write_all(b":")?;
            json_value(out, row.get_ref(i)?)?;
        }
        out.write_all(b"}")?;
        n += 1;
    }
    out.write_all(if n == 0 { b"]" } else { b"\n]" })?;
    Ok(n)
}

/// The text of a value in a CSV cell.
fn csv_text(v: ValueRef<'_>) -> Cow<'_, str> {
    match v {
        ValueRef::Null => Cow::Borrowed(""),
        ValueRef::Integer(i) => Cow::Owned(i.to_string()),
        ValueRef::Real(f) => Cow::Owned(f.to_string()),
        ValueRef::Text(t) => match String::from_utf8_lossy(t) {
            Cow::Borrowed(s) => spreadsheet_safe(s),
            Cow::Owned(s) => Cow::Owned(spreadsheet_safe(&s).into_owned()),
        },
        ValueRef::Blob(b) => Cow::Owned(hex::encode(b)),
    }
}

fn sheet_cell(sheet: &mut Worksheet, r: u32, c: u16, v: ValueRef<'_>) -> Result<(), XlsxError> {
    match v {
        ValueRef::Null => {}
        ValueRef::Integer(i) if (-EXACT_INT..=EXACT_INT).contains(&i) => {
            sheet.write_number(r, c, i as f64)?;
        }
        ValueRef::Real(f) if f.is_finite() => {
            sheet.write_number(r, c, f)?;
        }
        other => {
            let text = csv_text(other);
            sheet.write_string(r, c, cut(&text, CELL_CHARS_MAX))?;
        }
    }
    Ok(())
}

fn json_value(out: &mut impl Write, v: ValueRef<'_>) -> Result<()> {
    match v {
        ValueRef::Null => out.write_all(b"null")?,
        ValueRef::Integer(i) => write!(out, "{i}")?,
        // Not finite (SQLite keeps infinities) becomes `null`, as JSON has no such number.
        ValueRef::Real(f) => serde_json::to_writer(&mut *out, &f)?,
        ValueRef::Text(t) => serde_json::to_writer(&mut *out, &String::from_utf8_lossy(t))?,
        ValueRef::Blob(b) => serde_json::to_writer(&mut *out, &hex::encode(b))?,
    }
    Ok(())
}

/// At most `max` characters of `s`.
fn cut(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

pub(super) fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::Io(io),
        other => Error::FullExport(format!("CSV: {other:?}")),
    }
}

pub(super) fn xlsx_error(e: XlsxError) -> Error {
    match e {
        XlsxError::IoError(io) => Error::Io(io),
        other => Error::FullExport(format!("XLSX: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_spreadsheet_safe_and_numbers_stay_numbers() {
        assert_eq!(
            csv_text(ValueRef::Text(b"=HYPERLINK(\"x\")")),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(csv_text(ValueRef::Text(b"Anna")), "Anna");
        assert_eq!(csv_text(ValueRef::Integer(-5)), "-5");
        assert_eq!(csv_text(ValueRef::Real(1.5)), "1.5");
        assert_eq!(csv_text(ValueRef::Null), "");
        assert_eq!(csv_text(ValueRef::Blob(&[0, 255])), "00ff");
    }

    #[test]
    fn json_values_are_exact() -> Result<()> {
        let mut out = Vec::new();
        for v in [
            ValueRef::Text(b"=1+1"),
            ValueRef::Null,
            ValueRef::Integer(7),
            ValueRef::Real(f64::INFINITY),
        ] {
            json_value(&mut out, v)?;
            out.push(b' ');
        }
        assert_eq!(String::from_utf8_lossy(&out), "\"=1+1\" null 7 null ");
        Ok(())
    }

    #[test]
    fn long_text_is_cut_on_a_character() {
        assert_eq!(cut("ëëë", 2), "ëë");
        assert_eq!(cut("ab", 5), "ab");
    }
}
