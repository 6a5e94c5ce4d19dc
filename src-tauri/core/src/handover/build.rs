//! Data minimisation: from the case as stored to the [`Handover`] document,
//! keeping only the categories the consent (or the acute-danger override)
//! covers. A field outside the scope never reaches the document.

use chrono::NaiveDate;

use super::{
    category_label, Handover, HandoverCase, HandoverConsent, HandoverPerson, HandoverRecipient,
    HandoverReferral, HandoverSender, CLIENT_SUPPORT, SCHEMA,
};
use crate::consents::{Consent, ConsentHow, GivenBy};
use crate::followup::{Agreement, Party};
use crate::matches::{Match, MatchStatus};
use crate::referrals::Referral;
use crate::requests::{HelpRequest, Urgency};
use crate::residents::{ContactPreference, NetworkRole, Resident};
use crate::store::time::{iso, stored_date};
use crate::vocab::DataCategory;
use crate::vocab::LifeArea;

/// Everything the handover may draw from.
pub struct Facts<'a> {
    pub resident: &'a Resident,
    pub request: &'a HelpRequest,
    pub referral: &'a Referral,
    pub matches: &'a [Match],
    pub agreements: &'a [Agreement],
    pub sender: HandoverSender,
}

/// On what ground the data is shared.
pub enum Basis<'a> {
    Consent(&'a Consent),
    /// Acute danger, no valid consent: the contact person's reason and choice.
    Override {
        reason: &'a str,
        categories: &'a [DataCategory],
    },
}

impl Basis<'_> {
    pub fn categories(&self) -> &[DataCategory] {
        match self {
            Basis::Consent(c) => &c.categories,
            Basis::Override { categories, .. } => categories,
        }
    }
}

fn dutch(d: &str) -> String {
    stored_date(d).map_or_else(|| d.to_owned(), |x| x.format("%d-%m-%Y").to_string())
}

fn some(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn life_area(a: LifeArea) -> &'static str {
    match a {
        LifeArea::Housing => "Wonen",
        LifeArea::Transport => "Vervoer",
        LifeArea::SocialContact => "Sociaal contact",
        LifeArea::Health => "Gezondheid",
        LifeArea::MoneyAndAdmin => "Geld en administratie",
        LifeArea::Household => "Huishouden",
        LifeArea::GardenAndOddJobs => "Tuin en klussen",
        LifeArea::Other => "Anders",
    }
}

fn urgency(u: Urgency) -> &'static str {
    match u {
        Urgency::Low => "Kan wachten",
        Urgency::Normal => "Normaal",
        Urgency::High => "Dringend",
    }
}

fn reach(r: &Resident) -> Option<String> {
    let how = match r.contact_preference {
        ContactPreference::Phone => "telefoon",
        ContactPreference::Email => "e-mail",
        ContactPreference::AtTheDoor => "langsgaan",
        ContactPreference::ViaProxy => "via de contactpersoon",
    };
    let time = some(&r.contact_time).map_or_else(String::new, |t| format!(", {t}"));
    Some(format!("Liefst {how}{time}"))
}

