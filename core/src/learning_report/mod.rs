//! The learning report: one document model, rendered to Markdown, HTML and JSON.
//!
//! [`build`] turns a portfolio into a [`LearningReport`] (DESIGN.md "The learning
//! report", sections 1-9); [`to_markdown`], [`to_html`] and [`to_json`] render it.
//!
//! ```
//! use kartan::learning_report::{build, to_markdown, ReportOptions};
//! use kartan::{Portfolio, Program, Text};
//!
//! let portfolio = Portfolio::new("sv", Program::new("P", Text::sv_en("Programmet", "The program")));
//! let as_of = chrono::NaiveDate::from_ymd_opt(2011, 6, 30).unwrap();
//! let report = build(&portfolio, &ReportOptions::new("en", as_of));
//! assert_eq!(report.sections.len(), 9);
//! assert!(to_markdown(&report).contains("No evaluations recorded yet."));
//! ```

mod build;
mod html;
mod markdown;
mod model;
mod numbers;
mod svg;

#[cfg(test)]
pub(crate) mod testdata;

pub use build::{build, ReportOptions};
pub use html::to_html;
pub use markdown::to_markdown;
pub use model::{Block, KeyValue, LearningReport, NoticeKind, Section, Table};

/// The report as pretty-printed JSON (the serde form of [`LearningReport`]), ending with
/// a newline. Blocks carry a `type` tag; chart specifications are embedded as JSON.
pub fn to_json(report: &LearningReport) -> String {
    // Serialising the report cannot fail: every map key is a string.
    crate::io::json::to_string_pretty(report)
}

/// The languages the report's headings and fixed texts are written in.
pub const LANGUAGES: [&str; 2] = ["sv", "en"];

/// A report language that kartan does not write (see [`LANGUAGES`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown report language {0:?}: expected \"sv\" or \"en\"")]
pub struct UnknownLanguage(pub String);

/// Checks a report language given by a user (`"sv"` or `"en"`, as the command's
/// `--lang` takes), for the faces to refuse what the report cannot be written in.
///
/// # Errors
/// [`UnknownLanguage`] for any other text.
pub fn language(lang: &str) -> Result<&'static str, UnknownLanguage> {
    LANGUAGES.iter().copied().find(|l| *l == lang).ok_or_else(|| UnknownLanguage(lang.to_owned()))
}

/// A fixed label in the report's language, for the renderers (`sv*` or English).
pub(crate) fn label(lang: &str, sv: &'static str, en: &'static str) -> &'static str {
    if lang.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case("sv")) {
        sv
    } else {
        en
    }
}
