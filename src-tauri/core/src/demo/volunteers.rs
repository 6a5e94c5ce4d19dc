//! The demo village's volunteers: about twenty fictional people with varied
//! skills, limits and loads — some near their limit, one over it, one paused,
//! one with an expired VOG, one on holiday, one heavy carer — and their matches.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::hours::{self, HourInput};
use crate::matches::{self, MatchInput, MatchStatus};
use crate::residents::{self, ResidentInput};
use crate::skills;
use crate::store::time::iso;
use crate::vocab::slot_bit;
use crate::volunteers::{
    self, AbsenceInput, AbsenceKind, CheckinInput, Mobility, VolunteerInput, VolunteerStatus,
};
use crate::{Db, Error, Result};

struct Spec {
    first: &'static str,
    last: &'static str,
    kern: &'static str,
    street: (&'static str, &'static str),
    skills: &'static [&'static str],
    refused: &'static [&'static str],
    mobility: &'static [Mobility],
    limit_hours: &'static str,
    limit_matches: &'static str,
    carer_hours: &'static str,
    /// Days ago the VOG was issued, if they have one.
    vog_days_ago: Option<u64>,
    /// Days ago they signed up.
    since_days: u64,
    /// Weekday parts they are free: (first day, last day, part).
    free: (u32, u32, u32),
    kernen: &'static [&'static str],
    tags: &'static [&'static str],
}

const AUTO: &str = "Autorijden (vervoer)";
const BOODSCHAPPEN: &str = "Boodschappen doen";
const KLUSSEN: &str = "Klussen in huis";
const TUIN: &str = "Tuinieren";
const BEZOEK: &str = "Bezoek en gezelschap";
const ADMIN: &str = "Administratie en formulieren";
const COMPUTER: &str = "Computer en telefoon";
const HUISHOUDEN: &str = "Huishoudelijke hulp";
const HOND: &str = "Wandelen met de hond";
const AFSPRAKEN: &str = "Meegaan naar afspraken";

const fn spec(
    first: &'static str,
    last: &'static str,
    kern: &'static str,
    street: (&'static str, &'static str),
) -> Spec {
    Spec {
        first,
        last,
        kern,
        street,
        skills: &[],
        refused: &[],
        mobility: &[],
        limit_hours: "",
        limit_matches: "",
        carer_hours: "",
        vog_days_ago: None,
        since_days: 400,
        free: (0, 4, 0),
        kernen: &[],
        tags: &[],
    }
}

const LIN: (&str, &str) = ("Brink", "7991 LA");
const LIN2: (&str, &str) = ("Molenweg", "7991 LC");
const VEEN: (&str, &str) = ("Turfstraat", "7992 VA");
const HEI: (&str, &str) = ("Esweg", "7993 HB");

/// Keys into [`CREW`], for the volunteers the demo gives a particular story.
const EVERT: usize = 0;
const HARM: usize = 2;
const JAN: usize = 4;
const ALBERT: usize = 6;
const DERK: usize = 8;
const AAFKE: usize = 9;
const WUBBO: usize = 14;
const GRIETJE: usize = 13;
const JANNY: usize = 17;

