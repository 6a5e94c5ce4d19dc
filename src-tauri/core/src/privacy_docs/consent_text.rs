//! The consent text to read aloud and sign: it names the group, what it
//! keeps, that data goes to another organisation only with the resident's
//! own choice (empty boxes, ticked by hand; nothing is ticked beforehand),
//! how to withdraw and how long it holds. Plain Dutch (B1).

use super::statement::how_to_reach;
use super::{Block, Doc, Facts, Section};
use crate::handover::category_label;
use crate::vocab::{dutch_date, DataCategory};

/// One resident's choices, printed on the form to sign ("schriftelijk").
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    pub resident: String,
    pub recipient: String,
    pub categories: Vec<DataCategory>,
    /// `YYYY-MM-DD`.
    pub valid_until: chrono::NaiveDate,
}

pub(super) fn build(f: &Facts) -> Doc {
    form(f, None)
}

/// The form with one resident's choices: the recipient and end date
/// written in, the chosen kinds of data marked, the rest left empty.
pub fn filled(f: &Facts, fill: &Filled) -> Doc {
    form(f, Some(fill))
}

fn form(f: &Facts, fill: Option<&Filled>) -> Doc {
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
            match fill {
                None => "Kruis zelf aan wat u goed vindt. Er is niets vooraf aangekruist. \
                         Vindt u het niet goed? Dan kruist u niets aan. Onze hulp gaat dan \
                         gewoon door."
                    .into(),
                Some(_) => "Hieronder staat wat u met ons hebt afgesproken. Klopt het? Zet \
                            dan uw handtekening. Klopt het niet? Dan tekent u niet. Onze hulp \
                            gaat dan gewoon door."
                    .into(),
            },
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
                blocks: vec![match fill {
                    None => Block::WriteLines(vec![
                        "Naam van de organisatie".into(),
                        "Geldig tot (mag leeg)".into(),
                    ]),
                    Some(x) => Block::Rows(vec![
                        ("Organisatie".into(), x.recipient.clone()),
                        (
                            "Geldig tot en met".into(),
                            crate::vocab::dutch_date(x.valid_until),
                        ),
                    ]),
                }],
            },
            Section {
                title: "Welke gegevens mogen wij aan deze organisatie doorgeven?".into(),
                blocks: vec![match fill {
                    None => Block::TickBoxes(
                        DataCategory::ALL
                            .iter()
                            .map(|c| category_label(*c).to_owned())
                            .collect(),
                    ),
                    Some(x) => Block::Marked(
                        DataCategory::ALL
                            .iter()
                            .map(|c| (category_label(*c).to_owned(), x.categories.contains(c)))
                            .collect(),
                    ),
                }],
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
                    match fill {
                        None => "Naam bewoner".into(),
                        Some(x) => format!("Naam bewoner: {}", x.resident),
                    },
                    "Datum".into(),
                    "Handtekening bewoner".into(),
                    format!("Naam contactpersoon van {group}"),
                ])],
            },
        ],
        footer: format!("Toestemmingstekst van {group}"),
    }
}
