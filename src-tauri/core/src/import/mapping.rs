//! From column names to fields, and from a row's cells to a resident (and a
//! volunteer profile): the suggestions and the conversions people expect
//! from a spreadsheet (dd-mm-jjjj dates, "ja"/"nee", "Tussenvoegsel").

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{ImportField, Mapping, MappingIssue, MappingProblem};
use crate::residents::ResidentInput;
use crate::store::time::iso;
use crate::vocab::Rule;
use crate::volunteers::{Mobility, VolunteerInput, VolunteerStatus};

/// Column names people use, folded (lower case, no accents, letters and
/// digits only), with the field they fill.
const NAMES: &[(&str, ImportField)] = &[
    ("voornaam", ImportField::FirstName),
    ("voornamen", ImportField::FirstName),
    ("roepnaam", ImportField::FirstName),
    ("firstname", ImportField::FirstName),
    ("givenname", ImportField::FirstName),
    ("tussenvoegsel", ImportField::Infix),
    ("tussenvoegsels", ImportField::Infix),
    ("voorvoegsel", ImportField::Infix),
    ("tv", ImportField::Infix),
    ("infix", ImportField::Infix),
    ("achternaam", ImportField::LastName),
    ("familienaam", ImportField::LastName),
    ("lastname", ImportField::LastName),
    ("surname", ImportField::LastName),
    ("familyname", ImportField::LastName),
    ("naam", ImportField::FullName),
    ("volledigenaam", ImportField::FullName),
    ("name", ImportField::FullName),
    ("fullname", ImportField::FullName),
    ("adres", ImportField::Address),
    ("address", ImportField::Address),
    ("straatenhuisnummer", ImportField::Address),
    ("straat", ImportField::Street),
    ("straatnaam", ImportField::Street),
    ("street", ImportField::Street),
    ("huisnummer", ImportField::HouseNumber),
    ("huisnr", ImportField::HouseNumber),
    ("nr", ImportField::HouseNumber),
    ("nummer", ImportField::HouseNumber),
    ("housenumber", ImportField::HouseNumber),
    ("number", ImportField::HouseNumber),
    ("toevoeging", ImportField::HouseNumberAddition),
    ("huisnummertoevoeging", ImportField::HouseNumberAddition),
    ("postcode", ImportField::Postcode),
    ("postalcode", ImportField::Postcode),
    ("zipcode", ImportField::Postcode),
    ("zip", ImportField::Postcode),
    ("kern", ImportField::Kern),
    ("wijk", ImportField::Kern),
    ("woonplaats", ImportField::Kern),
    ("plaats", ImportField::Kern),
    ("dorp", ImportField::Kern),
    ("buurt", ImportField::Kern),
    ("city", ImportField::Kern),
    ("town", ImportField::Kern),
    ("telefoon", ImportField::Phone),
    ("telefoonnummer", ImportField::Phone),
    ("tel", ImportField::Phone),
    ("telnr", ImportField::Phone),
    ("mobiel", ImportField::Phone),
    ("mobielnummer", ImportField::Phone),
    ("gsm", ImportField::Phone),
    ("phone", ImportField::Phone),
    ("telephone", ImportField::Phone),
    ("mobile", ImportField::Phone),
    ("email", ImportField::Email),
    ("emailadres", ImportField::Email),
    ("mail", ImportField::Email),
    ("mailadres", ImportField::Email),
    ("geboortedatum", ImportField::BirthDate),
    ("geboren", ImportField::BirthDate),
    ("gebdatum", ImportField::BirthDate),
    ("birthdate", ImportField::BirthDate),
    ("dateofbirth", ImportField::BirthDate),
    ("opmerking", ImportField::Notes),
    ("opmerkingen", ImportField::Notes),
    ("notitie", ImportField::Notes),
    ("notities", ImportField::Notes),
    ("bijzonderheden", ImportField::Notes),
    ("notes", ImportField::Notes),
    ("remarks", ImportField::Notes),
    ("vrijwilliger", ImportField::IsVolunteer),
    ("isvrijwilliger", ImportField::IsVolunteer),
    ("volunteer", ImportField::IsVolunteer),
    ("status", ImportField::Status),
    ("vaardigheden", ImportField::Skills),
    ("talenten", ImportField::Skills),
    ("talent", ImportField::Skills),
    ("kanhelpenmet", ImportField::Skills),
    ("skills", ImportField::Skills),
    ("taken", ImportField::Skills),
    ("urenperweek", ImportField::LimitHours),
    ("uurperweek", ImportField::LimitHours),
    ("uren", ImportField::LimitHours),
    ("hoursperweek", ImportField::LimitHours),
    ("vervoer", ImportField::Mobility),
    ("vervoermiddel", ImportField::Mobility),
    ("mobiliteit", ImportField::Mobility),
    ("mobility", ImportField::Mobility),
    ("vog", ImportField::VogOn),
    ("vogdatum", ImportField::VogOn),
    ("datumvog", ImportField::VogOn),
    ("mantelzorg", ImportField::CarerHours),
    ("mantelzorguren", ImportField::CarerHours),
    ("mantelzorgurenperweek", ImportField::CarerHours),
    ("toestemming", ImportField::ConsentOn),
    ("datumtoestemming", ImportField::ConsentOn),
    ("toestemmingdatum", ImportField::ConsentOn),
    ("consent", ImportField::ConsentOn),
];

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

