//! Checking every row with the rules of the forms, and planning what the
//! import adds. Nothing is written here; [`super::run`] executes the plan.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::cells::fold;
use super::mapping::{Columns, Person};
use super::{
    ImportField, Mapping, Report, RowProblem, Sheet, SkippedRow, UnknownSkill, MAX_LISTED,
};
use crate::vocab::{FieldError, Rule};
use crate::volunteers::{VolunteerInput, VolunteerStatus};
use crate::{residents, volunteers, Error, Result};

/// Check a read sheet with a mapping: the report per row, nothing written.
pub fn check(
    conn: &Connection,
    sheet: &Sheet,
    mapping: &Mapping,
    today: NaiveDate,
) -> Result<Report> {
    Ok(plan(conn, sheet, mapping, today)?.report)
}

/// What one row adds.
pub(crate) enum Action {
    New {
        resident: Box<residents::Clean>,
        volunteer: Option<(volunteers::Clean, VolunteerStatus)>,
    },
    /// A volunteer row for a resident who is already known but not yet a volunteer.
    ProfileFor {
        resident_id: i64,
        volunteer: volunteers::Clean,
        status: VolunteerStatus,
    },
}

pub(crate) struct Plan {
    pub report: Report,
    pub actions: Vec<Action>,
}

/// The group's skills by folded name ("Autorijden (vervoer)" is also found
/// as "autorijden"). Retired skills are not offered for new records.
struct Skills(HashMap<String, i64>);

impl Skills {
    fn load(conn: &Connection) -> Result<Skills> {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM skills WHERE retired = 0")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut by_name = HashMap::new();
        let mut short = Vec::new();
        for row in rows {
            let (id, name) = row?;
            by_name.insert(fold(&name), id);
            if let Some((before, _)) = name.split_once('(') {
                short.push((fold(before), id));
            }
        }
        for (name, id) in short {
            by_name.entry(name).or_insert(id);
        }
        Ok(Skills(by_name))
    }

    fn find(&self, name: &str) -> Option<i64> {
        self.0.get(&fold(name)).copied()
    }
}

/// One person already known: in Buurtpunt (`id`) or in an earlier row.
struct Known {
    id: Option<i64>,
    row: Option<u32>,
    street: String,
    number: String,
    postcode: String,
}

/// People by lower-case name, to find likely duplicates with the rule of
/// the resident form: same name and the same address (postcode and house
/// number, or street and house number), or same name when no address is given.
struct People {
    by_name: HashMap<(String, String), Vec<Known>>,
    volunteers: HashSet<i64>,
}

impl People {
    fn load(conn: &Connection) -> Result<People> {
        let mut by_name: HashMap<(String, String), Vec<Known>> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT id, first_name, last_name, street, house_number, postcode FROM residents",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        for row in rows {
            let (id, first, last, street, number, postcode) = row?;
            by_name.entry(key(&first, &last)).or_default().push(Known {
                id: Some(id),
                row: None,
                street: street.to_lowercase(),
                number,
                postcode,
            });
        }
        let mut stmt = conn.prepare_cached("SELECT resident_id FROM volunteers")?;
        let volunteers = stmt
            .query_map([], |r| r.get::<_, i64>(0))?
            .collect::<Result<_, _>>()?;
        Ok(People {
            by_name,
            volunteers,
        })
    }

    fn matches(&self, r: &residents::ResidentInput) -> Vec<&Known> {
        let street = r.street.to_lowercase();
        let Some(known) = self.by_name.get(&key(&r.first_name, &r.last_name)) else {
            return Vec::new();
        };
        known
            .iter()
            .filter(|k| {
                (street.is_empty() && r.postcode.is_empty())
                    || (!r.postcode.is_empty()
                        && k.postcode == r.postcode
                        && k.number == r.house_number)
                    || (!street.is_empty() && k.street == street && k.number == r.house_number)
            })
            .collect()
    }

    fn add_row(&mut self, row: u32, r: &residents::ResidentInput) {
        self.by_name
            .entry(key(&r.first_name, &r.last_name))
            .or_default()
            .push(Known {
                id: None,
                row: Some(row),
                street: r.street.to_lowercase(),
                number: r.house_number.clone(),
                postcode: r.postcode.clone(),
            });
    }
}

fn key(first: &str, last: &str) -> (String, String) {
    (first.trim().to_lowercase(), last.trim().to_lowercase())
}

/// A cell value as shown in the report: at most 60 characters.
fn shown(value: &str) -> String {
    const MAX: usize = 60;
    if value.chars().count() <= MAX {
        value.to_owned()
    } else {
        let cut: String = value.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

/// Collects the report while the rows are checked.
struct Builder<'a> {
    sheet: &'a Sheet,
    columns: &'a Columns,
    report: Report,
    /// The name in the row being checked, for its problems.
    name: String,
    unknown: Vec<UnknownSkill>,
    unknown_index: HashMap<String, usize>,
}

impl Builder<'_> {
    fn problem(&mut self, row: &super::SheetRow, field: &str, rule: Rule, max: Option<usize>) {
        self.report.problem_count += 1;
        if self.report.problems.len() >= MAX_LISTED {
            return;
        }
        // The validation's field names are the targets' codes; free tags
        // come from unknown skills.
        let target = if field == "tags" {
            Some(ImportField::Skills)
        } else {
            ImportField::parse(field)
        };
        let column = target.and_then(|t| self.columns.column_of(t));
        self.report.problems.push(RowProblem {
            row: row.number,
            name: self.name.clone(),
            column: column
                .and_then(|i| self.sheet.headers.get(i))
                .cloned()
                .unwrap_or_default(),
            field: target.map_or_else(|| field.to_owned(), |t| t.as_str().to_owned()),
            rule,
            max,
            value: column
                .and_then(|i| row.cells.get(i))
                .map(|v| shown(v))
                .unwrap_or_default(),
        });
    }

    fn skipped(&mut self, s: SkippedRow) {
        self.report.skipped_count += 1;
        if self.report.skipped.len() < MAX_LISTED {
            self.report.skipped.push(s);
        }
    }

    fn unknown_skill(&mut self, name: &str, row: u32) {
        let i = *self.unknown_index.entry(fold(name)).or_insert_with(|| {
            self.unknown.push(UnknownSkill {
                name: name.to_owned(),
                rows: Vec::new(),
                count: 0,
            });
            self.unknown.len() - 1
        });
        let u = &mut self.unknown[i];
        u.count += 1;
        if u.rows.len() < 10 && !u.rows.contains(&row) {
            u.rows.push(row);
        }
    }
}

