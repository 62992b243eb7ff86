//! The import report: what was read, what was skipped and why (DESIGN.md rule 8).

use serde::Serialize;

use super::Place;
use crate::model::Diagnostic;

/// One thing an import left out: a row or a cell, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Skip {
    /// Where (file, row, and the column for a cell).
    pub place: Place,
    /// Why, in one English sentence.
    pub reason: String,
}

/// What an import read and what it skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "TableImportReport")]
pub struct ImportReport {
    /// The file.
    pub file: String,
    /// Records in the table (header excluded).
    pub rows_read: usize,
    /// Records that became (part of) an imported object.
    pub rows_imported: usize,
    /// Rows and cells left out, in file order.
    pub skipped: Vec<Skip>,
    /// Other findings worth knowing (e.g. rows of one project disagreeing on a date).
    pub notes: Vec<Skip>,
}

impl ImportReport {
    pub(crate) fn new(file: &str, rows_read: usize) -> Self {
        Self { file: file.to_owned(), rows_read, ..Self::default() }
    }

    /// The report as diagnostics: a warning per skip (`table-skip`), an info per note
    /// (`table-note`), and an info summary (`table-import`). Paths are `file: row N, column "c"`.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut out = vec![Diagnostic::info(
            "table-import",
            self.file.clone(),
            format!(
                "read {} rows, imported {}, skipped {} rows or cells",
                self.rows_read,
                self.rows_imported,
                self.skipped.len()
            ),
        )];
        out.extend(
            self.skipped.iter().map(|s| Diagnostic::warning("table-skip", s.place.to_string(), s.reason.clone())),
        );
        out.extend(self.notes.iter().map(|s| Diagnostic::info("table-note", s.place.to_string(), s.reason.clone())));
        out
    }
}
