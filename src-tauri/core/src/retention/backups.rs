//! What the backups still hold after an anonymisation, said honestly: the
//! automatic backups made before it keep the older data until rotation
//! (`store::backup::rotation`) removes them.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::store::backup::Policy;

/// The backups in the data folder that hold data from before today.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupsLeft {
    /// Automatic daily backups (rotated by the policy).
    pub daily: u32,
    /// Backups made before a program update (the last three are kept).
    pub before_update: u32,
    /// The day the newest daily backup is gone at the latest, when
    /// Buurtpunt is used each day (rotation runs when it is open).
    #[ts(type = "string | null")]
    pub last_gone_on: Option<NaiveDate>,
}

/// `daily`: the days of the automatic backups; `before_update`: how many
/// pre-update backups there are. A backup leaves rotation when it is in no
/// kept generation: after `policy.daily` newer days, when `policy.weekly`
/// newer weeks and `policy.monthly` newer months have a backup. The newest
/// one goes last: the latest of those three moments.
pub fn backups_left(daily: &[NaiveDate], before_update: u32, policy: Policy) -> BackupsLeft {
    let newest = daily.iter().max().copied();
    let last_gone_on = newest.and_then(|d| {
        let by_day = d.checked_add_days(Days::new(u64::from(policy.daily)))?;
        let monday =
            d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))?;
        let by_week = monday.checked_add_days(Days::new(7 * u64::from(policy.weekly)))?;
        let first = d.with_day(1)?;
        let by_month = first.checked_add_months(Months::new(policy.monthly))?;
        Some(by_day.max(by_week).max(by_month))
    });
    BackupsLeft {
        daily: daily.len() as u32,
        before_update,
        last_gone_on,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_newest_backup_goes_when_its_month_leaves_the_monthly_generation() {
        let left = backups_left(
            &[d(2026, 11, 30), d(2026, 12, 2), d(2026, 12, 1)],
            1,
            Policy {
                daily: 7,
                weekly: 4,
                monthly: 6,
            },
        );
        assert_eq!(left.daily, 3);
        assert_eq!(left.before_update, 1);
        assert_eq!(left.last_gone_on, Some(d(2027, 6, 1)));
    }

    #[test]
    fn without_monthly_backups_the_weeks_decide() {
        let left = backups_left(
            &[d(2026, 12, 2)],
            0,
            Policy {
                daily: 7,
                weekly: 4,
                monthly: 0,
            },
        );
        // Wednesday 2 December: its week began on Monday 30 November.
        assert_eq!(left.last_gone_on, Some(d(2026, 12, 28)));
        assert_eq!(backups_left(&[], 0, Policy::default()).last_gone_on, None);
    }
}
