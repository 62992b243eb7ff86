//! IATI import reports of real files against their TypeScript shape (see `common`).
#![cfg(all(not(target_arch = "wasm32"), feature = "iati"))]

mod common;

use std::path::Path;

use kartan_wasm::views;
use serde_json::Value;

use common::same_shape;

#[test]
fn import_report_mirror_matches_the_core() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/iati");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let Some(input) = case["input"].as_str() else { continue };
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/real").join(input);
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (_, report) = kartan::io::iati::from_slice(&bytes, &kartan::io::iati::ImportOptions::new()).unwrap();
        same_shape::<views::ImportReport>(&report, input);
        checked += 1;
    }
    assert!(checked >= 1);
}
