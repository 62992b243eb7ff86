//! Dates and time: `end-before-start`, `period-outside-program`, and the checks against
//! `as_of` for projects and activities, plus the activity plans (`plan-exceeded`,
//! `plan-kind-mismatch`) and `project-count-mismatch`.

use chrono::NaiveDate;

use super::ids::Index;
use super::Ctx;
use crate::model::{ActivityState, ActivityStatus, DateRange, PartialDate};

/// The program period as the widest certain bounds: the earliest day its start can mean
/// and the latest day its end can mean (`None` when unknown or without a year).
#[derive(Clone, Copy)]
pub(super) struct ProgramBounds {
    lo: Option<NaiveDate>,
    hi: Option<NaiveDate>,
    period: DateRange,
}

impl ProgramBounds {
    pub(super) fn of(period: &DateRange) -> Self {
        Self { lo: period.start.and_then(|d| d.earliest()), hi: period.end.and_then(|d| d.latest()), period: *period }
    }

    /// Why dates `start`..`end` certainly lie (partly) outside the program period, if they do.
    pub(super) fn outside(&self, start: Option<PartialDate>, end: Option<PartialDate>) -> Option<String> {
        let ends = [start, end];
        let before = self.lo.filter(|lo| ends.iter().flatten().any(|d| d.latest().is_some_and(|x| x < *lo)));
        let after = self.hi.filter(|hi| ends.iter().flatten().any(|d| d.earliest().is_some_and(|x| x > *hi)));
        let why = match (before, after) {
            (Some(_), Some(_)) => "starts before it and ends after it",
            (Some(_), None) => "starts before it",
            (None, Some(_)) => "ends after it",
            (None, None) => return None,
        };
        Some(format!("fall outside the program period {} ({why})", self.period))
    }
}

fn end_before_start(cx: &mut Ctx<'_>, range: &DateRange, ptr: impl FnOnce() -> String, what: impl FnOnce() -> String) {
    if range.ends_before_start() {
        let (s, e) = (range.start.map(|d| d.to_string()), range.end.map(|d| d.to_string()));
        let msg = format!(
            "{}: end {} is before start {}; expected an end on or after the start",
            what(),
            e.unwrap_or_default(),
            s.unwrap_or_default()
        );
        cx.error("end-before-start", ptr(), msg);
    }
}

/// `end-before-start` on every date range, `period-outside-program` on project dates.
pub(super) fn ranges(cx: &mut Ctx<'_>, _ix: &Index<'_>) {
    let p = cx.p;
    let prog = &p.program;
    end_before_start(cx, &prog.period, || "/program/period".into(), || format!("program {:?} period", prog.id));
    for (k, b) in prog.budgets.iter().enumerate() {
        let ptr = || format!("/program/budgets/{k}/period");
        end_before_start(cx, &b.period, ptr, || format!("program {:?} budget line {k}", prog.id));
    }
    let bounds = ProgramBounds::of(&prog.period);
    for (i, project) in p.projects.iter().enumerate() {
        for (field, range) in [("planned", &project.planned), ("actual", &project.actual)] {
            if range.is_unknown() {
                continue;
            }
            let ptr = || format!("/projects/{i}/{field}");
            end_before_start(cx, range, ptr, || format!("project {:?} {field} dates", project.id));
            if let Some(why) = bounds.outside(range.start, range.end) {
                let msg = format!("project {:?}: {field} dates {range} {why}", project.id);
                cx.warning("period-outside-program", ptr(), msg);
            }
        }
        for (k, b) in project.budgets.iter().enumerate() {
            let ptr = || format!("/projects/{i}/budgets/{k}/period");
            end_before_start(cx, &b.period, ptr, || format!("project {:?} budget line {k}", project.id));
        }
    }
    for (i, a) in p.activities.iter().enumerate() {
        for (field, range) in [("planned", &a.planned), ("held", &a.held)] {
            let ptr = || format!("/activities/{i}/{field}");
            end_before_start(cx, range, ptr, || format!("activity {:?} {field} dates", a.id));
        }
    }
}

