//! Referrals (doorverwijzingen): from a request to a service on the social
//! map. concept → verstuurd → ontvangen → beantwoord / afgerond, with dates.
//! Sending needs the resident's valid consent for that recipient, or — only in
//! acute danger — an override with a reason, logged on the case. For the
//! Wmo-loket the melding date and the 6-week investigation deadline are kept.

mod store;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use store::{change_status, create, for_request, get, open_wmo, update};

use crate::requests::Urgency;
use crate::text_enum;

/// The Wmo investigation takes at most six weeks from the melding (Wmo 2015, art. 2.3.2).
pub const WMO_WEEKS: u64 = 6;

/// The last day of the Wmo investigation for a melding on `melding_on`.
pub fn wmo_deadline(melding_on: NaiveDate) -> NaiveDate {
    melding_on + Days::new(WMO_WEEKS * 7)
}

text_enum! {
    pub enum ReferralStatus {
        Concept => "concept",
        Sent => "sent",
        Received => "received",
        Answered => "answered",
        Closed => "closed",
    }
}

impl ReferralStatus {
    pub fn can_become(self, to: ReferralStatus) -> bool {
        use ReferralStatus::*;
        matches!(
            (self, to),
            (Concept, Sent)
                | (Sent, Received | Answered | Closed)
                | (Received, Answered | Closed)
                | (Answered, Closed)
                | (Concept, Closed)
        )
    }

    /// The statuses this one may move to, in lifecycle order.
    pub fn next(self) -> Vec<ReferralStatus> {
        ReferralStatus::ALL
            .iter()
            .copied()
            .filter(|to| self.can_become(*to))
            .collect()
    }
}

/// What the referral form sends. The recipient comes from the social map
/// (kept as it was at the time of referral).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReferralInput {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub service_id: Option<i64>,
    pub organisation: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub contact: String,
    /// The recipient is the municipality's Wmo-loket.
    #[serde(default)]
    pub wmo_desk: bool,
    pub reason: String,
    pub urgency: Urgency,
    /// What volunteers already did.
    #[serde(default)]
    pub volunteers_did: String,
}

/// A status step, with what that step records.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReferralStep {
    /// `YYYY-MM-DD`, the date of the step (default today).
    pub on_date: String,
    /// For sending to the Wmo-loket: the date of the melding (default the send date).
    pub melding_on: String,
    /// For "beantwoord": the answer of the recipient.
    pub answer: String,
    /// Sending without valid consent, only in acute danger: why.
    pub override_reason: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Referral {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub request_id: i64,
    #[ts(type = "number")]
    pub resident_id: i64,
    pub resident_name: String,
    #[ts(type = "number | null")]
    pub service_id: Option<i64>,
    pub organisation: String,
    pub service: String,
    pub contact: String,
    pub wmo_desk: bool,
    pub reason: String,
    pub urgency: Urgency,
    pub volunteers_did: String,
    pub status: ReferralStatus,
    /// The steps it may take next ([`ReferralStatus::next`]; the UI asks).
    pub allowed_next: Vec<ReferralStatus>,
    pub created_on: String,
    pub sent_on: Option<String>,
    pub received_on: Option<String>,
    pub answered_on: Option<String>,
    pub closed_on: Option<String>,
    pub melding_on: Option<String>,
    /// Six weeks after the melding.
    pub deadline: Option<String>,
    /// Days until the deadline (negative when passed); only while waiting.
    #[ts(type = "number | null")]
    pub days_left: Option<i64>,
    pub answer: String,
    /// The kenmerk the receiver quotes (see [`reference`]).
    pub reference: String,
    pub override_reason: String,
    /// A valid consent covers this recipient today.
    pub consent_ok: bool,
    /// What that consent lets the help point share (empty without consent).
    pub consent_categories: Vec<crate::vocab::DataCategory>,
}

/// The kenmerk of referral `id` made on `created_on` (`YYYY-MM-DD`):
/// `BP-<year>-<id, at least four digits>`. Fixed for the referral's life.
pub fn reference(id: i64, created_on: &str) -> String {
    let year = created_on.get(..4).unwrap_or("0000");
    format!("BP-{year}-{id:04}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kenmerk_holds_the_year_and_the_referral_number() {
        assert_eq!(reference(42, "2026-11-20"), "BP-2026-0042");
        assert_eq!(reference(123_456, "2027-01-02"), "BP-2027-123456");
    }

    #[test]
    fn the_wmo_investigation_ends_six_weeks_after_the_melding() -> crate::Result<()> {
        let d = crate::store::time::stored;
        assert_eq!(wmo_deadline(d("2026-11-20")?), d("2027-01-01")?);
        assert_eq!(wmo_deadline(d("2026-02-15")?), d("2026-03-29")?);
        // Across a leap day.
        assert_eq!(wmo_deadline(d("2028-02-01")?), d("2028-03-14")?);
        Ok(())
    }

    #[test]
    fn referrals_move_forward_only() {
        use ReferralStatus::*;
        assert!(Concept.can_become(Sent));
        assert!(Sent.can_become(Answered));
        assert!(!Answered.can_become(Sent));
        assert!(!Concept.can_become(Answered));
        assert_eq!(Concept.next(), vec![Sent, Closed]);
        assert_eq!(Sent.next(), vec![Received, Answered, Closed]);
        assert_eq!(Closed.next(), vec![]);
    }
}
