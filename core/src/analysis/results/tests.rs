//! Property tests and bad-input tests of the results engine.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::model::{
    Cumulation, Indicator, Measure, Period, PeriodValue, Portfolio, Program, Project, Result, ResultType, Text,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn month(m: u32) -> (NaiveDate, NaiveDate) {
    let start = date(2024, m, 1);
    let end = if m == 12 { date(2024, 12, 31) } else { date(2024, m + 1, 1).pred_opt().unwrap() };
    (start, end)
}

fn result_with(id: &str, indicators: Vec<Indicator>) -> Result {
    Result {
        id: id.into(),
        result_type: ResultType::Output,
        aggregation_status: None,
        title: Text::new(),
        description: Text::new(),
        indicators,
        matrix_items: Vec::new(),
        document_links: Vec::new(),
        references: Vec::new(),
    }
}

/// A portfolio whose program indicator `PRG` rolls up `projects` (one indicator each).
fn portfolio(program: Indicator, projects: Vec<Indicator>) -> Portfolio {
    let mut prog = Program::new("P", Text::one("en", "P"));
    prog.results.push(result_with("PR", vec![program]));
    let mut p = Portfolio::new("en", prog);
    for (i, ind) in projects.into_iter().enumerate() {
        let mut project = Project::new(format!("PJ{i}"), Text::one("en", "x"));
        project.results.push(result_with(&format!("R{i}"), vec![ind]));
        p.projects.push(project);
    }
    p
}

fn pv(measure: Measure, a: u32, b: u32, reported: Option<NaiveDate>) -> PeriodValue {
    let mut v = PeriodValue { reported, ..PeriodValue::default() };
    if measure == Measure::Percentage {
        v.numerator = Some(Decimal::from(a.min(b)));
        v.denominator = Some(Decimal::from(b));
    } else {
        v.value = Some(Decimal::from(a) - Decimal::from(b));
    }
    v
}

prop_compose! {
    /// An indicator with some of the 12 months of 2024, each with 0-3 reports.
    fn arb_indicator(id: String, measure: Measure)(
        cumulation in prop_oneof![Just(Cumulation::NonCumulative), Just(Cumulation::Cumulative), Just(Cumulation::LatestValue)],
        months in proptest::collection::btree_set(1u32..=12, 1..8),
        reports in proptest::collection::vec(proptest::collection::vec((0u32..50, 1u32..50, proptest::option::of(0u32..40)), 0..4), 12),
        target in proptest::option::of((0u32..50, 1u32..50)),
    ) -> Indicator {
        let mut ind = Indicator::new(id.clone(), Some(measure));
        ind.cumulation = cumulation;
        ind.periods = months.iter().zip(&reports).map(|(&m, rs)| {
            let (start, end) = month(m);
            Period {
                start,
                end,
                actuals: rs.iter().map(|&(a, b, r)| pv(measure, a, b, r.map(|r| end + chrono::Days::new(u64::from(r))))).collect(),
                targets: target.iter().map(|&(a, b)| pv(measure, a, b, None)).collect(),
            }
        }).collect();
        ind
    }
}

