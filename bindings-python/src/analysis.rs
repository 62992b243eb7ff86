//! The results engine (`kartan::analysis::results`): progress, roll-up and the
//! indicator chart. Every number is computed by the core; results cross as owned
//! snapshots, tables as `kartan.Table`, and the full structure as a dict through the
//! core's own JSON form (`to_dict()`).

use chrono::NaiveDate;
use kartan::analysis::results::{
    Band, Figure, IndicatorProgress, IndicatorValues, Periods, Progress, ResultsError, ResultsIndex, Rollup,
};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use crate::convert::{py_quote, tag, tag_opt};
use crate::diagnostic::{wrap, PyDiagnostic};
use crate::errors;
use crate::table::{Column, PyTable};

/// A progress period: start, end, actual, target, progress kind, fraction.
type ProgressRow = (NaiveDate, NaiveDate, Option<Decimal>, Option<Decimal>, String, Option<Decimal>);
/// A roll-up period: start, end, actual, target, target source, contributions.
type RollupRow = (NaiveDate, NaiveDate, Option<Figure>, Option<Figure>, Option<String>, usize);
/// A contribution: period start and end, indicator, project, actual, target, carried forward.
type ContributionRow = (NaiveDate, NaiveDate, String, Option<String>, Option<Figure>, Option<Figure>, bool);
/// A period of period values: start, end, actual, carried forward, target.
type ValuesRow = (NaiveDate, NaiveDate, Option<Figure>, bool, Option<Figure>);

/// `"fraction"`, `"no_target"`, `"no_baseline"`, `"no_actual"` or `"undefined"`, and
/// the fraction when there is one.
fn progress_parts(p: &Progress) -> (String, Option<Decimal>) {
    (tag_kind(p), p.fraction())
}

fn tag_kind(p: &Progress) -> String {
    match serde_json::to_value(p) {
        Ok(serde_json::Value::Object(map)) => map.get("kind").and_then(|k| k.as_str()).unwrap_or("").to_owned(),
        _ => String::new(),
    }
}

fn f64_of(d: Option<Decimal>) -> Option<f64> {
    use rust_decimal::prelude::ToPrimitive;
    d.and_then(|d| d.to_f64())
}

/// A `dict` from the core's JSON form of a value (decimals as strings, dates ISO).
fn to_py_dict<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// Progress of one indicator as of a date (DESIGN.md rule 3), from
/// ``portfolio.progress(id, as_of=...)``.
///
/// ``progress`` and ``expected`` are **fractions** (``Decimal('0.5')`` is half-way from
/// baseline to target, negative a regression); ``progress`` is ``None`` when
/// ``progress_kind`` says why (``"no_target"``, ``"no_baseline"``, ``"no_actual"``,
/// ``"undefined"``). ``status`` is ``"on_track"``, ``"behind"``, ``"ahead"`` or
/// ``"no_data"`` against the band (a fraction, default 0.15).
#[pyclass(frozen, name = "Progress", module = "kartan")]
#[derive(Debug)]
pub struct PyProgress {
    indicator: String,
    project: Option<String>,
    as_of: NaiveDate,
    direction: String,
    baseline: Option<Decimal>,
    target: Option<Decimal>,
    target_source: Option<String>,
    actual: Option<Decimal>,
    progress: Option<Decimal>,
    progress_kind: String,
    expected: Option<Decimal>,
    status: String,
    band: Decimal,
    periods: Vec<ProgressRow>,
    json: String,
}

impl PyProgress {
    fn from_core(p: &IndicatorProgress<'_>) -> Self {
        let (progress_kind, progress) = progress_parts(&p.progress);
        Self {
            indicator: p.indicator.to_owned(),
            project: p.project.map(str::to_owned),
            as_of: p.as_of,
            direction: tag(&p.direction),
            baseline: p.baseline,
            target: p.target,
            target_source: tag_opt(p.target_source.as_ref()),
            actual: p.actual,
            progress,
            progress_kind,
            expected: p.expected,
            status: tag(&p.status),
            band: p.band,
            periods: p
                .periods
                .iter()
                .map(|q| {
                    let (kind, fraction) = progress_parts(&q.progress);
                    (q.start, q.end, q.actual, q.target, kind, fraction)
                })
                .collect(),
            json: serde_json::to_string(p).unwrap_or_default(),
        }
    }
}

