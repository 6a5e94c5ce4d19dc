//! About 40 fictional signals over the demo's last year, noted by the
//! volunteers or anonymously; one pattern shows on
//! Vandaag (loneliness in the Turfstraat, Veenhoeve).

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::signals::{
    self, NoticerKind, PlaceKind, SignalInput, SignalOutcome, SignalStatus, SignalStep,
};
use crate::store::time::iso;
use crate::{Db, Result};

fn at(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(11, 0, 0).unwrap_or(NaiveTime::MIN))
}

/// (concern id, note) of the older signals, in turn.
const NOTES: &[(i64, &str)] = &[
    (
        1,
        "Komt niet meer naar de koffieochtend sinds zijn vrouw overleed.",
    ),
    (
        2,
        "Vertelde bij de bakker dat de rekeningen zich opstapelen.",
    ),
    (
        3,
        "De tuin is verwilderd en er staan vuilniszakken bij de deur.",
    ),
    (4, "Zorgt elke dag voor haar man; zag er erg moe uit."),
    (
        5,
        "Stond de weg kwijt bij de bushalte, wist niet waar hij woonde.",
    ),
    (7, "Losse stoeptegels: twee ouderen zijn gestruikeld."),
    (1, "Gordijnen blijven de hele dag dicht."),
    (8, "Hond blaft al dagen; niemand doet open."),
];

/// Fill the demo's signals; `people` are resident ids, `volunteers` volunteer ids.
pub(super) fn fill(
    db: &mut Db,
    today: NaiveDate,
    people: &[i64],
    volunteers: &[i64],
) -> Result<()> {
    let now = at(today);
    // Noted by the demo's volunteers or passed on anonymously.
    let noticer = |i: usize| -> (Option<NoticerKind>, Option<i64>) {
        match volunteers.get(i % volunteers.len().max(1)) {
            Some(v) if i % 3 != 2 => (Some(NoticerKind::Volunteer), Some(*v)),
            _ => (Some(NoticerKind::Anonymous), None),
        }
    };
    let places: &[(PlaceKind, &str, &str)] = &[
        (PlaceKind::Street, "Brink", "Lindeloo"),
        (PlaceKind::Street, "Molenweg", "Lindeloo"),
        (PlaceKind::Kern, "", "Heidebroek"),
        (PlaceKind::Street, "Wijkdijk", "Veenhoeve"),
        (PlaceKind::Village, "", ""),
        (PlaceKind::Street, "Esweg", "Heidebroek"),
    ];
    // 34 older signals, from two months to a year ago: most are done with.
    for i in 0..34usize {
        let noticed = today - Days::new(60 + 9 * i as u64);
        let (concern, note) = NOTES[i % NOTES.len()];
        let (kind, vol) = noticer(i);
        let (place_kind, street, kern) = places[i % places.len()];
        let about = (i % 4 == 1 && !people.is_empty()).then(|| people[(i * 7) % people.len()]);
        let s = signals::create(
            db,
            &SignalInput {
                noticed_on: iso(noticed),
                noticer_kind: kind,
                volunteer_id: vol,
                resident_id: about,
                place_kind: Some(place_kind),
                street: street.into(),
                kern: kern.into(),
                concern_id: Some(concern),
                not_right: i % 5 == 3,
                note: note.into(),
                ..Default::default()
            },
            at(noticed),
        )?;
        let done_on = at(noticed + Days::new(14));
        let step = |to, outcome, passed_to: &str| SignalStep {
            to,
            outcome,
            passed_to: passed_to.into(),
        };
        match i % 6 {
            0 => {
                signals::change_status(
                    db,
                    s.id,
                    &step(SignalStatus::Discussed, None, ""),
                    done_on,
                )?;
            }
            1 | 4 => {
                let to = step(
                    SignalStatus::Closed,
                    Some(SignalOutcome::PassedOn),
                    "Huisarts",
                );
                signals::change_status(db, s.id, &to, done_on)?;
            }
            // "Niets nodig" is forgotten after six months: only recent ones.
            2 if noticed + Days::new(150) > today => {
                let to = step(SignalStatus::Closed, Some(SignalOutcome::NothingNeeded), "");
                signals::change_status(db, s.id, &to, done_on)?;
            }
            3 => {
                let to = step(SignalStatus::Closed, Some(SignalOutcome::Collective), "");
                signals::change_status(db, s.id, &to, done_on)?;
            }
            _ => {
                let to = step(SignalStatus::TakenUp, Some(SignalOutcome::HelpRequest), "");
                signals::change_status(db, s.id, &to, done_on)?;
            }
        }
    }
    // The pattern on Vandaag: four times loneliness in the Turfstraat, in six weeks.
    let lonely = [
        (38u64, "Meneer op nummer 12 komt de deur niet meer uit."),
        (25, "Mevrouw zei dat ze al een week niemand had gesproken."),
        (
            12,
            "Twee buren vertelden dat de straat stil is geworden sinds de winkel dichtging.",
        ),
        (3, "Weduwnaar zit elke dag alleen op de bank voor het raam."),
    ];
    for (n, (ago, note)) in lonely.iter().enumerate() {
        let (kind, vol) = noticer(n);
        signals::create(
            db,
            &SignalInput {
                noticed_on: iso(today - Days::new(*ago)),
                noticer_kind: kind,
                volunteer_id: vol,
                place_kind: Some(PlaceKind::Street),
                street: "Turfstraat".into(),
                kern: "Veenhoeve".into(),
                concern_id: Some(1),
                note: (*note).into(),
                ..Default::default()
            },
            now,
        )?;
    }
    // Two new ones this week: worry about safety at home, and "niet pluis".
    for (concern, not_right, note) in [
        (
            6,
            false,
            "Harde ruzie gehoord, en de buurvrouw had een blauwe plek.",
        ),
        (
            8,
            true,
            "Er klopt iets niet: hij zegt dat alles goed gaat, maar eet niet meer.",
        ),
    ] {
        signals::create(
            db,
            &SignalInput {
                noticed_on: iso(today - Days::new(1)),
                noticer_kind: noticer(0).0,
                volunteer_id: noticer(0).1,
                resident_id: people.get(5 + concern as usize).copied(),
                place_kind: Some(PlaceKind::Village),
                concern_id: Some(concern),
                not_right,
                note: note.into(),
                ..Default::default()
            },
            now,
        )?;
    }
    Ok(())
}
