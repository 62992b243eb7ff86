//! Roll-up of project indicators into a program indicator (DESIGN.md rules 1, 2, 4, 5, 6).

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Cumulation, Diagnostic, Dimension, Indicator, Measure};

use super::contributors::{leaves, Contributor};
use super::disaggregation::{
    check_breakdown, dimension_keys, mismatch_diagnostics, push_row, Breakdown, BreakdownValue,
};
use super::error::ResultsError;
use super::figure::{Figure, Pool};
use super::index::{Entry, ResultsIndex};
use super::periods::{Calendar, Periods, Place};
use super::series::{effective_cumulation, run, Reader, Series, Side, Timeline, NO_BUCKET};
use super::values::{checked_order, measure_of, overflow, tie_diagnostics, Statement, TargetSource};

/// One contributor's share of a rolled-up figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Contribution<'a> {
    /// The contributing indicator.
    pub indicator: &'a str,
    /// Its project; `None` for a program indicator.
    pub project: Option<&'a str>,
    /// Its actual in this program period (sum, latest, or carried-forward latest, by
    /// cumulation); percent with counts for percentages.
    pub actual: Option<Figure>,
    /// True when `actual` is the contributor's latest cumulative value from an earlier
    /// program period.
    pub carried_forward: bool,
    /// Its target in this program period, aggregated like the actual.
    pub target: Option<Figure>,
}

/// One program period of a roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RollupPeriod<'a> {
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// Units: the sum of the contributors' actuals (each read by its cumulation: a
    /// sum within the period, or its latest value — carried forward for cumulative).
    /// Percentages: Σ numerators / Σ denominators of each contributor's latest report,
    /// as a percent (DESIGN.md rule 1). `None` when no contributor has a value.
    pub actual: Option<Figure>,
    /// The program's stated target for exactly this period when it has one, else
    /// `contributors_target` (DESIGN.md rule 4).
    pub target: Option<Figure>,
    /// Where `target` comes from.
    pub target_source: Option<TargetSource>,
    /// The contributors' targets aggregated like the actuals.
    pub contributors_target: Option<Figure>,
    /// Every contributor with a figure in this period, in contributor order.
    pub contributions: Vec<Contribution<'a>>,
    /// Nominal, ordinal and qualitative indicators: every actual reported in this
    /// period, with its source; never summed (DESIGN.md rule 6).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement<'a>>,
    /// Rolled-up disaggregations, one breakdown per dimension (DESIGN.md rule 5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<Breakdown<'a>>,
}

/// Life-of-program figures of a roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RollupLife<'a> {
    /// Aggregate of each contributor's life-of-program actual (its sum, or its latest),
    /// including periods that straddle program periods.
    pub actual: Option<Figure>,
    /// The program indicator's stated `life_target` when there is one, else
    /// `contributors_target` (DESIGN.md rule 4).
    pub target: Option<Figure>,
    /// Where `target` comes from.
    pub target_source: Option<TargetSource>,
    /// Aggregate of each contributor's life-of-program target (stated or from periods).
    pub contributors_target: Option<Figure>,
    /// Every contributor with a life-of-program figure.
    pub contributions: Vec<Contribution<'a>>,
    /// Nominal, ordinal and qualitative indicators: every actual reported.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement<'a>>,
}

/// A program indicator rolled up from its contributors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Rollup<'a> {
    /// The program (or intermediate) indicator rolled up.
    pub indicator: &'a str,
    /// The shared measure.
    pub measure: Measure,
    /// The mode used (percentages: latest-value).
    pub cumulation: Cumulation,
    /// The leaf contributors, each once, with the own values of every indicator in the
    /// tree that has contributors and reports values itself (`own_values`).
    pub contributors: Vec<Contributor<'a>>,
    /// The program periods, from the first holding a contributor period to the last
    /// (every explicit period), including empty ones.
    pub periods: Vec<RollupPeriod<'a>>,
    /// Life-of-program figures.
    pub life: RollupLife<'a>,
    /// Straddling periods, unpoolable percentages, ambiguous latest values,
    /// disaggregation mismatches, duplicate contributors.
    pub diagnostics: Vec<Diagnostic>,
}

