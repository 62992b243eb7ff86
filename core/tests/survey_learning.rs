//! Learning: the learning-factor profile across projects, and lessons across the
//! learning cycle (coverage, decisions for the next program), with their tables.

use kartan::analysis::learning::{
    cycle_table, learning_cycle, learning_profile, lessons_table, profile_distribution_table, profile_table,
};
use kartan::{
    Application, ApplicationKind, CyclePhase, FactorAssessment, LearningFactor, Lesson, Portfolio, Program, Project,
    Scale, ScalePoint, Text,
};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn assess(project: &str, factor: &str, score: &str, date: Option<&str>) -> FactorAssessment {
    FactorAssessment {
        project: project.into(),
        factor: factor.into(),
        score: dec(score),
        date: date.map(|d| d.parse().unwrap()),
        assessor_role: Text::new(),
        comment: Text::new(),
    }
}

fn portfolio() -> Portfolio {
    let mut program = Program::new("P", Text::sv_en("Programmet", "The program"));
    let factor = |id: &str, sv: &str, en: &str| LearningFactor {
        id: id.into(),
        label: None,
        name: Text::sv_en(sv, en),
        text: Text::sv_en(sv, en),
        traits: Vec::new(),
    };
    program.learning.factors = vec![
        factor("participation", "Delaktighet", "Participation"),
        factor("room", "Handlingsutrymme", "Room for action"),
        factor("feedback", "Återkoppling", "Feedback"),
    ];
    let labels = ["Inte alls", "I liten grad", "I viss grad", "I hög grad"];
    program.learning.factor_scale = Some(Scale::Points {
        points: labels
            .iter()
            .enumerate()
            .map(|(i, l)| ScalePoint { score: Decimal::from(i as u64 + 1), label: Text::one("sv", *l) })
            .collect(),
    });
    let phase = |id: &str, en: &str| CyclePhase { id: id.into(), name: Text::one("en", en), description: Text::new() };
    program.learning.cycle = vec![
        phase("experience", "Experience"),
        phase("reflection", "Reflection"),
        phase("analysis", "Analysis"),
        phase("action", "Action"),
    ];
    let mut p = Portfolio::new("sv", program);
    p.projects = ["A", "B", "C"].iter().map(|id| Project::new(*id, Text::one("sv", *id))).collect();
    p.factor_assessments = vec![
        assess("A", "participation", "4", Some("2010-01")),
        assess("B", "participation", "2", None),
        assess("C", "participation", "2", None),
        assess("A", "room", "1", Some("2010-01-01")),
        assess("A", "room", "3", Some("2011-01-01")), // replaces the 2010 score
        assess("B", "room", "4", None),
        assess("C", "unknown-factor", "3", None),
        assess("C", "room", "7", None), // off the declared scale: left out, never clamped
    ];
    let lesson = |id: &str, phase: Option<&str>, applied: Vec<Application>| Lesson {
        id: id.into(),
        text: Text::one("en", format!("Lesson {id}")),
        phase: phase.map(str::to_owned),
        source: Some("REP-1".into()),
        theme: Text::new(),
        date: None,
        applied,
    };
    p.lessons = vec![
        lesson("L1", Some("reflection"), vec![]),
        lesson(
            "L2",
            Some("analysis"),
            vec![Application {
                kind: ApplicationKind::NextProgram,
                text: Text::one("en", "Keep the meetings"),
                date: Some("2012-03".parse().unwrap()),
            }],
        ),
        lesson(
            "L3",
            Some("analysis"),
            vec![Application { kind: ApplicationKind::Project, text: Text::one("en", "Changed plan"), date: None }],
        ),
        lesson("L4", None, vec![]),
        lesson("L5", Some("dreaming"), vec![]),
    ];
    p
}

