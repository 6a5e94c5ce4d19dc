//! The social map on a real (in-memory) database with the migrations applied:
//! forms and their rules, search, the 12-month reminder, suggestions for the
//! referral screen, and HSDS import/export.

use buurtpunt_core::professional::ProfessionalFlag;
use buurtpunt_core::social_map::hsds::{self, HsdsAction, HsdsFormat as Format};
use buurtpunt_core::social_map::{
    self, OrganisationInput, OrganisationQuery, ServiceInput, ServiceQuery,
};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::{demo, Db, Error, Result};
use chrono::{Days, NaiveDate, NaiveDateTime};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

fn days_ago(n: u64) -> NaiveDateTime {
    now() - Days::new(n)
}

fn org(db: &mut Db, name: &str) -> Result<i64> {
    Ok(social_map::create_organisation(
        db,
        OrganisationInput {
            name: name.into(),
            ..Default::default()
        },
        now(),
    )?
    .id)
}

fn service(db: &mut Db, org: i64, input: ServiceInput) -> Result<i64> {
    Ok(social_map::create_service(db, org, input, now())?.id)
}

fn named(name: &str) -> ServiceInput {
    ServiceInput {
        name: name.into(),
        ..Default::default()
    }
}

fn search(db: &Db, text: &str) -> Result<Vec<String>> {
    Ok(social_map::list_organisations(
        db.conn(),
        &OrganisationQuery {
            text: text.into(),
            ..Default::default()
        },
        now().date(),
    )?
    .items
    .into_iter()
    .map(|o| o.name)
    .collect())
}

fn rules(e: &Error) -> Vec<(String, Rule)> {
    e.fields()
        .iter()
        .map(|f| (f.field.clone(), f.rule))
        .collect()
}

#[test]
fn an_organisation_needs_a_name_and_valid_contact_details() -> Result<()> {
    let mut db = Db::in_memory()?;
    let err = social_map::create_organisation(
        &mut db,
        OrganisationInput {
            name: "  ".into(),
            email: "info@".into(),
            website: "veenmarke".into(),
            phone: "bel ons".into(),
            description: "x".repeat(4_001),
            ..Default::default()
        },
        now(),
    )
    .expect_err("invalid input is refused");
    assert_eq!(err.code(), "invalid_input");
    let found = rules(&err);
    for expected in [
        ("name", Rule::Required),
        ("email", Rule::Email),
        ("website", Rule::Url),
        ("phone", Rule::Phone),
        ("description", Rule::TooLong),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1)),
            "{expected:?} in {found:?}"
        );
    }
    assert!(search(&db, "")?.is_empty(), "nothing was saved");

    // Service numbers such as 0800-numbers are phone numbers too.
    let ok = social_map::create_organisation(
        &mut db,
        OrganisationInput {
            name: " Steunpunt  ".into(),
            phone: "0800-1234".into(),
            website: "https://steunpunt.example/hulp".into(),
            ..Default::default()
        },
        now(),
    )?;
    assert_eq!(ok.name, "Steunpunt");
    assert!(ok.needs_check, "a new entry has never been checked");
    Ok(())
}

#[test]
fn a_service_checks_its_contact_and_keeps_its_topics() -> Result<()> {
    let mut db = Db::in_memory()?;
    let o = org(&mut db, "Welzijn")?;
    let err = social_map::create_service(
        &mut db,
        o,
        ServiceInput {
            name: "Ouderenadviseur".into(),
            contact_email: "geen mail".into(),
            contact_phone: "12".into(),
            ..Default::default()
        },
        now(),
    )
    .expect_err("bad contact details");
    assert_eq!(
        rules(&err),
        vec![
            ("contactEmail".to_owned(), Rule::Email),
            ("contactPhone".to_owned(), Rule::Phone)
        ]
    );
    let id = service(
        &mut db,
        o,
        ServiceInput {
            name: "Ouderenadviseur".into(),
            languages: "Nederlands;Fries , ".into(),
            flags: vec![ProfessionalFlag::Debts, ProfessionalFlag::Debts],
            areas: vec![LifeArea::SocialContact, LifeArea::Housing],
            ..Default::default()
        },
    )?;
    let detail = social_map::get_service(db.conn(), id)?;
    assert_eq!(detail.organisation_name, "Welzijn");
    assert_eq!(detail.service.languages, "Nederlands, Fries");
    assert_eq!(detail.service.flags, vec![ProfessionalFlag::Debts]);
    assert_eq!(
        detail.service.areas,
        vec![LifeArea::Housing, LifeArea::SocialContact]
    );
    let missing = social_map::create_service(&mut db, 999, named("Los"), now())
        .expect_err("no such organisation");
    assert_eq!(missing.code(), "not_found");
    Ok(())
}

