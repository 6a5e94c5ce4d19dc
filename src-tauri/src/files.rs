//! Files the user chose. The window never names a file by itself: it asks for
//! a file dialog (`pick_open_file`, `pick_save_file`), the dialog runs here,
//! and the path it returns is remembered for that purpose. A command that
//! reads or writes a user file takes only such a path — chosen in this
//! session, for the same purpose — or a backup the app listed itself;
//! anything else is refused with `file_not_chosen`.
//!
//! In tests (`--test-files DIR`, debug builds) no native dialog opens, since
//! WebDriver cannot reach it: a save goes to `DIR/<suggested name>`, and an
//! open takes the path the test wrote into `DIR/.open-next` (see
//! [`TEST_OPEN_ANSWER`]); both must lie in DIR.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;
use ts_rs::TS;

use crate::error::AppError;

/// In test mode: the file in the test folder that holds the path the next
/// open dialog returns (written by the e2e test, read once).
pub const TEST_OPEN_ANSWER: &str = ".open-next";

/// What a file to open is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OpenKind {
    /// A backup to restore (`.buurtpunt`, or the bare `.db` of older versions).
    Backup,
    /// Residents or volunteers to import (CSV or a spreadsheet).
    Spreadsheet,
    /// Another social map (HSDS: JSON or a ZIP of CSV files).
    SocialMap,
}

/// What a file to save is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SaveKind {
    Backup,
    /// The recovery key as a text file.
    RecoverySheet,
    /// The handover PDF (its JSON and CSV are written beside it).
    Handover,
    SocialMapJson,
    SocialMapZip,
    /// The annual report PDF (its XLSX is written beside it).
    Report,
    /// A privacy document of the group (processing register, privacy
    /// statement, consent text) as PDF.
    PrivacyDoc,
    /// "Alles exporteren": every table in one ZIP (CSV, XLSX, JSON, manifest).
    FullExport,
    /// A person's inzage PDF (its JSON is written beside it).
    Inzage,
}

impl OpenKind {
    /// The dialog's file filter: its name and extensions.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            OpenKind::Backup => ("Back-up van Buurtpunt", &["buurtpunt", "db"]),
            OpenKind::Spreadsheet => ("Spreadsheet", &["xlsx", "xls", "ods", "csv", "txt"]),
            OpenKind::SocialMap => ("Sociale kaart (HSDS: JSON of ZIP)", &["json", "zip"]),
        }
    }
}

impl SaveKind {
    /// The dialog's file filter: its name and extensions.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            SaveKind::Backup => ("Back-up van Buurtpunt", &["buurtpunt"]),
            SaveKind::RecoverySheet => ("Tekstbestand", &["txt"]),
            SaveKind::Handover => ("PDF", &["pdf"]),
            SaveKind::SocialMapJson => ("HSDS JSON", &["json"]),
            SaveKind::SocialMapZip => ("HSDS CSV (ZIP)", &["zip"]),
            SaveKind::Report => ("PDF", &["pdf"]),
            SaveKind::PrivacyDoc => ("PDF", &["pdf"]),
            SaveKind::FullExport => ("ZIP-bestand", &["zip"]),
            SaveKind::Inzage => ("PDF", &["pdf"]),
        }
    }
}

/// A path with what it was chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    Open(OpenKind),
    Save(SaveKind),
}

/// The paths chosen in this session, per purpose.
#[derive(Debug, Default)]
pub struct Chosen {
    paths: Mutex<HashSet<(Purpose, PathBuf)>>,
}

impl Chosen {
    /// A dialog returned `path` for `purpose` (or the app listed it itself).
    pub fn remember(&self, purpose: Purpose, path: PathBuf) -> Result<(), AppError> {
        self.paths
            .lock()
            .map_err(|_| AppError::LockPoisoned)?
            .insert((purpose, path));
        Ok(())
    }

