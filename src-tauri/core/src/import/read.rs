//! Reading a file into rows of text: CSV (separator and encoding detected)
//! or a workbook (XLSX, and the other formats calamine reads). Whatever the
//! file holds, the answer is rows or a typed error, never a panic.

use std::path::Path;

use encoding_rs::{UTF_8, WINDOWS_1252};

use super::workbook::TextRange;
use super::{child, mapping, ImportFileKind, MAX_COLUMNS, MAX_FILE_MB, MAX_ROWS};
use crate::{Error, Result};

/// A sheet read into text: the column names and the rows with data.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The file's name (no folder), when read from a path.
    pub file_name: String,
    pub kind: ImportFileKind,
    pub encoding: String,
    pub encoding_guessed: bool,
    pub separator: String,
    pub sheets: Vec<String>,
    pub sheet: String,
    pub headers: Vec<String>,
    /// Rows with at least one filled cell, each as wide as `headers`.
    pub rows: Vec<SheetRow>,
    /// Row numbers of rows with filled cells right of the last column name
    /// (their extra columns are named by letter; the report lists them).
    pub wide_rows: Vec<u32>,
    /// The file's bytes in short ([`fingerprint`]): what the preview read
    /// is what the check and the import read, or they refuse
    /// ([`Error::ImportFileChanged`]).
    pub fingerprint: String,
}

/// BLAKE2b-256 of the file's bytes, in hex.
fn fingerprint(bytes: &[u8]) -> String {
    use blake2::digest::consts::U32;
    use blake2::{Blake2b, Digest};
    hex::encode(Blake2b::<U32>::digest(bytes))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// The row number as the spreadsheet shows it (the header is usually 1).
    pub number: u32,
    pub cells: Vec<String>,
}

/// Read the file at `path`; `sheet` picks a workbook's sheet (empty = first).
pub fn read(path: &Path, sheet: &str) -> Result<Sheet> {
    let size = std::fs::metadata(path)?.len();
    if size > u64::from(MAX_FILE_MB) * 1024 * 1024 {
        return Err(Error::ImportFileTooLarge {
            max_mb: MAX_FILE_MB,
        });
    }
    let bytes = std::fs::read(path)?;
    let mut read = read_bytes(&bytes, sheet)?;
    read.file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(read)
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Read a file's bytes (see [`read`]).
pub fn read_bytes(bytes: &[u8], sheet: &str) -> Result<Sheet> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::ImportEmpty);
    }
    let mut read = if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        workbook(bytes, sheet)?
    } else {
        csv_text(bytes)?
    };
    read.fingerprint = fingerprint(bytes);
    Ok(read)
}

/// Raw rows (row number, cells) → header + data rows, with the limits applied.
struct Table {
    headers: Vec<String>,
    rows: Vec<SheetRow>,
    /// Rows with filled cells right of the last column name.
    wide_rows: Vec<u32>,
}

