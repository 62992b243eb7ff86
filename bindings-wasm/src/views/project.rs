//! The program and its projects, summarised for lists and navigation.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::Text;

/// A target level: `"national"`, `"regional"` or `"local"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// *Nationell nivå*.
    National,
    /// *Regional nivå*.
    Regional,
    /// *Lokal nivå*.
    Local,
}

impl From<kartan::Level> for Level {
    fn from(l: kartan::Level) -> Self {
        match l {
            kartan::Level::National => Level::National,
            kartan::Level::Regional => Level::Regional,
            kartan::Level::Local => Level::Local,
        }
    }
}

/// IATI activity status of a project (codes 1-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// 1 — Pipeline/identification.
    Pipeline,
    /// 2 — Implementation.
    Implementation,
    /// 3 — Finalisation.
    Finalisation,
    /// 4 — Closed.
    Closed,
    /// 5 — Cancelled.
    Cancelled,
    /// 6 — Suspended.
    Suspended,
}

impl From<kartan::ActivityStatus> for ActivityStatus {
    fn from(s: kartan::ActivityStatus) -> Self {
        match s {
            kartan::ActivityStatus::Pipeline => ActivityStatus::Pipeline,
            kartan::ActivityStatus::Implementation => ActivityStatus::Implementation,
            kartan::ActivityStatus::Finalisation => ActivityStatus::Finalisation,
            kartan::ActivityStatus::Closed => ActivityStatus::Closed,
            kartan::ActivityStatus::Cancelled => ActivityStatus::Cancelled,
            kartan::ActivityStatus::Suspended => ActivityStatus::Suspended,
        }
    }
}

/// The program at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct ProgramSummary {
    /// The program's id.
    pub id: String,
    /// Its name.
    pub title: Text,
    /// Its purpose (*syfte*).
    pub purpose: Text,
    /// The BCP 47 tag of the portfolio's default language (e.g. `"sv"`).
    pub default_language: String,
    /// Period start (ISO 8601, as precise as known); absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub start: Option<String>,
    /// Period end (inclusive); absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub end: Option<String>,
    /// The number of projects recorded.
    pub project_count: u32,
    /// The number of projects the program says it has, when stated (the seed: 30).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub stated_project_count: Option<u32>,
    /// The number of indicators, the program's and the projects'.
    pub indicator_count: u32,
    /// The number of activities recorded.
    pub activity_count: u32,
}

impl From<&kartan::Portfolio> for ProgramSummary {
    fn from(p: &kartan::Portfolio) -> Self {
        let program = &p.program;
        ProgramSummary {
            id: program.id.clone(),
            title: (&program.title).into(),
            purpose: (&program.purpose).into(),
            default_language: p.default_language.clone(),
            start: program.period.start.map(|d| d.to_string()),
            end: program.period.end.map(|d| d.to_string()),
            project_count: count(p.projects.len()),
            stated_project_count: program.stated_project_count,
            indicator_count: count(p.indicators().count()),
            activity_count: count(p.activities.len()),
        }
    }
}

/// One project, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct ProjectSummary {
    /// Unique id within the portfolio.
    pub id: String,
    /// The project's title.
    pub title: Text,
    /// The owning organisation's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub owner: Option<String>,
    /// The focus area's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub focus_area: Option<String>,
    /// The levels the project works at.
    pub levels: Vec<Level>,
    /// The parent project's id, for a sub-project.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub parent: Option<String>,
    /// IATI activity status.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub status: Option<ActivityStatus>,
    /// Planned start (ISO 8601, as precise as known).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub planned_start: Option<String>,
    /// Planned end (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub planned_end: Option<String>,
    /// Regions the project works in.
    pub regions: Vec<String>,
    /// The ids of the project's indicators, result by result.
    pub indicator_ids: Vec<String>,
    /// Matrix items the project expects to contribute to.
    pub contributes_to: Vec<String>,
}

impl From<&kartan::Project> for ProjectSummary {
    fn from(p: &kartan::Project) -> Self {
        ProjectSummary {
            id: p.id.clone(),
            title: (&p.title).into(),
            owner: p.owner.clone(),
            focus_area: p.focus_area.clone(),
            levels: p.levels.iter().copied().map(Into::into).collect(),
            parent: p.parent.clone(),
            status: p.status.map(Into::into),
            planned_start: p.planned.start.map(|d| d.to_string()),
            planned_end: p.planned.end.map(|d| d.to_string()),
            regions: p.regions.clone(),
            indicator_ids: p.results.iter().flat_map(|r| &r.indicators).map(|i| i.id.clone()).collect(),
            contributes_to: p.contributes_to.clone(),
        }
    }
}

/// A count for JS (`number`); saturates far beyond any real portfolio.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
