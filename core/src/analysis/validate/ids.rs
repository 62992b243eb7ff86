//! Id spaces: one hash map per kind of thing, built once; `empty-id` and `duplicate-id`.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use super::Ctx;
use crate::model::{Diagnostic, Indicator, Level, Result};

/// Where an id sits: up to three indices, turned into a JSON pointer by the space's
/// renderer only when a diagnostic needs it (no allocation per id).
#[derive(Debug, Clone, Copy)]
pub(super) struct Loc(pub(super) u32, pub(super) u32, pub(super) u32);

/// An index as a `u32` for [`Loc`] (saturating: a portfolio never has 4 billion items).
pub(super) fn n(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The owner part of a result or indicator pointer: 0 for the program, `i + 1` for
/// project `i`.
fn owner_base(owner: u32) -> String {
    match owner {
        0 => "/program".to_owned(),
        o => format!("/projects/{}", o - 1),
    }
}

/// One id space: id → (where its first occurrence is, payload). Later duplicates are
/// reported and ignored, so references resolve to the first occurrence.
pub(super) struct Space<'a, T> {
    /// What the ids name, singular (`project`).
    what: &'static str,
    /// The JSON pointer of the `id` field at a [`Loc`].
    render: fn(Loc) -> String,
    map: HashMap<&'a str, (Loc, T)>,
}

impl<'a, T> Space<'a, T> {
    pub(super) fn new(what: &'static str, render: fn(Loc) -> String, capacity: usize) -> Self {
        Self { what, render, map: HashMap::with_capacity(capacity) }
    }

    /// Adds `id`, found at `loc`; reports a blank id or a duplicate into `out`.
    pub(super) fn insert(&mut self, id: &'a str, loc: Loc, value: T, out: &mut Vec<Diagnostic>) {
        let what = self.what;
        if id.trim().is_empty() {
            let msg = format!("this {what} has an empty id; expected a unique id");
            out.push(Diagnostic::error("empty-id", (self.render)(loc), msg));
            return;
        }
        match self.map.entry(id) {
            Entry::Occupied(first) => {
                let (ptr, first) = ((self.render)(loc), (self.render)(first.get().0));
                let msg = format!("{what} id {id:?} at {ptr} is already used at {first}; {what} ids must be unique");
                out.push(Diagnostic::error("duplicate-id", ptr, msg));
            }
            Entry::Vacant(slot) => {
                slot.insert((loc, value));
            }
        }
    }

    /// The payload of the first entry with `id`.
    pub(super) fn get(&self, id: &str) -> Option<&T> {
        self.map.get(id).map(|(_, v)| v)
    }

    /// True when `id` is in the space.
    pub(super) fn contains(&self, id: &str) -> bool {
        self.map.contains_key(id)
    }
}

/// An indicator with its place: the program's or a project's.
pub(super) struct IndicatorAt<'a> {
    /// Owner (0 program, `i + 1` project `i`), result index, indicator index.
    loc: Loc,
    pub(super) ind: &'a Indicator,
}

impl IndicatorAt<'_> {
    /// JSON pointer of the indicator object.
    pub(super) fn ptr(&self) -> String {
        format!("{}/results/{}/indicators/{}", owner_base(self.loc.0), self.loc.1, self.loc.2)
    }
}

/// A result with its place.
pub(super) struct ResultAt<'a> {
    /// Owner (0 program, `i + 1` project `i`), result index.
    loc: Loc,
    pub(super) result: &'a Result,
}

impl ResultAt<'_> {
    /// JSON pointer of the result object.
    pub(super) fn ptr(&self) -> String {
        format!("{}/results/{}", owner_base(self.loc.0), self.loc.1)
    }
}

/// Every id space of the portfolio, plus the results and indicators with their pointers.
pub(super) struct Index<'a> {
    /// Payload: index into `portfolio.projects`.
    pub(super) projects: Space<'a, usize>,
    pub(super) organisations: Space<'a, ()>,
    /// Payload: index into `portfolio.activities`.
    pub(super) activities: Space<'a, usize>,
    /// Payload: index into `program.plans`.
    pub(super) plans: Space<'a, usize>,
    pub(super) evaluations: Space<'a, ()>,
    pub(super) reports: Space<'a, ()>,
    pub(super) observations: Space<'a, ()>,
    pub(super) lessons: Space<'a, ()>,
    /// Payload: the item's row level.
    pub(super) matrix_items: Space<'a, Level>,
    pub(super) focus_areas: Space<'a, ()>,
    pub(super) target_groups: Space<'a, ()>,
    pub(super) results: Space<'a, ()>,
    /// Payload: index into `indicator_list`.
    pub(super) indicators: Space<'a, usize>,
    pub(super) factors: Space<'a, ()>,
    pub(super) phases: Space<'a, ()>,
    /// Every result, the program's first, then each project's, in document order.
    pub(super) result_list: Vec<ResultAt<'a>>,
    /// Every indicator, the program's first, then each project's, in document order.
    pub(super) indicator_list: Vec<IndicatorAt<'a>>,
}

