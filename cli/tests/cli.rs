//! The `kartan` command, run as a process: every command and exit code.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{json, Value};

const AS_OF: &str = "2011-06-30";

fn kartan() -> Command {
    let mut cmd = Command::cargo_bin("kartan").unwrap();
    cmd.env_remove("RUST_BACKTRACE");
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let out = kartan().args(args).assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// A small valid portfolio, as JSON.
fn minimal() -> Value {
    json!({
        "format": "kartan/1",
        "default_language": "sv",
        "program": {"id": "P", "title": {"sv": "Programmet", "en": "The program"}},
        "projects": [
            {"id": "PRJ-1", "title": {"sv": "<script>alert(1)</script>"}, "budgets": [{"value": {"amount": "100.50", "currency": "SEK"}}]},
            {"id": "PRJ-2", "title": {"sv": "Andra | projektet"}}
        ]
    })
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Asserts exit code 2 and exactly one line on standard error, starting with
/// `kartan: ` and naming the file; returns that line.
fn fails_unreadable(args: &[&str], file: &Path) -> String {
    let out = kartan().args(args).assert().code(2).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.starts_with("kartan: "), "{stderr}");
    assert!(stderr.contains(&file.display().to_string()), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// The rows of the first Markdown table after `heading`, without the header rows.
fn md_table_rows<'a>(md: &'a str, heading: &str) -> Vec<&'a str> {
    let start = md.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    md[start..].lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|')).skip(2).collect()
}

#[test]
fn report_on_the_seed_in_markdown() {
    let md = stdout_of(&["report", "--example", "seed", "--as-of", AS_OF]);
    assert!(md.starts_with("# Läranderapport: Program för lokalt och regionalt tillväxtarbete\n"), "{}", &md[..200]);
    assert!(md.contains("*Per 2011-06-30*"));
    for n in 1..=9 {
        assert!(md.contains(&format!("\n## {n}. ")), "section {n} missing");
    }
    let rows = md_table_rows(&md, "## 2. Kartan: resultatmatrisen");
    assert_eq!(rows.len(), 3);
    assert!(rows[0].starts_with("| Nationell nivå | Departement; Tillväxtverket; Myndigheter |"), "{}", rows[0]);
    // Planned and recorded: 14 project-leader meetings, none recorded yet.
    assert!(md.contains("| 14 Projektledarträffar | Projektledarträff | 14 | 0 | 0 |"), "{md}");
    assert!(md.contains("> Inga utvärderingssvar registrerade ännu."));
    assert!(md.contains("> Programmet anger 30 projekt; 0 är registrerade."));
}

#[test]
fn report_on_the_seed_in_english_json() {
    let text = stdout_of(&["report", "--example", "seed", "--format", "json", "--lang", "en", "--as-of", AS_OF]);
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["lang"], "en");
    assert_eq!(report["as_of"], AS_OF);
    let sections = report["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 9);
    assert_eq!(sections[1]["id"], "map");
    let matrix = sections[1]["blocks"].as_array().unwrap().iter().find(|b| b["type"] == "table").unwrap();
    assert_eq!(matrix["rows"].as_array().unwrap().len(), 3);
    assert_eq!(matrix["rows"][2][0], "Local level");
    let plans = sections[2]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "table" && b["columns"][0] == "Plan")
        .unwrap();
    let plm = plans["rows"].as_array().unwrap().iter().find(|r| r[0] == "14 project-leader meetings").unwrap();
    assert_eq!(plm[2], "14");
    let portfolio = &sections[7]["blocks"][0]["pairs"];
    assert_eq!(portfolio[0], json!({"key": "Projects stated by the program", "value": "30"}));
    assert_eq!(portfolio[1], json!({"key": "Projects recorded", "value": "0"}));
}

