//! Retention from the session: the daily notice (what passed its term, and
//! what the backups in the data folder still hold) and one step of the run.

use chrono::NaiveDate;

use super::{Session, State};
use crate::retention::{self, Notice, Progress, Terms};
use crate::store::backup;
use crate::{settings, Result};

impl Session {
    /// "12 dossiers zijn langer bewaard dan afgesproken", with the backups
    /// that would still hold the older data (none in the demo).
    pub fn retention_notice(&mut self, today: NaiveDate) -> Result<Notice> {
        let demo = matches!(self.state, State::Open { demo: true, .. });
        let backup_dir = self.vault.backup_dir();
        let db = self.db()?;
        let s = settings::get(db.conn())?;
        let due = retention::due(db.conn(), &Terms::of(&s), today)?;
        let (days, before_update) = if demo {
            (Vec::new(), 0)
        } else {
            backup::on_disk(&backup_dir)?
        };
        Ok(Notice {
            due,
            backups: retention::backups_left(&days, before_update, s.backup_policy()),
        })
    }

    /// One step of anonymising what passed its term (see `retention::step`).
    pub fn retention_step(&mut self, today: NaiveDate, after: i64) -> Result<Progress> {
        let db = self.db()?;
        let terms = Terms::of(&settings::get(db.conn())?);
        retention::step(db, &terms, today, after)
    }
}
