//! Charts, drawn once: a [`Chart`] (categories × one or two series) becomes
//! a list of [`Mark`]s in a box of a given size. The UI paints the marks as
//! SVG, the PDF engine as vector paths, so the meeting screen and the annual
//! report show the same chart. Every chart also has its table (for screen
//! readers and for whoever would rather read than look).
//!
//! A value that is `None` was suppressed (a small number): nothing is drawn
//! for it (a line breaks) but the label "< N" or "x" that its table shows.
//!
//! This module names nothing else in the crate (like `pdf` and `vocab`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ChartKind {
    /// Grouped bars: one group per category, one bar per series.
    Bars,
    /// One line per series over the categories (months).
    Line,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Series {
    /// "2026" or "jan–dec 2025".
    pub name: String,
    /// One value per category; `None` = suppressed.
    pub values: Vec<Option<f64>>,
    /// What a suppressed value shows ("< 5" or "x"), per category.
    pub hidden_label: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Chart {
    /// Stable id; the table it was drawn from has the same id.
    pub id: String,
    pub kind: ChartKind,
    pub title: String,
    /// A one-sentence description for screen readers and the PDF's alt text.
    pub description: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
}

/// Where a text's x lies relative to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One drawn thing, in points from the box's top left (y grows downward).
/// `series` picks the colour (0 = this period, 1 = a year earlier).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "mark")]
#[ts(export)]
pub enum Mark {
    Bar {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        series: u8,
    },
    Line {
        points: Vec<(f32, f32)>,
        series: u8,
    },
    Dot {
        x: f32,
        y: f32,
        series: u8,
    },
    /// Axis and grid lines.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        grid: bool,
    },
    Text {
        x: f32,
        y: f32,
        text: String,
        anchor: Anchor,
        size: f32,
        series: Option<u8>,
    },
}

/// Room for the value axis labels, the category labels and the legend.
const AXIS_W: f32 = 34.0;
const LABEL_H: f32 = 30.0;
const LEGEND_H: f32 = 18.0;
const SMALL: f32 = 8.0;

/// Draw `chart` in a box of `width` × `height` points.
pub fn draw(chart: &Chart, width: f32, height: f32) -> Vec<Mark> {
    let mut marks = Vec::new();
    let plot_x = AXIS_W;
    let plot_w = (width - AXIS_W - 4.0).max(10.0);
    let plot_top = LEGEND_H;
    let plot_h = (height - LEGEND_H - LABEL_H).max(10.0);
    let base = plot_top + plot_h;

    // Legend: a swatch and a name per series.
    let mut lx = plot_x;
    for (i, s) in chart.series.iter().enumerate() {
        let series = i as u8;
        marks.push(Mark::Bar {
            x: lx,
            y: 4.0,
            w: 8.0,
            h: 8.0,
            series,
        });
        marks.push(Mark::Text {
            x: lx + 11.0,
            y: 11.0,
            text: s.name.clone(),
            anchor: Anchor::Start,
            size: SMALL,
            series: Some(series),
        });
        lx += 14.0 + 5.0 * s.name.chars().count() as f32 + 16.0;
    }

    // The value axis: a "nice" top and four grid lines.
    let max = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0_f64, |m, v| m.max(*v));
    let top = nice_top(max);
    for step in 0..=4 {
        let value = top * f64::from(step) / 4.0;
        let y = base - (value / top) as f32 * plot_h;
        marks.push(Mark::Rule {
            x1: plot_x,
            y1: y,
            x2: plot_x + plot_w,
            y2: y,
            grid: step > 0,
        });
        marks.push(Mark::Text {
            x: plot_x - 4.0,
            y: y + 3.0,
            text: axis_number(value),
            anchor: Anchor::End,
            size: SMALL,
            series: None,
        });
    }

    let n = chart.categories.len().max(1);
    let slot = plot_w / n as f32;
    let y_of = |v: f64| base - (v / top) as f32 * plot_h;
    match chart.kind {
        ChartKind::Bars => {
            let k = chart.series.len().max(1) as f32;
            let bar_w = (slot * 0.8 / k).min(28.0);
            for (c, _) in chart.categories.iter().enumerate() {
                let group_x = plot_x + slot * c as f32 + (slot - bar_w * k) / 2.0;
                for (i, s) in chart.series.iter().enumerate() {
                    let x = group_x + bar_w * i as f32;
                    match s.values.get(c).copied().flatten() {
                        Some(v) => marks.push(Mark::Bar {
                            x,
                            y: y_of(v),
                            w: bar_w * 0.92,
                            h: base - y_of(v),
                            series: i as u8,
                        }),
                        None => marks.push(Mark::Text {
                            x: x + bar_w / 2.0,
                            y: base - 3.0,
                            text: s.hidden_label.get(c).cloned().unwrap_or_default(),
                            anchor: Anchor::Middle,
                            size: SMALL - 1.0,
                            series: Some(i as u8),
                        }),
                    }
                }
            }
        }
        ChartKind::Line => {
            for (i, s) in chart.series.iter().enumerate() {
                // A suppressed value breaks the line: no point is invented.
                let mut run: Vec<(f32, f32)> = Vec::new();
                for (c, v) in s.values.iter().enumerate() {
                    let x = plot_x + slot * c as f32 + slot / 2.0;
                    match v {
                        Some(v) => {
                            run.push((x, y_of(*v)));
                            marks.push(Mark::Dot {
                                x,
                                y: y_of(*v),
                                series: i as u8,
                            });
                        }
                        None => {
                            flush(&mut run, i as u8, &mut marks);
                            // Say why there is no point: "< 5" or "x".
                            marks.push(Mark::Text {
                                x,
                                y: base - 3.0 - 9.0 * i as f32,
                                text: s.hidden_label.get(c).cloned().unwrap_or_default(),
                                anchor: Anchor::Middle,
                                size: SMALL - 1.0,
                                series: Some(i as u8),
                            });
                        }
                    }
                }
                flush(&mut run, i as u8, &mut marks);
            }
        }
    }

    // Category labels under the axis: a label wider than its slot goes on
    // two lines, and shrinks when a line is still too wide.
    for (c, label) in chart.categories.iter().enumerate() {
        let (lines, size) = fit_label(label, slot * 0.95);
        for (i, line) in lines.into_iter().enumerate() {
            marks.push(Mark::Text {
                x: plot_x + slot * c as f32 + slot / 2.0,
                y: base + 12.0 + i as f32 * (size + 1.0),
                text: line,
                anchor: Anchor::Middle,
                size,
                series: None,
            });
        }
    }
    marks
}