#[pymethods]
impl PyProgress {
    /// The indicator's id.
    #[getter]
    fn indicator(&self) -> &str {
        &self.indicator
    }
    /// The owning project's id; ``None`` for a program indicator.
    #[getter]
    fn project(&self) -> Option<&str> {
        self.project.as_deref()
    }
    /// The date the progress is measured at.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.as_of
    }
    /// ``"ascending"`` or ``"descending"``.
    #[getter]
    fn direction(&self) -> &str {
        &self.direction
    }
    /// The baseline value, if any.
    #[getter]
    fn baseline(&self) -> Option<Decimal> {
        self.baseline
    }
    /// The life-of-program target used, if any.
    #[getter]
    fn target(&self) -> Option<Decimal> {
        self.target
    }
    /// Where the target comes from: ``"stated"``, ``"periods"``, ``"contributors"``.
    #[getter]
    fn target_source(&self) -> Option<&str> {
        self.target_source.as_deref()
    }
    /// The life-of-program actual as of ``as_of``, if any.
    #[getter]
    fn actual(&self) -> Option<Decimal> {
        self.actual
    }
    /// Progress as a fraction, or ``None`` (see ``progress_kind``).
    #[getter]
    fn progress(&self) -> Option<Decimal> {
        self.progress
    }
    /// ``"fraction"`` or why there is none.
    #[getter]
    fn progress_kind(&self) -> &str {
        &self.progress_kind
    }
    /// Expected progress at ``as_of`` (a fraction), if the plan says.
    #[getter]
    fn expected(&self) -> Option<Decimal> {
        self.expected
    }
    /// ``"on_track"``, ``"behind"``, ``"ahead"`` or ``"no_data"``.
    #[getter]
    fn status(&self) -> &str {
        &self.status
    }
    /// The on-track band's tolerance (a fraction).
    #[getter]
    fn band(&self) -> Decimal {
        self.band
    }
    /// Progress per period as a ``kartan.Table``: ``start``, ``end``, ``actual``,
    /// ``target`` (float64), ``progress_kind``, ``progress`` (a fraction, float64).
    fn periods_table(&self) -> PyResult<PyTable> {
        let p = &self.periods;
        PyTable::new(
            "progress_periods",
            vec![
                ("start", Column::Date(p.iter().map(|r| Some(r.0)).collect())),
                ("end", Column::Date(p.iter().map(|r| Some(r.1)).collect())),
                ("actual", Column::Float(p.iter().map(|r| f64_of(r.2)).collect())),
                ("target", Column::Float(p.iter().map(|r| f64_of(r.3)).collect())),
                ("progress_kind", Column::Text(p.iter().map(|r| Some(r.4.clone())).collect())),
                ("progress", Column::Float(p.iter().map(|r| f64_of(r.5)).collect())),
            ],
        )
    }
    /// The core's JSON form as a dict (decimals are strings, dates ISO 8601).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.json)
    }
    fn __repr__(&self) -> String {
        let progress = self.progress.map_or_else(|| self.progress_kind.clone(), |p| p.to_string());
        format!(
            "<Progress indicator={} progress={} status={}>",
            py_quote(&self.indicator),
            progress,
            py_quote(&self.status)
        )
    }
}

/// A program roll-up of one indicator from its contributors into program periods
/// (DESIGN.md rules 1, 2, 4, 5, 6), from ``portfolio.rollup(id, periods=...)``.
///
/// ``periods_table()`` has one row per program period; ``contributions_table()`` one
/// row per contributor and period; ``life`` is the life-of-program figures; percentages
/// pool numerators and denominators (the ``value`` is a percent).
#[pyclass(frozen, name = "Rollup", module = "kartan")]
#[derive(Debug)]
pub struct PyRollup {
    indicator: String,
    measure: String,
    cumulation: String,
    periods: Vec<RollupRow>,
    contributions: Vec<ContributionRow>,
    diagnostics: Vec<kartan::Diagnostic>,
    json: String,
}

impl PyRollup {
    fn from_core(r: &Rollup<'_>) -> Self {
        let mut contributions = Vec::new();
        for p in &r.periods {
            for c in &p.contributions {
                contributions.push((
                    p.start,
                    p.end,
                    c.indicator.to_owned(),
                    c.project.map(str::to_owned),
                    c.actual,
                    c.target,
                    c.carried_forward,
                ));
            }
        }
        Self {
            indicator: r.indicator.to_owned(),
            measure: tag(&r.measure),
            cumulation: tag(&r.cumulation),
            periods: r
                .periods
                .iter()
                .map(|p| (p.start, p.end, p.actual, p.target, tag_opt(p.target_source.as_ref()), p.contributions.len()))
                .collect(),
            contributions,
            diagnostics: r.diagnostics.clone(),
            json: serde_json::to_string(r).unwrap_or_default(),
        }
    }
}

