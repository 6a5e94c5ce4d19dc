//! The encrypted SQLite store: open with a key, pragmas, migrations,
//! transactions. The data folder lifecycle (key file, unlock, backups) lives in
//! [`vault`] and [`backup`].

pub mod audit;
pub mod backup;
mod damage;
pub mod files;
pub mod keys;
pub(crate) mod list;
pub mod maintenance;
mod migrations;
mod ready;
pub mod restore;
pub mod time;
pub mod vault;

use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use keys::{DbKey, KdfParams};
pub use migrations::LATEST_VERSION;
pub use vault::{Unlocked, Vault};

use crate::vocab::{Damage, DamageKind};
use crate::{Error, Result};

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 64;

/// The smallest file that can hold a database: one page of SQLite's smallest
/// page size. Anything shorter is an emptied or cut-off file.
const MIN_DATABASE_BYTES: u64 = 512;

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
    /// Only the schema: quick; the full check can follow in the background
    /// (see [`maintenance`]).
    Schema,
}

/// A connection to `path` with the key set; nothing read yet.
fn connect(path: &Path, key: &DbKey, flags: OpenFlags) -> Result<Connection> {
    ready::sqlcipher_ready()?;
    // One thread uses a connection at a time (rusqlite's `Connection` is not
    // `Sync`; the app keeps it behind a mutex), so SQLite's own per-call
    // connection mutex is only overhead: every column read would lock it.
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.execute_batch(&format!(
        "PRAGMA key = {};",
        key.sqlcipher_literal().as_str()
    ))?;
    Ok(conn)
}

/// Open an existing Buurtpunt database with the key and prove it is one:
/// readable, with Buurtpunt's schema (and, with [`Check::Full`], intact).
/// A missing, empty, cut-off, unreadable or foreign file is `Damaged`, and
/// nothing is written to it: only [`Db::create`] ever makes a schema.
pub(crate) fn open_existing(
    path: &Path,
    key: &DbKey,
    flags: OpenFlags,
    check: Check,
) -> Result<Opened> {
    let bytes = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Damage::error(
                DamageKind::Missing,
                format!("{} is missing", path.display()),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    if bytes < MIN_DATABASE_BYTES {
        return Err(Damage::error(
            DamageKind::Empty,
            format!("{} holds {bytes} bytes", path.display()),
        ));
    }
    // Never let SQLite create the file: it exists, and must stay as it is.
    let flags = flags - OpenFlags::SQLITE_OPEN_CREATE;
    let conn = connect(path, key, flags)?;
    let tables = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'help_requests'",
        [],
        |r| r.get::<_, i64>(0),
    );
    match tables {
        Ok(1) => {}
        Ok(_) => {
            return Err(Damage::error(
                DamageKind::NotBuurtpunt,
                "no Buurtpunt tables in the file",
            ))
        }
        // No room for the WAL's side files, no access: not damage.
        Err(e) if not_the_files_fault(&e) => return Err(Error::Sql(e)),
        // Not decryptable with this key, or not a database at all.
        Err(e) => return Err(Damage::error(DamageKind::Unreadable, e.to_string())),
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version < 1 {
        return Err(Damage::error(
            DamageKind::NotBuurtpunt,
            format!("schema version {version}"),
        ));
    }
    if version > LATEST_VERSION {
        return Err(Error::TooNew {
            found: version,
            supported: LATEST_VERSION,
        });
    }
    if check == Check::Full {
        let result: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| Damage::error(DamageKind::Unsound, e.to_string()))?;
        if result != "ok" {
            return Err(Damage::error(DamageKind::Unsound, result));
        }
    }
    Ok(Opened { conn, version })
}

/// Pragmas are set outside migrations: inside a transaction they do nothing.
/// The page cache is 16 MiB: every page SQLCipher reads from disk is
/// decrypted and authenticated, so a cache hit saves far more than in plain
/// SQLite; but the app stays open all day and every cached page stays
/// resident (a quarter of the former 64 MiB; the window figures and the PSS
/// of `scripts/measure-window` are measured with it, and were no slower
/// than with 32 MiB).
/// `secure_delete` overwrites what a delete or an update removes, so erased
/// text does not linger in free pages (the privacy work builds on it).
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
         PRAGMA secure_delete = ON;
         PRAGMA cache_size = -16384;",
    )?;
    Ok(())
}

/// How much a database holds: what the backup list shows, and what tells a
/// good backup from an empty one.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Counts {
    #[ts(type = "number")]
    pub residents: i64,
    #[ts(type = "number")]
    pub requests: i64,
}

