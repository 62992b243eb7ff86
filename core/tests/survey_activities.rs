//! What was done (report section 3): activities by kind, over time, participation by
//! level and outputs — on the seed program and on a small dated case.

use kartan::analysis::activities::{activity_summary, by_kind_table, outputs_table, participation_table};
use kartan::{Activity, ActivityKind, ActivityState, DateRange, Level, Participation, Text};

#[test]
fn the_seed_program() {
    let seed = kartan::embedded::seed();
    let s = activity_summary(&seed, "2012-12-31".parse().unwrap());
    let plm = s.by_kind.iter().find(|k| k.kind == ActivityKind::ProjectLeaderMeeting).unwrap();
    // PLAN-PLM (14) and PLAN-PLM-CLOSING (1); one meeting recorded, planned for a day without a year.
    assert_eq!((plm.planned_in_plans, plm.recorded, plm.held, plm.open), (Some(15), 1, 0, 1));
    let theme = s.by_kind.iter().find(|k| k.kind == ActivityKind::ThemePublication).unwrap();
    assert_eq!((theme.planned_in_plans, theme.recorded), (Some(3), 2));
    assert_eq!(s.outputs.len(), 3);
    assert_eq!(s.outputs[2].title.get("sv"), Some("Den innovativa kommunen"));
    // The closing meeting names three groups with no level and no number.
    assert_eq!(s.participation.len(), 1);
    assert_eq!((s.participation[0].level, s.participation[0].activities, s.participation[0].uncounted), (None, 1, 3));
    for t in [by_kind_table(&s, "sv"), participation_table(&s), outputs_table(&s, "sv")] {
        t.check().unwrap();
    }
    assert!(outputs_table(&s, "sv").to_csv().contains("ACT-BOOK,Den innovativa kommunen,Bok,,"));
}

#[test]
fn held_by_date_and_participation_by_level() {
    let mut p = kartan::embedded::seed();
    let meeting = |id: &str, state: Option<ActivityState>, held: Option<&str>, parts: Vec<(Level, Option<u32>)>| {
        let mut a = Activity {
            id: id.into(),
            kind: ActivityKind::Seminar,
            title: Text::one("en", id),
            description: Text::new(),
            scope: None,
            project: None,
            plan: None,
            state,
            planned: DateRange::default(),
            held: DateRange { start: held.map(|d| d.parse().unwrap()), end: None },
            participants: Vec::new(),
            outputs: Vec::new(),
            matrix_items: Vec::new(),
        };
        a.participants = parts
            .into_iter()
            .map(|(level, count)| Participation { target_group: None, level: Some(level), role: Text::new(), count })
            .collect();
        a
    };
    p.activities = vec![
        meeting(
            "S1",
            Some(ActivityState::Held),
            Some("2010-03-01"),
            vec![(Level::Local, Some(20)), (Level::Regional, Some(4))],
        ),
        meeting("S2", None, Some("2011-05-02"), vec![(Level::Local, Some(12)), (Level::Local, None)]),
        meeting("S3", Some(ActivityState::Held), Some("2013-01-10"), vec![]),
        meeting("S4", Some(ActivityState::Cancelled), None, vec![]),
        meeting("S5", Some(ActivityState::Held), None, vec![]),
    ];
    let s = activity_summary(&p, "2012-12-31".parse().unwrap());
    let sem = s.by_kind.iter().find(|k| k.kind == ActivityKind::Seminar).unwrap();
    assert_eq!((sem.recorded, sem.held, sem.open, sem.cancelled, sem.planned_in_plans), (5, 3, 1, 1, None));
    assert_eq!(s.held_by_year, [(Some(2010), 1), (Some(2011), 1), (None, 1)]);
    let local = s.participation.iter().find(|l| l.level == Some(Level::Local)).unwrap();
    assert_eq!((local.activities, local.participants, local.uncounted), (2, 32, 1));
    assert_eq!(s.participation[0].level, Some(Level::Regional), "national, regional, local order");
}
