//! `kartan money FILE [--by GROUP] [--rates RATES] [-o OUT]`: budget, commitments and
//! spending grouped, as CSV (the core's `kartan::analysis::money::money_table`, the rows
//! Python's `p.tables.money()` and JS's `moneyTable` give).

use std::process::ExitCode;

use kartan::analysis::money::{money_table, RateTable};

use super::{eprintln_one, write_output, CliError};
use crate::args::MoneyArgs;

/// Writes the table. Exit code 0 on success; 1 when an amount found no rate (each is a
/// line on standard error, its figure is left empty) or an import left something out;
/// 2 when the portfolio or the rate table cannot be read or the output not written.
pub fn run(args: &MoneyArgs) -> Result<ExitCode, CliError> {
    let rates = match &args.rates {
        None => None,
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|source| CliError::Read { path: path.clone(), source })?;
            Some(RateTable::from_csv(&path.display().to_string(), &bytes)?)
        }
    };
    let input = super::input::load(
        Some(&args.file),
        args.mapping.as_deref(),
        None,
        None,
        crate::args::embedded_or_default(None),
    )?;
    for d in input.read_diagnostics().iter().filter(|d| d.severity == kartan::Severity::Error) {
        eprintln_one(&format!("{}: {} [{}] {}", d.path, d.severity, d.code, d.message));
    }
    let money = money_table(&input.portfolio, args.by, rates.as_ref());
    let file = args.file.display();
    for d in &money.diagnostics {
        eprintln_one(&format!("{file}: {} [{}] at {}: {}", d.severity, d.code, d.path, d.message));
    }
    write_output(args.output.as_deref(), &money.table.to_csv())?;
    Ok(super::exit_after_import(input.incomplete || !money.diagnostics.is_empty()))
}
