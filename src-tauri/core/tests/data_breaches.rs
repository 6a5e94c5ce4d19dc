//! The data breach register: a breach is written down with when it was
//! found, and carries the 72-hour deadline for the Autoriteit
//! Persoonsgegevens as of now; bad input is refused field by field.
//! Real database (migrations applied), fictional people and places.

mod common;

use buurtpunt_core::data_breaches::{self, DataBreachInput, DeadlineState};
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::{Db, Error};
use chrono::{NaiveDate, NaiveDateTime};

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("valid moment")
}

fn laptop() -> DataBreachInput {
    DataBreachInput {
        discovered_on: "2026-11-29".into(),
        discovered_time: "14:30".into(),
        happened: "Laptop van de coördinator in de trein laten liggen.".into(),
        whose_data: "ongeveer 20 bewoners van de Kerkstraat".into(),
        measures: "Wachtwoordzin veranderd; de gegevens op de laptop zijn versleuteld.".into(),
        ..Default::default()
    }
}

fn fields(e: Result<impl std::fmt::Debug, Error>) -> Vec<(String, Rule)> {
    match e {
        Err(Error::Invalid(errors)) => errors.into_iter().map(|e| (e.field, e.rule)).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_breach_shows_the_72_hours_left_to_inform_the_authority() -> TestResult {
    let mut db = Db::in_memory()?;
    let now = at(30, 9, 0);
    let b = data_breaches::create(&mut db, &laptop(), now)?;
    assert_eq!(b.discovered_at, "2026-11-29T14:30:00");
    assert_eq!(b.whose_data, "ongeveer 20 bewoners van de Kerkstraat");
    assert_eq!(b.deadline.due_at, "2026-12-02T14:30:00");
    assert_eq!(b.deadline.state, DeadlineState::Open);
    assert_eq!(b.deadline.hours_left, 53);
    assert_eq!(
        b.deadline.text,
        "Melden bij de Autoriteit Persoonsgegevens vóór woensdag 2 december 14:30 — nog 2 dagen en 5 uur"
    );

    // On the last morning: hours only.
    let later = NaiveDate::from_ymd_opt(2026, 12, 2)
        .and_then(|d| d.and_hms_opt(9, 15, 0))
        .ok_or("date")?;
    let listed = data_breaches::list(db.conn(), later)?;
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].deadline.text,
        "Melden bij de Autoriteit Persoonsgegevens vóór woensdag 2 december 14:30 — nog 5 uur"
    );

    // After the 72 hours.
    let late = NaiveDate::from_ymd_opt(2026, 12, 2)
        .and_then(|d| d.and_hms_opt(14, 30, 0))
        .ok_or("date")?;
    let passed = data_breaches::get(db.conn(), b.id, late)?;
    assert_eq!(passed.deadline.state, DeadlineState::Passed);
    assert_eq!(passed.deadline.hours_left, 0);
    assert!(passed.deadline.text.ends_with("termijn verstreken"));
    Ok(())
}

#[test]
fn once_the_authority_is_informed_the_deadline_says_so() -> TestResult {
    let mut db = Db::in_memory()?;
    let b = data_breaches::create(&mut db, &laptop(), at(30, 9, 0))?;
    let mut informed = laptop();
    informed.ap_informed = true;
    informed.ap_informed_on = "2026-11-30".into();
    let b = data_breaches::update(&mut db, b.id, &informed, at(30, 10, 0))?;
    assert!(b.ap_informed);
    assert_eq!(b.ap_informed_on.as_deref(), Some("2026-11-30"));
    assert_eq!(b.deadline.state, DeadlineState::Informed);
    assert_eq!(
        b.deadline.text,
        "Gemeld bij de Autoriteit Persoonsgegevens op 30 november 2026"
    );
    // Not informed after all: the date goes with it.
    let b = data_breaches::update(&mut db, b.id, &laptop(), at(30, 11, 0))?;
    assert_eq!((b.ap_informed, b.ap_informed_on), (false, None));
    Ok(())
}

#[test]
fn the_newest_breach_comes_first() -> TestResult {
    let mut db = Db::in_memory()?;
    let now = at(30, 9, 0);
    let first = data_breaches::create(&mut db, &laptop(), now)?;
    let mut mail = laptop();
    mail.discovered_on = "2026-11-30".into();
    mail.discovered_time = "08:05".into();
    mail.happened = "Verkeerd gemaild: de lijst met nabelafspraken ging naar een buurman.".into();
    mail.whose_data = "6 bewoners van Ekelhorst".into();
    let second = data_breaches::create(&mut db, &mail, now)?;
    let ids: Vec<i64> = data_breaches::list(db.conn(), now)?
        .iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(ids, vec![second.id, first.id]);
    Ok(())
}

#[test]
fn a_breach_needs_when_what_and_whose_data() -> TestResult {
    let mut db = Db::in_memory()?;
    let now = at(30, 9, 0);
    let got = fields(data_breaches::create(
        &mut db,
        &DataBreachInput::default(),
        now,
    ));
    assert_eq!(
        got,
        vec![
            ("discoveredOn".into(), Rule::Required),
            ("discoveredTime".into(), Rule::Required),
            ("happened".into(), Rule::Required),
            ("whoseData".into(), Rule::Required),
        ]
    );

    let mut bad = laptop();
    bad.discovered_on = "29-11-2026".into();
    bad.discovered_time = "25:70".into();
    bad.whose_data = "x".repeat(201);
    let got = fields(data_breaches::create(&mut db, &bad, now));
    assert_eq!(
        got,
        vec![
            ("discoveredOn".into(), Rule::Date),
            ("discoveredTime".into(), Rule::Time),
            ("whoseData".into(), Rule::TooLong),
        ]
    );

    // Not found later than now; informed needs a date, not before the
    // breach was found and not in the future.
    let mut future = laptop();
    future.discovered_on = "2026-11-30".into();
    future.discovered_time = "09:01".into();
    future.ap_informed = true;
    let got = fields(data_breaches::create(&mut db, &future, now));
    assert_eq!(
        got,
        vec![
            ("discoveredOn".into(), Rule::DateInFuture),
            ("apInformedOn".into(), Rule::Required),
        ]
    );
    let mut early = laptop();
    early.ap_informed = true;
    early.ap_informed_on = "2026-11-28".into();
    let got = fields(data_breaches::create(&mut db, &early, now));
    assert_eq!(got, vec![("apInformedOn".into(), Rule::PeriodOrder)]);
    early.ap_informed_on = "2026-12-01".into();
    let got = fields(data_breaches::create(&mut db, &early, now));
    assert_eq!(got, vec![("apInformedOn".into(), Rule::DateInFuture)]);

    assert!(data_breaches::list(db.conn(), now)?.is_empty());
    match data_breaches::get(db.conn(), 99, now) {
        Err(Error::NotFound { .. }) => {}
        other => panic!("expected not found, got {other:?}"),
    }
    Ok(())
}
