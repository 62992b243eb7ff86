//! Survey statistics: per question, per event, and the trend over a series of events.
//!
//! DESIGN.md rule 9: blank and "not applicable" answers are missing, never 0;
//! reverse-coded items are reversed only because the question declares it
//! (`reverse_coded`), as `min + max − score`; every mean comes with its `n`.
//!
//! ```
//! use kartan::analysis::survey::question_stats;
//! use kartan::io::table::{import_survey, read_table_bytes, SourceKind, SurveyMapping};
//!
//! let mapping = SurveyMapping::from_toml(r#"
//!     evaluation_id = "E"
//!     title = "Meeting evaluation"
//!     [scales.agree]
//!     labels = ["Disagree", "Neutral", "Agree"]
//!     not_applicable = ["N/A"]
//!     [[questions]]
//!     column = "Useful"
//!     scale = "agree"
//! "#, "survey.toml")?;
//! let csv = "Useful\nAgree\nN/A\nNeutral\n\nAgree\n";
//! let table = read_table_bytes(csv.as_bytes(), "s.csv", SourceKind::Csv, &mapping.source)?;
//! let evaluation = import_survey(&table, &mapping)?.evaluation;
//! let s = &question_stats(&evaluation)[0];
//! // The blank line is no response (the CSV reader skips it): 4 responses. "N/A" is
//! // missing, never 0: n = 3, mean (3 + 2 + 3) / 3.
//! assert_eq!((s.responses, s.n, s.not_applicable, s.missing), (4, 3, 1, 1));
//! assert_eq!(s.mean.unwrap().round_dp(2).to_string(), "2.67");
//! // Top two on a three-point scale: Neutral or Agree, all three valid answers.
//! assert_eq!(s.top_two_box, Some(rust_decimal::Decimal::ONE));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::Serialize;

use super::tables::{DType, Table};
use crate::model::{Activity, Answer, Evaluation, Question, Response, Scale, Text};

mod answer;
pub use answer::{pick, survey, NoEvaluation, Survey};

/// How many answers gave one point of the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AnswerCount {
    /// The label respondents saw (for a numeric scale, the number).
    pub label: String,
    /// The score as compared (reversed for a reverse-coded item).
    #[serde(serialize_with = "crate::model::number::strict::serialize")]
    pub score: Decimal,
    /// How many valid answers gave it.
    pub count: u64,
    /// `count / n` as a fraction (0.25 = 25 %); `None` when `n` is 0.
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub share: Option<Decimal>,
}

/// Statistics of one question over a set of responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct QuestionStats {
    /// The question's id.
    pub question: String,
    /// The question as asked.
    pub text: Text,
    /// Whether scores were reversed (declared on the question).
    pub reverse_coded: bool,
    /// Responses considered (rows), answered or not.
    pub responses: u64,
    /// Valid answers: scores on the scale (for free text, non-empty texts).
    pub n: u64,
    /// Answers marked "not applicable" (counted in `missing`, never as 0).
    pub not_applicable: u64,
    /// `responses − n`: blank, not applicable, or unreadable.
    pub missing: u64,
    /// Arithmetic mean of the compared scores; `None` when `n` is 0 or free text.
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub mean: Option<Decimal>,
    /// Median (the mean of the two middle scores when `n` is even).
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub median: Option<Decimal>,
    /// Sample standard deviation (divisor `n − 1`, as pandas `std()`); `None` when `n < 2`.
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub sd: Option<Decimal>,
    /// Answers per scale point, in the scale's order (every point, zero counts too;
    /// for a numeric scale with integer ends, every integer from min to max).
    pub distribution: Vec<AnswerCount>,
    /// Share (fraction) of valid answers in the two best points of the scale (after
    /// reversal); for a numeric scale, scores ≥ max − 1 (9-10 on 0-10). `None` when
    /// `n` is 0 or the question is free text.
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub top_two_box: Option<Decimal>,
}

/// Statistics of every question over every response of `evaluation`.
pub fn question_stats(evaluation: &Evaluation) -> Vec<QuestionStats> {
    let all: Vec<&Response> = evaluation.responses.iter().collect();
    evaluation.instrument.questions.iter().map(|q| stats_for(q, &all)).collect()
}

