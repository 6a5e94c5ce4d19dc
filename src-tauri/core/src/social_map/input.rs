//! What the forms (and the HSDS import) send, and its validation.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
}

/// The service form.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ServiceInput {
    pub name: String,
    pub description: String,
    pub application_process: String,
    pub eligibility_description: String,
    pub fees_description: String,
    /// Comma-separated: "Nederlands, Fries".
    pub languages: String,
    pub service_area: String,
    pub schedule: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
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
            .max_len("name", &self.name, SHORT)
            .max_len("description", &self.description, TEXT)
            .max_len("email", &self.email, SHORT)
            .email("email", &self.email)
            .max_len("website", &self.website, SHORT)
            .rule("website", Rule::Url, !website_ok(&self.website))
            .rule("phone", Rule::Phone, !phone_ok(&self.phone));
        c.finish()?;
        Ok(self)
    }
}

impl ServiceInput {
    pub fn validate(mut self) -> crate::Result<Self> {
        for v in [
            &mut self.name,
            &mut self.description,
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
            .max_len("name", &self.name, SHORT);
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
        c.finish()?;
        Ok(self)
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
