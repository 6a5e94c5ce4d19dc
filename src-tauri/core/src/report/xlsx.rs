//! The annual report's tables as one XLSX workbook: a first sheet
//! "Toelichting" with the method, then one sheet per table (the table's
//! title as the sheet's name: at most 31 characters, unique). Counts and
//! amounts are numbers; suppressed cells are the texts "< 5", "x" and "–",
//! so the workbook holds no number the PDF does not show. Text people typed
//! (the help point's name, the notes, row labels such as an organisation's
//! name) goes through [`spreadsheet_safe`], as in every CSV and XLSX.

use chrono::Datelike;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{cell_text, method, ReportMeta, ReportTexts};
use crate::results::{Cell, Figures, Row, Table, Unit};
use crate::vocab::spreadsheet_safe;
use crate::{Error, Result};

/// The name of the first sheet.
pub const METHOD_SHEET: &str = "Toelichting";

/// Render the tables of `figures` as an XLSX workbook.
pub fn render(figures: &Figures, texts: &ReportTexts, meta: &ReportMeta) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let year = figures.period.from.year();

    let sheet = book.add_worksheet();
    sheet.set_name(METHOD_SHEET).map_err(failed)?;
    sheet.set_column_width(0, 100).map_err(failed)?;
    sheet
        .write_string_with_format(0, 0, format!("Jaarverslag {year}"), &bold)
        .map_err(failed)?;
    sheet
        .write_string(1, 0, spreadsheet_safe(&meta.help_point))
        .map_err(failed)?;
    let mut r = 3;
    let mut parts = method(figures.threshold, &figures.period, &figures.earlier);
    if !texts.notes.trim().is_empty() {
        parts.push(("Toelichting van de groep".into(), texts.notes.trim().into()));
    }
    for (title, text) in parts {
        sheet
            .write_string_with_format(r, 0, &title, &bold)
            .map_err(failed)?;
        sheet
            .write_string_with_format(r + 1, 0, spreadsheet_safe(&text), &wrap)
            .map_err(failed)?;
        r += 3;
    }

    let mut names = vec![METHOD_SHEET.to_lowercase()];
    for table in figures.sections.iter().flat_map(|s| &s.tables) {
        let name = sheet_name(&table.title, &table.id, &names);
        names.push(name.to_lowercase());
        let sheet = book.add_worksheet();
        sheet.set_name(&name).map_err(failed)?;
        write_table(sheet, table, figures.threshold, &bold).map_err(failed)?;
    }
    let mut out = Vec::new();
    crate::zipped::save_workbook(&mut book, &mut out).map_err(failed)?;
    Ok(out)
}

fn failed(e: XlsxError) -> Error {
    Error::Report(format!("XLSX: {e}"))
}

/// A sheet name Excel takes: no `[]:*?/\`, not starting or ending with an
/// apostrophe, at most 31 characters, unique (case-insensitive) in the book.
pub fn sheet_name(title: &str, id: &str, taken: &[String]) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
            .collect::<String>()
            .trim_matches(|c: char| c == '\'' || c.is_whitespace())
            .to_owned()
    };
    let mut base = clean(title);
    if base.is_empty() {
        base = clean(id);
    }
    if base.is_empty() {
        base = "Tabel".into();
    }
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>().trim_end().to_owned();
    let mut name = cut(&base, 31);
    let mut k = 2;
    while taken.contains(&name.to_lowercase()) {
        let tail = format!(" ({k})");
        name = format!("{}{tail}", cut(&base, 31 - tail.chars().count()));
        k += 1;
    }
    name
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    threshold: u32,
    bold: &Format,
) -> std::result::Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, &table.title, bold)?;
    sheet.set_column_width(0, 40)?;
    let label = if table.label_heading.trim().is_empty() {
        "Onderdeel"
    } else {
        table.label_heading.as_str()
    };
    sheet.write_string_with_format(2, 0, label, bold)?;
    for (c, column) in table.columns.iter().enumerate() {
        let col = u16::try_from(c + 1).unwrap_or(u16::MAX);
        sheet.write_string_with_format(2, col, column, bold)?;
        sheet.set_column_width(col, 16)?;
    }
    let mut r = 3;
    for row in &table.rows {
        write_row(sheet, r, row, threshold, None)?;
        r += 1;
    }
    if let Some(total) = &table.total {
        write_row(sheet, r, total, threshold, Some(bold))?;
        r += 1;
    }
    if !table.note.trim().is_empty() {
        sheet.write_string(r + 1, 0, spreadsheet_safe(&table.note))?;
    }
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    r: u32,
    row: &Row,
    threshold: u32,
    bold: Option<&Format>,
) -> std::result::Result<(), XlsxError> {
    let plain = Format::new();
    let label_format = bold.unwrap_or(&plain);
    sheet.write_string_with_format(r, 0, spreadsheet_safe(&row.label), label_format)?;
    for (c, cell) in row.cells.iter().enumerate() {
        let col = u16::try_from(c + 1).unwrap_or(u16::MAX);
        match cell {
            Cell::Count { n } => {
                let f = Format::new().set_num_format("#,##0");
                sheet.write_number_with_format(r, col, f64::from(*n), &f)?;
            }
            Cell::Amount { value, unit } => {
                let f = Format::new().set_num_format(match unit {
                    Unit::Euros => "€ #,##0",
                    Unit::Hours => "#,##0.0",
                    Unit::Days => "#,##0",
                    Unit::Percent => "0\"%\"",
                });
                sheet.write_number_with_format(r, col, *value, &f)?;
            }
            Cell::Small | Cell::Hidden | Cell::Empty => {
                let f = Format::new().set_align(rust_xlsxwriter::FormatAlign::Right);
                sheet.write_string_with_format(r, col, cell_text(cell, threshold), &f)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let taken = vec!["toelichting".to_owned()];
        assert_eq!(sheet_name("Toelichting", "x", &taken), "Toelichting (2)");
        let long = "Hulpvragen per levensgebied en per kern: alles";
        let name = sheet_name(long, "x", &taken);
        assert!(name.chars().count() <= 31, "{name}");
        assert!(!name.contains(':'));
        let taken = vec![name.to_lowercase()];
        let again = sheet_name(long, "x", &taken);
        assert_ne!(again, name);
        assert!(again.chars().count() <= 31, "{again}");
        assert_eq!(sheet_name("[]", "requests-by-area", &[]), "--");
        assert_eq!(
            sheet_name("''", "requests-by-area", &[]),
            "requests-by-area"
        );
    }
}
