//! `kartan money`: the money vectors' tables as CSV, the missing rate (exit 1, one line
//! each on standard error), a refused rate table and an unknown grouping (exit 2).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/money/");

fn kartan() -> Command {
    Command::cargo_bin("kartan").unwrap()
}

/// The case's portfolio and rate table written to `dir`.
fn case(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let case: Value = serde_json::from_slice(&std::fs::read(format!("{VECTORS}{name}")).unwrap()).unwrap();
    let file = dir.join("portfolio.json");
    std::fs::write(&file, case["portfolio"].to_string()).unwrap();
    let rates = dir.join("rates.csv");
    std::fs::write(&rates, case["rates"]["csv"].as_str().unwrap_or("")).unwrap();
    (file, rates)
}

#[test]
fn converted_on_the_value_date_and_per_currency() {
    let dir = tempfile::tempdir().unwrap();
    let (file, rates) = case(dir.path(), "conversion_on_value_date.json");
    let header =
        "program,currency,budget,planned_disbursements,committed,spent,remaining,absorption,transactions,unconverted\n";
    kartan()
        .args(["money", "--by", "program", "--rates"])
        .arg(&rates)
        .arg(&file)
        .assert()
        .success()
        .stdout(format!("{header}PRG,SEK,2100,,1000,480,1620,0.2285714285714285714285714286,5,0\n"));
    // Without rates: one row per currency, never added.
    kartan()
        .args(["money", "--by", "program"])
        .arg(&file)
        .assert()
        .success()
        .stdout(format!("{header}PRG,EUR,100,,,20,80,0.2,2,\nPRG,SEK,1000,,,200,800,0.2,1,\nPRG,USD,,,100,5,,,2,\n"));
}

#[test]
fn a_missing_rate_is_an_empty_figure_a_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let (file, rates) = case(dir.path(), "missing_rate.json");
    let out = kartan().args(["money", "--rates"]).arg(&rates).arg(&file).assert().code(1).stdout(
        "project,currency,budget,planned_disbursements,committed,spent,remaining,absorption,transactions,unconverted\n\
         K-1,SEK,1000,,,,,,2,1\nK-2,SEK,,,,110,,,1,1\nK-3,SEK,,,,,,,1,1\n",
    );
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(
        err.contains("warning [missing-rate] at /projects/0/transactions/1: no rate for USD on 2024-03-02"),
        "{err}"
    );
}

#[test]
fn a_bad_rate_table_and_an_unknown_group_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (file, rates) = case(dir.path(), "absorption.json");
    std::fs::write(&rates, "date,currency,rate_to_SEK\n2024-01-01,EUR,11\n2024-02-30,EUR,12\n").unwrap();
    kartan().args(["money", "--rates"]).arg(&rates).arg(&file).assert().code(2).stderr(format!(
        "kartan: {}:3: column 1 (date): \"2024-02-30\" is not a date, expected YYYY-MM-DD\n",
        rates.display()
    ));
    kartan()
        .args(["money", "--by", "sector"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot group money by \"sector\""));
}
