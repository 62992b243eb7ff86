//! Runs the shared table-import vectors in `tests/vectors/table_import/` (issue 14,
//! Tables; DESIGN.md rules 7 and 8): each case is a table and its project mapping, and
//! says what the import read, what it lost per mapping field, and the budget totals of
//! what it read (or the error of a refused import). Python and JS check the same files.

use std::collections::BTreeMap;
use std::path::PathBuf;

use kartan::io::table::portfolio_from_bytes;
use rust_decimal::Decimal;
use serde_json::Value;

fn files() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/table_import"));
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_table_import_vector() {
    let mut ran = 0;
    for file in files() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let name = case["name"].as_str().unwrap();
            let table = case["table"].as_str().unwrap();
            let table_name = case["table_name"].as_str().unwrap();
            let mapping = case["mapping"].as_str().unwrap();
            let expected = &case["expected"];
            let result = portfolio_from_bytes(table.as_bytes(), table_name, mapping, "mapping.toml");
            if let Some(message) = expected["error_contains"].as_str() {
                let e = result.expect_err(name);
                assert!(e.to_string().contains(message), "{name}: {e}");
                ran += 1;
                continue;
            }
            let (portfolio, report) = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(report.rows_read as u64, expected["rows_read"].as_u64().unwrap(), "{name}");
            assert_eq!(report.rows_imported as u64, expected["rows_imported"].as_u64().unwrap(), "{name}");
            assert_eq!(portfolio.projects.len() as u64, expected["projects"].as_u64().unwrap(), "{name}");
            assert_eq!(
                report.duplicates_dropped as u64,
                expected.get("duplicates_dropped").and_then(Value::as_u64).unwrap_or(0),
                "{name}"
            );
            let mut lost: BTreeMap<String, u64> = BTreeMap::new();
            for s in &report.skipped {
                *lost.entry(s.field.clone().expect("every skip here loses a mapped value")).or_default() += 1;
            }
            let want: BTreeMap<String, u64> = serde_json::from_value(expected["lost"].clone()).unwrap();
            assert_eq!(lost, want, "{name}");
            // Each lost value is an error diagnostic.
            let errors = report
                .diagnostics()
                .iter()
                .filter(|d| d.code == "table-skip" && d.severity == kartan::Severity::Error)
                .count();
            assert_eq!(errors as u64, want.values().sum::<u64>().min(5), "{name}");
            let mut totals: BTreeMap<String, Decimal> = BTreeMap::new();
            for b in portfolio.projects.iter().flat_map(|p| &p.budgets) {
                *totals.entry(b.value.currency.clone()).or_default() += b.value.amount;
            }
            let totals: BTreeMap<String, String> =
                totals.into_iter().map(|(c, a)| (c, a.normalize().to_string())).collect();
            let want: BTreeMap<String, String> = serde_json::from_value(expected["budget_totals"].clone()).unwrap();
            assert_eq!(totals, want, "{name}");
            for part in expected["reasons_contain"].as_array().unwrap() {
                let part = part.as_str().unwrap();
                assert!(report.skipped.iter().any(|s| s.reason.contains(part)), "{name}: no reason with {part:?}");
            }
            ran += 1;
        }
    }
    assert!(ran >= 8, "ran {ran} cases");
}
