//! The group's results for a period: the figures the meeting screen and the
//! annual report show, each beside the same period a year earlier, with small
//! numbers suppressed so that no neighbour can be recognised.
//!
//! Everything here is a count, a sum or a median over many records: no name,
//! address, phone number, date of birth or free text ever leaves this module.
//! A figure is a [`Table`] (rows × the two periods), optionally drawn as a
//! [`crate::chart::Chart`] made from the same, already suppressed, table.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A period, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Period {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
}

/// One cell of a table, after suppression.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum Cell {
    /// A count at or above the threshold.
    Count { n: u32 },
    /// A number that is not a count of people or requests (hours, euros,
    /// days, a percentage); shown only when the group it sums over is large
    /// enough.
    Amount { value: f64, unit: Unit },
    /// A count (or an amount over a group) below the threshold: "< 5".
    Small,
    /// Hidden so that a small count cannot be computed back from the total
    /// and the other cells (complementary suppression): "x".
    Hidden,
    /// Not applicable / no data for this period: "–".
    Empty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Unit {
    Hours,
    Euros,
    Days,
    Percent,
}

/// A row: a label (a life area, a kern, a month, a close reason — never a
/// person) and one cell per column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Row {
    pub label: String,
    pub cells: Vec<Cell>,
}

/// A table of figures. `columns` name the value columns (typically the
/// period and the same period a year earlier). When `additive`, the rows of
/// each column add up to `total` (and complementary suppression applies).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Table {
    /// Stable id, used in the UI and the XLSX sheet name (`requests-by-area`).
    pub id: String,
    pub title: String,
    /// The heading of the label column ("Levensgebied").
    pub label_heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    pub total: Option<Row>,
    pub additive: bool,
    /// A sentence under the table (how it is counted), or empty.
    pub note: String,
}

/// A section of the results (requests, volunteers, referrals, signals, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub tables: Vec<Table>,
    /// Charts drawn from (already suppressed) tables of this section.
    pub charts: Vec<crate::chart::Chart>,
}

/// All results for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Figures {
    pub period: Period,
    pub earlier: Period,
    /// Counts below this show as "< N".
    pub threshold: u32,
    pub sections: Vec<Section>,
}

mod build;
mod months;
mod parts;
pub mod period;
mod referrals;
mod requests;
mod signals;
pub mod suppress;
pub mod value;
mod volunteers;

pub use months::{keep_warmed, warm, Warmed};
pub use period::PeriodChoice;

use rusqlite::Connection;

use crate::settings::Settings;
use crate::Result;

/// The group's results for `period`, each beside the same period a year
/// earlier, with every small number suppressed. `today` decides which Wmo
/// answers are overdue.
pub fn figures(
    conn: &Connection,
    period: Period,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Figures> {
    let earlier = period.earlier();
    let frame = build::Frame {
        columns: vec![period.label(), earlier.label()],
        threshold: settings.small_number_threshold,
    };
    let now_pieces = months::pieces(conn, period)?;
    let earlier_pieces = months::pieces(conn, earlier)?;
    let (requests, collective) =
        requests::sections(&frame, (period, &now_pieces), (earlier, &earlier_pieces));
    let (volunteers, hours) = volunteers::section(
        conn,
        &frame,
        (period, &now_pieces),
        (earlier, &earlier_pieces),
        settings.default_limit_hours,
    )?;
    let referrals = referrals::section(conn, &frame, period, earlier, today)?;
    let value = value::section(&frame, hours, settings.hourly_rate_cents);
    let signals = signals::section(conn, &frame, period, earlier, today, settings)?;
    Ok(Figures {
        period,
        earlier,
        threshold: settings.small_number_threshold,
        sections: vec![requests, volunteers, referrals, signals, collective, value],
    })
}

/// A chart drawn for the meeting screen: its marks in a box of
/// `width` × `height` points (the UI scales the box to the screen).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Drawing {
    /// The chart's (and its table's) id.
    pub id: String,
    pub width: f32,
    pub height: f32,
    pub marks: Vec<crate::chart::Mark>,
}

/// The figures with every chart drawn, for the meeting screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScreenFigures {
    pub figures: Figures,
    pub drawings: Vec<Drawing>,
}

/// Chart box on the screen: small, so the UI scales it up and the labels
/// read from across a room.
const SCREEN_W: f32 = 320.0;
const SCREEN_H: f32 = 180.0;

/// The figures for the period the picker chose, with their charts drawn.
pub fn for_screen(
    conn: &Connection,
    choice: &PeriodChoice,
    today: NaiveDate,
) -> Result<ScreenFigures> {
    let figures = for_choice(conn, choice, today)?;
    let drawings = figures
        .sections
        .iter()
        .flat_map(|s| s.charts.iter())
        .map(|c| Drawing {
            id: c.id.clone(),
            width: SCREEN_W,
            height: SCREEN_H,
            marks: crate::chart::draw(c, SCREEN_W, SCREEN_H),
        })
        .collect();
    Ok(ScreenFigures { figures, drawings })
}

/// The results for the period the picker chose (see [`figures`]).
pub fn for_choice(conn: &Connection, choice: &PeriodChoice, today: NaiveDate) -> Result<Figures> {
    let period = choice.period()?;
    figures(conn, period, today, &crate::settings::get(conn)?)
}
