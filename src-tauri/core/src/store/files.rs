//! Files that survive a crash: written whole or not at all, removed without
//! fuss when already gone, and their folder synced so a rename is on disk.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Write a file so that a crash leaves either the old or the new content.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    // `<name>.tmp` beside it: never another file's name.
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let written = (|| -> Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        Ok(())
    })();
    if let Err(e) = written {
        // Leave nothing half-written behind.
        return Err(cleaned_up(e, &[&tmp]));
    }
    if let Some(dir) = path.parent() {
        sync_dir(dir)?;
    }
    Ok(())
}

/// After a failed write: remove what it left. The first error is what the
/// caller sees; a file that could not be removed is named beside it.
pub(crate) fn cleaned_up(e: Error, paths: &[&Path]) -> Error {
    for p in paths {
        if let Err(stuck) = remove_if_present(p) {
            return Error::Io(std::io::Error::new(
                stuck.kind(),
                format!("{e}; {} stayed behind: {stuck}", p.display()),
            ));
        }
    }
    e
}

/// Write files that leave Buurtpunt together with their log line: `log`
/// writes the line inside the transaction, the files are written (each
/// atomically) inside it too, and if anything fails the transaction rolls
/// back and the files already written are taken away again ([`cleaned_up`]).
/// So no file exists without its line, and no line without its file.
pub(crate) fn write_logged(
    db: &mut crate::Db,
    files: &[(&Path, &[u8])],
    log: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
) -> Result<()> {
    let done = db.write(|tx| {
        log(tx)?;
        for (path, bytes) in files {
            write_atomic(path, bytes)?;
        }
        Ok(())
    });
    done.map_err(|e| {
        let paths: Vec<&Path> = files.iter().map(|(p, _)| *p).collect();
        cleaned_up(e, &paths)
    })
}

/// Remove a file; one that is not there is fine.
pub fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        done => done,
    }
}

#[cfg(unix)]
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn sync_dir(_dir: &Path) -> Result<()> {
    Ok(())
}
