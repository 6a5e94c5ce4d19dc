//! SQL of the `signals` and `signal_concerns` tables.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{
    place_label, Concern, ConcernInput, NoticerKind, PlaceKind, Signal, SignalInput, SignalOutcome,
    SignalQuery, SignalStatus, SignalStep, HOME_SAFETY,
};
use crate::store::list::{Filter, List};
use crate::store::time::{iso, stamp};
use crate::store::{exists, Table};
use crate::validate::{self, Check, LONG, SHORT};
use crate::vocab::{FieldError, LifeArea, Rule};
use crate::{Db, Error, Page, Result};

/// The longest concern label.
const LABEL: usize = 60;

pub(super) const COLUMNS: &str = "s.id, s.noticed_on, s.noticer_kind, s.contact_person_id, s.volunteer_id,
    ifnull(CASE s.noticer_kind WHEN 'contact_person' THEN cp.name
        WHEN 'volunteer' THEN vr.first_name || ' ' || vr.last_name END, ''),
    s.resident_id, r.first_name || ' ' || r.last_name, s.place_kind, s.street, s.kern, s.concern_id, c.label,
    c.code, s.life_area, s.not_right, s.note, s.status, s.outcome, s.passed_to, s.closed_on, s.request_id,
    s.referral_id, s.collective_request_id";

pub(super) const FROM: &str = "FROM signals s JOIN signal_concerns c ON c.id = s.concern_id
    LEFT JOIN contact_persons cp ON cp.id = s.contact_person_id
    LEFT JOIN residents vr ON vr.id = s.volunteer_id
    LEFT JOIN residents r ON r.id = s.resident_id";

pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<Signal> {
    let place_kind: PlaceKind = r.get(8)?;
    let street: String = r.get(9)?;
    let kern: String = r.get(10)?;
    let code: Option<String> = r.get(13)?;
    let status: SignalStatus = r.get(17)?;
    Ok(Signal {
        id: r.get(0)?,
        noticed_on: r.get(1)?,
        noticer_kind: r.get(2)?,
        contact_person_id: r.get(3)?,
        volunteer_id: r.get(4)?,
        noticer_name: r.get(5)?,
        resident_id: r.get(6)?,
        resident_name: r.get(7)?,
        place_label: place_label(place_kind, &street, &kern),
        place_kind,
        street,
        kern,
        concern_id: r.get(11)?,
        concern_label: r.get(12)?,
        home_safety: code.as_deref() == Some(HOME_SAFETY),
        life_area: r.get(14)?,
        not_right: r.get(15)?,
        note: r.get(16)?,
        status,
        allowed_next: status.next(),
        outcome: r.get(18)?,
        passed_to: r.get(19)?,
        closed_on: r.get(20)?,
        request_id: r.get(21)?,
        referral_id: r.get(22)?,
        collective_request_id: r.get(23)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Signal> {
    conn.query_row(
        &format!("SELECT {COLUMNS} {FROM} WHERE s.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "signal", id })
}

/// The paged signal list, newest first.
pub fn list(conn: &Connection, q: &SignalQuery) -> Result<Page<Signal>> {
    let mut f = Filter::new();
    if let Some(s) = q.status {
        f.and("s.status = ?", [Value::Text(s.as_str().into())]);
    }
    if let Some(c) = q.concern_id {
        f.and("s.concern_id = ?", [Value::Integer(c)]);
    }
    let select = format!("SELECT {COLUMNS} {FROM}");
    List {
        count_from: "FROM signals s",
        select: &select,
        order: "s.noticed_on DESC, s.id DESC",
    }
    .page(conn, &f, q.page, q.page_size, from_row)
}

/// The signals about one resident, newest first (with who noted them).
pub fn for_resident(conn: &Connection, resident_id: i64) -> Result<Vec<Signal>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE s.resident_id = ?1 ORDER BY s.noticed_on DESC, s.id DESC"
    ))?;
    let rows = stmt.query_map([resident_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A checked signal, ready to store.
struct Clean {
    noticed_on: NaiveDate,
    noticer_kind: NoticerKind,
    contact_person_id: Option<i64>,
    volunteer_id: Option<i64>,
    resident_id: Option<i64>,
    place_kind: PlaceKind,
    street: String,
    kern: String,
    concern_id: i64,
    life_area: LifeArea,
    not_right: bool,
    note: String,
}

fn invalid(field: &str, rule: Rule) -> Error {
    Error::Invalid(vec![FieldError::new(field, rule)])
}

/// Check the form; the parts that need the database (does the contact
/// person, volunteer, resident, concern exist) run in the transaction.
fn check(tx: &Transaction<'_>, input: &SignalInput, today: NaiveDate) -> Result<Clean> {
    let mut c = Check::new();
    let noticed_on = validate::date(&mut c, "noticedOn", &input.noticed_on, true);
    c.not_after("noticedOn", noticed_on, today);
    c.rule("noticerKind", Rule::Required, input.noticer_kind.is_none());
    let kind = input.noticer_kind;
    c.rule(
        "contactPersonId",
        Rule::Required,
        kind == Some(NoticerKind::ContactPerson) && input.contact_person_id.is_none(),
    );
    c.rule(
        "volunteerId",
        Rule::Required,
        kind == Some(NoticerKind::Volunteer) && input.volunteer_id.is_none(),
    );
    let street = validate::clean(&input.street);
    let kern = validate::clean(&input.kern);
    let note = validate::clean(&input.note);
    if input.resident_id.is_none() {
        c.rule("placeKind", Rule::Required, input.place_kind.is_none());
        c.rule(
            "street",
            Rule::Required,
            input.place_kind == Some(PlaceKind::Street) && street.is_empty(),
        );
        c.rule(
            "kern",
            Rule::Required,
            input.place_kind == Some(PlaceKind::Kern) && kern.is_empty(),
        );
    }
    c.max_len("street", &street, SHORT)
        .max_len("kern", &kern, SHORT)
        .max_len("note", &note, LONG);
    c.rule("concernId", Rule::Required, input.concern_id.is_none());
    c.finish()?;
    let (Some(noticed_on), Some(noticer_kind), Some(concern_id)) =
        (noticed_on, kind, input.concern_id)
    else {
        return Err(Error::Invalid(Vec::new()));
    };
    let (contact_person_id, volunteer_id) = match noticer_kind {
        NoticerKind::ContactPerson => (input.contact_person_id, None),
        NoticerKind::Volunteer => (None, input.volunteer_id),
        NoticerKind::Anonymous => (None, None),
    };
    if let Some(id) = contact_person_id {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM contact_persons WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if !known {
            return Err(invalid("contactPersonId", Rule::Choice));
        }
    }
    if let Some(id) = volunteer_id {
        if !exists(tx, Table::Volunteers, id)? {
            return Err(invalid("volunteerId", Rule::Choice));
        }
    }
    let concern_area: Option<LifeArea> = tx
        .query_row(
            "SELECT life_area FROM signal_concerns WHERE id = ?1",
            [concern_id],
            |r| r.get(0),
        )
        .optional()?;
    let concern_area = concern_area.ok_or_else(|| invalid("concernId", Rule::Choice))?;
    let (place_kind, street, kern) = match input.resident_id {
        Some(id) => {
            let (street, kern): (String, String) = tx
                .query_row(
                    "SELECT street, kern FROM residents WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| invalid("residentId", Rule::Choice))?;
            let kind = if !street.is_empty() {
                PlaceKind::Street
            } else if !kern.is_empty() {
                PlaceKind::Kern
            } else {
                PlaceKind::Village
            };
            (kind, street, kern)
        }
        None => match input.place_kind {
            Some(PlaceKind::Street) => (PlaceKind::Street, street, kern),
            Some(PlaceKind::Kern) => (PlaceKind::Kern, String::new(), kern),
            _ => (PlaceKind::Village, String::new(), String::new()),
        },
    };
    Ok(Clean {
        noticed_on,
        noticer_kind,
        contact_person_id,
        volunteer_id,
        resident_id: input.resident_id,
        place_kind,
        street,
        kern,
        concern_id,
        life_area: input.life_area.unwrap_or(concern_area),
        not_right: input.not_right,
        note,
    })
}

pub fn create(db: &mut Db, input: &SignalInput, now: NaiveDateTime) -> Result<Signal> {
    let id = db.write(|tx| {
        let c = check(tx, input, now.date())?;
        tx.execute(
            "INSERT INTO signals (noticed_on, noticer_kind, contact_person_id, volunteer_id, resident_id, place_kind,
                 street, kern, concern_id, life_area, not_right, note, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'new', ?13, ?13)",
            params![
                iso(c.noticed_on), c.noticer_kind, c.contact_person_id, c.volunteer_id, c.resident_id, c.place_kind,
                c.street, c.kern, c.concern_id, c.life_area, c.not_right, c.note, stamp(now)
            ],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    get(db.conn(), id)
}

pub fn update(db: &mut Db, id: i64, input: &SignalInput, now: NaiveDateTime) -> Result<Signal> {
    db.write(|tx| {
        let c = check(tx, input, now.date())?;
        let n = tx.execute(
            "UPDATE signals SET noticed_on = ?2, noticer_kind = ?3, contact_person_id = ?4, volunteer_id = ?5,
                 resident_id = ?6, place_kind = ?7, street = ?8, kern = ?9, concern_id = ?10, life_area = ?11,
                 not_right = ?12, note = ?13, updated_at = ?14
             WHERE id = ?1",
            params![
                id, iso(c.noticed_on), c.noticer_kind, c.contact_person_id, c.volunteer_id, c.resident_id,
                c.place_kind, c.street, c.kern, c.concern_id, c.life_area, c.not_right, c.note, stamp(now)
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound { what: "signal", id });
        }
        Ok(())
    })?;
    get(db.conn(), id)
}

/// Move a signal along. Closing needs what came of it; "doorgegeven" needs to whom.
pub fn change_status(
    db: &mut Db,
    id: i64,
    step: &SignalStep,
    now: NaiveDateTime,
) -> Result<Signal> {
    let passed_to = validate::clean(&step.passed_to);
    let mut c = Check::new();
    c.rule(
        "outcome",
        Rule::Required,
        step.to == SignalStatus::Closed && step.outcome.is_none(),
    );
    c.rule(
        "passedTo",
        Rule::Required,
        step.outcome == Some(SignalOutcome::PassedOn) && passed_to.is_empty(),
    );
    c.max_len("passedTo", &passed_to, SHORT);
    c.finish()?;
    let records_outcome = matches!(step.to, SignalStatus::TakenUp | SignalStatus::Closed);
    let outcome = step.outcome.filter(|_| records_outcome);
    db.write(|tx| {
        let from: SignalStatus = tx
            .query_row("SELECT status FROM signals WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "signal", id })?;
        if !from.can_become(step.to) {
            return Err(Error::InvalidTransition {
                from: from.as_str().into(),
                to: step.to.as_str().into(),
            });
        }
        let closed_on = (step.to == SignalStatus::Closed).then(|| iso(now.date()));
        tx.execute(
            "UPDATE signals SET status = ?2, outcome = coalesce(?3, outcome),
                 passed_to = CASE WHEN ?3 IS NULL THEN passed_to WHEN ?3 = 'passed_on' THEN ?4 ELSE '' END,
                 closed_on = ?5, updated_at = ?6
             WHERE id = ?1",
            params![id, step.to, outcome, passed_to, closed_on, stamp(now)],
        )?;
        Ok(())
    })?;
    get(db.conn(), id)
}

/// The concerns, in list order; hidden ones only when asked.
pub fn concerns(conn: &Connection, with_hidden: bool) -> Result<Vec<Concern>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.code, c.label, c.life_area, c.hidden,
                (SELECT count(*) FROM signals WHERE concern_id = c.id)
         FROM signal_concerns c WHERE ?1 OR NOT c.hidden ORDER BY c.position, c.id",
    )?;
    let rows = stmt.query_map([with_hidden], |r| {
        Ok(Concern {
            id: r.get(0)?,
            code: r.get(1)?,
            label: r.get(2)?,
            life_area: r.get(3)?,
            hidden: r.get(4)?,
            used: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Add the group's own concern at the end of the list.
pub fn add_concern(db: &mut Db, input: &ConcernInput) -> Result<Concern> {
    let label = validate::clean(&input.label);
    let mut c = Check::new();
    c.required("label", &label).max_len("label", &label, LABEL);
    c.finish()?;
    let id = db.write(|tx| {
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM signal_concerns WHERE label = ?1)",
            [&label],
            |r| r.get(0),
        )?;
        if taken {
            return Err(invalid("label", Rule::Duplicate));
        }
        tx.execute(
            "INSERT INTO signal_concerns (label, life_area, position)
             VALUES (?1, ?2, (SELECT ifnull(max(position), 0) + 1 FROM signal_concerns))",
            params![label, input.life_area.unwrap_or(LifeArea::Other)],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    concerns(db.conn(), true)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(Error::NotFound {
            what: "concern",
            id,
        })
}

/// Hide a concern from the form (signals keep it), or show it again.
pub fn set_concern_hidden(db: &mut Db, id: i64, hidden: bool) -> Result<Vec<Concern>> {
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE signal_concerns SET hidden = ?2 WHERE id = ?1",
            params![id, hidden],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "concern",
                id,
            });
        }
        Ok(())
    })?;
    concerns(db.conn(), true)
}
