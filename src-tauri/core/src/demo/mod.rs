//! The demo village "Lindeloo": fictional residents, volunteers and help
//! requests, the same every time for the same day, so a first look is not empty.

mod followup;
mod meeting;
mod signals;
mod social_map;
mod volunteers;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::requests::{self, Channel, RequestInput, Scope, Status, Urgency};
use crate::store::time::iso;

use crate::residents::{self, ContactPreference, NetworkMember, NetworkRole, ResidentInput};
use crate::vocab::LifeArea;
use crate::{Db, Result};

const FIRST: &[&str] = &[
    "Anneke", "Bram", "Cor", "Dirkje", "Evert", "Fenna", "Gerrit", "Hennie", "Ilse", "Jannes",
    "Klaasje", "Lammert", "Marijke", "Nelis", "Okke", "Petra", "Roelof", "Sjoukje", "Teun",
    "Wietske", "Zoë", "Hendrika", "Jelle", "Aaltje",
];
const LAST: &[&str] = &[
    "Brinkhuis",
    "de Vries",
    "Kampinga",
    "Oosterveld",
    "van der Molen",
    "Geërtsema",
    "Lubbers",
    "Stegeman",
    "Wolters",
    "ter Horst",
    "Mulderink",
    "Veenstra",
    "Hofsteenge",
    "Knol",
    "Smidt",
    "Zandvoort",
];
const STREETS: &[(&str, &str, &str)] = &[
    ("Lindeloo", "Brink", "7991 LA"),
    ("Lindeloo", "Kerkpad", "7991 LB"),
    ("Lindeloo", "Molenweg", "7991 LC"),
    ("Veenhoeve", "Turfstraat", "7992 VA"),
    ("Veenhoeve", "Wijkdijk", "7992 VB"),
    ("Heidebroek", "Schaapsdrift", "7993 HA"),
    ("Heidebroek", "Esweg", "7993 HB"),
];

struct Ask {
    ask: &'static str,
    need: &'static str,
    areas: &'static [LifeArea],
    own: &'static str,
}

const ASKS: &[Ask] = &[
    Ask {
        ask:
            "Kan iemand mij naar het ziekenhuis in de stad brengen? Ik heb donderdag een afspraak.",
        need:
            "Sinds haar man overleden is, komt ze weinig buiten en durft ze niet alleen met de bus.",
        areas: &[LifeArea::Transport, LifeArea::SocialContact],
        own: "Dochter woont ver weg, kan één keer per maand rijden.",
    },
    Ask {
        ask: "Mijn heg is te hoog geworden, ik kan er niet meer bij.",
        need: "Na de heupoperatie gaat tuinwerk niet meer. Hij schaamt zich om hulp te vragen.",
        areas: &[LifeArea::GardenAndOddJobs],
        own: "Buurjongen wil wel helpen met afvoeren.",
    },
    Ask {
        ask: "Ik snap de brief van de belasting niet.",
        need: "Er liggen meer ongeopende brieven. Mogelijk geldzorgen.",
        areas: &[LifeArea::MoneyAndAdmin],
        own: "Zoon helpt soms met de computer.",
    },
    Ask {
        ask: "Wie wil af en toe een kopje koffie komen drinken?",
        need: "Eenzaam sinds de verhuizing van haar vriendin.",
        areas: &[LifeArea::SocialContact],
        own: "Gaat op zondag naar de kerk.",
    },
    Ask {
        ask: "De lamp in de gang is kapot en ik kan niet op een trap.",
        need: "Evenwichtsproblemen; valrisico.",
        areas: &[LifeArea::GardenAndOddJobs, LifeArea::Health],
        own: "",
    },
    Ask {
        ask: "Kan iemand boodschappen voor mij doen deze week?",
        need: "Tijdelijk niet mobiel na een val. Mantelzorger is overbelast.",
        areas: &[LifeArea::Household, LifeArea::Health],
        own: "Buurvrouw doet al de apotheek.",
    },
    Ask {
        ask: "Ik wil graag leren videobellen met mijn kleinkinderen.",
        need: "Wil meer contact met familie in het buitenland.",
        areas: &[LifeArea::SocialContact],
        own: "Heeft een tablet van haar zoon gekregen.",
    },
    Ask {
        ask: "Mijn kraan lekt al weken.",
        need: "Huurwoning; verhuurder reageert niet. Weet niet wat haar rechten zijn.",
        areas: &[LifeArea::Housing],
        own: "",
    },
    Ask {
        ask: "Zou iemand met de hond kunnen wandelen?",
        need: "Door longklachten komt hij niet meer ver. De hond is zijn grote steun.",
        areas: &[LifeArea::Health, LifeArea::Other],
        own: "Neef komt in het weekend.",
    },
    Ask {
        ask: "Kunnen we met de straat de bladeren opruimen?",
        need: "Ouderen in de straat glijden uit op de stoep.",
        areas: &[LifeArea::GardenAndOddJobs, LifeArea::Housing],
        own: "Drie buren doen mee.",
    },
];

