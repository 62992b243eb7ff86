//! The committed JSON Schema of kartan's answers must equal the one generated from the
//! core's answer types, with one named definition per answer type.
//!
//! To update it after a change of an answer type:
//! `KARTAN_UPDATE_SCHEMA=1 cargo test -p kartan --test answers_schema`.

use std::path::Path;

#[test]
fn committed_answers_schema_matches_generated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/kartan-answers-1.schema.json");
    let generated = kartan::io::json::answers_schema_string();
    if std::env::var_os("KARTAN_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/kartan-answers-1.schema.json differs from the schema generated from the answer types; \
         rerun with KARTAN_UPDATE_SCHEMA=1 and commit the file"
    );
}

#[test]
fn every_answer_type_has_its_own_definition() {
    let schema = kartan::io::json::answers_schema();
    let defs = schema["$defs"].as_object().unwrap();
    for name in kartan::io::json::ANSWERS {
        assert!(defs.contains_key(name), "no $defs entry {name}");
    }
    // Two types of one name would be told apart by a digit suffix (`Breakdown2`):
    // every name must say what it is.
    for name in defs.keys() {
        assert!(!name.ends_with(|c: char| c.is_ascii_digit()), "ambiguous $defs name {name}");
        assert!(
            defs[name].get("description").is_some()
                || defs[name].get("oneOf").is_some()
                || defs[name].get("anyOf").is_some(),
            "$defs entry {name} has no description"
        );
    }
    let refs: Vec<&str> = schema["anyOf"].as_array().unwrap().iter().map(|r| r["$ref"].as_str().unwrap()).collect();
    assert_eq!(refs.len(), kartan::io::json::ANSWERS.len());
    for (r, name) in refs.iter().zip(kartan::io::json::ANSWERS) {
        assert_eq!(*r, format!("#/$defs/{name}"));
    }
}