/// `first_column` is the 0-based column of the first cell (a workbook's used
/// range may start right of column A).
fn table(
    records: impl Iterator<Item = Result<(u32, Vec<String>)>>,
    first_column: usize,
) -> Result<Table> {
    let mut header: Option<Vec<String>> = None;
    // A first row with one filled cell may be a title ("Ledenlijst 2026")
    // above the real column names.
    let mut maybe_title = false;
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut found: u32 = 0;
    let filled = |cells: &[String]| cells.iter().filter(|c| !c.trim().is_empty()).count();
    for record in records {
        let (number, cells) = record?;
        if filled(&cells) == 0 {
            continue;
        }
        if header.is_none() {
            maybe_title = filled(&cells) == 1;
            header = Some(cells);
            continue;
        }
        if std::mem::take(&mut maybe_title)
            && filled(&cells) >= 2
            && mapping::suggest(&cells).iter().flatten().count() >= 2
        {
            header = Some(cells);
            continue;
        }
        found = found.saturating_add(1);
        if found <= MAX_ROWS {
            rows.push(SheetRow { number, cells });
        }
    }
    if found > MAX_ROWS {
        return Err(Error::ImportTooManyRows {
            found,
            max: MAX_ROWS,
        });
    }
    let header = header.ok_or(Error::ImportEmpty)?;
    if rows.is_empty() {
        return Err(Error::ImportEmpty);
    }
    let last_filled = |cells: &[String]| {
        cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1)
    };
    let width = rows
        .iter()
        .map(|r| last_filled(&r.cells))
        .chain([last_filled(&header)])
        .max()
        .unwrap_or(0);
    if width > MAX_COLUMNS {
        return Err(Error::ImportUnreadable(format!(
            "{width} columns (at most {MAX_COLUMNS})"
        )));
    }
    let named = last_filled(&header);
    let wide_rows = rows
        .iter()
        .filter(|r| last_filled(&r.cells) > named)
        .map(|r| r.number)
        .collect();
    let headers: Vec<String> = (0..width)
        .map(|i| match header.get(i).map(|h| h.trim()) {
            Some(h) if !h.is_empty() => h.to_owned(),
            _ => column_letter(first_column + i),
        })
        .collect();
    if mapping::looks_like_data(&header) {
        return Err(Error::ImportNoHeader);
    }
    for r in &mut rows {
        r.cells.resize(width, String::new());
        for c in &mut r.cells {
            let trimmed = c.trim();
            if trimmed.len() != c.len() {
                *c = trimmed.to_owned();
            }
        }
    }
    Ok(Table {
        headers,
        rows,
        wide_rows,
    })
}

/// "A", "B", …, "Z", "AA": the spreadsheet's name of column `i` (0-based).
pub(crate) fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

// ---- CSV ----

/// Decode the text: a BOM decides (UTF-8 or UTF-16); otherwise UTF-8 when
/// valid, else Windows-1252 (what Excel on Windows writes), flagged as a guess.
fn decode(bytes: &[u8]) -> Result<(String, &'static str, bool)> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors {
            return Err(Error::ImportUnreadable(format!(
                "not valid {}",
                encoding.name()
            )));
        }
        let name = if encoding == UTF_8 { "UTF-8" } else { "UTF-16" };
        return Ok((text.into_owned(), name, false));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), "UTF-8", false)),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), "Windows-1252", true))
        }
    }
}

/// Text with NUL bytes or many control characters is not a CSV file (it is
/// a binary file, or UTF-16 without a BOM).
fn looks_binary(text: &str) -> bool {
    let mut control = 0usize;
    let mut total = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            control += 1;
        }
    }
    control > 2 && control * 100 > total
}

/// The separator of the header line: the most frequent of `;`, tab and `,`
/// outside quotes (ties in that order: Dutch Excel writes `;`).
fn separator(text: &str) -> u8 {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b';', b'\t', b','];
    let mut best = 2; // a single column: the separator does not matter
    for i in [1, 0] {
        if counts[i] > 0 && counts[i] >= counts[best] {
            best = i;
        }
    }
    seps[best]
}

fn csv_text(bytes: &[u8]) -> Result<Sheet> {
    let (text, encoding, guessed) = decode(bytes)?;
    if looks_binary(&text) {
        return Err(Error::ImportUnreadable("binary data".into()));
    }
    let sep = separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // The row number as a spreadsheet shows it: the line where the record
    // starts (blank lines count, as in Excel), less the line breaks inside
    // quoted cells of earlier records. The reader's own line numbers miss
    // blank lines and CRLF endings, so lines are counted here from the
    // record's byte offset.
    let bytes = text.as_bytes();
    let mut counted_to = 0usize;
    let mut line: u64 = 1;
    let mut inner_breaks: u64 = 0;
    let records = reader.records().map(|r| {
        let record = r.map_err(|e| Error::ImportUnreadable(e.to_string()))?;
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > counted_to {
            let between = bytes.get(counted_to..start).unwrap_or_default();
            line += between.iter().filter(|&&b| b == b'\n').count() as u64;
            counted_to = start;
        }
        let number = u32::try_from(line.saturating_sub(inner_breaks)).unwrap_or(u32::MAX);
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        inner_breaks += cells
            .iter()
            .map(|c| c.matches('\n').count() as u64)
            .sum::<u64>();
        Ok((number, cells))
    });
    let Table {
        headers,
        rows,
        wide_rows,
    } = table(records, 0)?;
    Ok(Sheet {
        file_name: String::new(),
        kind: ImportFileKind::Csv,
        encoding: encoding.into(),
        encoding_guessed: guessed,
        separator: char::from(sep).to_string(),
        sheets: Vec::new(),
        sheet: String::new(),
        headers,
        rows,
        wide_rows,
        fingerprint: String::new(),
    })
}

