//! Results, indicators and periods: the IATI 2.03 results model.
//!
//! The shapes follow IATI `result` / `indicator` / `baseline` / `period` / `target` /
//! `actual`; kartan adds what the arithmetic needs and IATI leaves implicit:
//! numerator/denominator for percentages, the cumulation mode, the report date, and
//! the contributors of a program indicator. The arithmetic itself lives in
//! `crate::analysis`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::Text;

/// IATI `ResultType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResultType {
    /// Code 1.
    Output,
    /// Code 2.
    Outcome,
    /// Code 3.
    Impact,
    /// Code 9.
    Other,
}

impl ResultType {
    /// The IATI code.
    pub fn iati_code(self) -> &'static str {
        match self {
            ResultType::Output => "1",
            ResultType::Outcome => "2",
            ResultType::Impact => "3",
            ResultType::Other => "9",
        }
    }

    /// The type for an IATI code, if known.
    pub fn from_iati_code(code: &str) -> Option<Self> {
        Some(match code.trim() {
            "1" => ResultType::Output,
            "2" => ResultType::Outcome,
            "3" => ResultType::Impact,
            "9" => ResultType::Other,
            _ => return None,
        })
    }
}

/// IATI `IndicatorMeasure`: what kind of number (or not) an indicator reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Code 1: a count or amount of units; sums.
    Unit,
    /// Code 2: a percentage; pools numerators and denominators, never averages.
    Percentage,
    /// Code 3: a named category; never summed.
    Nominal,
    /// Code 4: a rank on an ordered scale; never summed.
    Ordinal,
    /// Code 5: a statement; never summed.
    Qualitative,
}

impl Measure {
    /// The IATI code.
    pub fn iati_code(self) -> &'static str {
        match self {
            Measure::Unit => "1",
            Measure::Percentage => "2",
            Measure::Nominal => "3",
            Measure::Ordinal => "4",
            Measure::Qualitative => "5",
        }
    }

    /// The measure for an IATI code, if known.
    pub fn from_iati_code(code: &str) -> Option<Self> {
        Some(match code.trim() {
            "1" => Measure::Unit,
            "2" => Measure::Percentage,
            "3" => Measure::Nominal,
            "4" => Measure::Ordinal,
            "5" => Measure::Qualitative,
            _ => return None,
        })
    }

    /// True for measures whose values can be added (unit and percentage).
    pub fn is_quantitative(self) -> bool {
        matches!(self, Measure::Unit | Measure::Percentage)
    }
}

/// Whether more is better (IATI `indicator/@ascending`, default true).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher values are better.
    #[default]
    Ascending,
    /// Lower values are better.
    Descending,
}

/// How period values add up over time (DESIGN.md rule 2, TolaData's three modes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cumulation {
    /// Period value = sum within the period; life-of-program = sum of the periods.
    #[default]
    NonCumulative,
    /// Period value = running total; life-of-program = the latest value; a value
    /// carries forward into later periods with no report.
    Cumulative,
    /// Period value = the latest report; life-of-program = the latest value.
    /// Percentages always behave this way.
    LatestValue,
}

/// A disaggregation value: IATI `dimension` (`@name`, `@value`), e.g. `sex` = `female`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// The dimension (`sex`, `age` …).
    pub name: String,
    /// The value in that dimension (`female`, `18-24` …).
    pub value: String,
}

/// A link to a document: IATI `document-link`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentLink {
    /// The address.
    pub url: String,
    /// The document's title.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
    /// A description of the document.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// IATI `DocumentCategory` codes (e.g. `A01`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// The languages the document is written in (ISO 639-1 codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// IATI file format (MIME type), e.g. `application/pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The document's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

/// A code from an external vocabulary: IATI `reference` on a result or indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// IATI vocabulary code (e.g. `1`, `7`, `99`).
    pub vocabulary: String,
    /// The code in that vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The vocabulary's address, for vocabulary 99 (reporting organisation's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary_uri: Option<String>,
    /// The indicator's address in that vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_uri: Option<String>,
}

/// A result: IATI `result`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Result {
    /// Unique id within the portfolio.
    pub id: String,
    /// Output, outcome, impact or other.
    #[serde(rename = "type")]
    pub result_type: ResultType,
    /// IATI `@aggregation-status`: whether the publisher says the data may be aggregated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregation_status: Option<bool>,
    /// The result's title.
    #[serde(default)]
    pub title: Text,
    /// The result's description.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Its indicators.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Matrix items this result gives evidence for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matrix_items: Vec<String>,
    /// Supporting documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub document_links: Vec<DocumentLink>,
    /// Codes in external vocabularies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
}

