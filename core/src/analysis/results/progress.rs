//! Progress from baseline to target, and on/off track (DESIGN.md rule 3).
//!
//! **Expected progress as of a date.** The plan is a path from the baseline to the
//! target: it starts at the baseline value on the baseline date (its `date`, else
//! 1 January of its `year`, else the first period's start) and passes through each
//! period's planned value at that period's end — the running sum of the period targets
//! for non-cumulative indicators, the period target itself for cumulative,
//! latest-value and percentage ones. Without period targets the path runs straight
//! from the baseline to the life-of-program target at the last period's end. Between
//! two points the plan is linear in days; before the start it is the baseline, after
//! the last point it stays at the last value. Expected progress is the planned value
//! at `as_of` as a fraction of the way from baseline to the life-of-program target.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Baseline, Cumulation, Direction, Indicator, Measure};

use super::error::ResultsError;
use super::figure::percent;
use super::index::ResultsIndex;
use super::values::{life_as_of, measure_of, period_values, TargetSource};

/// How far an indicator has come from its baseline towards its target, or why that
/// cannot be said. Never 0 in place of "unknown".
///
/// In JSON: `{"kind": "fraction", "value": "0.5"}` or `{"kind": "no_target"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Progress {
    /// (actual − baseline) / (target − baseline), a **fraction**: 0.5 is half-way,
    /// 1 is the target reached, above 1 beyond it, negative a regression (a move away
    /// from the target). Works for descending indicators unchanged: baseline 40,
    /// target 20, actual 30 → 0.5.
    Fraction(Decimal),
    /// The indicator has no target.
    NoTarget,
    /// The indicator has no baseline value.
    NoBaseline,
    /// Nothing is reported yet.
    NoActual,
    /// The target equals the baseline, so there is no distance to cover.
    Undefined,
}

impl Progress {
    /// The fraction, when there is one.
    pub fn fraction(&self) -> Option<Decimal> {
        match self {
            Progress::Fraction(f) => Some(*f),
            _ => None,
        }
    }

    /// Progress of `actual` from `baseline` to `target` (DESIGN.md rule 3). The reasons
    /// for no fraction are checked in this order: no target, no baseline, target equal
    /// to baseline (undefined), no actual.
    pub fn between(baseline: Option<Decimal>, target: Option<Decimal>, actual: Option<Decimal>) -> Self {
        let Some(target) = target else { return Progress::NoTarget };
        let Some(baseline) = baseline else { return Progress::NoBaseline };
        let Some(distance) = target.checked_sub(baseline).filter(|d| !d.is_zero()) else {
            return Progress::Undefined;
        };
        let Some(actual) = actual else { return Progress::NoActual };
        let Some(done) = actual.checked_sub(baseline) else { return Progress::Undefined };
        done.checked_div(distance).map_or(Progress::Undefined, |f| Progress::Fraction(f.normalize()))
    }
}

/// On or off track: actual progress compared with expected progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Within the band around expected progress.
    OnTrack,
    /// Below the band.
    Behind,
    /// Above the band.
    Ahead,
    /// No progress fraction, or no expected progress (no plan, no periods).
    NoData,
}

/// The on-track band: progress within `expected × (1 ± tolerance)` is on track.
/// `tolerance` is a **fraction** of the expected progress; the default is 0.15
/// (± 15 %, DESIGN.md rule 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Band {
    tolerance: Decimal,
}

impl Default for Band {
    fn default() -> Self {
        Self { tolerance: Decimal::new(15, 2) }
    }
}

impl Band {
    /// A band of ± `tolerance` (a fraction, e.g. 0.1 for ± 10 %).
    ///
    /// # Errors
    /// [`ResultsError::InvalidBand`] for a negative tolerance.
    pub fn new(tolerance: Decimal) -> Result<Self, ResultsError> {
        if tolerance.is_sign_negative() && !tolerance.is_zero() {
            return Err(ResultsError::InvalidBand { tolerance });
        }
        Ok(Self { tolerance })
    }

    /// The tolerance, a fraction.
    pub fn tolerance(&self) -> Decimal {
        self.tolerance
    }

    /// Classifies `progress` against `expected` (both fractions).
    pub fn classify(&self, progress: &Progress, expected: Option<Decimal>) -> Track {
        let (Some(p), Some(e)) = (progress.fraction(), expected) else { return Track::NoData };
        let margin = e.abs() * self.tolerance;
        if p < e - margin {
            Track::Behind
        } else if p > e + margin {
            Track::Ahead
        } else {
            Track::OnTrack
        }
    }
}

