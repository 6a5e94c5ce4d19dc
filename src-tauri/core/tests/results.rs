//! The group's results: every number of a small known village checked, the
//! year-earlier column, inclusive period ends, and the small-number rule as
//! a property (no table lets a count under the threshold be derived).

mod common;

use buurtpunt_core::hours::{self, HourInput};
use buurtpunt_core::matches::{self, MatchInput, MatchStatus};
use buurtpunt_core::requests::{self, Channel, CloseInput, CloseKind, RequestInput};
use buurtpunt_core::results::suppress::{pinned, suppress};
use buurtpunt_core::results::{self, Cell, Figures, PeriodChoice, Row, Table, Unit};
use buurtpunt_core::settings::{self, Settings};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::{Db, Error, Result};
use common::{at, handy, resident, skill, volunteer};
use proptest::prelude::*;

fn request(
    db: &mut Db,
    resident_id: i64,
    on: (i32, u32, u32),
    channel: Channel,
    areas: &[LifeArea],
) -> Result<i64> {
    let (y, m, d) = on;
    Ok(requests::create(
        db,
        RequestInput {
            resident_id: Some(resident_id),
            received_on: format!("{y}-{m:02}-{d:02}"),
            channel,
            ask: "Hulp gevraagd.".into(),
            life_areas: areas.to_vec(),
            ..Default::default()
        },
        at(y, m, d),
    )?
    .id)
}

fn table<'a>(f: &'a Figures, id: &str) -> &'a Table {
    f.sections
        .iter()
        .flat_map(|s| s.tables.iter())
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no table {id}"))
}

fn row(t: &Table, label: &str) -> Vec<Cell> {
    t.rows
        .iter()
        .find(|r| r.label == label)
        .map(|r| r.cells.clone())
        .unwrap_or_else(|| panic!("no row {label} in {}", t.id))
}

fn n(n: u32) -> Cell {
    Cell::Count { n }
}

/// March 2026 and March 2025 in a village with three kernen.
fn village(db: &mut Db) -> Result<()> {
    settings::update(
        db,
        &Settings {
            small_number_threshold: 3,
            hourly_rate_cents: 1750,
            ..Settings::default()
        },
    )?;
    let noord = resident(db, "Anna", "Bakker", "Noord")?;
    let zuid = resident(db, "Bert", "Smit", "Zuid")?;
    let oost = resident(db, "Carla", "Visser", "Oost")?;
    use Channel::*;
    use LifeArea::*;
    // March 2026: both ends of the month count, the days around them not.
    let mut noord_ids = Vec::new();
    for day in [1, 5, 10, 31] {
        noord_ids.push(request(db, noord, (2026, 3, day), Phone, &[Transport])?);
    }
    request(db, zuid, (2026, 3, 2), AtTheDoor, &[Household, Transport])?;
    request(db, zuid, (2026, 3, 3), AtTheDoor, &[Household])?;
    request(db, zuid, (2026, 3, 4), AtTheDoor, &[Household])?;
    request(db, oost, (2026, 3, 6), Phone, &[Health])?;
    request(db, oost, (2026, 2, 28), Phone, &[Health])?;
    request(db, oost, (2026, 4, 1), Phone, &[Health])?;
    // First contact 2, 2, 4 and 0 days after receiving: median 2.
    for (id, day) in noord_ids.iter().zip([3, 7, 14, 31]) {
        requests::add_note(
            db,
            *id,
            &format!("2026-03-{day:02}"),
            "Gebeld.",
            at(2026, 3, day),
        )?;
    }
    // Hours: three volunteers, 2 h each on a request of March 2026.
    let klussen = skill(db, "Klussen in huis")?;
    for (i, name) in ["Dirk", "Eva", "Frits"].iter().enumerate() {
        let v = volunteer(db, name, "Noord", handy(klussen))?;
        let m = matches::create(
            db,
            MatchInput {
                request_id: noord_ids[0],
                volunteer_id: v,
                agreement: "Zaterdag".into(),
                status: Some(MatchStatus::Agreed),
                ..Default::default()
            },
            at(2026, 3, 9),
        )?;
        hours::log(
            db,
            &HourInput {
                match_id: m.id,
                on_date: format!("2026-03-{:02}", 10 + i),
                hours: "2".into(),
                km: String::new(),
                note: String::new(),
            },
            at(2026, 4, 1),
        )?;
    }
    for id in &noord_ids[..3] {
        requests::close(
            db,
            *id,
            &CloseInput {
                kind: CloseKind::NeedMet,
                note: String::new(),
                outcome: String::new(),
            },
            at(2026, 3, 20),
        )?;
    }
    // March 2025: five requests from Noord, all no longer needed.
    for day in 1..=5 {
        let id = request(db, noord, (2025, 3, day), Phone, &[Transport])?;
        requests::close(
            db,
            id,
            &CloseInput {
                kind: CloseKind::NoLongerNeeded,
                note: String::new(),
                outcome: String::new(),
            },
            at(2025, 3, 25),
        )?;
    }
    Ok(())
}