#[test]
fn search_ignores_diacritics_and_finds_services_and_topics() -> Result<()> {
    let mut db = Db::in_memory()?;
    let zoe = org(&mut db, "Buurthuis Zoë")?;
    service(&mut db, zoe, named("Koffieochtend"))?;
    let geld = org(&mut db, "Geldzaken")?;
    service(
        &mut db,
        geld,
        ServiceInput {
            name: "Hulp bij rekeningen".into(),
            flags: vec![ProfessionalFlag::Debts],
            ..Default::default()
        },
    )?;
    let ij = org(&mut db, "Stichting Ĳsselmonde")?;
    service(&mut db, ij, named("Vervoer"))?;

    assert_eq!(search(&db, "zoe")?, vec!["Buurthuis Zoë"]);
    assert_eq!(search(&db, "ZOË koffie")?, vec!["Buurthuis Zoë"]);
    assert_eq!(
        search(&db, "schulden")?,
        vec!["Geldzaken"],
        "found by its topic"
    );
    assert_eq!(search(&db, "ijssel")?, vec!["Stichting Ĳsselmonde"]);
    assert_eq!(search(&db, "\"; DROP TABLE organizations; --")?.len(), 0);
    assert_eq!(search(&db, "")?.len(), 3);

    // Renaming the organisation renames it in its services' search rows.
    social_map::update_organisation(
        &mut db,
        geld,
        OrganisationInput {
            name: "Schuldhulp Veenmarke".into(),
            ..Default::default()
        },
        now(),
    )?;
    let services = social_map::list_services(
        db.conn(),
        &ServiceQuery {
            text: "veenmarke".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(services.total, 1);
    assert_eq!(services.items[0].name, "Hulp bij rekeningen");

    social_map::delete_organisation(&mut db, geld)?;
    assert!(search(&db, "rekeningen")?.is_empty());
    let all = social_map::list_services(db.conn(), &ServiceQuery::default())?;
    assert_eq!(all.total, 2);
    Ok(())
}

#[test]
fn an_entry_not_checked_for_twelve_months_is_on_the_reminder() -> Result<()> {
    let mut db = Db::in_memory()?;
    let fresh = org(&mut db, "Vers")?;
    let stale = org(&mut db, "Oud")?;
    let exactly = org(&mut db, "Precies een jaar")?;
    org(&mut db, "Nooit")?;
    social_map::mark_checked(&mut db, fresh, "Gerda", days_ago(330))?;
    social_map::mark_checked(&mut db, stale, "Jan", days_ago(400))?;
    social_map::mark_checked(&mut db, exactly, "Jan", days_ago(365))?;

    let due = social_map::due(db.conn(), now().date())?;
    assert_eq!(due.total, 3);
    let names: Vec<_> = due.items.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Nooit", "Oud", "Precies een jaar"],
        "never checked first"
    );

    let listed = social_map::list_organisations(
        db.conn(),
        &OrganisationQuery {
            needs_check: true,
            ..Default::default()
        },
        now().date(),
    )?;
    assert_eq!(listed.total, 3);
    assert!(listed.items.iter().all(|o| o.needs_check));

    let checked = social_map::mark_checked(&mut db, stale, "  Aaltje ", now())?;
    assert_eq!(checked.last_checked_on.as_deref(), Some("2026-11-22"));
    assert_eq!(checked.last_checked_by, "Aaltje");
    assert!(!checked.needs_check);
    assert_eq!(social_map::due(db.conn(), now().date())?.total, 2);

    let err = social_map::mark_checked(&mut db, stale, " ", now()).expect_err("who checked?");
    assert_eq!(rules(&err), vec![("checkedBy".to_owned(), Rule::Required)]);
    Ok(())
}

fn summary_names(s: &[social_map::ServiceSummary]) -> Vec<&str> {
    s.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn suggestions_follow_the_flags_and_add_the_wmo_desk_when_relevant() -> Result<()> {
    let mut db = Db::in_memory()?;
    let gemeente = org(&mut db, "Gemeente")?;
    service(
        &mut db,
        gemeente,
        ServiceInput {
            name: "Wmo-loket".into(),
            wmo_desk: true,
            areas: vec![LifeArea::Household],
            ..Default::default()
        },
    )?;
    let geld = org(&mut db, "Geldzaken")?;
    service(
        &mut db,
        geld,
        ServiceInput {
            name: "Schuldhulp".into(),
            flags: vec![ProfessionalFlag::Debts],
            areas: vec![LifeArea::MoneyAndAdmin],
            ..Default::default()
        },
    )?;
    let welzijn = org(&mut db, "Welzijn")?;
    service(
        &mut db,
        welzijn,
        ServiceInput {
            name: "Ouderenadviseur".into(),
            areas: vec![LifeArea::MoneyAndAdmin, LifeArea::Transport],
            ..Default::default()
        },
    )?;
    let veilig = org(&mut db, "Steunpunt")?;
    service(
        &mut db,
        veilig,
        ServiceInput {
            name: "Meldlijn huiselijk geweld".into(),
            flags: vec![ProfessionalFlag::DomesticViolence],
            ..Default::default()
        },
    )?;

    let c = db.conn();
    let debts = social_map::suggest_services(
        c,
        &[ProfessionalFlag::Debts],
        &[LifeArea::MoneyAndAdmin],
        10,
    )?;
    assert_eq!(summary_names(&debts), vec!["Schuldhulp", "Ouderenadviseur"]);
    assert_eq!(debts[0].organisation_name, "Geldzaken");

    let violence = social_map::suggest_services(c, &[ProfessionalFlag::DomesticViolence], &[], 10)?;
    assert_eq!(summary_names(&violence), vec!["Meldlijn huiselijk geweld"]);

    // Transport is Wmo ground: the Wmo-loket comes along, after the match.
    let transport = social_map::suggest_services(c, &[], &[LifeArea::Transport], 10)?;
    assert_eq!(
        summary_names(&transport),
        vec!["Ouderenadviseur", "Wmo-loket"]
    );
    assert!(transport[1].wmo_desk);

    // Even a full list keeps a place for it.
    let one =
        social_map::suggest_services(c, &[], &[LifeArea::Transport, LifeArea::MoneyAndAdmin], 1)?;
    assert_eq!(summary_names(&one), vec!["Wmo-loket"]);

    assert!(social_map::suggest_services(c, &[], &[], 10)?.is_empty());
    Ok(())
}

fn demo_db() -> Result<Db> {
    let mut db = Db::in_memory()?;
    demo::seed(&mut db, now().date())?;
    Ok(db)
}

fn everything(db: &Db) -> Result<Vec<social_map::Organisation>> {
    let page = social_map::list_organisations(
        db.conn(),
        &OrganisationQuery {
            page_size: 200,
            ..Default::default()
        },
        now().date(),
    )?;
    let mut out = Vec::new();
    for o in page.items {
        let mut full = social_map::get_organisation(db.conn(), o.id, now().date())?;
        // Local row ids and timestamps are not part of the map.
        full.id = 0;
        full.created_at.clear();
        full.updated_at.clear();
        for l in &mut full.locations {
            l.id = 0;
        }
        for s in &mut full.services {
            s.id = 0;
            s.organisation_id = 0;
        }
        out.push(full);
    }
    Ok(out)
}

fn round_trip(format: Format) -> Result<()> {
    let source = demo_db()?;
    let (bytes, summary) = hsds::export(source.conn(), format)?;
    assert_eq!(summary.organisations, 9);
    assert!(summary.services >= 11);

    let mut target = Db::in_memory()?;
    let report = hsds::import_bytes(&mut target, &bytes, now())?;
    assert!(report.imported, "{report:?}");
    assert_eq!(report.organisations_new, summary.organisations);
    assert_eq!(report.services_new, summary.services);
    assert!(report.problems.is_empty());

    assert_eq!(everything(&target)?, everything(&source)?);
    let (again, _) = hsds::export(target.conn(), format)?;
    assert!(
        again == bytes,
        "exporting the imported map gives the same file"
    );

    // The same file once more: everything is found by its id, nothing doubles.
    let report = hsds::import_bytes(&mut target, &bytes, now())?;
    assert_eq!(report.organisations_new, 0);
    assert_eq!(report.organisations_by_id, summary.organisations);
    assert_eq!(report.services_updated, summary.services);
    assert_eq!(everything(&target)?, everything(&source)?);
    Ok(())
}

#[test]
fn a_json_export_imported_into_an_empty_database_gives_the_same_map() -> Result<()> {
    round_trip(Format::Json)
}

#[test]
fn a_csv_zip_export_imported_into_an_empty_database_gives_the_same_map() -> Result<()> {
    round_trip(Format::CsvZip)
}

#[test]
fn the_json_export_is_hsds_with_buurtpunt_extensions() -> Result<()> {
    let db = demo_db()?;
    let (bytes, _) = hsds::export(db.conn(), Format::Json)?;
    let v: serde_json::Value = serde_json::from_slice(&bytes)?;
    let orgs = v.as_array().expect("an array of organisations");
    let gemeente = orgs
        .iter()
        .find(|o| o["name"] == "Gemeente Veenmarke")
        .expect("the gemeente");
    let wmo = &gemeente["services"][0];
    assert_eq!(wmo["name"], "Wmo-loket");
    assert_eq!(wmo["status"], "active");
    assert_eq!(wmo["x_buurtpunt_wmo_desk"], true);
    assert_eq!(wmo["organization_id"], gemeente["id"]);
    assert_eq!(wmo["assured_date"], gemeente["x_buurtpunt_last_checked_on"]);
    assert!(wmo["application_process"]
        .as_str()
        .is_some_and(|s| s.contains("melding")));
    assert_eq!(wmo["contacts"][0]["phones"][0]["number"], "0599-720 100");
    let topics = wmo["x_buurtpunt_topics"].as_array().expect("topics");
    assert!(topics.contains(&serde_json::json!("personal_care")));
    assert!(topics.contains(&serde_json::json!("transport")));
    Ok(())
}

#[test]
fn a_municipal_file_updates_by_id_and_name_and_keeps_local_extensions() -> Result<()> {
    let mut db = Db::in_memory()?;
    let gemeente = org(&mut db, "Gemeente Veenmarke")?;
    service(
        &mut db,
        gemeente,
        ServiceInput {
            name: "Wmo-loket".into(),
            wmo_desk: true,
            areas: vec![LifeArea::Household],
            contact_phone: "0599-720 100".into(),
            ..Default::default()
        },
    )?;
    social_map::mark_checked(&mut db, gemeente, "Gerda", days_ago(10))?;
    // An HSDS file as a municipality might publish it: no Buurtpunt keys,
    // an API page, schedules as times, an old assured date.
    let file = serde_json::json!({
        "total_items": 2,
        "contents": [
            {
                "id": "gem-1",
                "name": "gemeente veenmarke",
                "description": "De gemeente.",
                "services": [{
                    "id": "svc-wmo",
                    "name": "Wmo-loket",
                    "status": "active",
                    "application_process": "Bel 14 0599.",
                    "assured_date": "2025-01-10",
                    "schedules": [{"byday": "MO,TU,WE", "opens_at": "09:00:00", "closes_at": "12:30:00"}],
                    "languages": [{"name": "Nederlands"}, {"name": "Engels"}]
                }, {
                    "id": "svc-afval",
                    "name": "Grofvuil ophalen",
                    "status": "active"
                }]
            },
            {"id": "org-2", "name": "Bibliotheek", "description": "Boeken en de Digicafé-ochtend."}
        ]
    });
    let report = hsds::import_bytes(&mut db, &serde_json::to_vec(&file)?, now())?;
    assert!(report.imported, "{report:?}");
    assert_eq!(report.organisations_by_name, 1);
    assert_eq!(report.organisations_new, 1);
    assert_eq!(report.services_updated, 1);
    assert_eq!(report.services_new, 1);

    let g = social_map::get_organisation(db.conn(), gemeente, now().date())?;
    assert_eq!(g.name, "gemeente veenmarke");
    assert_eq!(g.description, "De gemeente.");
    assert_eq!(g.services.len(), 2);
    let wmo = g
        .services
        .iter()
        .find(|s| s.name == "Wmo-loket")
        .expect("wmo");
    assert!(wmo.wmo_desk, "not in the file: kept");
    assert_eq!(
        wmo.areas,
        vec![LifeArea::Household],
        "not in the file: kept"
    );
    assert_eq!(wmo.contact_phone, "0599-720 100", "not in the file: kept");
    assert_eq!(wmo.application_process, "Bel 14 0599.");
    assert_eq!(wmo.schedule, "ma, di, wo 09:00–12:30");
    assert_eq!(wmo.languages, "Nederlands, Engels");
    assert_eq!(
        g.last_checked_by, "Gerda",
        "an older check in the file does not replace a newer one here"
    );

    // The next import finds the services by their (kept) HSDS id.
    let again = hsds::import_bytes(&mut db, &serde_json::to_vec(&file)?, now())?;
    assert_eq!(again.organisations_by_id + again.organisations_by_name, 2);
    assert_eq!(again.services_new, 0);
    Ok(())
}

#[test]
fn files_that_are_not_hsds_are_refused_with_a_typed_error() -> Result<()> {
    let mut db = Db::in_memory()?;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "binary",
            vec![0, 159, 146, 150, 255, 1, 2],
            "hsds_unreadable",
        ),
        (
            "text",
            b"Naam;Telefoon\nHuisarts;0599".to_vec(),
            "hsds_unreadable",
        ),
        ("broken json", b"[{\"name\": ".to_vec(), "hsds_unreadable"),
        (
            "other json",
            br#"{"residents": [1, 2]}"#.to_vec(),
            "hsds_unreadable",
        ),
        ("json of numbers", b"[1, 2, 3]".to_vec(), "hsds_unreadable"),
        ("empty list", b" [] ".to_vec(), "hsds_empty"),
        (
            "broken zip",
            b"PK\x03\x04 not really a zip".to_vec(),
            "hsds_unreadable",
        ),
        ("empty", Vec::new(), "hsds_unreadable"),
    ];
    for (what, bytes, code) in cases {
        let err = hsds::import_bytes(&mut db, &bytes, now()).expect_err(what);
        assert_eq!(err.code(), code, "{what}");
    }
    // A ZIP without organizations.csv.
    let zip = {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file("services.csv", zip::write::SimpleFileOptions::default())
            .map_err(|e| Error::Io(std::io::Error::other(e)))?;
        w.write_all(b"id,name\n1,Los\n")?;
        w.finish()
            .map_err(|e| Error::Io(std::io::Error::other(e)))?
            .into_inner()
    };
    let err = hsds::import_bytes(&mut db, &zip, now()).expect_err("no organizations.csv");
    assert_eq!(err.code(), "hsds_unreadable");
    assert!(search(&db, "")?.is_empty());
    Ok(())
}

