//! Spreadsheet import on real files in a temp folder and a database with the
//! migrations applied. All people here are fictional.

use std::path::{Path, PathBuf};

use buurtpunt_core::import::{self, ImportField, ImportFileKind, Mapping, MappingIssue, MAX_ROWS};
use buurtpunt_core::residents::{self, ResidentInput, ResidentQuery};
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::volunteers::{self, Mobility, VolunteerInput, VolunteerStatus};
use buurtpunt_core::{Db, Error, Result};

mod common;

use common::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn count_residents(db: &Db) -> Result<i64> {
    Ok(residents::list(db.conn(), &ResidentQuery::default())?.total)
}

/// Read, take the suggested mapping, check and import.
fn import_file(db: &mut Db, path: &Path) -> Result<(import::Report, import::Imported)> {
    let sheet = import::read(path, "")?;
    let mapping = sheet.preview().mapping;
    let report = import::check(db.conn(), &sheet, &mapping, now().date())?;
    let imported = import::run(db, &sheet, &mapping, now(), |_, _| {})?;
    Ok((report, imported))
}

fn find(db: &Db, text: &str) -> Result<residents::Resident> {
    let first = *people(db, text)?.first().ok_or(Error::NotFound {
        what: "resident",
        id: 0,
    })?;
    residents::get(db.conn(), first)
}

const RESIDENTS_CSV: &str = "Voornaam;Tussenvoegsel;Achternaam;Straat;Huisnummer;Postcode;Woonplaats;Telefoon;E-mail;Geboortedatum\r\n\
Anna;;Bakker;Brink;3;7991la;Lindeloo;0612345678;anna.bakker@voorbeeld.nl;15-03-1948\r\n\
Zoë;van der;Molen;Kerkpad;12a;7991 LB;Lindeloo;0591-123456;;1951-07-02\r\n\
Bert;;Hofstede;Esweg;8;7992 AA;Veenhoeve;;;\r\n";

#[test]
fn a_semicolon_csv_with_a_bom_is_read_and_imported() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(RESIDENTS_CSV.as_bytes());
    let path = write(dir.path(), "bewoners.csv", &bytes);

    let preview = import::preview(&path, "")?;
    assert_eq!(preview.kind, ImportFileKind::Csv);
    assert_eq!(preview.separator, ";");
    assert_eq!(preview.encoding, "UTF-8");
    assert!(!preview.encoding_guessed);
    assert_eq!(
        preview.headers[0], "Voornaam",
        "the BOM is not part of the name"
    );
    assert_eq!(preview.row_count, 3);
    assert_eq!(
        preview.rows[0].row, 2,
        "row numbers as the spreadsheet shows them"
    );
    assert_eq!(
        preview.mapping.columns,
        vec![
            Some(ImportField::FirstName),
            Some(ImportField::Infix),
            Some(ImportField::LastName),
            Some(ImportField::Street),
            Some(ImportField::HouseNumber),
            Some(ImportField::Postcode),
            Some(ImportField::Kern),
            Some(ImportField::Phone),
            Some(ImportField::Email),
            Some(ImportField::BirthDate),
        ]
    );
    assert!(!preview.mapping.all_volunteers);

    let mut db = Db::in_memory()?;
    let (report, imported) = import_file(&mut db, &path)?;
    assert!(report.ready, "{report:?}");
    assert_eq!((imported.residents, imported.volunteers), (3, 0));
    assert_eq!(count_residents(&db)?, 3);
    let anna = find(&db, "Anna Bakker")?;
    assert_eq!(anna.postcode, "7991 LA");
    assert_eq!(
        anna.birth_date.as_deref(),
        Some("1948-03-15"),
        "dd-mm-jjjj became ISO"
    );
    let zoe = find(&db, "zoe molen")?;
    assert_eq!(
        zoe.last_name, "van der Molen",
        "the tussenvoegsel joins the last name"
    );
    Ok(())
}

#[test]
fn windows_1252_text_keeps_its_accents_and_says_so() -> Result<()> {
    let dir = tempfile::tempdir()?;
    // "Zoë" and "Renée" as Excel on Windows saves them: ë = 0xEB, é = 0xE9.
    let bytes =
        b"Voornaam,Achternaam,Kern\r\nZo\xEB,Smit,Lindeloo\r\nRen\xE9e,Postma,Veenhoeve\r\n";
    let path = write(dir.path(), "oud.csv", bytes);
    let preview = import::preview(&path, "")?;
    assert_eq!(preview.encoding, "Windows-1252");
    assert!(preview.encoding_guessed);
    assert_eq!(preview.separator, ",");
    assert_eq!(preview.rows[0].cells[0], "Zoë");
    assert_eq!(preview.rows[1].cells[0], "Renée");

    let mut db = Db::in_memory()?;
    import_file(&mut db, &path)?;
    assert_eq!(find(&db, "Renee")?.first_name, "Renée");
    Ok(())
}

