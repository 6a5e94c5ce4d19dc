//! The anonymity check of an agenda text: does it hold a name, street,
//! phone number, e-mail address, postcode or date of birth that is in the
//! database? Words are compared whole, without case and accents; phone
//! numbers by their digits (also written with spaces or dashes); dates in
//! the ways people write them.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Finding, FoundKind};
use crate::store::time::stored_date;
use crate::Result;

/// Everything in the database that an agenda text must not hold.
pub struct Known {
    /// Normalised words or phrases, with the original and its kind.
    terms: Vec<(String, String, FoundKind)>,
    /// Phone numbers as digits (0 instead of +31), with the original.
    phones: Vec<(String, String)>,
    emails: Vec<String>,
    birth_dates: HashSet<NaiveDate>,
}

/// Parts of Dutch surnames that are no name on their own.
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "het", "ter", "ten", "te", "op", "in", "la", "le", "von",
];

/// Lower case, without accents, every run of other characters one space,
/// with a space on both ends: `" ter horst "`.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::from(" ");
    for ch in text.chars().flat_map(char::to_lowercase) {
        let ch = match ch {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Digits of a phone number, "+31 6" and "0031 6" as "06".
fn phone_digits(raw: &str) -> String {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let plus = raw.trim_start().starts_with('+');
    let national = if plus {
        digits.strip_prefix("31")
    } else {
        digits.strip_prefix("0031")
    };
    match national {
        Some(rest) => format!("0{rest}"),
        None => digits,
    }
}

impl Known {
    /// Read the names, streets, numbers and dates of every resident (and of
    /// their network and proxy).
    pub fn read(conn: &Connection) -> Result<Known> {
        let mut k = Known {
            terms: Vec::new(),
            phones: Vec::new(),
            emails: Vec::new(),
            birth_dates: HashSet::new(),
        };
        let mut stmt = conn.prepare(
            "SELECT first_name, last_name, street, postcode, phone, email, birth_date,
                    proxy_name, proxy_phone, proxy_email
               FROM residents",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
            k.first_name(&text(0)?);
            k.last_name(&text(1)?);
            k.term(&text(2)?, FoundKind::Street);
            k.postcode(&text(3)?);
            k.phone(&text(4)?);
            k.email(&text(5)?);
            if let Some(d) = r
                .get::<_, Option<String>>(6)?
                .as_deref()
                .and_then(stored_date)
            {
                k.birth_dates.insert(d);
            }
            k.full_name(&text(7)?);
            k.phone(&text(8)?);
            k.email(&text(9)?);
        }
        let mut stmt = conn.prepare("SELECT name, phone, email FROM resident_network")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            k.full_name(&r.get::<_, String>(0)?);
            k.phone(&r.get::<_, String>(1)?);
            k.email(&r.get::<_, String>(2)?);
        }
        k.terms.sort();
        k.terms.dedup();
        Ok(k)
    }

    fn term(&mut self, raw: &str, kind: FoundKind) {
        let norm = normalise(raw);
        let core = norm.trim();
        if core.chars().count() >= 3 && !PARTICLES.contains(&core) {
            self.terms.push((norm.clone(), raw.trim().to_owned(), kind));
        }
    }

    fn first_name(&mut self, raw: &str) {
        self.term(raw, FoundKind::Name);
    }

    /// The whole surname ("van der Molen"), and its own last word ("Molen").
    fn last_name(&mut self, raw: &str) {
        self.term(raw, FoundKind::Name);
        if let Some(last) = raw.split_whitespace().last() {
            if last != raw.trim() {
                self.term(last, FoundKind::Name);
            }
        }
    }

    /// A name written in one field ("Petra Knol"): each word that is a name.
    fn full_name(&mut self, raw: &str) {
        for word in raw.split_whitespace() {
            self.term(word, FoundKind::Name);
        }
    }

    fn postcode(&mut self, raw: &str) {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        // ASCII only: the split at byte 4 below must fall between letters.
        if compact.len() == 6 && compact.is_ascii() {
            self.terms.push((
                normalise(&compact),
                raw.trim().to_owned(),
                FoundKind::Postcode,
            ));
            let spaced = format!("{} {}", &compact[..4], &compact[4..]);
            self.terms.push((
                normalise(&spaced),
                raw.trim().to_owned(),
                FoundKind::Postcode,
            ));
        }
    }

    fn phone(&mut self, raw: &str) {
        let digits = phone_digits(raw);
        if digits.len() >= 6 {
            self.phones.push((digits, raw.trim().to_owned()));
        }
    }

    fn email(&mut self, raw: &str) {
        let e = raw.trim().to_lowercase();
        if e.contains('@') {
            self.emails.push(e);
        }
    }
}

fn separator(ch: char) -> bool {
    matches!(ch, ' ' | '-' | '.' | '/' | '(' | ')')
}

/// Runs of digits in `text`, joined over single spaces, dashes, dots,
/// slashes and brackets: "06-12 34 56 78" is one run.
fn digit_runs(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Vec::new();
    let mut run = String::new();
    let mut start = 0;
    for (i, ch) in chars.iter().enumerate() {
        if ch.is_ascii_digit() {
            if run.is_empty() {
                start = i;
            }
            run.push(*ch);
        } else if !run.is_empty()
            && separator(*ch)
            && chars[i + 1..]
                .iter()
                .take(2)
                .find(|n| !separator(**n))
                .is_some_and(char::is_ascii_digit)
        {
            continue;
        } else if !run.is_empty() {
            let plus = start > 0 && chars[start - 1] == '+';
            runs.push(phone_digits(&format!(
                "{}{run}",
                if plus { "+" } else { "" }
            )));
            run.clear();
        }
    }
    if !run.is_empty() {
        let plus = start > 0 && chars[start - 1] == '+';
        runs.push(phone_digits(&format!(
            "{}{run}",
            if plus { "+" } else { "" }
        )));
    }
    runs
}

/// Dates in a normalised text: "6-2-1943", "06/02/1943", "1943-02-06",
/// "6 februari 1943".
fn dates(norm: &str) -> Vec<NaiveDate> {
    let words: Vec<&str> = norm.split_whitespace().collect();
    let num = |w: &str| w.parse::<u32>().ok();
    let month = |w: &str| {
        num(w).or_else(|| {
            crate::vocab::MONTHS
                .iter()
                .position(|m| w.len() >= 3 && m.starts_with(w))
                .map(|i| i as u32 + 1)
        })
    };
    let mut out = Vec::new();
    for w in words.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2]);
        if let (Some(d), Some(m), Some(y)) = (num(a), month(b), num(c)) {
            if let Some(date) = i32::try_from(y)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            {
                out.push(date);
            }
        }
        if let (Some(y), Some(m), Some(d)) = (num(a), num(b), num(c)) {
            if a.len() == 4 {
                if let Some(date) = i32::try_from(y)
                    .ok()
                    .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
                {
                    out.push(date);
                }
            }
        }
    }
    out
}