impl Counts {
    pub(crate) fn of(conn: &Connection) -> Result<Counts> {
        Ok(conn.query_row(
            "SELECT (SELECT count(*) FROM residents), (SELECT count(*) FROM help_requests)",
            [],
            |r| {
                Ok(Counts {
                    residents: r.get(0)?,
                    requests: r.get(1)?,
                })
            },
        )?)
    }

    /// Nothing in it: a backup of this is not a good one.
    pub fn is_empty(&self) -> bool {
        self.residents == 0 && self.requests == 0
    }

    /// Holds more of either than `other`.
    pub fn more_than(&self, other: &Counts) -> bool {
        self.residents > other.residents || self.requests > other.requests
    }
}

impl Db {
    /// Create a new database file (it must not exist) with this key.
    /// The only place a schema is ever made: "Nieuw buurtpunt starten".
    pub(crate) fn create(path: &Path, key: &DbKey) -> Result<Db> {
        if path.exists() {
            return Err(Error::AlreadySetUp);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
        Self::finish_open(connect(path, key, flags)?)
    }

    pub(crate) fn finish_open(mut conn: Connection) -> Result<Db> {
        set_pragmas(&conn)?;
        // rusqlite keeps 16 prepared statements by default; a volunteer
        // insert alone uses about that many, and a cache miss re-parses SQL.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Self::migrate_and_audit(&mut conn)?;
        Ok(Db { conn })
    }

    /// Migrate, then give every personal table its audit triggers (see
    /// [`audit`]). The generated triggers are dropped before a migration
    /// (one that rebuilds a table or drops a column must not meet them):
    /// the upgrade's own data changes are not a person's and are not logged.
    fn migrate_and_audit(conn: &mut Connection) -> Result<()> {
        audit::register(conn)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < LATEST_VERSION {
            audit::triggers::drop_all(conn)?;
        }
        migrations::to_latest(conn)?;
        audit::triggers::sync(conn)
    }

    /// An in-memory, unencrypted database with the schema: for unit tests.
    pub fn in_memory() -> Result<Db> {
        let mut conn = ready::in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Self::migrate_and_audit(&mut conn)?;
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

    /// Keep the query planner's statistics current (`sqlite_stat1`), so the
    /// hot reads keep using the indexes meant for them as the data grows.
    /// Run at a clean close: the tables never analysed or grown tenfold
    /// since (`0x10002`), each index sampled (`analysis_limit`), so it takes
    /// milliseconds, not a pass over every row. Not at open: a file is only
    /// written once the background check or backup has read it.
    pub fn optimize(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA analysis_limit = 400; PRAGMA optimize = 0x10002;")?;
        Ok(())
    }

    /// Full `PRAGMA integrity_check`; `"ok"` when sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// What is wrong with the file after a full check, or `None` when it is
    /// sound. A page that cannot be read counts as damage; a check that
    /// cannot run (a full disk, say) is an error, not damage.
    pub fn damage(&self) -> Result<Option<Damage>> {
        full_check(&self.conn)
    }

    /// How many residents and requests it holds.
    pub fn counts(&self) -> Result<Counts> {
        Counts::of(&self.conn)
    }
}

/// `PRAGMA integrity_check` on `conn`: the damage found, or `None`. A check
/// that fails because of its surroundings (no room, no access, busy,
/// interrupted) is returned as the error it is; any other failure — a page
/// that does not decrypt, or whose cells make no sense (seen as "out of
/// memory" or a logic error) — is damage.
pub(crate) fn full_check(conn: &Connection) -> Result<Option<Damage>> {
    match conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)) {
        Ok(ok) if ok == "ok" => Ok(None),
        Ok(problem) => Ok(Some(Damage {
            kind: DamageKind::Unsound,
            detail: problem,
        })),
        Err(e) if not_the_files_fault(&e) => Err(Error::Sql(e)),
        Err(e) => Ok(Some(Damage {
            kind: DamageKind::Unsound,
            detail: e.to_string(),
        })),
    }
}

/// Errors that say nothing about the file's pages.
pub(crate) fn not_the_files_fault(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode as C;
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _) if matches!(
            f.code,
            C::DiskFull
                | C::SystemIoFailure
                | C::CannotOpen
                | C::ReadOnly
                | C::PermissionDenied
                | C::DatabaseBusy
                | C::DatabaseLocked
                | C::OperationInterrupted
        )
    )
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
