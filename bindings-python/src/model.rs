//! Wrappers of the core model's program, projects and budgets (`kartan::model`).
//!
//! Every wrapper is a frozen snapshot of a core value: reading an attribute converts one
//! field (dates to `datetime.date`, amounts to `decimal.Decimal`, texts to a `dict` of
//! language → text). Equality is the core's equality; pickling goes through
//! the portfolio's kartan JSON.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rust_decimal::Decimal;

use crate::convert::{date_text, first_day, last_day, py_quote, tag, tag_opt, text};
use crate::results::{PyIndicator, PyKartanResult};

/// The program: the root of the portfolio's plan (``portfolio.program``).
///
/// Texts (``title``, ``purpose``) are dicts of language tag → text.
///
/// >>> p = kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "sv", '
/// ...     '"program": {"id": "P", "title": {"sv": "Lärande", "en": "Learning"}}}')
/// >>> p.program
/// <Program id='P' title='Lärande'>
/// >>> p.program.title["en"]
/// 'Learning'
#[pyclass(frozen, eq, name = "Program", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyProgram {
    pub(crate) inner: kartan::Program,
    pub(crate) lang: String,
}

#[pymethods]
impl PyProgram {
    /// The program's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The title, as a dict of language tag → text.
    #[getter]
    fn title(&self) -> BTreeMap<String, String> {
        text(&self.inner.title)
    }

    /// The subtitle, as a dict of language tag → text (empty when none).
    #[getter]
    fn subtitle(&self) -> BTreeMap<String, String> {
        text(&self.inner.subtitle)
    }

    /// The purpose (*syfte*), as a dict of language tag → text.
    #[getter]
    fn purpose(&self) -> BTreeMap<String, String> {
        text(&self.inner.purpose)
    }

    /// The id of the organisation that manages the program, if stated.
    #[getter]
    fn managed_by(&self) -> Option<&str> {
        self.inner.managed_by.as_deref()
    }

    /// First day of the program period (a partial date such as ``2010`` gives its first day).
    #[getter]
    fn start(&self) -> Option<NaiveDate> {
        first_day(self.inner.period.start)
    }

    /// Last day of the program period (a partial date such as ``2013`` gives its last day).
    #[getter]
    fn end(&self) -> Option<NaiveDate> {
        last_day(self.inner.period.end)
    }

    /// The program's budget lines.
    #[getter]
    fn budgets(&self) -> Vec<PyBudget> {
        self.inner.budgets.iter().map(|b| PyBudget { inner: b.clone() }).collect()
    }

    /// The program-level indicators (those of the program's own results).
    #[getter]
    fn indicators(&self) -> Vec<PyIndicator> {
        let lang = &self.lang;
        self.inner
            .results
            .iter()
            .flat_map(|r| r.indicators.iter())
            .map(|i| PyIndicator { inner: i.clone(), project: None, lang: lang.clone() })
            .collect()
    }

    /// The program's own results.
    #[getter]
    fn results(&self) -> Vec<PyKartanResult> {
        self.inner.results.iter().map(|r| PyKartanResult { inner: r.clone(), lang: self.lang.clone() }).collect()
    }

    fn __repr__(&self) -> String {
        format!("<Program id={} title={}>", py_quote(&self.inner.id), py_quote(self.inner.title.show(&self.lang, "en")))
    }
}

