//! Drafts (concepten) of forms, in the `drafts` table: what a contact person
//! typed and has not saved yet. The UI writes a draft a moment after typing
//! stops, so navigation, the auto-lock or a crash loses nothing; a successful
//! save of the form discards it.
//!
//! One draft per form instance, named by its [`FormKind`] and a `context`
//! that the UI chooses ("new", "edit-42", "resident-5", ...). The content is
//! the form's JSON as the UI wrote it: the core stores it verbatim and never
//! reads it, but bounds its size.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::time::stamp;
use crate::text_enum;
use crate::validate::{Check, SHORT};
use crate::vocab::{FieldError, Rule};
use crate::{Db, Error, Result};

text_enum! {
    /// The forms that keep drafts.
    pub enum FormKind {
        Request => "request",
        Resident => "resident",
        Volunteer => "volunteer",
        Consent => "consent",
        Referral => "referral",
        ContactNote => "contact_note",
        ReportTexts => "report_texts",
        Signal => "signal",
        DataBreach => "data_breach",
        PhoneNote => "phone_note",
    }
}

/// The longest draft content, in characters: far more than any form holds
/// (every long text at its maximum), small enough to write in a moment.
pub const MAX_CONTENT_CHARS: usize = 1_000_000;
/// The longest context name.
pub const MAX_CONTEXT_CHARS: usize = 100;

/// A draft as the UI saves it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftInput {
    pub kind: FormKind,
    /// Which form instance: "new", "edit-42", "resident-5", ...
    pub context: String,
    /// A short label for the notice, e.g. "Hulpvraag van Anna Bakker".
    pub label: String,
    /// The form's content as JSON, stored verbatim.
    pub content: String,
}

/// One draft in the "U was hier gebleven" list (without its content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: FormKind,
    pub context: String,
    pub label: String,
    /// When it was last written: `YYYY-MM-DDTHH:MM:SS`, local time.
    pub updated_at: String,
}

/// A draft with its content, to put back into the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Draft {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: FormKind,
    pub context: String,
    pub label: String,
    pub content: String,
    pub updated_at: String,
}

const SUMMARY: &str = "id, kind, context, label, updated_at";

fn too_long(s: &str, max: usize) -> bool {
    // Bytes bound characters from above: only a long text needs counting.
    s.len() > max && s.chars().count() > max
}

fn check(input: &DraftInput) -> Result<()> {
    let mut c = Check::new();
    c.required("context", &input.context)
        .max_len("context", &input.context, MAX_CONTEXT_CHARS)
        .required("label", &input.label)
        .max_len("label", &input.label, SHORT);
    c.finish()?;
    if too_long(&input.content, MAX_CONTENT_CHARS) {
        return Err(Error::Invalid(vec![FieldError {
            field: "content".into(),
            rule: Rule::TooLong,
            max: Some(MAX_CONTENT_CHARS),
        }]));
    }
    Ok(())
}

fn summary(r: &Row<'_>) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: r.get(0)?,
        kind: r.get(1)?,
        context: r.get(2)?,
        label: r.get(3)?,
        updated_at: r.get(4)?,
    })
}

/// Write the draft of one form instance, replacing the one it had.
pub fn save(db: &mut Db, input: &DraftInput, now: NaiveDateTime) -> Result<DraftSummary> {
    check(input)?;
    db.write(|tx| {
        Ok(tx
            .prepare_cached(&format!(
                "INSERT INTO drafts (kind, context, label, content, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (kind, context) DO UPDATE SET
                     label = excluded.label, content = excluded.content, updated_at = excluded.updated_at
                 RETURNING {SUMMARY}"
            ))?
            .query_row(
                params![
                    input.kind,
                    input.context,
                    input.label,
                    input.content,
                    stamp(now)
                ],
                summary,
            )?)
    })
}

/// All drafts, the most recently written first.
pub fn list(conn: &Connection) -> Result<Vec<DraftSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY} FROM drafts ORDER BY updated_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], summary)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The draft of one form instance; `None` when it has none.
pub fn get(conn: &Connection, kind: FormKind, context: &str) -> Result<Option<Draft>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, kind, context, label, content, updated_at FROM drafts
             WHERE kind = ?1 AND context = ?2",
        )?
        .query_row(params![kind, context], |r| {
            Ok(Draft {
                id: r.get(0)?,
                kind: r.get(1)?,
                context: r.get(2)?,
                label: r.get(3)?,
                content: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })
        .optional()?)
}

