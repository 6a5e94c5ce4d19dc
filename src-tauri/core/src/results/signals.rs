//! Signals in a period: per concern, where they were about, what came of
//! them, and the patterns that stand today. Counts only: a pattern names a
//! kern and a concern (a street only as "een straat in …"), never a
//! person, and its count is suppressed like every other.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::build::{count, Counts, Frame};
use super::{Cell, Period, Section, Table};
use crate::settings::Settings;
use crate::signals::{self, Count, PatternKey, PlaceKind, SignalFigures};
use crate::Result;

const PLACES: [(&str, &str); 3] = [
    ("street", "Een straat"),
    ("kern", "Een kern"),
    ("village", "Heel het dorp"),
];

const OUTCOMES: [(&str, &str); 6] = [
    ("help_request", "Een hulpvraag"),
    ("referral", "Een doorverwijzing"),
    ("collective", "Een actie voor de buurt"),
    (
        "passed_on",
        "Doorgegeven (huisarts, wijkagent, Veilig Thuis)",
    ),
    ("nothing_needed", "Niets nodig"),
    ("", "Nog open"),
];

fn of(list: &[Count], code: &str) -> u32 {
    list.iter()
        .find(|c| c.label == code)
        .map_or(0, |c| count(c.count))
}

fn outcome(f: &SignalFigures, code: &str) -> u32 {
    if code.is_empty() {
        let decided: u32 = f.by_outcome.iter().map(|c| count(c.count)).sum();
        count(f.total).saturating_sub(decided)
    } else {
        of(&f.by_outcome, code)
    }
}

/// Where a pattern is, without its street: a street name on a shared
/// screen points at the few people who live there.
fn place(key: &PatternKey) -> String {
    match (key.place_kind, key.kern.is_empty()) {
        (PlaceKind::Street, true) => "Een straat".into(),
        (PlaceKind::Street, false) => format!("Een straat in {}", key.kern),
        (_, true) => "Heel het dorp".into(),
        (_, false) => key.kern.clone(),
    }
}

/// The patterns as they stand on `today`: only for a period that holds it.
fn patterns(
    conn: &Connection,
    frame: &Frame,
    now: Period,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Table> {
    let rows = if now.from <= today && today <= now.to {
        signals::patterns(conn, today, settings)?
            .into_iter()
            .map(|p| {
                let n = count(p.count);
                let cell = if n < frame.threshold {
                    Cell::Small
                } else {
                    Cell::Count { n }
                };
                (
                    format!("{} · {}", place(&p.key), p.concern_label),
                    [cell, Cell::Empty],
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(frame.cells(
        Counts {
            id: "signals-patterns",
            title: "Patronen: signalen die zich opstapelen",
            heading: "Waar en waarover",
            additive: false,
            note: &format!(
                "Minstens {} signalen over hetzelfde in {} weken, in één straat of kern.",
                settings.pattern_min_signals, settings.pattern_weeks
            ),
        },
        rows,
    ))
}

pub(crate) fn section(
    conn: &Connection,
    frame: &Frame,
    now: Period,
    earlier: Period,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Section> {
    let a = signals::figures(conn, now.from, now.to)?;
    let b = signals::figures(conn, earlier.from, earlier.to)?;
    // Every concern the group uses, in its own order; one without any
    // signal in either period is left out.
    let concerns = signals::concerns(conn, true)?;
    let by_concern = frame.counts(
        Counts {
            id: "signals-by-concern",
            title: "Signalen per zorg",
            heading: "Zorg",
            additive: true,
            note: "Genoteerd in deze periode.",
        },
        concerns
            .iter()
            .map(|c| {
                let n = [of(&a.by_concern, &c.label), of(&b.by_concern, &c.label)];
                (c.label.clone(), n)
            })
            .filter(|(_, n)| n[0] > 0 || n[1] > 0)
            .collect(),
    );
    let by_place = frame.counts(
        Counts {
            id: "signals-by-place",
            title: "Waar de signalen over gingen",
            heading: "Plek",
            additive: true,
            note: "",
        },
        PLACES
            .iter()
            .map(|(code, label)| {
                let n = [of(&a.by_place_kind, code), of(&b.by_place_kind, code)];
                ((*label).to_owned(), n)
            })
            .collect(),
    );
    let kinds = frame.counts(
        Counts {
            id: "signals-kinds",
            title: "Bijzonder",
            heading: "Signalen",
            additive: false,
            note: "Een signaal over een bewoner met naam is gevoelig: het blijft binnen de groep.",
        },
        vec![
            (
                "Over een bewoner met naam".into(),
                [count(a.about_resident), count(b.about_resident)],
            ),
            (
                "\u{201c}Niet pluis\u{201d}".into(),
                [count(a.not_right), count(b.not_right)],
            ),
        ],
    );
    let by_outcome = frame.counts(
        Counts {
            id: "signals-by-outcome",
            title: "Wat er met de signalen gebeurde",
            heading: "Uitkomst",
            additive: true,
            note: "De stand van vandaag, van de signalen uit deze periode.",
        },
        OUTCOMES
            .iter()
            .map(|(code, label)| ((*label).to_owned(), [outcome(&a, code), outcome(&b, code)]))
            .collect(),
    );
    let mut tables = vec![by_concern, by_place, kinds, by_outcome];
    let patterns = patterns(conn, frame, now, today, settings)?;
    if !patterns.rows.is_empty() {
        tables.push(patterns);
    }
    Ok(Section {
        id: "signals".into(),
        title: "Signalen".into(),
        tables,
        charts: Vec::new(),
    })
}
