//! The learning analyses (`kartan::analysis::{learning, map_reality, survey, breakdown,
//! activities}`) and the table import (`kartan::io::table`). Every analysis comes out
//! as a `kartan.Table` converted from the core's typed table; nothing is computed here.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use kartan::analysis::{activities, breakdown, learning, map_reality, survey};
use kartan::io::table::{MappingError, TableError};
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;

use crate::answers;
use crate::convert::py_quote;
use crate::errors::{self, Place};
use crate::table::PyTable;

/// Tables by name.
pub(crate) type Tables = BTreeMap<String, PyTable>;

fn tables(list: Vec<kartan::analysis::tables::Table>) -> PyResult<Tables> {
    list.iter().map(|t| Ok((t.name.clone(), PyTable::from_core(t)?))).collect()
}

/// The learning-factor profile across projects, one row per factor.
pub(crate) fn profile(py: Python<'_>, p: &kartan::Portfolio, lang: &str) -> PyResult<PyTable> {
    let t = py.detach(|| learning::profile_table(&learning::learning_profile(p), lang));
    PyTable::from_core(&t)
}

/// The learning cycle: lessons by phase, and where they were applied.
pub(crate) fn cycle(py: Python<'_>, p: &kartan::Portfolio, lang: &str) -> PyResult<PyTable> {
    let t = py.detach(|| learning::cycle_table(&learning::learning_cycle(p), lang));
    PyTable::from_core(&t)
}

/// The lessons, one row each.
pub(crate) fn lessons(py: Python<'_>, p: &kartan::Portfolio, lang: &str) -> PyResult<PyTable> {
    let t = py.detach(|| learning::lessons_table(p, lang));
    PyTable::from_core(&t)
}

/// Map versus reality as of a date: items, their linked indicators with progress, plans
/// and unexpected results.
pub(crate) fn map_vs_reality(py: Python<'_>, p: &kartan::Portfolio, as_of: NaiveDate, lang: &str) -> PyResult<Tables> {
    let list = py.detach(|| {
        let m = map_reality::map_vs_reality(p, as_of);
        vec![
            map_reality::items_table(&m, lang),
            map_reality::indicators_table(&m),
            map_reality::plans_table(&m, lang),
            map_reality::unexpected_table(&m, lang),
        ]
    });
    tables(list)
}

/// The evaluation `id` (the first when `None`), or `KeyError` with the core's message.
fn evaluation<'a>(p: &'a kartan::Portfolio, id: Option<&str>) -> PyResult<&'a kartan::Evaluation> {
    survey::pick(&p.evaluations, id).map_err(|e| PyKeyError::new_err(e.to_string()))
}

/// Survey statistics of one evaluation (the first when `id` is `None`).
pub(crate) fn survey(py: Python<'_>, p: &kartan::Portfolio, id: Option<&str>, lang: &str) -> PyResult<Tables> {
    let evaluation = evaluation(p, id)?;
    let list = py.detach(|| {
        let stats = survey::question_stats(evaluation);
        let events = survey::by_event(evaluation, &p.activities);
        vec![survey::questions_table(&stats, lang), survey::distribution_table(&stats), survey::events_table(&events)]
    });
    tables(list)
}

/// A learning analysis as its class of `kartan.answers` (generated from the answers
/// schema, so every field is the core's): `"profile"` → `LearningProfile`, `"cycle"` →
/// `LearningCycle`, `"map_vs_reality"` → `MapReality` and `"activities"` →
/// `ActivitySummary` (these two as of `as_of`), `"survey"` → `Survey` (of the evaluation
/// `evaluation`, the first when `None`; with the trend of the question `trend`).
///
/// Raises `ValueError` for another name or a missing `as_of`, `KeyError` for an unknown
/// evaluation.
pub(crate) fn answer<'py>(
    py: Python<'py>,
    p: &kartan::Portfolio,
    name: &str,
    as_of: Option<NaiveDate>,
    evaluation_id: Option<&str>,
    trend: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = || as_of.ok_or_else(|| PyValueError::new_err(format!("{name} needs as_of")));
    match name {
        "profile" => answers::answer(py, "LearningProfile", &py.detach(|| learning::learning_profile(p))),
        "cycle" => answers::answer(py, "LearningCycle", &py.detach(|| learning::learning_cycle(p))),
        "map_vs_reality" => {
            let as_of = as_of()?;
            answers::answer(py, "MapReality", &py.detach(|| map_reality::map_vs_reality(p, as_of)))
        }
        "activities" => {
            let as_of = as_of()?;
            answers::answer(py, "ActivitySummary", &py.detach(|| activities::activity_summary(p, as_of)))
        }
        "survey" => {
            let e = evaluation(p, evaluation_id)?;
            answers::answer(py, "Survey", &py.detach(|| survey::survey(e, &p.activities, trend)))
        }
        _ => Err(PyValueError::new_err(format!("no learning analysis named {}", py_quote(name)))),
    }
}

