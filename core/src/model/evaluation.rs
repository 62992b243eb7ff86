//! Evaluations: an instrument (questions with scales), the events it covers, responses.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::text::Text;

/// One point of a rating scale: a score and its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// The score (e.g. 1-5).
    #[serde(
        serialize_with = "crate::model::number::strict::serialize",
        deserialize_with = "crate::model::number::strict::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema")]
    pub score: Decimal,
    /// The label respondents saw (e.g. "Strongly agree").
    pub label: Text,
}

/// How a question is answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", rename_all_fields = "snake_case", deny_unknown_fields)]
pub enum Scale {
    /// Labelled points, e.g. Likert 1-5 (Strongly disagree … Strongly agree).
    Points {
        /// The points from lowest to highest score.
        points: Vec<ScalePoint>,
    },
    /// A number in a closed range, e.g. 0-10 likely-to-recommend.
    Numeric {
        /// The lowest allowed score.
        #[serde(
            serialize_with = "crate::model::number::strict::serialize",
            deserialize_with = "crate::model::number::strict::deserialize"
        )]
        #[schemars(schema_with = "crate::model::number::schema")]
        min: Decimal,
        /// The highest allowed score.
        #[serde(
            serialize_with = "crate::model::number::strict::serialize",
            deserialize_with = "crate::model::number::strict::deserialize"
        )]
        #[schemars(schema_with = "crate::model::number::schema")]
        max: Decimal,
    },
    /// Free text; no statistics beyond counts.
    FreeText,
}

/// A question of an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique id within the instrument.
    pub id: String,
    /// The question as asked.
    pub text: Text,
    /// How it is answered.
    pub scale: Scale,
    /// True when a high score means a bad outcome and scores are to be reversed for
    /// comparison (DESIGN.md rule 9: declared, never guessed).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reverse_coded: bool,
}

/// The questionnaire of an evaluation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// The questions, in the order asked.
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A score on the question's scale.
    Score(
        #[serde(
            serialize_with = "crate::model::number::strict::serialize",
            deserialize_with = "crate::model::number::strict::deserialize"
        )]
        #[schemars(schema_with = "crate::model::number::schema")]
        Decimal,
    ),
    /// A free-text answer.
    Text(String),
    /// "Not applicable" / "don't know": missing, never 0 (DESIGN.md rule 9).
    NotApplicable,
}

/// One respondent's answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The response's id in the source, if any (never a person's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The event (activity id) the response is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// When it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Answers by question id; a question left blank is absent.
    #[serde(default, deserialize_with = "crate::model::unique::deserialize")]
    pub answers: BTreeMap<String, Answer>,
}

/// An evaluation: an instrument, the events it covers and the responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Unique id within the portfolio.
    pub id: String,
    /// The evaluation's title.
    pub title: Text,
    /// The questionnaire; empty when the questions are not recorded.
    #[serde(default)]
    pub instrument: Instrument,
    /// The events (activity ids) evaluated, e.g. the 14 project-leader meetings, so a
    /// series can be compared over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// The plan whose activities it evaluates, when the events are not listed one by one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// The responses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<Response>,
}
