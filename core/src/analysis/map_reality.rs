//! Did the map match reality? (report section 5)
//!
//! For each item of the results matrix: what was expected, the evidence found in
//! reports (count, sources, strongest piece), the indicators linked to it, and a
//! verdict. For each activity plan: planned against held, as of a date. Then the
//! observations that match no item on the map (unexpected results), by level.
//!
//! **Verdict rule** (one rule, documented so that every language gets the same answer):
//! - [`Verdict::EvidenceFound`] — at least one observation points at the item with
//!   strength `documented`, `measured` or `evaluated`;
//! - [`Verdict::Partly`] — observations point at the item, but all are `anecdotal` or
//!   state no strength;
//! - [`Verdict::NoneYet`] — no observation points at the item (as of the date).
//!
//! Only observations in reports dated on or before `as_of` (or undated) count. Each
//! linked indicator carries its progress as of the same date from the results engine
//! ([`LinkedIndicator::progress`], DESIGN.md rule 3); it does not change the verdict.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::results::ResultsIndex;
use super::tables::{DType, Table};
use crate::model::{ActivityKind, ActivityState, EvidenceStrength, Level, MatrixColumn, Portfolio, Text};

/// The verdict on one matrix item (see the module docs for the rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Documented, measured or evaluated evidence found.
    EvidenceFound,
    /// Only anecdotal evidence, or evidence of unstated strength.
    Partly,
    /// No evidence yet.
    NoneYet,
}

impl Verdict {
    /// The snake_case code (`evidence_found`, `partly`, `none_yet`).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::EvidenceFound => "evidence_found",
            Verdict::Partly => "partly",
            Verdict::NoneYet => "none_yet",
        }
    }
}

/// An indicator linked to a matrix item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LinkedIndicator {
    /// The indicator's id.
    pub id: String,
    /// The owning project's id; `None` for a program indicator.
    pub project: Option<String>,
    /// Progress from baseline to target as of the comparison's date, a **fraction**
    /// (0.5 = half-way, 1 = target reached, negative = a regression; DESIGN.md rule 3),
    /// as [`crate::analysis::results::ResultsIndex::indicator_progress`] gives it with
    /// the default band. `None` when it cannot be said: no target, no baseline, nothing
    /// reported by then, target equal to baseline, an indicator that is not a unit or
    /// percentage, or a later indicator with the id of an earlier one (`validate`
    /// reports the duplicate). In JSON a decimal string (`"0.5"`) or `null`.
    #[serde(serialize_with = "crate::model::number::strict_opt::serialize")]
    pub progress: Option<Decimal>,
}

/// One matrix item against reality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ItemReality {
    /// The item's id.
    pub item: String,
    /// Its level (row).
    pub level: Level,
    /// Experience/result or effect.
    pub column: MatrixColumn,
    /// The expectation as worded.
    pub text: Text,
    /// Always true: the item is on the map, so it was expected.
    pub expected: bool,
    /// Observations pointing at it.
    pub evidence: u64,
    /// The observations' ids.
    pub observations: Vec<String>,
    /// The reports they come from (ids, each once, in file order).
    pub sources: Vec<String>,
    /// The strongest piece of evidence; `None` when none states a strength.
    pub strongest: Option<EvidenceStrength>,
    /// Indicators whose (or whose result's) `matrix_items` name the item.
    pub indicators: Vec<LinkedIndicator>,
    /// Projects that say they contribute to the item (`contributes_to`), by id.
    pub projects: Vec<String>,
    /// Activities meant to serve the item (`matrix_items`), by id.
    pub activities: Vec<String>,
    /// The verdict.
    pub verdict: Verdict,
}

/// One activity plan against the activities held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PlanReality {
    /// The plan's id.
    pub plan: String,
    /// The kind of activity planned.
    pub kind: ActivityKind,
    /// What the plan says.
    pub title: Text,
    /// How many were planned; `None` when the program gives no number.
    pub planned: Option<u32>,
    /// Activities of the plan held on or before `as_of` (state `held` with no date or a
    /// start on or before `as_of`; or no state and a held start on or before `as_of`).
    pub held: u64,
    /// Activities of the plan not (yet) held: planned, no state, or held after `as_of`.
    pub open: u64,
    /// Activities of the plan cancelled.
    pub cancelled: u64,
    /// `planned − held` when a number was planned (negative when more were held).
    pub shortfall: Option<i64>,
    /// The last day an activity of the plan was held (by `as_of`).
    pub last_held: Option<NaiveDate>,
}

/// An observation that matches no item on the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Unexpected {
    /// The observation's id.
    pub observation: String,
    /// The report it is in.
    pub report: String,
    /// What was observed.
    pub text: Text,
    /// How strong it is.
    pub strength: Option<EvidenceStrength>,
    /// The item id it names when that id is not on the map (a dangling reference).
    pub unknown_item: Option<String>,
}

