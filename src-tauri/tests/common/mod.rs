//! What the app crate's tests of the child readers share.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The app binary, which the tests start as a child reader.
pub const APP: &str = env!("CARGO_BIN_EXE_buurtpunt");

/// A stand-in child: a shell script.
pub fn script(dir: &Path, name: &str, body: &str) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n"))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
    Ok(path)
}
