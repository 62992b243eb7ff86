//! Editing a portfolio by id: add, put (add or replace) and remove its projects,
//! activities, evaluations, reports and lessons, and record an actual in an indicator's
//! period. One set of edit rules for Rust, Python and JS.
//!
//! An edit checks only what it needs to do its job (an id to add is not taken yet, the
//! indicator to record in exists). It may leave the portfolio invalid — a dangling
//! reference, a period that ends before it starts — and `crate::analysis::validate`
//! reports that, as for a portfolio read from a file.

use chrono::NaiveDate;

use super::{Activity, Evaluation, Lesson, Period, PeriodValue, Portfolio, Project, Report};

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    /// An add would repeat an id the portfolio already has in that collection.
    #[error("the portfolio already has a {kind} with id {id:?}; ids are unique (put replaces it)")]
    DuplicateId {
        /// `project`, `activity`, `evaluation`, `report` or `lesson`.
        kind: &'static str,
        /// The repeated id.
        id: String,
    },
    /// No indicator of the program or of a project has this id.
    #[error("no indicator with id {id:?}")]
    UnknownIndicator {
        /// The id asked for.
        id: String,
    },
}

/// An entry of one of a portfolio's collections that is kept by id.
pub trait Entry {
    /// Its name in messages (`project`, `activity` …).
    const KIND: &'static str;
    /// Its id.
    fn id(&self) -> &str;
}