const CREW: [Spec; 18] = [
    Spec {
        skills: &[KLUSSEN, TUIN],
        mobility: &[Mobility::Car, Mobility::Bike],
        kernen: &["Veenhoeve"],
        tags: &["heeft een aanhanger"],
        free: (0, 5, 0),
        ..spec("Evert", "Brinkhuis", "Lindeloo", LIN)
    },
    Spec {
        skills: &[BEZOEK, AFSPRAKEN],
        mobility: &[Mobility::Bike],
        vog_days_ago: Some(300),
        free: (0, 4, 1),
        ..spec("Geesje", "Lanting", "Lindeloo", LIN2)
    },
    Spec {
        skills: &[AUTO, BOODSCHAPPEN],
        mobility: &[Mobility::Car],
        kernen: &["Lindeloo", "Heidebroek"],
        free: (0, 4, 0),
        ..spec("Harm", "Dijkhuis", "Veenhoeve", VEEN)
    },
    Spec {
        skills: &[ADMIN],
        mobility: &[Mobility::OnFoot],
        limit_hours: "2",
        vog_days_ago: Some(500),
        free: (1, 3, 2),
        ..spec("Roelie", "Bosma", "Veenhoeve", VEEN)
    },
    Spec {
        skills: &[AUTO, AFSPRAKEN],
        mobility: &[Mobility::Car],
        limit_hours: "14",
        carer_hours: "10",
        vog_days_ago: Some(200),
        tags: &["zorgt voor zijn moeder"],
        ..spec("Jan", "Kamphuis", "Heidebroek", HEI)
    },
    Spec {
        skills: &[COMPUTER],
        mobility: &[Mobility::OnFoot],
        free: (2, 6, 1),
        ..spec("Trijntje", "Zuidema", "Heidebroek", HEI)
    },
    Spec {
        skills: &[KLUSSEN, HOND],
        mobility: &[Mobility::Bike],
        ..spec("Albert", "Hoving", "Lindeloo", LIN2)
    },
    Spec {
        skills: &[BEZOEK],
        mobility: &[Mobility::OnFoot],
        vog_days_ago: Some(1600),
        tags: &["spreekt Fries"],
        ..spec("Marchien", "Westra", "Lindeloo", LIN)
    },
    Spec {
        skills: &[TUIN, KLUSSEN],
        mobility: &[Mobility::Car],
        free: (0, 6, 1),
        ..spec("Derk", "Scholten", "Veenhoeve", VEEN)
    },
    Spec {
        skills: &[BOODSCHAPPEN, HUISHOUDEN],
        mobility: &[Mobility::Bike],
        vog_days_ago: Some(700),
        ..spec("Aafke", "Nijboer", "Heidebroek", HEI)
    },
    Spec {
        skills: &[COMPUTER, ADMIN],
        mobility: &[Mobility::Bike],
        vog_days_ago: Some(1065),
        since_days: 1100,
        free: (3, 5, 2),
        ..spec("Luuk", "Oldenhof", "Lindeloo", LIN2)
    },
    Spec {
        skills: &[HOND, BEZOEK],
        refused: &[KLUSSEN],
        mobility: &[Mobility::OnFoot],
        vog_days_ago: Some(100),
        ..spec("Femmy", "Tiemens", "Veenhoeve", VEEN)
    },
    Spec {
        skills: &[AUTO],
        mobility: &[Mobility::Car],
        limit_matches: "1",
        free: (0, 4, 1),
        ..spec("Koos", "Hummel", "Lindeloo", LIN)
    },
    Spec {
        skills: &[HUISHOUDEN, BOODSCHAPPEN],
        mobility: &[Mobility::Bike],
        since_days: 10,
        ..spec("Grietje", "Veldman", "Heidebroek", HEI)
    },
    Spec {
        skills: &[KLUSSEN],
        mobility: &[Mobility::Car],
        since_days: 900,
        ..spec("Wubbo", "Elzinga", "Veenhoeve", VEEN)
    },
    Spec {
        skills: &[AFSPRAKEN, AUTO],
        mobility: &[Mobility::Car],
        vog_days_ago: Some(420),
        since_days: 20,
        ..spec("Hilde", "Santing", "Lindeloo", LIN)
    },
    Spec {
        skills: &[TUIN],
        mobility: &[Mobility::Bike],
        kernen: &["Lindeloo"],
        since_days: 700,
        ..spec("Berend", "Kruizinga", "Heidebroek", HEI)
    },
    Spec {
        skills: &[BEZOEK, COMPUTER],
        mobility: &[Mobility::OnFoot],
        vog_days_ago: Some(250),
        ..spec("Janny", "Wolthuis", "Veenhoeve", VEEN)
    },
];

/// Who the demo asks first for each kind of ask (index into the demo's ASKS).
const ASK_CREW: [&[usize]; 10] = [
    &[2, 15, 12, 4],
    &[8, 0, 16],
    &[3, 10],
    &[1, 17, 11],
    &[0, 8],
    &[2, 9],
    &[5, 10],
    &[0, 6],
    &[11, 6],
    &[0, 8, 16],
];

