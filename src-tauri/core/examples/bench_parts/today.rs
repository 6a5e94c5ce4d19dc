//! Bench part: Vandaag, the first screen of every day — the first call on
//! a freshly opened database (its page cache empty, as right after the
//! unlock) and a warm call — with follow-up calls due in the data. The
//! baseline is the plain SQL an expert would write for the same screen.

use buurtpunt_core::settings;
use buurtpunt_core::store::keys::KeyFile;
use buurtpunt_core::store::vault::Vault;
use buurtpunt_core::store::DbKey;
use buurtpunt_core::today;
use buurtpunt_core::{Db, Result};
use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};

use super::{median, pair, print};

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Calls to make: one reminder on every 40th open request, due from three
/// weeks ago to three weeks ahead (plain SQL; only reads are measured).
fn add_reminders(db: &mut Db, today: NaiveDate) -> Result<()> {
    let have: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM reminders", [], |r| r.get(0))?;
    if have > 0 {
        return Ok(());
    }
    let stamp = format!("{}T09:00:00", iso(today));
    db.write(|tx| {
        let ids: Vec<i64> = tx
            .prepare("SELECT id FROM help_requests WHERE status IN ('new', 'in_progress', 'matched') ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut ins = tx.prepare(
            "INSERT INTO reminders (request_id, due_on, note, created_at) VALUES (?1, ?2, 'Even bellen hoe het gaat', ?3)",
        )?;
        for (k, id) in ids.iter().step_by(40).enumerate() {
            let due = today - Days::new(21) + Days::new((k % 43) as u64);
            ins.execute(params![id, iso(due), stamp])?;
        }
        Ok(())
    })
}

