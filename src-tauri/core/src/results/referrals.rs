//! Referrals in a period: per kind of organisation, and the Wmo-loket's
//! answers against its six-week deadline.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::build::{count, Counts, Frame};
use super::{Period, Section};
use crate::professional::ProfessionalFlag;
use crate::referrals::wmo_deadline;
use crate::store::time::{iso, stored_date};
use crate::vocab::Mask;
use crate::Result;

const KINDS: [&str; 7] = [
    "Wmo-loket",
    "Zorg en verzorging",
    "Schulden en geld",
    "Crisishulp",
    "Huiselijk geweld",
    "Huisarts of medisch",
    "Andere organisatie",
];

fn kind(wmo: bool, flags: i64) -> usize {
    if wmo {
        return 0;
    }
    match ProfessionalFlag::from_mask(flags).first() {
        Some(ProfessionalFlag::PersonalCare) => 1,
        Some(ProfessionalFlag::Debts) => 2,
        Some(ProfessionalFlag::Crisis) => 3,
        Some(ProfessionalFlag::DomesticViolence) => 4,
        Some(ProfessionalFlag::Medical) => 5,
        None => 6,
    }
}

#[derive(Default)]
struct Numbers {
    by_kind: [u32; 7],
    /// Meldingen, answered in time, answered late, waiting past the
    /// deadline, waiting within it.
    wmo: [u32; 5],
}

fn numbers(conn: &Connection, p: Period, today: NaiveDate) -> Result<Numbers> {
    let (from, to) = (iso(p.from), iso(p.to));
    let mut out = Numbers::default();
    let mut stmt = conn.prepare_cached(
        "SELECT f.wmo_desk, coalesce(s.flag_mask, 0), count(*)
           FROM referrals f LEFT JOIN services s ON s.id = f.service_id
          WHERE f.sent_on BETWEEN ?1 AND ?2
          GROUP BY 1, 2",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        out.by_kind[kind(r.get(0)?, r.get(1)?)] += count(r.get(2)?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT melding_on, answered_on FROM referrals
          WHERE wmo_desk AND melding_on BETWEEN ?1 AND ?2",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let melding: String = r.get(0)?;
        let answered: Option<String> = r.get(1)?;
        let Some(melding) = stored_date(&melding) else {
            return Err(crate::Error::Migration(format!("melding_on {melding:?}")));
        };
        let deadline = wmo_deadline(melding);
        let answered = match answered {
            Some(a) => Some(
                stored_date(&a)
                    .ok_or_else(|| crate::Error::Migration(format!("answered_on {a:?}")))?,
            ),
            None => None,
        };
        out.wmo[0] += 1;
        let slot = match answered {
            Some(a) if a <= deadline => 1,
            Some(_) => 2,
            None if today > deadline => 3,
            None => 4,
        };
        out.wmo[slot] += 1;
    }
    Ok(out)
}

pub(crate) fn section(
    conn: &Connection,
    frame: &Frame,
    now: Period,
    earlier: Period,
    today: NaiveDate,
) -> Result<Section> {
    let a = numbers(conn, now, today)?;
    let b = numbers(conn, earlier, today)?;
    let by_kind = frame.counts(
        Counts {
            id: "referrals-by-kind",
            title: "Doorverwijzingen per soort organisatie",
            heading: "Soort organisatie",
            additive: true,
            note: "Verstuurd in deze periode. De soort volgt uit de sociale kaart.",
        },
        KINDS
            .iter()
            .enumerate()
            .map(|(i, k)| ((*k).to_owned(), [a.by_kind[i], b.by_kind[i]]))
            .collect(),
    );
    let wmo = frame.counts(
        Counts {
            id: "referrals-wmo",
            title: "Meldingen bij het Wmo-loket",
            heading: "Antwoord",
            additive: true,
            note: "De gemeente moet binnen 6 weken na de melding klaar zijn met het onderzoek.",
        },
        vec![
            ("Antwoord binnen 6 weken".into(), [a.wmo[1], b.wmo[1]]),
            ("Antwoord na de 6 weken".into(), [a.wmo[2], b.wmo[2]]),
            (
                "Nog geen antwoord, 6 weken voorbij".into(),
                [a.wmo[3], b.wmo[3]],
            ),
            (
                "Nog geen antwoord, binnen 6 weken".into(),
                [a.wmo[4], b.wmo[4]],
            ),
        ],
    );
    Ok(Section {
        id: "referrals".into(),
        title: "Doorverwijzingen".into(),
        tables: vec![by_kind, wmo],
        charts: Vec::new(),
    })
}
