//! The import report: what was read, what was not modelled, what went wrong
//! (DESIGN.md rule 8).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::reader::Location;
use crate::model::{Diagnostic, Severity};

/// An element or attribute path, how often it occurred and where first: in
/// [`IatiImportReport::not_modelled`] what was lost, in [`IatiImportReport::carried`]
/// what was kept verbatim without being modelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct NotModelled {
    /// Path from the root without it, e.g. `iati-activity/transaction`,
    /// `iati-activity/@hierarchy`, `iati-activity/description[@type=2]`.
    pub path: String,
    /// How many times it occurred.
    pub count: u64,
    /// Where it first occurred.
    pub first: Location,
}

/// What an IATI import read, skipped and found wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct IatiImportReport {
    /// `iati-activities/@version`.
    pub version: Option<String>,
    /// Elements read, by name (`iati-activity`, `result`, `indicator`, `baseline`,
    /// `period`, `target`, `actual`, `dimension`, `narrative`, …), in skipped activities too.
    pub counts: BTreeMap<String, u64>,
    /// Activities imported as projects.
    pub activities_imported: u64,
    /// Activities skipped because of an error (lenient mode).
    pub activities_skipped: u64,
    /// Indicators with no `@measure` (their measure is `None` unless a default was given).
    pub indicators_without_measure: u64,
    /// Indicators with no `period`.
    pub indicators_without_period: u64,
    /// Targets with no `@value` (or an empty one).
    pub targets_without_value: u64,
    /// Actuals with no `@value` (or an empty one).
    pub actuals_without_value: u64,
    /// Baseline, target and actual `@value`s that are not numbers, kept as text.
    pub values_not_numbers: u64,
    /// `narrative` elements with only white space, dropped.
    pub blank_narratives: u64,
    /// Elements and attributes that are neither modelled nor carried, by path: what an
    /// export loses.
    pub not_modelled: Vec<NotModelled>,
    /// Elements and attributes that kartan does not model but carries verbatim
    /// ([`Carried`](crate::Carried), in the project or the transaction), by path: an
    /// export writes them back.
    pub carried: Vec<NotModelled>,
    /// Errors, warnings and notes, each with `path` = `file:line:column` (or `line:column`).
    pub diagnostics: Vec<Diagnostic>,
}

impl IatiImportReport {
    /// How many elements named `name` were read (0 when none).
    pub fn count(&self, name: &str) -> u64 {
        self.counts.get(name).copied().unwrap_or(0)
    }

    /// The diagnostics with severity error.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }

    /// The not-modelled entry for `path`, if any.
    pub fn not_modelled(&self, path: &str) -> Option<&NotModelled> {
        self.not_modelled.iter().find(|n| n.path == path)
    }

    /// The carried entry for `path`, if any.
    pub fn carried(&self, path: &str) -> Option<&NotModelled> {
        self.carried.iter().find(|n| n.path == path)
    }
}

/// Counted elements, in a fixed array for speed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Count {
    Activity,
    Narrative,
    ReportingOrg,
    ParticipatingOrg,
    ActivityStatus,
    ActivityDate,
    Sector,
    Budget,
    Transaction,
    PlannedDisbursement,
    RecipientCountry,
    RecipientRegion,
    RelatedActivity,
    Result,
    Indicator,
    Baseline,
    Period,
    Target,
    Actual,
    Dimension,
    Location,
    Comment,
    DocumentLink,
    Reference,
}

const COUNT_NAMES: [&str; 24] = [
    "iati-activity",
    "narrative",
    "reporting-org",
    "participating-org",
    "activity-status",
    "activity-date",
    "sector",
    "budget",
    "transaction",
    "planned-disbursement",
    "recipient-country",
    "recipient-region",
    "related-activity",
    "result",
    "indicator",
    "baseline",
    "period",
    "target",
    "actual",
    "dimension",
    "location",
    "comment",
    "document-link",
    "reference",
];

/// Accumulates the report while reading.
#[derive(Debug, Default)]
pub(crate) struct ReportBuilder {
    pub(crate) report: IatiImportReport,
    counts: [u64; 24],
    /// context path → (child name → index into `not_modelled`).
    index: HashMap<String, HashMap<Vec<u8>, usize>>,
    /// Not-modelled and carried entries; `true` for a carried one.
    not_modelled: Vec<(NotModelled, bool)>,
}

