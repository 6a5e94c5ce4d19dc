//! The encrypted store through the session, on real files in a temp folder.

use std::fs;

use buurtpunt_core::demo;
use buurtpunt_core::followup;
use buurtpunt_core::matches;
use buurtpunt_core::referrals;
use buurtpunt_core::requests::{self, RequestInput, RequestQuery, Scope, Status, Urgency};
use buurtpunt_core::residents;
use buurtpunt_core::session::{Phase, Session};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::volunteers::{self, LoadLevel, VogState};
use buurtpunt_core::{Error, Result};

mod common;

use common::now;
use common::session::*;

/// An urgent request received by phone, with a need and life areas.
fn request(resident_id: i64, ask: &str) -> RequestInput {
    RequestInput {
        underlying_need: "Voelt zich alleen".into(),
        life_areas: vec![LifeArea::Transport, LifeArea::SocialContact],
        own_strength: String::new(),
        tried: String::new(),
        urgency: Urgency::High,
        due_on: "2026-11-21".into(),
        scope: Scope::Individual,
        scope_note: String::new(),
        ..phone_request(resident_id, ask)
    }
}

#[test]
fn the_database_file_holds_no_plaintext() -> Result<()> {
    let dir = tempfile::tempdir()?;
    {
        let mut s = new_session(dir.path())?;
        let r = residents::create(s.db()?, resident("Zoë", "Plaintextcheck"), false, now())?;
        requests::create(
            s.db()?,
            request(r.id, "Boodschappen doen bij de Spar"),
            now(),
        )?;
        s.lock()?;
    }
    for name in ["buurtpunt.db", "buurtpunt.db-wal", "sleutel.json"] {
        let path = dir.path().join(name);
        if !path.exists() {
            continue;
        }
        let bytes = fs::read(&path)?;
        for needle in [
            "Plaintextcheck",
            "Boodschappen",
            "SQLite format 3",
            "help_requests",
            PASS,
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{name} contains {needle}"
            );
        }
    }
    Ok(())
}

#[test]
fn what_is_deleted_is_overwritten_on_every_open() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    let on = |s: &mut Session| -> Result<i64> {
        Ok(s.db()?
            .conn()
            .query_row("PRAGMA secure_delete", [], |r| r.get(0))?)
    };
    assert_eq!(on(&mut s)?, 1, "after creating");
    s.lock()?;
    s.unlock(PASS, now())?;
    assert_eq!(on(&mut s)?, 1, "after unlocking");
    Ok(())
}

#[test]
fn a_request_is_found_again_after_locking_and_unlocking() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    let r = residents::create(s.db()?, resident("Zoë", "Kampinga"), false, now())?;
    let req = requests::create(s.db()?, request(r.id, "Vervoer naar het ziekenhuis"), now())?;
    s.lock()?;
    assert!(matches!(
        s.unlock("verkeerd wachtwoord", now()),
        Err(Error::WrongPassphrase)
    ));
    assert_eq!(s.status().phase, Phase::Locked);
    assert_eq!(s.unlock(PASS, now())?.phase, Phase::Unlocked);
    let found = requests::list(
        s.db()?.conn(),
        &RequestQuery {
            text: "zoe ziekenh".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].id, req.id);
    assert_eq!(found.items[0].resident_name, "Zoë Kampinga");
    Ok(())
}

#[test]
fn a_wrong_passphrase_never_creates_a_new_database() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    s.lock()?;
    let before = fs::read(dir.path().join("buurtpunt.db"))?;
    assert!(s.unlock("nog een verkeerd wachtwoord", now()).is_err());
    assert_eq!(fs::read(dir.path().join("buurtpunt.db"))?, before);
    assert!(matches!(
        s.create("iets anders dan eerst"),
        Err(Error::AlreadySetUp)
    ));
    Ok(())
}

#[test]
fn a_damaged_file_leads_to_the_restore_screen_and_a_backup_brings_the_data_back() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    let r = residents::create(s.db()?, resident("Anneke", "Brinkhuis"), false, now())?;
    s.lock()?;
    // Opening makes the daily backup (the first open of the day), in the background.
    s.unlock(PASS, now())?;
    s.settle();
    s.lock()?;
    let db = dir.path().join("buurtpunt.db");
    let mut bytes = fs::read(&db)?;
    let len = bytes.len();
    for b in &mut bytes[len / 2..len / 2 + 512] {
        *b ^= 0x5a;
    }
    bytes[20] ^= 0xff;
    fs::write(&db, &bytes)?;

    let status = s.unlock(PASS, now())?;
    assert_eq!(status.phase, Phase::Damaged);
    assert!(status.damage.is_some());
    assert!(matches!(s.db(), Err(Error::Locked)));
    // The damaged file is still there, untouched.
    assert_eq!(fs::read(&db)?, bytes);

    let backups = s.backups()?;
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].kind, buurtpunt_core::store::backup::Kind::Daily);
    let status = s.restore(std::path::Path::new(&backups[0].path), now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    assert_eq!(residents::get(s.db()?.conn(), r.id)?.last_name, "Brinkhuis");
    // The damaged file was kept aside, not deleted.
    let kept = fs::read_dir(dir.path().join("backups"))?
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().ends_with(".db.oud"));
    assert!(kept);
    Ok(())
}

