//! Ids, references, cycles and texts.

use super::*;
use crate::model::*;
use Severity::{Error, Info, Warning};

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
fn duplicate_language() {
    let got = one(|p| p.projects[0].description = Text::one("sv", "Text").with("SV", "Annan text"));
    assert_eq!(got, f("duplicate-language", Warning, "/projects/0/description/sv"));
    let mut p = base();
    p.projects[0].description = Text::one("en-gb", "a").with("en-GB", "b").with("sv", "c");
    let report = validate(&p, nd(AS_OF));
    let d = report.iter().find(|d| d.code == "duplicate-language").expect("a duplicate-language warning");
    assert!(d.message.contains("has the language \"en-GB\" twice, also as \"en-gb\""), "{}", d.message);
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
    let participating = |p: &mut Portfolio| {
        let org = ParticipatingOrg {
            role: "4".into(),
            organisation: Some("ORG-9".into()),
            name: Text::new(),
            iati_type: None,
            activity_id: None,
        };
        p.projects[0].participating.push(org);
    };
    assert_eq!(one(participating), f("dangling-reference", Error, "/projects/0/participating/0/organisation"));
    let partner = |p: &mut Portfolio| {
        p.projects[0].partners.push(Partner { organisation: Some("ORG-9".into()), role: None, budget: None });
    };
    assert_eq!(one(partner), f("dangling-reference", Error, "/projects/0/partners/0/organisation"));
    assert!(message(partner).contains("project \"P-1\" names partner \"ORG-9\""));
    // Known organisations, and a partner whose name the source withholds: nothing to report.
    let known = |p: &mut Portfolio| {
        participating(p);
        partner(p);
        p.projects[0].participating[0].organisation = Some("ORG-1".into());
        p.projects[0].partners[0].organisation = Some("ORG-1".into());
        p.projects[0].partners.push(Partner { organisation: None, role: None, budget: None });
    };
    assert_eq!(message(known), "");
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
