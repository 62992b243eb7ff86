//! What was done (report section 3): activities by kind and state, over time,
//! participation by level, and outputs.
//!
//! An activity counts as **held** by `as_of` under the same rule as the plans in
//! [`super::map_reality`]: state `held` with no held date or a held start on or before
//! `as_of`, or no state and a held start on or before `as_of`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::tables::{DType, Table};
use crate::model::{Activity, ActivityKind, ActivityState, Level, Portfolio, Text};

/// Activities of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct KindCount {
    /// The kind.
    pub kind: ActivityKind,
    /// Recorded activities of the kind.
    pub recorded: u64,
    /// Held by `as_of`.
    pub held: u64,
    /// Cancelled.
    pub cancelled: u64,
    /// Not (yet) held: planned, held after `as_of`, or no state and no held date.
    pub open: u64,
    /// The number the program's plans give for the kind, summed over plans with a number.
    pub planned_in_plans: Option<u64>,
}

/// Participation at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LevelParticipation {
    /// The level; `None` for participation records that state none.
    pub level: Option<Level>,
    /// Activities with participation at the level.
    pub activities: u64,
    /// Participants counted, summed over records that give a number.
    pub participants: u64,
    /// Participation records that name the group but give no number.
    pub uncounted: u64,
}

/// An output of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct OutputRow {
    /// The activity that produced it.
    pub activity: String,
    /// Its title.
    pub title: Text,
    /// The output's kind (else the activity's).
    pub kind: ActivityKind,
    /// When it appeared, as precisely as known.
    pub date: Option<String>,
    /// Where it can be found.
    pub url: Option<String>,
}

/// What was done, as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ActivitySummary {
    /// The date the summary holds for.
    pub as_of: NaiveDate,
    /// Per kind, kinds in their declared order; only kinds recorded or planned.
    pub by_kind: Vec<KindCount>,
    /// Held activities per year of their held start; `None` for held activities whose
    /// year is unknown.
    pub held_by_year: Vec<(Option<i32>, u64)>,
    /// Participation by level (national, regional, local, then unstated).
    pub participation: Vec<LevelParticipation>,
    /// Every output, in activity order.
    pub outputs: Vec<OutputRow>,
}

/// Whether `a` was held by `as_of` (see the module docs).
pub fn held_by(a: &Activity, as_of: NaiveDate) -> bool {
    let start = a.held.start.and_then(|d| d.earliest());
    match a.state {
        Some(ActivityState::Held) => start.is_none_or(|d| d <= as_of),
        None => start.is_some_and(|d| d <= as_of),
        _ => false,
    }
}

/// Summarises the portfolio's activities as of `as_of`.
pub fn activity_summary(portfolio: &Portfolio, as_of: NaiveDate) -> ActivitySummary {
    let mut kinds: BTreeMap<ActivityKind, KindCount> = BTreeMap::new();
    let blank = |kind| KindCount { kind, recorded: 0, held: 0, cancelled: 0, open: 0, planned_in_plans: None };
    for plan in &portfolio.program.plans {
        let k = kinds.entry(plan.kind).or_insert_with(|| blank(plan.kind));
        if let Some(c) = plan.count {
            k.planned_in_plans = Some(k.planned_in_plans.unwrap_or(0) + u64::from(c));
        }
    }
    let mut years: BTreeMap<Option<i32>, u64> = BTreeMap::new();
    let mut levels: BTreeMap<Option<Level>, LevelParticipation> = BTreeMap::new();
    let mut outputs = Vec::new();
    for a in &portfolio.activities {
        let k = kinds.entry(a.kind).or_insert_with(|| blank(a.kind));
        k.recorded += 1;
        if held_by(a, as_of) {
            k.held += 1;
            *years.entry(a.held.start.and_then(|d| d.earliest()).map(|d| d.year())).or_default() += 1;
        } else if a.state == Some(ActivityState::Cancelled) {
            k.cancelled += 1;
        } else {
            k.open += 1;
        }
        let mut seen: Vec<Option<Level>> = Vec::new();
        for p in &a.participants {
            let l = levels.entry(p.level).or_insert_with(|| LevelParticipation {
                level: p.level,
                activities: 0,
                participants: 0,
                uncounted: 0,
            });
            if !seen.contains(&p.level) {
                l.activities += 1;
                seen.push(p.level);
            }
            match p.count {
                Some(c) => l.participants += u64::from(c),
                None => l.uncounted += 1,
            }
        }
        for o in &a.outputs {
            outputs.push(OutputRow {
                activity: a.id.clone(),
                title: o.title.clone(),
                kind: o.kind.unwrap_or(a.kind),
                date: o.date.map(|d| d.to_string()),
                url: o.url.clone(),
            });
        }
    }
    let mut participation: Vec<LevelParticipation> = levels.into_values().collect();
    crate::sort::sort_by_key(&mut participation, |p| (p.level.is_none(), p.level));
    let mut held_by_year: Vec<(Option<i32>, u64)> = years.into_iter().collect();
    crate::sort::sort_by_key(&mut held_by_year, |(y, _)| (y.is_none(), *y));
    ActivitySummary { as_of, by_kind: kinds.into_values().collect(), held_by_year, participation, outputs }
}

/// Activities by kind as a table `activities_by_kind`: kind, recorded, held, open,
/// cancelled, planned_in_plans.
pub fn by_kind_table(s: &ActivitySummary, lang: &str) -> Table {
    let mut t = Table::new(
        "activities_by_kind",
        &[
            ("kind", DType::String),
            ("recorded", DType::Int),
            ("held", DType::Int),
            ("open", DType::Int),
            ("cancelled", DType::Int),
            ("planned_in_plans", DType::Int),
        ],
    );
    for k in &s.by_kind {
        t.push(vec![
            k.kind.label(lang).into(),
            k.recorded.into(),
            k.held.into(),
            k.open.into(),
            k.cancelled.into(),
            k.planned_in_plans.into(),
        ]);
    }
    t
}

/// Participation as a table `participation_by_level`: level (empty when unstated),
/// activities, participants, uncounted.
pub fn participation_table(s: &ActivitySummary) -> Table {
    let mut t = Table::new(
        "participation_by_level",
        &[
            ("level", DType::String),
            ("activities", DType::Int),
            ("participants", DType::Int),
            ("uncounted", DType::Int),
        ],
    );
    for p in &s.participation {
        t.push(vec![p.level.map(Level::code).into(), p.activities.into(), p.participants.into(), p.uncounted.into()]);
    }
    t
}

/// Outputs as a table `outputs`: activity, title, kind, date (ISO, as precise as
/// known), url.
pub fn outputs_table(s: &ActivitySummary, lang: &str) -> Table {
    let mut t = Table::new(
        "outputs",
        &[
            ("activity", DType::String),
            ("title", DType::String),
            ("kind", DType::String),
            ("date", DType::String),
            ("url", DType::String),
        ],
    );
    for o in &s.outputs {
        t.push(vec![
            o.activity.as_str().into(),
            o.title.show(lang, "en").into(),
            o.kind.label(lang).into(),
            o.date.clone().into(),
            o.url.clone().into(),
        ]);
    }
    t
}
