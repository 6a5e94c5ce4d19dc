//! Scoring and ordering. One code path computes both the score and the
//! reasons: for the rows a screen shows the reasons are kept, for all others
//! they are only counted (a [`Sink`] decides), so ranking 3 000 volunteers
//! builds a few dozen reason lists, not thousands.

use super::{Candidate, Reason, RequestFacts, Suggestion, Suggestions, Unavailable};
use super::{SHOW_SUGGESTIONS, SHOW_UNAVAILABLE};
use crate::vocab::{LifeArea, Mask};
use crate::volunteers::{LoadLevel, Mobility, VogState, VolunteerStatus};

/// The verdict on one candidate.
#[derive(Debug, Clone)]
pub enum Assessment {
    Suggested(Suggestion),
    Unavailable(Unavailable),
    /// Already linked to this request.
    AlreadyMatched,
}

/// Where computed reasons go. Reasons are made lazily, only when kept.
trait Sink {
    fn reason(&mut self, weight: i32, r: impl FnOnce() -> Reason);
    fn warning(&mut self, r: impl FnOnce() -> Reason);
    /// A hard rule; `limit`: only the volunteer's own limit (may be overridden).
    fn hard(&mut self, limit: bool, r: impl FnOnce() -> Reason);
}

#[derive(Default)]
struct Keep {
    reasons: Vec<(i32, Reason)>,
    warnings: Vec<Reason>,
    hard: Vec<Reason>,
}

impl Sink for Keep {
    fn reason(&mut self, weight: i32, r: impl FnOnce() -> Reason) {
        self.reasons.push((weight, r()));
    }
    fn warning(&mut self, r: impl FnOnce() -> Reason) {
        self.warnings.push(r());
    }
    fn hard(&mut self, _limit: bool, r: impl FnOnce() -> Reason) {
        self.hard.push(r());
    }
}

/// Counts only: whether every hard rule hit is a limit.
struct Count {
    only_limits: bool,
}

impl Sink for Count {
    fn reason(&mut self, _weight: i32, _r: impl FnOnce() -> Reason) {}
    fn warning(&mut self, _r: impl FnOnce() -> Reason) {}
    fn hard(&mut self, limit: bool, _r: impl FnOnce() -> Reason) {
        self.only_limits &= limit;
    }
}

/// The hard rules, in the order they are shown. `true` when any applies.
fn hard(req: &RequestFacts, c: &Candidate, sink: &mut impl Sink) -> bool {
    let mut any = false;
    if c.status != VolunteerStatus::Active {
        any = true;
        sink.hard(false, || Reason::Status { status: c.status });
    }
    if let Some((until, kind)) = &c.absent {
        any = true;
        sink.hard(false, || Reason::Absent {
            until: until.clone(),
            absence: *kind,
        });
    }
    for (id, name) in &req.skills {
        if c.refused.contains(id) {
            any = true;
            sink.hard(false, || Reason::RefusesTask {
                skill: name.clone(),
            });
        }
    }
    if req.needs_vog {
        match c.vog {
            VogState::Missing => {
                any = true;
                sink.hard(false, || Reason::VogMissing);
            }
            VogState::Expired => {
                any = true;
                sink.hard(false, || Reason::VogExpired {
                    until: c.vog_until.clone(),
                });
            }
            VogState::Valid | VogState::Expiring => {}
        }
    }
    let l = &c.load;
    if l.level.is_blocking() {
        any = true;
        let full = l.limit_matches.filter(|m| l.open_matches >= *m);
        if full.is_none() || l.week_load >= l.limit_hours {
            sink.hard(true, || Reason::AtLimit {
                load: l.week_load,
                limit: l.limit_hours,
                carer_hours: l.carer_hours,
            });
        }
        if let Some(m) = full {
            sink.hard(true, || Reason::MatchesFull {
                open: l.open_matches,
                limit: m,
            });
        }
    }
    any
}

