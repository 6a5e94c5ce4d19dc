//! Data minimisation of the handover, through `handover::export` on a real
//! (in-memory) database: for every subset of the consent categories, no value
//! of a category outside the consent reaches the JSON, the CSV or the PDF
//! text (read back with poppler-utils' `pdftotext`, as in handover_files.rs),
//! and every value inside it does. Also the acute-danger override.
//! All people and places are fictional.

use std::path::Path;
use std::process::Command;

use buurtpunt_core::consents::{self, ConsentHow, ConsentInput, GivenBy};
use buurtpunt_core::contact_persons::{self, ContactPersonInput};
use buurtpunt_core::followup::{self, AgreementInput, Party};
use buurtpunt_core::handover::build::{self, Basis, Facts};
use buurtpunt_core::handover::{self, csv, pdf, to_json, ExportInput, HandoverSender};
use buurtpunt_core::hours::{self, HourInput};
use buurtpunt_core::matches::{self, MatchInput, MatchStatus};
use buurtpunt_core::referrals::{self, ReferralInput};
use buurtpunt_core::requests::{self, RequestInput, Urgency};
use buurtpunt_core::residents::{
    self, ContactPreference, NetworkMember, NetworkRole, ResidentInput,
};
use buurtpunt_core::settings;
use buurtpunt_core::vocab::DataCategory;
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::volunteers::{self, VolunteerInput, VolunteerStatus};
use buurtpunt_core::{Db, Error};
use chrono::{NaiveDate, NaiveDateTime};

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

use DataCategory::{Contact, HelpSoFar, Identity, Network, Question};

const RECIPIENT: &str = "Wmo-loket gemeente Aadal";
const DANGER: &str = "Mevrouw is gevallen en ligt alleen thuis; niemand neemt op.";

/// Where a value shows when its category is shared.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    /// In the JSON, the CSV and the PDF text, as stored.
    Everywhere,
    /// In the JSON and the CSV only (the PDF writes it another way).
    Data,
    /// In the PDF text only (the PDF's way of writing a stored value).
    Pdf,
    /// Nowhere: another way of writing it that must never show up when withheld.
    NeverExpected,
}

/// Every value of the case, by the category that covers it. None of them is
/// part of any fixed text of the files.
const VALUES: &[(DataCategory, &str, Shown)] = &[
    (Identity, "Wobbeline", Shown::Everywhere),
    (Identity, "Quaadvliet", Shown::Everywhere),
    (Identity, "1938-07-14", Shown::Data),
    (Identity, "14 juli 1938", Shown::Pdf),
    (Identity, "14-07-1938", Shown::NeverExpected),
    (Contact, "Zwaluwstaartlaan", Shown::Everywhere),
    (Contact, "17b", Shown::Everywhere),
    (Contact, "9412 QX", Shown::Everywhere),
    (Contact, "Ekelhorst", Shown::Everywhere),
    (Contact, "06-19283746", Shown::Everywhere),
    (Contact, "zonnedauw77@voorbeeld.nl", Shown::Everywhere),
    (Contact, "langsgaan", Shown::Everywhere),
    (Contact, "Jeugdjournaal", Shown::Everywhere),
    (Question, "Kwispelmolen", Shown::Everywhere),
    (Question, "Schemerangst", Shown::Everywhere),
    (Question, "Geld en administratie", Shown::Everywhere),
    (Question, "Tuin en klussen", Shown::Everywhere),
    // The contact person's reason for the handover speaks of the question.
    (Question, "Stofzuigerangst", Shown::Everywhere),
    (Network, "Sokkenbergen", Shown::Everywhere),
    (Network, "Tjoelker", Shown::Everywhere),
    (Network, "06-55501234", Shown::Everywhere),
    (Network, "nachtdiensten", Shown::Everywhere),
    (Network, "Omlo", Shown::Everywhere),
    (Network, "achternicht", Shown::Everywhere),
    (HelpSoFar, "Fluitekruid", Shown::Everywhere),
    (HelpSoFar, "Brievenbusklep", Shown::Everywhere),
    (HelpSoFar, "Hazewinkel", Shown::Everywhere),
    (HelpSoFar, "Kattenluikroute", Shown::Everywhere),
    // The agreements: the resident's own, and one of the carer (named only
    // when the network is shared too: "Tjoelker" is a network value).
    (HelpSoFar, "Pannenkoekenplan", Shown::Everywhere),
    (HelpSoFar, "Dakgootrondje", Shown::Everywhere),
];

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

struct Case {
    resident: i64,
    request: i64,
    referral: i64,
    contact_person: i64,
}

