//! `kartan report [FILE]`: the learning report as Markdown, HTML or JSON.

use std::process::ExitCode;

use kartan::report::{build, to_html, to_json, to_markdown, ReportOptions};
use kartan::Severity;

use super::{as_of_or_today, eprintln_one, write_output, CliError};
use crate::args::{ReportArgs, ReportFormat};

/// Loads the portfolio (or the embedded seed), builds the report and writes it.
///
/// An invalid portfolio still gets its report (section 9 lists the problems); a note
/// on standard error says how many errors it has. Exit code 0, or 2 when the input
/// cannot be loaded or the output cannot be written.
pub fn run(args: &ReportArgs) -> Result<ExitCode, CliError> {
    let portfolio = match &args.file {
        Some(path) => kartan::io::load(path)?,
        None => kartan::examples::seed(),
    };
    let as_of = as_of_or_today(args.as_of);
    let report = build(&portfolio, &ReportOptions::new(args.lang.tag(), as_of));
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
        .sum::<usize>();
    if errors > 0 {
        let name = args.file.as_ref().map_or_else(|| "seed".to_owned(), |p| p.display().to_string());
        eprintln_one(&format!("{name}: the portfolio has {errors} validation errors; see section 9 of the report"));
    }
    Ok(ExitCode::SUCCESS)
}
