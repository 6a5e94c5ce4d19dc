//! Schema migrations. Never edit a migration once it has landed: add a new one.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::{Error, Result};

const MIGRATIONS: &[M<'static>] = &[M::up(include_str!("sql/001_residents_requests.sql"))];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn to_latest(conn: &mut Connection) -> Result<()> {
    Migrations::from_slice(MIGRATIONS)
        .to_latest(conn)
        .map_err(|e| Error::Migration(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() -> Result<()> {
        Migrations::from_slice(MIGRATIONS)
            .validate()
            .map_err(|e| Error::Migration(e.to_string()))
    }
}
