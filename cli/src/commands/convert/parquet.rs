//! `kartan convert IN… --to parquet -o DIR`: the portfolio's relational tables
//! ([`kartan::analysis::tables::relational`]: projects, results, indicators, periods,
//! budgets, transactions, diagnostics, activities, answers, observations, lessons, plans, factor_assessments,
//! planned_disbursements, recipient_areas, joined by `project_id`, `result_id` and `indicator_id`) as one Parquet file per table (`DIR/periods.parquet` …, zstd),
//! for DuckDB, Polars and Spark.
//!
//! - The tables come from [`kartan_arrow::scan`] (also Python's `kartan.scan_iati`): IATI
//!   input is streamed activity by activity and written in row groups of about
//!   [`BATCH_ROWS`] rows, so memory stays flat whatever the size of the input.
//! - Many inputs are one dataset: `kartan convert a.xml b.xml DIR_OF_XML --to parquet
//!   -o out/` (a folder stands for its `.xml` and `.json` files, sorted by name). A file
//!   that cannot be read or imported stops nothing else: its failure is a row of the
//!   `diagnostics` table (code `input-failed`, or the import's own errors, each also a
//!   line on standard error) and the exit code is 1.
//! - Decimals are exact `decimal128(38, 18)` (`RELATIONAL_SCALE`); a value that does
//!   not fit stops the conversion with its table, column and row, never rounded.
//! - The output is written into a hidden sibling folder and renamed to `DIR` only when
//!   every file is complete, so a partial output never looks complete. An existing
//!   `DIR` is refused unless `--overwrite` is given.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_schema::SchemaRef;
use kartan::analysis::tables::Table;
use kartan_arrow::{record_batch, relational_schemas, BATCH_ROWS};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use super::CliError;
use crate::args::ConvertArgs;

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
    let written = write_all(&inputs, args.as_of, &partial);
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
    let paths: Vec<PathBuf> = std::iter::once(&args.file).chain(&args.more).cloned().collect();
    kartan_arrow::expand(&paths).map_err(CliError::Usage)
}

/// One Parquet writer per relational table.
struct Writers {
    files: Vec<(PathBuf, ArrowWriter<File>, SchemaRef)>,
}

impl Writers {
    fn create(dir: &Path, schemas: Vec<(String, SchemaRef)>) -> Result<Self, CliError> {
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            // a row group is flushed at this size, so memory stays flat
            .set_max_row_group_row_count(Some(BATCH_ROWS))
            .set_created_by(format!("kartan {}", env!("CARGO_PKG_VERSION")))
            .build();
        let mut files = Vec::with_capacity(schemas.len());
        for (name, schema) in schemas {
            let path = dir.join(format!("{name}.parquet"));
            let file = File::create(&path).map_err(|source| CliError::Write { path: path.clone(), source })?;
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
fn write_all(inputs: &[PathBuf], as_of: Option<chrono::NaiveDate>, dir: &Path) -> Result<bool, CliError> {
    let mut writers = Writers::create(dir, relational_schemas())?;
    let incomplete = kartan_arrow::scan(inputs, as_of, super::super::eprintln_one, |tables| writers.write(tables))?;
    writers.close()?;
    Ok(incomplete)
}
