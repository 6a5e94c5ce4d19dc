//! Signals: the form's rules, patterns at their edges, the collective request
//! without a resident, the links both ways and the retention term.

mod common;

use buurtpunt_core::requests::{self, RequestInput, RequestQuery, Scope};
use buurtpunt_core::settings::{self, Settings};
use buurtpunt_core::signals::{
    self, ConcernInput, NoticerKind, PlaceKind, SignalInput, SignalOutcome, SignalQuery,
    SignalStatus, SignalStep,
};
use buurtpunt_core::vocab::{LifeArea, Rule};
use buurtpunt_core::{referrals, retention, Db, Error, Result};
use chrono::{Days, NaiveDate, NaiveDateTime};
use common::{at, now, today};

const LONELINESS: i64 = 1;
const HOME_SAFETY: i64 = 6;

fn days_ago(n: u64) -> String {
    (today() - Days::new(n)).format("%Y-%m-%d").to_string()
}

fn in_street(street: &str, kern: &str, concern: i64, noticed_on: String) -> SignalInput {
    SignalInput {
        noticed_on,
        noticer_kind: Some(NoticerKind::Anonymous),
        place_kind: Some(PlaceKind::Street),
        street: street.into(),
        kern: kern.into(),
        concern_id: Some(concern),
        note: "Gordijnen blijven dicht.".into(),
        ..Default::default()
    }
}

fn note(db: &mut Db, input: SignalInput) -> Result<i64> {
    Ok(signals::create(db, &input, now())?.id)
}

fn patterns(db: &Db) -> Result<Vec<signals::Pattern>> {
    signals::patterns(db.conn(), today(), &Settings::default())
}

fn fields(e: Error) -> Vec<(String, Rule)> {
    match e {
        Error::Invalid(f) => f.into_iter().map(|f| (f.field, f.rule)).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_signal_needs_who_noticed_it_where_and_the_concern() -> Result<()> {
    let mut db = Db::in_memory()?;
    let err = signals::create(
        &mut db,
        &SignalInput {
            noticed_on: "2026-11-23".into(),
            ..Default::default()
        },
        now(),
    )
    .expect_err("nothing chosen");
    let f = fields(err);
    for field in ["noticedOn", "noticerKind", "placeKind", "concernId"] {
        assert!(f.iter().any(|(n, _)| n == field), "{field} in {f:?}");
    }
    let street_missing = signals::create(
        &mut db,
        &in_street(" ", "Lindeloo", LONELINESS, days_ago(1)),
        now(),
    )
    .expect_err("street kind without street");
    assert_eq!(
        fields(street_missing),
        vec![("street".into(), Rule::Required)]
    );
    Ok(())
}

#[test]
fn a_signal_about_a_resident_takes_their_street_and_shows_who_noted_it() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = buurtpunt_core::residents::create(
        &mut db,
        common::session::resident("Wietske", "Hofsteenge"),
        true,
        now(),
    )?;
    let cp = buurtpunt_core::contact_persons::create(
        &mut db,
        &buurtpunt_core::contact_persons::ContactPersonInput {
            name: "Gerda Kampinga".into(),
            active: true,
            ..Default::default()
        },
    )?;
    let s = signals::create(
        &mut db,
        &SignalInput {
            noticed_on: days_ago(2),
            noticer_kind: Some(NoticerKind::ContactPerson),
            contact_person_id: Some(cp.id),
            resident_id: Some(r.id),
            concern_id: Some(HOME_SAFETY),
            not_right: true,
            ..Default::default()
        },
        now(),
    )?;
    assert_eq!(s.place_kind, PlaceKind::Street);
    assert_eq!(s.place_label, "Brink, Lindeloo");
    assert_eq!(s.noticer_name, "Gerda Kampinga");
    assert_eq!(s.resident_name.as_deref(), Some("Wietske Hofsteenge"));
    assert!(s.home_safety);
    assert_eq!(s.life_area, LifeArea::Other);
    assert_eq!(signals::for_resident(db.conn(), r.id)?.len(), 1);
    Ok(())
}

#[test]
fn closing_needs_what_came_of_it_and_passing_on_needs_to_whom() -> Result<()> {
    let mut db = Db::in_memory()?;
    let id = note(
        &mut db,
        in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(1)),
    )?;
    let step = |to, outcome, passed_to: &str| SignalStep {
        to,
        outcome,
        passed_to: passed_to.into(),
    };
    let no_outcome =
        signals::change_status(&mut db, id, &step(SignalStatus::Closed, None, ""), now());
    assert_eq!(
        fields(no_outcome.expect_err("outcome")),
        vec![("outcome".into(), Rule::Required)]
    );
    let no_whom = signals::change_status(
        &mut db,
        id,
        &step(SignalStatus::Closed, Some(SignalOutcome::PassedOn), ""),
        now(),
    );
    assert_eq!(
        fields(no_whom.expect_err("to whom")),
        vec![("passedTo".into(), Rule::Required)]
    );
    let s = signals::change_status(&mut db, id, &step(SignalStatus::Discussed, None, ""), now())?;
    assert_eq!(
        s.allowed_next,
        vec![SignalStatus::TakenUp, SignalStatus::Closed]
    );
    let s = signals::change_status(
        &mut db,
        id,
        &step(
            SignalStatus::Closed,
            Some(SignalOutcome::PassedOn),
            "Veilig Thuis",
        ),
        now(),
    )?;
    assert_eq!(
        (s.status, s.outcome),
        (SignalStatus::Closed, Some(SignalOutcome::PassedOn))
    );
    assert_eq!(s.passed_to, "Veilig Thuis");
    assert_eq!(s.closed_on.as_deref(), Some("2026-11-22"));
    let back = signals::change_status(&mut db, id, &step(SignalStatus::Discussed, None, ""), now());
    assert!(matches!(back, Err(Error::InvalidTransition { .. })));
    Ok(())
}

