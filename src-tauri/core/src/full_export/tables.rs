//! Which tables the full export holds. The rule: every table of the
//! database (`sqlite_master`), except
//! - SQLite's own tables (`sqlite_*`);
//! - the search indexes: FTS virtual tables and their shadow tables
//!   (`<index>_data`, `_idx`, `_content`, `_docsize`, `_config`), which are
//!   built from the data tables and rebuilt by the app;
//! - tables listed in [`DERIVED`]: caches the app rebuilds from other tables.
//!
//! A new table is therefore exported unless it is one of these; the core test
//! `full_export.rs` lists every table it expects on each side, so a new table
//! fails that test until someone decides where it belongs.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::Result;

/// Tables that only cache what other tables hold (rebuilt by the app), and
/// so are left out. None yet; name the source table beside each entry.
pub const DERIVED: &[&str] = &["results_months"];

/// Why a table is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Excluded {
    /// SQLite's own bookkeeping (`sqlite_*`).
    Internal,
    /// A full-text search index or one of its shadow tables.
    SearchIndex,
    /// A cache of other tables, listed in [`DERIVED`].
    Derived,
}

/// A column: its name and declared type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    #[serde(rename = "type")]
    pub decl: String,
}

/// A table in the export, with its columns in order.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
}

/// Every table of the database (by name), each with why it is left out, or
/// `None` when it is exported.
pub fn classify(conn: &Connection) -> Result<Vec<(String, Option<Excluded>)>> {
    let mut stmt = conn.prepare(
        "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )?;
    let all = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let virtuals: Vec<&str> = all
        .iter()
        .filter(|(_, sql)| is_virtual(sql))
        .map(|(name, _)| name.as_str())
        .collect();
    Ok(all
        .iter()
        .map(|(name, sql)| (name.clone(), excluded(name, sql, &virtuals)))
        .collect())
}

/// The exported tables with their columns, by name.
pub fn data_tables(conn: &Connection) -> Result<Vec<Table>> {
    let mut out = Vec::new();
    for (name, why) in classify(conn)? {
        if why.is_none() {
            let columns = columns(conn, &name)?;
            out.push(Table { name, columns });
        }
    }
    Ok(out)
}

/// The left-out tables with why, by name.
pub fn left_out(conn: &Connection) -> Result<Vec<(String, Excluded)>> {
    Ok(classify(conn)?
        .into_iter()
        .filter_map(|(name, why)| why.map(|w| (name, w)))
        .collect())
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid")?;
    let cols = stmt
        .query_map([table], |r| {
            Ok(Column {
                name: r.get(0)?,
                decl: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols)
}

fn is_virtual(sql: &str) -> bool {
    sql.trim_start()
        .get(..20)
        .is_some_and(|head| head.eq_ignore_ascii_case("CREATE VIRTUAL TABLE"))
}

/// The shadow tables an FTS5 index keeps beside it.
const SHADOW_SUFFIXES: &[&str] = &["_data", "_idx", "_content", "_docsize", "_config"];

fn excluded(name: &str, sql: &str, virtuals: &[&str]) -> Option<Excluded> {
    if name.starts_with("sqlite_") {
        return Some(Excluded::Internal);
    }
    let shadow = virtuals.iter().any(|v| {
        name.strip_prefix(v)
            .is_some_and(|rest| SHADOW_SUFFIXES.contains(&rest))
    });
    if is_virtual(sql) || shadow {
        return Some(Excluded::SearchIndex);
    }
    if DERIVED.contains(&name) {
        return Some(Excluded::Derived);
    }
    None
}

/// `name` as an SQL identifier (double quotes, inner quotes doubled).
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_indexes_and_their_shadows_are_left_out_and_the_rest_is_kept() {
        let v = ["resident_search"];
        let fts = "CREATE VIRTUAL TABLE resident_search USING fts5 (body)";
        assert_eq!(
            excluded("resident_search", fts, &v),
            Some(Excluded::SearchIndex)
        );
        for shadow in ["resident_search_data", "resident_search_config"] {
            assert_eq!(
                excluded(shadow, "CREATE TABLE x (k)", &v),
                Some(Excluded::SearchIndex)
            );
        }
        assert_eq!(
            excluded(
                "sqlite_sequence",
                "CREATE TABLE sqlite_sequence(name,seq)",
                &v
            ),
            Some(Excluded::Internal)
        );
        // A data table whose name merely starts like an index is kept.
        assert_eq!(
            excluded("resident_search_notes", "CREATE TABLE x (k)", &v),
            None
        );
        assert_eq!(
            excluded("residents", "CREATE TABLE residents (id)", &v),
            None
        );
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quoted("residents"), "\"residents\"");
        assert_eq!(quoted("a\"b"), "\"a\"\"b\"");
    }
}
