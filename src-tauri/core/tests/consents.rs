//! Consent that the resident gives: a term instead of "forever", what each
//! kind of data holds for this resident (and nothing of another), and the
//! form with the resident's choices to sign, logged as an export of their
//! file. All people are fictional.

use std::process::Command;

use buurtpunt_core::consents::{self, ConsentHow, ConsentInput, GivenBy};
use buurtpunt_core::privacy_docs::{self, ConsentFormInput};
use buurtpunt_core::professional::ProfessionalFlag;
use buurtpunt_core::requests::{self, RequestInput};
use buurtpunt_core::residents::{self, NetworkMember, NetworkRole, ResidentInput};
use buurtpunt_core::settings;
use buurtpunt_core::store::audit::Action;
use buurtpunt_core::vocab::{DataCategory, LifeArea};
use buurtpunt_core::Db;

mod common;

use common::*;

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

fn consent(given_on: &str, valid_until: &str) -> ConsentInput {
    ConsentInput {
        given_by: GivenBy::Resident,
        representative: String::new(),
        given_on: given_on.into(),
        how: ConsentHow::Oral,
        categories: vec![DataCategory::Question],
        service_id: None,
        recipient: "Wmo-loket gemeente Aadal".into(),
        valid_until: valid_until.into(),
        note: String::new(),
    }
}

/// Geertje with a request that speaks of washing, and Hidde, another
/// resident whose data must never show in Geertje's preview.
fn two_residents(db: &mut Db) -> TestResult<(i64, i64)> {
    let geertje = residents::create(
        db,
        ResidentInput {
            first_name: "Geertje".into(),
            last_name: "Wolthuis".into(),
            street: "Zwaluwlaan".into(),
            house_number: "4".into(),
            kern: "Lindeloo".into(),
            phone: "06-31415926".into(),
            birth_date: "1940-02-29".into(),
            network: vec![NetworkMember {
                role: NetworkRole::InformalCarer,
                name: "Roelof Wolthuis".into(),
                phone: String::new(),
                email: String::new(),
                note: String::new(),
            }],
            ..Default::default()
        },
        true,
        now(),
    )?
    .id;
    let hidde = resident(db, "Hidde", "Pompoenhof", "Lindeloo")?;
    for (who, ask) in [
        (geertje, "Ik kan mij niet meer goed wassen sinds de val."),
        (hidde, "Mijn Kwispelmolen in de tuin is stuk."),
    ] {
        requests::create(
            db,
            RequestInput {
                resident_id: Some(who),
                received_on: "2026-11-20".into(),
                ask: ask.into(),
                life_areas: vec![LifeArea::Health],
                ..Default::default()
            },
            now(),
        )?;
    }
    Ok((geertje, hidde))
}

#[test]
fn a_consent_without_an_end_date_holds_the_groups_term() -> TestResult {
    let mut db = Db::in_memory()?;
    let (geertje, _) = two_residents(&mut db)?;
    let c = consents::record(&mut db, geertje, &consent("2026-11-20", ""), now())?;
    assert_eq!(c.valid_until.as_deref(), Some("2027-11-19"), "12 months");

    let mut s = settings::get(db.conn())?;
    s.consent_valid_months = 6;
    settings::update(&mut db, &s)?;
    let c = consents::record(&mut db, geertje, &consent("2026-08-31", ""), now())?;
    assert_eq!(
        c.valid_until.as_deref(),
        Some("2027-02-27"),
        "six months, end of February"
    );
    // An end date agreed with the resident is kept as it is.
    let c = consents::record(
        &mut db,
        geertje,
        &consent("2026-11-20", "2030-01-01"),
        now(),
    )?;
    assert_eq!(c.valid_until.as_deref(), Some("2030-01-01"));

    s.consent_valid_months = 0;
    assert!(
        settings::update(&mut db, &s).is_err(),
        "never zero: no consent is forever"
    );
    Ok(())
}

#[test]
fn the_preview_shows_what_each_kind_holds_for_this_resident_only() -> TestResult {
    let mut db = Db::in_memory()?;
    let (geertje, _) = two_residents(&mut db)?;
    let items = consents::preview(db.conn(), geertje, None)?;
    let of = |c: DataCategory| {
        items
            .iter()
            .find(|p| p.category == c)
            .ok_or(format!("no {c:?}"))
    };
    assert_eq!(
        of(DataCategory::Identity)?.holds,
        vec!["Geertje Wolthuis", "geboren 29 februari 1940"]
    );
    assert_eq!(
        of(DataCategory::Contact)?.holds,
        vec!["Zwaluwlaan 4", "06-31415926"]
    );
    let q = of(DataCategory::Question)?;
    assert_eq!(
        q.holds,
        vec!["Ik kan mij niet meer goed wassen sinds de val."]
    );
    assert_eq!(
        q.flags,
        vec![ProfessionalFlag::PersonalCare],
        "washing is personal care"
    );
    assert_eq!(q.areas, vec![LifeArea::Health]);
    assert_eq!(of(DataCategory::Network)?.holds, vec!["Roelof Wolthuis"]);
    assert!(of(DataCategory::HelpSoFar)?.holds.is_empty());
    let all = format!("{items:?}");
    for other in ["Hidde", "Pompoenhof", "Kwispelmolen"] {
        assert!(!all.contains(other), "{other} of another resident in {all}");
    }
    Ok(())
}

#[test]
fn the_form_to_sign_carries_the_choices_and_is_logged_on_the_residents_file() -> TestResult {
    let mut db = Db::in_memory()?;
    let (geertje, _) = two_residents(&mut db)?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("toestemming.pdf");
    let input = ConsentFormInput {
        recipient: "Wmo-loket gemeente Aadal".into(),
        categories: vec![DataCategory::Identity, DataCategory::Question],
        valid_until: String::new(),
        given_on: "2026-11-20".into(),
    };
    privacy_docs::make_consent_form(&mut db, geertje, &input, &path, now())?;
    let out = Command::new("pdftotext").arg(&path).arg("-").output()?;
    assert!(out.status.success(), "pdftotext (poppler-utils) failed");
    let text = String::from_utf8(out.stdout)?;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for must in [
        "Naam bewoner: Geertje Wolthuis",
        "Wmo-loket gemeente Aadal",
        "19 november 2027",
        "Handtekening bewoner",
    ] {
        assert!(flat.contains(must), "missing {must:?} in:\n{text}");
    }
    // Two kinds chosen (crossed), three left empty.
    assert_eq!(text.matches('\u{2612}').count(), 2, "{text}");
    assert_eq!(text.matches('\u{2610}').count(), 3, "{text}");
    let log = buurtpunt_core::audit::history::of_resident(db.conn(), geertje, 50)?;
    assert!(
        log.lines
            .iter()
            .any(|l| l.action == Action::Exported && l.kind == "consent_form"),
        "{:?}",
        log.lines
    );

    // Nothing chosen: no form (a form to sign needs the resident's choice).
    let none = ConsentFormInput {
        categories: Vec::new(),
        ..input
    };
    let refused = privacy_docs::make_consent_form(
        &mut db,
        geertje,
        &none,
        &dir.path().join("leeg.pdf"),
        now(),
    );
    assert!(refused.is_err());
    assert!(!dir.path().join("leeg.pdf").exists());
    Ok(())
}
