//! kartan JSON: the canonical format (`format: "kartan/1"`).
//!
//! Reading is strict: unknown fields are rejected with their JSON pointer, a key given
//! twice in one object is refused (the first value would be lost), syntax errors carry
//! line and column, a data error the JSON pointer and the line and column where the
//! value starts, a UTF-8 byte-order mark is accepted and skipped, and input that is not
//! UTF-8 is refused with the byte offset of the first bad sequence.

pub(crate) mod tree;

use crate::model::{Portfolio, FORMAT};

/// Why a kartan JSON document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// The bytes are not UTF-8.
    #[error("not UTF-8: invalid byte sequence at byte {offset} (line {line}); kartan JSON must be UTF-8")]
    NotUtf8 {
        /// Byte offset of the first invalid sequence (after any BOM).
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The text is not well-formed JSON (or ends early).
    #[error("{line}:{column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// Well-formed JSON that does not fit the model: wrong type, unknown or missing field.
    /// Displayed as `line:column: at /pointer: message`, or `line:column: message` when
    /// the error is about the document itself (the root, whose pointer is empty).
    #[error("{line}:{column}: {}{message}", at_pointer(pointer))]
    Data {
        /// JSON pointer (RFC 6901) of the offending value; empty for the root.
        pointer: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong and what was expected.
        message: String,
    },
    /// The `format` field names another format or version.
    #[error("at /format: unsupported format {found:?}: expected \"kartan/1\"")]
    Format {
        /// The value found.
        found: String,
    },
}

/// `at /pointer: ` before a data error's message; nothing for the root (pointer `""`),
/// where `at : ` would read as a missing place.
fn at_pointer(pointer: &str) -> String {
    if pointer.is_empty() {
        String::new()
    } else {
        format!("at {pointer}: ")
    }
}

impl JsonError {
    /// The message without its `line:column: ` prefix — `at /pointer: what was expected` —
    /// for a value that was not written as text by its user (a JS object, a Python dict),
    /// where the JSON pointer alone says where.
    pub fn message_at_pointer(&self) -> String {
        match self {
            JsonError::Data { pointer, message, .. } => format!("{}{message}", at_pointer(pointer)),
            JsonError::Syntax { message, .. } => message.clone(),
            JsonError::NotUtf8 { .. } | JsonError::Format { .. } => self.to_string(),
        }
    }

    /// The 1-based line and column the error is at, when it has one (a syntax or data
    /// error; its message then starts with `line:column: `).
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            JsonError::Syntax { line, column, .. } | JsonError::Data { line, column, .. } => Some((*line, *column)),
            JsonError::NotUtf8 { .. } | JsonError::Format { .. } => None,
        }
    }
}

/// Reads a portfolio from kartan JSON bytes.
///
/// # Errors
/// [`JsonError`] naming the place (line:column and JSON pointer) and what was expected.
/// The portfolio is not validated here: call `crate::analysis::validate` for that.
pub fn from_slice(bytes: &[u8]) -> Result<Portfolio, JsonError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        JsonError::NotUtf8 { offset, line: tree::line_column(bytes, offset).0 }
    })?;
    from_str(text)
}

/// Reads a portfolio from kartan JSON text (a leading BOM is skipped).
///
/// # Errors
/// As [`from_slice`].
pub fn from_str(text: &str) -> Result<Portfolio, JsonError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let portfolio = read(text)?;
    if portfolio.format != FORMAT {
        return Err(JsonError::Format { found: portfolio.format });
    }
    Ok(portfolio)
}

/// Reads the model from `text` through a tree ([`read_tree`]): one reader in every build,
/// native and WebAssembly, so that a text is valid or invalid alike in Rust, Python and JS.
/// (Until 8 Dec 2026 the native build read with serde_json's streaming reader first, about
/// three times faster; it also took a record's fields given as an array, which the tree
/// reader refuses, so the two no longer refused the same texts.)
fn read(text: &str) -> Result<Portfolio, JsonError> {
    read_tree(text)
}

/// Reads `text` into a tree ([`tree::parse`]), then the model from the tree, tracking the
/// path to report the JSON pointer and the line and column of the value that fails.
#[doc(hidden)]
pub fn read_tree(text: &str) -> Result<Portfolio, JsonError> {
    read_tree_as(text)
}

/// Reads one part of the model — a project, an activity, a period value … — from its kartan
/// JSON text, strictly as [`from_str`] reads a whole document: the JSON pointer of an error
/// is relative to the part (`/title` of a project). For the bindings' edits, which take a
/// part as a Python dict or a JS object written as JSON.
///
/// # Errors
/// [`JsonError::Syntax`] or [`JsonError::Data`] naming the place and what was expected.
pub fn part_from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    read_tree_as(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

fn read_tree_as<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let value = tree::parse(text).map_err(|(e, steps)| classify(e, &steps))?;
    tree::from_value::<T>(&value).map_err(|(e, steps)| {
        let (line, column) = tree::locate(text, &steps);
        JsonError::Data { pointer: tree::pointer(&steps), line, column, message: e.to_string() }
    })
}

