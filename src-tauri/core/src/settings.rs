//! Settings of the help point, stored in the `settings` table.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{Check, Rule};
use crate::{Db, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Settings {
    /// Lock the app after this many idle minutes (0 = never).
    pub auto_lock_minutes: u32,
    /// The name of the help point, shown in the header.
    pub help_point_name: String,
    /// Hours a week a volunteer gives when they set no limit of their own.
    pub default_limit_hours: u32,
    /// Years a VOG stays valid for tasks with vulnerable people.
    pub vog_valid_years: u32,
    /// Every this many weeks, ask each active volunteer how it goes (0 = never).
    pub checkin_weeks: u32,
    /// After this many weeks without being asked, a volunteer shows as "not asked lately".
    pub not_asked_weeks: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: 10,
            help_point_name: String::new(),
            default_limit_hours: 4,
            vog_valid_years: 3,
            checkin_weeks: 6,
            not_asked_weeks: 8,
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

fn number(conn: &Connection, key: &str, into: &mut u32) -> Result<()> {
    if let Some(v) = read(conn, key)? {
        *into = v
            .parse()
            .map_err(|_| crate::Error::Migration(format!("setting {key} = {v:?}")))?;
    }
    Ok(())
}

pub fn get(conn: &Connection) -> Result<Settings> {
    let mut s = Settings::default();
    number(conn, "auto_lock_minutes", &mut s.auto_lock_minutes)?;
    number(conn, "default_limit_hours", &mut s.default_limit_hours)?;
    number(conn, "vog_valid_years", &mut s.vog_valid_years)?;
    number(conn, "checkin_weeks", &mut s.checkin_weeks)?;
    number(conn, "not_asked_weeks", &mut s.not_asked_weeks)?;
    if let Some(v) = read(conn, "help_point_name")? {
        s.help_point_name = v;
    }
    Ok(s)
}

pub fn update(db: &mut Db, s: &Settings) -> Result<Settings> {
    let mut c = Check::new();
    c.rule("autoLockMinutes", Rule::Choice, s.auto_lock_minutes > 240);
    c.max_len("helpPointName", &s.help_point_name, 80);
    c.rule(
        "defaultLimitHours",
        Rule::Number,
        !(1..=40).contains(&s.default_limit_hours),
    );
    c.rule(
        "vogValidYears",
        Rule::Number,
        !(1..=10).contains(&s.vog_valid_years),
    );
    c.rule("checkinWeeks", Rule::Number, s.checkin_weeks > 52);
    c.rule(
        "notAskedWeeks",
        Rule::Number,
        !(1..=104).contains(&s.not_asked_weeks),
    );
    c.finish()?;
    db.write(|tx| {
        let mut stmt =
            tx.prepare_cached("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)")?;
        for (key, value) in [
            ("auto_lock_minutes", s.auto_lock_minutes),
            ("default_limit_hours", s.default_limit_hours),
            ("vog_valid_years", s.vog_valid_years),
            ("checkin_weeks", s.checkin_weeks),
            ("not_asked_weeks", s.not_asked_weeks),
        ] {
            stmt.execute(params![key, value.to_string()])?;
        }
        stmt.execute(params!["help_point_name", s.help_point_name.trim()])?;
        Ok(())
    })?;
    get(db.conn())
}
