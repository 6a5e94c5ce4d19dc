//! The kept months of the results (`results_months`): every change to what
//! a month counted forgets that month, and the figures read from kept
//! months equal figures counted from scratch — through the modules the app
//! uses, and through plain SQL (the triggers hold on every path).

mod common;

use buurtpunt_core::hours::{self, HourInput};
use buurtpunt_core::matches::{self, MatchInput, MatchStatus};
use buurtpunt_core::requests::{self, Channel, CloseInput, CloseKind, RequestInput, Status};
use buurtpunt_core::results::{self, Cell, Figures, PeriodChoice};
use buurtpunt_core::settings::{self, Settings};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::volunteers::{self, VolunteerStatus};
use buurtpunt_core::{Db, Result};
use common::{at, handy, resident, skill, volunteer};

struct Village {
    /// Requests per month of 2026 (index 0 = January), three each.
    requests: Vec<Vec<i64>>,
    /// A resident of Noord with requests in January and April.
    noord: i64,
    volunteer: i64,
    /// The volunteer's match on a January request.
    match_id: i64,
    /// An hour entry in February.
    february_hours: i64,
}

fn close(db: &mut Db, id: i64, on: (i32, u32, u32)) -> Result<()> {
    requests::close(
        db,
        id,
        &CloseInput {
            kind: CloseKind::NeedMet,
            note: String::new(),
            outcome: String::new(),
        },
        at(on.0, on.1, on.2),
    )
    .map(drop)
}

fn village(db: &mut Db) -> Result<Village> {
    settings::update(
        db,
        &Settings {
            small_number_threshold: 3,
            ..Settings::default()
        },
    )?;
    let noord = resident(db, "Anna", "Bakker", "Noord")?;
    let zuid = resident(db, "Bert", "Smit", "Zuid")?;
    let mut by_month = Vec::new();
    for year in [2025, 2026] {
        for month in 1..=6u32 {
            let mut ids = Vec::new();
            for day in [3, 10, 17] {
                let who = if month % 3 == 1 { noord } else { zuid };
                let id = requests::create(
                    db,
                    RequestInput {
                        resident_id: Some(who),
                        received_on: format!("{year}-{month:02}-{day:02}"),
                        channel: Channel::Phone,
                        ask: "Hulp gevraagd.".into(),
                        life_areas: vec![LifeArea::Transport],
                        ..Default::default()
                    },
                    at(year, month, day),
                )?
                .id;
                requests::add_note(
                    db,
                    id,
                    &format!("{year}-{month:02}-{:02}", day + 2),
                    "Gebeld.",
                    at(year, month, day + 2),
                )?;
                ids.push(id);
            }
            if year == 2026 {
                by_month.push(ids);
            }
        }
    }
    // March's requests are closed in March.
    for id in by_month[2].clone() {
        close(db, id, (2026, 3, 25))?;
    }
    let klussen = skill(db, "Klussen in huis")?;
    let v = volunteer(db, "Dirk", "Noord", handy(klussen))?;
    let m = matches::create(
        db,
        MatchInput {
            request_id: by_month[0][0],
            volunteer_id: v,
            agreement: "Zaterdag".into(),
            status: Some(MatchStatus::Agreed),
            ..Default::default()
        },
        at(2026, 1, 5),
    )?;
    let mut february_hours = 0;
    for (month, day) in [(1, 20), (2, 14), (4, 2)] {
        let e = hours::log(
            db,
            &HourInput {
                match_id: m.id,
                on_date: format!("2026-{month:02}-{day:02}"),
                hours: "2".into(),
                km: String::new(),
                note: String::new(),
            },
            at(2026, 5, 1),
        )?;
        if month == 2 {
            february_hours = e.id;
        }
    }
    Ok(Village {
        requests: by_month,
        noord,
        volunteer: v,
        match_id: m.id,
        february_hours,
    })
}

fn year(db: &Db, year: i32) -> Result<Figures> {
    results::for_choice(db.conn(), &PeriodChoice::Year { year }, common::today())
}

/// The months kept now, in order.
fn kept(db: &Db) -> Result<Vec<String>> {
    let mut stmt = db
        .conn()
        .prepare("SELECT month FROM results_months ORDER BY month")?;
    let months = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(months)
}

fn all_of_2026() -> Vec<String> {
    (1..=12).map(|m| format!("2026-{m:02}")).collect()
}

type Change = Box<dyn Fn(&mut Db, &Village) -> Result<()>>;

