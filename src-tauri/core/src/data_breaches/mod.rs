//! The data breach register (datalekkenregister, AVG art. 33): every breach
//! the group finds ("laptop kwijt", "verkeerd gemaild") is written down with
//! when it was found, what happened, whose data, what was done about it,
//! and whether the Autoriteit Persoonsgegevens was informed. A breach with a
//! risk for people must be reported within 72 hours of finding it: each
//! entry carries that deadline, worked out here from the `now` passed in.

mod deadline;
mod store;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{self, Check, SHORT};
use crate::vocab::Rule;
use crate::Result;

pub use deadline::{deadline, ApDeadline, DeadlineState, REPORT_HOURS};
pub use store::{create, get, list, update};

/// The longest text in a breach's fields.
pub const TEXT_MAX: usize = 4000;

/// One breach as the register shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DataBreach {
    #[ts(type = "number")]
    pub id: i64,
    /// `YYYY-MM-DDTHH:MM:SS`: when the group found out.
    pub discovered_at: String,
    pub happened: String,
    pub whose_data: String,
    pub measures: String,
    pub ap_informed: bool,
    /// `YYYY-MM-DD`, when informed.
    pub ap_informed_on: Option<String>,
    pub notes: String,
    pub created_at: String,
    /// The 72 hours to inform the Autoriteit Persoonsgegevens, as of now.
    pub deadline: ApDeadline,
}

/// A breach as typed in the form.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct DataBreachInput {
    /// `YYYY-MM-DD`.
    pub discovered_on: String,
    /// `HH:MM`.
    pub discovered_time: String,
    pub happened: String,
    pub whose_data: String,
    pub measures: String,
    pub ap_informed: bool,
    /// `YYYY-MM-DD`; only with `ap_informed`.
    pub ap_informed_on: String,
    pub notes: String,
}

/// A checked input, ready for the store.
pub(crate) struct Clean {
    pub discovered_at: NaiveDateTime,
    pub happened: String,
    pub whose_data: String,
    pub measures: String,
    pub ap_informed_on: Option<NaiveDate>,
    pub ap_informed: bool,
    pub notes: String,
}

/// `14:30` (or `9:05`) as a time of day.
fn parse_time(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok()
}

/// Check a typed breach: when it was found (a date and a time, not later
/// than now), what happened and whose data (required), texts bounded, and a
/// date of informing the Autoriteit Persoonsgegevens when it was informed
/// (not before the breach was found, not in the future).
pub(crate) fn check(input: &DataBreachInput, now: NaiveDateTime) -> Result<Clean> {
    let mut c = Check::new();
    let day = validate::date(&mut c, "discoveredOn", &input.discovered_on, true);
    let time_raw = input.discovered_time.trim();
    let time = parse_time(time_raw);
    if time_raw.is_empty() {
        c.rule("discoveredTime", Rule::Required, true);
    } else {
        c.rule("discoveredTime", Rule::Time, time.is_none());
    }
    let discovered_at = day.zip(time).map(|(d, t)| d.and_time(t));
    if let Some(at) = discovered_at {
        c.rule("discoveredOn", Rule::DateInFuture, at > now);
    }
    let happened = validate::clean(&input.happened);
    let whose_data = validate::clean(&input.whose_data);
    let measures = validate::clean(&input.measures);
    let notes = validate::clean(&input.notes);
    c.required("happened", &happened)
        .max_len("happened", &happened, TEXT_MAX)
        .required("whoseData", &whose_data)
        .max_len("whoseData", &whose_data, SHORT)
        .max_len("measures", &measures, TEXT_MAX)
        .max_len("notes", &notes, TEXT_MAX);
    let ap_informed_on = if input.ap_informed {
        let on = validate::date(&mut c, "apInformedOn", &input.ap_informed_on, true);
        c.not_after("apInformedOn", on, now.date());
        if let (Some(on), Some(at)) = (on, discovered_at) {
            c.rule("apInformedOn", Rule::PeriodOrder, on < at.date());
        }
        on
    } else {
        None
    };
    c.finish()?;
    let discovered_at = discovered_at.ok_or_else(|| {
        crate::Error::Invalid(vec![crate::vocab::FieldError::new(
            "discoveredOn",
            Rule::Required,
        )])
    })?;
    Ok(Clean {
        discovered_at,
        happened,
        whose_data,
        measures,
        ap_informed: input.ap_informed,
        ap_informed_on,
        notes,
    })
}