impl<'a> Index<'a> {
    /// Builds every id space, reporting `empty-id` and `duplicate-id` into `cx`.
    pub(super) fn build(cx: &mut Ctx<'a>) -> Self {
        let p = cx.p;
        let out = &mut cx.out;
        let prog = &p.program;
        let mut ix = Index {
            projects: Space::new("project", |l| format!("/projects/{}/id", l.0), p.projects.len()),
            organisations: Space::new("organisation", |l| format!("/organisations/{}/id", l.0), p.organisations.len()),
            activities: Space::new("activity", |l| format!("/activities/{}/id", l.0), p.activities.len()),
            plans: Space::new("activity plan", |l| format!("/program/plans/{}/id", l.0), prog.plans.len()),
            evaluations: Space::new("evaluation", |l| format!("/evaluations/{}/id", l.0), p.evaluations.len()),
            reports: Space::new("report", |l| format!("/reports/{}/id", l.0), p.reports.len()),
            observations: Space::new("observation", |l| format!("/reports/{}/observations/{}/id", l.0, l.1), 0),
            lessons: Space::new("lesson", |l| format!("/lessons/{}/id", l.0), p.lessons.len()),
            matrix_items: Space::new(
                "matrix item",
                |l| {
                    format!(
                        "/program/matrix/rows/{}/{}/{}/id",
                        l.0,
                        if l.1 == 0 { "experiences" } else { "effects" },
                        l.2
                    )
                },
                0,
            ),
            focus_areas: Space::new(
                "focus area",
                |l| format!("/program/focus_areas/{}/id", l.0),
                prog.focus_areas.len(),
            ),
            target_groups: Space::new(
                "target group",
                |l| format!("/program/target_groups/{}/id", l.0),
                prog.target_groups.len(),
            ),
            results: Space::new("result", |l| format!("{}/results/{}/id", owner_base(l.0), l.1), 0),
            indicators: Space::new(
                "indicator",
                |l| format!("{}/results/{}/indicators/{}/id", owner_base(l.0), l.1, l.2),
                0,
            ),
            factors: Space::new(
                "learning factor",
                |l| format!("/program/learning/factors/{}/id", l.0),
                prog.learning.factors.len(),
            ),
            phases: Space::new(
                "learning-cycle phase",
                |l| format!("/program/learning/cycle/{}/id", l.0),
                prog.learning.cycle.len(),
            ),
            result_list: Vec::new(),
            indicator_list: Vec::new(),
        };
        for (i, o) in p.organisations.iter().enumerate() {
            ix.organisations.insert(&o.id, Loc(n(i), 0, 0), (), out);
        }
        for (i, f) in prog.focus_areas.iter().enumerate() {
            ix.focus_areas.insert(&f.id, Loc(n(i), 0, 0), (), out);
        }
        for (i, t) in prog.target_groups.iter().enumerate() {
            ix.target_groups.insert(&t.id, Loc(n(i), 0, 0), (), out);
        }
        for (r, row) in prog.matrix.rows.iter().enumerate() {
            for (column, items) in [&row.experiences, &row.effects].into_iter().enumerate() {
                for (k, item) in items.iter().enumerate() {
                    ix.matrix_items.insert(&item.id, Loc(n(r), n(column), n(k)), row.level, out);
                }
            }
        }
        for (i, plan) in prog.plans.iter().enumerate() {
            ix.plans.insert(&plan.id, Loc(n(i), 0, 0), i, out);
        }
        for (i, f) in prog.learning.factors.iter().enumerate() {
            ix.factors.insert(&f.id, Loc(n(i), 0, 0), (), out);
        }
        for (i, c) in prog.learning.cycle.iter().enumerate() {
            ix.phases.insert(&c.id, Loc(n(i), 0, 0), (), out);
        }
        ix.add_results(&prog.results, 0, out);
        for (i, project) in p.projects.iter().enumerate() {
            ix.projects.insert(&project.id, Loc(n(i), 0, 0), i, out);
            ix.add_results(&project.results, n(i).saturating_add(1), out);
        }
        for (i, a) in p.activities.iter().enumerate() {
            ix.activities.insert(&a.id, Loc(n(i), 0, 0), i, out);
        }
        for (i, e) in p.evaluations.iter().enumerate() {
            ix.evaluations.insert(&e.id, Loc(n(i), 0, 0), (), out);
        }
        for (i, r) in p.reports.iter().enumerate() {
            ix.reports.insert(&r.id, Loc(n(i), 0, 0), (), out);
            for (k, o) in r.observations.iter().enumerate() {
                ix.observations.insert(&o.id, Loc(n(i), n(k), 0), (), out);
            }
        }
        for (i, l) in p.lessons.iter().enumerate() {
            ix.lessons.insert(&l.id, Loc(n(i), 0, 0), (), out);
        }
        ix
    }

    /// Adds the results and indicators of `owner` (0 for the program, `i + 1` for
    /// project `i`).
    fn add_results(&mut self, results: &'a [Result], owner: u32, out: &mut Vec<Diagnostic>) {
        for (r, result) in results.iter().enumerate() {
            let loc = Loc(owner, n(r), 0);
            self.results.insert(&result.id, loc, (), out);
            for (k, ind) in result.indicators.iter().enumerate() {
                let iloc = Loc(owner, n(r), n(k));
                self.indicators.insert(&ind.id, iloc, self.indicator_list.len(), out);
                self.indicator_list.push(IndicatorAt { loc: iloc, ind });
            }
            self.result_list.push(ResultAt { loc, result });
        }
    }

    /// True when `id` is an id of anything in the portfolio (any id space, or the
    /// program's own id): what a lesson's `source` may name.
    pub(super) fn any_contains(&self, program_id: &str, id: &str) -> bool {
        id == program_id
            || self.projects.contains(id)
            || self.organisations.contains(id)
            || self.activities.contains(id)
            || self.plans.contains(id)
            || self.evaluations.contains(id)
            || self.reports.contains(id)
            || self.observations.contains(id)
            || self.lessons.contains(id)
            || self.matrix_items.contains(id)
            || self.focus_areas.contains(id)
            || self.target_groups.contains(id)
            || self.results.contains(id)
            || self.indicators.contains(id)
            || self.factors.contains(id)
            || self.phases.contains(id)
    }
}
