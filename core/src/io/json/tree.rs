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

/// Deserialises `T` from `value` and, when that fails, says where: the error with the
/// steps from the root to the value that failed (the key itself for an unknown or
/// repeated key; the enum's own place for an unknown variant).
///
/// The deserialiser is serde_json's for `&Value` (the same calls and the same messages)
/// with the path kept as an error passes out, as [`parse`] keeps it, instead of the
/// `serde_path_to_error` wrapper around it: that wrapper instantiates a second layer of
/// serde code per model type, 20 KB gzip of the WebAssembly module (issue 14).
///
/// # Errors
/// serde_json's data error (without a position: a tree has none; [`locate`] finds it).
pub(crate) fn from_value<T: de::DeserializeOwned>(value: &Value) -> Result<T, (serde_json::Error, Vec<Step>)> {
    let path = RefCell::new(Vec::new());
    T::deserialize(Tracked { value, path: &path }).map_err(|e| {
        let mut steps = path.into_inner();
        steps.reverse();
        (e, steps)
    })
}

/// A value in the tree, deserialised as serde_json deserialises `&Value`, that adds its
/// step to `path` when an error passes out of a member or an element (innermost first).
#[derive(Clone, Copy)]
struct Tracked<'de, 'p> {
    value: &'de Value,
    path: &'p RefCell<Vec<Step>>,
}

impl<'p> Tracked<'_, 'p> {
    fn push<E>(path: &'p RefCell<Vec<Step>>, step: Step) -> impl FnOnce(E) -> E + 'p {
        move |e| {
            path.borrow_mut().push(step);
            e
        }
    }

    /// What serde calls the value in an "invalid type" message, as serde_json does.
    fn unexpected(&self) -> de::Unexpected<'_> {
        match self.value {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => de::Unexpected::Unsigned(u),
                (None, Some(i), _) => de::Unexpected::Signed(i),
                (None, None, f) => de::Unexpected::Float(f.unwrap_or(f64::NAN)),
            },
            Value::String(s) => de::Unexpected::Str(s),
            Value::Array(_) => de::Unexpected::Seq,
            Value::Object(_) => de::Unexpected::Map,
        }
    }

    fn invalid_type<'de2, V: Visitor<'de2>>(&self, visitor: &V) -> serde_json::Error {
        de::Error::invalid_type(self.unexpected(), visitor)
    }

    fn visit_array<'de, V: Visitor<'de>>(self, items: &'de [Value], visitor: V) -> Result<V::Value, serde_json::Error> {
        let mut seq = TrackedSeq { items: items.iter(), index: 0, path: self.path };
        let out = visitor.visit_seq(&mut seq)?;
        if seq.items.len() == 0 {
            Ok(out)
        } else {
            Err(de::Error::invalid_length(items.len(), &"fewer elements in array"))
        }
    }

    fn visit_object<'de, V: Visitor<'de>>(
        self,
        members: &'de Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        let mut map = TrackedMap { members: members.iter(), value: None, path: self.path };
        let out = visitor.visit_map(&mut map)?;
        if map.members.len() == 0 {
            Ok(out)
        } else {
            Err(de::Error::invalid_length(members.len(), &"fewer elements in map"))
        }
    }
}