#[test]
fn report_on_the_seed_in_html_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    kartan()
        .args(["report", "--example", "seed", "--format", "html", "--lang", "en", "--as-of", AS_OF, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(html.matches("<section id=\"s-").count(), 9);
    assert!(html.contains("<h2>2. The map: the results matrix</h2>"));
    for pattern in ["src=", "<link", "url(", "@import"] {
        assert!(!html.contains(pattern), "{pattern}");
    }
}

#[test]
fn report_without_a_file_is_on_the_illustrative_example_and_says_so() {
    // The same as `--example example`; the first lines carry the marker in both languages.
    let md = stdout_of(&["report", "--as-of", AS_OF]);
    assert_eq!(md, stdout_of(&["report", "--example", "example", "--as-of", AS_OF]));
    let head: Vec<&str> = md.lines().take(3).collect();
    assert_eq!(head[0], "# Läranderapport: Program för lokalt och regionalt tillväxtarbete");
    assert!(head[2].contains("Illustrativt exempel: projekt, mätvärden och svar är påhittade"), "{}", head[2]);
    assert!(head[2].contains("Illustrative example: projects, figures and answers are invented"), "{}", head[2]);
    assert!(md.contains("| 14 Projektledarträffar | Projektledarträff | 14 | 14 | 12 |"), "{md}");
    assert!(md.contains("- **Projekt registrerade:** 30"), "{md}");
    for empty in ["> Inga utvärderingssvar registrerade ännu.", "> Inga indikatorer registrerade ännu."] {
        assert!(!md.contains(empty), "{empty}");
    }
    let html = stdout_of(&["report", "-f", "html", "--lang", "en", "--as-of", AS_OF]);
    let header = &html[html.find("<header>").unwrap()..html.find("</header>").unwrap()];
    assert!(header.contains("<p class=\"subtitle\">Learning in the program. Illustrative example: projects, figures and answers are invented (Illustrativt exempel: projekt, mätvärden och svar är påhittade)</p>"), "{header}");
    // The example validates with no errors, and no warnings once it is over (mid-way,
    // as of AS_OF, what was held later is "held in the future").
    let out = stdout_of(&["validate", "--example", "example", "--as-of", "2012-06-30"]);
    assert!(out.ends_with("example: valid (0 errors, 0 warnings, 0 notes)\n"), "{out}");
}

#[test]
fn examples_lists_the_embedded_portfolios_and_prints_one() {
    let list = stdout_of(&["examples"]);
    let names: Vec<&str> = list.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(names, ["example", "seed"], "{list}");
    assert!(list.lines().next().unwrap().contains("(default of `kartan report`)"), "{list}");
    let seed: Value = serde_json::from_str(&stdout_of(&["examples", "seed"])).unwrap();
    assert_eq!(seed["program"]["id"], "PLRT");
    assert!(seed.get("projects").is_none());
    let example: Value = serde_json::from_str(&stdout_of(&["examples", "example"])).unwrap();
    assert_eq!(example["projects"].as_array().unwrap().len(), 30);
    for args in [vec!["examples", "nope"], vec!["report", "--example", "nope"]] {
        let out = kartan().args(&args).assert().code(2).get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("there are: example, seed"), "{args:?}: {stderr}");
    }
}

#[test]
fn report_escapes_titles_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "p.json", minimal().to_string().as_bytes());
    let html = String::from_utf8(
        kartan()
            .args(["report", "-f", "html", "--as-of", AS_OF])
            .arg(&file)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>alert"));
    let md = String::from_utf8(
        kartan().args(["report", "--as-of", AS_OF]).arg(&file).assert().success().get_output().stdout.clone(),
    )
    .unwrap();
    assert!(md.contains(r"| PRJ-2 | Andra \| projektet |"), "{md}");
    assert!(md.contains("| Projekten | SEK | 100,50 | 1 |"), "{md}");
}

#[test]
fn validate_a_valid_file_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "valid.json", minimal().to_string().as_bytes());
    let out = kartan()
        .args(["validate", "--as-of", AS_OF])
        .arg(&file)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.lines().last().unwrap().ends_with(": valid (0 errors, 0 warnings, 0 notes)"), "{out}");
    let json_out = kartan()
        .args(["validate", "--format", "json", "--as-of", AS_OF])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&json_out).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["errors"], 0);
}

