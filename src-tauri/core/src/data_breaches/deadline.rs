//! The 72 hours (AVG art. 33): a breach with a risk for people is reported
//! to the Autoriteit Persoonsgegevens within 72 hours of finding it. The
//! deadline and the words for it, as of the `now` passed in.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

use crate::vocab::{dutch_date, dutch_day_time};

/// Hours between finding a breach and the deadline for reporting it.
pub const REPORT_HOURS: i64 = 72;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DeadlineState {
    /// Not informed, time left.
    Open,
    /// Not informed, the 72 hours are over.
    Passed,
    /// The Autoriteit Persoonsgegevens was informed.
    Informed,
}

/// The deadline of one breach, as of now.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ApDeadline {
    /// `YYYY-MM-DDTHH:MM:SS`: discovered + 72 hours.
    pub due_at: String,
    pub state: DeadlineState,
    /// Whole hours left (0 when passed or informed).
    #[ts(type = "number")]
    pub hours_left: i64,
    /// "Melden bij de Autoriteit Persoonsgegevens vóór woensdag 2 december
    /// 14:30 — nog 5 uur", "… termijn verstreken", "Gemeld op …".
    pub text: String,
}

/// "nog 5 uur", "nog 2 dagen en 3 uur", "nog minder dan een uur".
fn time_left(minutes: i64) -> String {
    let hours = minutes / 60;
    if hours == 0 {
        return "nog minder dan een uur".into();
    }
    let (days, rest) = (hours / 24, hours % 24);
    let day_word = |d: i64| {
        if d == 1 {
            "1 dag".to_owned()
        } else {
            format!("{d} dagen")
        }
    };
    match (days, rest) {
        (0, h) => format!("nog {h} uur"),
        (d, 0) => format!("nog {}", day_word(d)),
        (d, h) => format!("nog {} en {h} uur", day_word(d)),
    }
}

/// The deadline of a breach found at `discovered_at`, as of `now`.
pub fn deadline(
    discovered_at: NaiveDateTime,
    informed_on: Option<NaiveDate>,
    now: NaiveDateTime,
) -> ApDeadline {
    let due = discovered_at + Duration::hours(REPORT_HOURS);
    let due_at = crate::store::time::stamp(due);
    let when = dutch_day_time(due);
    if let Some(on) = informed_on {
        return ApDeadline {
            due_at,
            state: DeadlineState::Informed,
            hours_left: 0,
            text: format!(
                "Gemeld bij de Autoriteit Persoonsgegevens op {}",
                dutch_date(on)
            ),
        };
    }
    let left = (due - now).num_minutes();
    if left <= 0 {
        ApDeadline {
            due_at,
            state: DeadlineState::Passed,
            hours_left: 0,
            text: format!(
                "Melden bij de Autoriteit Persoonsgegevens vóór {when} — termijn verstreken"
            ),
        }
    } else {
        ApDeadline {
            due_at,
            state: DeadlineState::Open,
            hours_left: left / 60,
            text: format!(
                "Melden bij de Autoriteit Persoonsgegevens vóór {when} — {}",
                time_left(left)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_reads_as_people_say_it() {
        assert_eq!(time_left(59), "nog minder dan een uur");
        assert_eq!(time_left(5 * 60 + 59), "nog 5 uur");
        assert_eq!(time_left(24 * 60), "nog 1 dag");
        assert_eq!(time_left(51 * 60), "nog 2 dagen en 3 uur");
    }
}
