//! `kartan convert … --to parquet -o DIR`: the relational tables as Parquet files, read
//! back with the `parquet` crate's Arrow reader.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::Decimal128Type;
use arrow_array::{Array, RecordBatch};
use assert_cmd::Command;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/");

fn kartan() -> Command {
    let mut cmd = Command::cargo_bin("kartan").unwrap();
    cmd.env_remove("RUST_BACKTRACE");
    cmd
}

fn read(path: &Path) -> Vec<RecordBatch> {
    let file = File::open(path).unwrap();
    ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap().map(Result::unwrap).collect()
}

fn rows(batches: &[RecordBatch]) -> usize {
    batches.iter().map(RecordBatch::num_rows).sum()
}

/// The text column `name` of every batch, row by row.
fn strings(batches: &[RecordBatch], name: &str) -> Vec<Option<String>> {
    batches
        .iter()
        .flat_map(|b| {
            let c = b.column_by_name(name).unwrap().as_string::<i32>().clone();
            (0..c.len()).map(move |i| c.is_valid(i).then(|| c.value(i).to_owned()))
        })
        .collect()
}

/// The integer column `name` of every batch, row by row.
fn ints(batches: &[RecordBatch], name: &str) -> Vec<Option<i64>> {
    batches
        .iter()
        .flat_map(|b| {
            let c = b.column_by_name(name).unwrap().as_primitive::<arrow_array::types::Int64Type>().clone();
            (0..c.len()).map(move |i| c.is_valid(i).then(|| c.value(i)))
        })
        .collect()
}

#[test]
fn the_tables_of_an_iati_file_keep_every_period_value_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pq");
    let input = Path::new(REAL).join("results_nl_ngos_2021.xml");
    kartan().arg("convert").arg(&input).args(["--to", "parquet", "-o"]).arg(&out).assert().success();
    let (portfolio, _) = kartan::io::iati::from_path(&input, &Default::default()).unwrap();
    // one row per target and per actual; a period with neither has one row
    let expected: usize = portfolio
        .projects
        .iter()
        .flat_map(|p| &p.results)
        .flat_map(|r| &r.indicators)
        .flat_map(|i| &i.periods)
        .map(|p| (p.targets.len() + p.actuals.len()).max(1))
        .sum();
    let periods = read(&out.join("periods.parquet"));
    assert_eq!(rows(&periods), expected);
    assert!(expected > 1000, "{expected}");
    // the exact sum of every value, at scale 18, equals the model's
    let model: rust_decimal::Decimal = portfolio
        .projects
        .iter()
        .flat_map(|p| &p.results)
        .flat_map(|r| &r.indicators)
        .flat_map(|i| &i.periods)
        .flat_map(|p| p.targets.iter().chain(&p.actuals))
        .filter_map(|v| v.value)
        .sum();
    let column = periods[0].schema().index_of("value").unwrap();
    let parquet: i128 = periods
        .iter()
        .flat_map(|b| b.column(column).as_primitive::<Decimal128Type>().iter().flatten().collect::<Vec<_>>())
        .sum();
    assert_eq!(rust_decimal::Decimal::from_i128_with_scale(parquet, 18).normalize(), model.normalize());
    assert_eq!(rows(&read(&out.join("projects.parquet"))), portfolio.projects.len());
    let transactions: usize = portfolio.projects.iter().map(|p| p.transactions.len()).sum();
    assert_eq!(rows(&read(&out.join("transactions.parquet"))), transactions);
}

#[test]
fn an_existing_folder_is_refused_without_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pq");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "mine").unwrap();
    let input = Path::new(REAL).join("results_sida_se0_sample_2021.xml");
    kartan()
        .arg("convert")
        .arg(&input)
        .args(["--to", "parquet", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("the output folder exists (give --overwrite to replace it)"));
    assert!(out.join("keep.txt").exists());
    kartan().arg("convert").arg(&input).args(["--to", "parquet", "--overwrite", "-o"]).arg(&out).assert().success();
    assert!(!out.join("keep.txt").exists() && out.join("periods.parquet").exists());
    assert!(!dir.path().join(".pq.partial").exists());
}

