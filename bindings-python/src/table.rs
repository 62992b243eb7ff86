//! `kartan.Table`: a columnar table that leaves Rust through the Arrow PyCapsule
//! interface (`__arrow_c_stream__`), so pyarrow, polars and pandas ≥ 3 take it
//! without copying values through Python objects.
//!
//! The export is hand-written on `arrow-array`'s `ffi_stream` (one record batch per
//! table) rather than `pyo3-arrow`: the extension stays under a megabyte
//! (ENVIRONMENT.md measured 0.8 MB against 10.4 MB).

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchIterator};
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use kartan::analysis::tables::{CellRef, DType, DecimalColumn, Decimals};
use rust_decimal::Decimal;

use crate::convert::py_quote;
use crate::errors::KartanError;

/// A column under construction: a name and typed, nullable values.
pub(crate) enum Column {
    /// UTF-8 text.
    Text(Vec<Option<String>>),
    /// 64-bit floats (decimals converted to the nearest double).
    Float(Vec<Option<f64>>),
    /// 64-bit integers.
    Int(Vec<Option<i64>>),
    /// Calendar dates (Arrow `date32`).
    Date(Vec<Option<NaiveDate>>),
    /// A finished Arrow array (built directly, for large tables).
    Array(ArrayRef),
    /// Booleans.
    Bool(Vec<Option<bool>>),
}

/// Days since 1970-01-01 (Arrow `date32`).
pub(crate) fn date32(d: NaiveDate) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(d.signed_duration_since(epoch).num_days()).ok()
}

impl Column {
    fn into_array(self) -> (DataType, ArrayRef) {
        match self {
            Column::Text(v) => (DataType::Utf8, Arc::new(arrow_array::StringArray::from(v))),
            Column::Float(v) => (DataType::Float64, Arc::new(arrow_array::Float64Array::from(v))),
            Column::Int(v) => (DataType::Int64, Arc::new(arrow_array::Int64Array::from(v))),
            Column::Date(v) => {
                let days: Vec<Option<i32>> = v.into_iter().map(|d| d.and_then(date32)).collect();
                (DataType::Date32, Arc::new(arrow_array::Date32Array::from(days)))
            }
            Column::Array(a) => (a.data_type().clone(), a),
            Column::Bool(v) => (DataType::Boolean, Arc::new(arrow_array::BooleanArray::from(v))),
        }
    }
}

/// The columns of a core table being built row by row from borrowed cells (a core row
/// visitor such as `visit_period_rows`, or a `Table`'s rows): each text goes straight
/// into its Arrow buffer, with no owned copy first.
pub(crate) struct Rows {
    name: String,
    columns: Vec<(String, Builder)>,
    len: usize,
}

enum Builder {
    Text(arrow_array::builder::StringBuilder),
    Int(Vec<Option<i64>>),
    Decimal(Vec<Option<Decimal>>),
    Date(Vec<Option<i32>>),
    Bool(Vec<Option<bool>>),
}

