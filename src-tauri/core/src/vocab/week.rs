//! The week grid: when a volunteer can help, and when a request wants help.

use chrono::{Datelike, NaiveDate};

/// The week grid: bit `day * 3 + part`, Monday = day 0, morning = part 0,
/// afternoon = 1, evening = 2. Only the 21 low bits are used.
pub const WEEK_MASK: u32 = (1 << 21) - 1;

/// The bit of the week grid for a date (its weekday) and part of the day.
pub fn slot_bit(day: u32, part: u32) -> u32 {
    1 << (day * 3 + part)
}

/// All three parts of the weekday of `date`.
pub fn day_bits(date: NaiveDate) -> u32 {
    let day = date.weekday().num_days_from_monday();
    0b111 << (day * 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_week_grid_has_a_bit_per_day_part() {
        assert_eq!(slot_bit(0, 0), 1);
        assert_eq!(slot_bit(6, 2), 1 << 20);
        assert_eq!(WEEK_MASK, slot_bit(6, 2) * 2 - 1);
        // 2026-11-24 is a Tuesday.
        let tuesday = NaiveDate::from_ymd_opt(2026, 11, 24);
        assert_eq!(tuesday.map(day_bits), Some(0b111 << 3));
    }
}
