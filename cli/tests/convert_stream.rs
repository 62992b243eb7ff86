//! `kartan convert` of IATI input streamed: `--to csv` (the indicator periods table)
//! and `--to json`, against the whole-file import.

use std::path::Path;

use assert_cmd::Command;
use kartan::analysis::tables::periods_table;
use kartan::io::iati::{from_path, ImportOptions};

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/");

fn kartan() -> Command {
    let mut cmd = Command::cargo_bin("kartan").unwrap();
    cmd.env_remove("RUST_BACKTRACE");
    cmd
}

fn real(name: &str) -> String {
    Path::new(REAL).join(name).display().to_string()
}

#[test]
fn convert_to_csv_writes_the_periods_table() {
    let input = real("results_nl_ngos_2021.xml");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("periods.csv");
    kartan().args(["convert", &input, "--to", "csv", "-o"]).arg(&out).assert().success();
    let csv = std::fs::read_to_string(&out).unwrap();
    let (whole, _) = from_path(&input, &ImportOptions::new()).unwrap();
    assert_eq!(csv, periods_table(&whole, "en").to_csv());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[..4], ["project", "result", "result_type", "indicator"]);
    assert_eq!(header.len(), 19);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // 6,888 periods, 4,379 targets and 7,579 actuals (tests/vectors/iati/results_nl_ngos_2021.json):
    // 9,098 rows (9,113 before periods repeated per disaggregation were read as one).
    assert_eq!(rows.len(), 9098);
    let targets = rows.iter().filter(|r| !r[11].is_empty() || !r[13].is_empty()).count();
    assert_eq!(targets, 4379 - 43, "targets with a value or a text");
}

#[test]
fn convert_to_csv_on_standard_output_with_the_summary_on_standard_error() {
    let input = real("results_small_rich_ngo_2021.xml");
    let out = kartan().args(["convert", &input, "--to", "csv"]).assert().success();
    let out = out.get_output();
    let csv = String::from_utf8(out.stdout.clone()).unwrap();
    // One header and 232 rows for 203 periods (202 targets, 199 actuals).
    assert_eq!(csv.lines().count(), 1 + 232);
    assert!(csv.lines().nth(1).unwrap().starts_with("NL-KVK-41009723-NGA2001,NL-KVK-41009723-NGA2001/R1,output,"));
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        format!("kartan: {input}: IATI import: 11 activities imported, 0 skipped, 0 errors, 1 warnings\n")
    );
}

#[test]
fn convert_a_json_portfolio_to_csv() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("p.json");
    let input = real("results_worldbank_44000_2021.xml");
    kartan().args(["convert", &input, "--to", "json", "-o"]).arg(&json).assert().success();
    let out = kartan().arg("convert").arg(&json).args(["--to", "csv"]).assert().success();
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(csv.lines().count(), 1 + 468);
}

#[test]
fn convert_to_json_streams_the_same_portfolio_on_every_real_file() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(REAL).unwrap() {
        let input = entry.unwrap().path();
        if input.extension().is_none_or(|e| e != "xml") {
            continue;
        }
        let out = dir.path().join("p.json");
        kartan().arg("convert").arg(&input).args(["--to", "json", "-o"]).arg(&out).assert().success();
        let (whole, _) = from_path(&input, &ImportOptions::new()).unwrap();
        assert_eq!(kartan::io::load(&out).unwrap(), whole, "{}", input.display());
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"kartan/1\",\n  \"projects\": ["), "{}", input.display());
        assert!(text.ends_with("}\n"));
    }
}

#[test]
fn a_truncated_file_converts_what_came_before_the_cut() {
    let bytes = std::fs::read(real("results_small_rich_ngo_2021.xml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.xml");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    // The output is written, but it lacks what was skipped: exit code 1.
    let out = kartan().arg("convert").arg(&cut).args(["--to", "csv"]).assert().code(1);
    let out = out.get_output();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].contains("error [iati-not-well-formed]"), "{stderr}");
    let (whole, report) = from_path(&cut, &ImportOptions::new()).unwrap();
    assert!(!whole.projects.is_empty());
    let warnings = report.diagnostics.iter().filter(|d| d.severity == kartan::Severity::Warning).count();
    let errors = report.errors().count();
    let summary = format!(
        "kartan: {}: IATI import: {} activities imported, {} skipped, {errors} errors, {warnings} warnings",
        cut.display(),
        whole.projects.len(),
        report.activities_skipped
    );
    // The summary line comes after the error.
    let expected = vec![lines[0], summary.as_str()];
    assert_eq!(lines, expected, "{stderr}");
    let csv = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(csv, periods_table(&whole, "en").to_csv());
}

#[test]
fn input_that_is_not_iati_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("x.xml");
    std::fs::write(&input, "<html><body/></html>\n").unwrap();
    let out = dir.path().join("out.csv");
    let assert = kartan().arg("convert").arg(&input).args(["--to", "csv", "-o"]).arg(&out).assert().code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("expected an <iati-activities> root element"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn help_names_the_csv_table_and_streaming() {
    let out = kartan().args(["convert", "--help"]).assert().success();
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(help.contains("csv"), "{help}");
    assert!(help.contains("streamed"), "{help}");
}
