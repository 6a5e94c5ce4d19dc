//! The encrypted SQLite store: open with a key, pragmas, migrations,
//! transactions. The data folder lifecycle (key file, unlock, backups) lives in
//! [`vault`] and [`backup`].

pub mod backup;
pub mod keys;
mod migrations;
pub mod vault;

use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use keys::{DbKey, KdfParams};
pub use migrations::LATEST_VERSION;
pub use vault::{Unlocked, Vault};

use crate::{Error, Result};

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 64;

/// An open, unlocked, migrated database.
pub struct Db {
    conn: Connection,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Db")
    }
}

/// What opening found before migrating: used to back up before a migration.
pub(crate) struct Opened {
    pub conn: Connection,
    pub version: i64,
}

/// How much of the file to read before trusting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    /// `PRAGMA integrity_check`: every page is read and authenticated, and
    /// the indexes are checked against their tables.
    Full,
    /// Only the schema: for a file exactly as Buurtpunt left it at a clean close.
    Schema,
}

/// Open the file with the key and prove it is readable (and, with
/// [`Check::Full`], intact). Anything unreadable is `Damaged`: the caller
/// never creates a new file in its place.
pub(crate) fn open_checked(
    path: &Path,
    key: &DbKey,
    flags: OpenFlags,
    check: Check,
) -> Result<Opened> {
    // One thread uses a connection at a time (rusqlite's `Connection` is not
    // `Sync`; the app keeps it behind a mutex), so SQLite's own per-call
    // connection mutex is only overhead: every column read would lock it.
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.execute_batch(&format!(
        "PRAGMA key = {};",
        key.sqlcipher_literal().as_str()
    ))?;
    let readable = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    if let Err(e) = readable {
        return Err(Error::Damaged(e.to_string()));
    }
    if check == Check::Full {
        let result: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| Error::Damaged(e.to_string()))?;
        if result != "ok" {
            return Err(Error::Damaged(result));
        }
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > LATEST_VERSION {
        return Err(Error::TooNew {
            found: version,
            supported: LATEST_VERSION,
        });
    }
    Ok(Opened { conn, version })
}

/// Pragmas are set outside migrations: inside a transaction they do nothing.
/// The page cache is large (64 MiB): every page SQLCipher reads from disk is
/// decrypted and authenticated, so a cache hit saves far more than in plain SQLite.
fn set_pragmas(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Migration(format!("journal_mode stayed {mode}")));
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 5000;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -65536;",
    )?;
    Ok(())
}

impl Db {
    /// Create a new database file (it must not exist) with this key.
    pub(crate) fn create(path: &Path, key: &DbKey) -> Result<Db> {
        if path.exists() {
            return Err(Error::AlreadySetUp);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
        let Opened { conn, .. } = open_checked(path, key, flags, Check::Full)?;
        Self::finish_open(conn)
    }

    pub(crate) fn finish_open(mut conn: Connection) -> Result<Db> {
        set_pragmas(&conn)?;
        // rusqlite keeps 16 prepared statements by default; a volunteer
        // insert alone uses about that many, and a cache miss re-parses SQL.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        migrations::to_latest(&mut conn)?;
        Ok(Db { conn })
    }

    /// An in-memory, unencrypted database with the schema: for unit tests.
    pub fn in_memory() -> Result<Db> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        migrations::to_latest(&mut conn)?;
        Ok(Db { conn })
    }

    /// Read access (a consistent snapshot per statement).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Run `f` in one IMMEDIATE transaction: commit on Ok, roll back on Err.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Close the connection, reporting what SQLite reports (the WAL is folded
    /// back into the file on a clean close).
    pub fn close(self) -> Result<()> {
        self.conn.close().map_err(|(_, e)| Error::Sql(e))
    }

    /// Full `PRAGMA integrity_check`; `"ok"` when sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// What is wrong with the file after a full check, or `None` when it is
    /// sound. A check that cannot even read the file counts as damage.
    pub fn damage(&self) -> Option<String> {
        match self.integrity_check() {
            Ok(ok) if ok == "ok" => None,
            Ok(problem) => Some(problem),
            Err(read) => Some(read.to_string()),
        }
    }
}

/// Tables whose rows are looked up by id in existence checks.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    Residents,
    Requests,
    Volunteers,
    Organisations,
}

impl Table {
    fn sql(self) -> &'static str {
        match self {
            Table::Residents => "SELECT EXISTS (SELECT 1 FROM residents WHERE id = ?1)",
            Table::Requests => "SELECT EXISTS (SELECT 1 FROM help_requests WHERE id = ?1)",
            Table::Volunteers => "SELECT EXISTS (SELECT 1 FROM volunteers WHERE resident_id = ?1)",
            Table::Organisations => "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = ?1)",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Table::Residents => "resident",
            Table::Requests => "request",
            Table::Volunteers => "volunteer",
            Table::Organisations => "organisation",
        }
    }
}

/// Whether row `id` of `table` exists.
pub(crate) fn exists(conn: &Connection, table: Table, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(table.sql())?
        .query_row([id], |r| r.get(0))?)
}

/// [`Error::NotFound`] unless row `id` of `table` exists.
pub(crate) fn require(conn: &Connection, table: Table, id: i64) -> Result<()> {
    if exists(conn, table, id)? {
        Ok(())
    } else {
        Err(Error::NotFound {
            what: table.what(),
            id,
        })
    }
}