/// Statistics of one question over `responses`.
pub fn stats_for(question: &Question, responses: &[&Response]) -> QuestionStats {
    let (lo, hi) = scale_ends(&question.scale);
    // Reversal hi − (s − lo) stays inside the scale; only a scale wider than `Decimal`
    // itself (ends beyond ±3.9 × 10^28) could overflow, and keeps its scores as answered.
    let compare = |s: Decimal| {
        if question.reverse_coded {
            s.checked_sub(lo).and_then(|d| hi.checked_sub(d)).unwrap_or(s)
        } else {
            s
        }
    };
    let mut scores = Vec::new();
    let mut na = 0u64;
    let mut texts = 0u64;
    for r in responses {
        match r.answers.get(&question.id) {
            Some(Answer::Score(s)) if !matches!(question.scale, Scale::FreeText) => scores.push(compare(*s)),
            Some(Answer::Text(t)) if matches!(question.scale, Scale::FreeText) && !t.trim().is_empty() => texts += 1,
            Some(Answer::NotApplicable) => na += 1,
            _ => {}
        }
    }
    let responses_n = responses.len() as u64;
    if matches!(question.scale, Scale::FreeText) {
        return QuestionStats {
            question: question.id.clone(),
            text: question.text.clone(),
            reverse_coded: question.reverse_coded,
            responses: responses_n,
            n: texts,
            not_applicable: na,
            missing: responses_n - texts,
            mean: None,
            median: None,
            sd: None,
            distribution: Vec::new(),
            top_two_box: None,
        };
    }
    let n = scores.len() as u64;
    let share = |count: u64| (n > 0).then(|| Decimal::from(count) / Decimal::from(n));
    let points: Vec<(String, Decimal)> = match &question.scale {
        Scale::Points { points } => {
            points.iter().map(|p| (p.label.show("en", "en").to_owned(), compare(p.score))).collect()
        }
        Scale::Numeric { min, max }
            if min.fract().is_zero()
                && max.fract().is_zero()
                && max.checked_sub(*min).is_some_and(|r| r <= Decimal::from(100)) =>
        {
            let mut v = Vec::new();
            let mut s = *min;
            while s <= *max {
                v.push((s.to_string(), compare(s)));
                match s.checked_add(Decimal::ONE) {
                    Some(next) => s = next,
                    None => break,
                }
            }
            v
        }
        _ => {
            // Scores are already compared; the label is the score as answered.
            let mut distinct: Vec<Decimal> = scores.clone();
            crate::sort::sort(&mut distinct);
            distinct.dedup();
            distinct.into_iter().map(|c| (compare(c).normalize().to_string(), c)).collect()
        }
    };
    let distribution: Vec<AnswerCount> = points
        .into_iter()
        .map(|(label, score)| {
            let count = scores.iter().filter(|s| **s == score).count() as u64;
            AnswerCount { label, score, count, share: share(count) }
        })
        .collect();
    let top_two_box = if n == 0 {
        None
    } else {
        let threshold = match &question.scale {
            Scale::Points { points } => {
                let mut compared: Vec<Decimal> = points.iter().map(|p| compare(p.score)).collect();
                crate::sort::sort_by(&mut compared, |a, b| b.cmp(a));
                compared.get(1).or(compared.first()).copied().unwrap_or(hi)
            }
            _ => hi.checked_sub(Decimal::ONE).unwrap_or(hi),
        };
        share(scores.iter().filter(|s| **s >= threshold).count() as u64)
    };
    let (mean, median, sd) = describe(&scores);
    QuestionStats {
        question: question.id.clone(),
        text: question.text.clone(),
        reverse_coded: question.reverse_coded,
        responses: responses_n,
        n,
        not_applicable: na,
        missing: responses_n - n,
        mean,
        median,
        sd,
        distribution,
        top_two_box,
    }
}

/// The lowest and highest score of a scale (0, 0 for free text).
fn scale_ends(scale: &Scale) -> (Decimal, Decimal) {
    match scale {
        Scale::Points { points } => {
            let lo = points.iter().map(|p| p.score).min().unwrap_or_default();
            let hi = points.iter().map(|p| p.score).max().unwrap_or_default();
            (lo, hi)
        }
        Scale::Numeric { min, max } => (*min, *max),
        Scale::FreeText => (Decimal::ZERO, Decimal::ZERO),
    }
}