/// The score of an available candidate, with its reasons and warnings.
fn score(req: &RequestFacts, c: &Candidate, not_asked_since: &str, sink: &mut impl Sink) -> i32 {
    let mut score = 0i32;
    // Skill and life area.
    let mut skill_hits = 0;
    for (id, name) in &req.skills {
        if c.skills.contains(id) {
            skill_hits += 1;
            sink.reason(30, || Reason::HasSkill {
                skill: name.clone(),
            });
        }
    }
    score += 30 * skill_hits;
    let shared_areas = c.area_mask & req.life_area_mask;
    if skill_hits == 0 && shared_areas != 0 {
        score += 15;
        if let Some(area) = LifeArea::from_mask(shared_areas).first() {
            sink.reason(15, || Reason::FitsLifeArea { area: *area });
        }
    }
    // Kern and distance.
    if !req.kern.is_empty() {
        if c.kern == req.kern {
            score += 20;
            sink.reason(20, || Reason::SameKern {
                kern: req.kern.clone(),
            });
        } else if c.kernen.contains(&req.kern) {
            score += 12;
            sink.reason(12, || Reason::ServesKern {
                kern: req.kern.clone(),
            });
        } else {
            score -= 8;
            sink.warning(|| Reason::OtherKern {
                kern: c.kern.clone(),
            });
        }
    }
    if req.life_area_mask & LifeArea::Transport.bit() != 0 {
        if c.mobility & Mobility::Car.bit() != 0 {
            score += 20;
            sink.reason(19, || Reason::HasCar);
        } else {
            score -= 20;
            sink.warning(|| Reason::NoCar);
        }
    }
    if let Some((from, until, kind)) = &c.away {
        score -= 5;
        sink.warning(|| Reason::AwayPart {
            from: from.clone(),
            until: until.clone(),
            absence: *kind,
        });
    }
    // Availability at the wanted time.
    if req.wanted_slots != 0 && c.availability != 0 {
        if req.wanted_slots & c.availability != 0 {
            score += 15;
            sink.reason(14, || Reason::AvailableAtWantedTime);
        } else {
            score -= 10;
            sink.warning(|| Reason::NotAtWantedTime);
        }
    }
    // Load against the limit.
    let l = &c.load;
    if l.hours_left > 0.0 && l.limit_hours > 0.0 {
        let free = (l.hours_left / l.limit_hours * 10.0).round() as i32;
        score += free;
        sink.reason(free, || Reason::HoursLeft {
            hours: l.hours_left,
        });
    }
    if l.level == LoadLevel::Near && !l.heavy_carer {
        score -= 10;
        // Each cause in its own words, with its own numbers.
        let month = l.month_near();
        let matches = l.matches_near();
        if l.week_near() || (!month && matches.is_none()) {
            sink.warning(|| Reason::NearLimit {
                load: l.week_load,
                limit: l.limit_hours,
                carer_hours: l.carer_hours,
            });
        }
        if month {
            sink.warning(|| Reason::MonthNearLimit {
                load: l.month_load,
                limit: l.month_limit,
            });
        }
        if let Some(limit) = matches {
            sink.warning(|| Reason::MatchesNear {
                open: l.open_matches,
                limit,
            });
        }
    }
    if l.heavy_carer {
        score -= 10;
        sink.warning(|| Reason::HeavyCarer {
            hours: l.carer_hours,
        });
    }
    if let Some(est) = req.estimated_hours.filter(|e| *e > l.hours_left) {
        score -= 5;
        sink.warning(|| Reason::WouldPassLimit {
            left: l.hours_left,
            estimate: est,
        });
    }
    // Continuity and a fair spread.
    if c.helped_before {
        score += 15;
        sink.reason(15, || Reason::HelpedBefore {
            resident: req.resident_name.clone(),
        });
    }
    match &c.last_asked_on {
        None => {
            score += 5;
            sink.reason(5, || Reason::NeverAsked);
        }
        Some(d) if d.as_str() < not_asked_since => {
            score += 5;
            sink.reason(5, || Reason::NotAskedSince { date: d.clone() });
        }
        Some(_) => {}
    }
    if req.needs_vog {
        match c.vog {
            VogState::Expiring => sink.warning(|| Reason::VogExpiring {
                until: c.vog_until.clone(),
            }),
            _ => sink.reason(1, || Reason::ValidVog),
        }
    }
    score
}

