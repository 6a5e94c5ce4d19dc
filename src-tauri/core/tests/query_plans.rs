//! The hot reads keep the query plans meant for them on a realistically
//! sized store with current planner statistics: every statement that
//! Vandaag, the request list (each filter, a deep page), the search, the
//! match suggestions, the volunteer overview and the meeting's figures run
//! is traced, and its `EXPLAIN QUERY PLAN` may not read a big table from
//! start to end (`SCAN t` without an index) nor sort its rows in a temporary
//! B-tree (`USE TEMP B-TREE FOR ORDER BY`; sorting the few groups of an
//! aggregate is fine).

use std::sync::Mutex;

use buurtpunt_core::requests::{self, RequestKey, RequestQuery, Status, Urgency};
use buurtpunt_core::results::{self, PeriodChoice};
use buurtpunt_core::retention::{self, Terms};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::volunteers::{self, VolunteerInput, VolunteerStatus};
use buurtpunt_core::{matching, settings, today, Db, Result};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::Connection;

/// The tables that grow with the years: never read whole for one screen.
const BIG: &[&str] = &[
    "help_requests",
    "residents",
    "contact_log",
    "request_life_areas",
    "hour_entries",
    "matches",
    "checkins",
    "volunteer_absences",
    "reminders",
    "audit_log",
    "signals",
];

static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record(e: TraceEvent<'_>) {
    if let TraceEvent::Stmt(stmt, sql) = e {
        let sql = stmt.expanded_sql().unwrap_or_else(|| sql.to_owned());
        if let Ok(mut seen) = SEEN.lock() {
            seen.push(sql);
        }
    }
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date")
}

fn now() -> NaiveDateTime {
    day().and_hms_opt(9, 0, 0).expect("valid time")
}

