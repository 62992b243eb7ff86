//! Periods repeated per disaggregation.
//!
//! Before IATI 2.03 let one `period` hold several `target`s and `actual`s, publishers
//! wrote one `period` per dimension combination: the same `period-start` and
//! `period-end` again and again, each holding one disaggregated target and actual (IATI's
//! own tracker discusses the habit). Those repeats are one period's disaggregated
//! values, so the importer reads them as one period: the first repeat keeps its place
//! and takes the targets and actuals of the others, in document order, with an info
//! note `iati-repeated-period` at the first repeat.
//!
//! Only repeats whose values differ by disaggregation are merged: no two of their
//! targets (and no two of their actuals) from different repeats may have the same
//! dimensions and locations. Otherwise (the same dates and the same disaggregation
//! twice, whether with different values — a true conflict — or the same ones) the
//! periods stay apart, and `validate` reports them as `duplicate-period`.

use crate::model::{Dimension, Indicator, Period, PeriodValue};

/// One group of periods read as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Merged {
    /// Index (among the indicator's periods as read) of the period that keeps the values.
    pub(super) first: usize,
    /// Its index among the periods after merging.
    pub(super) at: usize,
    /// How many periods were read as that one (2 or more).
    pub(super) periods: usize,
    /// The targets and actuals of the merged period.
    pub(super) values: (usize, usize),
}

/// The info note for one merged group of `indicator`'s periods.
pub(super) fn note(indicator: &Indicator, m: Merged, period: &Period) -> String {
    format!(
        "indicator {:?} has {} periods for {} – {}, each with values for other dimensions or locations (the habit from before IATI 2.03, when a period held one target and one actual): read as one period with {} targets and {} actuals",
        indicator.id, m.periods, period.start, period.end, m.values.0, m.values.1
    )
}

/// The disaggregation of a value: its dimensions and locations, sorted.
fn key(v: &PeriodValue) -> (Vec<&Dimension>, Vec<&str>) {
    let mut dims: Vec<&Dimension> = v.dimensions.iter().collect();
    crate::sort::sort_unstable(&mut dims);
    let mut locs: Vec<&str> = v.locations.iter().map(String::as_str).collect();
    crate::sort::sort_unstable(&mut locs);
    (dims, locs)
}

/// A value's disaggregation: its dimensions and its locations.
type ValueKey<'a> = (Vec<&'a Dimension>, Vec<&'a str>);

/// True when no two values of `group`'s periods on one side (targets, actuals) that
/// come from different periods have the same disaggregation.
fn differ_by_disaggregation(periods: &[Period], group: &[usize]) -> bool {
    fn targets(p: &Period) -> &[PeriodValue] {
        &p.targets
    }
    fn actuals(p: &Period) -> &[PeriodValue] {
        &p.actuals
    }
    for side in [targets, actuals] {
        // (a value's disaggregation key, the period it came from)
        let mut seen: Vec<(ValueKey<'_>, usize)> = Vec::new();
        for &k in group {
            for v in side(&periods[k]) {
                let key = key(v);
                if seen.iter().any(|(s, from)| *from != k && *s == key) {
                    return false;
                }
                seen.push((key, k));
            }
        }
    }
    true
}

/// Reads the periods of one indicator that repeat the same dates per disaggregation as
/// one period each (the module docs), in place; returns the groups merged, in order,
/// each with `first` counted among the periods as they were read.
pub(super) fn merge(periods: &mut Vec<Period>) -> Vec<Merged> {
    if periods.len() < 2 {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..periods.len()).collect();
    crate::sort::sort_by_key(&mut order, |&k| (periods[k].start, periods[k].end, k));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for run in order.chunk_by(|&a, &b| (periods[a].start, periods[a].end) == (periods[b].start, periods[b].end)) {
        if run.len() > 1 && differ_by_disaggregation(periods, run) {
            groups.push(run.to_vec());
        }
    }
    if groups.is_empty() {
        return Vec::new();
    }
    let mut gone = vec![false; periods.len()];
    let mut merged = Vec::with_capacity(groups.len());
    for group in &groups {
        let first = group[0];
        for &k in &group[1..] {
            let targets = std::mem::take(&mut periods[k].targets);
            let actuals = std::mem::take(&mut periods[k].actuals);
            periods[first].targets.extend(targets);
            periods[first].actuals.extend(actuals);
            gone[k] = true;
        }
        let values = (periods[first].targets.len(), periods[first].actuals.len());
        merged.push(Merged { first, at: first, periods: group.len(), values });
    }
    let mut k = 0;
    periods.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    crate::sort::sort_by_key(&mut merged, |m| m.first);
    for m in &mut merged {
        m.at = m.first - gone[..m.first].iter().filter(|&&g| g).count();
    }
    merged
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};

    use super::*;

    fn value(v: &str, dims: &[(&str, &str)]) -> PeriodValue {
        PeriodValue {
            value: Some(v.parse().unwrap()),
            dimensions: dims.iter().map(|(n, v)| Dimension { name: (*n).into(), value: (*v).into() }).collect(),
            ..PeriodValue::default()
        }
    }

    fn period(start: &str, target: PeriodValue, actual: PeriodValue) -> Period {
        let start: NaiveDate = start.parse().unwrap();
        let end = NaiveDate::from_ymd_opt(start.year(), 12, 31).unwrap();
        Period { start, end, targets: vec![target], actuals: vec![actual] }
    }

    #[test]
    fn repeats_per_dimension_become_one_period() {
        let f = [("sex", "female")];
        let m = [("sex", "male")];
        let mut periods = vec![
            period("2020-01-01", value("9", &f), value("15", &f)),
            period("2021-01-01", value("1", &f), value("2", &f)),
            period("2020-01-01", value("21", &m), value("19", &m)),
        ];
        let merged = merge(&mut periods);
        assert_eq!(merged, vec![Merged { first: 0, at: 0, periods: 2, values: (2, 2) }]);
        assert_eq!(periods.len(), 2);
        assert_eq!(periods[0].targets, vec![value("9", &f), value("21", &m)]);
        assert_eq!(periods[0].actuals, vec![value("15", &f), value("19", &m)]);
        assert_eq!(periods[1].targets, vec![value("1", &f)]);
    }

    #[test]
    fn a_true_conflict_or_a_copy_stays_apart() {
        let f = [("sex", "female")];
        for other in ["16", "15"] {
            let mut periods = vec![
                period("2020-01-01", value("9", &f), value("15", &f)),
                period("2020-01-01", value("9", &f), value(other, &f)),
            ];
            let before = periods.clone();
            assert!(merge(&mut periods).is_empty());
            assert_eq!(periods, before);
        }
        // Two totals (no dimensions) on the same dates are a conflict too.
        let mut periods = vec![
            period("2020-01-01", value("1", &[]), value("2", &[])),
            period("2020-01-01", value("3", &[]), value("4", &[])),
        ];
        assert!(merge(&mut periods).is_empty());
    }
}
