//! References between things: `dangling-reference`, `level-mismatch`, the project tree
//! (`project-cycle`) and indicator roll-ups (`contributor-cycle`,
//! `contributor-measure-mismatch`).

use super::ids::{Index, Space};
use super::{measure_name, Ctx};

/// Reports a reference to `id` at `ptr` when `space` has no such id.
fn need<T>(
    cx: &mut Ctx<'_>,
    space: &Space<'_, T>,
    ptr: impl FnOnce() -> String,
    who: &dyn Fn() -> String,
    field: &str,
    id: &str,
    what: &str,
) {
    if !space.contains(id) {
        let who = who();
        let msg = format!(
            "{who} names {field} {id:?}, which is not the id of any {what}; expected the id of an existing {what}"
        );
        cx.error("dangling-reference", ptr(), msg);
    }
}

/// Every reference from one thing to another.
pub(super) fn check(cx: &mut Ctx<'_>, ix: &Index<'_>) {
    let p = cx.p;
    let prog = &p.program;
    if let Some(m) = &prog.managed_by {
        need(
            cx,
            &ix.organisations,
            || "/program/managed_by".into(),
            &|| format!("program {:?}", prog.id),
            "managing organisation",
            m,
            "organisation",
        );
    }
    for (i, project) in p.projects.iter().enumerate() {
        let who = || format!("project {:?}", project.id);
        if let Some(o) = &project.owner {
            need(cx, &ix.organisations, || format!("/projects/{i}/owner"), &who, "owner", o, "organisation");
        }
        for (k, org) in project.participating.iter().enumerate() {
            if let Some(o) = &org.organisation {
                let ptr = || format!("/projects/{i}/participating/{k}/organisation");
                need(cx, &ix.organisations, ptr, &who, "participating organisation", o, "organisation");
            }
        }
        for (k, partner) in project.partners.iter().enumerate() {
            if let Some(o) = &partner.organisation {
                let ptr = || format!("/projects/{i}/partners/{k}/organisation");
                need(cx, &ix.organisations, ptr, &who, "partner", o, "organisation");
            }
        }
        if let Some(f) = &project.focus_area {
            need(cx, &ix.focus_areas, || format!("/projects/{i}/focus_area"), &who, "focus area", f, "focus area");
        }
        if let Some(parent) = &project.parent {
            need(cx, &ix.projects, || format!("/projects/{i}/parent"), &who, "parent", parent, "project");
        }
        for (k, m) in project.contributes_to.iter().enumerate() {
            let ptr = || format!("/projects/{i}/contributes_to/{k}");
            need(cx, &ix.matrix_items, ptr, &who, "matrix item", m, "matrix item");
        }
    }
    for r in &ix.result_list {
        for (k, m) in r.result.matrix_items.iter().enumerate() {
            let who = || format!("result {:?}", r.result.id);
            need(
                cx,
                &ix.matrix_items,
                || format!("{}/matrix_items/{k}", r.ptr()),
                &who,
                "matrix item",
                m,
                "matrix item",
            );
        }
    }
    for at in &ix.indicator_list {
        let who = || format!("indicator {:?}", at.ind.id);
        for (k, m) in at.ind.matrix_items.iter().enumerate() {
            need(
                cx,
                &ix.matrix_items,
                || format!("{}/matrix_items/{k}", at.ptr()),
                &who,
                "matrix item",
                m,
                "matrix item",
            );
        }
        for (k, c) in at.ind.contributors.iter().enumerate() {
            need(cx, &ix.indicators, || format!("{}/contributors/{k}", at.ptr()), &who, "contributor", c, "indicator");
        }
    }
    for (i, a) in p.activities.iter().enumerate() {
        let who = || format!("activity {:?}", a.id);
        if let Some(pr) = &a.project {
            need(cx, &ix.projects, || format!("/activities/{i}/project"), &who, "project", pr, "project");
        }
        if let Some(plan) = &a.plan {
            need(cx, &ix.plans, || format!("/activities/{i}/plan"), &who, "plan", plan, "activity plan");
        }
        for (k, m) in a.matrix_items.iter().enumerate() {
            need(
                cx,
                &ix.matrix_items,
                || format!("/activities/{i}/matrix_items/{k}"),
                &who,
                "matrix item",
                m,
                "matrix item",
            );
        }
        for (k, part) in a.participants.iter().enumerate() {
            if let Some(t) = &part.target_group {
                let ptr = || format!("/activities/{i}/participants/{k}/target_group");
                need(cx, &ix.target_groups, ptr, &who, "target group", t, "target group");
            }
        }
    }
    for (i, e) in p.evaluations.iter().enumerate() {
        let who = || format!("evaluation {:?}", e.id);
        for (k, ev) in e.events.iter().enumerate() {
            need(cx, &ix.activities, || format!("/evaluations/{i}/events/{k}"), &who, "event", ev, "activity");
        }
        if let Some(plan) = &e.plan {
            need(cx, &ix.plans, || format!("/evaluations/{i}/plan"), &who, "plan", plan, "activity plan");
        }
        for (k, resp) in e.responses.iter().enumerate() {
            let Some(ev) = &resp.event else { continue };
            let ptr = format!("/evaluations/{i}/responses/{k}/event");
            if !ix.activities.contains(ev) {
                let msg = format!("a response of evaluation {:?} names event {ev:?}, which is not the id of any activity; expected the id of an existing activity", e.id);
                cx.error("dangling-reference", ptr, msg);
            } else if !e.events.is_empty() && !e.events.iter().any(|x| x == ev) {
                let msg = format!(
                    "a response of evaluation {:?} is about event {ev:?}, which is not among the evaluation's events ({}); expected one of them",
                    e.id,
                    e.events.join(", ")
                );
                cx.error("dangling-reference", ptr, msg);
            }
        }
    }
    for (i, r) in p.reports.iter().enumerate() {
        let who = || format!("report {:?}", r.id);
        if let Some(pr) = &r.project {
            need(cx, &ix.projects, || format!("/reports/{i}/project"), &who, "project", pr, "project");
        }
        if let Some(a) = &r.activity {
            need(cx, &ix.activities, || format!("/reports/{i}/activity"), &who, "activity", a, "activity");
        }
        if let Some(plan) = &r.plan {
            need(cx, &ix.plans, || format!("/reports/{i}/plan"), &who, "plan", plan, "activity plan");
        }
        for (k, o) in r.observations.iter().enumerate() {
            let Some(m) = &o.matrix_item else { continue };
            let base = || format!("/reports/{i}/observations/{k}");
            match ix.matrix_items.get(m) {
                None => need(
                    cx,
                    &ix.matrix_items,
                    || format!("{}/matrix_item", base()),
                    &|| format!("observation {:?}", o.id),
                    "matrix item",
                    m,
                    "matrix item",
                ),
                Some(&level) if o.level.is_some_and(|l| l != level) => {
                    let given = o.level.map(|l| l.code()).unwrap_or_default();
                    let msg = format!(
                        "observation {:?} is at level {given} but its matrix item {m:?} is at level {}; expected the matrix item's level",
                        o.id,
                        level.code()
                    );
                    cx.warning("level-mismatch", format!("{}/level", base()), msg);
                }
                Some(_) => {}
            }
        }
    }
    for (i, l) in p.lessons.iter().enumerate() {
        let who = || format!("lesson {:?}", l.id);
        if let Some(ph) = &l.phase {
            need(cx, &ix.phases, || format!("/lessons/{i}/phase"), &who, "phase", ph, "learning-cycle phase");
        }
        if let Some(src) = &l.source {
            if !ix.any_contains(&prog.id, src) {
                let msg = format!("{} names source {src:?}, which is not the id of anything in the portfolio; expected the id of a report, evaluation, activity, project or other recorded item", who());
                cx.error("dangling-reference", format!("/lessons/{i}/source"), msg);
            }
        }
    }
    for (i, f) in p.factor_assessments.iter().enumerate() {
        let who = || format!("factor assessment of project {:?} on factor {:?}", f.project, f.factor);
        need(cx, &ix.projects, || format!("/factor_assessments/{i}/project"), &who, "project", &f.project, "project");
        need(
            cx,
            &ix.factors,
            || format!("/factor_assessments/{i}/factor"),
            &who,
            "factor",
            &f.factor,
            "learning factor",
        );
    }
}

