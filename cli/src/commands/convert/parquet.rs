//! `kartan convert IN… --to parquet -o DIR`: the portfolio's relational tables
//! ([`kartan::analysis::tables::relational`]: projects, results, indicators, periods,
//! budgets, transactions, diagnostics, activities, answers, observations, lessons,
//! joined by `project_id`, `result_id` and `indicator_id`) as one Parquet file per table (`DIR/periods.parquet` …, zstd),
//! for DuckDB, Polars and Spark.
//!
//! - IATI input is streamed activity by activity ([`for_each_activity`]) and written in
//!   row groups of about [`BATCH_ROWS`] rows, so memory stays flat whatever the size of
//!   the input.
//! - Many inputs are one dataset: `kartan convert a.xml b.xml DIR_OF_XML --to parquet
//!   -o out/` (a folder stands for its `.xml` and `.json` files, sorted by name). A file
//!   that cannot be read or imported stops nothing else: its failure is a row of the
//!   `diagnostics` table (code `input-failed`, or the import's own errors, each also a
//!   line on standard error) and the exit code is 1.
//! - Decimals are exact `decimal128(38, 18)` ([`RELATIONAL_SCALE`]); a value that does
//!   not fit stops the conversion with its table, column and row, never rounded.
//! - The output is written into a hidden sibling folder and renamed to `DIR` only when
//!   every file is complete, so a partial output never looks complete. An existing
//!   `DIR` is refused unless `--overwrite` is given.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Date32Array, Decimal128Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use kartan::analysis::tables::{Cell, DType, Relational, Table, RELATIONAL_SCALE};
use kartan::io::iati::{for_each_activity, ImportOptions, StreamError, StreamedActivity};
use kartan::io::Format;
use kartan::{Diagnostic, Severity};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use super::CliError;
use crate::args::ConvertArgs;

/// About how many rows are held before they are written as row groups.
pub const BATCH_ROWS: usize = 64 * 1024;

/// Arrow's `decimal128` precision.
const PRECISION: u8 = 38;

/// Converts every input to the Parquet folder `args.output`. Returns whether an input
/// could not be read or its import left something out (then the exit code is 1).
pub(super) fn run(args: &ConvertArgs) -> Result<bool, CliError> {
    let Some(out) = args.output.as_deref() else {
        return Err(CliError::Usage("--to parquet writes a folder: give it with -o DIR".to_owned()));
    };
    if out.exists() && !args.overwrite {
        return Err(CliError::Exists { path: out.to_owned() });
    }
    let inputs = inputs(args)?;
    let partial = partial_dir(out);
    let _ = std::fs::remove_dir_all(&partial);
    std::fs::create_dir_all(&partial).map_err(|source| CliError::Write { path: partial.clone(), source })?;
    let written = write_all(&inputs, &partial);
    let incomplete = match written {
        Ok(incomplete) => incomplete,
        Err(e) => {
            // Best effort: the error being reported matters more.
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e);
        }
    };
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|source| CliError::Write { path: out.to_owned(), source })?;
    }
    std::fs::rename(&partial, out).map_err(|source| CliError::Write { path: out.to_owned(), source })?;
    Ok(incomplete)
}

/// `DIR` → `.DIR.partial` beside it.
fn partial_dir(out: &Path) -> PathBuf {
    let name = out.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.partial"))
}

/// The input files: each argument, a folder standing for its `.xml` and `.json` files.
fn inputs(args: &ConvertArgs) -> Result<Vec<PathBuf>, CliError> {
    let mut out = Vec::new();
    for path in std::iter::once(&args.file).chain(&args.more) {
        if path.is_dir() {
            let read = |source| CliError::Read { path: path.clone(), source };
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(read)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "xml" || x == "json"))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(CliError::Usage(format!(
                    "{}: the folder holds no .xml or .json file to convert",
                    path.display()
                )));
            }
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// One Parquet writer per relational table.
struct Writers {
    files: Vec<(PathBuf, ArrowWriter<File>, SchemaRef)>,
}

