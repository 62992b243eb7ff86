//! One focused test per code: a small valid portfolio, one change, the exact diagnostic.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{validate, CODES};
use crate::model::*;

fn nd(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn pd(s: &str) -> PartialDate {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

const AS_OF: &str = "2012-06-01";

/// A small portfolio that touches every id space and validates without a diagnostic.
fn base() -> Portfolio {
    serde_json::from_str(
        r#"{
        "format": "kartan/1",
        "default_language": "sv",
        "program": {
            "id": "PROG",
            "title": {"sv": "Programmet", "en": "The program"},
            "managed_by": "ORG-1",
            "period": {"start": "2010-01-01", "end": "2013-12-31"},
            "budgets": [{"period": {"start": "2010", "end": "2013"}, "value": {"amount": "1000", "currency": "SEK"}}],
            "target_groups": [{"id": "TG-1", "name": {"sv": "Kommuner"}}],
            "focus_areas": [{"id": "FA-1", "name": {"sv": "Lokal utveckling"}}],
            "matrix": {"rows": [{"level": "regional",
                "experiences": [{"id": "M-1", "text": {"sv": "Goda exempel"}}],
                "effects": [{"id": "M-2", "text": {"sv": "Nya arbetssätt"}}]}]},
            "plans": [{"id": "PL-1", "kind": "project_leader_meeting", "title": {"sv": "Projektledarträffar"}, "count": 2}],
            "stated_project_count": 1,
            "results": [{"id": "R-PROG", "type": "outcome", "title": {"sv": "Lärande"},
                "indicators": [{"id": "I-PROG", "measure": "percentage", "title": {"sv": "Andel"},
                    "contributors": ["I-1"]}]}],
            "learning": {
                "factors": [{"id": "F-1", "name": {"sv": "Delaktighet"}, "text": {"sv": "Delaktighet i projektet"}}],
                "factor_scale": {"numeric": {"min": "1", "max": "5"}},
                "cycle": [{"id": "C-1", "name": {"sv": "Analys"}}]
            }
        },
        "organisations": [{"id": "ORG-1", "name": {"sv": "Verket"}}],
        "projects": [{
            "id": "P-1", "title": {"sv": "Projekt ett"}, "owner": "ORG-1", "focus_area": "FA-1",
            "status": "implementation",
            "planned": {"start": "2010-03-01", "end": "2013-12-31"},
            "actual": {"start": "2010-03-15"},
            "budgets": [{"period": {"start": "2010", "end": "2011"}, "value": {"amount": "100", "currency": "SEK"}}],
            "contributes_to": ["M-1"],
            "results": [{"id": "R-1", "type": "output", "title": {"sv": "Deltagande"},
                "indicators": [{"id": "I-1", "measure": "percentage", "title": {"sv": "Andel nöjda"},
                    "baselines": [{"year": 2010, "value": "40", "numerator": "4", "denominator": "10"}],
                    "periods": [
                        {"start": "2010-01-01", "end": "2010-12-31",
                         "targets": [{"value": "50", "numerator": "5", "denominator": "10"}],
                         "actuals": [{"value": "43.75", "numerator": "35", "denominator": "80"},
                                     {"value": "40", "numerator": "4", "denominator": "10",
                                      "dimensions": [{"name": "sex", "value": "female"}]}]},
                        {"start": "2011-01-01", "end": "2011-12-31"}
                    ]}]}]
        }],
        "activities": [
            {"id": "A-1", "kind": "project_leader_meeting", "title": {"sv": "Träff 1"}, "plan": "PL-1",
             "project": "P-1", "state": "held", "held": {"start": "2010-05-01"}, "matrix_items": ["M-1"],
             "participants": [{"target_group": "TG-1", "count": 12}]},
            {"id": "A-2", "kind": "project_leader_meeting", "title": {"sv": "Träff 2"}, "plan": "PL-1",
             "state": "planned", "planned": {"start": "2014-09"}}
        ],
        "evaluations": [{
            "id": "E-1", "title": {"sv": "Utvärdering av träffarna"},
            "instrument": {"questions": [
                {"id": "Q1", "text": {"sv": "Hur nöjd?"}, "scale": {"points": {"points": [
                    {"score": "1", "label": {"sv": "Inte alls"}}, {"score": "2", "label": {"sv": "Lite"}},
                    {"score": "3", "label": {"sv": "Mycket"}}]}}},
                {"id": "Q2", "text": {"sv": "Kommentar"}, "scale": "free_text"}
            ]},
            "events": ["A-1", "A-2"], "plan": "PL-1",
            "responses": [{"id": "RESP-1", "event": "A-1", "answers": {"Q1": {"score": "3"}, "Q2": {"text": "Bra"}}},
                          {"event": "A-1", "answers": {"Q1": "not_applicable"}}]
        }],
        "reports": [{"id": "REP-1", "kind": "interim", "title": {"sv": "Delrapport"}, "project": "P-1",
            "activity": "A-1", "plan": "PL-1",
            "observations": [{"id": "O-1", "text": {"sv": "Nya nätverk"}, "matrix_item": "M-1", "level": "regional"}]}],
        "lessons": [{"id": "L-1", "text": {"sv": "Träffarna gav lärande"}, "phase": "C-1", "source": "REP-1",
            "applied": [{"kind": "next_program", "text": {"sv": "Fler träffar"}}]}],
        "factor_assessments": [{"project": "P-1", "factor": "F-1", "score": "4", "date": "2011"}]
    }"#,
    )
    .unwrap()
}

type Found = (String, Severity, String);

fn found(p: &Portfolio) -> Vec<Found> {
    validate(p, nd(AS_OF)).into_iter().map(|d| (d.code, d.severity, d.path)).collect()
}

/// The one diagnostic after `change`; fails when there are none or several.
fn one(change: impl FnOnce(&mut Portfolio)) -> Found {
    let mut p = base();
    change(&mut p);
    let all = validate(&p, nd(AS_OF));
    assert_eq!(all.len(), 1, "{all:#?}");
    let d = &all[0];
    let known = CODES.iter().find(|(c, _, _)| *c == d.code);
    assert_eq!(known.map(|k| k.1), Some(d.severity), "{d} not in CODES with this severity");
    (d.code.clone(), d.severity, d.path.clone())
}

fn message(change: impl FnOnce(&mut Portfolio)) -> String {
    let mut p = base();
    change(&mut p);
    validate(&p, nd(AS_OF)).into_iter().map(|d| d.message).collect::<Vec<_>>().join("\n")
}

fn f(code: &str, severity: Severity, path: &str) -> Found {
    (code.to_owned(), severity, path.to_owned())
}

use Severity::{Error, Info, Warning};

fn ind(p: &mut Portfolio) -> &mut Indicator {
    &mut p.projects[0].results[0].indicators[0]
}

#[test]
fn base_is_clean() {
    assert_eq!(found(&base()), Vec::<Found>::new());
}

#[test]
fn codes_are_documented_once() {
    let docs = include_str!("../validate.rs");
    for (i, (code, severity, _)) in CODES.iter().enumerate() {
        assert!(docs.contains(&format!("//! | `{code}` | {severity} |")), "{code} missing from the table");
        assert!(CODES[..i].iter().all(|(c, _, _)| c != code), "{code} twice");
        assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{code} is not kebab-case");
    }
}

#[test]
fn format() {
    assert_eq!(one(|p| p.format = "kartan/2".into()), f("format", Error, "/format"));
}

#[test]
fn invalid_default_language() {
    assert_eq!(one(|p| p.default_language = " ".into()), f("invalid-default-language", Error, "/default_language"));
    assert_eq!(one(|p| p.default_language = "sv_SE".into()), f("invalid-default-language", Error, "/default_language"));
}

#[test]
fn invalid_language_tag() {
    let got = one(|p| p.projects[0].description = Text::one("sv", "Text").with("svenska!", "Text"));
    assert_eq!(got, f("invalid-language-tag", Warning, "/projects/0/description/svenska!"));
    let got = one(|p| p.projects[0].description = Text::one("sv", "Text").with("a/b", "Text"));
    assert_eq!(got, f("invalid-language-tag", Warning, "/projects/0/description/a~1b"));
}

#[test]
fn empty_id() {
    assert_eq!(
        one(|p| p.organisations.push(Organisation { id: " ".into(), ..p.organisations[0].clone() })),
        f("empty-id", Error, "/organisations/1/id")
    );
}

#[test]
fn duplicate_id_names_both_places() {
    let dup = |p: &mut Portfolio| {
        let mut q = Project::new("P-1", Text::one("sv", "Kopia"));
        q.owner = Some("ORG-1".into());
        p.projects.push(q);
        p.program.stated_project_count = Some(2);
    };
    assert_eq!(one(dup), f("duplicate-id", Error, "/projects/1/id"));
    let msg = message(dup);
    assert!(msg.contains("/projects/0/id") && msg.contains("/projects/1/id") && msg.contains("\"P-1\""), "{msg}");
}

#[test]
fn duplicate_id_in_each_space() {
    // Indicators share one space across the program and every project.
    let renamed = |p: &mut Portfolio| {
        p.program.results[0].indicators[0].contributors.clear();
        ind(p).id = "I-PROG".into();
    };
    assert_eq!(one(renamed), f("duplicate-id", Error, "/projects/0/results/0/indicators/0/id"));
    assert_eq!(
        one(|p| p.program.matrix.rows[0].effects[0].id = "M-1".into()),
        f("duplicate-id", Error, "/program/matrix/rows/0/effects/0/id")
    );
    assert_eq!(
        one(|p| {
            let o = p.reports[0].observations[0].clone();
            p.reports[0].observations.push(o);
        }),
        f("duplicate-id", Error, "/reports/0/observations/1/id")
    );
    let q = |p: &mut Portfolio| {
        let q = p.evaluations[0].instrument.questions[0].clone();
        p.evaluations[0].instrument.questions.push(q);
    };
    assert_eq!(one(q), f("duplicate-id", Error, "/evaluations/0/instrument/questions/2/id"));
    // Different spaces may share an id.
    assert_eq!(
        found(&{
            let mut p = base();
            p.lessons[0].id = "P-1".into();
            p
        }),
        vec![]
    );
}

#[test]
fn dangling_reference() {
    assert_eq!(
        one(|p| p.projects[0].owner = Some("ORG-9".into())),
        f("dangling-reference", Error, "/projects/0/owner")
    );
    assert!(message(|p| p.projects[0].owner = Some("ORG-9".into())).contains("project \"P-1\" names owner \"ORG-9\""));
    assert_eq!(
        one(|p| p.projects[0].contributes_to.push("M-9".into())),
        f("dangling-reference", Error, "/projects/0/contributes_to/1")
    );
    assert_eq!(
        one(|p| p.activities[1].plan = Some("PL-9".into())),
        f("dangling-reference", Error, "/activities/1/plan")
    );
    let tg = |p: &mut Portfolio| p.activities[0].participants[0].target_group = Some("TG-9".into());
    assert_eq!(one(tg), f("dangling-reference", Error, "/activities/0/participants/0/target_group"));
    assert_eq!(
        one(|p| p.evaluations[0].events[1] = "A-9".into()),
        f("dangling-reference", Error, "/evaluations/0/events/1")
    );
    assert_eq!(one(|p| p.lessons[0].source = Some("X".into())), f("dangling-reference", Error, "/lessons/0/source"));
    assert_eq!(one(|p| p.lessons[0].phase = Some("C-9".into())), f("dangling-reference", Error, "/lessons/0/phase"));
    assert_eq!(
        one(|p| p.factor_assessments[0].factor = "F-9".into()),
        f("dangling-reference", Error, "/factor_assessments/0/factor")
    );
    assert_eq!(
        one(|p| p.program.managed_by = Some("ORG-9".into())),
        f("dangling-reference", Error, "/program/managed_by")
    );
    let contrib = |p: &mut Portfolio| p.program.results[0].indicators[0].contributors.push("I-9".into());
    assert_eq!(one(contrib), f("dangling-reference", Error, "/program/results/0/indicators/0/contributors/1"));
    assert_eq!(
        one(|p| p.reports[0].observations[0].matrix_item = Some("M-9".into())),
        f("dangling-reference", Error, "/reports/0/observations/0/matrix_item")
    );
}

#[test]
fn response_event_must_be_an_evaluated_event() {
    let other = |p: &mut Portfolio| {
        let mut a = p.activities[0].clone();
        a.id = "A-3".into();
        a.plan = None;
        p.activities.push(a);
        p.evaluations[0].responses[0].event = Some("A-3".into());
    };
    assert_eq!(one(other), f("dangling-reference", Error, "/evaluations/0/responses/0/event"));
    assert!(message(other).contains("not among the evaluation's events (A-1, A-2)"));
}

#[test]
fn project_cycle_reported_once() {
    let cycle = |p: &mut Portfolio| {
        for (id, parent) in [("P-2", "P-3"), ("P-3", "P-4"), ("P-4", "P-2")] {
            let mut q = Project::new(id, Text::one("sv", id));
            q.parent = Some(parent.into());
            p.projects.push(q);
        }
    };
    assert_eq!(one(cycle), f("project-cycle", Error, "/projects/1/parent"));
    assert!(message(cycle).contains("P-2 → P-3 → P-4 → P-2"));
    let own = |p: &mut Portfolio| {
        p.projects[0].parent = Some("P-1".into());
        p.program.stated_project_count = None;
    };
    assert_eq!(one(own), f("project-cycle", Error, "/projects/0/parent"));
}

#[test]
fn contributor_cycle() {
    assert_eq!(
        one(|p| ind(p).contributors.push("I-PROG".into())),
        f("contributor-cycle", Error, "/program/results/0/indicators/0/contributors")
    );
    let own = |p: &mut Portfolio| ind(p).contributors.push("I-1".into());
    assert_eq!(one(own), f("contributor-cycle", Error, "/projects/0/results/0/indicators/0/contributors/0"));
}

#[test]
fn contributor_measure_mismatch() {
    let unit = |p: &mut Portfolio| {
        ind(p).measure = Some(Measure::Unit);
        for b in &mut ind(p).baselines {
            (b.numerator, b.denominator) = (None, None);
        }
        for period in &mut ind(p).periods {
            for v in period.targets.iter_mut().chain(&mut period.actuals) {
                (v.numerator, v.denominator) = (None, None);
            }
        }
    };
    assert_eq!(one(unit), f("contributor-measure-mismatch", Warning, "/program/results/0/indicators/0/contributors/0"));
}

#[test]
fn level_mismatch() {
    let local = |p: &mut Portfolio| p.reports[0].observations[0].level = Some(Level::Local);
    assert_eq!(one(local), f("level-mismatch", Warning, "/reports/0/observations/0/level"));
}

#[test]
fn end_before_start() {
    let r = DateRange { start: Some(pd("2012-05")), end: Some(pd("2011")) };
    assert_eq!(one(|p| p.projects[0].actual = r), f("end-before-start", Error, "/projects/0/actual"));
    assert_eq!(one(|p| p.activities[1].planned = r), f("end-before-start", Error, "/activities/1/planned"));
    assert_eq!(
        one(|p| p.program.budgets[0].period.end = Some(pd("2009"))),
        f("end-before-start", Error, "/program/budgets/0/period")
    );
    assert_eq!(
        one(|p| ind(p).periods[1].end = nd("2010-12-31")),
        f("end-before-start", Error, "/projects/0/results/0/indicators/0/periods/1")
    );
    // Not certain: same year.
    assert!(found(&{
        let mut p = base();
        p.projects[0].planned = DateRange { start: Some(pd("2012-05-01")), end: Some(pd("2012")) };
        p
    })
    .is_empty());
}

#[test]
fn period_outside_program() {
    assert_eq!(
        one(|p| p.projects[0].planned.start = Some(pd("2009-12"))),
        f("period-outside-program", Warning, "/projects/0/planned")
    );
    let late = |p: &mut Portfolio| {
        ind(p).periods[1] = Period { start: nd("2014-01-01"), end: nd("2014-12-31"), targets: vec![], actuals: vec![] }
    };
    assert_eq!(one(late), f("period-outside-program", Warning, "/projects/0/results/0/indicators/0/periods/1"));
    // A year that overlaps the program's first year is not certainly outside.
    assert!(found(&{
        let mut p = base();
        p.projects[0].planned.start = Some(pd("2010"));
        p
    })
    .is_empty());
}

#[test]
fn invalid_currency() {
    assert_eq!(
        one(|p| p.program.budgets[0].value.currency = "kr".into()),
        f("invalid-currency", Error, "/program/budgets/0/value/currency")
    );
}

#[test]
fn negative_budget() {
    assert_eq!(
        one(|p| p.projects[0].budgets[0].value.amount = dec("-1")),
        f("negative-budget", Error, "/projects/0/budgets/0/value/amount")
    );
}

#[test]
fn mixed_currencies() {
    let within = |p: &mut Portfolio| {
        let mut b = p.projects[0].budgets[0].clone();
        b.period = DateRange { start: Some(pd("2012")), end: Some(pd("2012")) };
        b.value.currency = "EUR".into();
        p.projects[0].budgets.push(b);
    };
    assert_eq!(one(within), f("mixed-currencies", Error, "/projects/0/budgets/1/value/currency"));
    let across = |p: &mut Portfolio| {
        let mut q = p.projects[0].clone();
        q.id = "P-2".into();
        q.results.clear();
        q.budgets[0].value.currency = "EUR".into();
        p.projects.push(q);
        p.program.stated_project_count = Some(2);
    };
    assert_eq!(one(across), f("mixed-currencies", Error, "/projects/1/budgets/0/value/currency"));
    assert!(message(across).contains("EUR: 1 project, SEK: 1 project"));
    // A revision replaces the original: only the revised line counts.
    assert!(found(&{
        let mut p = base();
        let mut b = p.projects[0].budgets[0].clone();
        b.kind = BudgetKind::Revised;
        p.projects[0].budgets[0].value.currency = "EUR".into();
        p.projects[0].budgets.push(b);
        p
    })
    .is_empty());
}

#[test]
fn overlapping_budget_periods() {
    let overlap = |p: &mut Portfolio| {
        let mut b = p.projects[0].budgets[0].clone();
        b.period = DateRange { start: Some(pd("2011-06")), end: Some(pd("2012")) };
        p.projects[0].budgets.push(b);
    };
    assert_eq!(one(overlap), f("overlapping-budget-periods", Warning, "/projects/0/budgets/1/period"));
}

#[test]
fn empty_text() {
    assert_eq!(one(|p| p.projects[0].title = Text::one("sv", "  ")), f("empty-text", Error, "/projects/0/title"));
    assert_eq!(one(|p| p.lessons[0].text = Text::new()), f("empty-text", Error, "/lessons/0/text"));
    assert_eq!(one(|p| ind(p).title = Text::new()), f("empty-text", Error, "/projects/0/results/0/indicators/0/title"));
    let item = |p: &mut Portfolio| p.program.matrix.rows[0].effects[0].text = Text::new();
    assert_eq!(one(item), f("empty-text", Error, "/program/matrix/rows/0/effects/0/text"));
}

#[test]
fn missing_default_language() {
    assert_eq!(
        one(|p| p.activities[0].title = Text::one("en", "Meeting 1")),
        f("missing-default-language", Info, "/activities/0/title")
    );
    // Same primary language counts.
    assert!(found(&{
        let mut p = base();
        p.activities[0].title = Text::one("sv-FI", "Träff");
        p
    })
    .is_empty());
}

#[test]
fn missing_measure() {
    let none = |p: &mut Portfolio| {
        ind(p).measure = None;
    };
    assert_eq!(one(none), f("missing-measure", Warning, "/projects/0/results/0/indicators/0"));
}

#[test]
fn percentage_without_counts() {
    let bare = |p: &mut Portfolio| (ind(p).baselines[0].numerator, ind(p).baselines[0].denominator) = (None, None);
    assert_eq!(one(bare), f("percentage-without-counts", Warning, "/projects/0/results/0/indicators/0/baselines/0"));
    let half = |p: &mut Portfolio| ind(p).periods[0].targets[0].denominator = None;
    assert_eq!(
        one(half),
        f("percentage-without-counts", Warning, "/projects/0/results/0/indicators/0/periods/0/targets/0")
    );
}

#[test]
fn inconsistent_percentage() {
    // 35/80 is 43.75 %, never the 45 % an average would give (DESIGN.md rule 1).
    let avg = |p: &mut Portfolio| ind(p).periods[0].actuals[0].value = Some(dec("45"));
    assert_eq!(
        one(avg),
        f("inconsistent-percentage", Error, "/projects/0/results/0/indicators/0/periods/0/actuals/0/value")
    );
    assert!(message(avg).contains("100 × 35 / 80 = 43.75 %"));
    // Rounded to the value's own decimals, or to two decimals: fine.
    for (value, ok) in [("43.8", true), ("44", true), ("43.75", true), ("43.6", false), ("43", false)] {
        let mut p = base();
        ind(&mut p).periods[0].actuals[0].value = Some(dec(value));
        assert_eq!(found(&p).is_empty(), ok, "{value}");
    }
    let mut p = base();
    let v = &mut ind(&mut p).periods[0].actuals[0];
    (v.value, v.numerator, v.denominator) = (Some(dec("33.33")), Some(dec("1")), Some(dec("3")));
    assert!(found(&p).is_empty());
}

#[test]
fn zero_denominator() {
    let zero = |p: &mut Portfolio| {
        let v = &mut ind(p).periods[0].actuals[0];
        (v.value, v.numerator, v.denominator) = (None, Some(Decimal::ZERO), Some(Decimal::ZERO));
    };
    assert_eq!(
        one(zero),
        f("zero-denominator", Warning, "/projects/0/results/0/indicators/0/periods/0/actuals/0/denominator")
    );
    assert!(message(zero).contains("undefined (not 0 %)"));
}

#[test]
fn numerator_exceeds_denominator() {
    let over = |p: &mut Portfolio| {
        let v = &mut ind(p).periods[0].actuals[0];
        (v.value, v.numerator, v.denominator) = (Some(dec("120")), Some(dec("12")), Some(dec("10")));
    };
    assert_eq!(
        one(over),
        f("numerator-exceeds-denominator", Warning, "/projects/0/results/0/indicators/0/periods/0/actuals/0/numerator")
    );
}

#[test]
fn negative_count() {
    let neg = |p: &mut Portfolio| {
        let b = &mut ind(p).baselines[0];
        (b.value, b.numerator, b.denominator) = (None, Some(dec("-1")), Some(dec("10")));
    };
    assert_eq!(one(neg), f("negative-count", Error, "/projects/0/results/0/indicators/0/baselines/0/numerator"));
}

#[test]
fn value_on_qualitative() {
    let qual = |p: &mut Portfolio| {
        let i = &mut p.program.results[0].indicators[0];
        i.measure = Some(Measure::Qualitative);
        i.contributors.clear();
        i.baselines.push(Baseline { value: Some(dec("3")), ..Baseline::default() });
    };
    assert_eq!(one(qual), f("value-on-qualitative", Warning, "/program/results/0/indicators/0/baselines/0"));
}

#[test]
fn duplicate_period() {
    let again = |p: &mut Portfolio| {
        let q = ind(p).periods[1].clone();
        ind(p).periods.push(q);
    };
    assert_eq!(one(again), f("duplicate-period", Error, "/projects/0/results/0/indicators/0/periods/2"));
}

#[test]
fn overlapping_periods() {
    let over = |p: &mut Portfolio| ind(p).periods[1].start = nd("2010-07-01");
    assert_eq!(one(over), f("overlapping-periods", Warning, "/projects/0/results/0/indicators/0/periods/1"));
    // Sharing only the boundary day (exclusive-end publishers) is not reported.
    assert!(found(&{
        let mut p = base();
        ind(&mut p).periods[1].start = nd("2010-12-31");
        p
    })
    .is_empty());
}

#[test]
fn dimension_duplicate() {
    let twice = |p: &mut Portfolio| {
        let v = ind(p).periods[0].actuals[1].clone();
        ind(p).periods[0].actuals.push(v);
    };
    assert_eq!(one(twice), f("dimension-duplicate", Warning, "/projects/0/results/0/indicators/0/periods/0/actuals/2"));
    assert!(message(twice).contains("actuals 1 and 2 for the same disaggregation, sex=female"));
}

#[test]
fn baseline_year_mismatch() {
    assert_eq!(
        one(|p| ind(p).baselines[0].date = Some(nd("2009-12-31"))),
        f("baseline-year-mismatch", Warning, "/projects/0/results/0/indicators/0/baselines/0")
    );
}

#[test]
fn held_in_future() {
    assert_eq!(
        one(|p| p.activities[0].held.start = Some(pd("2012-07"))),
        f("held-in-future", Warning, "/activities/0/held")
    );
}

#[test]
fn planned_but_past() {
    assert_eq!(
        one(|p| p.activities[1].planned.start = Some(pd("2012-05-31"))),
        f("planned-but-past", Info, "/activities/1/planned")
    );
    // The same month as as_of is not certainly past.
    assert!(found(&{
        let mut p = base();
        p.activities[1].planned.start = Some(pd("2012-06"));
        p
    })
    .is_empty());
}

#[test]
fn activity_state_conflict() {
    assert_eq!(
        one(|p| p.activities[1].held.start = Some(pd("2013-02-01"))),
        f("activity-state-conflict", Warning, "/activities/1/state")
    );
}

#[test]
fn actual_in_future() {
    assert_eq!(
        one(|p| p.projects[0].actual.end = Some(pd("2012-12"))),
        f("actual-in-future", Warning, "/projects/0/actual")
    );
}

#[test]
fn status_closed_without_end() {
    assert_eq!(
        one(|p| p.projects[0].status = Some(ActivityStatus::Closed)),
        f("status-closed-without-end", Warning, "/projects/0/status")
    );
}

#[test]
fn past_planned_end() {
    assert_eq!(
        one(|p| p.projects[0].planned.end = Some(pd("2012-05"))),
        f("past-planned-end", Info, "/projects/0/planned/end")
    );
}

#[test]
fn plan_exceeded() {
    let three = |p: &mut Portfolio| {
        let mut a = p.activities[1].clone();
        a.id = "A-3".into();
        p.activities.push(a);
    };
    assert_eq!(one(three), f("plan-exceeded", Warning, "/program/plans/0/count"));
    // Cancelled activities do not count.
    assert!(found(&{
        let mut p = base();
        three(&mut p);
        p.activities[2].state = Some(ActivityState::Cancelled);
        p
    })
    .is_empty());
}

#[test]
fn plan_kind_mismatch() {
    assert_eq!(
        one(|p| p.activities[1].kind = ActivityKind::Seminar),
        f("plan-kind-mismatch", Warning, "/activities/1/kind")
    );
}

#[test]
fn project_count_mismatch() {
    assert_eq!(
        one(|p| p.program.stated_project_count = Some(30)),
        f("project-count-mismatch", Info, "/program/stated_project_count")
    );
}

#[test]
fn unknown_question() {
    let q9 = |p: &mut Portfolio| {
        p.evaluations[0].responses[0].answers.insert("Q/9".into(), Answer::Score(dec("1")));
    };
    assert_eq!(one(q9), f("unknown-question", Error, "/evaluations/0/responses/0/answers/Q~19"));
}

#[test]
fn answer_kind_mismatch() {
    let text = |p: &mut Portfolio| {
        p.evaluations[0].responses[1].answers.insert("Q1".into(), Answer::Text("3".into()));
    };
    assert_eq!(one(text), f("answer-kind-mismatch", Error, "/evaluations/0/responses/1/answers/Q1"));
}

#[test]
fn score_out_of_scale() {
    let four = |p: &mut Portfolio| {
        p.evaluations[0].responses[0].answers.insert("Q1".into(), Answer::Score(dec("4")));
    };
    assert_eq!(one(four), f("score-out-of-scale", Error, "/evaluations/0/responses/0/answers/Q1"));
    assert!(message(four).contains("one of the scale's points (1, 2, 3)"));
    assert_eq!(
        one(|p| p.factor_assessments[0].score = dec("5.5")),
        f("score-out-of-scale", Error, "/factor_assessments/0/score")
    );
}

#[test]
fn invalid_scale() {
    let swapped =
        |p: &mut Portfolio| p.program.learning.factor_scale = Some(Scale::Numeric { min: dec("5"), max: dec("1") });
    assert_eq!(one(swapped), f("invalid-scale", Error, "/program/learning/factor_scale"));
    let repeated = |p: &mut Portfolio| {
        if let Scale::Points { points } = &mut p.evaluations[0].instrument.questions[0].scale {
            points[2].score = dec("2");
        }
        p.evaluations[0].responses[0].answers.insert("Q1".into(), Answer::Score(dec("2")));
    };
    assert_eq!(one(repeated), f("invalid-scale", Error, "/evaluations/0/instrument/questions/0/scale"));
}

#[test]
fn missing_factor_scale() {
    assert_eq!(
        one(|p| p.program.learning.factor_scale = None),
        f("missing-factor-scale", Warning, "/factor_assessments")
    );
}

#[test]
fn duplicate_assessment() {
    let twice = |p: &mut Portfolio| p.factor_assessments.push(p.factor_assessments[0].clone());
    assert_eq!(one(twice), f("duplicate-assessment", Warning, "/factor_assessments/1"));
}

#[test]
fn every_code_has_a_focused_test() {
    let source = include_str!("tests.rs");
    for (code, _, _) in CODES {
        assert!(source.contains(&format!("f(\"{code}\"")), "no test asserts {code}");
    }
}

#[test]
fn output_is_deterministic_and_never_reads_the_clock() {
    let mut p = base();
    p.projects[0].owner = Some("ORG-9".into());
    p.activities[1].planned.start = Some(pd("2011"));
    let a = validate(&p, nd(AS_OF));
    assert_eq!(a, validate(&p, nd(AS_OF)));
    // Earlier as_of: the planned meeting is not yet past.
    assert_eq!(validate(&p, nd("2011-01-01")).len(), a.len() - 1);
}
