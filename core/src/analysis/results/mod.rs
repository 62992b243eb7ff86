//! The results engine: period values, progress, program roll-ups and disaggregation
//! (DESIGN.md "The rules" 1-6).
//!
//! Units, once for the whole module:
//! - A **percentage** figure's `value` is a **percent** (43.75 means 43.75 %), computed as
//!   numerator × 100 / denominator whenever both counts are given; roll-ups pool the
//!   counts (Σ numerators / Σ denominators), never average percents (rule 1).
//! - **Progress** and **expected progress** are **fractions** (0.5 means half-way from
//!   baseline to target; negative is a regression) (rule 3).
//! - Every number is an exact `rust_decimal::Decimal`. A quotient that does not terminate
//!   is rounded by `rust_decimal` to 28 significant digits; quotients are normalised
//!   (no trailing zeros). Undefined results (0/0, target = baseline) are stated as such,
//!   never shown as 0.
//!
//! # Roll-up through a tree
//!
//! A program indicator names its contributors (project indicators), which may name
//! their own (sub-project indicators), to any depth. Every indicator in that tree
//! counts as **its own values plus its contributors'** — the rule of akvo-rsr, where
//! a parent period is its own approved updates plus its children's. So a project
//! indicator that reports 30 itself and has a sub-project contributor reporting 50
//! gives 80 in the program's roll-up, never 50 with its own 30 dropped. Its own
//! values (its targets and actuals) are one more contribution, read by the same
//! cumulation rules (DESIGN.md rule 2), listed with `own_values: true` and noted in
//! the roll-up's diagnostics (`own-values-added`): when a publisher's parent figures
//! already include the children's, that note is where the double count shows. At the
//! top, the rolled-up indicator's own *actuals* count the same way, while its own
//! *targets* stay the stated targets, which win over the contributors' (rule 4).
//!
//! Start from a [`ResultsIndex`], built once per portfolio, and ask an indicator:
//!
//! ```
//! use kartan::analysis::results::{Periods, Progress, ResultsIndex};
//! # let json = include_str!("../../../../tests/vectors/results/rule3_descending_progress.json");
//! # let case: serde_json::Value = serde_json::from_str(json).unwrap();
//! # let portfolio = kartan::io::json::from_str(&case["portfolio"].to_string()).unwrap();
//! let as_of = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
//! let progress = ResultsIndex::new(&portfolio).indicator("IND-1")?.progress(as_of)?;
//! assert_eq!(progress.progress, Progress::Fraction("0.5".parse().unwrap()));
//! # Ok::<(), kartan::analysis::results::ResultsError>(())
//! ```
//!
//! The band is an option of the query ([`IndicatorQuery::band`]); the same query gives
//! [`IndicatorQuery::values`], [`IndicatorQuery::rollup`] and [`IndicatorQuery::chart`].

mod chart;
mod contributors;
mod disaggregation;
mod error;
mod figure;
mod index;
mod periods;
mod progress;
mod query;
mod rollup;
mod series;
mod values;

use chrono::NaiveDate;

use crate::model::Portfolio;

pub use chart::{indicator_chart_spec, rollup_chart_spec};
pub use contributors::Contributor;
pub use disaggregation::{Compared, Disaggregation, DisaggregationValue, Mismatch};

/// The old name of [`Disaggregation`] (it clashed with
/// [`crate::analysis::breakdown::Breakdown`], projects grouped along a dimension).
#[deprecated(since = "0.2.0", note = "renamed Disaggregation")]
pub type Breakdown<'a> = Disaggregation<'a>;
/// The old name of [`DisaggregationValue`].
#[deprecated(since = "0.2.0", note = "renamed DisaggregationValue")]
pub type BreakdownValue<'a> = DisaggregationValue<'a>;
pub use error::ResultsError;
pub use figure::{percent, Figure};
pub use index::ResultsIndex;
pub use periods::{Periods, Span, UnknownPeriods};
pub use progress::{Band, IndicatorProgress, PeriodProgress, Progress, Track};
pub use query::IndicatorQuery;
pub use rollup::{Contribution, Rollup, RollupLife, RollupPeriod};
pub use series::Side;
pub use values::{IndicatorValues, LifeFigures, PeriodFigures, Statement, TargetSource};

