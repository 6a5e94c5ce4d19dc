//! How Buurtpunt writes and reads dates and times: a day as `YYYY-MM-DD`, a
//! moment as `YYYY-MM-DDTHH:MM:SS` (local time, no zone), and a moment in a
//! file name as `YYYY-MM-DD-HHMMSS`. Every table and file uses these.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::{Error, Result};

const STAMP: &str = "%Y-%m-%dT%H:%M:%S";

/// A moment as stored: `YYYY-MM-DDTHH:MM:SS` (`created_at`, `updated_at`, ...).
pub fn stamp(t: NaiveDateTime) -> String {
    t.format(STAMP).to_string()
}

/// A stored moment read back; `None` when the text is not one.
pub fn parse_stamp(v: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(v, STAMP).ok()
}

/// A moment in a file name: `YYYY-MM-DD-HHMMSS` (sorts as it reads).
pub fn file_stamp(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d-%H%M%S").to_string()
}

/// A date as stored and sent: `YYYY-MM-DD`.
pub fn iso(d: NaiveDate) -> String {
    // Plain integer formatting: chrono's strftime parses its pattern on every
    // call, and lists and matching write thousands of dates.
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Read a date as Buurtpunt stores it (`YYYY-MM-DD`), quickly: lists read
/// thousands of them. `None` when the text is not such a date.
pub fn stored_date(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

/// [`stored_date`], or a typed error naming the bad text.
pub fn stored(v: &str) -> Result<NaiveDate> {
    stored_date(v).ok_or_else(|| Error::Migration(format!("stored date {v:?} is not YYYY-MM-DD")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_stored_and_read_back() -> Result<()> {
        for (y, m, d) in [(2026, 3, 5), (1999, 12, 31), (987, 1, 1)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).ok_or(Error::Invalid(Vec::new()))?;
            let text = iso(date);
            assert_eq!(text, date.format("%Y-%m-%d").to_string());
            assert_eq!(stored_date(&text), Some(date));
        }
        Ok(())
    }

    #[test]
    fn stored_dates_are_read_quickly_and_strictly() {
        assert_eq!(
            stored_date("2026-11-22"),
            NaiveDate::from_ymd_opt(2026, 11, 22)
        );
        assert_eq!(
            stored_date("2028-02-29"),
            NaiveDate::from_ymd_opt(2028, 2, 29)
        );
        assert_eq!(stored_date("2026-02-30"), None);
        assert_eq!(stored_date("2026-1-22"), None);
        assert_eq!(stored_date("22-11-2026"), None);
        assert_eq!(stored_date("2026-11-2x"), None);
        assert!(stored("").is_err());
    }

    #[test]
    fn moments_are_stamped_to_the_second_and_read_back() -> Result<()> {
        let t = NaiveDate::from_ymd_opt(2026, 3, 5)
            .and_then(|d| d.and_hms_opt(7, 4, 9))
            .ok_or(Error::Invalid(Vec::new()))?;
        assert_eq!(stamp(t), "2026-03-05T07:04:09");
        assert_eq!(parse_stamp(&stamp(t)), Some(t));
        assert_eq!(file_stamp(t), "2026-03-05-070409");
        assert_eq!(parse_stamp("2026-03-05"), None);
        Ok(())
    }
}
