//! Settings of the help point, stored in the `settings` table.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{Check, Rule};
use crate::{Db, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Lock the app after this many idle minutes (0 = never).
    pub auto_lock_minutes: u32,
    /// The name of the help point, shown in the header.
    pub help_point_name: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: 10,
            help_point_name: String::new(),
        }
    }
}

fn read(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn get(conn: &Connection) -> Result<Settings> {
    let mut s = Settings::default();
    if let Some(v) = read(conn, "auto_lock_minutes")? {
        s.auto_lock_minutes = v
            .parse()
            .map_err(|_| crate::Error::Migration(format!("setting auto_lock_minutes = {v:?}")))?;
    }
    if let Some(v) = read(conn, "help_point_name")? {
        s.help_point_name = v;
    }
    Ok(s)
}

pub fn update(db: &mut Db, s: &Settings) -> Result<Settings> {
    let mut c = Check::new();
    c.rule("autoLockMinutes", Rule::Choice, s.auto_lock_minutes > 240);
    c.max_len("helpPointName", &s.help_point_name, 80);
    c.finish()?;
    db.write(|tx| {
        let mut stmt =
            tx.prepare_cached("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)")?;
        stmt.execute(params![
            "auto_lock_minutes",
            s.auto_lock_minutes.to_string()
        ])?;
        stmt.execute(params!["help_point_name", s.help_point_name.trim()])?;
        Ok(())
    })?;
    get(db.conn())
}
