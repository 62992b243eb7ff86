//! Roll-up of a synthetic portfolio: 10,000 projects × 20 indicators × 12 monthly
//! periods (2.4 million periods), beside the floor: a bare loop reading every target
//! and actual value once. Goal (issue 3): the roll-up takes at most 3× the floor.
//!
//! Run: `cargo bench -p kartan --bench rollup -- --warm-up-time 1 --measurement-time 5`.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use kartan::analysis::results::{Periods, ResultsIndex};
use kartan::model::Result;
use kartan::{Cumulation, Indicator, Measure, Period, PeriodValue, Portfolio, Program, Project, ResultType, Text};
use rust_decimal::Decimal;

const PROJECTS: usize = 10_000;
const INDICATORS: usize = 20;
const MONTHS: u32 = 12;

/// The kind of indicator `j`: a mix of the measures and cumulation modes.
fn kind(j: usize) -> (Measure, Cumulation) {
    match j % 4 {
        0 => (Measure::Unit, Cumulation::NonCumulative),
        1 => (Measure::Unit, Cumulation::Cumulative),
        2 => (Measure::Percentage, Cumulation::LatestValue),
        _ => (Measure::Unit, Cumulation::LatestValue),
    }
}

fn value(measure: Measure, seed: u64) -> PeriodValue {
    let mut v = PeriodValue::default();
    if measure == Measure::Percentage {
        let d = 10 + (seed % 90);
        v.numerator = Some(Decimal::from(seed % (d + 1)));
        v.denominator = Some(Decimal::from(d));
    } else {
        v.value = Some(Decimal::new((seed % 10_000) as i64, 1));
    }
    v
}

fn portfolio() -> Portfolio {
    let mut program = Program::new("PRG", Text::one("en", "Synthetic"));
    let mut program_result = Result {
        id: "PRG-R".into(),
        result_type: ResultType::Outcome,
        aggregation_status: None,
        title: Text::new(),
        description: Text::new(),
        indicators: Vec::new(),
        matrix_items: Vec::new(),
        document_links: Vec::new(),
        references: Vec::new(),
    };
    let template = program_result.clone();
    for j in 0..INDICATORS {
        let (measure, cumulation) = kind(j);
        let mut ind = Indicator::new(format!("PRG-IND-{j}"), Some(measure));
        ind.cumulation = cumulation;
        ind.contributors = (0..PROJECTS).map(|p| format!("P{p}-IND-{j}")).collect();
        program_result.indicators.push(ind);
    }
    program.results.push(program_result.clone());
    let mut portfolio = Portfolio::new("en", program);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for p in 0..PROJECTS {
        let mut project = Project::new(format!("P{p}"), Text::one("en", "Project"));
        let mut result = template.clone();
        result.id = format!("P{p}-R");
        result.indicators = (0..INDICATORS)
            .map(|j| {
                let (measure, cumulation) = kind(j);
                let mut ind = Indicator::new(format!("P{p}-IND-{j}"), Some(measure));
                ind.cumulation = cumulation;
                ind.periods = (1..=MONTHS)
                    .map(|m| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                        let start = NaiveDate::from_ymd_opt(2024, m, 1).expect("valid month");
                        let end = NaiveDate::from_ymd_opt(2024 + i32::from(m == 12), m % 12 + 1, 1)
                            .and_then(|d| d.pred_opt())
                            .expect("valid");
                        Period {
                            start,
                            end,
                            targets: vec![value(measure, seed >> 7)],
                            actuals: vec![value(measure, seed >> 23)],
                        }
                    })
                    .collect();
                ind
            })
            .collect();
        project.results.push(result);
        portfolio.projects.push(project);
    }
    portfolio
}

/// The floor: read every target and actual value once.
fn floor(portfolio: &Portfolio) -> Decimal {
    let mut sum = Decimal::ZERO;
    for project in &portfolio.projects {
        for result in &project.results {
            for indicator in &result.indicators {
                for period in &indicator.periods {
                    for v in period.targets.iter().chain(&period.actuals) {
                        if let Some(x) = v.value.or(v.numerator) {
                            sum += x;
                        }
                    }
                }
            }
        }
    }
    sum
}

/// Floor and roll-up timed alternately, best of `rounds` each: on a shared, loaded
/// machine the best run is the one least disturbed, and alternating exposes both to
/// the same load. Prints both figures and the ratio.
fn interleaved(portfolio: &Portfolio, index: &ResultsIndex<'_>, ids: &[String], rounds: usize) {
    let (mut floor_best, mut rollup_best) = (f64::MAX, f64::MAX);
    for _ in 0..rounds {
        let t = Instant::now();
        black_box(floor(black_box(portfolio)));
        floor_best = floor_best.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for id in ids {
            black_box(index.rollup(id, &Periods::Quarterly).expect("rolls up"));
        }
        rollup_best = rollup_best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "interleaved best of {rounds}: floor {:.1} ms, roll-up {:.1} ms, ratio {:.2}",
        floor_best * 1e3,
        rollup_best * 1e3,
        rollup_best / floor_best
    );
}

fn bench(c: &mut Criterion) {
    let portfolio = portfolio();
    let index = ResultsIndex::new(&portfolio);
    let ids: Vec<String> = (0..INDICATORS).map(|j| format!("PRG-IND-{j}")).collect();
    interleaved(&portfolio, &index, &ids, 7);
    let mut group = c.benchmark_group("rollup_2.4M_periods");
    group.sample_size(10);
    group.bench_function("floor_read_every_value", |b| b.iter(|| black_box(floor(black_box(&portfolio)))));
    group.bench_function("rollup_20_program_indicators_quarterly", |b| {
        b.iter(|| {
            for id in &ids {
                let r = index.rollup(id, &Periods::Quarterly).expect("rolls up");
                black_box(r);
            }
        })
    });
    group.bench_function("rollup_including_index_build", |b| {
        b.iter(|| {
            let index = ResultsIndex::new(black_box(&portfolio));
            for id in &ids {
                black_box(index.rollup(id, &Periods::Quarterly).expect("rolls up"));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
