//! `kartan convert IN --to json|iati [-o OUT]`: a portfolio from one format to another.
//!
//! The input format is detected by content (kartan JSON or IATI activity XML). An IATI
//! input is imported leniently: an activity with an error is skipped, and each error is
//! one line on standard error (`kartan: FILE:LINE:COLUMN: error [code] message`),
//! followed by a one-line summary of the import; warnings are counted there (`kartan
//! validate` and the import report list them). An IATI output names, one line each,
//! whatever IATI requires that the portfolio lacks (then it does not validate against
//! the 2.03 XSD).

use std::process::ExitCode;

use kartan::io::iati::{self, ImportOptions};
use kartan::io::Format;
use kartan::{Portfolio, Severity};

use super::{eprintln_one, write_output, CliError};
use crate::args::{ConvertArgs, ConvertTo};

/// Converts the file. Exit code 0 on success (with skipped activities or export
/// warnings reported on standard error), 2 when the input cannot be loaded or the
/// output cannot be written.
pub fn run(args: &ConvertArgs) -> Result<ExitCode, CliError> {
    let portfolio = load(args)?;
    let file = args.file.display().to_string();
    let text = match args.to {
        ConvertTo::Json => kartan::io::json::to_string(&portfolio),
        ConvertTo::Iati => {
            let (xml, warnings) = iati::to_iati(&portfolio);
            for w in &warnings {
                eprintln_one(&format!("{file}: IATI export: {} [{}] at {}: {}", w.severity, w.code, w.path, w.message));
            }
            xml
        }
    };
    write_output(args.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the input; for IATI, reports the import's errors and a summary on standard error.
fn load(args: &ConvertArgs) -> Result<Portfolio, CliError> {
    let path = &args.file;
    let bytes = std::fs::read(path).map_err(|source| CliError::Read { path: path.clone(), source })?;
    if Format::detect(&bytes) != Some(Format::IatiXml) {
        return Ok(kartan::io::load_bytes(&bytes, path)?);
    }
    let options = ImportOptions::new().source_name(path.display().to_string());
    let (portfolio, report) =
        iati::from_slice(&bytes, &options).map_err(|source| CliError::Import { path: path.clone(), source })?;
    for d in report.errors() {
        eprintln_one(&format!("{}: {} [{}] {}", d.path, d.severity, d.code, d.message));
    }
    let warnings = report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    if report.activities_skipped > 0 || warnings > 0 {
        eprintln_one(&format!(
            "{}: IATI import: {} activities imported, {} skipped, {} warnings",
            path.display(),
            report.activities_imported,
            report.activities_skipped,
            warnings
        ));
    }
    Ok(portfolio)
}