fn march(db: &Db) -> Result<Figures> {
    results::for_choice(
        db.conn(),
        &PeriodChoice::Month {
            year: 2026,
            month: 3,
        },
        common::today(),
    )
}

#[test]
fn every_number_of_march_is_counted_with_march_a_year_earlier_beside_it() -> Result<()> {
    let mut db = Db::in_memory()?;
    village(&mut db)?;
    let f = march(&db)?;
    assert_eq!(f.period.from.to_string(), "2026-03-01");
    assert_eq!(f.period.to.to_string(), "2026-03-31");
    assert_eq!(f.earlier.from.to_string(), "2025-03-01");
    assert_eq!(f.earlier.to.to_string(), "2025-03-31");
    assert_eq!(f.threshold, 3);

    let io = table(&f, "requests-in-out");
    assert_eq!(io.columns, vec!["maart 2026", "maart 2025"]);
    assert_eq!(row(io, "Binnengekomen"), vec![n(8), n(5)]);
    assert_eq!(row(io, "Afgesloten"), vec![n(3), n(5)]);

    let area = table(&f, "requests-by-area");
    assert_eq!(row(area, "Vervoer"), vec![n(5), n(5)]);
    assert_eq!(row(area, "Huishouden"), vec![n(3), n(0)]);
    // One request about health: under the threshold.
    assert_eq!(row(area, "Gezondheid"), vec![Cell::Small, n(0)]);

    let kern = table(&f, "requests-by-kern");
    assert_eq!(row(kern, "Noord"), vec![n(4), n(5)]);
    // Oost (1) is small; Zuid (3) is hidden too, or 8 − 4 would give Oost away.
    assert_eq!(row(kern, "Oost"), vec![Cell::Small, n(0)]);
    assert_eq!(row(kern, "Zuid"), vec![Cell::Hidden, n(0)]);
    assert_eq!(
        kern.total.as_ref().map(|t| t.cells.clone()),
        Some(vec![n(8), n(5)])
    );

    let channel = table(&f, "requests-by-channel");
    assert_eq!(row(channel, "Telefoon"), vec![n(5), n(5)]);
    assert_eq!(row(channel, "Aan de deur"), vec![n(3), n(0)]);

    let reasons = table(&f, "requests-close-reasons");
    assert_eq!(row(reasons, "De vraag is beantwoord"), vec![n(3), n(0)]);
    assert_eq!(row(reasons, "Niet meer nodig"), vec![n(0), n(5)]);

    let waiting = table(&f, "requests-waiting");
    // Noord's four: 2, 2, 4, 0 days → median 2. A year earlier the close
    // on 25 March is the first contact: 24, 23, 22, 21, 20 days → 22.
    assert_eq!(
        row(waiting, "Dagen tot het eerste contact"),
        vec![
            Cell::Amount {
                value: 2.0,
                unit: Unit::Days
            },
            Cell::Amount {
                value: 22.0,
                unit: Unit::Days
            }
        ]
    );
    // Three volunteers said yes to one request: a median over one request
    // is a small group, so it is not shown.
    assert_eq!(
        row(waiting, "Dagen tot een koppeling"),
        vec![Cell::Small, Cell::Empty]
    );

    let people = table(&f, "volunteers-people");
    assert_eq!(row(people, "Gaven hulp"), vec![n(3), n(0)]);
    let hours = table(&f, "volunteers-hours");
    assert_eq!(
        row(hours, "Uren vrijwilligerswerk"),
        vec![
            Cell::Amount {
                value: 6.0,
                unit: Unit::Hours
            },
            Cell::Empty
        ]
    );
    let load = table(&f, "volunteers-load");
    assert_eq!(row(load, "Ruim binnen de grens"), vec![n(3), n(0)]);

    let value = table(&f, "social-value");
    assert_eq!(
        row(value, "Maatschappelijke waarde"),
        vec![
            Cell::Amount {
                value: 105.0,
                unit: Unit::Euros
            },
            Cell::Empty
        ]
    );
    assert!(value.note.contains("Vervangingswaarde"));
    assert!(value.note.contains("€ 17,50"));
    Ok(())
}

