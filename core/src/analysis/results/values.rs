//! Period values of one indicator: period and life-of-program actuals and targets
//! (DESIGN.md rules 1, 2 and 4).

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Cumulation, Diagnostic, Indicator, Measure, Text};

use super::disaggregation::{breakdowns_of, dimension_keys, Breakdown};
use super::error::ResultsError;
use super::figure::Figure;
use super::index::{Entry, ResultsIndex};
use super::series::{business_order, effective_cumulation, run, Reader, RunError, Series, Side, Timeline};

/// Where a life-of-program target comes from (DESIGN.md rule 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// The indicator's stated `life_target` (it always wins).
    Stated,
    /// Aggregated from the period targets like actuals are: their sum
    /// (non-cumulative) or the latest (cumulative, latest-value, percentage).
    Periods,
    /// Aggregated from the contributors' targets (roll-up).
    Contributors,
}

/// A value of a nominal, ordinal or qualitative indicator, with its source: collected,
/// never summed (DESIGN.md rule 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Statement<'a> {
    /// The indicator reporting it.
    pub indicator: &'a str,
    /// The project owning that indicator; `None` for a program indicator.
    pub project: Option<&'a str>,
    /// First day of the reporting period.
    pub period_start: NaiveDate,
    /// Last day of the reporting period.
    pub period_end: NaiveDate,
    /// The number (an ordinal rank, a nominal code), if given.
    pub value: Option<rust_decimal::Decimal>,
    /// The category or statement.
    pub text: &'a Text,
    /// When it was reported, if known.
    pub reported: Option<NaiveDate>,
}

/// One reporting period of an indicator with its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PeriodFigures<'a> {
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// The period actual (DESIGN.md rule 2): the sum of the period's reports
    /// (non-cumulative units), else the latest report; for a cumulative indicator with
    /// no report in this period, the previous period's value carried forward.
    /// Percentages: percent, with counts. `None` when nothing is reported.
    pub actual: Option<Figure>,
    /// True when `actual` is carried forward from an earlier period (cumulative only).
    pub carried_forward: bool,
    /// The period target, aggregated like the actual (never carried forward).
    pub target: Option<Figure>,
    /// For nominal, ordinal and qualitative indicators: every actual reported, with
    /// its source (DESIGN.md rule 6). Empty for unit and percentage indicators.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement<'a>>,
    /// Disaggregated actuals and targets, one breakdown per dimension (DESIGN.md rule 5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<Breakdown<'a>>,
}

/// Life-of-program figures of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LifeFigures {
    /// Non-cumulative: the sum of every period's reports; cumulative, latest-value and
    /// percentage: the latest report by business date. `None` when nothing is reported.
    pub actual: Option<Figure>,
    /// The stated `life_target` when there is one (DESIGN.md rule 4), else the period
    /// targets aggregated like the actuals.
    pub target: Option<Figure>,
    /// Where `target` comes from; `None` when there is no target.
    pub target_source: Option<TargetSource>,
}

/// Every period value of one indicator (DESIGN.md rules 1, 2, 4, 5, 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct IndicatorValues<'a> {
    /// The indicator's id.
    pub indicator: &'a str,
    /// The owning project; `None` for a program indicator.
    pub project: Option<&'a str>,
    /// The measure.
    pub measure: Measure,
    /// The mode the arithmetic used: the declared one, except percentages, which are
    /// always latest-value.
    pub cumulation: Cumulation,
    /// The periods in business order (end, then start), not input order.
    pub periods: Vec<PeriodFigures<'a>>,
    /// Life-of-program actual and target.
    pub life: LifeFigures,
    /// Warnings: ambiguous latest values, disaggregations that do not add up.
    pub diagnostics: Vec<Diagnostic>,
}

/// The measure of an indicator, or [`ResultsError::MeasureUnknown`].
pub(crate) fn measure_of(entry: &Entry<'_>) -> Result<Measure, ResultsError> {
    entry
        .indicator
        .measure
        .ok_or_else(|| ResultsError::MeasureUnknown { indicator: entry.indicator.id.clone(), pointer: entry.pointer() })
}

/// Business order of the periods, or the error for a period ending before it starts.
pub(crate) fn checked_order(entry: &Entry<'_>, order: &mut Vec<u32>) -> Result<(), ResultsError> {
    match business_order(entry.indicator, order) {
        None => Ok(()),
        Some(i) => {
            let p = &entry.indicator.periods[i];
            Err(ResultsError::PeriodEndsBeforeStart {
                pointer: format!("{}/periods/{i}", entry.pointer()),
                start: p.start,
                end: p.end,
            })
        }
    }
}

/// Diagnostics for periods whose latest value is ambiguous.
pub(crate) fn tie_diagnostics(entry: &Entry<'_>, side: Side, ties: &mut Vec<u32>, out: &mut Vec<Diagnostic>) {
    crate::sort::sort_unstable(ties);
    ties.dedup();
    let what = match side {
        Side::Target => "targets",
        Side::Actual => "actuals",
    };
    for &i in ties.iter() {
        out.push(Diagnostic::warning(
            "ambiguous-latest",
            format!("{}/periods/{i}/{what}", entry.pointer()),
            format!(
                "two different {what} have the same business date (period end and report date); \
                 the latest cannot be decided, so this period has no value"
            ),
        ));
    }
    ties.clear();
}

