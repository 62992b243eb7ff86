//! Wrappers of the core's results model: result, indicator, baseline, period, value
//! (`kartan::model::results`, the IATI 2.03 shapes).
//!
//! Numbers are exact ``decimal.Decimal``; for a percentage, ``value`` is the percent
//! (``Decimal('43.75')`` for 43.75 %) and ``numerator`` / ``denominator`` the counts.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use rust_decimal::Decimal;

use crate::convert::{py_quote, tag, tag_opt, text};

/// A result (IATI ``result``): output, outcome, impact or other, with its indicators.
#[pyclass(frozen, eq, name = "Result", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyKartanResult {
    pub(crate) inner: kartan::model::Result,
    pub(crate) lang: String,
}

#[pymethods]
impl PyKartanResult {
    /// The result's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// ``"output"``, ``"outcome"``, ``"impact"`` or ``"other"`` (IATI ResultType).
    #[getter]
    fn r#type(&self) -> String {
        tag(&self.inner.result_type)
    }

    /// The title, as a dict of language tag → text.
    #[getter]
    fn title(&self) -> BTreeMap<String, String> {
        text(&self.inner.title)
    }

    /// The description, as a dict of language tag → text.
    #[getter]
    fn description(&self) -> BTreeMap<String, String> {
        text(&self.inner.description)
    }

    /// IATI ``@aggregation-status``, or ``None`` when not stated.
    #[getter]
    fn aggregation_status(&self) -> Option<bool> {
        self.inner.aggregation_status
    }

    /// The result's indicators.
    #[getter]
    fn indicators(&self) -> Vec<PyIndicator> {
        self.inner
            .indicators
            .iter()
            .map(|i| PyIndicator { inner: i.clone(), project: None, lang: self.lang.clone() })
            .collect()
    }

    /// Ids of the results-matrix items this result gives evidence for.
    #[getter]
    fn matrix_items(&self) -> Vec<String> {
        self.inner.matrix_items.clone()
    }

    fn __repr__(&self) -> String {
        format!("<Result id={} type={}>", py_quote(&self.inner.id), py_quote(&tag(&self.inner.result_type)))
    }
}

/// An indicator (IATI ``indicator``) with its baselines and periods.
///
/// ``measure`` is ``"unit"``, ``"percentage"``, ``"nominal"``, ``"ordinal"``,
/// ``"qualitative"`` or ``None`` when the source does not say; ``cumulation`` is
/// ``"non_cumulative"``, ``"cumulative"`` or ``"latest_value"`` (DESIGN.md rule 2).
///
/// >>> p = kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "en", '
/// ...     '"program": {"id": "P", "title": {"en": "P"}, "results": [{"id": "R", "type": "outcome", '
/// ...     '"indicators": [{"id": "IND-1", "measure": "percentage", "periods": [{"start": "2011-01-01", '
/// ...     '"end": "2011-12-31", "actuals": [{"value": "43.75", "numerator": 35, "denominator": 80}]}]}]}]}}')
/// >>> ind = p.indicator("IND-1")
/// >>> ind
/// <Indicator id='IND-1' measure='percentage'>
/// >>> ind.periods[0].actuals[0].value, ind.periods[0].end
/// (Decimal('43.75'), datetime.date(2011, 12, 31))
#[pyclass(frozen, eq, name = "Indicator", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyIndicator {
    pub(crate) inner: kartan::Indicator,
    /// The owning project's id; `None` for a program indicator.
    pub(crate) project: Option<String>,
    pub(crate) lang: String,
}

#[pymethods]
impl PyIndicator {
    /// The indicator's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The id of the project that owns the indicator, ``None`` for a program indicator.
    #[getter]
    fn project(&self) -> Option<&str> {
        self.project.as_deref()
    }

    /// The IATI measure as its kartan tag, or ``None`` when the source does not say.
    #[getter]
    fn measure(&self) -> Option<String> {
        tag_opt(self.inner.measure.as_ref())
    }

    /// ``"ascending"`` (more is better) or ``"descending"``.
    #[getter]
    fn direction(&self) -> String {
        tag(&self.inner.direction)
    }

    /// ``"non_cumulative"``, ``"cumulative"`` or ``"latest_value"``.
    #[getter]
    fn cumulation(&self) -> String {
        tag(&self.inner.cumulation)
    }

    /// The title, as a dict of language tag → text.
    #[getter]
    fn title(&self) -> BTreeMap<String, String> {
        text(&self.inner.title)
    }

    /// The description, as a dict of language tag → text.
    #[getter]
    fn description(&self) -> BTreeMap<String, String> {
        text(&self.inner.description)
    }

