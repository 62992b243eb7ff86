//! The real survey: The Carpentries instructor-training post-survey (967 responses),
//! read through `examples/mappings/carpentries_post_survey.toml` and checked against
//! the independent pandas computation in `tests/reference/carpentries_reference.py`
//! (`tests/vectors/survey/carpentries_expected.json`): counts exactly, means, medians,
//! standard deviations (sample, n − 1) and top-two-box shares to 2 decimals.

use kartan::analysis::survey::{by_event, question_stats, trend, QuestionStats};
use kartan::io::table::{import_survey, read_table, SurveyMapping};
use rust_decimal::Decimal;
use serde_json::Value;

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/data/real/surveys/carpentries_instructor_training_post_survey_2018.csv"
);
const MAPPING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mappings/carpentries_post_survey.toml");
const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/survey/carpentries_expected.json");

/// Both sides rounded to 2 decimals (half away from zero) must agree.
fn two_dp(got: Option<Decimal>, want: &Value, what: &str) {
    match (got, want.as_f64()) {
        (None, None) => {}
        (Some(g), Some(w)) => {
            let w: Decimal = format!("{w:.10}").parse().unwrap();
            let r = |d: Decimal| d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            assert_eq!(r(g), r(w), "{what}: got {g}, want {w}");
        }
        (g, _) => panic!("{what}: got {g:?}, want {want}"),
    }
}

fn load() -> (kartan::Evaluation, kartan::io::table::TableImportReport) {
    let mapping = SurveyMapping::load(MAPPING).unwrap();
    let table = read_table(DATA, &mapping.source).unwrap();
    let import = import_survey(&table, &mapping).unwrap();
    (import.evaluation, import.report)
}

fn expected() -> Value {
    serde_json::from_slice(&std::fs::read(EXPECTED).unwrap()).unwrap()
}

fn check(got: &QuestionStats, want: &Value, what: &str) {
    assert_eq!(got.n, want["n"].as_u64().unwrap(), "{what} n");
    two_dp(got.mean, &want["mean"], &format!("{what} mean"));
    two_dp(got.top_two_box, &want["top_two_box"], &format!("{what} top_two_box"));
}

#[test]
fn import_reads_every_row_and_skips_nothing() {
    let (eval, report) = load();
    let exp = expected();
    assert_eq!(report.rows_read, 967);
    assert_eq!(report.rows_imported, 967);
    assert!(report.skipped.is_empty(), "{:?}", &report.skipped[..report.skipped.len().min(5)]);
    assert_eq!(eval.responses.len() as u64, exp["rows"].as_u64().unwrap());
    assert_eq!(eval.instrument.questions.len(), 12);
    let with_event = eval.responses.iter().filter(|r| r.event.is_some()).count() as u64;
    assert_eq!(with_event, exp["responses_with_event"].as_u64().unwrap());
    assert_eq!(with_event, 787); // 967 − 129 "not listed" − 51 blank
    assert_eq!(eval.events.len() as u64, exp["event_count"].as_u64().unwrap());
    assert_eq!(eval.events.len(), 80);
}

#[test]
fn per_question_figures_match_pandas() {
    let (eval, _) = load();
    let exp = expected();
    let stats = question_stats(&eval);
    let wanted = exp["questions"].as_array().unwrap();
    assert_eq!(stats.len(), wanted.len());
    for (got, want) in stats.iter().zip(wanted) {
        let what = want["question"].as_str().unwrap();
        assert_eq!(got.question, what);
        check(got, want, what);
        assert_eq!(got.responses, want["responses"].as_u64().unwrap(), "{what}");
        assert_eq!(got.missing, want["missing"].as_u64().unwrap(), "{what} missing");
        assert_eq!(got.not_applicable, 0, "{what}");
        two_dp(got.median, &want["median"], &format!("{what} median"));
        two_dp(got.sd, &want["sd"], &format!("{what} sd"));
        let dist: Vec<u64> =
            want["distribution"].as_array().unwrap().iter().map(|d| d["count"].as_u64().unwrap()).collect();
        assert_eq!(got.distribution.iter().map(|d| d.count).collect::<Vec<_>>(), dist, "{what} distribution");
    }
    // Spot values, written out so a reader sees them: "Worth" (Likert 1-5) and the
    // 0-10 likely-to-recommend score.
    let worth = stats.iter().find(|s| s.question == "Worth").unwrap();
    assert_eq!((worth.n, worth.missing), (904, 63));
    assert_eq!(worth.mean.unwrap().round_dp(2).to_string(), "4.38");
    let ltr = stats.iter().find(|s| s.question == "LikelyToRecommend").unwrap();
    assert_eq!((ltr.n, ltr.missing), (889, 78));
    assert_eq!(ltr.mean.unwrap().round_dp(2).to_string(), "8.60");
    assert_eq!(ltr.sd.unwrap().round_dp(2).to_string(), "1.55");
    assert_eq!(ltr.distribution.len(), 11);
    let recommend = stats.iter().find(|s| s.question == "Recommend").unwrap();
    assert_eq!((recommend.n, recommend.missing), (667, 300));
}

