//! `kartan.Portfolio`: the root document, its readers and writers, navigation and
//! validation. Long core calls (reading, validating) run with the GIL released.

use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::analysis;
use crate::convert::py_quote;
use crate::diagnostic::{wrap, PyDiagnostic};
use crate::errors::{self, KartanError};
use crate::iati;
use crate::learning;
use crate::matrix::PyResultsMatrix;
use crate::model::{PyProgram, PyProject};
use crate::report;
use crate::results::PyIndicator;
use crate::table::PyTable;
use crate::tables;

/// A portfolio: one program plus everything recorded about it (projects, activities,
/// evaluations, reports, lessons).
///
/// Read one with ``kartan.load(path)`` (format detected from the content) or
/// ``Portfolio.from_json(text)``; write it with ``to_json()``. ``len(p)`` is the number
/// of projects and iterating yields the projects. Two portfolios are equal when their
/// content is; a portfolio pickles through its kartan JSON.
///
/// >>> p = kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "sv", '
/// ...     '"program": {"id": "P", "title": {"sv": "Lärande"}}, '
/// ...     '"projects": [{"id": "A", "title": {"sv": "Ett"}}, {"id": "B", "title": {"sv": "Två"}}]}')
/// >>> p
/// <Portfolio program='P' projects=2>
/// >>> len(p), [x.id for x in p]
/// (2, ['A', 'B'])
/// >>> import pickle
/// >>> pickle.loads(pickle.dumps(p)) == p
/// True
#[pyclass(frozen, eq, name = "Portfolio", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyPortfolio {
    pub(crate) inner: kartan::Portfolio,
}

/// Portfolios with at least this many projects are freed on a background thread: freeing
/// a 200 MB IATI import takes about half a second, which the caller need not wait for.
const FREE_IN_BACKGROUND: usize = 1000;

impl Drop for PyPortfolio {
    fn drop(&mut self) {
        if self.inner.projects.len() >= FREE_IN_BACKGROUND {
            let empty = kartan::Portfolio::new(String::new(), kartan::Program::new(String::new(), kartan::Text::new()));
            let inner = std::mem::replace(&mut self.inner, empty);
            // Only Rust memory is freed there; if the thread cannot start, the closure (and
            // with it the portfolio) is dropped here instead.
            let _ = std::thread::Builder::new().name("kartan-free".into()).spawn(move || drop(inner));
        }
    }
}

impl PyPortfolio {
    fn lang(&self) -> &str {
        &self.inner.default_language
    }

    fn project_wrapper(&self, project: &kartan::Project) -> PyProject {
        PyProject { inner: project.clone(), lang: self.lang().to_owned() }
    }
}

