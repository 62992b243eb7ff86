//! Loads every case in `tests/vectors/json/`: kartan JSON inputs (valid and broken) and
//! what the reader must say about them. The Python and JS suites load the same files.

use std::path::Path;

use kartan::io::json::{from_slice, JsonError};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/json");

fn input(case: &Value) -> Vec<u8> {
    if let Some(bytes) = case.get("input_bytes") {
        let bytes = bytes.as_array().expect("input_bytes is an array");
        bytes.iter().map(|b| u8::try_from(b.as_u64().expect("a byte")).expect("0-255")).collect()
    } else {
        case["input"].as_str().expect("input is a string").as_bytes().to_vec()
    }
}

fn check(name: &str, case: &Value) {
    let expected = &case["expected"];
    let result = from_slice(&input(case));
    if expected.get("ok").is_some() {
        let portfolio = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(Some(portfolio.projects.len() as u64), expected["projects"].as_u64(), "{name}");
        return;
    }
    let err = result.err().unwrap_or_else(|| panic!("{name}: expected an error"));
    let (kind, line, column, pointer) = match &err {
        JsonError::NotUtf8 { line, .. } => ("not_utf8", Some(*line), None, None),
        JsonError::Syntax { line, column, .. } => ("syntax", Some(*line), Some(*column), None),
        JsonError::Data { pointer, line, column, .. } => ("data", Some(*line), Some(*column), Some(pointer.as_str())),
        JsonError::Format { .. } => ("format", None, None, Some("/format")),
        other => panic!("{name}: unexpected error kind {other:?}"),
    };
    assert_eq!(Some(kind), expected["error"].as_str(), "{name}: {err}");
    if let Some(l) = expected.get("line") {
        assert_eq!(line.map(|l| l as u64), l.as_u64(), "{name}: line");
    }
    if let Some(c) = expected.get("column") {
        assert_eq!(column.map(|c| c as u64), c.as_u64(), "{name}: column");
    }
    if let Some(p) = expected.get("pointer") {
        assert_eq!(pointer, p.as_str(), "{name}: pointer");
    }
    if let Some(o) = expected.get("offset") {
        assert!(
            matches!(err, JsonError::NotUtf8 { offset, .. } if Some(offset as u64) == o.as_u64()),
            "{name}: offset"
        );
    }
    let fragment = expected["message_contains"].as_str().expect("message_contains");
    assert!(err.to_string().contains(fragment), "{name}: {err} lacks {fragment:?}");
}

#[test]
fn every_json_vector() {
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(Path::new(DIR)).expect("tests/vectors/json").flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("a JSON vector");
        check(&path.display().to_string(), &case);
        count += 1;
    }
    assert!(count >= 10, "only {count} vectors in {DIR}");
}
