//! What each kind of data holds for one resident, shown beside the consent
//! choices: the resident (and the contact person reading aloud) sees what
//! "De hulpvraag" would carry before choosing it, including whether it
//! speaks of health, money or care.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::professional::{self, ProfessionalFlag};
use crate::requests::{self, HelpRequest};
use crate::residents::{self, Resident};
use crate::vocab::{DataCategory, LifeArea};
use crate::Result;

/// Longest piece of free text shown (the rest as "…").
const SHOWN: usize = 120;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CategoryPreview {
    pub category: DataCategory,
    /// What it holds, short: a name, a phone number, the start of the ask.
    /// Empty: nothing filled in.
    pub holds: Vec<String>,
    /// Work for professionals the text speaks of (health, debts, care...).
    pub flags: Vec<ProfessionalFlag>,
    /// Sensitive life areas it concerns (health, money).
    pub areas: Vec<LifeArea>,
}

/// The start of `text`, at most [`SHOWN`] characters, on one line.
fn short(text: &str) -> Option<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        return None;
    }
    if flat.chars().count() <= SHOWN {
        return Some(flat);
    }
    let cut: String = flat.chars().take(SHOWN).collect();
    Some(format!("{}…", cut.trim_end()))
}

fn filled(v: &str) -> Option<String> {
    Some(v.trim()).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The request the consent is about: `request_id`, else the resident's
/// newest one.
fn request_of(
    conn: &Connection,
    resident_id: i64,
    request_id: Option<i64>,
) -> Result<Option<HelpRequest>> {
    let id = match request_id {
        Some(id) => Some(id),
        None => conn
            .query_row(
                "SELECT id FROM help_requests WHERE resident_id = ?1 ORDER BY received_on DESC, id DESC LIMIT 1",
                [resident_id],
                |r| r.get::<_, i64>(0),
            )
            .optional()?,
    };
    id.map(|id| requests::get(conn, id)).transpose()
}

/// Names of the volunteers who helped with the request, with their hours.
fn helped(conn: &Connection, request_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.first_name || ' ' || r.last_name, ifnull(sum(h.minutes), 0)
         FROM matches m JOIN residents r ON r.id = m.volunteer_id
         LEFT JOIN hour_entries h ON h.match_id = m.id
         WHERE m.request_id = ?1 AND m.status IN ('agreed', 'active', 'done')
         GROUP BY m.id ORDER BY m.id",
    )?;
    let rows = stmt.query_map([request_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (name, minutes) = row?;
        out.push(if minutes > 0 {
            let hours = format!("{}", (minutes as f64 / 60.0 * 10.0).round() / 10.0);
            format!("Vrijwilliger {name} ({} uur)", hours.replace('.', ","))
        } else {
            format!("Vrijwilliger {name}")
        });
    }
    Ok(out)
}

fn identity(r: &Resident) -> Vec<String> {
    let mut out = vec![format!("{} {}", r.first_name, r.last_name)];
    if let Some(b) = r
        .birth_date
        .as_deref()
        .and_then(crate::store::time::stored_date)
    {
        out.push(format!("geboren {}", crate::vocab::dutch_date(b)));
    }
    out
}

fn contact(r: &Resident) -> Vec<String> {
    let street = [r.street.trim(), r.house_number.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    [filled(&street), filled(&r.phone), filled(&r.email)]
        .into_iter()
        .flatten()
        .collect()
}

fn network(r: &Resident, q: Option<&HelpRequest>) -> Vec<String> {
    let mut out: Vec<String> = q.and_then(|q| short(&q.own_strength)).into_iter().collect();
    out.extend(r.network.iter().filter_map(|m| filled(&m.name)));
    out.extend(filled(&r.proxy_name));
    out
}

/// For each kind of data, what it holds for `resident_id` (about
/// `request_id`, or the newest request).
pub fn preview(
    conn: &Connection,
    resident_id: i64,
    request_id: Option<i64>,
) -> Result<Vec<CategoryPreview>> {
    let r = residents::get(conn, resident_id)?;
    let q = request_of(conn, resident_id, request_id)?;
    let item = |category, holds| CategoryPreview {
        category,
        holds,
        flags: Vec::new(),
        areas: Vec::new(),
    };
    let mut question = item(DataCategory::Question, Vec::new());
    let mut help = item(DataCategory::HelpSoFar, Vec::new());
    if let Some(q) = &q {
        question.holds = [short(&q.ask), short(&q.underlying_need)]
            .into_iter()
            .flatten()
            .collect();
        let advice = professional::advise(&q.flags, &[&q.ask, &q.underlying_need]);
        question.flags = advice.flags;
        question.flags.extend(
            advice
                .hints
                .iter()
                .map(|h| h.flag)
                .filter(|f| !q.flags.contains(f)),
        );
        question.areas = q
            .life_areas
            .iter()
            .copied()
            .filter(|a| matches!(a, LifeArea::Health | LifeArea::MoneyAndAdmin))
            .collect();
        help.holds = short(&q.tried).into_iter().collect();
        help.holds.extend(helped(conn, q.id)?);
    }
    Ok(vec![
        item(DataCategory::Identity, identity(&r)),
        item(DataCategory::Contact, contact(&r)),
        question,
        item(DataCategory::Network, network(&r, q.as_ref())),
        help,
    ])
}
