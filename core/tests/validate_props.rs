//! Properties of `validate` on randomly damaged portfolios (the seed program and every
//! bad-input fixture, rewired and renumbered at random): it never panics, it is
//! deterministic, every code is a documented one with its documented severity, and every
//! pointer resolves in the portfolio's kartan JSON form.

use std::path::Path;

use chrono::NaiveDate;
use kartan::analysis::{validate, CODES};
use kartan::*;
use proptest::option;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The portfolios the edits start from.
fn bases() -> Vec<Portfolio> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/bad");
    let mut out = vec![kartan::embedded::seed()];
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files.into_iter().filter(|f| f.extension().is_some_and(|x| x == "json")) {
        out.push(kartan::io::load(&f).unwrap());
    }
    out
}

fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-5i64..120).prop_map(Decimal::from),
        (any::<i64>(), 0u32..28).prop_map(|(n, s)| Decimal::new(n, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
    ]
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (2008i32..2016, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| PartialDate::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())),
        (2008i32..2016).prop_map(PartialDate::Year),
        (2008i32..2016, 1u32..=12).prop_map(|(year, month)| PartialDate::YearMonth { year, month }),
        (1u32..=12, 1u32..=28).prop_map(|(month, day)| PartialDate::MonthDay { month, day }),
    ]
}

