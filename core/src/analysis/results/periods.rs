//! Program periods: the calendar (or explicit) buckets a roll-up aligns contributor
//! periods into (DESIGN.md rule 2, issue 3 "Periods are aligned").

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::error::ResultsError;

/// The program periods a roll-up reports in.
///
/// Calendar periods run on the Gregorian calendar (a year is 1 January – 31 December,
/// halves start 1 January and 1 July, quarters 1 January, 1 April, 1 July, 1 October).
/// A contributor period belongs to the program period that contains both its first
/// and its last day; one that straddles two program periods (or lies outside every
/// explicit period) is reported in the roll-up's diagnostics and left out of the
/// program periods — never split pro rata, never counted twice. It still counts in
/// the life-of-program figures.
///
/// In JSON (the shared test vectors' query language): `"yearly"`, `"half_yearly"`,
/// `"quarterly"`, `"monthly"` or `{"explicit": [["2024-01-01", "2024-06-30"], …]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Periods {
    /// Calendar years.
    Yearly,
    /// Calendar half-years.
    HalfYearly,
    /// Calendar quarters.
    Quarterly,
    /// Calendar months.
    Monthly,
    /// The given periods (first day, last day; both inclusive). They must not overlap
    /// and each must end on or after its start; their order does not matter.
    Explicit(Vec<(NaiveDate, NaiveDate)>),
}

/// A name that is not one of the calendar periods ([`Periods::named`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown periods {0:?}: expected \"yearly\", \"half_yearly\", \"quarterly\", \"monthly\" or explicit (start, end) periods")]
pub struct UnknownPeriods(pub String);

impl Periods {
    /// The calendar periods named `name`: `"yearly"`, `"half_yearly"`, `"quarterly"` or
    /// `"monthly"` (the JSON names), for the faces that take a name from a user.
    ///
    /// # Errors
    /// [`UnknownPeriods`] for any other name.
    pub fn named(name: &str) -> Result<Periods, UnknownPeriods> {
        match name {
            "yearly" => Ok(Periods::Yearly),
            "half_yearly" => Ok(Periods::HalfYearly),
            "quarterly" => Ok(Periods::Quarterly),
            "monthly" => Ok(Periods::Monthly),
            other => Err(UnknownPeriods(other.to_owned())),
        }
    }
}

/// A program period of a roll-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Span {
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

/// Where a contributor period lies among the program periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Inside the program period with this key.
    In(i64),
    /// Across program periods: the keys of the periods holding its first and last day
    /// (`None` for a day in no explicit period).
    Straddles(Option<i64>, Option<i64>),
    /// In no explicit program period at all.
    Outside,
}

/// [`Periods`] made ready for look-ups: explicit periods sorted and checked.
#[derive(Debug, Clone)]
pub(crate) struct Calendar {
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    /// Months per period: 12, 6, 3 or 1.
    Every(u32),
    Explicit(Vec<Span>),
}

impl Calendar {
    /// Prepares `periods`.
    ///
    /// # Errors
    /// [`ResultsError::InvalidProgramPeriods`] for an explicit period that ends before it
    /// starts or overlaps another.
    pub(crate) fn new(periods: &Periods) -> Result<Self, ResultsError> {
        let kind = match periods {
            Periods::Yearly => Kind::Every(12),
            Periods::HalfYearly => Kind::Every(6),
            Periods::Quarterly => Kind::Every(3),
            Periods::Monthly => Kind::Every(1),
            Periods::Explicit(list) => {
                for (index, &(start, end)) in list.iter().enumerate() {
                    if end < start {
                        return Err(ResultsError::InvalidProgramPeriods {
                            index,
                            start,
                            end,
                            reason: "ends before it starts",
                        });
                    }
                }
                let mut spans: Vec<(usize, Span)> =
                    list.iter().map(|&(start, end)| Span { start, end }).enumerate().collect();
                crate::sort::sort_by_key(&mut spans, |(_, s)| (s.start, s.end));
                for w in spans.windows(2) {
                    if w[1].1.start <= w[0].1.end {
                        let (index, s) = w[1];
                        return Err(ResultsError::InvalidProgramPeriods {
                            index,
                            start: s.start,
                            end: s.end,
                            reason: "overlaps another program period",
                        });
                    }
                }
                Kind::Explicit(spans.into_iter().map(|(_, s)| s).collect())
            }
        };
        Ok(Self { kind })
    }

