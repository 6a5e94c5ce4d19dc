//! Help requests (hulpvragen): what a resident asks, the question behind the
//! question, their own strength, and the lifecycle up to closing.

mod contact_log;
mod page;
mod search_index;
mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use contact_log::insert as log_event;
pub use contact_log::{add_note, ContactEntry};
pub use page::open;
pub(crate) use search_index::reindex_resident;
pub use store::{
    advice, change_status, close, create, get, list, needing_attention, update, Attention,
    LIST_COUNT_CAP, SEARCH_WINDOW,
};
pub(crate) use store::{insert, resident_of, set_status, status_of};

use crate::professional::ProfessionalFlag;
use crate::text_enum;
use crate::validate::{self, Check, LONG, SHORT};
use crate::vocab::{LifeArea, Rule};

text_enum! {
    /// How the request reached the help point.
    pub enum Channel {
        Phone => "phone",
        AtTheDoor => "at_the_door",
        HelpPoint => "help_point",
        ViaSomeoneElse => "via_someone_else",
        WmoDesk => "wmo_desk",
    }
}

text_enum! {
    pub enum Urgency {
        Low => "low",
        Normal => "normal",
        High => "high",
    }
}

text_enum! {
    /// For whom: one person, a street, or the whole village.
    pub enum Scope {
        Individual => "individual",
        Street => "street",
        Village => "village",
    }
}

text_enum! {
    /// Why a request was closed: need met, referred, no capacity, no longer
    /// needed, declined by the resident, other (with text).
    pub enum CloseKind {
        NeedMet => "need_met",
        Referred => "referred",
        NoCapacity => "no_capacity",
        NoLongerNeeded => "no_longer_needed",
        Declined => "declined",
        Other => "other",
    }
}

impl CloseKind {
    /// The closed status this reason leads to.
    pub fn status(self) -> Status {
        match self {
            CloseKind::NeedMet => Status::Done,
            CloseKind::Referred => Status::Referred,
            _ => Status::Lapsed,
        }
    }
}

/// What the "Afsluiten" form sends.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CloseInput {
    pub kind: CloseKind,
    /// Needed for "other"; a short explanation otherwise.
    #[serde(default)]
    pub note: String,
    /// What came of it: the result for the resident.
    #[serde(default)]
    pub outcome: String,
}

text_enum! {
    /// nieuw → in behandeling → gekoppeld → afgerond / doorverwezen / vervallen.
    pub enum Status {
        New => "new",
        InProgress => "in_progress",
        Matched => "matched",
        Done => "done",
        Referred => "referred",
        Lapsed => "lapsed",
    }
}

impl Status {
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Referred | Status::Lapsed)
    }

    /// The lifecycle: forward steps, closing from any open state, and
    /// reopening a closed request (back to "in behandeling").
    pub fn can_become(self, to: Status) -> bool {
        use Status::*;
        match (self, to) {
            (a, b) if a == b => false,
            (_, New) => false,
            (a, InProgress) => a == New || a == Matched || a.is_closed(),
            (a, Matched) => a == New || a == InProgress,
            (a, _) => !a.is_closed(),
        }
    }

    /// The open statuses this one may move to, in lifecycle order. Closing
    /// has its own step (`close`, with a typed reason).
    pub fn open_steps(self) -> Vec<Status> {
        Status::ALL
            .iter()
            .copied()
            .filter(|to| !to.is_closed() && self.can_become(*to))
            .collect()
    }
}