#[test]
fn charts_are_drawn_from_the_suppressed_tables() -> Result<()> {
    let mut db = Db::in_memory()?;
    village(&mut db)?;
    let f = results::for_choice(
        db.conn(),
        &PeriodChoice::Year { year: 2026 },
        common::today(),
    )?;
    for section in &f.sections {
        for chart in &section.charts {
            let t = section
                .tables
                .iter()
                .find(|t| t.id == chart.id)
                .unwrap_or_else(|| panic!("chart {} without its table", chart.id));
            for (c, series) in chart.series.iter().enumerate() {
                for (r, v) in series.values.iter().enumerate() {
                    match t.rows[r].cells[c] {
                        Cell::Count { n } => assert_eq!(*v, Some(f64::from(n))),
                        Cell::Amount { value, .. } => assert_eq!(*v, Some(value)),
                        _ => assert_eq!(*v, None, "{} row {r}", t.id),
                    }
                }
            }
        }
    }
    let area = f.sections[0]
        .charts
        .iter()
        .find(|c| c.id == "requests-by-area");
    assert!(area.is_some());
    // A year: twelve months in the line.
    let months = f.sections[0]
        .charts
        .iter()
        .find(|c| c.id == "requests-per-month");
    assert_eq!(months.map(|c| c.categories.len()), Some(12));
    Ok(())
}

#[test]
fn without_a_rate_the_social_value_shows_only_hours_and_says_why() -> Result<()> {
    let mut db = Db::in_memory()?;
    village(&mut db)?;
    let s = settings::get(db.conn())?;
    settings::update(
        &mut db,
        &Settings {
            hourly_rate_cents: 0,
            ..s
        },
    )?;
    let f = march(&db)?;
    let value = table(&f, "social-value");
    assert_eq!(value.rows.len(), 1);
    assert!(value.note.starts_with("Stel eerst een uurtarief in"));
    Ok(())
}

#[test]
fn a_bad_period_is_refused_with_its_field() {
    let bad = [
        (
            PeriodChoice::Month {
                year: 2026,
                month: 13,
            },
            "month",
        ),
        (
            PeriodChoice::Quarter {
                year: 2026,
                quarter: 5,
            },
            "quarter",
        ),
        (
            PeriodChoice::Custom {
                from: "2026-05-01".into(),
                to: "2026-04-01".into(),
            },
            "to",
        ),
        (
            PeriodChoice::Custom {
                from: "1-5-2026".into(),
                to: "2026-04-01".into(),
            },
            "from",
        ),
    ];
    for (choice, field) in bad {
        match choice.period() {
            Err(Error::Invalid(f)) => assert_eq!(f[0].field, field, "{choice:?}"),
            other => panic!("{choice:?} gave {other:?}"),
        }
    }
}

#[test]
fn the_year_earlier_of_a_leap_february_ends_on_the_28th() -> Result<()> {
    let p = PeriodChoice::Month {
        year: 2028,
        month: 2,
    }
    .period()?;
    assert_eq!(p.earlier().to.to_string(), "2027-02-28");
    let q = PeriodChoice::Quarter {
        year: 2026,
        quarter: 4,
    }
    .period()?;
    assert_eq!(
        (q.from.to_string(), q.to.to_string()),
        ("2026-10-01".into(), "2026-12-31".into())
    );
    assert_eq!(q.label(), "4e kwartaal 2026");
    Ok(())
}

// --- The small-number rule as a property -------------------------------

