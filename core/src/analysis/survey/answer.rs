//! The survey statistics of one evaluation as one answer ([`Survey`]): what JS
//! `Portfolio.survey` and Python `p.learning.survey` return, and the evaluation they
//! are asked of ([`pick`]).

use serde::Serialize;

use super::{by_event, question_stats, trend_from, EventStats, QuestionStats, TrendPoint};
use crate::model::{Activity, Evaluation, Text};

/// The survey statistics of one evaluation, whole: what JS `Portfolio.survey` and Python
/// `p.learning.survey` return (one shape, in the answers schema as `Survey`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Survey {
    /// The evaluation's id.
    pub evaluation: String,
    /// The evaluation's title.
    pub title: Text,
    /// Per question over every response, in the instrument's order ([`question_stats`]).
    pub questions: Vec<QuestionStats>,
    /// Per event, in date order ([`by_event`]).
    pub events: Vec<EventStats>,
    /// The trend of the question asked for over the events ([`trend`]); `None` when none
    /// was asked, empty when the question is unknown.
    pub trend: Option<Vec<TrendPoint>>,
}

/// No such evaluation in a portfolio: the message every face shows
/// (`no evaluation with id "E9"`, `the portfolio has no evaluation`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoEvaluation {
    /// No evaluation has the id asked for.
    #[error("no evaluation with id {0:?}")]
    Unknown(String),
    /// The portfolio has no evaluation at all (none was named).
    #[error("the portfolio has no evaluation")]
    None,
}

/// The evaluation `id` of `evaluations`, or the first when `id` is `None`.
///
/// # Errors
/// [`NoEvaluation`] when there is no such evaluation, or none at all.
pub fn pick<'a>(evaluations: &'a [Evaluation], id: Option<&str>) -> Result<&'a Evaluation, NoEvaluation> {
    match id {
        Some(id) => evaluations.iter().find(|e| e.id == id).ok_or_else(|| NoEvaluation::Unknown(id.to_owned())),
        None => evaluations.first().ok_or(NoEvaluation::None),
    }
}

/// The survey statistics of `evaluation`; `activities` date the events that are
/// activities; `trend` names the question whose trend over the events is wanted.
pub fn survey(evaluation: &Evaluation, activities: &[Activity], trend_of: Option<&str>) -> Survey {
    let events = by_event(evaluation, activities);
    let trend = trend_of.map(|q| trend_from(&events, evaluation, q));
    Survey {
        evaluation: evaluation.id.clone(),
        title: evaluation.title.clone(),
        questions: question_stats(evaluation),
        events,
        trend,
    }
}
