//! Volunteers (vrijwilligers): a resident with a volunteer profile. One person,
//! two roles: someone who asks for help can also offer it.

mod absences;
mod checkins;
mod load;
mod overview;
mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use absences::{add_absence, remove_absence, Absence, AbsenceInput, AbsenceKind};
pub use checkins::{add_checkin, Checkin, CheckinInput};
pub(crate) use load::loads;
pub use load::{load_of, Load, LoadFacts, LoadLevel, LoadRule, HEAVY_CARE_HOURS};
pub use overview::{overview, VolunteerAlert, VolunteerOverview};
pub(crate) use store::checkin_due;
pub use store::{change_status, create, create_person, find, get, is_volunteer, list, update};
// The profile insert inside a caller's transaction (used by the import).
pub(crate) use store::insert;

use crate::text_enum;
use crate::validate::{self, Check, LONG, SHORT};
use crate::vocab::Rule;
use crate::vocab::SkillRef;
use crate::vocab::{Mask, WEEK_MASK};

text_enum! {
    /// aanmelding → actief → pauze → gestopt.
    pub enum VolunteerStatus {
        Applied => "applied",
        Active => "active",
        Paused => "paused",
        Stopped => "stopped",
    }
}

impl VolunteerStatus {
    /// Every status can move to every other: people come back after a stop.
    pub fn can_become(self, to: VolunteerStatus) -> bool {
        self != to
    }
}

text_enum! {
    /// How a volunteer gets around.
    pub enum Mobility {
        Car => "car",
        Bike => "bike",
        OnFoot => "on_foot",
    }
}

/// Stored as a mask in `volunteers.mobility`.
impl Mask for Mobility {}

text_enum! {
    /// Whether the VOG (certificate of conduct) is usable for tasks with
    /// vulnerable people; "expiring" is still valid but ends within 60 days.
    pub enum VogState {
        Missing => "missing",
        Valid => "valid",
        Expiring => "expiring",
        Expired => "expired",
    }
}

/// Days before the end of a VOG's validity that it counts as expiring.
pub const VOG_WARNING_DAYS: i64 = 60;

/// When a VOG from `vog_on` stops being valid, after `valid_years`.
pub fn vog_valid_until(vog_on: NaiveDate, valid_years: u32) -> NaiveDate {
    vog_on
        .checked_add_months(chrono::Months::new(valid_years * 12))
        .unwrap_or(NaiveDate::MAX)
}

pub fn vog_state(vog_on: Option<NaiveDate>, valid_years: u32, today: NaiveDate) -> VogState {
    match vog_on {
        None => VogState::Missing,
        Some(d) => {
            let until = vog_valid_until(d, valid_years);
            if until <= today {
                VogState::Expired
            } else if (until - today).num_days() <= VOG_WARNING_DAYS {
                VogState::Expiring
            } else {
                VogState::Valid
            }
        }
    }
}

/// What the volunteer form sends. Numbers and dates arrive as typed text.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct VolunteerInput {
    /// Skill ids: what they can and like to do.
    #[ts(type = "number[]")]
    pub skills: Vec<i64>,
    /// Skill ids of tasks they do not want to do.
    #[ts(type = "number[]")]
    pub refused: Vec<i64>,
    /// Free tags ("spreekt Fries", "heeft een aanhanger").
    pub tags: Vec<String>,
    /// The week grid (see [`slot_bit`]).
    pub availability: u32,
    pub mobility: Vec<Mobility>,
    /// Kernen they serve besides their own.
    pub kernen: Vec<String>,
    /// Hours a week, e.g. "4" or "2,5"; empty = the group's default.
    pub limit_hours: String,
    /// Open matches at once; empty = no limit.
    pub limit_matches: String,
    pub is_carer: bool,
    /// Hours a week of informal care they give themselves.
    pub carer_hours: String,
    /// `YYYY-MM-DD` or empty.
    pub vog_on: String,
    /// `YYYY-MM-DD`: when they agreed that we keep their data.
    pub consent_on: String,
    pub notes: String,
}

/// A volunteer profile with everything the person's page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Volunteer {
    #[ts(type = "number")]
    pub resident_id: i64,
    pub name: String,
    pub kern: String,
    pub phone: String,
    pub status: VolunteerStatus,
    pub status_since: String,
    pub status_reason: String,
    pub skills: Vec<SkillRef>,
    pub refused: Vec<SkillRef>,
    pub tags: Vec<String>,
    pub availability: u32,
    pub mobility: Vec<Mobility>,
    pub kernen: Vec<String>,
    /// The personal limit as set; `None` = the group's default.
    pub limit_hours: Option<f64>,
    #[ts(type = "number | null")]
    pub limit_matches: Option<i64>,
    pub is_carer: bool,
    pub carer_hours: f64,
    pub vog_on: Option<String>,
    pub vog_valid_until: Option<String>,
    pub vog_state: VogState,
    pub consent_on: Option<String>,
    pub notes: String,
    pub load: Load,
    pub absences: Vec<Absence>,
    /// The absence that covers today, if any.
    pub absent_now: Option<Absence>,
    pub status_log: Vec<StatusEntry>,
    pub checkins: Vec<Checkin>,
    /// When the next wellbeing check-in is due (active volunteers).
    pub checkin_due_on: Option<String>,
    /// When they were last asked for a match.
    pub last_asked_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// One status change of a volunteer.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusEntry {
    pub on_date: String,
    pub status: VolunteerStatus,
    pub reason: String,
}

