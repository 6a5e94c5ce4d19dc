//! From column names to fields, and from a row's cells to a resident (and a
//! volunteer profile): the suggestions and the conversions people expect
//! from a spreadsheet (dd-mm-jjjj dates, "ja"/"nee", "Tussenvoegsel").

use std::collections::HashMap;

use super::cells::{
    date_text, fold, hours_text, join_addition, join_infix, list, mobility, phone_text,
    split_address, split_full_name, status, yes_no,
};
use super::{ImportField, Mapping, MappingIssue, MappingProblem};
use crate::residents::ResidentInput;
use crate::vocab::Rule;
use crate::volunteers::{VolunteerInput, VolunteerStatus};

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
    fn a_first_row_with_values_is_no_header() {
        assert!(looks_like_data(&headers(&["Anna", "Bakker", "7991 LA"])));
        assert!(looks_like_data(&headers(&["Anna", "anna@voorbeeld.nl"])));
        assert!(!looks_like_data(&headers(&["Voornaam", "Achternaam"])));
        assert!(!looks_like_data(&headers(&["Kolom één", "Kolom twee"])));
    }
}
