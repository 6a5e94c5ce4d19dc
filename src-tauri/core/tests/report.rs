//! The annual report's files: the PDF holds the figures (and only those), is
//! tagged (Figure with alt text, tables with TH/TD) and draws its charts as
//! vectors; the XLSX holds every cell of every table; a suppressed cell never
//! shows a number (store and export: `report_make.rs`). Read back with poppler-utils
//! (`pdftotext`, `pdfinfo`, `pdfimages`, `pdftocairo`) and calamine.
//!
//! Set `REPORT_OUT=/some/dir` to keep the rendered sample there.

#[path = "report_parts/sample.rs"]
mod sample;

use buurtpunt_core::chart::ChartKind;
use buurtpunt_core::report::{self, cell_text};
use buurtpunt_core::results::{Cell, Row, Table, Unit};
use calamine::{Data, Reader, Xlsx};
use proptest::prelude::*;
use sample::*;

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
    // Tagged once: a header cell per column and one per row; the header row
    // drawn again on page 3 is an artifact, so a screen reader reads it once.
    let count = |needle: &[u8]| bytes.windows(needle.len()).filter(|w| *w == needle).count();
    let th = count(b"/S/TH") - count(b"/S/THead");
    let want: usize = f
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .map(|t| t.columns.len() + 1 + t.rows.len() + usize::from(t.total.is_some()))
        .sum();
    assert_eq!(th, want);
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

#[test]
fn typed_text_in_the_workbook_never_starts_as_a_formula() -> TestResult {
    let mut f = sample();
    f.sections[0].tables[0].rows[0].label = "=HYPERLINK(\"https://kwaad.example\")".into();
    let mut m = meta();
    m.help_point = "+31 Dorpspunt".into();
    let mut t = texts();
    t.notes = "-Alles ging goed".into();
    let bytes = report::xlsx::render(&f, &t, &m)?;
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes))?;
    let names = book.sheet_names();
    let mut cells = Vec::new();
    for name in &names {
        let range = book.worksheet_range(name)?;
        cells.extend(range.rows().flatten().map(|c| c.to_string()));
    }
    for typed in ["=HYPERLINK(", "+31 Dorpspunt", "-Alles ging goed"] {
        assert!(
            cells.iter().any(|c| c.starts_with(&format!("'{typed}"))),
            "{typed}"
        );
        assert!(!cells.iter().any(|c| c.starts_with(typed)), "{typed}");
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