/// Projects grouped by `by`: `"status"` (as of `as_of`), `"region"`, `"focus_area"`,
/// `"owner_kind"`, or a classification scheme.
pub(crate) fn breakdown(
    py: Python<'_>,
    p: &kartan::Portfolio,
    by: &str,
    as_of: Option<NaiveDate>,
) -> PyResult<PyTable> {
    let b = py
        .detach(|| breakdown::breakdown(p, by, as_of))
        .map_err(|e| errors::analysis_error(py, e.to_string(), e.code()))?;
    PyTable::from_core(&breakdown::breakdown_table(&b))
}

/// Activities as of a date: by kind, and participation by level.
pub(crate) fn activities(py: Python<'_>, p: &kartan::Portfolio, as_of: NaiveDate, lang: &str) -> PyResult<Tables> {
    let list = py.detach(|| {
        let s = activities::activity_summary(p, as_of);
        vec![activities::by_kind_table(&s, lang), activities::participation_table(&s)]
    });
    tables(list)
}

/// The Python exception for a table import error: `ParseError` naming the file (the
/// mapping's, for a mapping error) and, where known, the row (as `line`); `OSError`
/// subclasses for I/O.
pub(crate) fn table_error(py: Python<'_>, error: &TableError) -> PyErr {
    let message = error.to_string();
    match error {
        TableError::Io { file, source } | TableError::Mapping(MappingError::Io { file, source }) => {
            errors::io_error(source, std::path::Path::new(file))
        }
        TableError::Mapping(MappingError::Syntax { file, .. } | MappingError::Invalid { file, .. }) => {
            errors::parse_error(py, message, Place { filename: Some(std::path::Path::new(file)), ..Place::default() })
        }
        TableError::Cell { place, .. } => {
            let path = PathBuf::from(&place.file);
            let line = place.line.and_then(|l| usize::try_from(l).ok()).or(Some(place.row));
            errors::parse_error(py, message, Place { filename: Some(&path), line, ..Place::default() })
        }
        _ => errors::parse_error(py, message, Place::default()),
    }
}

/// Reads a portfolio from a table of projects (CSV, TSV, XLSX, ODS or JSON records) and
/// its mapping file (TOML or JSON); returns the portfolio and the import report, a
/// `kartan.answers.TableImportReport` (rows read, imported, skipped with the reason and
/// place).
pub(crate) fn import_table(
    py: Python<'_>,
    table: PathBuf,
    mapping: PathBuf,
) -> PyResult<(kartan::Portfolio, Bound<'_, PyAny>)> {
    let (portfolio, report) =
        py.detach(|| kartan::io::table::load_portfolio(&table, &mapping)).map_err(|e| table_error(py, &e))?;
    Ok((portfolio, crate::answers::answer(py, "TableImportReport", &report)?))
}

/// Survey statistics straight from a table of responses and its survey mapping: the
/// tables of `survey` (questions, distribution, events) plus, when `trend` names a
/// question, its trend over events; and the import report, a
/// `kartan.answers.TableImportReport`.
pub(crate) fn load_survey<'py>(
    py: Python<'py>,
    table: PathBuf,
    mapping: PathBuf,
    lang: &str,
    trend: Option<&str>,
) -> PyResult<(Tables, Bound<'py, PyAny>)> {
    let (evaluation, report) =
        py.detach(|| kartan::io::table::load_evaluation(&table, &mapping)).map_err(|e| table_error(py, &e))?;
    let list = py.detach(|| {
        let stats = survey::question_stats(&evaluation);
        let events = survey::by_event(&evaluation, &[]);
        let mut list = vec![
            survey::questions_table(&stats, lang),
            survey::distribution_table(&stats),
            survey::events_table(&events),
        ];
        if let Some(question) = trend {
            list.push(survey::trend_table(&survey::trend(&evaluation, &[], question)));
        }
        list
    });
    Ok((tables(list)?, crate::answers::answer(py, "TableImportReport", &report)?))
}
