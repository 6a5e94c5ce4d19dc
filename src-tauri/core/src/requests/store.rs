//! SQL of the `help_requests` and `request_life_areas` tables and the request search index.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::contact_log;
use super::search_index::reindex;
use super::{
    Clean, CloseInput, CloseKind, HelpRequest, RequestInput, RequestKey, RequestQuery,
    RequestSummary, Status,
};
use crate::professional::ProfessionalFlag;
use crate::store::list::{Filter, List, Paging, Seek};
use crate::store::time::{iso, stamp};
use crate::validate::{Check, LONG, SHORT};
use crate::vocab::{FieldError, LifeArea, Mask, Rule};
use crate::{Db, Error, Page, Result};

fn ensure_resident(tx: &Transaction<'_>, id: Option<i64>) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    if crate::store::exists(tx, crate::store::Table::Residents, id)? {
        Ok(())
    } else {
        Err(Error::Invalid(vec![FieldError::new(
            "residentId",
            Rule::Required,
        )]))
    }
}

pub fn create(db: &mut Db, input: RequestInput, now: NaiveDateTime) -> Result<HelpRequest> {
    let clean = input.validate(now.date())?;
    let id = db.write(|tx| insert(tx, &clean, now))?;
    get(db.conn(), id)
}

/// Insert a checked request inside the caller's transaction (a signal makes
/// its request and links it in one transaction); returns the new id.
pub(crate) fn insert(tx: &Transaction<'_>, clean: &Clean, now: NaiveDateTime) -> Result<i64> {
    {
        let i = &clean.input;
        ensure_resident(tx, i.resident_id)?;
        tx.execute(
            "INSERT INTO help_requests (resident_id, received_on, channel, ask, underlying_need, own_strength, tried,
                 urgency, due_on, scope, scope_note, status, close_reason, created_at, updated_at,
                 needs_vog, wanted_slots, volunteers_needed, estimated_hours, goal_short, goal_long, flags)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'new', '', ?12, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            params![
                i.resident_id, clean.received_on, i.channel, i.ask, i.underlying_need, i.own_strength, i.tried,
                i.urgency, clean.due_on, i.scope, i.scope_note, stamp(now), i.needs_vog, i.wanted_slots,
                i.volunteers_needed, clean.estimated_hours, i.goal_short, i.goal_long, ProfessionalFlag::to_mask(&i.flags)
            ],
        )?;
        let id = tx.last_insert_rowid();
        set_life_areas(tx, id, &i.life_areas)?;
        set_skills(tx, id, &i.skills)?;
        reindex(tx, id)?;
        Ok(id)
    }
}

pub fn update(
    db: &mut Db,
    id: i64,
    input: RequestInput,
    now: NaiveDateTime,
) -> Result<HelpRequest> {
    let clean = input.validate(now.date())?;
    db.write(|tx| {
        let i = &clean.input;
        ensure_resident(tx, i.resident_id)?;
        // A request about a person stays about a person (its referrals,
        // consents and handovers hang on them); another resident is fine.
        if i.resident_id.is_none() && resident_of(tx, id)?.is_some() {
            return Err(Error::Invalid(vec![FieldError::new(
                "residentId",
                Rule::Required,
            )]));
        }
        let n = tx.execute(
            "UPDATE help_requests SET resident_id = ?2, received_on = ?3, channel = ?4, ask = ?5, underlying_need = ?6,
                 own_strength = ?7, tried = ?8, urgency = ?9, due_on = ?10, scope = ?11, scope_note = ?12, updated_at = ?13,
                 needs_vog = ?14, wanted_slots = ?15, volunteers_needed = ?16, estimated_hours = ?17,
                 goal_short = ?18, goal_long = ?19, flags = ?20
             WHERE id = ?1",
            params![
                id, i.resident_id, clean.received_on, i.channel, i.ask, i.underlying_need, i.own_strength, i.tried,
                i.urgency, clean.due_on, i.scope, i.scope_note, stamp(now), i.needs_vog, i.wanted_slots,
                i.volunteers_needed, clean.estimated_hours, i.goal_short, i.goal_long, ProfessionalFlag::to_mask(&i.flags)
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound { what: "request", id });
        }
        set_life_areas(tx, id, &i.life_areas)?;
        set_skills(tx, id, &i.skills)?;
        reindex(tx, id)
    })?;
    get(db.conn(), id)
}

