//! Indicators, baselines and periods: the numbers the roll-ups will add up.
//!
//! Codes: `missing-measure`, `percentage-without-counts`, `inconsistent-percentage`,
//! `zero-denominator`, `numerator-exceeds-denominator`, `negative-count`,
//! `value-on-qualitative`, `end-before-start` and `period-outside-program` for periods,
//! `duplicate-period`, `overlapping-periods`, `dimension-duplicate`,
//! `baseline-year-mismatch`.

use std::collections::HashMap;

use chrono::Datelike;
use rust_decimal::Decimal;

use super::dates::ProgramBounds;
use super::ids::Index;
use super::{measure_name, Ctx};
use crate::model::{Dimension, Indicator, Measure, PartialDate, PeriodValue};

/// The numbers of one baseline, target or actual.
struct Numbers {
    value: Option<Decimal>,
    numerator: Option<Decimal>,
    denominator: Option<Decimal>,
}

/// All indicator checks, program indicators first, in document order.
pub(super) fn check(cx: &mut Ctx<'_>, ix: &Index<'_>) {
    let bounds = ProgramBounds::of(&cx.p.program.period);
    for at in &ix.indicator_list {
        indicator(cx, at.ind, &at.ptr(), bounds);
    }
}

fn indicator(cx: &mut Ctx<'_>, ind: &Indicator, ptr: &str, bounds: ProgramBounds) {
    let id = &ind.id;
    if ind.measure.is_none() {
        let msg = format!("indicator {id:?} has no measure; expected unit, percentage, nominal, ordinal or qualitative (no arithmetic is done without one)");
        cx.warning("missing-measure", ptr, msg);
    }
    for (k, b) in ind.baselines.iter().enumerate() {
        let bptr = || format!("{ptr}/baselines/{k}");
        if let (Some(year), Some(date)) = (b.year, b.date) {
            if date.year() != year {
                let msg =
                    format!("indicator {id:?} baseline {k} has year {year} but date {date}; expected the same year");
                cx.warning("baseline-year-mismatch", bptr(), msg);
            }
        }
        let n = Numbers { value: b.value, numerator: b.numerator, denominator: b.denominator };
        numbers(cx, ind, &n, &bptr, &|| format!("baseline {k}"));
    }
    if let (Some(t), Some(m @ (Measure::Nominal | Measure::Qualitative))) = (ind.life_target, ind.measure) {
        let msg = format!("indicator {id:?} is {} but has a numeric life target {t}; expected a statement, not a number (such indicators do not sum)", measure_name(m));
        cx.warning("value-on-qualitative", format!("{ptr}/life_target"), msg);
    }
    for (k, period) in ind.periods.iter().enumerate() {
        let pptr = || format!("{ptr}/periods/{k}");
        if period.start > period.end {
            let msg = format!(
                "indicator {id:?} period {k}: end {} is before start {}; expected an end on or after the start",
                period.end, period.start
            );
            cx.error("end-before-start", pptr(), msg);
        } else if let Some(why) =
            bounds.outside(Some(PartialDate::Date(period.start)), Some(PartialDate::Date(period.end)))
        {
            let msg = format!("indicator {id:?} period {k} ({} – {}) {why}", period.start, period.end);
            cx.warning("period-outside-program", pptr(), msg);
        }
        for (list, values) in [("targets", &period.targets), ("actuals", &period.actuals)] {
            for (j, v) in values.iter().enumerate() {
                let n = Numbers { value: v.value, numerator: v.numerator, denominator: v.denominator };
                let vptr = || format!("{ptr}/periods/{k}/{list}/{j}");
                numbers(cx, ind, &n, &vptr, &|| format!("period {k} {}", &list[..list.len() - 1]));
            }
            if !matches!(ind.measure, Some(Measure::Nominal | Measure::Ordinal | Measure::Qualitative)) {
                duplicates(cx, id, values, ptr, k, list);
            }
        }
    }
    periods(cx, ind, ptr);
}

/// Checks one baseline/target/actual against the indicator's measure.
fn numbers(cx: &mut Ctx<'_>, ind: &Indicator, n: &Numbers, ptr: &dyn Fn() -> String, what: &dyn Fn() -> String) {
    let id = &ind.id;
    match ind.measure {
        Some(m @ (Measure::Nominal | Measure::Qualitative)) => {
            if let Some(v) = n.value.or(n.numerator).or(n.denominator) {
                let what = what();
                let msg = format!("indicator {id:?} is {} but its {what} has the number {v}; expected a text (such indicators do not sum)", measure_name(m));
                cx.warning("value-on-qualitative", ptr(), msg);
            }
        }
        Some(Measure::Percentage) => percentage(cx, id, n, ptr, what),
        _ => {}
    }
}

