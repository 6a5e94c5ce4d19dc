//! "Eerste stappen" on Vandaag: what a new help point still has to do
//! before its first help request can find a volunteer and a referral a
//! recipient. Shown until every step is done or the group hides it.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::{settings, Db, Result};

const HIDDEN: &str = "first_steps_hidden";

/// The social map counts as filled in from this many organisations on.
pub const ORGANISATIONS_ENOUGH: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FirstSteps {
    /// Show the list: a step is open and the group did not hide it.
    pub show: bool,
    /// The municipality's Wmo-loket is on the social map.
    pub wmo_desk: bool,
    pub volunteers: u32,
    pub organisations: u32,
    /// The help point's own phone number is known (the handover needs it).
    pub help_point_phone: bool,
}

impl FirstSteps {
    fn all_done(&self) -> bool {
        self.wmo_desk
            && self.volunteers > 0
            && self.organisations >= ORGANISATIONS_ENOUGH
            && self.help_point_phone
    }
}

fn count(conn: &Connection, sql: &str) -> Result<u32> {
    Ok(conn.query_row(sql, [], |r| r.get(0))?)
}

/// The first steps (the demo village has done them all).
pub fn first_steps(conn: &Connection) -> Result<FirstSteps> {
    let mut steps = FirstSteps {
        show: false,
        wmo_desk: count(
            conn,
            "SELECT EXISTS (SELECT 1 FROM services WHERE wmo_desk)",
        )? == 1,
        // At most a few are needed to know: no full count of a large file.
        volunteers: count(
            conn,
            "SELECT count(*) FROM (SELECT 1 FROM volunteers LIMIT 1)",
        )?,
        organisations: count(
            conn,
            &format!(
                "SELECT count(*) FROM (SELECT 1 FROM organizations LIMIT {ORGANISATIONS_ENOUGH})"
            ),
        )?,
        help_point_phone: !settings::get(conn)?.help_point_phone.is_empty(),
    };
    steps.show = !steps.all_done() && !settings::flag(conn, HIDDEN)?;
    Ok(steps)
}

/// "Deze lijst verbergen": the group does the rest in its own time.
pub fn hide_first_steps(db: &mut Db) -> Result<()> {
    settings::set_flag(db, HIDDEN)
}
