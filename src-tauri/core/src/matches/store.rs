//! SQL of the `matches` table; the request's status and contact log follow
//! every change in the same transaction.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{Match, MatchInput, MatchStatus};
use crate::matching::{self, Assessment, Reason};
use crate::requests::{self, Status};
use crate::store::time::{iso, stamp};
use crate::validate::{self, Check, LONG, SHORT};
use crate::vocab::{FieldError, Rule};
use crate::{Db, Error, Result};

fn invalid(field: &str, rule: Rule) -> Error {
    Error::Invalid(vec![FieldError::new(field, rule)])
}

const COLUMNS: &str =
    "m.id, m.request_id, m.volunteer_id, vr.first_name || ' ' || vr.last_name, h.resident_id,
    ifnull(r.first_name || ' ' || r.last_name, h.scope_note), substr(h.ask, 1, 160), m.status, m.agreement, m.planned_on,
    m.override_reason, m.asked_on, m.closed_on, m.close_note,
    (SELECT ifnull(sum(minutes), 0) FROM hour_entries WHERE match_id = m.id),
    (SELECT ifnull(sum(km), 0) FROM hour_entries WHERE match_id = m.id), m.created_at";

const FROM: &str = "FROM matches m JOIN help_requests h ON h.id = m.request_id
    LEFT JOIN residents r ON r.id = h.resident_id JOIN residents vr ON vr.id = m.volunteer_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Match> {
    let minutes: i64 = r.get(14)?;
    let status: MatchStatus = r.get(7)?;
    Ok(Match {
        id: r.get(0)?,
        request_id: r.get(1)?,
        volunteer_id: r.get(2)?,
        volunteer_name: r.get(3)?,
        resident_id: r.get(4)?,
        resident_name: r.get(5)?,
        ask: r.get(6)?,
        status,
        allowed_next: status.next(),
        agreement: r.get(8)?,
        planned_on: r.get(9)?,
        override_reason: r.get(10)?,
        asked_on: r.get(11)?,
        closed_on: r.get(12)?,
        close_note: r.get(13)?,
        hours: (minutes as f64 / 60.0 * 100.0).round() / 100.0,
        km: r.get(15)?,
        created_at: r.get(16)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Match> {
    conn.query_row(
        &format!("SELECT {COLUMNS} {FROM} WHERE m.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "match", id })
}

/// The matches of a request, oldest first.
pub fn for_request(conn: &Connection, request_id: i64) -> Result<Vec<Match>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE m.request_id = ?1 ORDER BY m.id"
    ))?;
    let rows = stmt.query_map([request_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The matches of a volunteer: open ones first, then the latest.
pub fn for_volunteer(conn: &Connection, volunteer_id: i64, limit: i64) -> Result<Vec<Match>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE m.volunteer_id = ?1
         ORDER BY m.status IN ('proposed', 'agreed', 'active') DESC, m.asked_on DESC, m.id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![volunteer_id, limit], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn volunteer_name(tx: &Transaction<'_>, id: i64) -> Result<String> {
    Ok(tx.query_row(
        "SELECT first_name || ' ' || last_name FROM residents WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// Link a volunteer to a request. The hard rules are checked again here: a
/// volunteer who is paused, absent, refuses the task or lacks a needed VOG
/// cannot be linked; one at or over their limit only with a reason, which is
/// kept on the match and written in the request's contact log.
pub fn create(db: &mut Db, input: MatchInput, now: NaiveDateTime) -> Result<Match> {
    let today = now.date();
    let mut c = Check::new();
    let agreement = validate::clean(&input.agreement);
    let override_reason = validate::clean(&input.override_reason);
    c.max_len("agreement", &agreement, LONG)
        .max_len("overrideReason", &override_reason, SHORT);
    let planned_on = validate::date(&mut c, "plannedOn", &input.planned_on, false);
    let status = input.status.unwrap_or(MatchStatus::Proposed);
    c.rule(
        "status",
        Rule::Choice,
        !matches!(status, MatchStatus::Proposed | MatchStatus::Agreed),
    );
    c.finish()?;
    let id = db.write(|tx| {
        let req = matching::request_facts(tx, input.request_id)?;
        let request_status = requests::status_of(tx, input.request_id)?;
        if request_status.is_closed() {
            return Err(Error::RequestClosed { id: input.request_id });
        }
        let (cand, not_asked_since) = matching::candidate(tx, &req, input.volunteer_id, today, planned_on)?;
        let over_limit = match matching::assess(&req, &cand, &not_asked_since) {
            Assessment::AlreadyMatched => return Err(Error::AlreadyMatched),
            Assessment::Unavailable(u) if !u.can_override => {
                return Err(Error::NotAvailable { id: input.volunteer_id })
            }
            Assessment::Unavailable(_) => true,
            Assessment::Suggested(s) => s
                .warnings
                .iter()
                .any(|w| matches!(w, Reason::WouldPassLimit { .. })),
        };
        if over_limit && override_reason.is_empty() {
            return Err(invalid("overrideReason", Rule::ReasonRequired));
        }
        let kept_reason = if over_limit { override_reason.as_str() } else { "" };
        tx.execute(
            "INSERT INTO matches (request_id, volunteer_id, status, agreement, planned_on, override_reason,
                 asked_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                input.request_id, input.volunteer_id, status, agreement, planned_on.map(iso), kept_reason,
                iso(today), stamp(now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE volunteers SET last_asked_on = max(ifnull(last_asked_on, ''), ?2) WHERE resident_id = ?1",
            params![input.volunteer_id, iso(today)],
        )?;
        let name = volunteer_name(tx, input.volunteer_id)?;
        let mut note = match status {
            MatchStatus::Agreed => format!("Gekoppeld aan {name} (akkoord)."),
            _ => format!("{name} gevraagd voor deze hulpvraag (voorgesteld)."),
        };
        if !agreement.is_empty() {
            note.push_str(&format!(" Afspraak: {}", sentence(&agreement)));
        }
        if over_limit {
            note.push_str(&format!(
                " Over de grens van {name} gekoppeld. Reden: {}",
                sentence(&override_reason)
            ));
        }
        requests::log_event(tx, input.request_id, today, &note, None, now)?;
        follow(tx, input.request_id, status, now)?;
        Ok(id)
    })?;
    get(db.conn(), id)
}

/// `text` as a sentence in the log: ending in a full stop (or ? or !).
fn sentence(text: &str) -> String {
    match text.chars().last() {
        Some('.' | '?' | '!') | None => text.to_owned(),
        Some(_) => format!("{text}."),
    }
}

/// Change what was agreed and when.
pub fn update_agreement(
    db: &mut Db,
    id: i64,
    agreement: &str,
    planned_on: &str,
    now: NaiveDateTime,
) -> Result<Match> {
    let mut c = Check::new();
    let agreement = validate::clean(agreement);
    c.max_len("agreement", &agreement, LONG);
    let planned = validate::date(&mut c, "plannedOn", planned_on, false);
    c.finish()?;
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE matches SET agreement = ?2, planned_on = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, agreement, planned.map(iso), stamp(now)],
        )?;
        if n == 0 {
            return Err(Error::NotFound { what: "match", id });
        }
        Ok(())
    })?;
    get(db.conn(), id)
}

/// Move a match along; the request's status follows and the contact log records it.
pub fn change_status(
    db: &mut Db,
    id: i64,
    to: MatchStatus,
    note: &str,
    now: NaiveDateTime,
) -> Result<Match> {
    let note = validate::clean(note);
    let mut c = Check::new();
    c.max_len("note", &note, SHORT);
    c.finish()?;
    db.write(|tx| set_status(tx, id, to, &note, now))?;
    get(db.conn(), id)
}

/// The status change of [`change_status`] inside a caller's transaction
/// (also used when the first hours are logged on an agreed match).
pub(crate) fn set_status(
    tx: &Transaction<'_>,
    id: i64,
    to: MatchStatus,
    note: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let (from, request_id, volunteer_id): (MatchStatus, i64, i64) = tx
        .query_row(
            "SELECT status, request_id, volunteer_id FROM matches WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "match", id })?;
    if !from.can_become(to) {
        return Err(Error::InvalidTransition {
            from: from.as_str().into(),
            to: to.as_str().into(),
        });
    }
    let closed_on: Option<NaiveDate> = (!to.is_open()).then_some(now.date());
    tx.execute(
        "UPDATE matches SET status = ?2, closed_on = ?3, close_note = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, to, closed_on.map(iso), note, stamp(now)],
    )?;
    let name = volunteer_name(tx, volunteer_id)?;
    let what = match to {
        MatchStatus::Proposed => "voorgesteld",
        MatchStatus::Agreed => "akkoord",
        MatchStatus::Active => "bezig",
        MatchStatus::Done => "klaar",
        MatchStatus::Cancelled => "afgezegd",
    };
    let mut text = format!("Koppeling met {name}: {what}.");
    if !note.is_empty() {
        text.push(' ');
        text.push_str(note);
    }
    requests::log_event(tx, request_id, now.date(), &text, None, now)?;
    follow(tx, request_id, to, now)
}

/// A request's matches by state, and how many volunteers it needs.
struct Counts {
    /// Proposed, agreed or active.
    open: i64,
    /// Agreed or active.
    agreed: i64,
    done: i64,
    needed: i64,
}

impl Counts {
    fn of(tx: &Transaction<'_>, request_id: i64) -> Result<Counts> {
        Ok(tx.query_row(
            "SELECT count(*) FILTER (WHERE status IN ('proposed', 'agreed', 'active')),
                    count(*) FILTER (WHERE status IN ('agreed', 'active')),
                    count(*) FILTER (WHERE status = 'done'),
                    (SELECT volunteers_needed FROM help_requests WHERE id = ?1)
             FROM matches WHERE request_id = ?1",
            [request_id],
            |r| {
                Ok(Counts {
                    open: r.get(0)?,
                    agreed: r.get(1)?,
                    done: r.get(2)?,
                    needed: r.get(3)?,
                })
            },
        )?)
    }
}

/// The request's status follows its matches: asking someone puts a new
/// request in progress; once as many volunteers as it needs have agreed (one,
/// or more for a collective request) it is "gekoppeld"; when the last open
/// match ends, it is done (if any match was done) or open again.
fn follow(
    tx: &Transaction<'_>,
    request_id: i64,
    changed: MatchStatus,
    now: NaiveDateTime,
) -> Result<()> {
    let current = requests::status_of(tx, request_id)?;
    if current.is_closed() {
        return Ok(());
    }
    let target = match changed {
        MatchStatus::Proposed => (current == Status::New).then_some((Status::InProgress, "")),
        MatchStatus::Agreed | MatchStatus::Active => {
            let n = Counts::of(tx, request_id)?;
            if n.agreed + n.done >= n.needed {
                (current != Status::Matched).then_some((Status::Matched, ""))
            } else {
                (current == Status::New).then_some((Status::InProgress, ""))
            }
        }
        MatchStatus::Done | MatchStatus::Cancelled => {
            let n = Counts::of(tx, request_id)?;
            if n.open > 0 {
                // One of several called off: look for someone else.
                (changed == MatchStatus::Cancelled
                    && current == Status::Matched
                    && n.agreed + n.done < n.needed)
                    .then_some((
                        Status::InProgress,
                        "Koppeling afgezegd: er is nog iemand nodig.",
                    ))
            } else if n.done > 0 {
                Some((Status::Done, "Alle koppelingen zijn klaar."))
            } else if current == Status::Matched {
                Some((
                    Status::InProgress,
                    "Koppeling afgezegd: er wordt opnieuw gezocht.",
                ))
            } else {
                None
            }
        }
    };
    match target {
        Some((to, reason)) if current.can_become(to) => {
            requests::set_status(tx, request_id, to, reason, now)
        }
        _ => Ok(()),
    }
}
