//! Diagnostics: what validation and imports report.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// How serious a diagnostic is: `"info"`, `"warning"` or `"error"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Probably wrong; the portfolio is still usable.
    Warning,
    /// Wrong: the portfolio is invalid.
    Error,
}

impl From<kartan::Severity> for Severity {
    fn from(s: kartan::Severity) -> Self {
        match s {
            kartan::Severity::Info => Severity::Info,
            kartan::Severity::Warning => Severity::Warning,
            kartan::Severity::Error => Severity::Error,
        }
    }
}

/// One finding about a portfolio: a stable kebab-case `code` (e.g. `duplicate-id`), a
/// severity, a `path` (JSON pointer into the kartan JSON form, e.g. `/projects/3/budgets/0`,
/// or `file:line:column` for import findings) and an English `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct Diagnostic {
    /// Stable code, kebab-case.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// Where: a JSON pointer, or `file:line:column`.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl From<&kartan::Diagnostic> for Diagnostic {
    fn from(d: &kartan::Diagnostic) -> Self {
        Diagnostic {
            code: d.code.clone(),
            severity: d.severity.into(),
            path: d.path.clone(),
            message: d.message.clone(),
        }
    }
}
