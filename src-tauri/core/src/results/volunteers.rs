//! Volunteers in a period: who gave help, who started and who stopped, the
//! hours given, and how the load is spread (counts only, never who).

use rusqlite::Connection;
use rustc_hash::{FxHashMap, FxHashSet};

use super::build::{count, Counts, Frame};
use super::months::Piece;
use super::suppress::amount;
use super::{Period, Section, Unit};
use crate::chart::ChartKind;
use crate::Result;

/// From this share of the weekly limit on, a week counts as near the limit.
const NEAR: f64 = 0.8;

/// Hours given in a period, and by how many volunteers.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hours {
    pub minutes: i64,
    pub volunteers: u32,
}

impl Hours {
    pub fn hours(&self) -> f64 {
        self.minutes as f64 / 60.0
    }
}

#[derive(Default)]
struct Numbers {
    hours: Hours,
    started: u32,
    stopped: u32,
    /// Volunteers whose busiest week was within, near or over their limit.
    load: [u32; 3],
    /// Per month of the period: (minutes, volunteers).
    by_month: Vec<(String, i64, u32)>,
}

/// Each volunteer's weekly limit in hours (`None`: the group's default).
fn limits(conn: &Connection) -> Result<FxHashMap<i64, Option<f64>>> {
    let mut stmt = conn.prepare_cached("SELECT resident_id, limit_hours FROM volunteers")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The numbers of a period from its pieces.
fn numbers(
    pieces: &[Piece],
    limits: &FxHashMap<i64, Option<f64>>,
    default_limit_hours: u32,
) -> Numbers {
    let mut out = Numbers::default();
    // Minutes per volunteer and week over the whole period (a week can lie
    // in two months).
    let mut weeks: FxHashMap<(i64, i32), i64> = FxHashMap::default();
    let mut stopped: FxHashSet<i64> = FxHashSet::default();
    for p in pieces {
        let v = &p.part.volunteers;
        let mut minutes = 0;
        let mut who: FxHashSet<i64> = FxHashSet::default();
        for (id, week, m) in &v.weeks {
            *weeks.entry((*id, *week)).or_default() += m;
            minutes += m;
            who.insert(*id);
        }
        if !v.weeks.is_empty() {
            out.by_month.push((
                p.month.format("%Y-%m").to_string(),
                minutes,
                count(who.len() as i64),
            ));
        }
        out.started += v.started;
        stopped.extend(v.stopped.iter().copied());
    }
    out.stopped = count(stopped.len() as i64);
    // Per volunteer: the busiest week and all minutes.
    let mut per: FxHashMap<i64, (i64, i64)> = FxHashMap::default();
    for ((id, _), m) in weeks {
        let e = per.entry(id).or_default();
        e.0 = e.0.max(m);
        e.1 += m;
    }
    for (id, (busiest, total)) in per {
        let limit = limits
            .get(&id)
            .copied()
            .flatten()
            .unwrap_or(f64::from(default_limit_hours))
            .max(0.1);
        let share = busiest as f64 / 60.0 / limit;
        let level = if share > 1.0 + 1e-9 {
            2
        } else if share >= NEAR - 1e-9 {
            1
        } else {
            0
        };
        out.load[level] += 1;
        out.hours.minutes += total;
        out.hours.volunteers += 1;
    }
    out
}

/// The volunteers section, and the hours of both periods (for the social value).
pub(crate) fn section(
    conn: &Connection,
    frame: &Frame,
    (now, now_pieces): (Period, &[Piece]),
    (earlier, earlier_pieces): (Period, &[Piece]),
    default_limit_hours: u32,
) -> Result<(Section, [Hours; 2])> {
    let limits = limits(conn)?;
    let a = numbers(now_pieces, &limits, default_limit_hours);
    let b = numbers(earlier_pieces, &limits, default_limit_hours);
    let t = frame.threshold;
    let mut tables = Vec::new();
    let mut charts = Vec::new();
    tables.push(frame.counts(
        Counts {
            id: "volunteers-people",
            title: "Vrijwilligers",
            heading: "Vrijwilligers",
            additive: false,
            note: "Gaven hulp: schreven in deze periode uren. Begonnen: voor het eerst actief.",
        },
        vec![
            (
                "Gaven hulp".into(),
                [a.hours.volunteers, b.hours.volunteers],
            ),
            ("Begonnen".into(), [a.started, b.started]),
            ("Gestopt".into(), [a.stopped, b.stopped]),
        ],
    ));
    let hours = |x: &Numbers| amount(x.hours.hours(), Unit::Hours, x.hours.volunteers, t);
    tables.push(frame.cells(
        Counts {
            id: "volunteers-hours",
            title: "Uren gegeven",
            heading: "Uren",
            additive: false,
            note: "Alle uren die vrijwilligers schreven bij hun koppelingen.",
        },
        vec![("Uren vrijwilligerswerk".into(), [hours(&a), hours(&b)])],
    ));
    if now.months().len() > 1 {
        let find = |x: &Numbers, d: &chrono::NaiveDate| {
            let key = d.format("%Y-%m").to_string();
            x.by_month
                .iter()
                .find(|m| m.0 == key)
                .map_or(super::Cell::Empty, |m| {
                    amount(m.1 as f64 / 60.0, Unit::Hours, m.2, t)
                })
        };
        let per_month = frame.cells(
            Counts {
                id: "hours-per-month",
                title: "Uren per maand",
                heading: "Maand",
                additive: false,
                note: "Uren van een maand met weinig vrijwilligers staan er niet bij.",
            },
            now.months()
                .iter()
                .zip(earlier.months().iter())
                .map(|(m, e)| {
                    (
                        super::period::month_short(&now, *m),
                        [find(&a, m), find(&b, e)],
                    )
                })
                .collect(),
        );
        charts.push(frame.chart(
            &per_month,
            ChartKind::Line,
            "Lijndiagram: de uren vrijwilligerswerk per maand, deze periode en een jaar eerder.",
        ));
        tables.push(per_month);
    }
    tables.push(frame.counts(
        Counts {
            id: "volunteers-load",
            title: "Hoe zwaar was het?",
            heading: "Drukste week",
            additive: true,
            note: "Per vrijwilliger die hulp gaf: de uren in de drukste week, tegen de eigen weekgrens \
                   (dichtbij: vanaf 80 procent). Alleen aantallen, geen namen.",
        },
        vec![
            ("Ruim binnen de grens".into(), [a.load[0], b.load[0]]),
            ("Dicht bij de grens".into(), [a.load[1], b.load[1]]),
            ("Over de grens".into(), [a.load[2], b.load[2]]),
        ],
    ));
    Ok((
        Section {
            id: "volunteers".into(),
            title: "Vrijwilligers en uren".into(),
            tables,
            charts,
        },
        [a.hours, b.hours],
    ))
}
