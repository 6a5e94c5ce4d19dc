//! Bench part: volunteers, matching and hours on the large data set.
//! Volunteers are made through Buurtpunt; the bulk history (matches and
//! 500 000 hour entries over ten years) is written with plain SQL in one
//! transaction, since only reads are measured on it.

use buurtpunt_core::hours::{self, HourInput};
use buurtpunt_core::matches::{self, MatchInput, MatchStatus};
use buurtpunt_core::matching;
use buurtpunt_core::requests::{self, RequestInput};
use buurtpunt_core::skills;
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::volunteers::{self, Mobility, VolunteerInput, VolunteerQuery, VolunteerStatus};
use buurtpunt_core::{Db, Result};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{params, Connection};

use super::{median_ms, pair, print};

pub struct Sizes {
    pub volunteers: usize,
    pub hours: usize,
    pub residents: usize,
}

pub fn run(db: &mut Db, today: NaiveDate, now: NaiveDateTime, n: Sizes) -> Result<()> {
    let t = std::time::Instant::now();
    db.conn().execute_batch("PRAGMA synchronous = OFF")?;
    let skill_ids: Vec<i64> = skills::list(db.conn())?.iter().map(|s| s.id).collect();
    let statuses = [
        VolunteerStatus::Active,
        VolunteerStatus::Active,
        VolunteerStatus::Active,
        VolunteerStatus::Paused,
        VolunteerStatus::Stopped,
    ];
    // Every seventh resident volunteers (one person, two roles); 7 and the
    // number of residents share no factor, so each is picked once.
    let count = n.volunteers.min(n.residents);
    let mut ids = Vec::with_capacity(count);
    for i in 0..count {
        let id = (1 + (i * 7) % n.residents) as i64;
        let offered = vec![
            skill_ids[i % skill_ids.len()],
            skill_ids[(i / 3 + 4) % skill_ids.len()],
        ];
        let refused: Vec<i64> = skill_ids
            .iter()
            .copied()
            .filter(|s| !offered.contains(s))
            .skip(i % 5)
            .take(usize::from(i % 11 == 0))
            .collect();
        let input = VolunteerInput {
            skills: offered,
            refused,
            availability: ((i as u32).wrapping_mul(2_654_435_761)) & ((1 << 21) - 1),
            mobility: if i % 3 == 0 {
                vec![Mobility::Car]
            } else {
                vec![Mobility::Bike]
            },
            limit_hours: ["", "4", "6", "2"][i % 4].into(),
            vog_on: if i % 4 == 0 {
                String::new()
            } else {
                (today - Duration::days((i % 1400) as i64))
                    .format("%Y-%m-%d")
                    .to_string()
            },
            ..Default::default()
        };
        volunteers::create(db, id, input, statuses[i % statuses.len()], now)?;
        ids.push(id);
    }
    // Ten years of matches and hours, in plain SQL, one transaction.
    let n_requests: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM help_requests", [], |r| r.get(0))?;
    db.write(|tx| {
        let mut m = tx.prepare(
            "INSERT INTO matches (request_id, volunteer_id, status, agreement, asked_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'Afgesproken', ?4, ?5, ?5)",
        )?;
        let mut h = tx.prepare(
            "INSERT INTO hour_entries (match_id, volunteer_id, request_id, on_date, minutes, km, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 4, '', ?6)",
        )?;
        let per_match = 10;
        let n_matches = n.hours / per_match;
        let stamp = now.format("%Y-%m-%dT%H:%M:%S").to_string();
        for k in 0..n_matches {
            let request_id = 1 + (k as i64 * 13) % n_requests.max(1);
            let volunteer = ids[(k * 31) % ids.len()];
            let start = today - Duration::days(((k * 3650) / n_matches.max(1)) as i64);
            let status = if k + 200 > n_matches { "active" } else { "done" };
            m.execute(params![
                request_id,
                volunteer,
                status,
                start.format("%Y-%m-%d").to_string(),
                stamp
            ])?;
            let match_id = tx.last_insert_rowid();
            for e in 0..per_match {
                let day = (start + Duration::days(e as i64 * 2)).min(today);
                h.execute(params![
                    match_id,
                    volunteer,
                    request_id,
                    day.format("%Y-%m-%d").to_string(),
                    (30 + (e * 15) % 120) as i64,
                    stamp
                ])?;
            }
        }
        // Check-ins about every eight weeks over the last three years (some
        // asking for support), and absences: three past ones each, and one
        // going on now for every tenth volunteer.
        let mut c = tx.prepare(
            "INSERT INTO checkins (volunteer_id, on_date, how_it_goes, needs_support, created_at)
             VALUES (?1, ?2, 'Gaat goed, fijn contact.', ?3, ?4)",
        )?;
        let mut a = tx.prepare(
            "INSERT INTO volunteer_absences (volunteer_id, from_on, until_on, kind) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (k, id) in ids.iter().enumerate() {
            let last = today - Duration::days((k % 70) as i64);
            for j in 0..20 {
                let on = last - Duration::days(j * 56);
                let support = (k + j as usize).is_multiple_of(23);
                c.execute(params![id, on.format("%Y-%m-%d").to_string(), support, stamp])?;
            }
            for j in 0..3 {
                let from = today - Duration::days(100 + (k as i64 % 300) + j * 200);
                a.execute(params![
                    id,
                    from.format("%Y-%m-%d").to_string(),
                    (from + Duration::days(14)).format("%Y-%m-%d").to_string(),
                    ["holiday", "illness", "other"][j as usize]
                ])?;
            }
            if k.is_multiple_of(10) {
                a.execute(params![
                    id,
                    (today - Duration::days(3)).format("%Y-%m-%d").to_string(),
                    (today + Duration::days(10)).format("%Y-%m-%d").to_string(),
                    "holiday"
                ])?;
            }
        }
        tx.execute_batch(
            "UPDATE volunteers SET last_asked_on =
                 (SELECT max(asked_on) FROM matches WHERE volunteer_id = volunteers.resident_id)",
        )?;
        Ok(())
    })?;
    db.conn().execute_batch("PRAGMA synchronous = FULL")?;
    eprintln!(
        "volunteers: {} volunteers, {} hour entries, generated in {:.1} s",
        count,
        n.hours,
        t.elapsed().as_secs_f64()
    );

    // An open transport request in the first kern, asking for the first skill.
    let request = requests::create(
        db,
        RequestInput {
            resident_id: Some(1),
            received_on: today.format("%Y-%m-%d").to_string(),
            ask: "Kan iemand mij naar het ziekenhuis brengen?".into(),
            life_areas: vec![LifeArea::Transport],
            skills: vec![skill_ids[0]],
            wanted_slots: 0b111,
            ..Default::default()
        },
        now,
    )?
    .id;
    let s = matching::suggest(db.conn(), request, today)?;
    eprintln!(
        "suggestions: {} suggested, {} not available",
        s.total_suggestions, s.total_unavailable
    );
    pair(
        "match_suggestions",
        || matching::suggest(db.conn(), request, today).map(drop),
        || raw_candidates(db.conn(), today),
    )?;
    pair(
        "volunteer_overview",
        || volunteers::overview(db.conn(), today).map(drop),
        || raw_overview(db.conn(), today),
    )?;
    let q = VolunteerQuery {
        page_size: 25,
        ..Default::default()
    };
    print(
        "volunteer_list_first_page",
        median_ms(|| volunteers::list(db.conn(), &q, today).map(drop))?,
    );
    // Write: a match, and hours on it (validation, one transaction, fsync).
    let v = s
        .suggestions
        .first()
        .map(|x| x.volunteer_id)
        .unwrap_or(ids[0]);
    let made = matches::create(
        db,
        MatchInput {
            request_id: request,
            volunteer_id: v,
            status: Some(MatchStatus::Agreed),
            override_reason: "bench".into(),
            ..Default::default()
        },
        now,
    )?;
    let input = HourInput {
        match_id: made.id,
        on_date: today.format("%Y-%m-%d").to_string(),
        hours: "0,25".into(),
        ..Default::default()
    };
    print(
        "log_hours",
        median_ms(|| hours::log(db, &input, now).map(drop))?,
    );
    Ok(())
}

