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
    /// The mapping field whose value was lost (`columns.budget`, `partners.budget`,
    /// `columns.id` for a whole row, `questions.ID` for a survey answer); `None` when
    /// nothing the mapping asks for was lost (a blank row, a note, a warning).
    pub field: Option<String>,
}

/// The cells one column lost: how many, and where the first ones are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnSkips {
    /// The column (`None` for whole rows, e.g. blank rows).
    pub column: Option<String>,
    /// The mapping field whose values were lost (see [`Skip::field`]).
    pub field: Option<String>,
    /// How many rows or cells.
    pub count: usize,
    /// The first places, at most [`TableImportReport::FIRST_PLACES`], in file order.
    pub first: Vec<Place>,
}

/// What an import read and what it skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TableImportReport {
    /// The file.
    pub file: String,
    /// Records in the table (header excluded).
    pub rows_read: usize,
    /// Lines of text in the file (CSV only; a record spans more than one line when a
    /// quoted cell holds a line break), to set beside `rows_read`.
    pub lines_read: Option<u64>,
    /// Records that became (part of) an imported object.
    pub rows_imported: usize,
    /// Rows that repeat an earlier row cell for cell and were dropped, as the mapping's
    /// `repeated_rows = "drop_identical"` asks (each is also a note).
    pub duplicates_dropped: usize,
    /// Rows and cells left out, in file order.
    pub skipped: Vec<Skip>,
    /// Findings that may mean the file was read other than its writer meant (a quoted
    /// cell spanning lines that look like records).
    pub warnings: Vec<Skip>,
    /// Other findings worth knowing (e.g. rows of one project disagreeing on a date).
    pub notes: Vec<Skip>,
}

impl TableImportReport {
    /// How many places [`TableImportReport::skipped_by_column`] and the diagnostics list per column.
    pub const FIRST_PLACES: usize = 5;

    pub(crate) fn new(table: &super::RawTable) -> Self {
        Self {
            file: table.file.clone(),
            rows_read: table.rows.len(),
            lines_read: table.lines,
            warnings: table.warnings.clone(),
            ..Self::default()
        }
    }

    /// Whether the import lost a value that the mapping asks for (a skip with a
    /// [`Skip::field`]): then a total or count made from the import misses something.
    pub fn lost_values(&self) -> bool {
        self.skipped.iter().any(|s| s.field.is_some())
    }

    /// How many values of the mapping field `field` (e.g. `columns.budget`) were lost.
    pub fn lost(&self, field: &str) -> usize {
        self.skipped.iter().filter(|s| s.field.as_deref() == Some(field)).count()
    }

    /// The skips counted per column (and field), in the order of each column's first skip.
    pub fn skipped_by_column(&self) -> Vec<ColumnSkips> {
        let mut out: Vec<ColumnSkips> = Vec::new();
        for s in &self.skipped {
            let column = s.place.column.clone();
            match out.iter_mut().find(|c| c.column == column && c.field == s.field) {
                Some(c) => {
                    c.count += 1;
                    if c.first.len() < Self::FIRST_PLACES {
                        c.first.push(s.place.clone());
                    }
                }
                None => {
                    out.push(ColumnSkips { column, field: s.field.clone(), count: 1, first: vec![s.place.clone()] })
                }
            }
        }
        out
    }

    /// The report as diagnostics: an info summary (`table-import`); per column, one
    /// `table-skipped-column` with the count and the first places, then its first
    /// [`Self::FIRST_PLACES`] skips one by one (`table-skip`), each an **error** when a
    /// mapped field's value was lost and a warning otherwise (a blank row); a warning per
    /// reading warning (`table-warning`); an info per note (`table-note`). Paths are
    /// `file: row N, column "c"`. Every skip stays in [`Self::skipped`].
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let lines = self.lines_read.map(|l| format!(" ({l} lines)")).unwrap_or_default();
        let dropped = match self.duplicates_dropped {
            0 => String::new(),
            n => format!(", dropped {n} identical repeated rows"),
        };
        let mut out = vec![Diagnostic::info(
            "table-import",
            self.file.clone(),
            format!(
                "read {} records{lines}, imported {}{dropped}, skipped {} rows or cells",
                self.rows_read,
                self.rows_imported,
                self.skipped.len()
            ),
        )];
        for c in self.skipped_by_column() {
            let lost = c.field.is_some();
            let what = match (&c.column, &c.field) {
                (Some(col), Some(f)) => {
                    format!("{} cells of column {col:?} ({f}) were skipped: their values are lost", c.count)
                }
                (Some(col), None) => format!("{} cells of column {col:?} were skipped", c.count),
                (None, Some(f)) => format!("{} rows were skipped ({f}): their values are lost", c.count),
                (None, None) => format!("{} rows were skipped", c.count),
            };
            let first: Vec<String> = c.first.iter().map(row_text).collect();
            let message = format!("{what}; first at {}", first.join(", "));
            let path = match &c.column {
                Some(col) => format!("{}: column {col:?}", self.file),
                None => self.file.clone(),
            };
            out.push(if lost {
                Diagnostic::error("table-skipped-column", path, message)
            } else {
                Diagnostic::warning("table-skipped-column", path, message)
            });
            let column_skips = self.skipped.iter().filter(|s| s.place.column == c.column && s.field == c.field);
            for s in column_skips.take(Self::FIRST_PLACES) {
                let (path, reason) = (s.place.to_string(), s.reason.clone());
                out.push(if lost {
                    Diagnostic::error("table-skip", path, reason)
                } else {
                    Diagnostic::warning("table-skip", path, reason)
                });
            }
        }
        out.extend(
            self.warnings.iter().map(|s| Diagnostic::warning("table-warning", s.place.to_string(), s.reason.clone())),
        );
        out.extend(self.notes.iter().map(|s| Diagnostic::info("table-note", s.place.to_string(), s.reason.clone())));
        out
    }
}

/// `row 3` (with its line when it differs) for a list of places.
fn row_text(p: &Place) -> String {
    if p.kind == super::SourceKind::Json {
        return format!("record {}", p.row);
    }
    match p.line.filter(|&l| l != p.row as u64) {
        Some(line) => format!("row {} (line {line})", p.row),
        None => format!("row {}", p.row),
    }
}