#[test]
fn every_change_forgets_the_months_it_counted_in_and_kept_figures_equal_fresh_ones() -> Result<()> {
    let mut db = Db::in_memory()?;
    let v = village(&mut db)?;
    let cases: Vec<(&str, &[&str], Change)> = vec![
        (
            "a late first note on a February request",
            &["2026-02"],
            Box::new(|db, v| {
                requests::add_note(
                    db,
                    v.requests[1][0],
                    "2026-04-30",
                    "Nog eens gebeld.",
                    at(2026, 4, 30),
                )
                .map(drop)
            }),
        ),
        (
            "a February request closed in May",
            &["2026-02", "2026-05"],
            Box::new(|db, v| close(db, v.requests[1][1], (2026, 5, 3))),
        ),
        (
            "a March request opened again",
            &["2026-03"],
            Box::new(|db, v| {
                requests::change_status(
                    db,
                    v.requests[2][0],
                    Status::InProgress,
                    "Toch nog hulp nodig.",
                    at(2026, 6, 1),
                )
                .map(drop)
            }),
        ),
        (
            "a resident moved to another kern (plain SQL)",
            &["2026-01", "2026-04"],
            Box::new(|db, v| {
                db.conn()
                    .execute(
                        "UPDATE residents SET kern = 'Oost' WHERE id = ?1",
                        [v.noord],
                    )
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
        (
            "hours written for June",
            &["2026-06"],
            Box::new(|db, v| {
                hours::log(
                    db,
                    &HourInput {
                        match_id: v.match_id,
                        on_date: "2026-06-09".into(),
                        hours: "3".into(),
                        km: String::new(),
                        note: String::new(),
                    },
                    at(2026, 6, 10),
                )
                .map(drop)
            }),
        ),
        (
            "February's hours removed",
            &["2026-02"],
            Box::new(|db, v| hours::remove(db, v.february_hours)),
        ),
        (
            "the match on a January request called off",
            &["2026-01"],
            Box::new(|db, v| {
                matches::change_status(db, v.match_id, MatchStatus::Cancelled, "", at(2026, 6, 20))
                    .map(drop)
            }),
        ),
        (
            "the volunteer stopped in June",
            &["2026-06"],
            Box::new(|db, v| {
                volunteers::change_status(
                    db,
                    v.volunteer,
                    VolunteerStatus::Stopped,
                    "2026-06-15",
                    "Verhuisd.",
                    at(2026, 6, 15),
                )
                .map(drop)
            }),
        ),
        (
            "a request's date moved from January to June (plain SQL)",
            &["2026-01", "2026-06"],
            Box::new(|db, v| {
                db.conn()
                    .execute(
                        "UPDATE help_requests SET received_on = '2026-06-02' WHERE id = ?1",
                        [v.requests[0][2]],
                    )
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
    ];
    for (what, gone, change) in cases {
        year(&db, 2026)?;
        year(&db, 2025)?;
        let before = kept(&db)?;
        for m in all_of_2026() {
            assert!(before.contains(&m), "{what}: {m} was not kept");
        }
        change(&mut db, &v)?;
        let after = kept(&db)?;
        for m in gone {
            assert!(!after.contains(&m.to_string()), "{what}: {m} is still kept");
        }
        assert!(
            after.len() + 4 >= before.len() && after.contains(&"2025-02".to_string()),
            "{what}: forgot far more than it touched: {after:?}"
        );
        let from_kept = year(&db, 2026)?;
        db.conn().execute("DELETE FROM results_months", [])?;
        let fresh = year(&db, 2026)?;
        assert_eq!(
            from_kept, fresh,
            "{what}: kept months disagree with counting anew"
        );
    }
    Ok(())
}

fn closed(f: &Figures) -> Vec<Cell> {
    f.sections
        .iter()
        .flat_map(|s| s.tables.iter())
        .find(|t| t.id == "requests-in-out")
        .and_then(|t| t.rows.iter().find(|r| r.label == "Afgesloten"))
        .map(|r| r.cells.clone())
        .unwrap_or_default()
}

#[test]
fn a_request_closed_twice_counts_once_in_the_month_of_its_last_closing() -> Result<()> {
    let mut db = Db::in_memory()?;
    let v = village(&mut db)?;
    // February's three requests: closed in February, opened again in
    // March, closed for good in April.
    for id in v.requests[1].clone() {
        close(&mut db, id, (2026, 2, 20))?;
        requests::change_status(
            &mut db,
            id,
            Status::InProgress,
            "Nog niet klaar.",
            at(2026, 3, 2),
        )?;
        close(&mut db, id, (2026, 4, 8))?;
    }
    let month = |db: &Db, month| {
        results::for_choice(
            db.conn(),
            &PeriodChoice::Month { year: 2026, month },
            common::today(),
        )
    };
    assert_eq!(closed(&month(&db, 2)?)[0], Cell::Count { n: 0 });
    assert_eq!(closed(&month(&db, 4)?)[0], Cell::Count { n: 3 });
    // The half year counts them once: March's three and these three.
    let half = results::for_choice(
        db.conn(),
        &PeriodChoice::Custom {
            from: "2026-01-01".into(),
            to: "2026-06-30".into(),
        },
        common::today(),
    )?;
    assert_eq!(closed(&half)[0], Cell::Count { n: 6 });
    Ok(())
}

#[test]
fn a_period_that_starts_or_ends_inside_a_month_counts_those_days_only() -> Result<()> {
    let mut db = Db::in_memory()?;
    village(&mut db)?;
    let received = |db: &Db, from: &str, to: &str| -> Result<Cell> {
        let f = results::for_choice(
            db.conn(),
            &PeriodChoice::Custom {
                from: from.into(),
                to: to.into(),
            },
            common::today(),
        )?;
        Ok(f.sections[0].tables[0].rows[0].cells[0])
    };
    // Whole months kept first, then the same months cut at the 10th.
    year(&db, 2026)?;
    assert_eq!(
        received(&db, "2026-01-01", "2026-03-31")?,
        Cell::Count { n: 9 }
    );
    // 10 and 17 January, all of February, 3 and 10 March.
    assert_eq!(
        received(&db, "2026-01-10", "2026-03-10")?,
        Cell::Count { n: 7 }
    );
    Ok(())
}
