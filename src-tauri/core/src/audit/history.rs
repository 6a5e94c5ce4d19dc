//! "Wie heeft dit dossier bekeken of gewijzigd": the log's lines about one
//! resident's file (their own record and everything that belongs to it),
//! newest first.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::Action;
use crate::Result;

/// One line of the log, as the resident's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditLine {
    #[ts(type = "number")]
    pub id: i64,
    /// `YYYY-MM-DDTHH:MM:SS`, local time.
    pub at: String,
    /// The contact person's name at the time; `None`: nobody was chosen.
    pub actor: Option<String>,
    pub action: Action,
    /// `resident`, `request`, `network`, `consent`, ...
    pub kind: String,
    #[ts(type = "number | null")]
    pub record_id: Option<i64>,
    /// Column names, never values.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResidentHistory {
    pub lines: Vec<AuditLine>,
    /// All lines about this resident (the page shows the newest).
    #[ts(type = "number")]
    pub total: i64,
}

/// How many lines the page shows at most.
pub const SHOWN: i64 = 50;

/// The newest lines (at most `limit`, capped at [`SHOWN`]) about one resident.
pub fn of_resident(conn: &Connection, resident_id: i64, limit: i64) -> Result<ResidentHistory> {
    let limit = limit.clamp(1, SHOWN);
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, actor, action, kind, record_id, fields FROM audit_log
         WHERE resident_id = ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map([resident_id, limit], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Action>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut lines = Vec::new();
    for row in rows {
        let (id, at, actor, action, kind, record_id, fields) = row?;
        lines.push(AuditLine {
            id,
            at,
            actor,
            action,
            kind,
            record_id,
            fields: fields
                .split(',')
                .filter(|f| !f.is_empty())
                .map(str::to_owned)
                .collect(),
        });
    }
    let total = conn
        .prepare_cached("SELECT count(*) FROM audit_log WHERE resident_id = ?1")?
        .query_row([resident_id], |r| r.get(0))?;
    Ok(ResidentHistory { lines, total })
}
