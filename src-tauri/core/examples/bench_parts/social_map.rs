//! Bench part: the social map of a region, 300 organisations with about
//! 1 000 services, made through Buurtpunt; then search, suggestions and an
//! HSDS export, each beside the same read in plain SQL.

use buurtpunt_core::professional::ProfessionalFlag;
use buurtpunt_core::social_map::hsds::{self, HsdsFormat};
use buurtpunt_core::social_map::{self, OrganisationInput, OrganisationQuery, ServiceInput};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::{Db, Result};
use chrono::{Days, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension};

use super::{median_ms, pair, print, KERNEN};

const ORGANISATIONS: usize = 300;
const KINDS: [&str; 10] = [
    "Huisartsenpraktijk",
    "Welzijn",
    "Schuldhulp",
    "Thuiszorg",
    "Bezoekdienst",
    "Mantelzorgsteunpunt",
    "Vervoersdienst",
    "Fysiotherapie",
    "Bibliotheek",
    "Voedselbank",
];
const SERVICES: [(&str, &[ProfessionalFlag], &[LifeArea]); 8] = [
    (
        "Spreekuur",
        &[ProfessionalFlag::Medical],
        &[LifeArea::Health],
    ),
    (
        "Schuldhulpverlening",
        &[ProfessionalFlag::Debts],
        &[LifeArea::MoneyAndAdmin],
    ),
    ("Thuisadministratie", &[], &[LifeArea::MoneyAndAdmin]),
    (
        "Wijkverpleging",
        &[ProfessionalFlag::PersonalCare],
        &[LifeArea::Health],
    ),
    ("Bezoek aan huis", &[], &[LifeArea::SocialContact]),
    ("Vervoer op afroep", &[], &[LifeArea::Transport]),
    ("Crisislijn", &[ProfessionalFlag::Crisis], &[]),
    (
        "Klussendienst",
        &[],
        &[LifeArea::GardenAndOddJobs, LifeArea::Housing],
    ),
];

pub fn run(db: &mut Db, now: NaiveDateTime) -> Result<()> {
    let t = std::time::Instant::now();
    db.conn().execute_batch("PRAGMA synchronous = OFF")?;
    let mut services = 0;
    for i in 0..ORGANISATIONS {
        let kern = KERNEN[i % KERNEN.len()];
        let org = social_map::create_organisation(
            db,
            OrganisationInput {
                name: format!("{} {kern} {}", KINDS[i % KINDS.len()], i / KINDS.len() + 1),
                description: format!("Voor de inwoners van {kern} en omgeving."),
                phone: format!("0599-{:06}", 700_000 + i),
                website: format!("www.org{i}.example"),
                ..Default::default()
            },
            now,
        )?;
        for j in 0..(2 + i % 4) {
            let (name, flags, areas) = SERVICES[(i + j * 3) % SERVICES.len()];
            social_map::create_service(
                db,
                org.id,
                ServiceInput {
                    name: format!("{name} {kern}"),
                    description: "Hulp en advies, ook aan huis.".into(),
                    eligibility_description: "Inwoners van de regio.".into(),
                    application_process: "Bel of mail.".into(),
                    schedule: "Maandag tot en met vrijdag 9.00–17.00 uur.".into(),
                    languages: "Nederlands, Fries".into(),
                    contact_phone: format!("0599-{:06}", 800_000 + services),
                    wmo_desk: i == 0 && j == 0,
                    flags: flags.to_vec(),
                    areas: areas.to_vec(),
                    ..Default::default()
                },
                now,
            )?;
            services += 1;
        }
        if i % 3 != 0 {
            let at = now - Days::new((i * 7 % 700) as u64);
            social_map::mark_checked(db, org.id, "Bench", at)?;
        }
    }
    db.conn().execute_batch("PRAGMA synchronous = FULL")?;
    eprintln!(
        "social map: {ORGANISATIONS} organisations, {services} services, made in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let q = OrganisationQuery {
        text: "schuld veenh".into(),
        needs_check: false,
        page: 0,
        page_size: 25,
    };
    let today = now.date();
    pair(
        "social_map_search",
        || social_map::list_organisations(db.conn(), &q, today).map(drop),
        || raw_search(db.conn()),
    )?;

    let flags = [ProfessionalFlag::Debts];
    let areas = [LifeArea::MoneyAndAdmin, LifeArea::Transport];
    pair(
        "social_map_suggest",
        || social_map::suggest_services(db.conn(), &flags, &areas, 8).map(drop),
        || raw_suggest(db.conn()),
    )?;

    print(
        "social_map_export_json",
        median_ms(|| hsds::export(db.conn(), HsdsFormat::Json).map(drop))?,
    );
    Ok(())
}