impl Rows {
    /// No rows yet, with the columns `(name, dtype)`.
    pub(crate) fn new<'a>(name: &str, columns: impl IntoIterator<Item = (&'a str, DType)>) -> Self {
        let columns = columns
            .into_iter()
            .map(|(n, t)| {
                let b = match t {
                    DType::String => Builder::Text(arrow_array::builder::StringBuilder::new()),
                    DType::Int => Builder::Int(Vec::new()),
                    DType::Decimal => Builder::Decimal(Vec::new()),
                    DType::Date => Builder::Date(Vec::new()),
                    DType::Bool => Builder::Bool(Vec::new()),
                };
                (n.to_owned(), b)
            })
            .collect();
        Self { name: name.to_owned(), columns, len: 0 }
    }

    /// Appends a row: one cell per column, in order (a missing cell, or one of another
    /// type than its column, is null; the core's `Table::check` guarantees there is none).
    pub(crate) fn push<'c>(&mut self, cells: impl IntoIterator<Item = CellRef<'c>>) {
        let mut cells = cells.into_iter();
        for (_, builder) in &mut self.columns {
            let cell = cells.next().unwrap_or(CellRef::Null);
            match builder {
                Builder::Text(b) => b.append_option(if let CellRef::Str(s) = cell { Some(s) } else { None }),
                Builder::Int(v) => v.push(if let CellRef::Int(x) = cell { Some(x) } else { None }),
                Builder::Decimal(v) => v.push(if let CellRef::Decimal(d) = cell { Some(d) } else { None }),
                Builder::Date(v) => v.push(if let CellRef::Date(d) = cell { date32(d) } else { None }),
                Builder::Bool(v) => v.push(if let CellRef::Bool(b) = cell { Some(b) } else { None }),
            }
        }
        self.len += 1;
    }

    /// The table, its decimal columns as `decimals` says (the core's `DecimalColumn`).
    ///
    /// # Errors
    /// `KartanError` naming the table, column and row of a value that does not fit
    /// `decimal128(38, s)`.
    pub(crate) fn finish(self, decimals: Decimals) -> PyResult<PyTable> {
        let (mut names, mut arrays) = (Vec::with_capacity(self.columns.len()), Vec::with_capacity(self.columns.len()));
        for (col_name, builder) in self.columns {
            let array: ArrayRef = match builder {
                Builder::Text(mut b) => Arc::new(b.finish()),
                Builder::Int(v) => Arc::new(arrow_array::Int64Array::from(v)),
                Builder::Date(v) => Arc::new(arrow_array::Date32Array::from(v)),
                Builder::Bool(v) => Arc::new(arrow_array::BooleanArray::from(v)),
                Builder::Decimal(v) => match DecimalColumn::of(&self.name, &col_name, &v, decimals) {
                    Ok(DecimalColumn::Float(f)) => Arc::new(arrow_array::Float64Array::from(f)),
                    Ok(DecimalColumn::Exact(exact)) => Arc::new(
                        arrow_array::Decimal128Array::from(exact.values)
                            .with_precision_and_scale(exact.precision, exact.scale)
                            .map_err(|e| {
                                KartanError::new_err(format!("table {:?}, column {col_name:?}: {e}", self.name))
                            })?,
                    ),
                    Err(e) => return Err(KartanError::new_err(format!("{e}; use decimals=\"float\""))),
                },
            };
            debug_assert_eq!(array.len(), self.len);
            names.push(col_name);
            arrays.push(Column::Array(array));
        }
        PyTable::new(&self.name, names.iter().map(String::as_str).zip(arrays).collect())
    }
}

/// `reader` as an ``ArrowArrayStream`` capsule (the Arrow PyCapsule interface).
pub(crate) fn stream_capsule<'py>(
    py: Python<'py>,
    reader: impl arrow_array::RecordBatchReader + Send + 'static,
) -> PyResult<Bound<'py, PyCapsule>> {
    PyCapsule::new_with_value(py, FFI_ArrowArrayStream::new(Box::new(reader)), c"arrow_array_stream")
}

/// The schema of the table `name` as an ``ArrowSchema`` capsule.
pub(crate) fn schema_capsule<'py>(
    py: Python<'py>,
    name: &str,
    schema: &arrow_schema::Schema,
) -> PyResult<Bound<'py, PyCapsule>> {
    let schema = FFI_ArrowSchema::try_from(schema).map_err(|e| KartanError::new_err(format!("table {name:?}: {e}")))?;
    PyCapsule::new_with_value(py, schema, c"arrow_schema")
}

/// A table of records from kartan: entity lists (``portfolio.projects_table()``,
/// ``portfolio.periods_table()``) and analyses.
///
/// It implements the Arrow PyCapsule interface, so ``pyarrow.table(t)``,
/// ``polars.DataFrame(t)`` and ``pandas.DataFrame.from_arrow(t)`` (pandas ≥ 3) read it
/// directly; ``to_pandas()`` / ``to_polars()`` do that for you. pandas, polars and
/// pyarrow are optional: install the one you use.
///
/// Column types: text is ``utf8``, dates are ``date32``, counts are ``int64``; amounts
/// and indicator values are ``float64`` (the nearest double to the exact decimal), or
/// exact ``decimal128(38, s)`` where the method takes ``decimals="exact"``; the model
/// objects and ``to_json()`` always keep the exact ``decimal.Decimal``.
///
/// >>> t = kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "sv", '
/// ...     '"program": {"id": "P", "title": {"sv": "P"}}, "projects": [{"id": "A", "title": {"sv": "Ett"}}]}'
/// ... ).tables.projects()
/// >>> t
/// <Table 'projects' rows=1 columns=16>
/// >>> t.column_names[:3], len(t)
/// (['id', 'title', 'status'], 1)
#[pyclass(frozen, name = "Table", module = "kartan")]
#[derive(Debug)]
pub struct PyTable {
    pub(crate) name: String,
    pub(crate) batch: RecordBatch,
}

