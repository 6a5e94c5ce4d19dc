//! A volunteer's load: hours in the rolling week and month, plus the hours of
//! informal care they give themselves, against their personal limit.
//!
//! The rule, in plain words: a week's load is the volunteer hours of the last
//! 7 days plus their weekly hours as a mantelzorger. At or over the weekly
//! limit, or at the limit of open matches, they are not asked (a contact person
//! can still go over it, with a reason). From 75 % of the limit, over the
//! month's limit, or as a heavy carer (more than 8 hours of care a week), the
//! app warns.

use rustc_hash::FxHashMap;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::store::time::iso;
use crate::text_enum;
use crate::Result;

/// More than this many hours of informal care a week is heavy care (the
/// national threshold).
pub const HEAVY_CARE_HOURS: f64 = 8.0;
/// From this share of a limit on, the load counts as near the limit.
const NEAR: f64 = 0.75;
/// Days in the rolling month.
const MONTH_DAYS: f64 = 30.0;
const EPS: f64 = 1e-9;

text_enum! {
    pub enum LoadLevel {
        Ok => "ok",
        Near => "near",
        AtLimit => "at_limit",
        Over => "over",
    }
}

impl LoadLevel {
    /// At or over the hard limit: not suggested without an override.
    pub fn is_blocking(self) -> bool {
        matches!(self, LoadLevel::AtLimit | LoadLevel::Over)
    }
}

/// The group's setting that the load rule needs.
#[derive(Debug, Clone, Copy)]
pub struct LoadRule {
    /// Hours a week for volunteers without a personal limit.
    pub default_limit_hours: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Load {
    /// Volunteer hours in the last 7 days (today included).
    pub week_hours: f64,
    /// Volunteer hours in the last 30 days.
    pub month_hours: f64,
    /// Hours a week of informal care they give themselves.
    pub carer_hours: f64,
    /// The weekly limit that applies (personal, else the group's default).
    pub limit_hours: f64,
    /// `week_hours + carer_hours`.
    pub week_load: f64,
    /// `month_hours` plus 30 days of care.
    pub month_load: f64,
    /// The limit over 30 days.
    pub month_limit: f64,
    /// Hours left this week before the limit.
    pub hours_left: f64,
    #[ts(type = "number")]
    pub open_matches: i64,
    #[ts(type = "number | null")]
    pub limit_matches: Option<i64>,
    pub level: LoadLevel,
    pub heavy_carer: bool,
}

impl Load {
    /// The week's load is at 75 % of the weekly limit or more.
    pub fn week_near(&self) -> bool {
        self.week_load >= NEAR * self.limit_hours - EPS
    }

    /// The month's load is over 75 % of the month's limit.
    pub fn month_near(&self) -> bool {
        self.month_load > NEAR * self.month_limit + EPS
    }