fn arb_measure() -> impl Strategy<Value = Measure> {
    prop_oneof![Just(Measure::Unit), Just(Measure::Percentage)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A roll-up of one project into that project's own periods equals the project.
    #[test]
    fn rollup_of_one_project_equals_the_project(ind in arb_measure().prop_flat_map(|m| arb_indicator("A".into(), m))) {
        let mut program = Indicator::new("PRG", ind.measure);
        program.cumulation = ind.cumulation;
        program.contributors = vec!["A".into()];
        let own: Vec<_> = ind.periods.iter().map(|p| (p.start, p.end)).collect();
        let p = portfolio(program, vec![ind]);
        let values = ResultsIndex::new(&p).period_values("A").unwrap();
        let rolled = ResultsIndex::new(&p).rollup("PRG", &Periods::Explicit(own)).unwrap();
        prop_assert_eq!(values.periods.len(), rolled.periods.len());
        for (v, r) in values.periods.iter().zip(&rolled.periods) {
            prop_assert_eq!((v.start, v.end), (r.start, r.end));
            prop_assert_eq!(v.actual, r.actual);
            prop_assert_eq!(v.target, r.contributors_target);
        }
        prop_assert_eq!(values.life.actual, rolled.life.actual);
        prop_assert_eq!(values.life.target, rolled.life.contributors_target);
    }

    /// The life-of-program actual equals a direct reading of every value: the sum
    /// (non-cumulative units) or the single latest by business date (None on a tie).
    #[test]
    fn life_actual_matches_a_direct_reading(ind in arb_measure().prop_flat_map(|m| arb_indicator("A".into(), m))) {
        let measure = ind.measure.unwrap();
        let summing = measure == Measure::Unit && ind.cumulation == Cumulation::NonCumulative;
        let values: Vec<(NaiveDate, NaiveDate, &PeriodValue)> = ind.periods.iter()
            .flat_map(|p| p.actuals.iter().map(move |v| (p.end, v.reported.unwrap_or(p.end), v)))
            .collect();
        let fig = |v: &PeriodValue| match (v.numerator, v.denominator) {
            (Some(n), Some(d)) if measure == Measure::Percentage => Figure::ratio(n, d),
            _ => Figure::number(v.value.unwrap()),
        };
        let expected = if summing {
            (!values.is_empty()).then(|| Figure::number(values.iter().map(|(_, _, v)| v.value.unwrap()).sum()))
        } else {
            let top = values.iter().map(|&(e, r, _)| (e, r)).max();
            let at_top: Vec<Figure> = values.iter().filter(|&&(e, r, _)| Some((e, r)) == top).map(|(_, _, v)| fig(v)).collect();
            match at_top.first() {
                Some(f) if at_top.iter().all(|g| g == f) => Some(*f),
                _ => None,
            }
        };
        let p = portfolio(Indicator::new("PRG", Some(measure)), vec![ind.clone()]);
        prop_assert_eq!(ResultsIndex::new(&p).period_values("A").unwrap().life.actual, expected);
    }

    /// A roll-up does not depend on the order of contributors, periods or reports.
    #[test]
    fn rollup_is_independent_of_input_order(
        (measure, inds) in arb_measure().prop_flat_map(|m| (Just(m), proptest::collection::vec(arb_indicator(String::new(), m), 1..5))),
        cumulation in prop_oneof![Just(Cumulation::NonCumulative), Just(Cumulation::Cumulative), Just(Cumulation::LatestValue)],
        periods in prop_oneof![Just(Periods::Quarterly), Just(Periods::Yearly), Just(Periods::Monthly)],
    ) {
        let inds: Vec<Indicator> = inds.into_iter().enumerate().map(|(i, mut ind)| {
            ind.id = format!("C{i}");
            ind.cumulation = cumulation;
            ind
        }).collect();
        let mut program = Indicator::new("PRG", Some(measure));
        program.cumulation = cumulation;
        program.contributors = inds.iter().map(|i| i.id.clone()).collect();
        let forward = portfolio(program.clone(), inds.clone());
        let mut reversed_inds = inds;
        reversed_inds.reverse();
        for ind in &mut reversed_inds {
            ind.periods.reverse();
            for p in &mut ind.periods {
                p.actuals.reverse();
            }
        }
        program.contributors.reverse();
        let backward = portfolio(program, reversed_inds);
        let a = ResultsIndex::new(&forward).rollup("PRG", &periods).unwrap();
        let b = ResultsIndex::new(&backward).rollup("PRG", &periods).unwrap();
        prop_assert_eq!(a.periods.len(), b.periods.len());
        for (x, y) in a.periods.iter().zip(&b.periods) {
            prop_assert_eq!(x.actual, y.actual);
            prop_assert_eq!(x.target, y.target);
            let mut cx: Vec<_> = x.contributions.iter().map(|c| (c.indicator, c.actual, c.target, c.carried_forward)).collect();
            let mut cy: Vec<_> = y.contributions.iter().map(|c| (c.indicator, c.actual, c.target, c.carried_forward)).collect();
            cx.sort_by_key(|c| c.0);
            cy.sort_by_key(|c| c.0);
            prop_assert_eq!(cx, cy);
        }
        prop_assert_eq!(a.life.actual, b.life.actual);
        prop_assert_eq!(a.life.target, b.life.target);
        let mut da: Vec<_> = a.diagnostics.iter().map(|d| d.code.clone()).collect();
        let mut db: Vec<_> = b.diagnostics.iter().map(|d| d.code.clone()).collect();
        da.sort();
        db.sort();
        prop_assert_eq!(da, db);
    }

    /// Pooling any split of a percentage population gives the unsplit percentage.
    #[test]
    fn pooling_a_split_gives_the_whole(parts in proptest::collection::vec((0u32..1000, 0u32..1000), 1..8)) {
        let parts: Vec<(u32, u32)> = parts.into_iter().map(|(n, d)| (n.min(d), d)).collect();
        let (n, d) = parts.iter().fold((0, 0), |(a, b), &(x, y)| (a + x, b + y));
        let inds: Vec<Indicator> = parts.iter().enumerate().map(|(i, &(x, y))| {
            let mut ind = Indicator::new(format!("C{i}"), Some(Measure::Percentage));
            let (start, end) = month(6);
            let mut v = PeriodValue::default();
            (v.numerator, v.denominator) = (Some(Decimal::from(x)), Some(Decimal::from(y)));
            ind.periods.push(Period { start, end, targets: Vec::new(), actuals: vec![v] });
            ind
        }).collect();
        let mut program = Indicator::new("PRG", Some(Measure::Percentage));
        program.contributors = inds.iter().map(|i| i.id.clone()).collect();
        let p = portfolio(program, inds);
        let rolled = ResultsIndex::new(&p).rollup("PRG", &Periods::Yearly).unwrap();
        let whole = Figure::ratio(Decimal::from(n), Decimal::from(d));
        prop_assert_eq!(rolled.periods[0].actual, Some(whole));
        prop_assert_eq!(rolled.life.actual, Some(whole));
    }
}

fn unit(id: &str, periods: Vec<Period>) -> Indicator {
    let mut ind = Indicator::new(id, Some(Measure::Unit));
    ind.periods = periods;
    ind
}

fn period(start: NaiveDate, end: NaiveDate, actual: i64) -> Period {
    Period {
        start,
        end,
        targets: Vec::new(),
        actuals: vec![PeriodValue { value: Some(Decimal::from(actual)), ..PeriodValue::default() }],
    }
}

#[test]
fn a_period_ending_before_it_starts_is_refused_with_its_place() {
    let mut program = Indicator::new("PRG", Some(Measure::Unit));
    program.contributors = vec!["A".into()];
    let p = portfolio(program, vec![unit("A", vec![period(date(2024, 12, 31), date(2024, 1, 1), 5)])]);
    let err = ResultsIndex::new(&p).rollup("PRG", &Periods::Yearly).unwrap_err();
    assert_eq!(
        err,
        ResultsError::PeriodEndsBeforeStart {
            pointer: "/projects/0/results/0/indicators/0/periods/0".into(),
            start: date(2024, 12, 31),
            end: date(2024, 1, 1),
        }
    );
    assert!(ResultsIndex::new(&p).indicator_progress("A", date(2024, 12, 31)).is_err());
}

#[test]
fn a_missing_contributor_is_named() {
    let mut program = Indicator::new("PRG", Some(Measure::Unit));
    program.contributors = vec!["A".into(), "GONE".into()];
    let p = portfolio(program, vec![unit("A", vec![])]);
    let err = ResultsIndex::new(&p).rollup("PRG", &Periods::Yearly).unwrap_err();
    assert_eq!(
        err,
        ResultsError::MissingContributor {
            indicator: "PRG".into(),
            contributor: "GONE".into(),
            pointer: "/program/results/0/indicators/0/contributors/1".into(),
        }
    );
    assert!(err.to_string().contains("\"GONE\""));
}

#[test]
fn a_contributor_cycle_is_refused() {
    let mut program = Indicator::new("PRG", Some(Measure::Unit));
    program.contributors = vec!["A".into()];
    let mut a = unit("A", vec![]);
    a.contributors = vec!["B".into()];
    let mut b = unit("B", vec![]);
    b.contributors = vec!["A".into()];
    let p = portfolio(program, vec![a, b]);
    let err = ResultsIndex::new(&p).rollup("PRG", &Periods::Yearly).unwrap_err();
    assert_eq!(err, ResultsError::ContributorCycle { path: vec!["A".into(), "B".into(), "A".into()] });
}

#[test]
fn mixed_cumulation_and_unknown_measure_are_refused() {
    let mut program = Indicator::new("PRG", Some(Measure::Unit));
    program.contributors = vec!["A".into()];
    let mut a = unit("A", vec![]);
    a.cumulation = Cumulation::Cumulative;
    assert_eq!(
        ResultsIndex::new(&portfolio(program.clone(), vec![a])).rollup("PRG", &Periods::Yearly).unwrap_err().code(),
        "mixed_cumulation"
    );
    let none = Indicator::new("A", None);
    assert_eq!(
        ResultsIndex::new(&portfolio(program, vec![none])).rollup("PRG", &Periods::Yearly).unwrap_err().code(),
        "measure_unknown"
    );
}

#[test]
fn division_by_zero_is_undefined_not_zero() {
    let mut ind = Indicator::new("A", Some(Measure::Percentage));
    let mut v = PeriodValue::default();
    (v.numerator, v.denominator) = (Some(Decimal::from(3)), Some(Decimal::ZERO));
    ind.periods.push(Period {
        start: date(2024, 1, 1),
        end: date(2024, 12, 31),
        targets: Vec::new(),
        actuals: vec![v],
    });
    ind.baselines.push(crate::model::Baseline { value: Some(Decimal::from(10)), ..Default::default() });
    ind.life_target = Some(Decimal::from(10));
    let p = portfolio(Indicator::new("PRG", Some(Measure::Unit)), vec![ind]);
    let values = ResultsIndex::new(&p).period_values("A").unwrap();
    assert_eq!(values.periods[0].actual.unwrap().value, None);
    let progress = ResultsIndex::new(&p).indicator_progress("A", date(2024, 12, 31)).unwrap();
    assert_eq!(progress.actual, None);
    assert_eq!(progress.progress, Progress::Undefined);
    assert_eq!(progress.status, Track::NoData);
}

#[test]
fn nan_and_infinite_values_are_refused_at_load() {
    let base = r#"{"format":"kartan/1","default_language":"en","program":{"id":"P","title":{"en":"P"},"results":[{"id":"R","type":"output","indicators":[{"id":"I","measure":"unit","periods":[{"start":"2024-01-01","end":"2024-12-31","actuals":[{"value":VALUE}]}]}]}]}}"#;
    for bad in ["\"NaN\"", "\"inf\"", "\"-Infinity\"", "1e400", "\"1,000\""] {
        let json = base.replace("VALUE", bad);
        assert!(crate::io::json::from_str(&json).is_err(), "{bad} accepted");
    }
    assert!(crate::io::json::from_str(&base.replace("VALUE", "\"12.5\"")).is_ok());
}

#[test]
fn ambiguous_latest_is_reported_not_picked_by_input_order() {
    let mut ind = unit("A", vec![period(date(2024, 1, 1), date(2024, 12, 31), 5)]);
    ind.cumulation = Cumulation::LatestValue;
    ind.periods[0].actuals.push(PeriodValue { value: Some(Decimal::from(7)), ..PeriodValue::default() });
    let p = portfolio(Indicator::new("PRG", Some(Measure::Unit)), vec![ind]);
    let values = ResultsIndex::new(&p).period_values("A").unwrap();
    assert_eq!(values.periods[0].actual, None);
    assert_eq!(values.diagnostics[0].code, "ambiguous-latest");
}

#[test]
fn chart_spec_is_vega_lite_v6_with_actual_target_and_baseline() {
    let mut ind = unit("A", vec![period(date(2024, 1, 1), date(2024, 12, 31), 5)]);
    ind.periods[0].targets.push(PeriodValue { value: Some(Decimal::from(8)), ..PeriodValue::default() });
    ind.baselines.push(crate::model::Baseline { value: Some(Decimal::from(2)), ..Default::default() });
    let p = portfolio(Indicator::new("PRG", Some(Measure::Unit)), vec![ind]);
    let spec = ResultsIndex::new(&p).indicator("A").unwrap().chart().unwrap();
    assert_eq!(spec["$schema"], "https://vega.github.io/schema/vega-lite/v6.json");
    assert_eq!(spec["title"], "A");
    let rows = spec["layer"][0]["data"]["values"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["series"], "actual");
    assert_eq!(rows[0]["value"], 5.0);
    assert_eq!(rows[1]["value"], 8.0);
    assert_eq!(spec["layer"][1]["data"]["values"][0]["baseline"], 2.0);
}

#[test]
fn matrix_item_progress_lists_linked_quantitative_indicators() {
    let mut a = unit("A", vec![period(date(2024, 1, 1), date(2024, 12, 31), 5)]);
    a.matrix_items = vec!["M1".into()];
    let mut b = Indicator::new("B", Some(Measure::Qualitative));
    b.matrix_items = vec!["M1".into()];
    let c = unit("C", vec![]);
    let p = portfolio(Indicator::new("PRG", Some(Measure::Unit)), vec![a, b, c]);
    let found = ResultsIndex::new(&p).matrix_item_progress("M1", date(2024, 12, 31));
    assert_eq!(found.len(), 1);
    let progress = found[0].as_ref().unwrap();
    assert_eq!((progress.indicator, progress.actual), ("A", Some(Decimal::from(5))));
    assert_eq!(progress.progress, Progress::NoTarget);
    assert!(ResultsIndex::new(&p).matrix_item_progress("M9", date(2024, 12, 31)).is_empty());
}