#[test]
fn one_signal_short_is_no_pattern_and_the_next_one_makes_it() -> Result<()> {
    let mut db = Db::in_memory()?;
    note(
        &mut db,
        in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(40)),
    )?;
    note(
        &mut db,
        in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(10)),
    )?;
    assert!(patterns(&db)?.is_empty());
    note(
        &mut db,
        in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(0)),
    )?;
    let found = patterns(&db)?;
    assert_eq!(found.len(), 1);
    let p = &found[0];
    assert_eq!((p.count, p.weeks), (3, 6));
    assert_eq!(p.place_label, "Kerkstraat, Lindeloo");
    assert_eq!(
        p.text,
        "In de Kerkstraat in Lindeloo zijn in 6 weken 3 signalen over eenzaamheid genoteerd."
    );
    Ok(())
}

#[test]
fn a_signal_just_outside_the_window_does_not_count() -> Result<()> {
    let mut db = Db::in_memory()?;
    // 8 weeks = 56 days up to and including today: 55 days ago is in, 56 is out.
    note(
        &mut db,
        in_street("Esweg", "Heidebroek", LONELINESS, days_ago(56)),
    )?;
    note(
        &mut db,
        in_street("Esweg", "Heidebroek", LONELINESS, days_ago(3)),
    )?;
    note(
        &mut db,
        in_street("Esweg", "Heidebroek", LONELINESS, days_ago(2)),
    )?;
    assert!(patterns(&db)?.is_empty());
    note(
        &mut db,
        in_street("Esweg", "Heidebroek", LONELINESS, days_ago(55)),
    )?;
    assert_eq!(patterns(&db)?.len(), 1);
    assert_eq!(patterns(&db)?[0].weeks, 8);
    Ok(())
}

#[test]
fn different_streets_kernen_and_concerns_do_not_add_up() -> Result<()> {
    let mut db = Db::in_memory()?;
    note(
        &mut db,
        in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(1)),
    )?;
    note(
        &mut db,
        in_street("Kerkstraat", "Veenhoeve", LONELINESS, days_ago(1)),
    )?;
    note(
        &mut db,
        in_street("Molenweg", "Lindeloo", LONELINESS, days_ago(1)),
    )?;
    note(&mut db, in_street("Kerkstraat", "Lindeloo", 2, days_ago(1)))?;
    let mut kern = in_street("", "Lindeloo", LONELINESS, days_ago(1));
    kern.place_kind = Some(PlaceKind::Kern);
    note(&mut db, kern.clone())?;
    let mut village = kern.clone();
    village.place_kind = Some(PlaceKind::Village);
    for _ in 0..3 {
        note(&mut db, village.clone())?;
    }
    assert!(patterns(&db)?.is_empty());
    // Two more about the kern itself make a kern pattern.
    note(&mut db, kern.clone())?;
    note(&mut db, kern)?;
    let found = patterns(&db)?;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].key.place_kind, PlaceKind::Kern);
    assert_eq!(
        found[0].text,
        "In Lindeloo zijn in 1 week 3 signalen over eenzaamheid genoteerd."
    );
    Ok(())
}