fn unavailable(c: &Candidate, hard: Vec<Reason>) -> Unavailable {
    let can_override = hard.iter().all(Reason::is_limit);
    Unavailable {
        volunteer_id: c.id,
        name: c.name.clone(),
        kern: c.kern.clone(),
        phone: String::new(),
        vog: c.vog,
        status: c.status,
        reasons: hard,
        can_override,
        load: c.load.clone(),
    }
}

/// Judge one candidate for one request, with all reasons. `not_asked_since`:
/// a last-asked date before this counts as "not asked for a long time".
pub fn assess(req: &RequestFacts, c: &Candidate, not_asked_since: &str) -> Assessment {
    if c.already_matched {
        return Assessment::AlreadyMatched;
    }
    let mut keep = Keep::default();
    if hard(req, c, &mut keep) {
        return Assessment::Unavailable(unavailable(c, keep.hard));
    }
    let score = score(req, c, not_asked_since, &mut keep);
    // Strongest reasons first; equal weights keep their computed order.
    keep.reasons.sort_by_key(|r| std::cmp::Reverse(r.0));
    Assessment::Suggested(Suggestion {
        volunteer_id: c.id,
        name: c.name.clone(),
        kern: c.kern.clone(),
        phone: String::new(),
        vog: c.vog,
        score,
        reasons: keep.reasons.into_iter().map(|(_, r)| r).collect(),
        warnings: keep.warnings,
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
/// lately (never asked first), then id; the unavailable ones with their
/// reasons, those that can be overridden first. Names are for display only:
/// the order never depends on them.
pub fn rank(req: &RequestFacts, candidates: &[Candidate], not_asked_since: &str) -> Suggestions {
    let mut fit: Vec<(i32, &Candidate)> = Vec::new();
    let mut out: Vec<(bool, &Candidate)> = Vec::new();
    for c in candidates.iter().filter(|c| !c.already_matched) {
        let mut count = Count { only_limits: true };
        if hard(req, c, &mut count) {
            out.push((count.only_limits, c));
        } else {
            fit.push((score(req, c, not_asked_since, &mut count), c));
        }
    }
    fit.sort_by(|(sa, a), (sb, b)| {
        sb.cmp(sa)
            .then_with(|| match (&a.last_asked_on, &b.last_asked_on) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(x), Some(y)) => x.cmp(y),
            })
            .then(a.id.cmp(&b.id))
    });
    out.sort_by(|(oa, a), (ob, b)| {
        ob.cmp(oa)
            .then(status_rank(a.status).cmp(&status_rank(b.status)))
            .then(a.id.cmp(&b.id))
    });
    let suggestions = fit
        .iter()
        .take(SHOW_SUGGESTIONS)
        .filter_map(|(_, c)| match assess(req, c, not_asked_since) {
            Assessment::Suggested(s) => Some(s),
            _ => None,
        })
        .collect();
    let unavailable = out
        .iter()
        .take(SHOW_UNAVAILABLE)
        .map(|(_, c)| {
            let mut keep = Keep::default();
            hard(req, c, &mut keep);
            unavailable(c, keep.hard)
        })
        .collect();
    Suggestions {
        request_id: req.request_id,
        needs_vog: req.needs_vog,
        no_task: req.skills.is_empty(),
        vog_from_areas: req.vog_from_areas.clone(),
        suggestions,
        total_suggestions: fit.len() as i64,
        unavailable,
        total_unavailable: out.len() as i64,
    }
}
