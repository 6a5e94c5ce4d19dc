//! Retention and anonymisation: what passed its term is found, anonymised
//! in batches, the figures stay the same, nothing removed lingers in the
//! database, and the log says "geanonimiseerd" without values.

mod common;

use buurtpunt_core::anonymise;
use buurtpunt_core::followup::{self, AgreementInput, Party};
use buurtpunt_core::requests::{self, CloseInput, CloseKind, RequestInput, Status};
use buurtpunt_core::residents::{self, NetworkMember, NetworkRole, ResidentInput};
use buurtpunt_core::results::{self, Figures, Period, PeriodChoice};
use buurtpunt_core::retention::{self, Terms};
use buurtpunt_core::settings;
use buurtpunt_core::store::audit::{chain, trim};
use buurtpunt_core::store::time::iso;
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::volunteers::{self, VolunteerInput, VolunteerStatus};
use buurtpunt_core::{report, Db, Result};
use chrono::NaiveDate;
use common::at;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Every figure the meeting and the report show for the demo's years and a
/// month, counted afresh (kept months forgotten first).
fn all_figures(db: &Db, today: NaiveDate) -> Result<Vec<Figures>> {
    db.conn().execute("DELETE FROM results_months", [])?;
    let mut out = Vec::new();
    for year in [2022, 2023, 2024] {
        out.push(results::for_choice(
            db.conn(),
            &PeriodChoice::Year { year },
            today,
        )?);
        let period = report::year_period(year).ok_or(buurtpunt_core::Error::NotFound {
            what: "year",
            id: year.into(),
        })?;
        out.push(report::figures(db.conn(), period, today)?);
    }
    out.push(results::figures(
        db.conn(),
        Period {
            from: day(2024, 3, 1),
            to: day(2024, 3, 31),
        },
        today,
        &settings::get(db.conn())?,
    )?);
    Ok(out)
}

/// The demo village as it was on 1 June 2024.
fn demo() -> Result<Db> {
    let mut db = Db::in_memory()?;
    buurtpunt_core::demo::seed(&mut db, day(2024, 6, 1))?;
    Ok(db)
}

fn one(db: &Db, sql: &str) -> Result<i64> {
    Ok(db.conn().query_row(sql, [], |r| r.get(0))?)
}