#[test]
fn the_settings_change_the_pattern_rule() -> Result<()> {
    let mut db = Db::in_memory()?;
    note(
        &mut db,
        in_street("Brink", "Lindeloo", LONELINESS, days_ago(20)),
    )?;
    note(
        &mut db,
        in_street("Brink", "Lindeloo", LONELINESS, days_ago(1)),
    )?;
    let mut s = settings::get(db.conn())?;
    s.pattern_min_signals = 2;
    s.pattern_weeks = 2;
    let s = settings::update(&mut db, &s)?;
    assert!(
        signals::patterns(db.conn(), today(), &s)?.is_empty(),
        "20 days is over 2 weeks"
    );
    let wider = Settings {
        pattern_weeks: 3,
        ..s
    };
    assert_eq!(signals::patterns(db.conn(), today(), &wider)?.len(), 1);
    let bad = settings::update(
        &mut db,
        &Settings {
            pattern_min_signals: 1,
            ..wider
        },
    );
    assert_eq!(
        fields(bad.expect_err("1 is no pattern")),
        vec![("patternMinSignals".into(), Rule::Number)]
    );
    Ok(())
}

#[test]
fn a_pattern_becomes_a_collective_request_without_a_resident() -> Result<()> {
    let mut db = Db::in_memory()?;
    let ids = [
        note(
            &mut db,
            in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(30)),
        )?,
        note(
            &mut db,
            in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(12)),
        )?,
        note(
            &mut db,
            in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(1)),
        )?,
    ];
    let key = patterns(&db)?[0].key.clone();
    let req = signals::make_collective_request(&mut db, &key, now())?;
    assert_eq!(req.resident_id, None);
    assert_eq!(req.scope, Scope::Street);
    assert_eq!(req.resident_name, "Kerkstraat, Lindeloo");
    assert_eq!(req.life_areas, vec![LifeArea::SocialContact]);
    // The pattern is acted on: it no longer shows, and asking again is refused.
    assert!(patterns(&db)?.is_empty());
    assert!(matches!(
        signals::make_collective_request(&mut db, &key, now()),
        Err(Error::NoPattern)
    ));
    // Both ways: the signals name the request, the request its signals.
    for id in ids {
        let s = signals::get(db.conn(), id)?;
        assert_eq!(s.collective_request_id, Some(req.id));
        assert_eq!(
            (s.status, s.outcome),
            (SignalStatus::TakenUp, Some(SignalOutcome::Collective))
        );
    }
    assert_eq!(signals::for_request(db.conn(), req.id)?.len(), 3);
    // The request without a resident goes through the list, the search and the detail.
    let list = requests::list(db.conn(), &RequestQuery::default())?;
    assert_eq!(list.items[0].resident_id, None);
    assert_eq!(list.items[0].resident_name, "Kerkstraat, Lindeloo");
    let found = requests::list(
        db.conn(),
        &RequestQuery {
            text: "Kerkstraat eenzaamheid".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(found.total, 1);
    let today_screen = buurtpunt_core::today::today(db.conn(), today())?;
    assert!(today_screen
        .todo
        .iter()
        .any(|i| i.request_id == req.id && i.resident_name == "Kerkstraat, Lindeloo"));
    // Referring (and so handing over) needs one resident.
    let referral = referrals::create(
        &mut db,
        req.id,
        &referrals::ReferralInput {
            service_id: None,
            organisation: "Wmo-loket".into(),
            service: String::new(),
            contact: String::new(),
            wmo_desk: true,
            reason: "Eenzaamheid".into(),
            urgency: requests::Urgency::Normal,
            volunteers_did: String::new(),
        },
        now(),
    );
    assert!(matches!(referral, Err(Error::CollectiveRequest { .. })));
    Ok(())
}

#[test]
fn a_request_about_a_resident_keeps_one_when_it_becomes_a_street_request() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = common::resident(&mut db, "Teun", "Smidt", "Lindeloo")?;
    let input = RequestInput {
        resident_id: Some(r),
        received_on: "2026-11-20".into(),
        ask: "Bladeren ruimen".into(),
        ..Default::default()
    };
    let req = requests::create(&mut db, input.clone(), now())?;
    let street = RequestInput {
        resident_id: None,
        scope: Scope::Street,
        scope_note: "Brink".into(),
        ..input.clone()
    };
    let err =
        requests::update(&mut db, req.id, street.clone(), now()).expect_err("resident dropped");
    assert_eq!(fields(err), vec![("residentId".into(), Rule::Required)]);
    let kept = requests::update(
        &mut db,
        req.id,
        RequestInput {
            resident_id: Some(r),
            ..street
        },
        now(),
    )?;
    assert_eq!((kept.resident_id, kept.scope), (Some(r), Scope::Street));
    Ok(())
}

