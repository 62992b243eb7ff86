//! Tables in: records from CSV, XLSX and JSON arrays, read through a declared column
//! mapping into projects, organisations and survey responses.
//!
//! The files agencies actually have are spreadsheets. This module reads them in two
//! steps:
//!
//! 1. [`read_table`] turns a file into a [`RawTable`]: a header and rows of text cells,
//!    each row knowing where it came from (file, row, line). CSV goes through the `csv`
//!    crate (UTF-8 BOM, quoted multi-line cells, `;` or `,` delimiters, a trailing empty
//!    column; a quote that never closes and a row with more or fewer cells than the
//!    header are errors), XLSX/XLS/ODS through `calamine`, JSON through the tree reader
//!    of kartan JSON (an array of objects; a key given twice in a record is an error;
//!    numbers keep the digits the file wrote).
//! 2. A mapping ([`ProjectMapping`], [`SurveyMapping`]), saved as a small TOML or JSON
//!    file so that the same import can be repeated, says which column is what;
//!    [`import_projects`] and [`import_survey`] apply it.
//!
//! Numbers are parsed with [`crate::parse_decimal`] (DESIGN.md rule 7) unless the
//! mapping declares a [`Locale`] (decimal comma, thousands separator, `d.m.yyyy` dates).
//! Every import returns an [`TableImportReport`]: rows read, rows imported, and every skip
//! with its row, column and reason (rule 8). Structural problems — an empty file, a
//! mapped column the file does not have, the same project id in two rows — are
//! [`TableError`]s naming the file, the rows and the columns.
//!
//! ```
//! use kartan::io::table::{import_projects, read_table_bytes, ProjectMapping, SourceKind};
//!
//! let mapping = ProjectMapping::from_toml(r#"
//!     language = "sv"
//!     [locale]
//!     decimal_separator = ","
//!     thousands_separator = " "
//!     date_formats = ["%d.%m.%Y"]
//!     [columns]
//!     id = "Ärende"
//!     title = "Namn"
//!     start = "Start"
//!     budget = "Budget"
//!     currency = { value = "SEK" }
//! "#, "mapping.toml")?;
//! let csv = "Ärende;Namn;Start;Budget\nP1;Lärande nätverk;1.3.2019;1 234 567,50\n";
//! let mut options = mapping.source.clone();
//! options.delimiter = Some(";".into());
//! let table = read_table_bytes(csv.as_bytes(), "projekt.csv", SourceKind::Csv, &options)?;
//! let import = import_projects(&table, &mapping)?;
//! assert_eq!(import.projects[0].budgets[0].value.amount.to_string(), "1234567.50");
//! assert_eq!(import.projects[0].planned.start.unwrap().to_string(), "2019-03-01");
//! assert!(import.report.skipped.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod check;
mod mapping;
mod projects;
mod report;
mod source;
mod survey;
mod values;

pub use mapping::{
    FieldSpec, IdSpec, Locale, MappingError, MoneyColumn, PartnerColumns, ProgramSpec, ProjectColumns, ProjectMapping,
    RepeatedRows, ScaleSpec, SourceOptions, SurveyColumns, SurveyMapping, SurveyQuestionSpec, TRANSACTION_TYPE_NAMES,
};
pub use projects::{import_projects, ProjectImport};
pub use report::{ColumnSkips, Skip, TableImportReport};

/// The table import report under its old name.
#[deprecated(
    note = "renamed `TableImportReport` (kartan has two import reports: `io::iati::IatiImportReport` is the other)"
)]
pub type ImportReport = TableImportReport;
pub use source::{read_table, read_table_bytes, CellType, RawRow, RawTable, SourceKind};
pub use survey::{import_survey, SurveyImport};
pub use values::{normalise_label, parse_date, parse_number};

use std::fmt;
use std::path::Path;

use crate::model::{Evaluation, Portfolio, Program, Text};

/// Reads a portfolio from a table of projects and its mapping file (TOML or JSON): the
/// projects, the organisations they name, and the program named in the mapping's
/// `[program]` (else a program whose id and title are the table's file stem).
///
/// # Errors
/// [`TableError`], naming the file (mapping or table), row and column.
pub fn load_portfolio(
    table: impl AsRef<Path>,
    mapping: impl AsRef<Path>,
) -> Result<(Portfolio, TableImportReport), TableError> {
    let mapping = ProjectMapping::load(mapping)?;
    let table_path = table.as_ref();
    let raw = read_table(table_path, &mapping.source)?;
    portfolio_of(&raw, &mapping, table_path)
}

/// As [`load_portfolio`], from a table's bytes and a mapping's text, for callers without
/// files (the WebAssembly binding). `table_name` names the table in messages and gives
/// its kind by its extension (`.csv`, `.tsv`, `.json` …) and the program's default id;
/// `mapping_name` names the mapping in messages, which is JSON when it ends in `.json`
/// and TOML otherwise.
///
/// # Errors
/// As [`load_portfolio`].
pub fn portfolio_from_bytes(
    table: &[u8],
    table_name: &str,
    mapping: &str,
    mapping_name: &str,
) -> Result<(Portfolio, TableImportReport), TableError> {
    let mapping = ProjectMapping::from_named_text(mapping, mapping_name)?;
    let raw = read_table_bytes(table, table_name, SourceKind::of_file(table_name)?, &mapping.source)?;
    portfolio_of(&raw, &mapping, Path::new(table_name))
}