#[test]
fn per_event_figures_and_trend_match_pandas() {
    let (eval, _) = load();
    let exp = expected();
    let events = by_event(&eval, &[]);
    let wanted = exp["events"].as_array().unwrap();
    assert_eq!(events.len(), wanted.len());
    for (got, want) in events.iter().zip(wanted) {
        let name = want["event"].as_str().unwrap();
        assert_eq!(got.event, name, "events in date order");
        assert_eq!(got.date.unwrap().to_string(), want["date"].as_str().unwrap(), "{name}");
        assert_eq!(got.responses, want["responses"].as_u64().unwrap(), "{name}");
        for q in &got.questions {
            check(q, &want["questions"][&q.question], &format!("{name} / {}", q.question));
        }
    }
    for (question, points) in exp["trends"].as_object().unwrap() {
        let got = trend(&eval, &[], question);
        let points = points.as_array().unwrap();
        assert_eq!(got.len(), points.len());
        for (g, w) in got.iter().zip(points) {
            assert_eq!(g.event, w["event"].as_str().unwrap());
            assert_eq!(g.n, w["n"].as_u64().unwrap());
            two_dp(g.mean, &w["mean"], &format!("trend {question} {}", g.event));
        }
    }
}

#[test]
fn tables_out_are_typed_and_csv_safe() {
    use kartan::analysis::survey::{distribution_table, events_table, questions_table, trend_table};
    let (eval, _) = load();
    let stats = question_stats(&eval);
    let q = questions_table(&stats, "en");
    q.check().unwrap();
    assert_eq!(q.rows.len(), 12);
    let d = distribution_table(&stats);
    d.check().unwrap();
    assert_eq!(d.rows.len(), 11 * 5 + 11);
    let e = events_table(&by_event(&eval, &[]));
    e.check().unwrap();
    assert_eq!(e.rows.len(), 80 * 12);
    let t = trend_table(&trend(&eval, &[], "Worth"));
    t.check().unwrap();
    assert_eq!(t.rows.len(), 80);
    // Event names from the file pass through the CSV guard; none starts a formula here,
    // and the header is as declared.
    let csv = t.to_csv();
    assert!(csv.starts_with("event,date,n,mean,top_two_box\n"));
    assert_eq!(csv.lines().count(), 81);
}

#[test]
fn chart_specs_are_vega_lite_v6() {
    use kartan::analysis::survey::{distribution_chart, trend_chart};
    let (eval, _) = load();
    let stats = question_stats(&eval);
    let d = distribution_chart(&stats, "en");
    assert_eq!(d["$schema"], "https://vega.github.io/schema/vega-lite/v6.json");
    assert_eq!(d["data"]["values"].as_array().unwrap().len(), 66);
    assert_eq!(
        d["data"]["values"][0]["question"],
        "I received the information I needed in a reasonable time before the training. (n = 907)"
    );
    assert_eq!(d["spec"]["encoding"]["x"]["stack"], "normalize");
    assert_eq!(d["data"]["values"][0]["scale"], "Strongly Disagree … Strongly Agree");
    let t = trend_chart(&trend(&eval, &[], "Worth"), "The training was worth my time.");
    let values = t["data"]["values"].as_array().unwrap();
    assert_eq!(values.len(), 80);
    assert_eq!(values[0]["event"], "Online - June 8-9th 2016");
    assert_eq!(values[0]["date"], "2016-06-09");
    assert_eq!(t["encoding"]["x"]["type"], "temporal");
    assert_eq!(t["layer"][1]["encoding"]["size"]["field"], "n");
}

#[test]
fn series_chart_has_every_scored_question_per_dated_event() {
    let (eval, _) = load();
    let spec = kartan::analysis::survey::series_chart(&by_event(&eval, &[]), "en");
    let values = spec["data"]["values"].as_array().unwrap();
    // 80 events × 12 questions, less the question/event pairs with no valid answer.
    let events = by_event(&eval, &[]);
    let expected = events.iter().flat_map(|e| &e.questions).filter(|q| q.n > 0).count();
    assert_eq!(values.len(), expected);
    assert_eq!(spec["spec"]["layer"][1]["encoding"]["size"]["field"], "n");
    assert_eq!(spec["facet"]["row"]["field"], "scale");
}
