//! Survey statistics (`kartan::analysis::survey`, DESIGN.md rule 9) and what a table
//! import read (`kartan::io::table::ImportReport`, rule 8).
//!
//! Shapes only, like `results`: the core's values are serialised as they are, and the
//! native test `tests/mirror_survey.rs` checks that these shapes read them back exactly.
//! Means, medians, standard deviations and shares are exact decimals as strings
//! (`"3.2"`); shares and top-two-box are fractions (`"0.6"` = 60 %).

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::Text;

/// How many valid answers gave one point of the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct AnswerCount {
    /// The label respondents saw (for a numeric scale, the number).
    pub label: String,
    /// The score as compared (reversed for a reverse-coded item), e.g. `"5"`.
    pub score: String,
    /// How many valid answers gave it.
    pub count: u64,
    /// `count / n` as a fraction; `null` when `n` is 0.
    pub share: Option<String>,
}

/// Statistics of one question: blank and "not applicable" answers are missing, never 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct QuestionStats {
    /// The question's id.
    pub question: String,
    /// The question as asked.
    pub text: Text,
    /// Whether scores were reversed (declared on the question, never guessed).
    pub reverse_coded: bool,
    /// Responses considered, answered or not.
    pub responses: u64,
    /// Valid answers.
    pub n: u64,
    /// Answers marked "not applicable" (counted in `missing`).
    pub not_applicable: u64,
    /// `responses − n`.
    pub missing: u64,
    /// Mean of the compared scores; `null` when `n` is 0 or for free text.
    pub mean: Option<String>,
    /// Median (the mean of the two middle scores when `n` is even).
    pub median: Option<String>,
    /// Sample standard deviation (divisor `n − 1`); `null` when `n < 2`.
    pub sd: Option<String>,
    /// Answers per scale point, in the scale's order, zero counts included.
    pub distribution: Vec<AnswerCount>,
    /// Share (fraction) of valid answers in the two best points of the scale.
    pub top_two_box: Option<String>,
}

/// The statistics of one event (meeting, training) of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct EventStats {
    /// The event (an activity id, or the event column's value).
    pub event: String,
    /// Its date (`YYYY-MM-DD`): the activity's, else the earliest response's.
    pub date: Option<String>,
    /// Responses about the event.
    pub responses: u64,
    /// Per question, over the event's responses.
    pub questions: Vec<QuestionStats>,
}

/// One point of a question's trend over a series of events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct TrendPoint {
    /// The event.
    pub event: String,
    /// Its date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Valid answers.
    pub n: u64,
    /// Mean compared score; `null` when `n` is 0.
    pub mean: Option<String>,
    /// Top-two-box share (fraction).
    pub top_two_box: Option<String>,
}

/// Survey statistics of one evaluation: per question over every response, per event
/// (in date order), and, when a question was asked for, its trend over the events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    /// The evaluation's id.
    pub evaluation: String,
    /// Its title.
    pub title: Text,
    /// Per question, over every response.
    pub questions: Vec<QuestionStats>,
    /// Per event, in date order (events without a date last).
    pub events: Vec<EventStats>,
    /// The trend of the question asked for (empty when the evaluation has no such
    /// question); `null` when none was asked for.
    pub trend: Option<Vec<TrendPoint>>,
}

/// How a table was read: `csv` (CSV, TSV), `spreadsheet` or `json` (an array of records).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// Delimited text.
    Csv,
    /// A workbook.
    Spreadsheet,
    /// A JSON array of records.
    Json,
}

/// Where a row or cell is in its table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct TablePlace {
    /// The table's name.
    pub file: String,
    /// How it was read.
    pub kind: TableKind,
    /// The row as a spreadsheet numbers it (header = 1); for JSON, the record's number.
    pub row: u64,
    /// The line where the record starts (CSV only).
    pub line: Option<u64>,
    /// The column, for a cell.
    pub column: Option<String>,
}

/// A row or cell an import left out, or a note about one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct TableSkip {
    /// Where.
    pub place: TablePlace,
    /// Why, in one English sentence.
    pub reason: String,
}

/// What a table import read and what it skipped (nothing is lost silently).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct TableImportReport {
    /// The table's name.
    pub file: String,
    /// Records in the table (header excluded).
    pub rows_read: u64,
    /// Records that became (part of) an imported object.
    pub rows_imported: u64,
    /// Rows and cells left out, in file order.
    pub skipped: Vec<TableSkip>,
    /// Other findings (e.g. rows of one project disagreeing on a date).
    pub notes: Vec<TableSkip>,
}

/// Survey statistics read from a table of responses, with the import report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct SurveyImport {
    /// The statistics.
    pub survey: Survey,
    /// What the import read and skipped.
    pub report: TableImportReport,
}
