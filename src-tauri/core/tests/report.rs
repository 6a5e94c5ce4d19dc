//! The annual report: the PDF holds the figures (and only those), is tagged
//! (Figure with alt text, tables with TH/TD) and draws its charts as vectors;
//! the XLSX holds every cell of every table; a suppressed cell never shows a
//! number; the texts are kept per year and limited; making the report logs
//! it and asks before replacing files. Read back with poppler-utils
//! (`pdftotext`, `pdfinfo`, `pdfimages`, `pdftocairo`) and calamine.
//!
//! Set `REPORT_OUT=/some/dir` to keep the rendered sample there.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use buurtpunt_core::chart::{Chart, ChartKind, Series};
use buurtpunt_core::report::{self, cell_text, ReportInput, ReportMeta, ReportTexts};
use buurtpunt_core::results::{Cell, Figures, Period, Row, Section, Table, Unit};
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::{Db, Error};
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use proptest::prelude::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn row(label: &str, cells: [Cell; 2]) -> Row {
    Row {
        label: label.into(),
        cells: cells.to_vec(),
    }
}

fn n(n: u32) -> Cell {
    Cell::Count { n }
}

fn chart_of(t: &Table, kind: ChartKind) -> Chart {
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
fn sample() -> Figures {
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

fn texts() -> ReportTexts {
    ReportTexts {
        year: 2026,
        foreword: "Een jaar vol burenhulp in Westerwolde-Noord.".into(),
        notes: "Dit jaar kwam er een tweede spreekuur bij.".into(),
    }
}

fn meta() -> ReportMeta {
    ReportMeta {
        help_point: "Dorpspunt Ter Apelkanaal".into(),
        made_on: date(2027, 1, 14),
    }
}

fn out_dir(name: &str) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("REPORT_OUT") {
        Some(d) => PathBuf::from(d),
        None => {
            std::env::temp_dir().join(format!("buurtpunt-report-{}-{name}", std::process::id()))
        }
    };
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

fn tool(cmd: &str, args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .map_err(|e| format!("{cmd} (poppler-utils) is needed for this test: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn pdf_text(path: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let p = path.to_str().ok_or("path")?;
    tool("pdftotext", &["-layout", "-enc", "UTF-8", p, "-"])
}

/// The lines of the text without their spaces (pdftotext may write "< 5"
/// in a narrow cell as "<5").
fn squeezed(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<String>())
        .collect()
}

/// Every table row is one line in the PDF: its label, then exactly its cells.
fn assert_rows_as_written(f: &Figures, text: &str) {
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

#[test]
fn the_pdf_holds_the_figures_the_method_and_the_group_texts() -> TestResult {
    let f = sample();
    let bytes = report::pdf::render(&f, &texts(), &meta())?;
    let path = out_dir("pdf")?.join("Jaarverslag-2026.pdf");
    std::fs::write(&path, &bytes)?;
    let text = pdf_text(&path)?;
    for needle in [
        "Dorpspunt Ter Apelkanaal",
        "Jaarverslag 2026",
        "1 januari 2026 tot en met 31 december 2026",
        "Voorwoord",
        "Een jaar vol burenhulp in Westerwolde-Noord.",
        "Hulpvragen per levensgebied",
        "Uren en maatschappelijke waarde",
        "Een hulpvraag kan over meer levensgebieden gaan.",
        "Dit jaar kwam er een tweede spreekuur bij.",
        "Over de cijfers",
        "vervangingswaarde",
        "\u{201c}< 5\u{201d}",
        "\u{201c}x\u{201d}",
        "geen namen, adressen",
        "zonder persoonsgegevens",
    ] {
        assert!(text.contains(needle), "`{needle}` missing:\n{text}");
    }
    assert_rows_as_written(&f, &text);

    let info = tool("pdfinfo", &[path.to_str().ok_or("path")?])?;
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or("no page count")?;
    assert!(pages >= 4, "{info}");
    assert!(text.contains(&format!("Pagina 1 van {pages}")));
    assert!(
        info.lines()
            .any(|l| l.starts_with("Title:") && l.ends_with(" Jaarverslag 2026")),
        "{info}"
    );
    assert!(info
        .lines()
        .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")));
    Ok(())
}

#[test]
fn the_pdf_is_tagged_with_figures_and_tables_and_draws_charts_as_vectors() -> TestResult {
    let bytes = report::pdf::render(&sample(), &texts(), &meta())?;
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/StructTreeRoot"));
    assert!(has(b"/Lang(nl-NL)"));
    for tag in [
        &b"/S /Figure"[..],
        b"/S /Table",
        b"/S /TH",
        b"/S /TD",
        b"/S /TR",
    ] {
        let plain = String::from_utf8_lossy(tag).replace(' ', "");
        assert!(
            has(tag) || has(plain.as_bytes()),
            "no {}",
            String::from_utf8_lossy(tag)
        );
    }
    assert!(has(b"/Alt(Hulpvragen per levensgebied, 2026 tegen 2025.)"));
    assert!(
        !has(b"/Subtype /Image") && !has(b"/Subtype/Image"),
        "an image in the PDF"
    );

    let dir = out_dir("vector")?;
    let path = dir.join("vector.pdf");
    std::fs::write(&path, &bytes)?;
    let p = path.to_str().ok_or("path")?;
    let images = tool("pdfimages", &["-list", p])?;
    assert_eq!(images.lines().count(), 2, "images found:\n{images}");
    // Page 2 holds the first chart: its bars and lines are paths.
    let svg = dir.join("page2.svg");
    tool(
        "pdftocairo",
        &["-svg", "-f", "2", "-l", "2", p, svg.to_str().ok_or("svg")?],
    )?;
    let paths = std::fs::read_to_string(&svg)?.matches("<path").count();
    assert!(paths > 30, "only {paths} paths on the chart page");
    Ok(())
}

#[test]
fn a_long_table_repeats_its_header_row_on_the_next_page() -> TestResult {
    let mut f = sample();
    let long: Vec<Row> = (1..=50)
        .map(|i| row(&format!("Straat {i}"), [n(100 + i), Cell::Small]))
        .collect();
    f.sections[0].tables[0].rows = long;
    f.sections[0].tables[0].total = None;
    f.sections[0].charts.clear();
    let bytes = report::pdf::render(&f, &texts(), &meta())?;
    let path = out_dir("long")?.join("long.pdf");
    std::fs::write(&path, &bytes)?;
    let p = path.to_str().ok_or("path")?;
    let page = |k: &str| tool("pdftotext", &["-layout", "-f", k, "-l", k, p, "-"]);
    let (two, three) = (page("2")?, page("3")?);
    assert!(
        two.contains("Straat 1 ") && !two.contains("Straat 50"),
        "{two}"
    );
    assert!(three.contains("Straat 50"), "{three}");
    // Page 3 starts the table again with its header row.
    let header = squeezed(&three)
        .into_iter()
        .position(|l| l == "Levensgebied20262025")
        .ok_or(format!("no header row on page 3:\n{three}"))?;
    let first_row = squeezed(&three)
        .into_iter()
        .position(|l| l.starts_with("Straat"))
        .ok_or("no rows on page 3")?;
    assert!(header < first_row);
    assert_rows_as_written(&f, &tool("pdftotext", &["-layout", p, "-"])?);
    Ok(())
}

#[test]
fn the_workbook_holds_every_cell_of_every_table() -> TestResult {
    let f = sample();
    let bytes = report::xlsx::render(&f, &texts(), &meta())?;
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes))?;
    let names = book.sheet_names();
    assert_eq!(names[0], report::xlsx::METHOD_SHEET);
    let method = book.worksheet_range(&names[0])?;
    let all: String = method
        .rows()
        .flatten()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        all.contains("vervangingswaarde") && all.contains("< 5"),
        "{all}"
    );
    let tables: Vec<&Table> = f.sections.iter().flat_map(|s| &s.tables).collect();
    assert_eq!(names.len(), tables.len() + 1);
    for (name, t) in names.iter().skip(1).zip(tables) {
        assert!(name.chars().count() <= 31);
        let range = book.worksheet_range(name)?;
        assert_sheet(&range, t, f.threshold);
    }
    Ok(())
}

fn assert_sheet(range: &calamine::Range<Data>, t: &Table, threshold: u32) {
    assert_eq!(
        range.get_value((0, 0)),
        Some(&Data::String(t.title.clone()))
    );
    for (k, col) in t.columns.iter().enumerate() {
        assert_eq!(
            range.get_value((2, k as u32 + 1)),
            Some(&Data::String(col.clone()))
        );
    }
    for (i, r) in t.rows.iter().chain(&t.total).enumerate() {
        let at = 3 + i as u32;
        assert_eq!(
            range.get_value((at, 0)),
            Some(&Data::String(r.label.clone()))
        );
        for (k, cell) in r.cells.iter().enumerate() {
            let got = range.get_value((at, k as u32 + 1));
            let want = match cell {
                Cell::Count { n } => Data::Float(f64::from(*n)),
                Cell::Amount { value, .. } => Data::Float(*value),
                other => Data::String(cell_text(other, threshold)),
            };
            assert_eq!(got, Some(&want), "{} / {} / {k}", t.title, r.label);
        }
    }
}

fn cell_strategy() -> impl Strategy<Value = Cell> {
    prop_oneof![
        (5u32..5000).prop_map(|n| Cell::Count { n }),
        Just(Cell::Small),
        Just(Cell::Hidden),
        Just(Cell::Empty),
        (0.0f64..100_000.0).prop_map(|v| Cell::Amount {
            value: (v * 2.0).round() / 2.0,
            unit: Unit::Hours
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// The report shows exactly what the figures hold: each row is its label
    /// and its cells, in the PDF and in the workbook; a suppressed cell is
    /// its sign and never a number.
    #[test]
    fn the_report_shows_exactly_what_the_figures_hold(
        cells in proptest::collection::vec((cell_strategy(), cell_strategy()), 1..14)
    ) {
        let mut f = sample();
        let rows: Vec<Row> = cells
            .into_iter()
            .enumerate()
            .map(|(i, (a, b))| row(&format!("Kern {}", i + 1), [a, b]))
            .collect();
        f.sections[0].tables[0].rows = rows;
        f.sections[0].tables[0].total = None;
        let chart = chart_of(&f.sections[0].tables[0], ChartKind::Bars);
        f.sections[0].charts[0] = chart;
        let bytes = report::pdf::render(&f, &texts(), &meta()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let dir = out_dir("prop").map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.join("prop.pdf");
        std::fs::write(&path, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = pdf_text(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_rows_as_written(&f, &text);

        let book = report::xlsx::render(&f, &texts(), &meta()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let names = book.sheet_names();
        let range = book.worksheet_range(&names[1]).map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_sheet(&range, &f.sections[0].tables[0], f.threshold);
    }
}

#[test]
fn the_texts_are_kept_per_year_and_limited() -> TestResult {
    let mut db = Db::in_memory()?;
    let now = common::at(2027, 1, 14);
    assert_eq!(report::get_texts(db.conn(), 2026)?.foreword, "");
    report::save_texts(&mut db, &texts(), now)?;
    let mut other = texts();
    other.year = 2025;
    other.foreword = "Het eerste jaar.".into();
    report::save_texts(&mut db, &other, now)?;
    assert_eq!(report::get_texts(db.conn(), 2026)?, texts());
    assert_eq!(
        report::get_texts(db.conn(), 2025)?.foreword,
        "Het eerste jaar."
    );

    let mut long = texts();
    long.notes = "a".repeat(report::TEXT_MAX + 1);
    match report::save_texts(&mut db, &long, now) {
        Err(Error::Invalid(errors)) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].field, "notes");
            assert_eq!(errors[0].rule, Rule::TooLong);
            assert_eq!(errors[0].max, Some(report::TEXT_MAX));
        }
        other => panic!("expected too long, got {other:?}"),
    }
    assert_eq!(report::get_texts(db.conn(), 2026)?, texts());
    Ok(())
}

#[test]
fn making_the_report_writes_both_files_logs_it_and_asks_before_replacing() -> TestResult {
    let mut db = Db::in_memory()?;
    let now = common::at(2026, 11, 22);
    let who = common::resident(&mut db, "Geesje", "Mulder", "Vlagtwedde")?;
    let klussen = common::skill(&db, "Klussen in huis")?;
    common::odd_jobs_request(&mut db, who, klussen)?;
    report::save_texts(&mut db, &texts(), now)?;
    let years = report::years(db.conn(), now.date())?;
    assert_eq!(years.suggested, 2026);
    assert_eq!(years.years, vec![2026]);

    let dir = out_dir("make")?;
    let chosen = dir.join("Jaarverslag-2026.pdf");
    for p in report::export::paths(&chosen) {
        let _ = std::fs::remove_file(p);
    }
    let input = ReportInput {
        year: 2026,
        overwrite: false,
    };
    let done = report::make(&mut db, &input, &chosen, now)?;
    assert_eq!(done.files.len(), 2);
    assert!(chosen.exists() && dir.join("Jaarverslag-2026.xlsx").exists());
    let text = pdf_text(&chosen)?;
    assert!(text.contains("Hulpvragen per maand"), "{text}");
    assert!(text.contains(&texts().foreword));
    for name in ["Geesje", "Mulder"] {
        assert!(!text.contains(name), "a name in the report:\n{text}");
    }
    let log = report::made(db.conn())?;
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].year, log[0].files.clone()),
        (2026, done.files.clone())
    );

    match report::make(&mut db, &input, &chosen, now) {
        Err(Error::ReportFilesExist { files }) => assert_eq!(
            files,
            vec![
                "Jaarverslag-2026.pdf".to_owned(),
                "Jaarverslag-2026.xlsx".to_owned()
            ]
        ),
        other => panic!("expected the question, got {other:?}"),
    }
    assert_eq!(
        report::made(db.conn())?.len(),
        1,
        "nothing made, nothing logged"
    );
    let again = ReportInput {
        overwrite: true,
        ..input
    };
    report::make(&mut db, &again, &chosen, now)?;
    assert_eq!(report::made(db.conn())?.len(), 2);
    Ok(())
}
