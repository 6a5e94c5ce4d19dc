//! Property tests of the matching invariants: nobody paused, absent, at or
//! over the hard limit, refusing the task or lacking a required VOG is ever
//! suggested; the order is deterministic; an override always has a reason.

use buurtpunt_core::hours::{self, HourInput};
use buurtpunt_core::matches::{self, MatchInput, MatchStatus};
use buurtpunt_core::matching::{rank, Candidate, Reason, RequestFacts, SHOW_SUGGESTIONS};
use buurtpunt_core::requests::{self, RequestInput};
use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::vocab::Rule;
use buurtpunt_core::vocab::WEEK_MASK;
use buurtpunt_core::volunteers::{
    AbsenceKind, LoadFacts, LoadRule, VogState, VolunteerInput, VolunteerStatus,
};
use buurtpunt_core::{volunteers, Db, Error};
use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

const KERNEN: [&str; 3] = ["Lindeloo", "Veenhoeve", "Heidebroek"];
const NAMES: [&str; 4] = ["Anna Bakker", "Bram Smit", "Anna Bakker", "Cor Mulder"];
const RULE: LoadRule = LoadRule {
    default_limit_hours: 4.0,
};

fn subset(max: i64) -> impl Strategy<Value = Vec<i64>> {
    proptest::collection::btree_set(1..=max, 0..=max as usize).prop_map(|s| s.into_iter().collect())
}

fn request() -> impl Strategy<Value = RequestFacts> {
    (
        subset(3),
        any::<bool>(),
        0..=WEEK_MASK,
        0..3usize,
        0..256i64,
        proptest::option::of(1..6u8),
    )
        .prop_map(
            |(skills, needs_vog, wanted, kern, mask, est)| RequestFacts {
                request_id: 1,
                resident_id: Some(100),
                resident_name: "Mien Jansen".into(),
                kern: KERNEN[kern].into(),
                life_area_mask: mask,
                skills: skills
                    .into_iter()
                    .map(|id| (id, format!("taak {id}")))
                    .collect(),
                needs_vog,
                wanted_slots: wanted,
                estimated_hours: est.map(f64::from),
                due_on: None,
                vog_from_areas: Vec::new(),
            },
        )
}

fn candidate() -> impl Strategy<Value = Candidate> {
    let who = (
        0..4usize,
        0..3usize,
        0..4usize,
        0..=WEEK_MASK,
        0..8i64,
        0..256i64,
        subset(3),
        subset(3),
        subset(2),
    );
    let state = (
        any::<bool>(),
        0..4usize,
        (0..900i64, 0..900i64, 0..4i64, 0..12u8),
        (proptest::option::of(1..8u8), proptest::option::of(1..4i64)),
        any::<bool>(),
        proptest::option::of(0..5u8),
        any::<bool>(),
    );
    (who, state).prop_map(
        |(
            (name, kern, status, availability, mobility, area_mask, skills, refused, kernen),
            (absent, vog, (week, extra, open, carer), (limit_h, limit_m), helped, asked, linked),
        )| {
            let load = LoadFacts {
                week_minutes: week,
                month_minutes: week + extra,
                open_matches: open,
                carer_hours: f64::from(carer),
                limit_hours: limit_h.map(f64::from),
                limit_matches: limit_m,
            }
            .load(RULE);
            Candidate {
                id: 0,
                name: NAMES[name].into(),
                kern: KERNEN[kern].into(),
                status: VolunteerStatus::ALL[status],
                availability,
                mobility,
                area_mask,
                skills,
                refused,
                kernen: kernen
                    .into_iter()
                    .map(|k| KERNEN[k as usize].to_owned())
                    .collect(),
                absent: absent.then(|| ("2026-12-01".to_owned(), AbsenceKind::Holiday)),
                // Away for part of the time: only a warning, never a hard rule.
                away: (!absent && extra % 2 == 1).then(|| {
                    (
                        "2026-12-02".to_owned(),
                        "2026-12-05".to_owned(),
                        AbsenceKind::Illness,
                    )
                }),
                vog: VogState::ALL[vog],
                vog_until: Some("2027-01-01".into()),
                load,
                helped_before: helped,
                last_asked_on: asked.map(|d| format!("2026-1{d}-01")),
                already_matched: linked,
            }
        },
    )
}

fn candidates() -> impl Strategy<Value = Vec<Candidate>> {
    proptest::collection::vec(candidate(), 0..40).prop_map(|mut v| {
        for (i, c) in v.iter_mut().enumerate() {
            c.id = i as i64 + 1;
        }
        v
    })
}

