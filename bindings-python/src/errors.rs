//! The exceptions of the `kartan` package, and how core errors map onto them.
//!
//! - `kartan.KartanError(Exception)`: the base of every kartan error.
//! - `kartan.ParseError(KartanError, ValueError)`: input that cannot be read; carries
//!   `filename`, `line`, `column` (1-based) and `pointer` (a JSON pointer), each `None`
//!   when unknown.
//! - `kartan.ValidationError(KartanError, ValueError)`: a portfolio with error
//!   diagnostics; carries `diagnostics` (a list of `kartan.Diagnostic`).
//! - `kartan.AnalysisError(KartanError, ValueError)`: an analysis that cannot be done
//!   (unknown indicator, contributor cycle, mixed measures in a roll-up …).
//! - I/O errors are the builtin `FileNotFoundError`, `PermissionError`,
//!   `IsADirectoryError` or `OSError`, with `errno` and `filename` set (as polars does).
//!
//! `ParseError` and `ValidationError` derive from two bases, which `create_exception!`
//! cannot express, so they are made once per interpreter with `type(name, bases, ns)`.

use std::path::Path;

use kartan::io::json::JsonError;
use kartan::io::LoadError;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

pyo3::create_exception!(
    kartan,
    KartanError,
    PyException,
    "Base class of every error kartan raises (I/O errors are the builtin OSError subclasses)."
);

static PARSE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ANALYSIS_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

const PARSE_DOC: &str = "Input that kartan cannot read: bad syntax, a wrong type, an unknown field, \
a number that is not a strict decimal, an unrecognised format.

Attributes: ``filename`` (str or None), ``line`` and ``column`` (1-based int or None),
``pointer`` (JSON pointer of the offending value, or None). ``str(err)`` names the place:
``portfolio.json:4:12: at /program/id: invalid type: integer `7`, expected a string``.";

const ANALYSIS_DOC: &str = "An analysis that cannot be done on this portfolio: an unknown indicator, a \
contributor that is missing or forms a cycle, measures or cumulation modes mixed in a roll-up, \
an indicator with no measure, invalid program periods. The message names the place (a JSON pointer);\n``code`` is the core's stable code (``\"unknown_indicator\"``, ``\"mixed_measures\"`` …).";

const VALIDATION_DOC: &str = "A portfolio that has error diagnostics where a valid one is required.

Attribute ``diagnostics``: every diagnostic found (a list of ``kartan.Diagnostic``).";

fn make_type<'py>(py: Python<'py>, name: &str, doc: &str, attrs: &[&str]) -> PyResult<Py<PyType>> {
    let bases = PyTuple::new(
        py,
        [py.get_type::<KartanError>().into_any(), py.get_type::<pyo3::exceptions::PyValueError>().into_any()],
    )?;
    let ns = PyDict::new(py);
    ns.set_item("__module__", "kartan")?;
    ns.set_item("__doc__", doc)?;
    for attr in attrs {
        ns.set_item(*attr, py.None())?;
    }
    let ty = py.get_type::<PyType>().call1((name, bases, ns))?;
    Ok(ty.cast_into::<PyType>()?.unbind())
}

/// `kartan.ParseError`.
pub(crate) fn parse_error_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    PARSE_ERROR
        .get_or_try_init(py, || make_type(py, "ParseError", PARSE_DOC, &["filename", "line", "column", "pointer"]))
        .map(|t| t.bind(py))
}

/// `kartan.ValidationError`.
pub(crate) fn validation_error_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    VALIDATION_ERROR.get_or_try_init(py, || make_type(py, "ValidationError", VALIDATION_DOC, &[])).map(|t| t.bind(py))
}

/// `kartan.AnalysisError`.
pub(crate) fn analysis_error_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    ANALYSIS_ERROR.get_or_try_init(py, || make_type(py, "AnalysisError", ANALYSIS_DOC, &["code"])).map(|t| t.bind(py))
}

