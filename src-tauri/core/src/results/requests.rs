//! Help requests in a period: in and closed, per life area, kern and
//! channel, how they ended, the time to a first contact and to a match, and
//! the collective actions (requests for a street or the whole village).

use super::build::{median, Counts, Frame};
use super::months::Piece;
use super::parts::add;
use super::suppress::amount;
use super::{Cell, Period, Section, Unit};
use crate::chart::ChartKind;
use crate::requests::{Channel, Scope};
use crate::vocab::{LifeArea, TextEnum};

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
    first_contact: Vec<(i64, u32)>,
    first_match: Vec<(i64, u32)>,
}

/// The numbers of a period: the sum of its pieces.
fn numbers(pieces: &[Piece]) -> Numbers {
    let mut out = Numbers::default();
    for p in pieces {
        let r = &p.part.requests;
        out.received += r.received;
        for (sum, n) in out.by_area.iter_mut().zip(r.by_area) {
            *sum += n;
        }
        for (k, n) in &r.by_kern {
            add(&mut out.by_kern, k.clone(), *n);
        }
        for (k, n) in &r.by_channel {
            add(&mut out.by_channel, *k, *n);
        }
        for (k, n) in &r.by_scope {
            add(&mut out.by_scope, *k, *n);
        }
        add(
            &mut out.by_month,
            p.month.format("%Y-%m").to_string(),
            r.received,
        );
        for (k, n) in &r.closed {
            add(&mut out.closed, k.clone(), *n);
        }
        for (k, n) in &r.first_contact {
            add(&mut out.first_contact, *k, *n);
        }
        for (k, n) in &r.first_match {
            add(&mut out.first_match, *k, *n);
        }
    }
    out
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
    frame: &Frame,
    (now, now_pieces): (Period, &[Piece]),
    (earlier, earlier_pieces): (Period, &[Piece]),
) -> (Section, Section) {
    let a = numbers(now_pieces);
    let b = numbers(earlier_pieces);
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

    let med = |days: &Vec<(i64, u32)>| {
        let n = days.iter().map(|d| d.1).sum();
        match median(days) {
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
    (requests, collective)
}