impl ReportBuilder {
    pub(crate) fn count(&mut self, what: Count) {
        self.counts[what as usize] += 1;
    }

    /// After a fatal error: an activity begun but neither imported nor skipped was cut
    /// by the error; it counts as skipped (nothing is lost without a number).
    pub(crate) fn skip_unfinished(&mut self) {
        let begun = self.counts[Count::Activity as usize];
        let ended = self.report.activities_imported + self.report.activities_skipped;
        self.report.activities_skipped += begun.saturating_sub(ended);
    }

    /// Records a not-modelled element or attribute `name` under `context`; `location` is
    /// computed only for the first occurrence.
    pub(crate) fn not_modelled(&mut self, context: &str, name: &[u8], location: impl FnOnce() -> Location) {
        self.record(context, name, false, location);
    }

    /// Records `name` under `context` as carried (`carried`) or not modelled.
    pub(crate) fn record(&mut self, context: &str, name: &[u8], carried: bool, location: impl FnOnce() -> Location) {
        // Looked up by `&str` first, so that a known context costs no allocation.
        if !self.index.contains_key(context) {
            self.index.insert(context.to_owned(), HashMap::new());
        }
        let Some(by_name) = self.index.get_mut(context) else { return };
        if let Some(&i) = by_name.get(name) {
            self.not_modelled[i].0.count += 1;
            return;
        }
        let path = if context.is_empty() {
            String::from_utf8_lossy(name).into_owned()
        } else {
            format!("{context}/{}", String::from_utf8_lossy(name))
        };
        by_name.insert(name.to_vec(), self.not_modelled.len());
        self.not_modelled.push((NotModelled { path, count: 1, first: location() }, carried));
    }

    /// Adds what a later part of the same input recorded: counts and figures are summed,
    /// a not-modelled path keeps its first place from the earlier part, diagnostics
    /// follow in order. `version` stays this one's (it is read from the root, once).
    pub(crate) fn merge(&mut self, later: ReportBuilder) {
        for (n, m) in self.counts.iter_mut().zip(later.counts) {
            *n += m;
        }
        let mut later_entries: Vec<Option<(NotModelled, bool)>> = later.not_modelled.into_iter().map(Some).collect();
        for (context, names) in later.index {
            let by_name = self.index.entry(context).or_default();
            for (name, i) in names {
                let Some(entry) = later_entries.get_mut(i).and_then(Option::take) else { continue };
                match by_name.get(&name) {
                    Some(&j) => self.not_modelled[j].0.count += entry.0.count,
                    None => {
                        by_name.insert(name, self.not_modelled.len());
                        self.not_modelled.push(entry);
                    }
                }
            }
        }
        // Destructured whole, so that a new figure cannot be forgotten here.
        let IatiImportReport {
            version,
            counts: _,
            activities_imported,
            activities_skipped,
            indicators_without_measure,
            indicators_without_period,
            targets_without_value,
            actuals_without_value,
            values_not_numbers,
            blank_narratives,
            not_modelled: _,
            carried: _,
            diagnostics,
        } = later.report;
        let mine = &mut self.report;
        mine.version = mine.version.take().or(version);
        mine.activities_imported += activities_imported;
        mine.activities_skipped += activities_skipped;
        mine.indicators_without_measure += indicators_without_measure;
        mine.indicators_without_period += indicators_without_period;
        mine.targets_without_value += targets_without_value;
        mine.actuals_without_value += actuals_without_value;
        mine.values_not_numbers += values_not_numbers;
        mine.blank_narratives += blank_narratives;
        mine.diagnostics.extend(diagnostics);
    }

    pub(crate) fn finish(mut self) -> IatiImportReport {
        for (name, n) in COUNT_NAMES.iter().zip(self.counts) {
            if n > 0 {
                self.report.counts.insert((*name).to_owned(), n);
            }
        }
        for (entry, carried) in self.not_modelled {
            if carried { &mut self.report.carried } else { &mut self.report.not_modelled }.push(entry);
        }
        for list in [&mut self.report.not_modelled, &mut self.report.carried] {
            crate::sort::sort_by(list, |a, b| a.path.cmp(&b.path));
        }
        self.report
    }
}
