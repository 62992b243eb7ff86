//! Reports written during the program, and the observations in them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::organisation::Level;
use super::text::Text;

/// What kind of report it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// *Delrapport*: an interim report.
    Interim,
    /// *Slutrapport*: a final report.
    Final,
    /// An evaluation report (of an event, a project or the program).
    Evaluation,
    /// The program's external evaluation.
    ExternalEvaluation,
    /// Notes from a meeting.
    MeetingNotes,
    /// Anything else.
    Other,
}

/// How strong a piece of evidence is, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStrength {
    /// An anecdote or impression.
    Anecdotal,
    /// A documented example or case.
    Documented,
    /// Measured (an indicator, a survey).
    Measured,
    /// Independently evaluated.
    Evaluated,
}

/// A piece of evidence in a report: it points at a matrix item, or at nothing on the
/// map (an unexpected result).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// Unique id within the portfolio.
    pub id: String,
    /// What was observed.
    pub text: Text,
    /// The matrix item it is evidence for; `None` for an unexpected result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matrix_item: Option<String>,
    /// The level it happened at (taken from the matrix item when that is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// How strong the evidence is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<EvidenceStrength>,
    /// Where it comes from, beyond the report itself (a page, an interview).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub source: Text,
}

/// A report: interim or final, evaluation, meeting notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Unique id within the portfolio.
    pub id: String,
    /// What kind of report.
    pub kind: ReportKind,
    /// Title.
    pub title: Text,
    /// The project it reports on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// The activity it reports on (e.g. a meeting), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// The plan it belongs to (e.g. "interim and final reports"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// When it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The author's role (never a person's name).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub author_role: Text,
    /// The narrative.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub narrative: Text,
    /// The evidence it contains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
}
