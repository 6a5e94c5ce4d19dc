//! Bench part: the request list as the user clicks it — every filter the
//! list offers, its first page and a page deep in it (reached by "Volgende":
//! the backend seeks from the last row shown) — and the search box with
//! many hits and with a few. Each backend read is paired with the plain SQL
//! a database expert would write for the same answer (the same 26 rows:
//! one page and "is there a next one", and the count up to 1000).

use buurtpunt_core::requests::{
    self, RequestKey, RequestQuery, Status, Urgency, LIST_COUNT_CAP, SEARCH_WINDOW,
};
use buurtpunt_core::vocab::{LifeArea, Mask};
use buurtpunt_core::{Db, Result};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::pair;

const PAGE: i64 = 25;

/// One filter of the list, as the UI sends it and as an expert writes it.
struct Filter {
    name: &'static str,
    query: RequestQuery,
    /// The condition in plain SQL on `help_requests h` (and `residents r`).
    sql: &'static str,
    args: Vec<Value>,
    /// The count needs the residents.
    joins_residents: bool,
    /// The index that reads the rows in the list's order.
    index: &'static str,
}

fn filters() -> Vec<Filter> {
    let q = RequestQuery {
        page_size: PAGE,
        ..Default::default()
    };
    vec![
        Filter {
            name: "all",
            query: q.clone(),
            sql: "1",
            args: vec![],
            joins_residents: false,
            index: "help_requests_by_date",
        },
        Filter {
            name: "open",
            query: RequestQuery {
                open_only: true,
                ..q.clone()
            },
            sql: "h.status IN ('new', 'in_progress', 'matched')",
            args: vec![],
            joins_residents: false,
            index: "help_requests_open",
        },
        Filter {
            name: "status",
            query: RequestQuery {
                status: Some(Status::InProgress),
                ..q.clone()
            },
            sql: "h.status = ?",
            args: vec![Value::Text("in_progress".into())],
            joins_residents: false,
            index: "help_requests_by_status",
        },
        Filter {
            name: "kern",
            query: RequestQuery {
                kern: "Lindeloo".into(),
                ..q.clone()
            },
            sql: "r.kern = ?",
            args: vec![Value::Text("Lindeloo".into())],
            joins_residents: true,
            index: "help_requests_by_date",
        },
        Filter {
            name: "area",
            query: RequestQuery {
                life_area: Some(LifeArea::Transport),
                ..q.clone()
            },
            sql: "h.life_area_mask & ? != 0",
            args: vec![Value::Integer(LifeArea::Transport.bit())],
            joins_residents: false,
            index: "help_requests_by_date",
        },
        Filter {
            name: "urgency",
            query: RequestQuery {
                urgency: Some(Urgency::High),
                ..q.clone()
            },
            sql: "h.urgency = ?",
            args: vec![Value::Text("high".into())],
            joins_residents: false,
            index: "help_requests_by_urgency",
        },
        Filter {
            name: "open_area",
            query: RequestQuery {
                open_only: true,
                life_area: Some(LifeArea::Transport),
                ..q
            },
            sql: "h.status IN ('new', 'in_progress', 'matched') AND h.life_area_mask & ? != 0",
            args: vec![Value::Integer(LifeArea::Transport.bit())],
            joins_residents: false,
            index: "help_requests_open",
        },
    ]
}

type RawRow = (
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
);

fn raw_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
    ))
}

