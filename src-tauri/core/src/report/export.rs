//! Making the annual report: the figures of the year, the PDF at the chosen
//! path and the XLSX beside it, and one line in the report log. Existing
//! files are only replaced when the user said so.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{figures, get_texts, pdf, store, xlsx, year_period, ReportMeta};
use crate::store::files::{remove_if_present, write_atomic};
use crate::{settings, Db, Error, Result};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReportInput {
    pub year: i32,
    /// Replace files of the same name (the user was asked).
    pub overwrite: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportOutcome {
    pub year: i32,
    /// The files written: the PDF and the XLSX.
    pub files: Vec<String>,
}

/// The PDF and XLSX paths for a chosen path.
pub fn paths(chosen: &Path) -> [PathBuf; 2] {
    let pdf = chosen.with_extension("pdf");
    [pdf.clone(), pdf.with_extension("xlsx")]
}

/// Make the annual report of `input.year` at `path` (PDF) and beside it
/// (XLSX). Refused with [`Error::ReportFilesExist`] when either file is
/// there and `overwrite` is not set.
pub fn make(
    db: &mut Db,
    input: &ReportInput,
    path: &Path,
    now: NaiveDateTime,
) -> Result<ReportOutcome> {
    let year = input.year;
    let period = year_period(year)
        .filter(|_| store::YEARS.contains(&year))
        .ok_or_else(|| {
            Error::Invalid(vec![crate::vocab::FieldError {
                field: "year".into(),
                rule: crate::vocab::Rule::Choice,
                max: None,
            }])
        })?;
    let files = paths(path);
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    if !input.overwrite {
        let mut existing = Vec::new();
        for p in &files {
            if p.try_exists()? {
                if let Some(name) = p.file_name() {
                    existing.push(name.to_string_lossy().into_owned());
                }
            }
        }
        if !existing.is_empty() {
            return Err(Error::ReportFilesExist { files: existing });
        }
    }
    let conn = db.conn();
    let figures = figures(conn, period, now.date())?;
    let texts = get_texts(conn, year)?;
    let point = settings::get(conn)?;
    let meta = ReportMeta {
        help_point: if point.help_point_name.trim().is_empty() {
            "Buurtpunt".to_owned()
        } else {
            point.help_point_name.trim().to_owned()
        },
        made_on: now.date(),
    };
    let bytes = [
        pdf::render(&figures, &texts, &meta)?,
        xlsx::render(&figures, &texts, &meta)?,
    ];
    // The log line and the files go together, as with every export.
    let logged = db.write(|tx| {
        store::log(tx, year, &names, now)?;
        for (p, data) in files.iter().zip(bytes.iter()) {
            write_atomic(p, data)?;
        }
        Ok(())
    });
    if let Err(e) = logged {
        for p in &files {
            remove_if_present(p).map_err(|stuck| {
                Error::Report(format!(
                    "{e}; {} could not be removed: {stuck}",
                    p.display()
                ))
            })?;
        }
        return Err(e);
    }
    Ok(ReportOutcome { year, files: names })
}
