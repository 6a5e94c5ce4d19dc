//! The triggers that write a log line for every change to a personal table.
//! They are generated from the tables' columns at every open
//! ([`sync`]), so a column a later migration adds is never missed; a
//! table a later migration adds must be named here, as audited or as not
//! personal (a test checks that every table is one or the other).

use rusqlite::Connection;

use super::Action;
use crate::Result;

/// What a row of an audited table is to the log.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// A record of its own: created (or, for an export log, exported),
    /// changed (with the names of the changed columns), removed.
    Record {
        kind: &'static str,
        id: &'static str,
        on_insert: Action,
    },
    /// Rows that together are one field of a parent record (a request's
    /// life areas): a row added or removed changes that field.
    ListOf {
        kind: &'static str,
        id: &'static str,
        field: &'static str,
    },
}

/// An audited table. In `id` and `resident`, `R` stands for the row
/// (`NEW` or `OLD`).
#[derive(Debug, Clone, Copy)]
struct Audited {
    table: &'static str,
    shape: Shape,
    /// The resident whose file the row belongs to, or `NULL`.
    resident: &'static str,
}

/// The resident of the request a row belongs to.
const OF_REQUEST: &str = "(SELECT resident_id FROM help_requests WHERE id = R.request_id)";

const fn record(
    table: &'static str,
    kind: &'static str,
    id: &'static str,
    resident: &'static str,
) -> Audited {
    Audited {
        table,
        shape: Shape::Record {
            kind,
            id,
            on_insert: Action::Created,
        },
        resident,
    }
}

const fn list_of(
    table: &'static str,
    kind: &'static str,
    id: &'static str,
    field: &'static str,
    resident: &'static str,
) -> Audited {
    Audited {
        table,
        shape: Shape::ListOf { kind, id, field },
        resident,
    }
}

const fn export_log(table: &'static str, kind: &'static str, resident: &'static str) -> Audited {
    Audited {
        table,
        shape: Shape::Record {
            kind,
            id: "R.id",
            on_insert: Action::Exported,
        },
        resident,
    }
}

/// The personal tables and how their rows are named in the log.
const AUDITED: &[Audited] = &[
    record("residents", "resident", "R.id", "R.id"),
    record("resident_network", "network", "R.id", "R.resident_id"),
    record("help_requests", "request", "R.id", "R.resident_id"),
    list_of(
        "request_life_areas",
        "request",
        "R.request_id",
        "life_areas",
        OF_REQUEST,
    ),
    list_of(
        "request_skills",
        "request",
        "R.request_id",
        "skills",
        OF_REQUEST,
    ),
    record("contact_log", "contact_log", "R.id", OF_REQUEST),
    record("volunteers", "volunteer", "R.resident_id", "R.resident_id"),
    list_of(
        "volunteer_skills",
        "volunteer",
        "R.volunteer_id",
        "skills",
        "R.volunteer_id",
    ),
    list_of(
        "volunteer_refusals",
        "volunteer",
        "R.volunteer_id",
        "refusals",
        "R.volunteer_id",
    ),
    list_of(
        "volunteer_tags",
        "volunteer",
        "R.volunteer_id",
        "tags",
        "R.volunteer_id",
    ),
    list_of(
        "volunteer_kernen",
        "volunteer",
        "R.volunteer_id",
        "kernen",
        "R.volunteer_id",
    ),
    record("volunteer_absences", "absence", "R.id", "R.volunteer_id"),
    record(
        "volunteer_status_log",
        "volunteer_status",
        "R.id",
        "R.volunteer_id",
    ),
    record("checkins", "checkin", "R.id", "R.volunteer_id"),
    record("matches", "match", "R.id", OF_REQUEST),
    record("hour_entries", "hours", "R.id", OF_REQUEST),
    record("agreements", "agreement", "R.id", OF_REQUEST),
    record("reminders", "reminder", "R.id", OF_REQUEST),
    record("consents", "consent", "R.id", "R.resident_id"),
    record("referrals", "referral", "R.id", OF_REQUEST),
    record("signals", "signal", "R.id", "R.resident_id"),
    record("agenda_items", "agenda_item", "R.id", OF_REQUEST),
    record("contact_persons", "contact_person", "R.id", "NULL"),
    record(
        "privacy_requests",
        "privacy_request",
        "R.id",
        "R.resident_id",
    ),
    export_log("exports", "export", "R.resident_id"),
    export_log("report_exports", "report", "NULL"),
    export_log("full_exports", "full_export", "NULL"),
    export_log("privacy_exports", "privacy_doc", "NULL"),
];

