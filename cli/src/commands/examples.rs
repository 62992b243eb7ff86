//! `kartan examples [NAME]`: the embedded portfolios (`kartan::embedded::EXAMPLES`).

use std::fmt::Write as _;
use std::process::ExitCode;

use super::{write_stdout, CliError};
use crate::args::ExamplesArgs;

/// Lists the embedded portfolios, one line each (`NAME  description`, the default
/// first), or prints the one named as kartan JSON.
pub fn run(args: &ExamplesArgs) -> Result<ExitCode, CliError> {
    let text = match args.name {
        Some(e) => e.json.to_owned(),
        None => {
            let width = kartan::embedded::EXAMPLES.iter().map(|e| e.name.len()).max().unwrap_or(0);
            let mut out = String::new();
            for (i, e) in kartan::embedded::EXAMPLES.iter().enumerate() {
                let default = if i == 0 { " (default of `kartan report`)" } else { "" };
                let _ = writeln!(out, "{:width$}  {}{default}", e.name, e.description);
            }
            out
        }
    };
    write_stdout(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