/// About how wide `text` is at `size` (average glyph of a sans font).
fn text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.55
}

/// A label on one or two lines (split at the space nearest the middle),
/// and the font size at which its widest line fits `room`.
fn fit_label(label: &str, room: f32) -> (Vec<String>, f32) {
    if text_width(label, SMALL) <= room {
        return (vec![label.to_owned()], SMALL);
    }
    let middle = label.chars().count() / 2;
    let split = label
        .char_indices()
        .filter(|(_, ch)| *ch == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| label[..*i].chars().count().abs_diff(middle));
    let lines: Vec<String> = match split {
        Some(i) => vec![label[..i].to_owned(), label[i + 1..].to_owned()],
        None => vec![label.to_owned()],
    };
    let widest = lines
        .iter()
        .map(|l| text_width(l, SMALL))
        .fold(0.0_f32, f32::max);
    let size = if widest > room {
        (SMALL * room / widest).max(5.5)
    } else {
        SMALL
    };
    (lines, size)
}

fn flush(run: &mut Vec<(f32, f32)>, series: u8, marks: &mut Vec<Mark>) {
    if run.len() > 1 {
        marks.push(Mark::Line {
            points: std::mem::take(run),
            series,
        });
    }
    run.clear();
}

/// Four grid steps of 1, 2 or 5 × 10ⁿ (at least 1): the top is four steps,
/// so every grid line is a whole, round number.
fn nice_top(max: f64) -> f64 {
    let want = (max / 4.0).max(1.0);
    let mut unit = 10f64.powf(want.log10().floor());
    loop {
        for f in [1.0, 2.0, 5.0] {
            if f * unit >= want {
                return 4.0 * f * unit;
            }
        }
        unit *= 10.0;
    }
}

/// A value axis label the Dutch way: 1.000, 2,5.
fn axis_number(v: f64) -> String {
    if v.fract() == 0.0 {
        let digits = format!("{}", v as u64);
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push('.');
            }
            out.push(ch);
        }
        out
    } else {
        format!("{v:.1}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(kind: ChartKind, values: Vec<Option<f64>>) -> Chart {
        let n = values.len();
        Chart {
            id: "t".into(),
            kind,
            title: "t".into(),
            description: "t".into(),
            categories: (0..n).map(|i| format!("c{i}")).collect(),
            series: vec![Series {
                name: "2026".into(),
                values,
                hidden_label: vec!["< 5".into(); n],
            }],
        }
    }

    #[test]
    fn bars_stay_in_the_box_and_a_suppressed_value_draws_only_its_label() {
        let marks = draw(
            &chart(ChartKind::Bars, vec![Some(40.0), None, Some(7.0)]),
            300.0,
            160.0,
        );
        let bars: Vec<_> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Bar { x, y, w, h, .. } if *y > 10.0 => Some((*x, *y, *w, *h)),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 2);
        for (x, y, w, h) in bars {
            assert!(x >= 0.0 && x + w <= 300.0 && y >= 0.0 && y + h <= 160.0);
        }
        assert!(marks
            .iter()
            .any(|m| matches!(m, Mark::Text { text, .. } if text == "< 5")));
    }

    #[test]
    fn a_line_breaks_at_a_suppressed_month() {
        let marks = draw(
            &chart(
                ChartKind::Line,
                vec![Some(5.0), Some(6.0), None, Some(8.0), Some(9.0)],
            ),
            300.0,
            160.0,
        );
        let lines = marks
            .iter()
            .filter(|m| matches!(m, Mark::Line { .. }))
            .count();
        assert_eq!(lines, 2);
    }

    #[test]
    fn the_value_axis_is_round_and_dutch() {
        assert_eq!(nice_top(0.0), 4.0);
        assert_eq!(nice_top(37.0), 40.0);
        assert_eq!(nice_top(1200.0), 2000.0);
        assert_eq!(axis_number(1500.0), "1.500");
        assert_eq!(axis_number(2.5), "2,5");
    }

    #[test]
    fn a_long_category_label_goes_on_two_lines_within_its_slot() {
        let (lines, size) = fit_label("Geld en administratie", 40.0);
        assert_eq!(lines, vec!["Geld en", "administratie"]);
        assert!(lines.iter().all(|l| text_width(l, size) <= 40.0 + 0.01));
        assert_eq!(fit_label("Wonen", 40.0), (vec!["Wonen".to_owned()], SMALL));
    }
}
