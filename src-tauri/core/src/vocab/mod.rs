//! The shared vocabulary: the words and codes every feature uses — life
//! areas, the week grid, skill references, the data categories of consent,
//! field-check outcomes, kinds of database damage, the
//! spreadsheet-safe cell text — and the `text_enum!`
//! helper with its one bit-mask encoding ([`Mask`]).
//!
//! This is the bottom layer of the core: it names nothing else in the crate,
//! so every feature (and the error type) can use it without forming a loop
//! (see `tests/no_loops.rs`).

mod damage;
mod data_category;
mod field;
mod life_area;
mod month;
mod spreadsheet;
mod text_enum;
mod week;

use serde::Serialize;
use ts_rs::TS;

pub use damage::{Damage, DamageKind};
pub use data_category::DataCategory;
pub use field::{FieldError, Rule};
pub use life_area::LifeArea;
pub use month::{dutch_date, dutch_day_time, MONTHS, MONTHS_SHORT, WEEKDAYS};
pub use spreadsheet::spreadsheet_safe;
pub use text_enum::{Mask, TextEnum};
pub use week::{day_bits, slot_bit, WEEK_MASK};

/// A skill as shown on a record: id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SkillRef {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}
