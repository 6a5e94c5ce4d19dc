//! Foreign files are parsed in a child process of the app.
//!
//! A file to import comes from anywhere: a damaged .xlsx, a renamed file, a
//! ZIP made by another program. A panic, a stack overflow or a loop without
//! end in a parser must not take the app down, nor hold it forever. The
//! release build aborts on a panic (a smaller binary: README "Benchmarks"),
//! so `catch_unwind` cannot guard a parser there, and it never guards
//! against a stack overflow. A child process can, in every build: the app
//! starts itself once more with a flag that names the parser
//! ([`crate::serve_child_if_asked`] answers it), writes the question to the
//! child's stdin and reads the answer from its stdout. A child that dies,
//! answers nonsense or takes longer than [`TIME_LIMIT`] gives the parser's
//! "niet leesbaar", like any damaged file. The child reads nothing else: no
//! database, no key, no other file.
//!
//! Without [`isolate`] (core's own tests and the bench), the parsers run in
//! the process under `catch_unwind`.
//!
//! The parsers (each owns its question and answer; this module names
//! none of them): workbooks (the import's `child`) and the CSV files of an
//! HSDS ZIP (the social map's `hsds::tabular::unzip`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::{Error, Result};

/// How long a child may take: a file at the size limit reads in seconds.
pub const TIME_LIMIT: Duration = Duration::from_secs(120);

static READER: OnceLock<PathBuf> = OnceLock::new();

/// Parse every foreign file from now on in a child: `exe` (the app itself;
/// its `main` calls [`crate::serve_child_if_asked`] first). Set once per
/// process; `false` when it was already set.
pub fn isolate(exe: PathBuf) -> bool {
    READER.set(exe).is_ok()
}

/// The app to start as a child, when [`isolate`] set one.
pub(crate) fn reader() -> Option<&'static Path> {
    READER.get().map(PathBuf::as_path)
}

/// Run `parse` here, where no child was set: a panic is `unreadable`.
pub(crate) fn here<T>(
    parse: impl FnOnce() -> Result<T> + std::panic::UnwindSafe,
    unreadable: fn(String) -> Error,
) -> Result<T> {
    std::panic::catch_unwind(parse).map_err(|_| unreadable("the parser failed".into()))?
}

/// The child's side: read the question from `input`, write `answer`'s
/// answer to `output`; the exit code.
pub(crate) fn serve(
    mut input: impl Read,
    mut output: impl Write,
    answer: fn(Vec<u8>) -> std::result::Result<Vec<u8>, String>,
) -> i32 {
    let mut asked = Vec::new();
    if let Err(e) = input.read_to_end(&mut asked) {
        eprintln!("buurtpunt: file reader: stdin: {e}");
        return 2;
    }
    let written = answer(asked).and_then(|said| {
        output
            .write_all(&said)
            .and_then(|()| output.flush())
            .map_err(|e| format!("stdout: {e}"))
    });
    match written {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("buurtpunt: file reader: {e}");
            2
        }
    }
}

/// Start `exe flag`, give it `question`, and read its answer (JSON),
/// waiting at most `limit`. A child that stops, fails, takes too long or
/// answers nonsense is `unreadable`; one that cannot be started is an `Io`
/// error (the app's fault, not the file's).
pub(crate) fn ask<A: serde::de::DeserializeOwned>(
    exe: &Path,
    flag: &str,
    question: Vec<u8>,
    limit: Duration,
    unreadable: fn(String) -> Error,
) -> Result<A> {
    let mut child = Command::new(exe)
        .arg(flag)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(unreadable("the file reader has no pipes".into()));
    };
    // Write and read on threads of their own, so that neither pipe can
    // fill up and stop the child while this thread keeps the clock.
    let writer = std::thread::spawn(move || {
        // A child that stops reading (it died) is told below by its exit.
        let _ = stdin.write_all(&question);
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
            return Err(unreadable(format!(
                "the file reader took longer than {} s",
                limit.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stopped = |why: &str| unreadable(format!("the file reader {why}"));
    writer
        .join()
        .map_err(|_| stopped("could not be given the file"))?;
    let answer = reader.join().map_err(|_| stopped("could not be read"))??;
    if !status.success() {
        return Err(unreadable(format!("the file reader stopped ({status})")));
    }
    serde_json::from_slice(&answer).map_err(|e| nonsense(unreadable, e))
}

/// A child's answer that is not one.
pub(crate) fn nonsense(unreadable: fn(String) -> Error, why: impl std::fmt::Display) -> Error {
    unreadable(format!("the file reader answered nonsense: {why}"))
}