/// What the request form sends.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequestInput {
    /// Needed for an individual request; a street or village request may have none.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub resident_id: Option<i64>,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    pub channel: Channel,
    pub ask: String,
    #[serde(default)]
    pub underlying_need: String,
    #[serde(default)]
    pub life_areas: Vec<LifeArea>,
    #[serde(default)]
    pub own_strength: String,
    #[serde(default)]
    pub tried: String,
    pub urgency: Urgency,
    /// `YYYY-MM-DD` or empty.
    #[serde(default)]
    pub due_on: String,
    pub scope: Scope,
    #[serde(default)]
    pub scope_note: String,
    /// Tasks asked for (skill ids), for matching.
    #[serde(default)]
    #[ts(type = "number[]")]
    pub skills: Vec<i64>,
    /// A VOG is needed (work with a vulnerable person).
    #[serde(default)]
    pub needs_vog: bool,
    /// Week-grid bits of when help is wanted; 0 = any time.
    #[serde(default)]
    pub wanted_slots: u32,
    /// How many volunteers are needed (collective requests may need several).
    #[serde(default = "one")]
    #[ts(type = "number")]
    pub volunteers_needed: i64,
    /// Estimated hours, as typed ("2" or "1,5"), or empty.
    #[serde(default)]
    pub estimated_hours: String,
    /// Goal for the short term.
    #[serde(default)]
    pub goal_short: String,
    /// Goal for the long term.
    #[serde(default)]
    pub goal_long: String,
    /// Signs of professional work (personal care, debts, ...).
    #[serde(default)]
    pub flags: Vec<ProfessionalFlag>,
}

fn one() -> i64 {
    1
}

impl Default for RequestInput {
    fn default() -> Self {
        RequestInput {
            resident_id: None,
            received_on: String::new(),
            channel: Channel::Phone,
            ask: String::new(),
            underlying_need: String::new(),
            life_areas: Vec::new(),
            own_strength: String::new(),
            tried: String::new(),
            urgency: Urgency::Normal,
            due_on: String::new(),
            scope: Scope::Individual,
            scope_note: String::new(),
            skills: Vec::new(),
            needs_vog: false,
            wanted_slots: 0,
            volunteers_needed: 1,
            estimated_hours: String::new(),
            goal_short: String::new(),
            goal_long: String::new(),
            flags: Vec::new(),
        }
    }
}

/// A request as shown on its own page.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HelpRequest {
    #[ts(type = "number")]
    pub id: i64,
    /// `None` for a collective request (street or village) without a resident.
    #[ts(type = "number | null")]
    pub resident_id: Option<i64>,
    /// The resident's name, or for a collective request the place
    /// ("Kerkstraat, Oosterwolde", "Heel het dorp").
    pub resident_name: String,
    pub kern: String,
    pub received_on: String,
    pub channel: Channel,
    pub ask: String,
    pub underlying_need: String,
    pub life_areas: Vec<LifeArea>,
    pub own_strength: String,
    pub tried: String,
    pub urgency: Urgency,
    pub due_on: Option<String>,
    pub scope: Scope,
    pub scope_note: String,
    pub status: Status,
    /// What "Status wijzigen" offers: the open statuses this request may move
    /// to ([`Status::open_steps`]; the UI asks, it does not copy the rule).
    pub allowed_next: Vec<Status>,
    /// Open, so it can be closed (with a typed reason).
    pub can_close: bool,
    pub close_reason: String,
    pub created_at: String,
    pub updated_at: String,
    pub contact_log: Vec<ContactEntry>,
    pub skills: Vec<crate::vocab::SkillRef>,
    pub needs_vog: bool,
    pub wanted_slots: u32,
    #[ts(type = "number")]
    pub volunteers_needed: i64,
    pub estimated_hours: Option<f64>,
    pub goal_short: String,
    pub goal_long: String,
    pub outcome: String,
    pub close_kind: Option<CloseKind>,
    pub flags: Vec<ProfessionalFlag>,
}

/// One row of a request list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequestSummary {
    #[ts(type = "number")]
    pub id: i64,
    /// `None` for a collective request without a resident.
    #[ts(type = "number | null")]
    pub resident_id: Option<i64>,
    /// The resident's name, or the place of a collective request.
    pub resident_name: String,
    pub kern: String,
    pub received_on: String,
    /// The first 160 characters of the ask.
    pub ask: String,
    pub status: Status,
    pub urgency: Urgency,
    pub due_on: Option<String>,
    pub life_areas: Vec<LifeArea>,
}

