//! JSON text as a tree: the one way the model and the mappings are read from JSON or TOML.
//!
//! Text is first read into a [`serde_json::Value`] and the types are then deserialised
//! from `&Value`, whatever the input (kartan JSON, JSON mappings, TOML mappings). The
//! serde code of every model and mapping type is so instantiated for one deserialiser
//! instead of one per reader (the WebAssembly module: 52 KB gzip less, issue 7;
//! `bindings-wasm/README.md` "Size").
//!
//! What a tree loses, this module gives back:
//! - a key given twice in one object is refused ([`parse`]), where a tree would keep the
//!   last value only and lose the first;
//! - a value has no position, so [`locate`] finds the line and column of an error's
//!   path in the text.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::model::pointer_token;

/// One step of a path into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// The member named so, in an object.
    Key(String),
    /// The element at this 0-based index, in an array.
    Index(usize),
}

/// The path of a serde_path_to_error error as steps (an enum variant is the key of its
/// object; a step the tracker could not name ends the path).
pub(crate) fn steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    use serde_path_to_error::Segment;
    path.iter()
        .map_while(|segment| match segment {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } | Segment::Enum { variant: key } => Some(Step::Key(key.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

/// The JSON pointer (RFC 6901) of `steps`; empty for the root.
pub(crate) fn pointer(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        out.push('/');
        match step {
            Step::Key(key) => out.push_str(&pointer_token(key)),
            Step::Index(index) => out.push_str(&index.to_string()),
        }
    }
    out
}

/// The same path written with dots (`columns.id`, `questions[2].scale`), as TOML and
/// mapping errors name keys.
pub(crate) fn dotted(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// Reads JSON `text` (the whole text: trailing characters are an error) into a tree.
///
/// # Errors
/// serde_json's error, with its line and column: a syntax error, or a data error for a
/// key given twice in one object (`duplicate key "sv"`), with the steps to that key.
pub(crate) fn parse(text: &str) -> Result<Value, (serde_json::Error, Vec<Step>)> {
    let path = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict { path: &path }.deserialize(&mut de).and_then(|value| de.end().map(|()| value));
    value.map_err(|e| {
        // The steps were pushed innermost first, as the error went out.
        let mut steps = path.into_inner();
        steps.reverse();
        (e, steps)
    })
}

/// Builds a [`Value`] like serde_json's own visitor, but refuses a repeated key. The path
/// costs nothing while the text reads: each object or array adds its step only to an
/// error passing out through it.
struct Strict<'p> {
    path: &'p RefCell<Vec<Step>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON text has no NaN or infinity: serde_json gives finite numbers only.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        let at = |index: usize, e| {
            self.path.borrow_mut().push(Step::Index(index));
            e
        };
        while let Some(value) = seq.next_element_seed(Strict { path: self.path }).map_err(|e| at(out.len(), e))? {
            out.push(value);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                let e = de::Error::custom(crate::model::unique::repeated(&key));
                self.path.borrow_mut().push(Step::Key(key));
                return Err(e);
            }
            match map.next_value_seed(Strict { path: self.path }) {
                Ok(value) => out.insert(key, value),
                Err(e) => {
                    self.path.borrow_mut().push(Step::Key(key));
                    return Err(e);
                }
            };
        }
        Ok(Value::Object(out))
    }
}

/// The 1-based line and column (in bytes, as serde_json counts them) where the value at
/// `steps` starts in `text`, which must be well-formed JSON (as [`parse`] read it). When a
/// step names no value there (a missing field's path ends at its object), the place of
/// the last value found.
pub(crate) fn locate(text: &str, steps: &[Step]) -> (usize, usize) {
    line_column(text.as_bytes(), offset(text, steps))
}

/// The byte offset where [`locate`] finds the value at `steps`.
pub(crate) fn offset(text: &str, steps: &[Step]) -> usize {
    let mut at = skip_space(text.as_bytes(), 0);
    for step in steps {
        match child(text, at, step) {
            Some(next) => at = next,
            None => break,
        }
    }
    at
}

