//! Survey statistics vectors (`tests/vectors/survey/`): every file in the folder is
//! loaded. Case files hold a CSV table, a survey mapping and the expected figures;
//! `carpentries_expected.json` is the pandas reference for the real survey (checked in
//! `survey_carpentries.rs`, and recognised here so no file goes unused).

use std::path::PathBuf;

use kartan::analysis::survey::{question_stats, trend};
use kartan::io::table::{import_survey, read_table_bytes, SourceKind, SourceOptions, SurveyMapping};
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;

fn folder() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/survey"))
}

fn close(got: Option<rust_decimal::Decimal>, want: &Value, what: &str) {
    match (got, want.as_f64()) {
        (None, None) => {}
        (Some(g), Some(w)) => {
            let g = g.to_f64().unwrap();
            assert!((g - w).abs() < 0.00005, "{what}: got {g}, want {w}");
        }
        (g, _) => panic!("{what}: got {g:?}, want {want}"),
    }
}

fn run_case(name: &str, case: &Value) {
    let mapping = SurveyMapping::from_json(&case["mapping"].to_string(), name).unwrap();
    let csv = case["csv"].as_str().unwrap();
    let table = read_table_bytes(csv.as_bytes(), name, SourceKind::Csv, &SourceOptions::default()).unwrap();
    let import = import_survey(&table, &mapping).unwrap();
    assert!(import.report.skipped.is_empty(), "{name}: {:?}", import.report.skipped);
    let eval = import.evaluation;
    if let Some(questions) = case["expected"]["questions"].as_array() {
        let stats = question_stats(&eval);
        for want in questions {
            let id = want["question"].as_str().unwrap();
            let got = stats.iter().find(|s| s.question == id).unwrap();
            let what = format!("{name} {id}");
            for (field, value) in [
                ("responses", got.responses),
                ("n", got.n),
                ("not_applicable", got.not_applicable),
                ("missing", got.missing),
            ] {
                assert_eq!(value, want[field].as_u64().unwrap(), "{what} {field}");
            }
            close(got.mean, &want["mean"], &format!("{what} mean"));
            close(got.median, &want["median"], &format!("{what} median"));
            close(got.sd, &want["sd"], &format!("{what} sd"));
            close(got.top_two_box, &want["top_two_box"], &format!("{what} top_two_box"));
            let dist = want["distribution"].as_array().unwrap();
            assert_eq!(got.distribution.len(), dist.len(), "{what} distribution");
            for (g, w) in got.distribution.iter().zip(dist) {
                assert_eq!(g.label, w["label"].as_str().unwrap(), "{what}");
                assert_eq!(g.score.to_string(), w["score"].as_str().unwrap(), "{what} {}", g.label);
                assert_eq!(g.count, w["count"].as_u64().unwrap(), "{what} {}", g.label);
            }
        }
    }
    if let Some(points) = case["expected"]["trend"].as_array() {
        let got = trend(&eval, &[], case["trend_question"].as_str().unwrap());
        assert_eq!(got.len(), points.len(), "{name}");
        for (g, w) in got.iter().zip(points) {
            assert_eq!(g.event, w["event"].as_str().unwrap(), "{name}");
            assert_eq!(g.date.unwrap().to_string(), w["date"].as_str().unwrap(), "{name}");
            assert_eq!(g.n, w["n"].as_u64().unwrap(), "{name}");
            close(g.mean, &w["mean"], &format!("{name} {} mean", g.event));
        }
    }
}

#[test]
fn every_survey_vector() {
    let mut cases = 0;
    let mut files: Vec<_> = std::fs::read_dir(folder()).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let case: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        if case.get("mapping").is_some() {
            run_case(&name, &case);
            cases += 1;
        } else {
            // The pandas reference: checked in full by survey_carpentries.rs.
            assert!(case["computed_by"].as_str().unwrap().contains("pandas"), "{name}: unknown vector shape");
        }
    }
    assert_eq!(cases, 3);
}

#[test]
fn survey_mapping_mistakes_are_named() {
    let table = read_table_bytes(b"A,B\nYes,No\n", "s.csv", SourceKind::Csv, &SourceOptions::default()).unwrap();
    // Settings that contradict each other: refused as the mapping is read, naming the
    // mapping, the key and its place (more in table_bad_input.rs).
    let cases = [
        (r#"evaluation_id = "E"
title = "t"
[scales.yn]
labels = ["Yes", "yes"]
[[questions]]
column = "A"
scale = "yn""#, "m.toml: at scales.yn.labels[1]: scale \"yn\" has the label \"yes\" twice (label 2) at line 4 column 18"),
        (r#"evaluation_id = "E"
title = "t"
scales = {}
[[questions]]
column = "A"
scale = "agree""#, "m.toml: at questions[0].scale: question \"A\" names scale \"agree\", which `scales` does not declare at line 6 column 9"),
        (r#"evaluation_id = "E"
title = "t"
scales = {}
[[questions]]
column = "A"
[[questions]]
column = "B"
id = "A""#, "m.toml: at questions[1].id: question id \"A\" appears twice in `questions` at line 8 column 6"),
    ];
    for (toml, want) in cases {
        assert_eq!(SurveyMapping::from_toml(toml, "m.toml").unwrap_err().to_string(), want);
    }
    // A column the table lacks: known only with the table.
    let toml = r#"evaluation_id = "E"
title = "t"
scales = {}
[[questions]]
column = "C""#;
    let m = SurveyMapping::from_toml(toml, "m.toml").unwrap();
    assert_eq!(
        import_survey(&table, &m).unwrap_err().to_string(),
        "s.csv: the mapping's questions.column names column \"C\", which the table does not have; its columns are: A, B"
    );
    let e = SurveyMapping::from_toml(
        "evaluation_id = \"E\"\ntitle = \"t\"\nkind = \"projects\"\nscales = {}\nquestions = []\n",
        "m.toml",
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "m.toml: kind is \"projects\" but this is read as a \"survey\" mapping");
}

#[test]
fn absurd_numeric_scales_do_not_panic() {
    use kartan::{Answer, Evaluation, Instrument, Question, Response, Scale, Text};
    use rust_decimal::Decimal;
    for (min, max, reverse) in
        [(Decimal::MAX - Decimal::from(5), Decimal::MAX, true), (Decimal::MIN, Decimal::MAX, true)]
    {
        let q = Question {
            id: "Q".into(),
            text: Text::one("en", "q"),
            scale: Scale::Numeric { min, max },
            reverse_coded: reverse,
        };
        let responses = [max, max, min]
            .into_iter()
            .map(|s| Response {
                answers: [("Q".to_owned(), Answer::Score(s))].into_iter().collect(),
                ..Response::default()
            })
            .collect();
        let e = Evaluation {
            id: "E".into(),
            title: Text::new(),
            instrument: Instrument { questions: vec![q] },
            events: vec![],
            plan: None,
            responses,
        };
        let s = &question_stats(&e)[0];
        assert_eq!(s.n, 3);
    }
}