#[test]
fn utf16_with_a_bom_and_tabs_is_read() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let text = "Voornaam\tAchternaam\nGerrit\tMulder\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = write(dir.path(), "unicode.txt", &bytes);
    let preview = import::preview(&path, "")?;
    assert_eq!(preview.encoding, "UTF-16");
    assert_eq!(preview.separator, "\t");
    assert_eq!(preview.rows[0].cells, vec!["Gerrit", "Mulder"]);
    Ok(())
}

fn xlsx(path: &Path) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    let sheet = book.add_worksheet();
    sheet.set_name("Vrijwilligers")?;
    for (col, h) in [
        "Voornaam",
        "Achternaam",
        "Adres",
        "Postcode",
        "Mobiel",
        "Geboortedatum",
        "Vaardigheden",
        "Uren per week",
        "Vervoer",
        "VOG",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, *h)?;
    }
    sheet.write_string(1, 0, "Klaasje")?;
    sheet.write_string(1, 1, "Oosting")?;
    sheet.write_string(1, 2, "Molenweg 14")?;
    sheet.write_string(1, 3, "7991 AB")?;
    // A phone number typed into a number cell loses its leading 0.
    sheet.write_number(1, 4, 612345678.0)?;
    sheet.write_datetime_with_format(1, 5, ExcelDateTime::from_ymd(1960, 4, 9)?, &date)?;
    sheet.write_string(1, 6, "tuinieren, Autorijden, Fietsen repareren")?;
    sheet.write_number(1, 7, 4.0)?;
    sheet.write_string(1, 8, "auto en fiets")?;
    sheet.write_datetime_with_format(1, 9, ExcelDateTime::from_ymd(2025, 1, 10)?, &date)?;
    sheet.write_string(2, 0, "Lammert")?;
    sheet.write_string(2, 1, "Wolters")?;
    sheet.write_string(2, 6, "Boodschappen doen")?;
    book.add_worksheet().set_name("Oud")?;
    book.save(path)?;
    Ok(())
}

#[test]
fn an_xlsx_list_of_volunteers_gets_profiles_with_skills() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("vrijwilligers.xlsx");
    xlsx(&path).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;

    let preview = import::preview(&path, "")?;
    assert_eq!(preview.kind, ImportFileKind::Workbook);
    assert_eq!(preview.sheets, vec!["Vrijwilligers", "Oud"]);
    assert_eq!(preview.sheet, "Vrijwilligers");
    assert!(
        preview.mapping.all_volunteers,
        "a sheet called Vrijwilligers is a list of volunteers"
    );
    let row = &preview.rows[0].cells;
    assert_eq!(row[4], "612345678", "numbers without .0");
    assert_eq!(row[5], "1960-04-09", "dates as YYYY-MM-DD");
    assert_eq!(row[7], "4");

    let mut db = Db::in_memory()?;
    let (report, imported) = import_file(&mut db, &path)?;
    assert_eq!((imported.residents, imported.volunteers), (2, 2));
    assert_eq!(report.unknown_skills.len(), 1);
    assert_eq!(report.unknown_skills[0].name, "Fietsen repareren");
    assert_eq!(report.unknown_skills[0].rows, vec![2]);

    let klaasje = find(&db, "Klaasje")?;
    assert_eq!(klaasje.street, "Molenweg");
    assert_eq!(klaasje.house_number, "14");
    assert_eq!(klaasje.phone, "0612345678");
    assert_eq!(klaasje.birth_date.as_deref(), Some("1960-04-09"));
    let v = volunteers::get(db.conn(), klaasje.id, now().date())?;
    assert_eq!(v.status, VolunteerStatus::Active);
    let skills: Vec<&str> = v.skills.iter().map(|s| s.name.as_str()).collect();
    assert!(skills.contains(&"Tuinieren"), "{skills:?}");
    assert!(skills.contains(&"Autorijden (vervoer)"), "{skills:?}");
    assert_eq!(
        v.tags,
        vec!["Fietsen repareren"],
        "an unknown skill is kept as a tag"
    );
    assert_eq!(v.limit_hours, Some(4.0));
    assert_eq!(v.mobility, vec![Mobility::Car, Mobility::Bike]);
    assert_eq!(v.vog_on.as_deref(), Some("2025-01-10"));
    Ok(())
}

