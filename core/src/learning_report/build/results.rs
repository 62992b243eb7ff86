//! Section 4, results: each indicator's baseline and its period targets and actuals as
//! recorded, grouped by owner (the program first, then each project).
//!
//! Progress, roll-ups and on/off-track verdicts (DESIGN.md rules 1-6) are computed in
//! `crate::analysis`; this section shows the recorded values they start from, so they
//! can be added here as further blocks.

use super::{join, Cx};
use crate::learning_report::model::{Block, NoticeKind, Section, Table};
use crate::model::{Baseline, Indicator, Measure, Period, PeriodValue};

/// Above this many indicator periods in a portfolio, section 4 lists each indicator's
/// latest period only, and leaves out the per-period progress table (the periods table,
/// `kartan::analysis::tables`, and `kartan convert --to csv` give every period).
pub(crate) const MAX_PERIOD_ROWS: usize = 5_000;

/// Builds section 4.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let mut s = cx.section("results", 4, "Resultat", "Results");
    let program = &cx.portfolio.program;
    let mut any = false;
    let period_count: usize = cx.portfolio.indicators().map(|(_, i)| i.periods.len()).sum();
    let latest_only = period_count > MAX_PERIOD_ROWS;
    if latest_only {
        s.push(Block::Notice {
            kind: NoticeKind::Info,
            text: format!(
                "{} {}",
                crate::learning_report::numbers::grouped(&period_count.to_string(), cx.lang()),
                cx.t(
                    "indikatorperioder: här visas varje indikators senaste period (alla perioder: kartan convert --to csv, eller periodtabellen i Python och JS).",
                    "indicator periods: each indicator's latest period is shown here (every period: kartan convert --to csv, or the periods table in Python and JS)."
                )
            ),
        });
    }
    let program_indicators: Vec<&Indicator> = program.results.iter().flat_map(|r| &r.indicators).collect();
    if !program_indicators.is_empty() {
        any = true;
        s.push(Block::Heading {
            text: format!("{}: {}", cx.t("Programmet", "The program"), cx.text_or_id(&program.title, &program.id)),
        });
        s.push(Block::Table(indicator_table(cx, &program_indicators, latest_only)));
    }
    for project in &cx.portfolio.projects {
        let indicators: Vec<&Indicator> = project.results.iter().flat_map(|r| &r.indicators).collect();
        if indicators.is_empty() {
            continue;
        }
        any = true;
        s.push(Block::Heading {
            text: format!(
                "{} {}: {}",
                cx.t("Projekt", "Project"),
                project.id,
                cx.text_or_id(&project.title, &project.id)
            ),
        });
        s.push(Block::Table(indicator_table(cx, &indicators, latest_only)));
    }
    if !any {
        s.push(cx.no_data("Inga indikatorer registrerade ännu.", "No indicators recorded yet."));
    } else {
        s.blocks.extend(super::results_progress::blocks(cx));
    }
    s
}

/// One row per indicator period (one row for an indicator with no period): indicator,
/// measure, baseline, period, target, actual — the values as recorded. The indicator,
/// its measure and its baseline are written on its first row only, so that a long list
/// of periods does not repeat them. With `latest_only`, each indicator has one row, its
/// latest period (the one that ends last; a real IATI file has 10,359 period rows).
pub(crate) fn indicator_table(cx: &Cx<'_>, indicators: &[&Indicator], latest_only: bool) -> Table {
    let mut table = Table::new([
        cx.t("Indikator", "Indicator"),
        cx.t("Mått", "Measure"),
        cx.t("Utgångsvärde", "Baseline"),
        cx.t("Period", "Period"),
        cx.t("Mål", "Target"),
        cx.t("Utfall", "Actual"),
    ]);
    for ind in indicators {
        let mut head = [
            format!("{} {}", ind.id, cx.text(&ind.title)).trim().to_owned(),
            measure_text(cx, ind),
            baselines_text(cx, &ind.baselines),
        ];
        if ind.periods.is_empty() {
            let [name, measure, baseline] = head;
            table.push_row([
                name,
                measure,
                baseline,
                cx.t("inga perioder", "no periods"),
                String::new(),
                String::new(),
            ]);
            continue;
        }
        let latest = ind.periods.iter().max_by_key(|p| (p.end, p.start));
        let periods: &mut dyn Iterator<Item = &Period> =
            if latest_only { &mut latest.into_iter() } else { &mut ind.periods.iter() };
        for p in periods {
            let [name, measure, baseline] = std::mem::take(&mut head);
            table.push_row([
                name,
                measure,
                baseline,
                format!("{} – {}", p.start, p.end),
                values_text(cx, &p.targets),
                values_text(cx, &p.actuals),
            ]);
        }
    }
    table
}

fn measure_text(cx: &Cx<'_>, ind: &Indicator) -> String {
    let measure = match ind.measure {
        Some(Measure::Unit) => cx.t("antal", "unit"),
        Some(Measure::Percentage) => cx.t("procent", "percentage"),
        Some(Measure::Nominal) => cx.t("nominal", "nominal"),
        Some(Measure::Ordinal) => cx.t("ordinal", "ordinal"),
        Some(Measure::Qualitative) => cx.t("kvalitativ", "qualitative"),
        None => cx.not_stated(),
    };
    match ind.unit.as_deref().map(str::trim) {
        Some(unit) if !unit.is_empty() => format!("{measure} ({unit})"),
        _ => measure,
    }
}