/// A project of the portfolio (``portfolio.projects``, ``portfolio.project(id)``).
///
/// Dates are ``datetime.date``: a start given only as a year or month is its first
/// day, an end its last day; the form the source gave is in ``planned_text`` /
/// ``actual_text``. Budget amounts are exact ``decimal.Decimal``.
///
/// >>> p = kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "sv", '
/// ...     '"program": {"id": "P", "title": {"sv": "P"}}, "projects": [{"id": "A", '
/// ...     '"title": {"sv": "Ett"}, "status": "implementation", "planned": {"start": "2014", "end": "2016-06"}, '
/// ...     '"budgets": [{"value": {"amount": "1500000.50", "currency": "SEK"}}]}]}')
/// >>> a = p.project("A")
/// >>> a
/// <Project id='A' title='Ett'>
/// >>> a.planned_start, a.planned_end, a.planned_text
/// (datetime.date(2014, 1, 1), datetime.date(2016, 6, 30), ('2014', '2016-06'))
/// >>> a.budgets[0].amount, a.status
/// (Decimal('1500000.50'), 'implementation')
#[pyclass(frozen, eq, name = "Project", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyProject {
    pub(crate) inner: kartan::Project,
    pub(crate) lang: String,
}

#[pymethods]
impl PyProject {
    /// The project's id, unique in the portfolio.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The title, as a dict of language tag → text.
    #[getter]
    fn title(&self) -> BTreeMap<String, String> {
        text(&self.inner.title)
    }

    /// The description, as a dict of language tag → text (empty when none).
    #[getter]
    fn description(&self) -> BTreeMap<String, String> {
        text(&self.inner.description)
    }

    /// The owning organisation's id (*projektägare*), if stated.
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.inner.owner.as_deref()
    }

    /// The focus area's id, if stated.
    #[getter]
    fn focus_area(&self) -> Option<&str> {
        self.inner.focus_area.as_deref()
    }

    /// The parent project's id, for a sub-project.
    #[getter]
    fn parent(&self) -> Option<&str> {
        self.inner.parent.as_deref()
    }

    /// IATI activity status as its kartan tag (``"pipeline"``, ``"implementation"``,
    /// ``"finalisation"``, ``"closed"``, ``"cancelled"``, ``"suspended"``), or ``None``.
    #[getter]
    fn status(&self) -> Option<String> {
        tag_opt(self.inner.status.as_ref())
    }

    /// The levels the project works at (``"national"``, ``"regional"``, ``"local"``).
    #[getter]
    fn levels(&self) -> Vec<String> {
        self.inner.levels.iter().map(tag).collect()
    }

    /// Planned start: the first day of the date the source gives, or ``None``.
    #[getter]
    fn planned_start(&self) -> Option<NaiveDate> {
        first_day(self.inner.planned.start)
    }

    /// Planned end: the last day of the date the source gives, or ``None``.
    #[getter]
    fn planned_end(&self) -> Option<NaiveDate> {
        last_day(self.inner.planned.end)
    }

    /// Actual start: the first day of the date the source gives, or ``None``.
    #[getter]
    fn actual_start(&self) -> Option<NaiveDate> {
        first_day(self.inner.actual.start)
    }

    /// Actual end: the last day of the date the source gives, or ``None``.
    #[getter]
    fn actual_end(&self) -> Option<NaiveDate> {
        last_day(self.inner.actual.end)
    }

    /// The planned dates as the source gives them (ISO 8601, possibly partial:
    /// ``"2014"``, ``"2014-03"``, ``"--04-14"``), as ``(start, end)``.
    #[getter]
    fn planned_text(&self) -> (Option<String>, Option<String>) {
        (date_text(self.inner.planned.start), date_text(self.inner.planned.end))
    }

    /// The actual dates as the source gives them, as ``(start, end)``.
    #[getter]
    fn actual_text(&self) -> (Option<String>, Option<String>) {
        (date_text(self.inner.actual.start), date_text(self.inner.actual.end))
    }

    /// Every budget line, original and revised.
    #[getter]
    fn budgets(&self) -> Vec<PyBudget> {
        self.inner.budgets.iter().map(|b| PyBudget { inner: b.clone() }).collect()
    }

    /// The budget lines that count: per period the revised line when there is one,
    /// else the original (``kartan::effective_budgets``).
    #[getter]
    fn effective_budgets(&self) -> Vec<PyBudget> {
        kartan::effective_budgets(&self.inner.budgets).into_iter().map(|b| PyBudget { inner: b.clone() }).collect()
    }

    /// Regions, counties or municipalities the project works in.
    #[getter]
    fn regions(&self) -> Vec<String> {
        self.inner.regions.clone()
    }

    /// Free classifications by scheme (``{"priority_axis": "1", ...}``).
    #[getter]
    fn classifications(&self) -> BTreeMap<String, String> {
        self.inner.classifications.clone()
    }

    /// The project's results.
    #[getter]
    fn results(&self) -> Vec<PyKartanResult> {
        self.inner.results.iter().map(|r| PyKartanResult { inner: r.clone(), lang: self.lang.clone() }).collect()
    }

    /// Every indicator of the project's results, in document order.
    #[getter]
    fn indicators(&self) -> Vec<PyIndicator> {
        self.inner
            .results
            .iter()
            .flat_map(|r| r.indicators.iter())
            .map(|i| PyIndicator { inner: i.clone(), project: Some(self.inner.id.clone()), lang: self.lang.clone() })
            .collect()
    }

    /// Sectors (IATI ``sector``) as dicts: ``code``, ``vocabulary``, ``percentage``
    /// (``decimal.Decimal`` percent or ``None``), ``name`` (language → text).
    #[getter]
    fn sectors<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.inner
            .sectors
            .iter()
            .map(|s| {
                let d = PyDict::new(py);
                d.set_item("code", &s.code)?;
                d.set_item("vocabulary", &s.vocabulary)?;
                d.set_item("percentage", s.percentage)?;
                d.set_item("name", text(&s.name))?;
                Ok(d)
            })
            .collect()
    }

    /// Participating organisations (IATI ``participating-org``) as dicts: ``role``
    /// (IATI OrganisationRole code), ``organisation`` (id or ``None``), ``name``.
    #[getter]
    fn participating<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.inner
            .participating
            .iter()
            .map(|o| {
                let d = PyDict::new(py);
                d.set_item("role", &o.role)?;
                d.set_item("organisation", &o.organisation)?;
                d.set_item("name", text(&o.name))?;
                Ok(d)
            })
            .collect()
    }

    /// Ids of the results-matrix items the project expects to contribute to.
    #[getter]
    fn contributes_to(&self) -> Vec<String> {
        self.inner.contributes_to.clone()
    }

    fn __repr__(&self) -> String {
        format!("<Project id={} title={}>", py_quote(&self.inner.id), py_quote(self.inner.title.show(&self.lang, "en")))
    }
}