impl Writers {
    fn create(dir: &Path, tables: &[Table]) -> Result<Self, CliError> {
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            // a row group is flushed at this size, so memory stays flat
            .set_max_row_group_row_count(Some(BATCH_ROWS))
            .set_created_by(format!("kartan {}", env!("CARGO_PKG_VERSION")))
            .build();
        let mut files = Vec::with_capacity(tables.len());
        for table in tables {
            let path = dir.join(format!("{}.parquet", table.name));
            let file = File::create(&path).map_err(|source| CliError::Write { path: path.clone(), source })?;
            let schema = schema(table);
            let writer = ArrowWriter::try_new(file, schema.clone(), Some(props.clone()))
                .map_err(|e| CliError::Parquet { path: path.clone(), message: e.to_string() })?;
            files.push((path, writer, schema));
        }
        Ok(Self { files })
    }

    fn write(&mut self, tables: Vec<Table>) -> Result<(), CliError> {
        for (table, (path, writer, schema)) in tables.into_iter().zip(&mut self.files) {
            if table.rows.is_empty() {
                continue;
            }
            let batch =
                record_batch(&table, schema).map_err(|message| CliError::Parquet { path: path.clone(), message })?;
            writer.write(&batch).map_err(|e| CliError::Parquet { path: path.clone(), message: e.to_string() })?;
        }
        Ok(())
    }

    fn close(self) -> Result<(), CliError> {
        for (path, writer, _) in self.files {
            writer.close().map_err(|e| CliError::Parquet { path: path.clone(), message: e.to_string() })?;
        }
        Ok(())
    }
}

/// Writes every input into `dir`; returns whether something was left out.
fn write_all(inputs: &[PathBuf], dir: &Path) -> Result<bool, CliError> {
    let mut rel = Relational::new("en");
    let mut writers = Writers::create(dir, rel.tables())?;
    let mut incomplete = false;
    for path in inputs {
        let source = path.display().to_string();
        match read_one(path, &source, &mut rel, &mut writers) {
            Ok(diagnostics) => {
                for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                    incomplete = true;
                    super::super::eprintln_one(&format!("{}: {} [{}] {}", d.path, d.severity, d.code, d.message));
                }
                rel.push_diagnostics(&source, &diagnostics);
            }
            Err(Failed::Input(message)) => {
                incomplete = true;
                let line = if message.starts_with(&source) { message.clone() } else { format!("{source}: {message}") };
                super::super::eprintln_one(&line);
                let d = Diagnostic::new(Severity::Error, "input-failed", &source, &message);
                rel.push_diagnostics(&source, &[d]);
            }
            Err(Failed::Output(e)) => return Err(e),
        }
    }
    writers.write(rel.take())?;
    writers.close()?;
    Ok(incomplete)
}

/// Why one input stopped.
enum Failed {
    /// The input could not be read or imported: recorded, and the run goes on.
    Input(String),
    /// The output could not be written: the run stops.
    Output(CliError),
}

/// Reads one input into `rel`, writing full batches; returns its diagnostics (the IATI
/// import's, or none for kartan JSON).
fn read_one(path: &Path, source: &str, rel: &mut Relational, writers: &mut Writers) -> Result<Vec<Diagnostic>, Failed> {
    let bytes_head = head(path).map_err(|e| Failed::Input(format!("cannot read: {e}")))?;
    match Format::detect(&bytes_head) {
        Some(Format::IatiXml) => {
            let file = File::open(path).map_err(|e| Failed::Input(format!("cannot read: {e}")))?;
            let options = ImportOptions::new().source_name(source.to_owned());
            let each = |a: StreamedActivity| -> Result<(), CliError> {
                rel.set_language(&a.default_language);
                rel.push_project(&a.project);
                if rel.rows() >= BATCH_ROWS {
                    writers.write(rel.take())?;
                }
                Ok(())
            };
            match for_each_activity(file, &options, each) {
                Ok((_, report)) => Ok(report.diagnostics),
                Err(StreamError::Callback(e)) => Err(Failed::Output(e)),
                Err(StreamError::Import(e)) => Err(Failed::Input(e.to_string())),
                Err(_) => Err(Failed::Input("the IATI import stopped".to_owned())),
            }
        }
        Some(Format::Json) => {
            let portfolio = kartan::io::load(path).map_err(|e| Failed::Input(e.to_string()))?;
            rel.set_language(&portfolio.default_language);
            rel.push_results(&Cell::Null, &portfolio.program.results);
            for project in &portfolio.projects {
                rel.push_project(project);
            }
            rel.push_learning(&portfolio);
            Ok(Vec::new())
        }
        _ => Err(Failed::Input("not kartan JSON or IATI activity XML".to_owned())),
    }
}

