//! Streamed conversion of IATI input ([`kartan::io::iati::for_each_activity`]): each
//! activity is written as soon as it is read, so memory stays flat whatever the file's
//! size.
//!
//! - `--to csv`: the header of the indicator periods table, then each project's rows.
//! - `--to json`: the kartan JSON object with `format` and `projects` first, each
//!   project written as it comes, then `default_language`, `program` and
//!   `organisations`, which depend on the whole file (the program is named after every
//!   reporting organisation). The object is the one the whole-file conversion writes,
//!   with its keys in another order — except for what a stream cannot do (see
//!   `for_each_activity`): a `related-activity` type 2 link to a child that came
//!   before its parent is not applied (one warning line gives the count) and parent
//!   cycles are not broken (`kartan validate` finds them).
//!
//! On an error the partial output file is removed; on standard output, a closed pipe
//! ends the conversion quietly.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use kartan::analysis::tables::{empty_periods_table, project_periods_table};
use kartan::io::iati::{for_each_activity, IatiImportReport, ImportOptions, StreamError, StreamedActivity};
use kartan::Portfolio;

use super::{summarise, CliError};
use crate::args::ConvertArgs;

/// What the stream writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// The indicator periods table as CSV.
    Csv,
    /// kartan JSON.
    Json,
}

/// Why writing stopped.
#[derive(Debug)]
enum Halt {
    /// A real error.
    Error(CliError),
    /// Standard output was closed by its reader: not an error.
    ClosedPipe,
}

/// The output, a file or standard output, opened at the first write.
struct Output<'p> {
    path: Option<&'p Path>,
    sink: Option<BufWriter<Box<dyn Write + 'p>>>,
}

impl<'p> Output<'p> {
    fn new(path: Option<&'p Path>) -> Self {
        Self { path, sink: None }
    }

