//! The annual report as a tagged A4 PDF: a cover with the foreword, a part
//! per section (each table after its chart), the group's notes and a page
//! about the method. Made with the shared engine ([`crate::pdf`]): this file
//! decides what goes on the page; the engine shapes, lays out and writes.

use chrono::Datelike;

use super::{cell_text, dutch_date, method, period_text, ReportMeta, ReportTexts};
use crate::chart::{self, Chart, ChartKind, Mark};
use crate::pdf::style::{ACCENT, BODY, BODY_BOLD, H2, H3, MUTED, SMALL, TEXT, TITLE};
use crate::pdf::{
    Anchor, Fonts, Kind, Layout, Meta, PdfError, Rgb, Shape, Style, TableRow, TableSpec, LEFT,
    RIGHT,
};
use crate::results::{Figures, Table};
use crate::{Error, Result};

const WIDTH: f32 = RIGHT - LEFT;
/// A value column's width; the label column takes the rest.
const VALUE_W: f32 = 88.0;
const CHART_H: f32 = 200.0;
/// The year before: a light fill with a dark outline, told apart from this
/// year's solid bars in grey print too.
const EARLIER_FILL: Rgb = Rgb(0xd5, 0xde, 0xea);
const GRID: Rgb = Rgb(0xdd, 0xdd, 0xdd);

/// Render the annual report for `figures` as a tagged A4 PDF.
pub fn render(figures: &Figures, texts: &ReportTexts, meta: &ReportMeta) -> Result<Vec<u8>> {
    let fonts = Fonts::load().map_err(failed)?;
    let mut doc = Layout::new(&fonts);
    let year = figures.period.from.year();

    cover(&mut doc, figures, texts, meta, year);
    for section in &figures.sections {
        doc.page_break();
        doc.open(Kind::Section);
        doc.heading(2, &section.title, H2, WIDTH);
        doc.space(6.0);
        for table in &section.tables {
            let chart = section.charts.iter().find(|c| c.id == table.id);
            figure_with_table(&mut doc, table, chart, figures.threshold);
        }
        for chart in &section.charts {
            if !section.tables.iter().any(|t| t.id == chart.id) {
                doc.space(10.0);
                doc.keep(H3.leading + CHART_H);
                doc.heading(3, &chart.title, H3, WIDTH);
                draw_chart(&mut doc, chart);
            }
        }
        doc.close_section();
    }
    if !texts.notes.trim().is_empty() {
        doc.page_break();
        doc.open(Kind::Section);
        doc.heading(2, "Toelichting van de groep", H2, WIDTH);
        doc.space(4.0);
        paragraph(&mut doc, &texts.notes, BODY);
        doc.close_section();
    }
    doc.page_break();
    doc.open(Kind::Section);
    doc.heading(2, "Over de cijfers", H2, WIDTH);
    for (title, text) in method(figures.threshold, &figures.period, &figures.earlier) {
        doc.space(8.0);
        doc.keep(H3.leading + 3.0 * BODY.leading);
        doc.heading(3, &title, H3, WIDTH);
        paragraph(&mut doc, &text, BODY);
    }
    doc.close_section();

    let title = format!("Jaarverslag {year}");
    let made = meta.made_on;
    let pdf_meta = Meta {
        title: title.clone(),
        author: meta.help_point.clone(),
        subject: format!("Jaarverslag {year} van {}", meta.help_point),
        date: Some((
            u16::try_from(made.year()).map_err(|_| failed(PdfError("year".into())))?,
            made.month() as u8,
            made.day() as u8,
        )),
        footer_left: format!("{title} · zonder persoonsgegevens"),
        running_header: format!("{} · {title}", meta.help_point),
    };
    doc.finish(&pdf_meta).map_err(failed)
}

fn failed(e: PdfError) -> Error {
    Error::Report(e.to_string())
}

fn paragraph(doc: &mut Layout<'_>, text: &str, style: Style) {
    let lines = doc.fonts().wrap(text, style, WIDTH);
    doc.open(Kind::P);
    doc.lines(lines, LEFT, style);
    doc.close();
}

fn cover(doc: &mut Layout<'_>, f: &Figures, texts: &ReportTexts, meta: &ReportMeta, year: i32) {
    paragraph(doc, &meta.help_point, BODY_BOLD);
    doc.space(6.0);
    doc.rule(LEFT, RIGHT, 1.5, ACCENT);
    doc.space(40.0);
    doc.heading(1, &format!("Jaarverslag {year}"), TITLE, WIDTH);
    doc.space(6.0);
    paragraph(doc, &format!("Over {}", period_text(&f.period)), BODY);
    paragraph(
        doc,
        &format!("Vergeleken met {}", period_text(&f.earlier)),
        BODY,
    );
    paragraph(
        doc,
        &format!("Gemaakt op {}", dutch_date(meta.made_on)),
        SMALL,
    );
    doc.space(16.0);
    contents(doc, f, texts);
    doc.space(16.0);
    if !texts.foreword.trim().is_empty() {
        doc.open(Kind::Section);
        doc.heading(2, "Voorwoord", H2, WIDTH);
        doc.space(4.0);
        paragraph(doc, &texts.foreword, BODY);
        doc.close_section();
    }
}

