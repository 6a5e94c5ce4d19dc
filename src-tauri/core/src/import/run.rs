//! The import itself: the check again (the data may have changed since the
//! user saw the report), then every row in one transaction. Any problem and
//! nothing is written.

use chrono::NaiveDateTime;

use super::check::{plan, Action, Plan};
use super::{Imported, Mapping, Sheet};
use crate::{residents, volunteers, Db, Error, Result};

/// Import the rows of `sheet` as mapped. `progress(done, total)` is called
/// as rows are written (about a hundred times for a large file). Refuses
/// with [`Error::ImportNotReady`] when the check finds any problem.
pub fn run(
    db: &mut Db,
    sheet: &Sheet,
    mapping: &Mapping,
    now: NaiveDateTime,
    mut progress: impl FnMut(u32, u32),
) -> Result<Imported> {
    db.write(|tx| {
        let Plan { report, actions } = plan(tx, sheet, mapping, now.date())?;
        if !report.ready {
            return Err(Error::ImportNotReady {
                rows: report.problem_rows,
            });
        }
        // At most MAX_ROWS actions: `read` refuses more.
        let total = actions.len() as u32;
        let step = (total / 100).max(1);
        progress(0, total);
        let mut first_new: Option<i64> = None;
        for (i, action) in actions.iter().enumerate() {
            match action {
                Action::New {
                    resident,
                    volunteer,
                } => {
                    let id = residents::insert_unindexed(tx, resident, now)?;
                    first_new.get_or_insert(id);
                    if let Some((clean, status)) = volunteer {
                        volunteers::insert(tx, id, clean, *status, now)?;
                    }
                }
                Action::ProfileFor {
                    resident_id,
                    volunteer,
                    status,
                } => volunteers::insert(tx, *resident_id, volunteer, *status, now)?,
            }
            let done = i as u32 + 1;
            if done.is_multiple_of(step) || done == total {
                progress(done, total);
            }
        }
        // One search-index statement for all new residents (see `insert_unindexed`).
        if let Some(first) = first_new {
            residents::reindex_from(tx, first)?;
        }
        Ok(Imported {
            residents: report.residents,
            volunteers: report.volunteers,
            skipped: report.skipped_count,
        })
    })
}
