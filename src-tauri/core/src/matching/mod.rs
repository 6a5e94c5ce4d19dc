//! Match suggestions: which volunteers fit a help request, in a fixed order,
//! each with the computed reasons in words a contact person understands.
//!
//! Ranking is a pure function of the request and the candidates ([`rank`]),
//! so it is deterministic and testable without a database; [`suggest`] loads
//! the facts from the store and calls it.

mod facts;
mod rank;

use serde::Serialize;
use ts_rs::TS;

pub use facts::{candidate, request_facts, suggest};

use crate::vocab::LifeArea;
use crate::volunteers::{AbsenceKind, Load, VogState, VolunteerStatus};

/// How many suggestions and unavailable volunteers a screen shows.
pub const SHOW_SUGGESTIONS: usize = 20;
pub const SHOW_UNAVAILABLE: usize = 50;

/// What a request needs, as matching sees it.
#[derive(Debug, Clone, Default)]
pub struct RequestFacts {
    pub request_id: i64,
    /// `None` for a collective request (street or village).
    pub resident_id: Option<i64>,
    pub resident_name: String,
    pub kern: String,
    pub life_area_mask: i64,
    /// The tasks asked for: (skill id, name).
    pub skills: Vec<(i64, String)>,
    /// A VOG is needed: set on the request, by one of its tasks, or (with
    /// no task picked) by a task of one of its life areas.
    pub needs_vog: bool,
    /// No task picked, and a task of these life areas needs a VOG: the VOG
    /// rule holds as if that task was picked (the screen says so).
    pub vog_from_areas: Vec<LifeArea>,
    /// Week-grid bits of when help is wanted; 0 = any time.
    pub wanted_slots: u32,
    pub estimated_hours: Option<f64>,
    /// "Graag klaar op": help is wanted from today up to this day.
    pub due_on: Option<String>,
}

/// One volunteer, as matching sees them.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: i64,
    pub name: String,
    pub kern: String,
    pub status: VolunteerStatus,
    pub availability: u32,
    pub mobility: i64,
    /// Life areas of their skills.
    pub area_mask: i64,
    /// Skill ids they offer (at least those the request asks for).
    pub skills: Vec<i64>,
    /// Skill ids they refuse (at least those the request asks for).
    pub refused: Vec<i64>,
    /// Kernen they serve besides their own (at least the request's, if served).
    pub kernen: Vec<String>,
    /// Absent for the whole time help is wanted: until when and why.
    pub absent: Option<(String, AbsenceKind)>,
    /// Away for part of that time: from, until and why (a warning only).
    pub away: Option<(String, String, AbsenceKind)>,
    pub vog: VogState,
    pub vog_until: Option<String>,
    pub load: Load,
    /// Helped this resident before (an agreed, active or finished match).
    pub helped_before: bool,
    pub last_asked_on: Option<String>,
    /// Already linked to this request (open or done): not suggested again.
    pub already_matched: bool,
}

/// A computed reason, for or against. The UI puts it in Dutch.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Reason {
    HasSkill {
        skill: String,
    },
    FitsLifeArea {
        area: LifeArea,
    },
    SameKern {
        kern: String,
    },
    ServesKern {
        kern: String,
    },
    OtherKern {
        kern: String,
    },
    HasCar,
    NoCar,
    AvailableAtWantedTime,
    NotAtWantedTime,
    HoursLeft {
        hours: f64,
    },
    NearLimit {
        load: f64,
        limit: f64,
        /// Hours of informal care in `load` (named when they fill the week).
        #[serde(rename = "carerHours")]
        carer_hours: f64,
    },
    /// Near the limit over the rolling month (30 days).
    MonthNearLimit {
        load: f64,
        limit: f64,
    },
    /// One more match and their limit of open matches is reached.
    MatchesNear {
        #[ts(type = "number")]
        open: i64,
        #[ts(type = "number")]
        limit: i64,
    },
    /// Away for part of the time the help is wanted.
    AwayPart {
        from: String,
        until: String,
        absence: AbsenceKind,
    },
    WouldPassLimit {
        left: f64,
        estimate: f64,
    },
    HeavyCarer {
        hours: f64,
    },
    HelpedBefore {
        resident: String,
    },
    NeverAsked,
    NotAskedSince {
        date: String,
    },
    ValidVog,
    VogExpiring {
        until: Option<String>,
    },
    // Hard rules: never suggested.
    Status {
        status: VolunteerStatus,
    },
    Absent {
        until: String,
        absence: AbsenceKind,
    },
    /// At or over the weekly limit (`load > limit`: over).
    AtLimit {
        load: f64,
        limit: f64,
        /// Hours of informal care in `load`.
        #[serde(rename = "carerHours")]
        carer_hours: f64,
    },
    MatchesFull {
        #[ts(type = "number")]
        open: i64,
        #[ts(type = "number")]
        limit: i64,
    },
    RefusesTask {
        skill: String,
    },
    VogMissing,
    VogExpired {
        until: Option<String>,
    },
}

impl Reason {
    /// A hard reason that a contact person may override (with a reason of their own).
    pub fn is_limit(&self) -> bool {
        matches!(self, Reason::AtLimit { .. } | Reason::MatchesFull { .. })
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Suggestion {
    #[ts(type = "number")]
    pub volunteer_id: i64,
    pub name: String,
    pub kern: String,
    /// To call them right from the card.
    pub phone: String,
    pub vog: VogState,
    pub score: i32,
    /// Why this volunteer fits, strongest first.
    pub reasons: Vec<Reason>,
    /// What to keep in mind (near the limit, no car, ...).
    pub warnings: Vec<Reason>,
    pub load: Load,
    pub last_asked_on: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Unavailable {
    #[ts(type = "number")]
    pub volunteer_id: i64,
    pub name: String,
    pub kern: String,
    pub phone: String,
    pub vog: VogState,
    pub status: VolunteerStatus,
    pub reasons: Vec<Reason>,
    /// Only the limit stands in the way: matching is possible with a reason.
    pub can_override: bool,
    pub load: Load,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Suggestions {
    #[ts(type = "number")]
    pub request_id: i64,
    pub needs_vog: bool,
    /// No task is picked: the screen asks for one (suggestions then follow
    /// the life areas only).
    pub no_task: bool,
    /// See [`RequestFacts::vog_from_areas`].
    pub vog_from_areas: Vec<LifeArea>,
    pub suggestions: Vec<Suggestion>,
    #[ts(type = "number")]
    pub total_suggestions: i64,
    pub unavailable: Vec<Unavailable>,
    #[ts(type = "number")]
    pub total_unavailable: i64,
}

pub use rank::{assess, rank, Assessment};
