//! The diagnostic every check and import reports with (`kartan::Diagnostic`).

use pyo3::prelude::*;

use crate::convert::{py_quote, tag};

/// One finding about a portfolio or an input file.
///
/// ``code`` is stable and machine-readable (``"duplicate-id"``); ``severity`` is
/// ``"error"``, ``"warning"`` or ``"info"``; ``path`` is a JSON pointer into the
/// portfolio's kartan JSON (``"/projects/3/budgets/0"``) or ``file:line:column`` for an
/// import; ``message`` is one English sentence.
///
/// >>> d = kartan.Diagnostic("duplicate-id", "error", "/projects/1/id", "Project id 'A' is used twice.")
/// >>> d
/// <Diagnostic error [duplicate-id] at '/projects/1/id'>
/// >>> str(d)
/// "error [duplicate-id] /projects/1/id: Project id 'A' is used twice."
#[pyclass(frozen, eq, hash, name = "Diagnostic", module = "kartan")]
#[derive(Debug, PartialEq, Hash)]
pub struct PyDiagnostic {
    pub(crate) inner: kartan::Diagnostic,
}

#[pymethods]
impl PyDiagnostic {
    /// Makes a diagnostic; ``severity`` is ``"error"``, ``"warning"`` or ``"info"``.
    ///
    /// Raises ``ValueError`` for another severity.
    #[new]
    fn new(code: &str, severity: &str, path: &str, message: &str) -> PyResult<Self> {
        let severity = match severity {
            "error" => kartan::Severity::Error,
            "warning" => kartan::Severity::Warning,
            "info" => kartan::Severity::Info,
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "severity must be 'error', 'warning' or 'info', not {}",
                    py_quote(other)
                )))
            }
        };
        Ok(Self { inner: kartan::Diagnostic::new(severity, code, path, message) })
    }

    /// Stable kebab-case code.
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }

    /// ``"error"``, ``"warning"`` or ``"info"``.
    #[getter]
    fn severity(&self) -> String {
        tag(&self.inner.severity)
    }

    /// Where: a JSON pointer, or ``file:line:column``.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// What is wrong and what was expected.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    fn __repr__(&self) -> String {
        format!("<Diagnostic {} [{}] at {}>", self.inner.severity, self.inner.code, py_quote(&self.inner.path))
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, DiagnosticArgs)> {
        let d = &slf.get().inner;
        Ok((slf.get_type().into_any(), (d.code.clone(), tag(&d.severity), d.path.clone(), d.message.clone())))
    }
}

/// The constructor arguments of a diagnostic: code, severity, path, message.
type DiagnosticArgs = (String, String, String, String);

/// Wraps core diagnostics for Python.
pub(crate) fn wrap(diagnostics: Vec<kartan::Diagnostic>) -> Vec<PyDiagnostic> {
    diagnostics.into_iter().map(|inner| PyDiagnostic { inner }).collect()
}
