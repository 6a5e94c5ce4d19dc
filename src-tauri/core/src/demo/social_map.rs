//! The demo village's social map: fictional organisations of the fictional
//! gemeente Veenmarke, with made-up 0599 numbers and `.example` addresses.
//! One was last checked fourteen months ago and one never, so the 12-month
//! reminder shows.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::professional::ProfessionalFlag as F;
use crate::social_map::{self, LocationInput, OrganisationInput, ServiceInput};
use crate::vocab::LifeArea as A;
use crate::{Db, Result};

struct Org {
    name: &'static str,
    description: &'static str,
    email: &'static str,
    website: &'static str,
    phone: &'static str,
    /// Days ago it was last checked, and by whom; `None` = never.
    checked: Option<(u64, &'static str)>,
    services: &'static [Svc],
}

struct Svc {
    name: &'static str,
    description: &'static str,
    apply: &'static str,
    who: &'static str,
    cost: &'static str,
    schedule: &'static str,
    area: &'static str,
    languages: &'static str,
    contact: (&'static str, &'static str, &'static str),
    wmo: bool,
    flags: &'static [F],
    areas: &'static [A],
}

const VEENMARKE: &str = "Gemeente Veenmarke (Lindeloo, Veenhoeve, Heidebroek)";

const ORGS: &[Org] = &[
    Org {
        name: "Gemeente Veenmarke",
        description: "De gemeente van Lindeloo, Veenhoeve en Heidebroek.",
        email: "info@veenmarke.example",
        website: "www.veenmarke.example",
        phone: "0599-720 000",
        checked: Some((45, "Gerda Mulder")),
        services: &[Svc {
            name: "Wmo-loket",
            description: "Hulp om thuis te kunnen blijven wonen: huishoudelijke hulp, \
                aanpassingen in huis, vervoer (regiotaxi), dagbesteding en steun voor mantelzorgers.",
            apply: "Bel of kom langs en doe een melding. Binnen 6 weken volgt een gesprek \
                (keukentafelgesprek) en hoort u wat de gemeente kan doen.",
            who: "Inwoners van de gemeente Veenmarke die hulp nodig hebben in en om het huis.",
            cost: "Het gesprek is gratis. Voor sommige voorzieningen betaalt u een eigen bijdrage.",
            schedule: "Maandag tot en met vrijdag 9.00–12.30 uur. 's Middags op afspraak.",
            area: VEENMARKE,
            languages: "Nederlands",
            contact: ("Team Wmo", "0599-720 100", "wmo@veenmarke.example"),
            wmo: true,
            flags: &[F::PersonalCare],
            areas: &[A::Housing, A::Transport, A::SocialContact, A::Household],
        }],
    },
    Org {
        name: "Huisartsenpraktijk De Brink",
        description: "Huisartsenpraktijk in Lindeloo.",
        email: "",
        website: "www.huisartsdebrink.example",
        phone: "0599-721 210",
        checked: Some((120, "Jan Kuiper")),
        services: &[
            Svc {
                name: "Spreekuur huisarts",
                description: "Voor klachten en vragen over uw gezondheid.",
                apply: "Bel 's ochtends voor een afspraak. Bij spoed: bel direct.",
                who: "Patiënten die bij de praktijk staan ingeschreven.",
                cost: "Vergoed door de basisverzekering.",
                schedule: "Maandag tot en met vrijdag 8.00–17.00 uur. 's Avonds en in het weekend: huisartsenpost.",
                area: "Lindeloo en Veenhoeve",
                languages: "Nederlands, Engels",
                contact: ("Assistente", "0599-721 210", ""),
                wmo: false,
                flags: &[F::Medical],
                areas: &[A::Health],
            },
            Svc {
                name: "Praktijkondersteuner ouderenzorg",
                description: "Bezoekt ouderen thuis en kijkt mee bij vergeetachtigheid, vallen en eenzaamheid.",
                apply: "Via de huisarts, of bel de praktijk.",
                who: "Ouderen die bij de praktijk staan ingeschreven.",
                cost: "Gratis.",
                schedule: "Dinsdag en donderdag.",
                area: "Lindeloo en Veenhoeve",
                languages: "Nederlands",
                contact: ("Marloes Hiemstra", "0599-721 215", "poh@huisartsdebrink.example"),
                wmo: false,
                flags: &[F::Medical],
                areas: &[A::Health, A::SocialContact],
            },
        ],
    },
    Org {
        name: "Welzijn Veenmarke",
        description: "Welzijnsorganisatie voor alle dorpen van de gemeente.",
        email: "info@welzijnveenmarke.example",
        website: "www.welzijnveenmarke.example",
        phone: "0599-722 300",
        checked: Some((200, "Gerda Mulder")),
        services: &[
            Svc {
                name: "Ouderenadviseur",
                description: "Denkt mee over wonen, geld, zorg en contact met anderen. Komt ook thuis.",
                apply: "Bel of mail. De adviseur maakt een afspraak bij u thuis.",
                who: "Inwoners van 65 jaar en ouder, en hun familie.",
                cost: "Gratis.",
                schedule: "Maandag tot en met donderdag 9.00–16.00 uur.",
                area: VEENMARKE,
                languages: "Nederlands, Fries",
                contact: ("Hennie Bosma", "0599-722 310", "ouderenadviseur@welzijnveenmarke.example"),
                wmo: false,
                flags: &[],
                areas: &[A::Housing, A::MoneyAndAdmin, A::SocialContact],
            },
            Svc {
                name: "Maatschappelijk werk",
                description: "Hulp bij problemen die u zelf niet meer oplost: relatie, rouw, geld, wonen.",
                apply: "Bel of loop binnen op het inloopspreekuur. Een verwijzing is niet nodig.",
                who: "Alle inwoners van de gemeente.",
                cost: "Gratis.",
                schedule: "Inloopspreekuur woensdag 13.30–15.00 uur in het dorpshuis van Lindeloo.",
                area: VEENMARKE,
                languages: "Nederlands, Engels, Arabisch",
                contact: ("Sanne Wiersma", "0599-722 320", "amw@welzijnveenmarke.example"),
                wmo: false,
                flags: &[F::Crisis],
                areas: &[A::MoneyAndAdmin, A::Housing, A::SocialContact],
            },
            Svc {
                name: "Mantelzorgsteunpunt",
                description: "Steun voor mantelzorgers: een gesprek, lotgenotencontact, respijtzorg regelen.",
                apply: "Bel of mail. U kunt ook een keer langskomen.",
                who: "Iedereen die zorgt voor een naaste.",
                cost: "Gratis.",
                schedule: "Maandag tot en met vrijdag 9.00–12.00 uur.",
                area: VEENMARKE,
                languages: "Nederlands",
                contact: ("Femke Stoker", "0599-722 330", "mantelzorg@welzijnveenmarke.example"),
                wmo: false,
                flags: &[],
                areas: &[A::SocialContact, A::Health],
            },
        ],
    },
    Org {
        name: "Geldzaken Veenmarke",
        description: "Schuldhulpverlening van de gemeente, samen met vrijwillige thuisadministratie.",
        email: "geldzaken@veenmarke.example",
        website: "www.veenmarke.example/geldzaken",
        phone: "0599-720 400",
        checked: Some((425, "Jan Kuiper")),
        services: &[Svc {
            name: "Schuldhulpverlening",
            description: "Hulp bij schulden en rekeningen die u niet meer kunt betalen.",
            apply: "Bel of mail. Binnen 3 werkdagen volgt een eerste gesprek; bij dreigende \
                uitzetting of afsluiting dezelfde dag.",
            who: "Inwoners van de gemeente met geldzorgen.",
            cost: "Gratis.",
            schedule: "Maandag tot en met vrijdag 9.00–17.00 uur.",
            area: VEENMARKE,
            languages: "Nederlands",
            contact: ("Team Geldzaken", "0599-720 400", "geldzaken@veenmarke.example"),
            wmo: false,
            flags: &[F::Debts],
            areas: &[A::MoneyAndAdmin],
        }],
    },
    Org {
        name: "Bezoekdienst Samen",
        description: "Vrijwilligers die mensen thuis bezoeken. Een landelijke vereniging met een afdeling in Veenmarke.",
        email: "veenmarke@bezoekdienstsamen.example",
        website: "www.bezoekdienstsamen.example",
        phone: "0599-723 500",
        checked: Some((30, "Aaltje Zandstra")),
        services: &[Svc {
            name: "Vrijwillig thuisbezoek",
            description: "Een vaste vrijwilliger komt op bezoek voor een praatje, een wandeling of een spelletje.",
            apply: "Bel de coördinator. Die komt eerst kennismaken.",
            who: "Iedereen die zich eenzaam voelt of weinig mensen ziet.",
            cost: "Gratis.",
            schedule: "In overleg.",
            area: VEENMARKE,
            languages: "Nederlands, Fries",
            contact: ("Coördinator Veenmarke", "0599-723 500", "veenmarke@bezoekdienstsamen.example"),
            wmo: false,
            flags: &[],
            areas: &[A::SocialContact],
        }],
    },
    Org {
        name: "Thuiszorg De Linde",
        description: "Wijkverpleging en persoonlijke verzorging thuis.",
        email: "zorg@delinde.example",
        website: "www.delinde.example",
        phone: "0599-724 600",
        checked: Some((90, "Gerda Mulder")),
        services: &[Svc {
            name: "Wijkverpleging",
            description: "Hulp bij wassen en aankleden, wondzorg en medicijnen.",
            apply: "Bel de wijkverpleegkundige. Die komt langs en kijkt wat nodig is. Een verwijzing is niet nodig.",
            who: "Iedereen die thuis verpleging of verzorging nodig heeft.",
            cost: "Vergoed door de basisverzekering. Geen eigen risico.",
            schedule: "Dag en nacht bereikbaar.",
            area: VEENMARKE,
            languages: "Nederlands",
            contact: ("Wijkteam Lindeloo", "0599-724 610", ""),
            wmo: false,
            flags: &[F::PersonalCare, F::Medical],
            areas: &[A::Health],
        }],
    },
    Org {
        name: "Steunpunt Huiselijk Geweld Noordoost",
        description: "Advies- en meldpunt voor huiselijk geweld en kindermishandeling in de regio.",
        email: "",
        website: "www.steunpunthuiselijkgeweld.example",
        phone: "0599-725 700",
        checked: Some((150, "Jan Kuiper")),
        services: &[Svc {
            name: "Advies- en meldlijn huiselijk geweld",
            description: "Voor advies als u zich zorgen maakt over iemand, of om een melding te doen. \
                U mag anoniem bellen.",
            apply: "Bel, dag en nacht. Bij direct gevaar: bel 112.",
            who: "Iedereen: slachtoffers, omstanders, buren en vrijwilligers.",
            cost: "Gratis.",
            schedule: "Dag en nacht, ook in het weekend.",
            area: "Regio Noordoost",
            languages: "Nederlands, Engels",
            contact: ("", "0599-725 700", ""),
            wmo: false,
            flags: &[F::DomesticViolence],
            areas: &[],
        }],
    },
    Org {
        name: "Crisisdienst GGZ Noordoost",
        description: "Spoedeisende psychische hulp in de regio.",
        email: "",
        website: "www.ggznoordoost.example",
        phone: "0599-726 800",
        checked: Some((60, "Aaltje Zandstra")),
        services: &[Svc {
            name: "Crisislijn",
            description: "Als iemand in acute psychische nood is, of als u zich daar ernstige zorgen over maakt.",
            apply: "Bel eerst de huisarts of 's avonds de huisartsenpost: die schakelt de crisisdienst in. \
                Bij direct gevaar: bel 112.",
            who: "Iedereen in de regio.",
            cost: "Vergoed door de basisverzekering.",
            schedule: "Dag en nacht.",
            area: "Regio Noordoost",
            languages: "Nederlands",
            contact: ("", "0599-726 800", ""),
            wmo: false,
            flags: &[F::Crisis],
            areas: &[A::Health],
        }],
    },
    Org {
        name: "Vervoersdienst Dorpsbus Veenmarke",
        description: "Vrijwilligers rijden met de dorpsbus naar de dokter, de winkel en familie.",
        email: "",
        website: "",
        phone: "0599-727 900",
        checked: None,
        services: &[Svc {
            name: "Dorpsbus op afroep",
            description: "Rit binnen de gemeente en naar het ziekenhuis in de stad.",
            apply: "Bel een dag van tevoren voor 12.00 uur.",
            who: "Inwoners die niet zelf kunnen rijden of fietsen.",
            cost: "€ 2,50 per rit binnen de gemeente, € 7,50 naar het ziekenhuis.",
            schedule: "Maandag tot en met zaterdag 8.00–18.00 uur.",
            area: VEENMARKE,
            languages: "Nederlands",
            contact: ("Planner", "0599-727 900", ""),
            wmo: false,
            flags: &[],
            areas: &[A::Transport],
        }],
    },
];

/// Where to go: organisation, place name, street, postcode, town (all made
/// up; province Drenthe). The telephone-only services have none.
const ADDRESSES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Gemeente Veenmarke",
        "Gemeentehuis",
        "Raadhuisplein 1",
        "9541 AA",
        "Lindeloo",
    ),
    (
        "Huisartsenpraktijk De Brink",
        "",
        "De Brink 12",
        "9541 BC",
        "Lindeloo",
    ),
    (
        "Welzijn Veenmarke",
        "Dorpshuis De Linde",
        "Kerkstraat 4",
        "9542 CD",
        "Veenhoeve",
    ),
    (
        "Geldzaken Veenmarke",
        "Dorpshuis De Linde",
        "Kerkstraat 4",
        "9542 CD",
        "Veenhoeve",
    ),
];

