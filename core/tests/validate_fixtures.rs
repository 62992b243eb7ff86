//! Bad input: every portfolio in `tests/data/bad/*.json` reads fine as kartan JSON but
//! does not validate. Its exact diagnostics (code, severity, pointer, message) are in
//! `tests/data/bad/expected/<name>.json`; every fixture has one and every expectation has
//! a fixture. The same fixtures serve the CLI tests (exit code 1: each has an error).
//!
//! After a deliberate change to a check: `KARTAN_UPDATE_FIXTURES=1 cargo test -p kartan
//! --test validate_fixtures`, then review the diff of `tests/data/bad/expected/`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kartan::analysis::validate;
use kartan::{Diagnostic, Severity};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/bad")
}

fn names(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

fn diagnostics(name: &str) -> Vec<Diagnostic> {
    let path = folder().join(format!("{name}.json"));
    let portfolio = kartan::io::load(&path).unwrap_or_else(|e| panic!("{e}"));
    // The fixtures hold no date after 2013, so any as_of from 2014 on gives the same list.
    let early = validate(&portfolio, NaiveDate::from_ymd_opt(2014, 1, 1).unwrap());
    let late = validate(&portfolio, NaiveDate::from_ymd_opt(2100, 1, 1).unwrap());
    assert_eq!(early, late, "{name}: diagnostics depend on as_of");
    early
}

#[test]
fn every_fixture_has_its_exact_diagnostics() {
    let fixtures = names(&folder());
    assert!(fixtures.len() >= 8, "{fixtures:?}");
    if std::env::var_os("KARTAN_UPDATE_FIXTURES").is_some() {
        for name in &fixtures {
            let file = folder().join("expected").join(format!("{name}.json"));
            fs::write(&file, serde_json::to_string_pretty(&diagnostics(name)).unwrap() + "\n").unwrap();
        }
    }
    let expected = names(&folder().join("expected"));
    assert_eq!(fixtures, expected, "every fixture needs an expectation and vice versa");
    for name in &fixtures {
        let got = diagnostics(name);
        let file = folder().join("expected").join(format!("{name}.json"));
        let want: Vec<Diagnostic> = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(got, want, "{name}: diagnostics differ from {}", file.display());
        assert!(got.iter().any(|d| d.severity == Severity::Error), "{name}: a bad fixture needs an error");
    }
}

/// Each fixture is named after the code it is about; that code is among its errors or
/// warnings.
#[test]
fn fixture_names_its_main_code() {
    for (name, code) in [
        ("duplicate-id", "duplicate-id"),
        ("dangling-reference", "dangling-reference"),
        ("cycle", "project-cycle"),
        ("cycle", "contributor-cycle"),
        ("end-before-start", "end-before-start"),
        ("mixed-currencies", "mixed-currencies"),
        ("percentages", "inconsistent-percentage"),
        ("evaluation", "score-out-of-scale"),
        ("empty-text", "empty-text"),
    ] {
        assert!(diagnostics(name).iter().any(|d| d.code == code), "{name} lacks {code}");
    }
}
