//! Property: any portfolio survives kartan JSON write → read unchanged.

use chrono::NaiveDate;
use kartan::io::json;
use kartan::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn text() -> impl Strategy<Value = Text> {
    proptest::collection::btree_map(prop_oneof!["sv", "en", "sv-FI", "se"], "\\PC{0,12}", 0..3).prop_map(Text::from)
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..10).prop_map(|(n, scale)| Decimal::new(n, scale))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2040, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        date().prop_map(PartialDate::Date),
        (1990i32..2040).prop_map(PartialDate::Year),
        (1990i32..2040, 1u32..=12).prop_map(|(year, month)| PartialDate::YearMonth { year, month }),
        (1u32..=12, 1u32..=28).prop_map(|(month, day)| PartialDate::MonthDay { month, day }),
    ]
}

fn range() -> impl Strategy<Value = DateRange> {
    (option::of(partial_date()), option::of(partial_date())).prop_map(|(start, end)| DateRange { start, end })
}

fn period_value() -> impl Strategy<Value = PeriodValue> {
    (
        option::of(decimal()),
        option::of(decimal()),
        option::of(decimal()),
        text(),
        vec(("[a-z]{1,5}", "[a-z0-9]{1,5}"), 0..3),
    )
        .prop_map(|(value, numerator, denominator, comment, dims)| PeriodValue {
            value,
            numerator,
            denominator,
            comment,
            dimensions: dims.into_iter().map(|(name, value)| Dimension { name, value }).collect(),
            ..PeriodValue::default()
        })
}

fn indicator() -> impl Strategy<Value = Indicator> {
    let measure = option::of(prop_oneof![
        Just(Measure::Unit),
        Just(Measure::Percentage),
        Just(Measure::Nominal),
        Just(Measure::Ordinal),
        Just(Measure::Qualitative)
    ]);
    let period = (date(), date(), vec(period_value(), 0..3), vec(period_value(), 0..3))
        .prop_map(|(start, end, targets, actuals)| Period { start, end, targets, actuals });
    ("[A-Z]{1,3}-[0-9]{1,4}", measure, text(), vec(period, 0..3), option::of(decimal()), any::<bool>()).prop_map(
        |(id, measure, title, periods, life_target, desc)| {
            let mut i = Indicator::new(id, measure);
            i.title = title;
            i.periods = periods;
            i.life_target = life_target;
            i.baselines = vec![Baseline { year: Some(2010), value: life_target, ..Baseline::default() }];
            if desc {
                i.direction = Direction::Descending;
                i.cumulation = Cumulation::Cumulative;
            }
            i
        },
    )
}

fn project() -> impl Strategy<Value = Project> {
    let budget =
        (decimal(), "[A-Z]{3}", range(), any::<bool>()).prop_map(|(amount, currency, period, revised)| Budget {
            kind: if revised { BudgetKind::Revised } else { BudgetKind::Original },
            period,
            value: Money::new(amount, currency),
            indicative: revised,
        });
    ("\\PC{1,10}", text(), text(), range(), range(), vec(budget, 0..3), vec(indicator(), 0..3), option::of(0usize..6))
        .prop_map(|(id, title, description, planned, actual, budgets, indicators, status)| {
            let mut p = Project::new(id, title);
            p.description = description;
            p.planned = planned;
            p.actual = actual;
            p.budgets = budgets;
            p.status = status.map(|s| ActivityStatus::ALL[s]);
            p.levels = vec![Level::Local];
            p.classifications.insert("priority_axis".into(), "1".into());
            if !indicators.is_empty() {
                p.results = vec![kartan::model::Result {
                    id: format!("{}-R", p.id),
                    result_type: ResultType::Outcome,
                    aggregation_status: Some(true),
                    title: Text::one("en", "r"),
                    description: Text::new(),
                    indicators,
                    matrix_items: vec![],
                    document_links: vec![],
                    references: vec![],
                }];
            }
            p
        })
}

fn portfolio() -> impl Strategy<Value = Portfolio> {
    (text(), text(), range(), vec(text(), 0..3), vec(project(), 0..4)).prop_map(
        |(title, purpose, period, rationale, projects)| {
            let mut program = Program::new("P", title);
            program.purpose = purpose;
            program.period = period;
            program.rationale = rationale;
            let mut p = Portfolio::new("sv", program);
            p.projects = projects;
            p.lessons = vec![Lesson {
                id: "L1".into(),
                text: Text::sv_en("Lärdom", "Lesson"),
                phase: Some("analysis".into()),
                source: None,
                theme: Text::new(),
                date: Some(PartialDate::MonthDay { month: 4, day: 14 }),
                applied: vec![Application {
                    kind: ApplicationKind::NextProgram,
                    text: Text::one("sv", "Beslut"),
                    date: None,
                }],
            }];
            p
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn write_then_read_is_identity(p in portfolio()) {
        let text = json::to_string(&p);
        let back = json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, p);
    }
}

/// `use kartan::*` leaves std's `Result` alone: the crate root re-exports no `Result`
/// (the model's is `kartan::model::Result`). This would not compile otherwise.
#[test]
fn the_crate_root_does_not_shadow_std_result() {
    fn parse(s: &str) -> Result<i32, std::num::ParseIntError> {
        s.parse()
    }
    assert_eq!(parse("4"), Ok(4));
}
