//! `kartan convert IN --to json|iati|csv [-o OUT]`: a portfolio from one format to
//! another, or its indicator periods as a CSV table.
//!
//! The input format is detected by content (kartan JSON or IATI activity XML). An IATI
//! input is imported leniently: an activity with an error is skipped, and each error is
//! one line on standard error (`kartan: FILE:LINE:COLUMN: error [code] message`),
//! followed by a one-line summary of the import; warnings are counted there (`kartan
//! validate` and the import report list them). An IATI output names, one line each,
//! whatever IATI requires that the portfolio lacks (then it does not validate against
//! the 2.03 XSD).
//!
//! IATI input to `json` or `csv` is streamed ([`stream`]): memory stays flat whatever
//! the file's size.

mod stream;

use std::io::Read as _;
use std::process::ExitCode;

use kartan::analysis::tables::periods_table;
use kartan::io::iati::{self, ImportOptions, ImportReport};
use kartan::io::Format;
use kartan::{Portfolio, Severity};

use super::{eprintln_one, write_output, CliError};
use crate::args::{ConvertArgs, ConvertTo};

/// How many bytes are looked at to detect the input format.
const SNIFF: u64 = 64 * 1024;

/// Converts the file. Exit code 0 on success (with skipped activities or export
/// warnings reported on standard error), 2 when the input cannot be loaded or the
/// output cannot be written.
pub fn run(args: &ConvertArgs) -> Result<ExitCode, CliError> {
    let target = match args.to {
        ConvertTo::Json => Some(stream::Target::Json),
        ConvertTo::Csv => Some(stream::Target::Csv),
        ConvertTo::Iati => None,
    };
    if let Some(target) = target.filter(|_| is_iati(args).unwrap_or(false)) {
        stream::run(args, target)?;
        return Ok(ExitCode::SUCCESS);
    }
    let portfolio = load(args)?;
    let file = args.file.display().to_string();
    let text = match args.to {
        ConvertTo::Json => kartan::io::json::to_string(&portfolio),
        ConvertTo::Csv => periods_table(&portfolio, &portfolio.default_language).to_csv(),
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

/// Whether the input looks like IATI XML, from its first bytes.
fn is_iati(args: &ConvertArgs) -> Result<bool, CliError> {
    let path = &args.file;
    let read = |source| CliError::Read { path: path.clone(), source };
    let mut head = Vec::new();
    std::fs::File::open(path).and_then(|f| f.take(SNIFF).read_to_end(&mut head)).map_err(read)?;
    Ok(Format::detect(&head) == Some(Format::IatiXml))
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
    summarise(args, &report);
    Ok(portfolio)
}

/// The import's errors, one line each, and a one-line summary, on standard error.
fn summarise(args: &ConvertArgs, report: &ImportReport) {
    for d in report.errors() {
        eprintln_one(&format!("{}: {} [{}] {}", d.path, d.severity, d.code, d.message));
    }
    let warnings = report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    if report.activities_skipped > 0 || warnings > 0 {
        eprintln_one(&format!(
            "{}: IATI import: {} activities imported, {} skipped, {} warnings",
            args.file.display(),
            report.activities_imported,
            report.activities_skipped,
            warnings
        ));
    }
}
