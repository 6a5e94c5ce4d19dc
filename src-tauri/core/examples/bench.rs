//! `.ci/bench`: builds the "large wijk, 10 years" data set in a real encrypted
//! database and prints `BENCH <name> <median_ms>` lines; each read also runs as
//! the same query in plain SQL (`<name>_raw_sql`) for the ratio.
//!
//! Run: `cargo run --release -p buurtpunt-core --example bench [-- --residents N --requests N]`
//! (`--keep DIR` leaves the data set in DIR; `--reuse DIR` runs the request
//! list, search, Vandaag, meeting, inzage, report and retention lines on it
//! again; add `--reads-only` to stop after Vandaag.)

use std::time::Instant;

#[path = "bench_parts/full_export.rs"]
mod full_export;
#[path = "bench_parts/handover.rs"]
mod handover;
#[path = "bench_parts/import.rs"]
mod import;
#[path = "bench_parts/inzage.rs"]
mod inzage;
#[path = "bench_parts/meeting.rs"]
mod meeting;
#[path = "bench_parts/report.rs"]
mod report;
#[path = "bench_parts/request_list.rs"]
mod request_list;
#[path = "bench_parts/retention.rs"]
mod retention;
#[path = "bench_parts/signals.rs"]
mod signals;
#[path = "bench_parts/social_map.rs"]
mod social_map;
#[path = "bench_parts/today.rs"]
mod today;
#[path = "bench_parts/volunteers.rs"]
mod volunteers;

use buurtpunt_core::requests::{self, Channel, RequestInput, Scope, Urgency};

use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::session::{Background, Session};
use buurtpunt_core::store::keys::KdfParams;
use buurtpunt_core::store::vault::Vault;
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::Result;
use chrono::{Duration, NaiveDate, NaiveDateTime};

const PASS: &str = "bench wachtwoord voor de grote wijk";
const RUNS: usize = 31;

