//! `kartan schema`: the JSON Schema of kartan JSON.

use std::process::ExitCode;

use super::{write_stdout, CliError};

/// Prints `kartan::io::json::schema_string()` (the content of `schema/kartan-1.schema.json`).
pub fn run() -> Result<ExitCode, CliError> {
    write_stdout(kartan::io::json::schema_string().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
