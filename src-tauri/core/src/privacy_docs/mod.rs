//! The group's own privacy paperwork, made from its settings and data:
//! the processing register (verwerkingsregister, AVG art. 30), the privacy
//! statement for residents and the consent text to read aloud and sign.
//!
//! Each document is written in its own file as a [`Doc`] (sections of
//! paragraphs, label/value rows, bullets, tick boxes, tables), so tests can
//! read what it says; [`render`] puts a `Doc` on A4 with the shared PDF
//! engine. Making one writes the PDF at the chosen path and logs it in
//! `privacy_exports`. The documents hold no resident's data.

mod consent_text;
mod facts;
mod register;
mod render;
mod statement;

use std::path::Path;

use chrono::NaiveDateTime;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::files::write_logged;
use crate::store::time::stamp;
use crate::text_enum;
use crate::{Db, Error, Result};

pub use consent_text::{filled, Filled};
pub use facts::{facts, Facts, Recipient};

text_enum! {
    /// The documents this module makes.
    pub enum PrivacyDocKind {
        ProcessingRegister => "processing_register",
        PrivacyStatement => "privacy_statement",
        ConsentText => "consent_text",
    }
}

/// A document: its title, who made it, when, and its sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub title: String,
    /// One line under the title ("Register van verwerkingen, AVG artikel 30").
    pub subtitle: String,
    pub help_point: String,
    /// "2 december 2026".
    pub made_on: String,
    /// Plain text before the first section.
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
    /// The line at the bottom of every page.
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(String),
    /// Label and value beside each other.
    Rows(Vec<(String, String)>),
    Bullets(Vec<String>),
    /// Empty boxes to tick by hand, one per line (nothing pre-ticked).
    TickBoxes(Vec<String>),
    /// Boxes marked as a resident chose them (crossed: chosen), to sign.
    Marked(Vec<(String, bool)>),
    /// A table: the header, the rows (first cell the label).
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Lines to write on by hand ("Naam", "Handtekening").
    WriteLines(Vec<String>),
}

impl Doc {
    /// Every word of the document, in order: for tests and for reading back.
    pub fn text(&self) -> String {
        let mut out = vec![
            self.help_point.clone(),
            self.title.clone(),
            self.subtitle.clone(),
            self.made_on.clone(),
        ];
        out.extend(self.intro.iter().cloned());
        for s in &self.sections {
            out.push(s.title.clone());
            for b in &s.blocks {
                match b {
                    Block::Paragraph(t) => out.push(t.clone()),
                    Block::Rows(rows) => out.extend(rows.iter().map(|(l, v)| format!("{l}: {v}"))),
                    Block::Bullets(items) | Block::TickBoxes(items) | Block::WriteLines(items) => {
                        out.extend(items.iter().cloned())
                    }
                    Block::Marked(items) => out.extend(
                        items
                            .iter()
                            .map(|(l, on)| format!("{} {l}", if *on { "[x]" } else { "[ ]" })),
                    ),
                    Block::Table { head, rows } => {
                        out.push(head.join(" | "));
                        out.extend(rows.iter().map(|r| r.join(" | ")));
                    }
                }
            }
        }
        out.join("\n")
    }
}

/// The document of `kind` for these facts.
pub fn build(kind: PrivacyDocKind, facts: &Facts) -> Doc {
    match kind {
        PrivacyDocKind::ProcessingRegister => register::build(facts),
        PrivacyDocKind::PrivacyStatement => statement::build(facts),
        PrivacyDocKind::ConsentText => consent_text::build(facts),
    }
}

/// The document as a tagged A4 PDF.
pub fn pdf(doc: &Doc, made: NaiveDateTime) -> Result<Vec<u8>> {
    render::render(doc, made.date())
}

/// The file name the save dialog suggests.
pub fn suggested_name(kind: PrivacyDocKind) -> &'static str {
    match kind {
        PrivacyDocKind::ProcessingRegister => "Verwerkingsregister.pdf",
        PrivacyDocKind::PrivacyStatement => "Privacyverklaring.pdf",
        PrivacyDocKind::ConsentText => "Toestemmingstekst.pdf",
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrivacyDocOutcome {
    pub kind: PrivacyDocKind,
    /// The file written.
    pub file: String,
}

/// One line of the log of privacy documents made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrivacyExport {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: PrivacyDocKind,
    pub file: String,
    pub made_at: String,
}

