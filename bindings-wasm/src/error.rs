//! Core errors as JS `Error` objects.

use std::fmt::Display;

use wasm_bindgen::{JsCast, JsError, JsValue};

/// A JS `Error` whose message is `error`'s `Display` text: the same words as the core
/// error in Rust and in Python.
pub(crate) fn to_js(error: impl Display) -> JsError {
    JsError::new(&error.to_string())
}

/// A JS `Error` with `message` and a stable machine-readable `code` property (e.g.
/// `unknown-indicator`), for core errors that have codes.
#[cfg_attr(not(feature = "results"), allow(dead_code))]
pub(crate) fn coded(message: impl Display, code: &str) -> JsValue {
    with_properties(message, &[("code", Some(JsValue::from_str(code)))])
}

/// A JS `Error` with `message` and the given properties (e.g. `line`, `pointer`); a
/// property whose value is `None` is left out.
pub(crate) fn with_properties(message: impl Display, properties: &[(&str, Option<JsValue>)]) -> JsValue {
    let error = js_sys::Error::new(&message.to_string());
    for (name, value) in properties {
        if let Some(value) = value {
            // Setting a property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&error, &JsValue::from_str(name), value);
        }
    }
    error.into()
}

/// A kartan JSON error as a JS `Error` with the core's message and where it is, as
/// Python's `ParseError`: `line` and `column` (1-based), `pointer` (RFC 6901; `"/format"`
/// for another format) and, for bytes that are not UTF-8, the byte `offset`.
pub(crate) fn json_error(error: &kartan::io::json::JsonError, message: impl Display) -> JsValue {
    use kartan::io::json::JsonError;
    let number = |n: usize| Some(JsValue::from_f64(n as f64));
    let text = |s: &str| Some(JsValue::from_str(s));
    let (line, column, pointer, offset) = match error {
        JsonError::NotUtf8 { offset, line } => (number(*line), None, None, number(*offset)),
        JsonError::Syntax { line, column, .. } => (number(*line), number(*column), None, None),
        JsonError::Data { pointer, line, column, .. } => (number(*line), number(*column), text(pointer), None),
        JsonError::Format { .. } => (None, None, text("/format"), None),
        _ => (None, None, None, None),
    };
    with_properties(message, &[("line", line), ("column", column), ("pointer", pointer), ("offset", offset)])
}

/// Why an argument given from JS was refused before reaching the core. JS callers may pass
/// anything whatever the `.d.ts` says; every argument is checked here, so a wrong type is
/// an `Error`, never a trap of the module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ArgumentError {
    /// An argument of the wrong JS type.
    Type {
        /// The argument's name in the JS API.
        name: &'static str,
        /// The type expected, as a TypeScript type.
        expected: &'static str,
        /// `typeof` the value given.
        found: String,
    },
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
            ArgumentError::Type { name, expected, found } => write!(f, "{name} must be {expected}, not {found}"),
            ArgumentError::Date { name, input } => {
                write!(f, "invalid {name} {input:?}: expected a date as YYYY-MM-DD")
            }
        }
    }
}

/// The date given as the JS string argument `name` (`YYYY-MM-DD`).
pub(crate) fn date(name: &'static str, value: &JsValue) -> Result<chrono::NaiveDate, ArgumentError> {
    parse_date(name, &string(name, value)?)
}

/// Parses an ISO 8601 calendar date (`YYYY-MM-DD`) given as the argument `name`.
pub(crate) fn parse_date(name: &'static str, input: &str) -> Result<chrono::NaiveDate, ArgumentError> {
    chrono::NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| ArgumentError::Date { name, input: input.to_owned() })
}

/// An argument of the wrong JS type: `{name} must be {expected}, not {typeof value}`.
pub(crate) fn type_error(name: &'static str, expected: &'static str, value: &JsValue) -> ArgumentError {
    let found = if value.is_null() { "null".to_owned() } else { value.js_typeof().as_string().unwrap_or_default() };
    ArgumentError::Type { name, expected, found }
}

/// The JS string `value`, given as the argument `name`.
pub(crate) fn string(name: &'static str, value: &JsValue) -> Result<String, ArgumentError> {
    value.as_string().ok_or_else(|| type_error(name, "a string", value))
}

/// The JS string `value`, or `None` for `undefined` and `null`.
pub(crate) fn optional_string(name: &'static str, value: &JsValue) -> Result<Option<String>, ArgumentError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| type_error(name, "a string or undefined", value))
}

/// The optional `name` argument that names an input in messages (`file:line:column`),
/// or `default` when it is `undefined` or `null`.
pub(crate) fn input_name(value: &JsValue, default: &str) -> Result<String, JsError> {
    Ok(optional_string("name", value).map_err(to_js)?.unwrap_or_else(|| default.to_owned()))
}

/// The bytes of a JS string (as UTF-8), `Uint8Array` or `ArrayBuffer`.
pub(crate) fn text_or_bytes(name: &'static str, value: &JsValue) -> Result<Vec<u8>, ArgumentError> {
    match value.as_string() {
        Some(text) => Ok(text.into_bytes()),
        None => bytes(name, value).map_err(|_| type_error(name, "a string, Uint8Array or ArrayBuffer", value)),
    }
}

/// The bytes of a `Uint8Array` or `ArrayBuffer` given as the argument `name`.
pub(crate) fn bytes(name: &'static str, value: &JsValue) -> Result<Vec<u8>, ArgumentError> {
    if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
        Ok(array.to_vec())
    } else if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        Ok(js_sys::Uint8Array::new(buffer).to_vec())
    } else {
        Err(type_error(name, "a Uint8Array or ArrayBuffer", value))
    }
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
