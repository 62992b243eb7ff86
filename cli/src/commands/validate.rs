//! `kartan validate FILE`: every problem in a portfolio, as diagnostics.

use std::fmt::Write as _;
use std::process::ExitCode;

use kartan::{Diagnostic, Severity};

use super::{as_of_or_today, eprintln_one, write_stdout, CliError, EXIT_INVALID};
use crate::args::{ValidateArgs, ValidateFormat};

/// Loads and validates the file. Exit code 0 when there is no error (warnings allowed),
/// 1 when there are errors (all diagnostics are listed on standard output and a
/// one-line summary goes to standard error), 2 when the file cannot be loaded.
pub fn run(args: &ValidateArgs) -> Result<ExitCode, CliError> {
    let portfolio = kartan::io::load(&args.file)?;
    let diagnostics = kartan::analysis::validate(&portfolio, as_of_or_today(args.as_of));
    let count = |sev| diagnostics.iter().filter(|d| d.severity == sev).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let file = args.file.display().to_string();
    let text = match args.format {
        ValidateFormat::Text => text(&file, &diagnostics, errors, warnings),
        ValidateFormat::Json => json(&file, &diagnostics, errors, warnings),
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

fn json(file: &str, diagnostics: &[Diagnostic], errors: usize, warnings: usize) -> String {
    let value = serde_json::json!({
        "file": file,
        "valid": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "diagnostics": diagnostics,
    });
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}
