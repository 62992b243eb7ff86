//! Indicators with their baselines, periods, targets and actuals (IATI 2.03 shapes).

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::{decimal, Text};

/// IATI indicator measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Code 1: a count or amount; sums.
    Unit,
    /// Code 2: a percentage; pools numerators and denominators (DESIGN.md rule 1).
    Percentage,
    /// Code 3: a named category; never summed.
    Nominal,
    /// Code 4: a rank; never summed.
    Ordinal,
    /// Code 5: a statement; never summed.
    Qualitative,
}

impl From<kartan::Measure> for Measure {
    fn from(m: kartan::Measure) -> Self {
        match m {
            kartan::Measure::Unit => Measure::Unit,
            kartan::Measure::Percentage => Measure::Percentage,
            kartan::Measure::Nominal => Measure::Nominal,
            kartan::Measure::Ordinal => Measure::Ordinal,
            kartan::Measure::Qualitative => Measure::Qualitative,
        }
    }
}

/// Whether more is better (`"ascending"`) or less (`"descending"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher values are better.
    Ascending,
    /// Lower values are better.
    Descending,
}

impl From<kartan::Direction> for Direction {
    fn from(d: kartan::Direction) -> Self {
        match d {
            kartan::Direction::Ascending => Direction::Ascending,
            kartan::Direction::Descending => Direction::Descending,
        }
    }
}

/// How period values add up over time (DESIGN.md rule 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
#[serde(rename_all = "snake_case")]
pub enum Cumulation {
    /// Sum within a period; life-of-program = sum of periods.
    NonCumulative,
    /// Running total; life-of-program = the latest value.
    Cumulative,
    /// The latest report; percentages always behave this way.
    LatestValue,
}

impl From<kartan::Cumulation> for Cumulation {
    fn from(c: kartan::Cumulation) -> Self {
        match c {
            kartan::Cumulation::NonCumulative => Cumulation::NonCumulative,
            kartan::Cumulation::Cumulative => Cumulation::Cumulative,
            kartan::Cumulation::LatestValue => Cumulation::LatestValue,
        }
    }
}

/// A disaggregation value, e.g. `{ name: "sex", value: "female" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct Dimension {
    /// The dimension (`sex`, `age` …).
    pub name: String,
    /// The value in that dimension.
    pub value: String,
}

impl From<&kartan::Dimension> for Dimension {
    fn from(d: &kartan::Dimension) -> Self {
        Dimension { name: d.name.clone(), value: d.value.clone() }
    }
}

/// An indicator in a list: id, owner and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct IndicatorSummary {
    /// Unique id within the portfolio.
    pub id: String,
    /// The owning project's id; absent for a program indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub project_id: Option<String>,
    /// The measure; absent when the source does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub measure: Option<Measure>,
    /// The title.
    pub title: Text,
}

impl IndicatorSummary {
    /// The summary of `indicator`, owned by `project_id` (`None` for the program).
    pub fn new(project_id: Option<&str>, indicator: &kartan::Indicator) -> Self {
        IndicatorSummary {
            id: indicator.id.clone(),
            project_id: project_id.map(str::to_owned),
            measure: indicator.measure.map(Into::into),
            title: (&indicator.title).into(),
        }
    }
}

/// An indicator with everything recorded about it. Values are exact decimals as strings;
/// for a percentage, `value` is the percent (`"43.75"` for 43.75 %).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct Indicator {
    /// Unique id within the portfolio.
    pub id: String,
    /// The owning project's id; absent for a program indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub project_id: Option<String>,
    /// The measure; absent when the source does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub measure: Option<Measure>,
    /// More is better, or less.
    pub direction: Direction,
    /// How values add up over time.
    pub cumulation: Cumulation,
    /// The title.
    pub title: Text,
    /// The description.
    pub description: Text,
    /// Unit label (e.g. `"municipalities"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub unit: Option<String>,
    /// The stated life-of-program target (DESIGN.md rule 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub life_target: Option<String>,
    /// Baselines.
    pub baselines: Vec<Baseline>,
    /// Reporting periods.
    pub periods: Vec<Period>,
    /// For a program indicator: the project indicators that roll up into it.
    pub contributors: Vec<String>,
    /// Matrix items this indicator measures.
    pub matrix_items: Vec<String>,
}