/// What of `known` the fields hold, per field in the given order.
pub fn findings(known: &Known, fields: &[(&str, &str)]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for (field, text) in fields {
        let mut push = |word: &str, kind: FoundKind| {
            let f = Finding {
                field: (*field).to_owned(),
                word: word.to_owned(),
                kind,
            };
            if !out.contains(&f) {
                out.push(f);
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        let norm = normalise(text);
        for (term, original, kind) in &known.terms {
            if norm.contains(term.as_str()) {
                push(original, *kind);
            }
        }
        let runs = digit_runs(text);
        for (digits, original) in &known.phones {
            if runs.iter().any(|r| r.contains(digits.as_str())) {
                push(original, FoundKind::Phone);
            }
        }
        let lower = text.to_lowercase();
        for email in &known.emails {
            if lower.contains(email.as_str()) {
                push(email, FoundKind::Email);
            }
        }
        for d in dates(&norm) {
            if known.birth_dates.contains(&d) {
                push(&d.format("%-d-%-m-%Y").to_string(), FoundKind::BirthDate);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_compared_without_case_accents_and_punctuation() {
        assert_eq!(
            normalise("Mevr. GEËRTSEMA, Brink 7!"),
            " mevr geertsema brink 7 "
        );
    }

    #[test]
    fn a_stored_postcode_with_letters_beyond_ascii_is_no_panic() {
        let mut k = Known {
            terms: Vec::new(),
            phones: Vec::new(),
            emails: Vec::new(),
            birth_dates: HashSet::new(),
        };
        // Six bytes, but byte 4 falls inside the second "é".
        k.postcode("1éé4");
        k.postcode("7991 LA");
        let kinds: Vec<&str> = k.terms.iter().map(|(_, raw, _)| raw.as_str()).collect();
        assert_eq!(kinds, ["7991 LA", "7991 LA"]);
    }

    #[test]
    fn phone_numbers_are_found_however_they_are_written() {
        assert!(digit_runs("bel 06-12 34 56 78 na 5").contains(&"0612345678".to_owned()));
        assert!(digit_runs("tel. +31 6 1234 5678").contains(&"0612345678".to_owned()));
        assert!(digit_runs("(0591) 123456").contains(&"0591123456".to_owned()));
    }

    #[test]
    fn dates_are_found_in_the_usual_ways() -> crate::Result<()> {
        let d = NaiveDate::from_ymd_opt(1943, 2, 6).ok_or(crate::Error::Locked)?;
        for text in [
            "geboren 6-2-1943",
            "06/02/1943",
            "1943-02-06",
            "6 februari 1943",
            "6 feb 1943",
        ] {
            assert_eq!(dates(&normalise(text)), vec![d], "{text}");
        }
        Ok(())
    }
}