impl PyTable {
    /// Builds a table from named columns of equal length.
    pub(crate) fn new(name: &str, columns: Vec<(&str, Column)>) -> PyResult<Self> {
        let mut fields = Vec::with_capacity(columns.len());
        let mut arrays = Vec::with_capacity(columns.len());
        for (col_name, column) in columns {
            let (data_type, array) = column.into_array();
            fields.push(Field::new(col_name, data_type, true));
            arrays.push(array);
        }
        let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
            .map_err(|e| KartanError::new_err(format!("table {name:?}: {e}")))?;
        Ok(Self { name: name.to_owned(), batch })
    }

    /// Converts a core analysis table (`kartan::analysis::tables::Table`): text →
    /// `utf8`, int → `int64`, decimal → `float64` (the nearest double), date →
    /// `date32`, bool → `bool`; a cell of another type than its column is null (the
    /// core's `Table::check` guarantees there is none).
    pub(crate) fn from_core(table: &kartan::analysis::tables::Table) -> PyResult<Self> {
        Self::from_core_with(table, kartan::analysis::tables::Decimals::Float)
    }

    /// [`PyTable::from_core`] with the decimal columns as `decimals` says: `float64`, or
    /// exact `decimal128(38, s)` with `s` the largest scale in the column (the core's
    /// `Table::decimal_column`).
    ///
    /// # Errors
    /// `KartanError` naming the table, column and row of a value that does not fit
    /// `decimal128(38, s)`.
    pub(crate) fn from_core_with(
        table: &kartan::analysis::tables::Table,
        decimals: kartan::analysis::tables::Decimals,
    ) -> PyResult<Self> {
        let mut rows = Rows::new(&table.name, table.columns.iter().map(|c| (c.name.as_str(), c.dtype)));
        for row in &table.rows {
            rows.push(row.iter().map(CellRef::from));
        }
        rows.finish(decimals)
    }

    fn cell(&self, row: usize, col: usize) -> Option<String> {
        let array = self.batch.column(col);
        if array.is_null(row) {
            return None;
        }
        Some(match array.data_type() {
            DataType::Utf8 => array.as_string::<i32>().value(row).to_owned(),
            DataType::Float64 => format!("{}", array.as_primitive::<Float64Type>().value(row)),
            DataType::Int64 => array.as_primitive::<Int64Type>().value(row).to_string(),
            DataType::Boolean => array.as_boolean().value(row).to_string(),
            DataType::Date32 => {
                let days = array.as_primitive::<Date32Type>().value(row);
                NaiveDate::from_ymd_opt(1970, 1, 1)
                    .and_then(|e| e.checked_add_signed(chrono::Duration::days(i64::from(days))))
                    .map_or_else(|| days.to_string(), |d| d.to_string())
            }
            other => format!("<{other}>"),
        })
    }
}

