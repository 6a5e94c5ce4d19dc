//! What the forms (and the HSDS import) send, and its validation.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{MoreContact, OpeningHours, ServiceStatus};
use crate::professional::ProfessionalFlag;
use crate::validate::{self, Check, SHORT};
use crate::vocab::LifeArea;
use crate::vocab::Rule;

/// Longest descriptive text (description, how to apply, opening hours).
pub const TEXT: usize = 4_000;

/// The organisation form.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct OrganisationInput {
    pub name: String,
    pub description: String,
    pub email: String,
    pub website: String,
    pub phone: String,
    /// Its other phone numbers; `None` leaves them as they are.
    pub more_phones: Option<Vec<String>>,
    /// Its addresses, all of them (missing ones are removed); `None` leaves
    /// them as they are.
    pub locations: Option<Vec<LocationInput>>,
}

/// One address of an organisation, on its form.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct LocationInput {
    /// The stored location this edits; `None` for a new one.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub name: String,
    pub address_1: String,
    pub address_2: String,
    pub postal_code: String,
    pub city: String,
    pub state_province: String,
}

/// The provinces of the Netherlands, as an address names them.
pub const PROVINCES: &[&str] = &[
    "Drenthe",
    "Flevoland",
    "Friesland",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
];

impl LocationInput {
    /// Trimmed and checked; `field` errors are prefixed `locations.N.`.
    /// An imported address may lack its province (`need_province` false).
    pub fn check(&mut self, c: &mut Check, at: usize, need_province: bool) {
        for v in [
            &mut self.name,
            &mut self.address_1,
            &mut self.address_2,
            &mut self.city,
            &mut self.state_province,
        ] {
            *v = validate::clean(v);
        }
        if let Some(pc) = validate::postcode(&self.postal_code) {
            self.postal_code = pc;
        }
        if let Some(p) = PROVINCES
            .iter()
            .find(|p| p.eq_ignore_ascii_case(self.state_province.trim()))
        {
            self.state_province = (*p).to_owned();
        }
        let f = |name: &str| format!("locations.{at}.{name}");
        c.name(&f("name"), &self.name)
            .max_len(&f("name"), &self.name, SHORT)
            .required(&f("address1"), &self.address_1)
            .max_len(&f("address1"), &self.address_1, SHORT)
            .max_len(&f("address2"), &self.address_2, SHORT)
            .required(&f("postalCode"), &self.postal_code)
            .postcode(&f("postalCode"), &self.postal_code)
            .required(&f("city"), &self.city)
            .max_len(&f("city"), &self.city, SHORT)
            .rule(
                &f("stateProvince"),
                Rule::Required,
                need_province && self.state_province.is_empty(),
            )
            .choice(
                &f("stateProvince"),
                self.state_province.is_empty() || PROVINCES.contains(&self.state_province.as_str()),
            );
    }
}

/// The service form.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ServiceInput {
    pub name: String,
    pub description: String,
    pub status: ServiceStatus,
    pub url: String,
    pub email: String,
    #[ts(type = "number | null")]
    pub minimum_age: Option<i64>,
    #[ts(type = "number | null")]
    pub maximum_age: Option<i64>,
    /// The organisation's locations where it is given; `None` leaves them.
    #[ts(type = "number[] | null")]
    pub location_ids: Option<Vec<i64>>,
    pub application_process: String,
    pub eligibility_description: String,
    pub fees_description: String,
    /// Comma-separated: "Nederlands, Fries".
    pub languages: String,
    pub service_area: String,
    pub schedule: String,
    /// Opening hours as structure; `None` leaves them (a changed `schedule`
    /// text drops them).
    pub schedules: Option<Vec<OpeningHours>>,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    /// Other numbers of the contact; `None` leaves them as they are.
    pub more_phones: Option<Vec<String>>,
    /// Its other contacts; `None` leaves them as they are.
    pub more_contacts: Option<Vec<MoreContact>>,
    pub wmo_desk: bool,
    pub flags: Vec<ProfessionalFlag>,
    pub areas: Vec<LifeArea>,
}

