//! The query chain: `ResultsIndex::new(&p).indicator(id)?.progress(as_of)`.

use chrono::NaiveDate;

use crate::model::Indicator;

use super::index::{Entry, ResultsIndex};
use super::{indicator_chart_spec, progress, rollup, values};
use super::{Band, IndicatorProgress, IndicatorValues, Periods, ResultsError, Rollup};

/// One indicator of a [`ResultsIndex`], ready to be asked for its values, progress,
/// roll-up or chart. Got from [`ResultsIndex::indicator`]; cheap to copy. The on-track
/// band is an option ([`IndicatorQuery::band`], default ± 15 %).
///
/// ```
/// use kartan::analysis::results::{Band, Progress, ResultsIndex};
/// # let json = include_str!("../../../../tests/vectors/results/rule3_descending_progress.json");
/// # let case: serde_json::Value = serde_json::from_str(json).unwrap();
/// # let portfolio = kartan::io::json::from_str(&case["portfolio"].to_string()).unwrap();
/// let as_of = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
/// let index = ResultsIndex::new(&portfolio); // once, for any number of queries
/// let progress = index.indicator("IND-1")?.progress(as_of)?;
/// assert_eq!(progress.progress, Progress::Fraction("0.5".parse().unwrap()));
/// let wide = index.indicator("IND-1")?.band(Band::new("0.5".parse().unwrap())?).progress(as_of)?;
/// assert_eq!(wide.band, "0.5".parse().unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct IndicatorQuery<'i, 'a> {
    index: &'i ResultsIndex<'a>,
    entry: Entry<'a>,
    band: Band,
}

impl<'a> ResultsIndex<'a> {
    /// Indicator `id`, to query (when two indicators share an id, the first in document
    /// order).
    ///
    /// # Errors
    /// [`ResultsError::UnknownIndicator`].
    pub fn indicator(&self, id: &str) -> Result<IndicatorQuery<'_, 'a>, ResultsError> {
        Ok(IndicatorQuery { index: self, entry: self.entry(id)?, band: Band::default() })
    }

    /// `indicator`, found in the portfolio by identity rather than by id: what a loop
    /// over `portfolio.indicators()` queries, so that a row never shows another
    /// indicator's figures.
    ///
    /// # Errors
    /// [`ResultsError::RepeatedId`] when `indicator` repeats the id of an earlier
    /// indicator (only the first copy is analysed); [`ResultsError::UnknownIndicator`]
    /// when it is not in the indexed portfolio.
    pub fn indicator_of(&self, indicator: &Indicator) -> Result<IndicatorQuery<'_, 'a>, ResultsError> {
        let entry = self.entry(&indicator.id)?;
        if std::ptr::eq(entry.indicator, indicator) {
            return Ok(IndicatorQuery { index: self, entry, band: Band::default() });
        }
        let portfolio = self.portfolio;
        let owners = std::iter::once(("/program".to_owned(), &portfolio.program.results))
            .chain(portfolio.projects.iter().enumerate().map(|(i, p)| (format!("/projects/{i}"), &p.results)));
        let pointer = owners
            .flat_map(|(base, results)| {
                results.iter().enumerate().flat_map(move |(r, result)| {
                    let base = base.clone();
                    result
                        .indicators
                        .iter()
                        .enumerate()
                        .map(move |(i, ind)| (format!("{base}/results/{r}/indicators/{i}"), ind))
                })
            })
            .find(|(_, ind)| std::ptr::eq(*ind, indicator))
            .map(|(pointer, _)| pointer)
            .ok_or_else(|| ResultsError::UnknownIndicator { id: indicator.id.clone() })?;
        Err(ResultsError::RepeatedId { id: indicator.id.clone(), pointer, first: entry.pointer() })
    }
}

impl<'a> IndicatorQuery<'_, 'a> {
    /// The indicator in the model.
    pub fn model(&self) -> &'a Indicator {
        self.entry.indicator
    }

    /// The id of the project owning it; `None` for a program indicator.
    pub fn project(&self) -> Option<&'a str> {
        self.entry.project
    }

    /// Its JSON pointer in the portfolio's kartan JSON form, e.g.
    /// `/projects/3/results/0/indicators/1`.
    pub fn pointer(&self) -> String {
        self.entry.pointer()
    }

    /// The same query with another on-track band for [`IndicatorQuery::progress`].
    #[must_use]
    pub fn band(mut self, band: Band) -> Self {
        self.band = band;
        self
    }

    /// Every period value: period actuals and targets, life-of-program actual and
    /// target, breakdowns by dimension (DESIGN.md rules 1, 2, 4, 5, 6).
    ///
    /// # Errors
    /// [`ResultsError::MeasureUnknown`], [`ResultsError::PeriodEndsBeforeStart`],
    /// [`ResultsError::Overflow`].
    pub fn values(&self) -> Result<IndicatorValues<'a>, ResultsError> {
        values::period_values(self.index, &self.entry.indicator.id)
    }

    /// Progress as of `as_of` (DESIGN.md rule 3) with the query's band. Progress and
    /// expected progress are fractions.
    ///
    /// # Errors
    /// As [`IndicatorQuery::values`], and [`ResultsError::NotQuantitative`] for nominal,
    /// ordinal and qualitative indicators.
    pub fn progress(&self, as_of: NaiveDate) -> Result<IndicatorProgress<'a>, ResultsError> {
        progress::indicator_progress(self.index, &self.entry.indicator.id, as_of, &self.band)
    }

    /// Rolls the indicator up from its contributors (through any depth of intermediate
    /// indicators) into the program periods `periods`; with no contributors it rolls up
    /// as itself.
    ///
    /// # Errors
    /// [`ResultsError::MissingContributor`], [`ResultsError::ContributorCycle`],
    /// [`ResultsError::MeasureUnknown`], [`ResultsError::MixedMeasures`],
    /// [`ResultsError::MixedCumulation`], [`ResultsError::PeriodEndsBeforeStart`],
    /// [`ResultsError::InvalidProgramPeriods`], [`ResultsError::Overflow`].
    pub fn rollup(&self, periods: &Periods) -> Result<Rollup<'a>, ResultsError> {
        rollup::rollup(self.index, &self.entry.indicator.id, periods)
    }

    /// The Vega-Lite v6 chart ([`indicator_chart_spec`]) in the portfolio's language.
    ///
    /// # Errors
    /// As [`IndicatorQuery::values`].
    pub fn chart(&self) -> Result<serde_json::Value, ResultsError> {
        let values = self.values()?;
        Ok(indicator_chart_spec(self.entry.indicator, &values, &self.index.portfolio.default_language))
    }
}