    /// One match below their limit of open matches: the limit, if so.
    pub fn matches_near(&self) -> Option<i64> {
        self.limit_matches
            .filter(|m| *m >= 2 && self.open_matches == m - 1)
    }
}

/// The raw numbers of one volunteer, as read from the store.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LoadFacts {
    pub week_minutes: i64,
    pub month_minutes: i64,
    pub open_matches: i64,
    pub carer_hours: f64,
    pub limit_hours: Option<f64>,
    pub limit_matches: Option<i64>,
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

impl LoadFacts {
    pub fn load(&self, rule: LoadRule) -> Load {
        let limit = self.limit_hours.unwrap_or(rule.default_limit_hours);
        let week_hours = self.week_minutes as f64 / 60.0;
        let month_hours = self.month_minutes as f64 / 60.0;
        let week_load = week_hours + self.carer_hours;
        let month_load = month_hours + self.carer_hours * MONTH_DAYS / 7.0;
        let month_limit = limit * MONTH_DAYS / 7.0;
        let heavy_carer = self.carer_hours > HEAVY_CARE_HOURS;
        let matches_full = self.limit_matches.is_some_and(|m| self.open_matches >= m);
        let matches_near = self
            .limit_matches
            .is_some_and(|m| m >= 2 && self.open_matches == m - 1);
        let level = if week_load > limit + EPS {
            LoadLevel::Over
        } else if week_load >= limit - EPS || matches_full {
            LoadLevel::AtLimit
        } else if week_load >= NEAR * limit
            || month_load > NEAR * month_limit
            || heavy_carer
            || matches_near
        {
            LoadLevel::Near
        } else {
            LoadLevel::Ok
        };
        Load {
            week_hours: round2(week_hours),
            month_hours: round2(month_hours),
            carer_hours: self.carer_hours,
            limit_hours: limit,
            week_load: round2(week_load),
            month_load: round2(month_load),
            month_limit: round2(month_limit),
            hours_left: round2((limit - week_load).max(0.0)),
            open_matches: self.open_matches,
            limit_matches: self.limit_matches,
            level,
            heavy_carer,
        }
    }
}

/// First day of the rolling week and month that end on `today`.
pub(crate) fn windows(today: NaiveDate) -> (String, String) {
    let week = today - Days::new(6);
    let month = today - Days::new(MONTH_DAYS as u64 - 1);
    (iso(week), iso(month))
}

/// Hours and open matches of every volunteer with any, keyed by volunteer id.
/// Carer hours and limits are filled in by the caller from the volunteer row.
pub(crate) fn loads(conn: &Connection, today: NaiveDate) -> Result<FxHashMap<i64, LoadFacts>> {
    let (week, month) = windows(today);
    let mut out: FxHashMap<i64, LoadFacts> = FxHashMap::default();
    // Summed here rather than with GROUP BY: a range scan of the covering
    // date index needs no temporary B-tree.
    let mut stmt = conn.prepare_cached(
        "SELECT on_date, volunteer_id, minutes FROM hour_entries WHERE on_date >= ?1 AND on_date <= ?2",
    )?;
    let today_s = iso(today);
    let mut rows = stmt.query([&month, &today_s])?;
    while let Some(r) = rows.next()? {
        let in_week = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)? >= week.as_str();
        let minutes: i64 = r.get(2)?;
        let f = out.entry(r.get(1)?).or_default();
        f.month_minutes += minutes;
        if in_week {
            f.week_minutes += minutes;
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT volunteer_id, count(*) FROM matches
         WHERE status IN ('proposed', 'agreed', 'active') GROUP BY volunteer_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().open_matches = r.get(1)?;
    }
    Ok(out)
}

/// The load of one volunteer.
pub fn load_of(
    conn: &Connection,
    volunteer_id: i64,
    today: NaiveDate,
    rule: LoadRule,
) -> Result<Load> {
    let (week, month) = windows(today);
    let today_s = iso(today);
    let (week_minutes, month_minutes): (i64, i64) = conn.query_row(
        "SELECT ifnull(sum(CASE WHEN on_date >= ?2 THEN minutes ELSE 0 END), 0), ifnull(sum(minutes), 0)
         FROM hour_entries WHERE volunteer_id = ?1 AND on_date >= ?3 AND on_date <= ?4",
        rusqlite::params![volunteer_id, week, month, today_s],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (open_matches, carer_hours, limit_hours, limit_matches) = conn.query_row(
        "SELECT (SELECT count(*) FROM matches WHERE volunteer_id = v.resident_id
                   AND status IN ('proposed', 'agreed', 'active')),
                v.carer_hours, v.limit_hours, v.limit_matches
         FROM volunteers v WHERE v.resident_id = ?1",
        [volunteer_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    Ok(LoadFacts {
        week_minutes,
        month_minutes,
        open_matches,
        carer_hours,
        limit_hours,
        limit_matches,
    }
    .load(rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: LoadRule = LoadRule {
        default_limit_hours: 4.0,
    };

    fn facts(week_h: f64, carer: f64) -> LoadFacts {
        LoadFacts {
            week_minutes: (week_h * 60.0) as i64,
            month_minutes: (week_h * 60.0) as i64,
            carer_hours: carer,
            ..Default::default()
        }
    }

    #[test]
    fn hours_left_count_down_from_the_default_limit() {
        let l = facts(2.0, 0.0).load(RULE);
        assert_eq!(l.hours_left, 2.0);
        assert_eq!(l.level, LoadLevel::Ok);
        assert_eq!(facts(3.0, 0.0).load(RULE).level, LoadLevel::Near);
        assert_eq!(facts(4.0, 0.0).load(RULE).level, LoadLevel::AtLimit);
        assert_eq!(facts(4.5, 0.0).load(RULE).level, LoadLevel::Over);
    }

    #[test]
    fn care_for_a_loved_one_counts_in_the_load() {
        let l = facts(1.0, 2.0).load(RULE);
        assert_eq!(l.week_load, 3.0);
        assert_eq!(l.hours_left, 1.0);
        let heavy = facts(0.0, 10.0).load(LoadRule {
            default_limit_hours: 20.0,
        });
        assert!(heavy.heavy_carer);
        assert_eq!(heavy.level, LoadLevel::Near);
    }

    #[test]
    fn a_full_set_of_open_matches_is_the_limit_too() {
        let f = LoadFacts {
            open_matches: 2,
            limit_matches: Some(2),
            ..Default::default()
        };
        assert_eq!(f.load(RULE).level, LoadLevel::AtLimit);
        let near = LoadFacts {
            open_matches: 1,
            ..f
        };
        assert_eq!(near.load(RULE).level, LoadLevel::Near);
    }
}