fn range() -> impl Strategy<Value = DateRange> {
    (option::of(partial_date()), option::of(partial_date())).prop_map(|(start, end)| DateRange { start, end })
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (2008i32..2016, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

/// One random change; indices are taken modulo the lengths they select from.
#[derive(Debug, Clone)]
enum Edit {
    Parent(usize, Option<usize>),
    Owner(usize, usize),
    Contributor(usize, usize),
    PeriodDates(usize, NaiveDate, NaiveDate),
    Numbers(usize, Option<Decimal>, Option<Decimal>, Option<Decimal>),
    Measure(usize, Option<usize>),
    Budget(usize, usize, Decimal, DateRange, bool),
    Activity(usize, Option<usize>, DateRange, DateRange),
    Answer(usize, usize, Option<Decimal>),
    FactorScale(usize, Decimal, Decimal),
    Title(usize, usize, usize),
    DuplicateProject(usize),
    ProgramPeriod(DateRange),
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = || 0usize..64;
    prop_oneof![
        (i(), option::of(i())).prop_map(|(a, b)| Edit::Parent(a, b)),
        (i(), i()).prop_map(|(a, b)| Edit::Owner(a, b)),
        (i(), i()).prop_map(|(a, b)| Edit::Contributor(a, b)),
        (i(), day(), day()).prop_map(|(a, s, e)| Edit::PeriodDates(a, s, e)),
        (i(), option::of(decimal()), option::of(decimal()), option::of(decimal()))
            .prop_map(|(a, v, n, d)| Edit::Numbers(a, v, n, d)),
        (i(), option::of(0usize..5)).prop_map(|(a, m)| Edit::Measure(a, m)),
        (i(), 0usize..4, decimal(), range(), any::<bool>()).prop_map(|(a, c, x, r, rev)| Edit::Budget(a, c, x, r, rev)),
        (i(), option::of(0usize..3), range(), range()).prop_map(|(a, s, p, h)| Edit::Activity(a, s, p, h)),
        (i(), i(), option::of(decimal())).prop_map(|(a, q, s)| Edit::Answer(a, q, s)),
        (0usize..4, decimal(), decimal()).prop_map(|(k, a, b)| Edit::FactorScale(k, a, b)),
        (i(), 0usize..4, 0usize..3).prop_map(|(a, l, v)| Edit::Title(a, l, v)),
        i().prop_map(Edit::DuplicateProject),
        range().prop_map(Edit::ProgramPeriod),
    ]
}

fn ids(p: &Portfolio) -> Vec<String> {
    let mut ids: Vec<String> = p.projects.iter().map(|x| x.id.clone()).collect();
    ids.extend(p.organisations.iter().map(|x| x.id.clone()));
    ids.extend(p.indicators().map(|(_, i)| i.id.clone()));
    ids.push("NOPE".into());
    ids
}

fn indicators_mut(p: &mut Portfolio) -> Vec<&mut Indicator> {
    let program = p.program.results.iter_mut().flat_map(|r| r.indicators.iter_mut());
    let projects = p.projects.iter_mut().flat_map(|x| x.results.iter_mut().flat_map(|r| r.indicators.iter_mut()));
    program.chain(projects).collect()
}

fn apply(p: &mut Portfolio, e: &Edit) {
    let pool = ids(p);
    let pick = |k: usize| pool[k % pool.len()].clone();
    let (np, na) = (p.projects.len(), p.activities.len());
    match e.clone() {
        Edit::Parent(a, b) if np > 0 => p.projects[a % np].parent = b.map(pick),
        Edit::Owner(a, b) if np > 0 => p.projects[a % np].owner = Some(pick(b)),
        Edit::Contributor(a, b) => {
            let mut all = indicators_mut(p);
            let n = all.len();
            if n > 0 {
                all[a % n].contributors.push(pick(b));
            }
        }
        Edit::PeriodDates(a, start, end) => {
            let mut all = indicators_mut(p);
            let n = all.len();
            if n > 0 {
                let ind = &mut all[a % n];
                let template = ind.periods.first().cloned();
                let mut period: Period = template
                    .unwrap_or_else(|| serde_json::from_str(r#"{"start":"2010-01-01","end":"2010-12-31"}"#).unwrap());
                (period.start, period.end) = (start, end);
                ind.periods.push(period);
            }
        }
        Edit::Numbers(a, value, numerator, denominator) => {
            let mut all = indicators_mut(p);
            let n = all.len();
            if n > 0 {
                let ind = &mut all[a % n];
                let v = PeriodValue { value, numerator, denominator, ..PeriodValue::default() };
                match ind.periods.first_mut() {
                    Some(period) => period.actuals.push(v),
                    None => ind.baselines.push(Baseline { value, numerator, denominator, ..Baseline::default() }),
                }
            }
        }
        Edit::Measure(a, m) => {
            let mut all = indicators_mut(p);
            let n = all.len();
            if n > 0 {
                let measures =
                    [Measure::Unit, Measure::Percentage, Measure::Nominal, Measure::Ordinal, Measure::Qualitative];
                all[a % n].measure = m.map(|k| measures[k]);
            }
        }
        Edit::Budget(a, c, amount, period, revised) if np > 0 => {
            let currency = ["SEK", "EUR", "sek", "S"][c];
            let kind = if revised { BudgetKind::Revised } else { BudgetKind::Original };
            p.projects[a % np].budgets.push(Budget {
                kind,
                period,
                value: Money::new(amount, currency),
                indicative: false,
                value_date: None,
            });
        }
        Edit::Activity(a, state, planned, held) if na > 0 => {
            let act = &mut p.activities[a % na];
            act.state = state.map(|k| [ActivityState::Planned, ActivityState::Held, ActivityState::Cancelled][k]);
            (act.planned, act.held) = (planned, held);
        }
        Edit::Answer(a, q, score) => {
            if let Some(e) = p.evaluations.first_mut() {
                let mut qids: Vec<String> = e.instrument.questions.iter().map(|q| q.id.clone()).collect();
                qids.push("Q/~X".into());
                let qid = qids[q % qids.len()].clone();
                let answer = score.map_or(Answer::Text("fritext".into()), Answer::Score);
                let k = a % e.responses.len().max(1);
                if let Some(r) = e.responses.get_mut(k) {
                    r.answers.insert(qid, answer);
                }
            }
        }
        Edit::FactorScale(k, a, b) => {
            p.program.learning.factor_scale = match k {
                0 => None,
                1 => Some(Scale::FreeText),
                2 => Some(Scale::Numeric { min: a, max: b }),
                _ => Some(Scale::Points {
                    points: [a, b].into_iter().map(|score| ScalePoint { score, label: Text::one("sv", "x") }).collect(),
                }),
            };
        }
        Edit::Title(a, l, v) if np > 0 => {
            let lang = ["sv", "en", "x y", ""][l];
            p.projects[a % np].title = Text::one(lang, ["", " ", "Titel"][v]);
        }
        Edit::DuplicateProject(a) if np > 0 => {
            let copy = p.projects[a % np].clone();
            p.projects.push(copy);
        }
        Edit::ProgramPeriod(r) => p.program.period = r,
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn diagnostics_are_sound(base in 0usize..16, edits in proptest::collection::vec(edit(), 0..12), as_of in day()) {
        let bases = bases();
        let mut p = bases[base % bases.len()].clone();
        for e in &edits {
            apply(&mut p, e);
        }
        let found = validate(&p, as_of);
        prop_assert_eq!(&found, &validate(&p, as_of));
        let json = serde_json::to_value(&p).unwrap();
        for d in &found {
            let known = CODES.iter().find(|(c, _, _)| *c == d.code);
            prop_assert_eq!(known.map(|k| k.1), Some(d.severity), "{} is not documented with this severity", d);
            prop_assert!(json.pointer(&d.path).is_some(), "{} points at nothing", d);
            prop_assert!(!d.message.is_empty());
        }
    }
}
