//! `kartan report` on tables: a project table through its mapping, and a survey table.

use assert_cmd::Command;
use predicates::prelude::*;

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/");
const MAPPINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mappings/");

fn kartan() -> Command {
    Command::cargo_bin("kartan").unwrap()
}

#[test]
fn report_on_the_projektbanken_table_with_a_survey() {
    let out = kartan()
        .args(["report", "--lang", "en", "--as-of", "2016-10-14", "--format", "md"])
        .arg(format!("{REAL}cohesion/se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json"))
        .arg("--mapping")
        .arg(format!("{MAPPINGS}projektbanken.toml"))
        .arg("--survey")
        .arg(format!("{REAL}surveys/carpentries_instructor_training_post_survey_2018.csv"))
        .arg("--survey-mapping")
        .arg(format!("{MAPPINGS}carpentries_post_survey.toml"))
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Norra Mellansverige"), "portfolio section");
    assert!(text.contains("4354438151"), "granted SEK total");
    assert!(text.contains("The training was worth my time."), "evaluation section");
}

#[test]
fn report_names_the_bad_table_place() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("p.csv");
    std::fs::write(&table, "id,title\nP1,A\nP1,B\n").unwrap();
    let mapping = dir.path().join("m.toml");
    std::fs::write(&mapping, "[columns]\nid = \"id\"\ntitle = \"title\"\n").unwrap();
    kartan()
        .args(["report", "--as-of", "2020-01-01"])
        .arg(&table)
        .arg("--mapping")
        .arg(&mapping)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("duplicate project id \"P1\" in row 2 and row 3"));
    // A survey table needs its mapping.
    kartan().args(["report", "--survey"]).arg(&table).assert().code(2);
}