#[test]
fn a_bad_value_is_left_out_and_the_rest_is_imported() -> Result<()> {
    let mut db = Db::in_memory()?;
    org(&mut db, "Al bekend")?;
    let file = serde_json::json!([
        {"id": "a", "name": "Goed", "services": [{"id": "s1", "name": "Spreekuur"}]},
        {"id": "b", "name": "Fout", "email": "geen-mail",
         "services": [{"id": "s2", "name": "", "x_buurtpunt_topics": ["debts", "gokken"]}]},
        {"id": "a", "name": "Dubbel"},
        {"id": "c", "name": "Al bekend", "x_buurtpunt_last_checked_on": "2030-01-01"}
    ]);
    let report = hsds::import_bytes(&mut db, &serde_json::to_vec(&file)?, now())?;
    assert!(report.imported);
    assert_eq!(report.organisations_new, 2, "Goed and Fout");
    assert_eq!(report.organisations_by_name, 1, "Al bekend");
    assert_eq!(
        report.organisations_skipped, 1,
        "Dubbel: its id was used before"
    );
    assert_eq!(report.services_skipped, 1, "a service without a name");
    let got: Vec<(u32, &str, &str, Rule, HsdsAction)> = report
        .problems
        .iter()
        .map(|p| {
            (
                p.row,
                p.organisation.as_str(),
                p.field.as_str(),
                p.rule,
                p.action,
            )
        })
        .collect();
    for expected in [
        (
            3,
            "Dubbel",
            "id",
            Rule::Duplicate,
            HsdsAction::RecordSkipped,
        ),
        (2, "Fout", "email", Rule::Email, HsdsAction::FieldSkipped),
        (2, "Fout", "topics", Rule::Choice, HsdsAction::FieldSkipped),
        (2, "Fout", "name", Rule::Required, HsdsAction::RecordSkipped),
        (
            4,
            "Al bekend",
            "lastCheckedOn",
            Rule::DateInFuture,
            HsdsAction::FieldSkipped,
        ),
    ] {
        assert!(got.contains(&expected), "{expected:?} in {got:?}");
    }
    assert_eq!(report.problem_total as usize, report.problems.len());
    assert_eq!(search(&db, "")?, vec!["Al bekend", "Fout", "Goed"]);
    assert_eq!(
        social_map::list_services(db.conn(), &ServiceQuery::default())?.total,
        1
    );
    Ok(())
}

