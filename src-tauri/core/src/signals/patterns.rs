//! Patterns: signals with the same concern that add up in one place.
//!
//! The rule: at least `pattern_min_signals` signals with the same concern
//! about the same street (street and kern as noted) or the same kern, noted
//! in the last `pattern_weeks` weeks (the `7 × weeks` days up to and
//! including `today`). Counted are all such signals, open or closed, except
//! those closed with "niets nodig" (they turned out to be nothing) and those
//! already part of a collective request (their pattern was acted on).
//! Streets do not add up to their kern, nor kernen to the village; signals
//! about the whole village form no pattern. A pattern carries no personal
//! data: concern, place, count, dates.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{place_label, PlaceKind};
use crate::requests::{self, Channel, HelpRequest, RequestInput, Scope, Urgency};
use crate::settings::{self, Settings};
use crate::store::time::{iso, stamp, stored};
use crate::vocab::LifeArea;
use crate::{Db, Error, Result};

/// Which pattern: the concern and the place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PatternKey {
    #[ts(type = "number")]
    pub concern_id: i64,
    pub place_kind: PlaceKind,
    pub kern: String,
    pub street: String,
}

/// Signals that add up: for Vandaag and the meeting. No names.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Pattern {
    pub key: PatternKey,
    pub concern_label: String,
    pub life_area: LifeArea,
    /// "Kerkstraat, Oosterwolde" or "Oosterwolde".
    pub place_label: String,
    #[ts(type = "number")]
    pub count: i64,
    pub first_on: String,
    pub last_on: String,
    /// Weeks from the first signal up to today (at most the setting).
    pub weeks: u32,
    /// "In de Kerkstraat in Oosterwolde zijn in 6 weken 4 signalen over eenzaamheid genoteerd."
    pub text: String,
}

/// The first day that still counts on `today`.
fn window_start(today: NaiveDate, weeks: u32) -> NaiveDate {
    today - Days::new(7 * u64::from(weeks)) + Days::new(1)
}

/// The counted signals of the window, as SQL (params ?1 from, ?2 to).
pub(crate) const COUNTED: &str =
    "s.noticed_on >= ?1 AND s.noticed_on <= ?2 AND s.place_kind <> 'village'
    AND s.collective_request_id IS NULL AND (s.outcome IS NULL OR s.outcome <> 'nothing_needed')";

/// The patterns on `today`, the most signals first.
pub fn patterns(conn: &Connection, today: NaiveDate, s: &Settings) -> Result<Vec<Pattern>> {
    let weeks = s.pattern_weeks.max(1);
    let from = window_start(today, weeks);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT g.concern_id, g.place_kind, g.kern, g.street, g.n, g.first_on, g.last_on, c.label, c.life_area
         FROM (SELECT s.concern_id, s.place_kind, s.kern, s.street, count(*) AS n,
                      min(s.noticed_on) AS first_on, max(s.noticed_on) AS last_on
               FROM signals s WHERE {COUNTED}
               GROUP BY s.concern_id, s.place_kind, s.kern, s.street HAVING count(*) >= ?3) g
         JOIN signal_concerns c ON c.id = g.concern_id
         ORDER BY g.n DESC, g.last_on DESC, c.position, g.kern, g.street"
    ))?;
    let mut rows = stmt.query(params![iso(from), iso(today), s.pattern_min_signals])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let key = PatternKey {
            concern_id: r.get(0)?,
            place_kind: r.get(1)?,
            kern: r.get(2)?,
            street: r.get(3)?,
        };
        let count: i64 = r.get(4)?;
        let first_on: String = r.get(5)?;
        let concern_label: String = r.get(7)?;
        let days = (today - stored(&first_on)?).num_days();
        let span = (days / 7 + 1).clamp(1, i64::from(weeks)) as u32;
        out.push(Pattern {
            text: sentence(&key, span, count, &concern_label),
            place_label: place_label(key.place_kind, &key.street, &key.kern),
            key,
            concern_label,
            life_area: r.get(8)?,
            count,
            first_on,
            last_on: r.get(6)?,
            weeks: span,
        });
    }
    Ok(out)
}

/// The pattern in one plain sentence.
fn sentence(key: &PatternKey, weeks: u32, count: i64, concern: &str) -> String {
    let place = match key.place_kind {
        PlaceKind::Street => {
            let lower = key.street.to_lowercase();
            let de = [
                "straat", "weg", "laan", "steeg", "dijk", "drift", "dreef", "singel", "kade",
            ]
            .iter()
            .any(|s| lower.ends_with(s));
            let street = if de {
                format!("In de {}", key.street)
            } else {
                format!("In de straat {}", key.street)
            };
            if key.kern.is_empty() {
                street
            } else {
                format!("{street} in {}", key.kern)
            }
        }
        _ => format!("In {}", key.kern),
    };
    let span = if weeks == 1 {
        "1 week".to_owned()
    } else {
        format!("{weeks} weken")
    };
    let concern: String = concern
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let lower: Vec<char> = if i == 0 {
                c.to_lowercase().collect()
            } else {
                vec![c]
            };
            lower
        })
        .collect();
    format!("{place} zijn in {span} {count} signalen over {concern} genoteerd.")
}

/// Turn the pattern `key` (as it stands on `now`'s date) into one collective
/// request for the street or the village, and link its signals to it: they
/// become "opgepakt" with outcome "gezamenlijke actie" and stop counting.
pub fn make_collective_request(
    db: &mut Db,
    key: &PatternKey,
    now: NaiveDateTime,
) -> Result<HelpRequest> {
    let today = now.date();
    let id = db.write(|tx| {
        let s = settings::get(tx)?;
        let pattern = patterns(tx, today, &s)?
            .into_iter()
            .find(|p| p.key == *key)
            .ok_or(Error::NoPattern)?;
        let input = RequestInput {
            resident_id: None,
            received_on: iso(today),
            channel: Channel::HelpPoint,
            ask: format!("{} Wat kunnen we samen doen?", pattern.text),
            life_areas: vec![pattern.life_area],
            urgency: Urgency::Normal,
            scope: match key.place_kind {
                PlaceKind::Street => Scope::Street,
                _ => Scope::Village,
            },
            scope_note: pattern.place_label.clone(),
            ..Default::default()
        };
        let clean = input.validate(today)?;
        let id = requests::insert(tx, &clean, now)?;
        let from = window_start(today, s.pattern_weeks.max(1));
        tx.execute(
            &format!(
                "UPDATE signals AS s SET collective_request_id = ?4, outcome = coalesce(s.outcome, 'collective'),
                     status = CASE WHEN s.status IN ('new', 'discussed') THEN 'taken_up' ELSE s.status END,
                     updated_at = ?5
                 WHERE {COUNTED} AND s.concern_id = ?3 AND s.place_kind = ?6 AND s.kern = ?7 AND s.street = ?8"
            ),
            params![iso(from), iso(today), key.concern_id, id, stamp(now), key.place_kind, key.kern, key.street],
        )?;
        requests::log_event(
            tx,
            id,
            today,
            &format!("Gemaakt uit {} signalen over {}.", pattern.count, pattern.concern_label),
            None,
            now,
        )?;
        Ok(id)
    })?;
    requests::get(db.conn(), id)
}
