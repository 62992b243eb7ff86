//! `kartan convert` both ways, and the other commands on IATI input.

use std::path::Path;

use assert_cmd::Command;

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/");
const XSD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/iati-schema-2.03/iati-activities-schema.xsd");

fn kartan() -> Command {
    let mut cmd = Command::cargo_bin("kartan").unwrap();
    cmd.env_remove("RUST_BACKTRACE");
    cmd
}

fn real(name: &str) -> String {
    Path::new(REAL).join(name).display().to_string()
}

#[test]
fn iati_to_json_to_iati_keeps_the_portfolio_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let (json, xml) = (dir.path().join("p.json"), dir.path().join("p.xml"));
    let input = real("iati_standard_example_annotated_2.03.xml");
    kartan().args(["convert", &input, "--to", "json", "-o"]).arg(&json).assert().success();
    kartan().arg("convert").arg(&json).args(["--to", "iati", "-o"]).arg(&xml).assert().success().stderr("");
    let (from_iati, _) = kartan::io::iati::from_path(&input, &Default::default()).unwrap();
    assert_eq!(kartan::io::load(&json).unwrap(), from_iati);
    assert_eq!(kartan::io::load(&xml).unwrap(), from_iati);
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--schema", XSD])
        .arg(&xml)
        .output()
        .expect("xmllint: install libxml2-utils");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn convert_to_standard_output_and_import_summary_on_standard_error() {
    let out = kartan().args(["convert", &real("results_small_rich_ngo_2021.xml"), "--to", "iati"]).assert().success();
    let out = out.get_output();
    let xml = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(xml.matches("<iati-activity ").count(), 11);
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [format!(
            "kartan: {}: IATI import: 11 activities imported, 0 skipped, 0 errors, 1 warnings",
            real("results_small_rich_ngo_2021.xml")
        )]
    );
}

#[test]
fn a_json_portfolio_missing_iati_requirements_gets_one_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("p.json");
    std::fs::write(&json, r#"{"format":"kartan/1","default_language":"sv","program":{"id":"P","title":{"sv":"P"}},"projects":[{"id":"X","title":{"sv":"X"}}]}"#).unwrap();
    let out = kartan().arg("convert").arg(&json).args(["--to", "iati"]).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.lines().all(|l| l.starts_with("kartan: ") && l.contains("IATI export: warning [iati-export]")),
        "{stderr}"
    );
    assert!(stderr.contains("at /projects/0/status"), "{stderr}");
}

#[test]
fn unreadable_iati_is_one_line_with_the_place_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.xml");
    std::fs::write(&bad, "<?xml version=\"1.0\"?>\n<iati-organisations/>\n").unwrap();
    let out = kartan().arg("convert").arg(&bad).args(["--to", "json"]).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        format!(
            "kartan: {}:2:1: expected an <iati-activities> root element, found <iati-organisations>\n",
            bad.display()
        )
    );
    let missing = dir.path().join("missing.xml");
    kartan().arg("convert").arg(&missing).args(["--to", "json"]).assert().code(2);
}

#[test]
fn report_and_validate_read_iati_detected_by_content() {
    let dir = tempfile::tempdir().unwrap();
    // No .xml extension: the content decides.
    let file = dir.path().join("activities.data");
    std::fs::copy(real("results_worldbank_44000_2021.xml"), &file).unwrap();
    let out = kartan().arg("report").arg(&file).args(["--as-of", "2021-07-01", "-l", "en"]).assert().success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(md.contains("IATI activities from World Bank"), "{}", &md[..md.len().min(500)]);
    kartan().arg("validate").arg(&file).args(["--as-of", "2021-07-01"]).assert().code(0);
}
