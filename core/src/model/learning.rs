//! The learning model: factors that promote learning, the learning cycle, lessons.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::evaluation::Scale;
use super::text::Text;

/// The program's model of learning: the factors that promote it, the learning cycle and
/// the principles it works by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LearningModel {
    /// Factors that promote learning in and through projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<LearningFactor>,
    /// The scale factors are assessed on; `None` until the program declares one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor_scale: Option<Scale>,
    /// The phases of the learning cycle, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycle: Vec<CyclePhase>,
    /// The principles the program states for analysis, learning and results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principles: Vec<Text>,
    /// Notes on the model (e.g. what the source shows only as a picture).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub note: Text,
}

/// A factor that promotes learning in projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LearningFactor {
    /// Unique id within the portfolio.
    pub id: String,
    /// The number the source gives the factor (the seed numbers two factors "4").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The key term (e.g. *delaktighet*, participation).
    pub name: Text,
    /// The factor as the source words it.
    pub text: Text,
    /// Traits that characterise it (the four traits of a learning culture).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traits: Vec<Text>,
}

/// A phase of the learning cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CyclePhase {
    /// Unique id within the portfolio (e.g. `analysis`).
    pub id: String,
    /// The phase's name.
    pub name: Text,
    /// What happens in it.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
}

/// An assessment of one learning factor in one project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactorAssessment {
    /// The project assessed.
    pub project: String,
    /// The factor assessed.
    pub factor: String,
    /// The score on the program's `factor_scale`.
    #[serde(
        serialize_with = "crate::model::number::strict::serialize",
        deserialize_with = "crate::model::number::strict::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema")]
    pub score: Decimal,
    /// When the assessment was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Who assessed (a role, never a name).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub assessor_role: Text,
    /// A comment.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub comment: Text,
}

/// Where a lesson was put to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationKind {
    /// A decision for the next program.
    NextProgram,
    /// A change in a running project.
    Project,
    /// A change in the agency's way of working.
    WayOfWorking,
    /// A program or policy decision.
    Policy,
    /// Anything else.
    Other,
}

/// One place a lesson was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// Where.
    pub kind: ApplicationKind,
    /// What was decided or changed.
    pub text: Text,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
}

/// A lesson learned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Unique id within the portfolio.
    pub id: String,
    /// The lesson.
    pub text: Text,
    /// The learning-cycle phase (a [`CyclePhase`] id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// What it came from: the id of a report, evaluation, activity or project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A theme.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub theme: Text,
    /// When it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Where it was applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applied: Vec<Application>,
}
