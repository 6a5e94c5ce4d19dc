//! The processing register (verwerkingsregister, AVG artikel 30): who is
//! responsible, why data is kept, about whom, which data, who receives it
//! (from the export log), how long it is kept (from the settings) and how it
//! is protected. Written for the group and for anyone who asks to see it.

use super::{Block, Doc, Facts, Section};
use crate::handover::category_label;
use crate::vocab::{dutch_date, DataCategory, LifeArea};

pub(super) fn build(f: &Facts) -> Doc {
    Doc {
        title: "Verwerkingsregister".into(),
        subtitle: "Register van verwerkingen van persoonsgegevens (AVG artikel 30)".into(),
        help_point: f.help_point.clone(),
        made_on: dutch_date(f.made_on),
        intro: vec![format!(
            "In dit register staat welke persoonsgegevens {} bijhoudt, waarom, over wie, \
             aan wie ze soms worden doorgegeven, hoe lang ze blijven en hoe ze beveiligd zijn. \
             Het is gemaakt met Buurtpunt, uit de instellingen en gegevens van de groep zelf.",
            f.help_point
        )],
        sections: vec![
            controller(f),
            purposes(),
            persons(),
            data(),
            recipients(f),
            retention(f),
            security(f),
        ],
        footer: format!("Verwerkingsregister van {}", f.help_point),
    }
}

/// "1 maand" / "6 maanden", and the like.
pub(super) fn count(n: u32, one: &str, more: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {more}")
    }
}

fn controller(f: &Facts) -> Section {
    let s = &f.settings;
    let mut rows = vec![("Naam".to_owned(), f.help_point.clone())];
    if !s.help_point_phone.trim().is_empty() {
        rows.push(("Telefoon".into(), s.help_point_phone.trim().to_owned()));
    }
    if !s.help_point_email.trim().is_empty() {
        rows.push(("E-mail".into(), s.help_point_email.trim().to_owned()));
    }
    let mut blocks = vec![Block::Rows(rows)];
    if f.contacts.is_empty() {
        blocks.push(Block::Paragraph(
            "Er zijn nog geen contactpersonen ingevuld (Instellingen, Contactpersonen).".into(),
        ));
    } else {
        blocks.push(Block::Paragraph("Contactpersonen van de groep:".into()));
        blocks.push(Block::Rows(
            f.contacts
                .iter()
                .map(|c| {
                    let reach = [c.phone.trim(), c.email.trim()]
                        .into_iter()
                        .filter(|v| !v.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    (c.name.clone(), reach)
                })
                .collect(),
        ));
    }
    Section {
        title: "Verantwoordelijk".into(),
        blocks,
    }
}

fn purposes() -> Section {
    Section {
        title: "Doelen".into(),
        blocks: vec![
            Block::Bullets(vec![
                "Bewoners die om hulp vragen in contact brengen met vrijwilligers, en de \
                 afspraken en het nabellen bijhouden."
                    .into(),
                "Bewoners met hun toestemming doorverwijzen naar een organisatie, zoals \
                 het Wmo-loket van de gemeente."
                    .into(),
                "Vrijwilligers inzetten en begeleiden: wanneer ze kunnen, wat ze kunnen, \
                 hoeveel ze doen en of hun VOG nog geldt."
                    .into(),
                "Signalen uit de buurt bijhouden, zodat de groep ziet wat er speelt.".into(),
                "Verantwoording in het jaarverslag: alleen aantallen, geen persoonsgegevens."
                    .into(),
            ]),
            Block::Rows(vec![
                (
                    "Grondslag".into(),
                    "Toestemming van de bewoner (AVG artikel 6 lid 1a) om gegevens bij te \
                     houden en door te geven. Alleen bij acuut gevaar: vitaal belang \
                     (artikel 6 lid 1d); de reden wordt dan vastgelegd."
                        .into(),
                ),
                (
                    "Vrijwilligers".into(),
                    "Uitvoering van de afspraken met de vrijwilliger (artikel 6 lid 1b).".into(),
                ),
            ]),
        ],
    }
}

fn persons() -> Section {
    Section {
        title: "Over wie".into(),
        blocks: vec![Block::Bullets(vec![
            "Bewoners die hulp vragen (en hun vertegenwoordiger of gemachtigde)".into(),
            "Hun netwerk: familie, buren en mantelzorgers die zij noemen".into(),
            "Vrijwilligers".into(),
            "Contactpersonen van de groep".into(),
            "Medewerkers van organisaties op de sociale kaart (naam en werkgegevens)".into(),
        ])],
    }
}

/// What a data category of a resident holds, in the register's words.
fn holds(c: DataCategory) -> &'static str {
    match c {
        DataCategory::Identity => "voornaam, achternaam, geboortedatum",
        DataCategory::Contact => "adres, kern, telefoon, e-mail, hoe en wanneer bereikbaar",
        DataCategory::Question => {
            "de vraag in eigen woorden, de vraag achter de vraag, levensgebieden, \
             urgentie, het contactlogboek"
        }
        DataCategory::Network => {
            "wat de bewoner zelf kan, familie, buren en mantelzorgers (naam, telefoon), \
             de situatie van de mantelzorger"
        }
        DataCategory::HelpSoFar => "wat vrijwilligers deden (uren), wat al geprobeerd is",
    }
}

