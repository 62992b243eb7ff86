//! Learning: the portfolio's learning-factor profile, and lessons across the learning
//! cycle (coverage, and the lessons that reached a decision for the next program).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::survey::AnswerCount;
use super::tables::{DType, Table};
use crate::model::{ApplicationKind, FactorAssessment, PartialDate, Portfolio, Scale, Text};

/// One factor across the portfolio's projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FactorProfile {
    /// The factor's id.
    pub factor: String,
    /// Its key term (e.g. *delaktighet*, participation).
    pub name: Text,
    /// Projects assessed on it (one score per project: its latest assessment).
    pub n: u64,
    /// Mean score; `None` when `n` is 0.
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub mean: Option<Decimal>,
    /// Projects per scale point, in the scale's order (from `learning.factor_scale`;
    /// the distinct scores when no scale is declared).
    pub distribution: Vec<AnswerCount>,
    /// The lowest score given.
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub weakest_score: Option<Decimal>,
    /// The projects with the lowest score, by id.
    pub weakest: Vec<String>,
}

/// The learning profile: every factor of the learning model, in the model's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LearningProfile {
    /// Per factor.
    pub factors: Vec<FactorProfile>,
    /// Assessments left out, with why: a factor not in the model, or a score outside
    /// the declared scale (never clamped).
    pub left_out: Vec<(usize, String)>,
}

fn later(a: &FactorAssessment, b: &FactorAssessment) -> bool {
    // b replaces a when b's date is not certainly earlier; undated → file order.
    match (a.date.and_then(|d| d.latest()), b.date.and_then(|d| d.latest())) {
        (Some(x), Some(y)) => y >= x,
        _ => true,
    }
}

fn in_scale(scale: Option<&Scale>, s: Decimal) -> bool {
    match scale {
        Some(Scale::Points { points }) => points.iter().any(|p| p.score == s),
        Some(Scale::Numeric { min, max }) => s >= *min && s <= *max,
        Some(Scale::FreeText) | None => true,
    }
}

/// The portfolio's learning profile from its `factor_assessments` on
/// `program.learning.factor_scale`. A project assessed several times on a factor counts
/// once, with its latest assessment (by date; undated ones by order in the file).
pub fn learning_profile(portfolio: &Portfolio) -> LearningProfile {
    let model = &portfolio.program.learning;
    let scale = model.factor_scale.as_ref();
    let mut left_out = Vec::new();
    let mut latest: BTreeMap<(&str, &str), &FactorAssessment> = BTreeMap::new();
    for (i, a) in portfolio.factor_assessments.iter().enumerate() {
        if !model.factors.iter().any(|f| f.id == a.factor) {
            left_out.push((i, format!("factor {:?} is not in the learning model", a.factor)));
            continue;
        }
        if !in_scale(scale, a.score) {
            left_out.push((i, format!("score {} is not on the declared factor scale", a.score)));
            continue;
        }
        let key = (a.factor.as_str(), a.project.as_str());
        match latest.get(&key) {
            Some(prev) if !later(prev, a) => {}
            _ => {
                latest.insert(key, a);
            }
        }
    }
    let factors = model
        .factors
        .iter()
        .map(|f| {
            let scores: Vec<(&str, Decimal)> =
                latest.iter().filter(|((fid, _), _)| *fid == f.id).map(|((_, p), a)| (*p, a.score)).collect();
            let n = scores.len() as u64;
            let share = |c: u64| (n > 0).then(|| Decimal::from(c) / Decimal::from(n));
            let points: Vec<(String, Decimal)> = match scale {
                Some(Scale::Points { points }) => {
                    points.iter().map(|p| (p.label.show("en", "en").to_owned(), p.score)).collect()
                }
                Some(Scale::Numeric { min, max })
                    if min.fract().is_zero()
                        && max.fract().is_zero()
                        && max.checked_sub(*min).is_some_and(|r| r <= Decimal::from(100)) =>
                {
                    let mut v = Vec::new();
                    let mut s = *min;
                    while s <= *max {
                        v.push((s.to_string(), s));
                        match s.checked_add(Decimal::ONE) {
                            Some(next) => s = next,
                            None => break,
                        }
                    }
                    v
                }
                _ => {
                    let mut d: Vec<Decimal> = scores.iter().map(|(_, s)| *s).collect();
                    crate::sort::sort(&mut d);
                    d.dedup();
                    d.into_iter().map(|s| (s.normalize().to_string(), s)).collect()
                }
            };
            let distribution = points
                .into_iter()
                .map(|(label, score)| {
                    let count = scores.iter().filter(|(_, s)| *s == score).count() as u64;
                    AnswerCount { label, score, count, share: share(count) }
                })
                .collect();
            let weakest_score = scores.iter().map(|(_, s)| *s).min();
            let weakest =
                scores.iter().filter(|(_, s)| Some(*s) == weakest_score).map(|(p, _)| (*p).to_owned()).collect();
            let mean = (n > 0)
                .then(|| scores.iter().try_fold(Decimal::ZERO, |acc, (_, s)| acc.checked_add(*s)))
                .flatten()
                .and_then(|sum| sum.checked_div(Decimal::from(n)));
            FactorProfile { factor: f.id.clone(), name: f.name.clone(), n, mean, distribution, weakest_score, weakest }
        })
        .collect();
    LearningProfile { factors, left_out }
}