/// As [`load_evaluation`], from a table's bytes and a mapping's text (named as in
/// [`portfolio_from_bytes`]).
///
/// # Errors
/// As [`load_evaluation`].
pub fn evaluation_from_bytes(
    table: &[u8],
    table_name: &str,
    mapping: &str,
    mapping_name: &str,
) -> Result<(Evaluation, TableImportReport), TableError> {
    let mapping = SurveyMapping::from_named_text(mapping, mapping_name)?;
    let raw = read_table_bytes(table, table_name, SourceKind::of_file(table_name)?, &mapping.source)?;
    let imported = import_survey(&raw, &mapping)?;
    Ok((imported.evaluation, imported.report))
}

/// The portfolio of the projects in `raw`, with the program named in the mapping (else
/// one named after the table's file stem).
fn portfolio_of(
    raw: &RawTable,
    mapping: &ProjectMapping,
    table_path: &Path,
) -> Result<(Portfolio, TableImportReport), TableError> {
    let imported = import_projects(raw, mapping)?;
    let lang = mapping.language.clone().unwrap_or_else(|| "en".to_owned());
    let stem = table_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let program = match &mapping.program {
        Some(p) => Program::new(p.id.clone(), Text::one(&lang, p.title.clone())),
        None => Program::new(stem.clone(), Text::one(&lang, stem)),
    };
    let report = imported.report.clone();
    Ok((imported.into_portfolio(&lang, program), report))
}

/// Reads an evaluation from a table of survey responses and its mapping file.
///
/// # Errors
/// [`TableError`], naming the file (mapping or table), row and column.
pub fn load_evaluation(
    table: impl AsRef<Path>,
    mapping: impl AsRef<Path>,
) -> Result<(Evaluation, TableImportReport), TableError> {
    let mapping = SurveyMapping::load(mapping)?;
    let raw = read_table(table, &mapping.source)?;
    let imported = import_survey(&raw, &mapping)?;
    Ok((imported.evaluation, imported.report))
}

/// Reads a survey table and its mapping file into a [`SurveyImport`]: the evaluation,
/// its events as activities, and the import report. Add it to a portfolio with
/// [`SurveyImport::add_to`], or make it a portfolio of its own with
/// [`SurveyImport::into_portfolio`].
///
/// # Errors
/// As [`load_evaluation`].
pub fn load_survey(table: impl AsRef<Path>, mapping: impl AsRef<Path>) -> Result<SurveyImport, TableError> {
    let mapping = SurveyMapping::load(mapping)?;
    let raw = read_table(table, &mapping.source)?;
    import_survey(&raw, &mapping)
}

/// Where a cell or row is in its file: the file name, the row as a spreadsheet shows
/// it (the header is row 1, the first record row 2; for JSON, the record's 1-based
/// position in the array), the line where the record starts (CSV only) and the column.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Place {
    /// The file (or the name given for bytes).
    pub file: String,
    /// How the file was read.
    pub kind: SourceKind,
    /// The row: spreadsheet numbering (header = 1) for CSV and XLSX, 1-based record
    /// number for JSON arrays.
    pub row: usize,
    /// The line where the record starts, for CSV (differs from `row` after a
    /// multi-line cell).
    pub line: Option<u64>,
    /// The column's name, when the place is a cell.
    pub column: Option<String>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            SourceKind::Json => write!(f, "{}: record {} (/{})", self.file, self.row, self.row.saturating_sub(1))?,
            _ => write!(f, "{}: row {}", self.file, self.row)?,
        }
        if let Some(line) = self.line.filter(|&l| l != self.row as u64) {
            write!(f, " (line {line})")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column {c:?}")?;
        }
        Ok(())
    }
}

/// Why a table could not be read or imported. Every message names the file, and the
/// row and column where there is one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TableError {
    /// The file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file's name does not say which kind of table it is.
    #[error(
        "{file}: unknown table kind: expected a name ending in .csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods or .json"
    )]
    UnknownKind {
        /// The file.
        file: String,
    },
    /// The file holds no header and no records.
    #[error("{file}: the table is empty: expected a header row and at least one record")]
    Empty {
        /// The file.
        file: String,
    },
    /// The file could not be parsed as the kind it claims to be.
    #[error("{file}: {message}")]
    Parse {
        /// The file.
        file: String,
        /// What is wrong and where (row/line, or JSON line:column).
        message: String,
    },
    /// Two header cells have the same name.
    #[error("{file}: column {name:?} appears twice in the header (columns {first} and {second})")]
    DuplicateColumn {
        /// The file.
        file: String,
        /// The repeated name.
        name: String,
        /// 1-based position of the first.
        first: usize,
        /// 1-based position of the second.
        second: usize,
    },
    /// A column the mapping names is not in the file.
    #[error("{file}: the mapping's {field} names column {column:?}, which the table does not have; its columns are: {available}")]
    MissingColumn {
        /// The file.
        file: String,
        /// The mapping field (e.g. `columns.budget`).
        field: String,
        /// The missing column.
        column: String,
        /// The columns the file has, comma-separated.
        available: String,
    },
    /// Two rows give the same project id.
    #[error("{file}: duplicate project id {id:?} in row {first_row} and row {second_row} (column {column:?})")]
    DuplicateId {
        /// The file.
        file: String,
        /// The repeated id.
        id: String,
        /// The id's column.
        column: String,
        /// The first row with the id.
        first_row: usize,
        /// The second row with the id.
        second_row: usize,
    },
    /// A cell could not be read and the mapping asks for strict imports.
    #[error("{place}: {reason}")]
    Cell {
        /// Where.
        place: Place,
        /// What is wrong.
        reason: String,
    },
    /// The mapping itself is wrong.
    #[error(transparent)]
    Mapping(#[from] MappingError),
}
