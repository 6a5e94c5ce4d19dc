//! Help requests in a period: in and closed, per life area, kern and
//! channel, how they ended, the time to a first contact and to a match, and
//! the collective actions (requests for a street or the whole village).

use rusqlite::{params, Connection};

use super::build::{count, median, Counts, Frame};
use super::suppress::amount;
use super::{Cell, Period, Section, Unit};
use crate::chart::ChartKind;
use crate::requests::{Channel, CloseKind, Scope};
use crate::store::time::iso;
use crate::vocab::{LifeArea, Mask, TextEnum};
use crate::Result;

/// The raw numbers of one period.
#[derive(Default)]
struct Numbers {
    received: u32,
    by_area: [u32; 8],
    by_kern: Vec<(String, u32)>,
    by_channel: Vec<(Channel, u32)>,
    by_scope: Vec<(Scope, u32)>,
    by_month: Vec<(String, u32)>,
    closed: Vec<(String, u32)>,
    first_contact: Vec<i64>,
    first_match: Vec<i64>,
}

fn add<K: PartialEq>(list: &mut Vec<(K, u32)>, key: K, n: u32) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some((_, m)) => *m += n,
        None => list.push((key, n)),
    }
}

fn numbers(conn: &Connection, p: Period) -> Result<Numbers> {
    let (from, to) = (iso(p.from), iso(p.to));
    let mut out = Numbers::default();
    let mut stmt = conn.prepare_cached(
        "SELECT h.channel, coalesce(r.kern, ''), h.scope, substr(h.received_on, 1, 7),
                h.life_area_mask, count(*)
           FROM help_requests h LEFT JOIN residents r ON r.id = h.resident_id
          WHERE h.received_on BETWEEN ?1 AND ?2
          GROUP BY 1, 2, 3, 4, 5",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let channel: Channel = r.get(0)?;
        let kern: String = r.get(1)?;
        let scope: Scope = r.get(2)?;
        let month: String = r.get(3)?;
        let mask: i64 = r.get(4)?;
        let n = count(r.get(5)?);
        out.received += n;
        for area in LifeArea::from_mask(mask) {
            out.by_area[area.index()] += n;
        }
        add(&mut out.by_kern, kern, n);
        add(&mut out.by_channel, channel, n);
        add(&mut out.by_scope, scope, n);
        add(&mut out.by_month, month, n);
    }
    // Closed: a closing step in the period, and still closed.
    let mut stmt = conn.prepare_cached(
        "SELECT h.close_kind, h.status, count(DISTINCT h.id)
           FROM contact_log l JOIN help_requests h ON h.id = l.request_id
          WHERE l.status IN ('done', 'referred', 'lapsed') AND l.on_date BETWEEN ?1 AND ?2
            AND h.status IN ('done', 'referred', 'lapsed')
          GROUP BY 1, 2",
    )?;
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
            out.first_contact.push((d.round() as i64).max(0));
        }
        if let Some(d) = r.get::<_, Option<f64>>(1)? {
            out.first_match.push((d.round() as i64).max(0));
        }
    }
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

pub(crate) fn channel_label(c: Channel) -> &'static str {
    match c {
        Channel::Phone => "Telefoon",
        Channel::AtTheDoor => "Aan de deur",
        Channel::HelpPoint => "Bij het dorpspunt",
        Channel::ViaSomeoneElse => "Via iemand anders",
        Channel::WmoDesk => "Via het Wmo-loket",
    }
}

/// Rows for labels of either period, in first-seen order (then sorted by `order`).
fn merge<K: Clone + PartialEq>(a: &[(K, u32)], b: &[(K, u32)]) -> Vec<(K, [u32; 2])> {
    let mut out: Vec<(K, [u32; 2])> = Vec::new();
    for (i, list) in [a, b].iter().enumerate() {
        for (k, n) in list.iter() {
            match out.iter_mut().find(|(o, _)| o == k) {
                Some((_, v)) => v[i] += n,
                None => {
                    let mut v = [0, 0];
                    v[i] = *n;
                    out.push((k.clone(), v));
                }
            }
        }
    }
    out
}

