//! Section 7, learning: the factors that promote learning (with their traits), the
//! learning cycle, the principles, lessons by learning-cycle phase and where they were
//! applied, and the learning-factor profile from the assessments.

use std::collections::HashMap;

use super::{join, Cx};
use crate::analysis::learning::{learning_cycle, learning_profile, profile_chart};
use crate::learning_report::model::{Block, Section, Table};
use crate::model::ApplicationKind;

/// Builds section 7.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let mut s = cx.section("learning", 7, "Lärande", "Learning");
    factors(cx, &mut s);
    cycle(cx, &mut s);
    lessons(cx, &mut s);
    profile(cx, &mut s);
    s
}

fn factors(cx: &Cx<'_>, s: &mut Section) {
    let factors = &cx.portfolio.program.learning.factors;
    s.push(cx.heading("Faktorer som främjar lärande", "Factors that promote learning"));
    if factors.is_empty() {
        s.push(cx.no_data("Inga lärandefaktorer registrerade.", "No learning factors recorded."));
        return;
    }
    let mut table = Table::new([cx.t("Nr", "No."), cx.t("Faktor", "Factor"), cx.t("Beskrivning", "Description")]);
    for f in factors {
        table.push_row([f.label.clone().unwrap_or_default(), cx.text_or_id(&f.name, &f.id), cx.text(&f.text)]);
    }
    s.push(Block::Table(table));
    for f in factors.iter().filter(|f| !f.traits.is_empty()) {
        let name = super::capitalised(&cx.text_or_id(&f.name, &f.id));
        s.push(Block::Paragraph { text: format!("{name} {}:", cx.t("utmärks av", "is marked by")) });
        s.push(Block::List { ordered: false, items: f.traits.iter().map(|t| cx.text(t)).collect() });
    }
}

fn cycle(cx: &Cx<'_>, s: &mut Section) {
    let learning = &cx.portfolio.program.learning;
    s.push(cx.heading("Lärandecirkeln", "The learning cycle"));
    if learning.cycle.is_empty() {
        s.push(cx.no_data(
            "Lärandecirkelns faser är inte registrerade.",
            "The phases of the learning cycle are not recorded.",
        ));
    } else {
        let items = learning
            .cycle
            .iter()
            .map(|p| {
                let (name, desc) = (cx.text_or_id(&p.name, &p.id), cx.text(&p.description));
                if desc.is_empty() {
                    name
                } else {
                    format!("{name}: {desc}")
                }
            })
            .collect();
        s.push(Block::List { ordered: true, items });
    }
    let note = cx.text(&learning.note);
    if !note.is_empty() {
        s.push(Block::Paragraph { text: note });
    }
    if !learning.principles.is_empty() {
        s.push(cx.heading("Analys, lärande, resultat", "Analysis, learning, results"));
        s.push(Block::List { ordered: false, items: learning.principles.iter().map(|t| cx.text(t)).collect() });
    }
}

fn application_label(cx: &Cx<'_>, kind: ApplicationKind) -> String {
    match kind {
        ApplicationKind::NextProgram => cx.t("nästa program", "next program"),
        ApplicationKind::Project => cx.t("projekt", "project"),
        ApplicationKind::WayOfWorking => cx.t("arbetssätt", "way of working"),
        ApplicationKind::Policy => cx.t("program- och policybeslut", "program and policy decisions"),
        ApplicationKind::Other => cx.t("övrigt", "other"),
    }
}