fn figure_columns(
    prefix: &'static [&'static str; 3],
    figures: impl Iterator<Item = Option<Figure>> + Clone,
) -> Vec<(&'static str, Column)> {
    vec![
        (prefix[0], Column::Float(figures.clone().map(|f| f64_of(f.and_then(|f| f.value))).collect())),
        (prefix[1], Column::Float(figures.clone().map(|f| f64_of(f.and_then(|f| f.numerator))).collect())),
        (prefix[2], Column::Float(figures.map(|f| f64_of(f.and_then(|f| f.denominator))).collect())),
    ]
}

#[pymethods]
impl PyRollup {
    /// The program indicator's id.
    #[getter]
    fn indicator(&self) -> &str {
        &self.indicator
    }
    /// The measure of the roll-up.
    #[getter]
    fn measure(&self) -> &str {
        &self.measure
    }
    /// The cumulation mode the arithmetic used.
    #[getter]
    fn cumulation(&self) -> &str {
        &self.cumulation
    }
    /// Warnings and infos of the roll-up (straddling periods, mismatched breakdowns …).
    #[getter]
    fn diagnostics(&self) -> Vec<PyDiagnostic> {
        wrap(self.diagnostics.clone())
    }
    /// One row per program period: ``start``, ``end``, ``actual`` (+ ``_numerator`` /
    /// ``_denominator``), ``target`` (+ counts), ``target_source``, ``contributions``.
    fn periods_table(&self) -> PyResult<PyTable> {
        let p = &self.periods;
        let mut cols = vec![
            ("start", Column::Date(p.iter().map(|r| Some(r.0)).collect())),
            ("end", Column::Date(p.iter().map(|r| Some(r.1)).collect())),
        ];
        cols.extend(figure_columns(&["actual", "actual_numerator", "actual_denominator"], p.iter().map(|r| r.2)));
        cols.extend(figure_columns(&["target", "target_numerator", "target_denominator"], p.iter().map(|r| r.3)));
        cols.push(("target_source", Column::Text(p.iter().map(|r| r.4.clone()).collect())));
        cols.push(("contributions", Column::Int(p.iter().map(|r| i64::try_from(r.5).ok()).collect())));
        PyTable::new("rollup", cols)
    }
    /// One row per contributor and program period: ``start``, ``end``, ``indicator``,
    /// ``project``, ``actual`` (+ counts), ``target`` (+ counts), ``carried_forward``
    /// (1 when a cumulative value was carried into a period with no report).
    fn contributions_table(&self) -> PyResult<PyTable> {
        let c = &self.contributions;
        let mut cols = vec![
            ("start", Column::Date(c.iter().map(|r| Some(r.0)).collect())),
            ("end", Column::Date(c.iter().map(|r| Some(r.1)).collect())),
            ("indicator", Column::Text(c.iter().map(|r| Some(r.2.clone())).collect())),
            ("project", Column::Text(c.iter().map(|r| r.3.clone()).collect())),
        ];
        cols.extend(figure_columns(&["actual", "actual_numerator", "actual_denominator"], c.iter().map(|r| r.4)));
        cols.extend(figure_columns(&["target", "target_numerator", "target_denominator"], c.iter().map(|r| r.5)));
        cols.push(("carried_forward", Column::Int(c.iter().map(|r| Some(i64::from(r.6))).collect())));
        PyTable::new("contributions", cols)
    }
    /// The core's JSON form as a dict (decimals are strings, dates ISO 8601).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.json)
    }
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let table = Bound::new(slf.py(), slf.get().periods_table()?)?;
        slf.py().import("kartan._repr")?.call_method1("table_html", (table,))
    }
    fn __repr__(&self) -> String {
        format!(
            "<Rollup indicator={} measure={} periods={}>",
            py_quote(&self.indicator),
            py_quote(&self.measure),
            self.periods.len()
        )
    }
}

/// The Python exception for a results-engine error: `kartan.AnalysisError` with the
/// core's stable `code` (`"unknown_indicator"`, `"mixed_measures"` …).
pub(crate) fn results_error(py: Python<'_>, e: &ResultsError) -> PyErr {
    errors::analysis_error(py, e.to_string(), e.code())
}

