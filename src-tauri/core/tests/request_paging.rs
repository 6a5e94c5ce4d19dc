//! The request list pages by key ("Volgende" and "Vorige" seek from the row
//! shown): the same pages as by number, in both directions; the count stops
//! at 1000 ("meer dan"); the search reads the best ranked hits.

use buurtpunt_core::requests::{
    self, Channel, RequestInput, RequestKey, RequestQuery, Scope, Urgency, LIST_COUNT_CAP,
};
use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::{Db, Result};
use chrono::{NaiveDate, NaiveDateTime};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

fn village(requests: usize) -> Result<Db> {
    let mut db = Db::in_memory()?;
    let mut ids = Vec::new();
    for (first, kern) in [("Anna", "Lindeloo"), ("Jan", "Esdorp"), ("Wubbo", "Vaart")] {
        let input = ResidentInput {
            first_name: first.into(),
            last_name: "Bakker".into(),
            kern: kern.into(),
            ..Default::default()
        };
        ids.push(residents::create(&mut db, input, false, now())?.id);
    }
    for i in 0..requests {
        // Several on one day: the id breaks the tie.
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date")
            + chrono::Days::new((i / 4) as u64);
        requests::create(
            &mut db,
            RequestInput {
                resident_id: Some(ids[i % 2 + usize::from(i == 7) * (2 - i % 2)]),
                received_on: day.format("%Y-%m-%d").to_string(),
                channel: Channel::Phone,
                ask: format!("Vraag {i} over de tuin"),
                urgency: Urgency::Normal,
                scope: Scope::Individual,
                ..Default::default()
            },
            now(),
        )?;
    }
    Ok(db)
}

fn key(r: &requests::RequestSummary) -> RequestKey {
    RequestKey {
        received_on: r.received_on.clone(),
        id: r.id,
    }
}

#[test]
fn pages_by_key_are_the_pages_by_number_both_ways() -> Result<()> {
    let db = village(47)?;
    let c = db.conn();
    let q = RequestQuery {
        page_size: 10,
        ..Default::default()
    };
    let by_number: Vec<Vec<i64>> = (0..5)
        .map(|page| {
            requests::list(c, &RequestQuery { page, ..q.clone() })
                .map(|p| p.items.iter().map(|r| r.id).collect())
        })
        .collect::<Result<_>>()?;
    assert_eq!(by_number[4].len(), 7);
    // Forward with "Volgende".
    let mut page = requests::list(c, &q)?;
    assert!(page.has_next && !page.more_than);
    assert_eq!(page.total, 47);
    let mut shown = vec![page.items.iter().map(|r| r.id).collect::<Vec<_>>()];
    for n in 1..5 {
        let last = page.items.last().map(key);
        page = requests::list(
            c,
            &RequestQuery {
                page: n,
                after: last,
                ..q.clone()
            },
        )?;
        shown.push(page.items.iter().map(|r| r.id).collect());
    }
    assert_eq!(shown, by_number);
    assert!(!page.has_next, "the last page");
    // Back with "Vorige", from the last page to the first.
    for n in (0..4).rev() {
        let first = page.items.first().map(key);
        page = requests::list(
            c,
            &RequestQuery {
                page: n,
                before: first,
                ..q.clone()
            },
        )?;
        assert_eq!(
            page.items.iter().map(|r| r.id).collect::<Vec<_>>(),
            by_number[n as usize]
        );
        assert!(page.has_next);
    }
    Ok(())
}

#[test]
fn the_count_stops_at_the_cap_and_says_more() -> Result<()> {
    let db = village(LIST_COUNT_CAP as usize + 5)?;
    let c = db.conn();
    let all = requests::list(
        c,
        &RequestQuery {
            page_size: 25,
            ..Default::default()
        },
    )?;
    assert_eq!(
        (all.total, all.more_than, all.has_next),
        (LIST_COUNT_CAP, true, true)
    );
    // A filter under the cap is counted exactly.
    let few = requests::list(
        c,
        &RequestQuery {
            kern: "Vaart".into(),
            ..Default::default()
        },
    )?;
    assert_eq!((few.total, few.more_than, few.has_next), (1, false, false));
    Ok(())
}

#[test]
fn the_search_ranks_its_hits_and_reads_one_page() -> Result<()> {
    let db = village(60)?;
    let c = db.conn();
    let anna = requests::list(
        c,
        &RequestQuery {
            text: "anna tuin".into(),
            page_size: 10,
            ..Default::default()
        },
    )?;
    assert_eq!((anna.total, anna.items.len()), (30, 10));
    assert!(anna.has_next);
    assert!(anna.items.iter().all(|r| r.resident_name == "Anna Bakker"));
    let wubbo = requests::list(
        c,
        &RequestQuery {
            text: "Wubbo".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(wubbo.items.len(), 1);
    assert_eq!(wubbo.items[0].kern, "Vaart");
    // With a filter: only open ones (all are new here) in Lindeloo.
    let open_in_kern = requests::list(
        c,
        &RequestQuery {
            text: "tuin".into(),
            open_only: true,
            kern: "Lindeloo".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(open_in_kern.total, 30);
    Ok(())
}
