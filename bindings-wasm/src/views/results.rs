//! The results engine's answers (`kartan::analysis::results`, DESIGN.md rules 1-6).
//!
//! These types only declare the TypeScript shape: the core's own values are serialised
//! as they are (the same JSON as in Rust and Python), and the test
//! `mirror_matches_core` below checks, on every shared results vector, that each shape
//! here reads back exactly what the core writes. Progress and expected progress are
//! fractions (`"0.5"` = half-way); a percentage figure's `value` is a percent.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::{Cumulation, Diagnostic, Dimension, Direction, Measure, Text};

/// A number with, for percentages, the counts it comes from. `value` is `null` when
/// undefined (0/0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The value (exact decimal); for a percentage, the percent.
    pub value: Option<String>,
    /// For a percentage: the numerator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub numerator: Option<String>,
    /// For a percentage: the denominator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub denominator: Option<String>,
}

/// Where a target comes from: stated, summed from periods, or from contributors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// The stated life-of-program target (rule 4).
    Stated,
    /// Aggregated from the period targets.
    Periods,
    /// Aggregated from the contributors' targets.
    Contributors,
}

/// Progress from baseline to target (rule 3): `{ kind: "fraction", value: "0.5" }`, or
/// why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Progress {
    /// The fraction of the way (negative = regression).
    Fraction(String),
    /// No target.
    NoTarget,
    /// No baseline.
    NoBaseline,
    /// No actual.
    NoActual,
    /// Target equals baseline.
    Undefined,
}

/// On or off track against the expected progress and the band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Within the band.
    OnTrack,
    /// Below the band.
    Behind,
    /// Above the band.
    Ahead,
    /// Not enough data to say.
    NoData,
}

/// Progress of one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct PeriodProgress {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The actual.
    pub actual: Option<String>,
    /// The target.
    pub target: Option<String>,
    /// Progress.
    pub progress: Progress,
}

/// Progress of an indicator as of a date (rule 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct IndicatorProgress {
    /// The indicator's id.
    pub indicator: String,
    /// The owning project (`null` for the program).
    pub project: Option<String>,
    /// The date.
    pub as_of: String,
    /// Ascending or descending.
    pub direction: Direction,
    /// The baseline used.
    pub baseline: Option<String>,
    /// The target used.
    pub target: Option<String>,
    /// Where the target comes from.
    pub target_source: Option<TargetSource>,
    /// The actual as of the date.
    pub actual: Option<String>,
    /// Progress (a fraction).
    pub progress: Progress,
    /// Achievement, actual ÷ target (a fraction), when there is no baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub achievement: Option<String>,
    /// The progress expected by the date (a fraction), when the periods say.
    pub expected: Option<String>,
    /// On or off track.
    pub status: Track,
    /// The band's tolerance (a fraction, default `"0.15"`).
    pub band: String,
    /// Progress per period.
    pub periods: Vec<PeriodProgress>,
}

/// A statement of a qualitative, nominal or ordinal indicator (rule 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The indicator.
    pub indicator: String,
    /// Its project.
    pub project: Option<String>,
    /// The period's first day.
    pub period_start: String,
    /// The period's last day.
    pub period_end: String,
    /// An ordinal's rank, when numeric.
    pub value: Option<String>,
    /// The statement.
    pub text: Text,
    /// When it was reported.
    pub reported: Option<String>,
}

/// One contribution to a rolled-up figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// The contributing indicator.
    pub indicator: String,
    /// Its project.
    pub project: Option<String>,
    /// Its actual.
    pub actual: Option<Figure>,
    /// Whether the actual is carried forward from an earlier period (cumulative).
    pub carried_forward: bool,
    /// Its target.
    pub target: Option<Figure>,
}

/// The figures of one disaggregation value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct BreakdownValue {
    /// The dimension values.
    pub dimensions: Vec<Dimension>,
    /// The actual.
    pub actual: Option<Figure>,
    /// Carried forward.
    pub carried_forward: bool,
    /// The target.
    pub target: Option<Figure>,
    /// Contributions, in a roll-up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub contributions: Vec<Contribution>,
}

/// Which side of a period a mismatch is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The actuals.
    Actual,
    /// The targets.
    Target,
}

