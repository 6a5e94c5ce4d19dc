//! The CSV files of an HSDS ZIP, taken out of the ZIP in a child process of
//! the app (see [`crate::child`]): the ZIP comes from another program, and
//! a panic or an endless loop in reading it must not take the app down.
//! The question is the ZIP's bytes; the answer, the CSV files Buurtpunt
//! reads, as text. Parsing the CSV text is left to the app.

use std::io::{Cursor, Read};
use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use zip::ZipArchive;

use super::{MAX_ENTRIES, MAX_ENTRY, MAX_TEXT, TABLES};
use crate::{Error, Result};

/// The first argument that makes the app a reader of HSDS ZIPs.
pub const CHILD_FLAG: &str = "--read-hsds-zip";

/// Files read besides the ones Buurtpunt writes: taxonomy terms.
pub(super) const EXTRA: &[&str] = &["attributes.csv", "taxonomy_terms.csv"];

/// What the child answers.
#[derive(Serialize, Deserialize)]
enum Answer {
    /// (file name, text) for each CSV file read.
    Read(Vec<(String, String)>),
    Unreadable(String),
}

/// The CSV files of the ZIP that Buurtpunt reads, as text: in the child
/// when [`crate::child::isolate`] set one, else here under `catch_unwind`.
pub(super) fn csv_texts(bytes: &[u8]) -> Result<Vec<(&'static str, String)>> {
    match crate::child::reader() {
        Some(exe) => in_child(exe, bytes, crate::child::TIME_LIMIT),
        None => crate::child::here(|| texts(bytes), Error::HsdsUnreadable),
    }
}

/// Take the files out in a child `exe` [`CHILD_FLAG`], waiting at most `limit`.
pub fn in_child(exe: &Path, bytes: &[u8], limit: Duration) -> Result<Vec<(&'static str, String)>> {
    let answer = crate::child::ask(
        exe,
        CHILD_FLAG,
        bytes.to_vec(),
        limit,
        Error::HsdsUnreadable,
    )?;
    match answer {
        Answer::Read(files) => files
            .into_iter()
            .map(|(name, text)| {
                known(&name).map(|file| (file, text)).ok_or_else(|| {
                    crate::child::nonsense(Error::HsdsUnreadable, format!("a file {name:?}"))
                })
            })
            .collect(),
        Answer::Unreadable(why) => Err(Error::HsdsUnreadable(why)),
    }
}

/// The child's answer to a question (see [`crate::child::serve`]).
pub(crate) fn answer(asked: Vec<u8>) -> std::result::Result<Vec<u8>, String> {
    let answer = match texts(&asked) {
        Ok(files) => Answer::Read(
            files
                .into_iter()
                .map(|(file, text)| (file.to_owned(), text))
                .collect(),
        ),
        Err(e) => Answer::Unreadable(e.to_string()),
    };
    serde_json::to_vec(&answer).map_err(|e| e.to_string())
}

/// A file name Buurtpunt reads, as its constant.
fn known(base: &str) -> Option<&'static str> {
    TABLES
        .iter()
        .map(|t| t.file)
        .chain(EXTRA.iter().copied())
        .find(|f| *f == base)
}

/// Take the CSV files Buurtpunt reads out of the ZIP, as text.
fn texts(bytes: &[u8]) -> Result<Vec<(&'static str, String)>> {
    let unreadable =
        |e: zip::result::ZipError| Error::HsdsUnreadable(format!("not a readable ZIP: {e}"));
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if archive.len() > MAX_ENTRIES {
        return Err(Error::HsdsUnreadable(format!(
            "the ZIP holds more than {MAX_ENTRIES} files"
        )));
    }
    let mut out = Vec::new();
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(unreadable)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(unreadable)?.to_lowercase();
        let Some(file) = known(name.rsplit(['/', '\\']).next().unwrap_or("")) else {
            continue;
        };
        if entry.size() > MAX_ENTRY {
            return Err(Error::HsdsUnreadable(format!(
                "{file} is larger than 50 MB"
            )));
        }
        let mut data = Vec::new();
        (&mut entry)
            .take(MAX_ENTRY)
            .read_to_end(&mut data)
            .map_err(|e| Error::HsdsUnreadable(format!("{file}: {e}")))?;
        total = total.saturating_add(data.len() as u64);
        if total > MAX_TEXT {
            return Err(Error::HsdsUnreadable(
                "the CSV files together are larger than 100 MB".into(),
            ));
        }
        out.push((file, decode(&data)));
    }
    Ok(out)
}

fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        // Spreadsheet programs on Windows still save CSV this way.
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_child_answers_a_damaged_zip_as_unreadable() {
        let out = answer(b"PK\x03\x04 not a zip".to_vec());
        assert!(matches!(
            out.as_deref().map(serde_json::from_slice),
            Ok(Ok(Answer::Unreadable(_)))
        ));
    }
}
