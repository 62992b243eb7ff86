//! Validation scales: a portfolio of 100,000 projects (77 MB of compact kartan JSON) is
//! validated in one pass. No timing assertion; the time is printed
//! (`cargo test -p kartan --test validate_large -- --nocapture`).

use std::time::Instant;

use chrono::NaiveDate;
use kartan::analysis::validate;
use kartan::*;
use rust_decimal::Decimal;

const PROJECTS: usize = 100_000;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The program and one project as kartan JSON; the project is the template for all
/// 100,000 (built from JSON, so new optional model fields need no change here).
const PROGRAM: &str = r#"{
    "format": "kartan/1",
    "default_language": "sv",
    "program": {
        "id": "PROG", "title": {"sv": "Program"},
        "period": {"start": "2010-01-01", "end": "2020-12-31"},
        "matrix": {"rows": [{"level": "local", "experiences": [{"id": "M-1", "text": {"sv": "Goda exempel"}}]}]},
        "results": [{"id": "R-PROG", "type": "outcome", "title": {"sv": "Resultat"}, "matrix_items": ["M-1"],
            "indicators": [{"id": "I-PROG", "measure": "percentage", "title": {"sv": "Andel"}}]}]
    }
}"#;

const PROJECT: &str = r#"{
    "id": "P", "title": {"sv": "Projekt"}, "status": "implementation",
    "planned": {"start": "2011-01-01", "end": "2019-12-31"}, "actual": {"start": "2011"},
    "budgets": [{"period": {"start": "2011", "end": "2011"}, "value": {"amount": "100000", "currency": "SEK"}}],
    "contributes_to": ["M-1"],
    "results": [{"id": "R", "type": "output", "title": {"sv": "Deltagande"},
        "indicators": [{"id": "I", "measure": "percentage", "title": {"sv": "Andel nöjda deltagare"},
            "periods": [{"start": "2011-01-01", "end": "2011-12-31",
                "targets": [{"value": "80", "numerator": "8", "denominator": "10"}],
                "actuals": [{"value": "31.25", "numerator": "5", "denominator": "16"}]}]}]}]
}"#;

/// 100,000 projects (77 MB of compact kartan JSON), each with an owner (of 1,000
/// organisations), a focus area, a parent (a chain 100,000 deep), dates, a budget line, a
/// matrix item and a percentage indicator with a period that rolls up into one program
/// indicator with 100,000 contributors.
fn large() -> Portfolio {
    let mut p: Portfolio = serde_json::from_str(PROGRAM).unwrap();
    let template: Project = serde_json::from_str(PROJECT).unwrap();
    let area: FocusArea = serde_json::from_str(r#"{"id": "FA", "name": {"sv": "Fokus"}}"#).unwrap();
    p.program.focus_areas = (0..10).map(|k| FocusArea { id: format!("FA-{k}"), ..area.clone() }).collect();
    let org: Organisation =
        serde_json::from_str(r#"{"id": "ORG", "name": {"sv": "Kommun"}, "kind": "municipality"}"#).unwrap();
    p.organisations = (0..1000).map(|k| Organisation { id: format!("ORG-{k}"), ..org.clone() }).collect();
    p.program.results[0].indicators[0].contributors = (0..PROJECTS).map(|i| format!("I-{i}")).collect();
    p.projects = (0..PROJECTS)
        .map(|i| {
            let mut pr = template.clone();
            pr.id = format!("P-{i}");
            pr.title = Text::one("sv", format!("Projekt nummer {i}"));
            pr.owner = Some(format!("ORG-{}", i % 1000));
            pr.focus_area = Some(format!("FA-{}", i % 10));
            pr.parent = (i > 0).then(|| format!("P-{}", i - 1));
            pr.budgets[0].value.amount = Decimal::from(100_000 + i as i64);
            pr.results[0].id = format!("R-{i}");
            let ind = &mut pr.results[0].indicators[0];
            ind.id = format!("I-{i}");
            let actual = &mut ind.periods[0].actuals[0];
            actual.numerator = Some(Decimal::from((i % 10) as i64));
            actual.value = Some(Decimal::from((i % 10) as i64 * 100) / Decimal::from(16));
            pr
        })
        .collect();
    p
}

/// One validation (debug builds are slow): three problems among 100,000 projects are
/// each found once, at their place, and nothing else is reported. Closing the
/// 100,000-deep parent chain into a cycle gives one diagnostic, not 100,000.
#[test]
fn validates_100k_projects() {
    let mut p = large();
    p.projects[99_999].results[0].id = "R-7".into();
    p.projects[50_000].owner = Some("ORG-NONE".into());
    p.projects[0].parent = Some(format!("P-{}", PROJECTS - 1));
    let started = Instant::now();
    let found = validate(&p, day(2015, 6, 1));
    eprintln!("validated {PROJECTS} projects in {:?}", started.elapsed());
    let got: Vec<(&str, &str)> = found.iter().map(|d| (d.code.as_str(), d.path.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("duplicate-id", "/projects/99999/results/0/id"),
            ("dangling-reference", "/projects/50000/owner"),
            ("project-cycle", "/projects/0/parent"),
        ]
    );
    assert!(found[2].message.starts_with("projects form a cycle through their parent links: P-0 → P-99999 → P-99998"));
}

/// Figures for the report: JSON size, read and validation time
/// (`cargo test --release -p kartan --test validate_large -- --ignored --nocapture`).
#[test]
#[ignore = "measurement, not a check"]
fn size_probe() {
    let p = large();
    let t = Instant::now();
    eprintln!("compact json {} bytes", serde_json::to_string(&p).unwrap().len());
    let s = kartan::io::json::to_string(&p);
    eprintln!("pretty json {} bytes, written in {:?}", s.len(), t.elapsed());
    let t = Instant::now();
    let q = kartan::io::json::from_str(&s).unwrap();
    eprintln!("read in {:?}", t.elapsed());
    let t = Instant::now();
    validate(&q, day(2015, 6, 1));
    eprintln!("validated in {:?}", t.elapsed());
}