/// A `kartan.AnalysisError` with `message` and the core's stable `code`.
pub(crate) fn analysis_error(py: Python<'_>, message: String, code: &str) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let err = analysis_error_type(py)?.call1((message.clone(),))?;
        err.setattr("code", code)?;
        Ok(PyErr::from_value(err))
    };
    build().unwrap_or_else(|e| e)
}

/// Adds the exception types to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("KartanError", py.get_type::<KartanError>())?;
    m.add("ParseError", parse_error_type(py)?)?;
    m.add("ValidationError", validation_error_type(py)?)?;
    m.add("AnalysisError", analysis_error_type(py)?)?;
    Ok(())
}

/// Where a parse error is.
#[derive(Debug, Default)]
pub(crate) struct Place<'a> {
    pub filename: Option<&'a Path>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub pointer: Option<&'a str>,
}

/// A `kartan.ParseError` with `message` (the full text, place included) and its place.
pub(crate) fn parse_error(py: Python<'_>, message: String, place: Place<'_>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let err = parse_error_type(py)?.call1((message.clone(),))?;
        err.setattr("filename", place.filename.map(|p| p.to_string_lossy().into_owned()))?;
        err.setattr("line", place.line)?;
        err.setattr("column", place.column)?;
        err.setattr("pointer", place.pointer)?;
        Ok(PyErr::from_value(err))
    };
    build().unwrap_or_else(|e| e)
}

/// A `kartan.ValidationError` carrying `diagnostics` (a list of `kartan.Diagnostic`).
pub(crate) fn validation_error(py: Python<'_>, message: String, diagnostics: &[kartan::Diagnostic]) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let err = validation_error_type(py)?.call1((message.clone(),))?;
        err.setattr("diagnostics", crate::answers::diagnostics(py, diagnostics)?)?;
        Ok(PyErr::from_value(err))
    };
    build().unwrap_or_else(|e| e)
}

/// The builtin `OSError` subclass for an I/O error, with `errno`, `strerror` and `filename`.
pub(crate) fn io_error(error: &std::io::Error, path: &Path) -> PyErr {
    let errno = error.raw_os_error().unwrap_or(0);
    let args = (errno, error.to_string(), path.to_string_lossy().into_owned());
    match error.kind() {
        std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(args),
        std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(args),
        std::io::ErrorKind::IsADirectory => PyIsADirectoryError::new_err(args),
        _ => PyOSError::new_err(args),
    }
}

/// A `kartan.ParseError` for a kartan JSON error; `filename` when it came from a file.
pub(crate) fn json_error(py: Python<'_>, error: &JsonError, message: String, filename: Option<&Path>) -> PyErr {
    let place = match error {
        JsonError::NotUtf8 { line, .. } => Place { filename, line: Some(*line), ..Place::default() },
        JsonError::Syntax { line, column, .. } => {
            Place { filename, line: Some(*line), column: Some(*column), ..Place::default() }
        }
        JsonError::Data { pointer, line, column, .. } => {
            Place { filename, line: Some(*line), column: Some(*column), pointer: Some(pointer) }
        }
        JsonError::Format { .. } => Place { filename, pointer: Some("/format"), ..Place::default() },
        _ => Place { filename, ..Place::default() },
    };
    parse_error(py, message, place)
}

/// The Python exception for a core load error.
pub(crate) fn load_error(py: Python<'_>, error: &LoadError) -> PyErr {
    let message = error.to_string();
    match error {
        LoadError::Io { path, source } => io_error(source, path),
        LoadError::Json { path, source } => json_error(py, source, message, Some(path)),
        LoadError::Iati { path, source } => crate::iati::import_error(py, source, Some(path)),
        LoadError::UnknownFormat { path, .. } | LoadError::Utf16 { path } | LoadError::TableNeedsMapping { path } => {
            parse_error(py, message, Place { filename: Some(path), ..Place::default() })
        }
        other => {
            let err = KartanError::new_err(message);
            let _ = err.value(py).setattr("filename", other.path().to_string_lossy().into_owned());
            err
        }
    }
}
