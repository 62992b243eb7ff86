//! `kartan.Portfolio`: the root document, its readers and writers, navigation and
//! validation. Long core calls (reading, validating) run with the GIL released.

use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

use crate::analysis;
use crate::convert::{py_quote, tag};
use crate::errors;
use crate::iati;
use crate::learning;
use crate::report;
use crate::table::{Column, PyTable, Rows};
use kartan::analysis::tables::Decimals;

/// The handle on a core portfolio (``kartan::Portfolio``) that ``kartan.Portfolio`` wraps:
/// the document stays in Rust; its parts cross to Python as kartan JSON, which
/// ``kartan.model`` reads into typed values, and edits cross back the same way, read by
/// the core's parser (the same messages, with the JSON pointer, as in Rust and JS).
#[pyclass(eq, name = "PortfolioHandle", module = "kartan._kartan")]
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

    /// The core table `build` makes of the portfolio (with the GIL released), as a
    /// `kartan.Table` with decimals as `decimals` says (`"float"` or `"exact"`).
    fn core_table(
        &self,
        py: Python<'_>,
        decimals: &str,
        build: impl FnOnce(&kartan::Portfolio) -> kartan::analysis::tables::Table + Send,
    ) -> PyResult<PyTable> {
        let decimals = decimals_arg(decimals)?;
        let table = py.detach(|| build(&self.inner));
        PyTable::from_core_with(&table, decimals)
    }
}

