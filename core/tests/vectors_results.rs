//! Runs every shared results vector in `tests/vectors/results/` (DESIGN.md rules 1-6).
//!
//! Each file is `{ "description", "rule", "portfolio", "query", "expected" }`:
//! - `portfolio`: a complete kartan JSON portfolio;
//! - `query`: `{"kind": "period_values", "indicator": ID}`,
//!   `{"kind": "progress", "indicator": ID, "as_of": DATE, "band"?: DECIMAL}` or
//!   `{"kind": "rollup", "indicator": ID, "periods": "yearly" | "half_yearly" |
//!   "quarterly" | "monthly" | {"explicit": [[START, END], …]}}`;
//! - `expected`: either `{"error": CODE}` (`ResultsError::code`), or a JSON pattern the
//!   serialised answer must match: every key of an expected object must match (a
//!   missing key matches `null`), arrays must have the same length and match element
//!   by element, and two strings that are both decimals match when they are equal as
//!   numbers (`"0.50"` matches `"0.5"`).
//!
//! A file that cannot be read or run fails the suite.

use std::path::Path;

use chrono::NaiveDate;
use kartan::analysis::results::{Band, Periods, ResultsError, ResultsIndex};
use serde_json::Value;

fn run_query(portfolio: &kartan::Portfolio, query: &Value) -> Result<Result<Value, ResultsError>, String> {
    let text =
        |k: &str| query.get(k).and_then(Value::as_str).ok_or_else(|| format!("query.{k} missing or not a string"));
    let indicator = text("indicator")?;
    let kind = text("kind")?;
    let to_json = |v: serde_json::Result<Value>| v.map_err(|e| e.to_string());
    // The query chain: one index, the indicator, then the question.
    let index = ResultsIndex::new(portfolio);
    let query_of = || index.indicator(indicator);
    Ok(match kind {
        "period_values" => match query_of().and_then(|q| q.values()) {
            Ok(v) => Ok(to_json(serde_json::to_value(v))?),
            Err(e) => Err(e),
        },
        "progress" => {
            let as_of: NaiveDate = text("as_of")?.parse().map_err(|e| format!("query.as_of: {e}"))?;
            let band = match query.get("band").and_then(Value::as_str) {
                Some(b) => {
                    Band::new(kartan::parse_decimal(b).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?
                }
                None => Band::default(),
            };
            match query_of().and_then(|q| q.band(band).progress(as_of)) {
                Ok(v) => Ok(to_json(serde_json::to_value(v))?),
                Err(e) => Err(e),
            }
        }
        "rollup" => {
            let periods: Periods = serde_json::from_value(query.get("periods").cloned().unwrap_or(Value::Null))
                .map_err(|e| format!("query.periods: {e}"))?;
            match query_of().and_then(|q| q.rollup(&periods)) {
                Ok(v) => Ok(to_json(serde_json::to_value(v))?),
                Err(e) => Err(e),
            }
        }
        other => return Err(format!("unknown query kind {other:?}")),
    })
}

fn matches(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    let mismatch = || Err(format!("at {path}: expected {expected}, got {actual}"));
    match (expected, actual) {
        (Value::Null, Value::Null) => Ok(()),
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                matches(v, a.get(k).unwrap_or(&Value::Null), &format!("{path}/{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!("at {path}: expected {} items, got {}: {actual}", e.len(), a.len()));
            }
            e.iter().zip(a).enumerate().try_for_each(|(i, (e, a))| matches(e, a, &format!("{path}/{i}")))
        }
        (Value::String(e), Value::String(a)) if e == a => Ok(()),
        (Value::String(e), Value::String(a)) => match (kartan::parse_decimal(e), kartan::parse_decimal(a)) {
            (Ok(x), Ok(y)) if x == y => Ok(()),
            _ => mismatch(),
        },
        (e, a) if e == a => Ok(()),
        _ => mismatch(),
    }
}

fn run_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let case: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    for key in ["description", "rule", "portfolio", "query", "expected"] {
        if case.get(key).is_none() {
            return Err(format!("missing {key:?}"));
        }
    }
    let portfolio =
        kartan::io::json::from_str(&case["portfolio"].to_string()).map_err(|e| format!("portfolio: {e}"))?;
    let expected = &case["expected"];
    match (run_query(&portfolio, &case["query"])?, expected.get("error")) {
        (Err(e), Some(code)) if code.as_str() == Some(e.code()) => Ok(()),
        (Err(e), _) => Err(format!("unexpected error {}: {e}", e.code())),
        (Ok(v), Some(code)) => Err(format!("expected error {code}, got {v}")),
        (Ok(v), None) => matches(expected, &v, ""),
    }
}

#[test]
fn every_results_vector_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/results");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/vectors/results exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "expected the results vectors, found {}", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            run_file(f).err().map(|e| format!("{}: {e}", f.file_name().unwrap_or_default().to_string_lossy()))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} vectors failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}

#[test]
fn every_rule_has_a_vector() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/results");
    let mut rules = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        rules.extend(case["rule"].as_array().unwrap().iter().map(|r| r.as_u64().unwrap()));
    }
    assert!((1..=6).all(|r| rules.contains(&r)), "rules covered: {rules:?}");
}
