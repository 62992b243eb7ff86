//! Conversions shared by the wrappers: enum tags, partial dates, texts.
//!
//! Dates cross to Python as `datetime.date` and exact decimals as `decimal.Decimal`
//! (pyo3's `chrono` and `rust_decimal` conversions); enums cross as their kartan JSON
//! tag (`"percentage"`, `"non_cumulative"`), so Python sees the same words as the JSON.

use serde::Serialize;

/// The kartan JSON tag of a unit enum value (`Measure::Percentage` → `"percentage"`).
pub(crate) fn tag<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Quotes a string the way Python's `repr` does for plain text (used in `__repr__`).
pub(crate) fn py_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}