/// `project-cycle`, `contributor-cycle` and `contributor-measure-mismatch`.
pub(super) fn cycles(cx: &mut Ctx<'_>, ix: &Index<'_>) {
    project_cycles(cx, ix);
    contributor_cycles(cx, ix);
}

/// The parent links form a functional graph (at most one parent each): follow each
/// chain once; a chain that meets itself is a cycle, reported once at its first member
/// in document order.
fn project_cycles(cx: &mut Ctx<'_>, ix: &Index<'_>) {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let projects = &cx.p.projects;
    let parent_of = |i: usize| projects[i].parent.as_deref().and_then(|id| ix.projects.get(id)).copied();
    let mut state = vec![NEW; projects.len()];
    let mut path = Vec::new();
    let mut found: Vec<Vec<usize>> = Vec::new();
    for start in 0..projects.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                NEW => {
                    state[i] = ON_PATH;
                    path.push(i);
                    at = parent_of(i);
                }
                ON_PATH => {
                    let from = path.iter().position(|&x| x == i).unwrap_or(0);
                    found.push(path[from..].to_vec());
                    at = None;
                }
                _ => at = None,
            }
        }
        for i in path.drain(..) {
            state[i] = DONE;
        }
    }
    crate::sort::sort_by_key(&mut found, |c| c.iter().copied().min());
    for cycle in found {
        let Some(first_pos) = cycle.iter().enumerate().min_by_key(|(_, &x)| x).map(|(k, _)| k) else { continue };
        let first = cycle[first_pos];
        let ptr = format!("/projects/{first}/parent");
        if cycle.len() == 1 {
            let msg = format!("project {:?} is its own parent; projects must form a tree", projects[first].id);
            cx.error("project-cycle", ptr, msg);
            continue;
        }
        let mut names: Vec<&str> =
            cycle[first_pos..].iter().chain(&cycle[..first_pos]).map(|&i| projects[i].id.as_str()).collect();
        names.push(projects[first].id.as_str());
        let msg = format!(
            "projects form a cycle through their parent links: {}; projects must form a tree",
            names.join(" → ")
        );
        cx.error("project-cycle", ptr, msg);
    }
}

