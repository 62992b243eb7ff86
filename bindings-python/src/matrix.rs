//! The results matrix ("the map", `kartan::model::matrix`): per level, the actors, the
//! expected experiences/results and the expected effects.

use std::collections::BTreeMap;

use pyo3::prelude::*;

use crate::convert::{tag, text};
use crate::table::{Column, PyTable};

/// One displayed matrix row: level label, actors, experiences, effects.
type GridRow = (String, Vec<String>, Vec<String>, Vec<String>);

/// The results matrix (*resultatmatris*): one row per level (national, regional,
/// local) with the actors, the expected experiences/results and the expected effects.
/// Shown as a table in Jupyter.
///
/// >>> p = kartan.Portfolio.from_json('{"format": "kartan/1", "default_language": "sv", '
/// ...     '"program": {"id": "P", "title": {"sv": "P"}, "matrix": {"rows": [{"level": "regional", '
/// ...     '"actors": [{"sv": "Regioner"}], "experiences": [{"id": "M-REG-EXP-1", "text": {"sv": "Kunskap"}}], '
/// ...     '"effects": [{"id": "M-REG-EFF-1", "text": {"sv": "Bättre beslut"}}]}]}}}')
/// >>> m = p.matrix
/// >>> m
/// <ResultsMatrix rows=1 items=2>
/// >>> m.grid()
/// [('Regional nivå', ['Regioner'], ['Kunskap'], ['Bättre beslut'])]
/// >>> [row["id"] for row in m.to_table().rows()]
/// ['M-REG-EXP-1', 'M-REG-EFF-1']
#[pyclass(frozen, eq, name = "ResultsMatrix", module = "kartan")]
#[derive(Debug, PartialEq)]
pub struct PyResultsMatrix {
    pub(crate) inner: kartan::ResultsMatrix,
    pub(crate) lang: String,
}

#[pymethods]
impl PyResultsMatrix {
    /// Every item as ``(level, column, id, text)``: level ``"national"`` /
    /// ``"regional"`` / ``"local"``, column ``"experience"`` or ``"effect"``, text a
    /// dict of language tag → text; row by row, experiences before effects.
    #[getter]
    fn items(&self) -> Vec<(String, String, String, BTreeMap<String, String>)> {
        self.inner
            .items()
            .map(|(level, column, item)| (tag(&level), tag(&column), item.id.clone(), text(&item.text)))
            .collect()
    }

    /// The matrix as displayed: one ``(level label, actors, experiences, effects)``
    /// tuple per row, texts in ``lang`` (default the portfolio's language).
    #[pyo3(signature = (lang = None))]
    fn grid(&self, lang: Option<&str>) -> Vec<GridRow> {
        let lang = lang.unwrap_or(&self.lang);
        let show = |t: &kartan::Text| t.show(lang, "en").to_owned();
        self.inner
            .rows
            .iter()
            .map(|row| {
                (
                    row.level.label(lang).to_owned(),
                    row.actors.iter().map(show).collect(),
                    row.experiences.iter().map(|i| show(&i.text)).collect(),
                    row.effects.iter().map(|i| show(&i.text)).collect(),
                )
            })
            .collect()
    }

    /// The items as a ``kartan.Table``: ``level``, ``column``, ``id``, ``text`` (in
    /// ``lang``, default the portfolio's language).
    #[pyo3(signature = (lang = None))]
    fn to_table(&self, lang: Option<&str>) -> PyResult<PyTable> {
        let lang = lang.unwrap_or(&self.lang);
        let (mut level, mut column, mut id, mut body) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (l, c, item) in self.inner.items() {
            level.push(Some(tag(&l)));
            column.push(Some(tag(&c)));
            id.push(Some(item.id.clone()));
            body.push(Some(item.text.show(lang, "en").to_owned()));
        }
        PyTable::new(
            "matrix",
            vec![
                ("level", Column::Text(level)),
                ("column", Column::Text(column)),
                ("id", Column::Text(id)),
                ("text", Column::Text(body)),
            ],
        )
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("kartan._repr")?.call_method1("matrix_html", (slf,))
    }

    fn __len__(&self) -> usize {
        self.inner.rows.len()
    }

    fn __repr__(&self) -> String {
        format!("<ResultsMatrix rows={} items={}>", self.inner.rows.len(), self.inner.items().count())
    }
}
