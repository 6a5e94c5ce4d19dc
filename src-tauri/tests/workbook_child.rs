//! Workbooks are parsed by the app binary itself, started as a child with
//! `--read-workbook` (core `import::child`): the real binary reads a real
//! workbook the same as the parser in the process does, and a child that
//! dies, hangs, answers nonsense or cannot start gives a clean error.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use buurtpunt_core::import::{self, child};
use buurtpunt_core::Error;

mod common;

use common::{script, TestResult, APP};

fn workbook() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .set_name("Voorblad")?
        .write_string(0, 0, "Ledenlijst Lindeloo")?;
    let s = book.add_worksheet().set_name("Leden")?;
    // The list starts at B3, as lists made by hand often do.
    for (col, h) in ["Voornaam", "Achternaam", "Huisnummer", "Lid sinds"]
        .iter()
        .enumerate()
    {
        s.write_string(2, 1 + col as u16, *h)?;
    }
    s.write_string(3, 1, "Hennie")?;
    s.write_string(3, 2, "Kuipers")?;
    s.write_number(3, 3, 4.0)?;
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 3, 1)?;
    s.write_datetime_with_format(
        3,
        4,
        &date,
        &rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy"),
    )?;
    s.write_string(4, 1, "Ineke")?;
    s.write_string(4, 2, "van der Molen")?;
    s.write_number(4, 3, 12.5)?;
    book.save_to_buffer()
}

#[test]
fn the_app_binary_reads_a_workbook_as_the_parser_in_the_process_does() -> TestResult {
    let bytes = workbook()?;
    let book = child::parse(Path::new(APP), &bytes, "", child::TIME_LIMIT)?;
    assert_eq!(book.sheets, ["Voorblad", "Leden"]);
    let leden = &book.ranges[1];
    assert_eq!((leden.first_row, leden.first_column), (2, 1));
    assert_eq!(
        leden.rows,
        [
            ["Voornaam", "Achternaam", "Huisnummer", "Lid sinds"],
            ["Hennie", "Kuipers", "4", "2024-03-01"],
            ["Ineke", "van der Molen", "12.5", ""],
        ]
    );

    // The whole import read, isolated as the app does it: the same sheet as
    // read in this process (this test binary's first read goes in-process).
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("leden.xlsx");
    std::fs::write(&path, &bytes)?;
    let here = import::read(&path, "")?;
    assert!(child::isolate(PathBuf::from(APP)));
    let there = import::read(&path, "")?;
    assert_eq!(there.sheet, "Leden");
    assert_eq!(there.headers, here.headers);
    assert_eq!(there.rows, here.rows);
    assert_eq!(
        there.rows[0].number, 4,
        "row numbers as the spreadsheet shows them"
    );
    assert_eq!(there.sheets, here.sheets);
    assert!(matches!(
        import::read(&path, "Oud"),
        Err(Error::ImportNoSuchSheet { ref sheet }) if sheet == "Oud"
    ));
    Ok(())
}

#[test]
fn a_damaged_workbook_is_unreadable_not_a_crash() -> TestResult {
    for bytes in [
        &b"PK\x03\x04 this is no zip"[..],
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0][..],
    ] {
        assert_unreadable(
            child::parse(Path::new(APP), bytes, "", child::TIME_LIMIT),
            "",
        );
    }
    Ok(())
}

/// The child's error is "niet leesbaar" and says `why`.
fn assert_unreadable(got: Result<child::Workbook, Error>, why: &str) {
    assert!(
        matches!(got, Err(Error::ImportUnreadable(ref said)) if said.contains(why)),
        "{got:?}"
    );
}

#[test]
fn a_child_that_dies_hangs_or_babbles_gives_unreadable() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bytes = workbook()?;
    let limit = Duration::from_secs(2);

    // A parser that aborts (a panic in the release build, a stack overflow).
    let dies = script(dir.path(), "dies", "cat >/dev/null; kill -ABRT $$")?;
    assert_unreadable(child::parse(&dies, &bytes, "", limit), "stopped");

    // A parser that never stops: killed at the limit.
    let hangs = script(dir.path(), "hangs", "exec sleep 60")?;
    let started = Instant::now();
    assert_unreadable(child::parse(&hangs, &bytes, "", limit), "longer");
    assert!(started.elapsed() < Duration::from_secs(20));

    // An answer that is not one.
    let babbles = script(dir.path(), "babbles", "cat >/dev/null; echo '{\"Read\":1}'")?;
    assert_unreadable(child::parse(&babbles, &bytes, "", limit), "nonsense");

    // A child that reads nothing and stops at once still gets an answer out.
    let deaf = script(dir.path(), "deaf", "exit 0")?;
    assert_unreadable(child::parse(&deaf, &bytes, "", limit), "");

    // No reader to start: an error of the app, not of the file.
    let got = child::parse(&dir.path().join("missing"), &bytes, "", limit);
    assert!(matches!(got, Err(Error::Io(_))), "{got:?}");
    Ok(())
}