/// Progress in one reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PeriodProgress {
    /// First day of the period.
    pub start: NaiveDate,
    /// Last day of the period.
    pub end: NaiveDate,
    /// The standing at the period's end: the running sum of actuals so far
    /// (non-cumulative) or the period actual (others); percent for percentages.
    pub actual: Option<Decimal>,
    /// The planned standing at the period's end, read the same way from the targets.
    pub target: Option<Decimal>,
    /// Progress of `actual` from the baseline to `target`.
    pub progress: Progress,
}

/// An indicator's progress as of a date (DESIGN.md rule 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct IndicatorProgress<'a> {
    /// The indicator.
    pub indicator: &'a str,
    /// Its project; `None` for a program indicator.
    pub project: Option<&'a str>,
    /// The date asked about.
    pub as_of: NaiveDate,
    /// Ascending or descending (the formula needs no special case for either).
    pub direction: Direction,
    /// The baseline value (percent for percentages): the earliest total baseline.
    pub baseline: Option<Decimal>,
    /// The life-of-program target (stated wins, DESIGN.md rule 4).
    pub target: Option<Decimal>,
    /// Where the target comes from.
    pub target_source: Option<TargetSource>,
    /// The life-of-program actual from the values known on `as_of` (report date, else
    /// period end, on or before `as_of`).
    pub actual: Option<Decimal>,
    /// (actual − baseline) / (target − baseline), a fraction, or why there is none.
    pub progress: Progress,
    /// Achievement, actual ÷ target, a **fraction** (0.5: half the target reached), as
    /// indicator tracking tables show it ("% of target met", TolaData's IPTT), given
    /// beside `progress` when there is no baseline (progress is `no_baseline`, rule 3
    /// stays). `None` when there is a baseline (progress says more), no actual, no
    /// target or a target of 0, and for a descending indicator, whose target is a
    /// ceiling that actual ÷ target does not measure progress towards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement: Option<Decimal>,
    /// Expected progress on `as_of` (a fraction) along the planned path (module docs).
    pub expected: Option<Decimal>,
    /// On track, behind, ahead or no data.
    pub status: Track,
    /// The band's tolerance used (a fraction).
    pub band: Decimal,
    /// Progress per period that has started by `as_of`, in business order.
    pub periods: Vec<PeriodProgress>,
}

/// The total baseline's value (percent for percentages) and its date: the earliest
/// total baseline (no dimensions, no locations) that has a number.
pub(crate) fn baseline_of(indicator: &Indicator, measure: Measure) -> Option<(Decimal, Option<NaiveDate>)> {
    let value = |b: &Baseline| match (measure, b.numerator, b.denominator) {
        (Measure::Percentage, Some(n), Some(d)) => percent(n, d),
        _ => b.value,
    };
    let date = |b: &Baseline| b.date.or_else(|| b.year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)));
    indicator
        .baselines
        .iter()
        .filter(|b| b.dimensions.is_empty() && b.locations.is_empty())
        .filter_map(|b| Some((value(b)?, date(b))))
        .min_by_key(|&(v, d)| (d.unwrap_or(NaiveDate::MIN), v))
}