/// The number methods: a number is read as serde_json reads it, anything else is refused.
macro_rules! tracked_numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
            match self.value {
                Value::Number(n) => de::Deserializer::deserialize_any(n, visitor),
                _ => Err(self.invalid_type(&visitor)),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Tracked<'de, '_> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => de::Deserializer::deserialize_any(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.visit_array(items, visitor),
            Value::Object(members) => self.visit_object(members, visitor),
        }
    }

    tracked_numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.visit_array(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::Array(items) => self.visit_array(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::Object(members) => self.visit_object(members, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        // A struct is an object in kartan JSON, never an array: serde_json would also read
        // `[a, b]` as a struct's fields in order, which would let a misplaced array pass
        // as a record and instantiate every derived `visit_seq` (issue 15: 5 KB of the
        // WebAssembly module).
        match self.value {
            Value::Object(members) => self.visit_object(members, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        let (variant, value) = match self.value {
            Value::String(variant) => (variant, None),
            // An enum with data is an object with a single key: the variant.
            Value::Object(members) => {
                let mut iter = members.iter();
                match (iter.next(), iter.next()) {
                    (Some((variant, value)), None) => (variant, Some(value)),
                    _ => return Err(de::Error::invalid_value(de::Unexpected::Map, &"map with a single key")),
                }
            }
            _ => return Err(de::Error::invalid_type(self.unexpected(), &"string or map")),
        };
        visitor.visit_enum(TrackedEnum { variant, value, path: self.path })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        visitor.visit_unit()
    }
}

struct TrackedSeq<'de, 'p> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    path: &'p RefCell<Vec<Step>>,
}

impl<'de> SeqAccess<'de> for TrackedSeq<'de, '_> {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, serde_json::Error> {
        let Some(value) = self.items.next() else { return Ok(None) };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Tracked { value, path: self.path })
            .map(Some)
            .map_err(Tracked::push(self.path, Step::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct TrackedMap<'de, 'p> {
    members: serde_json::map::Iter<'de>,
    value: Option<(&'de String, &'de Value)>,
    path: &'p RefCell<Vec<Step>>,
}

impl<'de> MapAccess<'de> for TrackedMap<'de, '_> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, serde_json::Error> {
        let Some((key, value)) = self.members.next() else { return Ok(None) };
        self.value = Some((key, value));
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
            .map_err(Tracked::push(self.path, Step::Key(key.clone())))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, serde_json::Error> {
        let Some((key, value)) = self.value.take() else { return Err(de::Error::custom("value is missing")) };
        seed.deserialize(Tracked { value, path: self.path }).map_err(Tracked::push(self.path, Step::Key(key.clone())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

struct TrackedEnum<'de, 'p> {
    variant: &'de str,
    value: Option<&'de Value>,
    path: &'p RefCell<Vec<Step>>,
}

impl<'de, 'p> de::EnumAccess<'de> for TrackedEnum<'de, 'p> {
    type Error = serde_json::Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), serde_json::Error> {
        // An unknown variant is the error of the enum's own place.
        let variant = seed.deserialize(de::value::BorrowedStrDeserializer::new(self.variant))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for TrackedEnum<'de, '_> {
    type Error = serde_json::Error;

    fn unit_variant(self) -> Result<(), serde_json::Error> {
        match self.value {
            Some(value) => de::Deserialize::deserialize(Tracked { value, path: self.path }),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, serde_json::Error> {
        match self.value {
            Some(value) => seed
                .deserialize(Tracked { value, path: self.path })
                .map_err(Tracked::push(self.path, Step::Key(self.variant.to_owned()))),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Some(value @ Value::Array(items)) => {
                let tracked = Tracked { value, path: self.path };
                let out = if items.is_empty() { visitor.visit_unit() } else { tracked.visit_array(items, visitor) };
                out.map_err(Tracked::push(self.path, Step::Key(self.variant.to_owned())))
            }
            Some(value) => {
                Err(de::Error::invalid_type(Tracked { value, path: self.path }.unexpected(), &"tuple variant"))
            }
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Some(value @ Value::Object(members)) => Tracked { value, path: self.path }
                .visit_object(members, visitor)
                .map_err(Tracked::push(self.path, Step::Key(self.variant.to_owned()))),
            Some(value) => {
                Err(de::Error::invalid_type(Tracked { value, path: self.path }.unexpected(), &"struct variant"))
            }
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"struct variant")),
        }
    }
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

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
        kind: Option<Kind>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        n: u8,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Kind {
        Plain,
        Scaled(u8),
        Pair { a: u8 },
    }

    /// The pointer and message of reading `text` as a `Doc`, as the readers report them.
    fn fails(text: &str) -> (String, String) {
        let value = parse(text).unwrap();
        let (e, steps) = from_value::<Doc>(&value).unwrap_err();
        (pointer(&steps), e.to_string())
    }

    #[test]
    fn from_value_names_the_place_of_each_kind_of_data_error() {
        let cases = [
            // A wrong type in an element of an array, in a member.
            (
                r#"{"items": [{"id": "a", "n": 1}, {"id": "b", "n": "x"}]}"#,
                "/items/1/n",
                r#"invalid type: string "x", expected u8"#,
            ),
            // An unknown key is named by itself.
            (r#"{"items": [{"id": "a", "n": 1, "m": 2}]}"#, "/items/0/m", "unknown field `m`, expected `id` or `n`"),
            // A missing field is the error of its object.
            (r#"{"items": [{"id": "a"}]}"#, "/items/0", "missing field `n`"),
            (r#"{"items": 3}"#, "/items", "invalid type: integer `3`, expected a sequence"),
            // A struct is an object: its fields in an array are refused (serde_json's own
            // reader would take `["a", 1]` as `{"id": "a", "n": 1}`).
            (r#"{"items": [["a", 1]]}"#, "/items/0", "invalid type: sequence, expected struct Item"),
            // An unknown variant is the error of the enum's place; a variant's data adds the variant.
            (
                r#"{"items": [], "kind": "other"}"#,
                "/kind",
                "unknown variant `other`, expected one of `plain`, `scaled`, `pair`",
            ),
            (r#"{"items": [], "kind": {"scaled": 300}}"#, "/kind/scaled", "invalid value: integer `300`, expected u8"),
            (
                r#"{"items": [], "kind": {"pair": {"a": "x"}}}"#,
                "/kind/pair/a",
                r#"invalid type: string "x", expected u8"#,
            ),
            (
                r#"{"items": [], "kind": {"plain": null, "pair": {}}}"#,
                "/kind",
                "invalid value: map, expected map with a single key",
            ),
            (r#"{"items": [], "kind": 1.5}"#, "/kind", "invalid type: floating point `1.5`, expected string or map"),
            (r#"{"items": [], "kind": {"scaled": null}}"#, "/kind/scaled", "invalid type: null, expected u8"),
            // The root's own error has the empty pointer.
            (r#""doc""#, "", r#"invalid type: string "doc", expected struct Doc"#),
        ];
        for (text, want_pointer, want_message) in cases {
            assert_eq!(fails(text), (want_pointer.to_owned(), want_message.to_owned()), "{text}");
        }
        // And what fits is read.
        let value = parse(r#"{"items": [{"id": "a", "n": 7}], "kind": {"pair": {"a": 2}}}"#).unwrap();
        let doc = from_value::<Doc>(&value).unwrap();
        assert_eq!((doc.items[0].n, matches!(doc.kind, Some(Kind::Pair { a: 2 }))), (7, true));
    }

    #[test]
    fn pointer_escapes_and_dotted_root() {
        assert_eq!(pointer(&[key("a/b~c"), Step::Index(3)]), "/a~1b~0c/3");
        assert_eq!(pointer(&[]), "");
        assert_eq!(dotted(&[]), ".");
        assert_eq!(dotted(&[Step::Index(0), key("x")]), "[0].x");
    }
}