fn classify(e: serde_json::Error, steps: &[tree::Step]) -> JsonError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    let message = strip_position(&e.to_string());
    match e.classify() {
        Category::Data => JsonError::Data { pointer: tree::pointer(steps), line, column, message },
        Category::Syntax | Category::Eof | Category::Io => JsonError::Syntax { line, column, message },
    }
}

/// serde_json appends " at line L column C"; the location is carried separately.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Writes a portfolio as pretty-printed kartan JSON, ending with a newline.
pub fn to_string(portfolio: &Portfolio) -> String {
    // Serialising the model cannot fail: every key is a string and no value is a float.
    to_string_pretty(portfolio)
}

/// `value` as `serde_json::to_string_pretty` writes it (two-space indent), ending with a
/// newline. In the WebAssembly build the value is written compactly and then indented by
/// [`indent`], so that the types are serialised by one serde_json formatter, not two (a
/// smaller module); the text is the same.
pub(crate) fn to_string_pretty(value: &impl serde::Serialize) -> String {
    #[cfg(not(target_family = "wasm"))]
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    #[cfg(target_family = "wasm")]
    let mut s = indent(&serde_json::to_string(value).unwrap_or_default());
    s.push('\n');
    s
}

/// Compact JSON text (as `serde_json::to_string` writes it: no white space outside
/// strings) re-indented as `serde_json::to_string_pretty` writes it.
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
pub(crate) fn indent(compact: &str) -> String {
    fn newline(out: &mut String, depth: usize) {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                // A string, escapes included, copied as it is.
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                out.push_str(&compact[start..i]);
                continue;
            }
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                if bytes.get(i + 1) == Some(&close) {
                    // Empty: `{}` or `[]`.
                    out.push(b as char);
                    out.push(close as char);
                    i += 2;
                    continue;
                }
                out.push(b as char);
                depth += 1;
                newline(&mut out, depth);
            }
            b'}' | b']' => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(b as char);
            }
            b',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            b':' => out.push_str(": "),
            _ => {
                // A number or a literal: ASCII up to the next structural character.
                let start = i;
                while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']') {
                    i += 1;
                }
                out.push_str(&compact[start..i]);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The JSON Schema (draft 2020-12) of kartan JSON, generated from the model.
pub fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Portfolio);
    schema.to_value()
}

/// [`schema`] as pretty-printed text ending with a newline: the content of
/// `schema/kartan-1.schema.json`.
pub fn schema_string() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The answer types, in the order [`answers_schema`] lists them: the name of each one's
/// `$defs` entry.
pub const ANSWERS: [&str; 18] = [
    "Diagnostic",
    "IatiImportReport",
    "TableImportReport",
    "IndicatorValues",
    "IndicatorProgress",
    "Rollup",
    "Contributor",
    "MapReality",
    "QuestionStats",
    "EventStats",
    "TrendPoint",
    "Survey",
    "LearningProfile",
    "LearningCycle",
    "Breakdown",
    "RoleSummary",
    "ActivitySummary",
    "Table",
];

/// The JSON Schema (draft 2020-12) of kartan's answers: every value an analysis or an
/// import returns, as it is serialised (`serde_json::to_value(&answer)`) and as the
/// Python and JS bindings hand it over. One `$defs` entry per answer type (their names
/// are [`ANSWERS`]) and per type they contain; the root accepts any
/// answer. Exact decimals are strings (`"0.5"`, `"4354438151.00"`), never JSON numbers;
/// dates are `YYYY-MM-DD`. Generated from the core's types, the one source of these
/// shapes; the bindings' Python dataclasses and TypeScript types are generated from it.
pub fn answers_schema() -> serde_json::Value {
    use crate::analysis::{activities, breakdown, learning, map_reality, results, survey, tables};
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().for_serialize().into_generator();
    let roots = [
        generator.subschema_for::<crate::model::Diagnostic>(),
        generator.subschema_for::<crate::io::iati::IatiImportReport>(),
        generator.subschema_for::<crate::io::table::TableImportReport>(),
        generator.subschema_for::<results::IndicatorValues<'_>>(),
        generator.subschema_for::<results::IndicatorProgress<'_>>(),
        generator.subschema_for::<results::Rollup<'_>>(),
        generator.subschema_for::<results::Contributor<'_>>(),
        generator.subschema_for::<map_reality::MapReality>(),
        generator.subschema_for::<survey::QuestionStats>(),
        generator.subschema_for::<survey::EventStats>(),
        generator.subschema_for::<survey::TrendPoint>(),
        generator.subschema_for::<survey::Survey>(),
        generator.subschema_for::<learning::LearningProfile>(),
        generator.subschema_for::<learning::LearningCycle>(),
        generator.subschema_for::<breakdown::Breakdown>(),
        generator.subschema_for::<breakdown::RoleSummary>(),
        generator.subschema_for::<activities::ActivitySummary>(),
        generator.subschema_for::<tables::Table>(),
    ];
    let defs = generator.take_definitions(true);
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "kartan answers",
        "description": "The values kartan's analyses and imports return (version 1): one $defs entry per answer type. Exact decimals are strings, dates YYYY-MM-DD.",
        "anyOf": roots.into_iter().map(schemars::Schema::to_value).collect::<Vec<_>>(),
        "$defs": defs,
    })
}