fn data() -> Section {
    let rows = DataCategory::ALL
        .iter()
        .map(|c| (category_label(*c).to_owned(), holds(*c).to_owned()))
        .collect();
    Section {
        title: "Welke gegevens".into(),
        blocks: vec![
            Block::Paragraph("Van bewoners die hulp vragen:".into()),
            Block::Rows(rows),
            Block::Paragraph(format!(
                "Bijzondere en gevoelige gegevens: de vraag van een bewoner kan gaan over \
                 {} (een bijzonder persoonsgegeven, AVG artikel 9), over {} (schulden, \
                 inkomen) en over het gezin en de familie (het netwerk, mantelzorg). De groep \
                 schrijft hiervan alleen op wat nodig is om te helpen.",
                LifeArea::Health.dutch().to_lowercase(),
                LifeArea::MoneyAndAdmin.dutch().to_lowercase(),
            )),
            Block::Rows(vec![
                (
                    "Vrijwilligers".into(),
                    "naam, contactgegevens, kern, wanneer zij kunnen, vaardigheden, \
                     datum van de VOG, uren en hoe het gaat"
                        .into(),
                ),
                (
                    "Signalen".into(),
                    "wat iemand in de buurt opviel, de plek, soms de bewoner om wie het gaat"
                        .into(),
                ),
                (
                    "Contactpersonen".into(),
                    "naam, telefoon, e-mail; wie welke overdracht maakte".into(),
                ),
            ]),
        ],
    }
}

fn recipients(f: &Facts) -> Section {
    let mut blocks = vec![Block::Paragraph(
        "Gegevens gaan alleen naar een organisatie als de bewoner daar toestemming voor gaf \
         (per organisatie en per soort gegevens), of bij acuut gevaar met een vastgelegde \
         reden. Er gaat niets naar landen buiten de Europese Unie."
            .into(),
    )];
    if f.recipients.is_empty() {
        blocks.push(Block::Paragraph(
            "Volgens het exportlogboek is er nog niets doorgegeven.".into(),
        ));
    } else {
        let (wmo, other) = f.counts_by_kind();
        let since = f
            .exports_since
            .map(|d| format!(" (sinds {})", dutch_date(d)))
            .unwrap_or_default();
        blocks.push(Block::Paragraph(format!(
            "Volgens het exportlogboek{since}: Wmo-loket: {}; andere organisaties: {}.",
            handovers(wmo),
            handovers(other)
        )));
        blocks.push(Block::Table {
            head: vec!["Ontvanger".into(), "Soort".into(), "Overdrachten".into()],
            rows: f
                .recipients
                .iter()
                .map(|r| {
                    vec![
                        r.organisation.clone(),
                        if r.wmo_desk {
                            "Wmo-loket".into()
                        } else {
                            "Andere organisatie".into()
                        },
                        r.count.to_string(),
                    ]
                })
                .collect(),
        });
    }
    Section {
        title: "Ontvangers".into(),
        blocks,
    }
}

fn handovers(n: i64) -> String {
    if n == 1 {
        "1 overdracht".into()
    } else {
        format!("{n} overdrachten")
    }
}

