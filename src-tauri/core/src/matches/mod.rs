//! Matches (koppelingen): a volunteer linked to a help request, with what was
//! agreed. voorgesteld → akkoord → bezig → klaar / afgezegd; the request's
//! status follows.

mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use store::set_status;
pub use store::{change_status, create, for_request, for_volunteer, get, update_agreement};

use crate::text_enum;

text_enum! {
    pub enum MatchStatus {
        Proposed => "proposed",
        Agreed => "agreed",
        Active => "active",
        Done => "done",
        Cancelled => "cancelled",
    }
}

impl MatchStatus {
    pub fn is_open(self) -> bool {
        matches!(
            self,
            MatchStatus::Proposed | MatchStatus::Agreed | MatchStatus::Active
        )
    }

    /// Forward only; any open match can be called off.
    pub fn can_become(self, to: MatchStatus) -> bool {
        use MatchStatus::*;
        matches!(
            (self, to),
            (Proposed, Agreed | Active | Cancelled)
                | (Agreed, Active | Done | Cancelled)
                | (Active, Done | Cancelled)
        )
    }

    /// The statuses this one may move to, in lifecycle order.
    pub fn next(self) -> Vec<MatchStatus> {
        MatchStatus::ALL
            .iter()
            .copied()
            .filter(|to| self.can_become(*to))
            .collect()
    }
}

/// What the "Koppelen" form sends.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MatchInput {
    #[ts(type = "number")]
    pub request_id: i64,
    #[ts(type = "number")]
    pub volunteer_id: i64,
    /// What was agreed: who does what.
    pub agreement: String,
    /// `YYYY-MM-DD` or empty: when.
    pub planned_on: String,
    /// Start as "voorgesteld" (default) or straight as "akkoord".
    pub status: Option<MatchStatus>,
    /// Needed to go over a volunteer's limit: why it is still right.
    pub override_reason: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Match {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub request_id: i64,
    #[ts(type = "number")]
    pub volunteer_id: i64,
    pub volunteer_name: String,
    /// `None` for a collective request (street or village).
    #[ts(type = "number | null")]
    pub resident_id: Option<i64>,
    /// The resident's name, or the place of a collective request.
    pub resident_name: String,
    /// The first 160 characters of the request's ask.
    pub ask: String,
    pub status: MatchStatus,
    /// The statuses it may move to ([`MatchStatus::next`]; the UI asks).
    pub allowed_next: Vec<MatchStatus>,
    pub agreement: String,
    pub planned_on: Option<String>,
    pub override_reason: String,
    pub asked_on: String,
    pub closed_on: Option<String>,
    pub close_note: String,
    pub hours: f64,
    pub km: f64,
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::MatchStatus::*;

    #[test]
    fn matches_move_forward_and_can_be_called_off() {
        assert!(Proposed.can_become(Agreed));
        assert!(Agreed.can_become(Active));
        assert!(Active.can_become(Done));
        assert!(Proposed.can_become(Cancelled));
        assert!(!Done.can_become(Active));
        assert!(!Cancelled.can_become(Agreed));
        assert!(!Proposed.can_become(Done));
    }

    #[test]
    fn the_next_statuses_follow_the_rule() {
        assert_eq!(Proposed.next(), vec![Agreed, Active, Cancelled]);
        assert_eq!(Active.next(), vec![Done, Cancelled]);
        assert_eq!(Done.next(), vec![]);
    }
}