/// Results queries on a portfolio. Every call builds a [`ResultsIndex`] of the whole
/// portfolio again; use `ResultsIndex::new(&p).indicator(id)?` and its methods
/// ([`IndicatorQuery`]) instead. Kept for one release.
#[deprecated(
    since = "0.2.0",
    note = "each call rebuilds the index: use ResultsIndex::new(&p).indicator(id)?.progress(as_of) (or .values(), .rollup(periods), .chart(), .band(b)), and ResultsIndex::matrix_item_progress"
)]
pub trait ResultsExt {
    /// Every period value of indicator `id`: period actuals and targets, life-of-program
    /// actual and target, breakdowns by dimension (DESIGN.md rules 1, 2, 4, 5, 6).
    ///
    /// # Errors
    /// [`ResultsError::UnknownIndicator`], [`ResultsError::MeasureUnknown`],
    /// [`ResultsError::PeriodEndsBeforeStart`], [`ResultsError::Overflow`].
    fn period_values(&self, id: &str) -> Result<IndicatorValues<'_>, ResultsError>;

    /// Progress of indicator `id` as of `as_of` with the default ± 15 % band
    /// (DESIGN.md rule 3). Progress is a fraction.
    ///
    /// # Errors
    /// As [`ResultsExt::period_values`], and [`ResultsError::NotQuantitative`] for
    /// nominal, ordinal and qualitative indicators.
    fn indicator_progress(&self, id: &str, as_of: NaiveDate) -> Result<IndicatorProgress<'_>, ResultsError> {
        self.indicator_progress_with(id, as_of, &Band::default())
    }

    /// [`ResultsExt::indicator_progress`] with a chosen on-track band.
    ///
    /// # Errors
    /// As [`ResultsExt::indicator_progress`].
    fn indicator_progress_with(
        &self,
        id: &str,
        as_of: NaiveDate,
        band: &Band,
    ) -> Result<IndicatorProgress<'_>, ResultsError>;

    /// Rolls indicator `id` up from its contributors (through any depth of
    /// intermediate indicators) into the program periods `periods`. An indicator with
    /// no contributors rolls up as itself. An indicator with contributors counts as
    /// its own values plus its contributors' (the module docs, "Roll-up through a
    /// tree").
    ///
    /// # Errors
    /// [`ResultsError::UnknownIndicator`], [`ResultsError::MissingContributor`],
    /// [`ResultsError::ContributorCycle`], [`ResultsError::MeasureUnknown`],
    /// [`ResultsError::MixedMeasures`], [`ResultsError::MixedCumulation`],
    /// [`ResultsError::PeriodEndsBeforeStart`], [`ResultsError::InvalidProgramPeriods`],
    /// [`ResultsError::Overflow`].
    fn rollup(&self, id: &str, periods: &Periods) -> Result<Rollup<'_>, ResultsError>;

    /// Progress as of `as_of` of every unit or percentage indicator that measures
    /// matrix item `item` (listed in the indicator's or its result's `matrix_items`), in
    /// document order (program first, then projects) — the indicator part of report
    /// section 5. Each entry is that indicator's [`ResultsExt::indicator_progress`];
    /// nominal, ordinal, qualitative and measure-less indicators are left out.
    fn matrix_item_progress(&self, item: &str, as_of: NaiveDate) -> Vec<Result<IndicatorProgress<'_>, ResultsError>>;

    /// The Vega-Lite v6 chart of indicator `id` ([`indicator_chart_spec`]).
    ///
    /// # Errors
    /// As [`ResultsExt::period_values`].
    fn indicator_chart(&self, id: &str) -> Result<serde_json::Value, ResultsError>;
}

