//! Import residents and volunteers from a spreadsheet (CSV or XLSX).
//!
//! Four steps, each a plain function: [`read`] the file into rows of text,
//! [`preview`] it with a suggested column mapping, [`check`] every row against
//! the same rules as the forms (a report per row, nothing written), and
//! [`run`] the import: all rows in one transaction, or nothing at all.

mod cells;
mod check;
pub mod child;
mod mapping;
mod read;
mod run;
mod workbook;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use check::check;
pub use read::{read, read_bytes, Sheet, SheetRow};
pub use run::run;

use crate::text_enum;
use crate::vocab::Rule;

/// The most data rows one import takes; larger lists are split by the user.
/// (The UI's message for `import_too_many_rows` names this number.)
pub const MAX_ROWS: u32 = 20_000;
/// The largest file an import reads, in MiB.
pub const MAX_FILE_MB: u32 = 50;
/// The most columns a sheet may have.
pub const MAX_COLUMNS: usize = 200;
/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 5;
/// Problems (and skipped rows) listed in a report; the counts cover all.
pub const MAX_LISTED: usize = 500;

text_enum! {
    /// What kind of file was read.
    pub enum ImportFileKind {
        Csv => "csv",
        Workbook => "workbook",
    }
}

text_enum! {
    /// A field a column can fill. The codes are the field names of the forms,
    /// so a validation error's `field` is a target too.
    pub enum ImportField {
        FirstName => "firstName",
        Infix => "infix",
        LastName => "lastName",
        FullName => "fullName",
        Address => "address",
        Street => "street",
        HouseNumber => "houseNumber",
        HouseNumberAddition => "houseNumberAddition",
        Postcode => "postcode",
        Kern => "kern",
        Phone => "phone",
        Email => "email",
        BirthDate => "birthDate",
        Notes => "notes",
        IsVolunteer => "isVolunteer",
        Status => "status",
        Skills => "skills",
        LimitHours => "limitHours",
        Mobility => "mobility",
        VogOn => "vogOn",
        CarerHours => "carerHours",
        ConsentOn => "consentOn",
    }
}

impl ImportField {
    /// Fields that only matter for volunteers.
    pub fn is_volunteer_field(self) -> bool {
        matches!(
            self,
            ImportField::Status
                | ImportField::Skills
                | ImportField::LimitHours
                | ImportField::Mobility
                | ImportField::VogOn
                | ImportField::CarerHours
                | ImportField::ConsentOn
        )
    }
}

/// How the columns of the file fill the fields of a resident.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, rename = "ImportMapping")]
pub struct Mapping {
    /// The sheet of a workbook; empty = the first. Not used for CSV.
    pub sheet: String,
    /// Per column of the file, left to right: the field it fills, or `null`
    /// to leave the column out.
    pub columns: Vec<Option<ImportField>>,
    /// Every row is a volunteer (a list of volunteers).
    pub all_volunteers: bool,
    /// The file as the preview read it ([`Sheet::fingerprint`]): the check
    /// and the import refuse a file that has changed since
    /// ([`crate::Error::ImportFileChanged`]), so the columns chosen are the
    /// columns read, and what the check reported is what is imported.
    pub fingerprint: String,
}

/// One row of the file as text, with its row number in the spreadsheet.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewRow {
    pub row: u32,
    pub cells: Vec<String>,
}

/// What the mapping step shows: how the file was read, its columns, the
/// first rows and a suggested mapping.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "ImportPreview")]
pub struct Preview {
    pub kind: ImportFileKind,
    /// "UTF-8", "UTF-16" or "Windows-1252" for CSV; empty for a workbook.
    pub encoding: String,
    /// The text was not UTF-8 and was read as Windows-1252: letters such as
    /// é or ë may need a look.
    pub encoding_guessed: bool,
    /// The CSV separator: ";", "," or "\t"; empty for a workbook.
    pub separator: String,
    /// The sheets of a workbook, and the one read.
    pub sheets: Vec<String>,
    pub sheet: String,
    /// Column names from the first row (a letter where a name is missing).
    pub headers: Vec<String>,
    pub rows: Vec<PreviewRow>,
    /// Rows with data (the header row not counted).
    pub row_count: u32,
    /// Rows with more filled cells than there are column names (the first
    /// [`MAX_LISTED`]), and how many there are.
    pub wide_rows: Vec<u32>,
    pub wide_row_count: u32,
    pub mapping: Mapping,
}

