//! Periods the group looks back on: a month, a quarter, a year or any
//! from–to, and the same period a year earlier.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Period;
use crate::validate::{self, Check};
use crate::vocab::{Rule, MONTHS, MONTHS_SHORT};
use crate::Result;

/// What the period picker sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum PeriodChoice {
    Month {
        year: i32,
        month: u32,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
    Year {
        year: i32,
    },
    /// `YYYY-MM-DD`, both ends inclusive.
    Custom {
        from: String,
        to: String,
    },
}

/// The longest from–to: ten years (a longer one is a typing error).
const MAX_DAYS: i64 = 3660;

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).filter(|d| validate::DATE_YEARS.contains(&d.year()))
}

/// The last day of the month `months` after the month of `first`.
fn month_end(first: NaiveDate, months: u32) -> Option<NaiveDate> {
    first
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
}

impl PeriodChoice {
    /// The period this choice means; a bad choice gives field errors
    /// (`year`, `month`, `quarter`, `from`, `to`).
    pub fn period(&self) -> Result<Period> {
        let mut c = Check::new();
        let found = match self {
            PeriodChoice::Month { year, month } => {
                let first = ymd(*year, *month, 1);
                c.rule("month", Rule::Choice, first.is_none());
                first.and_then(|f| Some((f, month_end(f, 1)?)))
            }
            PeriodChoice::Quarter { year, quarter } => {
                let ok = (1..=4).contains(quarter);
                c.rule("quarter", Rule::Choice, !ok);
                let first = ok.then(|| ymd(*year, quarter * 3 - 2, 1)).flatten();
                c.rule("year", Rule::Number, ok && first.is_none());
                first.and_then(|f| Some((f, month_end(f, 3)?)))
            }
            PeriodChoice::Year { year } => {
                let first = ymd(*year, 1, 1);
                c.rule("year", Rule::Number, first.is_none());
                first.and_then(|f| Some((f, ymd(*year, 12, 31)?)))
            }
            PeriodChoice::Custom { from, to } => {
                let f = validate::date(&mut c, "from", from, true);
                let t = validate::date(&mut c, "to", to, true);
                match (f, t) {
                    (Some(f), Some(t)) => {
                        c.rule("to", Rule::PeriodOrder, t < f);
                        c.rule("to", Rule::PeriodTooLong, (t - f).num_days() > MAX_DAYS);
                        Some((f, t))
                    }
                    _ => None,
                }
            }
        };
        c.finish()?;
        let (from, to) = found.ok_or_else(|| {
            crate::Error::Invalid(vec![crate::vocab::FieldError::new("from", Rule::Date)])
        })?;
        Ok(Period { from, to })
    }
}

impl Period {
    /// The same period a year earlier (29 February becomes the 28th).
    pub fn earlier(&self) -> Period {
        let back = |d: NaiveDate| d.checked_sub_months(Months::new(12)).unwrap_or(d);
        // A period that ends on the last day of February ends on the last
        // day of February a year earlier too.
        let to = if self.to.month() == 2 && self.to.succ_opt().is_some_and(|n| n.month() == 3) {
            ymd(self.to.year() - 1, 3, 1)
                .and_then(|d| d.pred_opt())
                .unwrap_or_else(|| back(self.to))
        } else {
            back(self.to)
        };
        Period {
            from: back(self.from),
            to,
        }
    }

    /// "maart 2026", "1e kwartaal 2026", "2026" or "3-2-2026 t/m 20-4-2026".
    pub fn label(&self) -> String {
        let (f, t) = (self.from, self.to);
        let whole_months = f.day() == 1 && t.succ_opt().is_some_and(|n| n.day() == 1);
        let months = (t.year() - f.year()) * 12 + t.month() as i32 - f.month() as i32 + 1;
        if whole_months && months == 1 {
            format!("{} {}", MONTHS[f.month0() as usize], f.year())
        } else if whole_months && months == 3 && f.month0() % 3 == 0 {
            format!("{}e kwartaal {}", f.month0() / 3 + 1, f.year())
        } else if whole_months && months == 12 && f.month() == 1 {
            format!("{}", f.year())
        } else {
            format!("{} t/m {}", f.format("%-d-%-m-%Y"), t.format("%-d-%-m-%Y"))
        }
    }

    /// The first day of each month the period touches, in order.
    pub fn months(&self) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut m = self.from.with_day(1);
        while let Some(d) = m.filter(|d| *d <= self.to) {
            out.push(d);
            m = d.checked_add_months(Months::new(1));
        }
        out
    }

    /// The number of days, both ends counted.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// A month's short name for a row or chart label: "mrt" within one
/// calendar year (the column says which), "mrt 26" when `period` spans
/// more than one.
pub fn month_short(period: &Period, first: NaiveDate) -> String {
    let name = MONTHS_SHORT[first.month0() as usize];
    if period.from.year() == period.to.year() {
        name.to_owned()
    } else {
        format!("{name} {}", first.format("%y"))
    }
}