    /// The unit label for unit measures (``"municipalities"``), if stated.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.inner.unit.as_deref()
    }

    /// The stated life-of-program target, if any (DESIGN.md rule 4).
    #[getter]
    fn life_target(&self) -> Option<Decimal> {
        self.inner.life_target
    }

    /// The baselines.
    #[getter]
    fn baselines(&self) -> Vec<PyBaseline> {
        self.inner.baselines.iter().map(|b| PyBaseline { inner: b.clone() }).collect()
    }

    /// The reporting periods, with targets and actuals.
    #[getter]
    fn periods(&self) -> Vec<PyPeriod> {
        self.inner.periods.iter().map(|p| PyPeriod { inner: p.clone() }).collect()
    }

    /// For a program indicator: the ids of the project indicators that roll up into it.
    #[getter]
    fn contributors(&self) -> Vec<String> {
        self.inner.contributors.clone()
    }

    /// Ids of the results-matrix items this indicator measures.
    #[getter]
    fn matrix_items(&self) -> Vec<String> {
        self.inner.matrix_items.clone()
    }

    fn __repr__(&self) -> String {
        let measure = self.inner.measure.as_ref().map_or_else(|| "None".to_owned(), |m| py_quote(&tag(m)));
        format!("<Indicator id={} measure={}>", py_quote(&self.inner.id), measure)
    }
}

/// A baseline (IATI ``baseline``).
#[pyclass(frozen, eq, name = "Baseline", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyBaseline {
    pub(crate) inner: kartan::Baseline,
}

#[pymethods]
impl PyBaseline {
    /// The baseline year (IATI ``@year``), if stated.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.inner.year
    }

    /// The baseline date (IATI ``@iso-date``), if stated.
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        self.inner.date
    }

    /// The value; for a percentage, the percent.
    #[getter]
    fn value(&self) -> Option<Decimal> {
        self.inner.value
    }

    /// For a percentage: the numerator.
    #[getter]
    fn numerator(&self) -> Option<Decimal> {
        self.inner.numerator
    }

    /// For a percentage: the denominator.
    #[getter]
    fn denominator(&self) -> Option<Decimal> {
        self.inner.denominator
    }

    /// The comment, as a dict of language tag → text.
    #[getter]
    fn comment(&self) -> BTreeMap<String, String> {
        text(&self.inner.comment)
    }

    /// The disaggregation, as ``(name, value)`` pairs in source order (empty for the total).
    #[getter]
    fn dimensions(&self) -> Vec<(String, String)> {
        self.inner.dimensions.iter().map(|d| (d.name.clone(), d.value.clone())).collect()
    }

    fn __repr__(&self) -> String {
        let value = self.inner.value.map_or_else(|| "None".to_owned(), |v| format!("Decimal('{v}')"));
        format!(
            "<Baseline year={} value={}>",
            self.inner.year.map_or_else(|| "None".to_owned(), |y| y.to_string()),
            value
        )
    }
}

/// A reporting period (IATI ``period``): start and end dates, targets and actuals.
#[pyclass(frozen, eq, name = "Period", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyPeriod {
    pub(crate) inner: kartan::Period,
}

#[pymethods]
impl PyPeriod {
    /// First day of the period (inclusive).
    #[getter]
    fn start(&self) -> NaiveDate {
        self.inner.start
    }

    /// Last day of the period (inclusive).
    #[getter]
    fn end(&self) -> NaiveDate {
        self.inner.end
    }

    /// The targets (several when disaggregated by dimension).
    #[getter]
    fn targets(&self) -> Vec<PyPeriodValue> {
        self.inner.targets.iter().map(|v| PyPeriodValue { inner: v.clone() }).collect()
    }

    /// The actuals (several when disaggregated by dimension).
    #[getter]
    fn actuals(&self) -> Vec<PyPeriodValue> {
        self.inner.actuals.iter().map(|v| PyPeriodValue { inner: v.clone() }).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Period {}..{} targets={} actuals={}>",
            self.inner.start,
            self.inner.end,
            self.inner.targets.len(),
            self.inner.actuals.len()
        )
    }
}

/// A target or actual (IATI ``target`` / ``actual``).
#[pyclass(frozen, eq, name = "PeriodValue", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyPeriodValue {
    pub(crate) inner: kartan::PeriodValue,
}

#[pymethods]
impl PyPeriodValue {
    /// The number; ``None`` when the source gives only a comment or text.
    #[getter]
    fn value(&self) -> Option<Decimal> {
        self.inner.value
    }

    /// For a percentage: the numerator.
    #[getter]
    fn numerator(&self) -> Option<Decimal> {
        self.inner.numerator
    }

    /// For a percentage: the denominator.
    #[getter]
    fn denominator(&self) -> Option<Decimal> {
        self.inner.denominator
    }

    /// For nominal, ordinal and qualitative measures: the category or statement.
    #[getter]
    fn text(&self) -> BTreeMap<String, String> {
        text(&self.inner.text)
    }

    /// The comment, as a dict of language tag → text.
    #[getter]
    fn comment(&self) -> BTreeMap<String, String> {
        text(&self.inner.comment)
    }

    /// The disaggregation, as ``(name, value)`` pairs in source order (empty for the total).
    #[getter]
    fn dimensions(&self) -> Vec<(String, String)> {
        self.inner.dimensions.iter().map(|d| (d.name.clone(), d.value.clone())).collect()
    }

    /// When the value was reported, if stated.
    #[getter]
    fn reported(&self) -> Option<NaiveDate> {
        self.inner.reported
    }

    fn __repr__(&self) -> String {
        let value = self.inner.value.map_or_else(|| "None".to_owned(), |v| format!("Decimal('{v}')"));
        format!("<PeriodValue value={} dimensions={}>", value, self.inner.dimensions.len())
    }
}