/// One row of the volunteers list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VolunteerSummary {
    #[ts(type = "number")]
    pub resident_id: i64,
    pub name: String,
    pub kern: String,
    pub status: VolunteerStatus,
    pub skills: Vec<String>,
    pub load: Load,
    pub vog_state: VogState,
    pub last_asked_on: Option<String>,
}

/// Filters of the volunteers list.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct VolunteerQuery {
    pub text: String,
    pub status: Option<VolunteerStatus>,
    #[ts(type = "number | null")]
    pub skill_id: Option<i64>,
    pub kern: String,
    #[ts(type = "number")]
    pub page: i64,
    #[ts(type = "number")]
    pub page_size: i64,
}

/// Validated, normalised input ready for SQL.
pub(crate) struct Clean {
    pub input: VolunteerInput,
    pub mobility: i64,
    pub limit_hours: Option<f64>,
    pub limit_matches: Option<i64>,
    pub carer_hours: f64,
    pub vog_on: Option<NaiveDate>,
    pub consent_on: Option<NaiveDate>,
}

/// Largest personal limit in hours a week.
pub const MAX_LIMIT_HOURS: f64 = 40.0;
/// Largest number of hours of informal care a week we accept.
pub const MAX_CARER_HOURS: f64 = 168.0;

fn clean_list(items: &mut Vec<String>, c: &mut Check, field: &str) {
    for v in items.iter_mut() {
        *v = validate::clean(v);
    }
    items.retain(|v| !v.is_empty());
    items.sort_by_key(|v| v.to_lowercase());
    items.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    for v in items.iter() {
        c.max_len(field, v, SHORT);
    }
    c.rule(field, Rule::TooLong, items.len() > 50);
}

impl VolunteerInput {
    pub(crate) fn validate(mut self, today: NaiveDate) -> crate::Result<Clean> {
        let mut c = Check::new();
        clean_list(&mut self.tags, &mut c, "tags");
        clean_list(&mut self.kernen, &mut c, "kernen");
        self.skills.sort_unstable();
        self.skills.dedup();
        self.refused.sort_unstable();
        self.refused.dedup();
        let both = self.skills.iter().any(|s| self.refused.contains(s));
        c.rule("refused", Rule::Choice, both);
        c.rule(
            "availability",
            Rule::Choice,
            self.availability & !WEEK_MASK != 0,
        );
        let limit_hours = validate::number(
            &mut c,
            "limitHours",
            &self.limit_hours,
            0.5,
            MAX_LIMIT_HOURS,
        );
        let limit_matches =
            validate::number(&mut c, "limitMatches", &self.limit_matches, 1.0, 50.0);
        if let Some(m) = limit_matches {
            c.rule("limitMatches", Rule::Number, m.fract() != 0.0);
        }
        let carer_hours = validate::number(
            &mut c,
            "carerHours",
            &self.carer_hours,
            0.0,
            MAX_CARER_HOURS,
        );
        let vog_on = validate::date(&mut c, "vogOn", &self.vog_on, false);
        c.not_after("vogOn", vog_on, today);
        let consent_on = validate::date(&mut c, "consentOn", &self.consent_on, false);
        c.not_after("consentOn", consent_on, today);
        c.max_len("notes", &self.notes, LONG);
        c.finish()?;
        let mobility = Mobility::to_mask(&self.mobility);
        let carer_hours = if self.is_carer {
            carer_hours.unwrap_or(0.0)
        } else {
            0.0
        };
        Ok(Clean {
            input: self,
            mobility,
            limit_hours,
            limit_matches: limit_matches.map(|m| m as i64),
            carer_hours,
            vog_on,
            consent_on,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> crate::Result<NaiveDate> {
        crate::store::time::stored(s)
    }

    #[test]
    fn a_vog_is_valid_for_the_set_years_and_warns_sixty_days_ahead() -> crate::Result<()> {
        let today = d("2026-11-22")?;
        assert_eq!(vog_state(None, 3, today), VogState::Missing);
        assert_eq!(vog_state(Some(d("2025-01-10")?), 3, today), VogState::Valid);
        assert_eq!(
            vog_state(Some(d("2024-01-10")?), 3, today),
            VogState::Expiring
        );
        assert_eq!(
            vog_state(Some(d("2023-11-22")?), 3, today),
            VogState::Expired
        );
        assert_eq!(vog_state(Some(d("2023-11-22")?), 4, today), VogState::Valid);
        Ok(())
    }

    #[test]
    fn mobility_bits_are_as_stored_since_migration_003() {
        let bits: Vec<i64> = Mobility::ALL.iter().map(|m| m.bit()).collect();
        assert_eq!(bits, vec![1, 2, 4]);
        assert_eq!(Mobility::to_mask(&[Mobility::Car, Mobility::OnFoot]), 5);
    }

    #[test]
    fn a_skill_cannot_be_both_offered_and_refused() -> crate::Result<()> {
        let input = VolunteerInput {
            skills: vec![1, 2],
            refused: vec![2],
            ..Default::default()
        };
        let err = input
            .validate(d("2026-11-22")?)
            .err()
            .map(|e| e.fields().to_vec());
        assert_eq!(err.map(|f| f[0].field.clone()), Some("refused".to_owned()));
        Ok(())
    }
}
