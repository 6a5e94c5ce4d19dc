//! The file behind an import is read at every step (choose, check, import),
//! so a contact person can fix it in the spreadsheet program in between.
//! What the check reports must still be what is imported: a file saved
//! again since the columns were chosen is refused, and one that is gone
//! says so. Fictional people only.

use std::path::Path;

use buurtpunt_core::error::ErrorCode;
use buurtpunt_core::import;
use buurtpunt_core::{Db, Error, Result};

mod common;

use common::*;

const HEADER: &str = "Voornaam;Achternaam;Postcode\n";

fn write(path: &Path, rows: &[&str]) -> Result<()> {
    let mut text = String::from(HEADER);
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    std::fs::write(path, text)?;
    Ok(())
}

fn residents_in(db: &Db) -> Result<i64> {
    Ok(db
        .conn()
        .query_row("SELECT count(*) FROM residents", [], |r| r.get(0))?)
}

#[test]
fn a_file_saved_again_since_the_columns_were_chosen_is_neither_checked_nor_imported() -> Result<()>
{
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bewoners.csv");
    write(&path, &["Anna;Bakker;7991 LA"])?;
    let mapping = import::preview(&path, "")?.mapping;
    let mut db = Db::in_memory()?;

    // Saved again with one more row (or columns moved): the mapping no
    // longer fits what is read. The check and the import refuse.
    write(&path, &["Anna;Bakker;7991 LA", "Cor;Jansen;7991 LB"])?;
    let sheet = import::read(&path, "")?;
    let checked = import::check(db.conn(), &sheet, &mapping, now().date());
    assert!(
        matches!(checked, Err(Error::ImportFileChanged)),
        "{checked:?}"
    );
    let ran = import::run(&mut db, &sheet, &mapping, now(), |_, _| {});
    assert!(matches!(ran, Err(Error::ImportFileChanged)), "{ran:?}");
    assert_eq!(residents_in(&db)?, 0, "nothing was imported");

    // Read again (as the screen does): the new preview's mapping fits.
    let again = import::preview(&path, "")?.mapping;
    let report = import::check(db.conn(), &sheet, &again, now().date())?;
    assert_eq!(report.residents, 2);
    let imported = import::run(&mut db, &sheet, &again, now(), |_, _| {})?;
    assert_eq!(imported.residents, 2);
    assert_eq!(residents_in(&db)?, 2);
    Ok(())
}

#[test]
fn the_same_bytes_saved_again_are_the_same_file() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bewoners.csv");
    write(&path, &["Anna;Bakker;7991 LA"])?;
    let mapping = import::preview(&path, "")?.mapping;
    std::fs::remove_file(&path)?;
    write(&path, &["Anna;Bakker;7991 LA"])?;
    let sheet = import::read(&path, "")?;
    let report = import::check(Db::in_memory()?.conn(), &sheet, &mapping, now().date())?;
    assert!(report.ready);
    Ok(())
}

#[test]
fn a_file_gone_since_it_was_chosen_says_so() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bewoners.csv");
    write(&path, &["Anna;Bakker;7991 LA"])?;
    import::preview(&path, "")?;
    // Moved, renamed, or the stick was taken out.
    std::fs::remove_file(&path)?;
    let err = import::read(&path, "").err();
    assert_eq!(err.map(|e| e.code()), Some(ErrorCode::FileGone));
    Ok(())
}
