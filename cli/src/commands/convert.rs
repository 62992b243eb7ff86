//! `kartan convert IN --to json|iati|csv [-o OUT]`: a portfolio from one format to
//! another, or its indicator periods as a CSV table.
//!
//! The input format is detected by content (kartan JSON or IATI activity XML). An IATI
//! input is imported leniently: an activity with an error is skipped, and each error is
//! one line on standard error (`kartan: FILE:LINE:COLUMN: error [code] message`),
//! followed by a one-line summary of the import; errors and warnings are counted there
//! (`kartan validate` and the import report list them). The output is written all the
//! same, and the exit code is 1: it lacks what was skipped. An IATI output names, one line each,
//! whatever IATI requires that the portfolio lacks (then it does not validate against
//! the 2.03 XSD).
//!
//! IATI input to `json` or `csv` is streamed ([`stream`]): memory stays flat whatever
//! the file's size.

mod parquet;
mod stream;

use std::io::Read as _;
use std::process::ExitCode;

use kartan::analysis::tables::periods_table;
use kartan::io::iati::{self, IatiImportReport};
use kartan::io::Format;
use kartan::{Portfolio, Severity};

use super::{eprintln_one, write_output, CliError};
use crate::args::{ConvertArgs, ConvertTo};

/// How many bytes are looked at to detect the input format.
const SNIFF: u64 = 64 * 1024;

/// Converts the file. Exit code 0 on success (export warnings are reported on standard
/// error), 1 when an IATI import skipped an activity, dropped a value or stopped early
/// (the output is written, without what was left out; each error is a line on standard
/// error), 2 when
/// the input cannot be loaded or the output cannot be written.
pub fn run(args: &ConvertArgs) -> Result<ExitCode, CliError> {
    if args.to == ConvertTo::Parquet {
        if args.mapping.is_some() || args.survey.is_some() {
            return Err(CliError::Usage(
                "--to parquet reads kartan JSON and IATI XML, not tables with --mapping or --survey".to_owned(),
            ));
        }
        return Ok(super::exit_after_import(parquet::run(args)?));
    }
    if args.as_of.is_some() {
        return Err(CliError::Usage(
            "--as-of is for --to parquet (kartan validate --as-of checks one file)".to_owned(),
        ));
    }
    if let Some(more) = args.more.first() {
        return Err(CliError::Usage(format!(
            "{}: several inputs make one dataset with --to parquet only",
            more.display()
        )));
    }
    let target = match args.to {
        ConvertTo::Json => Some(stream::Target::Json),
        ConvertTo::Csv => Some(stream::Target::Csv),
        ConvertTo::Iati | ConvertTo::Parquet => None,
    };
    let plain = args.mapping.is_none() && args.survey.is_none();
    if let Some(target) = target.filter(|_| plain && is_iati(args).unwrap_or(false)) {
        let incomplete = stream::run(args, target)?;
        return Ok(super::exit_after_import(incomplete));
    }
    let (portfolio, incomplete) = load(args)?;
    let file = args.file.display().to_string();
    let text = match args.to {
        ConvertTo::Json => kartan::io::json::to_string(&portfolio),
        ConvertTo::Csv | ConvertTo::Parquet => periods_table(&portfolio, &portfolio.default_language).to_csv(),
        ConvertTo::Iati => {
            let (xml, warnings) = iati::to_iati(&portfolio);
            for w in &warnings {
                eprintln_one(&format!("{file}: IATI export: {} [{}] at {}: {}", w.severity, w.code, w.path, w.message));
            }
            xml
        }
    };
    write_output(args.output.as_deref(), &text)?;
    Ok(super::exit_after_import(incomplete))
}

/// Whether the input looks like IATI XML, from its first bytes.
fn is_iati(args: &ConvertArgs) -> Result<bool, CliError> {
    let path = &args.file;
    let read = |source| CliError::Read { path: path.clone(), source };
    let mut head = Vec::new();
    std::fs::File::open(path).and_then(|f| f.take(SNIFF).read_to_end(&mut head)).map_err(read)?;
    Ok(Format::detect(&head) == Some(Format::IatiXml))
}

/// Loads the input; for IATI, reports the import's errors and a summary on standard
/// error. Also returns whether the import left something out.
fn load(args: &ConvertArgs) -> Result<(Portfolio, bool), CliError> {
    // IATI input is streamed from disk by `load_with_report`, never held whole.
    let input = super::input::load(
        Some(&args.file),
        args.mapping.as_deref(),
        args.survey.as_deref(),
        args.survey_mapping.as_deref(),
        // FILE is required: the embedded portfolio is never used.
        crate::args::embedded_or_default(None),
    )?;
    let iati_incomplete = input.iati.as_ref().is_some_and(|report| summarise(args, report));
    Ok((input.portfolio, input.incomplete || iati_incomplete))
}

/// The import's errors, one line each, and a one-line summary, on standard error.
/// Returns whether the import left something out ([`super::import_incomplete`]).
fn summarise(args: &ConvertArgs, report: &IatiImportReport) -> bool {
    for d in report.errors() {
        eprintln_one(&format!("{}: {} [{}] {}", d.path, d.severity, d.code, d.message));
    }
    let count = |severity| report.diagnostics.iter().filter(|d| d.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if report.activities_skipped > 0 || errors > 0 || warnings > 0 {
        eprintln_one(&format!(
            "{}: IATI import: {} activities imported, {} skipped, {errors} errors, {warnings} warnings",
            args.file.display(),
            report.activities_imported,
            report.activities_skipped,
        ));
    }
    super::import_incomplete(report)
}
