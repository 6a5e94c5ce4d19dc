//! The help point's contact persons (table `contact_persons`): who made an
//! export or handled a case. Not residents' data.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{self, Check, SHORT};
use crate::{Db, Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactPerson {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub active: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ContactPersonInput {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub active: bool,
}

fn check(input: &ContactPersonInput) -> Result<ContactPersonInput> {
    let clean = ContactPersonInput {
        name: validate::clean(&input.name),
        phone: validate::clean(&input.phone),
        email: validate::clean(&input.email),
        active: input.active,
    };
    let mut c = Check::new();
    c.required("name", &clean.name)
        .max_len("name", &clean.name, SHORT)
        .phone("phone", &clean.phone)
        .email("email", &clean.email);
    c.finish()?;
    Ok(clean)
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ContactPerson> {
    Ok(ContactPerson {
        id: r.get(0)?,
        name: r.get(1)?,
        phone: r.get(2)?,
        email: r.get(3)?,
        active: r.get(4)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<ContactPerson>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, phone, email, active FROM contact_persons ORDER BY active DESC, position, id",
    )?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<ContactPerson> {
    conn.query_row(
        "SELECT id, name, phone, email, active FROM contact_persons WHERE id = ?1",
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "contact person",
        id,
    })
}

pub fn create(db: &mut Db, input: &ContactPersonInput) -> Result<ContactPerson> {
    let c = check(input)?;
    let id = db.write(|tx| {
        tx.execute(
            "INSERT INTO contact_persons (name, phone, email, active, position)
             VALUES (?1, ?2, ?3, ?4, (SELECT ifnull(max(position), 0) + 1 FROM contact_persons))",
            params![c.name, c.phone, c.email, c.active],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    get(db.conn(), id)
}

pub fn update(db: &mut Db, id: i64, input: &ContactPersonInput) -> Result<ContactPerson> {
    let c = check(input)?;
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE contact_persons SET name = ?2, phone = ?3, email = ?4, active = ?5 WHERE id = ?1",
            params![id, c.name, c.phone, c.email, c.active],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "contact person",
                id,
            });
        }
        Ok(())
    })?;
    get(db.conn(), id)
}
