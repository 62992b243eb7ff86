//! Id spaces: one hash map per kind of thing, built once; `empty-id` and `duplicate-id`.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use super::Ctx;
use crate::model::{Diagnostic, Indicator, Level, Result};

/// One id space: id → (JSON pointer of the first `id` field, payload). Later duplicates
/// are reported and ignored, so references resolve to the first occurrence.
pub(super) struct Space<'a, T> {
    /// What the ids name, singular (`project`).
    what: &'static str,
    map: HashMap<&'a str, (String, T)>,
}

impl<'a, T> Space<'a, T> {
    pub(super) fn new(what: &'static str, capacity: usize) -> Self {
        Self { what, map: HashMap::with_capacity(capacity) }
    }

    /// Adds `id`, found at `ptr` (the pointer of the `id` field); reports a blank id or
    /// a duplicate into `out`.
    pub(super) fn insert(&mut self, id: &'a str, ptr: String, value: T, out: &mut Vec<Diagnostic>) {
        let what = self.what;
        if id.trim().is_empty() {
            out.push(Diagnostic::error("empty-id", ptr, format!("this {what} has an empty id; expected a unique id")));
            return;
        }
        match self.map.entry(id) {
            Entry::Occupied(first) => out.push(Diagnostic::error(
                "duplicate-id",
                ptr.clone(),
                format!("{what} id {id:?} at {ptr} is already used at {}; {what} ids must be unique", first.get().0),
            )),
            Entry::Vacant(slot) => {
                slot.insert((ptr, value));
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

/// An indicator with its place: the program's (`project: None`) or a project's.
pub(super) struct IndicatorAt<'a> {
    /// JSON pointer of the indicator object.
    pub(super) ptr: String,
    pub(super) ind: &'a Indicator,
}

/// A result with its place.
pub(super) struct ResultAt<'a> {
    /// JSON pointer of the result object.
    pub(super) ptr: String,
    pub(super) result: &'a Result,
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
            projects: Space::new("project", p.projects.len()),
            organisations: Space::new("organisation", p.organisations.len()),
            activities: Space::new("activity", p.activities.len()),
            plans: Space::new("activity plan", prog.plans.len()),
            evaluations: Space::new("evaluation", p.evaluations.len()),
            reports: Space::new("report", p.reports.len()),
            observations: Space::new("observation", 0),
            lessons: Space::new("lesson", p.lessons.len()),
            matrix_items: Space::new("matrix item", 0),
            focus_areas: Space::new("focus area", prog.focus_areas.len()),
            target_groups: Space::new("target group", prog.target_groups.len()),
            results: Space::new("result", 0),
            indicators: Space::new("indicator", 0),
            factors: Space::new("learning factor", prog.learning.factors.len()),
            phases: Space::new("learning-cycle phase", prog.learning.cycle.len()),
            result_list: Vec::new(),
            indicator_list: Vec::new(),
        };
        for (i, o) in p.organisations.iter().enumerate() {
            ix.organisations.insert(&o.id, format!("/organisations/{i}/id"), (), out);
        }
        for (i, f) in prog.focus_areas.iter().enumerate() {
            ix.focus_areas.insert(&f.id, format!("/program/focus_areas/{i}/id"), (), out);
        }
        for (i, t) in prog.target_groups.iter().enumerate() {
            ix.target_groups.insert(&t.id, format!("/program/target_groups/{i}/id"), (), out);
        }
        for (r, row) in prog.matrix.rows.iter().enumerate() {
            for (column, items) in [("experiences", &row.experiences), ("effects", &row.effects)] {
                for (k, item) in items.iter().enumerate() {
                    let ptr = format!("/program/matrix/rows/{r}/{column}/{k}/id");
                    ix.matrix_items.insert(&item.id, ptr, row.level, out);
                }
            }
        }
        for (i, plan) in prog.plans.iter().enumerate() {
            ix.plans.insert(&plan.id, format!("/program/plans/{i}/id"), i, out);
        }
        for (i, f) in prog.learning.factors.iter().enumerate() {
            ix.factors.insert(&f.id, format!("/program/learning/factors/{i}/id"), (), out);
        }
        for (i, c) in prog.learning.cycle.iter().enumerate() {
            ix.phases.insert(&c.id, format!("/program/learning/cycle/{i}/id"), (), out);
        }
        ix.add_results(&prog.results, "/program", out);
        for (i, project) in p.projects.iter().enumerate() {
            let base = format!("/projects/{i}");
            ix.projects.insert(&project.id, format!("{base}/id"), i, out);
            if !project.results.is_empty() {
                ix.add_results(&project.results, &base, out);
            }
        }
        for (i, a) in p.activities.iter().enumerate() {
            ix.activities.insert(&a.id, format!("/activities/{i}/id"), i, out);
        }
        for (i, e) in p.evaluations.iter().enumerate() {
            ix.evaluations.insert(&e.id, format!("/evaluations/{i}/id"), (), out);
        }
        for (i, r) in p.reports.iter().enumerate() {
            ix.reports.insert(&r.id, format!("/reports/{i}/id"), (), out);
            for (k, o) in r.observations.iter().enumerate() {
                ix.observations.insert(&o.id, format!("/reports/{i}/observations/{k}/id"), (), out);
            }
        }
        for (i, l) in p.lessons.iter().enumerate() {
            ix.lessons.insert(&l.id, format!("/lessons/{i}/id"), (), out);
        }
        ix
    }

    fn add_results(&mut self, results: &'a [Result], base: &str, out: &mut Vec<Diagnostic>) {
        for (r, result) in results.iter().enumerate() {
            let ptr = format!("{base}/results/{r}");
            self.results.insert(&result.id, format!("{ptr}/id"), (), out);
            for (k, ind) in result.indicators.iter().enumerate() {
                let iptr = format!("{ptr}/indicators/{k}");
                self.indicators.insert(&ind.id, format!("{iptr}/id"), self.indicator_list.len(), out);
                self.indicator_list.push(IndicatorAt { ptr: iptr, ind });
            }
            self.result_list.push(ResultAt { ptr, result });
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