/// Throw the draft of one form instance away. A form without a draft is
/// fine: a save discards whether or not a draft was written.
pub fn discard(db: &mut Db, kind: FormKind, context: &str) -> Result<()> {
    db.write(|tx| {
        tx.prepare_cached("DELETE FROM drafts WHERE kind = ?1 AND context = ?2")?
            .execute(params![kind, context])?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> Result<NaiveDateTime> {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .ok_or(Error::Invalid(Vec::new()))
    }

    fn input(kind: FormKind, context: &str, content: &str) -> DraftInput {
        DraftInput {
            kind,
            context: context.into(),
            label: "Hulpvraag van Anna Bakker".into(),
            content: content.into(),
        }
    }

    #[test]
    fn the_same_form_instance_keeps_one_draft_and_the_newest_content() -> Result<()> {
        let mut db = Db::in_memory()?;
        let first = save(
            &mut db,
            &input(FormKind::Request, "new", r#"{"ask":"Boodsch"}"#),
            at(10, 41)?,
        )?;
        let second = save(
            &mut db,
            &input(FormKind::Request, "new", r#"{"ask":"Boodschappen"}"#),
            at(10, 42)?,
        )?;
        assert_eq!(first.id, second.id);
        assert_eq!(second.updated_at, "2026-11-22T10:42:00");
        assert_eq!(list(db.conn())?.len(), 1);
        let got = get(db.conn(), FormKind::Request, "new")?;
        assert_eq!(
            got.map(|d| d.content).as_deref(),
            Some(r#"{"ask":"Boodschappen"}"#)
        );
        Ok(())
    }

    #[test]
    fn kind_and_context_together_name_a_form_instance() -> Result<()> {
        let mut db = Db::in_memory()?;
        save(
            &mut db,
            &input(FormKind::Request, "edit-42", "{}"),
            at(9, 0)?,
        )?;
        save(
            &mut db,
            &input(FormKind::Request, "resident-5", "{}"),
            at(9, 5)?,
        )?;
        save(
            &mut db,
            &input(FormKind::ContactNote, "edit-42", "{}"),
            at(9, 10)?,
        )?;
        assert_eq!(list(db.conn())?.len(), 3);
        assert!(get(db.conn(), FormKind::Resident, "edit-42")?.is_none());
        Ok(())
    }

    #[test]
    fn content_over_the_limit_is_refused_with_a_typed_error_and_nothing_is_written() -> Result<()> {
        let mut db = Db::in_memory()?;
        let big = format!(r#"{{"ask":"{}"}}"#, "a".repeat(MAX_CONTENT_CHARS));
        let err = save(&mut db, &input(FormKind::Request, "new", &big), at(10, 0)?)
            .err()
            .ok_or(Error::Invalid(Vec::new()))?;
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(err.fields()[0].field, "content");
        assert_eq!(err.fields()[0].rule, Rule::TooLong);
        assert_eq!(err.fields()[0].max, Some(MAX_CONTENT_CHARS));
        assert!(list(db.conn())?.is_empty());
        Ok(())
    }

    #[test]
    fn content_at_the_limit_in_characters_is_kept_even_when_it_is_more_bytes() -> Result<()> {
        let mut db = Db::in_memory()?;
        let wide = "ë".repeat(MAX_CONTENT_CHARS);
        save(
            &mut db,
            &input(FormKind::Resident, "new", &wide),
            at(10, 0)?,
        )?;
        let got = get(db.conn(), FormKind::Resident, "new")?;
        assert_eq!(
            got.map(|d| d.content.chars().count()),
            Some(MAX_CONTENT_CHARS)
        );
        Ok(())
    }

    #[test]
    fn a_draft_needs_a_context_and_a_label() -> Result<()> {
        let mut db = Db::in_memory()?;
        let mut bad = input(FormKind::Consent, " ", "{}");
        bad.label = String::new();
        let err = save(&mut db, &bad, at(10, 0)?)
            .err()
            .ok_or(Error::Invalid(Vec::new()))?;
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["context", "label"]);
        Ok(())
    }
}