/// The values of one indicator as the results engine computes them (DESIGN.md rules 1,
/// 2, 4, 5, 6), from ``portfolio.period_values(id)``: per period the actual and
/// target (percentages with their counts, cumulative values carried forward), and the
/// life-of-program figures.
#[pyclass(frozen, name = "PeriodValues", module = "kartan")]
#[derive(Debug)]
pub struct PyPeriodValues {
    indicator: String,
    project: Option<String>,
    measure: String,
    cumulation: String,
    periods: Vec<ValuesRow>,
    diagnostics: Vec<kartan::Diagnostic>,
    json: String,
}

impl PyPeriodValues {
    fn from_core(v: &IndicatorValues<'_>) -> Self {
        Self {
            indicator: v.indicator.to_owned(),
            project: v.project.map(str::to_owned),
            measure: tag(&v.measure),
            cumulation: tag(&v.cumulation),
            periods: v.periods.iter().map(|p| (p.start, p.end, p.actual, p.carried_forward, p.target)).collect(),
            diagnostics: v.diagnostics.clone(),
            json: serde_json::to_string(v).unwrap_or_default(),
        }
    }
}

#[pymethods]
impl PyPeriodValues {
    /// The indicator's id.
    #[getter]
    fn indicator(&self) -> &str {
        &self.indicator
    }
    /// The owning project's id; ``None`` for a program indicator.
    #[getter]
    fn project(&self) -> Option<&str> {
        self.project.as_deref()
    }
    /// The measure.
    #[getter]
    fn measure(&self) -> &str {
        &self.measure
    }
    /// The cumulation mode the arithmetic used (percentages are always latest-value).
    #[getter]
    fn cumulation(&self) -> &str {
        &self.cumulation
    }
    /// Warnings: ambiguous latest values, disaggregations that do not add up.
    #[getter]
    fn diagnostics(&self) -> Vec<PyDiagnostic> {
        wrap(self.diagnostics.clone())
    }
    /// One row per period in business order: ``start``, ``end``, ``actual`` (+
    /// ``_numerator`` / ``_denominator``), ``carried_forward`` (1/0), ``target`` (+ counts).
    fn periods_table(&self) -> PyResult<PyTable> {
        let p = &self.periods;
        let mut cols = vec![
            ("start", Column::Date(p.iter().map(|r| Some(r.0)).collect())),
            ("end", Column::Date(p.iter().map(|r| Some(r.1)).collect())),
        ];
        cols.extend(figure_columns(&["actual", "actual_numerator", "actual_denominator"], p.iter().map(|r| r.2)));
        cols.push(("carried_forward", Column::Int(p.iter().map(|r| Some(i64::from(r.3))).collect())));
        cols.extend(figure_columns(&["target", "target_numerator", "target_denominator"], p.iter().map(|r| r.4)));
        PyTable::new("period_values", cols)
    }
    /// The core's JSON form as a dict (decimals are strings, dates ISO 8601).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.json)
    }
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let table = Bound::new(slf.py(), slf.get().periods_table()?)?;
        slf.py().import("kartan._repr")?.call_method1("table_html", (table,))
    }
    fn __repr__(&self) -> String {
        format!(
            "<PeriodValues indicator={} measure={} periods={}>",
            py_quote(&self.indicator),
            py_quote(&self.measure),
            self.periods.len()
        )
    }
}

/// The period values of indicator `id` (see `Portfolio.period_values`).
pub(crate) fn period_values(py: Python<'_>, portfolio: &kartan::Portfolio, id: &str) -> PyResult<PyPeriodValues> {
    py.detach(|| ResultsIndex::new(portfolio).indicator(id)?.values().map(|v| PyPeriodValues::from_core(&v)))
        .map_err(|e| results_error(py, &e))
}

/// Reads `periods`: `"yearly"`, `"half_yearly"`, `"quarterly"`, `"monthly"` or a list of
/// `(start, end)` date pairs.
pub(crate) fn periods_arg(periods: &Bound<'_, PyAny>) -> PyResult<Periods> {
    if let Ok(name) = periods.extract::<String>() {
        // The core's message, as in JS.
        return Periods::named(&name).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()));
    }
    let spans: Vec<(NaiveDate, NaiveDate)> = periods.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(
            "periods must be a name such as 'yearly' or a list of (start, end) dates",
        )
    })?;
    Ok(Periods::Explicit(spans))
}