#[pymethods]
impl PyPortfolio {
    /// Reads a portfolio from kartan JSON (``str`` or UTF-8 ``bytes``; a BOM is skipped).
    ///
    /// Raises ``kartan.ParseError`` (with ``line``, ``column`` and ``pointer``) when the
    /// text is not well-formed, has a wrong type or an unknown field, or names another
    /// format. The portfolio is not validated: call ``validate()``.
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
    /// document order, each a ``kartan.Diagnostic``; an empty list means it is valid.
    ///
    /// ``as_of`` is the date that checks depending on "today" use (kartan never reads
    /// the clock). With ``strict=True``, raises ``kartan.ValidationError`` carrying all
    /// diagnostics when any of them is an error.
    #[pyo3(signature = (*, as_of, strict = false))]
    fn validate<'py>(&self, py: Python<'py>, as_of: NaiveDate, strict: bool) -> PyResult<Bound<'py, PyList>> {
        let diagnostics = py.detach(|| kartan::analysis::validate(&self.inner, as_of));
        let errors = diagnostics.iter().filter(|d| d.severity == kartan::Severity::Error).count();
        if strict && errors > 0 {
            let first = diagnostics.iter().find(|d| d.severity == kartan::Severity::Error).map(ToString::to_string);
            let message = format!(
                "the portfolio has {errors} error{}: {}",
                if errors == 1 { "" } else { "s" },
                first.unwrap_or_default()
            );
            return Err(errors::validation_error(py, message, &diagnostics));
        }
        crate::answers::diagnostics(py, &diagnostics)
    }

    /// The BCP 47 tag of the language most texts are in (``"sv"``).
    #[getter]
    fn default_language(&self) -> &str {
        self.lang()
    }

    /// One top-level member of the document as kartan JSON: ``"program"``,
    /// ``"organisations"``, ``"projects"``, ``"activities"``, ``"evaluations"``,
    /// ``"reports"``, ``"lessons"`` or ``"factor_assessments"``; with ``id``, the one
    /// entry of that list with the id (``None`` when there is none).
    #[pyo3(signature = (name, id = None))]
    fn part(&self, py: Python<'_>, name: &str, id: Option<&str>) -> PyResult<Option<String>> {
        let p = &self.inner;
        let text = |v: &dyn erased::Json| py.detach(|| v.json());
        Ok(match (name, id) {
            ("program", None) => Some(text(&p.program)),
            ("organisations", None) => Some(text(&p.organisations)),
            ("projects", None) => Some(text(&p.projects)),
            ("activities", None) => Some(text(&p.activities)),
            ("evaluations", None) => Some(text(&p.evaluations)),
            ("reports", None) => Some(text(&p.reports)),
            ("lessons", None) => Some(text(&p.lessons)),
            ("factor_assessments", None) => Some(text(&p.factor_assessments)),
            ("projects", Some(id)) => p.projects.iter().find(|x| x.id == id).map(|x| text(x)),
            ("activities", Some(id)) => p.activities.iter().find(|x| x.id == id).map(|x| text(x)),
            ("evaluations", Some(id)) => p.evaluations.iter().find(|x| x.id == id).map(|x| text(x)),
            ("reports", Some(id)) => p.reports.iter().find(|x| x.id == id).map(|x| text(x)),
            ("lessons", Some(id)) => p.lessons.iter().find(|x| x.id == id).map(|x| text(x)),
            _ => return Err(PyValueError::new_err(format!("no part {} with ids", py_quote(name)))),
        })
    }

    /// Adds (``mode="add"``) or puts (``mode="put"``: replaces the entry with its id, in
    /// its place, or adds it) one entry of the list ``name`` (``"projects"``,
    /// ``"activities"``, ``"evaluations"``, ``"reports"``, ``"lessons"``), given as kartan
    /// JSON, by the core's edit rules (``kartan::model::edit``). ``name="program"`` with
    /// ``mode="put"`` replaces the program.
    ///
    /// Raises ``kartan.ParseError`` (with ``pointer``) when the JSON does not fit the
    /// model, ``ValueError`` (the core's message, naming the id) when adding an id the
    /// list already has.
    fn put(&mut self, py: Python<'_>, name: &str, json: &str, mode: &str) -> PyResult<()> {
        let add = match mode {
            "add" => true,
            "put" => false,
            other => {
                return Err(PyValueError::new_err(format!("mode must be 'add' or 'put', not {}", py_quote(other))))
            }
        };
        let p = &mut self.inner;
        let refused = |e: kartan::EditError| PyValueError::new_err(e.to_string());
        // One arm per list: read the entry by the core's reader, then the core's edit.
        macro_rules! entry {
            ($kind:literal, $add:ident, $put:ident) => {{
                let entry = edit::read(py, json, $kind)?;
                if add {
                    p.$add(entry).map_err(refused)?
                } else {
                    p.$put(entry);
                }
            }};
        }
        match name {
            "program" if !add => p.program = edit::read(py, json, "program")?,
            "projects" => entry!("project", add_project, put_project),
            "activities" => entry!("activity", add_activity, put_activity),
            "evaluations" => entry!("evaluation", add_evaluation, put_evaluation),
            "reports" => entry!("report", add_report, put_report),
            "lessons" => entry!("lesson", add_lesson, put_lesson),
            other => return Err(PyValueError::new_err(format!("cannot {mode} into {}", py_quote(other)))),
        }
        Ok(())
    }

    /// Removes the entry with ``id`` from the list ``name`` (as ``put``) and returns it
    /// as kartan JSON; raises ``KeyError`` when there is none.
    fn remove(&mut self, name: &str, id: &str) -> PyResult<String> {
        let p = &mut self.inner;
        let json = |x: Option<String>| {
            x.ok_or_else(|| PyKeyError::new_err(format!("{name}: no entry with id {}", py_quote(id))))
        };
        let text = |v: &dyn erased::Json| v.json();
        match name {
            "projects" => json(p.remove_project(id).map(|x| text(&x))),
            "activities" => json(p.remove_activity(id).map(|x| text(&x))),
            "evaluations" => json(p.remove_evaluation(id).map(|x| text(&x))),
            "reports" => json(p.remove_report(id).map(|x| text(&x))),
            "lessons" => json(p.remove_lesson(id).map(|x| text(&x))),
            other => Err(PyValueError::new_err(format!("cannot remove from {}", py_quote(other)))),
        }
    }

    /// Records ``actual`` (a period value as kartan JSON) in the period ``start``-``end``
    /// of indicator ``indicator`` by the core's rule (``Portfolio::record_actual``):
    /// appended to that period's actuals, or to a new period with those dates. Raises
    /// ``KeyError`` when no indicator has the id.
    fn record_actual(
        &mut self,
        py: Python<'_>,
        indicator: &str,
        start: NaiveDate,
        end: NaiveDate,
        actual: &str,
    ) -> PyResult<()> {
        let value = edit::read(py, actual, "actual")?;
        self.inner.record_actual(indicator, start, end, value).map_err(|e| PyKeyError::new_err(e.to_string()))
    }

    /// Writes the portfolio as kartan JSON to ``path`` (UTF-8, ending with a newline).
    /// Raises the builtin ``OSError`` subclass when the file cannot be written.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let text = py.detach(|| kartan::io::json::to_string(&self.inner));
        std::fs::write(&path, text).map_err(|e| errors::io_error(&e, &path))
    }

    /// The program's results matrix as displayed: one ``(level label, actors,
    /// experiences, effects)`` tuple per row, texts in ``lang`` (the portfolio's by default).
    #[pyo3(signature = (lang = None))]
    fn matrix_grid(&self, lang: Option<&str>) -> Vec<GridRow> {
        let lang = lang.unwrap_or(self.lang());
        let show = |t: &kartan::Text| t.show(lang, "en").to_owned();
        self.inner
            .program
            .matrix
            .rows
            .iter()
            .map(|row| {
                (
                    row.level.label(lang).to_owned(),
                    row.actors.iter().map(show).collect(),
                    row.experiences.iter().map(|i| show(&i.text)).collect(),
                    row.effects.iter().map(|i| show(&i.text)).collect(),
                )
            })
            .collect()
    }

    /// The matrix items as a ``kartan.Table``: ``level``, ``column``, ``id``, ``text``
    /// (in ``lang``, default the portfolio's language).
    #[pyo3(signature = (lang = None))]
    fn matrix_table(&self, lang: Option<&str>) -> PyResult<PyTable> {
        let lang = lang.unwrap_or(self.lang());
        let (mut level, mut column, mut id, mut body) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (l, c, item) in self.inner.program.matrix.items() {
            level.push(Some(tag(&l)));
            column.push(Some(tag(&c)));
            id.push(Some(item.id.clone()));
            body.push(Some(item.text.show(lang, "en").to_owned()));
        }
        PyTable::new(
            "matrix",
            vec![
                ("level", Column::Text(level)),
                ("column", Column::Text(column)),
                ("id", Column::Text(id)),
                ("text", Column::Text(body)),
            ],
        )
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
        self.core_table(py, decimals, |p| kartan::analysis::tables::projects_table(p, lang))
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
        use kartan::analysis::tables::{visit_period_rows, PERIODS_COLUMNS, PERIODS_TABLE};
        let lang = lang.unwrap_or(self.lang());
        let decimals = decimals_arg(decimals)?;
        // Row by row from the core's rule straight into the Arrow builders: no owned
        // copy of each text (bindings-python/README.md, "Benchmark").
        let rows = py.detach(|| {
            let mut rows = Rows::new(PERIODS_TABLE, PERIODS_COLUMNS);
            visit_period_rows(&self.inner, lang, |cells| rows.push(cells.iter().copied()));
            rows
        });
        rows.finish(decimals)
    }

    /// Planned against realised money, one row per project and currency (see
    /// ``Portfolio.tables.spending`` for the columns): the core's ``spending_table``.
    /// ``decimals="exact"`` gives the amounts as Arrow ``decimal128(38, s)``.
    #[pyo3(signature = (*, decimals = "float"))]
    fn spending_table(&self, py: Python<'_>, decimals: &str) -> PyResult<PyTable> {
        self.core_table(py, decimals, kartan::analysis::tables::spending_table)
    }

    /// The relational tables (the core's ``relational_tables``: projects, results,
    /// indicators, periods, budgets, transactions, diagnostics, activities, answers,
    /// observations, lessons, plans, factor_assessments, planned_disbursements,
    /// recipient_areas, joined by ``project_id``,
    /// ``result_id`` and ``indicator_id``) as a dict of ``kartan.Table``; the same tables
    /// ``kartan convert --to parquet`` writes. ``diagnostics`` holds this portfolio's
    /// ``validate(as_of=...)`` findings when ``as_of`` is given, else none.
    /// ``decimals="exact"`` (the default here) gives Arrow ``decimal128(38, s)``.
    #[pyo3(signature = (lang = None, *, as_of = None, decimals = "exact"))]
    fn relational_tables(
        &self,
        py: Python<'_>,
        lang: Option<&str>,
        as_of: Option<NaiveDate>,
        decimals: &str,
    ) -> PyResult<learning::Tables> {
        let lang = lang.unwrap_or(self.lang());
        let decimals = decimals_arg(decimals)?;
        let tables = py.detach(|| {
            let diagnostics = as_of.map(|d| kartan::analysis::validate(&self.inner, d)).unwrap_or_default();
            kartan::analysis::tables::relational_tables(&self.inner, lang, "portfolio", &diagnostics)
        });
        tables
            .iter()
            .map(|t| {
                let table = match decimals {
                    // exact: the schema of `kartan convert --to parquet` and `scan_iati`,
                    // decimal128(38, 18) in every decimal column
                    Decimals::Exact => {
                        let batch = kartan_arrow::record_batch(t, &kartan_arrow::schema(t))
                            .map_err(|e| crate::errors::KartanError::new_err(format!("{e}; use decimals=\"float\"")))?;
                        PyTable { name: t.name.clone(), batch }
                    }
                    Decimals::Float => PyTable::from_core_with(t, decimals)?,
                };
                Ok((t.name.clone(), table))
            })
            .collect()
    }

    /// Budget, commitments and spending grouped ``by`` ``"project"``, ``"program"``,
    /// ``"focus_area"``, ``"level"``, ``"owner_kind"`` or ``"year"``, one row per group
    /// and currency, or converted with the rate table at the path ``rates`` (see
    /// ``Portfolio.tables.money``): the core's ``kartan::analysis::money::money_table``.
    #[pyo3(signature = (by = "project", *, rates = None, decimals = "float"))]
    fn money_table(&self, py: Python<'_>, by: &str, rates: Option<PathBuf>, decimals: &str) -> PyResult<PyTable> {
        let decimals = decimals_arg(decimals)?;
        crate::money::table(py, &self.inner, by, rates, decimals)
    }

    /// The learning report (DESIGN.md "The learning report", sections 1-9) as text:
    /// ``format`` is ``"html"`` (one self-contained page that opens offline),
    /// ``"md"`` (Markdown) or ``"json"`` (the report's document model). ``lang`` is the
    /// report's language, ``"sv"`` or ``"en"`` as the command's ``--lang`` (another
    /// raises ``ValueError``); by default the portfolio's (``"sv"``, or English headings
    /// for anything else); ``as_of`` is the date the report describes;
    /// ``charts=False`` leaves the Vega-Lite charts out (their data stays in tables).
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
            Some(lang) => kartan::learning_report::language(lang)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?,
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
    /// ``map_items`` (the matrix items with their evidence and verdict),
    /// ``map_indicators`` (each item's linked indicators with their progress as of
    /// ``as_of``, a fraction), ``map_plans`` (the planned activities, held or not) and
    /// ``map_unexpected`` (what happened that was not on the map).
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

    /// A learning analysis as its ``kartan.answers`` class: ``"profile"``
    /// (``LearningProfile``), ``"cycle"`` (``LearningCycle``), ``"map_vs_reality"``
    /// (``MapReality``) and ``"activities"`` (``ActivitySummary``) as of ``as_of``,
    /// ``"survey"`` (``Survey`` of ``evaluation``, with the trend of ``trend``).
    #[pyo3(signature = (name, *, as_of = None, evaluation = None, trend = None))]
    fn learning_answer<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        as_of: Option<NaiveDate>,
        evaluation: Option<&str>,
        trend: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        learning::answer(py, &self.inner, name, as_of, evaluation, trend)
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
    /// ``kartan.answers.IndicatorValues`` (period actuals and targets, life-of-program
    /// figures).
    ///
    /// Raises ``kartan.AnalysisError`` for an unknown indicator or one with no measure.
    fn period_values<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        analysis::period_values(py, &self.inner, id)
    }

    /// Progress of indicator ``id`` as of ``as_of`` (DESIGN.md rule 3): a
    /// ``kartan.answers.IndicatorProgress`` whose ``progress`` is a
    /// ``ProgressFraction`` (``.value`` a fraction: 0.5 = half-way from baseline to
    /// target; negative = a regression) or says why there is none (``.kind``).
    /// ``band`` is the on-track tolerance, a fraction (default 0.15, i.e. ± 15 %): a
    /// ``Decimal``, a float or a string, read strictly (``"abc"``, ``inf`` and ``nan``
    /// raise ``ValueError`` naming ``band`` and the value).
    ///
    /// Raises ``kartan.AnalysisError`` for an unknown or non-quantitative indicator.
    #[pyo3(signature = (id, *, as_of, band = None))]
    fn progress<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        as_of: NaiveDate,
        band: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        analysis::progress(py, &self.inner, id, as_of, band)
    }

    /// The progress of every indicator as a ``kartan.Table``: ``project``,
    /// ``indicator``, ``indicator_title``, ``measure``, ``direction``, ``baseline``,
    /// ``target``, ``target_source``, ``actual``, ``progress`` (a fraction),
    /// ``progress_kind``, ``expected`` (a fraction), ``status``, ``band``, and ``note``
    /// (why there is no progress, e.g. a qualitative indicator): the core's
    /// ``progress_table``. ``decimals="exact"`` gives the figures as Arrow
    /// ``decimal128(38, s)`` instead of ``float64``.
    #[pyo3(signature = (*, as_of, band = None, lang = None, decimals = "float"))]
    fn progress_table(
        &self,
        py: Python<'_>,
        as_of: NaiveDate,
        band: Option<&Bound<'_, PyAny>>,
        lang: Option<&str>,
        decimals: &str,
    ) -> PyResult<PyTable> {
        let decimals = decimals_arg(decimals)?;
        analysis::progress_table(py, &self.inner, as_of, band, lang.unwrap_or(self.lang()), decimals)
    }

    /// Rolls indicator ``id`` up from its contributors into program ``periods``:
    /// ``"yearly"`` (default), ``"half_yearly"``, ``"quarterly"``, ``"monthly"`` or a
    /// list of ``(start, end)`` dates. Percentages pool numerators and denominators
    /// (DESIGN.md rule 1); targets aggregate like actuals (rule 4).
    ///
    /// Raises ``kartan.AnalysisError`` (unknown indicator, missing contributor, cycle,
    /// mixed measures or cumulation, invalid periods).
    #[pyo3(signature = (id, *, periods = None))]
    fn rollup<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        periods: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
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

    fn __repr__(&self) -> String {
        format!("<PortfolioHandle program={} projects={}>", py_quote(&self.inner.program.id), self.inner.projects.len())
    }
}