#[pymethods]
impl PyPortfolio {
    /// Reads a portfolio from kartan JSON (``str`` or UTF-8 ``bytes``; a BOM is skipped).
    ///
    /// Raises ``kartan.ParseError`` (with ``line``, ``column`` and ``pointer``) when the
    /// text is not well-formed, has a wrong type or an unknown field, or names another
    /// format. The portfolio is not validated: call ``validate()``.
    ///
    /// >>> kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "sv", "program": {"id": 7}}')
    /// Traceback (most recent call last):
    /// kartan.ParseError: 1:69: at /program/id: invalid type: integer `7`, expected a string
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let result = if let Ok(s) = text.cast::<PyString>() {
            let s = s.to_cow()?;
            py.detach(|| kartan::io::json::from_str(&s))
        } else if let Ok(b) = text.cast::<PyBytes>() {
            let b = b.as_bytes();
            py.detach(|| kartan::io::json::from_slice(b))
        } else {
            return Err(PyTypeError::new_err(format!(
                "from_json() takes str or bytes, not {}",
                text.get_type().name()?
            )));
        };
        result.map(|inner| Self { inner }).map_err(|e| errors::json_error(py, &e, e.to_string(), None))
    }

    /// Imports an IATI 2.03 activities file (a path, or the XML as ``bytes``); see
    /// ``kartan.import_iati`` for the options, the errors and the import report.
    ///
    /// >>> p = kartan.Portfolio.from_iati(b'<iati-activities version="2.03"><iati-activity>'
    /// ...     b'<iati-identifier>XM-1</iati-identifier></iati-activity></iati-activities>')
    /// >>> [x.id for x in p]
    /// ['XM-1']
    #[staticmethod]
    #[pyo3(signature = (source, *, strict = false, default_measure = None))]
    fn from_iati(
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        strict: bool,
        default_measure: Option<&str>,
    ) -> PyResult<Self> {
        iati::from_iati(py, source, strict, default_measure).map(|inner| Self { inner })
    }

    /// The portfolio as pretty-printed kartan JSON (exact decimals are strings).
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| kartan::io::json::to_string(&self.inner))
    }

    /// Checks the portfolio and returns every diagnostic (errors, warnings, infos) in
    /// document order; an empty list means it is valid.
    ///
    /// ``as_of`` is the date that checks depending on "today" use (kartan never reads
    /// the clock). With ``strict=True``, raises ``kartan.ValidationError`` carrying all
    /// diagnostics when any of them is an error.
    #[pyo3(signature = (*, as_of, strict = false))]
    fn validate(&self, py: Python<'_>, as_of: NaiveDate, strict: bool) -> PyResult<Vec<PyDiagnostic>> {
        let diagnostics = py.detach(|| kartan::analysis::validate(&self.inner, as_of));
        let errors = diagnostics.iter().filter(|d| d.severity == kartan::Severity::Error).count();
        if strict && errors > 0 {
            let first = diagnostics.iter().find(|d| d.severity == kartan::Severity::Error).map(ToString::to_string);
            let message = format!(
                "the portfolio has {errors} error{}: {}",
                if errors == 1 { "" } else { "s" },
                first.unwrap_or_default()
            );
            return Err(errors::validation_error(py, message, wrap(diagnostics)));
        }
        Ok(wrap(diagnostics))
    }

    /// The BCP 47 tag of the language most texts are in (``"sv"``).
    #[getter]
    fn default_language(&self) -> &str {
        self.lang()
    }

    /// The program.
    #[getter]
    fn program(&self) -> PyProgram {
        PyProgram { inner: self.inner.program.clone(), lang: self.lang().to_owned() }
    }

    /// The program's results matrix ("the map").
    #[getter]
    fn matrix(&self) -> PyResultsMatrix {
        PyResultsMatrix { inner: self.inner.program.matrix.clone(), lang: self.lang().to_owned() }
    }

    /// The projects, in document order.
    #[getter]
    fn projects(&self) -> Vec<PyProject> {
        self.inner.projects.iter().map(|p| self.project_wrapper(p)).collect()
    }

    /// The project with ``id``; raises ``KeyError`` when there is none.
    fn project(&self, id: &str) -> PyResult<PyProject> {
        self.inner
            .project(id)
            .map(|p| self.project_wrapper(p))
            .ok_or_else(|| PyKeyError::new_err(format!("no project with id {}", py_quote(id))))
    }

    /// Every indicator: the program's first, then each project's.
    #[getter]
    fn indicators(&self) -> Vec<PyIndicator> {
        self.inner
            .indicators()
            .map(|(project, i)| PyIndicator {
                inner: i.clone(),
                project: project.map(str::to_owned),
                lang: self.lang().to_owned(),
            })
            .collect()
    }

    /// The indicator with ``id``, wherever it is; raises ``KeyError`` when there is none.
    fn indicator(&self, id: &str) -> PyResult<PyIndicator> {
        self.inner
            .indicators()
            .find(|(_, i)| i.id == id)
            .map(|(project, i)| PyIndicator {
                inner: i.clone(),
                project: project.map(str::to_owned),
                lang: self.lang().to_owned(),
            })
            .ok_or_else(|| PyKeyError::new_err(format!("no indicator with id {}", py_quote(id))))
    }

    /// How many of each kind of record the portfolio holds, as a dict
    /// (``projects``, ``organisations``, ``activities``, ``results``, ``indicators``,
    /// ``periods``, ``evaluations``, ``reports``, ``lessons``, ``factor_assessments``).
    #[getter]
    fn counts(&self) -> Vec<(&'static str, usize)> {
        let p = &self.inner;
        let results = p.program.results.len() + p.projects.iter().map(|x| x.results.len()).sum::<usize>();
        vec![
            ("projects", p.projects.len()),
            ("organisations", p.organisations.len()),
            ("activities", p.activities.len()),
            ("results", results),
            ("indicators", p.indicators().count()),
            ("periods", p.indicators().map(|(_, i)| i.periods.len()).sum()),
            ("evaluations", p.evaluations.len()),
            ("reports", p.reports.len()),
            ("lessons", p.lessons.len()),
            ("factor_assessments", p.factor_assessments.len()),
        ]
    }

    /// The projects as a ``kartan.Table``, one row each: ``id``, ``title`` (in ``lang``,
    /// default the portfolio's language), ``status``, ``owner``, ``focus_area``,
    /// ``parent``, ``planned_start``/``planned_end``/``actual_start``/``actual_end``
    /// (dates; a partial start is its first day, a partial end its last), ``levels`` and
    /// ``regions`` (comma-separated), ``budget`` (float64 sum of the effective budget
    /// lines, only when they share one ``currency``), ``currency``, ``results``,
    /// ``indicators`` (counts).
    ///
    /// ``decimals="exact"`` gives ``budget`` as Arrow ``decimal128(38, s)`` (exact;
    /// ``decimal.Decimal`` in pandas, ``Decimal`` in polars) instead of ``float64``.
    #[pyo3(signature = (lang = None, *, decimals = "float"))]
    fn projects_table(&self, py: Python<'_>, lang: Option<&str>, decimals: &str) -> PyResult<PyTable> {
        let lang = lang.unwrap_or(self.lang());
        let decimals = decimals_arg(decimals)?;
        let columns = py.detach(|| tables::projects(&self.inner, lang, decimals)).map_err(KartanError::new_err)?;
        PyTable::new("projects", columns)
    }

    /// The indicator periods as a ``kartan.Table``: one row per period and
    /// disaggregation, the target and actual with the same dimensions side by side.
    ///
    /// Columns: ``project`` (``None`` for the program's own indicators), ``result``,
    /// ``result_type``, ``indicator``, ``indicator_title``, ``measure``,
    /// ``cumulation``, ``unit``, ``period_start``, ``period_end`` (dates),
    /// ``dimensions`` (``"sex=female; age=18-24"``, ``None`` for the total),
    /// ``target``, ``actual`` (float64; for a percentage, the percent),
    /// ``target_text``, ``actual_text`` (qualitative values), and
    /// ``target_numerator``, ``target_denominator``, ``actual_numerator``,
    /// ``actual_denominator``. A period with no value still has one row.
    ///
    /// ``decimals="exact"`` gives the numbers as Arrow ``decimal128(38, s)`` (``s`` the
    /// largest scale in the column) instead of ``float64``.
    #[pyo3(signature = (lang = None, *, decimals = "float"))]
    fn periods_table(&self, py: Python<'_>, lang: Option<&str>, decimals: &str) -> PyResult<PyTable> {
        let lang = lang.unwrap_or(self.lang());
        let decimals = decimals_arg(decimals)?;
        let columns = py.detach(|| tables::periods(&self.inner, lang, decimals)).map_err(KartanError::new_err)?;
        PyTable::new("periods", columns)
    }

    /// The learning report (DESIGN.md "The learning report", sections 1-9) as text:
    /// ``format`` is ``"html"`` (one self-contained page that opens offline),
    /// ``"md"`` (Markdown) or ``"json"`` (the report's document model). ``lang`` is the
    /// report's language, ``"sv"`` or ``"en"`` as the command's ``--lang`` (another
    /// raises ``ValueError``); by default the portfolio's (``"sv"``, or English headings
    /// for anything else); ``as_of`` is the date the report describes;
    /// ``charts=False`` leaves the Vega-Lite charts out (their data stays in tables).
    ///
    /// >>> md = kartan.seed().report("md", lang="en", as_of=datetime.date(2013, 12, 31))
    /// >>> md.splitlines()[0]
    /// '# Learning report: Program for local and regional growth work'
    #[pyo3(signature = (format = "html", *, as_of, lang = None, charts = true))]
    fn report(
        &self,
        py: Python<'_>,
        format: &str,
        as_of: NaiveDate,
        lang: Option<&str>,
        charts: bool,
    ) -> PyResult<String> {
        // An explicit language must be one the report is written in (the command's
        // `--lang`); without one, the portfolio's own language picks the texts.
        let lang = match lang {
            Some(lang) => {
                kartan::report::language(lang).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?
            }
            None => self.lang(),
        };
        report::render(py, &self.inner, format, lang, as_of, charts)
    }

    /// The learning-factor profile across projects as a ``kartan.Table`` (one row per
    /// factor: counts per assessment and the distribution).
    #[pyo3(signature = (lang = None))]
    fn learning_profile(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<PyTable> {
        learning::profile(py, &self.inner, lang.unwrap_or(self.lang()))
    }

    /// The learning cycle as a ``kartan.Table``: lessons by phase and where applied.
    #[pyo3(signature = (lang = None))]
    fn learning_cycle(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<PyTable> {
        learning::cycle(py, &self.inner, lang.unwrap_or(self.lang()))
    }

    /// The lessons as a ``kartan.Table``, one row each.
    #[pyo3(signature = (lang = None))]
    fn lessons_table(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<PyTable> {
        learning::lessons(py, &self.inner, lang.unwrap_or(self.lang()))
    }

    /// Did the map match reality as of ``as_of``? A dict of ``kartan.Table`` by name:
    /// the matrix items with their evidence and verdict, the planned activities (held
    /// or not), and what happened that was not on the map.
    #[pyo3(signature = (*, as_of, lang = None))]
    fn map_vs_reality(&self, py: Python<'_>, as_of: NaiveDate, lang: Option<&str>) -> PyResult<learning::Tables> {
        learning::map_vs_reality(py, &self.inner, as_of, lang.unwrap_or(self.lang()))
    }

    /// Survey statistics of the evaluation ``evaluation`` (the first when ``None``): a
    /// dict of ``kartan.Table`` by name — per question n / mean / median / sd /
    /// top-two box, the answer distribution, and the figures per event. "Not
    /// applicable" and blank answers are missing, never 0 (DESIGN.md rule 9).
    #[pyo3(signature = (evaluation = None, *, lang = None))]
    fn survey(&self, py: Python<'_>, evaluation: Option<&str>, lang: Option<&str>) -> PyResult<learning::Tables> {
        learning::survey(py, &self.inner, evaluation, lang.unwrap_or(self.lang()))
    }

    /// Projects grouped by ``by`` as a ``kartan.Table`` (count and budget per group):
    /// ``"status"`` (needs ``as_of``), ``"region"``, ``"focus_area"``,
    /// ``"owner_kind"``, or a classification scheme a project uses (``"priority_axis"`` …).
    /// Raises ``kartan.AnalysisError`` (``code`` ``"unknown_dimension"``, the message
    /// naming the schemes there are) for anything else, and for ``"status"`` without
    /// ``as_of`` (``"needs_as_of"``).
    #[pyo3(signature = (by, *, as_of = None))]
    fn breakdown(&self, py: Python<'_>, by: &str, as_of: Option<NaiveDate>) -> PyResult<PyTable> {
        learning::breakdown(py, &self.inner, by, as_of)
    }

    /// What was done as of ``as_of``: a dict of ``kartan.Table`` — activities by kind
    /// (planned, held) and participation by level.
    #[pyo3(signature = (*, as_of, lang = None))]
    fn activities(&self, py: Python<'_>, as_of: NaiveDate, lang: Option<&str>) -> PyResult<learning::Tables> {
        learning::activities(py, &self.inner, as_of, lang.unwrap_or(self.lang()))
    }

    /// The values of indicator ``id`` as the results engine computes them: a
    /// ``kartan.PeriodValues`` (period actuals and targets, life-of-program figures).
    ///
    /// Raises ``kartan.AnalysisError`` for an unknown indicator or one with no measure.
    fn period_values(&self, py: Python<'_>, id: &str) -> PyResult<analysis::PyPeriodValues> {
        analysis::period_values(py, &self.inner, id)
    }

    /// Progress of indicator ``id`` as of ``as_of`` (DESIGN.md rule 3): a
    /// ``kartan.Progress`` whose ``progress`` is a fraction (0.5 = half-way from baseline
    /// to target; negative = a regression) or ``None`` with ``progress_kind`` saying why.
    /// ``band`` is the on-track tolerance, a fraction (default 0.15, i.e. ± 15 %): a
    /// ``Decimal``, a float or a string, read strictly (``"abc"``, ``inf`` and ``nan``
    /// raise ``ValueError`` naming ``band`` and the value).
    ///
    /// Raises ``kartan.AnalysisError`` for an unknown or non-quantitative indicator.
    #[pyo3(signature = (id, *, as_of, band = None))]
    fn progress(
        &self,
        py: Python<'_>,
        id: &str,
        as_of: NaiveDate,
        band: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<analysis::PyProgress> {
        analysis::progress(py, &self.inner, id, as_of, band)
    }

    /// The progress of every indicator as a ``kartan.Table``: ``project``,
    /// ``indicator``, ``indicator_title``, ``measure``, ``direction``, ``baseline``,
    /// ``target``, ``target_source``, ``actual``, ``progress`` (a fraction),
    /// ``progress_kind``, ``expected`` (a fraction), ``status``, ``band``, and ``note``
    /// (why there is no progress, e.g. a qualitative indicator).
    #[pyo3(signature = (*, as_of, band = None, lang = None))]
    fn progress_table(
        &self,
        py: Python<'_>,
        as_of: NaiveDate,
        band: Option<&Bound<'_, PyAny>>,
        lang: Option<&str>,
    ) -> PyResult<PyTable> {
        analysis::progress_table(py, &self.inner, as_of, band, lang.unwrap_or(self.lang()))
    }

    /// Rolls indicator ``id`` up from its contributors into program ``periods``:
    /// ``"yearly"`` (default), ``"half_yearly"``, ``"quarterly"``, ``"monthly"`` or a
    /// list of ``(start, end)`` dates. Percentages pool numerators and denominators
    /// (DESIGN.md rule 1); targets aggregate like actuals (rule 4).
    ///
    /// Raises ``kartan.AnalysisError`` (unknown indicator, missing contributor, cycle,
    /// mixed measures or cumulation, invalid periods).
    #[pyo3(signature = (id, *, periods = None))]
    fn rollup(&self, py: Python<'_>, id: &str, periods: Option<&Bound<'_, PyAny>>) -> PyResult<analysis::PyRollup> {
        let periods = match periods {
            Some(p) => analysis::periods_arg(p)?,
            None => kartan::analysis::results::Periods::Yearly,
        };
        analysis::rollup(py, &self.inner, id, &periods)
    }

    /// The Vega-Lite v6 specification (a dict) of indicator ``id``'s chart: actuals and
    /// targets per period, the baseline as a rule. Data are inline.
    fn chart_spec<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        analysis::chart_spec(py, &self.inner, id)
    }

    /// Indicator ``id``'s chart: an ``altair.Chart`` when Altair is installed, else a
    /// ``kartan.Chart`` that Jupyter shows as Vega-Lite; the spec is ``chart_spec(id)``.
    fn chart<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let spec = analysis::chart_spec(py, &self.inner, id)?;
        py.import("kartan._charts")?.call_method1("chart", (spec,))
    }

    fn __len__(&self) -> usize {
        self.inner.projects.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        pyo3::types::PyList::new(py, self.projects())?.into_any().try_iter().map(Bound::into_any)
    }

    fn __repr__(&self) -> String {
        format!("<Portfolio program={} projects={}>", py_quote(&self.inner.program.id), self.inner.projects.len())
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("kartan._repr")?.call_method1("portfolio_html", (slf,))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = kartan::io::json::to_string(&slf.get().inner);
        Ok((slf.get_type().getattr("from_json")?, (json,)))
    }
}

/// Reads the `decimals` argument of the table methods: `"float"` or `"exact"`.
fn decimals_arg(decimals: &str) -> PyResult<tables::Decimals> {
    match decimals {
        "float" => Ok(tables::Decimals::Float),
        "exact" => Ok(tables::Decimals::Exact),
        other => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "decimals must be 'float' or 'exact', not {}",
            py_quote(other)
        ))),
    }
}

