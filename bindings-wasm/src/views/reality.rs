//! Did the map match reality? (`kartan::analysis::map_reality`, report section 5), and
//! what an IATI import read (`kartan::io::iati::ImportReport`, DESIGN.md rule 8).
//!
//! Shapes only, like `results`: the core's values are serialised as they are, and the
//! native test `tests/mirrors.rs` checks that these shapes read them back exactly.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::{Diagnostic, Level, Text};

/// The verdict on a matrix item: `evidence_found` (an observation with strength
/// documented, measured or evaluated), `partly` (only anecdotal or unstated), `none_yet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Documented, measured or evaluated evidence.
    EvidenceFound,
    /// Only anecdotal evidence, or of unstated strength.
    Partly,
    /// No evidence yet.
    NoneYet,
}

/// How strong a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStrength {
    /// Someone said so.
    Anecdotal,
    /// Written down.
    Documented,
    /// Measured.
    Measured,
    /// Evaluated.
    Evaluated,
}

/// The column of the matrix: `experience` (experiences/results) or `effect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum MatrixColumn {
    /// Experiences/results.
    Experience,
    /// Effects.
    Effect,
}

/// An indicator linked to a matrix item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct LinkedIndicator {
    /// The indicator.
    pub id: String,
    /// Its project.
    pub project: Option<String>,
    /// Its progress (a fraction), when filled in.
    pub progress: Option<String>,
}

/// One matrix item against the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct ItemReality {
    /// The item's id.
    pub item: String,
    /// Its level.
    pub level: Level,
    /// Its column.
    pub column: MatrixColumn,
    /// Its text.
    pub text: Text,
    /// Whether the program expects it.
    pub expected: bool,
    /// How many observations point at it.
    pub evidence: u64,
    /// Those observations' ids.
    pub observations: Vec<String>,
    /// The reports they come from.
    pub sources: Vec<String>,
    /// The strongest piece.
    pub strongest: Option<EvidenceStrength>,
    /// Linked indicators.
    pub indicators: Vec<LinkedIndicator>,
    /// Projects that expect to contribute.
    pub projects: Vec<String>,
    /// Related activities.
    pub activities: Vec<String>,
    /// The verdict.
    pub verdict: Verdict,
}

/// A planned activity series against what was held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct PlanReality {
    /// The plan's id.
    pub plan: String,
    /// The kind of activity (e.g. `project_leader_meeting`).
    pub kind: String,
    /// The plan's title.
    pub title: Text,
    /// How many were planned.
    pub planned: Option<u32>,
    /// How many were held by the date.
    pub held: u64,
    /// How many are still open.
    pub open: u64,
    /// How many were cancelled.
    pub cancelled: u64,
    /// Planned minus held.
    pub shortfall: Option<i64>,
    /// The last one held.
    pub last_held: Option<String>,
}

/// An observation that matches nothing on the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Unexpected {
    /// The observation.
    pub observation: String,
    /// Its report.
    pub report: String,
    /// What was observed.
    pub text: Text,
    /// Its strength.
    pub strength: Option<EvidenceStrength>,
    /// The item it names that is not on the map, if any.
    pub unknown_item: Option<String>,
}

/// Unexpected observations at one level (`null`: no level stated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct UnexpectedGroup {
    /// The level.
    pub level: Option<Level>,
    /// The observations.
    pub observations: Vec<Unexpected>,
}

/// The map against reality as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct MapReality {
    /// The date.
    pub as_of: String,
    /// Each matrix item.
    pub items: Vec<ItemReality>,
    /// Each activity plan.
    pub plans: Vec<PlanReality>,
    /// What happened that was not on the map.
    pub unexpected: Vec<UnexpectedGroup>,
}

/// A place in the input: `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// The file name, when known.
    pub file: Option<String>,
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: u64,
}

/// An element or attribute kartan does not model, and how often it occurred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct NotModelled {
    /// Path, e.g. `iati-activity/transaction`.
    pub path: String,
    /// Occurrences.
    pub count: u64,
    /// The first one.
    pub first: Location,
}

/// What an IATI import read, skipped and found wrong (rule 8: nothing is lost silently).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct ImportReport {
    /// `iati-activities/@version`.
    pub version: Option<String>,
    /// Elements read, by name.
    pub counts: BTreeMap<String, u64>,
    /// Activities imported as projects.
    pub activities_imported: u64,
    /// Activities skipped because of an error.
    pub activities_skipped: u64,
    /// Indicators with no `@measure`.
    pub indicators_without_measure: u64,
    /// Indicators with no period.
    pub indicators_without_period: u64,
    /// Targets with no value.
    pub targets_without_value: u64,
    /// Actuals with no value.
    pub actuals_without_value: u64,
    /// Values that are not numbers, kept as text.
    pub values_not_numbers: u64,
    /// Blank narratives dropped.
    pub blank_narratives: u64,
    /// Elements and attributes not modelled.
    pub not_modelled: Vec<NotModelled>,
    /// Errors, warnings and notes (`path` = `file:line:column`).
    pub diagnostics: Vec<Diagnostic>,
}