fn address(r: &Resident) -> Option<String> {
    let street = [r.street.trim(), r.house_number.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let place = [r.postcode.trim(), r.kern.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let all = [street, place]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    some(&all)
}

/// The informal carers and a proxy, in one readable text.
fn carers(r: &Resident) -> Option<String> {
    let mut lines: Vec<String> = r
        .network
        .iter()
        .filter(|m| m.role == NetworkRole::InformalCarer)
        .map(|m| {
            let mut line = format!("{} (mantelzorger)", m.name);
            if let Some(p) = some(&m.phone) {
                line.push_str(&format!(", {p}"));
            }
            if let Some(n) = some(&m.note) {
                line.push_str(&format!(": {n}"));
            }
            line
        })
        .collect();
    if let Some(proxy) = some(&r.proxy_name) {
        let relation = some(&r.proxy_relation).map_or_else(String::new, |x| format!(" ({x})"));
        lines.push(format!("Vraagt namens de bewoner: {proxy}{relation}"));
    }
    if lines.is_empty() {
        None
    } else {
        Some(lines.join("\n"))
    }
}

/// The agreements, one per line. Who from the network is named only with
/// `network` shared; else "Iemand uit het netwerk".
fn agreements(list: &[Agreement], network: bool) -> Option<String> {
    let lines: Vec<String> = list
        .iter()
        .filter(|a| !a.what.trim().is_empty())
        .map(|a| {
            let who = Some(a.who.trim()).filter(|w| !w.is_empty());
            let party = match (a.party, who) {
                (Party::Resident, _) => "De bewoner",
                (Party::Network, Some(w)) if network => w,
                (Party::Network, _) => "Iemand uit het netwerk",
                // Not the resident's own circle: named as entered.
                (Party::Volunteer | Party::Professional | Party::HelpPoint, Some(w)) => w,
                (Party::Volunteer, None) => "Een vrijwilliger",
                (Party::Professional, None) => "Een professional",
                (Party::HelpPoint, None) => "Het buurtpunt",
            };
            let mut line = format!("{party}: {}", a.what.trim());
            if let Some(done) = &a.done_on {
                line.push_str(&format!(" (gedaan op {})", super::pdf::dutch_date(done)));
            } else if let Some(due) = &a.due_on {
                line.push_str(&format!(" (uiterlijk {})", super::pdf::dutch_date(due)));
            }
            line
        })
        .collect();
    if lines.is_empty() {
        None
    } else {
        Some(lines.join("\n"))
    }
}

fn volunteers_did(f: &Facts<'_>) -> Option<String> {
    let mut lines: Vec<String> = f
        .matches
        .iter()
        .filter(|m| m.status != MatchStatus::Cancelled && m.status != MatchStatus::Proposed)
        .map(|m| {
            let mut line = m.volunteer_name.clone();
            if m.hours > 0.0 {
                line.push_str(&format!(
                    " ({} uur)",
                    format!("{}", m.hours).replace('.', ",")
                ));
            }
            if let Some(a) = some(&m.agreement) {
                line.push_str(&format!(": {a}"));
            }
            line
        })
        .collect();
    if let Some(text) = some(&f.referral.volunteers_did) {
        lines.insert(0, text);
    }
    if lines.is_empty() {
        None
    } else {
        Some(lines.join("\n"))
    }
}

fn statement(basis: &Basis<'_>, who: &str, recipient: &str) -> HandoverConsent {
    match basis {
        Basis::Consent(c) => {
            let given_by = match c.given_by {
                GivenBy::Resident => who.to_owned(),
                GivenBy::Representative => c.representative.clone(),
            };
            let how = match c.how {
                ConsentHow::Oral => "mondeling",
                ConsentHow::Written => "schriftelijk",
            };
            let what = c
                .categories
                .iter()
                .map(|x| category_label(*x).to_lowercase())
                .collect::<Vec<_>>()
                .join(", ");
            let until = c
                .valid_until
                .as_deref()
                .map_or_else(String::new, |u| format!(", geldig tot en met {}", dutch(u)));
            HandoverConsent {
                statement: format!(
                    "{given_by} gaf op {} {how} toestemming om deze gegevens te delen met {recipient}: {what}{until}.",
                    dutch(&c.given_on)
                ),
                given_by,
                given_on: c.given_on.clone(),
                how: how.to_owned(),
                scope: c.categories.clone(),
                valid_until: c.valid_until.clone(),
                override_reason: None,
            }
        }
        Basis::Override { reason, categories } => HandoverConsent {
            statement: "Er is geen geldige toestemming. De contactpersoon deelt deze gegevens omdat er acuut gevaar is."
                .to_owned(),
            given_by: String::new(),
            given_on: String::new(),
            how: String::new(),
            scope: categories.to_vec(),
            valid_until: None,
            override_reason: Some((*reason).to_owned()),
        },
    }
}

/// Build the handover document, keeping only what `basis` covers.
pub fn build(f: &Facts<'_>, basis: &Basis<'_>, made_on: NaiveDate) -> Handover {
    let scope = basis.categories();
    let has = |c: DataCategory| scope.contains(&c);
    let r = f.resident;
    let q = f.request;
    let name = format!("{} {}", r.first_name, r.last_name);
    fn keep<T>(scope: &[DataCategory], c: DataCategory, v: Option<T>) -> Option<T> {
        if scope.contains(&c) {
            v
        } else {
            None
        }
    }
    let who = if has(DataCategory::Identity) {
        name.clone()
    } else {
        "De bewoner".to_owned()
    };
    let recipient = f.referral.organisation.clone();
    Handover {
        schema: SCHEMA.to_owned(),
        reference: f.referral.reference.clone(),
        made_on: iso(made_on),
        sender: f.sender.clone(),
        recipient: HandoverRecipient {
            organisation: recipient.clone(),
            service: f.referral.service.clone(),
            contact: f.referral.contact.clone(),
        },
        person: HandoverPerson {
            name: keep(scope, DataCategory::Identity, Some(name)),
            birth_date: keep(scope, DataCategory::Identity, r.birth_date.clone()),
            address: keep(scope, DataCategory::Contact, address(r)),
            phone: keep(scope, DataCategory::Contact, some(&r.phone)),
            email: keep(scope, DataCategory::Contact, some(&r.email)),
            reach: keep(scope, DataCategory::Contact, reach(r)),
        },
        case: HandoverCase {
            ask: keep(scope, DataCategory::Question, some(&q.ask)),
            underlying_need: keep(scope, DataCategory::Question, some(&q.underlying_need)),
            life_areas: keep(
                scope,
                DataCategory::Question,
                Some(
                    q.life_areas
                        .iter()
                        .map(|a| life_area(*a).to_owned())
                        .collect(),
                ),
            ),
            own_strength: keep(scope, DataCategory::Network, some(&q.own_strength)),
            carer_situation: keep(scope, DataCategory::Network, carers(r)),
            tried: keep(scope, DataCategory::HelpSoFar, some(&q.tried)),
            volunteers_did: keep(scope, DataCategory::HelpSoFar, volunteers_did(f)),
            agreements: keep(
                scope,
                DataCategory::HelpSoFar,
                agreements(f.agreements, has(DataCategory::Network)),
            ),
        },
        referral: HandoverReferral {
            reason: keep(scope, DataCategory::Question, some(&f.referral.reason)),
            urgency: urgency(f.referral.urgency).to_owned(),
            melding_on: f.referral.melding_on.clone(),
            deadline: f.referral.deadline.clone(),
        },
        consent: statement(basis, &who, &recipient),
        withheld: DataCategory::ALL
            .iter()
            .copied()
            .filter(|c| !has(*c))
            .collect(),
        client_support: CLIENT_SUPPORT.to_owned(),
    }
}
