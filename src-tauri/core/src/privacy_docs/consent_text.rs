//! The consent text to read aloud and sign: it names the group, what it
//! keeps, that data goes to another organisation only with the resident's
//! own choice (empty boxes, ticked by hand; nothing is ticked beforehand),
//! how to withdraw and how long it holds. Plain Dutch (B1).

use super::statement::how_to_reach;
use super::{Block, Doc, Facts, Section};
use crate::handover::category_label;
use crate::vocab::{dutch_date, DataCategory};

pub(super) fn build(f: &Facts) -> Doc {
    let group = &f.help_point;
    Doc {
        title: "Toestemming om gegevens door te geven".into(),
        subtitle: format!("{group} · om samen te lezen of voor te lezen"),
        help_point: group.clone(),
        made_on: dutch_date(f.made_on),
        intro: vec![
            format!(
                "{group} wil u zo goed mogelijk helpen. Soms kan een andere organisatie u \
                 beter helpen, bijvoorbeeld het Wmo-loket van de gemeente. Wij geven uw \
                 gegevens alleen door als u dat zelf kiest."
            ),
            "Kruis zelf aan wat u goed vindt. Er is niets vooraf aangekruist. Vindt u het \
             niet goed? Dan kruist u niets aan. Onze hulp gaat dan gewoon door."
                .into(),
        ],
        sections: vec![
            Section {
                title: "Wat wij van u bewaren".into(),
                blocks: vec![Block::Bullets(vec![
                    "Uw naam, adres en telefoonnummer.".into(),
                    "Uw vraag, in uw eigen woorden.".into(),
                    "Wie u al helpt: familie, buren of een mantelzorger.".into(),
                    "Wat vrijwilligers voor u deden.".into(),
                ])],
            },
            Section {
                title: "Aan wie mogen wij iets doorgeven?".into(),
                blocks: vec![Block::WriteLines(vec![
                    "Naam van de organisatie".into(),
                    "Geldig tot (mag leeg)".into(),
                ])],
            },
            Section {
                title: "Welke gegevens mogen wij aan deze organisatie doorgeven?".into(),
                blocks: vec![Block::TickBoxes(
                    DataCategory::ALL
                        .iter()
                        .map(|c| category_label(*c).to_owned())
                        .collect(),
                )],
            },
            Section {
                title: "Goed om te weten".into(),
                blocks: vec![Block::Bullets(vec![
                    "U geeft toestemming voor deze ene organisatie. Voor een andere \
                     organisatie vragen wij het opnieuw."
                        .into(),
                    format!(
                        "U kunt uw toestemming altijd intrekken, ook later. {}",
                        how_to_reach(f)
                    ),
                    "De toestemming geldt tot de datum hierboven, of tot u haar intrekt. \
                     Wij bewaren dat u toestemming gaf, zodat wij dat kunnen laten zien."
                        .into(),
                ])],
            },
            Section {
                title: "Ondertekening".into(),
                blocks: vec![Block::WriteLines(vec![
                    "Naam bewoner".into(),
                    "Datum".into(),
                    "Handtekening bewoner".into(),
                    format!("Naam contactpersoon van {group}"),
                ])],
            },
        ],
        footer: format!("Toestemmingstekst van {group}"),
    }
}