#[test]
fn a_clean_close_lets_the_next_unlock_skip_the_full_check_once() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mark = dir.path().join("netjes-gesloten.json");
    let mut s = new_session(dir.path())?;
    let r = residents::create(s.db()?, resident("Anneke", "Brinkhuis"), false, now())?;
    s.lock()?;
    assert!(mark.exists(), "a clean close leaves the mark");
    assert!(!dir.path().join("buurtpunt.db-wal").exists());
    s.unlock(PASS, now())?;
    assert!(!mark.exists(), "the mark is good for one unlock only");
    assert_eq!(residents::get(s.db()?.conn(), r.id)?.first_name, "Anneke");
    // A crash (no close) leaves no mark: the next unlock checks every page.
    drop(s);
    assert!(!mark.exists());
    Ok(())
}

#[test]
fn damage_that_keeps_the_files_size_and_time_is_found_by_the_daily_backup() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = locked_with_200_residents(dir.path())?;
    let db = dir.path().join("buurtpunt.db");
    let bytes = damage_quietly(&db)?;
    // The mark still matches, so the open itself trusts the file; the first
    // backup of the day (in the background) reads every page and finds the damage.
    assert_eq!(s.unlock(PASS, now())?.phase, Phase::Unlocked);
    let status = s.settle();
    assert_eq!(status.phase, Phase::Damaged, "status: {status:?}");
    assert_eq!(fs::read(&db)?, bytes, "the damaged file is kept as it is");
    Ok(())
}

/// A new help point with 200 residents, locked: a file large enough to damage
/// a page in the middle.
fn locked_with_200_residents(dir: &std::path::Path) -> Result<Session> {
    let mut s = new_session(dir)?;
    for i in 0..200 {
        residents::create(
            s.db()?,
            resident("Anneke", &format!("Brinkhuis {i}")),
            true,
            now(),
        )?;
    }
    s.lock()?;
    Ok(s)
}

/// Flip bytes in the middle of the file, keeping its size and time (so the
/// clean-close mark still matches and the open trusts it).
fn damage_quietly(db: &std::path::Path) -> Result<Vec<u8>> {
    let middle = usize::try_from(fs::metadata(db)?.len()).unwrap_or(usize::MAX) / 2;
    damage_quietly_at(db, middle)
}

/// [`damage_quietly`] at `offset` in the file.
fn damage_quietly_at(db: &std::path::Path, offset: usize) -> Result<Vec<u8>> {
    let modified = fs::metadata(db)?.modified()?;
    let mut bytes = fs::read(db)?;
    for b in &mut bytes[offset..offset + 512] {
        *b ^= 0x5a;
    }
    fs::write(db, &bytes)?;
    fs::File::options()
        .write(true)
        .open(db)?
        .set_modified(modified)?;
    Ok(bytes)
}

fn read_everything(conn: &rusqlite::Connection) -> Result<()> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\""))?;
        let mut rows = stmt.query([])?;
        while rows.next()?.is_some() {}
    }
    // The indexes too: integrity_check walks them all.
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    assert_ne!(check, "ok", "the damage was not seen at all");
    Ok(())
}

#[test]
fn damage_met_while_the_app_is_open_leads_to_the_restore_screen() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = locked_with_200_residents(dir.path())?;
    // The first unlock of the day makes the daily backup; the second does not
    // read every page again, so this damage is only met while working.
    s.unlock(PASS, now())?;
    s.settle();
    // A page of the residents table, wherever the migrations put it (the
    // middle of the file may hold an index that no table scan reads).
    let page: i64 = s.db()?.conn().query_row(
        "SELECT max(pageno) FROM dbstat WHERE name = 'residents'",
        [],
        |r| r.get(0),
    )?;
    s.lock()?;
    let db = dir.path().join("buurtpunt.db");
    let offset = usize::try_from(page - 1).unwrap_or(0) * 4096 + 1024;
    let bytes = damage_quietly_at(&db, offset)?;
    assert_eq!(s.unlock(PASS, now())?.phase, Phase::Unlocked);
    assert_eq!(s.settle().phase, Phase::Unlocked);

    // Reading every row of every table meets the damaged page, and the error
    // carries the code that makes the UI ask for the full check.
    let err = read_everything(s.db()?.conn()).err();
    let code = err.as_ref().map(|e| e.code().as_str());
    assert_eq!(code, Some("database_damaged"), "error: {err:?}");

    let status = s.check_damage()?;
    assert_eq!(status.phase, Phase::Damaged, "status: {status:?}");
    assert!(matches!(s.db(), Err(Error::Locked)));
    assert_eq!(fs::read(&db)?, bytes, "the damaged file is kept as it is");
    assert_eq!(
        s.backups()?.len(),
        1,
        "the restore screen offers the backup"
    );
    Ok(())
}