/// Move a request along its lifecycle. Closing needs a reason; the change is
/// written to the contact log in the same transaction.
pub fn change_status(
    db: &mut Db,
    id: i64,
    to: Status,
    reason: &str,
    now: NaiveDateTime,
) -> Result<HelpRequest> {
    let reason = reason.trim();
    let mut c = Check::new();
    c.rule(
        "closeReason",
        Rule::CloseReasonRequired,
        to.is_closed() && reason.is_empty(),
    );
    c.max_len("closeReason", reason, SHORT);
    c.finish()?;
    db.write(|tx| set_status(tx, id, to, reason, now))?;
    get(db.conn(), id)
}

/// Close a request with a typed reason and its outcome. The status follows
/// the reason (need met → afgerond, referred → doorverwezen, else vervallen).
pub fn close(db: &mut Db, id: i64, input: &CloseInput, now: NaiveDateTime) -> Result<HelpRequest> {
    let note = input.note.trim();
    let outcome = input.outcome.trim();
    let mut c = Check::new();
    c.rule(
        "note",
        Rule::CloseReasonRequired,
        input.kind == CloseKind::Other && note.is_empty(),
    );
    c.max_len("note", note, SHORT)
        .max_len("outcome", outcome, LONG);
    c.finish()?;
    let to = input.kind.status();
    db.write(|tx| {
        let text = if note.is_empty() {
            close_label(input.kind)
        } else {
            note
        };
        set_status(tx, id, to, text, now)?;
        tx.execute(
            "UPDATE help_requests SET close_kind = ?2, outcome = ?3 WHERE id = ?1",
            params![id, input.kind, outcome],
        )?;
        if !outcome.is_empty() {
            contact_log::insert(
                tx,
                id,
                now.date(),
                &format!("Resultaat: {outcome}"),
                None,
                now,
            )?;
        }
        reindex(tx, id)
    })?;
    get(db.conn(), id)
}

/// The reason in words, kept as the close reason when no note was given.
fn close_label(kind: CloseKind) -> &'static str {
    match kind {
        CloseKind::NeedMet => "De vraag is beantwoord.",
        CloseKind::Referred => "Doorverwezen naar een professional.",
        CloseKind::NoCapacity => "Geen vrijwilliger of ruimte beschikbaar.",
        CloseKind::NoLongerNeeded => "Niet meer nodig.",
        CloseKind::Declined => "De bewoner wilde het niet.",
        CloseKind::Other => "Anders.",
    }
}

/// The status of a request, inside a transaction.
pub(crate) fn status_of(tx: &Transaction<'_>, id: i64) -> Result<Status> {
    tx.query_row(
        "SELECT status FROM help_requests WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "request",
        id,
    })
}

/// The resident of a request (`None` for a collective request), inside a transaction.
pub(crate) fn resident_of(tx: &Transaction<'_>, id: i64) -> Result<Option<i64>> {
    tx.query_row(
        "SELECT resident_id FROM help_requests WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "request",
        id,
    })
}

/// The status change of [`change_status`] inside a caller's transaction
/// (also used when a match moves the request along).
pub(crate) fn set_status(
    tx: &Transaction<'_>,
    id: i64,
    to: Status,
    reason: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let from = status_of(tx, id)?;
    if !from.can_become(to) {
        return Err(Error::InvalidTransition {
            from: from.as_str().into(),
            to: to.as_str().into(),
        });
    }
    let kept_reason = if to.is_closed() { reason } else { "" };
    tx.execute(
        "UPDATE help_requests SET status = ?2, close_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, to, kept_reason, stamp(now)],
    )?;
    contact_log::insert(tx, id, now.date(), reason, Some(to), now)?;
    reindex(tx, id)
}

