//! `kartan validate FILE`: every problem in a portfolio, as diagnostics.

use std::fmt::Write as _;
use std::process::ExitCode;

use kartan::io::iati::IatiImportReport;
use kartan::{Diagnostic, Severity};

use super::{as_of_or_today, eprintln_one, write_stdout, CliError, EXIT_INVALID};
use crate::args::{ValidateArgs, ValidateFormat};

/// Loads and validates the file (a table through its `--mapping`, with a `--survey`
/// table when given). For IATI XML and tables the import report comes first (what was
/// read, carried, not modelled and skipped), and the import's diagnostics count with the
/// validation's: a table value the mapping asks for that could not be read is an error. Exit code 0 when there is no error (warnings allowed), 1 when there are
/// errors (an IATI activity skipped is one; all diagnostics are listed on standard output
/// and a one-line summary goes to standard error), 2 when the file cannot be loaded.
pub fn run(args: &ValidateArgs) -> Result<ExitCode, CliError> {
    let input = super::input::load(
        args.file.as_deref(),
        args.mapping.as_deref(),
        args.survey.as_deref(),
        args.survey_mapping.as_deref(),
        crate::args::embedded_or_default(args.example),
    )?;
    let mut diagnostics = input.read_diagnostics();
    diagnostics.extend(kartan::analysis::validate(&input.portfolio, as_of_or_today(args.as_of)));
    let count = |sev| diagnostics.iter().filter(|d| d.severity == sev).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let file = match args.file.as_ref().or(args.survey.as_ref()) {
        Some(p) => p.display().to_string(),
        None => crate::args::embedded_or_default(args.example).name.to_owned(),
    };
    let text = match args.format {
        ValidateFormat::Text => {
            let mut out = input.iati.as_ref().map(|r| import_summary(&file, r)).unwrap_or_default();
            for t in &input.tables {
                out.push_str(&table_summary(t));
            }
            out.push_str(&text(&file, &diagnostics, errors, warnings));
            out
        }
        ValidateFormat::Json => json(&file, &input, &diagnostics, errors, warnings),
    };
    write_stdout(text.as_bytes())?;
    if errors > 0 {
        eprintln_one(&format!("{file}: invalid: {errors} errors, {warnings} warnings"));
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    Ok(ExitCode::SUCCESS)
}

fn text(file: &str, diagnostics: &[Diagnostic], errors: usize, warnings: usize) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let message = d.message.replace(['\n', '\r'], " ");
        let _ = writeln!(
            out,
            "{file}: {} [{}] at {}: {message}",
            d.severity,
            d.code,
            if d.path.is_empty() { "/" } else { &d.path }
        );
    }
    let verdict = if errors > 0 { "invalid" } else { "valid" };
    let _ = writeln!(
        out,
        "{file}: {verdict} ({errors} errors, {warnings} warnings, {} notes)",
        diagnostics.len() - errors - warnings
    );
    out
}

/// The IATI import report in lines: activities, elements read, what was carried without
/// being modelled (an export writes it back), and what was not modelled (lost).
fn import_summary(file: &str, r: &IatiImportReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{file}: IATI {} import: {} activities imported, {} skipped",
        r.version.as_deref().unwrap_or("(no version)"),
        r.activities_imported,
        r.activities_skipped
    );
    let read: Vec<String> = r.counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let _ = writeln!(out, "{file}: read: {}", read.join(", "));
    let figures = [
        ("indicators without @measure", r.indicators_without_measure),
        ("indicators without period", r.indicators_without_period),
        ("targets without @value", r.targets_without_value),
        ("actuals without @value", r.actuals_without_value),
        ("values kept as text", r.values_not_numbers),
        ("blank narratives dropped", r.blank_narratives),
    ];
    let noted: Vec<String> = figures.iter().filter(|(_, n)| *n > 0).map(|(k, n)| format!("{k} {n}")).collect();
    if !noted.is_empty() {
        let _ = writeln!(out, "{file}: noted: {}", noted.join(", "));
    }
    for n in &r.carried {
        let _ = writeln!(out, "{file}: carried, not modelled: {} ×{} (first at {})", n.path, n.count, n.first);
    }
    for n in &r.not_modelled {
        let _ = writeln!(out, "{file}: not modelled: {} ×{} (first at {})", n.path, n.count, n.first);
    }
    out
}

/// A table import in lines: records read and imported, and the cells skipped per column.
fn table_summary(r: &kartan::io::table::TableImportReport) -> String {
    let mut out = String::new();
    let lines = r.lines_read.map(|l| format!(" ({l} lines)")).unwrap_or_default();
    let dropped = match r.duplicates_dropped {
        0 => String::new(),
        n => format!(", {n} identical repeated rows dropped"),
    };
    let _ = writeln!(
        out,
        "{}: table import: {} records read{lines}, {} imported{dropped}, {} rows or cells skipped",
        r.file,
        r.rows_read,
        r.rows_imported,
        r.skipped.len()
    );
    for c in r.skipped_by_column() {
        let first: Vec<String> = c.first.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "{}: skipped: column {} ({}) ×{} (first at {})",
            r.file,
            c.column.as_deref().map_or_else(|| "(whole rows)".to_owned(), |c| format!("{c:?}")),
            c.field.as_deref().unwrap_or("no mapped value lost"),
            c.count,
            first.join("; ")
        );
    }
    out
}

fn json(file: &str, input: &super::input::Input, diagnostics: &[Diagnostic], errors: usize, warnings: usize) -> String {
    let value = serde_json::json!({
        "file": file,
        "valid": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "import": input.iati,
        "table_imports": input.tables,
        "diagnostics": diagnostics,
    });
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}