// ---- Workbooks ----

fn workbook(bytes: &[u8], sheet: &str) -> Result<Sheet> {
    // A damaged workbook must give a message, not take the app down: the
    // app parses it in a child process (see `child.rs`).
    let book = child::parse_here_or_there(bytes, sheet)?;
    // No sheet named: the first one with people on it (a first sheet that
    // is empty or only a title must not hide the list on sheet 2). The
    // preview lists every sheet, so another can be chosen.
    let mut found = None;
    for range in book.ranges {
        let name = range.name.clone();
        match sheet_table(range) {
            Err(Error::ImportEmpty) => continue,
            other => {
                found = Some((name, other?));
                break;
            }
        }
    }
    let (
        name,
        Table {
            headers,
            rows,
            wide_rows,
        },
    ) = found.ok_or(Error::ImportEmpty)?;
    Ok(Sheet {
        file_name: String::new(),
        kind: ImportFileKind::Workbook,
        encoding: String::new(),
        encoding_guessed: false,
        separator: String::new(),
        sheets: book.sheets,
        sheet: name,
        headers,
        rows,
        wide_rows,
        fingerprint: String::new(),
    })
}

fn sheet_table(range: TextRange) -> Result<Table> {
    let row0 = range.first_row;
    let records = range.rows.into_iter().enumerate().map(move |(i, cells)| {
        let number = row0.saturating_add(i as u32).saturating_add(1);
        Ok((number, cells))
    });
    table(records, range.first_column as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_go_on_after_z() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn the_separator_is_the_most_frequent_outside_quotes() {
        assert_eq!(separator("Voornaam;Achternaam;Adres\n"), b';');
        assert_eq!(separator("Voornaam,Achternaam\n"), b',');
        assert_eq!(separator("Voornaam\tAchternaam\n"), b'\t');
        assert_eq!(separator("\"Naam, voluit\";Adres\n"), b';');
        assert_eq!(separator("Naam\n"), b',');
    }

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_shows_them() -> Result<()> {
        let text =
            "Voornaam;Achternaam\r\nAnna;Bakker\r\n\r\n\"Bert\nBertus\";Smit\r\nCor;Jansen\r\n";
        let sheet = read_bytes(text.as_bytes(), "")?;
        let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![2, 4, 5]);
        assert_eq!(sheet.rows[1].cells[0], "Bert\nBertus");
        Ok(())
    }

    #[test]
    fn a_title_above_the_column_names_is_passed_over() -> Result<()> {
        let text = "Ledenlijst 2026;;\nVoornaam;Achternaam;Kern\nAnna;Bakker;Lindeloo\n";
        let sheet = read_bytes(text.as_bytes(), "")?;
        assert_eq!(sheet.headers, vec!["Voornaam", "Achternaam", "Kern"]);
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].number, 3);
        // One column of names stays one column of names.
        let single = read_bytes("Naam\nAnna Bakker\nBert Smit\n".as_bytes(), "")?;
        assert_eq!(single.rows.len(), 2);
        Ok(())
    }

    #[test]
    fn binary_data_is_not_text() {
        assert!(looks_binary("PK\u{3}\u{4}\u{14}\u{0}abc"));
        assert!(!looks_binary("Voornaam;Achternaam\r\nAnna;Bakker\r\n"));
    }
}
