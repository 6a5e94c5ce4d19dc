//! A resident's network: informal carer, family, neighbours (table `resident_network`).

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text_enum;
use crate::validate::{self, Check, SHORT};

text_enum! {
    /// The role a person plays in a resident's network.
    pub enum NetworkRole {
        InformalCarer => "informal_carer",
        Family => "family",
        Neighbour => "neighbour",
        Friend => "friend",
        Other => "other",
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NetworkMember {
    pub role: NetworkRole,
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub note: String,
}

impl NetworkMember {
    pub(crate) fn check(&mut self, index: usize, c: &mut Check) {
        self.name = validate::clean(&self.name);
        self.phone = validate::clean(&self.phone);
        self.email = validate::clean(&self.email);
        let f = |name: &str| format!("network.{index}.{name}");
        c.required(&f("name"), &self.name)
            .max_len(&f("name"), &self.name, SHORT)
            .max_len(&f("note"), &self.note, SHORT)
            .phone(&f("phone"), &self.phone)
            .email(&f("email"), &self.email);
    }
}

pub(crate) fn replace(
    tx: &Transaction<'_>,
    resident_id: i64,
    members: &[NetworkMember],
) -> crate::Result<()> {
    tx.execute(
        "DELETE FROM resident_network WHERE resident_id = ?1",
        [resident_id],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO resident_network (resident_id, role, name, phone, email, note, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, m) in members.iter().enumerate() {
        stmt.execute(params![
            resident_id,
            m.role,
            m.name,
            m.phone,
            m.email,
            m.note,
            i as i64
        ])?;
    }
    Ok(())
}

pub(crate) fn of(conn: &Connection, resident_id: i64) -> crate::Result<Vec<NetworkMember>> {
    let mut stmt = conn.prepare_cached(
        "SELECT role, name, phone, email, note FROM resident_network WHERE resident_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([resident_id], |r| {
        Ok(NetworkMember {
            role: r.get(0)?,
            name: r.get(1)?,
            phone: r.get(2)?,
            email: r.get(3)?,
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