/// The skills each kind of ask needs (names, index as in the demo's ASKS).
pub(super) const ASK_SKILLS: [&[&str]; 10] = [
    &[AUTO],
    &[TUIN],
    &[ADMIN],
    &[BEZOEK],
    &[KLUSSEN],
    &[BOODSCHAPPEN],
    &[COMPUTER],
    &[KLUSSEN],
    &[HOND],
    &[TUIN],
];

/// The demo's volunteers by position in [`CREW`], then two residents who also volunteer.
pub(super) struct Crew {
    ids: Vec<i64>,
}

pub(super) fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
    NaiveDateTime::new(
        day,
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN),
    )
}

pub(super) fn skill_ids(db: &Db, names: &[&str]) -> Result<Vec<i64>> {
    let all = skills::list(db.conn())?;
    names
        .iter()
        .map(|n| {
            all.iter()
                .find(|s| s.name == *n)
                .map(|s| s.id)
                .ok_or_else(|| Error::Migration(format!("demo skill {n:?} missing")))
        })
        .collect()
}

fn grid((from, to, part): (u32, u32, u32)) -> u32 {
    (from..=to).fold(0, |m, d| m | slot_bit(d, part))
}

/// Create the volunteers, as of `today`. `also` are residents who volunteer too.
pub(super) fn enlist(db: &mut Db, today: NaiveDate, also: &[i64]) -> Result<Crew> {
    let mut ids = Vec::new();
    for (i, s) in CREW.iter().enumerate() {
        let since = today - Days::new(s.since_days);
        let when = at(since, 10);
        let id = residents::create(
            db,
            ResidentInput {
                first_name: s.first.into(),
                last_name: s.last.into(),
                street: s.street.0.into(),
                house_number: (60 + i * 2).to_string(),
                postcode: s.street.1.into(),
                kern: s.kern.into(),
                phone: format!("06-{:08}", 40_000_000 + i * 104_729),
                ..Default::default()
            },
            true,
            when,
        )?
        .id;
        let input = VolunteerInput {
            skills: skill_ids(db, s.skills)?,
            refused: skill_ids(db, s.refused)?,
            tags: s.tags.iter().map(|t| t.to_string()).collect(),
            availability: grid(s.free),
            mobility: s.mobility.to_vec(),
            kernen: s.kernen.iter().map(|k| k.to_string()).collect(),
            limit_hours: s.limit_hours.into(),
            limit_matches: s.limit_matches.into(),
            is_carer: !s.carer_hours.is_empty(),
            carer_hours: s.carer_hours.into(),
            vog_on: s
                .vog_days_ago
                .map_or(String::new(), |d| iso(today - Days::new(d))),
            consent_on: iso(since),
            notes: String::new(),
        };
        let status = if i == GRIETJE {
            VolunteerStatus::Applied
        } else {
            VolunteerStatus::Active
        };
        // Signed up on `since`; the VOG and consent dates are filled in today.
        let first = VolunteerInput {
            vog_on: String::new(),
            consent_on: String::new(),
            ..input.clone()
        };
        volunteers::create(db, id, first, status, when)?;
        volunteers::update(db, id, input, at(today, 9))?;
        ids.push(id);
    }
    for (n, id) in also.iter().enumerate() {
        let input = VolunteerInput {
            skills: skill_ids(
                db,
                if n == 0 {
                    &[BEZOEK]
                } else {
                    &[HOND, BOODSCHAPPEN]
                },
            )?,
            availability: grid((0, 6, 1)),
            mobility: vec![Mobility::OnFoot],
            vog_on: iso(today - Days::new(90)),
            consent_on: iso(today - Days::new(90)),
            ..Default::default()
        };
        volunteers::create(
            db,
            *id,
            input,
            VolunteerStatus::Active,
            at(today - Days::new(90), 10),
        )?;
        ids.push(*id);
    }
    Ok(Crew { ids })
}

