//! Field validation with Dutch rules (postcode, phone). Returns rule codes,
//! never sentences: the UI turns `{field, rule}` into plain Dutch.

use std::ops::RangeInclusive;

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

    /// A name never starts with `=`, `+`, `-` or `@`: a spreadsheet that
    /// opens a CSV would take it for a formula.
    pub fn name(&mut self, field: &str, value: &str) -> &mut Self {
        if formula_start(value) {
            self.push(field, Rule::FormulaStart, None);
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
/// Text that starts as a spreadsheet formula would.
pub fn formula_start(value: &str) -> bool {
    value.trim_start().starts_with(['=', '+', '-', '@'])
}

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

/// The years a typed date may fall in: birth dates go back to 1900, and
/// nothing Buurtpunt records lies beyond 2200.
pub const DATE_YEARS: RangeInclusive<i32> = 1900..=2200;

/// The one parser of typed dates: `YYYY-MM-DD` with a year in
/// [`DATE_YEARS`]; `None` when it is not such a date.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| DATE_YEARS.contains(&d.year()))
}

/// A typed date field (see [`parse_date`]). Empty gives `None` (and
/// `required` when `required`); a bad date gives `Rule::Date`.
pub fn date(c: &mut Check, field: &str, raw: &str, required: bool) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        c.rule(field, Rule::Required, required);
        return None;
    }
    let parsed = parse_date(raw);
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

/// Trim a text field, keeping everything else verbatim.
pub fn clean(v: &str) -> String {
    v.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn typed_dates_run_from_1900_to_2200() {
        let mut c = Check::new();
        assert_eq!(
            date(&mut c, "d", "1900-01-01", true),
            NaiveDate::from_ymd_opt(1900, 1, 1)
        );
        assert_eq!(
            date(&mut c, "d", " 2200-12-31 ", true),
            NaiveDate::from_ymd_opt(2200, 12, 31)
        );
        assert_eq!(date(&mut c, "d", "", false), None);
        assert!(c.finish().is_ok());
        assert_eq!(date(&mut c, "a", "1899-12-31", true), None);
        assert_eq!(date(&mut c, "b", "2201-01-01", true), None);
        assert_eq!(date(&mut c, "c", "2026-02-30", true), None);
        assert_eq!(date(&mut c, "e", "", true), None);
        let err = c.finish().unwrap_err();
        let rules: Vec<(&str, Rule)> = err
            .fields()
            .iter()
            .map(|f| (f.field.as_str(), f.rule))
            .collect();
        assert_eq!(
            rules,
            vec![
                ("a", Rule::Date),
                ("b", Rule::Date),
                ("c", Rule::Date),
                ("e", Rule::Required)
            ]
        );
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