/// Columns never named as changed: every save sets them.
const UNNAMED: &[&str] = &["updated_at", "created_at"];

/// Changes and removals are logged row by row unless an anonymisation is
/// running in this transaction (it writes one "geanonimiseerd" line per
/// record instead; see `anonymise`). The table is empty outside it.
const LOUD: &str = "NOT EXISTS (SELECT 1 FROM audit_quiet)";

/// The prefix of every generated trigger.
const PREFIX: &str = "audited_";

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt.query_map([table], |r| r.get::<_, String>(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn entry(action: Action, kind: &str, id: &str, resident: &str, fields: &str, row: &str) -> String {
    format!(
        "INSERT INTO audit_entry (action, kind, record_id, resident_id, fields) SELECT '{}', '{kind}', {}, {}, {fields}",
        action.word(),
        id.replace("R.", &format!("{row}.")),
        resident.replace("R.", &format!("{row}.")),
    )
}

/// The three triggers of one table: (name, SQL as SQLite keeps it).
fn for_table(a: &Audited, cols: &[String]) -> Vec<(String, String)> {
    let t = a.table;
    let (kind, id) = match a.shape {
        Shape::Record { kind, id, .. } | Shape::ListOf { kind, id, .. } => (kind, id),
    };
    let (on_insert, on_delete, insert_fields) = match a.shape {
        Shape::Record { on_insert, .. } => (on_insert, Action::Removed, "''".to_owned()),
        Shape::ListOf { field, .. } => (Action::Changed, Action::Changed, format!("'{field}'")),
    };
    let changed = match a.shape {
        Shape::Record { .. } => cols
            .iter()
            .filter(|c| !UNNAMED.contains(&c.as_str()))
            .map(|c| {
                let q = quoted(c);
                format!("CASE WHEN OLD.{q} IS NOT NEW.{q} THEN '{c},' ELSE '' END")
            })
            .collect::<Vec<_>>()
            .join(" || "),
        Shape::ListOf { field, .. } => {
            let any = cols
                .iter()
                .map(|c| {
                    let q = quoted(c);
                    format!("OLD.{q} IS NOT NEW.{q}")
                })
                .collect::<Vec<_>>()
                .join(" OR ");
            format!("CASE WHEN {any} THEN '{field},' ELSE '' END")
        }
    };
    let changed = if changed.is_empty() {
        "''".to_owned()
    } else {
        changed
    };
    vec![
        (
            format!("{PREFIX}{t}_insert"),
            format!(
                "CREATE TRIGGER {PREFIX}{t}_insert AFTER INSERT ON {t} BEGIN {}; END",
                entry(on_insert, kind, id, a.resident, &insert_fields, "NEW")
            ),
        ),
        (
            format!("{PREFIX}{t}_update"),
            format!(
                "CREATE TRIGGER {PREFIX}{t}_update AFTER UPDATE ON {t} WHEN {LOUD} BEGIN {} FROM (SELECT rtrim({changed}, ',') AS f) WHERE f <> ''; END",
                entry(Action::Changed, kind, id, a.resident, "f", "NEW")
            ),
        ),
        (
            format!("{PREFIX}{t}_delete"),
            format!(
                "CREATE TRIGGER {PREFIX}{t}_delete AFTER DELETE ON {t} WHEN {LOUD} BEGIN {}; END",
                entry(on_delete, kind, id, a.resident, &insert_fields, "OLD")
            ),
        ),
    ]
}

/// The triggers every audited table should have now.
fn wanted(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut all = Vec::new();
    for a in AUDITED {
        let cols = columns(conn, a.table)?;
        all.extend(for_table(a, &cols));
    }
    Ok(all)
}

/// The generated triggers as they are in the schema.
fn present(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, length(?1)) = ?1 ORDER BY name",
    )?;
    let rows = stmt.query_map([PREFIX], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Remove every generated trigger (before a migration: a table it rebuilds
/// or a column it drops must not meet an old trigger).
pub(crate) fn drop_all(conn: &Connection) -> Result<()> {
    for (name, _) in present(conn)? {
        conn.execute_batch(&format!("DROP TRIGGER {}", quoted(&name)))?;
    }
    Ok(())
}

/// Make the generated triggers what the tables need now. Writes only when
/// something differs (a new build, a new column), in one transaction.
pub(crate) fn sync(conn: &Connection) -> Result<()> {
    let mut want = wanted(conn)?;
    want.sort();
    if present(conn)? == want {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let done = (|| {
        drop_all(conn)?;
        for (_, sql) in &want {
            conn.execute_batch(sql)?;
        }
        Ok(())
    })();
    match done {
        Ok(()) => conn.execute_batch("COMMIT")?,
        Err(e) => {
            conn.execute_batch("ROLLBACK")?;
            return Err(e);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tables that hold no personal data of their own, and why.
    const NOT_PERSONAL: &[(&str, &str)] = &[
        ("settings", "the help point's settings"),
        ("skills", "the list of skills"),
        ("signal_concerns", "the list of kinds of signals"),
        ("organizations", "the social map: public organisations"),
        ("services", "the social map: public services"),
        (
            "locations",
            "the social map: public addresses of organisations",
        ),
        (
            "service_at_locations",
            "the social map: which service is given where",
        ),
        (
            "report_texts",
            "the annual report's foreword (no personal data)",
        ),
        (
            "drafts",
            "a form's unsaved concept; the save that follows is logged",
        ),
        (
            "results_months",
            "the meeting's kept monthly counts (no personal data)",
        ),
        (
            "data_breaches",
            "the group's breach register: says whose data in general terms",
        ),
        ("audit_log", "the log itself"),
        ("audit_start", "the log's start"),
        ("audit_actor", "who works at this computer"),
        ("audit_quiet", "a flag inside an anonymising transaction"),
        ("resident_search", "search index, rewritten from residents"),
        ("request_search", "search index, rewritten from requests"),
        ("organization_search", "search index of the social map"),
        ("service_search", "search index of the social map"),
    ];

    /// Names of the tables the log covers.
    fn audited_tables() -> impl Iterator<Item = &'static str> {
        AUDITED.iter().map(|a| a.table)
    }

    #[test]
    fn every_table_is_audited_or_named_as_not_personal() -> Result<()> {
        let db = crate::Db::in_memory()?;
        let conn = db.conn();
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%'
               AND name NOT GLOB '*_search_*'",
        )?;
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let unknown: Vec<&String> = tables
            .iter()
            .filter(|t| {
                !audited_tables().any(|a| a == t.as_str())
                    && !NOT_PERSONAL.iter().any(|(n, _)| n == t)
            })
            .collect();
        assert!(
            unknown.is_empty(),
            "tables not in the audit list: {unknown:?}"
        );
        for table in audited_tables() {
            for when in ["insert", "update", "delete"] {
                let n: i64 = conn.query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 AND name = ?2",
                    [table, &format!("{PREFIX}{table}_{when}")],
                    |r| r.get(0),
                )?;
                assert_eq!(n, 1, "{table} has no {when} trigger");
            }
        }
        Ok(())
    }

    #[test]
    fn a_second_open_rewrites_nothing() -> Result<()> {
        let db = crate::Db::in_memory()?;
        let before: i64 = db
            .conn()
            .query_row("PRAGMA schema_version", [], |r| r.get(0))?;
        sync(db.conn())?;
        let after: i64 = db
            .conn()
            .query_row("PRAGMA schema_version", [], |r| r.get(0))?;
        assert_eq!(before, after);
        Ok(())
    }
}