/// Loads a portfolio from a file, detecting the format from the content: kartan JSON
/// (``{``) or IATI activity XML (``<``, imported leniently; ``kartan.import_iati`` gives
/// the import report too). When the IATI import skipped activities (an error in them,
/// or a file cut short) or left out a value (a bad date), a ``UserWarning`` says so and why.
///
/// Raises ``FileNotFoundError`` / ``PermissionError`` / ``IsADirectoryError`` for I/O,
/// ``kartan.ParseError`` (``filename``, ``line``, ``column``, ``pointer``) for content
/// that cannot be read, ``kartan.KartanError`` for a format this build does not read.
///
/// >>> kartan.load("no/such/file.json")
/// Traceback (most recent call last):
/// FileNotFoundError: [Errno 2] No such file or directory (os error 2): 'no/such/file.json'
#[pyfunction]
pub fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyPortfolio> {
    let loaded = py.detach(|| kartan::io::load_with_report(&path)).map_err(|e| errors::load_error(py, &e))?;
    if let Some(report) = &loaded.import {
        iati::warn_skipped(py, Some(&path.display().to_string()), report)?;
    }
    Ok(PyPortfolio { inner: loaded.portfolio })
}

/// The seed program — *Program för lokalt och regionalt tillväxtarbete*, "Lärande i
/// programmet" — embedded in kartan (``kartan::examples::seed``): purpose, target
/// groups, focus areas, the results matrix with three levels, the learning model.
/// It has no projects (the source names none).
///
/// >>> p = kartan.seed()
/// >>> p
/// <Portfolio program='PLRT' projects=0>
/// >>> p.program.title["en"]
/// 'Program for local and regional growth work'
/// >>> [level for level, _, _, _ in p.matrix.grid("en")]
/// ['National level', 'Regional level', 'Local level']
#[pyfunction]
pub fn seed() -> PyPortfolio {
    PyPortfolio { inner: kartan::examples::seed() }
}