#[test]
fn a_file_that_cannot_be_read_is_a_diagnostic_row_and_the_rest_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pq");
    let bad = dir.path().join("bad.xml");
    std::fs::write(&bad, "<x").unwrap();
    let good = Path::new(REAL).join("results_sida_se0_sample_2021.xml");
    kartan()
        .arg("convert")
        .arg(&bad)
        .arg(&good)
        .args(["--to", "parquet", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("bad.xml:1:1: not well-formed XML"));
    let diagnostics = read(&out.join("diagnostics.parquet"));
    let codes = diagnostics[0].column(diagnostics[0].schema().index_of("code").unwrap()).as_string::<i32>();
    assert!(codes.iter().flatten().any(|c| c == "input-failed"));
    assert!(rows(&read(&out.join("projects.parquet"))) > 0);
}

#[test]
fn several_inputs_need_parquet() {
    let good = Path::new(REAL).join("results_sida_se0_sample_2021.xml");
    kartan()
        .arg("convert")
        .arg(&good)
        .arg(&good)
        .args(["--to", "json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("several inputs make one dataset with --to parquet only"));
}

#[test]
fn kartan_json_gives_the_learning_tables_too() {
    let case: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/report/small-portfolio.json"))
            .unwrap(),
    )
    .unwrap();
    let doc = &case["input"];
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("p.json");
    std::fs::write(&input, doc.to_string()).unwrap();
    let out = dir.path().join("pq");
    kartan().arg("convert").arg(&input).args(["--to", "parquet", "-o"]).arg(&out).assert().success();
    let count = |key: &str, inner: &str| -> usize {
        doc[key].as_array().map_or(0, |items| {
            items.iter().map(|x| if inner.is_empty() { 1 } else { x[inner].as_array().map_or(0, Vec::len) }).sum()
        })
    };
    let answers: usize = doc["evaluations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["responses"].as_array().unwrap())
        .map(|r| r["answers"].as_object().unwrap().len())
        .sum();
    assert_eq!(rows(&read(&out.join("activities.parquet"))), count("activities", ""));
    assert_eq!(rows(&read(&out.join("observations.parquet"))), count("reports", "observations"));
    assert_eq!(rows(&read(&out.join("answers.parquet"))), answers);
    assert!(answers > 0 && count("reports", "observations") > 0);
    assert_eq!(rows(&read(&out.join("lessons.parquet"))), count("lessons", ""));
}

#[test]
fn plans_and_factor_assessments_join_what_was_held() {
    // The embedded illustrative example: the source's 14 project-leader meetings, each an
    // activity of the plan PLAN-PLM (planned 14), and the learning factors assessed per
    // project.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("example.json");
    let json = kartan().args(["examples", "example"]).output().unwrap();
    assert!(json.status.success());
    std::fs::write(&input, &json.stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let out = dir.path().join("pq");
    kartan().arg("convert").arg(&input).args(["--to", "parquet", "-o"]).arg(&out).assert().success();
    let plans = read(&out.join("plans.parquet"));
    assert_eq!(rows(&plans), doc["program"]["plans"].as_array().unwrap().len());
    let planned = strings(&plans, "plan_id")
        .into_iter()
        .zip(ints(&plans, "planned"))
        .find(|(id, _)| id.as_deref() == Some("PLAN-PLM"));
    assert_eq!(planned, Some((Some("PLAN-PLM".to_owned()), Some(14))));
    let held = strings(&read(&out.join("activities.parquet")), "plan_id")
        .into_iter()
        .filter(|p| p.as_deref() == Some("PLAN-PLM"))
        .count();
    assert_eq!(held, 14);
    assert_eq!(
        rows(&read(&out.join("factor_assessments.parquet"))),
        doc["factor_assessments"].as_array().unwrap().len()
    );
}

#[test]
fn an_empty_folder_is_refused_not_converted_to_empty_tables() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("registry");
    std::fs::create_dir(&empty).unwrap();
    let out = dir.path().join("pq");
    kartan()
        .arg("convert")
        .arg(&empty)
        .args(["--to", "parquet", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("the folder holds no .xml or .json file to convert"));
    assert!(!out.exists() && !dir.path().join(".pq.partial").exists());
}

#[test]
fn as_of_puts_a_kartan_json_files_validation_findings_in_the_diagnostics_table() {
    // The small portfolio of the report vectors with a parent that does not exist: the
    // diagnostics table holds what `kartan validate` finds, code for code and place for
    // place; without --as-of it holds nothing for a kartan JSON file.
    let case: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/report/small-portfolio.json"))
            .unwrap(),
    )
    .unwrap();
    let mut doc = case["input"].clone();
    doc["projects"][0]["parent"] = "PRJ-NOT-THERE".into();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("p.json");
    std::fs::write(&input, doc.to_string()).unwrap();
    let validated =
        kartan().arg("validate").arg(&input).args(["--as-of", "2021-12-31", "--format", "json"]).output().unwrap();
    let found: serde_json::Value = serde_json::from_slice(&validated.stdout).unwrap();
    let found = found["diagnostics"].as_array().unwrap();
    let mut expected: Vec<(String, String)> = found
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_owned(), d["path"].as_str().unwrap().to_owned()))
        .collect();
    assert!(
        expected.iter().any(|(code, path)| code == "dangling-reference" && path == "/projects/0/parent"),
        "{expected:?}"
    );

    let out = dir.path().join("pq");
    kartan()
        .arg("convert")
        .arg(&input)
        .args(["--to", "parquet", "--as-of", "2021-12-31", "-o"])
        .arg(&out)
        .assert()
        .success();
    let table = read(&out.join("diagnostics.parquet"));
    let mut got: Vec<(String, String)> = strings(&table, "code")
        .into_iter()
        .zip(strings(&table, "path"))
        .map(|(c, p)| (c.unwrap(), p.unwrap()))
        .collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    assert!(strings(&table, "source").iter().all(|s| s.as_deref() == Some(input.to_str().unwrap())));

    let plain = dir.path().join("plain");
    kartan().arg("convert").arg(&input).args(["--to", "parquet", "-o"]).arg(&plain).assert().success();
    assert_eq!(rows(&read(&plain.join("diagnostics.parquet"))), 0);
    // --as-of belongs to --to parquet
    kartan().arg("convert").arg(&input).args(["--to", "json", "--as-of", "2021-12-31"]).assert().code(2);
}

