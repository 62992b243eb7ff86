//! The two kartan JSON readers refuse the same texts: the plain reader (feature
//! `fast-json`, the native default) and the tree reader (the WebAssembly build, and the
//! one that reports every error). A text one reads and the other refuses would make a
//! file valid in Python and invalid in the browser.

#![cfg(feature = "fast-json")]

use std::path::Path;

use kartan::io::json::{from_str, read_tree};
use kartan::Portfolio;

fn agree(name: &str, text: &str) {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let plain = serde_json::from_str::<Portfolio>(text);
    let tree = read_tree(text);
    match (&plain, &tree) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}: the readers read different portfolios"),
        (Err(_), Err(_)) => {}
        _ => panic!("{name}: plain reader {:?}, tree reader {:?}", plain.map(|_| ()), tree.map(|_| ())),
    }
    // What the library reports is the tree reader's answer.
    if let Err(e) = &tree {
        assert_eq!(from_str(text).map_err(|e| e.to_string()).err(), Some(e.to_string()), "{name}");
    }
}

#[test]
fn on_every_vector_and_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut texts = vec![("seed".to_owned(), kartan::embedded::SEED_JSON.to_owned())];
    let mut dirs = vec![root.join("tests/vectors"), root.join("examples")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                // A vector's input, or a portfolio in the case, or the file itself.
                let case: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
                if let Some(input) = case.get("input").and_then(|i| i.as_str()) {
                    texts.push((path.display().to_string(), input.to_owned()));
                }
                if let Some(portfolio) = case.get("portfolio") {
                    texts.push((path.display().to_string(), portfolio.to_string()));
                }
                texts.push((path.display().to_string(), text));
            }
        }
    }
    assert!(texts.len() > 40, "only {} texts", texts.len());
    for (name, text) in &texts {
        agree(name, text);
    }
}

#[test]
fn on_repeated_keys_everywhere_in_the_seed() {
    // Every object of the seed program with its first member given twice: in a struct
    // (serde's "duplicate field"), in a text ({"sv": …, "sv": …}) or in a map
    // (classifications, answers), both readers refuse it.
    let seed = kartan::embedded::SEED_JSON;
    let mut refused = 0;
    for (at, _) in seed.match_indices("{\n") {
        // The object's first member, when it holds on one line: `"id": "P",`.
        let line = seed[at + 2..].lines().next().unwrap_or_default().trim();
        let Some(member) = line.strip_suffix(',').filter(|m| m.starts_with('"')) else { continue };
        let text = format!("{}{member},{}", &seed[..at + 1], &seed[at + 1..]);
        agree(&format!("seed with {member} twice"), &text);
        let e = read_tree(&text).unwrap_err().to_string();
        assert!(e.contains("duplicate key"), "{member}: {e}");
        refused += 1;
    }
    assert!(refused > 50, "only {refused} objects tried");
}
