//! `io::table::{portfolio_from_bytes, evaluation_from_bytes}` (bytes and mapping text,
//! for the WebAssembly binding) read exactly what `load_portfolio` and `load_evaluation`
//! read from files: the same portfolio, evaluation, report and errors.

use std::path::{Path, PathBuf};

use kartan::io::table::{evaluation_from_bytes, load_evaluation, load_portfolio, portfolio_from_bytes};

fn real(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/real").join(path)
}

fn mapping(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mappings").join(name)
}

fn read(path: &Path) -> (Vec<u8>, String) {
    (std::fs::read(path).unwrap(), path.display().to_string())
}

#[test]
fn projektbanken_from_bytes_is_the_file_import() {
    let table = real("cohesion/se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json");
    let map = mapping("projektbanken.toml");
    let (bytes, name) = read(&table);
    let text = std::fs::read_to_string(&map).unwrap();
    let from_files = load_portfolio(&table, &map).unwrap();
    let from_bytes = portfolio_from_bytes(&bytes, &name, &text, &map.display().to_string()).unwrap();
    assert_eq!(from_bytes, from_files);
    assert_eq!(from_bytes.0.projects.len(), 374);
}

#[test]
fn carpentries_from_bytes_is_the_file_import() {
    let table = real("surveys/carpentries_instructor_training_post_survey_2018.csv");
    let map = mapping("carpentries_post_survey.toml");
    let (bytes, name) = read(&table);
    let text = std::fs::read_to_string(&map).unwrap();
    let from_files = load_evaluation(&table, &map).unwrap();
    let from_bytes = evaluation_from_bytes(&bytes, &name, &text, &map.display().to_string()).unwrap();
    assert_eq!(from_bytes, from_files);
    assert_eq!(from_bytes.1.rows_imported, 967);
}

#[test]
fn mapping_kind_and_errors_follow_the_names() {
    let json = r#"{"columns": {"id": "id", "title": "name"}}"#;
    let (p, report) = portfolio_from_bytes(b"id,name\nP1,One\n", "projects.csv", json, "m.json").unwrap();
    assert_eq!((p.program.id.as_str(), p.projects.len(), report.rows_imported), ("projects", 1, 1));
    let e = portfolio_from_bytes(b"id,name\n", "projects.csv", json, "m.toml").unwrap_err();
    assert!(e.to_string().starts_with("m.toml: TOML parse error"), "{e}");
    let e = portfolio_from_bytes(b"id,name\n", "projects.pdf", json, "m.json").unwrap_err();
    assert_eq!(
        e.to_string(),
        "projects.pdf: unknown table kind: expected a name ending in .csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods or .json"
    );
    let e = evaluation_from_bytes(
        b"",
        "s.csv",
        "evaluation_id = \"E\"\ntitle = \"t\"\nscales = {}\nquestions = []\n",
        "m.toml",
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "s.csv: the table is empty: expected a header row and at least one record");
}
