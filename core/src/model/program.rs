//! The program: purpose, basis, rationale, means, target groups, focus areas, the map.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::activity::{ActivityKind, ActivityPlan};
use super::date::DateRange;
use super::learning::LearningModel;
use super::matrix::ResultsMatrix;
use super::money::Budget;
use super::organisation::{FocusArea, TargetGroup};
use super::results::Result;
use super::text::Text;

/// A legal basis for the program, e.g. an ordinance and the instruction it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    /// The citation, e.g. `Förordning (2009:145)`.
    pub reference: String,
    /// The instrument's title, e.g. "Instruktion för Tillväxtverket".
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
    /// The quoted passage.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub quote: Text,
}

/// A program for local and regional growth work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Unique id within the portfolio.
    pub id: String,
    /// The program's name.
    pub title: Text,
    /// A subtitle or theme under the name (the seed: "Lärande i programmet"); blank when none.
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub subtitle: Text,
    /// The managing organisation's id (e.g. the agency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    /// Purpose (*syfte*).
    #[serde(default)]
    pub purpose: Text,
    /// Legal basis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<LegalBasis>,
    /// Rationale (*varför?*), one text per point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rationale: Vec<Text>,
    /// Means (*hur?*), one text per point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub means: Vec<Text>,
    /// The kinds of activity the program works through.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activity_kinds: Vec<ActivityKind>,
    /// The program period; ends unknown when the source does not say.
    #[serde(default, skip_serializing_if = "DateRange::is_unknown")]
    pub period: DateRange,
    /// Budget lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budgets: Vec<Budget>,
    /// Target groups (*målgrupper*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<TargetGroup>,
    /// Focus areas (*fokusområden*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus_areas: Vec<FocusArea>,
    /// The results matrix: the map.
    #[serde(default)]
    pub matrix: ResultsMatrix,
    /// Planned activities by kind and number (part of the map).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<ActivityPlan>,
    /// How many projects the program says it has, when they are not all recorded
    /// (the seed: 30). Compared with the projects recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_project_count: Option<u32>,
    /// The program's own results and indicators (roll-up targets for project indicators).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Result>,
    /// The learning model.
    #[serde(default)]
    pub learning: LearningModel,
}

impl Program {
    /// A program with an id and a title and nothing else.
    pub fn new(id: impl Into<String>, title: Text) -> Self {
        Self {
            id: id.into(),
            title,
            subtitle: Text::new(),
            managed_by: None,
            purpose: Text::new(),
            legal_basis: Vec::new(),
            rationale: Vec::new(),
            means: Vec::new(),
            activity_kinds: Vec::new(),
            period: DateRange::default(),
            budgets: Vec::new(),
            target_groups: Vec::new(),
            focus_areas: Vec::new(),
            matrix: ResultsMatrix::default(),
            plans: Vec::new(),
            stated_project_count: None,
            results: Vec::new(),
            learning: LearningModel::default(),
        }
    }
}
