//! A signal and the request made from it: made in one step, visible both ways.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

use super::store::{from_row, COLUMNS, FROM};
use super::{Signal, SignalStatus};
use crate::requests::{self, HelpRequest, RequestInput};
use crate::{Db, Error, Result};

/// Save the request form opened from signal `signal_id` (the facts filled in,
/// the user may have changed them) and link both in one transaction. The
/// signal is then "opgepakt" with outcome "hulpvraag" (unless it was further).
pub fn make_request(
    db: &mut Db,
    signal_id: i64,
    input: RequestInput,
    now: NaiveDateTime,
) -> Result<HelpRequest> {
    let clean = input.validate(now.date())?;
    let id = db.write(|tx| {
        let found: Option<(SignalStatus, Option<i64>, String)> = tx
            .query_row(
                "SELECT status, request_id, noticed_on FROM signals WHERE id = ?1",
                [signal_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (status, linked, noticed_on) = found.ok_or(Error::NotFound {
            what: "signal",
            id: signal_id,
        })?;
        if linked.is_some() || status == SignalStatus::Closed {
            return Err(Error::InvalidTransition {
                from: status.as_str().into(),
                to: "help_request".into(),
            });
        }
        let id = requests::insert(tx, &clean, now)?;
        tx.execute(
            "UPDATE signals SET request_id = ?2, outcome = coalesce(outcome, 'help_request'),
                 status = CASE WHEN status IN ('new', 'discussed') THEN 'taken_up' ELSE status END,
                 updated_at = ?3
             WHERE id = ?1",
            params![signal_id, id, crate::store::time::stamp(now)],
        )?;
        let day = crate::store::time::stored(&noticed_on)?;
        requests::log_event(
            tx,
            id,
            now.date(),
            &format!("Gemaakt uit een signaal van {}.", day.format("%d-%m-%Y")),
            None,
            now,
        )?;
        Ok(id)
    })?;
    requests::get(db.conn(), id)
}

/// The signals request `request_id` came from: made from one of them, or a
/// collective request from their pattern. Oldest first.
pub fn for_request(conn: &Connection, request_id: i64) -> Result<Vec<Signal>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE s.id IN (SELECT id FROM signals WHERE request_id = ?1
             UNION SELECT id FROM signals WHERE collective_request_id = ?1)
         ORDER BY s.noticed_on, s.id"
    ))?;
    let rows = stmt.query_map([request_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
