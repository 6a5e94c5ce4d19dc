//! The raw numbers of one piece of a period (a whole month, or the days of
//! a month a period only partly covers), in a form that adds up: the
//! numbers of a period are the sum of its pieces. A whole month is kept in
//! `results_months` (see [`super::months`]), so a year's
//! figures read 24 small rows instead of every request and hour entry.
//!
//! What does not simply add up is kept so that it can be combined exactly:
//! days to a first contact as a histogram (for the median), hours per
//! volunteer and week (a week can straddle two months; the busiest week
//! and the number of volunteers are taken after combining), and the ids of
//! volunteers who stopped (one who stopped twice counts once).

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::build::count;
use crate::requests::{Channel, CloseKind, Scope};
use crate::vocab::{LifeArea, Mask, TextEnum};
use crate::Result;

/// Requests of one piece.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct RequestPart {
    pub received: u32,
    pub by_area: [u32; 8],
    pub by_kern: Vec<(String, u32)>,
    pub by_channel: Vec<(Channel, u32)>,
    pub by_scope: Vec<(Scope, u32)>,
    /// Requests whose last closing step falls in the piece and that are
    /// still closed, per way of closing.
    pub closed: Vec<(String, u32)>,
    /// Days from receiving to the first contact: (days, requests).
    pub first_contact: Vec<(i64, u32)>,
    /// Days from receiving to the first match a volunteer said yes to.
    pub first_match: Vec<(i64, u32)>,
}

/// Volunteers of one piece.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct VolunteerPart {
    /// Minutes per (volunteer, week `YYYYWW`) of the hours written in the piece.
    #[serde(skip)]
    pub weeks: Vec<(i64, i32, i64)>,
    /// Volunteers first active in the piece.
    pub started: u32,
    /// Volunteers who stopped in the piece.
    pub stopped: Vec<i64>,
}

/// Everything the results need of one piece.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Part {
    pub requests: RequestPart,
    pub volunteers: VolunteerPart,
}

/// Adds `n` to the entry for `key`.
pub(crate) fn add<K: PartialEq>(list: &mut Vec<(K, u32)>, key: K, n: u32) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some((_, m)) => *m += n,
        None => list.push((key, n)),
    }
}

const CLOSING: &str = "('done', 'referred', 'lapsed')";

/// The numbers of the days `from`..=`to` (ISO dates, within one month).
pub(crate) fn compute(conn: &Connection, from: &str, to: &str) -> Result<Part> {
    Ok(Part {
        requests: requests(conn, from, to)?,
        volunteers: volunteers(conn, from, to)?,
    })
}

fn requests(conn: &Connection, from: &str, to: &str) -> Result<RequestPart> {
    let mut out = RequestPart::default();
    let mut stmt = conn.prepare_cached(
        "SELECT h.channel, coalesce(r.kern, ''), h.scope, h.life_area_mask, count(*)
           FROM help_requests h LEFT JOIN residents r ON r.id = h.resident_id
          WHERE h.received_on BETWEEN ?1 AND ?2
          GROUP BY 1, 2, 3, 4",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let channel: Channel = r.get(0)?;
        let kern: String = r.get(1)?;
        let scope: Scope = r.get(2)?;
        let mask: i64 = r.get(3)?;
        let n = count(r.get(4)?);
        out.received += n;
        for area in LifeArea::from_mask(mask) {
            out.by_area[area.index()] += n;
        }
        add(&mut out.by_kern, kern, n);
        add(&mut out.by_channel, channel, n);
        add(&mut out.by_scope, scope, n);
    }
    // Closed: the request's last closing step is in the piece, and it is
    // still closed (a request closed twice counts once, in the later piece).
    // The closing steps of the piece lead (CROSS JOIN keeps that order):
    // without statistics the planner would start from every closed request.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT h.close_kind, h.status, count(*)
           FROM contact_log l INDEXED BY contact_log_closing
                CROSS JOIN help_requests h ON h.id = l.request_id
          WHERE l.status IN {CLOSING} AND l.on_date BETWEEN ?1 AND ?2
            AND h.status IN {CLOSING}
            AND NOT EXISTS (SELECT 1 FROM contact_log n INDEXED BY contact_log_by_request
                             WHERE n.request_id = l.request_id AND n.on_date >= l.on_date
                               AND n.status IN {CLOSING}
                               AND (n.on_date, n.id) > (l.on_date, l.id))
          GROUP BY 1, 2"
    ))?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let kind: Option<CloseKind> = r.get(0)?;
        let status: String = r.get(1)?;
        add(
            &mut out.closed,
            close_label(kind, &status).into(),
            count(r.get(2)?),
        );
    }
    // Days from receiving to the first contact-log entry and to the first
    // match a volunteer said yes to.
    let mut stmt = conn.prepare_cached(
        "SELECT (SELECT julianday(min(l.on_date)) FROM contact_log l WHERE l.request_id = h.id)
                    - julianday(h.received_on),
                (SELECT julianday(min(m.asked_on)) FROM matches m
                  WHERE m.request_id = h.id AND m.status <> 'proposed')
                    - julianday(h.received_on)
           FROM help_requests h
          WHERE h.received_on BETWEEN ?1 AND ?2",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        if let Some(d) = r.get::<_, Option<f64>>(0)? {
            add(&mut out.first_contact, (d.round() as i64).max(0), 1);
        }
        if let Some(d) = r.get::<_, Option<f64>>(1)? {
            add(&mut out.first_match, (d.round() as i64).max(0), 1);
        }
    }
    Ok(out)
}

