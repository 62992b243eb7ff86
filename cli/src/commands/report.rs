//! `kartan report [FILE]`: the learning report as Markdown, HTML or JSON.

use std::process::ExitCode;

use kartan::report::{build, to_html, to_json, to_markdown, ReportOptions};
use kartan::Severity;

use super::{as_of_or_today, eprintln_one, write_output, CliError};
use crate::args::{ReportArgs, ReportFormat};

/// Says on standard error what a table import skipped (DESIGN.md rule 8), one line.
fn note_skips(import: &kartan::io::table::ImportReport) {
    if let Some(first) = import.skipped.first() {
        eprintln_one(&format!(
            "{}: read {} rows, imported {}, skipped {} rows or cells (first: {}: {})",
            import.file,
            import.rows_read,
            import.rows_imported,
            import.skipped.len(),
            first.place,
            first.reason
        ));
    }
}

/// A note on standard error when an IATI import skipped activities (the report's
/// section 9 lists why).
fn note_iati_skips(path: &std::path::Path, import: &kartan::io::iati::ImportReport) {
    if let Some(first) = import.errors().next() {
        eprintln_one(&format!(
            "{}: IATI import: {} activities imported, {} skipped (first: {}: {}); see section 9 of the report",
            path.display(),
            import.activities_imported,
            import.activities_skipped,
            first.path,
            first.message
        ));
    }
}

/// Loads the portfolio (kartan JSON, a table with its mapping, or the embedded seed),
/// adds a survey table when given, builds the report and writes it.
///
/// An invalid portfolio still gets its report (section 9 lists the problems); a note
/// on standard error says how many errors it has. Exit code 0; 1 when an IATI import
/// skipped an activity, dropped a value or stopped early (the report is written, section 9 says what is
/// missing); 2 when the input cannot be loaded or the output cannot be written.
pub fn run(args: &ReportArgs) -> Result<ExitCode, CliError> {
    let mut read_diagnostics = Vec::new();
    let mut incomplete = false;
    let mut portfolio = match (&args.file, &args.mapping) {
        (Some(path), Some(mapping)) => {
            let (portfolio, import) = kartan::io::table::load_portfolio(path, mapping)?;
            note_skips(&import);
            portfolio
        }
        (Some(path), None) => {
            let loaded = kartan::io::load_with_report(path)?;
            if let Some(import) = &loaded.import {
                note_iati_skips(path, import);
                incomplete = super::import_incomplete(import);
            }
            read_diagnostics = loaded.read_diagnostics().to_vec();
            loaded.portfolio
        }
        (None, _) => kartan::examples::seed(),
    };
    if let (Some(table), Some(mapping)) = (&args.survey, &args.survey_mapping) {
        let (evaluation, import) = kartan::io::table::load_evaluation(table, mapping)?;
        note_skips(&import);
        portfolio.evaluations.push(evaluation);
    }
    let as_of = as_of_or_today(args.as_of);
    let options = ReportOptions::new(args.lang.tag(), as_of).with_read_diagnostics(read_diagnostics);
    let report = build(&portfolio, &options);
    let text = match args.format {
        ReportFormat::Md => to_markdown(&report),
        ReportFormat::Html => to_html(&report),
        ReportFormat::Json => to_json(&report),
    };
    write_output(args.output.as_deref(), &text)?;
    let errors = report
        .section("data_quality")
        .into_iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            kartan::report::Block::Diagnostics { items } => {
                Some(items.iter().filter(|d| d.severity == Severity::Error).count())
            }
            _ => None,
        })
        .sum::<usize>()
        - options.read_diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 0 {
        let name = args.file.as_ref().map_or_else(|| "seed".to_owned(), |p| p.display().to_string());
        eprintln_one(&format!("{name}: the portfolio has {errors} validation errors; see section 9 of the report"));
    }
    Ok(super::exit_after_import(incomplete))
}
