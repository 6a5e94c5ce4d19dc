//! The audit log (logboek): who did what to which record, tamper-evident.

mod common;

use buurtpunt_core::audit::{self, Action, Problem};
use buurtpunt_core::contact_persons::{self, ContactPersonInput};
use buurtpunt_core::requests;
use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::session::Session;
use buurtpunt_core::{Db, Result};

use common::now;
use common::session::{new_session, phone_request, resident, FAST, PASS};

fn person(db: &mut Db, name: &str) -> Result<i64> {
    Ok(contact_persons::create(
        db,
        &ContactPersonInput {
            name: name.into(),
            active: true,
            ..Default::default()
        },
    )?
    .id)
}

/// The log's lines about a resident, oldest first, as "who action kind fields".
fn lines(db: &Db, resident_id: i64) -> Result<Vec<String>> {
    let mut out: Vec<String> = audit::history::of_resident(db.conn(), resident_id, 50)?
        .lines
        .into_iter()
        .map(|l| {
            format!(
                "{} {} {} {}",
                l.actor.unwrap_or_else(|| "-".into()),
                l.action.word(),
                l.kind,
                l.fields.join(",")
            )
            .trim_end()
            .to_owned()
        })
        .collect();
    out.reverse();
    Ok(out)
}

#[test]
fn opening_and_changing_a_resident_is_logged_under_the_chosen_contact_person() -> Result<()> {
    let mut db = Db::in_memory()?;
    let gerda = person(&mut db, "Gerda Postma")?;
    assert_eq!(audit::actor::current(db.conn())?, None, "nobody chosen yet");
    audit::actor::choose(&mut db, gerda)?;
    assert_eq!(
        audit::actor::current(db.conn())?.map(|p| p.name),
        Some("Gerda Postma".into())
    );
    let id = residents::create(&mut db, resident("Aafke", "Dijkstra"), false, now())?.id;
    residents::open(&mut db, id)?;
    let mut changed = ResidentInput {
        phone: "0612345678".into(),
        notes: "Heeft een hond".into(),
        ..resident("Aafke", "Dijkstra")
    };
    residents::update(&mut db, id, changed.clone(), now())?;
    // A save that changes nothing writes no line.
    residents::update(&mut db, id, changed.clone(), now())?;
    changed.notes.clear();
    let wim = person(&mut db, "Wim Hoekstra")?;
    audit::actor::choose(&mut db, wim)?;
    residents::update(&mut db, id, changed, now())?;
    assert_eq!(
        lines(&db, id)?,
        vec![
            "Gerda Postma aangemaakt resident",
            "Gerda Postma bekeken resident",
            "Gerda Postma gewijzigd resident phone,notes",
            "Wim Hoekstra gewijzigd resident notes",
        ]
    );
    // Field names, never values.
    let values: i64 = db.conn().query_row(
        "SELECT count(*) FROM audit_log WHERE fields LIKE '%0612345678%' OR fields LIKE '%hond%'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(values, 0);
    Ok(())
}

#[test]
fn a_request_and_its_parts_are_in_the_residents_history() -> Result<()> {
    let mut db = Db::in_memory()?;
    let id = residents::create(&mut db, resident("Jelle", "Wiersma"), false, now())?.id;
    let req = requests::create(&mut db, phone_request(id, "Boodschappen"), now())?.id;
    requests::open(&mut db, req)?;
    requests::add_note(&mut db, req, "2026-11-21", "Gebeld", now())?;
    let seen = lines(&db, id)?;
    assert!(
        seen.contains(&"- aangemaakt request".to_owned()),
        "{seen:?}"
    );
    assert!(seen.contains(&"- bekeken request".to_owned()), "{seen:?}");
    assert!(
        seen.contains(&"- aangemaakt contact_log".to_owned()),
        "{seen:?}"
    );
    // Someone else's file shows none of it.
    let other = residents::create(&mut db, resident("Sietske", "Bos"), false, now())?.id;
    assert_eq!(lines(&db, other)?, vec!["- aangemaakt resident"]);
    Ok(())
}

#[test]
fn an_inactive_contact_person_cannot_be_chosen_and_is_no_longer_current() -> Result<()> {
    let mut db = Db::in_memory()?;
    let id = person(&mut db, "Klaas Mulder")?;
    audit::actor::choose(&mut db, id)?;
    contact_persons::update(
        &mut db,
        id,
        &ContactPersonInput {
            name: "Klaas Mulder".into(),
            active: false,
            ..Default::default()
        },
    )?;
    assert_eq!(audit::actor::current(db.conn())?, None);
    let err = audit::actor::choose(&mut db, id).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    Ok(())
}

#[test]
fn the_log_refuses_updates_and_deletes() -> Result<()> {
    let mut db = Db::in_memory()?;
    residents::create(&mut db, resident("Aafke", "Dijkstra"), false, now())?;
    assert!(db
        .conn()
        .execute("UPDATE audit_log SET actor = 'Iemand anders'", [])
        .is_err());
    assert!(db.conn().execute("DELETE FROM audit_log", []).is_err());
    assert_eq!(audit::check(db.conn())?.broken, None);
    Ok(())
}

#[test]
fn a_change_that_is_rolled_back_leaves_no_line() -> Result<()> {
    let mut db = Db::in_memory()?;
    let id = residents::create(&mut db, resident("Aafke", "Dijkstra"), false, now())?.id;
    let before = audit::check(db.conn())?.entries;
    let failed = db.write(|tx| {
        tx.execute(
            "UPDATE residents SET phone = '0611111111' WHERE id = ?1",
            [id],
        )?;
        Err::<(), _>(buurtpunt_core::Error::Locked)
    });
    assert!(failed.is_err());
    assert_eq!(audit::check(db.conn())?.entries, before);
    Ok(())
}

/// A database with a log of six entries.
fn five_entries() -> Result<Db> {
    let mut db = Db::in_memory()?;
    let gerda = person(&mut db, "Gerda Postma")?;
    audit::actor::choose(&mut db, gerda)?;
    for name in ["Anna", "Bauke", "Cor", "Dirk", "Eelke"] {
        residents::create(&mut db, resident(name, "Jansen"), true, now())?;
    }
    let check = audit::check(db.conn())?;
    // Gerda herself (added before anyone was chosen) and the five residents.
    assert_eq!(check.entries, 6);
    assert_eq!(check.broken, None);
    Ok(db)
}

#[test]
fn the_check_finds_an_entry_edited_behind_the_apps_back() -> Result<()> {
    let db = five_entries()?;
    db.conn().execute_batch(
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET actor = 'Iemand anders' WHERE id = 3;",
    )?;
    let broken = audit::check(db.conn())?.broken.expect("broken");
    assert_eq!((broken.id, broken.problem), (3, Problem::Changed));
    Ok(())
}

#[test]
fn the_check_finds_a_changed_hash_and_a_changed_field_list() -> Result<()> {
    let db = five_entries()?;
    db.conn().execute_batch(
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET hash = substr(hash, 2) || 'a' WHERE id = 4;",
    )?;
    assert_eq!(audit::check(db.conn())?.broken.map(|b| b.id), Some(4));
    let db = five_entries()?;
    db.conn().execute_batch(
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET fields = 'notes' WHERE id = 1;",
    )?;
    assert_eq!(audit::check(db.conn())?.broken.map(|b| b.id), Some(1));
    Ok(())
}

#[test]
fn the_check_finds_an_entry_deleted_from_the_middle() -> Result<()> {
    let db = five_entries()?;
    db.conn().execute_batch(
        "DROP TRIGGER audit_log_no_delete;
         DELETE FROM audit_log WHERE id = 2;",
    )?;
    let broken = audit::check(db.conn())?.broken.expect("broken");
    assert_eq!((broken.id, broken.problem), (3, Problem::Missing));
    Ok(())
}

#[test]
fn an_entry_rewritten_with_its_own_hash_breaks_the_next_link() -> Result<()> {
    // Someone who knows the hash recomputes one entry: the next one no
    // longer follows from it.
    let db = five_entries()?;
    db.conn().execute_batch(
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET actor = 'Iemand anders', hash = audit_hash(
             (SELECT hash FROM audit_log WHERE id = 1), id, at, actor_id, 'Iemand anders',
             action, kind, record_id, resident_id, fields) WHERE id = 2;",
    )?;
    let broken = audit::check(db.conn())?.broken.expect("broken");
    assert_eq!((broken.id, broken.problem), (3, Problem::Changed));
    Ok(())
}

#[test]
fn the_chosen_contact_person_and_the_log_survive_a_lock_and_unlock() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    let gerda = person(s.db()?, "Gerda Postma")?;
    audit::actor::choose(s.db()?, gerda)?;
    let id = residents::create(s.db()?, resident("Aafke", "Dijkstra"), false, now())?.id;
    s.lock()?;
    let mut s = Session::new(dir.path(), FAST);
    s.unlock(PASS, now())?;
    assert_eq!(
        audit::actor::current(s.db()?.conn())?.map(|p| p.name),
        Some("Gerda Postma".into())
    );
    residents::open(s.db()?, id)?;
    let db = s.db()?;
    assert_eq!(
        lines(db, id)?,
        vec![
            "Gerda Postma aangemaakt resident",
            "Gerda Postma bekeken resident"
        ]
    );
    assert_eq!(audit::check(db.conn())?.broken, None);
    Ok(())
}

#[test]
fn actions_have_their_dutch_words() {
    for a in Action::ALL {
        assert_eq!(Action::from_word(a.word()), Some(a));
    }
    assert_eq!(Action::Exported.word(), "geëxporteerd");
}