#[test]
fn a_bom_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(minimal().to_string().as_bytes());
    let file = write(dir.path(), "bom.json", &bytes);
    kartan().args(["validate", "--as-of", AS_OF]).arg(&file).assert().success();
}

#[test]
fn validate_an_invalid_file_exits_1_with_the_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = minimal();
    p["projects"][1]["id"] = json!("PRJ-1");
    let file = write(dir.path(), "dup.json", p.to_string().as_bytes());
    let out = kartan().args(["validate", "--as-of", AS_OF]).arg(&file).assert().code(1).get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("error [duplicate-id] at /projects/1/id"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.starts_with(&format!("kartan: {}: invalid: ", file.display())), "{stderr}");
    // The report on an invalid file is still written, listing the problem in section 9.
    let md = kartan()
        .args(["report", "--lang", "en", "--as-of", AS_OF])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(md).unwrap().contains("| error | `duplicate-id` | `/projects/1/id` |"));
}

#[test]
fn unreadable_and_unparseable_files_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let valid = minimal().to_string();
    let missing = d.join("missing.json");
    let cases: Vec<(PathBuf, &str)> = vec![
        (missing.clone(), "No such file"),
        (write(d, "empty.json", b""), "empty"),
        (write(d, "blank.json", b"  \n "), "empty"),
        (write(d, "truncated.json", &valid.as_bytes()[..valid.len() / 2]), ":1:"),
        (write(d, "latin1.json", b"{\"format\":\"kartan/1\",\"default_language\":\"sv\",\"program\":{\"id\":\"P\",\"title\":{\"sv\":\"Tillv\xe4xt\"}}}"), "not UTF-8"),
        (write(d, "unknown.json", valid.replacen("\"id\":\"P\"", "\"id\":\"P\",\"colour\":\"red\"", 1).as_bytes()), "at /program/colour: unknown field `colour`"),
        (write(d, "wrongtype.json", valid.replacen("\"id\":\"P\"", "\"id\":7", 1).as_bytes()), "at /program/id"),
        (write(d, "bom-garbage.json", b"\xEF\xBB\xBFhello"), "unrecognised content"),
        (write(d, "array.json", b"[1, 2]"), "a table of records (CSV, spreadsheet or JSON array) is read through a column mapping"),
        (write(d, "format.json", valid.replacen("kartan/1", "kartan/9", 1).as_bytes()), "unsupported format"),
    ];
    for (file, expected) in &cases {
        for args in [vec!["validate"], vec!["report"]] {
            let mut all: Vec<&str> = args.clone();
            let f = file.to_str().unwrap();
            all.push(f);
            let line = fails_unreadable(&all, file);
            assert!(line.contains(expected), "{f}: expected {expected:?} in {line}");
        }
    }
    // A directory is unreadable too.
    fails_unreadable(&["validate", d.to_str().unwrap()], d);
}

#[test]
fn output_that_cannot_be_written_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no/such/dir/report.md");
    let line = fails_unreadable(&["report", "--as-of", AS_OF, "-o", out.to_str().unwrap()], &out);
    assert!(line.contains("cannot write"), "{line}");
}

#[test]
fn bad_command_lines_exit_2_with_one_line() {
    for args in [
        vec!["report", "--as-of", "30/06/2011"],
        vec!["report", "--format", "pdf"],
        vec!["report", "--lang", "de"],
        vec!["frobnicate"],
        vec!["validate"],
    ] {
        let out = kartan().args(&args).assert().code(2).get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("kartan: "), "{stderr}");
    }
}

#[test]
fn schema_equals_the_committed_schema() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/kartan-1.schema.json")).unwrap();
    assert_eq!(stdout_of(&["schema"]), committed);
}

#[test]
fn help_documents_the_exit_codes() {
    for args in [vec!["--help"], vec!["report", "--help"], vec!["validate", "--help"]] {
        let help = stdout_of(&args);
        assert!(help.contains("Exit codes:"), "{args:?}");
        assert!(help.contains("1  `validate`: the portfolio is invalid"));
        assert!(help.contains("2  a file could not be read, parsed or written"));
    }
    kartan().arg("--version").assert().success().stdout(predicate::str::starts_with("kartan "));
}

