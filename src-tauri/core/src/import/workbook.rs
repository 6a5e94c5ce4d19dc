//! A workbook (XLSX, and the other formats calamine reads) as text: the
//! parser's part of an import. In the app it runs in a child process (see
//! `child.rs`); `read.rs` makes the sheet of people from its answer.

use std::io::Cursor;

use calamine::{Data, Reader};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A workbook as text: every sheet's name, and the sheets to read in order
/// (only the one named, else all of them).
#[derive(Debug, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<String>,
    pub ranges: Vec<TextRange>,
}

/// One sheet's used range, each cell as the user sees it.
#[derive(Debug, Serialize, Deserialize)]
pub struct TextRange {
    pub name: String,
    /// 0-based row and column of the range's first cell.
    pub first_row: u32,
    pub first_column: u32,
    pub rows: Vec<Vec<String>>,
}

/// calamine reads the workbook; a sheet named that is not in it is an error.
pub(crate) fn parse(bytes: &[u8], sheet: &str) -> Result<Workbook> {
    let unreadable = |e: calamine::Error| Error::ImportUnreadable(e.to_string());
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let sheets = book.sheet_names();
    let names: Vec<String> = if sheet.is_empty() {
        sheets.clone()
    } else if sheets.iter().any(|n| n == sheet) {
        vec![sheet.to_owned()]
    } else {
        return Err(Error::ImportNoSuchSheet {
            sheet: sheet.to_owned(),
        });
    };
    let mut ranges = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(unreadable)?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        ranges.push(TextRange {
            name,
            first_row,
            first_column,
            rows: range
                .rows()
                .map(|row| row.iter().map(cell_text).collect())
                .collect(),
        });
    }
    Ok(Workbook { sheets, ranges })
}

/// A cell as the user sees it: dates as `YYYY-MM-DD`, whole numbers
/// without `.0`, yes/no for booleans.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(true) => "ja".into(),
        Data::Bool(false) => "nee".into(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => dt.to_string(),
        Data::DateTimeIso(s) => match s.get(..10) {
            Some(day) if chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok() => {
                day.to_owned()
            }
            _ => s.clone(),
        },
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

fn float_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_lose_their_point_zero() {
        assert_eq!(float_text(12.0), "12");
        assert_eq!(float_text(612345678.0), "612345678");
        assert_eq!(float_text(2.5), "2.5");
    }
}
