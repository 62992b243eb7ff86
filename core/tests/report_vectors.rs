//! Shared report vectors: every file in `tests/vectors/report/` is a portfolio, report
//! options and the expected report (section ids and titles, tables, notices, lists).
//! The Python and JS suites load the same files.

use std::path::Path;

use kartan::learning_report::{build, to_json, Block, LearningReport, ReportOptions};
use serde_json::Value;

fn section<'a>(report: &'a LearningReport, id: &str) -> &'a kartan::learning_report::Section {
    report.section(id).unwrap_or_else(|| panic!("no section {id}"))
}

fn check(name: &str, case: &Value) {
    let portfolio = kartan::io::json::from_str(&case["input"].to_string()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let lang = case["options"]["lang"].as_str().unwrap();
    let as_of = case["options"]["as_of"].as_str().unwrap().parse().unwrap();
    let report = build(&portfolio, &ReportOptions::new(lang, as_of));
    let expected = &case["expected"];
    assert_eq!(report.title, expected["title"], "{name}: title");
    let ids: Vec<&str> = report.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(serde_json::json!(ids), expected["section_ids"], "{name}: section ids");
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(serde_json::json!(titles), expected["section_titles"], "{name}: section titles");
    for notice in expected["notices"].as_array().unwrap() {
        let s = section(&report, notice["section"].as_str().unwrap());
        let found = s
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Notice { text, .. } if text == notice["text"].as_str().unwrap()));
        assert!(found, "{name}: notice {notice} not in section {}", s.id);
    }
    for table in expected["tables"].as_array().unwrap() {
        let s = section(&report, table["section"].as_str().unwrap());
        let found = s.blocks.iter().any(|b| match b {
            Block::Table(t) => {
                serde_json::json!(t.columns) == table["columns"] && serde_json::json!(t.rows) == table["rows"]
            }
            _ => false,
        });
        assert!(found, "{name}: table {table} not in section {}: {:#?}", s.id, s.blocks);
    }
    for list in expected["lists"].as_array().unwrap() {
        let s = section(&report, list["section"].as_str().unwrap());
        let found = s
            .blocks
            .iter()
            .any(|b| matches!(b, Block::List { items, .. } if serde_json::json!(items) == list["items"]));
        assert!(found, "{name}: list {list} not in section {}", s.id);
    }
    // The JSON form carries the same document.
    let back: LearningReport = serde_json::from_str(&to_json(&report)).unwrap();
    assert_eq!(back, report, "{name}: JSON round trip");
}

#[test]
fn every_report_vector_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/report");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            check(&path.display().to_string(), &case);
            count += 1;
        }
    }
    assert!(count >= 2, "expected the report vectors in {}", dir.display());
}
