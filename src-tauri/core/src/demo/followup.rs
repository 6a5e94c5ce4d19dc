//! The demo village's follow-up: agreements and reminders on open requests,
//! a referral to the Wmo-loket (with consent, its 6-week deadline running)
//! and a concept referral to debt counselling. All fictional.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::consents::{self, ConsentHow, ConsentInput, GivenBy};
use crate::followup::{self, AgreementInput, Party, ReminderInput};
use crate::referrals::{self, ReferralInput, ReferralStatus, ReferralStep};
use crate::requests::{self, RequestQuery, Urgency};
use crate::social_map::{self, ServiceQuery};
use crate::store::time::iso;
use crate::vocab::DataCategory;
use crate::{Db, Error, Result};

fn at(day: NaiveDate) -> NaiveDateTime {
    NaiveDateTime::new(
        day,
        NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN),
    )
}

/// The first open request whose text matches `words`.
fn open_request(db: &Db, words: &str) -> Result<Option<(i64, i64)>> {
    let page = requests::list(
        db.conn(),
        &RequestQuery {
            text: words.into(),
            open_only: true,
            page_size: 1,
            ..Default::default()
        },
    )?;
    Ok(page
        .items
        .first()
        .and_then(|r| r.resident_id.map(|resident| (r.id, resident))))
}

fn service(db: &Db, words: &str) -> Result<ReferralInput> {
    let found = social_map::list_services(
        db.conn(),
        &ServiceQuery {
            text: words.into(),
            page: 0,
            page_size: 1,
        },
    )?;
    let s = found
        .items
        .first()
        .ok_or_else(|| Error::Migration(format!("demo service {words:?} missing")))?;
    Ok(ReferralInput {
        service_id: Some(s.id),
        organisation: s.organisation_name.clone(),
        service: s.name.clone(),
        contact: s.phone.clone(),
        wmo_desk: s.wmo_desk,
        reason: String::new(),
        urgency: Urgency::Normal,
        volunteers_did: String::new(),
    })
}

pub(super) fn fill(db: &mut Db, today: NaiveDate) -> Result<()> {
    let now = at(today);
    // Agreements and reminders on the newest open requests.
    let open = requests::list(
        db.conn(),
        &RequestQuery {
            open_only: true,
            page_size: 4,
            ..Default::default()
        },
    )?;
    let plans = [
        (
            Party::Network,
            "dochter",
            "Belt zelf de huisarts over de medicijnen.",
            0u64,
            "Bellen hoe het gaat",
            2u32,
        ),
        (
            Party::Volunteer,
            "",
            "Komt donderdag langs om te kijken wat nodig is.",
            1,
            "Vragen of het bezoek goed ging",
            0,
        ),
        (
            Party::Resident,
            "",
            "Zoekt de brieven van de gemeente bij elkaar.",
            3,
            "Samen de brieven doorlopen",
            0,
        ),
    ];
    for (r, (party, who, what, due_in, note, repeat)) in open.items.iter().zip(plans) {
        followup::add_agreement(
            db,
            r.id,
            &AgreementInput {
                party,
                who: who.into(),
                what: what.into(),
                due_on: iso(today + Days::new(due_in + 2)),
            },
            now,
        )?;
        // One due today, one since yesterday, one later this week.
        let due = match due_in {
            0 => today,
            1 => today - Days::new(1),
            _ => today + Days::new(due_in),
        };
        followup::add_reminder(
            db,
            r.id,
            &ReminderInput {
                due_on: iso(due),
                note: note.into(),
                repeat_weeks: repeat,
            },
            at(due.min(today)),
        )?;
    }

    // Personal care beyond what volunteers do: to the Wmo-loket, with consent.
    if let Some((request, resident)) = open_request(db, "boodschappen")? {
        let wmo = ReferralInput {
            reason: "Na de val lukt wassen en aankleden niet meer; de mantelzorger is overbelast."
                .into(),
            urgency: Urgency::High,
            volunteers_did: "Twee keer boodschappen gedaan.".into(),
            ..service(db, "Wmo-loket")?
        };
        // Never before the request came in: a referral follows its request.
        let received = crate::store::time::stored(&requests::get(db.conn(), request)?.received_on)?;
        let given = (today - Days::new(21)).max(received);
        let sent = (given + Days::new(1)).min(today);
        consents::record(
            db,
            resident,
            &ConsentInput {
                given_by: GivenBy::Resident,
                representative: String::new(),
                given_on: iso(given),
                how: ConsentHow::Oral,
                categories: vec![
                    DataCategory::Identity,
                    DataCategory::Contact,
                    DataCategory::Question,
                    DataCategory::Network,
                ],
                service_id: wmo.service_id,
                recipient: wmo.organisation.clone(),
                valid_until: iso(today + Days::new(180)),
                note: String::new(),
            },
            at(given),
        )?;
        let f = referrals::create(db, request, &wmo, at(given))?;
        referrals::change_status(
            db,
            f.id,
            ReferralStatus::Sent,
            &ReferralStep {
                on_date: iso(sent),
                melding_on: iso(sent),
                ..Default::default()
            },
            now,
        )?;
    }
    // Debts: a concept referral, waiting for the resident's consent.
    if let Some((request, _)) = open_request(db, "belasting")? {
        let debt = ReferralInput {
            reason: "Er liggen ongeopende brieven; mogelijk geldzorgen. Schuldhulp kan meekijken."
                .into(),
            ..service(db, "Schuldhulpverlening")?
        };
        referrals::create(db, request, &debt, now)?;
    }
    Ok(())
}
