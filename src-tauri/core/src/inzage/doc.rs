//! The inzage in plain Dutch: one section per kind of data, each row with
//! Dutch labels; empty fields left out (the JSON has every one). The same
//! [`Doc`] structure and renderer as the group's privacy papers.

use serde_json::Value;

use super::{Inzage, Row};
use crate::handover::category_label;
use crate::privacy_docs::{Block, Doc, Section};
use crate::store::time::{parse_stamp, stored_date};
use crate::vocab::{dutch_date, DataCategory, LifeArea, Mask};

/// The Dutch label of each stored column, in the order the document shows
/// them (columns not listed come after, by their own name).
const LABELS: &[(&str, &str)] = &[
    ("first_name", "Voornaam"),
    ("last_name", "Achternaam"),
    ("name", "Naam"),
    ("role", "Rol"),
    ("street", "Straat"),
    ("house_number", "Huisnummer"),
    ("postcode", "Postcode"),
    ("kern", "Dorp of kern"),
    ("phone", "Telefoon"),
    ("email", "E-mail"),
    ("birth_date", "Geboortedatum"),
    ("contact_preference", "Liefst contact via"),
    ("contact_time", "Beste tijd"),
    ("proxy_name", "Vertegenwoordiger"),
    ("proxy_relation", "Relatie vertegenwoordiger"),
    ("proxy_phone", "Telefoon vertegenwoordiger"),
    ("proxy_email", "E-mail vertegenwoordiger"),
    ("received_on", "Ontvangen op"),
    ("channel", "Via"),
    ("ask", "Vraag (eigen woorden)"),
    ("underlying_need", "Vraag achter de vraag"),
    ("own_strength", "Eigen kracht"),
    ("tried", "Al geprobeerd"),
    ("goal_short", "Doel korte termijn"),
    ("goal_long", "Doel lange termijn"),
    ("urgency", "Urgentie"),
    ("scope", "Voor wie"),
    ("scope_note", "Waar"),
    ("estimated_hours", "Geschatte uren"),
    ("due_on", "Uiterlijk"),
    ("status", "Stand"),
    ("outcome", "Uitkomst"),
    ("close_reason", "Reden van afsluiten"),
    ("close_note", "Reden van afsluiten"),
    ("notes", "Notitie"),
    ("note", "Notitie"),
    ("on_date", "Datum"),
    ("agreement", "Afspraak"),
    ("planned_on", "Gepland op"),
    ("asked_on", "Gevraagd op"),
    ("closed_on", "Afgesloten op"),
    ("minutes", "Minuten"),
    ("km", "Kilometers"),
    ("party", "Wie"),
    ("who", "Naam"),
    ("what", "Wat"),
    ("done_on", "Gedaan op"),
    ("organisation", "Organisatie"),
    ("service", "Dienst"),
    ("contact", "Contact"),
    ("reason", "Reden"),
    ("answer", "Antwoord"),
    ("sent_on", "Verstuurd op"),
    ("answered_on", "Beantwoord op"),
    ("noticed_on", "Opgemerkt op"),
    ("given_by", "Gegeven door"),
    ("representative", "Vertegenwoordiger"),
    ("given_on", "Gegeven op"),
    ("how", "Hoe"),
    ("recipient", "Aan wie"),
    ("valid_until", "Geldig tot"),
    ("withdrawn_on", "Ingetrokken op"),
    ("from_on", "Vanaf"),
    ("until_on", "Tot en met"),
    ("kind", "Soort"),
    ("how_it_goes", "Hoe gaat het"),
    ("dilemma", "Dilemma"),
    ("description", "Beschrijving"),
    ("question", "Vraag"),
    ("status_since", "Stand sinds"),
    ("status_reason", "Reden"),
    ("vog_on", "VOG op"),
    ("consent_on", "Toestemming op"),
    ("deadline_on", "Uiterlijk klaar"),
    ("age_band", "Leeftijdsgroep"),
    ("anonymised_on", "Geanonimiseerd op"),
    ("erased_on", "Gewist op"),
    ("created_at", "Vastgelegd op"),
    ("updated_at", "Laatst gewijzigd"),
];

fn label(col: &str) -> String {
    match LABELS.iter().find(|(c, _)| *c == col) {
        Some((_, l)) => (*l).to_owned(),
        None => col.replace('_', " "),
    }
}

/// Where a column stands in the document.
fn rank(col: &str) -> usize {
    LABELS
        .iter()
        .position(|(c, _)| *c == col)
        .unwrap_or(LABELS.len())
}