#[test]
fn the_second_sheet_can_be_chosen() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("lijst.xlsx");
    xlsx(&path).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    // The second sheet is empty.
    assert!(matches!(
        import::read(&path, "Oud"),
        Err(Error::ImportEmpty)
    ));
    // A sheet that is not in the file is an error, not the first sheet.
    assert!(
        matches!(import::read(&path, "Leden 2025"), Err(Error::ImportNoSuchSheet { ref sheet }) if sheet == "Leden 2025")
    );
    Ok(())
}

/// A workbook whose first sheet is empty (or only a title) is read from the
/// first sheet with people on it; the preview lists every sheet to choose.
#[test]
fn an_empty_first_sheet_does_not_hide_the_list_on_the_next() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("leden.xlsx");
    let made = (|| -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet()
            .set_name("Voorblad")?
            .write_string(0, 0, "Ledenlijst")?;
        let s = book.add_worksheet().set_name("Leden")?;
        for (col, h) in ["Voornaam", "Achternaam", "Woonplaats"].iter().enumerate() {
            s.write_string(0, col as u16, *h)?;
        }
        s.write_string(1, 0, "Grietje")?;
        s.write_string(1, 1, "Smeenge")?;
        s.write_string(1, 2, "Lindeloo")?;
        book.save(&path)
    })();
    made.map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    let sheet = import::read(&path, "")?;
    assert_eq!(sheet.sheet, "Leden");
    let preview = sheet.preview();
    assert_eq!(preview.sheets, vec!["Voorblad", "Leden"]);
    assert_eq!(preview.row_count, 1);
    Ok(())
}

/// A row with more filled cells than there are column names is named, in
/// the preview and in the report; its extra cell gets a column letter.
#[test]
fn rows_wider_than_the_header_are_named_in_the_report() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = write(
        dir.path(),
        "scheef.csv",
        "Voornaam;Achternaam;Woonplaats\r\nAnna;Bakker;Lindeloo\r\nBert;Hofstede;Veenhoeve;0612345678\r\nCor;Smit;Lindeloo\r\n"
            .as_bytes(),
    );
    let sheet = import::read(&path, "")?;
    assert_eq!(sheet.wide_rows, vec![3]);
    assert_eq!(
        sheet.headers,
        vec!["Voornaam", "Achternaam", "Woonplaats", "D"]
    );
    let preview = sheet.preview();
    assert_eq!(
        (preview.wide_rows.clone(), preview.wide_row_count),
        (vec![3], 1)
    );
    let db = Db::in_memory()?;
    let report = import::check(db.conn(), &sheet, &preview.mapping, now().date())?;
    assert_eq!((report.wide_rows, report.wide_row_count), (vec![3], 1));
    Ok(())
}

#[test]
fn one_bad_row_means_nothing_is_imported_and_the_report_says_where() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let csv = "Voornaam;Achternaam;Postcode;Geboortedatum;Vrijwilliger\n\
               Anna;Bakker;7991 LA;;nee\n\
               Cor;Jansen;12345;31-02-1950;ja\n\
               ;Smit;;;\n\
               Dina;Meijer;;;misschien\n";
    let path = write(dir.path(), "fouten.csv", csv.as_bytes());
    let sheet = import::read(&path, "")?;
    let mapping = sheet.preview().mapping;
    let mut db = Db::in_memory()?;
    let report = import::check(db.conn(), &sheet, &mapping, now().date())?;
    assert!(!report.ready);
    assert_eq!(report.problem_rows, 3);
    let found: Vec<(u32, &str, Rule, &str)> = report
        .problems
        .iter()
        .map(|p| (p.row, p.field.as_str(), p.rule, p.column.as_str()))
        .collect();
    assert!(
        found.contains(&(3, "postcode", Rule::Postcode, "Postcode")),
        "{found:?}"
    );
    assert!(
        found.contains(&(3, "birthDate", Rule::Date, "Geboortedatum")),
        "{found:?}"
    );
    assert!(
        found.contains(&(4, "firstName", Rule::Required, "Voornaam")),
        "{found:?}"
    );
    assert!(
        found.contains(&(5, "isVolunteer", Rule::Choice, "Vrijwilliger")),
        "{found:?}"
    );
    assert_eq!(report.problems[0].value, "12345");

    let err = import::run(&mut db, &sheet, &mapping, now(), |_, _| {}).err();
    assert!(
        matches!(err, Some(Error::ImportNotReady { rows: 3 })),
        "{err:?}"
    );
    assert_eq!(count_residents(&db)?, 0, "nothing was imported");
    Ok(())
}