/// Mean, median and sample standard deviation (n − 1) of `xs`. Exact decimal arithmetic;
/// a figure whose computation would overflow `Decimal` (only possible on a numeric scale
/// with ends near 10^28) is `None` rather than a panic or a wrong number.
fn describe(xs: &[Decimal]) -> (Option<Decimal>, Option<Decimal>, Option<Decimal>) {
    if xs.is_empty() {
        return (None, None, None);
    }
    let n = Decimal::from(xs.len() as u64);
    let mean = xs.iter().try_fold(Decimal::ZERO, |acc, x| acc.checked_add(*x)).and_then(|sum| sum.checked_div(n));
    let mut sorted = xs.to_vec();
    crate::sort::sort(&mut sorted);
    let mid = sorted.len() / 2;
    let median = if sorted.len() % 2 == 0 {
        sorted[mid - 1].checked_add(sorted[mid]).and_then(|s| s.checked_div(Decimal::TWO))
    } else {
        Some(sorted[mid])
    };
    let sd = mean.filter(|_| xs.len() >= 2).and_then(|mean| {
        let ss = xs.iter().try_fold(Decimal::ZERO, |acc, x| {
            let d = x.checked_sub(mean)?;
            acc.checked_add(d.checked_mul(d)?)
        })?;
        // The variance is exact; its square root goes through f64 (15-16 significant
        // digits), far faster than a decimal square root and more than any report shows.
        let var = ss.checked_div(n - Decimal::ONE)?;
        var.to_f64().map(f64::sqrt).and_then(Decimal::from_f64)
    });
    (mean, median, sd)
}

/// The statistics of one event of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct EventStats {
    /// The event (an activity id, or the event column's value).
    pub event: String,
    /// The event's date: the activity's held start (else planned start) when the event
    /// is an activity of the portfolio with a known year, else the earliest response date.
    pub date: Option<NaiveDate>,
    /// Responses about the event.
    pub responses: u64,
    /// Per question, over the event's responses.
    pub questions: Vec<QuestionStats>,
}

fn activity_date(a: &Activity) -> Option<NaiveDate> {
    a.held.start.and_then(|d| d.earliest()).or_else(|| a.planned.start.and_then(|d| d.earliest()))
}

/// Statistics per event, in date order (events without a date last, by id). The events
/// are those the evaluation lists, those its responses name, and the activities of its
/// `plan` (so a planned meeting with no responses shows with `responses = 0`).
/// Responses without an event are left out here (they count in [`question_stats`]).
pub fn by_event(evaluation: &Evaluation, activities: &[Activity]) -> Vec<EventStats> {
    let mut events: Vec<String> = evaluation.events.clone();
    let mut add = |e: &str| {
        if !events.iter().any(|x| x == e) {
            events.push(e.to_owned());
        }
    };
    if let Some(plan) = &evaluation.plan {
        activities.iter().filter(|a| a.plan.as_deref() == Some(plan.as_str())).for_each(|a| add(&a.id));
    }
    evaluation.responses.iter().filter_map(|r| r.event.as_deref()).for_each(&mut add);
    let mut grouped: BTreeMap<&str, Vec<&Response>> = BTreeMap::new();
    for r in &evaluation.responses {
        if let Some(e) = r.event.as_deref() {
            grouped.entry(e).or_default().push(r);
        }
    }
    let mut out: Vec<EventStats> = events
        .iter()
        .map(|e| {
            let rs = grouped.get(e.as_str()).cloned().unwrap_or_default();
            let date = activities
                .iter()
                .find(|a| a.id == *e)
                .and_then(activity_date)
                .or_else(|| rs.iter().filter_map(|r| r.date.and_then(|d| d.earliest())).min());
            EventStats {
                event: e.clone(),
                date,
                responses: rs.len() as u64,
                questions: evaluation.instrument.questions.iter().map(|q| stats_for(q, &rs)).collect(),
            }
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| match (a.date, b.date) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.event.cmp(&b.event)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.event.cmp(&b.event),
    });
    out
}

/// One point of a trend: one question at one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TrendPoint {
    /// The event.
    pub event: String,
    /// Its date (see [`EventStats::date`]).
    pub date: Option<NaiveDate>,
    /// Valid answers.
    pub n: u64,
    /// Mean compared score; `None` when `n` is 0.
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub mean: Option<Decimal>,
    /// Top-two-box share (fraction).
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub top_two_box: Option<Decimal>,
}

