//! The phone note (telefoonnotitie): what a contact person writes down while
//! a neighbour is on the phone. Who (a known resident, or a name and phone
//! for someone new), the question in their own words, how urgent, and when
//! to call back. It becomes a request in "nieuw" that the full form
//! completes later; the call-back is a reminder on Vandaag. One
//! transaction: a new person, the request and the reminder go together.

use chrono::NaiveDateTime;
use serde::Deserialize;
use ts_rs::TS;

use crate::requests::{self, Channel, HelpRequest, RequestInput, Scope, Urgency};
use crate::residents::{self, ResidentInput};
use crate::validate::{self, Check, SHORT};
use crate::vocab::Rule;
use crate::{followup, Db, Error, Result};

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PhoneNoteInput {
    /// A known resident; `None` for someone new (then the names are needed).
    #[ts(type = "number | null")]
    pub resident_id: Option<i64>,
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub phone: String,
    /// The question in their own words.
    pub ask: String,
    pub urgency: Urgency,
    /// `YYYY-MM-DD` or empty: when to call back.
    #[serde(default)]
    pub call_back_on: String,
    /// What to say or ask when calling back ("na 14 uur", "vraag naar de dochter").
    #[serde(default)]
    pub call_back_note: String,
    /// The user confirmed that a new person with a known name is someone else.
    #[serde(default)]
    pub allow_duplicate: bool,
}

/// Save a phone note: the request (and the new resident and the call-back
/// reminder) in one transaction. Returns the new request.
pub fn save(db: &mut Db, input: &PhoneNoteInput, now: NaiveDateTime) -> Result<HelpRequest> {
    let today = now.date();
    let mut c = Check::new();
    let call_back_on = validate::date(&mut c, "callBackOn", &input.call_back_on, false);
    if let Some(d) = call_back_on {
        c.rule("callBackOn", Rule::Date, d < today);
    }
    let call_back_note = validate::clean(&input.call_back_note);
    c.max_len("callBackNote", &call_back_note, SHORT);
    c.finish()?;
    // The new person, checked like the full form checks one.
    let person = match input.resident_id {
        Some(_) => None,
        None => Some(
            ResidentInput {
                first_name: input.first_name.clone(),
                last_name: input.last_name.clone(),
                phone: input.phone.clone(),
                ..Default::default()
            }
            .validate(today)?,
        ),
    };
    let request = RequestInput {
        resident_id: input.resident_id.or(Some(0)),
        received_on: today.format("%Y-%m-%d").to_string(),
        channel: Channel::Phone,
        ask: input.ask.clone(),
        urgency: input.urgency,
        scope: Scope::Individual,
        ..Default::default()
    }
    .validate(today)?;
    let id = db.write(|tx| {
        let resident_id = match &person {
            Some(p) => {
                if !input.allow_duplicate {
                    let ids = residents::likely_duplicates(tx, &p.input)?;
                    if !ids.is_empty() {
                        return Err(Error::LikelyDuplicate { ids });
                    }
                }
                residents::insert(tx, p, now)?
            }
            None => input
                .resident_id
                .ok_or_else(|| Error::Invalid(Vec::new()))?,
        };
        let mut clean = request;
        clean.input.resident_id = Some(resident_id);
        let id = requests::insert(tx, &clean, now)?;
        if let Some(due) = call_back_on {
            let phone = match &person {
                Some(p) => p.input.phone.clone(),
                None => residents::get(tx, resident_id)?.phone,
            };
            let mut note = String::from("Terugbellen");
            if !phone.is_empty() {
                note.push_str(&format!(" ({phone})"));
            }
            if !call_back_note.is_empty() {
                note.push_str(&format!(": {call_back_note}"));
            }
            followup::insert_reminder(tx, id, due, &note, 0, now)?;
        }
        Ok(id)
    })?;
    requests::get(db.conn(), id)
}
