//! The handover files (PDF, JSON, CSV) from a `Handover`: what must be in them,
//! what must never be in them (data outside the consent), and that the PDF is
//! a tagged A4 document with embedded fonts. The PDF is read back with
//! poppler-utils (`pdftotext`, `pdffonts`, `pdfinfo`).
//!
//! Set `HANDOVER_OUT=/some/dir` to keep the rendered sample files there.
//! All people and places are fictional.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use buurtpunt_core::handover::{
    csv, pdf, to_json, Handover, HandoverCase, HandoverConsent, HandoverPerson, HandoverRecipient,
    HandoverReferral, HandoverSender, CLIENT_SUPPORT, SCHEMA,
};

use buurtpunt_core::vocab::DataCategory;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const PHONE: &str = "06-48213977";
const EMAIL: &str = "zoe.hofstra@voorbeeld.nl";
const NAME: &str = "Zoë Hofstra-Ĳzerman";
const ADDRESS: &str = "Kerkstraat 12, 9531 AB Lindeloo";
const CARER: &str =
    "Haar zoon Ruben (mantelzorger), 06-11122233: komt elke zondag, werkt veel en is moe.";
const PAYLOAD: &str = "<script>alert('x')</script> & '; DROP TABLE residents; --";

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

fn full() -> Handover {
    Handover {
        schema: SCHEMA.to_owned(),
        reference: "BP-2026-0042".into(),
        made_on: "2026-11-22".into(),
        sender: HandoverSender {
            help_point: "Buurtpunt Lindeloo".into(),
            help_point_phone: "0591-123456".into(),
            help_point_email: "buurtpunt@lindeloo.example".into(),
            contact_person: "Gerda Mulder".into(),
            phone: "06-48123907".into(),
            email: "gerda.mulder@lindeloo.example".into(),
        },
        recipient: HandoverRecipient {
            organisation: "Wmo-loket gemeente Oosterveen".into(),
            service: "Team Wmo, melding maatschappelijke ondersteuning".into(),
            contact: "Mevrouw J. Hofstede, Wmo-consulent".into(),
        },
        person: HandoverPerson {
            name: s(NAME),
            birth_date: s("1941-03-05"),
            address: s(ADDRESS),
            phone: s(PHONE),
            email: s(EMAIL),
            reach: s("Liefst telefoon, 's ochtends tussen 9 en 12 uur"),
        },
        case: HandoverCase {
            ask: s("Ik kan sinds mijn val niet meer zelf naar de supermarkt en de fysiotherapeut. \
                    Mijn zoon doet veel, maar hij werkt en is moe. Ik wil niet in een tehuis, \
                    ik wil gewoon thuis blijven wonen in mijn eigen huisje. \
                    Eén keer per week naar het café met de buurvrouw vind ik ook fijn."),
            underlying_need: s("Mevrouw wil zelfstandig blijven wonen. Ze heeft vervoer nodig \
                                naar zorg en winkel, en haar zoon moet ontlast worden."),
            life_areas: Some(vec!["Vervoer".into(), "Gezondheid".into(), "Sociaal contact".into()]),
            own_strength: s("Doet zelf nog de was en kookt eenvoudige maaltijden. Heeft een \
                             goede buurvrouw die af en toe boodschappen meeneemt."),
            carer_situation: s(CARER),
            tried: s(PAYLOAD),
            volunteers_did: s("Henk de Boer (6 uur): vier keer naar de fysiotherapeut gereden.\n\
                               Anja Smit: helpt met de post en de formulieren van de zorgverzekering."),
            agreements: s("De bewoner: belt zelf de fysiotherapeut (uiterlijk 1 december 2026)\n\
                           zoon Ruben: vraagt bij zijn werk naar zorgverlof"),
        },
        referral: HandoverReferral {
            reason: s("Mevrouw heeft meer hulp nodig dan vrijwilligers kunnen geven: vervoer \
                       naar zorg, en mogelijk huishoudelijke hulp."),
            urgency: "Dringend".into(),
            melding_on: s("2026-11-20"),
            deadline: s("2027-01-01"),
        },
        consent: HandoverConsent {
            statement: format!(
                "{NAME} gaf op 20-11-2026 mondeling toestemming om deze gegevens te delen met \
                 Wmo-loket gemeente Oosterveen, geldig tot en met 20-02-2027."
            ),
            given_by: NAME.into(),
            given_on: "2026-11-20".into(),
            how: "mondeling".into(),
            scope: DataCategory::ALL.to_vec(),
            valid_until: s("2027-02-20"),
            override_reason: None,
        },
        withheld: Vec::new(),
        client_support: CLIENT_SUPPORT.to_owned(),
    }
}

