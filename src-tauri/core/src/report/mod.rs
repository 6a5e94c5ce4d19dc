//! The annual report (jaarverslag): the year's figures beside the year
//! before, as a tagged A4 PDF (made with the shared engine in
//! [`crate::pdf`], charts as vectors) and as one XLSX workbook, with the
//! foreword and the notes the group writes.
//!
//! The report holds no personal data. It shows exactly what
//! [`crate::results::Figures`] holds: counts and sums over groups, small
//! numbers already suppressed ("< 5", "x"). A suppressed cell carries no
//! number, so neither writer can show one.
//!
//! - [`pdf`] and [`xlsx`] render a `Figures` (pure: no database);
//! - [`store`] keeps the foreword and notes per year and the export log;
//! - [`export`] makes both files at the chosen path and logs it;
//! - [`source`] is the one place the report gets its figures from.

pub mod export;
pub mod pdf;
mod source;
pub mod store;
pub mod xlsx;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::results::{Cell, Period, Unit};

pub use export::{make, ReportInput, ReportOutcome};
pub use source::{figures, years};
pub use store::{get_texts, made, save_texts, ReportExport};

/// Longest foreword or notes text (characters): about one page.
pub const TEXT_MAX: usize = 3_000;

/// The foreword and notes the group writes for one year's report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReportTexts {
    pub year: i32,
    pub foreword: String,
    pub notes: String,
}

/// The years a report can be made for, newest first, and the one to offer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportYears {
    pub years: Vec<i32>,
    pub suggested: i32,
}

/// What the report says about itself: who made it and when.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportMeta {
    /// The help point's name (settings), or "Buurtpunt".
    pub help_point: String,
    pub made_on: NaiveDate,
}

/// The calendar year as a period.
pub fn year_period(year: i32) -> Option<Period> {
    Some(Period {
        from: NaiveDate::from_ymd_opt(year, 1, 1)?,
        to: NaiveDate::from_ymd_opt(year, 12, 31)?,
    })
}

/// The year to offer: the last full year while the current one is young
/// (January and February), else the current year.
pub fn suggested_year(today: NaiveDate) -> i32 {
    use chrono::Datelike;
    if today.month() < 3 {
        today.year() - 1
    } else {
        today.year()
    }
}

/// A whole number the Dutch way: 1.234.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// An amount the Dutch way, rounded to whole units (hours to one decimal).
fn amount(value: f64, unit: Unit) -> String {
    let whole = |v: f64| {
        let s = thousands(v.abs().round() as u64);
        if v < 0.0 {
            format!("-{s}")
        } else {
            s
        }
    };
    match unit {
        Unit::Euros => format!("€ {}", whole(value)),
        Unit::Percent => format!("{}%", whole(value)),
        Unit::Days if whole(value) == "1" => "1 dag".into(),
        Unit::Days => format!("{} dagen", whole(value)),
        Unit::Hours => {
            let tenths = (value * 10.0).round();
            if tenths % 10.0 == 0.0 {
                format!("{} uur", whole(value))
            } else {
                let w = whole(value.trunc());
                format!("{w},{} uur", (tenths.abs() % 10.0) as u8)
            }
        }
    }
}

/// A cell as the report shows it. Suppressed cells have no number to show.
pub fn cell_text(cell: &Cell, threshold: u32) -> String {
    match cell {
        Cell::Count { n } => thousands(u64::from(*n)),
        Cell::Amount { value, unit } => amount(*value, *unit),
        Cell::Small => format!("< {threshold}"),
        Cell::Hidden => "x".into(),
        Cell::Empty => "\u{2013}".into(),
    }
}

/// `2026-01-01` → `1 januari 2026`.
pub(crate) fn dutch_date(d: NaiveDate) -> String {
    crate::vocab::dutch_date(d)
}

/// A period in words: "1 januari 2026 tot en met 31 december 2026".
pub(crate) fn period_text(p: &Period) -> String {
    format!("{} tot en met {}", dutch_date(p.from), dutch_date(p.to))
}

/// The method, in plain Dutch: how the figures are made, what "< 5" and "x"
/// mean, what the social value is, and that no personal data is in it. The
/// PDF and the XLSX say the same: (heading, paragraph) pairs.
pub fn method(threshold: u32, period: &Period, earlier: &Period) -> Vec<(String, String)> {
    vec![
        (
            "Hoe wij tellen".into(),
            format!(
                "Alle cijfers komen uit de registratie van het buurtpunt over de periode {}. \
                 Naast elk cijfer staat hetzelfde cijfer van een jaar eerder ({}).",
                period_text(period),
                period_text(earlier)
            ),
        ),
        (
            "Kleine aantallen".into(),
            format!(
                "Een aantal kleiner dan {threshold} staat er als \u{201c}< {threshold}\u{201d}. \
                 Zo kan niemand herkend worden. Soms is ook een ander getal weggelaten, zodat \
                 het kleine aantal niet uit het totaal te berekenen is. Dat getal staat er als \
                 \u{201c}x\u{201d}. Een streepje (\u{2013}) betekent: geen gegevens."
            ),
        ),
        (
            "Maatschappelijke waarde".into(),
            "De maatschappelijke waarde is een vervangingswaarde: het aantal uren dat \
             vrijwilligers hielpen, maal het uurtarief dat de groep heeft gekozen. Het is \
             wat dezelfde hulp zou kosten als die betaald werd. Het is geen geld dat de \
             groep ontvangt of uitgeeft."
                .into(),
        ),
        (
            "Geen persoonsgegevens".into(),
            "In dit verslag staan geen namen, adressen, telefoonnummers, geboortedata of \
             verhalen van bewoners en vrijwilligers. Er staan alleen aantallen en totalen \
             over groepen in."
                .into(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_the_dutch_way_and_suppressed_ones_hold_no_number() {
        assert_eq!(cell_text(&Cell::Count { n: 1234 }, 5), "1.234");
        assert_eq!(cell_text(&Cell::Small, 5), "< 5");
        assert_eq!(cell_text(&Cell::Hidden, 5), "x");
        assert_eq!(cell_text(&Cell::Empty, 5), "\u{2013}");
        let euros = Cell::Amount {
            value: 12_345.4,
            unit: Unit::Euros,
        };
        assert_eq!(cell_text(&euros, 5), "€ 12.345");
        let hours = Cell::Amount {
            value: 1_502.5,
            unit: Unit::Hours,
        };
        assert_eq!(cell_text(&hours, 5), "1.502,5 uur");
    }

    #[test]
    fn the_last_full_year_is_offered_early_in_the_year() -> Result<(), &'static str> {
        let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).ok_or("date");
        assert_eq!(suggested_year(day(2, 28)?), 2026);
        assert_eq!(suggested_year(day(3, 1)?), 2027);
        Ok(())
    }
}
