//! Settings of the help point, stored in the `settings` table.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::time::{parse_stamp, stamp};
use crate::validate::Check;

use crate::vocab::Rule;
use crate::{Db, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Settings {
    /// Lock the app after this many idle minutes (0 = never).
    pub auto_lock_minutes: u32,
    /// The name of the help point, shown in the header.
    pub help_point_name: String,
    /// The help point's own phone number (for residents; on its documents).
    pub help_point_phone: String,
    /// The help point's own email address.
    pub help_point_email: String,
    /// Hours a week a volunteer gives when they set no limit of their own.
    pub default_limit_hours: u32,
    /// Years a VOG stays valid for tasks with vulnerable people.
    pub vog_valid_years: u32,
    /// Every this many weeks, ask each active volunteer how it goes (0 = never).
    pub checkin_weeks: u32,
    /// After this many weeks without being asked, a volunteer shows as "not asked lately".
    pub not_asked_weeks: u32,
    /// Automatic backups kept: the last this many days,
    pub backup_days: u32,
    /// the newest of each of the last this many weeks,
    pub backup_weeks: u32,
    /// and the newest of each of the last this many months.
    pub backup_months: u32,
    /// A pattern: at least this many signals with the same concern in one place
    pub pattern_min_signals: u32,
    /// within this many weeks.
    pub pattern_weeks: u32,
    /// Retention terms (see `retention`), in months. A closed help request
    /// with its contact log, and the resident's file once nothing is open:
    pub request_keep_months: u32,
    /// a volunteer who stopped, counted from the day they stopped:
    pub volunteer_keep_months: u32,
    /// a signal closed with "niets nodig":
    pub signal_keep_months: u32,
    /// the audit log's own entries:
    pub audit_keep_months: u32,
    /// the export logs (what was shared with whom):
    pub export_keep_months: u32,
    /// In the group's results, a count below this shows as "< N".
    pub small_number_threshold: u32,
    /// The group's own hourly rate for the social value, in euro cents
    /// (0 = not set: no amount is shown).
    pub hourly_rate_cents: u32,
    /// A consent without an end date of its own holds this many months.
    pub consent_valid_months: u32,
}

impl Settings {
    /// The backup rotation these settings ask for.
    pub fn backup_policy(&self) -> crate::store::backup::Policy {
        crate::store::backup::Policy {
            daily: self.backup_days,
            weekly: self.backup_weeks,
            monthly: self.backup_months,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: 10,
            help_point_name: String::new(),
            help_point_phone: String::new(),
            help_point_email: String::new(),
            default_limit_hours: 4,
            vog_valid_years: 3,
            checkin_weeks: 6,
            not_asked_weeks: 8,
            backup_days: 7,
            backup_weeks: 4,
            backup_months: 6,
            pattern_min_signals: 3,
            pattern_weeks: 8,
            request_keep_months: 24,
            volunteer_keep_months: 12,
            signal_keep_months: 6,
            audit_keep_months: 60,
            export_keep_months: 24,
            small_number_threshold: 5,
            hourly_rate_cents: 0,
            consent_valid_months: 12,
        }
    }
}

/// The smallest threshold for small numbers: below 3, "< N" would give
/// the number away (a count "< 2" that is not 0 is 1).
pub const SMALL_NUMBER_MIN: u32 = 3;
pub const SMALL_NUMBER_MAX: u32 = 20;
/// Retention terms (months): at least one month, at most ten years.
pub const KEEP_MIN_MONTHS: u32 = 1;
pub const KEEP_MAX_MONTHS: u32 = 120;
/// At most € 200 an hour: a higher rate is a typing error.
pub const HOURLY_RATE_MAX_CENTS: u32 = 20_000;

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
    number(conn, "backup_days", &mut s.backup_days)?;
    number(conn, "backup_weeks", &mut s.backup_weeks)?;
    number(conn, "backup_months", &mut s.backup_months)?;
    number(conn, "pattern_min_signals", &mut s.pattern_min_signals)?;
    number(conn, "pattern_weeks", &mut s.pattern_weeks)?;
    number(conn, "request_keep_months", &mut s.request_keep_months)?;
    number(conn, "volunteer_keep_months", &mut s.volunteer_keep_months)?;
    number(conn, "signal_keep_months", &mut s.signal_keep_months)?;
    number(conn, "audit_keep_months", &mut s.audit_keep_months)?;
    number(conn, "export_keep_months", &mut s.export_keep_months)?;
    number(
        conn,
        "small_number_threshold",
        &mut s.small_number_threshold,
    )?;
    number(conn, "hourly_rate_cents", &mut s.hourly_rate_cents)?;
    number(conn, "consent_valid_months", &mut s.consent_valid_months)?;
    if let Some(v) = read(conn, "help_point_name")? {
        s.help_point_name = v;
    }
    if let Some(v) = read(conn, "help_point_phone")? {
        s.help_point_phone = v;
    }
    if let Some(v) = read(conn, "help_point_email")? {
        s.help_point_email = v;
    }
    Ok(s)
}

