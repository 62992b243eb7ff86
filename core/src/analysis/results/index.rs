//! An index of a portfolio's indicators by id, with their owners and JSON pointers.

use rustc_hash::FxHashMap;

use crate::model::{Indicator, Portfolio};

use super::error::ResultsError;

/// Where an indicator sits in the portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Location {
    /// Index of the owning project; `None` for the program.
    project: Option<usize>,
    /// Index of the result within its owner.
    result: usize,
    /// Index of the indicator within the result.
    indicator: usize,
}

/// One indexed indicator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry<'a> {
    pub(crate) indicator: &'a Indicator,
    /// The owning project's id; `None` for a program indicator.
    pub(crate) project: Option<&'a str>,
    location: Location,
}

impl Entry<'_> {
    /// JSON pointer of the indicator, e.g. `/projects/3/results/0/indicators/1`.
    pub(crate) fn pointer(&self) -> String {
        let Location { project, result, indicator } = self.location;
        match project {
            Some(p) => format!("/projects/{p}/results/{result}/indicators/{indicator}"),
            None => format!("/program/results/{result}/indicators/{indicator}"),
        }
    }
}

/// A portfolio's indicators by id, built once and reused across many queries.
///
/// Build it once with [`ResultsIndex::new`] and run any number of queries on it
/// ([`ResultsIndex::indicator`] gives an [`super::IndicatorQuery`]), so the id look-up
/// is paid once. When two indicators share an
/// id, the first in document order (program first, then projects) is used;
/// `crate::analysis::validate` reports the duplicate.
#[derive(Debug)]
pub struct ResultsIndex<'a> {
    pub(crate) portfolio: &'a Portfolio,
    /// Fx hashing: ids are short strings from the user's own files, looked up once per
    /// contributor in a roll-up, where SipHash was a measurable share of the time.
    by_id: FxHashMap<&'a str, Entry<'a>>,
}

impl<'a> ResultsIndex<'a> {
    /// Indexes every indicator of `portfolio` (program and projects).
    pub fn new(portfolio: &'a Portfolio) -> Self {
        let count = portfolio.indicators().count();
        let mut by_id = FxHashMap::with_capacity_and_hasher(count, Default::default());
        let owners = std::iter::once((None, &portfolio.program.results))
            .chain(portfolio.projects.iter().enumerate().map(|(i, p)| (Some((i, p.id.as_str())), &p.results)));
        for (owner, results) in owners {
            for (r, result) in results.iter().enumerate() {
                for (i, indicator) in result.indicators.iter().enumerate() {
                    let location = Location { project: owner.map(|(p, _)| p), result: r, indicator: i };
                    let entry = Entry { indicator, project: owner.map(|(_, id)| id), location };
                    by_id.entry(indicator.id.as_str()).or_insert(entry);
                }
            }
        }
        Self { portfolio, by_id }
    }

    /// The portfolio indexed.
    pub fn portfolio(&self) -> &'a Portfolio {
        self.portfolio
    }

    /// The id of the project owning indicator `id`; `None` for a program indicator or
    /// an unknown id.
    pub fn owner(&self, id: &str) -> Option<&'a str> {
        self.by_id.get(id).and_then(|e| e.project)
    }

    /// JSON pointer of indicator `id` in the portfolio's kartan JSON form.
    pub fn pointer(&self, id: &str) -> Option<String> {
        self.by_id.get(id).map(Entry::pointer)
    }

    pub(crate) fn entry(&self, id: &str) -> Result<Entry<'a>, ResultsError> {
        self.by_id.get(id).copied().ok_or_else(|| ResultsError::UnknownIndicator { id: id.to_owned() })
    }

    pub(crate) fn get(&self, id: &str) -> Option<Entry<'a>> {
        self.by_id.get(id).copied()
    }
}