/// Filters of the request list; empty means "all".
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct RequestQuery {
    pub text: String,
    pub status: Option<Status>,
    /// Only open requests (new, in progress, matched).
    pub open_only: bool,
    pub life_area: Option<LifeArea>,
    pub kern: String,
    pub urgency: Option<Urgency>,
    #[ts(type = "number | null")]
    pub resident_id: Option<i64>,
    #[ts(type = "number")]
    pub page: i64,
    #[ts(type = "number")]
    pub page_size: i64,
    /// The next page: the rows after this one (the last row shown), newest
    /// first. Not used with a search text (ranked, paged by number).
    #[ts(optional)]
    pub after: Option<RequestKey>,
    /// The previous page: the rows before this one (the first row shown).
    #[ts(optional)]
    pub before: Option<RequestKey>,
}

/// Where a row stands in the request list (its order: received, newest
/// first, then id).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequestKey {
    pub received_on: String,
    #[ts(type = "number")]
    pub id: i64,
}

pub(crate) struct Clean {
    pub input: RequestInput,
    pub received_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub estimated_hours: Option<f64>,
}

impl RequestInput {
    pub(crate) fn validate(mut self, today: NaiveDate) -> crate::Result<Clean> {
        let mut c = Check::new();
        self.ask = validate::clean(&self.ask);
        self.scope_note = validate::clean(&self.scope_note);
        c.required("ask", &self.ask).max_len("ask", &self.ask, LONG);
        for (field, value) in [
            ("underlyingNeed", &self.underlying_need),
            ("ownStrength", &self.own_strength),
            ("tried", &self.tried),
            ("goalShort", &self.goal_short),
            ("goalLong", &self.goal_long),
        ] {
            c.max_len(field, value, LONG);
        }
        c.max_len("scopeNote", &self.scope_note, SHORT);
        c.rule(
            "residentId",
            Rule::Required,
            self.scope == Scope::Individual && self.resident_id.is_none(),
        );
        let received_on = validate::date(&mut c, "receivedOn", &self.received_on, true);
        c.not_after("receivedOn", received_on, today);
        let due_on = validate::date(&mut c, "dueOn", &self.due_on, false);
        if let (Some(r), Some(d)) = (received_on, due_on) {
            c.rule("dueOn", Rule::Date, d < r);
        }
        self.life_areas.sort();
        self.life_areas.dedup();
        self.skills.sort_unstable();
        self.skills.dedup();
        self.flags.sort();
        self.flags.dedup();
        c.rule(
            "wantedSlots",
            Rule::Choice,
            self.wanted_slots & !crate::vocab::WEEK_MASK != 0,
        );
        c.rule(
            "volunteersNeeded",
            Rule::Number,
            !(1..=50).contains(&self.volunteers_needed),
        );
        let estimated_hours =
            validate::number(&mut c, "estimatedHours", &self.estimated_hours, 0.25, 200.0);
        c.finish()?;
        let received_on = received_on.ok_or_else(|| crate::Error::Invalid(Vec::new()))?;
        Ok(Clean {
            input: self,
            received_on,
            due_on,
            estimated_hours,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Status::*;

    #[test]
    fn the_lifecycle_moves_forward_and_can_reopen() {
        assert!(New.can_become(InProgress));
        assert!(InProgress.can_become(Matched));
        assert!(Matched.can_become(Done));
        assert!(New.can_become(Referred));
        assert!(Done.can_become(InProgress));
        assert!(!Done.can_become(Matched));
        assert!(!Done.can_become(Lapsed));
        assert!(!InProgress.can_become(New));
        assert!(!New.can_become(New));
    }

    #[test]
    fn the_open_steps_are_what_status_change_offers() {
        assert_eq!(New.open_steps(), vec![InProgress, Matched]);
        assert_eq!(InProgress.open_steps(), vec![Matched]);
        assert_eq!(Matched.open_steps(), vec![InProgress]);
        for closed in [Done, Referred, Lapsed] {
            assert_eq!(closed.open_steps(), vec![InProgress]);
        }
    }
}