impl Crew {
    /// Link the first suitable volunteer for this kind of ask (starting at
    /// `turn` in its list), as of the day after the request came in. `false`
    /// when nobody could be linked.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn link(
        &self,
        db: &mut Db,
        request_id: i64,
        ask: usize,
        turn: usize,
        received: NaiveDate,
        today: NaiveDate,
        finish: bool,
    ) -> Result<bool> {
        let day = (received + Days::new(1)).min(today);
        let list = ASK_CREW[ask % ASK_CREW.len()];
        for k in 0..list.len() {
            let who = list[(turn + k) % list.len()];
            let made = matches::create(
                db,
                MatchInput {
                    request_id,
                    volunteer_id: self.ids[who],
                    agreement: "Samen een dag en tijd afgesproken.".into(),
                    planned_on: iso((day + Days::new(3)).min(today)),
                    status: Some(MatchStatus::Agreed),
                    ..Default::default()
                },
                at(day, 11),
            );
            let m = match made {
                Ok(m) => m,
                // Not available, at the limit, or linked already: ask the next.
                Err(Error::NotAvailable { .. } | Error::Invalid(_) | Error::AlreadyMatched) => {
                    continue
                }
                Err(e) => return Err(e),
            };
            if finish {
                hours::log(
                    db,
                    &HourInput {
                        match_id: m.id,
                        on_date: iso(day),
                        hours: "1,5".into(),
                        km: "8".into(),
                        note: "Geholpen.".into(),
                    },
                    at(day, 16),
                )?;
                matches::change_status(db, m.id, MatchStatus::Done, "Het is gelukt.", at(day, 17))?;
            }
            return Ok(true);
        }
        Ok(false)
    }

    /// Hours this week and month, statuses, an absence and check-ins.
    pub(super) fn settle(&self, db: &mut Db, today: NaiveDate) -> Result<()> {
        let week = [(EVERT, "2"), (HARM, "3"), (DERK, "4,5"), (JAN, "1")];
        for (who, h) in week {
            self.log_on_open_match(db, who, today - Days::new(2), h, today)?;
        }
        self.log_on_open_match(db, HARM, today - Days::new(20), "5", today)?;
        let id = |k: usize| self.ids[k];
        volunteers::change_status(
            db,
            id(ALBERT),
            VolunteerStatus::Paused,
            &iso(today - Days::new(14)),
            "Herstel na een knieoperatie.",
            at(today, 9),
        )?;
        volunteers::change_status(
            db,
            id(WUBBO),
            VolunteerStatus::Stopped,
            &iso(today - Days::new(60)),
            "Verhuisd naar de stad.",
            at(today, 9),
        )?;
        volunteers::add_absence(
            db,
            id(AAFKE),
            &AbsenceInput {
                from_on: iso(today - Days::new(3)),
                until_on: iso(today + Days::new(10)),
                kind: AbsenceKind::Holiday,
                note: "Naar de Veluwe.".into(),
            },
            at(today, 9),
        )?;
        volunteers::add_checkin(
            db,
            id(JANNY),
            &CheckinInput {
                on_date: iso(today - Days::new(5)),
                how_it_goes: "Het bezoek aan mevrouw valt zwaar; ze is erg somber.".into(),
                dilemma: "Mevrouw vroeg haar niets tegen de familie te zeggen.".into(),
                needs_support: true,
            },
            at(today, 9),
        )?;
        // Everyone else had a talk some weeks ago; a few are due again.
        for (who, spec) in CREW.iter().enumerate() {
            if matches!(who, JANNY | GRIETJE | WUBBO) || spec.since_days < 30 {
                continue;
            }
            let ago = 5 + (who as u64 * 11) % 60;
            volunteers::add_checkin(
                db,
                id(who),
                &CheckinInput {
                    on_date: iso(today - Days::new(ago)),
                    how_it_goes: "Gaat goed, vindt het fijn om te doen.".into(),
                    ..Default::default()
                },
                at(today, 9),
            )?;
        }
        Ok(())
    }

    fn log_on_open_match(
        &self,
        db: &mut Db,
        who: usize,
        on: NaiveDate,
        h: &str,
        today: NaiveDate,
    ) -> Result<()> {
        let open = matches::for_volunteer(db.conn(), self.ids[who], 10)?
            .into_iter()
            .find(|m| m.status.is_open());
        if let Some(m) = open {
            hours::log(
                db,
                &HourInput {
                    match_id: m.id,
                    on_date: iso(on),
                    hours: h.into(),
                    km: "5".into(),
                    note: String::new(),
                },
                at(today, 8),
            )?;
        }
        Ok(())
    }
}
