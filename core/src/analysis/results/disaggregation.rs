//! Disaggregation (DESIGN.md rule 5): dimension values checked against totals, and
//! several marginal breakdowns (by sex, by age …) kept apart, never added across
//! dimensions.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Cumulation, Diagnostic, Dimension, Indicator, Measure};

use super::error::ResultsError;
use super::figure::{Figure, Pool};
use super::index::Entry;
use super::rollup::Contribution;
use super::series::{run, same_dimensions, Reader, Series, Side, Timeline};
use super::values::{overflow, tie_diagnostics, PeriodFigures};

/// One value of a breakdown, e.g. `sex = female`, with its actual and target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "DisaggregationValue")]
pub struct BreakdownValue<'a> {
    /// The dimension values this row is about (one for a marginal breakdown, several
    /// for a cross-tabulation such as sex × age).
    pub dimensions: &'a [Dimension],
    /// The actual, read like the total's (same cumulation rules). Percent for percentages.
    pub actual: Option<Figure>,
    /// True when `actual` is carried forward (cumulative indicators).
    pub carried_forward: bool,
    /// The target, read like the total's.
    pub target: Option<Figure>,
    /// In a roll-up: the contributors behind this row's figures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contributions: Vec<Contribution<'a>>,
}

/// What a breakdown's sum was compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compared {
    /// Unit values.
    Value,
    /// Percentage numerators.
    Numerator,
    /// Percentage denominators.
    Denominator,
}

/// A breakdown whose values do not add up to the total (DESIGN.md rule 5): both
/// numbers are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Mismatch {
    /// Targets or actuals.
    pub side: Side,
    /// Which number was compared.
    pub compared: Compared,
    /// The total reported for the period.
    pub total: Decimal,
    /// The sum of the breakdown's values.
    pub sum: Decimal,
}

/// One breakdown of a total: every value of one dimension (or of one cross of
/// dimensions). Different breakdowns are never added together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "Disaggregation")]
pub struct Breakdown<'a> {
    /// The dimension name (`sex`), or the names of a cross joined by `+` in
    /// alphabetical order (`age+sex`).
    pub dimension: String,
    /// Its values, ordered by dimension value.
    pub values: Vec<BreakdownValue<'a>>,
    /// Where the values do not sum to the total. Empty when they do, or when there is
    /// no total (or only percents without counts) to compare with.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mismatches: Vec<Mismatch>,
}

/// The distinct dimension sets reported by `indicators` (targets and actuals), each
/// borrowed from a value that has it, ordered by (names, values).
pub(crate) fn dimension_keys<'a>(indicators: impl Iterator<Item = &'a Indicator>) -> Vec<&'a [Dimension]> {
    let mut keys: Vec<&'a [Dimension]> = Vec::new();
    for indicator in indicators {
        for period in &indicator.periods {
            for value in period.targets.iter().chain(&period.actuals) {
                let dims = value.dimensions.as_slice();
                if !dims.is_empty() && !keys.iter().any(|k| same_dimensions(k, dims)) {
                    keys.push(dims);
                }
            }
        }
    }
    crate::sort::sort_by_cached_key(&mut keys, |k| (group_name(k), canonical(k)));
    keys
}

fn canonical(key: &[Dimension]) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = key.iter().map(|d| (d.name.as_str(), d.value.as_str())).collect();
    crate::sort::sort_unstable(&mut pairs);
    pairs
}

/// The breakdown a dimension set belongs to: its names, sorted, joined by `+`.
pub(crate) fn group_name(key: &[Dimension]) -> String {
    let mut names: Vec<&str> = key.iter().map(|d| d.name.as_str()).collect();
    crate::sort::sort_unstable(&mut names);
    names.dedup();
    names.join("+")
}

/// Adds a row to the breakdown named after `key` in `list`, creating it in order.
pub(crate) fn push_row<'a>(list: &mut Vec<Breakdown<'a>>, row: BreakdownValue<'a>) {
    let name = group_name(row.dimensions);
    match list.iter_mut().find(|b| b.dimension == name) {
        Some(b) => b.values.push(row),
        None => list.push(Breakdown { dimension: name, values: vec![row], mismatches: Vec::new() }),
    }
}

