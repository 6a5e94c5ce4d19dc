//! Bench part: rendering the handover PDF (target ≤ 300 ms) for a realistic
//! one-to-two-page handover with every field filled. Fictional people.

use buurtpunt_core::consents::{self, ConsentHow, ConsentInput, GivenBy};
use buurtpunt_core::contact_persons::{self, ContactPersonInput};
use buurtpunt_core::handover::{self as export, ExportInput};
use buurtpunt_core::handover::{
    pdf, Handover, HandoverCase, HandoverConsent, HandoverPerson, HandoverRecipient,
    HandoverReferral, HandoverSender, CLIENT_SUPPORT, SCHEMA,
};
use buurtpunt_core::referrals::{self, ReferralInput};
use buurtpunt_core::requests::Urgency;
use buurtpunt_core::vocab::DataCategory;
use buurtpunt_core::{Db, Result};
use chrono::NaiveDateTime;

use super::{median_ms, print};

fn sample() -> Handover {
    let s = |v: &str| Some(v.to_owned());
    Handover {
        schema: SCHEMA.to_owned(),
        reference: "BP-2026-0042".into(),
        made_on: "2026-11-22".into(),
        sender: HandoverSender {
            help_point: "Buurtpunt Lindeloo".into(),
            help_point_phone: "0591-123400".into(),
            help_point_email: "dorpspunt@lindeloo.example".into(),
            contact_person: "Gerda Mulder".into(),
            phone: "0591-123456".into(),
            email: "buurtpunt@lindeloo.example".into(),
        },
        recipient: HandoverRecipient {
            organisation: "Wmo-loket gemeente Oosterveen".into(),
            service: "Team Wmo, melding maatschappelijke ondersteuning".into(),
            contact: "Mevrouw J. Hofstede, Wmo-consulent".into(),
        },
        person: HandoverPerson {
            name: s("Zoë Hofstra-Ĳzerman"),
            birth_date: s("1941-03-05"),
            address: s("Kerkstraat 12, 9531 AB Lindeloo"),
            phone: s("06-48213977"),
            email: s("zoe.hofstra@voorbeeld.nl"),
            reach: s("Liefst telefoon, 's ochtends tussen 9 en 12 uur"),
        },
        case: HandoverCase {
            ask: Some(
                "Ik kan sinds mijn val niet meer zelf naar de supermarkt en de fysiotherapeut. \
                 Mijn zoon doet veel, maar hij werkt en is moe. Ik wil niet in een tehuis. "
                    .repeat(6),
            ),
            underlying_need: s("Mevrouw wil zelfstandig blijven wonen. Ze heeft vervoer \
                                nodig naar zorg en winkel, en haar zoon moet ontlast worden."),
            life_areas: Some(vec!["Vervoer".into(), "Gezondheid".into()]),
            own_strength: s("Doet zelf nog de was en kookt eenvoudige maaltijden."),
            carer_situation: s("Haar zoon Ruben (mantelzorger): komt elke zondag, is moe."),
            tried: s("Taxi via de huisarts geprobeerd; te duur op den duur."),
            volunteers_did: s("Henk de Boer (6 uur): vier keer naar de fysiotherapeut."),
            agreements: s("De bewoner: belt zelf de fysiotherapeut (uiterlijk 1 december 2026)"),
        },
        referral: HandoverReferral {
            reason: Some("Meer hulp nodig dan vrijwilligers kunnen geven.".into()),
            urgency: "Dringend".into(),
            melding_on: s("2026-11-20"),
            deadline: s("2027-01-01"),
        },
        consent: HandoverConsent {
            statement: "Zoë Hofstra-Ĳzerman gaf op 20-11-2026 mondeling toestemming om deze \
                        gegevens te delen met Wmo-loket gemeente Oosterveen."
                .into(),
            given_by: "Zoë Hofstra-Ĳzerman".into(),
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

pub fn run(db: &mut Db, now: NaiveDateTime) -> Result<()> {
    let h = sample();
    print("handover_pdf", median_ms(|| pdf::render(&h).map(drop))?);

    // The whole export as the button makes it: read the case, check the
    // consent, minimise, PDF + JSON + CSV written and synced, logged.
    let (request, resident): (i64, i64) = db.conn().query_row(
        "SELECT id, resident_id FROM help_requests ORDER BY id LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let person = contact_persons::create(
        db,
        &ContactPersonInput {
            name: "Gerda Mulder".into(),
            phone: "0591-123456".into(),
            email: String::new(),
            active: true,
        },
    )?;
    let referral = referrals::create(
        db,
        request,
        &ReferralInput {
            service_id: None,
            organisation: "Wmo-loket gemeente Oosterveen".into(),
            service: "Melding Wmo".into(),
            contact: "0591-800800".into(),
            wmo_desk: true,
            reason: "Meer hulp nodig dan vrijwilligers kunnen geven.".into(),
            urgency: Urgency::High,
            volunteers_did: "Twee keer boodschappen gedaan.".into(),
        },
        now,
    )?;
    consents::record(
        db,
        resident,
        &ConsentInput {
            given_by: GivenBy::Resident,
            representative: String::new(),
            given_on: now.date().format("%Y-%m-%d").to_string(),
            how: ConsentHow::Written,
            categories: DataCategory::ALL.to_vec(),
            service_id: None,
            recipient: "Wmo-loket gemeente Oosterveen".into(),
            valid_until: String::new(),
            note: String::new(),
        },
        now,
    )?;
    let dir = tempfile::tempdir()?;
    let input = ExportInput {
        referral_id: referral.id,
        contact_person_id: person.id,
        ..Default::default()
    };
    let path = dir.path().join("overdracht.pdf");
    print(
        "handover_export",
        median_ms(|| export::export(db, &input, &path, now).map(drop))?,
    );
    Ok(())
}