pub(crate) fn overflow<'a>(entry: &Entry<'a>) -> impl Fn(RunError) -> ResultsError + 'a {
    let entry = *entry;
    move |_| ResultsError::Overflow { pointer: entry.pointer() }
}

/// The life-of-program target: stated wins, else the aggregated period targets.
pub(crate) fn life_target(indicator: &Indicator, aggregated: Option<Figure>) -> (Option<Figure>, Option<TargetSource>) {
    match (indicator.life_target, aggregated) {
        (Some(t), _) => (Some(Figure::number(t)), Some(TargetSource::Stated)),
        (None, Some(f)) => (Some(f), Some(TargetSource::Periods)),
        (None, None) => (None, None),
    }
}

/// Life-of-program actual and target of one indicator as known on `cutoff` (every
/// value when `None`), without the per-period detail. Used by progress.
pub(crate) fn life_as_of(
    entry: &Entry<'_>,
    measure: Measure,
    cutoff: Option<NaiveDate>,
) -> Result<LifeFigures, ResultsError> {
    let mut order = Vec::new();
    checked_order(entry, &mut order)?;
    let placement = vec![0u32; order.len()];
    let timeline = Timeline { order: &order, placement: &placement, buckets: 1 };
    let mode = effective_cumulation(measure, entry.indicator.cumulation);
    let mut ties = Vec::new();
    let mut ignore = |_: usize, _: Figure, _: bool| {};
    let mut read = |side, cutoff| {
        let reader = Reader { indicator: entry.indicator, measure, mode, series: Series::Total, side, cutoff };
        run(&reader, &timeline, &mut ties, &mut ignore).map_err(overflow(entry))
    };
    let actual = read(Side::Actual, cutoff)?.life;
    let targets = read(Side::Target, None)?.life;
    let (target, target_source) = life_target(entry.indicator, targets);
    Ok(LifeFigures { actual, target, target_source })
}

/// Computes [`IndicatorValues`] for the indicator `entry`.
pub(crate) fn period_values<'a>(index: &ResultsIndex<'a>, id: &str) -> Result<IndicatorValues<'a>, ResultsError> {
    let entry = index.entry(id)?;
    let measure = measure_of(&entry)?;
    let indicator = entry.indicator;
    let mode = effective_cumulation(measure, indicator.cumulation);
    let mut order = Vec::new();
    checked_order(&entry, &mut order)?;
    let placement: Vec<u32> = (0..order.len() as u32).collect();
    let timeline = Timeline { order: &order, placement: &placement, buckets: order.len() };

    let mut periods: Vec<PeriodFigures<'a>> = order
        .iter()
        .map(|&i| {
            let p = &indicator.periods[i as usize];
            PeriodFigures {
                start: p.start,
                end: p.end,
                actual: None,
                carried_forward: false,
                target: None,
                statements: Vec::new(),
                breakdowns: Vec::new(),
            }
        })
        .collect();
    let mut diagnostics = Vec::new();
    let mut ties = Vec::new();
    let mut lives = [None, None];
    if measure.is_quantitative() {
        for (k, side) in [Side::Actual, Side::Target].into_iter().enumerate() {
            let reader = Reader { indicator, measure, mode, series: Series::Total, side, cutoff: None };
            let outcome = run(&reader, &timeline, &mut ties, &mut |b, figure, carried| {
                if side == Side::Actual {
                    periods[b].actual = Some(figure);
                    periods[b].carried_forward = carried;
                } else if !carried {
                    periods[b].target = Some(figure);
                }
            })
            .map_err(overflow(&entry))?;
            lives[k] = outcome.life;
            tie_diagnostics(&entry, side, &mut ties, &mut diagnostics);
        }
        let keys = dimension_keys(std::iter::once(indicator));
        if !keys.is_empty() {
            let per_period = breakdowns_of(&entry, measure, mode, &keys, &timeline, &mut diagnostics)?;
            for (figures, breakdowns) in periods.iter_mut().zip(per_period) {
                figures.breakdowns = breakdowns;
            }
            super::disaggregation::check_periods(&entry, &order, &mut periods, &mut diagnostics);
        }
    } else {
        for (figures, &i) in periods.iter_mut().zip(&order) {
            let p = &indicator.periods[i as usize];
            figures.statements = p
                .actuals
                .iter()
                .filter(|v| v.is_total())
                .map(|v| Statement {
                    indicator: &indicator.id,
                    project: entry.project,
                    period_start: p.start,
                    period_end: p.end,
                    value: v.value,
                    text: &v.text,
                    reported: v.reported,
                })
                .collect();
        }
    }
    let (target, target_source) = life_target(indicator, lives[1]);
    Ok(IndicatorValues {
        indicator: &indicator.id,
        project: entry.project,
        measure,
        cumulation: mode,
        periods,
        life: LifeFigures { actual: lives[0], target, target_source },
        diagnostics,
    })
}