/// One case in which every field that can go into a handover has a value.
fn case(db: &mut Db) -> TestResult<Case> {
    let mut s = settings::get(db.conn())?;
    s.help_point_name = "Buurtpunt Lindeloo".into();
    settings::update(db, &s)?;
    let resident = residents::create(
        db,
        ResidentInput {
            first_name: "Wobbeline".into(),
            last_name: "Quaadvliet".into(),
            street: "Zwaluwstaartlaan".into(),
            house_number: "17b".into(),
            postcode: "9412qx".into(),
            kern: "Ekelhorst".into(),
            phone: "06-19283746".into(),
            email: "zonnedauw77@voorbeeld.nl".into(),
            contact_preference: Some(ContactPreference::AtTheDoor),
            contact_time: "Na het Jeugdjournaal".into(),
            birth_date: "1938-07-14".into(),
            proxy_name: "Geertruida Omlo".into(),
            proxy_relation: "achternicht".into(),
            network: vec![NetworkMember {
                role: NetworkRole::InformalCarer,
                name: "Hidde Tjoelker".into(),
                phone: "06-55501234".into(),
                email: String::new(),
                note: "Draait nachtdiensten".into(),
            }],
            ..Default::default()
        },
        false,
        now(),
    )?
    .id;
    let helper = residents::create(
        db,
        ResidentInput {
            first_name: "Sybren".into(),
            last_name: "Hazewinkel".into(),
            kern: "Lindeloo".into(),
            ..Default::default()
        },
        false,
        now(),
    )?
    .id;
    // Money matters with no task picked: the VOG rule of that life area holds.
    volunteers::create(
        db,
        helper,
        VolunteerInput {
            vog_on: "2025-05-01".into(),
            ..Default::default()
        },
        VolunteerStatus::Active,
        now(),
    )?;
    let request = requests::create(
        db,
        RequestInput {
            resident_id: Some(resident),
            received_on: "2026-11-18".into(),
            ask: "Wie helpt met de Kwispelmolen in de achtertuin?".into(),
            underlying_need: "Schemerangst sinds de winter".into(),
            life_areas: vec![LifeArea::MoneyAndAdmin, LifeArea::GardenAndOddJobs],
            own_strength: "Breit elke dag Sokkenbergen voor de buurt".into(),
            tried: "Al gebeld met stichting Fluitekruid".into(),
            ..Default::default()
        },
        now(),
    )?
    .id;
    let m = matches::create(
        db,
        MatchInput {
            request_id: request,
            volunteer_id: helper,
            agreement: "Elke dinsdag de Kattenluikroute".into(),
            status: Some(MatchStatus::Agreed),
            ..Default::default()
        },
        now(),
    )?;
    hours::log(
        db,
        &HourInput {
            match_id: m.id,
            on_date: "2026-11-21".into(),
            hours: "2".into(),
            ..Default::default()
        },
        now(),
    )?;
    for (party, who, what) in [
        (Party::Resident, "", "Maakt zelf een Pannenkoekenplan"),
        (Party::Network, "Hidde Tjoelker", "Loopt het Dakgootrondje"),
    ] {
        followup::add_agreement(
            db,
            request,
            &AgreementInput {
                party,
                who: who.into(),
                what: what.into(),
                due_on: String::new(),
            },
            now(),
        )?;
    }
    let referral = referrals::create(
        db,
        request,
        &ReferralInput {
            service_id: None,
            organisation: RECIPIENT.into(),
            service: "Melding Wmo".into(),
            contact: "0599-800800".into(),
            wmo_desk: true,
            reason: "Meer hulp nodig dan vrijwilligers kunnen geven: Stofzuigerangst.".into(),
            urgency: Urgency::Normal,
            volunteers_did: "Drie keer de Brievenbusklep gerepareerd".into(),
        },
        now(),
    )?
    .id;
    let contact_person = contact_persons::create(
        db,
        &ContactPersonInput {
            name: "Hennie Brinkhuis".into(),
            phone: "0599-111222".into(),
            email: String::new(),
            active: true,
        },
    )?
    .id;
    Ok(Case {
        resident,
        request,
        referral,
        contact_person,
    })
}

fn consent(categories: Vec<DataCategory>) -> ConsentInput {
    ConsentInput {
        given_by: GivenBy::Resident,
        representative: String::new(),
        given_on: "2026-11-20".into(),
        how: ConsentHow::Written,
        categories,
        service_id: None,
        recipient: RECIPIENT.into(),
        valid_until: String::new(),
        note: String::new(),
    }
}

