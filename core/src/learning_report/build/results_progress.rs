//! Section 4, computed part: progress and on/off track per indicator, progress per
//! period, program roll-ups with the contributors behind each figure, and a chart per
//! indicator (DESIGN.md rules 1-6, computed by `crate::analysis::results`).
//!
//! Progress is shown as a percent of the way from baseline to target (a fraction of
//! 0.5 is "50 %"); "no target", "no baseline", "no actual" and "undefined" are written
//! out, never shown as 0 %.

use rust_decimal::Decimal;

use super::Cx;
use crate::analysis::results::{
    indicator_chart_spec, rollup_chart_spec, Figure, IndicatorProgress, Periods, Progress, ResultsIndex, Track,
};
use crate::learning_report::model::{Block, NoticeKind, Table};
use crate::model::Indicator;

use super::results::MAX_PERIOD_ROWS;

/// Project indicators get a chart only when there are at most this many; program
/// indicators always get one.
const MAX_PROJECT_CHARTS: usize = 30;

/// The blocks appended to section 4 after the recorded values.
pub(crate) fn blocks(cx: &Cx<'_>) -> Vec<Block> {
    let index = ResultsIndex::new(cx.portfolio);
    let as_of = cx.options.as_of;
    let indicators: Vec<(Option<&str>, &Indicator)> =
        cx.portfolio.indicators().filter(|(_, i)| i.measure.is_some_and(|m| m.is_quantitative())).collect();
    let mut out = Vec::new();
    if indicators.is_empty() {
        return out;
    }

    out.push(Block::Heading { text: format!("{} {as_of}", cx.t("Framsteg per", "Progress as of")) });
    let mut overview = Table::new([
        cx.t("Indikator", "Indicator"),
        cx.t("Ägare", "Owner"),
        cx.t("Utgångsvärde", "Baseline"),
        cx.t("Mål", "Target"),
        cx.t("Utfall", "Actual"),
        cx.t("Framsteg", "Progress"),
        cx.t("Förväntat", "Expected"),
        cx.t("Läge", "Status"),
    ]);
    let mut per_period = Table::new([
        cx.t("Indikator", "Indicator"),
        cx.t("Period", "Period"),
        cx.t("Utfall", "Actual"),
        cx.t("Mål", "Target"),
        cx.t("Framsteg", "Progress"),
    ]);
    let mut problems = Vec::new();
    let period_count: usize = indicators.iter().map(|(_, i)| i.periods.len()).sum();
    let with_periods = period_count <= MAX_PERIOD_ROWS;
    for &(owner, ind) in &indicators {
        match index.indicator_of(ind).and_then(|q| q.progress(as_of)) {
            Ok(p) => {
                overview.push_row([
                    ind.id.clone(),
                    owner.map_or_else(|| cx.t("programmet", "the program"), str::to_owned),
                    number(cx, p.baseline),
                    number(cx, p.target),
                    number(cx, p.actual),
                    progress_text(cx, &p.progress),
                    p.expected.map(percent_of_way).unwrap_or_default(),
                    track_text(cx, p.status),
                ]);
                if with_periods {
                    push_periods(cx, &mut per_period, &p);
                }
            }
            Err(e) => problems.push(format!("{}: {e}", ind.id)),
        }
    }
    out.push(Block::Table(overview.with_caption(cx.t(
        "Framsteg = (utfall − utgångsvärde) / (mål − utgångsvärde); inom ±15 % av förväntat är i fas.",
        "Progress = (actual − baseline) / (target − baseline); within ±15 % of expected is on track.",
    ))));
    if !per_period.is_empty() {
        out.push(Block::Heading { text: cx.t("Framsteg per period", "Progress per period") });
        out.push(Block::Table(per_period));
    } else if !with_periods {
        out.push(Block::Notice {
            kind: NoticeKind::Info,
            text: format!(
                "{} {}",
                crate::learning_report::numbers::grouped(&period_count.to_string(), cx.lang()),
                cx.t(
                    "indikatorperioder: framsteg per period visas inte här (se kartan-API:t).",
                    "indicator periods: progress per period is not listed here (see the kartan API)."
                )
            ),
        });
    }

    let program_indicators: Vec<&Indicator> =
        indicators.iter().filter(|(o, i)| o.is_none() && !i.contributors.is_empty()).map(|(_, i)| *i).collect();
    if !program_indicators.is_empty() {
        out.push(Block::Heading { text: cx.t("Programmets sammanvägda resultat", "Program roll-ups") });
    }
    for ind in program_indicators {
        match index.indicator_of(ind).and_then(|q| q.rollup(&Periods::Yearly)) {
            Ok(r) => {
                let mut table = Table::new([
                    cx.t("År", "Year"),
                    cx.t("Utfall", "Actual"),
                    cx.t("Mål", "Target"),
                    cx.t("Bidrag", "Contributors"),
                ])
                .with_caption(format!("{} {}", ind.id, cx.text(&ind.title)).trim().to_owned());
                for p in &r.periods {
                    let contributors = p
                        .contributions
                        .iter()
                        .map(|c| {
                            format!("{} ({}): {}", c.indicator, c.project.unwrap_or("-"), figure(cx, c.actual.as_ref()))
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    table.push_row([
                        year(p.start),
                        figure(cx, p.actual.as_ref()),
                        figure(cx, p.target.as_ref()),
                        contributors,
                    ]);
                }
                table.push_row([
                    cx.t("Hela perioden", "Life of program"),
                    figure(cx, r.life.actual.as_ref()),
                    figure(cx, r.life.target.as_ref()),
                    format!(
                        "{} {}",
                        r.life.contributions.len(),
                        cx.t("bidragande indikatorer", "contributing indicators")
                    ),
                ]);
                // A program indicator with no periods of its own is drawn from its roll-up
                // (the table is the chart's text alternative, shown once).
                let drawn = cx.options.charts && ind.periods.is_empty() && r.periods.iter().any(|p| p.actual.is_some());
                let chart = drawn.then(|| Block::Chart {
                    title: table.caption.clone().unwrap_or_default(),
                    spec: rollup_chart_spec(ind, &r, &cx.options.lang),
                    fallback: table.clone(),
                });
                out.push(Block::Table(table));
                out.extend(chart);
                if !r.diagnostics.is_empty() {
                    out.push(Block::Diagnostics { items: r.diagnostics });
                }
            }
            Err(e) => problems.push(format!("{}: {e}", ind.id)),
        }
    }

    if cx.options.charts {
        let project_charts = indicators.iter().filter(|(o, _)| o.is_some()).count() <= MAX_PROJECT_CHARTS;
        let charted = indicators.iter().filter(|(o, i)| !i.periods.is_empty() && (o.is_none() || project_charts));
        for &(_, ind) in charted {
            let Ok(values) = index.indicator_of(ind).and_then(|q| q.values()) else { continue };
            let mut fallback = Table::new([cx.t("Period", "Period"), cx.t("Utfall", "Actual"), cx.t("Mål", "Target")]);
            for p in &values.periods {
                fallback.push_row([
                    format!("{} – {}", p.start, p.end),
                    figure(cx, p.actual.as_ref()),
                    figure(cx, p.target.as_ref()),
                ]);
            }
            let title = format!("{} {}", ind.id, cx.text(&ind.title)).trim().to_owned();
            out.push(Block::Chart { title, spec: indicator_chart_spec(ind, &values, &cx.options.lang), fallback });
        }
    }
    if !problems.is_empty() {
        out.push(Block::Notice { kind: NoticeKind::Warning, text: problems.join(" ") });
    }
    out
}

fn push_periods(cx: &Cx<'_>, table: &mut Table, p: &IndicatorProgress<'_>) {
    for period in &p.periods {
        table.push_row([
            p.indicator.to_owned(),
            format!("{} – {}", period.start, period.end),
            number(cx, period.actual),
            number(cx, period.target),
            progress_text(cx, &period.progress),
        ]);
    }
}

fn number(cx: &Cx<'_>, d: Option<Decimal>) -> String {
    d.map(|d| crate::learning_report::numbers::decimal(d, cx.lang())).unwrap_or_default()
}

/// A figure as text: the value, with the counts of a percentage (`43.75 (35/80)`);
/// an undefined 0/0 shows only its counts.
fn figure(cx: &Cx<'_>, f: Option<&Figure>) -> String {
    f.map_or_else(String::new, |f| super::results::number_text(cx.lang(), f.value, f.numerator, f.denominator))
}

/// A fraction of the way as a percent, rounded to one decimal: 0.4375 → "43.8 %".
fn percent_of_way(fraction: Decimal) -> String {
    format!("{} %", (fraction * Decimal::ONE_HUNDRED).round_dp(1).normalize())
}

fn progress_text(cx: &Cx<'_>, p: &Progress) -> String {
    match p {
        Progress::Fraction(f) => percent_of_way(*f),
        Progress::NoTarget => cx.t("mål saknas", "no target"),
        Progress::NoBaseline => cx.t("utgångsvärde saknas", "no baseline"),
        Progress::NoActual => cx.t("inget utfall", "no actual"),
        Progress::Undefined => cx.t("odefinierat (mål = utgångsvärde)", "undefined (target = baseline)"),
    }
}

fn track_text(cx: &Cx<'_>, t: Track) -> String {
    match t {
        Track::OnTrack => cx.t("i fas", "on track"),
        Track::Behind => cx.t("efter", "behind"),
        Track::Ahead => cx.t("före", "ahead"),
        Track::NoData => cx.t("underlag saknas", "no data"),
    }
}

/// The year of `date` as chrono's `%Y` writes it (`2024`; `+10000`, `-0001` outside
/// 0-9999), taken from the date's ISO text: one date formatter in the module, not two.
fn year(date: chrono::NaiveDate) -> String {
    let mut text = date.to_string();
    text.truncate(text.len() - "-MM-DD".len());
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learning_report::build::{build, ReportOptions};
    use chrono::NaiveDate;

    #[test]
    fn year_and_date_texts_are_chrono_formats() {
        for y in [-1, 0, 7, 999, 2024, 9999, 10_000, 262_000] {
            let d = NaiveDate::from_ymd_opt(y, 3, 9).unwrap();
            assert_eq!(year(d), d.format("%Y").to_string());
            assert_eq!(d.to_string(), d.format("%Y-%m-%d").to_string());
        }
    }

    fn portfolio() -> crate::model::Portfolio {
        let json = include_str!("../../../../tests/vectors/results/rule1_percentages_pool.json");
        let case: serde_json::Value = serde_json::from_str(json).unwrap();
        crate::io::json::from_str(&case["portfolio"].to_string()).unwrap()
    }

    #[test]
    fn section_4_shows_progress_rollups_with_contributors_and_charts() {
        let r = build(&portfolio(), &ReportOptions::new("en", NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()));
        let s = r.section("results").unwrap();
        let tables: Vec<&Table> =
            s.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
        let rollup = tables.iter().find(|t| t.columns[0] == "Year").unwrap();
        assert_eq!(rollup.rows[0][0], "2024");
        assert_eq!(rollup.rows[0][1], "43.75 (35/80)");
        assert_eq!(rollup.rows[0][3], "P1-IND-1 (P1): 40 (20/50); P2-IND-1 (P2): 50 (15/30)");
        let overview = tables.iter().find(|t| t.columns.contains(&"Status".to_owned())).unwrap();
        assert!(overview.rows.iter().any(|r| r[0] == "P1-IND-1" && r[5] == "no target" && r[7] == "no data"));
        // The two project indicators' own periods, and the program indicator's roll-up
        // (it has no periods of its own): 43.75 % pooled in 2024, its table the text alternative.
        let charts: Vec<_> = s
            .blocks
            .iter()
            .filter_map(|b| if let Block::Chart { spec, fallback, .. } = b { Some((spec, fallback)) } else { None })
            .collect();
        assert_eq!(charts.len(), 3);
        let (spec, fallback) = charts.iter().find(|(_, f)| f == rollup).expect("the roll-up is drawn");
        assert_eq!(fallback.rows[0][1], "43.75 (35/80)");
        let points = &spec["layer"][0]["data"]["values"];
        assert_eq!(points[0], serde_json::json!({"period_end": "2024-12-31", "series": "actual", "value": 43.75}));
        assert!(spec["description"].as_str().unwrap().contains("rolled-up"));
    }

    #[test]
    fn progress_is_shown_as_a_percent_of_the_way_never_zero_for_unknown() {
        assert_eq!(percent_of_way("0.4375".parse().unwrap()), "43.8 %");
        assert_eq!(percent_of_way("-0.2".parse().unwrap()), "-20 %");
    }
}
