//! Bench part: the spreadsheet import of a 10 000-row CSV (residents, one in
//! six a volunteer with skills) into a fresh encrypted database: read, check
//! and write in one transaction with `synchronous = FULL`, as the app does.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use buurtpunt_core::import;
use buurtpunt_core::store::keys::KdfParams;
use buurtpunt_core::store::vault::Vault;
use buurtpunt_core::{Error, Result};
use chrono::NaiveDateTime;

use super::{print, FIRST, KERNEN, LAST};

const ROWS: usize = 10_000;
const RUNS: usize = 5;
/// A fast key derivation: the bench measures the import, not the unlock.
const FAST: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};
const SKILLS: [&str; 4] = [
    "Boodschappen doen",
    "tuinieren",
    "Autorijden",
    "Computer en telefoon, Bezoek en gezelschap",
];

fn csv() -> String {
    let mut out = String::from(
        "Voornaam;Tussenvoegsel;Achternaam;Straat;Huisnummer;Postcode;Woonplaats;Telefoon;\
         E-mail;Geboortedatum;Vrijwilliger;Vaardigheden;Uren per week;Vervoer\r\n",
    );
    for i in 0..ROWS {
        let volunteer = i % 6 == 0;
        let _ = write!(
            out,
            "{};{};{} {};Dorpsstraat;{};{} {};{};06{:08};;{:02}-{:02}-{};{};{};{};{}\r\n",
            FIRST[i % FIRST.len()],
            if i % 5 == 0 { "van" } else { "" },
            LAST[(i / FIRST.len()) % LAST.len()],
            i,
            1 + i % 180,
            7000 + i % 900,
            ["AB", "CD", "EF", "GH"][i % 4],
            KERNEN[i % KERNEN.len()],
            i,
            1 + i % 28,
            1 + i % 12,
            1930 + i % 70,
            if volunteer { "ja" } else { "nee" },
            if volunteer {
                SKILLS[i % SKILLS.len()]
            } else {
                ""
            },
            if volunteer { "4" } else { "" },
            if volunteer { "auto" } else { "" },
        );
    }
    out
}

fn once(dir: &Path, file: &Path, now: NaiveDateTime) -> Result<f64> {
    let vault = Vault::new(dir);
    let mut db = vault.create("bench import wachtwoord", FAST)?.db;
    let t = Instant::now();
    let sheet = import::read(file, "")?;
    let mapping = sheet.preview().mapping;
    let imported = import::run(&mut db, &sheet, &mapping, now, |_, _| {})?;
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    if imported.residents as usize != ROWS {
        return Err(Error::ImportNotReady { rows: 0 });
    }
    Ok(ms)
}

pub fn run(now: NaiveDateTime) -> Result<()> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("bewoners.csv");
    std::fs::write(&file, csv())?;
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        times.push(once(&dir.path().join(format!("db{i}")), &file, now)?);
    }
    times.sort_by(f64::total_cmp);
    print("import_csv_10k", times[times.len() / 2]);
    Ok(())
}