/// The PDF as text, whitespace collapsed (wrapped lines do not matter).
fn pdf_text(path: &Path) -> TestResult<String> {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| format!("pdftotext (poppler-utils) is needed for this test: {e}"))?;
    if !out.status.success() {
        return Err(format!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The three files of one export, as text.
struct Files {
    json: String,
    csv: String,
    pdf: String,
}

impl Files {
    fn read(pdf_path: &Path) -> TestResult<Files> {
        Ok(Files {
            json: std::fs::read_to_string(pdf_path.with_extension("json"))?,
            csv: std::fs::read_to_string(pdf_path.with_extension("csv"))?,
            pdf: pdf_text(pdf_path)?,
        })
    }
}

/// Withheld values appear in no file; shared ones appear where expected.
fn check_scope(files: &Files, scope: &[DataCategory]) {
    for (cat, value, shown) in VALUES {
        for (name, text, expected) in [
            (
                "JSON",
                &files.json,
                matches!(shown, Shown::Everywhere | Shown::Data),
            ),
            (
                "CSV",
                &files.csv,
                matches!(shown, Shown::Everywhere | Shown::Data),
            ),
            (
                "PDF",
                &files.pdf,
                matches!(shown, Shown::Everywhere | Shown::Pdf),
            ),
        ] {
            if !scope.contains(cat) {
                assert!(
                    !text.contains(value),
                    "scope {scope:?}: the {name} holds {value:?} of {cat:?}:\n{text}"
                );
            } else if expected {
                assert!(
                    text.contains(value),
                    "scope {scope:?}: the {name} lacks {value:?} of {cat:?}:\n{text}"
                );
            }
        }
    }
}

/// The categories of `mask`, in the order of `DataCategory::ALL`.
fn subset(mask: usize) -> Vec<DataCategory> {
    DataCategory::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, c)| *c)
        .collect()
}

#[test]
fn no_file_holds_a_value_outside_the_consent_for_any_set_of_categories() -> TestResult {
    let mut db = Db::in_memory()?;
    let c = case(&mut db)?;
    let dir = tempfile::tempdir()?;
    let input = ExportInput {
        referral_id: c.referral,
        contact_person_id: c.contact_person,
        ..Default::default()
    };
    let all = DataCategory::ALL.len();
    for mask in 1..(1usize << all) {
        let scope = subset(mask);
        // The newest valid consent for the recipient is the one that counts.
        consents::record(&mut db, c.resident, &consent(scope.clone()), now())?;
        let path = dir.path().join(format!("overdracht-{mask:02}.pdf"));
        let out = handover::export(&mut db, &input, &path, now())?;
        assert!(!out.override_used);
        assert_eq!(out.shared, scope);
        let withheld: Vec<DataCategory> = DataCategory::ALL
            .iter()
            .copied()
            .filter(|x| !scope.contains(x))
            .collect();
        assert_eq!(out.withheld, withheld);
        check_scope(&Files::read(&path)?, &scope);
        let logged = &handover::exports_of(db.conn(), c.resident)?[0];
        assert_eq!((&logged.shared, &logged.withheld), (&scope, &withheld));
    }
    assert_eq!(
        handover::exports_of(db.conn(), c.resident)?.len(),
        (1 << all) - 1
    );

    // The empty set cannot be chosen (a consent or an override names at
    // least one category), but the document builder keeps it empty too.
    let resident = residents::get(db.conn(), c.resident)?;
    let request = requests::get(db.conn(), c.request)?;
    let referral = referrals::get(db.conn(), c.referral, now().date())?;
    let found = matches::for_request(db.conn(), c.request)?;
    let facts = Facts {
        resident: &resident,
        request: &request,
        referral: &referral,
        matches: &found,
        agreements: &followup::agreements_of(db.conn(), c.request)?,
        sender: HandoverSender {
            help_point: "Buurtpunt Lindeloo".into(),
            help_point_phone: String::new(),
            help_point_email: String::new(),
            contact_person: "Hennie Brinkhuis".into(),
            phone: "0599-111222".into(),
            email: String::new(),
        },
    };
    let doc = build::build(
        &facts,
        &Basis::Override {
            reason: DANGER,
            categories: &[],
        },
        now().date(),
    );
    assert_eq!(doc.withheld, DataCategory::ALL.to_vec());
    let path = dir.path().join("overdracht-leeg.pdf");
    std::fs::write(&path, pdf::render(&doc)?)?;
    std::fs::write(path.with_extension("json"), to_json(&doc)?)?;
    std::fs::write(path.with_extension("csv"), csv::render(&doc)?)?;
    check_scope(&Files::read(&path)?, &[]);
    Ok(())
}