fn percentage(cx: &mut Ctx<'_>, id: &str, n: &Numbers, ptr: &dyn Fn() -> String, what: &dyn Fn() -> String) {
    for (field, x) in [("numerator", n.numerator), ("denominator", n.denominator)] {
        if let Some(x) = x.filter(|x| x.is_sign_negative() && !x.is_zero()) {
            let what = what();
            let msg = format!("indicator {id:?} {what} has {field} {x}; expected a count of zero or more");
            cx.error("negative-count", format!("{}/{field}", ptr()), msg);
        }
    }
    let (num, den) = match (n.numerator, n.denominator) {
        (Some(num), Some(den)) => (num, den),
        (None, None) if n.value.is_none() => return,
        (num, den) => {
            let has = match (n.value, num, den) {
                (_, Some(_), None) => "a numerator but no denominator".to_owned(),
                (_, None, Some(_)) => "a denominator but no numerator".to_owned(),
                (v, _, _) => format!("the value {} % but no numerator and denominator", v.unwrap_or_default()),
            };
            let what = what();
            let msg = format!("indicator {id:?} is a percentage and its {what} has {has}; expected both counts, which roll-ups pool (DESIGN.md rule 1)");
            cx.warning("percentage-without-counts", ptr(), msg);
            return;
        }
    };
    if den.is_zero() {
        let what = what();
        let msg = if num.is_zero() {
            format!("indicator {id:?} {what} is 0/0, which is undefined (not 0 %); it contributes nothing to roll-ups")
        } else {
            format!("indicator {id:?} {what} is {num}/0, which is undefined; expected a denominator above zero")
        };
        cx.warning("zero-denominator", format!("{}/denominator", ptr()), msg);
        return;
    }
    if num > den && !den.is_sign_negative() {
        let what = what();
        let msg = format!("indicator {id:?} {what} has numerator {num} above denominator {den} (over 100 %); expected numerator ≤ denominator");
        cx.warning("numerator-exceeds-denominator", format!("{}/numerator", ptr()), msg);
    }
    let (Some(value), Some(expected)) =
        (n.value, num.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(den)))
    else {
        return;
    };
    // Rounding to the value's own decimals is fine, and to two decimals always.
    let half_unit = Decimal::try_new(5, value.scale().min(27) + 1).unwrap_or(Decimal::ZERO);
    let tolerance = half_unit.max(Decimal::new(5, 3));
    let off = value.checked_sub(expected).map(|d| d.abs());
    if off.is_none_or(|d| d > tolerance) {
        let what = what();
        let msg = format!(
            "indicator {id:?} {what} has value {value} % but 100 × {num} / {den} = {} %; expected the value to match its counts (up to rounding)",
            expected.round_dp(4).normalize()
        );
        cx.error("inconsistent-percentage", format!("{}/value", ptr()), msg);
    }
}

/// `dimension-duplicate`: two values of one list with the same disaggregation (the same
/// dimension values and locations; the total counts as one disaggregation).
fn duplicates(cx: &mut Ctx<'_>, id: &str, values: &[PeriodValue], ptr: &str, k: usize, list: &str) {
    if values.len() < 2 {
        return;
    }
    let mut seen: HashMap<(Vec<&Dimension>, Vec<&str>), usize> = HashMap::with_capacity(values.len());
    for (j, v) in values.iter().enumerate() {
        let mut dims: Vec<&Dimension> = v.dimensions.iter().collect();
        crate::sort::sort_unstable(&mut dims);
        let mut locs: Vec<&str> = v.locations.iter().map(String::as_str).collect();
        crate::sort::sort_unstable(&mut locs);
        let label = if dims.is_empty() {
            "the total (no dimensions)".to_owned()
        } else {
            dims.iter().map(|d| format!("{}={}", d.name, d.value)).collect::<Vec<_>>().join(", ")
        };
        if let Some(first) = seen.insert((dims, locs), j) {
            let msg = format!("indicator {id:?} period {k} has {list} {first} and {j} for the same disaggregation, {label}; expected one value per disaggregation");
            cx.warning("dimension-duplicate", format!("{ptr}/periods/{k}/{list}/{j}"), msg);
        }
    }
}

/// `duplicate-period` and `overlapping-periods` within one indicator. Periods that only
/// share a boundary day are not reported: many publishers write exclusive ends.
fn periods(cx: &mut Ctx<'_>, ind: &Indicator, ptr: &str) {
    if ind.periods.len() < 2 {
        return;
    }
    let mut order: Vec<usize> =
        (0..ind.periods.len()).filter(|&k| ind.periods[k].start <= ind.periods[k].end).collect();
    crate::sort::sort_by_key(&mut order, |&k| (ind.periods[k].start, ind.periods[k].end, k));
    let mut found = Vec::new();
    let mut reach: Option<usize> = None;
    let mut run_first: Option<usize> = None;
    for (pos, &k) in order.iter().enumerate() {
        let p = &ind.periods[k];
        let same_as_prev = pos > 0 && {
            let q = &ind.periods[order[pos - 1]];
            (q.start, q.end) == (p.start, p.end)
        };
        if same_as_prev {
            found.push((k, run_first.unwrap_or(k), true));
            continue;
        }
        run_first = Some(k);
        if let Some(r) = reach.filter(|&r| p.start < ind.periods[r].end) {
            found.push((k, r, false));
        }
        if reach.is_none_or(|r| p.end > ind.periods[r].end) {
            reach = Some(k);
        }
    }
    crate::sort::sort_unstable(&mut found);
    for (k, other, duplicate) in found {
        let (p, q) = (&ind.periods[k], &ind.periods[other]);
        if duplicate {
            let msg = format!(
                "indicator {:?} has periods {other} and {k} both for {} – {}; expected each period once",
                ind.id, p.start, p.end
            );
            cx.error("duplicate-period", format!("{ptr}/periods/{k}"), msg);
        } else {
            let msg = format!(
                "indicator {:?} period {k} ({} – {}) overlaps period {other} ({} – {}); expected periods that do not overlap",
                ind.id, p.start, p.end, q.start, q.end
            );
            cx.warning("overlapping-periods", format!("{ptr}/periods/{k}"), msg);
        }
    }
}
