//! The Python extension module `kartan._kartan`, re-exported by the pure-Python
//! package `kartan` (`bindings-python/python/kartan/`).
//!
//! Each file mirrors a core module: `model` and `results` wrap `kartan::model`,
//! `matrix` the results matrix, `diagnostic` the diagnostic, `portfolio` the root and
//! `kartan::io`, `iati` the IATI import, `tables` and `table` the Arrow tables, `analysis`
//! the results engine, `learning` the learning analyses and table import, `report` the
//! learning report, `errors` the exception mapping. No rule lives here.

mod analysis;
mod convert;
mod diagnostic;
mod errors;
mod iati;
mod learning;
mod matrix;
mod model;
mod portfolio;
mod report;
mod results;
mod table;
mod tables;

use pyo3::prelude::*;

/// kartan: one shared domain model for growth programs and the learning around them.
#[pymodule]
fn _kartan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(portfolio::load, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::seed, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::import_table, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::load_survey, m)?)?;
    m.add_function(wrap_pyfunction!(iati::import_iati, m)?)?;
    m.add_class::<iati::PyImportReport>()?;
    m.add_class::<portfolio::PyPortfolio>()?;
    m.add_class::<model::PyProgram>()?;
    m.add_class::<model::PyProject>()?;
    m.add_class::<model::PyBudget>()?;
    m.add_class::<results::PyKartanResult>()?;
    m.add_class::<results::PyIndicator>()?;
    m.add_class::<results::PyBaseline>()?;
    m.add_class::<results::PyPeriod>()?;
    m.add_class::<results::PyPeriodValue>()?;
    m.add_class::<diagnostic::PyDiagnostic>()?;
    m.add_class::<matrix::PyResultsMatrix>()?;
    m.add_class::<analysis::PyProgress>()?;
    m.add_class::<analysis::PyRollup>()?;
    m.add_class::<analysis::PyPeriodValues>()?;
    m.add_class::<table::PyTable>()?;
    Ok(())
}