/// What was compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Compared {
    /// Values.
    Value,
    /// Numerators.
    Numerator,
    /// Denominators.
    Denominator,
}

/// Dimension values that do not sum to the total (rule 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Mismatch {
    /// Actual or target.
    pub side: Side,
    /// What was compared.
    pub compared: Compared,
    /// The total.
    pub total: String,
    /// The sum of the dimension's values.
    pub sum: String,
}

/// A breakdown by one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Breakdown {
    /// The dimension (`sex`, `age` …).
    pub dimension: String,
    /// Its values.
    pub values: Vec<BreakdownValue>,
    /// Where the values do not sum to the total.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub mismatches: Vec<Mismatch>,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct PeriodFigures {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The actual.
    pub actual: Option<Figure>,
    /// Carried forward (cumulative).
    pub carried_forward: bool,
    /// The target.
    pub target: Option<Figure>,
    /// Statements (rule 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub statements: Vec<Statement>,
    /// Breakdowns (rule 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub breakdowns: Vec<Breakdown>,
}

/// Life-of-program figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct LifeFigures {
    /// The actual.
    pub actual: Option<Figure>,
    /// The target.
    pub target: Option<Figure>,
    /// Where the target comes from.
    pub target_source: Option<TargetSource>,
}

/// Every period value of an indicator (rules 1, 2, 4, 5, 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValues {
    /// The indicator.
    pub indicator: String,
    /// Its project.
    pub project: Option<String>,
    /// Its measure.
    pub measure: Measure,
    /// Its cumulation.
    pub cumulation: Cumulation,
    /// Per period.
    pub periods: Vec<PeriodFigures>,
    /// Life of program.
    pub life: LifeFigures,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// A contributor of a roll-up, with the chain of indicators it rolls up through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Contributor {
    /// The indicator.
    pub indicator: String,
    /// Its project.
    pub project: Option<String>,
    /// Intermediate indicators.
    pub via: Vec<String>,
    /// True for the own values of an indicator that also has contributors (added to
    /// its contributors' values); left out when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[tsify(optional)]
    pub own_values: bool,
}

/// One program period of a roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct RollupPeriod {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The pooled or summed actual.
    pub actual: Option<Figure>,
    /// The target.
    pub target: Option<Figure>,
    /// Where the target comes from.
    pub target_source: Option<TargetSource>,
    /// The contributors' targets aggregated.
    pub contributors_target: Option<Figure>,
    /// Contributions.
    pub contributions: Vec<Contribution>,
    /// Statements (rule 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub statements: Vec<Statement>,
    /// Breakdowns (rule 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub breakdowns: Vec<Breakdown>,
}

/// The life-of-program roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct RollupLife {
    /// The actual.
    pub actual: Option<Figure>,
    /// The target.
    pub target: Option<Figure>,
    /// Where the target comes from.
    pub target_source: Option<TargetSource>,
    /// The contributors' targets aggregated.
    pub contributors_target: Option<Figure>,
    /// Contributions.
    pub contributions: Vec<Contribution>,
    /// Statements (rule 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub statements: Vec<Statement>,
}

/// A program roll-up of an indicator from its contributors (rules 1, 2, 4, 5, 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
#[serde(deny_unknown_fields)]
pub struct Rollup {
    /// The indicator.
    pub indicator: String,
    /// Its measure.
    pub measure: Measure,
    /// Its cumulation.
    pub cumulation: Cumulation,
    /// The contributors.
    pub contributors: Vec<Contributor>,
    /// Per program period.
    pub periods: Vec<RollupPeriod>,
    /// Life of program.
    pub life: RollupLife,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// How to cut program periods for a roll-up: `"yearly"`, `"half_yearly"`, `"quarterly"`,
/// `"monthly"`, or `{ explicit: [["2024-01-01", "2024-12-31"], …] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Periods {
    /// Calendar years.
    Yearly,
    /// Half years.
    HalfYearly,
    /// Quarters.
    Quarterly,
    /// Months.
    Monthly,
    /// Given spans (first and last day, inclusive).
    Explicit(Vec<(String, String)>),
}

/// A Vega-Lite v6 specification built by the core, for `vega-embed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[tsify(type = "Record<string, unknown>")]
#[serde(transparent)]
pub struct ChartSpec(pub serde_json::Value);