const KERNEN: [&str; 8] = [
    "Lindeloo",
    "Veenhoeve",
    "Heidebroek",
    "Oosterzand",
    "Brinkum",
    "Molenwijk",
    "Esdorp",
    "Vaart",
];
const FIRST: [&str; 16] = [
    "Anna", "Bert", "Cor", "Dina", "Evert", "Femke", "Gerrit", "Hennie", "Ineke", "Jan", "Klaasje",
    "Lammert", "Mien", "Noor", "Otto", "Zoë",
];
const LAST: [&str; 12] = [
    "Bakker", "de Vries", "Hofstede", "Jansen", "Kuipers", "Meijer", "Mulder", "Oosting", "Postma",
    "Smit", "van Dijk", "Wolters",
];
const ASKS: [&str; 8] = [
    "Kan iemand mij naar de fysiotherapeut brengen?",
    "Ik krijg de brieven van de gemeente niet meer goed gelezen.",
    "De heg moet gesnoeid worden en ik kan het niet meer.",
    "Ik zit veel alleen sinds mijn man is overleden.",
    "Wie kan boodschappen meenemen als ik ziek ben?",
    "De computer doet het niet en ik moet mijn zorgtoeslag regelen.",
    "Mijn dochter woont ver weg, ik wil graag iemand om mee te praten.",
    "Kan er iemand een lamp ophangen in de gang?",
];
const AREAS: [LifeArea; 8] = [
    LifeArea::Transport,
    LifeArea::MoneyAndAdmin,
    LifeArea::GardenAndOddJobs,
    LifeArea::SocialContact,
    LifeArea::Household,
    LifeArea::MoneyAndAdmin,
    LifeArea::SocialContact,
    LifeArea::GardenAndOddJobs,
];

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median_ms(mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    f()?; // warm the statement cache and the page cache once
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        f()?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

/// A backend read and the same read in plain SQL, run in turns so that both
/// see the same machine (a busy neighbour slows both, not one): prints
/// `<name>` and `<name>_raw_sql`.
fn pair(
    name: &str,
    mut backend: impl FnMut() -> Result<()>,
    mut raw: impl FnMut() -> Result<()>,
) -> Result<()> {
    backend()?; // warm the statement cache and the page cache once
    raw()?;
    let mut times = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
    for _ in 0..RUNS {
        let t = Instant::now();
        backend()?;
        times.0.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        raw()?;
        times.1.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    for (suffix, mut v) in [("", times.0), ("_raw_sql", times.1)] {
        v.sort_by(f64::total_cmp);
        print(&format!("{name}{suffix}"), v[v.len() / 2]);
    }
    Ok(())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Unlock as the user does it (passphrase → a usable first screen), and the
/// work that follows in the background.
fn unlock_figures(vault: &Vault, now: NaiveDateTime) -> Result<()> {
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    // The first unlock of a day: usable at once; the day's backup (every
    // page copied into a new file, then rotation) follows in the background.
    let mut first = Vec::new();
    let mut backup = Vec::new();
    for day in 1..=3 {
        let mut s = Session::new(vault.dir(), KdfParams::DEFAULT);
        let t = Instant::now();
        s.unlock(PASS, now + Duration::days(day))?;
        first.push(ms(t));
        let t = Instant::now();
        s.settle();
        backup.push(ms(t));
        s.lock()?;
    }
    print("unlock_first_of_day", median(first));
    print("daily_backup_background", median(backup));

    // After a clean close (the usual case): Argon2id on the passphrase,
    // SQLCipher open, schema check, migrations check.
    let mut s = Session::new(vault.dir(), KdfParams::DEFAULT);
    let mut opened = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        s.unlock(PASS, now + Duration::days(3))?;
        opened.push(ms(t));
        s.settle();
        s.lock()?;
    }
    print("unlock_open", median(opened));

    // After a crash (no clean-close mark): the same quick open, then the full
    // integrity_check (every page read and authenticated) in the background.
    // An unlock consumes the mark; dropping the session without a lock is the crash.
    s.unlock(PASS, now + Duration::days(3))?;
    s.settle();
    drop(s);
    let mut quick = Vec::new();
    let mut check = Vec::new();
    for _ in 0..3 {
        let mut s = Session::new(vault.dir(), KdfParams::DEFAULT);
        let t = Instant::now();
        let status = s.unlock(PASS, now + Duration::days(3))?;
        quick.push(ms(t));
        if status.background != Some(Background::Check) {
            return Err(buurtpunt_core::Error::Migration(
                "no background check after a crash".into(),
            ));
        }
        let t = Instant::now();
        s.settle();
        check.push(ms(t));
        // Dropped without a lock: no clean-close mark, as after a crash.
        drop(s);
    }
    print("unlock_open_after_crash", median(quick));
    print("background_check_after_crash", median(check));
    Ok(())
}

fn print(name: &str, ms: f64) {
    println!("BENCH {name} {ms:.3}");
}

fn main() -> Result<()> {
    let n_residents = arg("--residents", 20_000);
    let n_requests = arg("--requests", 100_000);
    // `--keep DIR`: build the data set in DIR (which must not hold one yet)
    // and leave it there, for profiling; otherwise a temporary folder.
    let temp = tempfile::tempdir()?;
    let kept = std::env::args()
        .skip_while(|a| a != "--keep")
        .nth(1)
        .map(std::path::PathBuf::from);
    let vault = Vault::new(kept.as_deref().unwrap_or(temp.path()));
    let today =
        NaiveDate::from_ymd_opt(2026, 11, 22).ok_or(buurtpunt_core::Error::Invalid(vec![]))?;
    let now = NaiveDateTime::new(today, chrono::NaiveTime::MIN);

    // `--reuse DIR`: open a data set kept with `--keep DIR` (the whole bench
    // ran on it) and run only the meeting and report lines, for profiling.
    if let Some(dir) = std::env::args()
        .skip_while(|a| a != "--reuse")
        .nth(1)
        .map(std::path::PathBuf::from)
    {
        let vault = Vault::new(&dir);
        let (key, key_file) = vault.unlock_key(PASS, now)?;
        let mut db = vault.open(&key, &key_file, now)?.db;
        if !std::env::args().any(|a| a == "--today-only") {
            request_list::run(&mut db)?;
        }
        today::run(&mut db, &vault, &key, &key_file, now)?;
        if std::env::args().any(|a| a == "--reads-only") {
            return Ok(());
        }
        meeting::run(&mut db, today)?;
        inzage::run(&mut db, now)?;
        report::run(&mut db, now)?;
        drop(db);
        return retention::run(&vault, now);
    }

    let t = Instant::now();
    let mut db = vault.create(PASS, KdfParams::DEFAULT)?.db;
    generate(&mut db, today, now, n_residents, n_requests)?;
    drop(db);
    eprintln!(
        "data set: {n_residents} residents, {n_requests} requests, generated in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    unlock_figures(&vault, now)?;
    print(
        "unlock_kdf_only",
        median_ms_n(7, || vault.unlock_key(PASS, now).map(drop))?,
    );

    let (key, key_file) = vault.unlock_key(PASS, now)?;
    let mut db = vault.open(&key, &key_file, now)?.db;
    // Every filter of the request list, a deep page of each, the search box.
    request_list::run(&mut db)?;

    // Create a request: validation, one IMMEDIATE transaction, FTS index, synchronous=FULL.
    let mut i = 0;
    let ms = median_ms(|| {
        i += 1;
        requests::create(
            &mut db,
            request(1 + (i % n_residents as i64), i as usize, today),
            now,
        )
        .map(drop)
    })?;
    print("create_request", ms);

    volunteers::run(
        &mut db,
        today,
        now,
        volunteers::Sizes {
            volunteers: arg("--volunteers", 3_000),
            hours: arg("--hours", 500_000),
            residents: n_residents,
        },
    )?;

    // The signals first: the meeting's figures and the report count them.
    signals::run(&mut db, today)?;
    meeting::run(&mut db, today)?;
    import::run(now)?;
    handover::run(&mut db, now)?;
    inzage::run(&mut db, now)?;
    report::run(&mut db, now)?;
    social_map::run(&mut db, now)?;
    // Vandaag last: calls, check-ins and signals are in the data now.
    today::run(&mut db, &vault, &key, &key_file, now)?;
    full_export::run(&mut db, now)?;
    drop(db);
    retention::run(&vault, now)
}

fn median_ms_n(n: usize, mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        f()?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

fn request(resident_id: i64, i: usize, today: NaiveDate) -> RequestInput {
    let received = today - Duration::days((i * 37 % 3650) as i64);
    RequestInput {
        resident_id: Some(resident_id),
        received_on: received.format("%Y-%m-%d").to_string(),
        channel: [
            Channel::Phone,
            Channel::AtTheDoor,
            Channel::HelpPoint,
            Channel::ViaSomeoneElse,
        ][i % 4],
        ask: ASKS[i % ASKS.len()].into(),
        underlying_need: "Wil zelfstandig blijven wonen en mist contact.".into(),
        life_areas: vec![AREAS[i % AREAS.len()], AREAS[(i / 8) % AREAS.len()]],
        own_strength: "Buurvrouw kijkt af en toe om.".into(),
        tried: String::new(),
        urgency: [Urgency::Normal, Urgency::Low, Urgency::High][i % 3],
        due_on: if i.is_multiple_of(5) {
            (received + Duration::days(14))
                .format("%Y-%m-%d")
                .to_string()
        } else {
            String::new()
        },
        scope: Scope::Individual,
        scope_note: String::new(),
        ..Default::default()
    }
}

fn generate(
    db: &mut buurtpunt_core::Db,
    today: NaiveDate,
    now: NaiveDateTime,
    n_residents: usize,
    n_requests: usize,
) -> Result<()> {
    // Generated data only: skip the per-commit fsync while filling.
    db.conn().execute_batch("PRAGMA synchronous = OFF")?;
    for i in 0..n_residents {
        // A rare name for the search with a few hits: five residents.
        let first = if i % 4000 == 7 {
            "Wubbo"
        } else {
            FIRST[i % FIRST.len()]
        };
        let input = ResidentInput {
            first_name: first.into(),
            last_name: LAST[(i / FIRST.len()) % LAST.len()].into(),
            street: format!("Dorpsstraat{}", i % 40),
            house_number: (1 + i % 180).to_string(),
            postcode: format!("{} {}", 7000 + i % 900, ["AB", "CD", "EF", "GH"][i % 4]),
            kern: KERNEN[i % KERNEN.len()].into(),
            phone: format!("06{:08}", i),
            ..Default::default()
        };
        // Entered ten years ago, with their first requests: the retention
        // notice has files past their term to count.
        residents::create(db, input, true, now - Duration::days(3650))?;
    }
    let statuses = [
        requests::Status::Done,
        requests::Status::Done,
        requests::Status::Referred,
        requests::Status::InProgress,
        requests::Status::Lapsed,
    ];
    for i in 0..n_requests {
        let r = requests::create(db, request(1 + (i % n_residents) as i64, i, today), now)?;
        // Ten years of history: most requests are closed, within two months
        // of coming in (as the closing step in the contact log says).
        if i % 10 != 0 {
            let to = statuses[i % statuses.len()];
            let received = today - Duration::days((i * 37 % 3650) as i64);
            let closed = (received + Duration::days((i % 60) as i64)).min(today);
            let at = closed.and_time(now.time());
            requests::change_status(db, r.id, to, "Klaar volgens afspraak.", at)?;
        }
    }
    db.conn().execute_batch("PRAGMA synchronous = FULL")?;
    Ok(())
}