/// The expert's list: the count up to the cap, then 26 rows from the key on.
fn raw_list(c: &Connection, f: &Filter, after: Option<&RequestKey>) -> Result<()> {
    let from = if f.joins_residents {
        "FROM help_requests h JOIN residents r ON r.id = h.resident_id"
    } else {
        "FROM help_requests h"
    };
    let count: i64 = c
        .prepare_cached(&format!(
            "SELECT count(*) FROM (SELECT 1 {from} WHERE {} LIMIT {})",
            f.sql,
            LIST_COUNT_CAP + 1
        ))?
        .query_row(params_from_iter(&f.args), |r| r.get(0))?;
    let mut args = f.args.clone();
    let seek = match after {
        Some(k) => {
            args.push(Value::Text(k.received_on.clone()));
            args.push(Value::Integer(k.id));
            "AND (h.received_on, h.id) < (?, ?)"
        }
        None => "",
    };
    let rows = c
        .prepare_cached(&format!(
            "SELECT h.id, h.resident_id, r.first_name || ' ' || r.last_name, r.kern, h.received_on,
                    substr(h.ask, 1, 160), h.status, h.urgency, h.due_on, h.life_area_mask
             FROM help_requests h INDEXED BY {} LEFT JOIN residents r ON r.id = h.resident_id
             WHERE {} {seek}
             ORDER BY h.received_on DESC, h.id DESC LIMIT {}",
            f.index,
            f.sql,
            PAGE + 1
        ))?
        .query_map(params_from_iter(&args), raw_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    std::hint::black_box((count, rows));
    Ok(())
}

/// The key of the row a user reaches by clicking "Volgende" until 80% of
/// the list (found once, outside the timing).
fn deep_key(c: &Connection, f: &Filter) -> Result<Option<RequestKey>> {
    let join = if f.joins_residents {
        "JOIN residents r ON r.id = h.resident_id"
    } else {
        ""
    };
    let n: i64 = c.query_row(
        &format!(
            "SELECT count(*) FROM help_requests h {join} WHERE {}",
            f.sql
        ),
        params_from_iter(&f.args),
        |r| r.get(0),
    )?;
    let at = (n * 4 / 5 / PAGE) * PAGE - 1;
    if at < 0 {
        return Ok(None);
    }
    let mut args = f.args.clone();
    args.push(Value::Integer(at));
    Ok(Some(c.query_row(
        &format!(
            "SELECT h.received_on, h.id FROM help_requests h {join} WHERE {}
             ORDER BY h.received_on DESC, h.id DESC LIMIT 1 OFFSET ?",
            f.sql
        ),
        params_from_iter(&args),
        |r| {
            Ok(RequestKey {
                received_on: r.get(0)?,
                id: r.get(1)?,
            })
        },
    )?))
}

/// The expert's search: the count up to the cap, and the 26 best ranked
/// of the newest hits read from the index first, then joined to their rows.
fn raw_search(c: &Connection, fts: &str) -> Result<()> {
    let count: i64 = c
        .prepare_cached(&format!(
            "SELECT count(*) FROM (SELECT 1 FROM request_search WHERE request_search MATCH ?1 LIMIT {})",
            LIST_COUNT_CAP + 1
        ))?
        .query_row([fts], |r| r.get(0))?;
    let rows = c
        .prepare_cached(&format!(
            "SELECT h.id, h.resident_id, r.first_name || ' ' || r.last_name, r.kern, h.received_on,
                    substr(h.ask, 1, 160), h.status, h.urgency, h.due_on, h.life_area_mask
             FROM (SELECT rowid AS id, bm25(request_search) AS score FROM request_search
                   WHERE request_search MATCH ?1 ORDER BY rowid DESC LIMIT {SEARCH_WINDOW}) s
             JOIN help_requests h ON h.id = s.id LEFT JOIN residents r ON r.id = h.resident_id
             ORDER BY s.score, s.id DESC LIMIT {}",
            PAGE + 1
        ))?
        .query_map([fts], raw_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    std::hint::black_box((count, rows));
    Ok(())
}

pub fn run(db: &mut Db) -> Result<()> {
    let c = db.conn();
    for f in filters() {
        pair(
            &format!("request_list_{}_first_page", f.name),
            || requests::list(c, &f.query).map(drop),
            || raw_list(c, &f, None),
        )?;
        let Some(key) = deep_key(c, &f)? else {
            continue;
        };
        // The page after `key`, as "Volgende" asks for it.
        let deep = RequestQuery {
            page: 1,
            after: Some(key.clone()),
            ..f.query.clone()
        };
        pair(
            &format!("request_list_{}_deep_page", f.name),
            || requests::list(c, &deep).map(drop),
            || raw_list(c, &f, Some(&key)),
        )?;
    }
    // Search: a common first name and a kern (thousands of hits), a name
    // with a few; typed as the user types (lower case, no accents).
    for (name, typed, fts) in [
        ("search_first_name", "anna", "\"anna\"*"),
        ("search_kern", "lindeloo", "\"lindeloo\"*"),
        ("search_few", "wubbo", "\"wubbo\"*"),
    ] {
        let q = RequestQuery {
            text: typed.into(),
            page_size: PAGE,
            ..Default::default()
        };
        let hits = requests::list(c, &q)?;
        eprintln!(
            "{name}: {}{} hits",
            if hits.more_than { "more than " } else { "" },
            hits.total
        );
        pair(
            name,
            || requests::list(c, &q).map(drop),
            || raw_search(c, fts),
        )?;
    }
    Ok(())
}