fn set_skills(tx: &Transaction<'_>, id: i64, skills: &[i64]) -> Result<()> {
    crate::skills::ensure_known(tx, "skills", skills)?;
    crate::skills::relink(tx, crate::skills::Link::RequestSkills, id, skills)
}

fn set_life_areas(tx: &Transaction<'_>, id: i64, areas: &[LifeArea]) -> Result<()> {
    tx.execute("DELETE FROM request_life_areas WHERE request_id = ?1", [id])?;
    let mut stmt = tx
        .prepare_cached("INSERT INTO request_life_areas (request_id, life_area) VALUES (?1, ?2)")?;
    for a in areas {
        stmt.execute(params![id, a])?;
    }
    tx.execute(
        "UPDATE help_requests SET life_area_mask = ?2 WHERE id = ?1",
        params![id, LifeArea::to_mask(areas)],
    )?;
    Ok(())
}

fn life_areas(v: Option<String>) -> rusqlite::Result<Vec<LifeArea>> {
    let mut out = Vec::new();
    for code in v.iter().flat_map(|s| s.split(',')) {
        let area = LifeArea::parse(code).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                9,
                rusqlite::types::Type::Text,
                format!("life area {code:?}").into(),
            )
        })?;
        out.push(area);
    }
    out.sort();
    Ok(out)
}

/// Who a request is for, in words: the resident's name, or for a collective
/// request its place (kept in `scope_note`) or "Heel het dorp".
pub(crate) const WHO: &str =
    "CASE WHEN h.resident_id IS NOT NULL THEN r.first_name || ' ' || r.last_name
    WHEN h.scope_note <> '' THEN h.scope_note ELSE 'Heel het dorp' END";

/// The kern of a request: the resident's, or none for a collective request.
const KERN: &str = "ifnull(r.kern, '')";

const DETAIL: &str = "SELECT h.id, h.resident_id, {WHO}, {KERN}, h.received_on, h.channel,
        h.ask, h.underlying_need, h.own_strength, h.tried, h.urgency, h.due_on, h.scope, h.scope_note, h.status,
        h.close_reason, h.created_at, h.updated_at,
        (SELECT group_concat(life_area) FROM request_life_areas WHERE request_id = h.id),
        h.needs_vog, h.wanted_slots, h.volunteers_needed, h.estimated_hours, h.goal_short, h.goal_long,
        h.outcome, h.close_kind, h.flags
    FROM help_requests h LEFT JOIN residents r ON r.id = h.resident_id WHERE h.id = ?1";

