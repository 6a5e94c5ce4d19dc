//! The Dutch names of the months, and a date the way people write it.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// "januari" … "december".
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// "jan" … "dec" ("mrt" for maart).
pub const MONTHS_SHORT: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// "maandag" … "zondag".
pub const WEEKDAYS: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// `2026-12-02T14:30` → `woensdag 2 december 14:30` (no year: for moments
/// close to now, as a deadline).
pub fn dutch_day_time(t: NaiveDateTime) -> String {
    format!(
        "{} {} {} {:02}:{:02}",
        WEEKDAYS[t.weekday().num_days_from_monday() as usize],
        t.day(),
        MONTHS[t.month0() as usize],
        t.hour(),
        t.minute()
    )
}

/// `2026-01-01` → `1 januari 2026`.
pub fn dutch_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_is_written_with_its_weekday() -> Result<(), &'static str> {
        let t = NaiveDate::from_ymd_opt(2026, 12, 2)
            .and_then(|d| d.and_hms_opt(14, 30, 0))
            .ok_or("not a moment")?;
        assert_eq!(dutch_day_time(t), "woensdag 2 december 14:30");
        assert_eq!(dutch_date(t.date()), "2 december 2026");
        Ok(())
    }
}
