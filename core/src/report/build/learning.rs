//! Section 7, learning: the factors that promote learning (with their traits), the
//! learning cycle, the principles, lessons by learning-cycle phase and where they were
//! applied, and the learning-factor profile from the assessments.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;

use super::{join, Cx};
use crate::model::ApplicationKind;
use crate::report::model::{Block, Section, Table};

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
    sorted.sort_by_key(|l| {
        (l.phase.as_deref().map_or(usize::MAX, |p| order.get(p).copied().unwrap_or(usize::MAX - 1)), l.phase.clone())
    });
    let mut by_phase = Table::new([cx.t("Fas", "Phase"), cx.t("Lärdomar", "Lessons"), cx.t("Tillämpade", "Applied")]);
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for l in &sorted {
        let name = phase_name(&l.phase);
        match counts.last_mut() {
            Some((n, c, a)) if *n == name => {
                *c += 1;
                *a += usize::from(!l.applied.is_empty());
            }
            _ => counts.push((name, 1, usize::from(!l.applied.is_empty()))),
        }
    }
    for (name, c, a) in counts {
        by_phase.push_row([name, c.to_string(), a.to_string()]);
    }
    s.push(Block::Table(by_phase));
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
    // Factor id → (assessments, projects, sum of scores).
    let mut by_factor: BTreeMap<&str, (usize, BTreeSet<&str>, Decimal)> = BTreeMap::new();
    for a in assessments {
        let e = by_factor.entry(a.factor.as_str()).or_default();
        e.0 += 1;
        e.1.insert(a.project.as_str());
        e.2 = e.2.checked_add(a.score).unwrap_or(e.2);
    }
    let factors = &cx.portfolio.program.learning.factors;
    let mut table = Table::new([
        cx.t("Faktor", "Factor"),
        cx.t("Bedömningar", "Assessments"),
        cx.t("Projekt", "Projects"),
        cx.t("Medelvärde", "Mean score"),
    ]);
    for (factor, (n, projects, sum)) in by_factor {
        let name = factors
            .iter()
            .find(|f| f.id == factor)
            .map_or_else(|| factor.to_owned(), |f| cx.text_or_id(&f.name, &f.id));
        let mean = u64::try_from(n)
            .ok()
            .and_then(|n| sum.checked_div(Decimal::from(n)))
            .map_or_else(String::new, |m| m.round_dp(2).normalize().to_string());
        table.push_row([name, n.to_string(), projects.len().to_string(), mean]);
    }
    s.push(Block::Paragraph {
        text: match cx.lang() {
            "sv" => format!("{} bedömningar av lärandefaktorer.", assessments.len()),
            _ => format!("{} learning-factor assessments.", assessments.len()),
        },
    });
    s.push(Block::Table(table));
}

#[cfg(test)]
mod tests {
    use crate::report::build::{build, ReportOptions};
    use crate::report::model::Block;
    use crate::report::testdata;

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
}