#[test]
fn anonymising_every_person_and_signal_keeps_every_figure() -> Result<()> {
    let mut db = demo()?;
    let today = day(2024, 6, 1);
    let before = all_figures(&db, today)?;
    // Kept months as the meeting left them: anonymising must not change them.
    let kept_before: Vec<(String, String)> = {
        let _ = all_figures(&db, today)?;
        let mut stmt = db
            .conn()
            .prepare("SELECT month, body FROM results_months ORDER BY month")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    db.write(|tx| {
        let people: Vec<i64> = {
            let mut stmt = tx.prepare("SELECT id FROM residents ORDER BY id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in people {
            anonymise::resident(tx, id, today)?;
        }
        let rest: Vec<i64> = {
            let mut stmt =
                tx.prepare("SELECT id FROM help_requests WHERE anonymised_on IS NULL")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        anonymise::requests(tx, &rest, today)?;
        let signals: Vec<i64> = {
            let mut stmt = tx.prepare("SELECT id FROM signals")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        anonymise::signals(tx, &signals, today)?;
        Ok(())
    })?;
    assert_eq!(
        one(
            &db,
            "SELECT count(*) FROM residents WHERE anonymised_on IS NULL"
        )?,
        0
    );
    assert_eq!(
        one(&db, "SELECT count(*) FROM help_requests WHERE ask <> ''")?,
        0
    );
    let kept_after: Vec<(String, String)> = {
        let mut stmt = db
            .conn()
            .prepare("SELECT month, body FROM results_months ORDER BY month")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // What stayed kept is what it was (a changed note may forget a month).
    for (month, body) in &kept_after {
        let was = kept_before.iter().find(|(m, _)| m == month);
        assert_eq!(was.map(|(_, b)| b), Some(body), "{month}");
    }
    assert_eq!(all_figures(&db, today)?, before);
    Ok(())
}

#[test]
fn the_daily_list_finds_old_files_and_the_run_anonymises_them_in_batches() -> Result<()> {
    let mut db = demo()?;
    let later = day(2027, 1, 4);
    let terms = Terms::of(&settings::get(db.conn())?);
    let figures = all_figures(&db, later)?;
    let due = retention::due(db.conn(), &terms, later)?;
    // Everything in the demo was last changed in 2024: all of it is due.
    let people = one(&db, "SELECT count(*) FROM residents")?;
    let collective = one(
        &db,
        "SELECT count(*) FROM help_requests WHERE resident_id IS NULL",
    )?;
    assert!(due.dossiers > 0);
    assert!(due.dossiers <= people + collective);
    assert!(due.volunteers < due.dossiers);
    // Nothing is due a day after the demo's own date.
    assert_eq!(
        retention::due(db.conn(), &terms, day(2024, 6, 2))?.dossiers,
        0
    );
    let mut steps = Vec::new();
    let total = retention::run(&mut db, &terms, later, |p| steps.push(*p))?;
    assert_eq!(total.dossiers, due.dossiers);
    assert!(steps
        .iter()
        .all(|p| p.requests <= 2 * retention::BATCH as i64));
    assert!(steps.last().is_some_and(|p| p.finished));
    let after = retention::due(db.conn(), &terms, later)?;
    assert_eq!((after.dossiers, after.signals), (0, 0));
    assert_eq!(all_figures(&db, later)?, figures);
    assert_eq!(chain::check(db.conn())?.broken, None);
    Ok(())
}

#[test]
fn big_runs_go_in_steps_of_about_five_hundred_requests() -> Result<()> {
    let mut db = Db::in_memory()?;
    let old = at(2022, 3, 1);
    db.write(|tx| {
        for i in 0..120 {
            tx.execute(
                "INSERT INTO residents (id, first_name, last_name, kern, created_at, updated_at)
                 VALUES (?1, 'Jan', 'Test', 'Lindeloo', '2022-03-01T10:00:00', '2022-03-01T10:00:00')",
                [i + 1],
            )?;
            for j in 0..10 {
                tx.execute(
                    "INSERT INTO help_requests (resident_id, received_on, channel, ask, urgency, scope,
                         status, created_at, updated_at)
                     VALUES (?1, '2022-03-01', 'phone', ?2, 'normal', 'individual', 'done',
                         '2022-03-01T10:00:00', '2022-03-01T10:00:00')",
                    rusqlite::params![i + 1, format!("Vraag {j}")],
                )?;
            }
        }
        Ok(())
    })?;
    let _ = old;
    let terms = Terms::of(&settings::get(db.conn())?);
    let mut steps = Vec::new();
    retention::run(&mut db, &terms, day(2026, 11, 22), |p| steps.push(*p))?;
    let requests: Vec<i64> = steps.iter().map(|p| p.requests).collect();
    assert_eq!(requests, vec![500, 500, 200]);
    assert_eq!(steps.iter().map(|p| p.dossiers).sum::<i64>(), 120);
    Ok(())
}

/// A person whose every detail is easy to find back in the file's bytes.
struct Traceable {
    resident: i64,
    volunteer: i64,
    removed: Vec<String>,
}

fn traceable(db: &mut Db) -> Result<Traceable> {
    let then = at(2023, 2, 6);
    let r = residents::create(
        db,
        ResidentInput {
            first_name: "Zwaantje".into(),
            last_name: "Oosterhuisman".into(),
            street: "Klaproosweg".into(),
            house_number: "17".into(),
            postcode: "7991 XK".into(),
            kern: "Lindeloo".into(),
            phone: "06-98765432".into(),
            email: "zwaantje@voorbeeld.nl".into(),
            birth_date: "1941-04-09".into(),
            notes: "Slechthorend aan de linkerkant".into(),
            network: vec![NetworkMember {
                role: NetworkRole::Neighbour,
                name: "Geesje Plompenmaker".into(),
                phone: "06-11223344".into(),
                email: String::new(),
                note: "Heeft een sleutel".into(),
            }],
            ..Default::default()
        },
        true,
        then,
    )?;
    let req = requests::create(
        db,
        RequestInput {
            resident_id: Some(r.id),
            received_on: "2023-02-06".into(),
            ask: "Vijverpompreparatie en kattenluik".into(),
            underlying_need: "Voelt zich eenzaam sinds Hendrikus overleed".into(),
            life_areas: vec![LifeArea::SocialContact],
            ..Default::default()
        },
        then,
    )?;
    buurtpunt_core::drafts::save(
        db,
        &buurtpunt_core::drafts::DraftInput {
            kind: buurtpunt_core::drafts::FormKind::ContactNote,
            context: format!("request-{}", req.id),
            label: "Contactmoment bij de hulpvraag van Zwaantje Oosterhuisman".into(),
            content: "{\"note\":\"Kippenhokdeur klemt\"}".into(),
        },
        at(2023, 2, 7),
    )?;
    requests::add_note(
        db,
        req.id,
        "2023-02-07",
        "Buurvrouw Grietje belde over de schuurdeur",
        at(2023, 2, 7),
    )?;
    followup::add_agreement(
        db,
        req.id,
        &AgreementInput {
            party: Party::Network,
            who: "kleinzoon Berend".into(),
            what: "Berend ververst het aquariumfilter".into(),
            due_on: String::new(),
        },
        at(2023, 2, 7),
    )?;
    requests::change_status(db, req.id, Status::InProgress, "", at(2023, 2, 8))?;
    requests::close(
        db,
        req.id,
        &CloseInput {
            kind: CloseKind::NeedMet,
            note: "Opgelost met hulp van Berend".into(),
            outcome: "Mevrouw drinkt weer koffie bij de Zonnebloem".into(),
        },
        at(2023, 3, 1),
    )?;
    // A volunteer who stopped long ago.
    let v = residents::create(
        db,
        ResidentInput {
            first_name: "Harmke".into(),
            last_name: "Wubbolding".into(),
            kern: "Lindeloo".into(),
            ..Default::default()
        },
        true,
        then,
    )?;
    volunteers::create(
        db,
        v.id,
        VolunteerInput {
            notes: "Rijdt liever niet in het donker".into(),
            ..Default::default()
        },
        VolunteerStatus::Active,
        then,
    )?;
    volunteers::change_status(
        db,
        v.id,
        VolunteerStatus::Stopped,
        "2024-01-10",
        "Verhuist naar Zuidwolde",
        at(2024, 1, 10),
    )?;
    let phone: String =
        db.conn()
            .query_row("SELECT phone FROM residents WHERE id = ?1", [r.id], |row| {
                row.get(0)
            })?;
    Ok(Traceable {
        resident: r.id,
        volunteer: v.id,
        removed: [
            "Zwaantje",
            "Oosterhuisman",
            "Klaproosweg",
            "zwaantje@voorbeeld.nl",
            "1941-04-09",
            "Slechthorend",
            "Plompenmaker",
            "Heeft een sleutel",
            "Vijverpompreparatie",
            "Hendrikus",
            "schuurdeur",
            "aquariumfilter",
            "kleinzoon Berend",
            "Opgelost met hulp",
            "Zonnebloem",
            "Harmke",
            "Wubbolding",
            "Rijdt liever niet",
            "Zuidwolde",
            "Kippenhokdeur",
            &phone,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    })
}

/// A plaintext copy of the whole database (SQLCipher's own export) as bytes.
fn plaintext(db: &Db, dir: &std::path::Path, name: &str) -> Result<Vec<u8>> {
    let path = dir.join(name);
    db.conn().execute(
        "ATTACH DATABASE ?1 AS plain KEY ''",
        [path.to_string_lossy()],
    )?;
    db.conn()
        .query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(()))?;
    db.conn().execute_batch("DETACH DATABASE plain")?;
    Ok(std::fs::read(path)?)
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn after_anonymising_a_plaintext_export_holds_none_of_the_removed_words() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut session = common::session::new_session(&dir.path().join("data"))?;
    let db = session.db()?;
    let t = traceable(db)?;
    let plain_before = plaintext(db, dir.path(), "voor.db")?;
    for word in &t.removed {
        assert!(holds(&plain_before, word), "the test finds {word:?} before");
    }
    let today = day(2026, 11, 22);
    let terms = Terms::of(&settings::get(db.conn())?);
    let due = retention::due(db.conn(), &terms, today)?;
    assert_eq!((due.dossiers, due.volunteers), (2, 1));
    retention::run(db, &terms, today, |_| {})?;
    let plain_after = plaintext(db, dir.path(), "na.db")?;
    let left: Vec<&String> = t
        .removed
        .iter()
        .filter(|w| holds(&plain_after, w))
        .collect();
    assert!(left.is_empty(), "still in the file: {left:?}");
    // What the figures need is still there.
    let r = residents::get(db.conn(), t.resident)?;
    assert_eq!(
        (r.first_name.as_str(), r.kern.as_str(), r.birth_date),
        (anonymise::PLACEHOLDER, "Lindeloo", None)
    );
    let band: String = db.conn().query_row(
        "SELECT age_band FROM residents WHERE id = ?1",
        [t.resident],
        |row| row.get(0),
    )?;
    assert_eq!(band, "85_plus");
    assert_eq!(common::people(db, "Oosterhuisman")?, Vec::<i64>::new());
    assert_eq!(common::people(db, "Wubbolding")?, Vec::<i64>::new());
    let v = volunteers::get(db.conn(), t.volunteer, today)?;
    assert_eq!(v.status, VolunteerStatus::Stopped);
    Ok(())
}

#[test]
fn the_log_says_geanonimiseerd_once_per_record_without_values_and_still_logs_edits() -> Result<()> {
    let mut db = Db::in_memory()?;
    let t = traceable(&mut db)?;
    let lines_before = one(&db, "SELECT count(*) FROM audit_log")?;
    let today = day(2026, 11, 22);
    let terms = Terms::of(&settings::get(db.conn())?);
    retention::run(&mut db, &terms, today, |_| {})?;
    let lines: Vec<(String, String, i64, String)> = {
        let mut stmt = db.conn().prepare(
            "SELECT action, kind, record_id, fields FROM audit_log WHERE id > ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([lines_before], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    assert!(!lines.is_empty());
    for (action, _, _, fields) in &lines {
        assert_eq!(action, "geanonimiseerd");
        assert_eq!(fields, "");
    }
    let kinds: Vec<(&str, i64)> = lines.iter().map(|l| (l.1.as_str(), l.2)).collect();
    assert!(kinds.contains(&("resident", t.resident)));
    assert!(kinds.contains(&("resident", t.volunteer)));
    assert_eq!(kinds.iter().filter(|k| k.0 == "request").count(), 1);
    assert_eq!(one(&db, "SELECT count(*) FROM audit_quiet")?, 0);
    // An ordinary edit afterwards is logged as before.
    let r = residents::get(db.conn(), t.resident)?;
    residents::update(
        &mut db,
        r.id,
        ResidentInput {
            first_name: "Onbekend".into(),
            last_name: "-".into(),
            kern: r.kern,
            ..Default::default()
        },
        at(2026, 11, 22),
    )?;
    let last: (String, String) = db.conn().query_row(
        "SELECT action, fields FROM audit_log ORDER BY id DESC LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert_eq!(last.0, "gewijzigd");
    assert!(last.1.contains("first_name"));
    Ok(())
}

#[test]
fn removing_old_log_entries_keeps_the_chain_checkable() -> Result<()> {
    let mut db = Db::in_memory()?;
    traceable(&mut db)?;
    let total = one(&db, "SELECT count(*) FROM audit_log")?;
    assert!(total > 4);
    // Every entry was written "now" (SQLite's clock): remove them all but
    // the newest few by a cut-off just after the middle one.
    let middle: String = db.conn().query_row(
        "SELECT at FROM audit_log ORDER BY id LIMIT 1 OFFSET ?1",
        [total / 2],
        |r| r.get(0),
    )?;
    let removed = db.write(|tx| trim::remove_before(tx, &format!("{middle}~")))?;
    assert!(removed > 0);
    assert_eq!(one(&db, "SELECT count(*) FROM audit_start")?, 1);
    assert_eq!(chain::check(db.conn())?.broken, None);
    // New entries follow on, and the check still passes.
    residents::create(
        &mut db,
        ResidentInput {
            first_name: "Aaltje".into(),
            last_name: "Nieuw".into(),
            ..Default::default()
        },
        true,
        at(2026, 11, 22),
    )?;
    assert_eq!(chain::check(db.conn())?.broken, None);
    // And an edited entry after the anchor is still found.
    db.conn().execute_batch(
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET fields = 'x' WHERE id = (SELECT max(id) FROM audit_log);",
    )?;
    assert!(chain::check(db.conn())?.broken.is_some());
    // Deleting by hand (not through the trim) is still refused.
    assert!(db.conn().execute("DELETE FROM audit_log", []).is_err());
    Ok(())
}

/// 2 000 residents in every combination that decides whether a file is due:
/// entered long ago or lately, requests open, closed long ago or lately,
/// a contact dated after the last change, signals open or closed,
/// volunteers active or stopped long ago or lately, anonymised files and
/// requests, collective requests.
fn every_kind_of_file() -> Result<Db> {
    let db = Db::in_memory()?;
    db.conn().execute_batch(
        "INSERT INTO signal_concerns (id, label, life_area, position) VALUES (900, 'Testzorg', 'social', 900);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
         INSERT INTO residents (id, first_name, last_name, kern, street, created_at, updated_at, anonymised_on)
         SELECT i, 'Anna', 'Bakker', 'Lindeloo', 'Dorpsstraat',
                CASE i % 3 WHEN 0 THEN '2015-03-01T10:00:00' WHEN 1 THEN '2021-06-15T10:00:00'
                           ELSE '2024-05-30T09:00:00' END, '2024-01-01T00:00:00',
                CASE WHEN i % 97 = 0 THEN '2023-01-01' END
         FROM n;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
         INSERT INTO help_requests (id, resident_id, received_on, channel, ask, urgency, scope, status,
                                    created_at, updated_at, anonymised_on)
         SELECT i, CASE WHEN i % 41 = 0 THEN NULL ELSE 1 + (i * 7) % 2000 END,
                date('2024-06-01', '-' || (i * 13 % 3000) || ' days'), 'phone', 'Boodschappen', 'normal',
                CASE WHEN i % 41 = 0 THEN 'collective' ELSE 'individual' END,
                CASE i % 11 WHEN 0 THEN 'new' WHEN 1 THEN 'matched' WHEN 2 THEN 'in_progress'
                            WHEN 3 THEN 'referred' WHEN 4 THEN 'lapsed' ELSE 'done' END,
                '2015-01-01T00:00:00',
                date('2024-06-01', '-' || (i * 13 % 3000) || ' days') || 'T12:00:00',
                CASE WHEN i % 53 = 0 THEN '2023-02-01' END
         FROM n;
         INSERT INTO contact_log (request_id, on_date, note, status, created_at)
         SELECT id, CASE WHEN id % 17 = 0 THEN '2024-05-20' ELSE received_on END, 'Gebeld', NULL, created_at
         FROM help_requests WHERE id % 3 <> 1;
         INSERT INTO signals (noticed_on, noticer_kind, resident_id, place_kind, concern_id, life_area,
                              status, outcome, closed_on, created_at, updated_at)
         SELECT '2020-01-01', 'anonymous', r.id, 'village', 900, 'social',
                CASE WHEN r.id % 19 = 0 THEN 'new' ELSE 'closed' END,
                CASE WHEN r.id % 19 = 0 THEN NULL ELSE 'nothing_needed' END,
                CASE WHEN r.id % 19 = 0 THEN NULL ELSE '2020-02-01' END, '2020-01-01', '2020-01-01'
         FROM residents r WHERE r.id % 5 = 0;
         INSERT INTO volunteers (resident_id, status, status_since, created_at, updated_at)
         SELECT id, CASE id % 4 WHEN 0 THEN 'active' WHEN 1 THEN 'paused' ELSE 'stopped' END,
                CASE WHEN id % 8 = 2 THEN '2019-09-09' ELSE '2024-04-04' END, '2015-01-01', '2015-01-01'
         FROM residents WHERE id % 13 IN (0, 1, 2, 3, 4);",
    )?;
    Ok(db)
}

/// The definition of a file past its term, said once more in the plainest
/// SQL (one resident at a time): what the notice's quick count must equal.
fn files_due_one_by_one(db: &Db, requests: &str, volunteers: &str) -> Result<(i64, i64)> {
    Ok(db.conn().query_row(
        "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM volunteers v WHERE v.resident_id = r.id))
         FROM residents r
         WHERE r.anonymised_on IS NULL
           AND NOT EXISTS (SELECT 1 FROM help_requests h WHERE h.resident_id = r.id AND h.anonymised_on IS NULL
                 AND (h.status IN ('new', 'in_progress', 'matched') OR h.updated_at >= ?1
                      OR EXISTS (SELECT 1 FROM contact_log l WHERE l.request_id = h.id AND l.on_date >= ?1)))
           AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.resident_id = r.id AND s.status <> 'closed')
           AND NOT EXISTS (SELECT 1 FROM volunteers v WHERE v.resident_id = r.id
                 AND NOT (v.status = 'stopped' AND v.status_since < ?2))
           AND (r.created_at < ?1 OR EXISTS (SELECT 1 FROM volunteers v WHERE v.resident_id = r.id))",
        [requests, volunteers],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

#[test]
fn the_notice_counts_exactly_the_files_past_their_term_for_every_term() -> Result<()> {
    let db = every_kind_of_file()?;
    let mut seen_some = false;
    for today in [
        day(2022, 1, 1),
        day(2024, 6, 1),
        day(2025, 7, 1),
        day(2027, 1, 1),
    ] {
        for (req, vol) in [(12, 12), (24, 24), (36, 6), (120, 60)] {
            let terms = Terms {
                requests: req,
                volunteers: vol,
                signals: 12,
                audit: 60,
                exports: 60,
            };
            let due = retention::due(db.conn(), &terms, today)?;
            let c1 = today
                .checked_sub_months(chrono::Months::new(req))
                .map(iso)
                .unwrap_or_default();
            let c2 = today
                .checked_sub_months(chrono::Months::new(vol))
                .map(iso)
                .unwrap_or_default();
            let (files, stopped) = files_due_one_by_one(&db, &c1, &c2)?;
            let collective: i64 = db.conn().query_row(
                "SELECT count(*) FROM help_requests h WHERE h.resident_id IS NULL AND h.anonymised_on IS NULL
                   AND h.status IN ('done', 'referred', 'lapsed') AND h.updated_at < ?1
                   AND NOT EXISTS (SELECT 1 FROM contact_log l WHERE l.request_id = h.id AND l.on_date >= ?1)",
                [&c1],
                |r| r.get(0),
            )?;
            assert_eq!(
                (due.dossiers, due.volunteers),
                (files + collective, stopped),
                "on {today} with terms {req}/{vol} months"
            );
            seen_some |= files > 0 && stopped > 0 && files < 1900;
        }
    }
    assert!(seen_some, "the village must have files due and files kept");
    Ok(())
}
