//! Workbooks are parsed in a child process of the app (see [`crate::child`]):
//! the question is the sheet's name and the file's bytes; the answer, the
//! sheets as text.

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::workbook;
pub use super::workbook::{TextRange, Workbook};
pub use crate::child::{isolate, TIME_LIMIT};
use crate::{Error, Result};

/// The first argument that makes the app a workbook reader.
pub const CHILD_FLAG: &str = "--read-workbook";

/// Parse in the child when [`isolate`] set one, else here under `catch_unwind`.
pub(crate) fn parse_here_or_there(bytes: &[u8], sheet: &str) -> Result<Workbook> {
    match crate::child::reader() {
        Some(exe) => parse(exe, bytes, sheet, TIME_LIMIT),
        None => crate::child::here(|| workbook::parse(bytes, sheet), Error::ImportUnreadable),
    }
}

/// What the child answers.
#[derive(Serialize, Deserialize)]
enum Answer {
    Read(Workbook),
    Unreadable(String),
    NoSuchSheet(String),
}

/// The child's answer to a question (see [`crate::child::serve`]).
pub(crate) fn answer(asked: Vec<u8>) -> std::result::Result<Vec<u8>, String> {
    let answer = match split_question(&asked) {
        None => Answer::Unreadable("the question to the workbook reader is damaged".into()),
        Some((sheet, bytes)) => match workbook::parse(bytes, sheet) {
            Ok(book) => Answer::Read(book),
            Err(Error::ImportNoSuchSheet { sheet }) => Answer::NoSuchSheet(sheet),
            Err(e) => Answer::Unreadable(e.to_string()),
        },
    };
    serde_json::to_vec(&answer).map_err(|e| e.to_string())
}

/// The question: the sheet's name (its length as u64, little-endian, then
/// UTF-8) and the file's bytes.
fn question(sheet: &str, bytes: &[u8]) -> Vec<u8> {
    let name = sheet.as_bytes();
    let mut q = Vec::with_capacity(8 + name.len() + bytes.len());
    q.extend_from_slice(&(name.len() as u64).to_le_bytes());
    q.extend_from_slice(name);
    q.extend_from_slice(bytes);
    q
}

fn split_question(q: &[u8]) -> Option<(&str, &[u8])> {
    let (len, rest) = q.split_first_chunk::<8>()?;
    let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
    let (name, bytes) = rest.split_at_checked(len)?;
    Some((std::str::from_utf8(name).ok()?, bytes))
}

/// Parse `bytes` in a child `exe` [`CHILD_FLAG`], waiting at most `limit`.
pub fn parse(exe: &Path, bytes: &[u8], sheet: &str, limit: Duration) -> Result<Workbook> {
    let answer = crate::child::ask(
        exe,
        CHILD_FLAG,
        question(sheet, bytes),
        limit,
        Error::ImportUnreadable,
    )?;
    match answer {
        Answer::Read(book) => Ok(book),
        Answer::Unreadable(why) => Err(Error::ImportUnreadable(why)),
        Answer::NoSuchSheet(sheet) => Err(Error::ImportNoSuchSheet { sheet }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_question_keeps_the_sheet_and_the_bytes_apart() {
        let q = question("Leden 2026", b"PK\x03\x04rest");
        assert_eq!(
            split_question(&q),
            Some(("Leden 2026", &b"PK\x03\x04rest"[..]))
        );
        assert_eq!(split_question(&q[..7]), None);
        assert_eq!(split_question(&q[..12]), None, "a cut-off name");
    }

    #[test]
    fn the_child_answers_a_damaged_file_as_unreadable() {
        let out = answer(question("", b"PK\x03\x04 not a zip"));
        assert!(matches!(
            out.as_deref().map(serde_json::from_slice),
            Ok(Ok(Answer::Unreadable(_)))
        ));
    }
}
