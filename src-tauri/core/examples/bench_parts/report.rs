//! Bench part: the annual report PDF (target ≤ 1 s) for a full year: six
//! sections of two tables (twelve rows, this year and the year before, some
//! cells suppressed), each with its chart. Baseline: the same report without
//! sections (cover, foreword, method): the engine's fixed cost. Also the
//! XLSX, and the whole report as the button makes it on the bench data set.

use buurtpunt_core::chart::{Chart, ChartKind, Series};
use buurtpunt_core::report::{self, ReportInput, ReportMeta, ReportTexts};
use buurtpunt_core::results::{Cell, Figures, Period, Row, Section, Table};
use buurtpunt_core::{Db, Error, Result};
use chrono::{NaiveDate, NaiveDateTime};

use super::{median_ms, print};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

fn cell(seed: u32) -> Cell {
    match seed % 11 {
        0 => Cell::Small,
        1 => Cell::Hidden,
        _ => Cell::Count { n: 5 + seed % 140 },
    }
}

fn table(id: String, title: String) -> Table {
    let rows: Vec<Row> = MONTHS
        .iter()
        .enumerate()
        .map(|(i, m)| Row {
            label: (*m).to_owned(),
            cells: vec![cell(i as u32 * 7 + 3), cell(i as u32 * 13 + 5)],
        })
        .collect();
    Table {
        id,
        title,
        label_heading: "Maand".into(),
        columns: vec!["2026".into(), "2025".into()],
        rows,
        total: None,
        additive: false,
        note: "Geteld per maand.".into(),
    }
}

fn chart(t: &Table, kind: ChartKind) -> Chart {
    let series = (0..2)
        .map(|c| Series {
            name: t
                .columns
                .get(c)
                .cloned()
                .unwrap_or_else(|| format!("reeks {c}")),
            values: t
                .rows
                .iter()
                .map(|r| match r.cells.get(c) {
                    Some(Cell::Count { n }) => Some(f64::from(*n)),
                    _ => None,
                })
                .collect(),
            hidden_label: t.rows.iter().map(|_| "< 5".to_owned()).collect(),
        })
        .collect();
    Chart {
        id: t.id.clone(),
        kind,
        title: t.title.clone(),
        description: format!("{}: 2026 tegen 2025.", t.title),
        categories: t.rows.iter().map(|r| r.label.clone()).collect(),
        series,
    }
}

fn figures(sections: usize) -> Result<Figures> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or(Error::Invalid(vec![]));
    let sections = (0..sections)
        .map(|s| {
            let a = table(format!("s{s}-a"), format!("Onderdeel {s}: hulpvragen"));
            let b = table(format!("s{s}-b"), format!("Onderdeel {s}: uren"));
            Section {
                id: format!("s{s}"),
                title: format!("Onderdeel {s}"),
                charts: vec![chart(&a, ChartKind::Bars), chart(&b, ChartKind::Line)],
                tables: vec![a, b],
            }
        })
        .collect();
    Ok(Figures {
        period: Period {
            from: day(2026, 1, 1)?,
            to: day(2026, 12, 31)?,
        },
        earlier: Period {
            from: day(2025, 1, 1)?,
            to: day(2025, 12, 31)?,
        },
        threshold: 5,
        sections,
    })
}

pub fn run(db: &mut Db, now: NaiveDateTime) -> Result<()> {
    let texts = ReportTexts {
        year: 2026,
        foreword: "Een jaar vol burenhulp. ".repeat(40),
        notes: "Dank aan alle vrijwilligers. ".repeat(20),
    };
    let meta = ReportMeta {
        help_point: "Buurtpunt Lindeloo".into(),
        made_on: now.date(),
    };
    let full = figures(6)?;
    let empty = figures(0)?;
    print(
        "annual_report_pdf",
        median_ms(|| report::pdf::render(&full, &texts, &meta).map(drop))?,
    );
    print(
        "annual_report_pdf_baseline",
        median_ms(|| report::pdf::render(&empty, &texts, &meta).map(drop))?,
    );
    print(
        "annual_report_xlsx",
        median_ms(|| report::xlsx::render(&full, &texts, &meta).map(drop))?,
    );
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("Jaarverslag-2026.pdf");
    let input = ReportInput {
        year: 2026,
        overwrite: true,
    };
    print(
        "annual_report_make",
        median_ms(|| report::make(db, &input, &path, now).map(drop))?,
    );
    Ok(())
}
