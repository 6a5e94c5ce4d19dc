//! Signals in the group's results (meeting and annual report): counts per
//! concern, place and outcome beside a year earlier, small numbers
//! suppressed, and today's patterns without a street name.

mod common;

use buurtpunt_core::results::{self, Cell, Figures, Period, Table};
use buurtpunt_core::settings::Settings;
use buurtpunt_core::signals::{self, NoticerKind, PlaceKind, SignalInput};
use buurtpunt_core::{Db, Result};
use chrono::{Days, NaiveDate};
use common::{now, today};

const LONELINESS: i64 = 1;
const MONEY: i64 = 2;

fn note(db: &mut Db, concern: i64, place: PlaceKind, on: NaiveDate) -> Result<()> {
    let input = SignalInput {
        noticed_on: on.format("%Y-%m-%d").to_string(),
        noticer_kind: Some(NoticerKind::Anonymous),
        place_kind: Some(place),
        street: if place == PlaceKind::Street {
            "Molenweg".into()
        } else {
            String::new()
        },
        kern: if place == PlaceKind::Village {
            String::new()
        } else {
            "Lindeloo".into()
        },
        concern_id: Some(concern),
        note: "Niemand gezien.".into(),
        ..Default::default()
    };
    signals::create(db, &input, now())?;
    Ok(())
}

fn table<'a>(f: &'a Figures, id: &str) -> &'a Table {
    f.sections
        .iter()
        .flat_map(|s| s.tables.iter())
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("table {id}"))
}

fn row(t: &Table, label: &str) -> Vec<Cell> {
    t.rows
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| panic!("row {label} in {}", t.id))
        .cells
        .clone()
}

#[test]
fn signals_are_counted_beside_a_year_earlier_and_small_numbers_are_hidden(
) -> std::result::Result<(), Box<dyn std::error::Error>> {
    let mut db = Db::in_memory()?;
    let t = today();
    // This year: 6 about loneliness (4 in one street in the last weeks: a
    // pattern), 2 about money; a year earlier: 7 about loneliness.
    for d in [2, 9, 16, 23] {
        note(&mut db, LONELINESS, PlaceKind::Street, t - Days::new(d))?;
    }
    note(&mut db, LONELINESS, PlaceKind::Kern, t - Days::new(100))?;
    note(&mut db, LONELINESS, PlaceKind::Village, t - Days::new(120))?;
    note(&mut db, MONEY, PlaceKind::Kern, t - Days::new(40))?;
    note(&mut db, MONEY, PlaceKind::Kern, t - Days::new(41))?;
    for d in 0..7 {
        note(&mut db, LONELINESS, PlaceKind::Kern, t - Days::new(366 + d))?;
    }
    let year = Period {
        from: NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?,
        to: NaiveDate::from_ymd_opt(2026, 12, 31).ok_or("date")?,
    };
    let f = results::figures(db.conn(), year, t, &Settings::default())?;
    assert!(f.sections.iter().any(|s| s.id == "signals"));

    let by_concern = table(&f, "signals-by-concern");
    // 2 about money: "< 5"; with the total (8) the 6 would give it away,
    // so that cell is hidden too ("x").
    assert_eq!(row(by_concern, "Geldzorgen of schulden")[0], Cell::Small);
    assert_eq!(
        row(by_concern, "Eenzaamheid"),
        vec![Cell::Hidden, Cell::Count { n: 7 }]
    );
    assert_eq!(
        row(table(&f, "signals-kinds"), "Over een bewoner met naam"),
        vec![Cell::Count { n: 0 }, Cell::Count { n: 0 }]
    );

    let patterns = table(&f, "signals-patterns");
    let labels: Vec<&str> = patterns.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, vec!["Een straat in Lindeloo · Eenzaamheid"]);
    assert_eq!(patterns.rows[0].cells, vec![Cell::Small, Cell::Empty]);
    let all = serde_json::to_string(&f)?;
    assert!(!all.contains("Molenweg"), "no street on the shared screen");
    assert!(!all.contains("Niemand gezien"), "no free text");

    // A year without today in it has no patterns table.
    let last = Period {
        from: NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?,
        to: NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?,
    };
    let before = results::figures(db.conn(), last, t, &Settings::default())?;
    let ids: Vec<&str> = before
        .sections
        .iter()
        .flat_map(|s| s.tables.iter())
        .map(|t| t.id.as_str())
        .collect();
    assert!(ids.contains(&"signals-by-outcome") && !ids.contains(&"signals-patterns"));
    Ok(())
}
