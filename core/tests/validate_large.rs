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

fn text(s: String) -> Text {
    Text(std::iter::once(("sv".to_owned(), s)).collect())
}

/// 100,000 projects (about 55 MB of kartan JSON), each with an owner, a focus area, a
/// parent (a chain 100,000 deep), dates, a budget line, a matrix item and a percentage
/// indicator with a period that rolls up into one program indicator with 100,000
/// contributors.
fn large() -> Portfolio {
    let mut program = Program::new("PROG", text("Program".into()));
    program.period = DateRange::between(day(2010, 1, 1), day(2020, 12, 31));
    program.focus_areas = (0..10)
        .map(|k| FocusArea { id: format!("FA-{k}"), name: text(format!("Fokus {k}")), description: Text::new() })
        .collect();
    program.matrix.rows.push(MatrixRow {
        level: Level::Local,
        actors: Vec::new(),
        experiences: vec![MatrixItem { id: "M-1".into(), text: text("Goda exempel".into()) }],
        effects: Vec::new(),
    });
    let mut goal = Indicator::new("I-PROG", Some(Measure::Percentage));
    goal.title = text("Andel".into());
    goal.contributors = (0..PROJECTS).map(|i| format!("I-{i}")).collect();
    program.results.push(kartan::Result {
        id: "R-PROG".into(),
        result_type: ResultType::Outcome,
        aggregation_status: None,
        title: text("Resultat".into()),
        description: Text::new(),
        indicators: vec![goal],
        matrix_items: vec!["M-1".into()],
        document_links: Vec::new(),
        references: Vec::new(),
    });
    let mut p = Portfolio::new("sv", program);
    p.organisations = (0..1000)
        .map(|k| Organisation {
            id: format!("ORG-{k}"),
            name: text(format!("Kommun {k}")),
            kind: Some(OrganisationKind::Municipality),
            level: Some(Level::Local),
            iati_type: None,
            region: None,
        })
        .collect();
    let value = |n: i64, d: i64| PeriodValue {
        value: Some(Decimal::from(n * 100) / Decimal::from(d)),
        numerator: Some(Decimal::from(n)),
        denominator: Some(Decimal::from(d)),
        ..PeriodValue::default()
    };
    p.projects = (0..PROJECTS)
        .map(|i| {
            let mut pr = Project::new(format!("P-{i}"), text(format!("Projekt nummer {i}")));
            pr.owner = Some(format!("ORG-{}", i % 1000));
            pr.focus_area = Some(format!("FA-{}", i % 10));
            pr.parent = (i > 0).then(|| format!("P-{}", i - 1));
            pr.status = Some(ActivityStatus::Implementation);
            pr.planned = DateRange::between(day(2011, 1, 1), day(2019, 12, 31));
            pr.actual = DateRange { start: Some(PartialDate::Year(2011)), end: None };
            pr.budgets = (2011..2012)
                .map(|y| Budget {
                    kind: BudgetKind::Original,
                    period: DateRange { start: Some(PartialDate::Year(y)), end: Some(PartialDate::Year(y)) },
                    value: Money::new(Decimal::from(100_000 + i as i64), "SEK"),
                    indicative: false,
                })
                .collect();
            pr.contributes_to = vec!["M-1".into()];
            let mut ind = Indicator::new(format!("I-{i}"), Some(Measure::Percentage));
            ind.title = text("Andel nöjda deltagare".into());
            ind.periods = (2011..2012)
                .map(|y| Period {
                    start: day(y, 1, 1),
                    end: day(y, 12, 31),
                    targets: vec![value(8, 10)],
                    actuals: vec![value((i % 10) as i64, 16)],
                })
                .collect();
            pr.results.push(kartan::Result {
                id: format!("R-{i}"),
                result_type: ResultType::Output,
                aggregation_status: None,
                title: text("Deltagande".into()),
                description: Text::new(),
                indicators: vec![ind],
                matrix_items: Vec::new(),
                document_links: Vec::new(),
                references: Vec::new(),
            });
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