fn retention(f: &Facts) -> Section {
    let s = &f.settings;
    Section {
        title: "Hoe lang".into(),
        blocks: vec![Block::Rows(vec![
            (
                "Bewoners en hulpvragen".into(),
                format!(
                    "Zolang de hulp loopt, en daarna {} nadat alles is afgerond. Dan worden \
                     namen, adres, telefoon, e-mail, geboortedatum, netwerk, toestemmingen en \
                     alle vrije tekst weggehaald (geanonimiseerd); alleen aantallen blijven.",
                    count(s.request_keep_months, "maand", "maanden")
                ),
            ),
            (
                "Signalen".into(),
                format!(
                    "Een signaal dat is afgesloten met \u{201c}niets nodig\u{201d} wordt na {} \
                     vergeten (geanonimiseerd).",
                    count(s.signal_keep_months, "maand", "maanden")
                ),
            ),
            (
                "Toestemming".into(),
                "Tot de einddatum of tot de bewoner haar intrekt. Dat de toestemming er was, \
                 blijft bewaard bij de bewoner, als bewijs, tot het dossier wordt \
                 geanonimiseerd."
                    .into(),
            ),
            (
                "Exportlogboek".into(),
                format!(
                    "Wat met wie is gedeeld, blijft {} bewaard.",
                    count(s.export_keep_months, "maand", "maanden")
                ),
            ),
            (
                "Logboek".into(),
                format!(
                    "Wie wat bekeek of wijzigde (zonder de gegevens zelf), {} lang.",
                    count(s.audit_keep_months, "maand", "maanden")
                ),
            ),
            (
                "Vrijwilligers".into(),
                format!(
                    "Zolang iemand vrijwilliger is, en daarna {} na het stoppen; dan worden \
                     de gegevens geanonimiseerd (de gewerkte uren blijven meetellen).",
                    count(s.volunteer_keep_months, "maand", "maanden")
                ),
            ),
            (
                "Back-ups".into(),
                format!(
                    "Elke dag een versleutelde back-up. Bewaard: de laatste {}, de nieuwste \
                     van de laatste {} en de nieuwste van de laatste {}. Wat uit de gegevens \
                     is gehaald, staat dus nog zo lang in een back-up.",
                    count(s.backup_days, "dag", "dagen"),
                    count(s.backup_weeks, "week", "weken"),
                    count(s.backup_months, "maand", "maanden")
                ),
            ),
            (
                "Datalekken".into(),
                "Blijven in het datalekkenregister staan.".into(),
            ),
        ])],
    }
}

/// "na 10 minuten zonder gebruik" or that it is off.
pub(super) fn auto_lock(minutes: u32) -> String {
    if minutes == 0 {
        "Automatisch op slot: staat uit.".into()
    } else {
        format!(
            "Buurtpunt gaat vanzelf op slot na {} zonder gebruik.",
            count(minutes, "minuut", "minuten")
        )
    }
}

fn security(f: &Facts) -> Section {
    let s = &f.settings;
    Section {
        title: "Beveiliging".into(),
        blocks: vec![Block::Bullets(vec![
            "Versleuteld opgeslagen: het gegevensbestand is versleuteld met SQLCipher \
             (256-bits sleutel). Zonder wachtwoordzin of herstelsleutel is niets te lezen."
                .into(),
            "Wachtwoordzin: de sleutel is beveiligd met een sleutel uit de wachtwoordzin \
             (Argon2id)."
                .into(),
            "Herstelsleutel: 32 letters, één keer getoond om te printen en op een veilige plek \
             te bewaren."
                .into(),
            format!(
                "Back-ups: versleuteld, elk één bestand; de laatste {}, {} en {}.",
                count(s.backup_days, "dag", "dagen"),
                count(s.backup_weeks, "week", "weken"),
                count(s.backup_months, "maand", "maanden")
            ),
            auto_lock(s.auto_lock_minutes),
            "Vergadermodus: op een gedeeld scherm toont Buurtpunt geen persoonsgegevens.".into(),
            "Elke overdracht staat in het exportlogboek: wat, aan wie, wanneer en door wie.".into(),
            format!(
                "In verslagen staat een aantal kleiner dan {} als \u{201c}< {}\u{201d}.",
                s.small_number_threshold, s.small_number_threshold
            ),
        ])],
    }
}
