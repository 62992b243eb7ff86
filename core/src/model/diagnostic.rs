//! The diagnostic every check and import reports with.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Probably wrong, or a number that cannot be trusted; the portfolio is still usable.
    Warning,
    /// Wrong: the portfolio is invalid.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding about a portfolio or an input file.
///
/// `code` is stable and machine-readable (e.g. `duplicate-id`); `path` is a JSON pointer
/// (RFC 6901) into the kartan JSON form of the portfolio (e.g. `/projects/3/budgets/0`),
/// or a file location for import diagnostics; `message` is one English sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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

impl Diagnostic {
    /// A diagnostic.
    pub fn new(severity: Severity, code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: code.to_owned(), severity, path: path.into(), message: message.into() }
    }

    /// An error.
    pub fn error(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, path, message)
    }

    /// A warning.
    pub fn warning(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, path, message)
    }

    /// An info.
    pub fn info(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, path, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] {}: {}", self.severity, self.code, self.path, self.message)
    }
}

/// Escapes one JSON-pointer reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
