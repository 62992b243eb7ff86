//! IATI 2.03 activity XML (`iati-activities`): streaming import and export.
//!
//! # Import
//! [`from_slice`] / [`from_reader`] / [`from_path`] read an `iati-activities` file event by
//! event with quick-xml, building one activity at a time (never a DOM of the file; from a
//! reader or a path, never the whole file in memory either), into one
//! [`Portfolio`]:
//!
//! | IATI | kartan |
//! |---|---|
//! | the file | a [`Portfolio`]; `default_language` = root `@xml:lang`, else `en` |
//! | reporting orgs of the file | the [`Program`](crate::Program): id = the reporting org's `@ref` when the file has one reporting org, else `iati-activities`; title (in the default language) = `IATI activities from <names of the reporting orgs, in order of first appearance>` |
//! | `iati-activity` | a [`Project`](crate::Project), id = `iati-identifier`; `@xml:lang`, when it is not the file's, in `default_language` |
//! | `title`, `description` (type 1 or none) | `title`, `description`; every `narrative` language is kept (a narrative without `@xml:lang` takes the activity's, then the file's; the language subtag is lower-cased: `FR` → `fr`; blank narratives are dropped and counted); several type-1 descriptions in one language are joined with a blank line |
//! | `reporting-org` | `owner` + an [`Organisation`](crate::Organisation) (id = `@ref`, `iati_type` = `@type`) |
//! | `participating-org` | `participating` (role, name, type, activity id) + an organisation when it has a `@ref` |
//! | `activity-status`, `activity-date` 1-4 | `status`, `planned` / `actual` |
//! | `budget` | `budgets` (type 2 = revised, which replaces the original for the same period in [`effective_budgets`](crate::effective_budgets)); `@status` 1 or none = indicative (the IATI default), 2 = committed; currency from `@currency`, else the activity's `@default-currency`; `value/@value-date` in `value_date` |
//! | `planned-disbursement` | `planned_disbursements` (type, period, value, value date, provider and receiver); one that cannot be read whole (a value that is not an `xsd:decimal`, no currency, a bad date, a repeated or unknown child) is carried verbatim with a warning; a budget's repeated child is an error |
//! | `recipient-country`, `recipient-region` | `recipient_countries`, `recipient_regions` (code, vocabulary, percentage, name) |
//! | `sector` | `sectors` (all of them), and `classifications["sector"]` = the codes joined with `;` |
//! | `related-activity` type 1 | `parent`; type 2 is kept in the parent's `children` and sets the child's `parent` when the child has none; a cycle is an error; other types (and a second parent) are carried |
//! | `transaction` | `transactions` (type, date, value, value date, description, provider and receiver); one with an unknown type, no readable amount, no currency, a bad date or a repeated child is an error and is carried whole, out of the money figures |
//! | anything else of an activity or a transaction | `carried`, verbatim (below) |
//! | `result` … `indicator` … `baseline` / `period` / `target` / `actual` | [`Result`](crate::Result) … [`Indicator`](crate::Indicator) … with dimensions, locations, comments, document links and references; result ids are `<activity>/R<n>`, indicator ids `<activity>/R<n>/I<m>` (IATI has no such ids) |
//!
//! `@value` of a baseline, target or actual is free text in IATI (`xsd:string`): it is
//! parsed strictly with [`parse_decimal`](crate::parse_decimal) (DESIGN.md rule 7); a
//! value that is not a number (`N/A`, `Yes`, `1,000`, `15%`) is kept in `text` under the
//! language tag `und` (an attribute has no language), `value` stays `None`, and the import
//! report counts it; for a unit or percentage indicator (or one with no measure) it is
//! also a warning naming `line:column`. A bad number in an `xsd:decimal` field (a budget
//! value, a sector percentage) is an error that skips the activity.
//!
//! Dates are `xsd:date`s: `2021-12-31`, also with a time zone (`2021-12-31Z`,
//! `2021-12-31+02:00`), whose day is kept and whose time zone is counted as not
//! modelled (`…/@iso-date[time zone]`). A bad date (error `iati-bad-date`) or a missing
//! one (warning `iati-missing-date`) never skips the activity: the date is left
//! unknown and the rest is kept (a baseline without its date or year, a budget line
//! with that end of its period unknown, a document link without its date). A period
//! that cannot be placed in time is not imported, with its targets and actuals: an
//! error `iati-bad-period` says how many. An empty `<dimension/>` (no `@name`, no
//! `@value`) is read as no dimension, with a warning `iati-empty-dimension`.
//!
//! Everything else of an activity kartan does not model but *carries* (DESIGN.md rule
//! 8: nothing is lost): the `iati-activity`'s other attributes (`@hierarchy`,
//! `@humanitarian`, `@last-updated-datetime`, namespaced ones such as `dstore:index`,
//! with the namespace declarations they need) and its other child elements
//! (`other-identifier`, `contact-info`, `activity-scope`, `location`,
//! `policy-marker`, `document-link`, `conditions`,
//! descriptions of types 2-4, related activities of types 3-5, elements of other
//! namespaces …), and a `transaction`'s other attributes and children, are kept
//! verbatim in [`Carried`](crate::Carried) (`Project::carried`,
//! `Transaction::carried`): each element as the source wrote it, with a declaration
//! added for a namespace prefix declared on the root or the activity. The export
//! writes them back where the IATI 2.03 schema puts them, so import → export → import
//! gives the same portfolio and the export has each carried element verbatim. The
//! [`IatiImportReport`] lists what was carried (`carried`) and what is still not
//! modelled (`not_modelled`: attributes and children of modelled elements, such as
//! `reporting-org/@secondary-reporter` or an `activity-date`'s narrative, and the
//! root's own attributes), each by its full path from `iati-activity` down, with its
//! count and first `line:column`. `core/tests/iati_ledger.rs` checks over every real
//! file that each path of the input is modelled, carried or listed, and which paths
//! the real files still lose.
//!
//! An input of 2 MB or more is read on one thread per core
//! ([`ImportOptions::threads`]): it is cut after `</iati-activity>`, the segments are
//! read in parallel and joined in order, and the result — portfolio, report,
//! diagnostics with their `line:column` — is the one-thread import's. A file that is
//! not well-formed, or an error in strict mode, is read again on one thread to report
//! it exactly.
//!
//! Lenient mode (the default) skips an activity with an error and keeps the others (a
//! well-formedness error stops the reading and keeps the activities read before it);
//! [`ImportOptions::strict`] fails on the first error.
//!
//! # Streaming import
//! [`for_each_activity`] reads the same way but hands each kept activity (a
//! [`StreamedActivity`]: the project and the organisations it names) to a callback
//! instead of keeping it, so memory stays flat whatever the file's size (one input
//! segment of a few MB and the projects read from it). Same diagnostics, same lenient
//! and strict behaviour, same [`IatiImportReport`]; what a stream cannot do:
//!
//! - a `related-activity` type 2 (child) link reaches a child that comes *after* its
//!   parent in the file; a child already handed out keeps no parent. Such links are
//!   counted in one warning `iati-stream-link-not-applied` (a whole-file import links
//!   them; type 1 links, declared by the child itself, are always kept);
//! - parent cycles are not looked for (a note `iati-stream-cycles-not-checked` gives
//!   the number of projects with a parent; `kartan validate` finds cycles, code
//!   `project-cycle`).
//!
//! # Export
//! [`to_iati_string`] writes a portfolio's projects as IATI 2.03 that validates against
//! the XSD (element order as in the schema's sequences), keeping every language of every
//! text, writing optional elements only when present and `budget/@status` always.
//! [`to_iati`] also returns warnings for what IATI requires and the portfolio lacks
//! (then the output does not validate; nothing is invented: a project without a
//! description gets none), and warnings `iati-not-exported` for fields that have no
//! place in IATI activities (a life-of-program
//! target, a cumulation, a unit, …). Import → export → import gives the same portfolio.
//!
//! # Example
//! ```
//! use kartan::io::iati::{from_slice, to_iati_string, ImportOptions};
//!
//! let xml = r#"<iati-activities version="2.03">
//!   <iati-activity xml:lang="en">
//!     <iati-identifier>SE-0-1</iati-identifier>
//!     <reporting-org ref="SE-0" type="10"><narrative>Sida</narrative></reporting-org>
//!     <title><narrative>Water</narrative><narrative xml:lang="sv">Vatten</narrative></title>
//!     <result type="1">
//!       <title><narrative>Wells</narrative></title>
//!       <indicator>
//!         <title><narrative>Wells built</narrative></title>
//!         <period>
//!           <period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>
//!           <target value="1,000"/>
//!         </period>
//!       </indicator>
//!     </result>
//!   </iati-activity>
//! </iati-activities>"#;
//! let (portfolio, report) = from_slice(xml.as_bytes(), &ImportOptions::new().source_name("wells.xml"))?;
//! let project = &portfolio.projects[0];
//! assert_eq!(project.title.get("sv"), Some("Vatten"));
//! // No @measure: the measure stays unknown, and the report counts it.
//! assert_eq!(project.results[0].indicators[0].measure, None);
//! assert_eq!(report.indicators_without_measure, 1);
//! // "1,000" is not read as 1 or 1000: it is kept as text, with a warning naming the place.
//! assert_eq!(project.results[0].indicators[0].periods[0].targets[0].value, None);
//! assert_eq!(report.diagnostics[0].path, "wells.xml:12:11");
//! let back = to_iati_string(&portfolio);
//! assert!(back.contains(r#"<narrative xml:lang="sv">Vatten</narrative>"#));
//! # Ok::<(), kartan::io::iati::ImportError>(())
//! ```