/// Unexpected results at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct UnexpectedGroup {
    /// The level; `None` when the observation states none.
    pub level: Option<Level>,
    /// The observations, in file order.
    pub observations: Vec<Unexpected>,
}

/// The map against reality, as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct MapReality {
    /// The date the comparison holds for.
    pub as_of: NaiveDate,
    /// Every matrix item, row by row, experiences before effects.
    pub items: Vec<ItemReality>,
    /// Every activity plan of the program.
    pub plans: Vec<PlanReality>,
    /// Unexpected results by level: national, regional, local, then unstated.
    pub unexpected: Vec<UnexpectedGroup>,
}

fn counts(report_date: Option<crate::model::PartialDate>, as_of: NaiveDate) -> bool {
    report_date.and_then(|d| d.earliest()).is_none_or(|d| d <= as_of)
}

/// Compares the map with what the portfolio records, as of `as_of`.
pub fn map_vs_reality(portfolio: &Portfolio, as_of: NaiveDate) -> MapReality {
    let matrix = &portfolio.program.matrix;
    // Indicators linked to each item, directly or through their result.
    let mut links: BTreeMap<&str, Vec<LinkedIndicator>> = BTreeMap::new();
    let index = ResultsIndex::new(portfolio);
    // The indicator's progress, when the id names this indicator alone (the index keeps
    // the first of a shared id, which may be another project's).
    let progress_of = |id: &str, project: Option<&str>| {
        let own = index.owner(id) == project;
        own.then(|| index.indicator_progress(id, as_of).ok()).flatten().and_then(|p| p.progress.fraction())
    };
    let results = portfolio
        .program
        .results
        .iter()
        .map(|r| (None, r))
        .chain(portfolio.projects.iter().flat_map(|p| p.results.iter().map(move |r| (Some(p.id.as_str()), r))));
    for (project, result) in results {
        for ind in &result.indicators {
            for item in result.matrix_items.iter().chain(&ind.matrix_items) {
                let list = links.entry(item.as_str()).or_default();
                if !list.iter().any(|l| l.id == ind.id && l.project.as_deref() == project) {
                    list.push(LinkedIndicator {
                        id: ind.id.clone(),
                        project: project.map(str::to_owned),
                        progress: progress_of(&ind.id, project),
                    });
                }
            }
        }
    }
    let mut items: Vec<ItemReality> = matrix
        .items()
        .map(|(level, column, item)| ItemReality {
            item: item.id.clone(),
            level,
            column,
            text: item.text.clone(),
            expected: true,
            evidence: 0,
            observations: Vec::new(),
            sources: Vec::new(),
            strongest: None,
            indicators: links.remove(item.id.as_str()).unwrap_or_default(),
            projects: portfolio
                .projects
                .iter()
                .filter(|p| p.contributes_to.contains(&item.id))
                .map(|p| p.id.clone())
                .collect(),
            activities: portfolio
                .activities
                .iter()
                .filter(|a| a.matrix_items.contains(&item.id))
                .map(|a| a.id.clone())
                .collect(),
            verdict: Verdict::NoneYet,
        })
        .collect();
    let mut unexpected: BTreeMap<Option<Level>, Vec<Unexpected>> = BTreeMap::new();
    for report in portfolio.reports.iter().filter(|r| counts(r.date, as_of)) {
        for obs in &report.observations {
            let target = obs.matrix_item.as_deref().and_then(|id| items.iter_mut().find(|i| i.item == id));
            match target {
                Some(item) => {
                    item.evidence += 1;
                    item.observations.push(obs.id.clone());
                    if !item.sources.contains(&report.id) {
                        item.sources.push(report.id.clone());
                    }
                    item.strongest = item.strongest.max(obs.strength);
                }
                None => unexpected.entry(obs.level).or_default().push(Unexpected {
                    observation: obs.id.clone(),
                    report: report.id.clone(),
                    text: obs.text.clone(),
                    strength: obs.strength,
                    unknown_item: obs.matrix_item.clone(),
                }),
            }
        }
    }
    for item in &mut items {
        item.verdict = match (item.evidence, item.strongest) {
            (0, _) => Verdict::NoneYet,
            (_, Some(s)) if s >= EvidenceStrength::Documented => Verdict::EvidenceFound,
            _ => Verdict::Partly,
        };
    }
    let plans = portfolio
        .program
        .plans
        .iter()
        .map(|plan| {
            let (mut held, mut open, mut cancelled, mut last_held) = (0u64, 0u64, 0u64, None::<NaiveDate>);
            for a in portfolio.activities.iter().filter(|a| a.plan.as_deref() == Some(plan.id.as_str())) {
                let start = a.held.start.and_then(|d| d.earliest());
                let was_held = super::activities::held_by(a, as_of);
                if was_held {
                    held += 1;
                    last_held = last_held.max(a.held.end.and_then(|d| d.latest()).or(start).filter(|d| *d <= as_of));
                } else if a.state == Some(ActivityState::Cancelled) {
                    cancelled += 1;
                } else {
                    open += 1;
                }
            }
            PlanReality {
                plan: plan.id.clone(),
                kind: plan.kind,
                title: plan.title.clone(),
                planned: plan.count,
                held,
                open,
                cancelled,
                shortfall: plan.count.map(|c| i64::from(c) - held as i64),
                last_held,
            }
        })
        .collect();
    let unexpected =
        unexpected.into_iter().map(|(level, observations)| UnexpectedGroup { level, observations }).collect();
    // BTreeMap orders None before Some; the report wants stated levels first.
    let mut unexpected: Vec<UnexpectedGroup> = unexpected;
    crate::sort::sort_by_key(&mut unexpected, |g| (g.level.is_none(), g.level));
    MapReality { as_of, items, plans, unexpected }
}

