//! The first start of a real help point: after the recovery key the group
//! gives its name and numbers, its kernen, its first contact persons and
//! the municipality's Wmo-loket (so a referral has a recipient from the
//! first day). Each step is saved when it is taken, so a first start that
//! is interrupted goes on where it stopped. Afterwards Vandaag shows the
//! first steps ([`first_steps`]) until they are done.
//!
//! Not for the demo or a help point that already holds residents (an older
//! help point, a restored backup): those skip it.

mod first_steps;
mod wmo;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::contact_persons::{self, ContactPerson};
use crate::validate::Check;
use crate::{settings, Db, Result};

pub use first_steps::{first_steps, hide_first_steps, FirstSteps};
pub use wmo::{save_wmo_desk, wmo_desk, WmoDesk, WmoDeskInput};

/// Set when the group finished the first start.
const SETUP_DONE: &str = "setup_done";

/// What the first start has so far: the screen opens on the first step
/// still to do.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SetupState {
    /// The first start still has to be done.
    pub needed: bool,
    pub help_point_name: String,
    pub help_point_phone: String,
    pub help_point_email: String,
    pub kernen: Vec<String>,
    pub contact_persons: Vec<ContactPerson>,
    /// The Wmo-loket on the social map, when there is one.
    pub wmo: Option<WmoDesk>,
}

/// Whether the first start still has to be done: not finished, and no
/// resident yet (the demo, an older help point and a restored backup hold
/// residents and skip it).
pub fn needed(conn: &Connection) -> Result<bool> {
    if settings::flag(conn, SETUP_DONE)? {
        return Ok(false);
    }
    let residents: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM residents)", [], |r| r.get(0))?;
    Ok(!residents)
}

pub fn state(conn: &Connection) -> Result<SetupState> {
    let s = settings::get(conn)?;
    Ok(SetupState {
        needed: needed(conn)?,
        help_point_name: s.help_point_name,
        help_point_phone: s.help_point_phone,
        help_point_email: s.help_point_email,
        kernen: settings::kernen(conn)?,
        contact_persons: contact_persons::list(conn)?
            .into_iter()
            .filter(|p| p.active)
            .collect(),
        wmo: wmo_desk(conn)?,
    })
}

/// Finish the first start: the help point has a name and `me` is one of
/// its active contact persons, who is from now on named in the log at this
/// computer (no "Wie bent u?" right after).
pub fn finish(db: &mut Db, me: i64) -> Result<ContactPerson> {
    let name = settings::get(db.conn())?.help_point_name;
    Check::new().required("helpPointName", &name).finish()?;
    let person = crate::audit::actor::choose(db, me)?;
    settings::set_flag(db, SETUP_DONE)?;
    Ok(person)
}