/// "In dit verslag": the parts that follow, as a list.
fn contents(doc: &mut Layout<'_>, f: &Figures, texts: &ReportTexts) {
    let mut parts: Vec<&str> = f.sections.iter().map(|s| s.title.as_str()).collect();
    if !texts.notes.trim().is_empty() {
        parts.push("Toelichting van de groep");
    }
    parts.push("Over de cijfers");
    doc.keep(H3.leading + parts.len() as f32 * BODY.leading);
    doc.heading(3, "In dit verslag", H3, WIDTH);
    let fonts = doc.fonts();
    doc.open(Kind::List);
    for part in parts {
        let label = fonts.line("\u{2022}", BODY);
        let text = fonts.wrap(part, BODY, WIDTH - 16.0);
        doc.open(Kind::Item);
        doc.bullet(label, text, BODY, LEFT + 4.0, LEFT + 16.0);
        doc.close();
    }
    doc.close();
}

/// A table's title, its chart (when it has one), the table and its note.
fn figure_with_table(doc: &mut Layout<'_>, table: &Table, chart: Option<&Chart>, threshold: u32) {
    doc.space(10.0);
    let chart_h = if chart.is_some() { CHART_H } else { 0.0 };
    doc.keep(H3.leading + chart_h + 3.0 * (BODY.leading + 6.0));
    doc.heading(3, &table.title, H3, WIDTH);
    doc.space(4.0);
    if let Some(chart) = chart {
        draw_chart(doc, chart);
        doc.space(6.0);
    }
    let n = table.columns.len();
    let label_w = (WIDTH - VALUE_W * n as f32).max(WIDTH * 0.4);
    let mut widths = vec![label_w];
    widths.extend(std::iter::repeat_n(VALUE_W, n));
    let label = if table.label_heading.trim().is_empty() {
        "Onderdeel".to_owned()
    } else {
        table.label_heading.clone()
    };
    let mut head = vec![label];
    head.extend(table.columns.iter().cloned());
    let row = |r: &crate::results::Row, total: bool| TableRow {
        cells: std::iter::once(r.label.clone())
            .chain(r.cells.iter().map(|c| cell_text(c, threshold)))
            .collect(),
        total,
    };
    let mut rows: Vec<TableRow> = table.rows.iter().map(|r| row(r, false)).collect();
    rows.extend(table.total.iter().map(|r| row(r, true)));
    doc.table(&TableSpec { head, rows, widths });
    if !table.note.trim().is_empty() {
        doc.space(3.0);
        paragraph(doc, &table.note, SMALL);
    }
}

/// The chart as vector shapes, tagged as a Figure with its description.
fn draw_chart(doc: &mut Layout<'_>, chart: &Chart) {
    let line = chart.kind == ChartKind::Line;
    let shapes = chart::draw(chart, WIDTH, CHART_H)
        .into_iter()
        .flat_map(|m| match m {
            // A line chart's legend shows each series as its line (solid or
            // dashed) with its dot, so it reads in grey print too.
            Mark::Bar { x, y, w, h, series } if line && is_legend(y, w, h) => {
                legend_line(x, y, series)
            }
            other => vec![shape(other)],
        })
        .collect();
    let alt = if chart.description.trim().is_empty() {
        chart.title.clone()
    } else {
        chart.description.clone()
    };
    doc.figure(&alt, WIDTH, CHART_H, shapes);
}

/// The legend's swatches: the 8-point squares `chart::draw` puts above the plot.
fn is_legend(y: f32, w: f32, h: f32) -> bool {
    y < 6.0 && (w - 8.0).abs() < 0.01 && (h - 8.0).abs() < 0.01
}

fn legend_line(x: f32, y: f32, series: u8) -> Vec<Shape> {
    let mid = y + 4.0;
    let stroke = shape(Mark::Line {
        points: vec![(x - 4.0, mid), (x + 9.0, mid)],
        series,
    });
    let dot = shape(Mark::Dot {
        x: x + 2.5,
        y: mid,
        series,
    });
    vec![stroke, dot]
}

/// One chart mark in the house style. Series 0 (this year) is solid accent,
/// series 1 (the year before) light with an outline, dashed as a line.
fn shape(mark: Mark) -> Shape {
    match mark {
        Mark::Bar { x, y, w, h, series } => Shape::Rect {
            x,
            y,
            w,
            h,
            fill: Some(if series == 0 { ACCENT } else { EARLIER_FILL }),
            stroke: Some((ACCENT, 0.7)),
        },
        Mark::Line { points, series } => Shape::Line {
            points,
            color: if series == 0 { ACCENT } else { MUTED },
            width: if series == 0 { 1.8 } else { 1.4 },
            dash: series != 0,
        },
        Mark::Dot { x, y, series } => Shape::Dot {
            x,
            y,
            r: 2.4,
            fill: Some(if series == 0 {
                ACCENT
            } else {
                Rgb(0xff, 0xff, 0xff)
            }),
            stroke: Some((if series == 0 { ACCENT } else { MUTED }, 1.0)),
        },
        Mark::Rule {
            x1,
            y1,
            x2,
            y2,
            grid,
        } => Shape::Line {
            points: vec![(x1, y1), (x2, y2)],
            color: if grid { GRID } else { MUTED },
            width: if grid { 0.5 } else { 0.8 },
            dash: false,
        },
        Mark::Text {
            x,
            y,
            text,
            anchor,
            size,
            series: _,
        } => Shape::Text {
            x,
            y,
            text,
            size,
            color: TEXT,
            anchor: match anchor {
                chart::Anchor::Start => Anchor::Start,
                chart::Anchor::Middle => Anchor::Middle,
                chart::Anchor::End => Anchor::End,
            },
        },
    }
}