/// Per bucket of `timeline`, the breakdowns of one indicator (unit or percentage).
pub(crate) fn breakdowns_of<'a>(
    entry: &Entry<'a>,
    measure: Measure,
    mode: Cumulation,
    keys: &[&'a [Dimension]],
    timeline: &Timeline<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Vec<Breakdown<'a>>>, ResultsError> {
    let mut out: Vec<Vec<Breakdown<'a>>> = vec![Vec::new(); timeline.buckets];
    let mut rows: Vec<Option<BreakdownValue<'a>>> = vec![None; timeline.buckets];
    let mut ties = Vec::new();
    for &key in keys {
        for side in [Side::Actual, Side::Target] {
            let reader = Reader {
                indicator: entry.indicator,
                measure,
                mode,
                series: Series::Dimensions(key),
                side,
                cutoff: None,
            };
            run(&reader, timeline, &mut ties, &mut |b, figure, carried| {
                let row = rows[b].get_or_insert_with(|| BreakdownValue {
                    dimensions: key,
                    actual: None,
                    carried_forward: false,
                    target: None,
                    contributions: Vec::new(),
                });
                match side {
                    Side::Actual => {
                        row.actual = Some(figure);
                        row.carried_forward = carried;
                    }
                    Side::Target if !carried => row.target = Some(figure),
                    Side::Target => {}
                }
            })
            .map_err(overflow(entry))?;
            tie_diagnostics(entry, side, &mut ties, diagnostics);
        }
        for (b, row) in rows.iter_mut().enumerate() {
            if let Some(row) = row.take() {
                push_row(&mut out[b], row);
            }
        }
    }
    Ok(out)
}

/// Compares each breakdown's sum with the total, per side; fills `mismatches`.
/// Nothing is compared for measures that do not sum, or when the total is missing.
pub(crate) fn check_breakdown(
    breakdown: &mut Breakdown<'_>,
    measure: Measure,
    actual: Option<Figure>,
    target: Option<Figure>,
) {
    if !measure.is_quantitative() {
        return;
    }
    breakdown.mismatches.clear();
    for (side, total) in [(Side::Actual, actual), (Side::Target, target)] {
        let Some(total) = total else { continue };
        let mut pool = Pool::default();
        let mut overflowed = false;
        for row in &breakdown.values {
            let figure = match side {
                Side::Actual => row.actual,
                Side::Target => row.target,
            };
            if let Some(f) = figure {
                overflowed |= pool.add(f, measure).is_err();
            }
        }
        let Some(sum) = pool.figure(measure) else { continue };
        if overflowed || pool.unpoolable > 0 {
            continue;
        }
        let pairs = if measure == Measure::Percentage {
            vec![
                (Compared::Numerator, total.numerator, sum.numerator),
                (Compared::Denominator, total.denominator, sum.denominator),
            ]
        } else {
            vec![(Compared::Value, total.value, sum.value)]
        };
        for (compared, total, sum) in pairs {
            if let (Some(total), Some(sum)) = (total, sum) {
                if total != sum {
                    breakdown.mismatches.push(Mismatch { side, compared, total, sum });
                }
            }
        }
    }
}

/// A warning per mismatch, naming both numbers.
pub(crate) fn mismatch_diagnostics(pointer: &str, breakdown: &Breakdown<'_>, diagnostics: &mut Vec<Diagnostic>) {
    for m in &breakdown.mismatches {
        let side = match m.side {
            Side::Actual => "actual",
            Side::Target => "target",
        };
        let compared = match m.compared {
            Compared::Value => "values",
            Compared::Numerator => "numerators",
            Compared::Denominator => "denominators",
        };
        diagnostics.push(Diagnostic::warning(
            "disaggregation-mismatch",
            pointer.to_owned(),
            format!("the {side} {compared} by {} sum to {}, but the total is {}", breakdown.dimension, m.sum, m.total),
        ));
    }
}

/// Checks every period's breakdowns of one indicator against its totals.
pub(crate) fn check_periods(
    entry: &Entry<'_>,
    order: &[u32],
    periods: &mut [PeriodFigures<'_>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(measure) = entry.indicator.measure else { return };
    for (figures, &i) in periods.iter_mut().zip(order) {
        let (actual, target) = (figures.actual, figures.target);
        let pointer = format!("{}/periods/{i}", entry.pointer());
        for breakdown in &mut figures.breakdowns {
            check_breakdown(breakdown, measure, actual, target);
            mismatch_diagnostics(&pointer, breakdown, diagnostics);
        }
    }
}