fn detail_row(r: &Row<'_>) -> rusqlite::Result<HelpRequest> {
    let status: Status = r.get(14)?;
    Ok(HelpRequest {
        id: r.get(0)?,
        resident_id: r.get(1)?,
        resident_name: r.get(2)?,
        kern: r.get(3)?,
        received_on: r.get(4)?,
        channel: r.get(5)?,
        ask: r.get(6)?,
        underlying_need: r.get(7)?,
        own_strength: r.get(8)?,
        tried: r.get(9)?,
        urgency: r.get(10)?,
        due_on: r.get(11)?,
        scope: r.get(12)?,
        scope_note: r.get(13)?,
        status,
        allowed_next: status.open_steps(),
        can_close: !status.is_closed(),
        close_reason: r.get(15)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
        life_areas: life_areas(r.get(18)?)?,
        contact_log: Vec::new(),
        skills: Vec::new(),
        needs_vog: r.get(19)?,
        wanted_slots: r.get(20)?,
        volunteers_needed: r.get(21)?,
        estimated_hours: r.get(22)?,
        goal_short: r.get(23)?,
        goal_long: r.get(24)?,
        outcome: r.get(25)?,
        close_kind: r.get(26)?,
        flags: ProfessionalFlag::from_mask(r.get(27)?),
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<HelpRequest> {
    let mut req = conn
        .query_row(
            &DETAIL.replace("{WHO}", WHO).replace("{KERN}", KERN),
            [id],
            detail_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "request",
            id,
        })?;
    req.contact_log = contact_log::of(conn, id)?;
    req.skills = crate::skills::linked(conn, crate::skills::Link::RequestSkills, id)?;
    Ok(req)
}

fn summary_columns() -> String {
    format!(
        "h.id, h.resident_id, {WHO}, {KERN}, h.received_on,
    substr(h.ask, 1, 160), h.status, h.urgency, h.due_on, h.life_area_mask"
    )
}

fn summary_row(r: &Row<'_>) -> rusqlite::Result<RequestSummary> {
    Ok(RequestSummary {
        id: r.get(0)?,
        resident_id: r.get(1)?,
        resident_name: r.get(2)?,
        kern: r.get(3)?,
        received_on: r.get(4)?,
        ask: r.get(5)?,
        status: r.get(6)?,
        urgency: r.get(7)?,
        due_on: r.get(8)?,
        life_areas: LifeArea::from_mask(r.get(9)?),
    })
}

/// Open requests: new, in progress or matched.
const OPEN: &str = "h.status IN ('new', 'in_progress', 'matched')";

/// The request list counts up to this many; more shows as "meer dan".
pub const LIST_COUNT_CAP: i64 = 1000;

/// A search ranks this many of its newest hits (bm25) and shows the best:
/// a name typed in a village of ten years has thousands of hits, and
/// ranking every one costs time while the recent ones are what is looked for.
pub const SEARCH_WINDOW: i64 = 2000;

/// The filtered, paged request list, newest first; with a search text the
/// best matches first (FTS5's bm25 rank of the newest [`SEARCH_WINDOW`]
/// hits), only the page read. Only the
/// filters that are set become SQL, so SQLite can use its indexes; turning
/// pages seeks from the row shown (`after`/`before`), so a page deep in
/// the list is as quick as the first; the count stops at
/// [`LIST_COUNT_CAP`].
pub fn list(conn: &Connection, q: &RequestQuery) -> Result<Page<RequestSummary>> {
    let mut f = Filter::new();
    let searching = crate::search::fts_query(&q.text).is_some();
    f.text("s.request_search MATCH ?", &q.text);
    if let Some(s) = q.status {
        f.and("h.status = ?", [Value::Text(s.as_str().into())]);
    } else if q.open_only {
        f.and(OPEN, []);
    }
    if let Some(a) = q.life_area {
        f.and("h.life_area_mask & ? != 0", [Value::Integer(a.bit())]);
    }
    if !q.kern.is_empty() {
        f.and("r.kern = ?", [Value::Text(q.kern.clone())]);
    }
    if let Some(u) = q.urgency {
        f.and("h.urgency = ?", [Value::Text(u.as_str().into())]);
    }
    if let Some(id) = q.resident_id {
        f.and("h.resident_id = ?", [Value::Integer(id)]);
    }
    let only_text = searching && f.len() == 1;
    // The count joins only what its filters need.
    let count_from = match (searching, q.kern.is_empty()) {
        (true, _) if only_text => "FROM request_search s",
        (true, true) => "FROM request_search s CROSS JOIN help_requests h ON h.id = s.rowid",
        (true, false) => {
            "FROM request_search s CROSS JOIN help_requests h ON h.id = s.rowid
             JOIN residents r ON r.id = h.resident_id"
        }
        (false, true) => "FROM help_requests h",
        (false, false) => "FROM help_requests h JOIN residents r ON r.id = h.resident_id",
    };
    let columns = summary_columns();
    let (select, order) = if searching {
        // The newest hits that pass the filters (read from the index in
        // rowid order, no rows), ranked by bm25; then one page of rows.
        (
            format!(
                "SELECT {columns} FROM (SELECT s.rowid AS id, bm25(s.request_search) AS score
                     FROM request_search s CROSS JOIN help_requests h ON h.id = s.rowid
                     LEFT JOIN residents r ON r.id = h.resident_id
                     WHERE {{filter}} ORDER BY s.rowid DESC LIMIT {SEARCH_WINDOW}) hit
                 CROSS JOIN help_requests h ON h.id = hit.id
                 LEFT JOIN residents r ON r.id = h.resident_id"
            ),
            "hit.score, hit.id DESC",
        )
    } else {
        (
            format!(
                "SELECT {columns} FROM help_requests h {} LEFT JOIN residents r ON r.id = h.resident_id",
                order_index(q)
            ),
            "h.received_on DESC, h.id DESC",
        )
    };
    let key = |k: &RequestKey| vec![Value::Text(k.received_on.clone()), Value::Integer(k.id)];
    let seek = match (&q.after, &q.before) {
        _ if searching => None,
        (Some(k), _) => Some(Seek {
            clause: "(h.received_on, h.id) < (?, ?)",
            values: key(k),
            reverse: None,
        }),
        (None, Some(k)) => Some(Seek {
            clause: "(h.received_on, h.id) > (?, ?)",
            values: key(k),
            reverse: Some("h.received_on, h.id"),
        }),
        (None, None) => None,
    };
    List {
        count_from,
        select: &select,
        order,
    }
    .page_by(
        conn,
        &f,
        &Paging {
            page: q.page,
            page_size: q.page_size,
            seek,
            count_cap: Some(LIST_COUNT_CAP),
        },
        summary_row,
    )
}

/// The index that reads a filtered list in its order (newest first), so a
/// page is the next rows of the index and never a sort of every match:
/// with planner statistics SQLite may otherwise start from a selective
/// filter (a kern's residents, one of three statuses) and sort all its
/// requests. One resident's requests are few: the planner chooses.
fn order_index(q: &RequestQuery) -> &'static str {
    if q.resident_id.is_some() {
        ""
    } else if q.status.is_some() {
        "INDEXED BY help_requests_by_status"
    } else if q.open_only {
        "INDEXED BY help_requests_open"
    } else if q.urgency.is_some() {
        "INDEXED BY help_requests_by_urgency"
    } else {
        "INDEXED BY help_requests_by_date"
    }
}