/// The trend of `question` over the series of events, in date order (see [`by_event`]).
/// Empty when the question is unknown.
pub fn trend(evaluation: &Evaluation, activities: &[Activity], question: &str) -> Vec<TrendPoint> {
    trend_from(&by_event(evaluation, activities), evaluation, question)
}

fn trend_from(events: &[EventStats], evaluation: &Evaluation, question: &str) -> Vec<TrendPoint> {
    if !evaluation.instrument.questions.iter().any(|q| q.id == question) {
        return Vec::new();
    }
    events
        .iter()
        .filter_map(|e| {
            let q = e.questions.iter().find(|q| q.question == question)?;
            Some(TrendPoint { event: e.event.clone(), date: e.date, n: q.n, mean: q.mean, top_two_box: q.top_two_box })
        })
        .collect()
}

/// Per-question statistics as a table `survey_questions`: question, text, reverse_coded,
/// responses, n, not_applicable, missing, mean, median, sd (sample), top_two_box (fraction).
pub fn questions_table(stats: &[QuestionStats], lang: &str) -> Table {
    let mut t = Table::new(
        "survey_questions",
        &[
            ("question", DType::String),
            ("text", DType::String),
            ("reverse_coded", DType::Bool),
            ("responses", DType::Int),
            ("n", DType::Int),
            ("not_applicable", DType::Int),
            ("missing", DType::Int),
            ("mean", DType::Decimal),
            ("median", DType::Decimal),
            ("sd", DType::Decimal),
            ("top_two_box", DType::Decimal),
        ],
    );
    for s in stats {
        t.push(vec![
            s.question.as_str().into(),
            s.text.show(lang, "en").into(),
            s.reverse_coded.into(),
            s.responses.into(),
            s.n.into(),
            s.not_applicable.into(),
            s.missing.into(),
            s.mean.into(),
            s.median.into(),
            s.sd.into(),
            s.top_two_box.into(),
        ]);
    }
    t
}

/// The answer distributions as a long table `survey_distribution`: question, label,
/// score, count, share (fraction of n).
pub fn distribution_table(stats: &[QuestionStats]) -> Table {
    let mut t = Table::new(
        "survey_distribution",
        &[
            ("question", DType::String),
            ("label", DType::String),
            ("score", DType::Decimal),
            ("count", DType::Int),
            ("share", DType::Decimal),
        ],
    );
    for s in stats {
        for a in &s.distribution {
            t.push(vec![
                s.question.as_str().into(),
                a.label.as_str().into(),
                a.score.into(),
                a.count.into(),
                a.share.into(),
            ]);
        }
    }
    t
}

/// Per-event statistics as a long table `survey_events`: event, date, responses,
/// question, n, missing, mean, sd, top_two_box — in date order.
pub fn events_table(events: &[EventStats]) -> Table {
    let mut t = Table::new(
        "survey_events",
        &[
            ("event", DType::String),
            ("date", DType::Date),
            ("responses", DType::Int),
            ("question", DType::String),
            ("n", DType::Int),
            ("missing", DType::Int),
            ("mean", DType::Decimal),
            ("sd", DType::Decimal),
            ("top_two_box", DType::Decimal),
        ],
    );
    for e in events {
        for q in &e.questions {
            t.push(vec![
                e.event.as_str().into(),
                e.date.into(),
                e.responses.into(),
                q.question.as_str().into(),
                q.n.into(),
                q.missing.into(),
                q.mean.into(),
                q.sd.into(),
                q.top_two_box.into(),
            ]);
        }
    }
    t
}

/// A trend as a table `survey_trend`: event, date, n, mean, top_two_box.
pub fn trend_table(points: &[TrendPoint]) -> Table {
    let mut t = Table::new(
        "survey_trend",
        &[
            ("event", DType::String),
            ("date", DType::Date),
            ("n", DType::Int),
            ("mean", DType::Decimal),
            ("top_two_box", DType::Decimal),
        ],
    );
    for p in points {
        t.push(vec![p.event.as_str().into(), p.date.into(), p.n.into(), p.mean.into(), p.top_two_box.into()]);
    }
    t
}

/// The Vega-Lite schema every chart spec names.
pub const VEGA_LITE_SCHEMA: &str = "https://vega.github.io/schema/vega-lite/v6.json";