/// A budget line (IATI ``budget``): an exact amount in one currency for a period.
#[pyclass(frozen, eq, hash, name = "Budget", module = "kartan")]
#[derive(Debug, PartialEq, Hash)]
pub struct PyBudget {
    pub(crate) inner: kartan::Budget,
}

#[pymethods]
impl PyBudget {
    /// ``"original"`` or ``"revised"`` (a revised line replaces the original for its period).
    #[getter]
    fn kind(&self) -> String {
        tag(&self.inner.kind)
    }

    /// The exact amount.
    #[getter]
    fn amount(&self) -> Decimal {
        self.inner.value.amount
    }

    /// ISO 4217 currency code (``"SEK"``, ``"EUR"``).
    #[getter]
    fn currency(&self) -> &str {
        &self.inner.value.currency
    }

    /// First day of the budget period, or ``None``.
    #[getter]
    fn start(&self) -> Option<NaiveDate> {
        first_day(self.inner.period.start)
    }

    /// Last day of the budget period, or ``None``.
    #[getter]
    fn end(&self) -> Option<NaiveDate> {
        last_day(self.inner.period.end)
    }

    /// True when the budget is only indicative (IATI BudgetStatus 1).
    #[getter]
    fn indicative(&self) -> bool {
        self.inner.indicative
    }

    fn __repr__(&self) -> String {
        format!(
            "<Budget {} {} {}>",
            tag(&self.inner.kind),
            self.inner.value.amount,
            py_quote(&self.inner.value.currency)
        )
    }
}
