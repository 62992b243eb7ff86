//! Section 5, did the map match reality: for each matrix item the evidence found, the
//! indicators linked to it and a verdict; for each plan the activities held as of the
//! report date; and the observations that point at nothing on the map (unexpected
//! results), by level. The figures come from [`crate::analysis::map_reality`].

use rust_decimal::{Decimal, RoundingStrategy};

use super::{join, Cx};
use crate::analysis::map_reality::{map_vs_reality, MapReality, Verdict};
use crate::learning_report::model::{Block, Section, Table};
use crate::model::{EvidenceStrength, MatrixColumn};

/// Builds section 5.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let mut s = cx.section("map_vs_reality", 5, "Stämde kartan med verkligheten?", "Did the map match reality?");
    // Linked indicators carry their progress (a fraction) from the results engine.
    let m = map_vs_reality(cx.portfolio, cx.options.as_of);
    items(cx, &m, &mut s);
    super::money::planned_and_spent(cx, &mut s);
    plans(cx, &m, &mut s);
    unexpected(cx, &m, &mut s);
    s
}

fn verdict_label(cx: &Cx<'_>, v: Verdict) -> String {
    match v {
        Verdict::EvidenceFound => cx.t("belägg finns", "evidence found"),
        Verdict::Partly => cx.t("delvis", "partly"),
        Verdict::NoneYet => cx.t("inget ännu", "none yet"),
    }
}

fn strength_label(cx: &Cx<'_>, s: Option<EvidenceStrength>) -> String {
    match s {
        Some(EvidenceStrength::Anecdotal) => cx.t("anekdotiskt", "anecdotal"),
        Some(EvidenceStrength::Documented) => cx.t("dokumenterat", "documented"),
        Some(EvidenceStrength::Measured) => cx.t("mätt", "measured"),
        Some(EvidenceStrength::Evaluated) => cx.t("utvärderat", "evaluated"),
        None => String::new(),
    }
}

fn report_title(cx: &Cx<'_>, id: &str) -> String {
    cx.portfolio.reports.iter().find(|r| r.id == id).map_or_else(|| id.to_owned(), |r| cx.text_or_id(&r.title, &r.id))
}

fn items(cx: &Cx<'_>, m: &MapReality, s: &mut Section) {
    s.push(cx.heading("Kartans förväntningar och belägg", "The map's expectations and the evidence"));
    if m.items.is_empty() {
        s.push(cx.no_data(
            "Ingen resultatmatris registrerad, så det finns inget att jämföra med.",
            "No results matrix recorded, so there is nothing to compare with.",
        ));
        return;
    }
    let mut table = Table::new([
        cx.t("Id", "Id"),
        cx.t("Nivå", "Level"),
        cx.t("Kolumn", "Column"),
        cx.t("Förväntning", "Expectation"),
        cx.t("Observationer", "Observations"),
        cx.t("Källor", "Sources"),
        cx.t("Starkast", "Strongest"),
        cx.t("Indikatorer", "Indicators"),
        cx.t("Projekt", "Projects"),
        cx.t("Aktiviteter", "Activities"),
        cx.t("Bedömning", "Verdict"),
    ]);
    for i in &m.items {
        let column = match i.column {
            MatrixColumn::Experience => cx.t("Erfarenhet/resultat", "Experience/result"),
            MatrixColumn::Effect => cx.t("Effekt", "Effect"),
        };
        // A fraction too large to show in percent (beyond 10^26) is shown as it is.
        let indicators = join(i.indicators.iter().map(|l| match l.progress {
            Some(p) => match p.checked_mul(Decimal::ONE_HUNDRED) {
                Some(pc) => format!(
                    "{} ({} %)",
                    l.id,
                    pc.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero).normalize()
                ),
                None => format!("{} ({p})", l.id),
            },
            None => l.id.clone(),
        }));
        table.push_row([
            i.item.clone(),
            cx.level(i.level),
            column,
            cx.text_or_id(&i.text, &i.item),
            i.evidence.to_string(),
            join(i.sources.iter().map(|r| report_title(cx, r))),
            strength_label(cx, i.strongest),
            indicators,
            i.projects.len().to_string(),
            i.activities.len().to_string(),
            verdict_label(cx, i.verdict),
        ]);
    }
    s.push(Block::Table(table));
    let count = |v: Verdict| m.items.iter().filter(|i| i.verdict == v).count();
    let (found, partly, none) = (count(Verdict::EvidenceFound), count(Verdict::Partly), count(Verdict::NoneYet));
    let total = m.items.len();
    s.push(Block::Paragraph {
        text: match cx.lang() {
            "sv" => format!(
                "Per {}: av {total} förväntningar har {found} belägg, {partly} delvis belägg och {none} inga belägg ännu.",
                m.as_of
            ),
            _ => format!(
                "As of {}: of {total} expectations, {found} have evidence, {partly} partly and {none} none yet.",
                m.as_of
            ),
        },
    });
    s.push(cx.info(
        "Bedömning: belägg finns när minst en observation är dokumenterad, mätt eller utvärderad; delvis när \
         observationerna bara är anekdotiska eller saknar styrka; inget ännu utan observationer. Bara rapporter \
         daterade senast rapportdagen räknas.",
        "Verdict: evidence found when at least one observation is documented, measured or evaluated; partly when \
         the observations are only anecdotal or state no strength; none yet without observations. Only reports \
         dated on or before the report date count.",
    ));
}

