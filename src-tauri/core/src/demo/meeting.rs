//! What the demo needs for meeting mode: two years of history (so the
//! results have something to compare with) and a few cases on the
//! agenda of the case discussion, one of them not yet anonymous.

use chrono::{Days, NaiveDate};

use super::volunteers::{at, Crew};
use super::ASKS;
use crate::agenda::{self, AgeBand, AgendaInput};
use crate::requests::{self, Channel, CloseInput, CloseKind, RequestInput, Scope, Urgency};
use crate::store::time::iso;
use crate::vocab::LifeArea;
use crate::{Db, Result};

/// Two years of history before the last three months, all closed by now,
/// most with a volunteer's hours: the same three months a year ago (many,
/// so a quarter compares), and a quieter rest of both years.
pub(super) fn history(db: &mut Db, crew: &Crew, residents: &[i64], today: NaiveDate) -> Result<()> {
    closed_requests(db, crew, residents, today, (48, 365, 92))?;
    closed_requests(db, crew, residents, today, (30, 457, 273))?;
    closed_requests(db, crew, residents, today, (30, 92, 273))
}

/// `n` closed requests received from `back` days ago to `span` days before that.
fn closed_requests(
    db: &mut Db,
    crew: &Crew,
    residents: &[i64],
    today: NaiveDate,
    (n, back, span): (usize, u64, u64),
) -> Result<()> {
    let kinds = [
        CloseKind::NeedMet,
        CloseKind::NeedMet,
        CloseKind::Referred,
        CloseKind::NoLongerNeeded,
        CloseKind::NeedMet,
        CloseKind::NoCapacity,
    ];
    for k in 0..n {
        let a = &ASKS[(k * 7) % ASKS.len()];
        let received = today - Days::new(back + (k as u64 * 11) % span);
        let village = k % 16 == 5;
        let req = requests::create(
            db,
            RequestInput {
                resident_id: Some(residents[(k * 5 + 2) % residents.len()]),
                received_on: iso(received),
                channel: Channel::ALL[(k * 3) % Channel::ALL.len()],
                ask: a.ask.into(),
                underlying_need: a.need.into(),
                life_areas: a.areas.to_vec(),
                own_strength: a.own.into(),
                urgency: Urgency::Normal,
                scope: if village {
                    Scope::Village
                } else {
                    Scope::Individual
                },
                scope_note: if village {
                    "Het hele dorp".into()
                } else {
                    String::new()
                },
                ..Default::default()
            },
            at(received, 10),
        )?;
        let called = received + Days::new(k as u64 % 4);
        requests::add_note(db, req.id, &iso(called), "Teruggebeld.", at(called, 12))?;
        if k % 3 != 2 {
            crew.link(db, req.id, (k * 7) % ASKS.len(), k, received, today, true)?;
        }
        // A finished match may have closed the request already.
        if requests::get(db.conn(), req.id)?.status.is_closed() {
            continue;
        }
        let closed = received + Days::new(6 + k as u64 % 9);
        requests::close(
            db,
            req.id,
            &CloseInput {
                kind: kinds[k % kinds.len()],
                note: String::new(),
                outcome: String::new(),
            },
            at(closed, 15),
        )?;
    }
    Ok(())
}

/// Three cases on the agenda; the last one still names a resident.
pub(super) fn agenda(db: &mut Db, requests: &[i64], surname: &str, today: NaiveDate) -> Result<()> {
    let now = at(today, 9);
    let items = [
        AgendaInput {
            description: "Een oudere vrouw komt sinds het overlijden van haar man weinig buiten. \
                          Ze durft niet alleen met de bus naar het ziekenhuis."
                .into(),
            question: "Hoe helpen we haar weer zelf op weg, zonder dat het vervoer blijft hangen \
                       bij één vrijwilliger?"
                .into(),
            tried: "Twee keer gereden door een vrijwilliger. De dochter rijdt één keer per maand."
                .into(),
            life_area: Some(LifeArea::Transport),
            kern: "Veenhoeve".into(),
            age_band: Some(AgeBand::From75To84),
        },
        AgendaInput {
            description: "Een man laat brieven ongeopend liggen. Mogelijk zijn er geldzorgen."
                .into(),
            question: "Wanneer verwijzen we door naar de schuldhulp, en hoe bespreken we dat met hem?"
                .into(),
            tried: "Samen één brief van de belasting gelezen.".into(),
            life_area: Some(LifeArea::MoneyAndAdmin),
            kern: "Lindeloo".into(),
            age_band: Some(AgeBand::From65To74),
        },
        AgendaInput {
            description: format!(
                "Mevrouw {surname} vraagt steeds vaker om boodschappen. Haar buren maken zich zorgen."
            ),
            question: "Is dit nog vrijwilligerswerk?".into(),
            tried: String::new(),
            life_area: Some(LifeArea::Household),
            kern: "Heidebroek".into(),
            age_band: Some(AgeBand::From85),
        },
    ];
    for (i, item) in items.iter().enumerate() {
        agenda::create(db, requests[i % requests.len()], item, now)?;
    }
    Ok(())
}
