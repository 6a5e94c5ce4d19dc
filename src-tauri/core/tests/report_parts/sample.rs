//! Shared by the report tests: a realistic year of figures built by hand
//! (counts, small and hidden cells, hours and euros, charts), the group's
//! texts, and reading a PDF back with poppler-utils.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use buurtpunt_core::chart::{Chart, ChartKind, Series};
use buurtpunt_core::report::{cell_text, ReportMeta, ReportTexts};
use buurtpunt_core::results::{Cell, Figures, Period, Row, Section, Table, Unit};
use chrono::NaiveDate;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn row(label: &str, cells: [Cell; 2]) -> Row {
    Row {
        label: label.into(),
        cells: cells.to_vec(),
    }
}

pub fn n(n: u32) -> Cell {
    Cell::Count { n }
}

pub fn chart_of(t: &Table, kind: ChartKind) -> Chart {
    let series = (0..2)
        .map(|c| Series {
            name: t.columns[c].clone(),
            values: t
                .rows
                .iter()
                .map(|r| match r.cells[c] {
                    Cell::Count { n } => Some(f64::from(n)),
                    Cell::Amount { value, .. } => Some(value),
                    _ => None,
                })
                .collect(),
            hidden_label: t.rows.iter().map(|r| cell_text(&r.cells[c], 5)).collect(),
        })
        .collect();
    Chart {
        id: t.id.clone(),
        kind,
        title: t.title.clone(),
        description: format!("{}, 2026 tegen 2025.", t.title),
        categories: t.rows.iter().map(|r| r.label.clone()).collect(),
        series,
    }
}

/// A realistic year: counts, small and hidden cells, hours and euros.
pub fn sample() -> Figures {
    let cols = vec!["2026".to_owned(), "2025".to_owned()];
    let areas = Table {
        id: "requests-by-area".into(),
        title: "Hulpvragen per levensgebied".into(),
        label_heading: "Levensgebied".into(),
        columns: cols.clone(),
        rows: vec![
            row("Vervoer", [n(48), n(39)]),
            row("Sociaal contact", [n(31), n(27)]),
            row("Tuin en klussen", [n(22), Cell::Hidden]),
            row("Geld en administratie", [Cell::Small, Cell::Small]),
            row("Wonen", [n(12), n(9)]),
        ],
        total: Some(row("Totaal", [n(117), n(86)])),
        additive: true,
        note: "Een hulpvraag kan over meer levensgebieden gaan.".into(),
    };
    let months = Table {
        id: "requests-by-month".into(),
        title: "Hulpvragen per maand".into(),
        label_heading: "Maand".into(),
        columns: cols.clone(),
        rows: ["jan", "feb", "mrt", "apr", "mei", "jun"]
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let this = if i == 2 {
                    Cell::Small
                } else {
                    n(10 + i as u32)
                };
                row(m, [this, n(7 + 2 * i as u32)])
            })
            .collect(),
        total: None,
        additive: false,
        note: String::new(),
    };
    let value = Table {
        id: "social-value".into(),
        title: "Uren en maatschappelijke waarde".into(),
        label_heading: "Wat".into(),
        columns: cols,
        rows: vec![
            row(
                "Uren vrijwilligers",
                [
                    Cell::Amount {
                        value: 1502.5,
                        unit: Unit::Hours,
                    },
                    Cell::Amount {
                        value: 1210.0,
                        unit: Unit::Hours,
                    },
                ],
            ),
            row(
                "Vervangingswaarde",
                [
                    Cell::Amount {
                        value: 37_562.5,
                        unit: Unit::Euros,
                    },
                    Cell::Empty,
                ],
            ),
        ],
        total: None,
        additive: false,
        note: "Uren maal het uurtarief van de groep.".into(),
    };
    Figures {
        period: Period {
            from: date(2026, 1, 1),
            to: date(2026, 12, 31),
        },
        earlier: Period {
            from: date(2025, 1, 1),
            to: date(2025, 12, 31),
        },
        threshold: 5,
        sections: vec![
            Section {
                id: "requests".into(),
                title: "Hulpvragen".into(),
                charts: vec![
                    chart_of(&areas, ChartKind::Bars),
                    chart_of(&months, ChartKind::Line),
                ],
                tables: vec![areas, months],
            },
            Section {
                id: "value".into(),
                title: "Vrijwilligers en hun waarde".into(),
                tables: vec![value],
                charts: vec![],
            },
        ],
    }
}

pub fn texts() -> ReportTexts {
    ReportTexts {
        year: 2026,
        foreword: "Een jaar vol burenhulp in Westerwolde-Noord.".into(),
        notes: "Dit jaar kwam er een tweede spreekuur bij.".into(),
    }
}

pub fn meta() -> ReportMeta {
    ReportMeta {
        help_point: "Dorpspunt Ter Apelkanaal".into(),
        made_on: date(2027, 1, 14),
    }
}

pub fn out_dir(name: &str) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("REPORT_OUT") {
        Some(d) => PathBuf::from(d),
        None => {
            std::env::temp_dir().join(format!("buurtpunt-report-{}-{name}", std::process::id()))
        }
    };
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

pub fn tool(cmd: &str, args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .map_err(|e| format!("{cmd} (poppler-utils) is needed for this test: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn pdf_text(path: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let p = path.to_str().ok_or("path")?;
    tool("pdftotext", &["-layout", "-enc", "UTF-8", p, "-"])
}

/// The lines of the text without their spaces (pdftotext may write "< 5"
/// in a narrow cell as "<5").
pub fn squeezed(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<String>())
        .collect()
}

/// Every table row is one line in the PDF: its label, then exactly its cells.
pub fn assert_rows_as_written(f: &Figures, text: &str) {
    let lines = squeezed(text);
    for t in f.sections.iter().flat_map(|s| &s.tables) {
        for r in t.rows.iter().chain(&t.total) {
            let want = std::iter::once(r.label.clone())
                .chain(r.cells.iter().map(|c| cell_text(c, f.threshold)))
                .collect::<Vec<_>>()
                .join("")
                .replace(' ', "");
            assert!(
                lines.contains(&want),
                "no line `{want}` in the PDF:\n{text}"
            );
        }
    }
}