#[allow(deprecated)]
impl ResultsExt for Portfolio {
    fn period_values(&self, id: &str) -> Result<IndicatorValues<'_>, ResultsError> {
        ResultsIndex::new(self).period_values(id)
    }

    fn indicator_progress_with(
        &self,
        id: &str,
        as_of: NaiveDate,
        band: &Band,
    ) -> Result<IndicatorProgress<'_>, ResultsError> {
        ResultsIndex::new(self).indicator_progress_with(id, as_of, band)
    }

    fn rollup(&self, id: &str, periods: &Periods) -> Result<Rollup<'_>, ResultsError> {
        ResultsIndex::new(self).rollup(id, periods)
    }

    fn matrix_item_progress(&self, item: &str, as_of: NaiveDate) -> Vec<Result<IndicatorProgress<'_>, ResultsError>> {
        ResultsIndex::new(self).matrix_item_progress(item, as_of)
    }

    fn indicator_chart(&self, id: &str) -> Result<serde_json::Value, ResultsError> {
        ResultsIndex::new(self).indicator(id)?.chart()
    }
}

impl<'a> ResultsIndex<'a> {
    /// As [`IndicatorQuery::values`] of indicator `id`.
    ///
    /// # Errors
    /// [`ResultsError::UnknownIndicator`], and as [`IndicatorQuery::values`].
    pub fn period_values(&self, id: &str) -> Result<IndicatorValues<'a>, ResultsError> {
        values::period_values(self, id)
    }

    /// As [`IndicatorQuery::progress`] of indicator `id` with the default band.
    ///
    /// # Errors
    /// [`ResultsError::UnknownIndicator`], and as [`IndicatorQuery::progress`].
    pub fn indicator_progress(&self, id: &str, as_of: NaiveDate) -> Result<IndicatorProgress<'a>, ResultsError> {
        self.indicator_progress_with(id, as_of, &Band::default())
    }

    /// As [`IndicatorQuery::progress`] of indicator `id` with `band`.
    ///
    /// # Errors
    /// [`ResultsError::UnknownIndicator`], and as [`IndicatorQuery::progress`].
    pub fn indicator_progress_with(
        &self,
        id: &str,
        as_of: NaiveDate,
        band: &Band,
    ) -> Result<IndicatorProgress<'a>, ResultsError> {
        progress::indicator_progress(self, id, as_of, band)
    }

    /// Progress as of `as_of` of every unit or percentage indicator that measures
    /// matrix item `item` (listed in the indicator's or its result's `matrix_items`), in
    /// document order (program first, then projects) — the indicator part of report
    /// section 5. Each entry is that indicator's [`IndicatorQuery::progress`] with the
    /// default band; nominal, ordinal, qualitative and measure-less indicators are left
    /// out.
    pub fn matrix_item_progress(
        &self,
        item: &str,
        as_of: NaiveDate,
    ) -> Vec<Result<IndicatorProgress<'a>, ResultsError>> {
        let portfolio = self.portfolio;
        let results = portfolio.program.results.iter().chain(portfolio.projects.iter().flat_map(|p| p.results.iter()));
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for result in results {
            let whole_result = result.matrix_items.iter().any(|m| m == item);
            for indicator in &result.indicators {
                let linked = whole_result || indicator.matrix_items.iter().any(|m| m == item);
                if !linked
                    || !indicator.measure.is_some_and(|m| m.is_quantitative())
                    || seen.contains(&indicator.id.as_str())
                {
                    continue;
                }
                seen.push(indicator.id.as_str());
                out.push(self.indicator_progress(&indicator.id, as_of));
            }
        }
        out
    }

    /// As [`IndicatorQuery::rollup`] of indicator `id`.
    ///
    /// # Errors
    /// [`ResultsError::UnknownIndicator`], and as [`IndicatorQuery::rollup`].
    pub fn rollup(&self, id: &str, periods: &Periods) -> Result<Rollup<'a>, ResultsError> {
        rollup::rollup(self, id, periods)
    }
}

#[cfg(test)]
mod tests;
