//! The learning report (`kartan::learning_report`): built once by the core, rendered to HTML,
//! Markdown or JSON.

use chrono::NaiveDate;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::py_quote;

/// Builds the learning report of `portfolio` and renders it in `format`.
pub(crate) fn render(
    py: Python<'_>,
    portfolio: &kartan::Portfolio,
    format: &str,
    lang: &str,
    as_of: NaiveDate,
    charts: bool,
) -> PyResult<String> {
    let render: fn(&kartan::learning_report::LearningReport) -> String = match format {
        "html" => kartan::learning_report::to_html,
        "md" | "markdown" => kartan::learning_report::to_markdown,
        "json" => kartan::learning_report::to_json,
        other => {
            return Err(PyValueError::new_err(format!(
                "format must be 'html', 'md' or 'json', not {}",
                py_quote(other)
            )))
        }
    };
    let mut options = kartan::learning_report::ReportOptions::new(lang, as_of);
    options.charts = charts;
    Ok(py.detach(|| render(&kartan::learning_report::build(portfolio, &options))))
}