/// Checks against `as_of` for projects and activities, and the activity plans.
pub(super) fn activities(cx: &mut Ctx<'_>, ix: &Index<'_>) {
    let (p, as_of) = (cx.p, cx.as_of);
    let after = |d: Option<PartialDate>| d.and_then(|d| d.earliest()).is_some_and(|d| d > as_of);
    let before = |d: Option<PartialDate>| d.and_then(|d| d.latest()).is_some_and(|d| d < as_of);
    for (i, project) in p.projects.iter().enumerate() {
        let actual = &project.actual;
        if after(actual.start) || after(actual.end) {
            let msg = format!(
                "project {:?} has actual dates {actual} after the as-of date {as_of}; actual dates record what happened, expected dates on or before {as_of}",
                project.id
            );
            cx.warning("actual-in-future", format!("/projects/{i}/actual"), msg);
        }
        match project.status {
            Some(ActivityStatus::Closed) if actual.end.is_none() => {
                let msg = format!("project {:?} is closed but has no actual end date; expected actual.end", project.id);
                cx.warning("status-closed-without-end", format!("/projects/{i}/status"), msg);
            }
            Some(s @ (ActivityStatus::Pipeline | ActivityStatus::Implementation))
                if actual.end.is_none() && before(project.planned.end) =>
            {
                let msg = format!(
                    "project {:?} is in status {} but its planned end {} has passed as of {as_of}; expected an updated status or planned end",
                    project.id,
                    s.name(),
                    project.planned.end.map(|d| d.to_string()).unwrap_or_default()
                );
                cx.info("past-planned-end", format!("/projects/{i}/planned/end"), msg);
            }
            _ => {}
        }
    }
    let prog = &p.program;
    if let Some(stated) = prog.stated_project_count {
        let recorded = p.projects.iter().filter(|pr| pr.parent.is_none()).count();
        if usize::try_from(stated).ok() != Some(recorded) {
            let msg = format!(
                "program {:?} states {stated} projects but {recorded} top-level projects are recorded; the portfolio may be incomplete",
                prog.id
            );
            cx.info("project-count-mismatch", "/program/stated_project_count", msg);
        }
    }
    let mut carried = vec![0_u64; prog.plans.len()];
    for (i, a) in p.activities.iter().enumerate() {
        let base = || format!("/activities/{i}");
        let plan_index = a.plan.as_deref().and_then(|id| ix.plans.get(id)).copied();
        if let Some(plan) = plan_index.map(|k| &prog.plans[k]) {
            if plan.kind != a.kind {
                let msg = format!(
                    "activity {:?} is a {} but carries out plan {:?}, which plans {} activities; expected the plan's kind",
                    a.id,
                    a.kind.label("en").to_lowercase(),
                    plan.id,
                    plan.kind.label("en").to_lowercase()
                );
                cx.warning("plan-kind-mismatch", format!("{}/kind", base()), msg);
            }
        }
        if let Some(k) = plan_index.filter(|_| a.state != Some(ActivityState::Cancelled)) {
            carried[k] += 1;
        }
        match a.state {
            Some(ActivityState::Held) if !a.held.ends_before_start() && after(a.held.start.or(a.held.end)) => {
                let msg = format!("activity {:?} is marked held but its held dates {} are after the as-of date {as_of}; expected held dates on or before {as_of}, or state planned", a.id, a.held);
                cx.warning("held-in-future", format!("{}/held", base()), msg);
            }
            Some(s @ (ActivityState::Planned | ActivityState::Cancelled)) if !a.held.is_unknown() => {
                let state = if s == ActivityState::Planned { "planned" } else { "cancelled" };
                let msg = format!(
                    "activity {:?} is marked {state} but has held dates {}; expected state held, or no held dates",
                    a.id, a.held
                );
                cx.warning("activity-state-conflict", format!("{}/state", base()), msg);
            }
            Some(ActivityState::Planned)
                if !a.planned.ends_before_start() && before(a.planned.end.or(a.planned.start)) =>
            {
                let msg = format!(
                    "activity {:?} was planned for {} and is not recorded as held as of {as_of}",
                    a.id, a.planned
                );
                cx.info("planned-but-past", format!("{}/planned", base()), msg);
            }
            _ => {}
        }
    }
    for (k, plan) in prog.plans.iter().enumerate() {
        let Some(count) = plan.count else { continue };
        if carried[k] > u64::from(count) {
            let msg = format!(
                "plan {:?} plans {count} activities but {} activities (not cancelled) carry it out; expected at most {count}",
                plan.id, carried[k]
            );
            cx.warning("plan-exceeded", format!("/program/plans/{k}/count"), msg);
        }
    }
}
