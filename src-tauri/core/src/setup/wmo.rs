//! The municipality's Wmo-loket as the first start asks for it: an
//! organisation (the municipality) with one service marked as the Wmo desk,
//! so the referral form offers it from the first day.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::social_map::{self, LocationInput, OrganisationInput, ServiceInput};
use crate::validate::{self, Check, SHORT};
use crate::vocab::{LifeArea, Rule};
use crate::{Db, Result};

/// The first start's Wmo-loket form. The address is optional as a whole;
/// once any part is given, street, postcode, place and province are needed
/// (as on the organisation form).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct WmoDeskInput {
    /// "Gemeente Veenmarke".
    pub municipality: String,
    /// Where residents can go: street and number.
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub province: String,
    pub phone: String,
    pub email: String,
}

/// The Wmo-loket on the social map (the first service marked as such).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WmoDesk {
    #[ts(type = "number")]
    pub organisation_id: i64,
    #[ts(type = "number")]
    pub service_id: i64,
    pub municipality: String,
    pub phone: String,
    pub email: String,
}

pub fn wmo_desk(conn: &Connection) -> Result<Option<WmoDesk>> {
    Ok(conn
        .query_row(
            "SELECT o.id, s.id, o.name, s.contact_phone, s.contact_email
             FROM services s JOIN organizations o ON o.id = s.organization_id
             WHERE s.wmo_desk ORDER BY s.id LIMIT 1",
            [],
            |r| {
                Ok(WmoDesk {
                    organisation_id: r.get(0)?,
                    service_id: r.get(1)?,
                    municipality: r.get(2)?,
                    phone: r.get(3)?,
                    email: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// The cleaned form and its address (field errors of the address are
/// named `locations.0.<field>`, as on the organisation form).
fn check(input: &WmoDeskInput) -> Result<(WmoDeskInput, Option<LocationInput>)> {
    let clean = WmoDeskInput {
        municipality: validate::clean(&input.municipality),
        street: validate::clean(&input.street),
        postal_code: validate::clean(&input.postal_code),
        city: validate::clean(&input.city),
        province: validate::clean(&input.province),
        phone: validate::clean(&input.phone),
        email: validate::clean(&input.email),
    };
    let mut c = Check::new();
    c.required("municipality", &clean.municipality)
        .max_len("municipality", &clean.municipality, SHORT)
        // The loket must be reachable: a referral without a number to call
        // helps no one.
        .required("phone", &clean.phone)
        .phone("phone", &clean.phone)
        .email("email", &clean.email);
    let given = [
        &clean.street,
        &clean.postal_code,
        &clean.city,
        &clean.province,
    ]
    .iter()
    .any(|v| !v.is_empty());
    let address = given.then(|| {
        let mut l = LocationInput {
            id: None,
            name: "Wmo-loket".into(),
            address_1: clean.street.clone(),
            address_2: String::new(),
            postal_code: clean.postal_code.clone(),
            city: clean.city.clone(),
            state_province: clean.province.clone(),
        };
        l.check(&mut c, 0, true);
        l
    });
    c.finish()?;
    Ok((clean, address))
}

/// The loket as a service; `at_address`: one can also come by (the
/// service is given at the municipality's address).
fn service(input: &WmoDeskInput, at_address: bool) -> ServiceInput {
    let apply = if at_address {
        "Bel het Wmo-loket of kom langs en doe een melding. Binnen 6 weken volgt een gesprek."
    } else {
        "Bel het Wmo-loket en doe een melding. Binnen 6 weken volgt een gesprek."
    };
    ServiceInput {
        name: "Wmo-loket".into(),
        description: "Hulp om thuis te kunnen blijven wonen: hulp in het huishouden, \
            aanpassingen in huis, vervoer, dagbesteding en steun voor mantelzorgers."
            .into(),
        application_process: apply.into(),
        contact_name: "Wmo-loket".into(),
        contact_phone: input.phone.clone(),
        contact_email: input.email.clone(),
        wmo_desk: true,
        areas: vec![
            LifeArea::Housing,
            LifeArea::Transport,
            LifeArea::SocialContact,
            LifeArea::Household,
        ],
        ..ServiceInput::default()
    }
}

/// Put the Wmo-loket on the social map: the municipality as an
/// organisation with the loket as its service. Once there is a Wmo-loket it
/// is changed on the social map itself; a second one is refused.
pub fn save_wmo_desk(db: &mut Db, input: &WmoDeskInput, now: NaiveDateTime) -> Result<WmoDesk> {
    let (input, address) = check(input)?;
    Check::new()
        .rule(
            "municipality",
            Rule::Duplicate,
            wmo_desk(db.conn())?.is_some(),
        )
        .finish()?;
    let org = OrganisationInput {
        name: input.municipality.clone(),
        phone: input.phone.clone(),
        email: input.email.clone(),
        locations: address.map(|a| vec![a]),
        ..OrganisationInput::default()
    };
    // Typed in just now from what the municipality says: checked today
    // (by the first contact person), not "never checked" on Vandaag. One
    // write: a stop halfway must not leave a municipality without its loket
    // (the first start would then offer it again, and make it twice).
    let first = crate::contact_persons::list(db.conn())?
        .into_iter()
        .find(|p| p.active);
    let at_address = org.locations.is_some();
    let made = social_map::create_with_service(
        db,
        org,
        service(&input, at_address),
        first.as_ref().map(|p| p.name.as_str()),
        now,
    )?;
    wmo_desk(db.conn())?.ok_or(crate::Error::NotFound {
        what: "wmo desk",
        id: made.id,
    })
}
