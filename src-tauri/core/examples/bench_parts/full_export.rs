//! Bench part: "Alles exporteren" on the large data set (every table as CSV,
//! one XLSX sheet each, JSON and the manifest in one ZIP). Slow by nature:
//! the median of three runs, each writing the whole ZIP again.

use buurtpunt_core::full_export;
use buurtpunt_core::{Db, Result};
use chrono::NaiveDateTime;

use super::{median_ms_n, print};

pub fn run(db: &mut Db, now: NaiveDateTime) -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("buurtpunt-export.zip");
    let mut last = None;
    let ms = median_ms_n(3, || {
        last = Some(full_export::export(db, &path, now)?);
        Ok(())
    })?;
    if let Some(done) = last {
        eprintln!(
            "full export: {} tables, {} rows, {:.1} MB",
            done.tables,
            done.rows,
            std::fs::metadata(&path)?.len() as f64 / 1e6
        );
    }
    print("full_export", ms);
    Ok(())
}