/// About 50 MB of valid kartan JSON: 100,000 projects with budgets and an indicator.
#[test]
fn a_50_mb_file_is_validated_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "x".repeat(120);
    let projects: Vec<Value> = (0..100_000)
        .map(|i| {
            json!({
                "id": format!("PRJ-{i}"),
                "title": {"sv": format!("Projekt {i}"), "en": format!("Project {i}")},
                "description": {"sv": filler},
                "focus_area": if i % 2 == 0 { "FA-1" } else { "FA-2" },
                "levels": ["local"],
                "status": "implementation",
                "budgets": [{"value": {"amount": format!("{i}.50"), "currency": "SEK"}}],
                "results": [{"id": format!("RES-{i}"), "type": "output", "title": {"sv": "Resultat"}, "indicators": [{"id": format!("IND-{i}"), "measure": "unit", "title": {"sv": "Indikator"},
                    "periods": [{"start": "2010-01-01", "end": "2010-12-31", "targets": [{"value": "10"}], "actuals": [{"value": "7"}]}]}]}]
            })
        })
        .collect();
    let mut p = minimal();
    p["program"]["focus_areas"] = json!([{"id": "FA-1", "name": {"sv": "Ett"}}, {"id": "FA-2", "name": {"sv": "Två"}}]);
    p["projects"] = Value::Array(projects);
    let bytes = serde_json::to_vec(&p).unwrap();
    assert!(bytes.len() > 50_000_000, "{} bytes", bytes.len());
    let file = write(dir.path(), "big.json", &bytes);
    drop((p, bytes));

    let start = std::time::Instant::now();
    kartan().args(["validate", "--as-of", AS_OF]).arg(&file).assert().success();
    let out = dir.path().join("big-report.json");
    kartan()
        .args(["report", "-f", "json", "--lang", "en", "--as-of", AS_OF, "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success();
    let elapsed = start.elapsed();
    let report: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let portfolio = &report["sections"][7]["blocks"];
    assert_eq!(portfolio[0]["pairs"][0]["value"], "100000");
    let by_area = portfolio.as_array().unwrap().iter().find(|b| b["type"] == "table").unwrap();
    assert_eq!(by_area["rows"], json!([["Ett", "50000"], ["Två", "50000"]]));
    // Generous: a debug build on a shared 2-core machine; quadratic work would take hours.
    assert!(elapsed.as_secs() < 240, "validate + report took {elapsed:?}");
}

/// Every invalid fixture of the validation suite (`tests/data/bad/`) exits 1, and
/// `--format json` lists exactly the diagnostics in `tests/data/bad/expected/`.
#[test]
fn validate_exits_1_on_every_bad_fixture_with_its_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/bad");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("expected").join(path.file_name().unwrap())).unwrap(),
        )
        .unwrap();
        let out = kartan()
            .args(["validate", "--format", "json", "--as-of", "2014-01-01"])
            .arg(&path)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got["valid"], false);
        assert_eq!(got["diagnostics"], expected, "{}", path.display());
        assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
        // The report on an invalid portfolio is still written, in every format.
        for format in ["md", "html", "json"] {
            kartan().args(["report", "-f", format, "--as-of", "2014-01-01"]).arg(&path).assert().success();
        }
        count += 1;
    }
    assert!(count >= 8, "{count} fixtures in {}", dir.display());
}

#[test]
fn as_of_is_a_day_written_yyyy_mm_dd_exactly() {
    // chrono's parser takes `2024-1-1` and `+002024-01-01`; a tester found them accepted.
    for bad in ["2024-1-1", " 2024-01-01", "+002024-01-01", "2024-02-30", "20240101", ""] {
        for command in [&["validate", "--example", "seed"][..], &["report", "--example", "seed"][..]] {
            let out = kartan().args(command).args(["--as-of", bad]).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{command:?} --as-of {bad:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(&format!("{bad:?} is not a day written YYYY-MM-DD")), "{err}");
        }
    }
    let out = kartan().args(["validate", "--example", "seed", "--as-of", "2024-02-29"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}
