//! The root document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::evaluation::Evaluation;
use super::learning::{FactorAssessment, Lesson};
use super::organisation::Organisation;
use super::program::Program;
use super::project::Project;
use super::report::Report;
use super::results::Indicator;

/// The format tag of kartan JSON written by this version.
pub const FORMAT: &str = "kartan/1";

/// The root document: one program plus everything recorded about it.
///
/// Its canonical form is kartan JSON (`format: "kartan/1"`), read and written by
/// `crate::io::json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    /// Always `"kartan/1"` for this version.
    pub format: String,
    /// The BCP 47 tag of the language most texts are written in (e.g. `sv`).
    pub default_language: String,
    /// The program.
    pub program: Program,
    /// Organisations referred to by projects and the program.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// The projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Activities of the program and its projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Evaluations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evaluations: Vec<Evaluation>,
    /// Reports and their observations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<Report>,
    /// Lessons learned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lessons: Vec<Lesson>,
    /// Learning-factor assessments per project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factor_assessments: Vec<FactorAssessment>,
}

impl Portfolio {
    /// A portfolio holding `program` and nothing else.
    pub fn new(default_language: impl Into<String>, program: Program) -> Self {
        Self {
            format: FORMAT.to_owned(),
            default_language: default_language.into(),
            program,
            organisations: Vec::new(),
            projects: Vec::new(),
            activities: Vec::new(),
            evaluations: Vec::new(),
            reports: Vec::new(),
            lessons: Vec::new(),
            factor_assessments: Vec::new(),
        }
    }

    /// The project with `id`.
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// The organisation with `id`.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// The activity with `id`.
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// Every indicator, the program's first, then each project's, with the owning
    /// project's id (`None` for the program).
    pub fn indicators(&self) -> impl Iterator<Item = (Option<&str>, &Indicator)> {
        let program = self.program.results.iter().flat_map(|r| r.indicators.iter()).map(|i| (None, i));
        let projects = self
            .projects
            .iter()
            .flat_map(|p| p.results.iter().flat_map(|r| r.indicators.iter()).map(move |i| (Some(p.id.as_str()), i)));
        program.chain(projects)
    }

    /// The indicator with `id`, wherever it is.
    pub fn find_indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators().map(|(_, i)| i).find(|i| i.id == id)
    }
}
