//! The handover as CSV for spreadsheet programs: UTF-8 with a byte-order mark
//! and `;` as separator (what Dutch Excel expects), two columns `veld;waarde`,
//! one row per field that is present, in the order of the document. The field
//! names are the JSON paths with dots (`person.name`, `referral.deadline`); a
//! list gives one row per item under the same name (`case.lifeAreas`,
//! `consent.scope`, `withheld`). A test checks that the CSV and the JSON carry
//! exactly the same fields.

use super::Handover;
use crate::vocab::{spreadsheet_safe, DataCategory};
use crate::{Error, Result};

/// Byte-order mark: makes Excel read the file as UTF-8 (ë, é, ĳ).
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Write the handover as CSV (`veld;waarde`).
pub fn render(h: &Handover) -> Result<Vec<u8>> {
    let mut out = BOM.to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        let fail = |e: ::csv::Error| Error::Handover(e.to_string());
        w.write_record(["veld", "waarde"]).map_err(fail)?;
        for (key, value) in rows(h) {
            w.write_record([key, &spreadsheet_safe(value)])
                .map_err(fail)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// The `(field, value)` rows of a handover, in document order; `None` fields
/// (outside the consent) give no row.
fn rows<'a>(h: &'a Handover) -> Vec<(&'static str, &'a str)> {
    let mut rows: Vec<(&'static str, &str)> = Vec::with_capacity(48);
    fn add<'a>(rows: &mut Vec<(&'static str, &'a str)>, key: &'static str, value: Option<&'a str>) {
        if let Some(v) = value {
            rows.push((key, v));
        }
    }
    let mut one = |key: &'static str, value: Option<&'a str>| add(&mut rows, key, value);
    let (s, r, p, c, f, k) = (
        &h.sender,
        &h.recipient,
        &h.person,
        &h.case,
        &h.referral,
        &h.consent,
    );
    one("$schema", Some(&h.schema));
    one("reference", Some(&h.reference));
    one("madeOn", Some(&h.made_on));
    one("sender.helpPoint", Some(&s.help_point));
    one("sender.helpPointPhone", Some(&s.help_point_phone));
    one("sender.helpPointEmail", Some(&s.help_point_email));
    one("sender.contactPerson", Some(&s.contact_person));
    one("sender.phone", Some(&s.phone));
    one("sender.email", Some(&s.email));
    one("recipient.organisation", Some(&r.organisation));
    one("recipient.service", Some(&r.service));
    one("recipient.contact", Some(&r.contact));
    one("person.name", p.name.as_deref());
    one("person.birthDate", p.birth_date.as_deref());
    one("person.address", p.address.as_deref());
    one("person.phone", p.phone.as_deref());
    one("person.email", p.email.as_deref());
    one("person.reach", p.reach.as_deref());
    one("case.ask", c.ask.as_deref());
    one("case.underlyingNeed", c.underlying_need.as_deref());
    for area in c.life_areas.iter().flatten() {
        one("case.lifeAreas", Some(area));
    }
    one("case.ownStrength", c.own_strength.as_deref());
    one("case.carerSituation", c.carer_situation.as_deref());
    one("case.tried", c.tried.as_deref());
    one("case.volunteersDid", c.volunteers_did.as_deref());
    one("case.agreements", c.agreements.as_deref());
    one("referral.reason", f.reason.as_deref());
    one("referral.urgency", Some(&f.urgency));
    one("referral.meldingOn", f.melding_on.as_deref());
    one("referral.deadline", f.deadline.as_deref());
    one("consent.statement", Some(&k.statement));
    one("consent.givenBy", Some(&k.given_by));
    one("consent.givenOn", Some(&k.given_on));
    one("consent.how", Some(&k.how));
    for cat in &k.scope {
        one("consent.scope", Some(DataCategory::as_str(*cat)));
    }
    one("consent.validUntil", k.valid_until.as_deref());
    one("consent.overrideReason", k.override_reason.as_deref());
    for cat in &h.withheld {
        one("withheld", Some(DataCategory::as_str(*cat)));
    }
    one("clientSupport", Some(&h.client_support));
    rows
}
