//! The CSV files of an HSDS ZIP are taken out by the app binary itself,
//! started as a child with `--read-hsds-zip` (core `child` and
//! `social_map::hsds::tabular::unzip`): the real binary gives the same
//! social map as reading in the process, and a damaged ZIP or a child that
//! dies or babbles gives "niet leesbaar", never a crash of the app.

use std::path::{Path, PathBuf};
use std::time::Duration;

use buurtpunt_core::social_map::hsds::tabular::unzip;
use buurtpunt_core::social_map::hsds::{self, HsdsFormat};
use buurtpunt_core::social_map::{self, OrganisationQuery};
use buurtpunt_core::{child, demo, Db, Error};
use chrono::{NaiveDate, NaiveDateTime};

mod common;

use common::{script, TestResult, APP};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 3)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

/// The demo village's social map as an HSDS CSV ZIP.
fn demo_zip() -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut db = Db::in_memory()?;
    demo::seed(&mut db, now().date())?;
    Ok(hsds::export(db.conn(), HsdsFormat::CsvZip)?.0)
}

/// Every organisation's name with its services' names.
type Map = Vec<(String, Vec<String>)>;

fn map_of(db: &Db) -> Result<Map, Box<dyn std::error::Error>> {
    let query = OrganisationQuery {
        page_size: 200,
        ..Default::default()
    };
    let today = now().date();
    let mut out = Vec::new();
    for org in social_map::list_organisations(db.conn(), &query, today)?.items {
        let org = social_map::get_organisation(db.conn(), org.id, today)?;
        let mut services: Vec<String> = org.services.into_iter().map(|s| s.name).collect();
        services.sort();
        out.push((org.name, services));
    }
    out.sort();
    Ok(out)
}

#[test]
fn the_app_binary_takes_an_hsds_zip_apart_as_the_process_does() -> TestResult {
    let zip = demo_zip()?;
    let files = unzip::in_child(Path::new(APP), &zip, child::TIME_LIMIT)?;
    let names: Vec<&str> = files.iter().map(|(f, _)| *f).collect();
    assert!(names.contains(&"organizations.csv"), "{names:?}");
    assert!(names.contains(&"services.csv"), "{names:?}");

    // The whole import, first in this process, then isolated as the app
    // does it: the same social map.
    let mut here = Db::in_memory()?;
    let read_here = hsds::import_bytes(&mut here, &zip, now())?;
    assert!(child::isolate(PathBuf::from(APP)));
    let mut there = Db::in_memory()?;
    let read_there = hsds::import_bytes(&mut there, &zip, now())?;
    assert!(read_there.organisations_new > 0);
    assert_eq!(read_there.organisations_new, read_here.organisations_new);
    assert_eq!(read_there.services_new, read_here.services_new);
    assert_eq!(map_of(&there)?, map_of(&here)?);

    // A damaged ZIP through the child: "niet leesbaar", nothing taken.
    let mut cut = zip.clone();
    cut.truncate(zip.len() / 2);
    let got = hsds::import_bytes(&mut there, &cut, now());
    assert!(matches!(got, Err(Error::HsdsUnreadable(_))), "{got:?}");
    Ok(())
}

#[test]
fn a_zip_reader_that_dies_or_babbles_gives_unreadable() -> TestResult {
    let dir = tempfile::tempdir()?;
    let zip = demo_zip()?;
    let limit = Duration::from_secs(5);
    let unreadable = |got: Result<Vec<(&'static str, String)>, Error>, why: &str| {
        assert!(
            matches!(got, Err(Error::HsdsUnreadable(ref said)) if said.contains(why)),
            "{got:?}"
        );
    };
    let dies = script(dir.path(), "dies", "cat >/dev/null; kill -ABRT $$")?;
    unreadable(unzip::in_child(&dies, &zip, limit), "stopped");
    // A file Buurtpunt never asked for is not taken.
    let babbles = script(
        dir.path(),
        "babbles",
        "cat >/dev/null; echo '{\"Read\":[[\"../../sleutel.json\",\"x\"]]}'",
    )?;
    unreadable(unzip::in_child(&babbles, &zip, limit), "nonsense");
    Ok(())
}