/// Per-bucket running totals.
#[derive(Debug, Clone, Default)]
struct Bucket<'a> {
    actual: Pool,
    target: Pool,
    contributions: Vec<Contribution<'a>>,
    statements: Vec<Statement<'a>>,
}

/// Scratch buffers reused for every contributor: no allocation per period.
#[derive(Debug, Default)]
struct Scratch {
    order: Vec<u32>,
    placement: Vec<u32>,
    slots: Vec<(Option<Figure>, bool, Option<Figure>)>,
    touched: Vec<u32>,
    ties: Vec<u32>,
}

/// Lays one leaf's periods into buckets `k0 .. k0 + n` (order and placement into
/// `s`), reporting straddling and outside periods when `diagnostics` is given.
/// Returns `false` when a period lies in a program period outside that range.
fn lay_leaf(
    entry: &Entry<'_>,
    calendar: &Calendar,
    (k0, n): (i64, usize),
    s: &mut Scratch,
    mut diagnostics: Option<&mut Vec<Diagnostic>>,
) -> Result<bool, ResultsError> {
    checked_order(entry, &mut s.order)?;
    s.placement.clear();
    let mut in_range = true;
    for &i in &s.order {
        let p = &entry.indicator.periods[i as usize];
        let bucket = match calendar.place(p.start, p.end) {
            Place::In(k) => match u32::try_from(k - k0).ok().filter(|&b| (b as usize) < n) {
                Some(b) => b,
                None => {
                    in_range = false;
                    NO_BUCKET
                }
            },
            other => {
                if let Some(d) = diagnostics.as_deref_mut() {
                    let (code, what) = match other {
                        Place::Outside => ("outside-program-periods", "lies in no program period"),
                        _ => ("straddling-period", "straddles two or more program periods"),
                    };
                    d.push(Diagnostic::warning(
                        code,
                        format!("{}/periods/{i}", entry.pointer()),
                        format!(
                            "period {} – {} of {:?} {what}; it is left out of the program periods (not split) and counted only in the life-of-program figures",
                            p.start, p.end, entry.indicator.id
                        ),
                    ));
                }
                NO_BUCKET
            }
        };
        s.placement.push(bucket);
    }
    Ok(in_range)
}

/// The first start and last end of `periods`, merged into `acc`.
fn span_of<'p>(
    periods: impl Iterator<Item = &'p crate::model::Period>,
    acc: (Option<NaiveDate>, Option<NaiveDate>),
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    periods.fold(acc, |(lo, hi), p| {
        (Some(lo.map_or(p.start, |d| d.min(p.start))), Some(hi.map_or(p.end, |d| d.max(p.end))))
    })
}

/// What the pass over the leaves adds up.
#[derive(Debug, Default)]
struct Totals<'a> {
    buckets: Vec<Bucket<'a>>,
    life_actual: Pool,
    life_target: Pool,
    life_contributions: Vec<Contribution<'a>>,
    life_statements: Vec<Statement<'a>>,
    unpoolable: Vec<&'a str>,
    disaggregated: bool,
    diagnostics: Vec<Diagnostic>,
}

