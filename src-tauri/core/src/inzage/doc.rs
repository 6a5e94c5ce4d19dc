//! The inzage in plain Dutch: one section per kind of data, each row with
//! Dutch labels; empty fields left out (the JSON has every one). The same
//! [`Doc`] structure and renderer as the group's privacy papers.

use serde_json::Value;

use super::{Inzage, Row};
use crate::handover::category_label;
use crate::privacy_docs::{Block, Doc, Section};
use crate::store::time::{parse_stamp, stored_date};
use crate::vocab::{dutch_date, DataCategory, Mask};

/// The Dutch label of a stored column.
fn label(col: &str) -> String {
    let l = match col {
        "first_name" => "Voornaam",
        "last_name" => "Achternaam",
        "street" => "Straat",
        "house_number" => "Huisnummer",
        "postcode" => "Postcode",
        "kern" => "Dorp of kern",
        "phone" => "Telefoon",
        "email" => "E-mail",
        "contact_preference" => "Liefst contact via",
        "contact_time" => "Beste tijd",
        "birth_date" => "Geboortedatum",
        "notes" | "note" => "Notitie",
        "proxy_name" => "Vertegenwoordiger",
        "proxy_relation" => "Relatie vertegenwoordiger",
        "proxy_phone" => "Telefoon vertegenwoordiger",
        "proxy_email" => "E-mail vertegenwoordiger",
        "created_at" => "Vastgelegd op",
        "updated_at" => "Laatst gewijzigd",
        "role" => "Rol",
        "name" => "Naam",
        "received_on" => "Ontvangen op",
        "channel" => "Via",
        "ask" => "Vraag (eigen woorden)",
        "underlying_need" => "Vraag achter de vraag",
        "own_strength" => "Eigen kracht",
        "tried" => "Al geprobeerd",
        "urgency" => "Urgentie",
        "due_on" => "Uiterlijk",
        "status" => "Stand",
        "close_reason" | "close_note" => "Reden van afsluiten",
        "goal_short" => "Doel korte termijn",
        "goal_long" => "Doel lange termijn",
        "outcome" => "Uitkomst",
        "on_date" => "Datum",
        "agreement" => "Afspraak",
        "planned_on" => "Gepland op",
        "asked_on" => "Gevraagd op",
        "closed_on" => "Afgesloten op",
        "minutes" => "Minuten",
        "km" => "Kilometers",
        "party" => "Wie",
        "who" => "Naam",
        "what" => "Wat",
        "done_on" => "Gedaan op",
        "organisation" => "Organisatie",
        "service" => "Dienst",
        "contact" => "Contact",
        "reason" => "Reden",
        "answer" => "Antwoord",
        "sent_on" => "Verstuurd op",
        "answered_on" => "Beantwoord op",
        "noticed_on" => "Opgemerkt op",
        "given_by" => "Gegeven door",
        "representative" => "Vertegenwoordiger",
        "given_on" => "Gegeven op",
        "how" => "Hoe",
        "recipient" => "Aan wie",
        "valid_until" => "Geldig tot",
        "withdrawn_on" => "Ingetrokken op",
        "from_on" => "Vanaf",
        "until_on" => "Tot en met",
        "kind" => "Soort",
        "how_it_goes" => "Hoe gaat het",
        "dilemma" => "Dilemma",
        "description" => "Beschrijving",
        "question" => "Vraag",
        "status_since" => "Stand sinds",
        "status_reason" => "Reden",
        "vog_on" => "VOG op",
        "consent_on" => "Toestemming op",
        "deadline_on" => "Uiterlijk klaar",
        "age_band" => "Leeftijdsgroep",
        "anonymised_on" => "Geanonimiseerd op",
        "erased_on" => "Gewist op",
        _ => "",
    };
    if l.is_empty() {
        col.replace('_', " ")
    } else {
        l.to_owned()
    }
}

/// Columns that mean nothing to the person (numbers that link rows).
fn hidden(col: &str) -> bool {
    col == "id" || col == "position" || col.ends_with("_id") || col.ends_with("_mask")
}

fn value(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(date_text(s).unwrap_or_else(|| s.clone())),
        Value::Bool(b) => Some(if *b { "ja" } else { "nee" }.to_owned()),
        other => Some(other.to_string()),
    }
}

/// "2026-12-02" → "2 december 2026"; a stamp gets its time too.
fn date_text(s: &str) -> Option<String> {
    if s.len() == 10 {
        return stored_date(s).map(dutch_date);
    }
    parse_stamp(s).map(|t| format!("{}, {}", dutch_date(t.date()), t.format("%H:%M")))
}

fn rows_of(row: &Row) -> Block {
    Block::Rows(
        row.iter()
            .filter(|(k, _)| !hidden(k))
            .filter_map(|(k, v)| value(v).map(|v| (label(k), v)))
            .collect(),
    )
}

/// One block per row, or a sentence when there are none.
fn each(rows: &[Row], none: &str) -> Vec<Block> {
    if rows.is_empty() {
        return vec![Block::Paragraph(none.to_owned())];
    }
    rows.iter().map(rows_of).collect()
}

fn section(title: &str, blocks: Vec<Block>) -> Section {
    Section {
        title: title.to_owned(),
        blocks,
    }
}

