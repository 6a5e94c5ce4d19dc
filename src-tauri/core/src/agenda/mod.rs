//! The case discussion (casusoverleg): a contact person puts a request on
//! the group's agenda with a short description written for the meeting.
//! That text must not name anyone: [`check`] looks for the names, streets,
//! phone numbers, e-mail addresses, postcodes and dates of birth in the
//! database, and meeting mode shows an item only while it passes (checked
//! again each time it is shown). After the meeting the outcome goes back on
//! the request (and in its contact log).

mod check;
mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use check::{findings, Known};
pub use store::{create, for_request, mark_discussed, meeting, update, write_outcome};

use crate::text_enum;
use crate::vocab::LifeArea;

text_enum! {
    /// An age band instead of an age or a date of birth.
    pub enum AgeBand {
        Under30 => "under_30",
        From30To49 => "30_49",
        From50To64 => "50_64",
        From65To74 => "65_74",
        From75To84 => "75_84",
        From85 => "85_plus",
        Unknown => "unknown",
    }
}

text_enum! {
    /// op de agenda → besproken → uitkomst verwerkt.
    pub enum AgendaStatus {
        Agenda => "agenda",
        Discussed => "discussed",
        Done => "done",
    }
}

text_enum! {
    /// What kind of personal data the check found.
    pub enum FoundKind {
        Name => "name",
        Street => "street",
        Phone => "phone",
        Email => "email",
        Postcode => "postcode",
        BirthDate => "birth_date",
    }
}

/// What the "Op de agenda" form sends.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AgendaInput {
    /// The situation in a few sentences, without names.
    pub description: String,
    /// The question to the group.
    pub question: String,
    /// What was tried already.
    pub tried: String,
    pub life_area: Option<LifeArea>,
    pub kern: String,
    pub age_band: Option<AgeBand>,
}

/// Something in the text that is in the database: it must go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Finding {
    /// The field it is in (`description`, `question`, `tried`, `kern`).
    pub field: String,
    /// The word as the database holds it ("Jansen", "Kerkpad").
    pub word: String,
    pub kind: FoundKind,
}

/// An agenda item as the contact person sees it (on the request).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItem {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub request_id: i64,
    pub description: String,
    pub question: String,
    pub tried: String,
    pub life_area: LifeArea,
    pub kern: String,
    pub age_band: AgeBand,
    pub status: AgendaStatus,
    pub outcome: String,
    pub created_at: String,
    /// Personal data found in the text now; empty = it may be shown.
    pub findings: Vec<Finding>,
}

/// The anonymous text of an agenda item, for the shared screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingText {
    pub description: String,
    pub question: String,
    pub tried: String,
    pub life_area: LifeArea,
    pub kern: String,
    pub age_band: AgeBand,
}

/// An agenda item on the shared screen: no request, no resident; the text
/// only when it passed the check just now.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingItem {
    #[ts(type = "number")]
    pub id: i64,
    /// "Casus 1", "Casus 2", ... in agenda order.
    pub number: u32,
    pub status: AgendaStatus,
    /// `None`: the text is not anonymous yet and is not sent at all.
    pub text: Option<MeetingText>,
}
