//! Evaluations and learning-factor assessments: `unknown-question`,
//! `answer-kind-mismatch`, `score-out-of-scale`, `invalid-scale`, `missing-factor-scale`,
//! `duplicate-assessment`, and `duplicate-id` for question and response ids (unique
//! within their evaluation).
//!
//! "Not applicable" is a valid answer to every question (DESIGN.md rule 9: missing, never 0).

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::ids::{n, Loc, Space};
use super::Ctx;
use crate::model::{pointer_token, Answer, Scale};

/// Why a scale cannot be answered on, if it cannot.
fn scale_problem(scale: &Scale) -> Option<String> {
    match scale {
        Scale::Points { points } if points.is_empty() => Some("has no points".to_owned()),
        Scale::Points { points } => {
            let mut scores: Vec<Decimal> = points.iter().map(|p| p.score).collect();
            crate::sort::sort(&mut scores);
            scores.windows(2).find(|w| w[0] == w[1]).map(|w| format!("repeats the score {}", w[0]))
        }
        Scale::Numeric { min, max } if min > max => Some(format!("has min {min} above max {max}")),
        Scale::Numeric { .. } | Scale::FreeText => None,
    }
}

/// What the scale allows, for messages; `None` when any score fits.
fn off_scale(scale: &Scale, score: Decimal) -> Option<String> {
    match scale {
        Scale::Points { points } if !points.iter().any(|p| p.score == score) => {
            let allowed: Vec<String> = points.iter().map(|p| p.score.to_string()).collect();
            Some(format!("one of the scale's points ({})", allowed.join(", ")))
        }
        Scale::Numeric { min, max } if score < *min || score > *max => Some(format!("a score from {min} to {max}")),
        _ => None,
    }
}

/// Evaluation and factor-assessment checks.
pub(super) fn check(cx: &mut Ctx<'_>) {
    let p = cx.p;
    for (i, e) in p.evaluations.iter().enumerate() {
        let base = format!("/evaluations/{i}");
        let mut questions = Space::new(
            "question",
            |l| format!("/evaluations/{}/instrument/questions/{}/id", l.0, l.1),
            e.instrument.questions.len(),
        );
        for (k, q) in e.instrument.questions.iter().enumerate() {
            let qptr = format!("{base}/instrument/questions/{k}");
            questions.insert(q.id.as_str(), Loc(n(i), n(k), 0), k, &mut cx.out);
            if let Some(why) = scale_problem(&q.scale) {
                let msg = format!(
                    "question {:?} of evaluation {:?}: the scale {why}; expected distinct points, or min ≤ max",
                    q.id, e.id
                );
                cx.error("invalid-scale", format!("{qptr}/scale"), msg);
            }
        }
        let mut responses =
            Space::new("response", |l| format!("/evaluations/{}/responses/{}/id", l.0, l.1), e.responses.len());
        for (r, resp) in e.responses.iter().enumerate() {
            let rptr = format!("{base}/responses/{r}");
            if let Some(id) = &resp.id {
                responses.insert(id.as_str(), Loc(n(i), n(r), 0), (), &mut cx.out);
            }
            for (qid, answer) in &resp.answers {
                let aptr = || format!("{rptr}/answers/{}", pointer_token(qid));
                let Some(&k) = questions.get(qid) else {
                    if !e.instrument.questions.is_empty() {
                        let msg = format!("a response of evaluation {:?} answers question {qid:?}, which the instrument does not have; expected one of its question ids", e.id);
                        cx.error("unknown-question", aptr(), msg);
                    }
                    continue;
                };
                let q = &e.instrument.questions[k];
                let kind = match (answer, &q.scale) {
                    (Answer::NotApplicable, _) => None,
                    (Answer::Score(_), Scale::FreeText) => Some("a score to a free-text question; expected a text"),
                    (Answer::Text(_), Scale::Points { .. } | Scale::Numeric { .. }) => {
                        Some("a text to a scored question; expected a score or not_applicable")
                    }
                    (Answer::Score(s), scale) => {
                        if let Some(allowed) = scale_problem(scale).is_none().then(|| off_scale(scale, *s)).flatten() {
                            let msg = format!(
                                "a response of evaluation {:?} scores question {qid:?} {s}; expected {allowed}",
                                e.id
                            );
                            cx.error("score-out-of-scale", aptr(), msg);
                        }
                        None
                    }
                    (Answer::Text(_), Scale::FreeText) => None,
                };
                if let Some(kind) = kind {
                    let msg = format!("a response of evaluation {:?} gives question {qid:?} {kind}", e.id);
                    cx.error("answer-kind-mismatch", aptr(), msg);
                }
            }
        }
    }
    factor_assessments(cx);
}

fn factor_assessments(cx: &mut Ctx<'_>) {
    let p = cx.p;
    let scale = p.program.learning.factor_scale.as_ref();
    let usable = match scale {
        Some(Scale::FreeText) => {
            let msg =
                "the factor scale is free text, but factor assessments are scores; expected points or a numeric range";
            cx.error("invalid-scale", "/program/learning/factor_scale", msg);
            None
        }
        Some(s) => match scale_problem(s) {
            Some(why) => {
                cx.error(
                    "invalid-scale",
                    "/program/learning/factor_scale",
                    format!("the factor scale {why}; expected distinct points, or min ≤ max"),
                );
                None
            }
            None => Some(s),
        },
        None => {
            if !p.factor_assessments.is_empty() {
                let msg = format!(
                    "{} factor assessments are recorded but program.learning.factor_scale is not declared; expected the scale the scores are on",
                    p.factor_assessments.len()
                );
                cx.warning("missing-factor-scale", "/factor_assessments", msg);
            }
            None
        }
    };
    let mut seen = HashMap::with_capacity(p.factor_assessments.len());
    for (i, f) in p.factor_assessments.iter().enumerate() {
        if let Some(allowed) = usable.and_then(|s| off_scale(s, f.score)) {
            let msg = format!(
                "factor assessment of project {:?} on factor {:?} scores {}; expected {allowed}",
                f.project, f.factor, f.score
            );
            cx.error("score-out-of-scale", format!("/factor_assessments/{i}/score"), msg);
        }
        if let Some(first) = seen.insert((f.project.as_str(), f.factor.as_str(), f.date), i) {
            let when = f.date.map(|d| format!("on {d}")).unwrap_or_else(|| "with no date".to_owned());
            let msg = format!(
                "project {:?} is assessed on factor {:?} {when} twice (factor_assessments {first} and {i}); expected one assessment per project, factor and date",
                f.project, f.factor
            );
            cx.warning("duplicate-assessment", format!("/factor_assessments/{i}"), msg);
        }
    }
}