/// One displayed matrix row: level label, actors, experiences, effects.
type GridRow = (String, Vec<String>, Vec<String>, Vec<String>);

/// A value written as compact kartan JSON, whatever its type (so `part` can hand any
/// member to one closure).
mod erased {
    pub(crate) trait Json: Sync {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize + Sync> Json for T {
        fn json(&self) -> String {
            // Serialising the model cannot fail: every key is a string, no value a float.
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

/// Edits of the portfolio's lists by id.
mod edit {
    use pyo3::prelude::*;
    use serde::de::DeserializeOwned;

    use crate::errors::{parse_error, Place};

    /// Reads `json` as one part of the model (`name`: `project`, `activity` …) by the
    /// core's reader (`kartan::io::json::part_from_str`). The error is the core's message
    /// without the line and column of text the user never wrote, after the part's name,
    /// with the JSON pointer relative to the part — the same as JS:
    /// `project: at /title: invalid type: …`.
    pub(crate) fn read<T: DeserializeOwned>(py: Python<'_>, json: &str, name: &str) -> PyResult<T> {
        kartan::io::json::part_from_str(json).map_err(|e| {
            let pointer = match &e {
                kartan::io::json::JsonError::Data { pointer, .. } => Some(pointer.as_str()),
                _ => None,
            };
            parse_error(py, format!("{name}: {}", e.message_at_pointer()), Place { pointer, ..Place::default() })
        })
    }
}

/// Reads the `decimals` argument of the table methods: `"float"` or `"exact"`.
fn decimals_arg(decimals: &str) -> PyResult<Decimals> {
    match decimals {
        "float" => Ok(Decimals::Float),
        "exact" => Ok(Decimals::Exact),
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
/// programmet" — embedded in kartan (``kartan::embedded::seed``): purpose, target
/// groups, focus areas, the results matrix with three levels, the learning model.
/// It has no projects (the source names none).
///
/// >>> p = kartan.seed()
/// >>> p
/// <Portfolio program='PLRT' projects=0>
/// >>> p.program.title.best("en")
/// 'Program for local and regional growth work'
/// >>> [level for level, _, _, _ in p.matrix.grid("en")]
/// ['National level', 'Regional level', 'Local level']
#[pyfunction]
pub fn seed() -> PyPortfolio {
    PyPortfolio { inner: kartan::embedded::seed() }
}

/// The illustrative example program, embedded in kartan (``kartan::embedded::example``):
/// the seed program taken up with 30 invented projects (both focus areas, all three
/// levels, budgets and spending), indicators of every measure over 2009–2011, the 14
/// project-leader meetings with their evaluation answers, interim and final reports,
/// lessons and learning-factor assessments, so that every table, chart and report
/// section has something to show. Its figures are invented, and it says so: the
/// program's subtitle, shown under the title of every report made from it, reads
/// "Illustrativt exempel: projekt, mätvärden och svar är påhittade" and "Illustrative
/// example: projects, figures and answers are invented".
///
/// >>> p = kartan.example()
/// >>> p
/// <Portfolio program='PLRT' projects=30>
/// >>> "Illustrative example" in p.program.subtitle.best("en")
/// True
/// >>> [d for d in p.validate(as_of=datetime.date(2012, 6, 30)) if d.severity == "error"]
/// []
#[pyfunction]
pub fn example() -> PyPortfolio {
    PyPortfolio { inner: kartan::embedded::example() }
}

/// Reads a portfolio from a table of projects (CSV, TSV, XLSX, ODS or JSON records) and
/// its mapping file (TOML or JSON) that says which column is what; returns
/// ``(Portfolio, report)`` where the report is a ``kartan.answers.TableImportReport``
/// (rows read and imported, rows and cells skipped with the reason and place).
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
/// report (``kartan.answers.TableImportReport``). Blank and "not applicable" answers
/// are missing, never 0
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