/// Ten years of a village, in plain SQL: 3 000 residents, 15 000 requests
/// (a tenth still open), their search rows and closing steps, 300
/// volunteers with check-ins, absences, matches and hours, calls due.
fn village() -> Result<Db> {
    let mut db = Db::in_memory()?;
    db.conn().execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
         INSERT INTO residents (id, first_name, last_name, kern, street, created_at, updated_at)
         SELECT i, (CASE i % 4 WHEN 0 THEN 'Anna' WHEN 1 THEN 'Jan' WHEN 2 THEN 'Noor' ELSE 'Otto' END),
                'Bakker' || (i % 50), (CASE i % 4 WHEN 0 THEN 'Lindeloo' WHEN 1 THEN 'Esdorp'
                WHEN 2 THEN 'Vaart' ELSE 'Brinkum' END), 'Dorpsstraat', '2016-01-01T00:00:00', '2016-01-01T00:00:00'
         FROM n;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)
         INSERT INTO help_requests (id, resident_id, received_on, channel, ask, urgency, due_on, scope, status,
                                    created_at, updated_at, life_area_mask)
         SELECT i, 1 + i % 3000, date('2026-11-22', '-' || (i * 37 % 3650) || ' days'), 'phone',
                'Kan iemand helpen met vervoer naar de fysiotherapeut?',
                (CASE i % 3 WHEN 0 THEN 'normal' WHEN 1 THEN 'low' ELSE 'high' END),
                (CASE WHEN i % 5 = 0 THEN date('2026-11-22', '-' || (i * 37 % 3650) || ' days', '+14 days') END),
                'individual',
                (CASE WHEN i % 10 = 0 THEN 'new' WHEN i % 5 = 3 THEN 'in_progress'
                      WHEN i % 5 = 2 THEN 'referred' ELSE 'done' END),
                '2026-01-01T00:00:00', '2026-01-01T00:00:00', 1 << (i % 8) | 1 << ((i / 8) % 8)
         FROM n;
         INSERT INTO request_search (rowid, body)
         SELECT h.id, r.first_name || ' ' || r.last_name || ' ' || r.kern || ' ' || h.ask
         FROM help_requests h JOIN residents r ON r.id = h.resident_id;
         INSERT INTO contact_log (request_id, on_date, note, status, created_at)
         SELECT id, received_on, 'Klaar volgens afspraak.', status, created_at
         FROM help_requests WHERE status IN ('done', 'referred');
         INSERT INTO reminders (request_id, due_on, note, created_at)
         SELECT id, date('2026-11-22', '-' || (id % 40) || ' days', '+20 days'), 'Bellen', created_at
         FROM help_requests WHERE status IN ('new', 'in_progress') AND id % 7 = 0;",
    )?;
    let mut ids = Vec::new();
    for i in 0..300 {
        let id = 1 + i * 10;
        let status = if i % 5 == 4 {
            VolunteerStatus::Paused
        } else {
            VolunteerStatus::Active
        };
        volunteers::create(&mut db, id, VolunteerInput::default(), status, now())?;
        ids.push(id);
    }
    db.conn().execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19)
         INSERT INTO checkins (volunteer_id, on_date, how_it_goes, needs_support, created_at)
         SELECT v.resident_id, date('2026-11-22', '-' || (n.i * 56 + v.resident_id % 70) || ' days'), 'Goed',
                (v.resident_id + n.i) % 23 = 0, '2026-01-01T00:00:00'
         FROM volunteers v, n;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2)
         INSERT INTO volunteer_absences (volunteer_id, from_on, until_on, kind)
         SELECT v.resident_id, date('2026-11-22', '-' || (100 + n.i * 200) || ' days'),
                date('2026-11-22', '-' || (86 + n.i * 200) || ' days'), 'holiday'
         FROM volunteers v, n;
         INSERT INTO matches (request_id, volunteer_id, status, agreement, asked_on, created_at, updated_at)
         SELECT h.id, 1 + (h.id % 300) * 10, CASE WHEN h.status = 'in_progress' THEN 'active' ELSE 'done' END,
                'Afgesproken', h.received_on, h.created_at, h.created_at
         FROM help_requests h WHERE h.id % 3 = 0;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9)
         INSERT INTO hour_entries (match_id, volunteer_id, request_id, on_date, minutes, km, note, created_at)
         SELECT m.id, m.volunteer_id, m.request_id, min(date(m.asked_on, '+' || (n.i * 2) || ' days'), '2026-11-22'),
                60, 4, '', m.created_at
         FROM matches m, n;",
    )?;
    db.optimize()?;
    Ok(db)
}

/// `(table or alias) → table` for the `FROM`/`JOIN` clauses of `sql`.
fn aliases(sql: &str) -> Vec<(String, String)> {
    let words: Vec<String> = sql
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let keyword = |w: &str| {
        matches!(
            w.to_ascii_uppercase().as_str(),
            "ON" | "WHERE"
                | "JOIN"
                | "LEFT"
                | "CROSS"
                | "INNER"
                | "GROUP"
                | "ORDER"
                | "LIMIT"
                | "INDEXED"
                | "NOT"
                | "USING"
                | "UNION"
                | "HAVING"
        )
    };
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if matches!(w.to_ascii_uppercase().as_str(), "FROM" | "JOIN") {
            if let Some(table) = words.get(i + 1) {
                let mut alias = words.get(i + 2).cloned().unwrap_or_default();
                if alias.eq_ignore_ascii_case("AS") {
                    alias = words.get(i + 3).cloned().unwrap_or_default();
                }
                out.push((table.clone(), table.clone()));
                if !alias.is_empty() && !keyword(&alias) {
                    out.push((alias, table.clone()));
                }
            }
        }
    }
    out
}