/// The first bytes of a file, to detect its format.
fn head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut head = Vec::new();
    File::open(path)?.take(64 * 1024).read_to_end(&mut head)?;
    Ok(head)
}

/// The Arrow schema of a table: text `Utf8`, integers `Int64`, decimals
/// `Decimal128(38, 18)`, dates `Date32`, booleans `Boolean`; every column nullable.
fn schema(table: &Table) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns
        .iter()
        .map(|c| {
            let dtype = match c.dtype {
                DType::String => DataType::Utf8,
                DType::Int => DataType::Int64,
                DType::Decimal => DataType::Decimal128(PRECISION, RELATIONAL_SCALE),
                DType::Date => DataType::Date32,
                DType::Bool => DataType::Boolean,
            };
            Field::new(c.name.as_str(), dtype, true)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// `value` as the digits of `decimal128(38, 18)`, or `None` when it does not fit.
fn unscaled(value: rust_decimal::Decimal) -> Option<i128> {
    let scale = u32::try_from(RELATIONAL_SCALE).ok()?;
    let up = scale.checked_sub(value.scale())?;
    let digits = value.mantissa().checked_mul(10i128.checked_pow(up)?)?;
    (digits.unsigned_abs() < 10u128.pow(u32::from(PRECISION))).then_some(digits)
}

/// The rows of `table` as one record batch of `schema`.
fn record_batch(table: &Table, schema: &SchemaRef) -> Result<RecordBatch, String> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).ok_or("no epoch")?;
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(table.columns.len());
    for (i, column) in table.columns.iter().enumerate() {
        let cells = table.rows.iter().map(|r| r.get(i).unwrap_or(&Cell::Null));
        let array: ArrayRef = match column.dtype {
            DType::String => Arc::new(StringArray::from_iter(cells.map(|c| match c {
                Cell::String(s) => Some(s.as_str()),
                _ => None,
            }))),
            DType::Int => Arc::new(Int64Array::from_iter(cells.map(|c| match c {
                Cell::Int(n) => Some(*n),
                _ => None,
            }))),
            DType::Bool => Arc::new(BooleanArray::from_iter(cells.map(|c| match c {
                Cell::Bool(b) => Some(*b),
                _ => None,
            }))),
            DType::Date => Arc::new(Date32Array::from_iter(cells.map(|c| match c {
                Cell::Date(d) => i32::try_from(d.signed_duration_since(epoch).num_days()).ok(),
                _ => None,
            }))),
            DType::Decimal => {
                let mut values = Vec::with_capacity(table.rows.len());
                for (row, c) in cells.enumerate() {
                    values.push(match c {
                        Cell::Decimal(d) => Some(unscaled(*d).ok_or_else(|| {
                            format!(
                                "table {:?}, column {:?}, row {row}: {d} does not fit decimal128({PRECISION}, {RELATIONAL_SCALE})",
                                table.name, column.name
                            )
                        })?),
                        _ => None,
                    });
                }
                let array = Decimal128Array::from(values)
                    .with_precision_and_scale(PRECISION, RELATIONAL_SCALE)
                    .map_err(|e| e.to_string())?;
                Arc::new(array)
            }
        };
        arrays.push(array);
    }
    RecordBatch::try_new(schema.clone(), arrays).map_err(|e| format!("table {:?}: {e}", table.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn decimals_keep_every_digit_at_scale_18() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(unscaled(d("12.5")), Some(12_500_000_000_000_000_000));
        assert_eq!(unscaled(d("-0.000000000000000001")), Some(-1));
        // 19 fractional digits would be rounded: refused instead
        assert_eq!(unscaled(d("0.0000000000000000001")), None);
        // 21 integer digits do not fit 38 digits at scale 18
        assert_eq!(unscaled(d("100000000000000000000")), None);
        assert_eq!(unscaled(d("99999999999999999999")), Some(99_999_999_999_999_999_999 * 10i128.pow(18)));
    }
}