#[pymethods]
impl PyTable {
    /// A table from columns ``(name, type, values)`` with ``type`` one of ``"text"``,
    /// ``"float"``, ``"int"``, ``"date"``, ``"bool"`` and ``None`` for a missing value:
    /// how the answers of ``kartan.answers`` lay their rows out (private).
    ///
    /// Raises ``TypeError`` for a value of another type, ``KartanError`` for columns of
    /// unequal length.
    #[staticmethod]
    fn _from_columns(name: &str, columns: Vec<(String, String, Bound<'_, PyAny>)>) -> PyResult<Self> {
        let mut out = Vec::with_capacity(columns.len());
        for (col_name, kind, values) in &columns {
            let column = match kind.as_str() {
                "text" => Column::Text(values.extract()?),
                "float" => Column::Float(values.extract()?),
                "int" => Column::Int(values.extract()?),
                "date" => Column::Date(values.extract()?),
                "bool" => Column::Bool(values.extract()?),
                other => {
                    return Err(pyo3::exceptions::PyValueError::new_err(format!(
                        "column {}: unknown type {}",
                        py_quote(col_name),
                        py_quote(other)
                    )))
                }
            };
            out.push((col_name.as_str(), column));
        }
        Self::new(name, out)
    }

    /// The table's name (``"projects"``, ``"periods"`` …).
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch.schema().fields().iter().map(|f| f.name().clone()).collect()
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// The number of columns.
    #[getter]
    fn num_columns(&self) -> usize {
        self.batch.num_columns()
    }

    /// The rows ``start`` to ``start + count`` as a list of dicts (for a quick look;
    /// use the Arrow interface for analysis). Values are ``str``, ``float``, ``int``,
    /// ``datetime.date`` or ``None``.
    #[pyo3(signature = (start = 0, count = 10))]
    fn rows<'py>(&self, py: Python<'py>, start: usize, count: usize) -> PyResult<Vec<Bound<'py, pyo3::types::PyDict>>> {
        let end = start.saturating_add(count).min(self.batch.num_rows());
        let names = self.column_names();
        let mut out = Vec::new();
        for row in start.min(end)..end {
            let dict = pyo3::types::PyDict::new(py);
            for (col, name) in names.iter().enumerate() {
                let array = self.batch.column(col);
                if array.is_null(row) {
                    dict.set_item(name, py.None())?;
                    continue;
                }
                match array.data_type() {
                    DataType::Float64 => dict.set_item(name, array.as_primitive::<Float64Type>().value(row))?,
                    DataType::Int64 => dict.set_item(name, array.as_primitive::<Int64Type>().value(row))?,
                    DataType::Boolean => dict.set_item(name, array.as_boolean().value(row))?,
                    DataType::Date32 => {
                        let days = array.as_primitive::<Date32Type>().value(row);
                        let date = NaiveDate::from_ymd_opt(1970, 1, 1)
                            .and_then(|e| e.checked_add_signed(chrono::Duration::days(i64::from(days))));
                        dict.set_item(name, date)?
                    }
                    _ => dict.set_item(name, self.cell(row, col))?,
                }
            }
            out.push(dict);
        }
        Ok(out)
    }

    /// The first ``count`` rows as text cells (``None`` for missing), for display.
    #[pyo3(signature = (count = 10))]
    fn preview(&self, count: usize) -> Vec<Vec<Option<String>>> {
        let rows = count.min(self.batch.num_rows());
        (0..rows).map(|r| (0..self.batch.num_columns()).map(|c| self.cell(r, c)).collect()).collect()
    }

    /// Arrow PyCapsule interface: the table as an ``ArrowArrayStream`` capsule.
    ///
    /// ``requested_schema`` is accepted and ignored (the interface allows that): the
    /// columns always come in their own types.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        stream_capsule(py, RecordBatchIterator::new([Ok(self.batch.clone())], self.batch.schema()))
    }

    /// Arrow PyCapsule interface: the table's schema as an ``ArrowSchema`` capsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, &self.name, &self.batch.schema())
    }

    /// The table as a ``pandas.DataFrame`` (needs pandas; pandas < 3 also needs pyarrow).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("kartan._interop")?.call_method1("to_pandas", (slf,))
    }

    /// The table as a ``polars.DataFrame`` (needs polars).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("kartan._interop")?.call_method1("to_polars", (slf,))
    }

    /// The table as a ``pyarrow.Table`` (needs pyarrow).
    fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("kartan._interop")?.call_method1("to_arrow", (slf,))
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("kartan._repr")?.call_method1("table_html", (slf,))
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!("<Table {} rows={} columns={}>", py_quote(&self.name), self.batch.num_rows(), self.batch.num_columns())
    }
}