fn raw_table(columns: &[Vec<u32>], additive: bool) -> Table {
    let rows = columns.first().map_or(0, Vec::len);
    Table {
        id: "p".into(),
        title: "p".into(),
        label_heading: "p".into(),
        columns: (0..columns.len()).map(|c| format!("k{c}")).collect(),
        rows: (0..rows)
            .map(|r| Row {
                label: format!("r{r}"),
                cells: columns
                    .iter()
                    .map(|col| Cell::Count { n: col[r] })
                    .collect(),
            })
            .collect(),
        total: Some(Row {
            label: "Totaal".into(),
            cells: columns
                .iter()
                .map(|col| Cell::Count {
                    n: col.iter().sum(),
                })
                .collect(),
        }),
        additive,
        note: String::new(),
    }
}

/// Every value a suppressed cell of column `c` can take, given what the
/// table shows: shown counts, the shown total, "< t" = 1..t−1 and "x" = any
/// count up to the total. Worked out by brute force over all the hidden
/// cells (independent of `pinned`).
fn possible_values(t: &Table, c: usize, threshold: u32, row: usize) -> Vec<u32> {
    let Some(Cell::Count { n: total }) = t.total.as_ref().map(|r| r.cells[c]) else {
        // No total shown (a small column): "< t" may be 0 to t−1.
        return (0..threshold).collect();
    };
    let shown: u32 = t
        .rows
        .iter()
        .filter_map(|r| match r.cells[c] {
            Cell::Count { n } => Some(n),
            _ => None,
        })
        .sum();
    let rest = total - shown;
    let unknown: Vec<(usize, u32, u32)> = t
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match r.cells[c] {
            Cell::Small => Some((i, 1, threshold - 1)),
            Cell::Hidden => Some((i, 0, rest)),
            _ => None,
        })
        .collect();
    // Sums the other unknown cells can reach.
    let mut reach = vec![false; rest as usize + 1];
    reach[0] = true;
    for (i, lo, hi) in &unknown {
        if *i == row {
            continue;
        }
        let mut next = vec![false; rest as usize + 1];
        for (s, ok) in reach.iter().enumerate() {
            if !ok {
                continue;
            }
            for v in *lo..=*hi {
                if let Some(slot) = next.get_mut(s + v as usize) {
                    *slot = true;
                }
            }
        }
        reach = next;
    }
    let (lo, hi) = unknown
        .iter()
        .find(|u| u.0 == row)
        .map_or((0, 0), |u| (u.1, u.2));
    (lo..=hi.min(rest))
        .filter(|v| reach[(rest - v) as usize])
        .collect()
}

fn counts() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..5, 0u32..12, 5u32..60]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_count_under_the_threshold_can_be_derived(
        threshold in 3u32..8,
        rows in 1usize..7,
        additive in any::<bool>(),
        values in proptest::collection::vec(proptest::collection::vec(counts(), 7), 2),
    ) {
        let columns: Vec<Vec<u32>> = values.iter().map(|c| c[..rows].to_vec()).collect();
        let mut t = raw_table(&columns, additive);
        suppress(&mut t, threshold);
        for (c, col) in columns.iter().enumerate() {
            let total: u32 = col.iter().sum();
            let shown_total = t.total.as_ref().map(|r| r.cells[c]);
            // No small count is shown, not even the total.
            if total > 0 && total < threshold {
                prop_assert_eq!(shown_total, Some(Cell::Small));
            }
            for (r, v) in col.iter().enumerate() {
                let cell = t.rows[r].cells[c];
                match cell {
                    Cell::Count { n } => {
                        prop_assert_eq!(n, *v);
                        prop_assert!(n == 0 || n >= threshold);
                    }
                    Cell::Small => prop_assert!(*v < threshold),
                    Cell::Hidden => prop_assert!(*v >= threshold),
                    other => prop_assert!(false, "unexpected {:?}", other),
                }
                if *v > 0 && *v < threshold {
                    prop_assert_eq!(cell, Cell::Small);
                }
                if cell == Cell::Small && additive {
                    // What someone could work out still leaves two or more values.
                    let can = possible_values(&t, c, threshold, r);
                    prop_assert!(can.contains(v), "true value {} not in {:?}", v, can);
                    prop_assert!(can.len() >= 2, "row {} pinned to {:?} in {:?}", r, can, t);
                }
            }
            prop_assert!(pinned(&t, c, threshold).is_empty());
        }
    }
}
