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
    assert!(text.contains("| The projects | SEK | 4,354,438,151 | 374 |"), "granted SEK total, grouped");
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

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/tables14/");

#[test]
fn a_table_that_loses_values_is_invalid_and_exits_1() {
    let table = format!("{DATA}thousands_dot.csv");
    let mapping = format!("{DATA}thousands_dot.toml");
    // validate and convert take --mapping; the lost amounts are errors.
    let out = kartan()
        .args(["validate", "--as-of", "2024-01-01", &table, "--mapping", &mapping])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("2 in column \"amount\" (columns.budget, values lost)"));
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("table import: 3 records read (4 lines), 3 imported, 2 rows or cells skipped"), "{text}");
    assert!(text.contains("error [table-skipped-column]"), "{text}");
    assert!(text.contains("invalid (3 errors"), "{text}");
    kartan().args(["convert", &table, "--mapping", &mapping, "--to", "json"]).assert().code(1);
    // The report says beside the total what it misses.
    kartan()
        .args(["report", "--lang", "en", "--as-of", "2024-01-01", &table, "--mapping", &mapping])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("500 (from 1 of 3 projects; 2 amounts unreadable)"));
    // Without a mapping, a table is named as one.
    kartan()
        .args(["validate", &table])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is read through a column mapping: give one (`--mapping"));
}

#[test]
fn a_survey_alone_is_its_own_portfolio() {
    let survey = format!("{DATA}survey_events.csv");
    let mapping = format!("{DATA}survey_events.toml");
    kartan()
        .args(["report", "--lang", "en", "--as-of", "2024-01-01", "--survey", &survey, "--survey-mapping", &mapping])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Learning report: Post-workshop survey"));
    kartan()
        .args(["validate", "--as-of", "2024-01-01", "--survey", &survey, "--survey-mapping", &mapping])
        .assert()
        .success();
}