#[test]
fn an_individual_request_still_needs_a_resident() -> Result<()> {
    let mut db = Db::in_memory()?;
    let err = requests::create(
        &mut db,
        RequestInput {
            received_on: "2026-11-20".into(),
            ask: "Hulp".into(),
            ..Default::default()
        },
        now(),
    )
    .expect_err("no resident");
    assert_eq!(fields(err), vec![("residentId".into(), Rule::Required)]);
    Ok(())
}

#[test]
fn a_request_made_from_a_signal_is_linked_both_ways() -> Result<()> {
    let mut db = Db::in_memory()?;
    let r = common::resident(&mut db, "Okke", "Knol", "Veenhoeve")?;
    let id = note(
        &mut db,
        SignalInput {
            resident_id: Some(r),
            ..in_street("", "", LONELINESS, days_ago(3))
        },
    )?;
    let input = RequestInput {
        resident_id: Some(r),
        received_on: days_ago(0),
        ask: "Gordijnen blijven dicht.".into(),
        ..Default::default()
    };
    let req = signals::make_request(&mut db, id, input.clone(), now())?;
    let s = signals::get(db.conn(), id)?;
    assert_eq!(s.request_id, Some(req.id));
    assert_eq!(
        (s.status, s.outcome),
        (SignalStatus::TakenUp, Some(SignalOutcome::HelpRequest))
    );
    assert_eq!(signals::for_request(db.conn(), req.id)?[0].id, id);
    assert!(req
        .contact_log
        .iter()
        .any(|e| e.note == "Gemaakt uit een signaal van 19-11-2026."));
    // A second request from the same signal is refused.
    assert!(matches!(
        signals::make_request(&mut db, id, input, now()),
        Err(Error::InvalidTransition { .. })
    ));
    Ok(())
}

fn close_nothing_needed(db: &mut Db, id: i64, on: NaiveDateTime) -> Result<()> {
    signals::change_status(
        db,
        id,
        &SignalStep {
            to: SignalStatus::Closed,
            outcome: Some(SignalOutcome::NothingNeeded),
            passed_to: String::new(),
        },
        on,
    )?;
    Ok(())
}

#[test]
fn signals_that_led_to_nothing_are_anonymised_after_the_term() -> Result<()> {
    let mut db = Db::in_memory()?;
    let input = in_street("Brink", "Lindeloo", LONELINESS, "2026-04-01".into());
    let on_cutoff = note(&mut db, input.clone())?;
    let before_cutoff = note(&mut db, input.clone())?;
    let passed_on = note(&mut db, input.clone())?;
    let open = note(&mut db, input)?;
    close_nothing_needed(&mut db, on_cutoff, at(2026, 5, 22))?;
    close_nothing_needed(&mut db, before_cutoff, at(2026, 5, 21))?;
    signals::change_status(
        &mut db,
        passed_on,
        &SignalStep {
            to: SignalStatus::Closed,
            outcome: Some(SignalOutcome::PassedOn),
            passed_to: "Huisarts".into(),
        },
        at(2026, 5, 1),
    )?;
    // Six months before 22 November is 22 May: closed that day stays.
    let terms = retention::Terms::of(&settings::get(db.conn())?);
    assert_eq!(terms.signals, 6);
    assert_eq!(retention::signals_at_unlock(&mut db, &terms, today())?, 1);
    assert_eq!(retention::signals_at_unlock(&mut db, &terms, today())?, 0);
    let gone = signals::get(db.conn(), before_cutoff)?;
    assert_eq!((gone.street.as_str(), gone.note.as_str()), ("", ""));
    for kept in [on_cutoff, passed_on, open] {
        assert_eq!(signals::get(db.conn(), kept)?.street, "Brink");
    }
    Ok(())
}

