//! SQL of the `residents` table and its search index.

use chrono::NaiveDateTime;
use rusqlite::types::Value;
use rusqlite::{named_params, params, Connection, OptionalExtension, Row, Transaction};

use super::{network, Clean, Resident, ResidentInput, ResidentQuery, ResidentSummary};
use crate::store::audit::{self, Action, Subject};
use crate::store::list::{Filter, List};
use crate::store::time::stamp;
use crate::{Db, Error, Page, Result};

const COLUMNS: &str =
    "id, first_name, last_name, street, house_number, postcode, kern, phone, email,
    contact_preference, contact_time, birth_date, notes, proxy_name, proxy_relation, proxy_phone,
    proxy_email, created_at, updated_at";

/// Create a resident. Refuses a likely duplicate (same name and address)
/// unless `allow_duplicate` is set after the user confirmed.
pub fn create(
    db: &mut Db,
    input: ResidentInput,
    allow_duplicate: bool,
    now: NaiveDateTime,
) -> Result<Resident> {
    let clean = input.validate(now.date())?;
    let id = db.write(|tx| {
        if !allow_duplicate {
            let ids = likely_duplicates(tx, &clean.input)?;
            if !ids.is_empty() {
                return Err(Error::LikelyDuplicate { ids });
            }
        }
        insert(tx, &clean, now)
    })?;
    get(db.conn(), id)
}

/// The insert of [`create`], inside a caller's transaction: the row, its
/// network and its search entry. Validation and the duplicate check are the
/// caller's; returns the new id.
pub(crate) fn insert(tx: &Transaction<'_>, clean: &Clean, now: NaiveDateTime) -> Result<i64> {
    let id = insert_unindexed(tx, clean, now)?;
    reindex(tx, id)?;
    Ok(id)
}

/// [`insert`] without the search entry, for a bulk insert (the import) that
/// indexes all its rows at the end with [`reindex_from`]: FTS5 writes its
/// pending rows to disk at every statement savepoint, so indexing row by row
/// inside a long transaction makes one index segment per row.
pub(crate) fn insert_unindexed(
    tx: &Transaction<'_>,
    clean: &Clean,
    now: NaiveDateTime,
) -> Result<i64> {
    let i = &clean.input;
    tx.prepare_cached(&format!(
        "INSERT INTO residents ({COLUMNS}) VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)"
    ))?
    .execute(params![
        i.first_name, i.last_name, i.street, i.house_number, i.postcode, i.kern, i.phone, i.email,
        clean.preference, i.contact_time, clean.birth_date, i.notes, i.proxy_name, i.proxy_relation,
        i.proxy_phone, i.proxy_email, stamp(now)
    ])?;
    let id = tx.last_insert_rowid();
    if !i.network.is_empty() {
        network::replace(tx, id, &i.network)?;
    }
    Ok(id)
}

pub fn update(db: &mut Db, id: i64, input: ResidentInput, now: NaiveDateTime) -> Result<Resident> {
    let clean = input.validate(now.date())?;
    db.write(|tx| {
        let i = &clean.input;
        let n = tx.execute(
            "UPDATE residents SET first_name = ?2, last_name = ?3, street = ?4, house_number = ?5, postcode = ?6,
                kern = ?7, phone = ?8, email = ?9, contact_preference = ?10, contact_time = ?11, birth_date = ?12,
                notes = ?13, proxy_name = ?14, proxy_relation = ?15, proxy_phone = ?16, proxy_email = ?17,
                updated_at = ?18
             WHERE id = ?1",
            params![
                id, i.first_name, i.last_name, i.street, i.house_number, i.postcode, i.kern, i.phone, i.email,
                clean.preference, i.contact_time, clean.birth_date, i.notes, i.proxy_name, i.proxy_relation,
                i.proxy_phone, i.proxy_email, stamp(now)
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound { what: "resident", id });
        }
        network::replace(tx, id, &i.network)?;
        reindex(tx, id)?;
        // A volunteer's copy of the kern follows (matching reads it in one scan).
        tx.execute(
            "UPDATE volunteers SET kern = ?2 WHERE resident_id = ?1",
            params![id, i.kern],
        )?;
        crate::requests::reindex_resident(tx, id)
    })?;
    get(db.conn(), id)
}

