//! Drafts in the encrypted store, on real files: kept per form instance,
//! listed newest first, gone after a discard, still there after a crash, and
//! never readable in the file.

use std::fs;

use buurtpunt_core::drafts::{self, DraftInput, FormKind};
use buurtpunt_core::session::Session;
use buurtpunt_core::Result;
use chrono::Duration;

mod common;

use common::now;
use common::session::*;

/// A half-typed request as the UI writes it.
fn half_typed_request(ask: &str) -> DraftInput {
    DraftInput {
        kind: FormKind::Request,
        context: "new".into(),
        label: "Hulpvraag van Fenna Draaisma".into(),
        content: serde_json::json!({ "residentId": 5, "form": { "ask": ask, "urgency": "high" } })
            .to_string(),
    }
}

fn note(context: &str) -> DraftInput {
    DraftInput {
        kind: FormKind::ContactNote,
        context: context.into(),
        label: "Contactmoment bij de hulpvraag van Fenna Draaisma".into(),
        content: r#"{"note":"Gebeld, dochter komt dinsdag"}"#.into(),
    }
}

#[test]
fn drafts_are_saved_per_form_listed_newest_first_and_discarded() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    drafts::save(s.db()?, &half_typed_request("Boodsch"), now())?;
    drafts::save(s.db()?, &note("hulpvraag-7"), now() + Duration::minutes(1))?;
    // The request form writes again a minute later: the same draft, newer.
    let again = drafts::save(
        s.db()?,
        &half_typed_request("Boodschappen op dinsdag"),
        now() + Duration::minutes(2),
    )?;

    let listed = drafts::list(s.db()?.conn())?;
    let order: Vec<(FormKind, &str)> = listed
        .iter()
        .map(|d| (d.kind, d.context.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (FormKind::Request, "new"),
            (FormKind::ContactNote, "hulpvraag-7")
        ]
    );
    assert_eq!(listed[0], again);
    assert_eq!(listed[0].label, "Hulpvraag van Fenna Draaisma");

    let back = drafts::get(s.db()?.conn(), FormKind::Request, "new")?
        .ok_or("the request draft is missing")
        .map_err(std::io::Error::other)?;
    assert!(back.content.contains("Boodschappen op dinsdag"));

    drafts::discard(s.db()?, FormKind::Request, "new")?;
    assert!(drafts::get(s.db()?.conn(), FormKind::Request, "new")?.is_none());
    // Discarding what is already gone is fine (a save always discards).
    drafts::discard(s.db()?, FormKind::Request, "new")?;
    let left: Vec<FormKind> = drafts::list(s.db()?.conn())?
        .iter()
        .map(|d| d.kind)
        .collect();
    assert_eq!(left, [FormKind::ContactNote]);
    Ok(())
}

#[test]
fn a_draft_survives_a_crash_without_a_clean_close() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    drafts::save(
        s.db()?,
        &half_typed_request("Vervoer naar de huisarts"),
        now(),
    )?;
    // A crash: no lock, no close, no clean-close mark. Forgetting the session
    // leaves the connection as a killed process leaves it: open, WAL unmerged.
    std::mem::forget(s);
    assert!(!dir.path().join("netjes-gesloten.json").exists());

    let mut s = Session::new(dir.path(), FAST);
    s.unlock(PASS, now())?;
    let back = drafts::get(s.db()?.conn(), FormKind::Request, "new")?
        .ok_or("the draft did not survive the crash")
        .map_err(std::io::Error::other)?;
    assert!(back.content.contains("Vervoer naar de huisarts"));
    assert_eq!(back.updated_at, "2026-11-22T10:00:00");
    Ok(())
}

#[test]
fn the_text_of_a_draft_is_not_in_the_files_in_the_clear() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let needle = "Kruidenthee-bij-Wiebenga";
    let mut s = new_session(dir.path())?;
    drafts::save(s.db()?, &half_typed_request(needle), now())?;
    // While open (the draft is in the WAL) and after a crash alike.
    let look = |when: &str| -> Result<()> {
        for name in ["buurtpunt.db", "buurtpunt.db-wal"] {
            let path = dir.path().join(name);
            if !path.exists() {
                continue;
            }
            let bytes = fs::read(&path)?;
            for text in [needle, "Fenna Draaisma", "contact_note"] {
                assert!(
                    !bytes.windows(text.len()).any(|w| w == text.as_bytes()),
                    "{name} holds {text:?} in the clear ({when})"
                );
            }
        }
        Ok(())
    };
    look("open")?;
    std::mem::forget(s);
    look("after a crash")?;
    Ok(())
}

#[test]
fn a_draft_stays_through_locking_and_unlocking() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    drafts::save(s.db()?, &note("hulpvraag-3"), now())?;
    s.lock()?;
    s.unlock(PASS, now())?;
    assert_eq!(drafts::list(s.db()?.conn())?.len(), 1);
    Ok(())
}