/// Consent for the question and the help so far only: no name, no contact
/// details, no network.
fn minimised() -> Handover {
    let mut h = full();
    h.person = HandoverPerson {
        name: None,
        birth_date: None,
        address: None,
        phone: None,
        email: None,
        reach: None,
    };
    h.case.own_strength = None;
    h.case.carer_situation = None;
    h.consent.statement = "De bewoner gaf op 20-11-2026 mondeling toestemming om deze gegevens \
                           te delen met Wmo-loket gemeente Oosterveen: de hulpvraag en de vraag \
                           achter de vraag, wat al gedaan of geprobeerd is."
        .into();
    h.consent.given_by = "De bewoner".into();
    h.consent.scope = vec![DataCategory::Question, DataCategory::HelpSoFar];
    h.withheld = vec![
        DataCategory::Identity,
        DataCategory::Contact,
        DataCategory::Network,
    ];
    h
}

/// Shared without consent in acute danger, with a long ask (two pages).
fn overridden() -> Handover {
    let mut h = minimised();
    h.person.name = s(NAME);
    h.person.address = s(ADDRESS);
    h.withheld = vec![DataCategory::Network];
    h.consent = HandoverConsent {
        statement: "Er is geen geldige toestemming. De contactpersoon deelt deze gegevens omdat \
                    er acuut gevaar is."
            .into(),
        given_by: String::new(),
        given_on: String::new(),
        how: String::new(),
        scope: vec![
            DataCategory::Identity,
            DataCategory::Contact,
            DataCategory::Question,
            DataCategory::HelpSoFar,
        ],
        valid_until: None,
        override_reason: s(
            "Mevrouw is gevallen, ligt al twee dagen op bed en eet niet. Ze \
                            wil geen dokter. Haar zoon is op vakantie en niet te bereiken.",
        ),
    };
    h.case.ask = Some(long_ask());
    h
}

/// About 3 000 characters in the resident's own words.
fn long_ask() -> String {
    let part = "Sinds de winter gaat het niet goed meer met lopen. Ik kom de trap niet meer op \
                en slaap nu beneden in de stoel. De huisarts zegt dat ik hulp moet vragen, maar \
                ik weet niet bij wie. Mijn zoon Ruben komt op zondag, maar hij heeft het ook druk \
                met zijn werk en de kinderen. Ik wil niemand tot last zijn. ";
    let mut s = String::new();
    let mut i = 1;
    while s.chars().count() < 3_000 {
        s.push_str(&format!("({i}) {part}"));
        i += 1;
    }
    s.push_str("Einde van mijn verhaal: dank u wel, één kopje thee met ĳs? Nee hoor.");
    s
}

struct Rendered {
    text: String,
    pages: u32,
    pdf: Vec<u8>,
    path: PathBuf,
}

fn out_dir() -> std::io::Result<(Option<tempfile::TempDir>, PathBuf)> {
    match std::env::var_os("HANDOVER_OUT") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir)?;
            Ok((None, dir))
        }
        None => {
            let t = tempfile::tempdir()?;
            let p = t.path().to_owned();
            Ok((Some(t), p))
        }
    }
}

fn tool(cmd: &str, args: &[&str], file: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let out = Command::new(cmd)
        .args(args)
        .arg(file)
        .args(if cmd == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .map_err(|e| format!("{cmd} (poppler-utils) is needed for this test: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn render(h: &Handover, dir: &Path, name: &str) -> Result<Rendered, Box<dyn std::error::Error>> {
    let pdf = pdf::render(h)?;
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, &pdf)?;
    std::fs::write(dir.join(format!("{name}.json")), to_json(h)?)?;
    std::fs::write(dir.join(format!("{name}.csv")), csv::render(h)?)?;
    let text = tool("pdftotext", &["-layout", "-enc", "UTF-8"], &path)?;
    let info = tool("pdfinfo", &[], &path)?;
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or("pdfinfo gave no page count")?;
    Ok(Rendered {
        text,
        pages,
        pdf,
        path,
    })
}

/// Whitespace collapsed, so that wrapped lines and the layout's padding do
/// not matter when looking for a sentence.
/// The text without the running header and footer of each page.
fn without_page_furniture(text: &str) -> String {
    text.lines()
        .filter(|l| {
            !l.contains("Vertrouwelijk: bevat persoonsgegevens")
                && !l.contains(" · Overdracht aan ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .ok_or("the CSV must start with a UTF-8 byte-order mark")?;
    let mut r = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(true)
        .from_reader(body);
    let headers = r.headers()?.clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), vec!["veld", "waarde"]);
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        assert_eq!(rec.len(), 2, "two columns in every row");
        rows.push((rec[0].to_owned(), rec[1].to_owned()));
    }
    Ok(rows)
}

/// Dotted keys of every leaf in a JSON value (array items repeat the key).
fn json_keys(prefix: &str, v: &serde_json::Value, out: &mut BTreeMap<String, usize>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                json_keys(&key, v, out);
            }
        }
        serde_json::Value::Array(items) => {
            for i in items {
                json_keys(prefix, i, out);
            }
        }
        _ => *out.entry(prefix.to_owned()).or_default() += 1,
    }
}