/// One pass over the leaves, each laid out and read while its periods are in cache.
/// `None` when `strict` and a period falls outside the buckets (the range was guessed
/// too small).
fn accumulate<'a>(
    root: &Indicator,
    leaves: &[(Entry<'a>, Contributor<'a>)],
    (measure, mode): (Measure, Cumulation),
    calendar: &Calendar,
    (k0, n): (i64, usize),
    strict: bool,
    s: &mut Scratch,
) -> Result<Option<Totals<'a>>, ResultsError> {
    let mut t = Totals { buckets: vec![Bucket::default(); n], ..Totals::default() };
    s.slots.clear();
    s.slots.resize(n, (None, false, None));
    for (entry, _) in leaves {
        if !lay_leaf(entry, calendar, (k0, n), s, Some(&mut t.diagnostics))? && strict {
            return Ok(None);
        }
        let timeline = Timeline { order: &s.order, placement: &s.placement, buckets: n };
        if !measure.is_quantitative() {
            collect_statements(entry, &timeline, &mut t.buckets, &mut t.life_statements);
            continue;
        }
        let mut lives = [None, None];
        let sides: &[Side] = if targets_stated(root, entry) { &[Side::Actual] } else { &[Side::Actual, Side::Target] };
        for (k, &side) in sides.iter().enumerate() {
            let reader =
                Reader { indicator: entry.indicator, measure, mode, series: Series::Total, side, cutoff: None };
            let (slots, touched) = (&mut s.slots, &mut s.touched);
            let outcome = run(&reader, &timeline, &mut s.ties, &mut |b, figure, carried| {
                if slots[b].0.is_none() && slots[b].2.is_none() {
                    touched.push(b as u32);
                }
                match side {
                    Side::Actual => (slots[b].0, slots[b].1) = (Some(figure), carried),
                    Side::Target if !carried => slots[b].2 = Some(figure),
                    Side::Target => {}
                }
            })
            .map_err(overflow(entry))?;
            lives[k] = outcome.life;
            t.disaggregated |= outcome.disaggregated;
            tie_diagnostics(entry, side, &mut s.ties, &mut t.diagnostics);
        }
        let mut poolable = true;
        crate::sort::sort_unstable(&mut s.touched);
        for &b in &s.touched {
            let (actual, carried_forward, target) = std::mem::take(&mut s.slots[b as usize]);
            let bucket = &mut t.buckets[b as usize];
            if bucket.contributions.capacity() == 0 {
                // Reserved, not touched: pages a sparse bucket never writes are never faulted in.
                bucket.contributions.reserve(leaves.len());
            }
            poolable &=
                add(&mut bucket.actual, actual, measure, entry)? & add(&mut bucket.target, target, measure, entry)?;
            bucket.contributions.push(Contribution {
                indicator: &entry.indicator.id,
                project: entry.project,
                actual,
                carried_forward,
                target,
            });
        }
        s.touched.clear();
        let target = if sides.len() == 1 { None } else { entry.indicator.life_target.map(Figure::number).or(lives[1]) };
        poolable &=
            add(&mut t.life_actual, lives[0], measure, entry)? & add(&mut t.life_target, target, measure, entry)?;
        if lives[0].is_some() || target.is_some() {
            t.life_contributions.push(Contribution {
                indicator: &entry.indicator.id,
                project: entry.project,
                actual: lives[0],
                carried_forward: false,
                target,
            });
        }
        if !poolable {
            t.unpoolable.push(&entry.indicator.id);
        }
    }
    Ok(Some(t))
}

