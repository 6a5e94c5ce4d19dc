//! Tables: a header row and body rows, tagged Table → THead/TBody → TR →
//! TH/TD so a screen reader reads them as a table. The first column holds
//! the row labels (TH with row scope), the other columns are right-aligned
//! values. A row that does not fit starts a new page, where the header row
//! is drawn again (as an artifact: it is read once).

use krilla::tagging::ArtifactType;

use super::layout::{Item, Kind, Layout, Mark};
use super::style::{BODY, BODY_BOLD, MUTED, TINT};
use super::{Rgb, Style, BOTTOM, LEFT};

/// Space inside a cell, in points.
const PAD: f32 = 3.0;
const RULE: Rgb = Rgb(0xbb, 0xbb, 0xbb);

/// One body row: its cells (label first) and whether it is a total.
#[derive(Debug, Clone)]
pub(crate) struct TableRow {
    pub cells: Vec<String>,
    pub total: bool,
}

/// A table to place: the header cells, the rows and the column widths.
#[derive(Debug, Clone)]
pub(crate) struct TableSpec {
    pub head: Vec<String>,
    pub rows: Vec<TableRow>,
    pub widths: Vec<f32>,
}

impl Layout<'_> {
    /// Place a table at the left margin; see the module docs.
    pub(crate) fn table(&mut self, t: &TableSpec) {
        let head_h = self.row_height(&t.head, &t.widths, BODY_BOLD);
        // The header and at least two rows stay together.
        let first: f32 = t
            .rows
            .iter()
            .take(2)
            .map(|r| self.row_height(&r.cells, &t.widths, BODY))
            .sum();
        self.keep(head_h + first);
        self.open(Kind::Table);
        self.open(Kind::THead);
        self.table_row(&t.head, &t.widths, BODY_BOLD, true, Some(head_h));
        self.close();
        self.open(Kind::TBody);
        for row in &t.rows {
            let style = if row.total { BODY_BOLD } else { BODY };
            let h = self.row_height(&row.cells, &t.widths, style);
            if self.y + h > BOTTOM && !self.at_page_top() {
                self.new_page();
                self.table_row(&t.head, &t.widths, BODY_BOLD, false, Some(head_h));
            }
            self.table_row(&row.cells, &t.widths, style, true, None);
            if row.total {
                let width: f32 = t.widths.iter().sum();
                let y = self.y - h;
                self.current().push(Item::Rect {
                    rect: (LEFT, y, width, 0.8),
                    fill: Some(MUTED),
                    stroke: None,
                });
            }
        }
        self.close();
        self.close();
    }

    fn row_height(&self, cells: &[String], widths: &[f32], style: Style) -> f32 {
        let lines = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| self.fonts.wrap(c, style, w - 2.0 * PAD).len().max(1))
            .max()
            .unwrap_or(1);
        lines as f32 * style.leading + 2.0 * PAD
    }

    /// One row at the current position. `tagged == false` draws it as an
    /// artifact (the repeated header). `head` marks the header row (tinted).
    fn table_row(
        &mut self,
        cells: &[String],
        widths: &[f32],
        style: Style,
        tagged: bool,
        head: Option<f32>,
    ) {
        let height = head.unwrap_or_else(|| self.row_height(cells, widths, style));
        let page = self.pages.len() - 1;
        let top = self.y;
        let width: f32 = widths.iter().sum();
        if head.is_some() {
            self.current().push(Item::Rect {
                rect: (LEFT, top, width, height),
                fill: Some(TINT),
                stroke: None,
            });
        }
        if tagged {
            self.open(Kind::Tr);
        }
        let mut x = LEFT;
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let lines = self.fonts.wrap(cell, style, w - 2.0 * PAD);
            if tagged {
                self.open(match (head.is_some(), i) {
                    (true, _) => Kind::Th { row: false },
                    (false, 0) => Kind::Th { row: true },
                    _ => Kind::Td,
                });
            }
            for (k, line) in lines.into_iter().enumerate() {
                let baseline = top
                    + PAD
                    + k as f32 * style.leading
                    + (style.leading - style.size) / 2.0
                    + style.size * 0.8;
                let lx = if i == 0 {
                    x + PAD
                } else {
                    x + w - PAD - line.width
                };
                if tagged {
                    self.put(page, lx, baseline, style, line);
                } else if !line.is_empty() {
                    self.current().push(Item::Text {
                        x: lx,
                        baseline,
                        style,
                        line,
                        mark: Mark::Artifact(ArtifactType::PaginationOther),
                    });
                }
            }
            if tagged {
                self.close();
            }
            x += w;
        }
        if tagged {
            self.close();
        }
        self.y = top + height;
        let bottom = self.y;
        self.current().push(Item::Rect {
            rect: (LEFT, bottom - 0.4, width, 0.4),
            fill: Some(RULE),
            stroke: None,
        });
    }
}