fn schema() -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/overdracht.schema.json");
    Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
}

#[test]
fn the_full_handover_pdf_holds_every_section_and_field() -> TestResult {
    let (_keep, dir) = out_dir()?;
    let r = render(&full(), &dir, "overdracht")?;
    let t = flat(&r.text);
    for must in [
        "Buurtpunt Lindeloo",
        "22 november 2026",
        "Overdracht aan Wmo-loket gemeente Oosterveen",
        "Over wie",
        NAME,
        "5 maart 1941",
        ADDRESS,
        PHONE,
        EMAIL,
        "De hulpvraag",
        "In eigen woorden",
        "Eén keer per week naar het café met de buurvrouw",
        "De vraag achter de vraag",
        "Vervoer, Gezondheid, Sociaal contact",
        "Eigen kracht en netwerk",
        "Mantelzorg",
        "Wat er al gedaan is",
        "Henk de Boer (6 uur)",
        "Reden van overdracht",
        "Dringend",
        "20 november 2026",
        "Onderzoek klaar uiterlijk",
        "1 januari 2027",
        "Toestemming",
        "gaf op 20-11-2026 mondeling toestemming",
        // Whom to call back, and the kenmerk to quote, at the top.
        "Terugbellen",
        "Gerda Mulder: 06-48123907, gerda.mulder@lindeloo.example",
        "Buurtpunt Lindeloo: 0591-123456, buurtpunt@lindeloo.example",
        "Kenmerk",
        "BP-2026-0042",
        "Afspraken",
        "belt zelf de fysiotherapeut (uiterlijk 1 december 2026)",
        "Cliëntondersteuning",
        "U hebt recht op gratis cliëntondersteuning",
        "Pagina 1 van",
    ] {
        assert!(t.contains(must), "missing {must:?} in:\n{}", r.text);
    }
    assert!(
        !t.contains("Niet gedeeld"),
        "nothing was withheld, so no such section"
    );
    assert!(!t.contains("zonder toestemming"), "consent was given");
    Ok(())
}

#[test]
fn markup_and_sql_in_the_data_appear_verbatim() -> TestResult {
    let (_keep, dir) = out_dir()?;
    let mut h = full();
    // Characters the embedded font lacks (emoji) must not break the PDF/UA
    // export: they are drawn as a visible replacement; JSON and CSV keep them.
    h.case.own_strength = s("Gaat graag naar de markt 👍\u{fe0f} met de rollator.");
    let r = render(&h, &dir, "payload")?;
    assert!(flat(&r.text).contains("de markt \u{fffd} met de rollator"));
    assert!(String::from_utf8(csv::render(&h)?)?.contains("👍"));
    assert!(
        flat(&r.text).contains(PAYLOAD),
        "payload not verbatim in:\n{}",
        r.text
    );
    let json: serde_json::Value = serde_json::from_slice(&to_json(&h)?)?;
    assert_eq!(json["case"]["tried"], PAYLOAD);
    let rows = csv_rows(&csv::render(&h)?)?;
    assert!(rows.contains(&("case.tried".into(), PAYLOAD.into())));
    Ok(())
}