#[test]
fn the_unlock_anonymises_old_signals_in_the_encrypted_store() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut session = common::session::new_session(dir.path())?;
    let db = session.db()?;
    let id = note(
        db,
        in_street("Brink", "Lindeloo", LONELINESS, "2026-01-05".into()),
    )?;
    close_nothing_needed(db, id, at(2026, 1, 6))?;
    session.lock()?;
    session.unlock(common::session::PASS, now())?;
    let db = session.db()?;
    assert_eq!(signals::get(db.conn(), id)?.street, "");
    Ok(())
}

#[test]
fn the_group_adds_concerns_and_hides_them_but_never_loses_them() -> Result<()> {
    let mut db = Db::in_memory()?;
    let c = signals::add_concern(
        &mut db,
        &ConcernInput {
            label: "Zwerfvuil".into(),
            life_area: Some(LifeArea::Housing),
        },
    )?;
    let dup = signals::add_concern(
        &mut db,
        &ConcernInput {
            label: "eenzaamheid".into(),
            life_area: None,
        },
    );
    assert_eq!(
        fields(dup.expect_err("taken")),
        vec![("label".into(), Rule::Duplicate)]
    );
    let id = note(&mut db, in_street("Brink", "Lindeloo", c.id, days_ago(1)))?;
    signals::set_concern_hidden(&mut db, c.id, true)?;
    assert!(!signals::concerns(db.conn(), false)?
        .iter()
        .any(|x| x.id == c.id));
    let all = signals::concerns(db.conn(), true)?;
    let kept = all.iter().find(|x| x.id == c.id).expect("hidden, not gone");
    assert_eq!((kept.hidden, kept.used), (true, 1));
    assert_eq!(signals::get(db.conn(), id)?.concern_label, "Zwerfvuil");
    Ok(())
}

#[test]
fn the_figures_count_without_names() -> Result<()> {
    let mut db = Db::in_memory()?;
    for d in [1, 2, 3] {
        note(
            &mut db,
            in_street("Kerkstraat", "Lindeloo", LONELINESS, days_ago(d)),
        )?;
    }
    let mut kern = in_street("", "Veenhoeve", 2, days_ago(400));
    kern.place_kind = Some(PlaceKind::Kern);
    note(&mut db, kern)?;
    let f = signals::figures(db.conn(), today() - Days::new(30), today())?;
    assert_eq!((f.total, f.not_right, f.about_resident), (3, 0, 0));
    assert_eq!(f.by_concern[0].label, "Eenzaamheid");
    assert_eq!(f.by_concern[0].count, 3);
    assert_eq!(f.by_status[0].label, "new");
    assert_eq!(f.by_place_kind.len(), 1);
    let year = signals::figures(
        db.conn(),
        NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
        today(),
    )?;
    assert_eq!(year.total, 4);
    Ok(())
}

#[test]
fn the_demo_village_has_a_year_of_signals_and_one_pattern_today() -> Result<()> {
    let mut db = Db::in_memory()?;
    buurtpunt_core::demo::seed(&mut db, today())?;
    let all = signals::list(
        db.conn(),
        &SignalQuery {
            page_size: 200,
            ..Default::default()
        },
    )?;
    assert_eq!(all.total, 40);
    let oldest = all
        .items
        .last()
        .map(|s| s.noticed_on.clone())
        .unwrap_or_default();
    assert!(
        oldest.as_str() < "2026-01-01",
        "spread over a year: {oldest}"
    );
    let found = patterns(&db)?;
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].text,
        "In de Turfstraat in Veenhoeve zijn in 6 weken 4 signalen over eenzaamheid genoteerd."
    );
    assert!(all
        .items
        .iter()
        .any(|s| s.home_safety && s.status == SignalStatus::New));
    Ok(())
}