/// Add the demo social map, as of `today`.
pub(super) fn fill(db: &mut Db, today: NaiveDate) -> Result<()> {
    let at = |days_ago: u64| NaiveDateTime::new(today - Days::new(days_ago), NaiveTime::MIN);
    for o in ORGS {
        let org = social_map::create_organisation(
            db,
            OrganisationInput {
                name: o.name.into(),
                description: o.description.into(),
                email: o.email.into(),
                website: o.website.into(),
                phone: o.phone.into(),
                locations: Some(
                    ADDRESSES
                        .iter()
                        .filter(|a| a.0 == o.name)
                        .map(|(_, name, street, postcode, town)| LocationInput {
                            name: (*name).into(),
                            address_1: (*street).into(),
                            postal_code: (*postcode).into(),
                            city: (*town).into(),
                            state_province: "Drenthe".into(),
                            ..Default::default()
                        })
                        .collect(),
                ),
                ..Default::default()
            },
            at(500),
        )?;
        for s in o.services {
            let (contact_name, contact_phone, contact_email) = s.contact;
            social_map::create_service(
                db,
                org.id,
                ServiceInput {
                    name: s.name.into(),
                    description: s.description.into(),
                    application_process: s.apply.into(),
                    eligibility_description: s.who.into(),
                    fees_description: s.cost.into(),
                    languages: s.languages.into(),
                    service_area: s.area.into(),
                    schedule: s.schedule.into(),
                    contact_name: contact_name.into(),
                    contact_phone: contact_phone.into(),
                    contact_email: contact_email.into(),
                    wmo_desk: s.wmo,
                    flags: s.flags.to_vec(),
                    areas: s.areas.to_vec(),
                    ..Default::default()
                },
                at(500),
            )?;
        }
        if let Some((days_ago, by)) = o.checked {
            social_map::mark_checked(db, org.id, by, at(days_ago))?;
        }
    }
    Ok(())
}
