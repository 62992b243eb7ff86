//! Core errors as JS `Error` objects.

use std::fmt::Display;

use wasm_bindgen::JsError;

/// A JS `Error` whose message is `error`'s `Display` text: the same words as the core
/// error in Rust and in Python.
pub(crate) fn to_js(error: impl Display) -> JsError {
    JsError::new(&error.to_string())
}

/// Why an argument given from JS was refused before reaching the core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ArgumentError {
    /// A date argument that is not `YYYY-MM-DD`.
    Date {
        /// The argument's name in the JS API.
        name: &'static str,
        /// The text given.
        input: String,
    },
}

impl Display for ArgumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArgumentError::Date { name, input } => {
                write!(f, "invalid {name} {input:?}: expected a date as YYYY-MM-DD")
            }
        }
    }
}

/// Parses an ISO 8601 calendar date (`YYYY-MM-DD`) given as the argument `name`.
pub(crate) fn parse_date(name: &'static str, input: &str) -> Result<chrono::NaiveDate, ArgumentError> {
    chrono::NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| ArgumentError::Date { name, input: input.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert_eq!(parse_date("asOf", "2026-11-29").unwrap().to_string(), "2026-11-29");
        let err = parse_date("asOf", "29/11/2026").unwrap_err();
        assert_eq!(err.to_string(), r#"invalid asOf "29/11/2026": expected a date as YYYY-MM-DD"#);
        assert!(parse_date("asOf", "2026-02-30").is_err());
        assert!(parse_date("asOf", "").is_err());
    }
}
