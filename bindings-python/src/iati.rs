//! IATI 2.03 activity XML (`kartan::io::iati`): import with the report of what was read,
//! skipped and not modelled (DESIGN.md rule 8).

use std::path::{Path, PathBuf};

use kartan::io::iati::{IatiImportReport, ImportError, ImportOptions};
use kartan::Measure;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert::py_quote;
use crate::errors::{self, Place};
use crate::portfolio::PyPortfolio;

/// Reads `default_measure`: a measure tag (`"unit"`, `"percentage"` …) or `None`.
fn measure_arg(tag: Option<&str>) -> PyResult<Option<Measure>> {
    let Some(tag) = tag else { return Ok(None) };
    serde_json::from_value(serde_json::Value::String(tag.to_owned())).map(Some).map_err(|_| {
        PyValueError::new_err(format!(
            "default_measure must be 'unit', 'percentage', 'nominal', 'ordinal' or 'qualitative', not {}",
            py_quote(tag)
        ))
    })
}

/// `file:line:column` at the end of a diagnostic path, split.
fn split_location(path: &str) -> (Option<usize>, Option<usize>) {
    let mut parts = path.rsplitn(3, ':');
    let column = parts.next().and_then(|c| c.parse().ok());
    let line = parts.next().and_then(|l| l.parse().ok());
    match (line, column) {
        (Some(l), Some(c)) => (Some(l), Some(c)),
        _ => (None, None),
    }
}

/// The Python exception for an IATI import error; `path` is the file, when there is one.
pub(crate) fn import_error(py: Python<'_>, error: &ImportError, path: Option<&Path>) -> PyErr {
    let message = error.to_string();
    let to_usize = |n: u64| usize::try_from(n).ok();
    match error {
        ImportError::Io { path, source } => errors::io_error(source, path),
        ImportError::Xml { location, .. } | ImportError::NotIati { location, .. } => errors::parse_error(
            py,
            message,
            Place { filename: path, line: to_usize(location.line), column: to_usize(location.column), pointer: None },
        ),
        ImportError::Invalid { diagnostic } => {
            let (line, column) = split_location(&diagnostic.path);
            errors::parse_error(py, message, Place { filename: path, line, column, pointer: None })
        }
        _ => errors::parse_error(py, message, Place { filename: path, ..Place::default() }),
    }
}

/// Imports from a path or from bytes.
fn import(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    strict: bool,
    default_measure: Option<&str>,
) -> PyResult<(kartan::Portfolio, IatiImportReport)> {
    let options = ImportOptions::new().strict(strict).default_measure(measure_arg(default_measure)?);
    if let Ok(bytes) = source.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        return py.detach(|| kartan::io::iati::from_slice(bytes, &options)).map_err(|e| import_error(py, &e, None));
    }
    let path: PathBuf = source.extract()?;
    py.detach(|| kartan::io::iati::from_path(&path, &options)).map_err(|e| import_error(py, &e, Some(&path)))
}

/// Imports an IATI activities file (a path, or the XML as ``bytes``) and returns the
/// portfolio with the import report: ``(Portfolio, kartan.answers.IatiImportReport)``,
/// what was read, skipped, carried verbatim without being modelled (an export writes it
/// back) and lost (DESIGN.md rule 8: nothing is lost silently).
///
/// >>> _, report = kartan.import_iati(b'<iati-activities version="2.03"><iati-activity>'
/// ...     b'<iati-identifier>XM-1</iati-identifier><capital-spend percentage="10"/></iati-activity></iati-activities>')
/// >>> report
/// <IatiImportReport version='2.03' imported=1 skipped=0 diagnostics=0>
/// >>> [(n.path, n.count, n.first.line, n.first.column) for n in report.carried]
/// [('iati-activity/capital-spend', 1, 1, 87)]
/// >>> report.not_modelled
/// ()
///
/// Lenient by default: an activity with an error is skipped and reported; with
/// ``strict=True`` the first error raises ``kartan.ParseError``. Indicators without
/// ``@measure`` keep an unknown measure unless ``default_measure`` names one.
/// Raises ``kartan.ParseError`` (``filename``, ``line``, ``column``) for input that is
/// not well-formed XML or has no ``<iati-activities>`` root, and the builtin
/// ``OSError`` subclasses for I/O.
#[pyfunction]
#[pyo3(signature = (source, *, strict = false, default_measure = None))]
pub fn import_iati<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    strict: bool,
    default_measure: Option<&str>,
) -> PyResult<(PyPortfolio, Bound<'py, PyAny>)> {
    let (portfolio, report) = import(py, source, strict, default_measure)?;
    Ok((PyPortfolio { inner: portfolio }, crate::answers::answer(py, "IatiImportReport", &report)?))
}

/// The portfolio of an IATI file, without the report (see ``import_iati``); a
/// ``UserWarning`` when the import skipped something, as ``kartan.load`` gives.
pub(crate) fn from_iati(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    strict: bool,
    default_measure: Option<&str>,
) -> PyResult<kartan::Portfolio> {
    let (portfolio, report) = import(py, source, strict, default_measure)?;
    let name = match source.cast::<PyBytes>() {
        Ok(_) => None,
        Err(_) => source.extract::<PathBuf>().ok().map(|p| p.display().to_string()),
    };
    warn_skipped(py, name.as_deref(), &report)?;
    Ok(portfolio)
}

/// A ``UserWarning`` when an IATI import left something out (an activity skipped, or the
/// reading stopped early): how many activities, the first error and its place
/// (DESIGN.md rule 8). `name` is the file, when there is one. ``kartan.load`` and
/// ``Portfolio.from_iati`` give the same warning.
pub(crate) fn warn_skipped(py: Python<'_>, name: Option<&str>, report: &IatiImportReport) -> PyResult<()> {
    let Some(first) = report.errors().next() else { return Ok(()) };
    let skipped = report.activities_skipped;
    let errors = report.errors().count();
    // Worded for what happened: a bad date drops the date and keeps the activity.
    let what = match skipped {
        0 => format!("left out values with {errors} error{}", if errors == 1 { "" } else { "s" }),
        1 => "skipped 1 activity".to_owned(),
        n => format!("skipped {n} activities"),
    };
    let message = format!(
        "{}the IATI import {what} ({}: {}); kartan.import_iati gives the whole import report",
        name.map(|n| format!("{n}: ")).unwrap_or_default(),
        first.path,
        first.message
    );
    let category = py.get_type::<pyo3::exceptions::PyUserWarning>();
    PyErr::warn(py, &category, &std::ffi::CString::new(message.replace('\0', " "))?, 1)
}
