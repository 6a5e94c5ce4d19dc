//! Match suggestions: which volunteers fit a help request, in a fixed order,
//! each with the computed reasons in words a contact person understands.
//!
//! Ranking is a pure function of the request and the candidates ([`rank`]),
//! so it is deterministic and testable without a database; [`suggest`] loads
//! the facts from the store and calls it.

mod facts;

use serde::Serialize;
use ts_rs::TS;

pub use facts::{candidate, request_facts, suggest};

use crate::requests::LifeArea;
use crate::volunteers::{AbsenceKind, Load, LoadLevel, Mobility, VogState, VolunteerStatus};

/// How many suggestions and unavailable volunteers a screen shows.
pub const SHOW_SUGGESTIONS: usize = 20;
pub const SHOW_UNAVAILABLE: usize = 50;

/// What a request needs, as matching sees it.
#[derive(Debug, Clone, Default)]
pub struct RequestFacts {
    pub request_id: i64,
    pub resident_id: i64,
    pub resident_name: String,
    pub kern: String,
    pub life_area_mask: i64,
    /// The tasks asked for: (skill id, name).
    pub skills: Vec<(i64, String)>,
    /// A VOG is needed: set on the request or by one of its tasks.
    pub needs_vog: bool,
    /// Week-grid bits of when help is wanted; 0 = any time.
    pub wanted_slots: u32,
    pub estimated_hours: Option<f64>,
}