    /// The key of the program period holding `day`; `None` for a day in no explicit
    /// period. Calendar keys count periods since year 0; explicit keys are indices.
    pub(crate) fn key(&self, day: NaiveDate) -> Option<i64> {
        match &self.kind {
            Kind::Every(months) => {
                let per_year = i64::from(12 / months);
                Some(i64::from(day.year()) * per_year + i64::from(day.month0() / months))
            }
            Kind::Explicit(spans) => {
                let i = spans.partition_point(|s| s.start <= day);
                (i > 0 && day <= spans[i - 1].end).then(|| i as i64 - 1)
            }
        }
    }

    /// Where the period `start ..= end` lies.
    pub(crate) fn place(&self, start: NaiveDate, end: NaiveDate) -> Place {
        match (self.key(start), self.key(end)) {
            (Some(a), Some(b)) if a == b => Place::In(a),
            (None, None) if self.between_same_gap(start, end) => Place::Outside,
            (a, b) => Place::Straddles(a, b),
        }
    }

    /// True when two days outside every explicit period lie in the same gap.
    fn between_same_gap(&self, start: NaiveDate, end: NaiveDate) -> bool {
        match &self.kind {
            Kind::Every(_) => false,
            Kind::Explicit(spans) => {
                spans.partition_point(|s| s.start <= start) == spans.partition_point(|s| s.start <= end)
            }
        }
    }

    /// The program period with `key`.
    pub(crate) fn span(&self, key: i64) -> Option<Span> {
        match &self.kind {
            Kind::Every(months) => {
                let per_year = i64::from(12 / months);
                let year = i32::try_from(key.div_euclid(per_year)).ok()?;
                let month0 = u32::try_from(key.rem_euclid(per_year)).ok()? * months;
                let start = NaiveDate::from_ymd_opt(year, month0 + 1, 1)?;
                let next = if month0 + months >= 12 {
                    NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, month0 + months + 1, 1)?
                };
                Some(Span { start, end: next.pred_opt()? })
            }
            Kind::Explicit(spans) => usize::try_from(key).ok().and_then(|k| spans.get(k)).copied(),
        }
    }

    /// The range of keys the roll-up reports: every explicit period, or the calendar
    /// periods from the one holding `first` to the one holding `last`.
    pub(crate) fn key_range(&self, first: Option<NaiveDate>, last: Option<NaiveDate>) -> Option<(i64, i64)> {
        match &self.kind {
            Kind::Explicit(spans) => (!spans.is_empty()).then(|| (0, spans.len() as i64 - 1)),
            Kind::Every(_) => Some((self.key(first?)?, self.key(last?)?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn calendar_periods_bound_correctly() {
        let q = Calendar::new(&Periods::Quarterly).unwrap();
        let k = q.key(d("2024-05-17")).unwrap();
        assert_eq!(q.span(k), Some(Span { start: d("2024-04-01"), end: d("2024-06-30") }));
        let h = Calendar::new(&Periods::HalfYearly).unwrap();
        assert_eq!(
            h.span(h.key(d("2024-12-31")).unwrap()),
            Some(Span { start: d("2024-07-01"), end: d("2024-12-31") })
        );
        let m = Calendar::new(&Periods::Monthly).unwrap();
        assert_eq!(m.span(m.key(d("2024-02-10")).unwrap()).unwrap().end, d("2024-02-29"));
    }

    #[test]
    fn straddling_and_outside_are_told_apart() {
        let y = Calendar::new(&Periods::Yearly).unwrap();
        assert_eq!(y.place(d("2024-01-01"), d("2024-12-31")), Place::In(2024));
        assert_eq!(y.place(d("2024-07-01"), d("2025-06-30")), Place::Straddles(Some(2024), Some(2025)));
        let e = Calendar::new(&Periods::Explicit(vec![
            (d("2024-01-01"), d("2024-03-31")),
            (d("2024-07-01"), d("2024-09-30")),
        ]))
        .unwrap();
        assert_eq!(e.place(d("2024-04-01"), d("2024-06-30")), Place::Outside);
        assert_eq!(e.place(d("2024-03-01"), d("2024-04-30")), Place::Straddles(Some(0), None));
        assert_eq!(e.place(d("2024-07-01"), d("2024-07-31")), Place::In(1));
    }

    #[test]
    fn bad_explicit_periods_are_refused() {
        let backwards = Periods::Explicit(vec![(d("2024-12-31"), d("2024-01-01"))]);
        assert_eq!(Calendar::new(&backwards).unwrap_err().code(), "invalid_program_periods");
        let overlapping =
            Periods::Explicit(vec![(d("2024-01-01"), d("2024-06-30")), (d("2024-06-01"), d("2024-12-31"))]);
        assert!(matches!(Calendar::new(&overlapping), Err(ResultsError::InvalidProgramPeriods { index: 1, .. })));
    }
}