pub fn update(db: &mut Db, s: &Settings) -> Result<Settings> {
    let mut c = Check::new();
    c.rule("autoLockMinutes", Rule::Choice, s.auto_lock_minutes > 240);
    c.max_len("helpPointName", &s.help_point_name, 80);
    let phone = crate::validate::clean(&s.help_point_phone);
    let email = crate::validate::clean(&s.help_point_email);
    c.phone("helpPointPhone", &phone)
        .email("helpPointEmail", &email)
        .max_len("helpPointEmail", &email, crate::validate::SHORT);
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
    c.rule(
        "backupDays",
        Rule::Number,
        !(1..=90).contains(&s.backup_days),
    );
    c.rule("backupWeeks", Rule::Number, s.backup_weeks > 104);
    c.rule("backupMonths", Rule::Number, s.backup_months > 120);
    c.rule(
        "patternMinSignals",
        Rule::Number,
        !(2..=20).contains(&s.pattern_min_signals),
    );
    c.rule(
        "patternWeeks",
        Rule::Number,
        !(1..=52).contains(&s.pattern_weeks),
    );
    c.rule(
        "requestKeepMonths",
        Rule::Number,
        !(KEEP_MIN_MONTHS..=KEEP_MAX_MONTHS).contains(&s.request_keep_months),
    );
    c.rule(
        "volunteerKeepMonths",
        Rule::Number,
        !(KEEP_MIN_MONTHS..=KEEP_MAX_MONTHS).contains(&s.volunteer_keep_months),
    );
    c.rule(
        "signalKeepMonths",
        Rule::Number,
        !(1..=24).contains(&s.signal_keep_months),
    );
    c.rule(
        "auditKeepMonths",
        Rule::Number,
        !(12..=KEEP_MAX_MONTHS).contains(&s.audit_keep_months),
    );
    c.rule(
        "exportKeepMonths",
        Rule::Number,
        !(KEEP_MIN_MONTHS..=KEEP_MAX_MONTHS).contains(&s.export_keep_months),
    );
    c.rule(
        "smallNumberThreshold",
        Rule::Number,
        !(SMALL_NUMBER_MIN..=SMALL_NUMBER_MAX).contains(&s.small_number_threshold),
    );
    c.rule(
        "hourlyRateCents",
        Rule::Number,
        s.hourly_rate_cents > HOURLY_RATE_MAX_CENTS,
    );
    c.rule(
        "consentValidMonths",
        Rule::Number,
        !(1..=60).contains(&s.consent_valid_months),
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
            ("backup_days", s.backup_days),
            ("backup_weeks", s.backup_weeks),
            ("backup_months", s.backup_months),
            ("pattern_min_signals", s.pattern_min_signals),
            ("pattern_weeks", s.pattern_weeks),
            ("request_keep_months", s.request_keep_months),
            ("volunteer_keep_months", s.volunteer_keep_months),
            ("signal_keep_months", s.signal_keep_months),
            ("audit_keep_months", s.audit_keep_months),
            ("export_keep_months", s.export_keep_months),
            ("small_number_threshold", s.small_number_threshold),
            ("hourly_rate_cents", s.hourly_rate_cents),
            ("consent_valid_months", s.consent_valid_months),
        ] {
            stmt.execute(params![key, value.to_string()])?;
        }
        stmt.execute(params!["help_point_name", s.help_point_name.trim()])?;
        stmt.execute(params!["help_point_phone", phone])?;
        stmt.execute(params!["help_point_email", email])?;
        Ok(())
    })?;
    get(db.conn())
}

