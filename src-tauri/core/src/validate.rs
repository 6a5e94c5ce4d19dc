//! Field validation with Dutch rules (postcode, phone). Returns rule codes,
//! never sentences: the UI turns `{field, rule}` into plain Dutch.

use chrono::{Datelike, NaiveDate};

use crate::vocab::{FieldError, Rule};

/// Collects field errors; `finish()` turns them into `Error::Invalid`.
#[derive(Debug, Default)]
pub struct Check {
    errors: Vec<FieldError>,
}

/// Longest short text (names, streets) we accept.
pub const SHORT: usize = 200;
/// Longest long text (notes, the ask) we accept: plenty, but bounded.
pub const LONG: usize = 20_000;

impl Check {
    pub fn new() -> Self {
        Self::default()
    }

    fn push(&mut self, field: &str, rule: Rule, max: Option<usize>) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            rule,
            max,
        });
    }

    pub fn required(&mut self, field: &str, value: &str) -> &mut Self {
        if value.trim().is_empty() {
            self.push(field, Rule::Required, None);
        }
        self
    }

    pub fn max_len(&mut self, field: &str, value: &str, max: usize) -> &mut Self {
        if value.chars().count() > max {
            self.push(field, Rule::TooLong, Some(max));
        }
        self
    }

    /// Optional Dutch postcode; expects it already normalised by [`postcode`].
    pub fn postcode(&mut self, field: &str, value: &str) -> &mut Self {
        if !value.is_empty() && postcode(value).is_none() {
            self.push(field, Rule::Postcode, None);
        }
        self
    }

    pub fn phone(&mut self, field: &str, value: &str) -> &mut Self {
        if !value.is_empty() && phone(value).is_none() {
            self.push(field, Rule::Phone, None);
        }
        self
    }

    pub fn email(&mut self, field: &str, value: &str) -> &mut Self {
        if !value.is_empty() && !is_email(value) {
            self.push(field, Rule::Email, None);
        }
        self
    }

    pub fn not_after(
        &mut self,
        field: &str,
        value: Option<NaiveDate>,
        today: NaiveDate,
    ) -> &mut Self {
        if value.is_some_and(|d| d > today) {
            self.push(field, Rule::DateInFuture, None);
        }
        self
    }

    pub fn choice(&mut self, field: &str, ok: bool) -> &mut Self {
        if !ok {
            self.push(field, Rule::Choice, None);
        }
        self
    }

    pub fn rule(&mut self, field: &str, rule: Rule, failed: bool) -> &mut Self {
        if failed {
            self.push(field, rule, None);
        }
        self
    }

    pub fn finish(&mut self) -> crate::Result<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(crate::Error::Invalid(std::mem::take(&mut self.errors)))
        }
    }
}

/// Normalise a Dutch postcode to `1234 AB`; `None` when it is not one.
pub fn postcode(raw: &str) -> Option<String> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let b = compact.as_bytes();
    if b.len() != 6 {
        return None;
    }
    let digits_ok = b[..4].iter().all(u8::is_ascii_digit) && b[0] != b'0';
    let letters_ok = b[4..].iter().all(u8::is_ascii_alphabetic);
    if !digits_ok || !letters_ok {
        return None;
    }
    let letters = compact[4..].to_ascii_uppercase();
    // SA, SD and SS are not issued in the Netherlands.
    if matches!(letters.as_str(), "SA" | "SD" | "SS") {
        return None;
    }
    Some(format!("{} {}", &compact[..4], letters))
}

/// Normalise a Dutch (or international) phone number: digits, an optional
/// leading `+`, spaces and dashes kept as typed. `None` when it cannot be one.
pub fn phone(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let mut digits = 0usize;
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits += 1,
            '+' if i == 0 => {}
            ' ' | '-' | '(' | ')' => {}
            _ => return None,
        }
    }
    let ok = if trimmed.starts_with('+') {
        (10..=15).contains(&digits)
    } else {
        digits == 10 && trimmed.starts_with('0')
    };
    ok.then(|| trimmed.to_owned())
}

fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

