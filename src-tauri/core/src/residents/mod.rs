//! Residents (bewoners): people in the village who ask for or offer help.

mod network;
mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use network::{NetworkMember, NetworkRole};
pub(crate) use store::reindex;
pub use store::{create, get, kernen, list, open, update};
pub(crate) use store::{insert, insert_unindexed, likely_duplicates, reindex_from};

use crate::store::time::iso;
use crate::text_enum;
use crate::validate::{self, Check, LONG, SHORT};
use crate::vocab::Rule;

text_enum! {
    /// How a resident prefers to be reached.
    pub enum ContactPreference {
        Phone => "phone",
        Email => "email",
        AtTheDoor => "at_the_door",
        ViaProxy => "via_proxy",
    }
}

/// What the form sends. Dates arrive as typed text and are checked here.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ResidentInput {
    pub first_name: String,
    pub last_name: String,
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub kern: String,
    pub phone: String,
    pub email: String,
    pub contact_preference: Option<ContactPreference>,
    pub contact_time: String,
    /// `YYYY-MM-DD` or empty.
    pub birth_date: String,
    pub notes: String,
    pub proxy_name: String,
    pub proxy_relation: String,
    pub proxy_phone: String,
    pub proxy_email: String,
    pub network: Vec<NetworkMember>,
}

/// A resident as stored.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Resident {
    #[ts(type = "number")]
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub kern: String,
    pub phone: String,
    pub email: String,
    pub contact_preference: ContactPreference,
    pub contact_time: String,
    pub birth_date: Option<String>,
    pub notes: String,
    pub proxy_name: String,
    pub proxy_relation: String,
    pub proxy_phone: String,
    pub proxy_email: String,
    pub network: Vec<NetworkMember>,
    pub created_at: String,
    pub updated_at: String,
}

/// One row of the residents list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResidentSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub street: String,
    pub house_number: String,
    pub kern: String,
    pub phone: String,
    #[ts(type = "number")]
    pub open_requests: i64,
}

/// Filters of the residents list.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ResidentQuery {
    pub text: String,
    pub kern: String,
    #[ts(type = "number")]
    pub page: i64,
    #[ts(type = "number")]
    pub page_size: i64,
}

/// Validated, normalised input ready for SQL.
pub(crate) struct Clean {
    pub input: ResidentInput,
    pub birth_date: Option<String>,
    pub preference: ContactPreference,
}

impl ResidentInput {
    /// Check every field; normalise postcode and trim text.
    pub(crate) fn validate(mut self, today: chrono::NaiveDate) -> crate::Result<Clean> {
        let mut c = Check::new();
        for (field, value) in [
            ("firstName", &mut self.first_name),
            ("lastName", &mut self.last_name),
            ("street", &mut self.street),
            ("houseNumber", &mut self.house_number),
            ("kern", &mut self.kern),
            ("phone", &mut self.phone),
            ("email", &mut self.email),
            ("contactTime", &mut self.contact_time),
            ("proxyName", &mut self.proxy_name),
            ("proxyRelation", &mut self.proxy_relation),
            ("proxyPhone", &mut self.proxy_phone),
            ("proxyEmail", &mut self.proxy_email),
        ] {
            *value = validate::clean(value);
            c.max_len(field, value, SHORT);
        }
        c.required("firstName", &self.first_name)
            .required("lastName", &self.last_name);
        c.max_len("notes", &self.notes, LONG);
        let postcode = validate::clean(&self.postcode);
        match validate::postcode(&postcode) {
            Some(p) => self.postcode = p,
            None if postcode.is_empty() => self.postcode = postcode,
            None => {
                c.rule("postcode", Rule::Postcode, true);
            }
        }
        c.phone("phone", &self.phone)
            .phone("proxyPhone", &self.proxy_phone);
        c.email("email", &self.email)
            .email("proxyEmail", &self.proxy_email);
        let birth = validate::date(&mut c, "birthDate", &self.birth_date, false);
        c.not_after("birthDate", birth, today);
        let birth_date = birth.map(iso);
        for (i, member) in self.network.iter_mut().enumerate() {
            member.check(i, &mut c);
        }
        c.finish()?;
        let preference = self.contact_preference.unwrap_or(ContactPreference::Phone);
        Ok(Clean {
            input: self,
            birth_date,
            preference,
        })
    }
}
