//! Opening a request's page: the request, and a "bekeken" line in the log
//! (in one transaction: no page without its line).

use super::{get, HelpRequest};
use crate::store::audit::{self, Action, Subject};
use crate::{Db, Result};

pub fn open(db: &mut Db, id: i64) -> Result<HelpRequest> {
    db.write(|tx| {
        let request = get(tx, id)?;
        audit::record(
            tx,
            Action::Viewed,
            Subject {
                kind: "request",
                id: Some(id),
                resident_id: request.resident_id,
            },
        )?;
        Ok(request)
    })
}