/// The on-track band given from Python (`band=`): a `Decimal`, a float, an int or a
/// string, read by the core's strict number parser (DESIGN.md rule 7), so that
/// `"abc"`, `inf` or `nan` are refused with the parameter and the value named, as in JS
/// (`band: invalid number "abc": …`); the default band when `None`.
pub(crate) fn band_arg(py: Python<'_>, band: Option<&Bound<'_, PyAny>>) -> PyResult<Band> {
    let Some(band) = band.filter(|b| !b.is_none()) else { return Ok(Band::default()) };
    let text = match band.cast::<pyo3::types::PyString>() {
        Ok(s) => s.to_cow()?.into_owned(),
        Err(_) => band.str()?.to_cow()?.into_owned(),
    };
    let value =
        kartan::parse_decimal(&text).map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("band: {e}")))?;
    Band::new(value).map_err(|e| results_error(py, &e))
}

/// Progress of indicator `id` (see `Portfolio.progress`).
pub(crate) fn progress(
    py: Python<'_>,
    portfolio: &kartan::Portfolio,
    id: &str,
    as_of: NaiveDate,
    band: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyProgress> {
    let band = band_arg(py, band)?;
    py.detach(|| {
        let index = ResultsIndex::new(portfolio);
        index.indicator(id)?.band(band).progress(as_of).map(|p| PyProgress::from_core(&p))
    })
    .map_err(|e| results_error(py, &e))
}

/// The progress of every indicator as columns (see `Portfolio.progress_table`).
pub(crate) fn progress_table(
    py: Python<'_>,
    portfolio: &kartan::Portfolio,
    as_of: NaiveDate,
    band: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<PyTable> {
    let band = band_arg(py, band)?;
    let columns = py.detach(|| {
        let index = ResultsIndex::new(portfolio);
        let mut text: [Vec<Option<String>>; 9] = Default::default();
        let mut nums: [Vec<Option<f64>>; 6] = Default::default();
        for (project, indicator) in portfolio.indicators() {
            let result = index.indicator_of(indicator).and_then(|q| q.band(band).progress(as_of));
            let (p, note) = match &result {
                Ok(p) => (Some(p), None),
                Err(e) => (None, Some(e.to_string())),
            };
            let row_text = [
                project.map(str::to_owned),
                Some(indicator.id.clone()),
                Some(indicator.title.show(lang, "en").to_owned()),
                indicator.measure.as_ref().map(tag),
                p.and_then(|p| tag_opt(p.target_source.as_ref())),
                p.map(|p| tag_kind(&p.progress)),
                p.map(|p| tag(&p.status)),
                Some(tag(&indicator.direction)),
                note,
            ];
            for (col, v) in text.iter_mut().zip(row_text) {
                col.push(v);
            }
            let row_nums = [
                p.and_then(|p| p.baseline),
                p.and_then(|p| p.target),
                p.and_then(|p| p.actual),
                p.and_then(|p| p.progress.fraction()),
                p.and_then(|p| p.expected),
                p.map(|p| p.band),
            ];
            for (col, v) in nums.iter_mut().zip(row_nums) {
                col.push(f64_of(v));
            }
        }
        let [project, indicator, title, measure, target_source, progress_kind, status, direction, note] = text;
        let [baseline, target, actual, progress, expected, band] = nums;
        vec![
            ("project", Column::Text(project)),
            ("indicator", Column::Text(indicator)),
            ("indicator_title", Column::Text(title)),
            ("measure", Column::Text(measure)),
            ("direction", Column::Text(direction)),
            ("baseline", Column::Float(baseline)),
            ("target", Column::Float(target)),
            ("target_source", Column::Text(target_source)),
            ("actual", Column::Float(actual)),
            ("progress", Column::Float(progress)),
            ("progress_kind", Column::Text(progress_kind)),
            ("expected", Column::Float(expected)),
            ("status", Column::Text(status)),
            ("band", Column::Float(band)),
            ("note", Column::Text(note)),
        ]
    });
    PyTable::new("progress", columns)
}

/// The roll-up of indicator `id` (see `Portfolio.rollup`).
pub(crate) fn rollup(py: Python<'_>, portfolio: &kartan::Portfolio, id: &str, periods: &Periods) -> PyResult<PyRollup> {
    py.detach(|| ResultsIndex::new(portfolio).indicator(id)?.rollup(periods).map(|r| PyRollup::from_core(&r)))
        .map_err(|e| results_error(py, &e))
}

/// The Vega-Lite v6 chart spec of indicator `id`, as a dict.
pub(crate) fn chart_spec<'py>(py: Python<'py>, portfolio: &kartan::Portfolio, id: &str) -> PyResult<Bound<'py, PyAny>> {
    let spec = py
        .detach(|| ResultsIndex::new(portfolio).indicator(id)?.chart().map(|v| v.to_string()))
        .map_err(|e| results_error(py, &e))?;
    to_py_dict(py, &spec)
}