/// [`answers_schema`] as pretty-printed text ending with a newline: the content of
/// `schema/kartan-answers-1.schema.json`.
pub fn answers_schema_string() -> String {
    let mut s = serde_json::to_string_pretty(&answers_schema()).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str =
        r#"{"format":"kartan/1","default_language":"sv","program":{"id":"P","title":{"sv":"Program"}}}"#;

    #[test]
    fn reads_minimal_and_bom() {
        let p = from_str(MINIMAL).unwrap();
        assert_eq!(p.program.id, "P");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(MINIMAL.as_bytes());
        assert_eq!(from_slice(&bom).unwrap(), p);
    }

    #[test]
    fn unknown_field_has_pointer() {
        let text = MINIMAL.replace(r#""id":"P""#, r#""id":"P","colour":"red""#);
        match from_str(&text).unwrap_err() {
            JsonError::Data { pointer, message, line, .. } => {
                assert_eq!(pointer, "/program/colour");
                assert!(message.contains("unknown field `colour`"), "{message}");
                assert_eq!(line, 1);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_part_reads_strictly_with_its_own_pointer() {
        let project: crate::model::Project = part_from_str(r#"{"id":"P1","title":{"en":"One"}}"#).unwrap();
        assert_eq!(project.id, "P1");
        let err = part_from_str::<crate::model::Project>(r#"{"id":"P1","title":"One"}"#).unwrap_err();
        assert!(matches!(&err, JsonError::Data { pointer, .. } if pointer == "/title"), "{err:?}");
        assert!(err.to_string().starts_with("1:20: at /title: invalid type: string \"One\""), "{err}");
        assert!(err.message_at_pointer().starts_with("at /title: invalid type: string \"One\""), "{err}");
        let err = part_from_str::<crate::model::Project>(r#"{"id":"P1","title":{},"colour":1}"#).unwrap_err();
        assert!(err.message_at_pointer().starts_with("at /colour: unknown field `colour`"), "{err}");
    }

    #[test]
    fn wrong_type_has_pointer_and_position() {
        let text = "{\n\"format\":\"kartan/1\",\n\"default_language\":\"sv\",\n\"program\":{\"id\":7}}";
        let err = from_str(text).unwrap_err();
        assert!(matches!(&err, JsonError::Data { pointer, line: 4, .. } if pointer == "/program/id"), "{err:?}");
    }

    #[test]
    fn truncated_and_non_utf8() {
        assert!(matches!(from_str(&MINIMAL[..40]).unwrap_err(), JsonError::Syntax { line: 1, .. }));
        assert!(matches!(from_str("").unwrap_err(), JsonError::Syntax { .. }));
        let mut bad = MINIMAL.as_bytes().to_vec();
        bad[50] = 0xFF;
        assert_eq!(from_slice(&bad).unwrap_err(), JsonError::NotUtf8 { offset: 50, line: 1 });
    }

    #[test]
    fn other_format_refused() {
        let err = from_str(&MINIMAL.replace("kartan/1", "kartan/9")).unwrap_err();
        assert_eq!(err, JsonError::Format { found: "kartan/9".into() });
    }

    #[test]
    fn indent_is_serde_json_pretty() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [1, -2.5, true, null, "x,y:{[\"]}", {"d": [[]], "e": {"f": {}}}],
            "g \\\"h": "\u{e9}\n", "i": [{"j": 1e300}]
        });
        assert_eq!(indent(&serde_json::to_string(&value).unwrap()), serde_json::to_string_pretty(&value).unwrap());
        assert_eq!(indent("[]"), "[]");
        assert_eq!(indent("\"s\""), "\"s\"");
        let seed = crate::embedded::seed();
        assert_eq!(indent(&serde_json::to_string(&seed).unwrap()), serde_json::to_string_pretty(&seed).unwrap());
    }

    #[test]
    fn trailing_garbage_refused() {
        assert!(matches!(from_str(&format!("{MINIMAL} x")).unwrap_err(), JsonError::Syntax { .. }));
    }
}