#[test]
fn a_failure_halfway_rolls_back_every_row() -> Result<()> {
    // The check passes, but the database refuses the second resident (a
    // trigger stands in for a full disk): the first, already written, goes too.
    let dir = tempfile::tempdir()?;
    let csv = "Voornaam;Achternaam\nAnna;Bakker\nBert;Smit\n";
    let path = write(dir.path(), "half.csv", csv.as_bytes());
    let sheet = import::read(&path, "")?;
    let mapping = sheet.preview().mapping;
    let mut db = Db::in_memory()?;
    db.conn().execute_batch(
        "CREATE TEMP TRIGGER fail_second AFTER INSERT ON residents
         WHEN (SELECT count(*) FROM residents) >= 2
         BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END;",
    )?;
    let err = import::run(&mut db, &sheet, &mapping, now(), |_, _| {}).err();
    assert!(matches!(err, Some(Error::Sql(_))), "{err:?}");
    assert_eq!(count_residents(&db)?, 0);
    Ok(())
}

#[test]
fn garbage_files_give_a_clear_error_not_a_crash() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("ruis.csv", binary),
        (
            "plaatje.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec(),
        ),
        ("kapot.xlsx", b"PK\x03\x04 dit is geen echte zip".to_vec()),
        (
            "oud.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 kapot".to_vec(),
        ),
    ];
    for (name, bytes) in cases {
        let path = write(dir.path(), name, &bytes);
        let err = import::preview(&path, "").err();
        assert!(
            matches!(err, Some(Error::ImportUnreadable(_))),
            "{name}: {err:?}"
        );
    }
    let empty = write(dir.path(), "leeg.csv", b"");
    assert!(matches!(
        import::preview(&empty, ""),
        Err(Error::ImportEmpty)
    ));
    let header_only = write(dir.path(), "kop.csv", b"Voornaam;Achternaam\r\n\r\n");
    assert!(matches!(
        import::preview(&header_only, ""),
        Err(Error::ImportEmpty)
    ));
    let no_header = write(
        dir.path(),
        "zonder-kop.csv",
        b"Anna;Bakker;7991 LA;anna@voorbeeld.nl\nBert;Smit;7991 LB;\n",
    );
    assert!(matches!(
        import::preview(&no_header, ""),
        Err(Error::ImportNoHeader)
    ));
    let missing = import::preview(&dir.path().join("bestaat-niet.csv"), "").err();
    assert!(matches!(missing, Some(Error::Io(_))), "{missing:?}");
    Ok(())
}

#[test]
fn too_many_rows_give_a_clear_error() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut csv = String::from("Voornaam;Achternaam\n");
    for i in 0..100_000 {
        csv.push_str(&format!("Naam{i};Jansen\n"));
    }
    let path = write(dir.path(), "groot.csv", csv.as_bytes());
    let err = import::preview(&path, "").err();
    assert!(
        matches!(
            err,
            Some(Error::ImportTooManyRows {
                found: 100_000,
                max: MAX_ROWS
            })
        ),
        "{err:?}"
    );
    Ok(())
}

#[test]
fn known_people_are_skipped_with_a_warning() -> Result<()> {
    let mut db = Db::in_memory()?;
    residents::create(
        &mut db,
        ResidentInput {
            first_name: "Anna".into(),
            last_name: "Bakker".into(),
            street: "Brink".into(),
            house_number: "3".into(),
            postcode: "7991 LA".into(),
            ..Default::default()
        },
        false,
        now(),
    )?;
    let dir = tempfile::tempdir()?;
    let csv = "Voornaam,Achternaam,Postcode,Huisnummer\n\
               ANNA,bakker,7991la,3\n\
               Evert,Kuipers,7991 LB,5\n\
               Evert,Kuipers,7991 LB,5\n\
               Evert,Kuipers,7992 AA,1\n";
    let path = write(dir.path(), "dubbel.csv", csv.as_bytes());
    let (report, imported) = import_file(&mut db, &path)?;
    assert!(report.ready);
    assert_eq!(report.skipped_count, 2);
    assert_eq!(report.skipped[0].row, 2);
    assert_eq!(report.skipped[0].existing_id, Some(1));
    assert_eq!(report.skipped[1].row, 4);
    assert_eq!(report.skipped[1].earlier_row, Some(3));
    assert_eq!(
        (imported.residents, imported.skipped),
        (2, 2),
        "another Evert Kuipers at another address is another person"
    );
    assert_eq!(count_residents(&db)?, 3);
    Ok(())
}