/// The profile as a table `learning_profile`: factor, name, n, mean, weakest_score,
/// weakest (project ids joined with `; `).
pub fn profile_table(profile: &LearningProfile, lang: &str) -> Table {
    let mut t = Table::new(
        "learning_profile",
        &[
            ("factor", DType::String),
            ("name", DType::String),
            ("n", DType::Int),
            ("mean", DType::Decimal),
            ("weakest_score", DType::Decimal),
            ("weakest", DType::String),
        ],
    );
    for f in &profile.factors {
        t.push(vec![
            f.factor.as_str().into(),
            f.name.show(lang, "en").into(),
            f.n.into(),
            f.mean.into(),
            f.weakest_score.into(),
            f.weakest.join("; ").into(),
        ]);
    }
    t
}

/// The factor distributions as a long table `learning_distribution`: factor, label,
/// score, count, share (fraction of n).
pub fn profile_distribution_table(profile: &LearningProfile) -> Table {
    let mut t = Table::new(
        "learning_distribution",
        &[
            ("factor", DType::String),
            ("label", DType::String),
            ("score", DType::Decimal),
            ("count", DType::Int),
            ("share", DType::Decimal),
        ],
    );
    for f in &profile.factors {
        for a in &f.distribution {
            t.push(vec![
                f.factor.as_str().into(),
                a.label.as_str().into(),
                a.score.into(),
                a.count.into(),
                a.share.into(),
            ]);
        }
    }
    t
}

/// The lessons of one learning-cycle phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PhaseLessons {
    /// The phase's id.
    pub phase: String,
    /// Its name.
    pub name: Text,
    /// The lessons tagged with it, by id, in file order.
    pub lessons: Vec<String>,
}

/// A lesson that reached a decision for the next program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct NextProgramDecision {
    /// The lesson's id.
    pub lesson: String,
    /// What was decided.
    pub decision: Text,
    /// When.
    pub date: Option<PartialDate>,
}

/// Lessons across the learning cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LearningCycle {
    /// Every phase of the cycle, in the model's order, with its lessons (possibly none).
    pub phases: Vec<PhaseLessons>,
    /// Phases with at least one lesson.
    pub covered: Vec<String>,
    /// Phases with no lesson: the gaps in the cycle.
    pub uncovered: Vec<String>,
    /// Lessons with no phase.
    pub without_phase: Vec<String>,
    /// Lessons whose phase is not in the cycle: `(lesson, phase)`.
    pub unknown_phase: Vec<(String, String)>,
    /// Lessons applied as a decision for the next program ([`ApplicationKind::NextProgram`]),
    /// one entry per such application.
    pub next_program: Vec<NextProgramDecision>,
}

/// The portfolio's lessons by learning-cycle phase.
pub fn learning_cycle(portfolio: &Portfolio) -> LearningCycle {
    let cycle = &portfolio.program.learning.cycle;
    let mut phases: Vec<PhaseLessons> =
        cycle.iter().map(|c| PhaseLessons { phase: c.id.clone(), name: c.name.clone(), lessons: Vec::new() }).collect();
    let mut without_phase = Vec::new();
    let mut unknown_phase = Vec::new();
    let mut next_program = Vec::new();
    for l in &portfolio.lessons {
        match &l.phase {
            None => without_phase.push(l.id.clone()),
            Some(p) => match phases.iter_mut().find(|x| x.phase == *p) {
                Some(x) => x.lessons.push(l.id.clone()),
                None => unknown_phase.push((l.id.clone(), p.clone())),
            },
        }
        for a in l.applied.iter().filter(|a| a.kind == ApplicationKind::NextProgram) {
            next_program.push(NextProgramDecision { lesson: l.id.clone(), decision: a.text.clone(), date: a.date });
        }
    }
    let covered = phases.iter().filter(|p| !p.lessons.is_empty()).map(|p| p.phase.clone()).collect();
    let uncovered = phases.iter().filter(|p| p.lessons.is_empty()).map(|p| p.phase.clone()).collect();
    LearningCycle { phases, covered, uncovered, without_phase, unknown_phase, next_program }
}