    fn error(&self, source: std::io::Error) -> Halt {
        match self.path {
            Some(path) => Halt::Error(CliError::Write { path: path.to_owned(), source }),
            None if source.kind() == std::io::ErrorKind::BrokenPipe => Halt::ClosedPipe,
            None => Halt::Error(CliError::Stdout(source)),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Halt> {
        if self.sink.is_none() {
            let inner: Box<dyn Write> = match self.path {
                Some(path) => Box::new(File::create(path).map_err(|e| self.error(e))?),
                None => Box::new(std::io::stdout().lock()),
            };
            self.sink = Some(BufWriter::with_capacity(1 << 16, inner));
        }
        match &mut self.sink {
            Some(sink) => sink.write_all(bytes).map_err(|e| self.error(e)),
            None => Ok(()),
        }
    }

    fn finish(mut self) -> Result<(), Halt> {
        match self.sink.take() {
            Some(mut sink) => sink.flush().map_err(|e| self.error(e)),
            None => Ok(()),
        }
    }

    /// Drops what was written to a file.
    fn discard(mut self) {
        if let (Some(sink), Some(path)) = (self.sink.take(), self.path) {
            drop(sink);
            // Best effort: the error being reported matters more.
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Streams the IATI file `args.file` to `target`; import errors and the summary go to
/// standard error as in the whole-file conversion. Returns whether the import left
/// something out (then the exit code is 1).
pub(super) fn run(args: &ConvertArgs, target: Target) -> Result<bool, CliError> {
    let path = &args.file;
    let input = File::open(path).map_err(|source| CliError::Read { path: path.clone(), source })?;
    let options = ImportOptions::new().source_name(path.display().to_string());
    let mut out = Output::new(args.output.as_deref());
    let result = match target {
        Target::Csv => csv(input, &options, &mut out),
        Target::Json => json(input, &options, &mut out),
    };
    let halt = match result.map_err(|e| import_error(args, e)) {
        Ok(report) => match out.finish() {
            Ok(()) => {
                for d in report.diagnostics.iter().filter(|d| d.code == "iati-stream-link-not-applied") {
                    super::eprintln_one(&format!("{}: {} [{}] {}", d.path, d.severity, d.code, d.message));
                }
                return Ok(summarise(args, &report));
            }
            Err(halt) => halt,
        },
        Err(halt) => {
            out.discard();
            halt
        }
    };
    match halt {
        Halt::ClosedPipe => Ok(false),
        Halt::Error(e) => Err(e),
    }
}

fn import_error(args: &ConvertArgs, e: StreamError<Halt>) -> Halt {
    match e {
        StreamError::Callback(halt) => halt,
        StreamError::Import(source) => Halt::Error(CliError::Import { path: args.file.clone(), source }),
        // `StreamError` may grow; any other reason is still an import failure.
        _ => Halt::Error(CliError::Read {
            path: args.file.clone(),
            source: std::io::Error::other("the IATI import stopped"),
        }),
    }
}

/// The periods table: the header, then each project's rows.
fn csv(input: File, options: &ImportOptions, out: &mut Output<'_>) -> Result<IatiImportReport, StreamError<Halt>> {
    let mut buf = Vec::with_capacity(1 << 16);
    empty_periods_table().write_csv(&mut buf, true).map_err(|e| StreamError::Callback(out.error(e)))?;
    out.write(&buf).map_err(StreamError::Callback)?;
    let (_, report) = for_each_activity(input, options, |a: StreamedActivity| {
        buf.clear();
        project_periods_table(&a.project, &a.default_language).write_csv(&mut buf, false).map_err(|e| out.error(e))?;
        out.write(&buf)
    })?;
    Ok(report)
}

/// kartan JSON: `format` and `projects` first, then the rest of the portfolio.
fn json(input: File, options: &ImportOptions, out: &mut Output<'_>) -> Result<IatiImportReport, StreamError<Halt>> {
    let head = format!("{{\n  \"format\": {},\n  \"projects\": [", quoted(kartan::FORMAT));
    out.write(head.as_bytes()).map_err(StreamError::Callback)?;
    let mut first = true;
    let mut plain = Vec::with_capacity(1 << 16);
    let mut indented = Vec::with_capacity(1 << 16);
    let (rest, report) = for_each_activity(input, options, |a: StreamedActivity| {
        plain.clear();
        indented.clear();
        // Serialising the model cannot fail: every key is a string and no value is a float.
        let _ = serde_json::to_writer_pretty(&mut plain, &a.project);
        indented.extend_from_slice(if first { b"\n    " } else { b",\n    " });
        first = false;
        indent(&plain, &mut indented);
        out.write(&indented)
    })?;
    let tail = if first { "],\n" } else { "\n  ],\n" };
    out.write(tail.as_bytes()).map_err(StreamError::Callback)?;
    out.write(rest_of(&rest).as_bytes()).map_err(StreamError::Callback)?;
    Ok(report)
}

/// A string as a JSON literal.
fn quoted(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

/// Copies pretty-printed JSON, indenting every line after the first by two levels (JSON
/// strings hold no raw line breaks, so every `\n` is between tokens).
fn indent(json: &[u8], out: &mut Vec<u8>) {
    for (i, line) in json.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\n    ");
        }
        out.extend_from_slice(line);
    }
}

/// The portfolio's pretty JSON after `format` (its first member) and without the
/// opening brace: `  "default_language": …\n}\n`. `projects` is empty, so absent.
fn rest_of(portfolio: &Portfolio) -> String {
    let whole = kartan::io::json::to_string(portfolio);
    // Line 1 is `{`, line 2 the `format` member; the members after it follow.
    whole.splitn(3, '\n').nth(2).map(str::to_owned).unwrap_or_else(|| "}\n".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects_are_indented_two_levels() {
        let mut out = Vec::new();
        indent(b"{\n  \"id\": \"a\\nb\"\n}", &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), "{\n      \"id\": \"a\\nb\"\n    }");
    }

    #[test]
    fn the_rest_follows_the_format_member() {
        let p = Portfolio::new("en", kartan::Program::new("P", kartan::Text::one("en", "P")));
        let rest = rest_of(&p);
        assert!(rest.starts_with("  \"default_language\": \"en\",\n  \"program\""), "{rest}");
        assert!(rest.ends_with("}\n"));
    }
}