fn plans(cx: &Cx<'_>, m: &MapReality, s: &mut Section) {
    s.push(cx.heading("Planerade aktiviteter: genomförda?", "Planned activities: held?"));
    if m.plans.is_empty() {
        s.push(cx.no_data("Inga planerade aktiviteter registrerade.", "No planned activities recorded."));
        return;
    }
    let mut table = Table::new([
        cx.t("Plan", "Plan"),
        cx.t("Planerat antal", "Planned"),
        cx.t("Genomförda", "Held"),
        cx.t("Ej genomförda ännu", "Not held yet"),
        cx.t("Inställda", "Cancelled"),
        cx.t("Kvar till planen", "Short of plan"),
        cx.t("Senast", "Last held"),
    ]);
    for p in &m.plans {
        let title = cx
            .portfolio
            .program
            .plans
            .iter()
            .find(|x| x.id == p.plan)
            .map_or_else(|| p.plan.clone(), |x| cx.text_or_id(&x.title, &x.id));
        table.push_row([
            title,
            p.planned.map_or_else(|| cx.t("inget antal", "no number"), |n| n.to_string()),
            p.held.to_string(),
            p.open.to_string(),
            p.cancelled.to_string(),
            p.shortfall.map_or_else(String::new, |n| n.to_string()),
            p.last_held.map_or_else(String::new, |d| d.to_string()),
        ]);
    }
    s.push(Block::Table(table));
}

fn unexpected(cx: &Cx<'_>, m: &MapReality, s: &mut Section) {
    s.push(cx.heading("Det som inte fanns på kartan", "What was not on the map"));
    if m.unexpected.is_empty() {
        s.push(cx.no_data("Inga oväntade resultat registrerade ännu.", "No unexpected results recorded yet."));
        return;
    }
    for g in &m.unexpected {
        let level = g.level.map_or_else(|| cx.t("Nivå ej angiven", "Level not stated"), |l| cx.level(l));
        s.push(Block::Paragraph { text: format!("{level}:") });
        let items = g
            .observations
            .iter()
            .map(|u| {
                let report = cx.portfolio.reports.iter().find(|r| r.id == u.report);
                let obs_source = report
                    .and_then(|r| r.observations.iter().find(|o| o.id == u.observation))
                    .map_or_else(String::new, |o| cx.text(&o.source));
                let source = join([report_title(cx, &u.report), obs_source]);
                let dangling = u.unknown_item.as_ref().map_or_else(String::new, |id| match cx.lang() {
                    "sv" => format!(" [pekar på {id}, som inte finns på kartan]"),
                    _ => format!(" [points at {id}, which is not on the map]"),
                });
                format!("{} ({source}){dangling}", cx.text_or_id(&u.text, &u.observation))
            })
            .collect();
        s.push(Block::List { ordered: false, items });
    }
}

#[cfg(test)]
mod tests {
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::model::Block;
    use crate::learning_report::testdata;

    #[test]
    fn evidence_per_item_and_unexpected_by_level() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[4];
        let Block::Table(items) = &s.blocks[1] else { panic!() };
        assert_eq!(items.rows.len(), 6);
        let reg = items.rows.iter().find(|r| r[0] == "M-REG-EFF-1").unwrap();
        // One observation with no stated strength: partly.
        // IND-1: baseline 2, target 10, actual 7 → 62.5 % of the way (results engine).
        assert_eq!(reg[4..], ["1", "Interim report 1", "", "IND-1 (62.5 %)", "0", "0", "partly"]);
        assert!(s
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph { text } if text == "As of 2011-06-30: of 6 expectations, 0 have evidence, 1 partly and 5 none yet.")));
        assert!(s.blocks.iter().any(|b| matches!(b, Block::List { items, .. } if items == &["Unexpected interest from schools (Interim report 1)"])));
        let plan = s
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.columns[0] == "Plan" => Some(t),
                _ => None,
            })
            .unwrap();
        // Planned 14; ACT-1 held, ACT-2 still planned: 13 short of the plan.
        assert_eq!(plan.rows, vec![vec!["14 project-leader meetings", "14", "1", "1", "0", "13", "2010-03-10"]]);
    }
}