#[test]
fn planned_disbursements_and_recipient_areas_are_tables_too() {
    // Every real IATI file as one dataset: as many rows as the shared vectors count
    // (ElementTree), and the annotated example's lines as read.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pq");
    kartan().arg("convert").arg(REAL).args(["--to", "parquet", "-o"]).arg(&out).assert().success();
    let (mut planned, mut areas) = (0, 0);
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/iati")).unwrap() {
        let case: serde_json::Value = serde_json::from_slice(&std::fs::read(entry.unwrap().path()).unwrap()).unwrap();
        let count = |k: &str| case["expected"][k].as_u64().unwrap() as usize;
        planned += count("planned_disbursements");
        areas += count("recipient_countries") + count("recipient_regions");
    }
    let pd = read(&out.join("planned_disbursements.parquet"));
    let ra = read(&out.join("recipient_areas.parquet"));
    assert_eq!((rows(&pd), rows(&ra)), (planned, areas));
    assert!(planned > 200 && areas > 400, "{planned} {areas}");
    let providers = strings(&pd, "provider");
    assert!(providers.iter().any(|p| p.as_deref() == Some("BB-BBB-123456789")), "the annotated example's provider");
    let codes: Vec<(Option<String>, Option<String>)> =
        strings(&ra, "area").into_iter().zip(strings(&ra, "code")).collect();
    assert!(codes.contains(&(Some("region".to_owned()), Some("A1".to_owned()))));
    assert!(codes.contains(&(Some("country".to_owned()), Some("AF".to_owned()))));
}