fn ms(t: std::time::Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

pub fn run(
    db: &mut Db,
    vault: &Vault,
    key: &DbKey,
    key_file: &KeyFile,
    now: NaiveDateTime,
) -> Result<()> {
    let day = now.date();
    add_reminders(db, day)?;
    let t = today::today(db.conn(), day)?;
    eprintln!(
        "today: {} to do, {} calls, {} urgent, {} late, {} new, {} check-ins",
        t.todo.len(),
        t.reminders_total,
        t.urgent_total,
        t.overdue_total,
        t.new_total,
        t.checkins_due_total
    );
    // The first call after an unlock: a new connection, nothing cached.
    let mut cold = Vec::new();
    for _ in 0..7 {
        let fresh = vault.open(key, key_file, now)?.db;
        let t = std::time::Instant::now();
        std::hint::black_box(today::today(fresh.conn(), day)?);
        cold.push(ms(t));
        vault.close(fresh)?;
    }
    print("today_first_call", median(cold));
    let s = settings::get(db.conn())?;
    pair(
        "today",
        || today::today(db.conn(), day).map(drop),
        || {
            raw_today(
                db.conn(),
                day,
                s.checkin_weeks,
                s.pattern_weeks,
                s.pattern_min_signals,
            )
        },
    )
}

/// Vandaag in plain SQL: the counts in one statement, the four blocks'
/// first rows as one set of ids read once, the calls due, the late Wmo
/// answers, the check-ins due, the patterns.
fn raw_today(
    c: &Connection,
    day: NaiveDate,
    checkin_weeks: u32,
    pattern_weeks: u32,
    min: u32,
) -> Result<()> {
    let d = iso(day);
    let soon = iso(day + Days::new(7));
    let counts: (i64, i64, i64, i64, i64, i64) = c
        .prepare_cached(
            "SELECT (SELECT count(*) FROM help_requests WHERE status = 'new'),
                    (SELECT count(*) FROM help_requests INDEXED BY help_requests_open_by_urgency
                      WHERE status IN ('new', 'in_progress', 'matched') AND urgency = 'high'),
                    (SELECT count(*) FROM help_requests INDEXED BY help_requests_open_by_due
                      WHERE status IN ('new', 'in_progress', 'matched') AND due_on < ?1),
                    (SELECT count(*) FROM help_requests INDEXED BY help_requests_open_by_due
                      WHERE status IN ('new', 'in_progress', 'matched') AND due_on >= ?1 AND due_on <= ?2),
                    (SELECT count(*) FROM reminders WHERE done_on IS NULL AND due_on <= ?1),
                    (SELECT count(*) FROM signals WHERE status = 'new')",
        )?
        .query_row([&d, &soon], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?;
    let requests = c
        .prepare_cached(
            "WITH pick(id) AS (
                 SELECT id FROM (SELECT id FROM help_requests WHERE status = 'new'
                                 ORDER BY received_on, id LIMIT 21)
                 UNION SELECT id FROM (SELECT id FROM help_requests INDEXED BY help_requests_open_by_urgency
                                 WHERE status IN ('new', 'in_progress', 'matched') AND urgency = 'high'
                                 ORDER BY due_on IS NULL, due_on, received_on, id LIMIT 21)
                 UNION SELECT id FROM (SELECT id FROM help_requests INDEXED BY help_requests_open_by_due
                                 WHERE status IN ('new', 'in_progress', 'matched') AND due_on < ?1
                                 ORDER BY due_on, id LIMIT 21)
                 UNION SELECT id FROM (SELECT id FROM help_requests INDEXED BY help_requests_open_by_due
                                 WHERE status IN ('new', 'in_progress', 'matched') AND due_on >= ?1 AND due_on <= ?2
                                 ORDER BY due_on, id LIMIT 21))
             SELECT h.id, h.resident_id, r.first_name || ' ' || r.last_name, r.kern, h.received_on,
                    substr(h.ask, 1, 160), h.status, h.urgency, h.due_on, h.life_area_mask
             FROM pick JOIN help_requests h ON h.id = pick.id LEFT JOIN residents r ON r.id = h.resident_id",
        )?
        .query_map([&d, &soon], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(8)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let calls = c
        .prepare_cached(
            "SELECT m.id, m.request_id, r.first_name || ' ' || r.last_name, m.due_on, m.note, m.repeat_weeks
             FROM reminders m JOIN help_requests h ON h.id = m.request_id
             LEFT JOIN residents r ON r.id = h.resident_id
             WHERE m.done_on IS NULL AND m.due_on <= ?1 ORDER BY m.due_on, m.id LIMIT 20",
        )?
        .query_map([&d], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(2)?, r.get::<_, String>(4)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let wmo = c
        .prepare_cached(
            "SELECT f.id, f.request_id, r.first_name || ' ' || r.last_name, f.melding_on
             FROM referrals f JOIN help_requests h ON h.id = f.request_id JOIN residents r ON r.id = h.resident_id
             WHERE f.status IN ('sent', 'received') AND f.wmo_desk = 1 ORDER BY f.melding_on, f.id LIMIT 20",
        )?
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(3)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let cutoff = iso(day - Days::new(u64::from(checkin_weeks) * 7));
    let checkins = c
        .prepare_cached(
            "SELECT v.resident_id, r.first_name || ' ' || r.last_name, r.kern, c.on_date, c.needs_support
             FROM volunteers v
             LEFT JOIN checkins c ON c.id = (SELECT id FROM checkins WHERE volunteer_id = v.resident_id
                                             ORDER BY on_date DESC, id DESC LIMIT 1)
             JOIN residents r ON r.id = v.resident_id
             WHERE v.status = 'active' AND (ifnull(c.on_date, v.status_since) <= ?1 OR c.needs_support)",
        )?
        .query_map([&cutoff], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let from = iso(day - Days::new(7 * u64::from(pattern_weeks.max(1))) + Days::new(1));
    let patterns = c
        .prepare_cached(
            "SELECT s.concern_id, s.place_kind, s.kern, s.street, count(*), min(s.noticed_on), max(s.noticed_on),
                    c.label
             FROM signals s JOIN signal_concerns c ON c.id = s.concern_id
             WHERE s.noticed_on >= ?1 AND s.noticed_on <= ?2 AND s.place_kind <> 'village'
               AND s.collective_request_id IS NULL AND (s.outcome IS NULL OR s.outcome <> 'nothing_needed')
             GROUP BY s.concern_id, s.place_kind, s.kern, s.street HAVING count(*) >= ?3
             ORDER BY count(*) DESC",
        )?
        .query_map(params![from, d, min], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(4)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    std::hint::black_box((counts, requests, calls, wmo, checkins, patterns));
    Ok(())
}
