//! The privacy statement for residents ("Wat doen wij met uw gegevens?"):
//! plain Dutch (B1), printable, with the group's own name, contact, terms
//! and auto-lock from the settings.

use super::register::{auto_lock, count};
use super::{Block, Doc, Facts, Section};
use crate::vocab::dutch_date;

/// "Bel 0599-123456 of mail info@…" from what is known.
pub(super) fn how_to_reach(f: &Facts) -> String {
    let (phone, email) = f.reach();
    match (phone.is_empty(), email.is_empty()) {
        (false, false) => format!("Bel {phone} of mail naar {email}."),
        (false, true) => format!("Bel {phone}."),
        (true, false) => format!("Mail naar {email}."),
        (true, true) => "Zeg het tegen een van onze contactpersonen.".into(),
    }
}

pub(super) fn build(f: &Facts) -> Doc {
    let s = &f.settings;
    let names = f
        .contacts
        .iter()
        .map(|c| c.name.trim())
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>();
    let who_sees = if names.is_empty() {
        "Alleen de contactpersonen van het buurtpunt.".to_owned()
    } else {
        format!(
            "Alleen de contactpersonen van het buurtpunt: {}.",
            names.join(", ")
        )
    };
    Doc {
        title: "Wat doen wij met uw gegevens?".into(),
        subtitle: format!("Privacyverklaring van {}", f.help_point),
        help_point: f.help_point.clone(),
        made_on: dutch_date(f.made_on),
        intro: vec![format!(
            "{} is een groep vrijwilligers uit het dorp. Wij helpen bewoners met kleine en \
             grote vragen. Daarvoor schrijven wij iets over u op. Hier leest u wat, waarom \
             en wat u ervan kunt vinden.",
            f.help_point
        )],
        sections: vec![
            Section {
                title: "Wat schrijven wij op?".into(),
                blocks: vec![
                    Block::Bullets(vec![
                        "Uw naam, adres en telefoonnummer.".into(),
                        "Uw vraag, in uw eigen woorden.".into(),
                        "Wie u al helpt: familie, buren of een mantelzorger.".into(),
                        "Wat vrijwilligers voor u deden.".into(),
                    ]),
                    Block::Paragraph(
                        "Soms gaat het over uw gezondheid, uw geld of uw familie. Daar zijn \
                         wij extra zuinig op. Wij schrijven alleen op wat nodig is om u te \
                         helpen."
                            .into(),
                    ),
                ],
            },
            Section {
                title: "Waarom?".into(),
                blocks: vec![Block::Paragraph(
                    "Om u te helpen: om een vrijwilliger te vinden die bij uw vraag past, en \
                     om te weten wat er is afgesproken. In ons jaarverslag staan alleen \
                     aantallen, nooit namen."
                        .into(),
                )],
            },
            Section {
                title: "Wie ziet uw gegevens?".into(),
                blocks: vec![
                    Block::Paragraph(who_sees),
                    Block::Paragraph(
                        "De vrijwilliger die u helpt, hoort alleen wat nodig is voor de hulp."
                            .into(),
                    ),
                ],
            },
            Section {
                title: "Geven wij uw gegevens door?".into(),
                blocks: vec![
                    Block::Paragraph(
                        "Alleen als u dat goed vindt. Soms kan een andere organisatie u beter \
                         helpen, bijvoorbeeld het Wmo-loket van de gemeente. Wij vragen u dan \
                         eerst: aan wie, en welke gegevens. U mag nee zeggen. Onze hulp gaat \
                         dan gewoon door."
                            .into(),
                    ),
                    Block::Paragraph(
                        "Alleen bij acuut gevaar, als wij het u niet kunnen vragen, geven wij \
                         door wat nodig is. Wij schrijven dan op waarom."
                            .into(),
                    ),
                ],
            },
            Section {
                title: "Hoe lang bewaren wij het?".into(),
                blocks: vec![Block::Bullets(vec![
                    format!(
                        "Zolang wij u helpen, en daarna nog {}. Dan halen wij uw naam en \
                         alles wat over u is opgeschreven weg.",
                        count(s.request_keep_months, "maand", "maanden")
                    ),
                    format!(
                        "Iets wat een buurtbewoner ons vertelde en waar niets mee hoefde, \
                         vergeten wij na {}.",
                        count(s.signal_keep_months, "maand", "maanden")
                    ),
                    format!(
                        "In onze back-ups staat het daarna nog hoogstens {}.",
                        count(s.backup_months.max(1), "maand", "maanden")
                    ),
                ])],
            },
            Section {
                title: "Hoe beveiligen wij het?".into(),
                blocks: vec![Block::Bullets(vec![
                    "Uw gegevens staan versleuteld op de computer van het buurtpunt. Zonder \
                     wachtwoord kan niemand ze lezen."
                        .into(),
                    auto_lock(s.auto_lock_minutes),
                ])],
            },
            Section {
                title: "Wat mag u?".into(),
                blocks: vec![
                    Block::Bullets(vec![
                        "Vragen wat wij over u hebben opgeschreven.".into(),
                        "Laten verbeteren wat niet klopt.".into(),
                        "Laten weghalen wat wij over u hebben.".into(),
                        "Uw toestemming altijd intrekken.".into(),
                    ]),
                    Block::Paragraph(format!("Wilt u dat? {}", how_to_reach(f))),
                ],
            },
            Section {
                title: "Niet tevreden?".into(),
                blocks: vec![Block::Paragraph(
                    "Zeg het ons eerst, dan zoeken wij samen een oplossing. Komen wij er \
                     niet uit? Dan kunt u een klacht indienen bij de Autoriteit \
                     Persoonsgegevens (autoriteitpersoonsgegevens.nl)."
                        .into(),
                )],
            },
        ],
        footer: format!("Privacyverklaring van {}", f.help_point),
    }
}