fn contributor_cycles(cx: &mut Ctx<'_>, ix: &Index<'_>) {
    let list = &ix.indicator_list;
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); list.len()];
    for (i, at) in list.iter().enumerate() {
        for (k, c) in at.ind.contributors.iter().enumerate() {
            let Some(&j) = ix.indicators.get(c) else { continue };
            if j == i {
                let msg = format!(
                    "indicator {:?} lists itself among its contributors; an indicator cannot roll up into itself",
                    at.ind.id
                );
                cx.error("contributor-cycle", format!("{}/contributors/{k}", at.ptr()), msg);
                continue;
            }
            adj[i].push(j);
            if let (Some(mine), Some(theirs)) = (at.ind.measure, list[j].ind.measure) {
                if mine != theirs {
                    let msg = format!(
                        "indicator {:?} ({}) lists contributor {c:?}, whose measure is {}; expected contributors with the indicator's measure",
                        at.ind.id,
                        measure_name(mine),
                        measure_name(theirs)
                    );
                    cx.warning("contributor-measure-mismatch", format!("{}/contributors/{k}", at.ptr()), msg);
                }
            }
        }
    }
    for mut comp in strongly_connected(&adj) {
        crate::sort::sort_unstable(&mut comp);
        let names: Vec<&str> = comp.iter().map(|&i| list[i].ind.id.as_str()).collect();
        let msg = format!(
            "indicators {} contribute to one another in a cycle; contributions must flow one way (project indicators into program indicators)",
            names.join(", ")
        );
        cx.error("contributor-cycle", format!("{}/contributors", list[comp[0]].ptr()), msg);
    }
}

/// Tarjan's algorithm, iterative (no recursion depth limit): the strongly connected
/// components with more than one node, ordered by their smallest node.
fn strongly_connected(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = adj.len();
    let (mut index, mut low, mut on_stack) = (vec![UNSEEN; n], vec![0; n], vec![false; n]);
    let (mut stack, mut call, mut comps) = (Vec::new(), Vec::<(usize, usize)>::new(), Vec::new());
    let mut next = 0;
    for s in 0..n {
        if index[s] != UNSEEN || adj[s].is_empty() {
            continue;
        }
        index[s] = next;
        low[s] = next;
        next += 1;
        stack.push(s);
        on_stack[s] = true;
        call.push((s, 0));
        while let Some(&(v, e)) = call.last() {
            if let Some(&w) = adj[v].get(e) {
                if let Some(top) = call.last_mut() {
                    top.1 += 1;
                }
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(u, _)) = call.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comps.push(comp);
                }
            }
        }
    }
    crate::sort::sort_by_key(&mut comps, |c| c.iter().copied().min());
    comps
}
