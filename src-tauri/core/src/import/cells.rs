//! The conversions people expect from a spreadsheet's cells: names and
//! addresses split the Dutch way, phone numbers with their leading 0 back,
//! dd-mm-jjjj dates, "ja"/"nee", statuses and ways of getting around in
//! Dutch or English.

use chrono::NaiveDate;

use crate::store::time::iso;
use crate::volunteers::{Mobility, VolunteerStatus};

/// Lower case, accents off, letters and digits only: "E-mail" → "email".
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            'ĳ' => {
                out.push_str("ij");
                continue;
            }
            c => c,
        };
        if plain.is_alphanumeric() {
            out.push(plain);
        }
    }
    out
}

/// "Jan van der Berg" → ("Jan", "van der Berg"); "Berg, Jan van der" too.
pub(super) fn split_full_name(full: &str) -> (String, String) {
    if let Some((last, rest)) = full.split_once(',') {
        let mut words = rest.split_whitespace();
        let first = words.next().unwrap_or_default().to_owned();
        let infix: Vec<&str> = words.collect();
        return (first, join_infix(&infix.join(" "), last.trim()));
    }
    match full.trim().split_once(char::is_whitespace) {
        Some((first, last)) => (first.to_owned(), last.trim().to_owned()),
        None => (full.trim().to_owned(), String::new()),
    }
}

/// "van der" + "Molen" → "van der Molen" (not twice when already there).
pub(super) fn join_infix(infix: &str, last: &str) -> String {
    let infix = infix.trim();
    let already = last
        .to_lowercase()
        .starts_with(&format!("{} ", infix.to_lowercase()));
    if infix.is_empty() || already {
        last.to_owned()
    } else if last.is_empty() {
        infix.to_owned()
    } else {
        format!("{infix} {last}")
    }
}

/// "Dorpsstraat 12a" → ("Dorpsstraat", "12a"); "2e Dwarsstraat 5 B" → ("2e Dwarsstraat", "5 B").
pub(super) fn split_address(address: &str) -> (String, String) {
    let words: Vec<&str> = address.split_whitespace().collect();
    match words
        .iter()
        .skip(1)
        .position(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        Some(i) => (words[..=i].join(" "), words[i + 1..].join(" ")),
        None => (words.join(" "), String::new()),
    }
}

/// "12" + "a" → "12a"; "12" + "2" → "12-2"; "12" + "bis" → "12 bis".
pub(super) fn join_addition(number: &str, addition: &str) -> String {
    let addition = addition.trim();
    if addition.is_empty() {
        number.to_owned()
    } else if addition.chars().count() == 1 && addition.chars().all(char::is_alphabetic) {
        format!("{number}{addition}")
    } else if addition.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{number}-{addition}")
    } else {
        format!("{number} {addition}")
    }
}

/// A spreadsheet drops the leading 0 of "0612345678" when it takes the
/// number for a number: put it back. "31612345678" becomes "+31612345678".
pub(super) fn phone_text(raw: &str) -> String {
    let all_digits = !raw.is_empty() && raw.chars().all(|c| c.is_ascii_digit());
    if all_digits && raw.len() == 9 && !raw.starts_with('0') {
        format!("0{raw}")
    } else if all_digits && raw.len() == 11 && raw.starts_with("31") {
        format!("+{raw}")
    } else {
        raw.to_owned()
    }
}

/// A date as people type it (22-11-2026, 22/11/2026, 22.11.2026, or
/// 2026-11-22, with or without a time) as `YYYY-MM-DD`; anything else is
/// passed on as typed, for validation to report.
pub(super) fn date_text(raw: &str) -> String {
    let raw = raw.trim();
    let day = raw.split_whitespace().next().unwrap_or_default();
    let day = day.split('T').next().unwrap_or_default();
    for format in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(day, format) {
            // "%Y" also takes "48": a two-digit year is not a date here.
            let four_digit_year = day.split(['-', '/', '.']).any(|p| p.len() == 4);
            if four_digit_year {
                return iso(d);
            }
        }
    }
    raw.to_owned()
}

/// "4", "4 uur", "2,5 uur per week" → the number as typed.
pub(super) fn hours_text(raw: &str) -> String {
    let lower = raw.trim().to_lowercase();
    let mut s = lower.as_str();
    for suffix in [
        "per week", "p/w", "p.w.", "/week", "uren", "uur", "u/w", "u", "h",
    ] {
        s = s.strip_suffix(suffix).unwrap_or(s).trim_end();
    }
    s.trim().to_owned()
}