#[test]
fn a_csv_service_row_with_problems_names_its_line() -> Result<()> {
    use std::io::Write;
    let mut db = Db::in_memory()?;
    let files: [(&str, &str); 3] = [
        (
            "kaart/organizations.csv",
            "id,name,website\no1,Huisarts Dal,www.dal.example\n",
        ),
        (
            "kaart/services.csv",
            "id,organization_id,name,x_buurtpunt_wmo_desk\n\
             s1,o1,Spreekuur,nee\n\
             s2,o1,Avond,misschien\n\
             s3,o9,Zwerver,false\n",
        ),
        (
            "kaart/phones.csv",
            "id,organization_id,service_id,number\np1,o1,,0599-123456\n",
        ),
    ];
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .map_err(|e| Error::Io(std::io::Error::other(e)))?;
        w.write_all(text.as_bytes())?;
    }
    let bytes = w
        .finish()
        .map_err(|e| Error::Io(std::io::Error::other(e)))?
        .into_inner();
    let report = hsds::import_bytes(&mut db, &bytes, now())?;
    let got: Vec<(&str, u32, &str, HsdsAction)> = report
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.row, p.field.as_str(), p.action))
        .collect();
    assert_eq!(
        got,
        vec![
            ("services.csv", 3, "wmoDesk", HsdsAction::FieldSkipped),
            (
                "services.csv",
                4,
                "organizationId",
                HsdsAction::RecordSkipped
            )
        ]
    );
    assert_eq!(report.services_new, 2);
    assert_eq!(report.services_skipped, 1);
    assert_eq!(search(&db, "")?, vec!["Huisarts Dal"]);
    Ok(())
}

#[test]
fn an_export_file_is_written_whole() -> Result<()> {
    let db = demo_db()?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("sociale-kaart.zip");
    let summary = hsds::export_file(db.conn(), Format::CsvZip, &path)?;
    assert_eq!(summary.organisations, 9);
    let mut target = Db::in_memory()?;
    let report = hsds::import_file(&mut target, &path, now())?;
    assert!(report.imported);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("sociale-kaart.zip")]
    );
    Ok(())
}

#[test]
fn the_demo_map_has_the_reminder_and_a_wmo_desk() -> Result<()> {
    let db = demo_db()?;
    let due = social_map::due(db.conn(), now().date())?;
    assert_eq!(due.total, 2);
    let wmo = social_map::list_services(
        db.conn(),
        &ServiceQuery {
            text: "wmo".into(),
            ..Default::default()
        },
    )?;
    assert!(wmo
        .items
        .iter()
        .any(|s| s.wmo_desk && s.name == "Wmo-loket"));
    let dv =
        social_map::suggest_services(db.conn(), &[ProfessionalFlag::DomesticViolence], &[], 5)?;
    assert_eq!(dv[0].name, "Advies- en meldlijn huiselijk geweld");
    Ok(())
}
