//! The input every command reads the same way: a portfolio file (kartan JSON, IATI XML,
//! or a table through its `--mapping`), and a survey table (`--survey` with
//! `--survey-mapping`), added to it or, alone, a portfolio of its own.

use std::path::Path;

use kartan::embedded::Embedded;
use kartan::io::table::TableImportReport;
use kartan::{Diagnostic, Portfolio};

use super::{eprintln_one, CliError};

/// What was read, and what reading reported.
pub struct Input {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// What reading an IATI file reported (its diagnostics).
    pub iati: Option<kartan::io::iati::IatiImportReport>,
    /// What each table import reported (projects first, then the survey).
    pub tables: Vec<TableImportReport>,
    /// Whether an import left out something the input held: an IATI activity skipped, or a
    /// table value the mapping asks for that could not be read. Exit code 1.
    pub incomplete: bool,
}

impl Input {
    /// The diagnostics of reading: the IATI import's, then each table import's.
    pub fn read_diagnostics(&self) -> Vec<Diagnostic> {
        let mut out = self.iati.as_ref().map(|r| r.diagnostics.clone()).unwrap_or_default();
        for t in &self.tables {
            out.extend(t.diagnostics());
        }
        out
    }
}

/// Reads the input. `file` `None` with no survey is the embedded portfolio `embedded`
/// (`kartan::embedded::EXAMPLES`: `example` unless the command line names another); with
/// a survey, the survey is its own portfolio.
pub fn load(
    file: Option<&Path>,
    mapping: Option<&Path>,
    survey: Option<&Path>,
    survey_mapping: Option<&Path>,
    embedded: Embedded,
) -> Result<Input, CliError> {
    let mut iati = None;
    let mut tables = Vec::new();
    let mut incomplete = false;
    let survey = match (survey, survey_mapping) {
        (Some(table), Some(mapping)) => Some(kartan::io::table::load_survey(table, mapping)?),
        _ => None,
    };
    let mut portfolio = match (file, mapping) {
        (Some(path), Some(mapping)) => {
            let (portfolio, import) = kartan::io::table::load_portfolio(path, mapping)?;
            tables.push(import);
            Some(portfolio)
        }
        (Some(path), None) => {
            let loaded = kartan::io::load_with_report(path)?;
            if let Some(import) = &loaded.import {
                incomplete = super::import_incomplete(import);
            }
            iati = loaded.import;
            Some(loaded.portfolio)
        }
        (None, _) => None,
    };
    if let Some(survey) = survey {
        tables.push(survey.report.clone());
        match &mut portfolio {
            Some(p) => survey.add_to(p),
            None => portfolio = Some(survey.into_portfolio()),
        }
    }
    let portfolio = portfolio.unwrap_or_else(|| embedded.portfolio());
    let mut input = Input { portfolio, iati, tables, incomplete };
    for t in &input.tables {
        note_skips(t);
        input.incomplete |= t.lost_values();
    }
    Ok(input)
}

/// Says on standard error what a table import skipped (DESIGN.md rule 8), one line:
/// the counts per column with the first place of each.
fn note_skips(import: &TableImportReport) {
    let columns = import.skipped_by_column();
    if columns.is_empty() && import.warnings.is_empty() {
        return;
    }
    let lines = import.lines_read.map(|l| format!(" ({l} lines)")).unwrap_or_default();
    let mut parts: Vec<String> = columns
        .iter()
        .map(|c| {
            let what = match (&c.column, &c.field) {
                (Some(col), Some(field)) => format!("{} in column {col:?} ({field}, values lost)", c.count),
                (Some(col), None) => format!("{} in column {col:?}", c.count),
                (None, _) => format!("{} rows", c.count),
            };
            format!("{what}, first at {}", c.first.first().map(|p| p.to_string()).unwrap_or_default())
        })
        .collect();
    if let Some(w) = import.warnings.first() {
        parts.push(format!("{} reading warnings, first at {}: {}", import.warnings.len(), w.place, w.reason));
    }
    eprintln_one(&format!(
        "{}: read {} records{lines}, imported {}, skipped {} rows or cells: {}; see the diagnostics",
        import.file,
        import.rows_read,
        import.rows_imported,
        import.skipped.len(),
        parts.join("; ")
    ));
}
