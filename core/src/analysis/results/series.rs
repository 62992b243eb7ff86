//! The one place where period values are read over time (DESIGN.md rule 2).
//!
//! A *series* is the totals of an indicator, or one disaggregation of it (e.g.
//! `sex = female`), on one side (targets or actuals). [`run`] walks an indicator's
//! periods in business order (period end, then start) and lays the series into
//! *buckets*: the indicator's own periods (period values), or a program's calendar
//! periods (roll-up). It allocates nothing per period.
//!
//! Per bucket, by cumulation mode:
//! - non-cumulative (units): the sum of every value in the bucket;
//! - cumulative: the latest value in the bucket, carried forward into later buckets
//!   that have none (flagged `carried_forward`);
//! - latest-value, and every percentage: the latest value in the bucket, no carry.
//!
//! "Latest" is by business date: period end, then the report date (`reported`, which
//! defaults to the period end), never the order of the input. Two different values
//! at the same business date are *ambiguous*: the bucket gets no value and the
//! period is reported, rather than one being picked by input order.

use chrono::NaiveDate;

use crate::model::{Cumulation, Dimension, Indicator, Measure, PeriodValue};

use super::figure::{Figure, Pool};

/// Marks a period that lies in no bucket (it straddles two, or falls outside all).
pub(crate) const NO_BUCKET: u32 = u32::MAX;

/// Targets or actuals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The period targets.
    Target,
    /// The period actuals.
    Actual,
}

/// Which values of a period a series reads.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Series<'s> {
    /// The undisaggregated totals.
    Total,
    /// The values whose dimensions are exactly this set (in any order).
    Dimensions(&'s [Dimension]),
}

impl Series<'_> {
    fn matches(&self, value: &PeriodValue) -> bool {
        match self {
            Series::Total => value.dimensions.is_empty(),
            Series::Dimensions(key) => same_dimensions(&value.dimensions, key),
        }
    }
}

/// True when two dimension lists hold the same (name, value) pairs.
pub(crate) fn same_dimensions(a: &[Dimension], b: &[Dimension]) -> bool {
    a.len() == b.len() && a.iter().all(|d| b.contains(d))
}

/// How an indicator's periods map onto buckets: `order` lists period indices in
/// business order, `placement[k]` is the bucket of `order[k]` (or [`NO_BUCKET`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeline<'t> {
    pub(crate) order: &'t [u32],
    pub(crate) placement: &'t [u32],
    pub(crate) buckets: usize,
}

/// What to read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reader<'a> {
    pub(crate) indicator: &'a Indicator,
    pub(crate) measure: Measure,
    /// The effective mode ([`effective_cumulation`]).
    pub(crate) mode: Cumulation,
    pub(crate) series: Series<'a>,
    pub(crate) side: Side,
    /// Values whose business date (report date, else period end) is after this are
    /// not yet known.
    pub(crate) cutoff: Option<NaiveDate>,
}

/// The mode the arithmetic uses: percentages are always latest-value (DESIGN.md rule 2).
pub(crate) fn effective_cumulation(measure: Measure, declared: Cumulation) -> Cumulation {
    if measure == Measure::Percentage {
        Cumulation::LatestValue
    } else {
        declared
    }
}

/// The latest figure seen, by business date, or a sum.
#[derive(Debug, Clone, Copy)]
struct Acc {
    pool: Pool,
    latest: Option<Figure>,
    key: (NaiveDate, NaiveDate),
    /// Period index of `latest`.
    period: u32,
    /// Period index of an unresolved tie, if any.
    tie: Option<u32>,
}

impl Default for Acc {
    fn default() -> Self {
        Self { pool: Pool::default(), latest: None, key: (NaiveDate::MIN, NaiveDate::MIN), period: 0, tie: None }
    }
}

impl Acc {
    fn offer(&mut self, key: (NaiveDate, NaiveDate), figure: Figure, period: u32) {
        if self.latest.is_none() || key > self.key {
            self.latest = Some(figure);
            self.key = key;
            self.period = period;
            self.tie = None;
        } else if key == self.key && self.latest != Some(figure) {
            self.tie = Some(period);
        }
    }

    /// Takes in a bucket's accumulator: the same result as offering (or adding) every
    /// value of the bucket again, without reading them twice.
    fn absorb(&mut self, other: &Acc, summing: bool) -> Result<(), RunError> {
        if summing {
            return self.pool.merge(&other.pool).map_err(|()| RunError::Overflow);
        }
        let Some(figure) = other.latest else { return Ok(()) };
        if self.latest.is_none() || other.key > self.key {
            *self = Acc { pool: self.pool, ..*other };
        } else if other.key == self.key && (self.latest != Some(figure) || other.tie.is_some()) {
            self.tie = self.tie.or(other.tie).or(Some(other.period));
        }
        Ok(())
    }