#[test]
fn learning_profile_per_factor() {
    let p = portfolio();
    let prof = learning_profile(&p);
    assert_eq!(prof.factors.len(), 3);
    let part = &prof.factors[0];
    assert_eq!((part.factor.as_str(), part.n), ("participation", 3));
    assert_eq!(part.mean.unwrap().round_dp(4), dec("2.6667"));
    assert_eq!(part.distribution.iter().map(|d| d.count).collect::<Vec<_>>(), [0, 2, 0, 1]);
    assert_eq!(part.distribution[1].label, "I liten grad");
    assert_eq!((part.weakest_score, part.weakest.clone()), (Some(dec("2")), vec!["B".to_owned(), "C".to_owned()]));
    let room = &prof.factors[1];
    assert_eq!((room.n, room.mean), (2, Some(dec("3.5"))), "A's latest score (3) and B's 4");
    assert_eq!(room.weakest, ["A"]);
    let feedback = &prof.factors[2];
    assert_eq!((feedback.n, feedback.mean, feedback.weakest.len()), (0, None, 0));
    assert_eq!(prof.left_out.len(), 2);
    assert_eq!(prof.left_out[0], (6, "factor \"unknown-factor\" is not in the learning model".to_owned()));
    assert_eq!(prof.left_out[1].0, 7);

    let t = profile_table(&prof, "en");
    t.check().unwrap();
    assert_eq!(t.rows[0][1].to_string(), "Participation");
    assert_eq!(t.rows[0][5].to_string(), "B; C");
    let d = profile_distribution_table(&prof);
    d.check().unwrap();
    assert_eq!(d.rows.len(), 12);
}

#[test]
fn lessons_across_the_cycle() {
    let p = portfolio();
    let c = learning_cycle(&p);
    assert_eq!(c.phases.iter().map(|x| x.lessons.len()).collect::<Vec<_>>(), [0, 1, 2, 0]);
    assert_eq!(c.covered, ["reflection", "analysis"]);
    assert_eq!(c.uncovered, ["experience", "action"]);
    assert_eq!(c.without_phase, ["L4"]);
    assert_eq!(c.unknown_phase, [("L5".to_owned(), "dreaming".to_owned())]);
    assert_eq!(c.next_program.len(), 1);
    assert_eq!(c.next_program[0].lesson, "L2");
    assert_eq!(c.next_program[0].decision.get("en"), Some("Keep the meetings"));

    let t = cycle_table(&c, "en");
    t.check().unwrap();
    assert_eq!(t.to_csv(), "phase,name,lessons,covered\nexperience,Experience,0,false\nreflection,Reflection,1,true\nanalysis,Analysis,2,true\naction,Action,0,false\n");
    let l = lessons_table(&p, "en");
    l.check().unwrap();
    assert_eq!(l.rows.len(), 5);
    let next = l.column("next_program").unwrap();
    assert_eq!(l.rows.iter().filter(|r| r[next] == kartan::analysis::tables::Cell::Bool(true)).count(), 1);
}

#[test]
fn the_seed_program_has_factors_and_a_cycle_but_no_assessments_or_lessons_yet() {
    let seed = kartan::embedded::seed();
    let prof = learning_profile(&seed);
    assert_eq!(prof.factors.len(), 6);
    assert_eq!(prof.factors[0].name.get("sv"), Some("hög delaktighet"));
    assert_eq!(prof.factors[0].name.get("en"), Some("high participation"));
    assert!(prof.factors.iter().all(|f| f.n == 0 && f.mean.is_none()));
    let c = learning_cycle(&seed);
    assert_eq!(c.uncovered, ["analysis", "reflection", "dissemination", "development"]);
    assert!(c.covered.is_empty() && c.next_program.is_empty());
}

#[test]
fn learning_profile_chart_spec() {
    let p = portfolio();
    let spec = kartan::analysis::learning::profile_chart(&p, &learning_profile(&p), "sv");
    assert_eq!(spec["$schema"], "https://vega.github.io/schema/vega-lite/v6.json");
    assert_eq!(spec["encoding"]["x"]["scale"]["domain"], serde_json::json!([1.0, 4.0]));
    let v = spec["data"]["values"].as_array().unwrap();
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["factor"], "Delaktighet");
    assert_eq!(v[0]["n"], 3);
    assert_eq!(v[2]["mean"], serde_json::Value::Null);
}