/// The requests section and the collective-actions section.
pub(crate) fn sections(
    conn: &Connection,
    frame: &Frame,
    now: Period,
    earlier: Period,
) -> Result<(Section, Section)> {
    let a = numbers(conn, now)?;
    let b = numbers(conn, earlier)?;
    let t = frame.threshold;
    let mut tables = Vec::new();
    let mut charts = Vec::new();

    let closed = |x: &Numbers| x.closed.iter().map(|c| c.1).sum::<u32>();
    tables.push(frame.counts(
        Counts {
            id: "requests-in-out",
            title: "Hulpvragen binnen en afgesloten",
            heading: "Hulpvragen",
            additive: false,
            note: "Afgesloten: in deze periode afgerond, doorverwezen of vervallen.",
        },
        vec![
            ("Binnengekomen".into(), [a.received, b.received]),
            ("Afgesloten".into(), [closed(&a), closed(&b)]),
        ],
    ));

    let by_area = frame.counts(
        Counts {
            id: "requests-by-area",
            title: "Hulpvragen per levensgebied",
            heading: "Levensgebied",
            additive: false,
            note: "Een hulpvraag kan over meer levensgebieden gaan; dan telt hij bij elk mee.",
        },
        LifeArea::ALL
            .iter()
            .map(|l| {
                (
                    l.dutch().to_owned(),
                    [a.by_area[l.index()], b.by_area[l.index()]],
                )
            })
            .collect(),
    );
    charts.push(frame.chart(
        &by_area,
        ChartKind::Bars,
        "Staafdiagram: het aantal hulpvragen per levensgebied, deze periode naast een jaar eerder.",
    ));
    tables.push(by_area);

    if now.months().len() > 1 {
        let months: Vec<(String, [u32; 2])> = now
            .months()
            .iter()
            .zip(earlier.months().iter())
            .map(|(m, e)| {
                let key = |d: &chrono::NaiveDate| d.format("%Y-%m").to_string();
                let find = |list: &[(String, u32)], k: String| {
                    list.iter().find(|x| x.0 == k).map_or(0, |x| x.1)
                };
                (
                    super::period::month_short(&now, *m),
                    [find(&a.by_month, key(m)), find(&b.by_month, key(e))],
                )
            })
            .collect();
        let per_month = frame.counts(
            Counts {
                id: "requests-per-month",
                title: "Hulpvragen per maand",
                heading: "Maand",
                additive: true,
                note: "De tweede kolom is dezelfde maand een jaar eerder.",
            },
            months,
        );
        charts.push(frame.chart(
            &per_month,
            ChartKind::Line,
            "Lijndiagram: het aantal nieuwe hulpvragen per maand, deze periode en een jaar eerder.",
        ));
        tables.push(per_month);
    }

    let mut kernen = merge(&a.by_kern, &b.by_kern);
    kernen.sort_by(|x, y| (x.0.is_empty(), &x.0).cmp(&(y.0.is_empty(), &y.0)));
    tables.push(
        frame.counts(
            Counts {
                id: "requests-by-kern",
                title: "Hulpvragen per kern",
                heading: "Kern",
                additive: true,
                note: "",
            },
            kernen
                .into_iter()
                .map(|(k, n)| (if k.is_empty() { "Onbekend".into() } else { k }, n))
                .collect(),
        ),
    );

    tables.push(
        frame.counts(
            Counts {
                id: "requests-by-channel",
                title: "Hoe kwam de hulpvraag binnen?",
                heading: "Kanaal",
                additive: true,
                note: "",
            },
            Channel::ALL
                .iter()
                .map(|c| {
                    let n =
                        |x: &Numbers| x.by_channel.iter().find(|e| e.0 == *c).map_or(0, |e| e.1);
                    (channel_label(*c).to_owned(), [n(&a), n(&b)])
                })
                .collect(),
        ),
    );

    let mut reasons = merge(&a.closed, &b.closed);
    reasons.sort_by(|x, y| x.0.cmp(&y.0));
    tables.push(frame.counts(
        Counts {
            id: "requests-close-reasons",
            title: "Hoe zijn de hulpvragen afgesloten?",
            heading: "Reden",
            additive: true,
            note: "",
        },
        reasons,
    ));

    let med = |days: &Vec<i64>| {
        let n = count(days.len() as i64);
        match median(days.clone()) {
            Some(v) => amount(v, Unit::Days, n, t),
            None => Cell::Empty,
        }
    };
    tables.push(frame.cells(
        Counts {
            id: "requests-waiting",
            title: "Hoe snel?",
            heading: "Dagen (mediaan)",
            additive: false,
            note: "De mediaan: de helft van de hulpvragen ging sneller, de helft langzamer. \
                   Eerste contact: de eerste notitie of stap in het contactlog. \
                   Koppeling: de eerste vrijwilliger die ja zei.",
        },
        vec![
            (
                "Dagen tot het eerste contact".into(),
                [med(&a.first_contact), med(&b.first_contact)],
            ),
            (
                "Dagen tot een koppeling".into(),
                [med(&a.first_match), med(&b.first_match)],
            ),
        ],
    ));

    let requests = Section {
        id: "requests".into(),
        title: "Hulpvragen".into(),
        tables,
        charts,
    };

    let scope = |x: &Numbers, s: Scope| x.by_scope.iter().find(|e| e.0 == s).map_or(0, |e| e.1);
    let collective = Section {
        id: "collective".into(),
        title: "Collectieve acties".into(),
        tables: vec![frame.counts(
            Counts {
                id: "collective-actions",
                title: "Hulpvragen voor een straat of het hele dorp",
                heading: "Voor wie",
                additive: true,
                note: "Vragen die niet één bewoner gelden maar een straat of het dorp.",
            },
            vec![
                (
                    "Voor een straat".into(),
                    [scope(&a, Scope::Street), scope(&b, Scope::Street)],
                ),
                (
                    "Voor het hele dorp".into(),
                    [scope(&a, Scope::Village), scope(&b, Scope::Village)],
                ),
            ],
        )],
        charts: Vec::new(),
    };
    Ok((requests, collective))
}
