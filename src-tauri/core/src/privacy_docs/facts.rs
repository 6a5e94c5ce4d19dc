//! What the privacy documents say, read from the group's own data: the
//! settings, the active contact persons and the export log.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::contact_persons::{self, ContactPerson};
use crate::settings::{self, Settings};
use crate::store::time::stored_date;
use crate::Result;

/// Who received personal data, by organisation, from the export log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub organisation: String,
    /// The municipality's Wmo-loket (else another organisation).
    pub wmo_desk: bool,
    /// Handovers made to it.
    pub count: i64,
}

/// The facts every privacy document draws on.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The group's name ("Buurtpunt" when none is set).
    pub help_point: String,
    pub settings: Settings,
    /// The active contact persons, in their order.
    pub contacts: Vec<ContactPerson>,
    /// Recipients with the most handovers first.
    pub recipients: Vec<Recipient>,
    /// The day of the first export in the log.
    pub exports_since: Option<NaiveDate>,
    pub made_on: NaiveDate,
}

impl Facts {
    /// The handovers to the Wmo-loket and to other organisations.
    pub fn counts_by_kind(&self) -> (i64, i64) {
        self.recipients.iter().fold((0, 0), |(wmo, other), r| {
            if r.wmo_desk {
                (wmo + r.count, other)
            } else {
                (wmo, other + r.count)
            }
        })
    }

    /// How to reach the help point: its phone and email, else the first
    /// contact person's.
    pub fn reach(&self) -> (String, String) {
        let s = &self.settings;
        let first = self.contacts.first();
        let pick = |own: &str, theirs: Option<&str>| {
            let own = own.trim();
            if own.is_empty() {
                theirs.unwrap_or("").trim().to_owned()
            } else {
                own.to_owned()
            }
        };
        (
            pick(&s.help_point_phone, first.map(|c| c.phone.as_str())),
            pick(&s.help_point_email, first.map(|c| c.email.as_str())),
        )
    }
}

/// Read the facts as they are today.
pub fn facts(conn: &Connection, today: NaiveDate) -> Result<Facts> {
    let settings = settings::get(conn)?;
    let help_point = match settings.help_point_name.trim() {
        "" => "Buurtpunt".to_owned(),
        name => name.to_owned(),
    };
    let contacts = contact_persons::list(conn)?
        .into_iter()
        .filter(|c| c.active)
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT e.recipient, max(ifnull(r.wmo_desk, 0)), count(*)
         FROM exports e LEFT JOIN referrals r ON r.id = e.referral_id
         GROUP BY e.recipient ORDER BY count(*) DESC, e.recipient",
    )?;
    let recipients = stmt
        .query_map([], |r| {
            Ok(Recipient {
                organisation: r.get(0)?,
                wmo_desk: r.get(1)?,
                count: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let first: Option<String> =
        conn.query_row("SELECT min(made_at) FROM exports", [], |r| r.get(0))?;
    let exports_since = match first {
        Some(v) => Some(
            stored_date(v.get(..10).unwrap_or(&v))
                .ok_or_else(|| crate::Error::Migration(format!("exports.made_at = {v:?}")))?,
        ),
        None => None,
    };
    Ok(Facts {
        help_point,
        settings,
        contacts,
        recipients,
        exports_since,
        made_on: today,
    })
}
