//! Volunteers in a period: who gave help, who started and who stopped, the
//! hours given, and how the load is spread (counts only, never who).

use rusqlite::{params, Connection};

use super::build::{count, Counts, Frame};
use super::suppress::amount;
use super::{Period, Section, Unit};
use crate::chart::ChartKind;
use crate::store::time::iso;
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

fn numbers(conn: &Connection, p: Period, default_limit_hours: u32) -> Result<Numbers> {
    let (from, to) = (iso(p.from), iso(p.to));
    let mut out = Numbers::default();
    let mut stmt = conn.prepare_cached(
        "SELECT substr(on_date, 1, 7), sum(minutes), count(DISTINCT volunteer_id)
           FROM hour_entries WHERE on_date BETWEEN ?1 AND ?2 GROUP BY 1",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        out.by_month.push((r.get(0)?, r.get(1)?, count(r.get(2)?)));
    }
    // The busiest week of each volunteer against their weekly limit.
    let mut stmt = conn.prepare_cached(
        "SELECT w.volunteer_id, max(w.minutes), sum(w.minutes), v.limit_hours
           FROM (SELECT volunteer_id, strftime('%Y-%W', on_date) AS week, sum(minutes) AS minutes
                   FROM hour_entries WHERE on_date BETWEEN ?1 AND ?2
                  GROUP BY volunteer_id, week) w
           LEFT JOIN volunteers v ON v.resident_id = w.volunteer_id
          GROUP BY w.volunteer_id",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let busiest: i64 = r.get(1)?;
        let total: i64 = r.get(2)?;
        let limit: Option<f64> = r.get(3)?;
        let limit = limit.unwrap_or(f64::from(default_limit_hours)).max(0.1);
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
    out.started = count(conn.query_row(
        "SELECT count(*) FROM (SELECT min(on_date) AS first FROM volunteer_status_log
                                WHERE status = 'active' GROUP BY volunteer_id)
          WHERE first BETWEEN ?1 AND ?2",
        params![from, to],
        |r| r.get(0),
    )?);
    out.stopped = count(conn.query_row(
        "SELECT count(DISTINCT volunteer_id) FROM volunteer_status_log
          WHERE status = 'stopped' AND on_date BETWEEN ?1 AND ?2",
        params![from, to],
        |r| r.get(0),
    )?);
    Ok(out)
}

/// The volunteers section, and the hours of both periods (for the social value).
pub(crate) fn section(
    conn: &Connection,
    frame: &Frame,
    now: Period,
    earlier: Period,
    default_limit_hours: u32,
) -> Result<(Section, [Hours; 2])> {
    let a = numbers(conn, now, default_limit_hours)?;
    let b = numbers(conn, earlier, default_limit_hours)?;
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