/// An indicator: IATI `indicator`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique id within the portfolio (e.g. `IND-1`).
    pub id: String,
    /// The measure; `None` when the source does not say (IATI `@measure` missing):
    /// values are kept, and no arithmetic that needs a measure is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// Ascending (more is better, the default) or descending.
    #[serde(default)]
    pub direction: Direction,
    /// How values add up over time; percentages always behave as latest-value.
    #[serde(default)]
    pub cumulation: Cumulation,
    /// IATI `@aggregation-status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregation_status: Option<bool>,
    /// The indicator's title.
    #[serde(default)]
    pub title: Text,
    /// The indicator's description.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Unit label for unit measures (e.g. "municipalities", "SEK").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Baselines (IATI 2.03 allows several, e.g. per location or dimension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baselines: Vec<Baseline>,
    /// Reporting periods with targets and actuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    /// A target for the whole life of the program, when stated (DESIGN.md rule 4: the
    /// stated one is used, not a sum of period targets).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub life_target: Option<Decimal>,
    /// For a program indicator: the ids of the project indicators that roll up into it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<String>,
    /// Matrix items this indicator measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matrix_items: Vec<String>,
    /// Supporting documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub document_links: Vec<DocumentLink>,
    /// Codes in external vocabularies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
}

/// A baseline: IATI `baseline`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The year of the baseline (IATI `@year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The date of the baseline (IATI `@iso-date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The value; for percentages, the percent (e.g. `40` for 40 %).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub value: Option<Decimal>,
    /// For a percentage: the numerator.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub numerator: Option<Decimal>,
    /// For a percentage: the denominator.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub denominator: Option<Decimal>,
    /// A value that is not a number (IATI `@value` is free text: "No", "TBD" …), kept
    /// as the source wrote it; `value` is then `None`.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub text: Text,
    /// A comment.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub comment: Text,
    /// Disaggregation of this baseline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<Dimension>,
    /// Location references (IATI `location/@ref`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    /// Supporting documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub document_links: Vec<DocumentLink>,
}

/// A reporting period: IATI `period`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day of the period (inclusive).
    pub start: NaiveDate,
    /// Last day of the period (inclusive).
    pub end: NaiveDate,
    /// Targets (several when disaggregated by dimension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<PeriodValue>,
    /// Actuals (several when disaggregated by dimension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<PeriodValue>,
}

/// A target or actual: IATI `target` / `actual`.
///
/// For a percentage, `value` is the percent (43.75 for 43.75 %) and `numerator` /
/// `denominator` are the counts it comes from; roll-ups pool those counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodValue {
    /// The number (IATI `@value`); `None` when the source gives only a comment.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub value: Option<Decimal>,
    /// For a percentage: the numerator.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub numerator: Option<Decimal>,
    /// For a percentage: the denominator.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub denominator: Option<Decimal>,
    /// For nominal/ordinal/qualitative measures: the category or statement.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub text: Text,
    /// A comment (IATI `comment`).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub comment: Text,
    /// The disaggregation this value belongs to; empty for the total.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<Dimension>,
    /// When the value was reported (breaks ties for "latest" after the period end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<NaiveDate>,
    /// Location references (IATI `location/@ref`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    /// Evidence (IATI `document-link`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub document_links: Vec<DocumentLink>,
}

impl PeriodValue {
    /// True for the undisaggregated total (no dimensions).
    pub fn is_total(&self) -> bool {
        self.dimensions.is_empty()
    }
}

impl Indicator {
    /// An indicator with an id, a measure and nothing else.
    pub fn new(id: impl Into<String>, measure: Option<Measure>) -> Self {
        Self {
            id: id.into(),
            measure,
            direction: Direction::default(),
            cumulation: Cumulation::default(),
            aggregation_status: None,
            title: Text::new(),
            description: Text::new(),
            unit: None,
            baselines: Vec::new(),
            periods: Vec::new(),
            life_target: None,
            contributors: Vec::new(),
            matrix_items: Vec::new(),
            document_links: Vec::new(),
            references: Vec::new(),
        }
    }
}