/// Yes or no, as people write it; `None` when it is neither.
pub(super) fn yes_no(raw: &str) -> Option<bool> {
    if matches!(raw.trim(), "✓" | "✔") {
        return Some(true);
    }
    match fold(raw).as_str() {
        "" | "nee" | "n" | "no" | "0" | "onwaar" | "false" | "geen" => Some(false),
        "ja" | "j" | "yes" | "y" | "x" | "1" | "waar" | "true" | "vrijwilliger" | "volunteer" => {
            Some(true)
        }
        _ => None,
    }
}

/// A volunteer status in Dutch or English; empty is active (people on an
/// existing list are usually helping already).
pub(super) fn status(raw: &str) -> Option<VolunteerStatus> {
    Some(match fold(raw).as_str() {
        "" | "actief" | "active" | "ja" => VolunteerStatus::Active,
        "aanmelding" | "aangemeld" | "nieuw" | "applied" | "new" => VolunteerStatus::Applied,
        "pauze" | "gepauzeerd" | "oppauze" | "paused" => VolunteerStatus::Paused,
        "gestopt" | "stop" | "inactief" | "stopped" => VolunteerStatus::Stopped,
        _ => return None,
    })
}

/// "auto, fiets" → car and bike; `None` when a word is unknown.
pub(super) fn mobility(raw: &str) -> Option<Vec<Mobility>> {
    let mut out = Vec::new();
    let lower = raw.to_lowercase().replace(" en ", ",");
    for word in lower.split([',', ';', '/', '+', '&']) {
        let m = match fold(word).as_str() {
            "" | "geen" | "nee" => continue,
            "auto" | "car" | "metauto" | "heeftauto" => Mobility::Car,
            "fiets" | "ebike" | "bike" | "fietser" | "opdefiets" => Mobility::Bike,
            "lopend" | "tevoet" | "voet" | "lopen" | "walk" | "onfoot" => Mobility::OnFoot,
            _ => return None,
        };
        if !out.contains(&m) {
            out.push(m);
        }
    }
    Some(out)
}

/// "Tuinieren, Boodschappen doen" → the names, trimmed.
pub(super) fn list(raw: &str) -> Vec<String> {
    raw.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_people_type_them_become_iso() {
        assert_eq!(date_text("15-03-1948"), "1948-03-15");
        assert_eq!(date_text("5-3-1948"), "1948-03-05");
        assert_eq!(date_text("15/03/1948"), "1948-03-15");
        assert_eq!(date_text("1948-03-15 00:00:00"), "1948-03-15");
        assert_eq!(date_text("15-03-48"), "15-03-48");
        assert_eq!(date_text("gisteren"), "gisteren");
        assert_eq!(date_text(""), "");
    }

    #[test]
    fn names_and_addresses_are_split_the_dutch_way() {
        assert_eq!(
            split_full_name("Jan van der Berg"),
            ("Jan".into(), "van der Berg".into())
        );
        assert_eq!(
            split_full_name("Berg, Jan van der"),
            ("Jan".into(), "van der Berg".into())
        );
        assert_eq!(join_infix("van", "van Dijk"), "van Dijk");
        assert_eq!(join_infix("de", "Vries"), "de Vries");
        assert_eq!(
            split_address("2e Dwarsstraat 5 B"),
            ("2e Dwarsstraat".into(), "5 B".into())
        );
        assert_eq!(split_address("Brink"), ("Brink".into(), String::new()));
        assert_eq!(join_addition("12", "a"), "12a");
        assert_eq!(join_addition("12", "2"), "12-2");
    }

    #[test]
    fn spreadsheet_numbers_get_their_leading_zero_back() {
        assert_eq!(phone_text("612345678"), "0612345678");
        assert_eq!(phone_text("31612345678"), "+31612345678");
        assert_eq!(phone_text("0591-123456"), "0591-123456");
    }

    #[test]
    fn volunteer_words_are_understood_or_refused() {
        assert_eq!(yes_no("Ja"), Some(true));
        assert_eq!(yes_no(""), Some(false));
        assert_eq!(yes_no("misschien"), None);
        assert_eq!(status("Gepauzeerd"), Some(VolunteerStatus::Paused));
        assert_eq!(status("vakantie"), None);
        assert_eq!(
            mobility("auto en fiets"),
            Some(vec![Mobility::Car, Mobility::Bike])
        );
        assert_eq!(mobility("Te voet"), Some(vec![Mobility::OnFoot]));
        assert_eq!(mobility("paard"), None);
        assert_eq!(hours_text("2,5 uur per week"), "2,5");
    }
}
