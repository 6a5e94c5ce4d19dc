//! The outcome of a field check: which field failed which rule. The UI turns
//! `{field, rule}` into plain Dutch; the core never writes the sentence.

use serde::Serialize;
use ts_rs::TS;

/// One field that failed one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub rule: Rule,
    /// For `too_long`: the maximum number of characters.
    #[ts(type = "number | null")]
    pub max: Option<usize>,
}

impl FieldError {
    /// `field` failed `rule` (no maximum to tell).
    pub fn new(field: &str, rule: Rule) -> FieldError {
        FieldError {
            field: field.to_owned(),
            rule,
            max: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rule {
    Required,
    TooLong,
    Postcode,
    Phone,
    Email,
    Date,
    DateInFuture,
    Choice,
    CloseReasonRequired,
    /// A number (hours, km, a count) that is not one or out of range.
    Number,
    /// The name is already in use.
    Duplicate,
    /// A reason is needed (e.g. to go over a volunteer's limit).
    ReasonRequired,
    /// Not a web address (www.voorbeeld.nl).
    Url,
    /// The end of a period lies before its start.
    PeriodOrder,
    /// A period longer than ten years.
    PeriodTooLong,
    /// Not a time of day (14:30).
    Time,
    /// A date before what it follows (a referral step before the request
    /// came in, or before the step before it).
    TooEarly,
    /// A name that starts with `=`, `+`, `-` or `@` (a spreadsheet would run
    /// it as a formula; no real name starts that way).
    FormulaStart,
}