/// Computes the roll-up of indicator `id` into `periods`.
pub(crate) fn rollup<'a>(index: &ResultsIndex<'a>, id: &str, periods: &Periods) -> Result<Rollup<'a>, ResultsError> {
    let root = index.entry(id)?;
    let measure = measure_of(&root)?;
    let mode = effective_cumulation(measure, root.indicator.cumulation);
    let calendar = Calendar::new(periods)?;
    let mut diagnostics = Vec::new();
    let leaves = leaves(index, root, measure, &mut diagnostics)?;
    if mode == Cumulation::NonCumulative {
        for (entry, _) in &leaves {
            overlaps_added(entry, &mut diagnostics);
        }
    }

    // The program periods run from the first contributor period to the last. Guess the
    // range from each leaf's first and last period (they are usually in order) so that
    // every period is read only once, while in cache; when the guess is too small,
    // scan every period for the exact range and start again.
    let ends =
        leaves.iter().flat_map(|(e, _)| e.indicator.periods.first().into_iter().chain(e.indicator.periods.last()));
    let guess = span_of(ends, span_of(root.indicator.periods.iter(), (None, None)));
    let range = |(first, last)| {
        let (k0, k1) = calendar.key_range(first, last).unwrap_or((0, -1));
        (k0, usize::try_from(k1 - k0 + 1).unwrap_or(0))
    };
    let mut s = Scratch::default();
    let kinds = (measure, mode);
    let ((k0, n), totals) = match accumulate(root.indicator, &leaves, kinds, &calendar, range(guess), true, &mut s)? {
        Some(t) => (range(guess), t),
        None => {
            let all = span_of(leaves.iter().flat_map(|(e, _)| e.indicator.periods.iter()), guess);
            let t =
                accumulate(root.indicator, &leaves, kinds, &calendar, range(all), false, &mut s)?.unwrap_or_default();
            (range(all), t)
        }
    };
    let Totals {
        buckets,
        life_actual,
        life_target,
        life_contributions,
        life_statements,
        unpoolable,
        disaggregated,
        diagnostics: found,
    } = totals;
    diagnostics.extend(found);
    for id in unpoolable {
        let pointer = index.pointer(id).unwrap_or_default();
        diagnostics.push(Diagnostic::warning(
            "unpoolable-percentage",
            pointer,
            format!("percentage indicator {id:?} gives a percent without numerator and denominator; it cannot be pooled and is left out of the roll-up"),
        ));
    }

    let stated = stated_targets(root, &leaves, &calendar, k0, n, &mut s)?;
    let mut out: Vec<RollupPeriod<'a>> = buckets
        .into_iter()
        .enumerate()
        .map(|(b, bucket)| {
            let span = calendar.span(k0 + b as i64);
            let contributors_target = bucket.target.figure(measure);
            let (target, target_source) = match (stated[b], contributors_target) {
                (Some(t), _) => (Some(t), Some(TargetSource::Stated)),
                (None, Some(t)) => (Some(t), Some(TargetSource::Contributors)),
                (None, None) => (None, None),
            };
            RollupPeriod {
                start: span.map_or(NaiveDate::MIN, |s| s.start),
                end: span.map_or(NaiveDate::MIN, |s| s.end),
                actual: bucket.actual.figure(measure),
                target,
                target_source,
                contributors_target,
                contributions: bucket.contributions,
                statements: bucket.statements,
                breakdowns: Vec::new(),
            }
        })
        .collect();

    if disaggregated {
        let keys = dimension_keys(leaves.iter().map(|(e, _)| e.indicator));
        if !keys.is_empty() {
            roll_breakdowns(root.indicator, &leaves, &keys, kinds, &calendar, k0, &mut s, &mut out, &mut diagnostics)?;
        }
    }

    let contributors_target = life_target.figure(measure);
    let (target, target_source) = match (root.indicator.life_target, contributors_target) {
        (Some(t), _) => (Some(Figure::number(t)), Some(TargetSource::Stated)),
        (None, Some(t)) if root.indicator.contributors.is_empty() => (Some(t), Some(TargetSource::Periods)),
        (None, Some(t)) => (Some(t), Some(TargetSource::Contributors)),
        (None, None) => (None, None),
    };
    Ok(Rollup {
        indicator: &root.indicator.id,
        measure,
        cumulation: mode,
        contributors: leaves.into_iter().map(|(_, c)| c).collect(),
        periods: out,
        life: RollupLife {
            actual: life_actual.figure(measure),
            target,
            target_source,
            contributors_target,
            contributions: life_contributions,
            statements: life_statements,
        },
        diagnostics,
    })
}