    /// `path` was chosen for `purpose` in this session; else `file_not_chosen`.
    pub fn check(&self, purpose: Purpose, path: &Path) -> Result<(), AppError> {
        let paths = self.paths.lock().map_err(|_| AppError::LockPoisoned)?;
        if paths.contains(&(purpose, path.to_path_buf())) {
            Ok(())
        } else {
            Err(AppError::FileNotChosen {
                purpose,
                path: path.to_path_buf(),
            })
        }
    }
}

/// Test mode: where a save of `suggested` goes. Only a plain file name is
/// taken (no folder, no `..`): the file stays in the test folder.
pub fn test_save_path(dir: &Path, suggested: &str) -> Result<PathBuf, AppError> {
    let plain = Path::new(suggested).file_name().and_then(|n| n.to_str()) == Some(suggested);
    if !plain {
        return Err(AppError::NotInTestFolder(PathBuf::from(suggested)));
    }
    Ok(dir.join(suggested))
}

/// Test mode: the path the test chose for the next open dialog (read once;
/// `None` when the test chose none, as a cancelled dialog). It must lie in
/// the test folder.
pub fn test_open_path(dir: &Path) -> Result<Option<PathBuf>, AppError> {
    let answer = dir.join(TEST_OPEN_ANSWER);
    let text = match std::fs::read_to_string(&answer) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(AppError::TestAnswer(e)),
    };
    std::fs::remove_file(&answer).map_err(AppError::TestAnswer)?;
    let path = PathBuf::from(text.trim_end_matches(['\r', '\n']));
    if !path.starts_with(dir)
        || path
            .components()
            .any(|c| c == std::path::Component::ParentDir)
    {
        return Err(AppError::NotInTestFolder(path));
    }
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn only_a_path_chosen_for_that_purpose_is_taken() -> TestResult {
        let chosen = Chosen::default();
        let file = PathBuf::from("/media/usb/back-up.buurtpunt");
        assert!(chosen
            .check(Purpose::Open(OpenKind::Backup), &file)
            .is_err());
        chosen.remember(Purpose::Open(OpenKind::Backup), file.clone())?;
        chosen.check(Purpose::Open(OpenKind::Backup), &file)?;
        // Opened to restore is not chosen to be overwritten, nor to import.
        assert!(chosen
            .check(Purpose::Save(SaveKind::Backup), &file)
            .is_err());
        assert!(chosen
            .check(Purpose::Open(OpenKind::Spreadsheet), &file)
            .is_err());
        // Another file in the same folder is not chosen either.
        let other = PathBuf::from("/media/usb/other.buurtpunt");
        assert!(chosen
            .check(Purpose::Open(OpenKind::Backup), &other)
            .is_err());
        Ok(())
    }

    #[test]
    fn a_refused_path_reads_as_file_not_chosen() -> TestResult {
        let chosen = Chosen::default();
        let refused = chosen
            .check(Purpose::Save(SaveKind::Handover), Path::new("/etc/passwd"))
            .err()
            .ok_or("taken")?;
        let json = serde_json::to_value(crate::ApiError::from(refused))?;
        assert_eq!(json["code"], "file_not_chosen");
        Ok(())
    }

    #[test]
    fn in_test_mode_files_stay_in_the_test_folder() -> TestResult {
        let dir = std::env::temp_dir().join(format!("buurtpunt-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        assert_eq!(test_save_path(&dir, "a.pdf")?, dir.join("a.pdf"));
        assert!(test_save_path(&dir, "../a.pdf").is_err());
        assert!(test_save_path(&dir, "/tmp/a.pdf").is_err());

        assert_eq!(test_open_path(&dir)?, None, "no answer: as cancelled");
        std::fs::write(
            dir.join(TEST_OPEN_ANSWER),
            dir.join("b.csv").display().to_string(),
        )?;
        assert_eq!(test_open_path(&dir)?, Some(dir.join("b.csv")));
        assert_eq!(test_open_path(&dir)?, None, "an answer is read once");
        std::fs::write(dir.join(TEST_OPEN_ANSWER), "/etc/passwd")?;
        assert!(test_open_path(&dir).is_err());
        std::fs::write(
            dir.join(TEST_OPEN_ANSWER),
            dir.join("../x").display().to_string(),
        )?;
        assert!(test_open_path(&dir).is_err());
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