/// Where the value of `step` starts, inside the object or array starting at `at`.
fn child(text: &str, at: usize, step: &Step) -> Option<usize> {
    let bytes = text.as_bytes();
    let (open, close) = match (bytes.get(at)?, step) {
        (b'{', Step::Key(_)) => (b'{', b'}'),
        (b'[', Step::Index(_)) => (b'[', b']'),
        _ => return None,
    };
    let mut i = skip_space(bytes, at + 1);
    let mut index = 0;
    while bytes.get(i) != Some(&close) {
        let value = if open == b'{' {
            let end = skip_string(bytes, i);
            let key = &text[i..end];
            let found = match step {
                // A key without escapes is its text between the quotes.
                Step::Key(want) if key.contains('\\') => {
                    serde_json::from_str::<String>(key).ok().as_ref() == Some(want)
                }
                Step::Key(want) => key.get(1..key.len().saturating_sub(1)) == Some(want.as_str()),
                Step::Index(_) => false,
            };
            let colon = skip_space(bytes, end);
            let value = skip_space(bytes, colon + 1);
            if found {
                return Some(value);
            }
            value
        } else {
            if *step == Step::Index(index) {
                return Some(i);
            }
            index += 1;
            i
        };
        i = skip_space(bytes, skip_value(bytes, value));
        if bytes.get(i) == Some(&b',') {
            i = skip_space(bytes, i + 1);
        } else {
            break;
        }
    }
    None
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The index after the string starting (with its quote) at `i`.
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => return i + 1,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The index after the value starting at `i`.
fn skip_value(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                i = skip_string(bytes, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The 1-based line and byte column of byte `offset`.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    (1 + memchr::memchr_iter(b'\n', &before[..line_start]).count(), before.len() - line_start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Step {
        Step::Key(k.to_owned())
    }

    #[test]
    fn locate_follows_keys_and_indexes() {
        let text = "{\"a\": [1, {\"b\": \"x,}]\"}, [2, {\"c\": null}]],\n \"d\\\"e\": {\"f\" : 3 }, \"g\": -1.5e3}";
        assert_eq!(locate(text, &[]), (1, 1));
        assert_eq!(locate(text, &[key("a")]), (1, 7));
        assert_eq!(locate(text, &[key("a"), Step::Index(1), key("b")]), (1, 17));
        assert_eq!(locate(text, &[key("a"), Step::Index(2), Step::Index(1), key("c")]), (1, 36));
        // An escaped key, a space before the colon.
        assert_eq!(locate(text, &[key("d\"e"), key("f")]), (2, 17));
        assert_eq!(locate(text, &[key("g")]), (2, 27));
        // A missing key or index stops at the deepest value found.
        assert_eq!(locate(text, &[key("d\"e"), key("zz")]), (2, 10));
        assert_eq!(locate(text, &[key("a"), Step::Index(9)]), (1, 7));
        assert_eq!(locate(text, &[key("g"), key("h")]), (2, 27));
    }

    #[test]
    fn parse_refuses_a_repeated_key_with_its_path() {
        let (e, steps) = parse("{\"a\": [{\"b\": 1, \"c\": 2, \"b\": 3}]}").unwrap_err();
        assert_eq!(e.classify(), serde_json::error::Category::Data);
        assert_eq!(steps, [key("a"), Step::Index(0), key("b")]);
        assert_eq!(pointer(&steps), "/a/0/b");
        assert_eq!(dotted(&steps), "a[0].b");
        assert!(e.to_string().starts_with("duplicate key \"b\": a key may appear once in an object at line 1"), "{e}");
        // The same key in two objects is fine, and the tree is serde_json's.
        let text = "{\"a\": {\"k\": 1}, \"b\": {\"k\": [true, null, \"s\", 18446744073709551615, -3, 0.5]}}";
        assert_eq!(parse(text).unwrap(), serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn parse_reports_syntax_like_serde_json() {
        for text in ["", "{", "{\"a\" 1}", "[1,]", "{} x", "1e999"] {
            let (e, _) = parse(text).unwrap_err();
            let plain = serde_json::from_str::<Value>(text).unwrap_err();
            assert_eq!(e.to_string(), plain.to_string(), "{text:?}");
        }
    }

    #[test]
    fn pointer_escapes_and_dotted_root() {
        assert_eq!(pointer(&[key("a/b~c"), Step::Index(3)]), "/a~1b~0c/3");
        assert_eq!(pointer(&[]), "");
        assert_eq!(dotted(&[]), ".");
        assert_eq!(dotted(&[Step::Index(0), key("x")]), "[0].x");
    }
}
