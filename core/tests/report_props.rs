//! Property test: for any portfolio — hostile texts, dangling references, odd answers —
//! the report builds without panicking, HTML shows every text as text, and every
//! Markdown table row keeps its column count.

use chrono::NaiveDate;
use kartan::learning_report::{build, to_html, to_json, to_markdown, ReportOptions};
use kartan::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Texts that try to break out of HTML, Markdown tables and JSON script blocks.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<x-evil>alert(1)</x-evil>".to_owned()),
        Just("</script><x-evil>".to_owned()),
        Just("a | b\nc\r\n| d \\| e".to_owned()),
        Just("- list\n# heading\n1. item".to_owned()),
        Just(String::new()),
        Just("  ".to_owned()),
        "[a-zåäö<>|&\"'`*_#\\\\ \n-]{0,30}",
    ]
}

fn text() -> impl Strategy<Value = Text> {
    (hostile(), hostile()).prop_map(|(sv, en)| Text::sv_en(sv, en))
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![Just("A".to_owned()), Just("B".to_owned()), Just("M-1".to_owned()), Just("x<y>|z".to_owned())]
}

fn portfolio() -> impl Strategy<Value = Portfolio> {
    let projects = proptest::collection::vec(
        (id(), text(), proptest::option::of(id()), proptest::option::of(id()), -5i64..1_000_000),
        0..6,
    );
    let activities = proptest::collection::vec(
        (id(), text(), proptest::option::of(id()), 0u8..4, proptest::option::of(0u32..500)),
        0..6,
    );
    let answers = proptest::collection::vec(proptest::option::of(-3i64..12), 0..8);
    let observations = proptest::collection::vec((id(), text(), proptest::option::of(id())), 0..5);
    (text(), text(), projects, activities, answers, observations).prop_map(
        |(title, item_text, projects, activities, answers, observations)| {
            let mut program = Program::new("P", title);
            program.matrix.rows.push(MatrixRow {
                level: Level::Local,
                actors: vec![item_text.clone()],
                experiences: vec![MatrixItem { id: "M-1".into(), text: item_text.clone() }],
                effects: vec![],
            });
            program.plans.push(ActivityPlan {
                id: "A".into(),
                kind: ActivityKind::Seminar,
                title: item_text.clone(),
                count: Some(3),
                note: item_text.clone(),
            });
            program.focus_areas.push(FocusArea { id: "B".into(), name: item_text.clone(), description: Text::new() });
            let mut p = Portfolio::new("sv", program);
            for (id, title, parent, area, amount) in projects {
                let mut project = Project::new(id, title);
                project.parent = parent;
                project.focus_area = area;
                project.budgets.push(Budget {
                    kind: BudgetKind::Original,
                    period: DateRange::default(),
                    value: Money::new(Decimal::from(amount), "SEK"),
                    indicative: false,
                    value_date: None,
                });
                p.projects.push(project);
            }
            for (id, title, plan, state, count) in activities {
                let state =
                    [Some(ActivityState::Planned), Some(ActivityState::Held), Some(ActivityState::Cancelled), None]
                        [usize::from(state)];
                let day = NaiveDate::from_ymd_opt(2010, 5, 1).unwrap();
                p.activities.push(Activity {
                    id,
                    kind: ActivityKind::ProjectLeaderMeeting,
                    title: title.clone(),
                    description: Text::new(),
                    scope: None,
                    project: None,
                    plan,
                    state,
                    planned: DateRange::default(),
                    held: DateRange::between(day, day),
                    participants: vec![Participation { target_group: None, level: None, role: title.clone(), count }],
                    outputs: vec![Output { title, kind: None, url: Some("javascript:alert(1)".into()), date: None }],
                    matrix_items: vec!["M-1".into()],
                });
            }
            let question = Question {
                id: "Q".into(),
                text: item_text.clone(),
                scale: Scale::Numeric { min: Decimal::ZERO, max: Decimal::TEN },
                reverse_coded: true,
            };
            let responses = answers
                .into_iter()
                .map(|a| Response {
                    id: None,
                    event: Some("A".into()),
                    date: None,
                    answers: [("Q".to_owned(), a.map_or(Answer::NotApplicable, |v| Answer::Score(Decimal::from(v))))]
                        .into_iter()
                        .collect(),
                })
                .collect();
            p.evaluations.push(Evaluation {
                id: "E".into(),
                title: item_text.clone(),
                instrument: Instrument { questions: vec![question] },
                events: vec!["A".into(), "nowhere".into()],
                plan: Some("A".into()),
                responses,
            });
            p.reports.push(Report {
                id: "R".into(),
                kind: ReportKind::Interim,
                title: item_text,
                project: None,
                activity: None,
                plan: None,
                date: None,
                author_role: Text::new(),
                narrative: Text::new(),
                observations: observations
                    .into_iter()
                    .map(|(id, text, item)| Observation {
                        id,
                        text,
                        matrix_item: item,
                        level: None,
                        strength: None,
                        source: Text::new(),
                    })
                    .collect(),
            });
            p
        },
    )
}

/// Pipes not escaped by an odd run of backslashes.
fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        match c {
            '\\' => backslashes += 1,
            '|' if backslashes % 2 == 0 => {
                count += 1;
                backslashes = 0;
            }
            _ => backslashes = 0,
        }
    }
    count
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_portfolio_renders_safely(p in portfolio(), sv in any::<bool>()) {
        let options = ReportOptions::new(if sv { "sv" } else { "en" }, NaiveDate::from_ymd_opt(2011, 6, 30).unwrap());
        let report = build(&p, &options);
        prop_assert_eq!(report.sections.len(), 9);

        let html = to_html(&report);
        prop_assert!(!html.contains("<x-evil"), "raw markup from the data in the HTML");
        prop_assert_eq!(html.matches("<script").count(), html.matches("<script type=\"application/json\" class=\"vega-lite\">").count());
        prop_assert!(!html.contains("href=\"javascript"));

        let md = to_markdown(&report);
        prop_assert!(!md.replace("\\<", "").contains("<x-evil"), "unescaped markup in the Markdown");
        let mut columns = None;
        for line in md.lines() {
            if line.starts_with('|') {
                let n = unescaped_pipes(line);
                let expected = *columns.get_or_insert(n);
                prop_assert_eq!(n, expected, "row breaks its table: {}", line);
            } else {
                columns = None;
            }
        }

        let json: serde_json::Value = serde_json::from_str(&to_json(&report)).unwrap();
        prop_assert_eq!(json["sections"].as_array().map(Vec::len), Some(9));
    }
}
