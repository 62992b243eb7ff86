//! `kartan report [FILE]`: the learning report as Markdown, HTML or JSON.

use std::process::ExitCode;

use kartan::learning_report::{build, to_html, to_json, to_markdown, ReportOptions};
use kartan::Severity;

use super::{as_of_or_today, eprintln_one, write_output, CliError};
use crate::args::{ReportArgs, ReportFormat};

/// A note on standard error when an IATI import skipped activities (the diagnostics say why).
fn note_iati_skips(path: &std::path::Path, import: &kartan::io::iati::IatiImportReport) {
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

/// Loads the portfolio (kartan JSON, a table with its mapping, or an embedded portfolio:
/// the illustrative example unless `--example` names another),
/// adds a survey table when given, builds the report and writes it.
///
/// An invalid portfolio still gets its report (section 9 lists the problems); a note
/// on standard error says how many errors it has. A survey given without FILE is a
/// portfolio of its own. Exit code 0; 1 when an IATI import skipped an activity, dropped
/// a value or stopped early, or a table import could not read a value its mapping asks
/// for (the report is written, section 9 says what is missing); 2 when the input cannot
/// be loaded or the output cannot be written.
pub fn run(args: &ReportArgs) -> Result<ExitCode, CliError> {
    let input = super::input::load(
        args.file.as_deref(),
        args.mapping.as_deref(),
        args.survey.as_deref(),
        args.survey_mapping.as_deref(),
        crate::args::embedded_or_default(args.example),
    )?;
    if let (Some(path), Some(import)) = (&args.file, &input.iati) {
        note_iati_skips(path, import);
    }
    let incomplete = input.incomplete;
    let mut options = ReportOptions::new(args.lang.tag(), as_of_or_today(args.as_of))
        .with_read_diagnostics(input.iati.as_ref().map(|r| r.diagnostics.clone()).unwrap_or_default());
    for t in &input.tables {
        options = options.with_table_import(t);
    }
    let portfolio = input.portfolio;
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
            kartan::learning_report::Block::Diagnostics { items } => {
                Some(items.iter().filter(|d| d.severity == Severity::Error).count())
            }
            _ => None,
        })
        .sum::<usize>()
        - options.read_diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 0 {
        let name = match (&args.file, &args.survey) {
            (Some(p), _) | (None, Some(p)) => p.display().to_string(),
            (None, None) => crate::args::embedded_or_default(args.example).name.to_owned(),
        };
        eprintln_one(&format!("{name}: the portfolio has {errors} validation errors; see section 9 of the report"));
    }
    Ok(super::exit_after_import(incomplete))
}
