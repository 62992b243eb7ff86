//! `Portfolio.tables.money`: budget, commitments and spending grouped, per currency or
//! converted with the user's rate table (`kartan::analysis::money`).

use std::path::PathBuf;

use kartan::analysis::money::{money_table, GroupBy, RateTable};
use kartan::analysis::tables::Decimals;
use kartan::Diagnostic;
use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;

use crate::errors::{self, Place};
use crate::table::PyTable;

/// The diagnostics a warning lists before it says how many more there are.
const LISTED: usize = 10;

/// The core's money table grouped by `by`, converted with the rate table at `rates`
/// when given; a `UserWarning` lists the amounts that found no rate.
pub(crate) fn table(
    py: Python<'_>,
    portfolio: &kartan::Portfolio,
    by: &str,
    rates: Option<PathBuf>,
    decimals: Decimals,
) -> PyResult<PyTable> {
    let by: GroupBy =
        by.parse().map_err(|e: kartan::analysis::money::UnknownGroupBy| PyValueError::new_err(e.to_string()))?;
    let rates = match rates {
        None => None,
        Some(path) => {
            let bytes = std::fs::read(&path).map_err(|e| errors::io_error(&e, &path))?;
            let table = RateTable::from_csv(&path.display().to_string(), &bytes).map_err(|e| {
                let place = Place {
                    filename: Some(&path),
                    line: usize::try_from(e.line).ok(),
                    column: e.column.map(|(n, _)| n),
                    pointer: None,
                };
                errors::parse_error(py, e.to_string(), place)
            })?;
            Some(table)
        }
    };
    let money = py.detach(|| money_table(portfolio, by, rates.as_ref()));
    warn_unconverted(py, &money.diagnostics)?;
    PyTable::from_core_with(&money.table, decimals)
}

/// One `UserWarning` for the amounts with no rate (the first ten listed, then a count).
fn warn_unconverted(py: Python<'_>, diagnostics: &[Diagnostic]) -> PyResult<()> {
    if diagnostics.is_empty() {
        return Ok(());
    }
    let n = diagnostics.len();
    let mut message = format!(
        "{n} amount{} found no rate and {} left out, each leaving its figure None (never 0):",
        if n == 1 { "" } else { "s" },
        if n == 1 { "is" } else { "are" }
    );
    for d in diagnostics.iter().take(LISTED) {
        message.push_str(&format!("\n{}: {}", d.path, d.message));
    }
    if n > LISTED {
        message.push_str(&format!("\n… and {} more", n - LISTED));
    }
    let category = py.get_type::<PyUserWarning>();
    PyErr::warn(py, &category, &std::ffi::CString::new(message.replace('\0', " "))?, 1)
}