/// Computes [`IndicatorProgress`].
pub(crate) fn indicator_progress<'a>(
    index: &ResultsIndex<'a>,
    id: &str,
    as_of: NaiveDate,
    band: &Band,
) -> Result<IndicatorProgress<'a>, ResultsError> {
    let entry = index.entry(id)?;
    let measure = measure_of(&entry)?;
    if !measure.is_quantitative() {
        return Err(ResultsError::NotQuantitative {
            indicator: entry.indicator.id.clone(),
            measure,
            pointer: entry.pointer(),
        });
    }
    let indicator = entry.indicator;
    let baseline = baseline_of(indicator, measure);
    let life = life_as_of(&entry, measure, Some(as_of))?;
    let target = life.target.and_then(|f| f.value);
    let actual = life.actual.and_then(|f| f.value);
    let progress = Progress::between(baseline.map(|b| b.0), target, actual);
    let achievement = match (baseline, indicator.direction, actual, target) {
        (None, Direction::Ascending, Some(a), Some(t)) if !t.is_zero() => a.checked_div(t),
        _ => None,
    };

    let values = period_values(index, id)?;
    let summing = values.cumulation == Cumulation::NonCumulative;
    let (mut run_actual, mut run_target) = (Some(Decimal::ZERO), Some(Decimal::ZERO));
    let mut periods = Vec::new();
    let mut path: Vec<(NaiveDate, Decimal)> = Vec::new();
    let start = baseline.and_then(|b| b.1).or_else(|| values.periods.first().map(|p| p.start));
    if let (Some(b), Some(start)) = (baseline, start) {
        path.push((start, b.0));
    }
    for p in &values.periods {
        let (a, t) = (p.actual.and_then(|f| f.value), p.target.and_then(|f| f.value));
        let (a, t) = if summing {
            run_actual = run_actual.zip(a.or(Some(Decimal::ZERO))).and_then(|(x, y)| x.checked_add(y));
            run_target = run_target.zip(t.or(Some(Decimal::ZERO))).and_then(|(x, y)| x.checked_add(y));
            (a.and(run_actual), t.and(run_target))
        } else {
            (a, t)
        };
        if let Some(t) = t {
            if path.last().is_some_and(|&(d, _)| d < p.end) {
                path.push((p.end, t));
            }
        }
        if p.start <= as_of {
            periods.push(PeriodProgress {
                start: p.start,
                end: p.end,
                actual: a,
                target: t,
                progress: Progress::between(baseline.map(|b| b.0), t, a),
            });
        }
    }
    if path.len() == 1 {
        if let (Some(t), Some(last)) = (target, values.periods.iter().map(|p| p.end).max()) {
            if path[0].0 < last {
                path.push((last, t));
            }
        }
    }
    let expected = expected_progress(&path, as_of, baseline.map(|b| b.0), target);
    let status = band.classify(&progress, expected);
    Ok(IndicatorProgress {
        indicator: &indicator.id,
        project: entry.project,
        as_of,
        direction: indicator.direction,
        baseline: baseline.map(|b| b.0),
        target,
        target_source: life.target_source,
        actual,
        progress,
        achievement,
        expected,
        status,
        band: band.tolerance,
        periods,
    })
}

/// The planned value on `as_of` along `path` as a fraction of baseline → target.
fn expected_progress(
    path: &[(NaiveDate, Decimal)],
    as_of: NaiveDate,
    baseline: Option<Decimal>,
    target: Option<Decimal>,
) -> Option<Decimal> {
    if path.len() < 2 {
        return None;
    }
    let planned = match path.iter().position(|&(d, _)| d >= as_of) {
        Some(0) => path[0].1,
        None => path[path.len() - 1].1,
        Some(i) => {
            let ((d0, v0), (d1, v1)) = (path[i - 1], path[i]);
            let elapsed = Decimal::from((as_of - d0).num_days());
            let span = Decimal::from((d1 - d0).num_days());
            v0.checked_add(v1.checked_sub(v0)?.checked_mul(elapsed)?.checked_div(span)?)?
        }
    };
    match Progress::between(baseline, target, Some(planned)) {
        Progress::Fraction(f) => Some(f),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn descending_and_regression() {
        assert_eq!(Progress::between(Some(d("40")), Some(d("20")), Some(d("30"))), Progress::Fraction(d("0.5")));
        assert_eq!(Progress::between(Some(d("40")), Some(d("20")), Some(d("44"))), Progress::Fraction(d("-0.2")));
        assert_eq!(Progress::between(Some(d("10")), Some(d("10")), Some(d("12"))), Progress::Undefined);
        assert_eq!(Progress::between(Some(d("10")), None, Some(d("12"))), Progress::NoTarget);
        assert_eq!(Progress::between(None, Some(d("10")), Some(d("12"))), Progress::NoBaseline);
        assert_eq!(Progress::between(Some(d("0")), Some(d("10")), None), Progress::NoActual);
        assert_eq!(Progress::between(Some(d("10")), Some(d("10")), None), Progress::Undefined);
    }

    #[test]
    fn band_classifies_around_expected() {
        let band = Band::default();
        let e = Some(d("0.5"));
        assert_eq!(band.classify(&Progress::Fraction(d("0.43")), e), Track::OnTrack);
        assert_eq!(band.classify(&Progress::Fraction(d("0.42")), e), Track::Behind);
        assert_eq!(band.classify(&Progress::Fraction(d("0.58")), e), Track::Ahead);
        assert_eq!(band.classify(&Progress::NoTarget, e), Track::NoData);
        assert!(Band::new(d("-0.1")).is_err());
    }
}