#[test]
fn the_minimised_handover_leaves_out_what_the_consent_does_not_cover() -> TestResult {
    let (_keep, dir) = out_dir()?;
    let h = minimised();
    let r = render(&h, &dir, "overdracht-minimaal")?;
    let pdf_text = flat(&r.text);
    let json = String::from_utf8(to_json(&h)?)?;
    let csv_text = String::from_utf8(csv::render(&h)?)?;
    let birth = "1941-03-05";
    for (file, text) in [("PDF", &pdf_text), ("JSON", &json), ("CSV", &csv_text)] {
        for secret in [
            PHONE,
            EMAIL,
            NAME,
            "Kerkstraat",
            birth,
            "5 maart 1941",
            "Ruben (mantelzorger)",
            "goede buurvrouw",
        ] {
            assert!(!text.contains(secret), "{file} holds withheld {secret:?}");
        }
    }
    // No label with an empty value: the whole "Over wie" section is gone.
    for label in [
        "Over wie",
        "Geboortedatum",
        "Bereikbaar",
        "Eigen kracht en netwerk",
        "Mantelzorg",
    ] {
        assert!(
            !pdf_text.contains(label),
            "PDF shows {label:?} without a value"
        );
    }
    for must in [
        "Niet gedeeld",
        "De toestemming van de bewoner geldt er niet voor",
        "Naam en geboortedatum",
        "Adres en contactgegevens",
        "Eigen kracht, netwerk en mantelzorg",
        "In eigen woorden",
        "Wat er al gedaan is",
    ] {
        assert!(pdf_text.contains(must), "missing {must:?} in:\n{}", r.text);
    }
    let value: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(
        value["person"],
        serde_json::json!({}),
        "no person fields, not even null"
    );
    assert!(!json.contains("null"));
    assert_eq!(
        value["withheld"],
        serde_json::json!(["identity", "contact", "network"])
    );
    let rows = csv_rows(csv_text.as_bytes())?;
    let withheld: Vec<&str> = rows
        .iter()
        .filter(|(k, _)| k == "withheld")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(withheld, vec!["identity", "contact", "network"]);
    assert!(rows.iter().all(|(k, _)| !k.starts_with("person.")));
    Ok(())
}

#[test]
fn the_override_shows_a_marked_box_and_a_long_ask_flows_onto_a_second_page() -> TestResult {
    let (_keep, dir) = out_dir()?;
    let h = overridden();
    assert!(h
        .case
        .ask
        .as_ref()
        .is_some_and(|a| a.chars().count() >= 3_000));
    let r = render(&h, &dir, "overdracht-acuut")?;
    let t = flat(&r.text);
    assert!(
        r.pages >= 2,
        "a 3 000-character ask needs two pages, got {}",
        r.pages
    );
    assert!(t.contains(&format!("Pagina 1 van {}", r.pages)));
    assert!(t.contains(&format!("Pagina {0} van {0}", r.pages)));
    for must in [
        "Gedeeld zonder toestemming bij acuut gevaar",
        "Mevrouw is gevallen, ligt al twee dagen op bed en eet niet.",
        "(1) Sinds de winter gaat het niet goed meer met lopen.",
        "Einde van mijn verhaal: dank u wel, één kopje thee met ĳs? Nee hoor.",
        "Niet gedeeld",
        "Ze vallen buiten wat het buurtpunt in deze situatie deelt",
    ] {
        assert!(t.contains(must), "missing {must:?} in:\n{}", r.text);
    }
    // Every sentence of the long ask is there, none is cut off at a page end
    // (read without the running header and footer between the pages).
    let body = flat(&without_page_furniture(&r.text));
    let ask = flat(h.case.ask.as_deref().unwrap_or_default());
    assert!(body.contains(&ask[..200]) && body.contains(&ask[ask.len() - 200..]));
    let count = |needle: &str| t.matches(needle).count();
    assert_eq!(
        count("Ik wil niemand tot last zijn."),
        ask.matches("Ik wil niemand tot last zijn.").count()
    );
    // The consent rows do not appear for an override.
    assert!(!t.contains("Gegeven door"));
    Ok(())
}

#[test]
fn the_pdf_is_tagged_in_dutch_with_embedded_fonts() -> TestResult {
    let (_keep, dir) = out_dir()?;
    let r = render(&overridden(), &dir, "tagged")?;
    let has = |needle: &[u8]| r.pdf.windows(needle.len()).any(|w| w == needle);
    assert!(r.pdf.starts_with(b"%PDF-"));
    assert!(has(b"/StructTreeRoot"), "no structure tree");
    assert!(has(b"/MarkInfo"), "no MarkInfo");
    assert!(has(b"/Lang(nl-NL)"), "document language is not nl-NL");

    let info = tool("pdfinfo", &[], &r.path)?;
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
    };
    assert_eq!(field("Tagged:").as_deref(), Some("yes"), "{info}");
    assert_eq!(
        field("Title:").as_deref(),
        Some("Overdracht aan Wmo-loket gemeente Oosterveen"),
        "{info}"
    );
    assert_eq!(
        field("Page size:").as_deref(),
        Some("595.276 x 841.89 pts (A4)"),
        "{info}"
    );

    let fonts = tool("pdffonts", &[], &r.path)?;
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "regular and bold expected:\n{fonts}");
    for row in &rows {
        assert!(row.contains("DejaVuSans"), "unexpected font: {row}");
        // Columns: name type encoding emb sub uni object ID.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols.get(cols.len().saturating_sub(5)).copied();
        assert_eq!(emb, Some("yes"), "font not embedded: {row}");
    }

    // The structure tree has the document title as H1 and sections as H2.
    let structure = tool("pdfinfo", &["-struct"], &r.path)?;
    for tag in ["H1", "H2", "P", "L", "LI"] {
        assert!(
            structure.lines().any(|l| l.trim_start().starts_with(tag)),
            "no {tag} in the structure tree:\n{structure}"
        );
    }
    Ok(())
}

