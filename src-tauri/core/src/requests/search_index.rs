//! The request search index (`request_search`, FTS5): one row per request
//! with the resident's name and kern, the texts and the contact log.

use rusqlite::Transaction;

use crate::Result;

/// Rewrite the search row of one request: resident name, the texts, the log.
pub(crate) fn reindex(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.execute("DELETE FROM request_search WHERE rowid = ?1", [id])?;
    tx.execute(
        "INSERT INTO request_search (rowid, body)
         SELECT h.id, replace(replace(ifnull(r.first_name || ' ' || r.last_name || ' ' || r.kern, '') || ' ' || h.ask || ' ' || h.underlying_need
                || ' ' || h.own_strength || ' ' || h.tried || ' ' || h.scope_note || ' '
                || ifnull((SELECT group_concat(note, ' ') FROM contact_log WHERE request_id = h.id), ''), 'Ĳ', 'IJ'), 'ĳ', 'ij')
         FROM help_requests h LEFT JOIN residents r ON r.id = h.resident_id WHERE h.id = ?1",
        [id],
    )?;
    Ok(())
}

/// A resident's name or kern changed: their requests' search rows follow.
pub(crate) fn reindex_resident(tx: &Transaction<'_>, resident_id: i64) -> Result<()> {
    let ids: Vec<i64> = {
        let mut stmt = tx.prepare_cached("SELECT id FROM help_requests WHERE resident_id = ?1")?;
        let rows = stmt.query_map([resident_id], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for id in ids {
        reindex(tx, id)?;
    }
    Ok(())
}