fn volunteers(conn: &Connection, from: &str, to: &str) -> Result<VolunteerPart> {
    let mut out = VolunteerPart::default();
    let mut stmt = conn.prepare_cached(
        "SELECT volunteer_id, CAST(strftime('%Y%W', on_date) AS INTEGER), sum(minutes)
           FROM hour_entries WHERE on_date BETWEEN ?1 AND ?2 GROUP BY 1, 2",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        out.weeks.push((r.get(0)?, r.get(1)?, r.get(2)?));
    }
    out.started = count(conn.query_row(
        "SELECT count(*) FROM (SELECT min(on_date) AS first FROM volunteer_status_log
                                WHERE status = 'active' GROUP BY volunteer_id)
          WHERE first BETWEEN ?1 AND ?2",
        params![from, to],
        |r| r.get(0),
    )?);
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT volunteer_id FROM volunteer_status_log
          WHERE status = 'stopped' AND on_date BETWEEN ?1 AND ?2",
    )?;
    out.stopped = stmt
        .query_map(params![from, to], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

fn close_label(kind: Option<CloseKind>, status: &str) -> &'static str {
    match kind {
        Some(CloseKind::NeedMet) => "De vraag is beantwoord",
        Some(CloseKind::Referred) => "Doorverwezen naar een professional",
        Some(CloseKind::NoCapacity) => "Geen vrijwilliger of ruimte",
        Some(CloseKind::NoLongerNeeded) => "Niet meer nodig",
        Some(CloseKind::Declined) => "De bewoner wilde het niet",
        Some(CloseKind::Other) => "Andere reden",
        None => match status {
            "done" => "De vraag is beantwoord",
            "referred" => "Doorverwezen naar een professional",
            _ => "Vervallen (geen reden gekozen)",
        },
    }
}

/// The weeks list as bytes for the cache: per entry the volunteer (i64),
/// the week (i32) and the minutes (i64), little-endian, 20 bytes.
pub(crate) fn weeks_to_bytes(weeks: &[(i64, i32, i64)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(weeks.len() * 20);
    for (v, w, m) in weeks {
        out.extend_from_slice(&v.to_le_bytes());
        out.extend_from_slice(&w.to_le_bytes());
        out.extend_from_slice(&m.to_le_bytes());
    }
    out
}

/// The weeks list back from [`weeks_to_bytes`]; `None` when the bytes are
/// not such a list (the month is then counted again).
pub(crate) fn weeks_from_bytes(bytes: &[u8]) -> Option<Vec<(i64, i32, i64)>> {
    if !bytes.len().is_multiple_of(20) {
        return None;
    }
    let take = |c: &[u8]| {
        let mut b = [0u8; 8];
        b[..c.len()].copy_from_slice(c);
        b
    };
    Some(
        bytes
            .chunks_exact(20)
            .map(|c| {
                let mut w = [0u8; 4];
                w.copy_from_slice(&c[8..12]);
                (
                    i64::from_le_bytes(take(&c[0..8])),
                    i32::from_le_bytes(w),
                    i64::from_le_bytes(take(&c[12..20])),
                )
            })
            .collect(),
    )
}
