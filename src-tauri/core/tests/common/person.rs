//! A fictional person with something in every category (record, network,
//! request with a contact note, consent, signal, volunteer profile), each
//! text carrying a word of its own so a test can look for it.

use buurtpunt_core::consents::{self, ConsentHow, ConsentInput, GivenBy};
use buurtpunt_core::requests::{self, RequestInput};
use buurtpunt_core::residents::{self, NetworkMember, NetworkRole, ResidentInput};
use buurtpunt_core::signals::{self, NoticerKind, PlaceKind, SignalInput};
use buurtpunt_core::vocab::{DataCategory, LifeArea};
use buurtpunt_core::volunteers::{self, VolunteerInput, VolunteerStatus};
use buurtpunt_core::{Db, Result};

use super::now;

/// The ids of what [`person`] made.
pub struct Person {
    pub resident: i64,
    pub request: i64,
    /// Every text typed about them.
    pub words: Vec<String>,
}

/// A person whose every text contains `tag` (a word no one else has).
pub fn person(db: &mut Db, tag: &str, volunteer: bool) -> Result<Person> {
    let w = |what: &str| format!("{what} {tag}");
    let input = ResidentInput {
        first_name: format!("Voornaam{tag}"),
        last_name: format!("Achternaam{tag}"),
        street: format!("Straat{tag}"),
        house_number: "7".into(),
        kern: "Lindeloo".into(),
        email: format!("{}@voorbeeld.nl", tag.to_lowercase()),
        notes: w("Heeft een kat genaamd"),
        proxy_name: format!("Vertegenwoordiger{tag}"),
        network: vec![NetworkMember {
            role: NetworkRole::Family,
            name: format!("Netwerklid{tag}"),
            phone: String::new(),
            email: String::new(),
            note: w("Komt op zondag"),
        }],
        ..Default::default()
    };
    let resident = residents::create(db, input, true, now())?.id;
    let request = requests::create(
        db,
        RequestInput {
            resident_id: Some(resident),
            received_on: "2026-11-20".into(),
            ask: w("Mijn dakgoot lekt bij de schuur"),
            underlying_need: w("Wil veilig thuis blijven"),
            life_areas: vec![LifeArea::Housing],
            ..Default::default()
        },
        now(),
    )?
    .id;
    requests::add_note(
        db,
        request,
        "2026-11-21",
        &w("Gebeld over de dakgoot"),
        now(),
    )?;
    consents::record(
        db,
        resident,
        &ConsentInput {
            given_by: GivenBy::Resident,
            representative: String::new(),
            given_on: "2026-11-21".into(),
            how: ConsentHow::Oral,
            categories: vec![DataCategory::Identity, DataCategory::Question],
            service_id: None,
            recipient: format!("Thuiszorg{tag}"),
            valid_until: String::new(),
            note: w("Mondeling gegeven"),
        },
        now(),
    )?;
    signals::create(
        db,
        &SignalInput {
            noticed_on: "2026-11-19".into(),
            noticer_kind: Some(NoticerKind::Anonymous),
            resident_id: Some(resident),
            place_kind: Some(PlaceKind::Kern),
            kern: "Lindeloo".into(),
            concern_id: Some(1),
            life_area: Some(LifeArea::SocialContact),
            note: w("Gordijnen blijven dicht"),
            ..Default::default()
        },
        now(),
    )?;
    if volunteer {
        volunteers::create(
            db,
            resident,
            VolunteerInput {
                notes: w("Kan goed breien"),
                ..Default::default()
            },
            VolunteerStatus::Active,
            now(),
        )?;
    }
    Ok(Person {
        resident,
        request,
        words: vec![tag.to_owned()],
    })
}
