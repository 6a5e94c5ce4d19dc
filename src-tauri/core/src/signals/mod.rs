//! Signals (signalen): what contact persons and volunteers notice before it
//! is a help request — post piling up, a widower no longer at the shop. A
//! signal is about a resident, a street, a kern or the whole village, has a
//! concern from the group's own list, and goes nieuw → besproken → opgepakt
//! → afgesloten with what came of it. Signals with the same concern in one
//! place add up to a [`Pattern`]; one click makes that a collective request.
//!
//! Privacy: a signal about a named resident is sensitive. It always shows
//! who noted it, and signals closed with "niets nodig" are anonymised after
//! `signal_keep_months` (`retention::signals_at_unlock`).

mod figures;
mod links;
mod patterns;
mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use figures::{figures, Count, SignalFigures};
pub use links::{for_request, make_request};
#[cfg(test)]
pub(crate) use patterns::COUNTED;
pub use patterns::{make_collective_request, patterns, Pattern, PatternKey};
pub use store::{
    add_concern, change_status, concerns, create, for_resident, get, list, set_concern_hidden,
    update,
};

use crate::text_enum;
use crate::vocab::LifeArea;

/// The code of the concern "zorgen over veiligheid thuis": the form and the
/// signal then show where to go (Veilig Thuis, 112); volunteers do not handle it.
pub const HOME_SAFETY: &str = "home_safety";

text_enum! {
    /// Who noticed it.
    pub enum NoticerKind {
        ContactPerson => "contact_person",
        Volunteer => "volunteer",
        Anonymous => "anonymous",
    }
}

text_enum! {
    /// Where it is about: a street (within a kern), a kern, or the whole village.
    pub enum PlaceKind {
        Street => "street",
        Kern => "kern",
        Village => "village",
    }
}

text_enum! {
    /// nieuw → besproken → opgepakt → afgesloten.
    pub enum SignalStatus {
        New => "new",
        Discussed => "discussed",
        TakenUp => "taken_up",
        Closed => "closed",
    }
}

text_enum! {
    /// What came of a signal; "passed_on": to someone outside (huisarts,
    /// wijkagent, Veilig Thuis), named in `passed_to`.
    pub enum SignalOutcome {
        HelpRequest => "help_request",
        Referral => "referral",
        Collective => "collective",
        PassedOn => "passed_on",
        NothingNeeded => "nothing_needed",
    }
}

impl SignalStatus {
    /// Forward only, skipping steps is fine; closing from any open status.
    /// A closed signal stays closed (a new signal is noted instead).
    pub fn can_become(self, to: SignalStatus) -> bool {
        self != SignalStatus::Closed && to > self
    }

    /// The statuses this one may move to, in order (the UI asks).
    pub fn next(self) -> Vec<SignalStatus> {
        SignalStatus::ALL
            .iter()
            .copied()
            .filter(|to| self.can_become(*to))
            .collect()
    }
}

/// The place in words: "Kerkstraat, Oosterwolde", "Oosterwolde", "Heel het dorp".
pub fn place_label(kind: PlaceKind, street: &str, kern: &str) -> String {
    match kind {
        PlaceKind::Street if kern.is_empty() => street.to_owned(),
        PlaceKind::Street => format!("{street}, {kern}"),
        PlaceKind::Kern => kern.to_owned(),
        PlaceKind::Village => "Heel het dorp".to_owned(),
    }
}

/// A concern from the group's list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Concern {
    #[ts(type = "number")]
    pub id: i64,
    /// Set for the eight built-in concerns (`home_safety`, ...); own ones have none.
    pub code: Option<String>,
    pub label: String,
    /// The life area a signal with this concern gets unless chosen otherwise.
    pub life_area: LifeArea,
    pub hidden: bool,
    /// Signals use it: it can be hidden, never deleted.
    #[ts(type = "number")]
    pub used: i64,
}

/// A concern the group adds.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConcernInput {
    pub label: String,
    pub life_area: Option<LifeArea>,
}