fn raw_search(c: &Connection) -> Result<()> {
    let fts = "\"schuld\"* \"veenh\"*";
    let total: i64 = c
        .prepare_cached(
            "SELECT count(*) FROM organizations o
              WHERE o.id IN (SELECT rowid FROM organization_search WHERE organization_search MATCH ?1)",
        )?
        .query_row([fts], |r| r.get(0))?;
    let mut stmt = c.prepare_cached(
        "SELECT o.id, o.name, substr(o.description, 1, 200), o.phone, o.last_checked_on, o.last_checked_by,
                (SELECT count(*) FROM services s WHERE s.organization_id = o.id),
                EXISTS (SELECT 1 FROM services s WHERE s.organization_id = o.id AND s.wmo_desk),
                (SELECT json_group_array(name) FROM
                    (SELECT name FROM services s WHERE s.organization_id = o.id
                     ORDER BY name COLLATE NOCASE, id LIMIT 6))
           FROM organizations o
          WHERE o.id IN (SELECT rowid FROM organization_search WHERE organization_search MATCH ?1)
          ORDER BY o.name COLLATE NOCASE, o.id LIMIT 25 OFFSET 0",
    )?;
    type Row = (
        i64,
        String,
        String,
        String,
        Option<String>,
        String,
        i64,
        bool,
        Option<String>,
    );
    let rows = stmt
        .query_map([fts], |r| -> rusqlite::Result<Row> {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    std::hint::black_box((total, rows));
    Ok(())
}

/// A suggested service as the list shows it: name, organisation, phone,
/// Wmo-loket, topics, last check, first address, status.
macro_rules! raw_service {
    () => {
        "SELECT s.id, s.name, s.organization_id, o.name,
                CASE WHEN s.contact_phone != '' THEN s.contact_phone ELSE o.phone END,
                s.wmo_desk, s.flag_mask, s.area_mask, o.last_checked_on,
                coalesce((SELECT l.name || char(31) || l.address_1 || char(31) || l.postal_code || ' ' || l.city
                            FROM service_at_locations sl JOIN locations l ON l.id = sl.location_id
                           WHERE sl.service_id = s.id ORDER BY l.id LIMIT 1),
                         (SELECT l.name || char(31) || l.address_1 || char(31) || l.postal_code || ' ' || l.city
                            FROM locations l WHERE l.organization_id = s.organization_id ORDER BY l.id LIMIT 1),
                         ''), s.status
           FROM services s JOIN organizations o ON o.id = s.organization_id"
    };
}

type RawService = (
    i64,
    String,
    i64,
    String,
    String,
    bool,
    i64,
    i64,
    Option<String>,
    String,
    String,
);

fn raw_service_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawService> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
    ))
}

fn raw_suggest(c: &Connection) -> Result<()> {
    // Debts = flag bit 2; money and admin | transport = area bits 16 | 2;
    // scored as Buurtpunt does; then the Wmo-loket (transport is Wmo ground).
    let mut stmt = c.prepare_cached(concat!(
        raw_service!(),
        "
          WHERE ((s.flag_mask & ?1) != 0 OR (s.area_mask & ?2) != 0)
            AND s.status NOT IN ('inactive', 'defunct')
          ORDER BY 16 * (((s.flag_mask & ?1 & 1) != 0) + ((s.flag_mask & ?1 & 2) != 0)
                   + ((s.flag_mask & ?1 & 4) != 0) + ((s.flag_mask & ?1 & 8) != 0) + ((s.flag_mask & ?1 & 16) != 0))
                + ((s.area_mask & ?2 & 1) != 0) + ((s.area_mask & ?2 & 2) != 0) + ((s.area_mask & ?2 & 4) != 0)
                + ((s.area_mask & ?2 & 8) != 0) + ((s.area_mask & ?2 & 16) != 0) + ((s.area_mask & ?2 & 32) != 0)
                + ((s.area_mask & ?2 & 64) != 0) + ((s.area_mask & ?2 & 128) != 0) DESC,
                s.wmo_desk DESC, o.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id
          LIMIT 8"
    ))?;
    let wmo = c
        .prepare_cached(concat!(
            raw_service!(),
            "
              WHERE s.wmo_desk AND s.status NOT IN ('inactive', 'defunct')
              ORDER BY o.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id LIMIT 1"
        ))?
        .query_row([], raw_service_row)
        .optional()?;
    std::hint::black_box(wmo);
    let rows = stmt
        .query_map([2i64, 18], raw_service_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    std::hint::black_box(rows);
    Ok(())
}
