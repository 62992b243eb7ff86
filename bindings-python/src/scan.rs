//! `kartan.scan_iati(paths)`: the relational tables of many IATI XML (and kartan JSON)
//! files as Arrow streams (`__arrow_c_stream__`), read batch by batch so that no table
//! need fit in memory: the same tables, batches and exact `decimal128(38, 18)` columns
//! as `kartan convert --to parquet` (`kartan_arrow::scan`).
//!
//! Each read of a stream parses the files once, on a thread of its own, and hands over
//! one record batch at a time through a channel of one: memory holds about two batches
//! of the table (about 64k rows each) plus the parser's buffers.

use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver};

use arrow_array::{RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, SchemaRef};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::table::{schema_capsule, stream_capsule};

/// One relational table of a set of files, read when a consumer asks for it
/// (``pyarrow.RecordBatchReader.from_stream(s)``, ``polars.DataFrame(s)``,
/// ``duckdb.from_arrow(s)`` …). It can be read any number of times; each read parses
/// the files again.
#[pyclass(frozen, name = "TableStream", module = "kartan")]
#[derive(Debug)]
pub struct PyTableStream {
    name: String,
    index: usize,
    schema: SchemaRef,
    inputs: Vec<PathBuf>,
    as_of: Option<chrono::NaiveDate>,
}

/// The batches of one table, as the scanning thread sends them.
struct Batches {
    schema: SchemaRef,
    rx: Receiver<Result<RecordBatch, String>>,
}

impl Iterator for Batches {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.rx.recv().ok().map(|r| r.map_err(ArrowError::ComputeError))
    }
}

impl RecordBatchReader for Batches {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }
}

impl PyTableStream {
    /// Starts the scanning thread and returns its batches of this table.
    fn batches(&self) -> Batches {
        let (tx, rx) = sync_channel::<Result<RecordBatch, String>>(1);
        let (inputs, index, schema, as_of) = (self.inputs.clone(), self.index, self.schema.clone(), self.as_of);
        std::thread::spawn(move || {
            let flush = |mut tables: Vec<kartan::analysis::tables::Table>| -> Result<(), ()> {
                if index >= tables.len() {
                    return Ok(());
                }
                let table = tables.swap_remove(index);
                if table.rows.is_empty() {
                    return Ok(());
                }
                // A closed channel: the consumer stopped reading; stop scanning.
                tx.send(kartan_arrow::record_batch(&table, &schema)).map_err(|_| ())
            };
            let scanned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = kartan_arrow::scan(&inputs, as_of, |_| {}, flush);
            }));
            if scanned.is_err() {
                // Never a silently short table: the consumer gets an error.
                let _ = tx.send(Err("internal error: the scan stopped before the end of the files".to_owned()));
            }
        });
        Batches { schema: self.schema.clone(), rx }
    }
}

#[pymethods]
impl PyTableStream {
    /// The table's name (``"periods"`` …).
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema.fields().iter().map(|f| f.name().clone()).collect()
    }

    /// Arrow PyCapsule interface: a fresh stream of the table's record batches (the files
    /// are parsed as the consumer reads). ``requested_schema`` is accepted and ignored.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        stream_capsule(py, self.batches())
    }

    /// Arrow PyCapsule interface: the table's schema.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, &self.name, &self.schema)
    }

    fn __repr__(&self) -> String {
        format!("<TableStream {:?} files={}>", self.name, self.inputs.len())
    }
}

/// The relational tables of the files ``paths`` (IATI XML or kartan JSON; a folder
/// stands for its ``.xml`` and ``.json`` files, sorted by name) as a dict of
/// ``kartan.TableStream`` by table name, in the order of ``kartan convert --to
/// parquet``. Nothing is read until a stream is.
///
/// Raises ``ValueError`` for a folder with no ``.xml`` or ``.json`` file, and
/// ``FileNotFoundError`` for a path that does not exist. A file that cannot be read
/// or imported stops nothing else: it is a row of the ``diagnostics`` table. With
/// ``as_of``, each kartan JSON file's validation findings are rows of it too.
#[pyfunction]
#[pyo3(signature = (paths, as_of = None))]
pub fn scan_iati(paths: Vec<PathBuf>, as_of: Option<chrono::NaiveDate>) -> PyResult<Vec<(String, PyTableStream)>> {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return Err(pyo3::exceptions::PyFileNotFoundError::new_err((
            2,
            "No such file or directory",
            missing.display().to_string(),
        )));
    }
    let inputs = kartan_arrow::expand(&paths).map_err(PyValueError::new_err)?;
    Ok(kartan_arrow::relational_schemas()
        .into_iter()
        .enumerate()
        .map(|(index, (name, schema))| {
            let stream = PyTableStream { name: name.clone(), index, schema, inputs: inputs.clone(), as_of };
            (name, stream)
        })
        .collect())
}
