//! Tables out: every analysis as records with typed columns, for Arrow, pandas, polars
//! and JS, and as CSV guarded against formula injection.
//!
//! The entity tables are built here once for every face (Python, JS, the CLI's CSV):
//! [`projects_table`], [`periods_table`] and [`progress_table`]. Their decimals stay
//! exact [`Cell::Decimal`]s; [`Table::decimal_column`] turns a decimal column into what
//! an Arrow writer needs, either exact `decimal128(38, s)` or `float64`
//! ([`Decimals`]), so no face chooses a scale or rounds on its own.
//!
//! A [`Table`] is deliberately plain — named, typed columns and rows of [`Cell`]s — so
//! that the bindings can build an Arrow record batch (string → `Utf8`, int → `Int64`,
//! decimal → `Decimal128` or `Float64`, date → `Date32`, bool → `Boolean`, null in any
//! column) without knowing the analysis. It lives in `analysis` because only analyses
//! produce it; the model has no need of it.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

mod arrow;
mod periods;
mod progress;
mod projects;
pub mod relational;
mod spending;

pub use arrow::{Decimal128Column, DecimalColumn, DecimalFitError, Decimals, DECIMAL128_PRECISION};
pub use periods::{
    empty_periods_table, period_pairs, periods_table, project_periods_table, push_period_rows, visit_period_rows,
    PeriodPair, PERIODS_COLUMNS, PERIODS_TABLE,
};
pub use progress::{progress_table, PROGRESS_COLUMNS, PROGRESS_TABLE};
pub use projects::{projects_table, PROJECTS_COLUMNS, PROJECTS_TABLE};
pub use relational::{relational_tables, Relational, RELATIONAL_SCALE, RELATIONAL_TABLES};
pub(crate) use spending::remaining_and_used;
pub use spending::{spending_table, SPENDING_COLUMNS, SPENDING_TABLE};

/// The type of a column's cells (every column may also hold [`Cell::Null`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DType {
    /// UTF-8 text.
    String,
    /// A 64-bit signed integer (counts).
    Int,
    /// An exact decimal (money, means, fractions).
    Decimal,
    /// A calendar date.
    Date,
    /// True or false.
    Bool,
}

/// A column: its name (snake_case) and type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Column {
    /// The name, snake_case, unique in the table.
    pub name: String,
    /// The type of its cells.
    pub dtype: DType,
}

/// One typed value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Cell {
    /// No value (missing, undefined, not applicable).
    Null,
    /// Text.
    String(String),
    /// An integer.
    Int(i64),
    /// An exact decimal, serialised as a string so no reader rounds it.
    Decimal(#[serde(serialize_with = "crate::model::number::strict::serialize")] Decimal),
    /// A date, serialised as `YYYY-MM-DD`.
    Date(NaiveDate),
    /// A boolean.
    Bool(bool),
}

impl Cell {
    /// The cell's type; `None` for [`Cell::Null`].
    pub fn dtype(&self) -> Option<DType> {
        match self {
            Cell::Null => None,
            Cell::String(_) => Some(DType::String),
            Cell::Int(_) => Some(DType::Int),
            Cell::Decimal(_) => Some(DType::Decimal),
            Cell::Date(_) => Some(DType::Date),
            Cell::Bool(_) => Some(DType::Bool),
        }
    }
}

impl fmt::Display for Cell {
    /// The cell as plain text: empty for null, `YYYY-MM-DD` for dates, `true`/`false`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Null => Ok(()),
            Cell::String(s) => f.write_str(s),
            Cell::Int(i) => write!(f, "{i}"),
            Cell::Decimal(d) => write!(f, "{}", d.normalize()),
            Cell::Date(d) => write!(f, "{d}"),
            Cell::Bool(b) => write!(f, "{b}"),
        }
    }
}

