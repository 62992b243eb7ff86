//! Helpers of the native mirror tests (`mirror_*.rs`): the TypeScript shapes of the
//! core's answers (`kartan_wasm::views`) must read back exactly what the core writes.
#![allow(dead_code)]

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Serialises `core`, reads it into the mirror `M` (unknown fields refused), writes it
/// again and checks that the two JSON values are equal.
pub fn same_shape<M: DeserializeOwned + Serialize>(core: &impl Serialize, what: &str) {
    let written = serde_json::to_value(core).unwrap();
    let mirror: M = serde_json::from_value(written.clone()).unwrap_or_else(|e| panic!("{what}: {e}\n{written:#}"));
    assert_eq!(serde_json::to_value(&mirror).unwrap(), written, "{what}");
}

/// The kartan JSON portfolios of the shared vectors in `tests/vectors/<area>/`.
pub fn vector_portfolios(area: &str) -> Vec<(String, kartan::Portfolio)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors").join(area);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue; // e.g. the folder's README.md
        }
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let portfolio = case.get("portfolio").or_else(|| case.get("input")).unwrap();
        if portfolio.is_object() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, kartan::io::json::from_str(&portfolio.to_string()).unwrap()));
        }
    }
    assert!(!out.is_empty(), "no vectors in {area}");
    out
}
