//! The number behind a target or actual: a value, or a percentage with its counts.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Measure, PeriodValue};

/// A target or actual as a number.
///
/// - For a **unit** (and ordinal) measure: `value` is the number; `numerator` and
///   `denominator` are `None`.
/// - For a **percentage**: `value` is the **percent** (43.75 means 43.75 %), computed as
///   numerator × 100 / denominator whenever both counts are known (DESIGN.md rule 1);
///   a pooled figure carries the summed counts. `0/0` (or any `n/0`) is *undefined*:
///   `value` is `None` while the counts stay visible — never shown as 0 %.
///   A percentage given only as a percent (no counts) keeps `value` and cannot be
///   pooled.
///
/// In JSON: `{"value": "43.75", "numerator": "35", "denominator": "80"}`, decimals as
/// strings; `numerator`/`denominator` are left out when `None`, `value` is `null` when
/// undefined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Figure {
    /// The number; for a percentage, the percent. `None` when undefined (`0/0`).
    pub value: Option<Decimal>,
    /// For a percentage: the numerator (a count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Decimal>,
    /// For a percentage: the denominator (a count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Decimal>,
}

impl Figure {
    /// A plain number (unit measure).
    pub fn number(value: Decimal) -> Self {
        Self { value: Some(value), numerator: None, denominator: None }
    }

    /// A percentage from its counts: `value` = numerator × 100 / denominator, `None`
    /// when the denominator is 0 (DESIGN.md rule 1).
    pub fn ratio(numerator: Decimal, denominator: Decimal) -> Self {
        Self { value: percent(numerator, denominator), numerator: Some(numerator), denominator: Some(denominator) }
    }

    /// True when the figure has a value (a `0/0` percentage has none).
    pub fn is_defined(&self) -> bool {
        self.value.is_some()
    }

    /// True for a percentage that carries its counts and so can be pooled.
    pub fn is_poolable(&self) -> bool {
        self.numerator.is_some() && self.denominator.is_some()
    }

    /// The figure a target or actual gives for `measure` (`None` when it has no number:
    /// a comment or a statement only), without yet computing the percent of a
    /// percentage with counts (`value` stays `None` until [`Figure::finish`]): the hot
    /// path picks the latest of several reports without a division per report.
    pub(crate) fn raw(value: &PeriodValue, measure: Measure) -> Option<Self> {
        if measure == Measure::Percentage {
            if let (Some(n), Some(d)) = (value.numerator, value.denominator) {
                return Some(Self { value: None, numerator: Some(n), denominator: Some(d) });
            }
        }
        value.value.map(Self::number)
    }

    /// Completes a [`Figure::raw`]: computes the percent from the counts.
    pub(crate) fn finish(self) -> Self {
        match (self.value, self.numerator, self.denominator) {
            (None, Some(n), Some(d)) => Self::ratio(n, d),
            _ => self,
        }
    }
}

/// numerator × 100 / denominator as an exact decimal (a percent), normalised (no
/// trailing zeros); `None` for a zero denominator. A quotient that does not terminate
/// is rounded by `rust_decimal` to 28 significant digits.
pub fn percent(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    numerator
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|m| m.checked_div(denominator))
        .or_else(|| numerator.checked_div(denominator).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED)))
        .map(|d| d.normalize())
}

/// A running total of figures of one measure: a sum of values (unit), or pooled
/// numerators and denominators (percentage, DESIGN.md rule 1). Figures that cannot
/// be pooled (a percent without counts) are counted apart and left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Pool {
    sum: Decimal,
    numerator: Decimal,
    denominator: Decimal,
    /// How many figures went in.
    pub(crate) count: u32,
    /// How many percentage figures were left out for lack of counts.
    pub(crate) unpoolable: u32,
}

impl Pool {
    /// Adds a figure. `Err(())` on overflow.
    pub(crate) fn add(&mut self, figure: Figure, measure: Measure) -> Result<(), ()> {
        if measure == Measure::Percentage {
            match (figure.numerator, figure.denominator) {
                (Some(n), Some(d)) => {
                    self.numerator = self.numerator.checked_add(n).ok_or(())?;
                    self.denominator = self.denominator.checked_add(d).ok_or(())?;
                }
                _ => {
                    self.unpoolable += 1;
                    return Ok(());
                }
            }
        } else if let Some(v) = figure.value {
            self.sum = self.sum.checked_add(v).ok_or(())?;
        } else {
            return Ok(());
        }
        self.count += 1;
        Ok(())
    }

    /// Adds another pool's contents. `Err(())` on overflow.
    pub(crate) fn merge(&mut self, other: &Pool) -> Result<(), ()> {
        self.sum = self.sum.checked_add(other.sum).ok_or(())?;
        self.numerator = self.numerator.checked_add(other.numerator).ok_or(())?;
        self.denominator = self.denominator.checked_add(other.denominator).ok_or(())?;
        self.count += other.count;
        self.unpoolable += other.unpoolable;
        Ok(())
    }

    /// The total; `None` when nothing went in.
    pub(crate) fn figure(&self, measure: Measure) -> Option<Figure> {
        if self.count == 0 {
            None
        } else if measure == Measure::Percentage {
            Some(Figure::ratio(self.numerator, self.denominator))
        } else {
            Some(Figure::number(self.sum))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn pooling_is_not_averaging() {
        let mut pool = Pool::default();
        pool.add(Figure::ratio(d("20"), d("50")), Measure::Percentage).unwrap();
        pool.add(Figure::ratio(d("15"), d("30")), Measure::Percentage).unwrap();
        let f = pool.figure(Measure::Percentage).unwrap();
        assert_eq!(f.value, Some(d("43.75")));
        assert_eq!((f.numerator, f.denominator), (Some(d("35")), Some(d("80"))));
    }

    #[test]
    fn zero_over_zero_is_undefined_and_contributes_nothing() {
        assert_eq!(Figure::ratio(d("0"), d("0")).value, None);
        assert_eq!(Figure::ratio(d("3"), d("0")).value, None);
        let mut pool = Pool::default();
        pool.add(Figure::ratio(d("0"), d("0")), Measure::Percentage).unwrap();
        pool.add(Figure::ratio(d("1"), d("4")), Measure::Percentage).unwrap();
        assert_eq!(pool.figure(Measure::Percentage).unwrap().value, Some(d("25")));
    }

    #[test]
    fn overflow_is_reported() {
        let mut pool = Pool::default();
        pool.add(Figure::number(Decimal::MAX), Measure::Unit).unwrap();
        assert!(pool.add(Figure::number(Decimal::MAX), Measure::Unit).is_err());
    }
}