/// The field a column name stands for: an exact name, else the longest known
/// name (5+ letters) inside it ("Telefoonnummer (mobiel)").
fn recognise(header: &str) -> Option<ImportField> {
    let key = fold(header);
    if key.is_empty() {
        return None;
    }
    if let Some((_, t)) = NAMES.iter().find(|(n, _)| *n == key) {
        return Some(*t);
    }
    NAMES
        .iter()
        .filter(|(n, _)| n.len() >= 5 && key.contains(n))
        .max_by_key(|(n, _)| n.len())
        .map(|(_, t)| *t)
}

/// Suggest a field per column; each field at most once (the first column wins).
pub(crate) fn suggest(headers: &[String]) -> Vec<Option<ImportField>> {
    let mut used = Vec::new();
    headers
        .iter()
        .map(|h| {
            let t = recognise(h).filter(|t| !used.contains(t))?;
            used.push(t);
            Some(t)
        })
        .collect()
}

/// Whether a file or sheet name says it is a list of volunteers.
pub(crate) fn names_volunteers(name: &str) -> bool {
    let f = fold(name);
    f.contains("vrijwillig") || f.contains("volunteer")
}

/// A first row that names no known field and holds values (an e-mail
/// address, a date, a postcode, a number) is data, not column names.
pub(crate) fn looks_like_data(first_row: &[String]) -> bool {
    if first_row.iter().any(|h| recognise(h).is_some()) {
        return false;
    }
    first_row.iter().any(|c| {
        let c = c.trim();
        let digits = c.chars().filter(char::is_ascii_digit).count();
        c.contains('@')
            || digits >= 4
            || (!c.is_empty() && digits == c.chars().count())
            || crate::validate::postcode(c).is_some()
    })
}

/// Which column fills which field.
pub(crate) struct Columns {
    by_target: HashMap<ImportField, usize>,
    pub all_volunteers: bool,
}

impl Columns {
    pub fn new(mapping: &Mapping, width: usize) -> (Columns, Vec<MappingProblem>) {
        let mut by_target = HashMap::new();
        let mut problems = Vec::new();
        for (i, t) in mapping.columns.iter().enumerate().take(width) {
            let Some(t) = *t else { continue };
            if by_target.insert(t, i).is_some() {
                let p = MappingProblem {
                    field: t,
                    issue: MappingIssue::Twice,
                };
                if !problems.contains(&p) {
                    problems.push(p);
                }
            }
        }
        if !by_target.contains_key(&ImportField::FullName) {
            for t in [ImportField::FirstName, ImportField::LastName] {
                if !by_target.contains_key(&t) {
                    problems.push(MappingProblem {
                        field: t,
                        issue: MappingIssue::Missing,
                    });
                }
            }
        }
        let columns = Columns {
            by_target,
            all_volunteers: mapping.all_volunteers,
        };
        (columns, problems)
    }

    /// Whether any volunteer field has a column.
    pub fn any_volunteer_field(&self) -> bool {
        self.by_target.keys().any(|t| t.is_volunteer_field())
    }

    /// The column a field's problems point at (a split field points at the
    /// column it came from).
    pub fn column_of(&self, t: ImportField) -> Option<usize> {
        let fallbacks: &[ImportField] = match t {
            ImportField::FirstName | ImportField::LastName => {
                &[ImportField::FullName, ImportField::Infix]
            }
            ImportField::Street | ImportField::HouseNumber => {
                &[ImportField::Address, ImportField::HouseNumberAddition]
            }
            _ => &[],
        };
        std::iter::once(&t)
            .chain(fallbacks)
            .find_map(|f| self.by_target.get(f).copied())
    }

