//! SQLCipher's one-time set-up, made safe for threads.
//!
//! SQLite marks itself initialised and only then, outside its own lock, runs
//! SQLCipher's set-up (`sqlcipher_extra_init`). A second thread whose first
//! connection comes in that moment skips the set-up as done, finds SQLCipher
//! half ready, and its `PRAGMA key` fails. So the process's first connection
//! is made here, alone, and every connection waits for it: keyed ones
//! ([`super::connect`]) and unkeyed ones ([`in_memory`]), which could
//! otherwise be that first connection while a keyed one overtakes it.

use std::sync::{Mutex, PoisonError};

use rusqlite::Connection;

use crate::{Error, Result};

pub(super) fn sqlcipher_ready() -> Result<()> {
    static READY: Mutex<bool> = Mutex::new(false);
    // A poisoned lock only means a thread panicked while opening; the flag
    // is still true or false, never half written.
    let mut ready = READY.lock().unwrap_or_else(PoisonError::into_inner);
    if !*ready {
        Connection::open_in_memory()?
            .close()
            .map_err(|(_, e)| Error::from(e))?;
        *ready = true;
    }
    Ok(())
}

/// An unencrypted in-memory connection (the unit tests' database).
pub(crate) fn in_memory() -> Result<Connection> {
    sqlcipher_ready()?;
    Ok(Connection::open_in_memory()?)
}

#[cfg(test)]
mod tests {
    use std::process::Command;
    use std::sync::Barrier;

    use rusqlite::OpenFlags;

    use super::super::{connect, DbKey};
    use crate::Result;

    /// Set in the child processes this test starts.
    const CHILD: &str = "BUURTPUNT_FIRST_CONNECTIONS";
    const THREADS: usize = 16;
    /// Without the guard about one process in ten fails (measured): a hundred
    /// catch it all but always.
    const PROCESSES: usize = 100;

    /// The race is in a process's first connections, so each try is a new
    /// process: this test binary again, running only this test, where
    /// sixteen threads make their first keyed connection at the same moment
    /// (in memory: the sooner `PRAGMA key` comes, the likelier the race).
    #[test]
    fn many_threads_may_make_a_processs_first_connections_at_once() -> Result<()> {
        if std::env::var_os(CHILD).is_some() {
            return first_connections_at_once();
        }
        let exe = std::env::current_exe()?;
        for _ in 0..PROCESSES {
            let out = Command::new(&exe)
                .args([
                    "--exact",
                    "store::ready::tests::many_threads_may_make_a_processs_first_connections_at_once",
                    "--test-threads=1",
                    "--nocapture",
                ])
                .env(CHILD, "1")
                .output()?;
            let said = String::from_utf8_lossy(&out.stdout);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{said}\n{err}");
            assert!(said.contains("1 passed"), "{said}");
        }
        Ok(())
    }

    fn first_connections_at_once() -> Result<()> {
        let start = Barrier::new(THREADS);
        std::thread::scope(|scope| {
            let runs: Vec<_> = (0..THREADS)
                .map(|_| {
                    let path = std::path::Path::new(":memory:");
                    let start = &start;
                    scope.spawn(move || -> Result<i64> {
                        let key = DbKey::random()?;
                        start.wait();
                        let flags =
                            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
                        let conn = connect(path, &key, flags)?;
                        Ok(conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?)
                    })
                })
                .collect();
            for run in runs {
                let tables = run
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))?;
                assert_eq!(tables, 0);
            }
            Ok(())
        })
    }
}
