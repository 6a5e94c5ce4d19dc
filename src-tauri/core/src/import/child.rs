//! Foreign workbooks are parsed in a child process of the app.
//!
//! A workbook comes from anywhere: a damaged .xlsx, a renamed file, an old
//! .xls. A panic, a stack overflow or a loop without end in the parser must
//! not take the app down, nor hold the import forever. The release build
//! aborts on a panic (a smaller binary: README "Benchmarks"), so
//! `catch_unwind` cannot guard the parser there, and it never guards against
//! a stack overflow. A child process can, in every build: the app starts
//! itself once more with [`CHILD_FLAG`], writes the sheet's name and the
//! file's bytes to the child's stdin and reads the sheets, as text, from its
//! stdout. A child that dies, answers nonsense or takes longer than
//! [`TIME_LIMIT`] gives "niet leesbaar", like any damaged file. The child
//! reads nothing else: no database, no key, no other file.
//!
//! Without [`isolate`] (core's own tests and the bench), the parser runs in
//! the process under `catch_unwind`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::workbook;
pub use super::workbook::{TextRange, Workbook};
use crate::{Error, Result};

/// The first argument that makes the app a workbook reader.
pub const CHILD_FLAG: &str = "--read-workbook";

/// How long a child may take: a workbook at the size limit reads in seconds.
pub const TIME_LIMIT: Duration = Duration::from_secs(120);

static READER: OnceLock<PathBuf> = OnceLock::new();

/// Parse every workbook from now on in a child: `exe` [`CHILD_FLAG`] (the
/// app itself; its `main` calls [`serve_if_asked`] first). Set once per
/// process; `false` when it was already set.
pub fn isolate(exe: PathBuf) -> bool {
    READER.set(exe).is_ok()
}

/// Parse in the child when [`isolate`] set one, else here under `catch_unwind`.
pub(crate) fn parse_here_or_there(bytes: &[u8], sheet: &str) -> Result<Workbook> {
    match READER.get() {
        Some(exe) => parse(exe, bytes, sheet, TIME_LIMIT),
        None => std::panic::catch_unwind(|| workbook::parse(bytes, sheet))
            .map_err(|_| Error::ImportUnreadable("the workbook parser failed".into()))?,
    }
}

/// In `main`, before anything else: when this process was started as a
/// workbook reader, answer on stdout and give the exit code.
pub fn serve_if_asked() -> Option<i32> {
    if std::env::args_os().nth(1).is_some_and(|a| a == CHILD_FLAG) {
        Some(serve(std::io::stdin().lock(), std::io::stdout().lock()))
    } else {
        None
    }
}

/// What the child answers.
#[derive(Serialize, Deserialize)]
enum Answer {
    Read(Workbook),
    Unreadable(String),
    NoSuchSheet(String),
}

fn serve(mut input: impl Read, mut output: impl Write) -> i32 {
    let mut asked = Vec::new();
    if let Err(e) = input.read_to_end(&mut asked) {
        eprintln!("buurtpunt: workbook reader: stdin: {e}");
        return 2;
    }
    let answer = match split_question(&asked) {
        None => Answer::Unreadable("the question to the workbook reader is damaged".into()),
        Some((sheet, bytes)) => match workbook::parse(bytes, sheet) {
            Ok(book) => Answer::Read(book),
            Err(Error::ImportNoSuchSheet { sheet }) => Answer::NoSuchSheet(sheet),
            Err(e) => Answer::Unreadable(e.to_string()),
        },
    };
    let written = serde_json::to_writer(&mut output, &answer)
        .map_err(std::io::Error::from)
        .and_then(|()| output.flush());
    match written {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("buurtpunt: workbook reader: stdout: {e}");
            2
        }
    }
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
    let mut child = Command::new(exe)
        .arg(CHILD_FLAG)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(Error::ImportUnreadable(
            "the workbook reader has no pipes".into(),
        ));
    };
    let asked = question(sheet, bytes);
    // Write and read on threads of their own, so that neither pipe can
    // fill up and stop the child while this thread keeps the clock.
    let writer = std::thread::spawn(move || {
        // A child that stops reading (it died) is told below by its exit.
        let _ = stdin.write_all(&asked);
    });
    let reader = std::thread::spawn(move || {
        let mut answer = Vec::new();
        stdout.read_to_end(&mut answer).map(|_| answer)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > limit {
            child.kill()?;
            child.wait()?;
            return Err(Error::ImportUnreadable(format!(
                "the workbook reader took longer than {} s",
                limit.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stopped = |why: String| Error::ImportUnreadable(format!("the workbook reader {why}"));
    writer
        .join()
        .map_err(|_| stopped("could not be given the file".into()))?;
    let answer = reader
        .join()
        .map_err(|_| stopped("could not be read".into()))??;
    if !status.success() {
        return Err(stopped(format!("stopped ({status})")));
    }
    match serde_json::from_slice(&answer) {
        Ok(Answer::Read(book)) => Ok(book),
        Ok(Answer::Unreadable(why)) => Err(Error::ImportUnreadable(why)),
        Ok(Answer::NoSuchSheet(sheet)) => Err(Error::ImportNoSuchSheet { sheet }),
        Err(e) => Err(stopped(format!("answered nonsense: {e}"))),
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
        let mut out = Vec::new();
        let code = serve(&question("", b"PK\x03\x04 not a zip")[..], &mut out);
        assert_eq!(code, 0);
        assert!(matches!(
            serde_json::from_slice(&out),
            Ok(Answer::Unreadable(_))
        ));
    }
}