#[test]
fn in_acute_danger_the_export_is_made_without_consent_and_the_reason_is_logged() -> TestResult {
    let mut db = Db::in_memory()?;
    let c = case(&mut db)?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("overdracht.pdf");
    let mut input = ExportInput {
        referral_id: c.referral,
        contact_person_id: c.contact_person,
        override_reason: DANGER.into(),
        override_categories: Vec::new(),
    };
    // A reason without a choice of what to share is refused; nothing is written.
    match handover::export(&mut db, &input, &path, now()) {
        Err(Error::Invalid(fields)) => {
            assert_eq!(fields[0].field, "overrideCategories");
            assert_eq!(fields[0].rule, Rule::Required);
        }
        other => panic!("expected a missing choice of categories, got {other:?}"),
    }
    assert!(!path.exists());

    input.override_categories = vec![Identity, Question];
    let out = handover::export(&mut db, &input, &path, now())?;
    assert!(out.override_used);
    assert_eq!(out.shared, vec![Identity, Question]);
    assert_eq!(out.withheld, vec![Contact, Network, HelpSoFar]);
    assert_eq!(out.files.len(), 3);
    for f in &out.files {
        assert!(Path::new(f).exists(), "{f} was not written");
    }
    let files = Files::read(&path)?;
    check_scope(&files, &[Identity, Question]);
    let json: serde_json::Value = serde_json::from_str(&files.json)?;
    assert_eq!(json["consent"]["overrideReason"], DANGER);
    assert!(files
        .pdf
        .contains("Gedeeld zonder toestemming bij acuut gevaar"));
    assert!(files.pdf.contains(DANGER));

    let log = handover::exports_of(db.conn(), c.resident)?;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].override_reason, DANGER);
    assert_eq!(log[0].shared, vec![Identity, Question]);
    assert_eq!(log[0].withheld, vec![Contact, Network, HelpSoFar]);
    assert_eq!(log[0].recipient, RECIPIENT);
    assert_eq!(log[0].contact_person, "Hennie Brinkhuis");
    assert_eq!(log[0].files, out.files);
    assert_eq!(log[0].request_id, Some(c.request));
    let notes = requests::get(db.conn(), c.request)?.contact_log;
    assert!(
        notes
            .iter()
            .any(|e| e.note.contains("acuut gevaar") && e.note.contains(DANGER)),
        "contact log: {notes:?}"
    );

    // With a valid consent the consent counts: no override is logged.
    consents::record(&mut db, c.resident, &consent(vec![Question]), now())?;
    let again = dir.path().join("overdracht-2.pdf");
    let out = handover::export(&mut db, &input, &again, now())?;
    assert!(!out.override_used);
    assert_eq!(out.shared, vec![Question]);
    let log = handover::exports_of(db.conn(), c.resident)?;
    assert_eq!(log.len(), 2);
    let newest = log.iter().max_by_key(|r| r.id).ok_or("no export logged")?;
    assert_eq!(newest.override_reason, "");
    assert_eq!(newest.shared, vec![Question]);
    check_scope(&Files::read(&again)?, &[Question]);
    Ok(())
}

#[test]
fn files_that_cannot_be_written_leave_no_log_line_and_no_half_export() -> TestResult {
    let mut db = Db::in_memory()?;
    let c = case(&mut db)?;
    consents::record(
        &mut db,
        c.resident,
        &consent(vec![Identity, Question]),
        now(),
    )?;
    let dir = tempfile::tempdir()?;
    // The CSV's name is taken by a folder: the PDF and JSON can be written,
    // the CSV cannot.
    let path = dir.path().join("overdracht.pdf");
    std::fs::create_dir(dir.path().join("overdracht.csv"))?;
    let input = ExportInput {
        referral_id: c.referral,
        contact_person_id: c.contact_person,
        ..Default::default()
    };
    let failed = handover::export(&mut db, &input, &path, now());
    assert!(failed.is_err(), "{failed:?}");
    assert!(handover::exports_of(db.conn(), c.resident)?.is_empty());
    assert!(!path.exists(), "the PDF was taken away again");
    assert!(!path.with_extension("json").exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())?
        .map(|e| e.map(|e| e.file_name()))
        .collect::<Result<_, _>>()?;
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("overdracht.csv")],
        "only the folder that was in the way"
    );
    let notes = requests::get(db.conn(), c.request)?.contact_log;
    assert!(!notes.iter().any(|e| e.note.contains("Overdracht aan")));
    Ok(())
}
