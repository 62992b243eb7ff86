//! The progress table: every indicator's progress as of a date (DESIGN.md rule 3).

use chrono::NaiveDate;

use super::{tag, Cell, DType, Table};
use crate::analysis::results::{Band, ResultsIndex};
use crate::model::Portfolio;

/// The table's name.
pub const PROGRESS_TABLE: &str = "progress";

/// The columns of [`progress_table`], in order.
///
/// `project` is null for a program indicator; `measure`, `direction`, `target_source`,
/// `progress_kind` (`fraction`, `no_target`, `no_baseline`, `no_actual`,
/// `target_equals_baseline`) and `status` (`on_track`, `behind`, `ahead`, `no_data`)
/// are kartan JSON tags; `baseline`, `target` and `actual` are in the indicator's unit
/// (a percentage in percent); `progress` and `expected` are **fractions** (0.5 is
/// half-way from baseline to target); `band` is the on-track tolerance, a fraction of
/// the expected progress; `note` says why an indicator has no progress at all (e.g. a
/// qualitative indicator), with every other figure null.
pub const PROGRESS_COLUMNS: [(&str, DType); 15] = [
    ("project", DType::String),
    ("indicator", DType::String),
    ("indicator_title", DType::String),
    ("measure", DType::String),
    ("direction", DType::String),
    ("baseline", DType::Decimal),
    ("target", DType::Decimal),
    ("target_source", DType::String),
    ("actual", DType::Decimal),
    ("progress", DType::Decimal),
    ("progress_kind", DType::String),
    ("expected", DType::Decimal),
    ("status", DType::String),
    ("band", DType::Decimal),
    ("note", DType::String),
];

/// The progress of every indicator of `portfolio` as of `as_of`, one row each in
/// document order (program first, then projects; columns: [`PROGRESS_COLUMNS`]), with
/// the on-track `band`. `lang` is a BCP 47 tag for the titles.
pub fn progress_table(portfolio: &Portfolio, as_of: NaiveDate, band: &Band, lang: &str) -> Table {
    let index = ResultsIndex::new(portfolio);
    let mut table = Table::new(PROGRESS_TABLE, &PROGRESS_COLUMNS);
    for (project, indicator) in portfolio.indicators() {
        let result = index.indicator_of(indicator).and_then(|q| q.band(*band).progress(as_of));
        let (p, note) = match &result {
            Ok(p) => (Some(p), Cell::Null),
            Err(e) => (None, Cell::String(e.to_string())),
        };
        let title = indicator.title.show(lang, "en");
        table.push(vec![
            project.into(),
            indicator.id.as_str().into(),
            if title.is_empty() { Cell::Null } else { title.into() },
            indicator.measure.as_ref().map(tag).into(),
            tag(&indicator.direction).into(),
            p.and_then(|p| p.baseline).into(),
            p.and_then(|p| p.target).into(),
            p.and_then(|p| p.target_source.as_ref().map(tag)).into(),
            p.and_then(|p| p.actual).into(),
            p.and_then(|p| p.progress.fraction()).into(),
            p.map(|p| progress_kind(&p.progress)).into(),
            p.and_then(|p| p.expected).into(),
            p.map(|p| tag(&p.status)).into(),
            p.map(|p| p.band).into(),
            note,
        ]);
    }
    table
}

/// The `kind` of a progress's JSON form (`fraction`, `no_target` …).
fn progress_kind(p: &crate::analysis::results::Progress) -> String {
    match serde_json::to_value(p) {
        Ok(v) => v["kind"].as_str().unwrap_or_default().to_owned(),
        Err(_) => String::new(),
    }
}
