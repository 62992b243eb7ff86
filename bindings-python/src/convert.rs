//! Conversions shared by the wrappers: enum tags, partial dates, texts.
//!
//! Dates cross to Python as `datetime.date` and exact decimals as `decimal.Decimal`
//! (pyo3's `chrono` and `rust_decimal` conversions); enums cross as their kartan JSON
//! tag (`"percentage"`, `"non_cumulative"`), so Python sees the same words as the JSON.

use chrono::NaiveDate;
use kartan::PartialDate;
use serde::Serialize;

/// The kartan JSON tag of a unit enum value (`Measure::Percentage` → `"percentage"`).
pub(crate) fn tag<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// [`tag`] of an optional value.
pub(crate) fn tag_opt<T: Serialize>(value: Option<&T>) -> Option<String> {
    value.map(tag)
}

/// The first day a partial date can mean (`2014` → 2014-01-01); `None` when unknown.
pub(crate) fn first_day(date: Option<PartialDate>) -> Option<NaiveDate> {
    date.and_then(|d| d.earliest())
}

/// The last day a partial date can mean (`2016-06` → 2016-06-30); `None` when unknown.
pub(crate) fn last_day(date: Option<PartialDate>) -> Option<NaiveDate> {
    date.and_then(|d| d.latest())
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