fn strength_code(s: Option<EvidenceStrength>) -> Option<String> {
    s.and_then(|s| serde_json::to_value(s).ok()).and_then(|v| v.as_str().map(str::to_owned))
}

/// The items as a table `map_items`: item, level, column, text, expected, evidence,
/// sources (`; `-joined report ids), strongest, indicators (`; `-joined ids),
/// indicators_with_progress, verdict.
pub fn items_table(m: &MapReality, lang: &str) -> Table {
    let mut t = Table::new(
        "map_items",
        &[
            ("item", DType::String),
            ("level", DType::String),
            ("column", DType::String),
            ("text", DType::String),
            ("expected", DType::Bool),
            ("evidence", DType::Int),
            ("sources", DType::String),
            ("strongest", DType::String),
            ("indicators", DType::String),
            ("indicators_with_progress", DType::Int),
            ("verdict", DType::String),
        ],
    );
    for i in &m.items {
        let column = match i.column {
            MatrixColumn::Experience => "experience",
            MatrixColumn::Effect => "effect",
        };
        t.push(vec![
            i.item.as_str().into(),
            i.level.code().into(),
            column.into(),
            i.text.show(lang, "en").into(),
            i.expected.into(),
            i.evidence.into(),
            i.sources.join("; ").into(),
            strength_code(i.strongest).into(),
            i.indicators.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join("; ").into(),
            i.indicators.iter().filter(|l| l.progress.is_some()).count().into(),
            i.verdict.code().into(),
        ]);
    }
    t
}

/// The linked indicators as a table `map_indicators`, one row per item and indicator
/// in the order of [`MapReality::items`]: item, indicator, project (null for a program
/// indicator), progress (a fraction as of the comparison's date, null when it cannot
/// be said; see [`LinkedIndicator::progress`]).
pub fn indicators_table(m: &MapReality) -> Table {
    let mut t = Table::new(
        "map_indicators",
        &[
            ("item", DType::String),
            ("indicator", DType::String),
            ("project", DType::String),
            ("progress", DType::Decimal),
        ],
    );
    for i in &m.items {
        for l in &i.indicators {
            t.push(vec![i.item.as_str().into(), l.id.as_str().into(), l.project.clone().into(), l.progress.into()]);
        }
    }
    t
}

/// The plans as a table `map_plans`: plan, kind, title, planned, held, open, cancelled,
/// shortfall, last_held.
pub fn plans_table(m: &MapReality, lang: &str) -> Table {
    let mut t = Table::new(
        "map_plans",
        &[
            ("plan", DType::String),
            ("kind", DType::String),
            ("title", DType::String),
            ("planned", DType::Int),
            ("held", DType::Int),
            ("open", DType::Int),
            ("cancelled", DType::Int),
            ("shortfall", DType::Int),
            ("last_held", DType::Date),
        ],
    );
    for p in &m.plans {
        t.push(vec![
            p.plan.as_str().into(),
            p.kind.label(lang).into(),
            p.title.show(lang, "en").into(),
            p.planned.map(u64::from).into(),
            p.held.into(),
            p.open.into(),
            p.cancelled.into(),
            p.shortfall.map_or(super::tables::Cell::Null, super::tables::Cell::Int),
            p.last_held.into(),
        ]);
    }
    t
}

/// The unexpected results as a table `map_unexpected`: level (empty when unstated),
/// observation, report, text, strength, unknown_item.
pub fn unexpected_table(m: &MapReality, lang: &str) -> Table {
    let mut t = Table::new(
        "map_unexpected",
        &[
            ("level", DType::String),
            ("observation", DType::String),
            ("report", DType::String),
            ("text", DType::String),
            ("strength", DType::String),
            ("unknown_item", DType::String),
        ],
    );
    for g in &m.unexpected {
        for u in &g.observations {
            t.push(vec![
                g.level.map(Level::code).into(),
                u.observation.as_str().into(),
                u.report.as_str().into(),
                u.text.show(lang, "en").into(),
                strength_code(u.strength).into(),
                u.unknown_item.clone().into(),
            ]);
        }
    }
    t
}