fn categories(v: Option<&Value>) -> String {
    let mask = v.and_then(Value::as_i64).unwrap_or(0);
    DataCategory::from_mask(mask)
        .into_iter()
        .map(|c| category_label(c).to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

fn text(row: &Row, col: &str) -> String {
    row.get(col).and_then(value).unwrap_or_default()
}

pub(super) fn build(i: &Inzage) -> Doc {
    let name = format!(
        "{} {}",
        text(&i.resident, "first_name"),
        text(&i.resident, "last_name")
    );
    let made_on = date_text(&i.made_at)
        .map(|t| t.split(',').next().unwrap_or_default().to_owned())
        .unwrap_or_else(|| i.made_at.clone());
    let mut sections = vec![
        section("Uw gegevens", vec![rows_of(&i.resident)]),
        section(
            "Mensen om u heen (netwerk)",
            each(&i.network, "Er staan geen mensen uit uw netwerk bij ons."),
        ),
    ];
    if i.requests.is_empty() {
        sections.push(section(
            "Uw hulpvragen",
            vec![Block::Paragraph("U heeft geen hulpvragen bij ons.".into())],
        ));
    }
    for (n, r) in i.requests.iter().enumerate() {
        let mut blocks = vec![rows_of(&r.request)];
        if !r.life_areas.is_empty() || !r.skills.is_empty() {
            blocks.push(Block::Rows(vec![
                ("Levensgebieden".into(), r.life_areas.join(", ")),
                ("Gevraagde hulp".into(), r.skills.join(", ")),
            ]));
        }
        let parts: [(&str, &Vec<Row>); 7] = [
            ("Gesprekken en notities", &r.contact_log),
            ("Afspraken", &r.agreements),
            ("Herinneringen", &r.reminders),
            ("Vrijwilligers gekoppeld", &r.matches),
            ("Gewerkte uren", &r.hours),
            ("Doorverwijzingen", &r.referrals),
            ("Besproken in het overleg (zonder naam)", &r.agenda_items),
        ];
        for (title, rows) in parts.iter().filter(|(_, rows)| !rows.is_empty()) {
            blocks.push(Block::Paragraph(format!("{title}:")));
            blocks.extend(rows.iter().map(rows_of));
        }
        sections.push(section(&format!("Hulpvraag {}", n + 1), blocks));
    }
    sections.push(section(
        "Signalen over u",
        each(&i.signals, "Er zijn geen signalen over u vastgelegd."),
    ));
    sections.push(section(
        "Toestemmingen",
        each(
            &i.consents,
            "U heeft geen toestemming gegeven of geweigerd.",
        ),
    ));
    sections.push(section(
        "Aan wie wij uw gegevens gaven",
        if i.exports.is_empty() {
            vec![Block::Paragraph(
                "Wij hebben uw gegevens aan niemand gegeven.".into(),
            )]
        } else {
            vec![Block::Table {
                head: vec!["Aan wie".into(), "Wanneer".into(), "Welke gegevens".into()],
                rows: i
                    .exports
                    .iter()
                    .map(|e| {
                        vec![
                            text(e, "recipient"),
                            text(e, "made_at"),
                            categories(e.get("categories")),
                        ]
                    })
                    .collect(),
            }]
        },
    ));
    if !i.privacy_requests.is_empty() {
        sections.push(section(
            "Uw verzoeken over uw gegevens",
            each(&i.privacy_requests, ""),
        ));
    }
    if let Some(v) = &i.volunteer {
        let mut blocks = vec![
            rows_of(&v.profile),
            Block::Rows(vec![
                ("Wat u graag doet".into(), v.skills.join(", ")),
                ("Wat u liever niet doet".into(), v.refusals.join(", ")),
                ("Kenmerken".into(), v.tags.join(", ")),
                ("Dorpen of kernen".into(), v.kernen.join(", ")),
            ]),
        ];
        let parts: [(&str, &Vec<Row>); 6] = [
            ("Afwezig", &v.absences),
            ("Wijzigingen van uw stand", &v.status_log),
            ("Gesprekken over hoe het gaat", &v.checkins),
            ("Uw hulp aan anderen (zonder hun gegevens)", &v.matches),
            ("Uw uren", &v.hours),
            ("Signalen die u doorgaf (zonder inhoud)", &v.signals_noticed),
        ];
        for (title, rows) in parts.iter().filter(|(_, rows)| !rows.is_empty()) {
            blocks.push(Block::Paragraph(format!("{title}:")));
            blocks.extend(rows.iter().map(rows_of));
        }
        sections.push(section("U als vrijwilliger", blocks));
    }
    sections.push(section(
        "Wie uw gegevens bekeek of wijzigde",
        if i.audit.is_empty() {
            vec![Block::Paragraph("Er staat niets in het logboek.".into())]
        } else {
            vec![Block::Table {
                head: vec!["Wanneer".into(), "Wie".into(), "Wat".into()],
                rows: i
                    .audit
                    .iter()
                    .map(|a| {
                        let mut what = format!("{} {}", text(a, "action"), text(a, "kind"));
                        let fields = text(a, "fields");
                        if !fields.is_empty() {
                            what.push_str(&format!(" ({})", fields.replace(',', ", ")));
                        }
                        vec![text(a, "at"), text(a, "actor"), what]
                    })
                    .collect(),
            }]
        },
    ));
    Doc {
        title: format!("Inzage voor {name}"),
        subtitle: "Alles wat wij over u bewaren (AVG artikel 15)".into(),
        help_point: i.help_point.clone(),
        made_on,
        intro: vec![
            "U vroeg welke gegevens wij over u bewaren. Hier staat alles. Bij dit papier hoort een \
             computerbestand (JSON) met dezelfde gegevens."
                .into(),
            "Klopt er iets niet? Zeg het ons, dan passen wij het aan. U mag ook vragen om uw \
             gegevens te wissen."
                .into(),
        ],
        sections,
        footer: format!("Inzage {name}"),
    }
}
