//! Vandaag as one to-do list: what matters today first. Calls to make and
//! follow-ups that are due, then urgent and late requests (and Wmo answers
//! that are late), then new ones, then what is due this week. Each request
//! appears once, with all its labels. A pure merge of the blocks that
//! [`super::today`] reads, so the order is testable without a database.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::followup::DueReminder;
use crate::referrals::Referral;
use crate::requests::{RequestSummary, Status, Urgency};
use crate::store::time::stored_date;

/// One request on the list, with every reason it is there.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TodoItem {
    #[ts(type = "number")]
    pub request_id: i64,
    pub resident_name: String,
    pub kern: String,
    /// The start of the ask (empty when only a reminder or a referral
    /// brought it here).
    pub ask: String,
    pub status: Option<Status>,
    pub urgency: Option<Urgency>,
    /// Calls and follow-ups due today or earlier.
    pub reminders: Vec<DueReminder>,
    /// Days past the wished date, when it has passed.
    #[ts(type = "number | null")]
    pub late_days: Option<i64>,
    /// The wished date, when it is within the coming week.
    pub due_on: Option<String>,
    /// Days the Wmo-loket's answer is late (its 6-week deadline passed).
    #[ts(type = "number | null")]
    pub wmo_late_days: Option<i64>,
    pub is_new: bool,
    pub urgent: bool,
}

impl TodoItem {
    fn empty(request_id: i64) -> TodoItem {
        TodoItem {
            request_id,
            resident_name: String::new(),
            kern: String::new(),
            ask: String::new(),
            status: None,
            urgency: None,
            reminders: Vec::new(),
            late_days: None,
            due_on: None,
            wmo_late_days: None,
            is_new: false,
            urgent: false,
        }
    }

    /// 0: a call or follow-up is due; 1: urgent, late, or the loket is
    /// late; 2: new; 3: due this week.
    fn rank(&self) -> u8 {
        if !self.reminders.is_empty() {
            0
        } else if self.urgent || self.late_days.is_some() || self.wmo_late_days.is_some() {
            1
        } else if self.is_new {
            2
        } else {
            3
        }
    }

    /// How late it is at most, in days (0 when not late).
    fn lateness(&self, today: NaiveDate) -> i64 {
        let reminder = self
            .reminders
            .iter()
            .filter_map(|r| stored_date(&r.due_on))
            .map(|d| (today - d).num_days())
            .max()
            .unwrap_or(0);
        reminder
            .max(self.late_days.unwrap_or(0))
            .max(self.wmo_late_days.unwrap_or(0))
    }
}

/// The blocks of Vandaag, as read.
pub struct Blocks<'a> {
    pub reminders: &'a [DueReminder],
    pub wmo: &'a [Referral],
    pub urgent: &'a [RequestSummary],
    pub overdue: &'a [RequestSummary],
    pub new: &'a [RequestSummary],
    pub due_soon: &'a [RequestSummary],
}