/// Reads a portfolio from a table of projects (CSV, TSV, XLSX, ODS or JSON records) and
/// its mapping file (TOML or JSON) that says which column is what; returns
/// ``(Portfolio, report)`` where the report is a dict (rows read and imported, rows and
/// cells skipped with the reason and place).
///
/// Raises ``kartan.ParseError`` naming the file and row for an unreadable table, a
/// mapping that names a missing column, or a bad cell in a strict mapping.
#[pyfunction]
pub fn import_table<'py>(
    py: Python<'py>,
    table: PathBuf,
    mapping: PathBuf,
) -> PyResult<(PyPortfolio, Bound<'py, PyAny>)> {
    learning::import_table(py, table, mapping).map(|(inner, report)| (PyPortfolio { inner }, report))
}

/// Survey statistics from a table of responses (CSV, XLSX …) and its survey mapping
/// (TOML or JSON: the scales, the questions, reverse-coded items, what counts as "not
/// applicable"). Returns ``(tables, report)``: a dict of ``kartan.Table`` (per question
/// n / mean / median / sd / top-two box; the answer distribution; figures per event;
/// with ``trend="<question>"`` also that question's trend over events), and the import
/// report as a dict. Blank and "not applicable" answers are missing, never 0
/// (DESIGN.md rule 9).
#[pyfunction]
#[pyo3(signature = (table, mapping, *, lang = "en", trend = None))]
pub fn load_survey<'py>(
    py: Python<'py>,
    table: PathBuf,
    mapping: PathBuf,
    lang: &str,
    trend: Option<&str>,
) -> PyResult<(learning::Tables, Bound<'py, PyAny>)> {
    learning::load_survey(py, table, mapping, lang, trend)
}