impl OrganisationInput {
    /// Trimmed and checked; field errors name the form's fields.
    pub fn validate(mut self) -> crate::Result<Self> {
        for v in [
            &mut self.name,
            &mut self.description,
            &mut self.email,
            &mut self.website,
            &mut self.phone,
        ] {
            *v = validate::clean(v);
        }
        let mut c = Check::new();
        c.required("name", &self.name)
            .name("name", &self.name)
            .max_len("name", &self.name, SHORT)
            .max_len("description", &self.description, TEXT)
            .max_len("email", &self.email, SHORT)
            .email("email", &self.email)
            .max_len("website", &self.website, SHORT)
            .rule("website", Rule::Url, !website_ok(&self.website))
            .rule("phone", Rule::Phone, !phone_ok(&self.phone))
            .rule(
                "morePhones",
                Rule::Phone,
                self.more_phones.iter().flatten().any(|p| !phone_ok(p)),
            );
        for (i, l) in self.locations.iter_mut().flatten().enumerate() {
            l.check(&mut c, i, true);
        }
        c.finish()?;
        self.website = with_scheme(&self.website);
        Ok(self)
    }
}

impl ServiceInput {
    pub fn validate(mut self) -> crate::Result<Self> {
        for v in [
            &mut self.name,
            &mut self.description,
            &mut self.url,
            &mut self.email,
            &mut self.application_process,
            &mut self.eligibility_description,
            &mut self.fees_description,
            &mut self.service_area,
            &mut self.schedule,
            &mut self.contact_name,
            &mut self.contact_phone,
            &mut self.contact_email,
        ] {
            *v = validate::clean(v);
        }
        self.languages = languages(&self.languages);
        self.flags.sort();
        self.flags.dedup();
        self.areas.sort();
        self.areas.dedup();
        let mut c = Check::new();
        c.required("name", &self.name)
            .name("name", &self.name)
            .max_len("name", &self.name, SHORT)
            .name("contactName", &self.contact_name)
            .max_len("url", &self.url, SHORT)
            .rule("url", Rule::Url, !website_ok(&self.url))
            .max_len("email", &self.email, SHORT)
            .email("email", &self.email);
        for (field, age) in [
            ("minimumAge", self.minimum_age),
            ("maximumAge", self.maximum_age),
        ] {
            c.rule(
                field,
                Rule::Number,
                age.is_some_and(|a| !(0..=130).contains(&a)),
            );
        }
        if let (Some(min), Some(max)) = (self.minimum_age, self.maximum_age) {
            c.rule("maximumAge", Rule::PeriodOrder, max < min);
        }
        for (field, value) in [
            ("description", &self.description),
            ("applicationProcess", &self.application_process),
            ("eligibilityDescription", &self.eligibility_description),
            ("feesDescription", &self.fees_description),
            ("schedule", &self.schedule),
        ] {
            c.max_len(field, value, TEXT);
        }
        for (field, value) in [
            ("languages", &self.languages),
            ("serviceArea", &self.service_area),
            ("contactName", &self.contact_name),
            ("contactEmail", &self.contact_email),
        ] {
            c.max_len(field, value, SHORT);
        }
        c.email("contactEmail", &self.contact_email).rule(
            "contactPhone",
            Rule::Phone,
            !phone_ok(&self.contact_phone),
        );
        c.rule(
            "morePhones",
            Rule::Phone,
            self.more_phones.iter().flatten().any(|p| !phone_ok(p)),
        );
        c.rule(
            "schedule",
            Rule::Time,
            self.schedules
                .iter()
                .flatten()
                .any(|h| !opening_hours_ok(h)),
        );
        for m in self.more_contacts.iter_mut().flatten() {
            m.name = validate::clean(&m.name);
            m.title = validate::clean(&m.title);
            m.email = validate::clean(&m.email);
            c.name("moreContacts", &m.name)
                .max_len("moreContacts", &m.name, SHORT)
                .max_len("moreContacts", &m.title, SHORT)
                .email("moreContacts", &m.email)
                .rule(
                    "moreContacts",
                    Rule::Phone,
                    m.phones.iter().any(|p| !phone_ok(p)),
                );
        }
        c.finish()?;
        self.url = with_scheme(&self.url);
        Ok(self)
    }
}