mod activity;
mod budget;
mod hierarchy;
mod parallel;
mod reader;
mod repeated_periods;
mod report;
mod results;
mod sector;
mod segments;
mod streaming;
mod transaction;
mod writer;

use std::path::{Path, PathBuf};

use crate::model::{Diagnostic, Measure, Portfolio};

pub use reader::Location;
pub use report::{IatiImportReport, NotModelled};

/// The IATI import report under its old name.
#[deprecated(
    note = "renamed `IatiImportReport` (kartan has two import reports: `io::table::TableImportReport` is the other)"
)]
pub type ImportReport = IatiImportReport;
pub use streaming::{for_each_activity, StreamError, StreamedActivity};
pub use writer::{to_iati, to_iati_string, write_iati};

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// Fail on the first error instead of skipping the activity (default `false`).
    pub strict: bool,
    /// The measure to give indicators without `@measure` (default `None`: the measure
    /// stays unknown and no arithmetic that needs one is done). The report counts such
    /// indicators either way.
    pub default_measure: Option<Measure>,
    /// The file name to put in front of `line:column` in diagnostics and errors.
    pub source_name: Option<String>,
    /// Threads for [`from_slice`] and [`from_path`] on inputs of 2 MB or more (default
    /// `0`: one per core the machine reports, at most 8; `1`: read on the calling thread
    /// only). The input is cut after `</iati-activity>` into segments of 1-4 MB that are read in
    /// parallel and joined in order: the portfolio, the report and every diagnostic
    /// (with its `line:column`) are the same as a one-thread import's. No more threads
    /// are started than there are segments, nor more than the system gives. Inputs under two
    /// segments, [`from_reader`] and [`for_each_activity`] are read on one thread.
    pub threads: usize,
}

