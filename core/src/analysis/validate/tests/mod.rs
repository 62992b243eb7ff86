//! One focused test per code: a small valid portfolio, one change, the exact diagnostic.
//!
//! `links` covers ids, references, cycles and texts; `numbers` covers dates, money,
//! indicators, activities and evaluations.

mod links;
mod numbers;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{validate, CODES};
use crate::model::*;

pub(super) fn nd(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(super) fn pd(s: &str) -> PartialDate {
    s.parse().unwrap()
}

pub(super) fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub(super) const AS_OF: &str = "2012-06-01";

/// A small portfolio that touches every id space and validates without a diagnostic.
pub(super) fn base() -> Portfolio {
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

pub(super) type Found = (String, Severity, String);

pub(super) fn found(p: &Portfolio) -> Vec<Found> {
    validate(p, nd(AS_OF)).into_iter().map(|d| (d.code, d.severity, d.path)).collect()
}

/// The one diagnostic after `change`; fails when there are none or several.
pub(super) fn one(change: impl FnOnce(&mut Portfolio)) -> Found {
    let mut p = base();
    change(&mut p);
    let all = validate(&p, nd(AS_OF));
    assert_eq!(all.len(), 1, "{all:#?}");
    let d = &all[0];
    let known = CODES.iter().find(|(c, _, _)| *c == d.code);
    assert_eq!(known.map(|k| k.1), Some(d.severity), "{d} not in CODES with this severity");
    (d.code.clone(), d.severity, d.path.clone())
}

pub(super) fn message(change: impl FnOnce(&mut Portfolio)) -> String {
    let mut p = base();
    change(&mut p);
    validate(&p, nd(AS_OF)).into_iter().map(|d| d.message).collect::<Vec<_>>().join("\n")
}

pub(super) fn f(code: &str, severity: Severity, path: &str) -> Found {
    (code.to_owned(), severity, path.to_owned())
}

pub(super) fn ind(p: &mut Portfolio) -> &mut Indicator {
    &mut p.projects[0].results[0].indicators[0]
}

#[test]
fn base_is_clean() {
    assert_eq!(found(&base()), Vec::<Found>::new());
}

#[test]
fn codes_are_documented_once() {
    let docs = include_str!("../../validate.rs");
    for (i, (code, severity, _)) in CODES.iter().enumerate() {
        assert!(docs.contains(&format!("/// | `{code}` | {severity} |")), "{code} missing from the table");
        assert!(CODES[..i].iter().all(|(c, _, _)| c != code), "{code} twice");
        assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{code} is not kebab-case");
    }
}

#[test]
fn every_code_has_a_focused_test() {
    let source = [include_str!("links.rs"), include_str!("numbers.rs")].concat();
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