/// The requests that need attention on the Vandaag screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attention {
    /// Nobody has picked them up yet; oldest first.
    New,
    /// Open with high urgency; the earliest due first.
    Urgent,
    /// Open and past their due date (before `today`).
    Overdue,
    /// Open and due from `today` up to 7 days later.
    DueSoon,
}

/// The first `limit` requests of one [`Attention`] block on `today`, with
/// the total of the block.
pub fn needing_attention(
    conn: &Connection,
    which: Attention,
    today: NaiveDate,
    limit: i64,
) -> Result<Page<RequestSummary>> {
    let mut f = Filter::new();
    // Each block reads (and counts) through its own index: with planner
    // statistics SQLite may prefer a wider one and visit every open row.
    let (index, order) = match which {
        Attention::New => {
            f.and("h.status = 'new'", []);
            ("help_requests_by_status", "h.received_on, h.id")
        }
        Attention::Urgent => {
            f.and(OPEN, []).and("h.urgency = 'high'", []);
            (
                "help_requests_open_by_urgency",
                "h.due_on IS NULL, h.due_on, h.received_on, h.id",
            )
        }
        Attention::Overdue => {
            f.and(OPEN, [])
                .and("h.due_on < ?", [Value::Text(iso(today))]);
            ("help_requests_open_by_due", "h.due_on, h.id")
        }
        Attention::DueSoon => {
            let soon = iso(today + Days::new(7));
            f.and(OPEN, []).and(
                "h.due_on >= ? AND h.due_on <= ?",
                [Value::Text(iso(today)), Value::Text(soon)],
            );
            ("help_requests_open_by_due", "h.due_on, h.id")
        }
    };
    let select = format!(
        "SELECT {} FROM help_requests h INDEXED BY {index} LEFT JOIN residents r ON r.id = h.resident_id",
        summary_columns()
    );
    let count_from = format!("FROM help_requests h INDEXED BY {index}");
    List {
        count_from: &count_from,
        select: &select,
        order,
    }
    .page(conn, &f, 0, limit, summary_row)
}

/// Whether a request looks like professional work: its flags, and words in
/// what was asked and the question behind it.
pub fn advice(conn: &Connection, id: i64) -> Result<crate::professional::Advice> {
    let r = get(conn, id)?;
    Ok(crate::professional::advise(
        &r.flags,
        &[&r.ask, &r.underlying_need, &r.tried],
    ))
}
