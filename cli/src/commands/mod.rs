//! The commands, and what they share: errors, output, today's date.

pub mod convert;
pub mod examples;
pub mod input;
pub mod money;
pub mod report;
pub mod schema;
pub mod validate;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

/// Exit code for an invalid portfolio (`validate`), and for an IATI import that skipped
/// what it could not read (`convert`, `report`: the output is still written, but
/// incomplete).
pub const EXIT_INVALID: u8 = 1;

/// Whether an IATI import left something out because of an error (an activity skipped,
/// or the reading stopped at a well-formedness error): the output is incomplete.
pub fn import_incomplete(report: &kartan::io::iati::IatiImportReport) -> bool {
    report.activities_skipped > 0 || report.errors().next().is_some()
}

/// The exit code after writing output from an import that may be incomplete.
pub fn exit_after_import(incomplete: bool) -> ExitCode {
    if incomplete {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}
/// Exit code for input that could not be read or parsed, output that could not be
/// written, or a wrong command line.
pub const EXIT_UNREADABLE: u8 = 2;

/// Why a command failed. Each is shown as one line on standard error.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input could not be loaded (names the file and the place).
    #[error(transparent)]
    Load(#[from] kartan::io::LoadError),
    /// The input file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The IATI input could not be imported (the message names the file and the place).
    #[error("{source}")]
    Import {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where.
        #[source]
        source: kartan::io::iati::ImportError,
    },
    /// A table or its mapping could not be read (names the file, row and column).
    #[error(transparent)]
    Table(#[from] kartan::io::table::TableError),
    /// The output file could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Options that do not go together (the message says which and why).
    #[error("{0}")]
    Usage(String),
    /// The output folder exists and `--overwrite` was not given.
    #[error("{}: the output folder exists (give --overwrite to replace it)", path.display())]
    Exists {
        /// The folder.
        path: PathBuf,
    },
    /// A Parquet file could not be written (names the file and why).
    #[error("{}: cannot write Parquet: {message}", path.display())]
    Parquet {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A rate table could not be read (names the file, line and column).
    #[error(transparent)]
    Rates(#[from] kartan::analysis::money::RateTableError),
    /// Standard output could not be written (other than a closed pipe).
    #[error("standard output: cannot write: {0}")]
    Stdout(#[source] std::io::Error),
}

impl CliError {
    /// Prints the error as one line on standard error and returns the exit code.
    pub fn report(&self) -> ExitCode {
        eprintln_one(&self.to_string());
        ExitCode::from(EXIT_UNREADABLE)
    }
}

/// Prints `kartan: <message>` on standard error as exactly one line.
pub fn eprintln_one(message: &str) {
    let one_line = message.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    // Nothing useful can be done when standard error itself is closed.
    let _ = writeln!(std::io::stderr(), "kartan: {one_line}");
}

/// Handles a command-line parse error: help and version go to standard output with exit
/// code 0; no command at all prints the help and exits 2; anything else is one line on
/// standard error and exit code 2.
pub fn clap_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => match write_stdout(e.render().to_string().as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => e.report(),
        },
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // No command: show what there is, but do not claim success.
            let _ = write_stdout(e.render().to_string().as_bytes());
            eprintln_one("no command given (see `kartan --help`)");
            ExitCode::from(EXIT_UNREADABLE)
        }
        _ => {
            let text = e.to_string();
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid command line");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln_one(&format!("{first} (see `kartan --help`)"));
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

/// Writes to standard output; a closed pipe (`kartan report | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Stdout(e)),
        _ => Ok(()),
    }
}

/// Writes `text` to `path`, or to standard output when `path` is `None`.
pub fn write_output(path: Option<&Path>, text: &str) -> Result<(), CliError> {
    match path {
        Some(path) => std::fs::write(path, text).map_err(|source| CliError::Write { path: path.to_owned(), source }),
        None => write_stdout(text.as_bytes()),
    }
}

/// The `--as-of` date, or today's date in local time. The only place kartan reads the
/// clock: the core takes the date as an argument.
pub fn as_of_or_today(as_of: Option<NaiveDate>) -> NaiveDate {
    as_of.unwrap_or_else(|| chrono::Local::now().date_naive())
}