    fn cell<'a>(&self, cells: &'a [String], t: ImportField) -> &'a str {
        self.by_target
            .get(&t)
            .and_then(|&i| cells.get(i))
            .map_or("", |c| c.trim())
    }

    /// The person in one row, with the problems found while converting.
    pub fn person(&self, cells: &[String]) -> Person {
        let get = |t| self.cell(cells, t);
        let mut problems = Vec::new();
        let (mut first, mut last) = split_full_name(get(ImportField::FullName));
        if !get(ImportField::FirstName).is_empty() {
            first = get(ImportField::FirstName).to_owned();
        }
        if !get(ImportField::LastName).is_empty() {
            last = get(ImportField::LastName).to_owned();
        }
        let (mut street, mut number) = split_address(get(ImportField::Address));
        if !get(ImportField::Street).is_empty() {
            street = get(ImportField::Street).to_owned();
        }
        if !get(ImportField::HouseNumber).is_empty() {
            number = get(ImportField::HouseNumber).to_owned();
        }
        let resident = ResidentInput {
            first_name: first,
            last_name: join_infix(get(ImportField::Infix), &last),
            street,
            house_number: join_addition(&number, get(ImportField::HouseNumberAddition)),
            postcode: get(ImportField::Postcode).to_owned(),
            kern: get(ImportField::Kern).to_owned(),
            phone: phone_text(get(ImportField::Phone)),
            email: get(ImportField::Email).to_owned(),
            birth_date: date_text(get(ImportField::BirthDate)),
            notes: get(ImportField::Notes).to_owned(),
            ..Default::default()
        };
        let is_volunteer = if self.all_volunteers {
            true
        } else {
            match yes_no(get(ImportField::IsVolunteer)) {
                Some(v) => v,
                None => {
                    problems.push((ImportField::IsVolunteer, Rule::Choice));
                    false
                }
            }
        };
        let volunteer = is_volunteer.then(|| {
            let status = status(get(ImportField::Status)).unwrap_or_else(|| {
                problems.push((ImportField::Status, Rule::Choice));
                VolunteerStatus::Active
            });
            let mobility = mobility(get(ImportField::Mobility)).unwrap_or_else(|| {
                problems.push((ImportField::Mobility, Rule::Choice));
                Vec::new()
            });
            let carer_hours = hours_text(get(ImportField::CarerHours));
            let input = VolunteerInput {
                mobility,
                limit_hours: hours_text(get(ImportField::LimitHours)),
                is_carer: !carer_hours.is_empty() && carer_hours != "0",
                carer_hours,
                vog_on: date_text(get(ImportField::VogOn)),
                consent_on: date_text(get(ImportField::ConsentOn)),
                ..Default::default()
            };
            VolunteerRow {
                input,
                status,
                skill_names: list(get(ImportField::Skills)),
            }
        });
        Person {
            resident,
            volunteer,
            problems,
        }
    }
}

/// One row converted: the resident, the volunteer profile if the row is a
/// volunteer, and what could not be converted.
pub(crate) struct Person {
    pub resident: ResidentInput,
    pub volunteer: Option<VolunteerRow>,
    pub problems: Vec<(ImportField, Rule)>,
}

pub(crate) struct VolunteerRow {
    /// Everything but the skills (see `skill_names`).
    pub input: VolunteerInput,
    pub status: VolunteerStatus,
    pub skill_names: Vec<String>,
}

/// "Jan van der Berg" → ("Jan", "van der Berg"); "Berg, Jan van der" too.
fn split_full_name(full: &str) -> (String, String) {
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
fn join_infix(infix: &str, last: &str) -> String {
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
fn split_address(address: &str) -> (String, String) {
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
fn join_addition(number: &str, addition: &str) -> String {
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
fn phone_text(raw: &str) -> String {
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
pub(crate) fn date_text(raw: &str) -> String {
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
fn hours_text(raw: &str) -> String {
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
fn yes_no(raw: &str) -> Option<bool> {
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
fn status(raw: &str) -> Option<VolunteerStatus> {
    Some(match fold(raw).as_str() {
        "" | "actief" | "active" | "ja" => VolunteerStatus::Active,
        "aanmelding" | "aangemeld" | "nieuw" | "applied" | "new" => VolunteerStatus::Applied,
        "pauze" | "gepauzeerd" | "oppauze" | "paused" => VolunteerStatus::Paused,
        "gestopt" | "stop" | "inactief" | "stopped" => VolunteerStatus::Stopped,
        _ => return None,
    })
}

/// "auto, fiets" → car and bike; `None` when a word is unknown.
fn mobility(raw: &str) -> Option<Vec<Mobility>> {
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
fn list(raw: &str) -> Vec<String> {
    raw.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn dutch_and_english_column_names_are_recognised() {
        let got = suggest(&headers(&[
            "Voornaam",
            "Tussenvoegsel",
            "Achternaam",
            "Woonplaats",
            "E-mail",
            "Telefoonnummer (mobiel)",
            "Geboortedatum",
            "VOG",
            "Something else",
            "First name",
        ]));
        assert_eq!(
            got,
            vec![
                Some(ImportField::FirstName),
                Some(ImportField::Infix),
                Some(ImportField::LastName),
                Some(ImportField::Kern),
                Some(ImportField::Email),
                Some(ImportField::Phone),
                Some(ImportField::BirthDate),
                Some(ImportField::VogOn),
                None,
                None, // first name is taken by the first column
            ]
        );
    }

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

    #[test]
    fn a_first_row_with_values_is_no_header() {
        assert!(looks_like_data(&headers(&["Anna", "Bakker", "7991 LA"])));
        assert!(looks_like_data(&headers(&["Anna", "anna@voorbeeld.nl"])));
        assert!(!looks_like_data(&headers(&["Voornaam", "Achternaam"])));
        assert!(!looks_like_data(&headers(&["Kolom één", "Kolom twee"])));
    }
}
