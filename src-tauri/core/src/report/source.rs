//! Where the report gets its figures: [`figures`] is the ONE call site.
//!
//! MERGE (lead): `results::figures(conn, period, today, settings)` is built
//! in another branch. When it lands, make the body of [`figures`]
//!     `crate::results::figures(conn, period, today, &crate::settings::get(conn)?)`
//! and delete everything below the line marked INTERIM (and `interim_*`).
//! Until then the interim counts the help requests per month and per life
//! area from the real store, with the same suppression rules ("< 5", "x"),
//! so the report and its tests run on real data.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{suggested_year, year_period, ReportYears};
use crate::chart::{Chart, ChartKind, Series};
use crate::results::{Cell, Figures, Period, Row, Section, Table};
use crate::vocab::{LifeArea, Mask};
use crate::{Error, Result};

/// The figures of `period` (with the same period a year earlier).
pub fn figures(conn: &Connection, period: Period, today: NaiveDate) -> Result<Figures> {
    interim_figures(conn, period, today)
}

/// The years with data (newest first) and the year to offer.
pub fn years(conn: &Connection, today: NaiveDate) -> Result<ReportYears> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT CAST(substr(received_on, 1, 4) AS INTEGER) AS y
         FROM help_requests ORDER BY y DESC",
    )?;
    let mut years = Vec::new();
    for y in stmt.query_map([], |r| r.get::<_, i64>(0))? {
        let y = i32::try_from(y?).map_err(|_| Error::Report("year out of range".into()))?;
        if super::store::YEARS.contains(&y) && y <= today.year() {
            years.push(y);
        }
    }
    let suggested = suggested_year(today);
    if !years.contains(&suggested) {
        years.push(suggested);
        years.sort_unstable_by(|a, b| b.cmp(a));
    }
    Ok(ReportYears { years, suggested })
}

// ---- INTERIM: delete at merge (see the module docs) ----------------------

const THRESHOLD: u32 = 5;
const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

fn interim_figures(conn: &Connection, period: Period, _today: NaiveDate) -> Result<Figures> {
    let year = period.from.year();
    let earlier = year_period(year - 1).ok_or_else(|| Error::Report("year".into()))?;
    let this = interim_requests(conn, &period)?;
    let before = interim_requests(conn, &earlier)?;
    let columns = vec![year.to_string(), (year - 1).to_string()];

    let per_month = |rows: &[(u32, i64)], m: u32| rows.iter().filter(|r| r.0 == m).count() as u32;
    let months: Vec<(String, [u32; 2])> = (1..=12)
        .map(|m| {
            let label = MONTHS[(m - 1) as usize].to_owned();
            (label, [per_month(&this, m), per_month(&before, m)])
        })
        .collect();
    let per_area = |rows: &[(u32, i64)], a: LifeArea| {
        rows.iter().filter(|r| r.1 & a.bit() != 0).count() as u32
    };
    let areas: Vec<(String, [u32; 2])> = LifeArea::ALL
        .iter()
        .map(|a| {
            (
                interim_area_label(*a).to_owned(),
                [per_area(&this, *a), per_area(&before, *a)],
            )
        })
        .collect();
    let totals = [this.len() as u32, before.len() as u32];

    let by_month = interim_table(
        "requests-by-month",
        "Hulpvragen per maand",
        "Maand",
        &columns,
        &months,
        Some(totals),
        "Een hulpvraag telt in de maand waarin hij binnenkwam.",
    );
    let by_area = interim_table(
        "requests-by-area",
        "Hulpvragen per levensgebied",
        "Levensgebied",
        &columns,
        &areas,
        None,
        "Een hulpvraag kan over meer levensgebieden gaan; dan telt hij bij elk ervan.",
    );
    let charts = vec![
        interim_chart(&by_month, ChartKind::Line),
        interim_chart(&by_area, ChartKind::Bars),
    ];
    Ok(Figures {
        period,
        earlier,
        threshold: THRESHOLD,
        sections: vec![Section {
            id: "requests".into(),
            title: "Hulpvragen".into(),
            tables: vec![by_month, by_area],
            charts,
        }],
    })
}