/// Run `sql` and read every row's first column (an id).
fn ids(c: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<i64>> {
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt.query_map(args, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every row of `sql`, every column as a plain SQLite value.
fn all_columns(c: &Connection, sql: &str) -> Result<Vec<Vec<Value>>> {
    let mut stmt = c.prepare_cached(sql)?;
    let n = stmt.column_count();
    let rows = stmt.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Hours of the rolling month (the load), in plain SQL.
fn raw_hours(c: &Connection, today: NaiveDate) -> Result<Vec<(String, i64, i64)>> {
    let month = (today - Duration::days(29)).format("%Y-%m-%d").to_string();
    let day = today.format("%Y-%m-%d").to_string();
    let mut stmt = c.prepare_cached(
        "SELECT on_date, volunteer_id, minutes FROM hour_entries WHERE on_date >= ?1 AND on_date <= ?2",
    )?;
    let rows = stmt.query_map([&month, &day], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Names of the rows a screen shows.
fn raw_names(c: &Connection, shown: &[i64]) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "SELECT first_name || ' ' || last_name, kern FROM residents WHERE id = ?1",
    )?;
    for id in shown {
        let row: (String, String) = stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        std::hint::black_box(row);
    }
    Ok(())
}

/// The same reads as the suggestions, in plain SQL: the load, the skill,
/// kern and history sets, one lean scan of the volunteers, and the names of
/// the seventy shown.
fn raw_candidates(c: &Connection, today: NaiveDate) -> Result<()> {
    let day = today.format("%Y-%m-%d").to_string();
    let hours = raw_hours(c, today)?;
    let open = ids(
        c,
        "SELECT volunteer_id, count(*) FROM matches
         WHERE status IN ('proposed', 'agreed', 'active') GROUP BY volunteer_id",
        [],
    )?;
    let skilled = ids(
        c,
        "SELECT volunteer_id FROM volunteer_skills WHERE skill_id IN (1)",
        [],
    )?;
    let refusing = ids(
        c,
        "SELECT volunteer_id FROM volunteer_refusals WHERE skill_id IN (1)",
        [],
    )?;
    let serves = ids(
        c,
        "SELECT volunteer_id FROM volunteer_kernen WHERE kern = ?1",
        ["Lindeloo"],
    )?;
    let absent = ids(
        c,
        "SELECT volunteer_id FROM volunteer_absences WHERE until_on >= ?1 AND from_on <= ?1",
        [&day],
    )?;
    let mut stmt = c.prepare_cached(
        "SELECT resident_id, status, availability, mobility, area_mask, vog_on, carer_hours, limit_hours,
                limit_matches, last_asked_on, kern
         FROM volunteers",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, String>(10)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let shown: Vec<i64> = rows.iter().take(70).map(|r| r.0).collect();
    raw_names(c, &shown)?;
    std::hint::black_box((hours, open, skilled, refusing, serves, absent, rows));
    Ok(())
}

/// The same reads as the overview, in plain SQL.
fn raw_overview(c: &Connection, today: NaiveDate) -> Result<()> {
    let hours = raw_hours(c, today)?;
    let open = ids(
        c,
        "SELECT volunteer_id, count(*) FROM matches
         WHERE status IN ('proposed', 'agreed', 'active') GROUP BY volunteer_id",
        [],
    )?;
    let mut stmt = c.prepare_cached(
        "SELECT volunteer_id, max(on_date), needs_support FROM checkins GROUP BY volunteer_id",
    )?;
    let checkins = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // The same columns the backend reads, as plain values.
    let rows = all_columns(
        c,
        "SELECT resident_id, status, status_since, vog_on, last_asked_on, carer_hours, limit_hours, limit_matches
         FROM volunteers",
    )?;
    let shown: Vec<i64> = rows
        .iter()
        .take(200)
        .filter_map(|r| match r.first() {
            Some(Value::Integer(id)) => Some(*id),
            _ => None,
        })
        .collect();
    raw_names(c, &shown)?;
    std::hint::black_box((hours, open, checkins, rows));
    Ok(())
}