/// One list, each request once, in the order of what matters today.
pub fn merge(today: NaiveDate, b: &Blocks<'_>) -> Vec<TodoItem> {
    let mut items: Vec<TodoItem> = Vec::new();
    let at = |id: i64, items: &mut Vec<TodoItem>| -> usize {
        match items.iter().position(|i| i.request_id == id) {
            Some(p) => p,
            None => {
                items.push(TodoItem::empty(id));
                items.len() - 1
            }
        }
    };
    let summary = |item: &mut TodoItem, s: &RequestSummary| {
        item.resident_name.clone_from(&s.resident_name);
        item.kern.clone_from(&s.kern);
        item.ask.clone_from(&s.ask);
        item.status = Some(s.status);
        item.urgency = Some(s.urgency);
        item.is_new = s.status == Status::New;
        item.urgent = s.urgency == Urgency::High;
        if let Some(d) = s.due_on.as_deref().and_then(stored_date) {
            if d < today {
                item.late_days = Some((today - d).num_days());
            } else {
                item.due_on = s.due_on.clone();
            }
        }
    };
    for list in [b.urgent, b.overdue, b.new, b.due_soon] {
        for s in list {
            let p = at(s.id, &mut items);
            summary(&mut items[p], s);
        }
    }
    for r in b.reminders {
        let p = at(r.request_id, &mut items);
        if items[p].resident_name.is_empty() {
            items[p].resident_name.clone_from(&r.resident_name);
        }
        items[p].reminders.push(r.clone());
    }
    for f in b.wmo {
        let late = f.days_left.filter(|d| *d < 0).map(|d| -d);
        if let Some(late) = late {
            let p = at(f.request_id, &mut items);
            if items[p].resident_name.is_empty() {
                items[p].resident_name.clone_from(&f.resident_name);
            }
            items[p].wmo_late_days = Some(late);
        }
    }
    items.sort_by(|a, b| {
        a.rank()
            .cmp(&b.rank())
            .then(b.lateness(today).cmp(&a.lateness(today)))
            .then(a.due_on.cmp(&b.due_on))
            .then(a.request_id.cmp(&b.request_id))
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::LifeArea;

    fn day(s: &str) -> NaiveDate {
        stored_date(s).unwrap_or_default()
    }

    fn request(id: i64, status: Status, urgency: Urgency, due_on: Option<&str>) -> RequestSummary {
        RequestSummary {
            id,
            resident_id: Some(id),
            resident_name: format!("Bewoner {id}"),
            kern: "Lindeloo".into(),
            received_on: "2026-11-01".into(),
            ask: format!("Vraag {id}"),
            status,
            urgency,
            due_on: due_on.map(str::to_owned),
            life_areas: vec![LifeArea::Household],
        }
    }

    fn reminder(id: i64, request_id: i64, due_on: &str) -> DueReminder {
        DueReminder {
            id,
            request_id,
            resident_name: format!("Bewoner {request_id}"),
            due_on: due_on.into(),
            note: "Terugbellen".into(),
            repeat_weeks: 0,
            snooze_note: String::new(),
        }
    }

    #[test]
    fn each_request_once_with_all_its_labels_most_pressing_first() {
        let today = day("2026-12-02");
        // 1: new and urgent and six weeks late, with a call due: once, on top.
        let one = request(1, Status::New, Urgency::High, Some("2026-10-21"));
        // 2: only new. 3: urgent. 4: due this week. 5: a call only (not in
        // any request block). 6: late by 3 days.
        let two = request(2, Status::New, Urgency::Normal, None);
        let three = request(3, Status::InProgress, Urgency::High, None);
        let four = request(4, Status::InProgress, Urgency::Normal, Some("2026-12-05"));
        let six = request(6, Status::InProgress, Urgency::Normal, Some("2026-11-29"));
        let reminders = [reminder(10, 1, "2026-12-02"), reminder(11, 5, "2026-11-30")];
        let items = merge(
            today,
            &Blocks {
                reminders: &reminders,
                wmo: &[],
                urgent: &[one.clone(), three.clone()],
                overdue: &[one.clone(), six.clone()],
                new: &[one.clone(), two.clone()],
                due_soon: std::slice::from_ref(&four),
            },
        );
        let ids: Vec<i64> = items.iter().map(|i| i.request_id).collect();
        // Calls first (the most overdue first: 1 is 42 days late by its
        // wished date), then urgent and late (most late first), new, this week.
        assert_eq!(ids, vec![1, 5, 6, 3, 2, 4]);
        let first = &items[0];
        assert!(first.urgent && first.is_new);
        assert_eq!(first.late_days, Some(42));
        assert_eq!(first.reminders.len(), 1);
        assert_eq!(items[1].resident_name, "Bewoner 5");
        assert_eq!(items[5].due_on.as_deref(), Some("2026-12-05"));
    }
}