/// What is wrong with the plan of `sql`, if anything.
fn bad_steps(c: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut stmt = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let steps: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(3))?
        .collect::<rusqlite::Result<_>>()?;
    let names = aliases(sql);
    let table_of = |step: &str| -> Option<String> {
        let rest = step
            .strip_prefix("SCAN ")
            .or_else(|| step.strip_prefix("SEARCH "))?;
        let name = rest.split(' ').next()?;
        Some(
            names
                .iter()
                .find(|(a, _)| a == name)
                .map_or(name, |(_, t)| t.as_str())
                .to_owned(),
        )
    };
    // The rows sorted are those of the outer loop: a sort matters when it
    // is a big table's (not the few groups of an aggregate, nor a small
    // table's rows).
    let grouped = sql.contains("GROUP BY");
    let outer_big = steps
        .iter()
        .find_map(|s| table_of(s))
        .is_some_and(|t| BIG.contains(&t.as_str()));
    let mut bad = Vec::new();
    for step in &steps {
        if step.contains("USE TEMP B-TREE FOR ORDER BY") && outer_big && !grouped {
            bad.push(step.clone());
        }
        if let Some(name) = step.strip_prefix("SCAN ") {
            if name.contains(' ') {
                continue; // through an index (or a virtual table's own)
            }
            if let Some(table) = table_of(step).filter(|t| BIG.contains(&t.as_str())) {
                bad.push(format!("{step} ({table})"));
            }
        }
    }
    Ok(bad)
}

#[test]
fn the_hot_reads_use_their_indexes_on_a_large_village() -> Result<()> {
    let db = village()?;
    let c = db.conn();
    let q = RequestQuery {
        page_size: 25,
        ..Default::default()
    };
    let deep = RequestKey {
        received_on: "2019-03-01".into(),
        id: 9000,
    };
    let lists = [
        q.clone(),
        RequestQuery {
            open_only: true,
            ..q.clone()
        },
        RequestQuery {
            status: Some(Status::InProgress),
            ..q.clone()
        },
        RequestQuery {
            kern: "Lindeloo".into(),
            ..q.clone()
        },
        RequestQuery {
            life_area: Some(LifeArea::Transport),
            ..q.clone()
        },
        RequestQuery {
            urgency: Some(Urgency::High),
            ..q.clone()
        },
        RequestQuery {
            open_only: true,
            life_area: Some(LifeArea::Transport),
            ..q.clone()
        },
        RequestQuery {
            text: "anna".into(),
            ..q.clone()
        },
        RequestQuery {
            text: "lindeloo vervoer".into(),
            open_only: true,
            ..q.clone()
        },
    ];
    let request: i64 = c.query_row(
        "SELECT max(id) FROM help_requests WHERE status = 'new'",
        [],
        |r| r.get(0),
    )?;
    c.trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(record));
    for l in &lists {
        requests::list(c, l)?;
        requests::list(
            c,
            &RequestQuery {
                page: 120,
                after: Some(deep.clone()),
                ..l.clone()
            },
        )?;
        requests::list(
            c,
            &RequestQuery {
                page: 119,
                before: Some(deep.clone()),
                ..l.clone()
            },
        )?;
    }
    today::today(c, day())?;
    matching::suggest(c, request, day())?;
    volunteers::overview(c, day())?;
    results::for_choice(c, &PeriodChoice::Year { year: 2025 }, day())?;
    // The retention notice on Vandaag (read at every unlock).
    retention::due(c, &Terms::of(&settings::get(c)?), day())?;
    c.trace_v2(TraceEventCodes::empty(), None);

    let seen = std::mem::take(&mut *SEEN.lock().expect("trace lock"));
    assert!(seen.len() > 40, "traced {} statements", seen.len());
    let mut failures = Vec::new();
    for sql in seen.iter().filter(|s| {
        let t = s.trim_start().to_ascii_uppercase();
        t.starts_with("SELECT") || t.starts_with("WITH")
    }) {
        let bad = bad_steps(c, sql)?;
        if !bad.is_empty() {
            failures.push(format!("{}\n  -> {}", sql.trim(), bad.join("\n  -> ")));
        }
    }
    failures.sort();
    failures.dedup();
    assert!(
        failures.is_empty(),
        "plans that read or sort a big table:\n\n{}",
        failures.join("\n\n")
    );
    Ok(())
}