impl ImportOptions {
    /// Lenient import (the default).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets strict mode.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Declares the measure of indicators without `@measure`.
    #[must_use]
    pub fn default_measure(mut self, measure: Option<Measure>) -> Self {
        self.default_measure = measure;
        self
    }

    /// Names the source in diagnostics (`name:line:column`).
    #[must_use]
    pub fn source_name(mut self, name: impl Into<String>) -> Self {
        self.source_name = Some(name.into());
        self
    }

    /// Sets the number of threads (`0`: one per core, at most 8; `1`: no extra thread).
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads;
        self
    }
}

/// Why an IATI file could not be imported. Every variant names the place.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input is not well-formed XML (or not UTF-8), or ends too early.
    #[error("{location}: not well-formed XML: {message}")]
    Xml {
        /// Where the reader stopped.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// The root element is not `iati-activities` (or there is none).
    #[error("{location}: expected an <iati-activities> root element, found {found}")]
    NotIati {
        /// Where the root (or the end of input) is.
        location: Location,
        /// What was found instead.
        found: String,
    },
    /// Strict mode: the first error found (bad number, bad date, missing identifier,
    /// unknown result type, hierarchy cycle …).
    #[error("{}: [{}] {}", diagnostic.path, diagnostic.code, diagnostic.message)]
    Invalid {
        /// The error, with `path` = `file:line:column`.
        diagnostic: Diagnostic,
    },
}

/// Imports an IATI activities file from bytes (UTF-8, a BOM is allowed).
///
/// # Errors
/// [`ImportError`]: in lenient mode only when nothing can be read (not XML, wrong root,
/// a well-formedness error before the first activity); in strict mode on the first error.
pub fn from_slice(bytes: &[u8], options: &ImportOptions) -> Result<(Portfolio, IatiImportReport), ImportError> {
    parallel::import_slice(bytes, options, None)
}

/// Imports an IATI activities file from a reader, holding only a few MB of input at a
/// time (the file is cut after each `</iati-activity>`), so memory is the portfolio's.
///
/// # Errors
/// As [`from_slice`], plus [`ImportError::Io`] when reading fails.
pub fn from_reader<R: std::io::Read>(
    reader: R,
    options: &ImportOptions,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    segments::import_reader(reader, options)
}

/// Imports an IATI activities file from disk; the file name is used in diagnostics
/// unless `options.source_name` is set.
///
/// # Errors
/// As [`from_slice`], plus [`ImportError::Io`].
pub fn from_path(
    path: impl AsRef<Path>,
    options: &ImportOptions,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|source| ImportError::Io { path: path.to_owned(), source })?;
    let mut options = options.clone();
    if options.source_name.is_none() {
        options.source_name = Some(path.display().to_string());
    }
    from_file(file, &options).map_err(|e| match e {
        ImportError::Io { source, .. } => ImportError::Io { path: path.to_owned(), source },
        e => e,
    })
}

/// [`from_path`] on an open file, read from its start.
pub(crate) fn from_file(
    file: std::fs::File,
    options: &ImportOptions,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    parallel::import_file(file, options, None)
}

/// [`from_slice`] with segments of about `segment_size` bytes instead of 1-4 MB, so
/// that a small input is also cut and read on `options.threads` threads. For tests and
/// fuzzing (`fuzz/fuzz_targets/iati_parallel.rs` checks that the result is the
/// one-thread import's); not part of the stable API.
///
/// # Errors
/// As [`from_slice`].
#[doc(hidden)]
pub fn from_slice_in_segments(
    bytes: &[u8],
    options: &ImportOptions,
    segment_size: usize,
) -> Result<(Portfolio, IatiImportReport), ImportError> {
    parallel::import_slice(bytes, options, Some(segment_size.max(1)))
}