/// Warnings `overlapping-periods-added` for the periods of a leaf that overlap an
/// earlier one (or repeat its dates) when both report values: a non-cumulative roll-up
/// adds both, so what they share may be counted twice. Periods that only share a
/// boundary day are not reported (many publishers write exclusive ends), as in
/// `validate`'s `overlapping-periods`.
fn overlaps_added(entry: &Entry<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let periods = &entry.indicator.periods;
    if periods.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..periods.len())
        .filter(|&k| {
            periods[k].start <= periods[k].end && !(periods[k].actuals.is_empty() && periods[k].targets.is_empty())
        })
        .collect();
    crate::sort::sort_by_key(&mut order, |&k| (periods[k].start, periods[k].end, k));
    let mut reach: Option<usize> = None;
    let mut found = Vec::new();
    for &k in &order {
        let p = &periods[k];
        if let Some(r) =
            reach.filter(|&r| p.start < periods[r].end || (periods[r].start, periods[r].end) == (p.start, p.end))
        {
            found.push((k, r));
        }
        if reach.is_none_or(|r| p.end > periods[r].end) {
            reach = Some(k);
        }
    }
    crate::sort::sort_unstable(&mut found);
    for (k, other) in found {
        let (p, q) = (&periods[k], &periods[other]);
        diagnostics.push(Diagnostic::warning(
            "overlapping-periods-added",
            format!("{}/periods/{k}", entry.pointer()),
            format!(
                "indicator {:?} period {k} ({} – {}) overlaps period {other} ({} – {}); the roll-up adds the values of both, so what they share may be counted twice",
                entry.indicator.id, p.start, p.end, q.start, q.end
            ),
        ));
    }
}

/// True for the rolled-up indicator's own values (it has contributors and is a leaf
/// too): its targets are the roll-up's stated targets, never added to the
/// contributors' targets (DESIGN.md rule 4).
fn targets_stated(root: &Indicator, entry: &Entry<'_>) -> bool {
    !root.contributors.is_empty() && std::ptr::eq(root, entry.indicator)
}

/// Adds a figure to a pool; `Ok(false)` when it is a percent that cannot be pooled.
fn add(pool: &mut Pool, figure: Option<Figure>, measure: Measure, entry: &Entry<'_>) -> Result<bool, ResultsError> {
    let Some(f) = figure else { return Ok(true) };
    pool.add(f, measure).map_err(|()| ResultsError::Overflow { pointer: entry.pointer() })?;
    Ok(measure != Measure::Percentage || f.is_poolable())
}

/// Collects the total actuals of a nominal/ordinal/qualitative leaf.
fn collect_statements<'a>(
    entry: &Entry<'a>,
    timeline: &Timeline<'_>,
    buckets: &mut [Bucket<'a>],
    life: &mut Vec<Statement<'a>>,
) {
    for (&i, &b) in timeline.order.iter().zip(timeline.placement) {
        let p = &entry.indicator.periods[i as usize];
        for v in p.actuals.iter().filter(|v| v.is_total()) {
            let statement = Statement {
                indicator: &entry.indicator.id,
                project: entry.project,
                period_start: p.start,
                period_end: p.end,
                value: v.value,
                text: &v.text,
                reported: v.reported,
            };
            if let Some(bucket) = buckets.get_mut(b as usize) {
                bucket.statements.push(statement.clone());
            }
            life.push(statement);
        }
    }
}

/// The program indicator's own targets for periods that exactly match a bucket.
fn stated_targets(
    root: Entry<'_>,
    leaves: &[(Entry<'_>, Contributor<'_>)],
    calendar: &Calendar,
    k0: i64,
    n: usize,
    s: &mut Scratch,
) -> Result<Vec<Option<Figure>>, ResultsError> {
    let mut stated = vec![None; n];
    let (Some(measure), false) = (root.indicator.measure, root.indicator.contributors.is_empty() || leaves.is_empty())
    else {
        return Ok(stated);
    };
    if !measure.is_quantitative() {
        return Ok(stated);
    }
    checked_order(&root, &mut s.order)?;
    s.placement.clear();
    for &i in &s.order {
        let p = &root.indicator.periods[i as usize];
        let exact = calendar
            .key(p.start)
            .filter(|&k| calendar.span(k).is_some_and(|sp| sp.start == p.start && sp.end == p.end));
        s.placement.push(exact.and_then(|k| u32::try_from(k - k0).ok()).unwrap_or(NO_BUCKET));
    }
    let timeline = Timeline { order: &s.order, placement: &s.placement, buckets: n };
    let mode = effective_cumulation(measure, root.indicator.cumulation);
    let reader =
        Reader { indicator: root.indicator, measure, mode, series: Series::Total, side: Side::Target, cutoff: None };
    run(&reader, &timeline, &mut s.ties, &mut |b, f, carried| {
        if !carried {
            stated[b] = Some(f);
        }
    })
    .map_err(overflow(&root))?;
    s.ties.clear();
    Ok(stated)
}

