//! Social value in euros, by the replacement-value method: the hours given
//! times an hourly rate the group chose itself (what the same work would
//! cost if it were paid). No rate is assumed: without one, only the hours.

use super::build::{Counts, Frame};
use super::suppress::amount;
use super::volunteers::Hours;
use super::{Cell, Section, Unit};

/// The method, named on the screen and in the report.
pub const METHOD: &str = "Vervangingswaarde: wat hetzelfde werk zou kosten als het betaald werd. \
     Berekening: uren vrijwilligerswerk × het uurtarief dat de groep zelf koos. \
     Dit is geen officieel bedrag.";

pub const NO_RATE: &str = "Stel eerst een uurtarief in (bij Instellingen). \
     Tot dan staan hier alleen de uren.";

/// "€ 17,50" the Dutch way.
pub fn euros(cents: u32) -> String {
    let whole = (cents / 100).to_string();
    let mut out = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    format!("€ {out},{:02}", cents % 100)
}

pub(crate) fn section(frame: &Frame, hours: [Hours; 2], rate_cents: u32) -> Section {
    let t = frame.threshold;
    let h = |x: &Hours| amount(x.hours(), Unit::Hours, x.volunteers, t);
    let mut rows = vec![(
        "Uren vrijwilligerswerk".to_owned(),
        [h(&hours[0]), h(&hours[1])],
    )];
    let note = if rate_cents == 0 {
        NO_RATE.to_owned()
    } else {
        let v = |x: &Hours| {
            amount(
                x.hours() * f64::from(rate_cents) / 100.0,
                Unit::Euros,
                x.volunteers,
                t,
            )
        };
        let rate = Cell::Amount {
            value: f64::from(rate_cents) / 100.0,
            unit: Unit::Euros,
        };
        rows.push(("Uurtarief (gekozen door de groep)".into(), [rate, rate]));
        rows.push((
            "Maatschappelijke waarde".into(),
            [v(&hours[0]), v(&hours[1])],
        ));
        format!("{METHOD} Uurtarief: {}.", euros(rate_cents))
    };
    Section {
        id: "value".into(),
        title: "Maatschappelijke waarde".into(),
        tables: vec![frame.cells(
            Counts {
                id: "social-value",
                title: "Wat is het werk waard?",
                heading: "",
                additive: false,
                note: &note,
            },
            rows,
        )],
        charts: Vec::new(),
    }
}