/// The help point's kernen (villages or neighbourhoods), one per line in
/// the `kernen` setting, in the order the group gave them.
const KERNEN: &str = "kernen";
/// Longest name of a kern.
pub const KERN_MAX: usize = 60;

pub fn kernen(conn: &Connection) -> Result<Vec<String>> {
    Ok(match read(conn, KERNEN)? {
        Some(v) => v.lines().map(str::to_owned).collect(),
        None => Vec::new(),
    })
}

/// Replace the list of kernen: trimmed, empty lines dropped, each at most
/// [`KERN_MAX`] characters, no name twice (case does not count), at least one.
pub fn set_kernen(db: &mut Db, given: &[String]) -> Result<Vec<String>> {
    let mut clean: Vec<String> = Vec::new();
    let mut c = Check::new();
    for k in given {
        let k = crate::validate::clean(k).replace(['\n', '\r'], " ");
        if k.is_empty() {
            continue;
        }
        c.max_len("kernen", &k, KERN_MAX);
        let twice = clean.iter().any(|e| e.to_lowercase() == k.to_lowercase());
        c.rule("kernen", Rule::Duplicate, twice);
        clean.push(k);
    }
    c.rule("kernen", Rule::Required, clean.is_empty());
    c.finish()?;
    put(db, KERNEN, &clean.join("\n"))?;
    kernen(db.conn())
}

/// The help point's name and numbers, as the first start asks them: a name
/// is required here.
pub fn set_help_point(db: &mut Db, name: &str, phone: &str, email: &str) -> Result<Settings> {
    let mut s = get(db.conn())?;
    Check::new().required("helpPointName", name).finish()?;
    s.help_point_name = name.trim().to_owned();
    s.help_point_phone = phone.to_owned();
    s.help_point_email = email.to_owned();
    update(db, &s)
}

/// A yes/no mark kept in the settings table (not part of [`Settings`]).
pub fn flag(conn: &Connection, key: &str) -> Result<bool> {
    Ok(read(conn, key)?.as_deref() == Some("1"))
}

pub fn set_flag(db: &mut Db, key: &str) -> Result<()> {
    put(db, key, "1")
}

fn put(db: &mut Db, key: &str, value: &str) -> Result<()> {
    db.write(|tx| {
        tx.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
        Ok(())
    })
}

/// The user said the help point may hold less than its backups made before
/// this moment (people were removed on purpose): rotation no longer holds
/// those backups back for asking.
const ACCEPTED_LESS: &str = "backup_accepted_less_before";

pub fn accepted_less_before(conn: &Connection) -> Result<Option<chrono::NaiveDateTime>> {
    read(conn, ACCEPTED_LESS)?
        .map(|v| {
            parse_stamp(&v)
                .ok_or_else(|| crate::Error::Migration(format!("setting {ACCEPTED_LESS} = {v:?}")))
        })
        .transpose()
}

pub fn accept_less_data(db: &mut Db, now: chrono::NaiveDateTime) -> Result<()> {
    db.write(|tx| {
        tx.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
            params![ACCEPTED_LESS, stamp(now)],
        )?;
        Ok(())
    })
}
