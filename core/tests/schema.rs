//! The committed JSON Schema must equal the one generated from the model.
//!
//! To update it after a model change: `KARTAN_UPDATE_SCHEMA=1 cargo test -p kartan --test schema`.

use std::path::Path;

#[test]
fn committed_schema_matches_generated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/kartan-1.schema.json");
    let generated = kartan::io::json::schema_string();
    if std::env::var_os("KARTAN_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/kartan-1.schema.json differs from the schema generated from the model; \
         rerun with KARTAN_UPDATE_SCHEMA=1 and commit the file"
    );
}