/// Parse a typed date (`YYYY-MM-DD`, years 1900–2200). Empty gives `None`
/// (and `required` when `required`); a bad date gives `Rule::Date`.
pub fn date(c: &mut Check, field: &str, raw: &str, required: bool) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        c.rule(field, Rule::Required, required);
        return None;
    }
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)));
    c.rule(field, Rule::Date, parsed.is_none());
    parsed
}

/// Parse a typed number as people write it: "2", "2,5" or "2.5". Empty gives
/// `None`; anything else outside `min..=max` gives `Rule::Number`.
pub fn number(c: &mut Check, field: &str, raw: &str, min: f64, max: f64) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = raw
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= min && *v <= max);
    c.rule(field, Rule::Number, parsed.is_none());
    parsed
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
pub fn stored(v: &str) -> crate::Result<NaiveDate> {
    stored_date(v)
        .ok_or_else(|| crate::Error::Migration(format!("stored date {v:?} is not YYYY-MM-DD")))
}

/// A date as stored and sent: `YYYY-MM-DD`.
pub fn iso(d: NaiveDate) -> String {
    // Plain integer formatting: chrono's strftime parses its pattern on every
    // call, and lists and matching write thousands of dates.
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Trim a text field, keeping everything else verbatim.
pub fn clean(v: &str) -> String {
    v.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_stored_and_read_back() -> crate::Result<()> {
        for (y, m, d) in [(2026, 3, 5), (1999, 12, 31), (987, 1, 1)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).ok_or(crate::Error::Invalid(Vec::new()))?;
            let text = iso(date);
            assert_eq!(text, date.format("%Y-%m-%d").to_string());
            assert_eq!(stored_date(&text), Some(date));
        }
        Ok(())
    }

    #[test]
    fn postcodes_are_normalised_or_refused() {
        assert_eq!(postcode("1234ab").as_deref(), Some("1234 AB"));
        assert_eq!(postcode(" 7721  XK ").as_deref(), Some("7721 XK"));
        assert_eq!(postcode("0123 AB"), None);
        assert_eq!(postcode("1234 SS"), None);
        assert_eq!(postcode("12345"), None);
        assert_eq!(postcode("1234 Ä"), None);
        assert_eq!(postcode("ABCD EF"), None);
    }

    #[test]
    fn phone_numbers_follow_dutch_rules() {
        assert!(phone("0612345678").is_some());
        assert!(phone("0523-123456").is_some());
        assert!(phone("+31 6 12345678").is_some());
        assert!(phone("12345").is_none());
        assert!(phone("06-1234-567a").is_none());
        assert!(phone("'; DROP TABLE").is_none());
    }

    #[test]
    fn emails_need_an_at_and_a_domain() {
        assert!(is_email("a.jansen@voorbeeld.nl"));
        assert!(!is_email("a.jansen"));
        assert!(!is_email("a @b.nl"));
        assert!(!is_email("a@b"));
    }

    #[test]
    fn numbers_accept_a_dutch_comma_and_respect_the_range() {
        let mut c = Check::new();
        assert_eq!(number(&mut c, "h", "2,5", 0.0, 40.0), Some(2.5));
        assert_eq!(number(&mut c, "h", " 4 ", 0.0, 40.0), Some(4.0));
        assert_eq!(number(&mut c, "h", "", 0.0, 40.0), None);
        assert!(c.finish().is_ok());
        assert_eq!(number(&mut c, "h", "veel", 0.0, 40.0), None);
        assert_eq!(number(&mut c, "k", "41", 0.0, 40.0), None);
        assert_eq!(number(&mut c, "n", "NaN", 0.0, 40.0), None);
        let err = c.finish().unwrap_err();
        assert_eq!(err.fields().len(), 3);
        assert!(err.fields().iter().all(|f| f.rule == Rule::Number));
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
    fn too_long_counts_characters_not_bytes() {
        let mut c = Check::new();
        c.max_len("naam", &"ë".repeat(SHORT), SHORT);
        assert!(c.finish().is_ok());
        c.max_len("naam", &"ë".repeat(SHORT + 1), SHORT);
        let err = c.finish().unwrap_err();
        assert_eq!(err.fields()[0].rule, Rule::TooLong);
    }
}