    /// The bucket's figure, or the period index of an unresolved tie.
    fn take(&mut self, summing: bool, measure: Measure) -> Result<Option<Figure>, u32> {
        let out = match (summing, self.tie) {
            (true, _) => Ok(self.pool.figure(measure)),
            (false, Some(tie)) => Err(tie),
            (false, None) => Ok(self.latest.map(Figure::finish)),
        };
        *self = Acc::default();
        out
    }
}

/// The outcome of [`run`] beyond the buckets.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RunOutcome {
    /// The life-of-program figure over every period (placed or not): the sum
    /// (non-cumulative) or the latest value. `None` when there is none.
    pub(crate) life: Option<Figure>,
    /// True when the side holds disaggregated values (a dimension set other than the
    /// series read), so breakdowns are worth computing.
    pub(crate) disaggregated: bool,
}

/// Why [`run`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunError {
    /// A sum overflowed.
    Overflow,
}

/// Reads one series of one indicator into buckets, calling `emit(bucket, figure,
/// carried_forward)` once per bucket that gets a figure, in bucket order. Periods
/// whose latest value is ambiguous are pushed onto `ties` (period indices).
pub(crate) fn run(
    reader: &Reader<'_>,
    timeline: &Timeline<'_>,
    ties: &mut Vec<u32>,
    emit: &mut impl FnMut(usize, Figure, bool),
) -> Result<RunOutcome, RunError> {
    let Reader { indicator, measure, mode, series, side, cutoff } = *reader;
    let summing = mode == Cumulation::NonCumulative && measure != Measure::Percentage;
    let carry = mode == Cumulation::Cumulative && measure != Measure::Percentage;
    let mut life = Acc::default();
    let mut cur = Acc::default();
    let mut cur_bucket = NO_BUCKET;
    let mut last: Option<(usize, Figure)> = None;
    let mut disaggregated = false;

    // The life-of-program accumulator reads unplaced periods directly and takes in each
    // bucket as it closes, so every value is accumulated once.
    let mut flush =
        |bucket: u32, acc: &mut Acc, life: &mut Acc, last: &mut Option<(usize, Figure)>, ties: &mut Vec<u32>| {
            life.absorb(acc, summing)?;
            let bucket = bucket as usize;
            match acc.take(summing, measure) {
                Err(tie) => {
                    ties.push(tie);
                    *last = None;
                }
                Ok(None) => {}
                Ok(Some(figure)) => {
                    if let (true, Some((from, carried))) = (carry, *last) {
                        for b in from + 1..bucket {
                            emit(b, carried, true);
                        }
                    }
                    emit(bucket, figure, false);
                    *last = Some((bucket, figure));
                }
            }
            Ok::<(), RunError>(())
        };

    for (&pi, &bucket) in timeline.order.iter().zip(timeline.placement) {
        let Some(period) = indicator.periods.get(pi as usize) else { continue };
        if bucket != NO_BUCKET && bucket != cur_bucket {
            if cur_bucket != NO_BUCKET {
                flush(cur_bucket, &mut cur, &mut life, &mut last, ties)?;
            }
            cur_bucket = bucket;
        }
        let values = match side {
            Side::Target => &period.targets,
            Side::Actual => &period.actuals,
        };
        for value in values {
            if !series.matches(value) {
                disaggregated |= !value.dimensions.is_empty();
                continue;
            }
            let date = value.reported.unwrap_or(period.end);
            if cutoff.is_some_and(|c| date > c) {
                continue;
            }
            let Some(figure) = Figure::raw(value, measure) else { continue };
            let acc = if bucket == NO_BUCKET { &mut life } else { &mut cur };
            if summing {
                acc.pool.add(figure, measure).map_err(|()| RunError::Overflow)?;
            } else {
                acc.offer((period.end, date), figure, pi);
            }
        }
    }
    if cur_bucket != NO_BUCKET {
        flush(cur_bucket, &mut cur, &mut life, &mut last, ties)?;
    }
    if let (true, Some((from, carried))) = (carry, last) {
        for b in from + 1..timeline.buckets {
            emit(b, carried, true);
        }
    }
    let life = match life.take(summing, measure) {
        Ok(f) => f,
        Err(tie) => {
            ties.push(tie);
            None
        }
    };
    Ok(RunOutcome { life, disaggregated })
}

/// Fills `order` with the indices of `indicator`'s periods in business order (end,
/// then start, then index), reusing the buffer. Returns the index of the first period
/// that ends before it starts, if any.
pub(crate) fn business_order(indicator: &Indicator, order: &mut Vec<u32>) -> Option<usize> {
    order.clear();
    let periods = &indicator.periods;
    let mut sorted = true;
    let mut backwards = None;
    let mut previous = (NaiveDate::MIN, NaiveDate::MIN);
    for (i, p) in periods.iter().enumerate() {
        let key = (p.end, p.start);
        sorted &= previous <= key;
        previous = key;
        if p.end < p.start && backwards.is_none() {
            backwards = Some(i);
        }
        order.push(i as u32);
    }
    if !sorted {
        crate::sort::sort_by_key(order, |&i| (periods[i as usize].end, periods[i as usize].start, i));
    }
    backwards
}
