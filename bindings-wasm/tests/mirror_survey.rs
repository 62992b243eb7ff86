//! Survey statistics and table import reports against their TypeScript shape (see
//! `common`): the shared survey vectors, the real Carpentries survey, Projektbanken.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use kartan::io::table;
use kartan_wasm::{views, SurveyAnswer};
use serde_json::Value;

use common::same_shape;

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

#[test]
fn survey_mirror_matches_the_core() {
    let mut checked = 0;
    for entry in std::fs::read_dir(repo("tests/vectors/survey")).unwrap() {
        let path = entry.unwrap().path();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(csv) = case["csv"].as_str() else { continue };
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (evaluation, report) =
            table::evaluation_from_bytes(csv.as_bytes(), "s.csv", &case["mapping"].to_string(), "m.json").unwrap();
        for trend in [None, case["trend_question"].as_str(), Some("no such question")] {
            same_shape::<views::Survey>(&SurveyAnswer::new(&evaluation, &[], trend), &name);
        }
        same_shape::<views::TableImportReport>(&report, &name);
        checked += 1;
    }
    assert_eq!(checked, 3);
    let csv = std::fs::read(repo("../shared/data/real/surveys/carpentries_instructor_training_post_survey_2018.csv"))
        .unwrap();
    let mapping = std::fs::read_to_string(repo("examples/mappings/carpentries_post_survey.toml")).unwrap();
    let (evaluation, report) = table::evaluation_from_bytes(&csv, "c.csv", &mapping, "m.toml").unwrap();
    same_shape::<views::Survey>(&SurveyAnswer::new(&evaluation, &[], Some("Worth")), "carpentries");
    same_shape::<views::TableImportReport>(&report, "carpentries");
}

#[test]
fn table_report_mirror_matches_the_core_with_skips() {
    let mapping = "[columns]\nid = \"id\"\ntitle = \"name\"\nbudget = \"budget\"\ncurrency = { value = \"SEK\" }\n";
    let csv = "id,name,budget\nP1,a,12\nP2,b,1\u{a0}000\n,c,3\n";
    let (portfolio, report) = table::portfolio_from_bytes(csv.as_bytes(), "t.csv", mapping, "m.toml").unwrap();
    assert_eq!(portfolio.projects.len(), 2);
    assert!(!report.skipped.is_empty(), "{report:?}");
    same_shape::<views::TableImportReport>(&report, "skips");
    let json = std::fs::read(repo("../shared/data/real/cohesion/se_interreg_swedish_partners_2021-2027.json")).unwrap();
    let mapping = std::fs::read_to_string(repo("examples/mappings/interreg_partners.toml")).unwrap();
    let (_, report) = table::portfolio_from_bytes(&json, "interreg.json", &mapping, "interreg.toml").unwrap();
    same_shape::<views::TableImportReport>(&report, "interreg");
}