/// `n`-th pseudo-random number of a small fixed sequence (deterministic).
fn pick(seed: &mut u64, n: usize) -> usize {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    ((*seed >> 33) as usize) % n
}

/// Fill an empty database with the demo village, as of `today`.
pub fn seed(db: &mut Db, today: NaiveDate) -> Result<()> {
    // Demo data is fictional and rebuilt on demand: skip the per-commit fsync while seeding.
    db.conn().execute_batch("PRAGMA synchronous = OFF")?;
    let result = fill(db, today);
    db.conn().execute_batch("PRAGMA synchronous = FULL")?;
    result
}

fn fill(db: &mut Db, today: NaiveDate) -> Result<()> {
    let now = NaiveDateTime::new(today, NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default());
    // The demo's contact person, chosen at this computer: the demo opens
    // without "Wie bent u?" and its log names her.
    let hennie = crate::contact_persons::create(
        db,
        &crate::contact_persons::ContactPersonInput {
            name: "Hennie Brinkhuis".into(),
            phone: "0599-720 150".into(),
            email: String::new(),
            active: true,
        },
    )?;
    crate::audit::actor::choose(db, hennie.id)?;
    // The help point's own name and numbers: the handover names them.
    let mut point = crate::settings::get(db.conn())?;
    point.help_point_name = "Dorpspunt Lindeloo".into();
    point.help_point_phone = "0599-720 180".into();
    point.help_point_email = "dorpspunt@lindeloo.example".into();
    crate::settings::update(db, &point)?;
    crate::settings::set_kernen(
        db,
        &["Lindeloo".into(), "Veenhoeve".into(), "Heidebroek".into()],
    )?;
    social_map::fill(db, today)?;
    let mut seed = 20_261_122u64;
    let mut ids = Vec::new();
    for i in 0..40 {
        let (kern, street, postcode) = STREETS[i % STREETS.len()];
        let first = FIRST[i % FIRST.len()];
        let last = LAST[(i * 7 + i / FIRST.len()) % LAST.len()];
        let mut network = Vec::new();
        if i % 3 == 0 {
            network.push(NetworkMember {
                role: NetworkRole::InformalCarer,
                name: format!("{} {last}", FIRST[(i + 5) % FIRST.len()]),
                phone: format!("06-{:08}", 20_000_000 + i * 7919),
                email: String::new(),
                note: "Komt twee keer per week".into(),
            });
        }
        if i % 4 == 1 {
            network.push(NetworkMember {
                role: NetworkRole::Neighbour,
                name: format!(
                    "{} {}",
                    FIRST[(i + 9) % FIRST.len()],
                    LAST[(i + 3) % LAST.len()]
                ),
                phone: String::new(),
                email: String::new(),
                note: String::new(),
            });
        }
        let input = ResidentInput {
            first_name: first.into(),
            last_name: last.into(),
            street: street.into(),
            house_number: (1 + (i * 3) % 48).to_string(),
            postcode: postcode.into(),
            kern: kern.into(),
            phone: format!("0599-{:06}", 100_000 + i * 3_571),
            email: if i % 5 == 0 {
                format!(
                    "{}.demo@voorbeeld.nl",
                    first.to_lowercase().replace('ë', "e")
                )
            } else {
                String::new()
            },
            contact_preference: Some(if i % 5 == 0 {
                ContactPreference::Email
            } else {
                ContactPreference::Phone
            }),
            contact_time: if i % 2 == 0 {
                "ochtend".into()
            } else {
                "na 14.00 uur".into()
            },
            birth_date: format!(
                "{}-{:02}-{:02}",
                1930 + (i * 13) % 60,
                1 + i % 12,
                1 + (i * 5) % 28
            ),
            notes: String::new(),
            proxy_name: if i % 9 == 4 {
                format!("{} {last}", FIRST[(i + 2) % FIRST.len()])
            } else {
                String::new()
            },
            proxy_relation: if i % 9 == 4 {
                "dochter".into()
            } else {
                String::new()
            },
            network,
            ..Default::default()
        };
        ids.push(residents::create(db, input, true, now)?.id);
    }
    // Two residents who ask for help also offer it: one person, two roles.
    let crew = volunteers::enlist(db, today, &[ids[3], ids[10]])?;
    let statuses = [
        Status::New,
        Status::New,
        Status::InProgress,
        Status::InProgress,
        Status::Matched,
        Status::Matched,
        Status::Done,
        Status::Referred,
        Status::Lapsed,
        Status::InProgress,
    ];
    let mut request_ids = Vec::new();
    for j in 0..60 {
        let a = &ASKS[j % ASKS.len()];
        let resident_id = ids[pick(&mut seed, ids.len())];
        let age = (j * 5 % 90) as u64;
        let received = today - Days::new(age);
        let urgency = match j % 7 {
            0 => Urgency::High,
            3 => Urgency::Low,
            _ => Urgency::Normal,
        };
        let due_on = match j % 4 {
            0 => iso(received + Days::new(7)),
            1 => iso(today + Days::new(j as u64 % 10)),
            _ => String::new(),
        };
        let channel = Channel::ALL[j % Channel::ALL.len()];
        let collective = j % ASKS.len() == 9;
        let req = requests::create(
            db,
            RequestInput {
                resident_id: Some(resident_id),
                received_on: iso(received),
                channel,
                ask: a.ask.into(),
                underlying_need: a.need.into(),
                life_areas: a.areas.to_vec(),
                own_strength: a.own.into(),
                tried: if j % 3 == 0 {
                    "Zelf gebeld met de gemeente, geen antwoord gekregen.".into()
                } else {
                    String::new()
                },
                urgency,
                due_on,
                scope: if collective {
                    Scope::Street
                } else {
                    Scope::Individual
                },
                scope_note: if collective {
                    "Kerkpad".into()
                } else {
                    String::new()
                },
                skills: volunteers::skill_ids(db, volunteers::ASK_SKILLS[j % ASKS.len()])?,
                wanted_slots: if j % 3 == 1 {
                    0b000_001_001_001_001_001
                } else {
                    0
                },
                volunteers_needed: if collective { 2 } else { 1 },
                estimated_hours: if j % 4 == 2 {
                    "2".into()
                } else {
                    String::new()
                },
                ..Default::default()
            },
            now,
        )?;
        request_ids.push(req.id);
        if j % 2 == 0 {
            requests::add_note(
                db,
                req.id,
                &iso(received),
                "Teruggebeld en de vraag doorgesproken.",
                now,
            )?;
        }
        // Shift the statuses every ten requests, so every kind of ask gets every status.
        let target = statuses[(j + j / 10) % statuses.len()];
        let ask = j % ASKS.len();
        let path: &[Status] = match target {
            Status::New => &[],
            Status::InProgress => &[Status::InProgress],
            Status::Matched => {
                requests::change_status(db, req.id, Status::InProgress, "", now)?;
                if crew.link(db, req.id, ask, j / 10, received, today, false)? {
                    &[]
                } else {
                    &[Status::Matched]
                }
            }
            Status::Done if j % 20 == 6 => {
                requests::change_status(db, req.id, Status::InProgress, "", now)?;
                if crew.link(db, req.id, ask, j / 10, received, today, true)? {
                    &[]
                } else {
                    &[Status::Done]
                }
            }
            closed => &[Status::InProgress, closed],
        };
        for step in path {
            let reason = match step {
                Status::Done => "Vraag is opgelost.",
                Status::Referred => "Doorverwezen naar het Wmo-loket.",
                Status::Lapsed => "Niet meer nodig.",
                _ => "",
            };
            requests::change_status(db, req.id, *step, reason, now)?;
        }
    }
    meeting::history(db, &crew, &ids, today)?;
    crew.settle(db, today)?;
    followup::fill(db, today)?;
    let helpers: Vec<i64> = {
        let mut stmt = db.conn().prepare(
            "SELECT resident_id FROM volunteers WHERE status = 'active' ORDER BY resident_id",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    signals::fill(db, today, &ids, &helpers)?;
    meeting::agenda(db, &request_ids, LAST[0], today)?;
    Ok(())
}