/// Stored codes in words, for the columns that hold one.
fn code_text(col: &str, code: &str) -> Option<&'static str> {
    const CODED: &[&str] = &[
        "status",
        "channel",
        "urgency",
        "scope",
        "role",
        "contact_preference",
        "how",
        "given_by",
        "kind",
        "close_kind",
        "party",
        "noticer_kind",
        "place_kind",
        "life_area",
    ];
    if !CODED.contains(&col) {
        return None;
    }
    Some(match code {
        "new" => "nieuw",
        "in_progress" => "in behandeling",
        "matched" => "gekoppeld",
        "done" => "afgerond",
        "referred" => "doorverwezen",
        "lapsed" => "vervallen",
        "phone" | "telefoon" => "telefoon",
        "email" => "e-mail",
        "at_the_door" => "aan de deur",
        "help_point" => "bij het buurtpunt",
        "via_someone_else" => "via iemand anders",
        "wmo_desk" => "via het Wmo-loket",
        "low" => "kan wachten",
        "normal" => "gewoon",
        "high" => "dringend",
        "individual" => "voor deze persoon",
        "family" => "familie",
        "neighbour" => "buurman of buurvrouw",
        "friend" => "vriend of vriendin",
        "informal_carer" => "mantelzorger",
        "other" => "anders",
        "proposed" => "voorgesteld",
        "agreed" => "afgesproken",
        "active" => "actief",
        "cancelled" => "niet doorgegaan",
        "applied" => "aangemeld",
        "paused" => "even gestopt",
        "stopped" => "gestopt",
        "oral" => "mondeling",
        "written" => "schriftelijk",
        "resident" => "de bewoner zelf",
        "representative" => "een vertegenwoordiger",
        "concept" => "nog niet verstuurd",
        "sent" => "verstuurd",
        "received" => "ontvangen",
        "answered" => "beantwoord",
        "closed" => "afgesloten",
        "inzage" => "inzage",
        "correctie" => "correctie",
        "wissen" => "wissen",
        _ => return LifeArea::parse(code).map(LifeArea::dutch),
    })
}

/// Columns that mean nothing to the person (numbers that link rows).
fn hidden(col: &str) -> bool {
    const TECHNICAL: &[&str] = &[
        "id",
        "position",
        "flags",
        "wanted_slots",
        "needs_vog",
        "volunteers_needed",
        "availability",
        "mobility",
        "categories",
        "withheld",
        "files",
        "fields",
    ];
    TECHNICAL.contains(&col) || col.ends_with("_id") || col.ends_with("_mask")
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
    let mut cols: Vec<(&String, &Value)> = row.iter().filter(|(k, _)| !hidden(k)).collect();
    cols.sort_by_key(|(k, _)| rank(k));
    Block::Rows(
        cols.into_iter()
            .filter_map(|(k, v)| {
                let shown = match v.as_str().and_then(|code| code_text(k, code)) {
                    Some(words) => Some(words.to_owned()),
                    None => value(v),
                };
                shown.map(|v| (label(k), v))
            })
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

/// What a line of the log is about, in words.
fn kind_text(kind: &str) -> &str {
    match kind {
        "resident" => "uw gegevens",
        "network" => "uw netwerk",
        "request" => "een hulpvraag",
        "contact_log" => "een notitie bij een hulpvraag",
        "consent" => "een toestemming",
        "signal" => "een signaal",
        "match" => "een koppeling met een vrijwilliger",
        "hours" => "gewerkte uren",
        "agreement" => "een afspraak",
        "reminder" => "een herinnering",
        "referral" => "een doorverwijzing",
        "agenda_item" => "een punt voor het overleg",
        "volunteer" => "uw vrijwilligersprofiel",
        "absence" => "een afwezigheid",
        "volunteer_status" => "uw stand als vrijwilliger",
        "checkin" => "een gesprek over hoe het gaat",
        "export" => "gegevens gedeeld",
        "privacy_request" => "een verzoek over uw gegevens",
        other => other,
    }
}

fn text(row: &Row, col: &str) -> String {
    // An empty field shows as a dash, as on the screens.
    row.get(col)
        .and_then(value)
        .unwrap_or_else(|| "—".to_owned())
}

pub(super) fn build(i: &Inzage) -> Doc {
    let name = format!(
        "{} {}",
        text(&i.resident, "first_name"),
        text(&i.resident, "last_name")
    );
    let made_on = parse_stamp(&i.made_at)
        .map(|t| dutch_date(t.date()))
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
                (
                    "Levensgebieden".into(),
                    r.life_areas
                        .iter()
                        .map(|a| LifeArea::parse(a).map_or(a.clone(), |l| l.dutch().to_owned()))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
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
                head: vec!["Aan wie, en welke gegevens".into(), "Wanneer".into()],
                rows: i
                    .exports
                    .iter()
                    .map(|e| {
                        vec![
                            format!(
                                "{}: {}",
                                text(e, "recipient"),
                                categories(e.get("categories"))
                            ),
                            text(e, "made_at"),
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
                head: vec!["Wat".into(), "Wanneer".into(), "Wie".into()],
                rows: i
                    .audit
                    .iter()
                    .map(|a| {
                        let kind = text(a, "kind");
                        let what = format!("{} {}", text(a, "action"), kind_text(&kind));
                        vec![what, text(a, "at"), text(a, "actor")]
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
