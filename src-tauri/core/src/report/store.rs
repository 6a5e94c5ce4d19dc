//! The foreword and notes per year (table `report_texts`) and the log of
//! reports made (table `report_exports`).

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{ReportTexts, TEXT_MAX};
use crate::store::time::stamp;
use crate::validate::{self, Check};
use crate::vocab::Rule;
use crate::{Db, Result};

/// The years a report can be about.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2200;

/// One report made: which year, which files, when.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportExport {
    #[ts(type = "number")]
    pub id: i64,
    pub year: i32,
    pub files: Vec<String>,
    pub made_at: String,
}

/// The texts for `year`; empty when none were written yet.
pub fn get_texts(conn: &Connection, year: i32) -> Result<ReportTexts> {
    let found = conn
        .query_row(
            "SELECT foreword, notes FROM report_texts WHERE year = ?1",
            [year],
            |r| {
                Ok(ReportTexts {
                    year,
                    foreword: r.get(0)?,
                    notes: r.get(1)?,
                })
            },
        )
        .optional()?;
    // No row: nothing written for this year yet.
    Ok(match found {
        Some(texts) => texts,
        None => ReportTexts {
            year,
            ..ReportTexts::default()
        },
    })
}

/// Check the texts: a year in range, each text at most [`TEXT_MAX`] characters.
pub(crate) fn check(texts: &ReportTexts) -> Result<ReportTexts> {
    let clean = ReportTexts {
        year: texts.year,
        foreword: validate::clean(&texts.foreword),
        notes: validate::clean(&texts.notes),
    };
    let mut c = Check::new();
    c.rule("year", Rule::Choice, !YEARS.contains(&clean.year));
    c.max_len("foreword", &clean.foreword, TEXT_MAX);
    c.max_len("notes", &clean.notes, TEXT_MAX);
    c.finish()?;
    Ok(clean)
}

/// Save the foreword and notes of a year (replacing what was there).
pub fn save_texts(db: &mut Db, texts: &ReportTexts, now: NaiveDateTime) -> Result<ReportTexts> {
    let clean = check(texts)?;
    db.write(|tx| {
        tx.execute(
            "INSERT INTO report_texts (year, foreword, notes, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (year) DO UPDATE SET foreword = excluded.foreword,
                 notes = excluded.notes, updated_at = excluded.updated_at",
            params![clean.year, clean.foreword, clean.notes, stamp(now)],
        )?;
        Ok(())
    })?;
    Ok(clean)
}

/// Log one report made (inside the transaction that writes its files).
pub(crate) fn log(
    tx: &Transaction<'_>,
    year: i32,
    files: &[String],
    now: NaiveDateTime,
) -> Result<()> {
    tx.execute(
        "INSERT INTO report_exports (year, what, files, made_at) VALUES (?1, 'annual_report', ?2, ?3)",
        params![year, serde_json::to_string(files)?, stamp(now)],
    )?;
    Ok(())
}

/// The reports made, newest first.
pub fn made(conn: &Connection) -> Result<Vec<ReportExport>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, year, files, made_at FROM report_exports ORDER BY made_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i32>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, year, files, made_at) = row?;
        out.push(ReportExport {
            id,
            year,
            files: serde_json::from_str(&files)?,
            made_at,
        });
    }
    Ok(out)
}