fn lessons(cx: &Cx<'_>, s: &mut Section) {
    let lessons = &cx.portfolio.lessons;
    s.push(cx.heading("Lärdomar", "Lessons"));
    if lessons.is_empty() {
        s.push(cx.no_data("Inga lärdomar registrerade ännu.", "No lessons recorded yet."));
        return;
    }
    let cycle = &cx.portfolio.program.learning.cycle;
    let phase_name = |id: &Option<String>| match id {
        Some(id) => cycle.iter().find(|p| &p.id == id).map_or_else(|| id.clone(), |p| cx.text_or_id(&p.name, &p.id)),
        None => cx.t("fas ej angiven", "phase not stated"),
    };
    // Phases in cycle order, then any unknown ids, then "not stated".
    let order: HashMap<&str, usize> = cycle.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut sorted: Vec<_> = lessons.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |l| {
        (l.phase.as_deref().map_or(usize::MAX, |p| order.get(p).copied().unwrap_or(usize::MAX - 1)), l.phase.clone())
    });
    // Coverage of the cycle: every phase, with or without lessons (analysis::learning).
    let cov = learning_cycle(cx.portfolio);
    let applied_count =
        |ids: &[String]| lessons.iter().filter(|l| ids.contains(&l.id) && !l.applied.is_empty()).count().to_string();
    let mut by_phase = Table::new([cx.t("Fas", "Phase"), cx.t("Lärdomar", "Lessons"), cx.t("Tillämpade", "Applied")]);
    for p in &cov.phases {
        by_phase.push_row([cx.text_or_id(&p.name, &p.phase), p.lessons.len().to_string(), applied_count(&p.lessons)]);
    }
    let mut unknown: Vec<(String, Vec<String>)> = Vec::new();
    for (lesson, phase) in &cov.unknown_phase {
        match unknown.iter_mut().find(|(p, _)| p == phase) {
            Some((_, ids)) => ids.push(lesson.clone()),
            None => unknown.push((phase.clone(), vec![lesson.clone()])),
        }
    }
    for (phase, ids) in &unknown {
        by_phase.push_row([phase.clone(), ids.len().to_string(), applied_count(ids)]);
    }
    if !cov.without_phase.is_empty() {
        by_phase.push_row([phase_name(&None), cov.without_phase.len().to_string(), applied_count(&cov.without_phase)]);
    }
    s.push(Block::Table(by_phase));
    if !cycle.is_empty() {
        let names = |ids: &[String]| {
            join(ids.iter().map(|id| {
                cycle.iter().find(|p| &p.id == id).map_or_else(|| id.clone(), |p| cx.text_or_id(&p.name, &p.id))
            }))
        };
        s.push(Block::Paragraph {
            text: if cov.uncovered.is_empty() {
                cx.t("Alla faser i lärandecirkeln har lärdomar.", "Every phase of the learning cycle has lessons.")
            } else {
                match cx.lang() {
                    "sv" => format!("Faser utan lärdomar: {}.", names(&cov.uncovered)),
                    _ => format!("Phases without lessons: {}.", names(&cov.uncovered)),
                }
            },
        });
    }
    s.push(cx.heading("Beslut inför nästa program", "Decisions for the next program"));
    if cov.next_program.is_empty() {
        s.push(cx.no_data(
            "Ingen lärdom har ännu lett till ett beslut inför nästa program.",
            "No lesson has led to a decision for the next program yet.",
        ));
    } else {
        let items = cov
            .next_program
            .iter()
            .map(|d| {
                let lesson = lessons
                    .iter()
                    .find(|l| l.id == d.lesson)
                    .map_or_else(|| d.lesson.clone(), |l| cx.text_or_id(&l.text, &l.id));
                let date = d.date.map_or_else(String::new, |d| format!(" ({d})"));
                format!("{}{date} — {}", cx.text(&d.decision), lesson)
            })
            .collect();
        s.push(Block::List { ordered: false, items });
    }
    let mut table = Table::new([
        cx.t("Lärdom", "Lesson"),
        cx.t("Fas", "Phase"),
        cx.t("Källa", "Source"),
        cx.t("Tillämpad", "Applied"),
    ]);
    for l in sorted {
        let applied =
            join(l.applied.iter().map(|a| format!("{}: {}", application_label(cx, a.kind), cx.text(&a.text))));
        table.push_row([
            cx.text_or_id(&l.text, &l.id),
            phase_name(&l.phase),
            l.source.clone().unwrap_or_default(),
            applied,
        ]);
    }
    s.push(Block::Table(table));
}