/// A Vega-Lite spec from its fixed part `template` (JSON text, without `$schema` and
/// `data`) with the schema and the inline `data.values` set. The fixed part is text read
/// by the tree reader rather than a `json!` literal, which expands every member into code
/// (about 8 KB gzip of the WebAssembly module over the charts, issue 15). The templates are
/// constants; `tests::chart_templates_are_json` reads each one.
pub(crate) fn vega_spec(template: &str, values: Vec<serde_json::Value>) -> serde_json::Value {
    let mut spec = match crate::io::json::tree::parse(template) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    spec.insert("$schema".into(), VEGA_LITE_SCHEMA.into());
    let mut data = serde_json::Map::new();
    data.insert("values".into(), serde_json::Value::Array(values));
    spec.insert("data".into(), serde_json::Value::Object(data));
    serde_json::Value::Object(spec)
}

const DISTRIBUTION_CHART: &str = r##"{
        "description": "Answers per question, as shares of the valid answers n (blank and not applicable answers are missing and left out).",
        "facet": {"row": {"field": "scale", "type": "nominal", "sort": {"field": "scale_rank", "op": "min"}, "title": null, "header": {"labelAngle": 0, "labelAlign": "left", "labelAnchor": "start", "labelOrient": "top"}}},
        "spec": {
            "mark": {"type": "bar"},
            "encoding": {
                "y": {"field": "question", "type": "nominal", "sort": null, "title": null, "axis": {"labelLimit": 480}},
                "x": {"field": "share", "type": "quantitative", "stack": "normalize", "axis": {"format": "%"}, "title": "Share of answers"},
                "color": {"field": "answer", "type": "ordinal", "sort": {"field": "rank"}, "title": "Answer"},
                "order": {"field": "rank", "type": "quantitative"},
                "tooltip": [
                    {"field": "question", "type": "nominal"},
                    {"field": "answer", "type": "nominal"},
                    {"field": "count", "type": "quantitative"},
                    {"field": "share", "type": "quantitative", "format": ".1%"}
                ]
            }
        },
        "resolve": {"scale": {"color": "independent", "y": "independent"}, "legend": {"color": "independent"}}
    }"##;

/// A Vega-Lite v6 spec: the answer distribution of each question as a 100 % stacked
/// horizontal bar (one bar per question, `n` in its label), segments coloured by answer
/// in scale order, shares as fractions (axis formatted as %). Questions are faceted by
/// scale (`first label … last label`), each facet with its own colour legend.
pub fn distribution_chart(stats: &[QuestionStats], lang: &str) -> serde_json::Value {
    let mut values = Vec::new();
    let mut scales: Vec<String> = Vec::new();
    for s in stats.iter().filter(|s| !s.distribution.is_empty()) {
        let question = format!("{} (n = {})", s.text.show(lang, "en"), s.n);
        let first = s.distribution.first().map_or("", |a| a.label.as_str());
        let last = s.distribution.last().map_or("", |a| a.label.as_str());
        let scale = format!("{first} … {last}");
        if !scales.contains(&scale) {
            scales.push(scale.clone());
        }
        let scale_rank = scales.iter().position(|x| *x == scale);
        for (rank, a) in s.distribution.iter().enumerate() {
            values.push(serde_json::json!({
                "scale": scale,
                "scale_rank": scale_rank,
                "question": question,
                "answer": a.label,
                "rank": rank,
                "score": a.score.to_f64(),
                "count": a.count,
                "share": a.share.and_then(|x| x.to_f64()),
            }));
        }
    }
    vega_spec(DISTRIBUTION_CHART, values)
}

const TREND_CHART: &str = r##"{
        "description": "Mean score per event, in date order; n is the number of valid answers at each event.",
        "encoding": {
            "x": {"field": "date", "type": "temporal", "title": "Event date"},
            "y": {"field": "mean", "type": "quantitative", "title": "Mean score", "scale": {"zero": false}}
        },
        "layer": [
            {"mark": {"type": "line", "opacity": 0.5}},
            {
                "mark": {"type": "point", "filled": true},
                "encoding": {
                    "size": {"field": "n", "type": "quantitative", "title": "n"},
                    "tooltip": [
                        {"field": "event", "type": "nominal"},
                        {"field": "date", "type": "temporal"},
                        {"field": "n", "type": "quantitative"},
                        {"field": "mean", "type": "quantitative", "format": ".2f"},
                        {"field": "top_two_box", "type": "quantitative", "format": ".1%"}
                    ]
                }
            }
        ]
    }"##;

