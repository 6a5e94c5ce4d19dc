//! A privacy document ([`Doc`]) on A4 with the shared PDF engine: the
//! group and the date at the top, the title, then the sections with their
//! paragraphs, label/value rows, bullets, tick boxes, tables and lines to
//! write on. Tagged for screen readers like every Buurtpunt document.

use chrono::{Datelike, NaiveDate};

use super::{Block, Doc};
use crate::pdf::style::{ACCENT, BODY, BODY_BOLD, H2, LABEL, MUTED, SMALL, TITLE};
use crate::pdf::{Fonts, Kind, Layout, Meta, PdfError, Style, TableRow, TableSpec, LEFT, RIGHT};
use crate::{Error, Result};

const WIDTH: f32 = RIGHT - LEFT;
/// Width of the label column in label/value rows.
const LABEL_W: f32 = 150.0;
/// An empty box to tick by hand (U+2610, in DejaVu Sans).
const BOX: &str = "\u{2610}";
/// A box with a cross: chosen.
const CROSSED: &str = "\u{2612}";

pub(super) fn render(d: &Doc, made: NaiveDate) -> Result<Vec<u8>> {
    let fonts = Fonts::load().map_err(failed)?;
    let mut doc = Layout::new(&fonts);
    letterhead(&mut doc, d);
    for p in &d.intro {
        paragraph(&mut doc, p, BODY);
        doc.space(4.0);
    }
    for s in &d.sections {
        doc.close_section();
        doc.space(14.0);
        doc.keep(H2.leading + 4.0 + 3.0 * BODY.leading);
        doc.open(Kind::Section);
        doc.heading(2, &s.title, H2, WIDTH);
        doc.space(4.0);
        for b in &s.blocks {
            block(&mut doc, b);
        }
    }
    doc.close_section();
    let meta = Meta {
        title: d.title.clone(),
        author: d.help_point.clone(),
        subject: d.subtitle.clone(),
        date: Some((
            u16::try_from(made.year()).map_err(|_| failed(PdfError("year".into())))?,
            made.month() as u8,
            made.day() as u8,
        )),
        footer_left: d.footer.clone(),
        running_header: format!("{} · {}", d.help_point, d.title),
    };
    doc.finish(&meta).map_err(failed)
}

fn failed(e: PdfError) -> Error {
    Error::PrivacyDoc(e.to_string())
}

fn paragraph(doc: &mut Layout<'_>, text: &str, style: Style) {
    let lines = doc.fonts().wrap(text, style, WIDTH);
    doc.keep(lines.len().min(3) as f32 * style.leading);
    doc.open(Kind::P);
    doc.lines(lines, LEFT, style);
    doc.close();
}

fn letterhead(doc: &mut Layout<'_>, d: &Doc) {
    let fonts = doc.fonts();
    let date = fonts.line(&d.made_on, BODY);
    let date_x = RIGHT - date.width;
    let group = fonts.wrap(&d.help_point, BODY_BOLD, date_x - LEFT - 24.0);
    doc.open(Kind::P);
    doc.pair(group, BODY_BOLD, vec![date], BODY, date_x);
    doc.close();
    doc.space(6.0);
    doc.rule(LEFT, RIGHT, 1.5, ACCENT);
    doc.space(18.0);
    doc.heading(1, &d.title, TITLE, WIDTH);
    doc.space(4.0);
    paragraph(doc, &d.subtitle, SMALL);
    doc.space(10.0);
}

fn block(doc: &mut Layout<'_>, b: &Block) {
    match b {
        Block::Paragraph(t) => {
            paragraph(doc, t, BODY);
            doc.space(4.0);
        }
        Block::Rows(rows) => {
            for (label, value) in rows {
                row(doc, label, value);
            }
            doc.space(4.0);
        }
        Block::Bullets(items) => list(doc, "\u{2022}", items),
        Block::TickBoxes(items) => list(doc, BOX, items),
        Block::Marked(items) => list_marked(
            doc,
            items
                .iter()
                .map(|(item, on)| (if *on { CROSSED } else { BOX }, item.as_str())),
        ),
        Block::Table { head, rows } => {
            let n = head.len().max(1);
            let rest = if n > 1 { 90.0 } else { 0.0 };
            let first = WIDTH - rest * (n - 1) as f32;
            let widths = std::iter::once(first)
                .chain(std::iter::repeat_n(rest, n - 1))
                .collect();
            doc.table(&TableSpec {
                head: head.clone(),
                rows: rows
                    .iter()
                    .map(|cells| TableRow {
                        cells: cells.clone(),
                        total: false,
                    })
                    .collect(),
                widths,
            });
            doc.space(6.0);
        }
        Block::WriteLines(labels) => {
            for label in labels {
                doc.keep(LABEL.leading + 26.0);
                paragraph(doc, label, LABEL);
                doc.space(20.0);
                doc.rule(LEFT, RIGHT, 0.6, MUTED);
                doc.space(8.0);
            }
        }
    }
}

/// A label with its value beside it.
fn row(doc: &mut Layout<'_>, label: &str, value: &str) {
    doc.label_value(label, value, LABEL_W, 3.0);
}

fn list(doc: &mut Layout<'_>, mark: &str, items: &[String]) {
    list_marked(doc, items.iter().map(|i| (mark, i.as_str())));
}

/// A list with its own mark before each item.
fn list_marked<'a>(doc: &mut Layout<'_>, items: impl Iterator<Item = (&'a str, &'a str)>) {
    let fonts = doc.fonts();
    doc.open(Kind::List);
    for (mark, item) in items {
        let label = fonts.line(mark, BODY);
        let text = fonts.wrap(item, BODY, WIDTH - 18.0);
        doc.keep(text.len().min(3) as f32 * BODY.leading);
        doc.open(Kind::Item);
        doc.bullet(label, text, BODY, LEFT + 2.0, LEFT + 18.0);
        doc.close();
        doc.space(2.0);
    }
    doc.close();
    doc.space(4.0);
}
