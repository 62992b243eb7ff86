//! Section 5, did the map match reality: for each matrix item the evidence found and the
//! indicators linked to it; for each plan the activities held; and the observations
//! that point at nothing on the map (unexpected results), by level.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::activities::plan_counts;
use super::{join, Cx};
use crate::model::{ActivityState, Level, MatrixColumn, PartialDate};
use crate::report::model::{Block, Section, Table};

/// Evidence gathered for one matrix item.
#[derive(Debug, Default)]
struct Evidence {
    observations: usize,
    sources: BTreeSet<String>,
    indicators: BTreeSet<String>,
    projects: usize,
    activities: usize,
}

/// Builds section 5.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let mut s = cx.section("map_vs_reality", 5, "Stämde kartan med verkligheten?", "Did the map match reality?");
    items(cx, &mut s);
    plans(cx, &mut s);
    unexpected(cx, &mut s);
    s
}

fn items(cx: &Cx<'_>, s: &mut Section) {
    let p = cx.portfolio;
    s.push(cx.heading("Kartans förväntningar och belägg", "The map's expectations and the evidence"));
    if p.program.matrix.rows.is_empty() {
        s.push(cx.no_data(
            "Ingen resultatmatris registrerad, så det finns inget att jämföra med.",
            "No results matrix recorded, so there is nothing to compare with.",
        ));
        return;
    }
    let mut evidence: HashMap<&str, Evidence> =
        p.program.matrix.items().map(|(_, _, i)| (i.id.as_str(), Evidence::default())).collect();
    let mut off_map = 0usize;
    for report in &p.reports {
        let source = cx.text_or_id(&report.title, &report.id);
        for o in &report.observations {
            let Some(item) = &o.matrix_item else { continue };
            match evidence.get_mut(item.as_str()) {
                Some(e) => {
                    e.observations += 1;
                    e.sources.insert(source.clone());
                }
                None => off_map += 1,
            }
        }
    }
    for project in &p.projects {
        for item in &project.contributes_to {
            if let Some(e) = evidence.get_mut(item.as_str()) {
                e.projects += 1;
            }
        }
    }
    for a in &p.activities {
        for item in &a.matrix_items {
            if let Some(e) = evidence.get_mut(item.as_str()) {
                e.activities += 1;
            }
        }
    }
    let results = p.program.results.iter().chain(p.projects.iter().flat_map(|pr| &pr.results));
    for r in results {
        for ind in &r.indicators {
            for item in r.matrix_items.iter().chain(&ind.matrix_items) {
                if let Some(e) = evidence.get_mut(item.as_str()) {
                    e.indicators.insert(ind.id.clone());
                }
            }
        }
    }
    let mut table = Table::new([
        cx.t("Id", "Id"),
        cx.t("Nivå", "Level"),
        cx.t("Kolumn", "Column"),
        cx.t("Förväntning", "Expectation"),
        cx.t("Observationer", "Observations"),
        cx.t("Källor", "Sources"),
        cx.t("Indikatorer", "Indicators"),
        cx.t("Projekt", "Projects"),
        cx.t("Aktiviteter", "Activities"),
    ]);
    let mut without = 0usize;
    for (level, column, item) in p.program.matrix.items() {
        let e = evidence.remove(item.id.as_str()).unwrap_or_default();
        if e.observations == 0 && e.indicators.is_empty() {
            without += 1;
        }
        let column = match column {
            MatrixColumn::Experience => cx.t("Erfarenhet/resultat", "Experience/result"),
            MatrixColumn::Effect => cx.t("Effekt", "Effect"),
        };
        table.push_row([
            item.id.clone(),
            cx.level(level),
            column,
            cx.text_or_id(&item.text, &item.id),
            e.observations.to_string(),
            join(e.sources),
            join(e.indicators),
            e.projects.to_string(),
            e.activities.to_string(),
        ]);
    }
    let total = table.rows.len();
    s.push(Block::Table(table));
    s.push(Block::Paragraph {
        text: match cx.lang() {
            "sv" => format!(
                "{without} av {total} förväntningar har ännu varken observationer eller indikatorer som pekar på dem."
            ),
            _ => {
                format!("{without} of {total} expectations have no observation and no indicator pointing at them yet.")
            }
        },
    });
    if off_map > 0 {
        s.push(Block::Notice {
            kind: crate::report::model::NoticeKind::Warning,
            text: match cx.lang() {
                "sv" => format!("{off_map} observationer pekar på id som inte finns på kartan (se avsnitt 9)."),
                _ => format!("{off_map} observations point at ids that are not on the map (see section 9)."),
            },
        });
    }
}