#[test]
fn json_and_csv_hold_the_same_fields_and_the_json_matches_the_schema() -> TestResult {
    let schema = schema()?;
    assert_eq!(schema["$id"], SCHEMA);
    jsonschema::meta::validate(&schema).map_err(|e| format!("the schema itself: {e}"))?;
    let validator = jsonschema::validator_for(&schema).map_err(|e| e.to_string())?;
    for h in [full(), minimised(), overridden()] {
        let bytes = to_json(&h)?;
        let value: serde_json::Value = serde_json::from_slice(&bytes)?;
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "schema errors: {errors:#?}");

        let mut from_json = BTreeMap::new();
        json_keys("", &value, &mut from_json);
        let mut from_csv = BTreeMap::new();
        for (k, _) in csv_rows(&csv::render(&h)?)? {
            *from_csv.entry(k).or_insert(0usize) += 1;
        }
        assert_eq!(
            from_json, from_csv,
            "the CSV and JSON carry different fields"
        );
    }
    Ok(())
}

#[test]
fn every_schema_property_is_described_in_dutch_and_english() -> TestResult {
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
            for (k, p) in props {
                let d = p.get("description").and_then(|d| d.as_str()).unwrap_or("");
                if !(d.starts_with("NL: ") && d.contains(" EN: ")) {
                    missing.push(format!("{path}.{k}"));
                }
                walk(p, &format!("{path}.{k}"), missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&schema()?, "", &mut missing);
    assert!(
        missing.is_empty(),
        "not described in NL and EN: {missing:?}"
    );
    Ok(())
}

#[test]
fn the_csv_is_excel_friendly_and_quotes_what_needs_quoting() -> TestResult {
    let mut h = full();
    h.case.tried = s("Gebeld; geen antwoord.\n\"Morgen\" weer proberen.");
    h.case.own_strength = s("=HYPERLINK(\"http://voorbeeld.invalid\")");
    let bytes = csv::render(&h)?;
    assert!(bytes.starts_with("\u{feff}veld;waarde\r\n".as_bytes()));
    let rows = csv_rows(&bytes)?;
    let get = |key: &str| rows.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    assert_eq!(get("case.tried").as_deref(), h.case.tried.as_deref());
    assert_eq!(get("person.name").as_deref(), Some(NAME));
    assert_eq!(
        get("case.ownStrength").as_deref(),
        Some("'=HYPERLINK(\"http://voorbeeld.invalid\")"),
        "a formula is defused for spreadsheets"
    );
    let areas: Vec<&str> = rows
        .iter()
        .filter(|(k, _)| k == "case.lifeAreas")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(areas, vec!["Vervoer", "Gezondheid", "Sociaal contact"]);
    assert_eq!(rows.first().map(|r| r.0.as_str()), Some("$schema"));
    Ok(())
}

/// A handover never ends on a nearly empty page: when the last page would
/// hold only a few lines, it is laid out with less white space.
#[test]
fn no_handover_ends_on_a_nearly_empty_page() -> TestResult {
    let (_keep, dir) = out_dir()?;
    for (name, h) in [
        ("pagina-vol", full()),
        ("pagina-minimaal", minimised()),
        ("pagina-acuut", overridden()),
    ] {
        let r = render(&h, &dir, name)?;
        if r.pages == 1 {
            continue;
        }
        let last = tool(
            "pdftotext",
            &[
                "-layout",
                "-f",
                &r.pages.to_string(),
                "-l",
                &r.pages.to_string(),
            ],
            &dir.join(format!("{name}.pdf")),
        )?;
        let lines = without_page_furniture(&last)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        assert!(
            lines >= 10,
            "{name}: the last of {} pages holds only {lines} lines:\n{last}",
            r.pages
        );
    }
    Ok(())
}
