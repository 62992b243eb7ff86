//! kartan's relational tables ([`kartan::analysis::tables::relational`]: projects,
//! results, indicators, periods, budgets, transactions, diagnostics, activities,
//! answers, observations, lessons, plans, factor_assessments, planned_disbursements,
//! recipient_areas, joined by `project_id`,
//! `result_id` and `indicator_id`) as Arrow record batches, read from many IATI XML and kartan JSON
//! files at once: the one Arrow writer of `kartan convert --to parquet` and of Python's
//! `kartan.scan_iati`.
//!
//! - IATI input is streamed activity by activity ([`for_each_activity`]) and handed out
//!   in batches of about [`BATCH_ROWS`] rows, so memory stays flat whatever the size of
//!   the input.
//! - A file that cannot be read or imported stops nothing else: its failure is a row of
//!   the `diagnostics` table (code `input-failed`, or the import's own errors), and
//!   [`scan`] says that something was left out.
//! - Decimals are exact `decimal128(38, 18)` ([`RELATIONAL_SCALE`]) in every batch, so
//!   the schema of a table never changes between batches; a value that does not fit is
//!   an error naming its table, column and row, never rounded.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Date32Array, Decimal128Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use kartan::analysis::tables::{Cell, DType, Relational, Table, RELATIONAL_SCALE};
use kartan::io::iati::{for_each_activity, ImportOptions, StreamError, StreamedActivity};
use kartan::io::Format;
use kartan::{Diagnostic, Severity};

/// About how many rows are held before they are handed out as batches.
pub const BATCH_ROWS: usize = 64 * 1024;

/// Arrow's `decimal128` precision.
pub const PRECISION: u8 = 38;

/// The relational tables' names and Arrow schemas, in the order [`scan`] hands the
/// tables out.
pub fn relational_schemas() -> Vec<(String, SchemaRef)> {
    Relational::new("en").tables().iter().map(|t| (t.name.clone(), schema(t))).collect()
}

/// The Arrow schema of a table: text `Utf8`, integers `Int64`, decimals
/// `Decimal128(38, 18)`, dates `Date32`, booleans `Boolean`; every column nullable.
pub fn schema(table: &Table) -> SchemaRef {
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
pub fn unscaled(value: rust_decimal::Decimal) -> Option<i128> {
    let scale = u32::try_from(RELATIONAL_SCALE).ok()?;
    let up = scale.checked_sub(value.scale())?;
    let digits = value.mantissa().checked_mul(10i128.checked_pow(up)?)?;
    (digits.unsigned_abs() < 10u128.pow(u32::from(PRECISION))).then_some(digits)
}

/// The rows of `table` as one record batch of `schema` (from [`schema`]).
///
/// # Errors
/// A message naming the table, column and row of a decimal that does not fit
/// `decimal128(38, 18)`.
pub fn record_batch(table: &Table, schema: &SchemaRef) -> Result<RecordBatch, String> {
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

/// The input files of `paths`: each file as it is, a folder standing for its `.xml` and
/// `.json` files (sorted by name).
///
/// # Errors
/// A message naming a folder that cannot be listed or holds no `.xml` or `.json` file.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| format!("{}: cannot list the folder: {e}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "xml" || x == "json"))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(format!("{}: the folder holds no .xml or .json file to convert", path.display()));
            }
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Reads every input in turn into the relational tables and calls `flush` with them
/// (in the order of [`relational_schemas`]) each time they hold about [`BATCH_ROWS`]
/// rows, and once at the end. `on_error` gets one line per file that could not be read
/// or imported and per error of an import (each also a row of the `diagnostics`
/// table). Returns whether something was left out.
///
/// With `as_of`, each kartan JSON input is also checked by
/// [`kartan::analysis::validate`] as of that day, and its findings are rows of the
/// `diagnostics` table (they describe the portfolio; they do not make the scan
/// incomplete). An IATI input's rows are its import's diagnostics: a stream is
/// never held whole, so it is not validated as a portfolio.
///
/// # Errors
/// The first error `flush` returns: the scan stops there.
pub fn scan<E>(
    inputs: &[PathBuf],
    as_of: Option<NaiveDate>,
    mut on_error: impl FnMut(&str),
    mut flush: impl FnMut(Vec<Table>) -> Result<(), E>,
) -> Result<bool, E> {
    let mut rel = Relational::new("en");
    let mut incomplete = false;
    for path in inputs {
        let source = path.display().to_string();
        match read_one(path, &source, as_of, &mut rel, &mut flush) {
            Ok(diagnostics) => {
                for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                    incomplete = true;
                    on_error(&format!("{}: {} [{}] {}", d.path, d.severity, d.code, d.message));
                }
                rel.push_diagnostics(&source, &diagnostics);
            }
            Err(Failed::Input(message)) => {
                incomplete = true;
                let line = if message.starts_with(&source) { message.clone() } else { format!("{source}: {message}") };
                on_error(&line);
                let d = Diagnostic::new(Severity::Error, "input-failed", &source, &message);
                rel.push_diagnostics(&source, &[d]);
            }
            Err(Failed::Output(e)) => return Err(e),
        }
    }
    flush(rel.take())?;
    Ok(incomplete)
}

/// Why one input stopped.
enum Failed<E> {
    /// The input could not be read or imported: recorded, and the scan goes on.
    Input(String),
    /// The batches could not be handed out: the scan stops.
    Output(E),
}

/// Reads one input into `rel`, flushing full batches; returns its import's diagnostics
/// (an IATI file's; none for kartan JSON, whose validation findings, with `as_of`, go
/// straight into the diagnostics table).
fn read_one<E>(
    path: &Path,
    source: &str,
    as_of: Option<NaiveDate>,
    rel: &mut Relational,
    flush: &mut impl FnMut(Vec<Table>) -> Result<(), E>,
) -> Result<Vec<Diagnostic>, Failed<E>> {
    let bytes_head = head(path).map_err(|e| Failed::Input(format!("cannot read: {e}")))?;
    match Format::detect(&bytes_head) {
        Some(Format::IatiXml) => {
            let file = File::open(path).map_err(|e| Failed::Input(format!("cannot read: {e}")))?;
            let options = ImportOptions::new().source_name(source.to_owned());
            let each = |a: StreamedActivity| -> Result<(), E> {
                rel.set_language(&a.default_language);
                rel.push_project(&a.project);
                if rel.rows() >= BATCH_ROWS {
                    flush(rel.take())?;
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
            if let Some(day) = as_of {
                rel.push_diagnostics(source, &kartan::analysis::validate(&portfolio, day));
            }
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

    #[test]
    fn every_table_has_one_schema_in_scan_order() {
        let schemas = relational_schemas();
        let names: Vec<&str> = schemas.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, kartan::analysis::tables::RELATIONAL_TABLES);
        let (_, periods) = &schemas[names.iter().position(|n| *n == "periods").unwrap()];
        assert_eq!(
            periods.field_with_name("numerator").unwrap().data_type(),
            &DataType::Decimal128(38, RELATIONAL_SCALE)
        );
    }
}