impl Cell {
    /// A text cell, null when `s` is empty (a blank text is no value).
    pub fn text(s: &str) -> Self {
        if s.is_empty() {
            Self::Null
        } else {
            Self::String(s.to_owned())
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::String(s.to_owned())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::String(s)
    }
}
impl From<u64> for Cell {
    fn from(v: u64) -> Self {
        i64::try_from(v).map_or(Cell::Null, Cell::Int)
    }
}
impl From<usize> for Cell {
    fn from(v: usize) -> Self {
        i64::try_from(v).map_or(Cell::Null, Cell::Int)
    }
}
impl From<Decimal> for Cell {
    fn from(d: Decimal) -> Self {
        Cell::Decimal(d)
    }
}
impl From<NaiveDate> for Cell {
    fn from(d: NaiveDate) -> Self {
        Cell::Date(d)
    }
}
impl From<bool> for Cell {
    fn from(b: bool) -> Self {
        Cell::Bool(b)
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(o: Option<T>) -> Self {
        o.map_or(Cell::Null, Into::into)
    }
}

/// A cell borrowed from the model: what a row visitor ([`visit_period_rows`]) hands
/// out, so that a writer (the Python binding's Arrow builders) takes each value without
/// an owned copy. [`CellRef::to_cell`] makes it a [`Cell`]; `CellRef::from(&cell)`
/// borrows one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellRef<'a> {
    /// No value.
    Null,
    /// Text.
    Str(&'a str),
    /// An integer.
    Int(i64),
    /// An exact decimal.
    Decimal(Decimal),
    /// A date.
    Date(NaiveDate),
    /// A boolean.
    Bool(bool),
}

impl<'a> CellRef<'a> {
    /// A text cell, null when `s` is empty (a blank text is no value), as [`Cell::text`].
    pub fn text(s: &'a str) -> Self {
        if s.is_empty() {
            Self::Null
        } else {
            Self::Str(s)
        }
    }

    /// The owned cell.
    pub fn to_cell(self) -> Cell {
        match self {
            Self::Null => Cell::Null,
            Self::Str(s) => Cell::String(s.to_owned()),
            Self::Int(v) => Cell::Int(v),
            Self::Decimal(d) => Cell::Decimal(d),
            Self::Date(d) => Cell::Date(d),
            Self::Bool(b) => Cell::Bool(b),
        }
    }
}

impl<'a> From<&'a Cell> for CellRef<'a> {
    fn from(cell: &'a Cell) -> Self {
        match cell {
            Cell::Null => Self::Null,
            Cell::String(s) => Self::Str(s),
            Cell::Int(v) => Self::Int(*v),
            Cell::Decimal(d) => Self::Decimal(*d),
            Cell::Date(d) => Self::Date(*d),
            Cell::Bool(b) => Self::Bool(*b),
        }
    }
}
impl<'a> From<&'a str> for CellRef<'a> {
    fn from(s: &'a str) -> Self {
        Self::Str(s)
    }
}
impl From<Decimal> for CellRef<'_> {
    fn from(d: Decimal) -> Self {
        Self::Decimal(d)
    }
}
impl From<NaiveDate> for CellRef<'_> {
    fn from(d: NaiveDate) -> Self {
        Self::Date(d)
    }
}
impl<'a, T: Into<CellRef<'a>>> From<Option<T>> for CellRef<'a> {
    fn from(o: Option<T>) -> Self {
        o.map_or(Self::Null, Into::into)
    }
}

/// Why rows do not fit a table's columns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TableShapeError {
    /// A row has the wrong number of cells.
    #[error("table {table:?}: row {row} has {got} cells, expected {expected}")]
    Width {
        /// The table.
        table: String,
        /// 0-based row index.
        row: usize,
        /// Cells in the row.
        got: usize,
        /// Columns in the table.
        expected: usize,
    },
    /// A cell's type is not its column's.
    #[error("table {table:?}: row {row}, column {column:?} holds a {got:?}, expected {expected:?}")]
    Type {
        /// The table.
        table: String,
        /// 0-based row index.
        row: usize,
        /// The column.
        column: String,
        /// The cell's type.
        got: DType,
        /// The column's type.
        expected: DType,
    },
}