fn profile(cx: &Cx<'_>, s: &mut Section) {
    let assessments = &cx.portfolio.factor_assessments;
    s.push(cx.heading("Lärandeprofil", "Learning profile"));
    if assessments.is_empty() {
        s.push(cx.no_data(
            "Inga bedömningar av lärandefaktorer registrerade ännu.",
            "No learning-factor assessments recorded yet.",
        ));
        return;
    }
    let prof = learning_profile(cx.portfolio);
    s.push(Block::Paragraph {
        text: match cx.lang() {
            "sv" => format!("{} bedömningar av lärandefaktorer.", assessments.len()),
            _ => format!("{} learning-factor assessments.", assessments.len()),
        },
    });
    let mut table = Table::new([
        cx.t("Faktor", "Factor"),
        cx.t("Projekt (n)", "Projects (n)"),
        cx.t("Medelvärde", "Mean score"),
        cx.t("Fördelning", "Distribution"),
        cx.t("Svagast", "Weakest"),
    ]);
    for f in &prof.factors {
        let mean = f.mean.map_or_else(String::new, |m| m.round_dp(2).normalize().to_string());
        let dist = join(f.distribution.iter().map(|a| format!("{}: {}", a.label, a.count)));
        let weakest = match f.weakest_score {
            Some(w) => format!("{} ({})", f.weakest.join(", "), w.normalize()),
            None => String::new(),
        };
        table.push_row([cx.text_or_id(&f.name, &f.factor), f.n.to_string(), mean, dist, weakest]);
    }
    if cx.options.charts && prof.factors.iter().any(|f| f.n > 0) {
        let title = cx.t("Lärandeprofil", "Learning profile");
        let mut spec = profile_chart(cx.portfolio, &prof, &cx.options.lang);
        spec["title"] = serde_json::json!(title);
        s.push(Block::Table(table.clone()));
        s.push(Block::Chart { title, spec, fallback: table });
    } else {
        s.push(Block::Table(table));
    }
    s.push(cx.info(
        "Varje projekt räknas en gång per faktor, med sin senaste bedömning; svagast = projekten med lägsta poäng.",
        "Each project counts once per factor, with its latest assessment; weakest = the projects with the lowest score.",
    ));
    if !prof.left_out.is_empty() {
        let items = prof.left_out.iter().map(|(i, why)| format!("/factor_assessments/{i}: {why}")).collect();
        s.push(Block::Notice {
            kind: crate::learning_report::model::NoticeKind::Warning,
            text: cx.t("Bedömningar som inte räknats:", "Assessments left out:"),
        });
        s.push(Block::List { ordered: false, items });
    }
}

#[cfg(test)]
mod tests {
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::model::Block;
    use crate::learning_report::testdata;

    #[test]
    fn factors_traits_lessons_and_missing_assessments() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[6];
        assert!(s.blocks.iter().any(|b| matches!(b, Block::List { items, .. } if items == &["openness and trust"])));
        assert!(s.blocks.iter().any(|b| matches!(b, Block::Table(t) if t.rows == vec![vec!["Analysis", "1", "1"]])));
        assert!(s.blocks.iter().any(|b| matches!(b, Block::Table(t) if t.rows.first().is_some_and(|r| r.get(3).is_some_and(|c| c == "next program: Longer meetings")))));
        assert!(
            matches!(s.blocks.last(), Some(Block::Notice { text, .. }) if text == "No learning-factor assessments recorded yet.")
        );
    }

    #[test]
    fn next_program_decisions_and_profile_with_chart() {
        let mut p = testdata::portfolio();
        let factor = p.program.learning.factors[0].id.clone();
        p.program.learning.factor_scale = Some(crate::model::Scale::Numeric { min: 1.into(), max: 5.into() });
        for (project, score) in [("PRJ-1", 2), ("PRJ-2", 4)] {
            p.factor_assessments.push(crate::model::FactorAssessment {
                project: project.into(),
                factor: factor.clone(),
                score: score.into(),
                date: None,
                assessor_role: crate::model::Text::new(),
                comment: crate::model::Text::new(),
            });
        }
        let r = build(&p, &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[6];
        assert!(s
            .blocks
            .iter()
            .any(|b| matches!(b, Block::List { items, .. } if items.iter().any(|i| i.starts_with("Longer meetings")))));
        let Some(Block::Chart { spec, fallback, .. }) = s.blocks.iter().find(|b| matches!(b, Block::Chart { .. }))
        else {
            panic!("no profile chart")
        };
        assert_eq!(spec["encoding"]["x"]["scale"]["domain"], serde_json::json!([1.0, 5.0]));
        assert_eq!(fallback.rows[0][1..3], ["2", "3"]);
        assert_eq!(fallback.rows[0][4], "PRJ-1 (2)");
    }
}