/// The total baselines (those with no dimension), each once, with a note of how many
/// disaggregated baselines there are besides: a baseline of one group (e.g. women) is
/// never shown as if it were the indicator's.
fn baselines_text(cx: &Cx<'_>, baselines: &[Baseline]) -> String {
    let mut totals: Vec<String> = Vec::new();
    for b in baselines.iter().filter(|b| b.dimensions.is_empty()) {
        let text = baseline_text(cx, b);
        if !text.is_empty() && !totals.contains(&text) {
            totals.push(text);
        }
    }
    let parts = baselines.iter().filter(|b| !b.dimensions.is_empty()).count();
    with_disaggregated(cx, totals.join("; "), parts)
}

fn baseline_text(cx: &Cx<'_>, b: &Baseline) -> String {
    let value = number_text(cx.lang(), b.value, b.numerator, b.denominator);
    let when = b.date.map(|d| d.to_string()).or_else(|| b.year.map(|y| y.to_string()));
    let comment = cx.text(&b.comment);
    let mut out = if value.is_empty() { comment } else { value };
    if let Some(when) = when {
        out = format!("{out} ({when})").trim().to_owned();
    }
    out
}

/// A value with the counts of a percentage (`43.75 (35/80)`), rounded for display
/// ([`crate::learning_report::numbers::decimal`]); an undefined 0/0 shows only its counts.
pub(crate) fn number_text(
    lang: &str,
    value: Option<rust_decimal::Decimal>,
    num: Option<rust_decimal::Decimal>,
    den: Option<rust_decimal::Decimal>,
) -> String {
    let shown = |d: rust_decimal::Decimal| crate::learning_report::numbers::decimal(d, lang);
    let value = value.map(shown).unwrap_or_default();
    match (num, den) {
        (Some(n), Some(d)) => format!("{value} ({}/{})", shown(n), shown(d)).trim().to_owned(),
        _ => value,
    }
}

/// The total value (or its text), with a note of how many disaggregated values follow it.
fn values_text(cx: &Cx<'_>, values: &[PeriodValue]) -> String {
    let shown = |v: &PeriodValue| {
        let n = number_text(cx.lang(), v.value, v.numerator, v.denominator);
        if n.is_empty() {
            cx.text(&v.text)
        } else {
            n
        }
    };
    let total = join(values.iter().filter(|v| v.is_total()).map(shown));
    let parts = values.iter().filter(|v| !v.is_total()).count();
    with_disaggregated(cx, total, parts)
}

/// `total` with a note of the `parts` disaggregated values beside it; only the count
/// when there is no total.
fn with_disaggregated(cx: &Cx<'_>, total: String, parts: usize) -> String {
    match (total.is_empty(), parts) {
        (_, 0) => total,
        (true, n) => format!("{n} {}", cx.t("uppdelade värden", "disaggregated values")),
        (false, n) => format!("{total} (+{n} {})", cx.t("uppdelade", "disaggregated")),
    }
}

#[cfg(test)]
mod tests {
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::model::Block;
    use crate::learning_report::testdata;

    #[test]
    fn indicator_rows_show_recorded_values() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[3];
        assert!(matches!(&s.blocks[0], Block::Heading { text } if text.starts_with("Project PRJ-1: Handel")));
        let Block::Table(t) = &s.blocks[1] else { panic!() };
        assert_eq!(
            t.rows,
            vec![vec!["IND-1 Number of new partners", "unit", "2 (2009)", "2010-01-01 – 2010-12-31", "10", "7"]]
        );
    }

    #[test]
    fn an_indicator_is_named_once_and_a_groups_baseline_is_not_its_own() {
        use crate::model::{Baseline, Dimension, Period};
        let mut p = testdata::portfolio();
        let ind = &mut p.projects[0].results[0].indicators[0];
        let mut second = ind.periods[0].clone();
        second.start = chrono::NaiveDate::from_ymd_opt(2011, 1, 1).unwrap();
        second.end = chrono::NaiveDate::from_ymd_opt(2011, 12, 31).unwrap();
        ind.periods.push(Period { ..second });
        let women = Dimension { name: "sex".into(), value: "female".into() };
        ind.baselines.push(Baseline {
            year: Some(2009),
            value: Some(1.into()),
            dimensions: vec![women],
            ..Baseline::default()
        });
        ind.baselines.push(ind.baselines[0].clone());
        let r = build(&p, &ReportOptions::new("en", testdata::as_of()));
        let Block::Table(t) = &r.sections[3].blocks[1] else { panic!() };
        assert_eq!(
            t.rows,
            vec![
                vec![
                    "IND-1 Number of new partners",
                    "unit",
                    "2 (2009) (+1 disaggregated)",
                    "2010-01-01 – 2010-12-31",
                    "10",
                    "7"
                ],
                vec!["", "", "", "2011-01-01 – 2011-12-31", "10", "7"],
            ]
        );
    }

    #[test]
    fn no_indicators_is_said_plainly() {
        let mut p = testdata::portfolio();
        p.projects.clear();
        let r = build(&p, &ReportOptions::new("en", testdata::as_of()));
        assert!(
            matches!(&r.sections[3].blocks[..], [Block::Notice { text, .. }] if text == "No indicators recorded yet.")
        );
    }
}
