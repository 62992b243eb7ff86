//! Money vectors (`tests/vectors/money/`): each case a kartan JSON portfolio, an optional
//! rate table (CSV text and its file name), and the expected rows and diagnostics of
//! `kartan::analysis::money::money_table` for one or more groupings, with and without
//! the rates, plus the money codes `validate` gives (`spending-over-budget`,
//! `spending-outside-dates`, `commitment-without-budget`; the list is complete for these
//! codes). `rate_tables_refused.json` lists rate tables that must be refused, with the
//! error. The Python (`bindings-python/tests/test_vectors_money.py`) and JS
//! (`bindings-wasm/tests/vectors.test.mjs`) suites check the same files.

use std::path::PathBuf;

use kartan::analysis::money::{money_table, GroupBy, RateTable};
use serde_json::{json, Value};

const MONEY_CODES: [&str; 3] = ["spending-over-budget", "spending-outside-dates", "commitment-without-budget"];

fn cases() -> Vec<(String, Value)> {
    let folder = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/money"));
    let mut files: Vec<_> = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap())
        })
        .collect()
}

#[test]
fn every_money_vector() {
    let cases = cases();
    // The seven cases of issue 15 and the refusals.
    assert!(cases.len() >= 8, "{} cases", cases.len());
    let mut checked = 0;
    for (name, case) in cases.iter().filter(|(_, c)| c.get("portfolio").is_some()) {
        let portfolio = kartan::io::json::from_str(&case["portfolio"].to_string()).unwrap();
        let rates = case
            .get("rates")
            .map(|r| RateTable::from_csv(r["file"].as_str().unwrap(), r["csv"].as_str().unwrap().as_bytes()).unwrap());
        let expected = case["expected"]["money"].as_array().unwrap();
        assert!(!expected.is_empty(), "{name}: no table checked");
        for want in expected {
            let by: GroupBy = want["by"].as_str().unwrap().parse().unwrap();
            let with_rates = want["rates"].as_bool().unwrap();
            assert!(!with_rates || rates.is_some(), "{name}: the case has no rate table");
            let got = money_table(&portfolio, by, if with_rates { rates.as_ref() } else { None });
            got.table.check().unwrap();
            let table = serde_json::to_value(&got.table).unwrap();
            assert_eq!(table["name"], "money");
            let columns: Vec<Value> =
                table["columns"].as_array().unwrap().iter().map(|c| json!([c["name"], c["dtype"]])).collect();
            assert_eq!(Value::Array(columns), want["columns"], "{name} by {by}: columns");
            assert_eq!(table["rows"], want["rows"], "{name} by {by}, rates {with_rates}: rows; got {}", table["rows"]);
            let diagnostics: Vec<Value> =
                got.diagnostics.iter().map(|d| json!([d.severity.to_string(), d.code, d.path, d.message])).collect();
            assert_eq!(Value::Array(diagnostics), want["diagnostics"], "{name} by {by}: diagnostics");
            checked += 1;
        }
        let as_of = case["as_of"].as_str().unwrap().parse().unwrap();
        let flags: Vec<Value> = kartan::analysis::validate(&portfolio, as_of)
            .into_iter()
            .filter(|d| MONEY_CODES.contains(&d.code.as_str()))
            .map(|d| json!([d.code, d.path]))
            .collect();
        assert_eq!(Value::Array(flags), case["expected"]["validate"], "{name}: validate's money codes");
    }
    assert!(checked >= 7);
}

#[test]
fn refused_rate_tables_name_file_line_and_column() {
    let cases = cases();
    let (_, case) = cases.iter().find(|(n, _)| n == "rate_tables_refused.json").unwrap();
    let file = case["file"].as_str().unwrap();
    let refused = case["refused"].as_array().unwrap();
    assert!(refused.len() >= 8);
    for r in refused {
        let csv = r["csv"].as_str().unwrap();
        let err = RateTable::from_csv(file, csv.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), r["error"].as_str().unwrap(), "{csv:?}");
        assert_eq!(err.file, file);
    }
}