pub(crate) fn likely_duplicates(conn: &Connection, i: &ResidentInput) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM residents
         WHERE lower(first_name) = lower(:first) AND lower(last_name) = lower(:last)
           AND ((:street = '' AND :postcode = '')
                OR (:postcode <> '' AND postcode = :postcode AND house_number = :number)
                OR (:street <> '' AND lower(street) = lower(:street) AND house_number = :number))
         ORDER BY id",
    )?;
    let rows = stmt.query_map(
        named_params! {
            ":first": i.first_name, ":last": i.last_name, ":street": i.street,
            ":postcode": i.postcode, ":number": i.house_number,
        },
        |r| r.get(0),
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Resident> {
    Ok(Resident {
        id: r.get(0)?,
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        street: r.get(3)?,
        house_number: r.get(4)?,
        postcode: r.get(5)?,
        kern: r.get(6)?,
        phone: r.get(7)?,
        email: r.get(8)?,
        contact_preference: r.get(9)?,
        contact_time: r.get(10)?,
        birth_date: r.get(11)?,
        notes: r.get(12)?,
        proxy_name: r.get(13)?,
        proxy_relation: r.get(14)?,
        proxy_phone: r.get(15)?,
        proxy_email: r.get(16)?,
        network: Vec::new(),
        created_at: r.get(17)?,
        updated_at: r.get(18)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Resident> {
    let mut resident = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM residents WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "resident",
            id,
        })?;
    resident.network = network::of(conn, id)?;
    Ok(resident)
}

/// Rewrite the search row of one resident (name, address, contacts, network).
pub(crate) fn reindex(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM resident_search WHERE rowid = ?1")?
        .execute([id])?;
    tx.prepare_cached(&format!("{SEARCH_ROWS} WHERE id = ?1"))?
        .execute([id])?;
    Ok(())
}

/// Rewrite the search rows of every resident from id `first` on: the rows a
/// bulk insert just added (new ids are above all existing ones).
pub(crate) fn reindex_from(tx: &Transaction<'_>, first: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM resident_search WHERE rowid >= ?1")?
        .execute([first])?;
    tx.prepare_cached(&format!("{SEARCH_ROWS} WHERE id >= ?1"))?
        .execute([first])?;
    Ok(())
}

/// The search text of residents (name, address, contacts, network), less
/// its WHERE clause.
const SEARCH_ROWS: &str = "INSERT INTO resident_search (rowid, body)
    SELECT id, replace(replace(first_name || ' ' || last_name || ' ' || street || ' ' || house_number || ' ' || postcode
           || ' ' || kern || ' ' || phone || ' ' || email || ' ' || proxy_name || ' '
           || ifnull((SELECT group_concat(name, ' ') FROM resident_network WHERE resident_id = residents.id), ''), 'Ĳ', 'IJ'), 'ĳ', 'ij')
    FROM residents";

pub fn list(conn: &Connection, q: &ResidentQuery) -> Result<Page<ResidentSummary>> {
    let mut f = Filter::new();
    f.text(
        "id IN (SELECT rowid FROM resident_search WHERE resident_search MATCH ?)",
        &q.text,
    );
    if !q.kern.is_empty() {
        f.and("kern = ?", [Value::Text(q.kern.clone())]);
    }
    // An anonymised or erased file is no one's any more: it only counts in
    // the figures.
    f.and("anonymised_on IS NULL", []);
    f.and("erased_on IS NULL", std::iter::empty());
    List {
        count_from: "FROM residents",
        select: "SELECT id, first_name, last_name, street, house_number, kern, phone,
                (SELECT count(*) FROM help_requests h WHERE h.resident_id = residents.id
                   AND h.status IN ('new', 'in_progress', 'matched'))
             FROM residents",
        order: "last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    }
    .page(conn, &f, q.page, q.page_size, |r| {
        Ok(ResidentSummary {
            id: r.get(0)?,
            first_name: r.get(1)?,
            last_name: r.get(2)?,
            street: r.get(3)?,
            house_number: r.get(4)?,
            kern: r.get(5)?,
            phone: r.get(6)?,
            open_requests: r.get(7)?,
        })
    })
}

/// The kernen/wijken for filters and suggestions: the group's own list (as
/// set at the first start or in Settings, in its order), then any other
/// kern in use by a resident.
pub fn kernen(conn: &Connection) -> Result<Vec<String>> {
    let mut out = crate::settings::kernen(conn)?;
    let mut stmt =
        conn.prepare_cached("SELECT DISTINCT kern FROM residents WHERE kern <> '' ORDER BY kern")?;
    let used = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    for k in used {
        if !out.iter().any(|o| o.to_lowercase() == k.to_lowercase()) {
            out.push(k);
        }
    }
    Ok(out)
}

/// Open a resident's page: the resident, and a "bekeken" line in the log
/// (in one transaction: no page without its line).
pub fn open(db: &mut Db, id: i64) -> Result<Resident> {
    db.write(|tx| {
        let resident = get(tx, id)?;
        audit::record(
            tx,
            Action::Viewed,
            Subject {
                kind: "resident",
                id: Some(id),
                resident_id: Some(id),
            },
        )?;
        Ok(resident)
    })
}