/// Rolls up each dimension set separately, then checks each breakdown against the
/// bucket's totals.
#[allow(clippy::too_many_arguments)]
fn roll_breakdowns<'a>(
    root: &Indicator,
    leaves: &[(Entry<'a>, Contributor<'a>)],
    keys: &[&'a [Dimension]],
    (measure, mode): (Measure, Cumulation),
    calendar: &Calendar,
    k0: i64,
    s: &mut Scratch,
    out: &mut [RollupPeriod<'a>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(), ResultsError> {
    let n = out.len();
    for &key in keys {
        let mut rows: Vec<Bucket<'a>> = vec![Bucket::default(); n];
        for (entry, _) in leaves {
            lay_leaf(entry, calendar, (k0, n), s, None)?;
            let timeline = Timeline { order: &s.order, placement: &s.placement, buckets: n };
            let sides: &[Side] =
                if targets_stated(root, entry) { &[Side::Actual] } else { &[Side::Actual, Side::Target] };
            for &side in sides {
                let reader = Reader {
                    indicator: entry.indicator,
                    measure,
                    mode,
                    series: Series::Dimensions(key),
                    side,
                    cutoff: None,
                };
                let (slots, touched) = (&mut s.slots, &mut s.touched);
                run(&reader, &timeline, &mut s.ties, &mut |b, figure, carried| {
                    if slots[b].0.is_none() && slots[b].2.is_none() {
                        touched.push(b as u32);
                    }
                    match side {
                        Side::Actual => (slots[b].0, slots[b].1) = (Some(figure), carried),
                        Side::Target if !carried => slots[b].2 = Some(figure),
                        Side::Target => {}
                    }
                })
                .map_err(overflow(entry))?;
                tie_diagnostics(entry, side, &mut s.ties, diagnostics);
            }
            crate::sort::sort_unstable(&mut s.touched);
            for &b in &s.touched {
                let (actual, carried_forward, target) = std::mem::take(&mut s.slots[b as usize]);
                let row = &mut rows[b as usize];
                add(&mut row.actual, actual, measure, entry)?;
                add(&mut row.target, target, measure, entry)?;
                row.contributions.push(Contribution {
                    indicator: &entry.indicator.id,
                    project: entry.project,
                    actual,
                    carried_forward,
                    target,
                });
            }
            s.touched.clear();
        }
        for (period, row) in out.iter_mut().zip(rows) {
            if row.contributions.is_empty() {
                continue;
            }
            let carried_forward = row.contributions.iter().all(|c| c.carried_forward);
            push_row(
                &mut period.breakdowns,
                BreakdownValue {
                    dimensions: key,
                    actual: row.actual.figure(measure),
                    carried_forward,
                    target: row.target.figure(measure),
                    contributions: row.contributions,
                },
            );
        }
    }
    for period in out.iter_mut() {
        let (actual, target) = (period.actual, period.contributors_target);
        let pointer = format!("rollup/{}..{}", period.start, period.end);
        for breakdown in &mut period.breakdowns {
            check_breakdown(breakdown, measure, actual, target);
            mismatch_diagnostics(&pointer, breakdown, diagnostics);
        }
    }
    Ok(())
}