impl RequestFacts {
    fn is_transport(&self) -> bool {
        self.life_area_mask & LifeArea::Transport.bit() != 0
    }
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
    /// Absent today: until when and why.
    pub absent: Option<(String, AbsenceKind)>,
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
    AtLimit {
        load: f64,
        limit: f64,
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
    pub suggestions: Vec<Suggestion>,
    #[ts(type = "number")]
    pub total_suggestions: i64,
    pub unavailable: Vec<Unavailable>,
    #[ts(type = "number")]
    pub total_unavailable: i64,
}

/// The verdict on one candidate.
#[derive(Debug, Clone)]
pub enum Assessment {
    Suggested(Suggestion),
    Unavailable(Unavailable),
    /// Already linked to this request.
    AlreadyMatched,
}

/// The hard rules, in the order they are shown.
fn hard_reasons(req: &RequestFacts, c: &Candidate) -> Vec<Reason> {
    let mut out = Vec::new();
    if c.status != VolunteerStatus::Active {
        out.push(Reason::Status { status: c.status });
    }
    if let Some((until, kind)) = &c.absent {
        out.push(Reason::Absent {
            until: until.clone(),
            absence: *kind,
        });
    }
    for (id, name) in &req.skills {
        if c.refused.contains(id) {
            out.push(Reason::RefusesTask {
                skill: name.clone(),
            });
        }
    }
    if req.needs_vog {
        match c.vog {
            VogState::Missing => out.push(Reason::VogMissing),
            VogState::Expired => out.push(Reason::VogExpired {
                until: c.vog_until.clone(),
            }),
            VogState::Valid | VogState::Expiring => {}
        }
    }
    let l = &c.load;
    if l.level.is_blocking() {
        if l.week_load >= l.limit_hours {
            out.push(Reason::AtLimit {
                load: l.week_load,
                limit: l.limit_hours,
            });
        }
        if let Some(m) = l.limit_matches.filter(|m| l.open_matches >= *m) {
            out.push(Reason::MatchesFull {
                open: l.open_matches,
                limit: m,
            });
        }
    }
    out
}

/// Judge one candidate for one request. `not_asked_since`: a last-asked date
/// before this counts as "not asked for a long time".
pub fn assess(req: &RequestFacts, c: &Candidate, not_asked_since: &str) -> Assessment {
    if c.already_matched {
        return Assessment::AlreadyMatched;
    }
    let hard = hard_reasons(req, c);
    if !hard.is_empty() {
        let can_override = hard.iter().all(Reason::is_limit);
        return Assessment::Unavailable(Unavailable {
            volunteer_id: c.id,
            name: c.name.clone(),
            kern: c.kern.clone(),
            status: c.status,
            reasons: hard,
            can_override,
            load: c.load.clone(),
        });
    }
    let mut score = 0i32;
    let mut reasons: Vec<(i32, Reason)> = Vec::new();
    let mut warnings = Vec::new();
    // Skill and life area.
    let mut skill_hits = 0;
    for (id, name) in &req.skills {
        if c.skills.contains(id) {
            skill_hits += 1;
            reasons.push((
                30,
                Reason::HasSkill {
                    skill: name.clone(),
                },
            ));
        }
    }
    score += 30 * skill_hits;
    let shared_areas = c.area_mask & req.life_area_mask;
    if skill_hits == 0 && shared_areas != 0 {
        score += 15;
        if let Some(area) = LifeArea::from_mask(shared_areas).first() {
            reasons.push((15, Reason::FitsLifeArea { area: *area }));
        }
    }
    // Kern and distance.
    let has_car = c.mobility & Mobility::Car.bit() != 0;
    if !req.kern.is_empty() {
        if c.kern == req.kern {
            score += 20;
            reasons.push((
                20,
                Reason::SameKern {
                    kern: req.kern.clone(),
                },
            ));
        } else if c.kernen.contains(&req.kern) {
            score += 12;
            reasons.push((
                12,
                Reason::ServesKern {
                    kern: req.kern.clone(),
                },
            ));
        } else {
            score -= 8;
            warnings.push(Reason::OtherKern {
                kern: c.kern.clone(),
            });
        }
    }
    if req.is_transport() {
        if has_car {
            score += 20;
            reasons.push((19, Reason::HasCar));
        } else {
            score -= 20;
            warnings.push(Reason::NoCar);
        }
    }
    // Availability at the wanted time.
    if req.wanted_slots != 0 && c.availability != 0 {
        if req.wanted_slots & c.availability != 0 {
            score += 15;
            reasons.push((14, Reason::AvailableAtWantedTime));
        } else {
            score -= 10;
            warnings.push(Reason::NotAtWantedTime);
        }
    }
    // Load against the limit.
    let l = &c.load;
    if l.hours_left > 0.0 && l.limit_hours > 0.0 {
        let free = (l.hours_left / l.limit_hours * 10.0).round() as i32;
        score += free;
        reasons.push((
            free,
            Reason::HoursLeft {
                hours: l.hours_left,
            },
        ));
    }
    if l.level == LoadLevel::Near && !l.heavy_carer {
        score -= 10;
        warnings.push(Reason::NearLimit {
            load: l.week_load,
            limit: l.limit_hours,
        });
    }
    if l.heavy_carer {
        score -= 10;
        warnings.push(Reason::HeavyCarer {
            hours: l.carer_hours,
        });
    }
    if let Some(est) = req.estimated_hours.filter(|e| *e > l.hours_left) {
        score -= 5;
        warnings.push(Reason::WouldPassLimit {
            left: l.hours_left,
            estimate: est,
        });
    }
    // Continuity and a fair spread.
    if c.helped_before {
        score += 15;
        reasons.push((
            15,
            Reason::HelpedBefore {
                resident: req.resident_name.clone(),
            },
        ));
    }
    match &c.last_asked_on {
        None => {
            score += 5;
            reasons.push((5, Reason::NeverAsked));
        }
        Some(d) if d.as_str() < not_asked_since => {
            score += 5;
            reasons.push((5, Reason::NotAskedSince { date: d.clone() }));
        }
        Some(_) => {}
    }
    if req.needs_vog {
        match c.vog {
            VogState::Expiring => warnings.push(Reason::VogExpiring {
                until: c.vog_until.clone(),
            }),
            _ => reasons.push((1, Reason::ValidVog)),
        }
    }
    // Strongest reasons first; equal weights keep their computed order.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.0));
    Assessment::Suggested(Suggestion {
        volunteer_id: c.id,
        name: c.name.clone(),
        kern: c.kern.clone(),
        score,
        reasons: reasons.into_iter().map(|(_, r)| r).collect(),
        warnings,
        load: c.load.clone(),
        last_asked_on: c.last_asked_on.clone(),
    })
}

fn status_rank(s: VolunteerStatus) -> u8 {
    match s {
        VolunteerStatus::Active => 0,
        VolunteerStatus::Applied => 1,
        VolunteerStatus::Paused => 2,
        VolunteerStatus::Stopped => 3,
    }
}

/// Rank all candidates: suggestions by score, then the one asked least
/// lately (never asked first), then name and id; the unavailable ones with
/// their reasons, those that can be overridden first.
pub fn rank(req: &RequestFacts, candidates: &[Candidate], not_asked_since: &str) -> Suggestions {
    let mut suggestions = Vec::new();
    let mut unavailable = Vec::new();
    for c in candidates {
        match assess(req, c, not_asked_since) {
            Assessment::Suggested(s) => suggestions.push(s),
            Assessment::Unavailable(u) => unavailable.push(u),
            Assessment::AlreadyMatched => {}
        }
    }
    suggestions.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| match (&a.last_asked_on, &b.last_asked_on) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(x), Some(y)) => x.cmp(y),
            })
            .then_with(|| a.name.cmp(&b.name))
            .then(a.volunteer_id.cmp(&b.volunteer_id))
    });
    unavailable.sort_by(|a, b| {
        b.can_override
            .cmp(&a.can_override)
            .then(status_rank(a.status).cmp(&status_rank(b.status)))
            .then_with(|| a.name.cmp(&b.name))
            .then(a.volunteer_id.cmp(&b.volunteer_id))
    });
    let total_suggestions = suggestions.len() as i64;
    let total_unavailable = unavailable.len() as i64;
    suggestions.truncate(SHOW_SUGGESTIONS);
    unavailable.truncate(SHOW_UNAVAILABLE);
    Suggestions {
        request_id: req.request_id,
        needs_vog: req.needs_vog,
        suggestions,
        total_suggestions,
        unavailable,
        total_unavailable,
    }
}
