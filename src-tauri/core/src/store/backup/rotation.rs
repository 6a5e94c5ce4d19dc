//! Which automatic backups to keep: daily, weekly and monthly generations
//! ("grandfather-father-son"), so that good history survives weeks of
//! mistakes. Pure rules over the list of backups; the caller deletes.
//!
//! - Only good backups fill a generation: a backup of an empty database, or
//!   one that cannot be read, never counts as one of the kept days, weeks or
//!   months.
//! - The newest backup is always kept.
//! - The newest backup that holds more than the current database (more
//!   residents or more requests) is never pruned without asking: it is
//!   *held* until the user says the drop was meant, and the app asks.
//! - A backup that cannot be read is left alone (never deleted unasked).

use std::collections::HashSet;

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::store::Counts;

/// How many generations to keep (a setting of the help point).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// The last this many days with a backup.
    pub daily: u32,
    /// The newest backup of each of the last this many weeks.
    pub weekly: u32,
    /// The newest backup of each of the last this many months.
    pub monthly: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            daily: 7,
            weekly: 4,
            monthly: 6,
        }
    }
}

/// One automatic backup as rotation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub made_at: NaiveDateTime,
    /// `None` when the file cannot be read (or not with this key).
    pub counts: Option<Counts>,
}

impl Candidate {
    fn good(&self) -> bool {
        self.counts.is_some_and(|c| !c.is_empty())
    }
}

/// The day, week or month a backup belongs to.
type Bucket = fn(&NaiveDateTime) -> (i32, u32, u32);

/// What happens to one backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Keep,
    /// Would be pruned, but holds more than the current database: kept
    /// until the user decides.
    Hold,
    /// Cannot be read: not ours to delete.
    Leave,
    Prune,
}

/// The verdicts, in the order of the candidates, and which backup holds
/// more than the current database (the one to ask about).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub verdicts: Vec<Verdict>,
    pub more_than_now: Option<usize>,
}

/// Judge `backups` (any order) against the policy and the current
/// database's counts. Backups made before `accepted_before` are never held
/// (the user said the drop in data was meant).
pub fn judge(
    backups: &[Candidate],
    policy: Policy,
    current: Counts,
    accepted_before: Option<NaiveDateTime>,
) -> Judgement {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    order.sort_by(|&a, &b| backups[b].made_at.cmp(&backups[a].made_at));

    let mut keep = HashSet::new();
    if let Some(&newest) = order.first() {
        keep.insert(newest);
    }
    let good: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| backups[i].good())
        .collect();
    let generations: [(u32, Bucket); 3] = [
        (policy.daily, |t| (t.year(), t.ordinal(), 0)),
        (policy.weekly, |t| {
            let w = t.iso_week();
            (w.year(), w.week(), 0)
        }),
        (policy.monthly, |t| (t.year(), t.month(), 0)),
    ];
    for (count, bucket) in generations {
        let mut seen = HashSet::new();
        for &i in &good {
            if seen.len() >= count as usize {
                break;
            }
            if seen.insert(bucket(&backups[i].made_at)) {
                keep.insert(i);
            }
        }
    }
    let held = order.iter().copied().find(|&i| {
        let b = &backups[i];
        b.counts.is_some_and(|c| c.more_than(&current))
            && accepted_before.is_none_or(|t| b.made_at >= t)
    });

    let verdicts = (0..backups.len())
        .map(|i| {
            if backups[i].counts.is_none() {
                Verdict::Leave
            } else if keep.contains(&i) {
                Verdict::Keep
            } else if Some(i) == held {
                Verdict::Hold
            } else {
                Verdict::Prune
            }
        })
        .collect();
    Judgement {
        verdicts,
        more_than_now: held,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Days, NaiveDate};

    fn day(n: u64) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new(n)))
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap_or_default()
    }

    fn with(n: u64, residents: i64) -> Candidate {
        Candidate {
            made_at: day(n),
            counts: Some(Counts {
                residents,
                requests: residents * 2,
            }),
        }
    }

    fn kept(backups: &[Candidate], v: &[Verdict]) -> Vec<NaiveDateTime> {
        let mut out: Vec<_> = backups
            .iter()
            .zip(v)
            .filter(|(_, v)| **v != Verdict::Prune)
            .map(|(b, _)| b.made_at)
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_year_of_daily_backups_keeps_days_weeks_and_months() {
        // One backup a day for a year, data growing every day.
        let backups: Vec<_> = (0..365).map(|n| with(n, 10 + n as i64)).collect();
        let current = Counts {
            residents: 400,
            requests: 800,
        };
        let v = judge(&backups, Policy::default(), current, None).verdicts;
        let kept = kept(&backups, &v);
        // 7 days; weeks and months overlap with them at the newest end.
        assert!(kept.len() >= 7 + 3 + 5 - 2 && kept.len() <= 7 + 4 + 6);
        // The last seven days are all there.
        for n in 358..365 {
            assert!(kept.contains(&day(n)), "day {n}");
        }
        // Something about a month old and something about five months old.
        assert!(kept.iter().any(|t| (day(364) - *t).num_days() >= 21));
        assert!(kept.iter().any(|t| (day(364) - *t).num_days() >= 140));
        assert!(!v.contains(&Verdict::Hold));
    }

    #[test]
    fn empty_backups_never_fill_a_generation() {
        // Good history up to day 30, then weeks of backups of an emptied file.
        let mut backups: Vec<_> = (0..30).map(|n| with(n, 50)).collect();
        backups.extend((30..60).map(|n| with(n, 0)));
        let j = judge(&backups, Policy::default(), Counts::default(), None);
        // The newest good one is the one to ask about.
        assert_eq!(j.more_than_now, Some(29));
        let v = j.verdicts;
        let kept = kept(&backups, &v);
        // The newest (empty) one stays, and the good days before the mistake too.
        assert!(kept.contains(&day(59)));
        for n in 23..30 {
            assert!(kept.contains(&day(n)), "good day {n} was pruned");
        }
        // Only one of the empty ones: the newest.
        assert_eq!(kept.iter().filter(|t| **t > day(29)).count(), 1);
    }

    #[test]
    fn the_newest_backup_with_more_data_is_held_not_pruned() {
        // Data fell from 50 to 5 on day 20; a policy of one day only.
        let mut backups: Vec<_> = (0..20).map(|n| with(n, 50)).collect();
        backups.extend((20..40).map(|n| with(n, 5)));
        let policy = Policy {
            daily: 1,
            weekly: 0,
            monthly: 0,
        };
        let current = Counts {
            residents: 5,
            requests: 10,
        };
        let v = judge(&backups, policy, current, None).verdicts;
        assert_eq!(v[19], Verdict::Hold, "the last backup before the drop");
        assert_eq!(v[39], Verdict::Keep);
        assert_eq!(v.iter().filter(|x| **x == Verdict::Hold).count(), 1);
        // Once the user accepted the drop, it may go.
        let j = judge(&backups, policy, current, Some(day(25)));
        assert_eq!(j.verdicts[19], Verdict::Prune);
        assert_eq!(j.more_than_now, None);
    }

    #[test]
    fn unreadable_backups_are_left_alone() {
        let mut backups: Vec<_> = (0..10).map(|n| with(n, 3)).collect();
        backups[2].counts = None;
        let policy = Policy {
            daily: 1,
            weekly: 0,
            monthly: 0,
        };
        let v = judge(&backups, policy, Counts::default(), None).verdicts;
        assert_eq!(v[2], Verdict::Leave);
    }
}
