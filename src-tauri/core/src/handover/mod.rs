//! The handover file (overdracht) for a professional, above all the Wmo-loket:
//! one [`Handover`] document, written as PDF, JSON and CSV. It holds only what
//! the resident's consent covers; what was left out is named in `withheld`.

pub mod build;
pub mod csv;
mod export;
pub mod pdf;

pub use export::{export, exports_of, ExportInput, ExportOutcome, ExportRecord};

use serde::Serialize;
use ts_rs::TS;

use crate::vocab::DataCategory;

/// The JSON schema id written into every handover file (see docs/overdracht.schema.json).
pub const SCHEMA: &str = "https://buurtpunt.nl/schema/overdracht/2";

/// The help point that hands over, and its contact person: whom the
/// receiver calls back.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HandoverSender {
    pub help_point: String,
    /// The help point's own number and address (Settings); may be empty
    /// when the contact person's phone is given.
    pub help_point_phone: String,
    pub help_point_email: String,
    pub contact_person: String,
    /// The contact person's own phone and email; may be empty when the
    /// help point's phone is given.
    pub phone: String,
    pub email: String,
}

impl HandoverSender {
    /// A number to call back on: the contact person's, else the help point's.
    pub fn callback_phone(&self) -> Option<&str> {
        [self.phone.trim(), self.help_point_phone.trim()]
            .into_iter()
            .find(|p| !p.is_empty())
    }
}

/// The organisation and service the case goes to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HandoverRecipient {
    pub organisation: String,
    pub service: String,
    pub contact: String,
}

/// Who the handover is about. `None` fields are outside the consent.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HandoverPerson {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub birth_date: Option<String>,
    /// Street, house number, postcode and kern on one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub email: Option<String>,
    /// How and when the resident prefers to be reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reach: Option<String>,
}

/// What is asked and what is known. `None` fields are outside the consent.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HandoverCase {
    /// The help needed, in the resident's own words.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ask: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub underlying_need: Option<String>,
    /// Life areas in Dutch ("Vervoer", "Gezondheid").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub life_areas: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub own_strength: Option<String>,
    /// The informal carer(s) and how they are doing.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub carer_situation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tried: Option<String>,
    /// What volunteers of the help point already did.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub volunteers_did: Option<String>,
    /// The agreements made on the request, one per line ("De bewoner: belt
    /// zelf de huisarts (uiterlijk 1 december 2026)"). A network member is
    /// named only when the network is shared too.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agreements: Option<String>,
}

/// Why the case is handed over.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HandoverReferral {
    /// Why, in the contact person's words: it speaks of the question (often
    /// health or money), so it is shared only with the `question` category.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<String>,
    /// In Dutch: "Normaal", "Dringend".
    pub urgency: String,
    /// For the Wmo-loket: the date of the melding, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub melding_on: Option<String>,
    /// Six weeks after the melding: the end of the investigation.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deadline: Option<String>,
}

/// The consent statement, or the override in acute danger.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HandoverConsent {
    /// One sentence in Dutch, e.g. "Mevrouw A. de Vries gaf op 20-11-2026
    /// mondeling toestemming om ... te delen met het Wmo-loket, geldig tot ...".
    pub statement: String,
    pub given_by: String,
    pub given_on: String,
    /// "mondeling" or "schriftelijk".
    pub how: String,
    pub scope: Vec<DataCategory>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub valid_until: Option<String>,
    /// Set when the contact person shared without consent in acute danger.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub override_reason: Option<String>,
}

/// The whole handover document.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Handover {
    #[serde(rename = "$schema")]
    pub schema: String,
    /// The case's reference (kenmerk) to quote when calling or answering,
    /// e.g. `BP-2026-0042`: the same on every handover of this referral.
    pub reference: String,
    /// `YYYY-MM-DD`.
    pub made_on: String,
    pub sender: HandoverSender,
    pub recipient: HandoverRecipient,
    pub person: HandoverPerson,
    pub case: HandoverCase,
    pub referral: HandoverReferral,
    pub consent: HandoverConsent,
    /// Categories left out because the consent does not cover them.
    pub withheld: Vec<DataCategory>,
    /// The line on the right to free cliëntondersteuning.
    pub client_support: String,
}

/// The sentence on cliëntondersteuning every handover carries (Wmo 2015, art. 2.2.4).
pub const CLIENT_SUPPORT: &str = "U hebt recht op gratis cliëntondersteuning: een onafhankelijke \
persoon die u helpt bij uw vraag aan de gemeente en bij het gesprek met het Wmo-loket. Vraag \
ernaar bij uw gemeente.";

/// Dutch name of a data category, as written in the files.
pub fn category_label(c: DataCategory) -> &'static str {
    match c {
        DataCategory::Identity => "Naam en geboortedatum",
        DataCategory::Contact => "Adres en contactgegevens",
        DataCategory::Question => "De hulpvraag en de vraag achter de vraag",
        DataCategory::Network => "Eigen kracht, netwerk en mantelzorg",
        DataCategory::HelpSoFar => "Wat al gedaan of geprobeerd is",
    }
}

/// The handover as pretty-printed UTF-8 JSON, described by
/// `docs/overdracht.schema.json`. Fields outside the consent (`None`) are left
/// out entirely, not written as `null`.
pub fn to_json(h: &Handover) -> crate::Result<Vec<u8>> {
    let mut out =
        serde_json::to_vec_pretty(h).map_err(|e| crate::Error::Handover(e.to_string()))?;
    out.push(b'\n');
    Ok(out)
}