/// Make the document of `kind` at `path` (a PDF), and log it. The file and
/// the log line go together: if the log cannot be written, the file is
/// taken away again.
pub fn make(
    db: &mut Db,
    kind: PrivacyDocKind,
    path: &Path,
    now: NaiveDateTime,
) -> Result<PrivacyDocOutcome> {
    let facts = facts(db.conn(), now.date())?;
    let bytes = pdf(&build(kind, &facts), now)?;
    let file = path.display().to_string();
    write_logged(db, &[(path, &bytes)], |tx| {
        tx.execute(
            "INSERT INTO privacy_exports (what, files, made_at) VALUES (?1, ?2, ?3)",
            params![kind.as_str(), serde_json::to_string(&[&file])?, stamp(now)],
        )?;
        Ok(())
    })?;
    Ok(PrivacyDocOutcome { kind, file })
}

/// The privacy documents made, newest first.
pub fn made(conn: &Connection) -> Result<Vec<PrivacyExport>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, what, files, made_at FROM privacy_exports ORDER BY made_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, what, files, made_at) = row?;
        let kind = PrivacyDocKind::parse(&what)
            .ok_or_else(|| Error::Migration(format!("privacy_exports.what = {what:?}")))?;
        let file = serde_json::from_str::<Vec<String>>(&files)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::Migration(format!("privacy_exports.files = {files:?}")))?;
        out.push(PrivacyExport {
            id,
            kind,
            file,
            made_at,
        });
    }
    Ok(out)
}

/// What a resident chose, to print on the consent form to sign.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsentFormInput {
    pub recipient: String,
    pub categories: Vec<crate::vocab::DataCategory>,
    /// `YYYY-MM-DD`, or empty: the group's term from `given_on`.
    #[serde(default)]
    pub valid_until: String,
    /// `YYYY-MM-DD`.
    pub given_on: String,
}

/// Print the consent form with one resident's choices ("schriftelijk"), to
/// sign, at `path`. It names the resident, so it is logged as an export
/// of their file; the file and the log line go together.
pub fn make_consent_form(
    db: &mut Db,
    resident_id: i64,
    input: &ConsentFormInput,
    path: &Path,
    now: NaiveDateTime,
) -> Result<String> {
    use crate::validate::{self, Check, SHORT};
    use crate::vocab::Rule;
    let recipient = validate::clean(&input.recipient);
    let mut c = Check::new();
    c.required("recipient", &recipient)
        .max_len("recipient", &recipient, SHORT);
    c.rule("categories", Rule::Required, input.categories.is_empty());
    let given_on = validate::date(&mut c, "givenOn", &input.given_on, true);
    let until = validate::date(&mut c, "validUntil", &input.valid_until, false);
    if let (Some(g), Some(u)) = (given_on, until) {
        c.rule("validUntil", Rule::Date, u < g);
    }
    c.finish()?;
    let given_on = given_on.ok_or_else(|| Error::Invalid(Vec::new()))?;
    let conn = db.conn();
    let resident = crate::residents::get(conn, resident_id)?;
    let valid_until = match until {
        Some(u) => u,
        None => crate::consents::default_until(conn, given_on)?,
    };
    let fill = Filled {
        resident: format!("{} {}", resident.first_name, resident.last_name),
        recipient,
        categories: input.categories.clone(),
        valid_until,
    };
    let bytes = pdf(&filled(&facts(conn, now.date())?, &fill), now)?;
    write_logged(db, &[(path, &bytes)], |tx| {
        crate::store::audit::record(
            tx,
            crate::store::audit::Action::Exported,
            crate::store::audit::Subject {
                kind: "consent_form",
                id: None,
                resident_id: Some(resident_id),
            },
        )
    })?;
    Ok(path.display().to_string())
}