macro_rules! entries {
    ($($type:ty => $kind:literal),*) => {$(
        impl Entry for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}

entries!(Project => "project", Activity => "activity", Evaluation => "evaluation", Report => "report", Lesson => "lesson");

/// Appends `entry` unless an entry of `list` has its id.
fn add<T: Entry>(list: &mut Vec<T>, entry: T) -> Result<(), EditError> {
    if list.iter().any(|e| e.id() == entry.id()) {
        return Err(EditError::DuplicateId { kind: T::KIND, id: entry.id().to_owned() });
    }
    list.push(entry);
    Ok(())
}

/// Replaces the first entry of `list` with `entry`'s id, in its place, or appends
/// `entry`; returns the entry replaced.
fn put<T: Entry>(list: &mut Vec<T>, entry: T) -> Option<T> {
    match list.iter_mut().find(|e| e.id() == entry.id()) {
        Some(slot) => Some(std::mem::replace(slot, entry)),
        None => {
            list.push(entry);
            None
        }
    }
}

/// Removes the first entry of `list` with `id` and returns it.
fn remove<T: Entry>(list: &mut Vec<T>, id: &str) -> Option<T> {
    let at = list.iter().position(|e| e.id() == id)?;
    Some(list.remove(at))
}

macro_rules! collection {
    ($field:ident, $type:ty, $add:ident, $put:ident, $remove:ident, $what:literal) => {
        #[doc = concat!("Adds ", $what, " at the end.\n\n# Errors\n[`EditError::DuplicateId`] when the portfolio already has one with its id (nothing is changed).")]
        pub fn $add(&mut self, entry: $type) -> Result<(), EditError> {
            add(&mut self.$field, entry)
        }

        #[doc = concat!("Puts ", $what, ": replaces the one with its id, in its place, and returns it; or adds it at the end and returns `None`.")]
        pub fn $put(&mut self, entry: $type) -> Option<$type> {
            put(&mut self.$field, entry)
        }

        #[doc = concat!("Removes ", $what, " with `id` and returns it; `None` when there is none. What refers to it is left as it is (validation reports a dangling reference).")]
        pub fn $remove(&mut self, id: &str) -> Option<$type> {
            remove(&mut self.$field, id)
        }
    };
}

impl Portfolio {
    collection!(projects, Project, add_project, put_project, remove_project, "a project");
    collection!(activities, Activity, add_activity, put_activity, remove_activity, "an activity");
    collection!(evaluations, Evaluation, add_evaluation, put_evaluation, remove_evaluation, "an evaluation");
    collection!(reports, Report, add_report, put_report, remove_report, "a report");
    collection!(lessons, Lesson, add_lesson, put_lesson, remove_lesson, "a lesson");

    /// Records `actual` in the period `start`–`end` of the indicator `indicator` (of the
    /// program or of a project): appended to the actuals of the first period with those
    /// dates, or to a new period with those dates added at the end of the indicator's
    /// periods. Nothing else is checked here: a value that does not fit the measure, or a
    /// period that ends before it starts, is for validation to report.
    ///
    /// # Errors
    /// [`EditError::UnknownIndicator`] when no indicator has that id.
    pub fn record_actual(
        &mut self,
        indicator: &str,
        start: NaiveDate,
        end: NaiveDate,
        actual: PeriodValue,
    ) -> Result<(), EditError> {
        let program = self.program.results.iter_mut();
        let projects = self.projects.iter_mut().flat_map(|p| p.results.iter_mut());
        let found = program
            .chain(projects)
            .flat_map(|r| r.indicators.iter_mut())
            .find(|i| i.id == indicator)
            .ok_or_else(|| EditError::UnknownIndicator { id: indicator.to_owned() })?;
        match found.periods.iter_mut().find(|p| p.start == start && p.end == end) {
            Some(period) => period.actuals.push(actual),
            None => {
                found.periods.push(Period { start, end, targets: Vec::new(), actuals: vec![actual] });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Indicator, Measure, Program, Result as ResultsEntry, ResultType, Text};

    fn text(s: &str) -> Text {
        Text::from_iter([("en", s)])
    }

    fn portfolio() -> Portfolio {
        let mut program = Program::new("PRG", text("Program"));
        program.results.push(ResultsEntry {
            id: "R0".into(),
            result_type: ResultType::Outcome,
            aggregation_status: None,
            title: Text::new(),
            description: Text::new(),
            indicators: vec![Indicator::new("PRG-1", Some(Measure::Unit))],
            matrix_items: Vec::new(),
            document_links: Vec::new(),
            references: Vec::new(),
        });
        Portfolio::new("en", program)
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn add_refuses_a_repeated_id_by_name() {
        let mut p = portfolio();
        p.add_project(Project::new("P1", text("One"))).unwrap();
        let err = p.add_project(Project::new("P1", text("Again"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the portfolio already has a project with id \"P1\"; ids are unique (put replaces it)"
        );
        assert_eq!(p.projects.len(), 1);
        assert_eq!(p.projects[0].title.show("en", "en"), "One");
    }

    #[test]
    fn put_replaces_in_place_and_remove_returns() {
        let mut p = portfolio();
        for id in ["P1", "P2"] {
            assert!(p.put_project(Project::new(id, text(id))).is_none());
        }
        let old = p.put_project(Project::new("P1", text("New"))).unwrap();
        assert_eq!(old.title.show("en", "en"), "P1");
        assert_eq!(p.projects.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["P1", "P2"]);
        assert_eq!(p.projects[0].title.show("en", "en"), "New");
        assert_eq!(p.remove_project("P1").unwrap().id, "P1");
        assert!(p.remove_project("P1").is_none());
        assert_eq!(p.projects.len(), 1);
    }

    #[test]
    fn record_actual_finds_or_adds_the_period() {
        let mut p = portfolio();
        let value = |v: &str| PeriodValue { value: Some(v.parse().unwrap()), ..PeriodValue::default() };
        p.record_actual("PRG-1", date("2024-01-01"), date("2024-12-31"), value("3")).unwrap();
        p.record_actual("PRG-1", date("2024-01-01"), date("2024-12-31"), value("4")).unwrap();
        p.record_actual("PRG-1", date("2025-01-01"), date("2025-12-31"), value("5")).unwrap();
        let periods = &p.program.results[0].indicators[0].periods;
        assert_eq!(periods.len(), 2);
        assert_eq!(periods[0].actuals.len(), 2);
        assert_eq!(periods[1].actuals[0].value, Some("5".parse().unwrap()));
        let err = p.record_actual("X", date("2024-01-01"), date("2024-12-31"), value("1")).unwrap_err();
        assert_eq!(err.to_string(), "no indicator with id \"X\"");
    }
}