/// (month, life area mask) of each request received in the period.
fn interim_requests(conn: &Connection, p: &Period) -> Result<Vec<(u32, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT CAST(substr(received_on, 6, 2) AS INTEGER), life_area_mask FROM help_requests
         WHERE received_on BETWEEN ?1 AND ?2",
    )?;
    let from = crate::store::time::iso(p.from);
    let to = crate::store::time::iso(p.to);
    let mut out = Vec::new();
    for row in stmt.query_map([from, to], |r| Ok((r.get::<_, u32>(0)?, r.get(1)?)))? {
        out.push(row?);
    }
    Ok(out)
}

fn interim_area_label(a: LifeArea) -> &'static str {
    match a {
        LifeArea::Housing => "Wonen",
        LifeArea::Transport => "Vervoer",
        LifeArea::SocialContact => "Sociaal contact",
        LifeArea::Health => "Gezondheid",
        LifeArea::MoneyAndAdmin => "Geld en administratie",
        LifeArea::Household => "Huishouden",
        LifeArea::GardenAndOddJobs => "Tuin en klussen",
        LifeArea::Other => "Anders",
    }
}

fn interim_cell(n: u32) -> Cell {
    if n > 0 && n < THRESHOLD {
        Cell::Small
    } else {
        Cell::Count { n }
    }
}

fn interim_table(
    id: &str,
    title: &str,
    heading: &str,
    columns: &[String],
    rows: &[(String, [u32; 2])],
    totals: Option<[u32; 2]>,
    note: &str,
) -> Table {
    let mut out: Vec<Row> = rows
        .iter()
        .map(|(label, n)| Row {
            label: label.clone(),
            cells: n.iter().map(|n| interim_cell(*n)).collect(),
        })
        .collect();
    // With a total, one small cell alone in a column could be computed back:
    // hide the smallest other count too.
    if totals.is_some() {
        for c in 0..columns.len() {
            let small = out
                .iter()
                .filter(|r| r.cells.get(c) == Some(&Cell::Small))
                .count();
            let other = out
                .iter()
                .enumerate()
                .filter_map(|(i, r)| match r.cells.get(c) {
                    Some(Cell::Count { n }) if *n > 0 => Some((*n, i)),
                    _ => None,
                })
                .min();
            if let (1, Some((_, i))) = (small, other) {
                if let Some(cell) = out.get_mut(i).and_then(|r| r.cells.get_mut(c)) {
                    *cell = Cell::Hidden;
                }
            }
        }
    }
    Table {
        id: id.into(),
        title: title.into(),
        label_heading: heading.into(),
        columns: columns.to_vec(),
        rows: out,
        total: totals.map(|t| Row {
            label: "Totaal".into(),
            cells: t.iter().map(|n| interim_cell(*n)).collect(),
        }),
        additive: totals.is_some(),
        note: note.into(),
    }
}

fn interim_chart(t: &Table, kind: ChartKind) -> Chart {
    let series = t
        .columns
        .iter()
        .enumerate()
        .map(|(c, name)| Series {
            name: name.clone(),
            values: t
                .rows
                .iter()
                .map(|r| match r.cells.get(c) {
                    Some(Cell::Count { n }) => Some(f64::from(*n)),
                    _ => None,
                })
                .collect(),
            hidden_label: t
                .rows
                .iter()
                .map(|r| match r.cells.get(c) {
                    Some(cell) => super::cell_text(cell, THRESHOLD),
                    None => String::new(),
                })
                .collect(),
        })
        .collect();
    Chart {
        id: t.id.clone(),
        kind,
        title: t.title.clone(),
        description: format!(
            "{}: {} tegen {}. De cijfers staan ook in de tabel hieronder.",
            t.title,
            t.columns.first().map(String::as_str).unwrap_or(""),
            t.columns.get(1).map(String::as_str).unwrap_or("")
        ),
        categories: t.rows.iter().map(|r| r.label.clone()).collect(),
        series,
    }
}
