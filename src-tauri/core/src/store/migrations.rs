//! Schema migrations. Never edit a migration once it has landed: add a new one.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::{Error, Result};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("sql/001_residents_requests.sql")),
    M::up(include_str!("sql/002_request_list_speed.sql")),
    M::up(include_str!("sql/003_volunteers_matching.sql")),
    M::up(include_str!("sql/004_social_map.sql")),
    M::up(include_str!("sql/005_followup_referrals_consent.sql")),
    M::up(include_str!("sql/006_volunteer_kern_snooze_note.sql")),
    M::up(include_str!("sql/007_drafts.sql")),
    // 008 is the signals' migration (issue 11, merged by the lead before this one).
    M::up(include_str!("sql/009_agenda_results.sql")),
];

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

    #[test]
    fn migration_2_fills_the_life_area_mask_of_existing_requests() -> Result<()> {
        let mut conn = Connection::open_in_memory()?;
        let err = |e: rusqlite_migration::Error| Error::Migration(e.to_string());
        Migrations::from_slice(&MIGRATIONS[..1])
            .to_latest(&mut conn)
            .map_err(err)?;
        conn.execute_batch(
            "INSERT INTO residents (id, first_name, last_name, created_at, updated_at)
                 VALUES (1, 'Anna', 'Bakker', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
             INSERT INTO help_requests (id, resident_id, received_on, channel, ask, urgency, scope, status,
                 created_at, updated_at)
                 VALUES (7, 1, '2026-01-01', 'phone', 'Vervoer', 'normal', 'individual', 'new',
                 '2026-01-01T00:00:00', '2026-01-01T00:00:00');
             INSERT INTO request_life_areas VALUES (7, 'transport'), (7, 'other');",
        )?;
        to_latest(&mut conn)?;
        let mask: i64 = conn.query_row(
            "SELECT life_area_mask FROM help_requests WHERE id = 7",
            [],
            |r| r.get(0),
        )?;
        use crate::vocab::{LifeArea, Mask};
        assert_eq!(
            LifeArea::from_mask(mask),
            vec![LifeArea::Transport, LifeArea::Other]
        );
        Ok(())
    }

    #[test]
    fn migration_6_copies_the_kern_onto_existing_volunteers() -> Result<()> {
        let mut conn = Connection::open_in_memory()?;
        let err = |e: rusqlite_migration::Error| Error::Migration(e.to_string());
        Migrations::from_slice(&MIGRATIONS[..5])
            .to_latest(&mut conn)
            .map_err(err)?;
        conn.execute_batch(
            "INSERT INTO residents (id, first_name, last_name, kern, created_at, updated_at)
                 VALUES (3, 'Jelle', 'Wiersma', 'Heidebroek', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
             INSERT INTO volunteers (resident_id, status, status_since, created_at, updated_at)
                 VALUES (3, 'active', '2026-01-01', '2026-01-01T00:00:00', '2026-01-01T00:00:00');",
        )?;
        to_latest(&mut conn)?;
        let kern: String = conn.query_row(
            "SELECT kern FROM volunteers WHERE resident_id = 3",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(kern, "Heidebroek");
        Ok(())
    }
}
