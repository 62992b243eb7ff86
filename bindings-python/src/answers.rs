//! The answers of the core's analyses and imports (`kartan::Diagnostic`,
//! `IndicatorProgress`, `Rollup`, `IatiImportReport` …) as the Python classes generated
//! from the same schema (`kartan/answers.py`, from `schema/kartan-answers-1.schema.json`).
//!
//! An answer crosses as its JSON form and is read by the class's trusted loader
//! (`_load`), so no field is mirrored here: a field added in the core reaches Python when
//! the schema and `answers.py` are regenerated, and the test of the generated module
//! fails until they are.

use pyo3::prelude::*;
use pyo3::types::PyList;
use serde::Serialize;

use crate::errors::KartanError;

/// The JSON values of `value` (decimals as strings, dates ISO 8601), as `json.loads`
/// gives them.
pub(crate) fn json_obj<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| KartanError::new_err(format!("answer to JSON: {e}")))?;
    py.import("json")?.call_method1("loads", (json,))
}

/// `value` as an instance of `kartan.answers.<class>`.
pub(crate) fn answer<'py>(py: Python<'py>, class: &str, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let obj = json_obj(py, value)?;
    py.import("kartan.answers")?.getattr(class)?.call_method1("_load", (obj,))
}

/// Diagnostics as a list of `kartan.Diagnostic`.
pub(crate) fn diagnostics<'py>(py: Python<'py>, list: &[kartan::Diagnostic]) -> PyResult<Bound<'py, PyList>> {
    let class = py.import("kartan.answers")?.getattr("Diagnostic")?;
    let objs = json_obj(py, &list)?;
    let out = PyList::empty(py);
    for obj in objs.try_iter()? {
        out.append(class.call_method1("_load", (obj?,))?)?;
    }
    Ok(out)
}