/// Records with typed columns: the output form of every analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Table {
    /// A short snake_case name (e.g. `survey_questions`).
    pub name: String,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows; each has one cell per column, of the column's type or null.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with `columns` given as `(name, dtype)` pairs.
    pub fn new(name: &str, columns: &[(&str, DType)]) -> Self {
        Self {
            name: name.to_owned(),
            columns: columns.iter().map(|(n, t)| Column { name: (*n).to_owned(), dtype: *t }).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row. Checked by [`Table::check`] (the analyses build rows that fit).
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The position of the column named `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// Checks that every row has one cell per column, each of the column's type or null.
    ///
    /// # Errors
    /// The first misfit, naming the row and column.
    pub fn check(&self) -> Result<(), TableShapeError> {
        for (i, row) in self.rows.iter().enumerate() {
            if row.len() != self.columns.len() {
                return Err(TableShapeError::Width {
                    table: self.name.clone(),
                    row: i,
                    got: row.len(),
                    expected: self.columns.len(),
                });
            }
            for (cell, col) in row.iter().zip(&self.columns) {
                if let Some(t) = cell.dtype().filter(|t| *t != col.dtype) {
                    return Err(TableShapeError::Type {
                        table: self.name.clone(),
                        row: i,
                        column: col.name.clone(),
                        got: t,
                        expected: col.dtype,
                    });
                }
            }
        }
        Ok(())
    }

    /// The table as CSV (RFC 4180, `\n` line ends, a header row), guarded against
    /// formula injection: a text cell starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return is written with a leading `'` so that a spreadsheet shows it as
    /// text and never runs it (OWASP "CSV injection"). Numbers, dates and booleans are
    /// written as they are (a negative number stays `-5`), nulls as empty cells.
    pub fn to_csv(&self) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.write_csv(&mut out, true);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes the table as [`Table::to_csv`] does to `out`; without the header row when
    /// `header` is false (a streaming writer writes the header once, then the rows of
    /// one table after another with the same columns).
    ///
    /// # Errors
    /// The first write error of `out`.
    pub fn write_csv<W: std::io::Write>(&self, out: W, header: bool) -> std::io::Result<()> {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
        // Only I/O errors count: a row of the wrong width (see [`Table::check`]) is
        // left out, as it always was.
        let io = |r: Result<(), csv::Error>| match r.map_err(csv::Error::into_kind) {
            Ok(()) | Err(csv::ErrorKind::UnequalLengths { .. }) => Ok(()),
            Err(csv::ErrorKind::Io(e)) => Err(e),
            Err(other) => Err(std::io::Error::other(format!("{other:?}"))),
        };
        if header {
            io(w.write_record(self.columns.iter().map(|c| guard_formula(&c.name))))?;
        }
        let mut cells: Vec<String> = Vec::with_capacity(self.columns.len());
        for row in &self.rows {
            cells.clear();
            cells.extend(row.iter().map(|c| match c {
                Cell::String(s) => guard_formula(s),
                other => other.to_string(),
            }));
            io(w.write_record(&cells))?;
        }
        w.flush()
    }
}

/// A value's kartan JSON tag (`outcome`, `unit`, `non_cumulative`).
pub(crate) fn tag<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Prefixes `'` to text that a spreadsheet would read as a formula: text starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return.
pub fn guard_formula(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_guards_formulas_but_not_numbers() {
        let mut t = Table::new("t", &[("text", DType::String), ("n", DType::Int), ("x", DType::Decimal)]);
        for s in ["=1+1", "+46 8 123", "-2", "@SUM(A1)", "\tx", "\rx", "plain", "a=b"] {
            t.push(vec![s.into(), Cell::Int(-5), Cell::Decimal("-0.50".parse().unwrap())]);
        }
        t.push(vec![Cell::Null, Cell::Null, Cell::Null]);
        t.check().unwrap();
        let csv = t.to_csv();
        let lines: Vec<&str> = csv.split('\n').collect();
        assert_eq!(lines[0], "text,n,x");
        assert_eq!(lines[1], "'=1+1,-5,-0.5");
        assert_eq!(lines[2], "'+46 8 123,-5,-0.5");
        assert_eq!(lines[3], "'-2,-5,-0.5");
        assert_eq!(lines[4], "'@SUM(A1),-5,-0.5");
        assert_eq!(lines[5], "'\tx,-5,-0.5");
        assert_eq!(lines[6], "\"'\rx\",-5,-0.5");
        assert_eq!(lines[7], "plain,-5,-0.5");
        assert_eq!(lines[8], "a=b,-5,-0.5");
        assert_eq!(lines[9], ",,");
    }

    #[test]
    fn json_form_for_the_bindings() {
        let mut t =
            Table::new("t", &[("s", DType::String), ("d", DType::Decimal), ("day", DType::Date), ("b", DType::Bool)]);
        t.push(vec![
            "x".into(),
            Cell::Decimal("4354438151.00".parse().unwrap()),
            NaiveDate::from_ymd_opt(2016, 10, 14).into(),
            true.into(),
        ]);
        t.push(vec![Cell::Null, Cell::Null, Cell::Null, Cell::Null]);
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            serde_json::json!({
                "name": "t",
                "columns": [{"name": "s", "dtype": "string"}, {"name": "d", "dtype": "decimal"}, {"name": "day", "dtype": "date"}, {"name": "b", "dtype": "bool"}],
                "rows": [["x", "4354438151.00", "2016-10-14", true], [null, null, null, null]]
            })
        );
    }

    #[test]
    fn check_names_the_misfit() {
        let mut t = Table::new("t", &[("n", DType::Int)]);
        t.push(vec!["x".into()]);
        assert_eq!(t.check().unwrap_err().to_string(), "table \"t\": row 0, column \"n\" holds a String, expected Int");
        t.rows[0] = vec![];
        assert!(matches!(t.check(), Err(TableShapeError::Width { .. })));
    }
}
