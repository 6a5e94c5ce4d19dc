//! The annual report's store and export: the foreword and notes are kept
//! per year and limited; making the report writes the PDF and the XLSX at
//! the chosen place, logs it, holds no resident's name, and asks before
//! replacing files. Real database (migrations applied), fictional people.

mod common;
#[path = "report_parts/sample.rs"]
mod sample;

use buurtpunt_core::report::{self, ReportInput};
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::{Db, Error};
use sample::*;

#[test]
fn the_texts_are_kept_per_year_and_limited() -> TestResult {
    let mut db = Db::in_memory()?;
    let now = common::at(2027, 1, 14);
    assert_eq!(report::get_texts(db.conn(), 2026)?.foreword, "");
    report::save_texts(&mut db, &texts(), now)?;
    let mut other = texts();
    other.year = 2025;
    other.foreword = "Het eerste jaar.".into();
    report::save_texts(&mut db, &other, now)?;
    assert_eq!(report::get_texts(db.conn(), 2026)?, texts());
    assert_eq!(
        report::get_texts(db.conn(), 2025)?.foreword,
        "Het eerste jaar."
    );

    let mut long = texts();
    long.notes = "a".repeat(report::TEXT_MAX + 1);
    match report::save_texts(&mut db, &long, now) {
        Err(Error::Invalid(errors)) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].field, "notes");
            assert_eq!(errors[0].rule, Rule::TooLong);
            assert_eq!(errors[0].max, Some(report::TEXT_MAX));
        }
        other => panic!("expected too long, got {other:?}"),
    }
    assert_eq!(report::get_texts(db.conn(), 2026)?, texts());
    Ok(())
}

#[test]
fn making_the_report_writes_both_files_logs_it_and_asks_before_replacing() -> TestResult {
    let mut db = Db::in_memory()?;
    let now = common::at(2026, 11, 22);
    let who = common::resident(&mut db, "Geesje", "Mulder", "Vlagtwedde")?;
    let klussen = common::skill(&db, "Klussen in huis")?;
    common::odd_jobs_request(&mut db, who, klussen)?;
    report::save_texts(&mut db, &texts(), now)?;
    let years = report::years(db.conn(), now.date())?;
    assert_eq!(years.suggested, 2026);
    assert_eq!(years.years, vec![2026]);

    let dir = out_dir("make")?;
    let chosen = dir.join("Jaarverslag-2026.pdf");
    for p in report::export::paths(&chosen) {
        let _ = std::fs::remove_file(p);
    }
    let input = ReportInput {
        year: 2026,
        overwrite: false,
    };
    let done = report::make(&mut db, &input, &chosen, now)?;
    assert_eq!(done.files.len(), 2);
    assert!(chosen.exists() && dir.join("Jaarverslag-2026.xlsx").exists());
    let text = pdf_text(&chosen)?;
    assert!(text.contains("Hulpvragen per maand"), "{text}");
    assert!(text.contains(&texts().foreword));
    for name in ["Geesje", "Mulder"] {
        assert!(!text.contains(name), "a name in the report:\n{text}");
    }
    let log = report::made(db.conn())?;
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].year, log[0].files.clone()),
        (2026, done.files.clone())
    );

    match report::make(&mut db, &input, &chosen, now) {
        Err(Error::ReportFilesExist { files }) => assert_eq!(
            files,
            vec![
                "Jaarverslag-2026.pdf".to_owned(),
                "Jaarverslag-2026.xlsx".to_owned()
            ]
        ),
        other => panic!("expected the question, got {other:?}"),
    }
    assert_eq!(
        report::made(db.conn())?.len(),
        1,
        "nothing made, nothing logged"
    );
    let again = ReportInput {
        overwrite: true,
        ..input
    };
    report::make(&mut db, &again, &chosen, now)?;
    assert_eq!(report::made(db.conn())?.len(), 2);
    Ok(())
}
