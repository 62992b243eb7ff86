//! The Python extension module `kartan._kartan`, re-exported by the pure-Python
//! package `kartan` (`bindings-python/python/kartan/`).
//!
//! The model itself is not mirrored here: `kartan.model` (Python, generated from the
//! JSON Schema of the core's types) reads and writes the document as kartan JSON, and
//! `portfolio` holds the core value (`PortfolioHandle`) with its readers, writers, edits
//! and analyses. `answers` hands the core's answers to the generated classes of
//! `kartan.answers`, `iati` the IATI import, `tables` and
//! `table` the Arrow tables, `analysis` the results engine, `learning` the learning
//! analyses and table import, `report` the learning report, `errors` the exception
//! mapping. No rule lives here.

mod analysis;
mod answers;
mod convert;
mod errors;
mod iati;
mod learning;
mod money;
mod portfolio;
mod report;
mod scan;
mod table;

use pyo3::prelude::*;

/// kartan: one shared domain model for growth programs and the learning around them.
#[pymodule]
fn _kartan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(portfolio::load, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::seed, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::example, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::import_table, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio::load_survey, m)?)?;
    m.add_function(wrap_pyfunction!(iati::import_iati, m)?)?;
    m.add_class::<portfolio::PyPortfolio>()?;
    m.add_function(wrap_pyfunction!(best_text, m)?)?;
    m.add_class::<table::PyTable>()?;
    m.add_function(wrap_pyfunction!(scan::scan_iati, m)?)?;
    m.add_class::<scan::PyTableStream>()?;
    Ok(())
}

/// The text of ``text`` (a mapping of language tag to string) in ``lang`` by the core's
/// rule (``kartan::Text::best``): the exact tag, the same primary language, then
/// ``fallback``, then the first non-blank language; ``""`` when all are blank.
#[pyfunction]
#[pyo3(signature = (text, lang, fallback = "en"))]
fn best_text(text: std::collections::BTreeMap<String, String>, lang: &str, fallback: &str) -> String {
    let text = kartan::Text::from(text);
    text.show(lang, fallback).to_owned()
}