impl Indicator {
    /// The view of `indicator`, owned by `project_id` (`None` for the program).
    pub fn new(project_id: Option<&str>, i: &kartan::Indicator) -> Self {
        Indicator {
            id: i.id.clone(),
            project_id: project_id.map(str::to_owned),
            measure: i.measure.map(Into::into),
            direction: i.direction.into(),
            cumulation: i.cumulation.into(),
            title: (&i.title).into(),
            description: (&i.description).into(),
            unit: i.unit.clone(),
            life_target: decimal(i.life_target.as_ref()),
            baselines: i.baselines.iter().map(Into::into).collect(),
            periods: i.periods.iter().map(Into::into).collect(),
            contributors: i.contributors.clone(),
            matrix_items: i.matrix_items.clone(),
        }
    }
}

/// A baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct Baseline {
    /// The year.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub year: Option<i32>,
    /// The date (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub date: Option<String>,
    /// The value (exact decimal).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub value: Option<String>,
    /// For a percentage: the numerator.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub numerator: Option<String>,
    /// For a percentage: the denominator.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub denominator: Option<String>,
    /// A comment.
    pub comment: Text,
    /// Disaggregation.
    pub dimensions: Vec<Dimension>,
}

impl From<&kartan::Baseline> for Baseline {
    fn from(b: &kartan::Baseline) -> Self {
        Baseline {
            year: b.year,
            date: b.date.map(|d| d.to_string()),
            value: decimal(b.value.as_ref()),
            numerator: decimal(b.numerator.as_ref()),
            denominator: decimal(b.denominator.as_ref()),
            comment: (&b.comment).into(),
            dimensions: b.dimensions.iter().map(Into::into).collect(),
        }
    }
}

/// A reporting period with its targets and actuals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct Period {
    /// First day (inclusive, `YYYY-MM-DD`).
    pub start: String,
    /// Last day (inclusive, `YYYY-MM-DD`).
    pub end: String,
    /// Targets (several when disaggregated).
    pub targets: Vec<PeriodValue>,
    /// Actuals (several when disaggregated).
    pub actuals: Vec<PeriodValue>,
}

impl From<&kartan::Period> for Period {
    fn from(p: &kartan::Period) -> Self {
        Period {
            start: p.start.to_string(),
            end: p.end.to_string(),
            targets: p.targets.iter().map(Into::into).collect(),
            actuals: p.actuals.iter().map(Into::into).collect(),
        }
    }
}

/// A target or an actual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct PeriodValue {
    /// The number (exact decimal); absent when the source gives only a comment.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub value: Option<String>,
    /// For a percentage: the numerator.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub numerator: Option<String>,
    /// For a percentage: the denominator.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub denominator: Option<String>,
    /// For nominal/ordinal/qualitative measures: the category or statement.
    pub text: Text,
    /// A comment.
    pub comment: Text,
    /// The disaggregation; empty for the total.
    pub dimensions: Vec<Dimension>,
    /// When the value was reported (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub reported: Option<String>,
}

impl From<&kartan::PeriodValue> for PeriodValue {
    fn from(v: &kartan::PeriodValue) -> Self {
        PeriodValue {
            value: decimal(v.value.as_ref()),
            numerator: decimal(v.numerator.as_ref()),
            denominator: decimal(v.denominator.as_ref()),
            text: (&v.text).into(),
            comment: (&v.comment).into(),
            dimensions: v.dimensions.iter().map(Into::into).collect(),
            reported: v.reported.map(|d| d.to_string()),
        }
    }
}
