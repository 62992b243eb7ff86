//! Why a results computation could not be done.

use chrono::NaiveDate;

use crate::model::{Cumulation, Measure};

/// Why a results computation (period values, progress, roll-up, disaggregation) could
/// not be done. Problems that still leave a usable answer (a straddling period, a
/// disaggregation that does not add up …) are diagnostics in the answer instead.
///
/// `pointer` fields are JSON pointers (RFC 6901) into the portfolio's kartan JSON form,
/// e.g. `/projects/3/results/0/indicators/1/periods/2`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResultsError {
    /// No indicator in the portfolio has this id.
    #[error("no indicator with id {id:?} in the portfolio")]
    UnknownIndicator {
        /// The id asked for.
        id: String,
    },
    /// A program (or intermediate) indicator names a contributor that does not exist.
    #[error("at {pointer}: indicator {indicator:?} names contributor {contributor:?}, which is not in the portfolio")]
    MissingContributor {
        /// The indicator naming the contributor.
        indicator: String,
        /// The missing id.
        contributor: String,
        /// JSON pointer of the indicator's `contributors` list.
        pointer: String,
    },
    /// The contributors form a cycle (A ← B ← A), so no roll-up can end.
    #[error("contributor cycle: {}", path.join(" <- "))]
    ContributorCycle {
        /// The indicator ids along the cycle, the first repeated at the end.
        path: Vec<String>,
    },
    /// The indicator has no measure, so no arithmetic can be done on it
    /// (IATI `@measure` missing in the source).
    #[error("at {pointer}: indicator {indicator:?} has no measure; arithmetic needs unit, percentage, nominal, ordinal or qualitative")]
    MeasureUnknown {
        /// The indicator.
        indicator: String,
        /// Its JSON pointer.
        pointer: String,
    },
    /// A contributor's measure differs from the indicator it rolls up into.
    #[error("at {pointer}: contributor {contributor:?} has measure {found:?} but {indicator:?} has {expected:?}; measures cannot be mixed in a roll-up")]
    MixedMeasures {
        /// The indicator rolled up.
        indicator: String,
        /// The contributor with another measure.
        contributor: String,
        /// The rolled-up indicator's measure.
        expected: Measure,
        /// The contributor's measure.
        found: Measure,
        /// The contributor's JSON pointer.
        pointer: String,
    },
    /// A unit contributor's cumulation differs from the indicator it rolls up into
    /// (adding running totals to increments would be meaningless; DESIGN.md rule 2).
    #[error("at {pointer}: contributor {contributor:?} is {found:?} but {indicator:?} is {expected:?}; cumulation modes cannot be mixed in a roll-up")]
    MixedCumulation {
        /// The indicator rolled up.
        indicator: String,
        /// The contributor with another mode.
        contributor: String,
        /// The rolled-up indicator's mode.
        expected: Cumulation,
        /// The contributor's mode.
        found: Cumulation,
        /// The contributor's JSON pointer.
        pointer: String,
    },
    /// Progress was asked for a nominal, ordinal or qualitative indicator, which has no
    /// distance from baseline to target (DESIGN.md rule 6).
    #[error("at {pointer}: indicator {indicator:?} is {measure:?}; progress needs a unit or percentage measure")]
    NotQuantitative {
        /// The indicator.
        indicator: String,
        /// Its measure.
        measure: Measure,
        /// Its JSON pointer.
        pointer: String,
    },
    /// A period of an indicator ends before it starts.
    #[error("at {pointer}: period ends ({end}) before it starts ({start})")]
    PeriodEndsBeforeStart {
        /// JSON pointer of the period.
        pointer: String,
        /// Its start.
        start: NaiveDate,
        /// Its end.
        end: NaiveDate,
    },
    /// Explicit program periods that end before they start or overlap one another.
    #[error("program period {index} ({start} – {end}): {reason}")]
    InvalidProgramPeriods {
        /// 0-based index in the list given.
        index: usize,
        /// Its start.
        start: NaiveDate,
        /// Its end.
        end: NaiveDate,
        /// What is wrong.
        reason: &'static str,
    },
    /// An on-track band that is negative.
    #[error("on-track band {tolerance} is negative; give a fraction such as 0.15")]
    InvalidBand {
        /// The tolerance given (a fraction).
        tolerance: rust_decimal::Decimal,
    },
    /// Two indicators share this id, and the one asked for is not the first: its
    /// figures are not computed, so that they are never mixed with the first copy's
    /// (`crate::analysis::validate` reports the duplicate id as an error).
    #[error("at {pointer}: indicator id {id:?} is repeated (first at {first}); this copy is not analysed, so that its figures are not mixed with the first copy's")]
    RepeatedId {
        /// The repeated id.
        id: String,
        /// JSON pointer of this copy.
        pointer: String,
        /// JSON pointer of the first indicator with the id.
        first: String,
    },
    /// A sum or product left the range of exact decimals (about ±7.9 × 10²⁸).
    #[error("at {pointer}: the arithmetic overflows the exact decimal range")]
    Overflow {
        /// JSON pointer of the indicator whose numbers overflowed.
        pointer: String,
    },
}

impl ResultsError {
    /// A stable, machine-readable code (snake_case), the same in every language:
    /// `unknown_indicator`, `missing_contributor`, `contributor_cycle`, `measure_unknown`,
    /// `mixed_measures`, `mixed_cumulation`, `not_quantitative`,
    /// `period_ends_before_start`, `invalid_program_periods`, `invalid_band`, `repeated_id`,
    /// `overflow`.
    pub fn code(&self) -> &'static str {
        match self {
            ResultsError::UnknownIndicator { .. } => "unknown_indicator",
            ResultsError::RepeatedId { .. } => "repeated_id",
            ResultsError::MissingContributor { .. } => "missing_contributor",
            ResultsError::ContributorCycle { .. } => "contributor_cycle",
            ResultsError::MeasureUnknown { .. } => "measure_unknown",
            ResultsError::MixedMeasures { .. } => "mixed_measures",
            ResultsError::MixedCumulation { .. } => "mixed_cumulation",
            ResultsError::NotQuantitative { .. } => "not_quantitative",
            ResultsError::PeriodEndsBeforeStart { .. } => "period_ends_before_start",
            ResultsError::InvalidProgramPeriods { .. } => "invalid_program_periods",
            ResultsError::InvalidBand { .. } => "invalid_band",
            ResultsError::Overflow { .. } => "overflow",
        }
    }
}