fn eligible(req: &RequestFacts, c: &Candidate) -> bool {
    c.status == VolunteerStatus::Active
        && c.absent.is_none()
        && !c.load.level.is_blocking()
        && !req.skills.iter().any(|(id, _)| c.refused.contains(id))
        && (!req.needs_vog || matches!(c.vog, VogState::Valid | VogState::Expiring))
        && !c.already_matched
}

const SINCE: &str = "2026-09-27";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn nobody_who_breaks_a_hard_rule_is_ever_suggested(req in request(), all in candidates()) {
        let s = rank(&req, &all, SINCE);
        for sug in &s.suggestions {
            let c = all.iter().find(|c| c.id == sug.volunteer_id).expect("suggested candidate exists");
            prop_assert!(eligible(&req, c), "suggested {c:?}");
        }
        let expected = all.iter().filter(|c| eligible(&req, c)).count();
        prop_assert_eq!(s.total_suggestions as usize, expected);
        prop_assert_eq!(s.suggestions.len(), expected.min(SHOW_SUGGESTIONS));
        for w in s.suggestions.windows(2) {
            prop_assert!(w[0].score >= w[1].score);
        }
    }

    #[test]
    fn every_refusal_has_its_reason_and_only_limits_can_be_overridden(req in request(), all in candidates()) {
        let s = rank(&req, &all, SINCE);
        for u in &s.unavailable {
            prop_assert!(!u.reasons.is_empty());
            prop_assert_eq!(u.can_override, u.reasons.iter().all(Reason::is_limit));
            let c = all.iter().find(|c| c.id == u.volunteer_id).expect("candidate exists");
            prop_assert!(!eligible(&req, c));
        }
    }

    #[test]
    fn the_same_data_in_any_order_gives_the_same_order(req in request(), all in candidates(), seed in any::<u64>()) {
        let mut shuffled = all.clone();
        // A deterministic shuffle from the seed.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let a = rank(&req, &all, SINCE);
        let b = rank(&req, &shuffled, SINCE);
        let order = |s: &buurtpunt_core::matching::Suggestions| {
            (
                s.suggestions.iter().map(|x| x.volunteer_id).collect::<Vec<_>>(),
                s.unavailable.iter().map(|x| x.volunteer_id).collect::<Vec<_>>(),
            )
        };
        prop_assert_eq!(order(&a), order(&b));
        for (x, y) in a.suggestions.iter().zip(&b.suggestions) {
            prop_assert_eq!(&x.reasons, &y.reasons);
        }
    }
}

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Through the store: a match over the limit exists only with a reason.
    #[test]
    fn an_override_always_has_a_reason(limit in 1..6u8, logged in 0..8u8, reason in "( |[a-z ]{1,20})") {
        let mut db = Db::in_memory().expect("db");
        let person = |db: &mut Db, first: &str| {
            residents::create(db, ResidentInput { first_name: first.into(), last_name: "Test".into(), kern: "Lindeloo".into(), ..Default::default() }, true, now()).expect("resident").id
        };
        let asker = person(&mut db, "Mien");
        let req = |db: &mut Db| requests::create(db, RequestInput { resident_id: Some(asker), received_on: "2026-11-20".into(), ask: "Hulp".into(), ..Default::default() }, now()).expect("request").id;
        let first = req(&mut db);
        let second = req(&mut db);
        let v = person(&mut db, "Evert");
        volunteers::create(&mut db, v, VolunteerInput { limit_hours: limit.to_string(), ..Default::default() }, VolunteerStatus::Active, now()).expect("volunteer");
        let m = matches::create(&mut db, MatchInput { request_id: first, volunteer_id: v, status: Some(MatchStatus::Agreed), override_reason: "eerste".into(), ..Default::default() }, now()).expect("first match");
        if logged > 0 {
            hours::log(&mut db, &HourInput { match_id: m.id, on_date: "2026-11-21".into(), hours: logged.to_string(), ..Default::default() }, now()).expect("hours");
        }
        let over = logged >= limit;
        let result = matches::create(&mut db, MatchInput { request_id: second, volunteer_id: v, override_reason: reason.clone(), ..Default::default() }, now());
        match result {
            Ok(made) => {
                prop_assert!(!over || !made.override_reason.trim().is_empty());
                prop_assert!(!over || made.override_reason == reason.trim());
            }
            Err(Error::Invalid(fields)) => {
                prop_assert!(over);
                prop_assert!(reason.trim().is_empty());
                prop_assert_eq!(fields[0].rule, Rule::ReasonRequired);
            }
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }
}