/// Field errors of a validation, or the error itself when it is another kind.
fn field_errors(e: Error) -> Result<Vec<FieldError>> {
    match e {
        Error::Invalid(fields) => Ok(fields),
        other => Err(other),
    }
}

pub(crate) fn plan(
    conn: &Connection,
    sheet: &Sheet,
    mapping: &Mapping,
    today: NaiveDate,
) -> Result<Plan> {
    if sheet.fingerprint != mapping.fingerprint {
        return Err(Error::ImportFileChanged);
    }
    let (columns, mapping_problems) = Columns::new(mapping, sheet.headers.len());
    let skills = Skills::load(conn)?;
    let mut people = People::load(conn)?;
    let mut profiled: HashSet<i64> = HashSet::new();
    let mut actions = Vec::with_capacity(sheet.rows.len());
    let mut any_volunteer = false;
    let mut b = Builder {
        sheet,
        columns: &columns,
        report: Report {
            rows: sheet.rows.len() as u32,
            mapping_problems,
            wide_rows: sheet.wide_rows.iter().take(MAX_LISTED).copied().collect(),
            wide_row_count: sheet.wide_rows.len() as u32,
            ..Default::default()
        },
        name: String::new(),
        unknown: Vec::new(),
        unknown_index: HashMap::new(),
    };
    for row in &sheet.rows {
        let Person {
            resident,
            volunteer,
            problems,
        } = columns.person(&row.cells);
        b.name = format!(
            "{} {}",
            resident.first_name.trim(),
            resident.last_name.trim()
        )
        .trim()
        .to_owned();
        let before = b.report.problem_count;
        for (target, rule) in problems {
            b.problem(row, target.as_str(), rule, None);
        }
        let mut valid = true;
        let resident = match resident.validate(today) {
            Ok(clean) => Some(clean),
            Err(e) => {
                for f in field_errors(e)? {
                    b.problem(row, &f.field, f.rule, f.max);
                }
                valid = false;
                None
            }
        };
        any_volunteer |= volunteer.is_some();
        let volunteer = match volunteer {
            None => None,
            Some(v) => {
                let mut input = VolunteerInput {
                    skills: Vec::new(),
                    tags: Vec::new(),
                    ..v.input
                };
                for name in &v.skill_names {
                    match skills.find(name) {
                        Some(id) => input.skills.push(id),
                        None => {
                            b.unknown_skill(name, row.number);
                            input.tags.push(name.clone());
                        }
                    }
                }
                match input.validate(today) {
                    Ok(clean) => Some((clean, v.status)),
                    Err(e) => {
                        for f in field_errors(e)? {
                            b.problem(row, &f.field, f.rule, f.max);
                        }
                        valid = false;
                        None
                    }
                }
            }
        };
        let (true, Some(resident)) = (valid && b.report.problem_count == before, resident) else {
            b.report.problem_rows += 1;
            continue;
        };
        let name = format!("{} {}", resident.input.first_name, resident.input.last_name);
        let matches = people.matches(&resident.input);
        if let Some(first) = matches.first() {
            let existing: Vec<i64> = matches.iter().filter_map(|k| k.id).collect();
            let mut skipped = SkippedRow {
                row: row.number,
                name,
                existing_id: first.id.or(existing.first().copied()),
                earlier_row: first.row,
                adds_volunteer: false,
            };
            // A volunteer row for exactly one known resident who is not a
            // volunteer yet: that resident gets the profile.
            if let (Some((clean, status)), [id]) = (volunteer, existing.as_slice()) {
                if matches.len() == 1 && !people.volunteers.contains(id) && profiled.insert(*id) {
                    skipped.adds_volunteer = true;
                    b.report.volunteers += 1;
                    actions.push(Action::ProfileFor {
                        resident_id: *id,
                        volunteer: clean,
                        status,
                    });
                }
            }
            b.skipped(skipped);
            continue;
        }
        people.add_row(row.number, &resident.input);
        b.report.residents += 1;
        b.report.volunteers += u32::from(volunteer.is_some());
        actions.push(Action::New {
            resident: Box::new(resident),
            volunteer,
        });
    }
    let mut report = b.report;
    report.unknown_skills = b.unknown;
    report.volunteer_columns_unused = columns.any_volunteer_field() && !any_volunteer;
    report.ready = report.mapping_problems.is_empty() && report.problem_count == 0;
    Ok(Plan { report, actions })
}