#[test]
fn a_sound_database_stays_open_after_a_damage_check() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    assert_eq!(s.check_damage()?.phase, Phase::Unlocked);
    residents::create(s.db()?, resident("Anneke", "Brinkhuis"), false, now())?;
    Ok(())
}

#[test]
fn a_failed_daily_backup_is_reported_but_does_not_stop_the_unlock() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    let r = residents::create(s.db()?, resident("Anneke", "Brinkhuis"), false, now())?;
    s.lock()?;
    // A file where the backup folder should be: the backup cannot be written
    // (as on a full disk or a read-only stick), the data itself is fine.
    fs::write(dir.path().join("backups"), b"in de weg")?;
    assert_eq!(s.unlock(PASS, now())?.phase, Phase::Unlocked);
    let status = s.settle();
    assert_eq!(status.phase, Phase::Unlocked);
    assert!(status.backup_problem.is_some(), "status: {status:?}");
    assert_eq!(residents::get(s.db()?.conn(), r.id)?.first_name, "Anneke");

    // Once the folder can be written again, the next try (the app asks now
    // and then while it stays open) makes the backup and clears the warning.
    fs::remove_file(dir.path().join("backups"))?;
    s.daily_backup(now())?;
    let status = s.settle();
    assert_eq!(status.backup_problem, None);
    assert_eq!(s.backups()?.len(), 1);
    Ok(())
}

#[test]
fn the_daily_backup_while_open_makes_one_a_day() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    residents::create(s.db()?, resident("Anneke", "Brinkhuis"), false, now())?;
    s.daily_backup(now())?;
    s.settle();
    s.daily_backup(now())?;
    s.settle();
    assert_eq!(s.backups()?.len(), 1);
    let tomorrow = now() + chrono::Duration::days(1);
    s.daily_backup(tomorrow)?;
    s.settle();
    assert_eq!(s.backups()?.len(), 2);
    Ok(())
}

#[test]
fn a_file_that_is_not_a_backup_is_refused() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    let junk = dir.path().join("junk.db");
    fs::write(&junk, b"dit is geen database")?;
    assert!(matches!(s.restore(&junk, now()), Err(Error::BadBackup(_))));
    assert_eq!(s.status().phase, Phase::Unlocked);
    Ok(())
}

#[test]
fn an_exported_backup_opens_with_the_same_passphrase() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    residents::create(s.db()?, resident("Bram", "Knol"), false, now())?;
    let out = dir.path().join("mijn-backup.db");
    s.export_backup(&out, now())?;
    let r2 = residents::create(s.db()?, resident("Cor", "Knol"), false, now())?;
    let status = s.restore(&out, now())?;
    assert_eq!(status.phase, Phase::Unlocked);
    assert!(matches!(
        residents::get(s.db()?.conn(), r2.id),
        Err(Error::NotFound { .. })
    ));
    Ok(())
}

#[test]
fn the_recovery_key_unlocks_and_sets_a_new_passphrase() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = Session::new(dir.path(), FAST);
    let recovery = s.create(PASS)?;
    s.lock()?;
    assert!(matches!(
        s.recover("AAAA-BBBB-CCCC", "een nieuw wachtwoord", now()),
        Err(Error::WrongRecoveryKey)
    ));
    assert_eq!(
        s.recover(&recovery, "een nieuw wachtwoord", now())?.phase,
        Phase::Unlocked
    );
    s.lock()?;
    assert!(matches!(s.unlock(PASS, now()), Err(Error::WrongPassphrase)));
    s.unlock("een nieuw wachtwoord", now())?;
    Ok(())
}

#[test]
fn a_database_from_a_newer_buurtpunt_is_refused() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    s.db()?.conn().execute_batch("PRAGMA user_version = 999")?;
    s.lock()?;
    assert!(matches!(
        s.unlock(PASS, now()),
        Err(Error::TooNew { found: 999, .. })
    ));
    Ok(())
}

