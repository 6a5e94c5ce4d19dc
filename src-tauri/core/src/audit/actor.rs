//! Who is working: after the unlock the contact person says who they are,
//! and every line of the log is written under that name. Remembered in the
//! encrypted database (table `audit_actor`), so this computer does not ask
//! again while that person is still active. One shared passphrase stays:
//! this is accountability, not access control.

use rusqlite::{Connection, OptionalExtension};

use crate::contact_persons::{self, ContactPerson};
use crate::validate::Check;
use crate::{Db, Result};

/// The remembered contact person, if there is one and they are still active.
pub fn current(conn: &Connection) -> Result<Option<ContactPerson>> {
    let id: Option<i64> = conn
        .query_row("SELECT contact_person_id FROM audit_actor", [], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(id) = id else {
        return Ok(None);
    };
    let person = contact_persons::get(conn, id)?;
    Ok(person.active.then_some(person))
}

/// "Ik ben …": from now on the log names this contact person. Only an
/// active contact person can be chosen.
pub fn choose(db: &mut Db, contact_person_id: i64) -> Result<ContactPerson> {
    let person = contact_persons::get(db.conn(), contact_person_id)?;
    // Someone no longer active is not offered; choosing them is a wrong choice.
    Check::new()
        .choice("contactPersonId", person.active)
        .finish()?;
    db.write(|tx| {
        tx.execute(
            "INSERT INTO audit_actor (one, contact_person_id) VALUES (1, ?1)
             ON CONFLICT (one) DO UPDATE SET contact_person_id = excluded.contact_person_id",
            [contact_person_id],
        )?;
        Ok(())
    })?;
    Ok(person)
}
