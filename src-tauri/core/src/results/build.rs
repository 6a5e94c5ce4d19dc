//! Tables and charts from raw numbers: every table is suppressed before a
//! chart is drawn from it, so a chart never shows what its table hides.

use super::suppress::suppress;
use super::{Cell, Row, Table};
use crate::chart::{Chart, ChartKind, Series};

/// What every table of one [`super::figures`] call shares.
pub(crate) struct Frame {
    /// The two column headings: the period and a year earlier.
    pub columns: Vec<String>,
    pub threshold: u32,
}

/// A table of counts per label for both periods. Labels of either period
/// appear once, in the given order.
pub(crate) struct Counts<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub heading: &'a str,
    pub additive: bool,
    pub note: &'a str,
}

impl Frame {
    pub fn counts(&self, spec: Counts<'_>, rows: Vec<(String, [u32; 2])>) -> Table {
        let total = spec.additive.then(|| Row {
            label: "Totaal".into(),
            cells: (0..2)
                .map(|c| Cell::Count {
                    n: rows.iter().map(|r| r.1[c]).sum(),
                })
                .collect(),
        });
        self.finish(
            spec,
            rows.into_iter()
                .map(|(label, n)| Row {
                    label,
                    cells: n.iter().map(|n| Cell::Count { n: *n }).collect(),
                })
                .collect(),
            total,
        )
    }

    /// A table of cells made already (amounts judged by their group).
    pub fn cells(&self, spec: Counts<'_>, rows: Vec<(String, [Cell; 2])>) -> Table {
        self.finish(
            spec,
            rows.into_iter()
                .map(|(label, c)| Row {
                    label,
                    cells: c.to_vec(),
                })
                .collect(),
            None,
        )
    }

    fn finish(&self, spec: Counts<'_>, rows: Vec<Row>, total: Option<Row>) -> Table {
        let mut table = Table {
            id: spec.id.into(),
            title: spec.title.into(),
            label_heading: spec.heading.into(),
            columns: self.columns.clone(),
            rows,
            total,
            additive: spec.additive,
            note: spec.note.into(),
        };
        suppress(&mut table, self.threshold);
        table
    }

    /// A chart of an (already suppressed) table: one category per row, one
    /// series per column.
    pub fn chart(&self, table: &Table, kind: ChartKind, description: &str) -> Chart {
        let series = table
            .columns
            .iter()
            .enumerate()
            .map(|(c, name)| {
                let cells: Vec<Cell> = table
                    .rows
                    .iter()
                    .map(|r| r.cells.get(c).copied().unwrap_or(Cell::Empty))
                    .collect();
                Series {
                    name: name.clone(),
                    values: cells.iter().map(|cell| value(*cell)).collect(),
                    hidden_label: cells.iter().map(|cell| self.shown(*cell)).collect(),
                }
            })
            .collect();
        Chart {
            id: table.id.clone(),
            kind,
            title: table.title.clone(),
            description: description.into(),
            categories: table.rows.iter().map(|r| r.label.clone()).collect(),
            series,
        }
    }

    /// What a cell without a drawable value shows.
    fn shown(&self, cell: Cell) -> String {
        match cell {
            Cell::Small => format!("< {}", self.threshold),
            Cell::Hidden => "x".into(),
            Cell::Empty => "–".into(),
            Cell::Count { .. } | Cell::Amount { .. } => String::new(),
        }
    }
}

fn value(cell: Cell) -> Option<f64> {
    match cell {
        Cell::Count { n } => Some(f64::from(n)),
        Cell::Amount { value, .. } => Some(value),
        _ => None,
    }
}

/// The median of day counts given as (days, how many); `None` for none.
pub(crate) fn median(histogram: &[(i64, u32)]) -> Option<f64> {
    let mut h = histogram.to_vec();
    h.sort_unstable();
    let n: u64 = h.iter().map(|(_, k)| u64::from(*k)).sum();
    if n == 0 {
        return None;
    }
    // The value at 0-based position `i` of the sorted list.
    let at = |i: u64| {
        let mut seen = 0;
        for (d, k) in &h {
            seen += u64::from(*k);
            if i < seen {
                return *d;
            }
        }
        h.last().map_or(0, |x| x.0)
    };
    Some(if n % 2 == 1 {
        at(n / 2) as f64
    } else {
        (at(n / 2 - 1) + at(n / 2)) as f64 / 2.0
    })
}

/// A count that fits a `u32` (SQLite counts are `i64`).
pub(crate) fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn the_median_of_a_histogram_is_the_middle_of_the_list_it_stands_for() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[(4, 0)]), None);
        // 0 0 2 7 7 7 → (2 + 7) / 2
        assert_eq!(median(&[(7, 3), (0, 2), (2, 1)]), Some(4.5));
        // 1 3 3 → 3
        assert_eq!(median(&[(3, 2), (1, 1)]), Some(3.0));
    }
}
