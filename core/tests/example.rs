//! The embedded portfolios against `tests/vectors/examples/` (the values the Python and
//! JS suites check too), and the illustrative example against its generator: the
//! committed `core/src/embedded/example.json` is what `scripts/make_example.py` writes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use kartan::learning_report::{build, to_markdown, Block, NoticeKind, ReportOptions};
use kartan::{embedded, ActivityKind, ActivityState, Direction, Severity};
use serde_json::Value;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

fn check(name: &str, case: &Value) {
    let e = &case["expected"];
    let which = case["example"].as_str().unwrap();
    let embedded = embedded::by_name(which).unwrap_or_else(|| panic!("{name}: no embedded portfolio {which}"));
    let p = embedded.portfolio();
    let as_of: NaiveDate = case["as_of"].as_str().unwrap().parse().unwrap();

    assert_eq!(p.program.id, e["program_id"].as_str().unwrap(), "{name}");
    assert_eq!(p.projects.len() as u64, e["projects"].as_u64().unwrap(), "{name}: projects");
    assert_eq!(p.program.stated_project_count.map(u64::from), e["stated_project_count"].as_u64(), "{name}");
    if let Some(areas) = e["focus_areas"].as_object() {
        let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
        for pr in &p.projects {
            *counts.entry(pr.focus_area.as_deref().unwrap_or("")).or_default() += 1;
        }
        let expected: BTreeMap<&str, u64> = areas.iter().map(|(k, v)| (k.as_str(), v.as_u64().unwrap())).collect();
        assert_eq!(counts, expected, "{name}: projects per focus area");
    }
    if e.get("measures").is_some() {
        let measures: BTreeSet<String> = p
            .indicators()
            .filter_map(|(_, i)| i.measure)
            .map(|m| serde_json::to_value(m).unwrap().as_str().unwrap().to_owned())
            .collect();
        assert_eq!(measures.iter().map(String::as_str).collect::<Vec<_>>(), strings(&e["measures"]), "{name}");
        let descending: Vec<&str> =
            p.indicators().filter(|(_, i)| i.direction == Direction::Descending).map(|(_, i)| i.id.as_str()).collect();
        assert_eq!(descending, strings(&e["descending"]), "{name}");
    }
    let held = p
        .activities
        .iter()
        .filter(|a| {
            a.kind == ActivityKind::ProjectLeaderMeeting
                && a.plan.as_deref() == Some("PLAN-PLM")
                && a.state == Some(ActivityState::Held)
        })
        .count();
    assert_eq!(held as u64, e["meetings_held"].as_u64().unwrap(), "{name}: meetings held");
    let ev = p.evaluations.iter().find(|v| v.id == e["evaluation"]["id"].as_str().unwrap()).unwrap();
    assert_eq!(ev.events.len() as u64, e["evaluation"]["events"].as_u64().unwrap(), "{name}");
    assert_eq!(ev.responses.len() as u64, e["evaluation"]["responses"].as_u64().unwrap(), "{name}");

    let diagnostics = kartan::analysis::validate(&p, as_of);
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count() as u64;
    assert_eq!(count(Severity::Error), e["errors"].as_u64().unwrap(), "{name}: {diagnostics:#?}");
    if let Some(w) = e["warnings"].as_u64() {
        assert_eq!(count(Severity::Warning), w, "{name}: {diagnostics:#?}");
    }

    let lines = e["report_head_lines"].as_u64().unwrap() as usize;
    for lang in ["sv", "en"] {
        let report = build(&p, &ReportOptions::new(lang, as_of));
        let md = to_markdown(&report);
        let head: Vec<&str> = md.lines().take(lines).collect();
        let head = head.join("\n");
        for marker in strings(&e["report_head_contains"]) {
            assert!(head.contains(marker), "{name} ({lang}): {marker:?} not in the first {lines} lines:\n{head}");
        }
        for marker in strings(&e["report_head_lacks"]) {
            assert!(!md.contains(marker), "{name} ({lang}): {marker:?} in the report");
        }
        if let Some(want) = e["report_budget_by_year"].get(lang) {
            // Section 8's budget-by-year chart and its data table (the text alternative).
            let section = report.section("portfolio").unwrap();
            let fallback = section
                .blocks
                .iter()
                .find_map(|b| match b {
                    Block::Chart { title, fallback, .. } if title == want["title"].as_str().unwrap() => Some(fallback),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{name} ({lang}): no chart {}", want["title"]));
            assert_eq!(serde_json::json!(fallback.columns), want["columns"], "{name} ({lang})");
            assert_eq!(serde_json::json!(fallback.rows), want["rows"], "{name} ({lang})");
        }
        for id in strings(&e["sections_without_no_data"]) {
            let section = report.section(id).unwrap_or_else(|| panic!("{name}: no section {id}"));
            let empty: Vec<&str> = section
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Notice { kind: NoticeKind::NoData, text } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert!(empty.is_empty(), "{name} ({lang}): section {id} says {empty:?}");
            assert!(section.blocks.iter().any(|b| matches!(b, Block::Table(t) if !t.rows.is_empty())), "{name}: {id}");
        }
    }
}

#[test]
fn every_examples_vector_holds() {
    let dir = repo().join("tests/vectors/examples");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            check(&path.display().to_string(), &case);
            names.push(case["example"].as_str().unwrap().to_owned());
        }
    }
    names.sort();
    let mut all: Vec<String> = embedded::EXAMPLES.iter().map(|e| e.name.to_owned()).collect();
    all.sort();
    assert_eq!(names, all, "one vector per embedded portfolio");
}

#[test]
fn the_example_is_the_default_and_round_trips() {
    assert_eq!(embedded::EXAMPLES[0].name, "example");
    let p = embedded::example();
    assert_eq!(p, embedded::EXAMPLES[0].portfolio());
    let text = kartan::io::json::to_string(&p);
    assert_eq!(kartan::io::json::from_str(&text).unwrap(), p);
    // It takes up the seed: the same program, matrix, target groups, focus areas, plans
    // (whose notes may say what the example adds) and learning factors.
    let seed = embedded::seed();
    assert_eq!(p.program.title, seed.program.title);
    assert_eq!(p.program.matrix, seed.program.matrix);
    assert_eq!(p.program.target_groups, seed.program.target_groups);
    assert_eq!(p.program.focus_areas, seed.program.focus_areas);
    assert_eq!(p.program.learning.factors, seed.program.learning.factors);
    let ids = |q: &kartan::Portfolio| q.program.plans.iter().map(|x| (x.id.clone(), x.count)).collect::<Vec<_>>();
    assert_eq!(ids(&p), ids(&seed));
}

/// `python3 scripts/make_example.py --check`: the committed JSON is what the script
/// writes (the test suites need python3 anyway).
#[test]
fn the_committed_example_is_what_the_script_writes() {
    let out = std::process::Command::new("python3")
        .arg(repo().join("scripts/make_example.py"))
        .arg("--check")
        .output()
        .expect("python3 runs scripts/make_example.py --check");
    assert!(
        out.status.success(),
        "scripts/make_example.py --check failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