/// A Vega-Lite v6 spec: the mean of one question over a series of events in date
/// order (a line, and a point per event sized by its `n`, which the tooltip also shows). Events without a date are left out
/// of the time axis.
pub fn trend_chart(points: &[TrendPoint], title: &str) -> serde_json::Value {
    let values: Vec<serde_json::Value> = points
        .iter()
        .filter_map(|p| {
            let date = p.date?;
            Some(serde_json::json!({
                "event": p.event,
                "date": date.to_string(),
                "n": p.n,
                "mean": p.mean.and_then(|m| m.to_f64()),
                "top_two_box": p.top_two_box.and_then(|m| m.to_f64()),
            }))
        })
        .collect();
    let mut spec = vega_spec(TREND_CHART, values);
    spec["title"] = title.into();
    spec
}

const SERIES_CHART: &str = r##"{
        "description": "Mean score per question and event, in date order, one panel per scale; point size is n, the valid answers at the event.",
        "facet": {"row": {"field": "scale", "type": "nominal", "sort": {"field": "scale_rank", "op": "min"}, "title": null,
            "header": {"labelAngle": 0, "labelAlign": "left", "labelAnchor": "start", "labelOrient": "top"}}},
        "spec": {
            "encoding": {
                "x": {"field": "date", "type": "temporal", "title": "Event date"},
                "y": {"field": "mean", "type": "quantitative", "title": "Mean score", "scale": {"zero": false}},
                "color": {"field": "question", "type": "nominal", "sort": null, "title": "Question", "legend": {"labelLimit": 360}}
            },
            "layer": [
                {"mark": {"type": "line", "opacity": 0.6}},
                {
                    "mark": {"type": "point", "filled": true},
                    "encoding": {
                        "size": {"field": "n", "type": "quantitative", "title": "n"},
                        "tooltip": [
                            {"field": "event", "type": "nominal"},
                            {"field": "date", "type": "temporal"},
                            {"field": "question", "type": "nominal"},
                            {"field": "n", "type": "quantitative"},
                            {"field": "mean", "type": "quantitative", "format": ".2f"}
                        ]
                    }
                }
            ]
        },
        "resolve": {"scale": {"y": "independent", "color": "independent"}, "legend": {"color": "independent"}}
    }"##;

/// A Vega-Lite v6 spec: the trend of every scored question over a series of events in
/// date order — one coloured line per question, a point per event sized by its `n`
/// (DESIGN.md rule 9: n with every mean) — faceted by scale (`first label … last
/// label`) so that a 0-10 score and a 1-5 item never share an axis. Events without a
/// date are left out.
pub fn series_chart(events: &[EventStats], lang: &str) -> serde_json::Value {
    let mut values = Vec::new();
    let mut scales: Vec<String> = Vec::new();
    for e in events {
        let Some(date) = e.date else { continue };
        for q in e.questions.iter().filter(|q| q.mean.is_some()) {
            let first = q.distribution.first().map_or("", |a| a.label.as_str());
            let last = q.distribution.last().map_or("", |a| a.label.as_str());
            let scale = format!("{first} … {last}");
            if !scales.contains(&scale) {
                scales.push(scale.clone());
            }
            values.push(serde_json::json!({
                "scale": scale,
                "scale_rank": scales.iter().position(|x| *x == scale),
                "event": e.event,
                "date": date.to_string(),
                "question": q.text.show(lang, "en"),
                "n": q.n,
                "mean": q.mean.and_then(|m| m.to_f64()),
            }));
        }
    }
    vega_spec(SERIES_CHART, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_templates_are_json() {
        for template in [DISTRIBUTION_CHART, TREND_CHART, SERIES_CHART, crate::analysis::learning::PROFILE_CHART] {
            let value = crate::io::json::tree::parse(template).unwrap();
            assert!(value.get("description").is_some_and(serde_json::Value::is_string), "{template}");
        }
        let spec = vega_spec(TREND_CHART, vec![serde_json::json!({"n": 1})]);
        assert_eq!(spec["$schema"], VEGA_LITE_SCHEMA);
        assert_eq!(spec["data"]["values"][0]["n"], 1);
        assert_eq!(spec["layer"][1]["mark"]["type"], "point");
    }
}