fn plans(cx: &Cx<'_>, s: &mut Section) {
    let plans = &cx.portfolio.program.plans;
    s.push(cx.heading("Planerade aktiviteter: genomförda?", "Planned activities: held?"));
    if plans.is_empty() {
        s.push(cx.no_data("Inga planerade aktiviteter registrerade.", "No planned activities recorded."));
        return;
    }
    let counts = plan_counts(cx);
    // Plan id → dates the plan's held activities started.
    let mut held_dates: HashMap<&str, Vec<PartialDate>> = HashMap::new();
    for a in &cx.portfolio.activities {
        if let (Some(plan), Some(ActivityState::Held), Some(start)) = (&a.plan, a.state, a.held.start) {
            held_dates.entry(plan.as_str()).or_default().push(start);
        }
    }
    let mut table = Table::new([
        cx.t("Plan", "Plan"),
        cx.t("Planerat antal", "Planned"),
        cx.t("Registrerade", "Recorded"),
        cx.t("Genomförda", "Held"),
        cx.t("När", "When"),
    ]);
    for plan in plans {
        let (recorded, held) = counts.get(plan.id.as_str()).copied().unwrap_or((0, 0));
        let planned = plan.count.map_or_else(|| cx.t("inget antal", "no number"), |n| n.to_string());
        let when = held_dates.get_mut(plan.id.as_str()).map_or_else(String::new, |dates| {
            dates.sort();
            match (dates.first(), dates.last()) {
                (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                (Some(a), _) => a.to_string(),
                _ => String::new(),
            }
        });
        table.push_row([cx.text_or_id(&plan.title, &plan.id), planned, recorded.to_string(), held.to_string(), when]);
    }
    s.push(Block::Table(table));
}

fn unexpected(cx: &Cx<'_>, s: &mut Section) {
    s.push(cx.heading("Det som inte fanns på kartan", "What was not on the map"));
    let mut by_level: BTreeMap<Option<Level>, Vec<String>> = BTreeMap::new();
    for report in &cx.portfolio.reports {
        for o in report.observations.iter().filter(|o| o.matrix_item.is_none()) {
            let source = join([cx.text_or_id(&report.title, &report.id), cx.text(&o.source)]);
            by_level.entry(o.level).or_default().push(format!("{} ({source})", cx.text_or_id(&o.text, &o.id)));
        }
    }
    if by_level.is_empty() {
        s.push(cx.no_data("Inga oväntade resultat registrerade ännu.", "No unexpected results recorded yet."));
        return;
    }
    for (level, items) in super::none_last(by_level) {
        let level = level.map_or_else(|| cx.t("Nivå ej angiven", "Level not stated"), |l| cx.level(l));
        s.push(Block::Paragraph { text: format!("{level}:") });
        s.push(Block::List { ordered: false, items });
    }
}

#[cfg(test)]
mod tests {
    use crate::report::build::{build, ReportOptions};
    use crate::report::model::Block;
    use crate::report::testdata;

    #[test]
    fn evidence_per_item_and_unexpected_by_level() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[4];
        let Block::Table(items) = &s.blocks[1] else { panic!() };
        assert_eq!(items.rows.len(), 6);
        let reg = items.rows.iter().find(|r| r[0] == "M-REG-EFF-1").unwrap();
        assert_eq!(reg[4..], ["1", "Interim report 1", "IND-1", "0", "0"]);
        assert!(s
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph { text } if text.starts_with("5 of 6 expectations"))));
        assert!(s.blocks.iter().any(|b| matches!(b, Block::List { items, .. } if items == &["Unexpected interest from schools (Interim report 1)"])));
        let plan = s
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.columns[0] == "Plan" => Some(t),
                _ => None,
            })
            .unwrap();
        assert_eq!(plan.rows, vec![vec!["14 project-leader meetings", "14", "2", "1", "2010-03-10"]]);
    }
}
