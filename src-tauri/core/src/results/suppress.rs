//! Small numbers identify people in a village. A count below the threshold
//! shows as "< N" (primary suppression); where such a count could be
//! computed back from the total and the other cells of its column, more
//! cells are hidden ("x", complementary suppression), smallest first.
//!
//! What someone looking at a table knows: every shown count, the shown total
//! of a column, that a "< N" cell holds 1 to N−1 and that an "x" cell holds
//! some count (0 or more). A small count is safe when, with all of that,
//! it could still be at least two different numbers ([`pinned`] finds the
//! ones that could not). A total below the threshold hides its whole column.

use super::{Cell, Table};

/// Stand-in for "no upper bound" (an "x" cell).
const OPEN: i64 = i64::MAX / 4;

/// Suppress the small counts of `table` (cells built as `Cell::Count` with
/// their true value). Amounts were judged when they were made ([`amount`]).
pub fn suppress(table: &mut Table, threshold: u32) {
    let columns = table.columns.len();
    for c in 0..columns {
        let total = table.total.as_ref().and_then(|t| t.cells.get(c).copied());
        if let Some(Cell::Count { n }) = total {
            if n > 0 && n < threshold {
                // A small total: the whole column is small.
                set_total(table, c, Cell::Small);
                for row in &mut table.rows {
                    if let Some(cell @ Cell::Count { .. }) = row.cells.get_mut(c) {
                        *cell = Cell::Small;
                    }
                }
                continue;
            }
        }
        for row in &mut table.rows {
            if let Some(cell) = row.cells.get_mut(c) {
                if matches!(cell, Cell::Count { n } if *n > 0 && *n < threshold) {
                    *cell = Cell::Small;
                }
            }
        }
        if !table.additive || !matches!(total, Some(Cell::Count { .. })) {
            continue;
        }
        while !pinned(table, c, threshold).is_empty() {
            // Hide the smallest shown count that is not 0.
            let next = table
                .rows
                .iter()
                .enumerate()
                .filter_map(|(r, row)| match row.cells.get(c) {
                    Some(Cell::Count { n }) if *n > 0 => Some((*n, r)),
                    _ => None,
                })
                .min();
            match next {
                Some((_, r)) => table.rows[r].cells[c] = Cell::Hidden,
                None => {
                    set_total(table, c, Cell::Hidden);
                    break;
                }
            }
        }
    }
    // Rows of a non-additive table have no total to protect; its total row
    // (when there is one) is judged like any other count.
    if let Some(total) = table.total.as_mut() {
        for cell in &mut total.cells {
            if matches!(cell, Cell::Count { n } if *n > 0 && *n < threshold) {
                *cell = Cell::Small;
            }
        }
    }
}

fn set_total(table: &mut Table, c: usize, cell: Cell) {
    if let Some(slot) = table.total.as_mut().and_then(|t| t.cells.get_mut(c)) {
        *slot = cell;
    }
}

/// The rows of column `c` whose "< N" count can be pinned to one number
/// from what the table shows (empty = safe). Only an additive column with a
/// shown total gives anything to compute with.
pub fn pinned(table: &Table, c: usize, threshold: u32) -> Vec<usize> {
    let Some(Cell::Count { n: total }) = table.total.as_ref().and_then(|t| t.cells.get(c)) else {
        return Vec::new();
    };
    if !table.additive {
        return Vec::new();
    }
    let small_hi = i64::from(threshold) - 1;
    // (row, lowest, highest) of every cell that is not shown.
    let mut unknown: Vec<(usize, i64, i64)> = Vec::new();
    let mut shown: i64 = 0;
    for (r, row) in table.rows.iter().enumerate() {
        match row.cells.get(c) {
            Some(Cell::Count { n }) => shown += i64::from(*n),
            Some(Cell::Small) => unknown.push((r, 1, small_hi)),
            Some(Cell::Hidden) => unknown.push((r, 0, OPEN)),
            _ => {}
        }
    }
    let rest = i64::from(*total) - shown;
    let lo_sum: i64 = unknown.iter().map(|u| u.1).sum();
    let hi_sum: i64 = unknown
        .iter()
        .map(|u| u.2)
        .fold(0, |a, b| a.saturating_add(b));
    let small = |r: usize| matches!(table.rows[r].cells.get(c), Some(Cell::Small));
    unknown
        .iter()
        .filter(|(r, ..)| small(*r))
        .filter(|(_, lo, hi)| {
            let others_lo = lo_sum - lo;
            let others_hi = hi_sum.saturating_sub(*hi);
            let can_lo = (*lo).max(rest.saturating_sub(others_hi));
            let can_hi = (*hi).min(rest - others_lo);
            can_lo >= can_hi
        })
        .map(|(r, ..)| *r)
        .collect()
}

/// An amount (hours, euros, median days) over a group of `group` people or
/// requests: shown only when the group is not small.
pub fn amount(value: f64, unit: super::Unit, group: u32, threshold: u32) -> Cell {
    if group == 0 {
        Cell::Empty
    } else if group < threshold {
        Cell::Small
    } else {
        Cell::Amount { value, unit }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Row;
    use super::*;

    fn table(values: &[u32]) -> Table {
        Table {
            id: "t".into(),
            title: "t".into(),
            label_heading: "x".into(),
            columns: vec!["nu".into()],
            rows: values
                .iter()
                .enumerate()
                .map(|(i, n)| Row {
                    label: format!("r{i}"),
                    cells: vec![Cell::Count { n: *n }],
                })
                .collect(),
            total: Some(Row {
                label: "Totaal".into(),
                cells: vec![Cell::Count {
                    n: values.iter().sum(),
                }],
            }),
            additive: true,
            note: String::new(),
        }
    }

    fn cells(t: &Table) -> Vec<Cell> {
        t.rows.iter().map(|r| r.cells[0]).collect()
    }

    #[test]
    fn one_small_count_hides_the_next_smallest_too() {
        let mut t = table(&[2, 30, 12, 40]);
        suppress(&mut t, 5);
        assert_eq!(
            cells(&t),
            vec![
                Cell::Small,
                Cell::Count { n: 30 },
                Cell::Hidden,
                Cell::Count { n: 40 }
            ]
        );
    }

    #[test]
    fn two_ones_are_not_enough_to_hide_each_other() {
        // 1 + 1 = 2 would pin both to 1: a shown count is hidden as well.
        let mut t = table(&[1, 1, 20]);
        suppress(&mut t, 5);
        assert_eq!(cells(&t), vec![Cell::Small, Cell::Small, Cell::Hidden]);
    }

    #[test]
    fn a_small_total_hides_its_column() {
        let mut t = table(&[3, 0]);
        suppress(&mut t, 5);
        assert_eq!(cells(&t), vec![Cell::Small, Cell::Small]);
        assert_eq!(t.total.map(|r| r.cells[0]), Some(Cell::Small));
    }

    #[test]
    fn zero_stays_and_large_counts_stay() {
        let mut t = table(&[0, 6, 9]);
        suppress(&mut t, 5);
        assert_eq!(
            cells(&t),
            vec![
                Cell::Count { n: 0 },
                Cell::Count { n: 6 },
                Cell::Count { n: 9 }
            ]
        );
    }
}