#[test]
fn a_missing_key_file_is_reported_not_replaced() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = new_session(dir.path())?;
    s.lock()?;
    fs::remove_file(dir.path().join("sleutel.json"))?;
    // No backup holds a copy of the key file yet: the passphrase alone
    // cannot open it, and the unlock screen says why.
    assert!(matches!(s.unlock(PASS, now()), Err(Error::KeyFileMissing)));
    let status = s.status();
    assert_eq!(status.phase, Phase::Locked);
    assert_eq!(
        status.key_problem,
        Some(buurtpunt_core::store::vault::KeyProblem::Missing)
    );
    assert!(matches!(s.create(PASS), Err(Error::AlreadySetUp)));
    Ok(())
}

#[test]
fn the_demo_village_is_separate_and_complete() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = Session::new(dir.path(), FAST);
    let status = s.open_demo(now(), demo::seed)?;
    assert!(status.demo);
    assert!(!status.set_up, "the demo never counts as a real help point");
    let all = requests::list(s.db()?.conn(), &RequestQuery::default())?;
    // 60 of the last three months, and two years of history (meeting
    // mode): 48 in the same three months a year earlier, 30 in the rest of
    // this year, 30 in the rest of last year.
    assert_eq!(all.total, 168);
    for st in Status::ALL {
        let q = RequestQuery {
            status: Some(*st),
            ..Default::default()
        };
        assert!(
            requests::list(s.db()?.conn(), &q)?.total > 0,
            "no demo request with status {st:?}"
        );
    }
    // No referral is dated before its request came in, nor sent before it
    // was made.
    let early: i64 = s.db()?.conn().query_row(
        "SELECT count(*) FROM referrals f JOIN help_requests h ON h.id = f.request_id
         WHERE substr(f.created_at, 1, 10) < h.received_on OR f.sent_on < substr(f.created_at, 1, 10)
            OR f.melding_on < h.received_on",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(early, 0, "demo referrals dated before their request");
    let people = residents::list(s.db()?.conn(), &Default::default())?;
    assert_eq!(
        people.total, 58,
        "40 residents and 18 volunteers who only help"
    );

    // About twenty volunteers with varied loads: some near the limit, one
    // over it, one paused, one with an expired VOG, one heavy carer.
    let day = now().date();
    let o = volunteers::overview(s.db()?.conn(), day)?;
    assert_eq!(o.active + o.applied + o.paused + o.stopped, 20);
    assert_eq!((o.paused, o.stopped, o.applied), (1, 1, 1));
    let levels: Vec<LoadLevel> = o.near_limit.iter().map(|a| a.load.level).collect();
    assert!(levels.contains(&LoadLevel::Over), "levels: {levels:?}");
    assert!(levels.contains(&LoadLevel::Near), "levels: {levels:?}");
    assert!(o.near_limit.iter().any(|a| a.load.heavy_carer));
    assert!(o
        .vog_expiring
        .iter()
        .any(|a| a.vog_state == VogState::Expired));
    assert!(o.checkins_due.iter().any(|a| a.needs_support));
    let list = volunteers::list(s.db()?.conn(), &Default::default(), day)?;
    assert_eq!(list.total, 20);
    // Follow-up is due today, and the Wmo-loket's 6-week deadline runs.
    let (due, _) = followup::due_reminders(s.db()?.conn(), day, 20)?;
    assert_eq!(due.len(), 2, "one due today, one since yesterday");
    let wmo = referrals::open_wmo(s.db()?.conn(), day, 10)?;
    assert_eq!(wmo.len(), 1);
    // Sent the day after the consent, which came after the request.
    assert_eq!(wmo[0].days_left, Some(38));
    let sent = referrals::get(s.db()?.conn(), wmo[0].id, day)?;
    assert!(sent.consent_ok, "the demo referral has consent");
    // Matched demo requests have a volunteer linked.
    let matched = requests::list(
        s.db()?.conn(),
        &RequestQuery {
            status: Some(Status::Matched),
            ..Default::default()
        },
    )?;
    for r in &matched.items {
        assert!(
            !matches::for_request(s.db()?.conn(), r.id)?.is_empty(),
            "matched demo request {} has no match",
            r.id
        );
    }
    s.lock()?;
    assert_eq!(s.status().phase, Phase::Welcome);
    Ok(())
}

/// A clean close leaves the planner's statistics (`PRAGMA optimize`), so
/// the next session's queries use the indexes meant for them.
#[test]
fn a_clean_close_keeps_the_planner_statistics_current() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut s = locked_with_200_residents(dir.path())?;
    s.unlock(PASS, now())?;
    let analysed: i64 = s.db()?.conn().query_row(
        "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'residents'",
        [],
        |r| r.get(0),
    )?;
    assert!(analysed > 0, "the residents' indexes have statistics");
    s.lock()?;
    Ok(())
}