/// Cycle coverage as a table `learning_cycle`: phase, name, lessons (count), covered.
pub fn cycle_table(cycle: &LearningCycle, lang: &str) -> Table {
    let mut t = Table::new(
        "learning_cycle",
        &[("phase", DType::String), ("name", DType::String), ("lessons", DType::Int), ("covered", DType::Bool)],
    );
    for p in &cycle.phases {
        t.push(vec![
            p.phase.as_str().into(),
            p.name.show(lang, "en").into(),
            p.lessons.len().into(),
            (!p.lessons.is_empty()).into(),
        ]);
    }
    t
}

/// Every lesson as a table `lessons`: lesson, text, phase, source, theme, date (when a
/// full date), applied (kinds joined with `; `), next_program.
pub fn lessons_table(portfolio: &Portfolio, lang: &str) -> Table {
    let mut t = Table::new(
        "lessons",
        &[
            ("lesson", DType::String),
            ("text", DType::String),
            ("phase", DType::String),
            ("source", DType::String),
            ("theme", DType::String),
            ("date", DType::String),
            ("applied", DType::String),
            ("next_program", DType::Bool),
        ],
    );
    for l in &portfolio.lessons {
        let kinds: Vec<String> = l
            .applied
            .iter()
            .map(|a| serde_json::to_value(a.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default())
            .collect();
        t.push(vec![
            l.id.as_str().into(),
            l.text.show(lang, "en").into(),
            l.phase.clone().into(),
            l.source.clone().into(),
            Some(l.theme.show(lang, "en").to_owned()).filter(|s| !s.is_empty()).into(),
            l.date.map(|d| d.to_string()).into(),
            kinds.join("; ").into(),
            l.applied.iter().any(|a| a.kind == ApplicationKind::NextProgram).into(),
        ]);
    }
    t
}

/// The fixed part of [`profile_chart`] (see `survey::vega_spec`).
pub(crate) const PROFILE_CHART: &str = r##"{
        "description": "Learning profile: mean score per learning factor across the projects assessed (n per factor).",
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "factor", "type": "nominal", "sort": null, "title": null, "axis": {"labelLimit": 360}},
            "tooltip": [
                {"field": "factor", "type": "nominal"},
                {"field": "n", "type": "quantitative"},
                {"field": "mean", "type": "quantitative", "format": ".2f"},
                {"field": "weakest", "type": "nominal", "title": "Weakest projects"}
            ]
        }
    }"##;

/// A Vega-Lite v6 spec: the learning profile as one bar per factor (its mean score on
/// the factor scale, whose ends fix the axis when declared), `n` and the weakest
/// projects in the tooltip. Factors nobody assessed show no bar.
pub fn profile_chart(portfolio: &Portfolio, profile: &LearningProfile, lang: &str) -> serde_json::Value {
    use rust_decimal::prelude::ToPrimitive;
    let values: Vec<serde_json::Value> = profile
        .factors
        .iter()
        .map(|f| {
            serde_json::json!({
                "factor": f.name.show(lang, "en"),
                "mean": f.mean.and_then(|m| m.to_f64()),
                "n": f.n,
                "weakest": f.weakest.join(", "),
            })
        })
        .collect();
    let mut x = serde_json::json!({"field": "mean", "type": "quantitative", "title": "Mean score"});
    let ends = match &portfolio.program.learning.factor_scale {
        Some(Scale::Points { points }) => {
            points.iter().map(|p| p.score).min().zip(points.iter().map(|p| p.score).max())
        }
        Some(Scale::Numeric { min, max }) => Some((*min, *max)),
        _ => None,
    };
    let mut x2 = serde_json::Value::Null;
    if let Some((lo, hi)) = ends {
        x["scale"] = serde_json::json!({"domain": [lo.to_f64(), hi.to_f64()]});
        // Bars start at the scale's lowest score, not at 0 (which may be off the scale).
        x2 = serde_json::json!({"datum": lo.to_f64()});
    }
    let mut spec = super::survey::vega_spec(PROFILE_CHART, values);
    spec["encoding"]["x"] = x;
    spec["encoding"]["x2"] = x2;
    spec
}