/// Opening hours that HSDS can carry: a known frequency, iCal days, times
/// as "HH:MM" (or "HH:MM:SS").
pub fn opening_hours_ok(h: &OpeningHours) -> bool {
    let time_ok = |t: &str| {
        t.is_empty()
            || chrono::NaiveTime::parse_from_str(t, "%H:%M").is_ok()
            || chrono::NaiveTime::parse_from_str(t, "%H:%M:%S").is_ok()
    };
    let day_ok = |d: &str| {
        let d = d
            .trim()
            .trim_start_matches(['-', '+', '0', '1', '2', '3', '4', '5']);
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].contains(&d)
    };
    matches!(h.freq.as_str(), "" | "WEEKLY" | "MONTHLY")
        && (h.byday.is_empty() || h.byday.split(',').all(day_ok))
        && time_ok(&h.opens_at)
        && time_ok(&h.closes_at)
}

/// A web address with its scheme: "www.x.nl" → "https://www.x.nl".
pub fn with_scheme(url: &str) -> String {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if url.is_empty() || lower.starts_with("https://") || lower.starts_with("http://") {
        url.to_owned()
    } else {
        format!("https://{url}")
    }
}

/// "nederlands ;Fries,," → "nederlands, Fries": one way of writing a list.
pub fn languages(raw: &str) -> String {
    raw.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A phone number of a service: an ordinary Dutch number (as for residents),
/// or a service number: 0800/0900-numbers, the municipal "14 0xxx" and short
/// numbers such as 112 or 113.
pub fn phone_ok(raw: &str) -> bool {
    let v = raw.trim();
    if v.is_empty() || validate::phone(v).is_some() {
        return true;
    }
    if v.chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-')))
    {
        return false;
    }
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len();
    let special = ["0800", "0900", "0906", "0909"]
        .iter()
        .any(|p| digits.starts_with(p));
    (special && (8..=11).contains(&n))
        || (digits.starts_with("140") && (5..=7).contains(&n))
        || (digits.starts_with('1') && (3..=4).contains(&n))
}

/// A web address: "www.voorbeeld.nl" or "https://voorbeeld.nl/pad".
pub fn website_ok(raw: &str) -> bool {
    let v = raw.trim();
    if v.is_empty() {
        return true;
    }
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
        .unwrap_or(v);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !v.chars().any(char::is_whitespace)
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_numbers_and_ordinary_numbers_are_phones() {
        for ok in [
            "0599-123456",
            "0800-1234",
            "0800 123 4567",
            "0900-1234567",
            "14 0599",
            "113",
            "112",
            "+31 599 123456",
            "",
        ] {
            assert!(phone_ok(ok), "{ok}");
        }
        for bad in ["12", "0800", "bel ons", "0599-12345a", "06-123"] {
            assert!(!phone_ok(bad), "{bad}");
        }
    }

    #[test]
    fn web_addresses_need_a_host_with_a_dot() {
        assert!(website_ok("www.lindeloo.example"));
        assert!(website_ok("https://lindeloo.example/wmo?x=1"));
        assert!(!website_ok("lindeloo"));
        assert!(!website_ok("https://"));
        assert!(!website_ok("www.lindeloo .nl"));
        assert!(!website_ok("mail@lindeloo.nl"));
    }

    #[test]
    fn languages_are_written_one_way() {
        assert_eq!(
            languages(" Nederlands ;Fries,,  Engels "),
            "Nederlands, Fries, Engels"
        );
        assert_eq!(languages(" , "), "");
    }
}