text_enum! {
    /// What is wrong with the chosen mapping: a needed field (the names) has
    /// no column, or two columns fill the same field.
    pub enum MappingIssue {
        Missing => "missing",
        Twice => "twice",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MappingProblem {
    pub field: ImportField,
    pub issue: MappingIssue,
}

/// One field of one row that did not pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowProblem {
    /// The row number as the spreadsheet shows it.
    pub row: u32,
    /// The person's name in that row, as far as it is filled in.
    pub name: String,
    /// The column's name in the file.
    pub column: String,
    /// The field: a [`ImportField`] code, or a form field the import leaves empty.
    pub field: String,
    pub rule: Rule,
    /// For `too_long`: the maximum number of characters.
    #[ts(type = "number | null")]
    pub max: Option<usize>,
    /// What the cell holds (shortened), so the user can find it.
    pub value: String,
}

/// A row that is left out because the person is already known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SkippedRow {
    pub row: u32,
    pub name: String,
    /// The resident already in Buurtpunt, if the match is with one.
    #[ts(type = "number | null")]
    pub existing_id: Option<i64>,
    /// The earlier row of the same file, if the match is with one.
    pub earlier_row: Option<u32>,
    /// The row is a volunteer and the existing resident was not yet one:
    /// the volunteer profile is added to that resident.
    pub adds_volunteer: bool,
}

/// A skill name that matches none of the group's skills. It is kept as a
/// tag on the volunteer, so nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnknownSkill {
    pub name: String,
    /// The first rows where it appears.
    pub rows: Vec<u32>,
    pub count: u32,
}

/// The result of checking every row: what would be added, what is wrong.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "ImportReport")]
pub struct Report {
    /// Rows with data.
    pub rows: u32,
    /// New residents the import adds.
    pub residents: u32,
    /// Volunteer profiles the import adds (new residents and existing ones).
    pub volunteers: u32,
    pub mapping_problems: Vec<MappingProblem>,
    /// Field problems, at most [`MAX_LISTED`]; row order.
    pub problems: Vec<RowProblem>,
    pub problem_count: u32,
    /// Rows with at least one problem.
    pub problem_rows: u32,
    /// Rows left out because the person is known, at most [`MAX_LISTED`].
    pub skipped: Vec<SkippedRow>,
    pub skipped_count: u32,
    pub unknown_skills: Vec<UnknownSkill>,
    /// Rows with more filled cells than there are column names (the first
    /// [`MAX_LISTED`]): a cell may have slipped out of its column.
    pub wide_rows: Vec<u32>,
    pub wide_row_count: u32,
    /// Volunteer columns are chosen but no row is a volunteer (tick "all rows
    /// are volunteers" or choose the column that says who is).
    pub volunteer_columns_unused: bool,
    /// Nothing stands in the way: the import can run.
    pub ready: bool,
}

/// What the import added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Imported {
    pub residents: u32,
    pub volunteers: u32,
    pub skipped: u32,
}

/// Progress of a running import, sent to the window as `import-progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// Read a file and suggest how its columns fill a resident.
pub fn preview(path: &std::path::Path, sheet: &str) -> crate::Result<Preview> {
    Ok(read(path, sheet)?.preview())
}

impl Sheet {
    /// The preview of a read sheet, with the suggested mapping.
    pub fn preview(&self) -> Preview {
        let columns = mapping::suggest(&self.headers);
        let all_volunteers = !columns.contains(&Some(ImportField::IsVolunteer))
            && columns.iter().flatten().any(|t| t.is_volunteer_field())
            && (mapping::names_volunteers(&self.file_name)
                || mapping::names_volunteers(&self.sheet));
        Preview {
            kind: self.kind,
            encoding: self.encoding.clone(),
            encoding_guessed: self.encoding_guessed,
            separator: self.separator.clone(),
            sheets: self.sheets.clone(),
            sheet: self.sheet.clone(),
            headers: self.headers.clone(),
            rows: self
                .rows
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| PreviewRow {
                    row: r.number,
                    cells: r.cells.clone(),
                })
                .collect(),
            // At most MAX_ROWS: `read` refuses more.
            row_count: self.rows.len() as u32,
            wide_rows: self.wide_rows.iter().take(MAX_LISTED).copied().collect(),
            wide_row_count: self.wide_rows.len() as u32,
            mapping: Mapping {
                sheet: self.sheet.clone(),
                columns,
                all_volunteers,
                fingerprint: self.fingerprint.clone(),
            },
        }
    }
}