/// What the signal form sends. Nothing is pre-chosen: who noticed it, where
/// and the concern must be chosen.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SignalInput {
    /// `YYYY-MM-DD`, not in the future.
    pub noticed_on: String,
    pub noticer_kind: Option<NoticerKind>,
    #[ts(type = "number | null")]
    pub contact_person_id: Option<i64>,
    /// The volunteer's resident id.
    #[ts(type = "number | null")]
    pub volunteer_id: Option<i64>,
    /// The resident it is about (optional); the place then follows from their address.
    #[ts(type = "number | null")]
    pub resident_id: Option<i64>,
    /// Needed without a resident.
    pub place_kind: Option<PlaceKind>,
    pub street: String,
    pub kern: String,
    #[ts(type = "number | null")]
    pub concern_id: Option<i64>,
    /// Default: the concern's life area.
    pub life_area: Option<LifeArea>,
    /// "Niet pluis": something is wrong, unclear what.
    pub not_right: bool,
    pub note: String,
}

/// A status step: to which status, and for closing (or taking up) what came of it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignalStep {
    pub to: SignalStatus,
    #[serde(default)]
    pub outcome: Option<SignalOutcome>,
    /// For "doorgegeven": to whom (huisarts, wijkagent, Veilig Thuis, ...).
    #[serde(default)]
    pub passed_to: String,
}

/// A signal as the list and its page show it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Signal {
    #[ts(type = "number")]
    pub id: i64,
    pub noticed_on: String,
    pub noticer_kind: NoticerKind,
    #[ts(type = "number | null")]
    pub contact_person_id: Option<i64>,
    #[ts(type = "number | null")]
    pub volunteer_id: Option<i64>,
    /// Who noted it (empty when anonymous).
    pub noticer_name: String,
    #[ts(type = "number | null")]
    pub resident_id: Option<i64>,
    pub resident_name: Option<String>,
    pub place_kind: PlaceKind,
    pub street: String,
    pub kern: String,
    pub place_label: String,
    #[ts(type = "number")]
    pub concern_id: i64,
    pub concern_label: String,
    /// The concern is "zorgen over veiligheid thuis": show where to go.
    pub home_safety: bool,
    pub life_area: LifeArea,
    pub not_right: bool,
    pub note: String,
    pub status: SignalStatus,
    /// The statuses it may move to ([`SignalStatus::next`]).
    pub allowed_next: Vec<SignalStatus>,
    pub outcome: Option<SignalOutcome>,
    pub passed_to: String,
    pub closed_on: Option<String>,
    /// The help request made from this signal.
    #[ts(type = "number | null")]
    pub request_id: Option<i64>,
    #[ts(type = "number | null")]
    pub referral_id: Option<i64>,
    /// The collective request its pattern became.
    #[ts(type = "number | null")]
    pub collective_request_id: Option<i64>,
}

/// Filters of the signal list; empty means all.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SignalQuery {
    pub status: Option<SignalStatus>,
    #[ts(type = "number | null")]
    pub concern_id: Option<i64>,
    #[ts(type = "number")]
    pub page: i64,
    #[ts(type = "number")]
    pub page_size: i64,
}

#[cfg(test)]
mod tests {
    use super::SignalStatus::*;
    use super::*;

    #[test]
    fn signals_move_forward_and_stay_closed() {
        assert_eq!(New.next(), vec![Discussed, TakenUp, Closed]);
        assert_eq!(TakenUp.next(), vec![Closed]);
        assert!(!Discussed.can_become(New));
        assert_eq!(Closed.next(), vec![]);
    }

    #[test]
    fn a_place_reads_as_street_and_kern_or_the_village() {
        assert_eq!(
            place_label(PlaceKind::Street, "Kerkstraat", "Oosterwolde"),
            "Kerkstraat, Oosterwolde"
        );
        assert_eq!(
            place_label(PlaceKind::Kern, "", "Oosterwolde"),
            "Oosterwolde"
        );
        assert_eq!(place_label(PlaceKind::Village, "x", "y"), "Heel het dorp");
    }
}