#[test]
fn a_volunteer_row_for_a_known_resident_adds_the_profile() -> Result<()> {
    let mut db = Db::in_memory()?;
    let known = residents::create(
        &mut db,
        ResidentInput {
            first_name: "Otto".into(),
            last_name: "Postma".into(),
            postcode: "7991 LA".into(),
            house_number: "9".into(),
            ..Default::default()
        },
        false,
        now(),
    )?;
    let already = residents::create(
        &mut db,
        ResidentInput {
            first_name: "Mien".into(),
            last_name: "Smit".into(),
            ..Default::default()
        },
        false,
        now(),
    )?;
    volunteers::create(
        &mut db,
        already.id,
        VolunteerInput::default(),
        VolunteerStatus::Active,
        now(),
    )?;
    let dir = tempfile::tempdir()?;
    let csv = "Voornaam;Achternaam;Postcode;Huisnummer;Vrijwilliger;Status;Vaardigheden\n\
               Otto;Postma;7991 LA;9;ja;pauze;Klussen in huis\n\
               Mien;Smit;;;ja;;\n";
    let path = write(dir.path(), "vrijwilligers-erbij.csv", csv.as_bytes());
    let (report, imported) = import_file(&mut db, &path)?;
    assert_eq!((imported.residents, imported.volunteers), (0, 1));
    assert!(report.skipped[0].adds_volunteer);
    assert!(
        !report.skipped[1].adds_volunteer,
        "Mien is a volunteer already"
    );
    let v = volunteers::get(db.conn(), known.id, now().date())?;
    assert_eq!(v.status, VolunteerStatus::Paused);
    assert_eq!(v.skills[0].name, "Klussen in huis");
    Ok(())
}

#[test]
fn a_mapping_without_names_is_not_ready() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = write(dir.path(), "a.csv", RESIDENTS_CSV.as_bytes());
    let sheet = import::read(&path, "")?;
    let mut mapping = sheet.preview().mapping;
    mapping.columns[0] = None;
    mapping.columns[3] = Some(ImportField::Postcode);
    let db = Db::in_memory()?;
    let report = import::check(db.conn(), &sheet, &mapping, now().date())?;
    assert!(!report.ready);
    let issues: Vec<(ImportField, MappingIssue)> = report
        .mapping_problems
        .iter()
        .map(|p| (p.field, p.issue))
        .collect();
    assert!(issues.contains(&(ImportField::FirstName, MappingIssue::Missing)));
    assert!(issues.contains(&(ImportField::Postcode, MappingIssue::Twice)));
    // A full name column is enough.
    let mapping = Mapping {
        columns: vec![Some(ImportField::FullName)],
        fingerprint: sheet.fingerprint.clone(),
        ..Default::default()
    };
    let report = import::check(db.conn(), &sheet, &mapping, now().date())?;
    assert!(report.mapping_problems.is_empty());
    Ok(())
}

#[test]
fn progress_is_reported_up_to_the_total() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut csv = String::from("Naam;Kern\n");
    for i in 0..1_000 {
        csv.push_str(&format!("Anna Jansen-{i};Lindeloo\n"));
    }
    let path = write(dir.path(), "duizend.csv", csv.as_bytes());
    let sheet = import::read(&path, "")?;
    let mapping = sheet.preview().mapping;
    let mut db = Db::in_memory()?;
    let mut seen = Vec::new();
    let imported = import::run(&mut db, &sheet, &mapping, now(), |done, total| {
        seen.push((done, total));
    })?;
    assert_eq!(imported.residents, 1_000);
    assert_eq!(seen.first(), Some(&(0, 1_000)));
    assert_eq!(seen.last(), Some(&(1_000, 1_000)));
    assert!(
        seen.len() <= 102,
        "about a hundred updates, not one per row"
    );
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0));
    Ok(())
}
