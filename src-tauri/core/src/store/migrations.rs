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
    M::up(include_str!("sql/008_signals.sql")),
    M::up(include_str!("sql/009_agenda_results.sql")),
    M::up(include_str!("sql/010_report_texts.sql")),
    M::up(include_str!("sql/011_results_months.sql")),
    M::up(include_str!("sql/012_audit_log.sql")),
    M::up(include_str!("sql/013_data_breaches.sql")),
    M::up(include_str!("sql/014_full_exports.sql")),
    M::up(include_str!("sql/015_retention.sql")),
    M::up(include_str!("sql/016_privacy_requests.sql")),
    M::up(include_str!("sql/017_social_map_hsds.sql")),
    M::up(include_str!("sql/018_hot_query_indexes.sql")),
    M::up(include_str!("sql/019_checkins_latest.sql")),
    M::up(include_str!("sql/020_retention_notice_indexes.sql")),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Foreign keys are off while migrating (SQLite's rule for rebuilding a
/// table, as 008 does with `help_requests`: with them on, dropping the old
/// table would cascade into its children); every migration checks them
/// (`foreign_key_check`) before it commits, and they are back on after.
pub(crate) fn to_latest(conn: &mut Connection) -> Result<()> {
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
    let done = Migrations::from_slice(MIGRATIONS)
        .to_latest(conn)
        .map_err(|e| Error::Migration(e.to_string()));
    if enforced {
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    }
    done
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
        let mut conn = super::super::ready::in_memory()?;
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
        let mut conn = super::super::ready::in_memory()?;
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

    #[test]
    fn migration_8_rebuilds_requests_and_keeps_their_children_and_index() -> Result<()> {
        let mut conn = super::super::ready::in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        let err = |e: rusqlite_migration::Error| Error::Migration(e.to_string());
        Migrations::from_slice(&MIGRATIONS[..7])
            .to_latest(&mut conn)
            .map_err(err)?;
        conn.execute_batch(
            "INSERT INTO residents (id, first_name, last_name, created_at, updated_at)
                 VALUES (1, 'Anna', 'Bakker', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
             INSERT INTO help_requests (id, resident_id, received_on, channel, ask, urgency, scope, status,
                 created_at, updated_at, life_area_mask)
                 VALUES (7, 1, '2026-01-01', 'phone', 'Vervoer', 'normal', 'individual', 'new',
                 '2026-01-01T00:00:00', '2026-01-01T00:00:00', 2);
             INSERT INTO request_life_areas VALUES (7, 'transport');
             INSERT INTO contact_log (request_id, on_date, note, created_at)
                 VALUES (7, '2026-01-01', 'Gebeld', '2026-01-01T00:00:00');
             INSERT INTO referrals (request_id, organisation, reason, urgency, status, created_at, updated_at)
                 VALUES (7, 'Wmo-loket', 'Vervoer', 'normal', 'concept', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
             INSERT INTO request_search (rowid, body) VALUES (7, 'Anna Bakker Vervoer');",
        )?;
        to_latest(&mut conn)?;
        let one = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        assert_eq!(
            one("SELECT count(*) FROM contact_log WHERE request_id = 7")?,
            1
        );
        assert_eq!(
            one("SELECT count(*) FROM request_life_areas WHERE request_id = 7")?,
            1
        );
        assert_eq!(
            one("SELECT count(*) FROM referrals WHERE request_id = 7")?,
            1
        );
        assert_eq!(
            one("SELECT rowid FROM request_search WHERE request_search MATCH 'bakker'")?,
            7
        );
        assert_eq!(
            one("SELECT life_area_mask FROM help_requests WHERE id = 7")?,
            2
        );
        assert_eq!(one("PRAGMA foreign_keys")?, 1, "back on after migrating");
        assert_eq!(
            one("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'help_requests'
                 AND name NOT IN ('help_requests_closed_by_change', 'help_requests_open_by_due',
                 'help_requests_open_by_urgency', 'help_requests_by_urgency',
                 'help_requests_open_residents', 'help_requests_kept_by_resident')")?,
            5
        );
        // Children still point at the rebuilt table: deleting cascades.
        conn.execute("DELETE FROM referrals", [])?;
        conn.execute("DELETE FROM help_requests WHERE id = 7", [])?;
        assert_eq!(one("SELECT count(*) FROM contact_log")?, 0);
        // An individual request without a resident is refused by the table itself.
        let orphan = conn.execute(
            "INSERT INTO help_requests (resident_id, received_on, channel, ask, urgency, scope, status,
                 created_at, updated_at)
             VALUES (NULL, '2026-01-01', 'phone', 'x', 'normal', 'individual', 'new', 'x', 'x')",
            [],
        );
        assert!(orphan.is_err());
        Ok(())
    }
}
