//! Multilingual text: language tag → string, kept sorted by tag.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use compact_str::CompactString;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A human text in one or more languages, like IATI `narrative/@xml:lang`.
///
/// Keys are BCP 47 language tags (`sv`, `en`, `sv-FI` …); values are the text in that
/// language. Nothing is lost when a text has several languages: every language is kept,
/// written and read back, in tag order. In kartan JSON a `Text` is an object such as
/// `{"sv": "Syfte", "en": "Purpose"}`; when an object names a language twice, the last
/// one wins (as with any JSON map).
///
/// Memory: a text is a small vector of `(tag, text)` pairs sorted by tag; a tag of up to
/// 24 bytes is stored inline, so a one-language text costs one 48-byte entry plus its
/// string (a portfolio read from a large IATI file holds hundreds of thousands of texts).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Vec<(CompactString, String)>);

impl Text {
    /// An empty text (no language).
    pub fn new() -> Self {
        Self::default()
    }

    /// A text in one language.
    pub fn one(lang: &str, text: impl Into<String>) -> Self {
        Self(vec![(CompactString::from(lang), text.into())])
    }

    /// A text in Swedish and English, the two languages of the seed program.
    pub fn sv_en(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Self::one("sv", sv).with("en", en)
    }

    /// Adds or replaces the text in `lang`, returning the text.
    #[must_use]
    pub fn with(mut self, lang: &str, text: impl Into<String>) -> Self {
        self.set(lang, text);
        self
    }

    /// Sets the text in `lang` (replacing what was there).
    pub fn set(&mut self, lang: &str, text: impl Into<String>) {
        match self.find(lang) {
            Ok(i) => self.0[i].1 = text.into(),
            Err(i) => self.add(i, lang, text.into()),
        }
    }

    /// The text in `lang` for appending to; an empty string is added when `lang` is new.
    pub fn entry(&mut self, lang: &str) -> &mut String {
        let i = match self.find(lang) {
            Ok(i) => i,
            Err(i) => {
                self.add(i, lang, String::new());
                i
            }
        };
        &mut self.0[i].1
    }

    /// Inserts a language at `i` with room for exactly one more entry: a vector's first
    /// push would reserve four (192 bytes where a one-language text needs 48; about
    /// 60 MB over the texts of the 200 MB IATI benchmark file).
    fn add(&mut self, i: usize, lang: &str, text: String) {
        self.0.reserve_exact(1);
        self.0.insert(i, (CompactString::from(lang), text));
    }

    /// Removes the text in `lang`, returning it.
    pub fn remove(&mut self, lang: &str) -> Option<String> {
        self.find(lang).ok().map(|i| self.0.remove(i).1)
    }

    fn find(&self, lang: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(lang))
    }

    /// The text in exactly `lang`, if present.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.find(lang).ok().map(|i| self.0[i].1.as_str())
    }

    /// The best text for a reader of `lang`: that language, else the same primary
    /// language (`sv` for `sv-FI`), else `fallback`, else the first non-empty language
    /// in tag order. `None` only when the text is blank in every language.
    pub fn best(&self, lang: &str, fallback: &str) -> Option<&str> {
        let primary = |tag: &str| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
        let wanted = primary(lang);
        let non_blank = |(_, v): &(&str, &str)| !v.trim().is_empty();
        self.iter()
            .filter(non_blank)
            .find(|(k, _)| k.eq_ignore_ascii_case(lang))
            .or_else(|| self.iter().filter(non_blank).find(|(k, _)| primary(k) == wanted))
            .or_else(|| self.iter().filter(non_blank).find(|(k, _)| k.eq_ignore_ascii_case(fallback)))
            .or_else(|| self.iter().find(non_blank))
            .map(|(_, v)| v)
    }

    /// [`Text::best`], or the empty string when the text is blank everywhere.
    pub fn show(&self, lang: &str, fallback: &str) -> &str {
        self.best(lang, fallback).unwrap_or("")
    }

    /// True when the text has no language at all (`{}` in JSON). A text whose languages
    /// are all blank is not empty: it is kept, and written back as it was.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of languages.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no language has a non-blank text.
    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|(_, v)| v.trim().is_empty())
    }

    /// The language tags present, in tag order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Iterates over `(language, text)` pairs in tag order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The text as a map from language tag to text.
    pub fn to_map(&self) -> BTreeMap<String, String> {
        self.iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
    }
}

impl<K: AsRef<str>, V: Into<String>> FromIterator<(K, V)> for Text {
    /// Collects `(language, text)` pairs; a language named twice keeps the last text.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut text = Text::new();
        for (k, v) in iter {
            text.set(k.as_ref(), v);
        }
        text
    }
}

impl From<BTreeMap<String, String>> for Text {
    fn from(map: BTreeMap<String, String>) -> Self {
        Self(map.into_iter().map(|(k, v)| (CompactString::from(k), v)).collect())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k.as_str(), v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of language tag to text, such as {\"sv\": \"Syfte\"}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Text, A::Error> {
                let mut text = Text(Vec::with_capacity(access.size_hint().unwrap_or(1).min(8)));
                while let Some((k, v)) = access.next_entry::<Cow<'de, str>, String>()? {
                    if text.get(&k).is_some() {
                        return Err(serde::de::Error::custom(crate::model::unique::repeated(&k)));
                    }
                    text.set(&k, v);
                }
                Ok(text)
            }
        }
        deserializer.deserialize_map(TextVisitor)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = <BTreeMap<String, String>>::json_schema(generator);
        schema.insert(
            "description".into(),
            "A human text in one or more languages, like IATI `narrative/@xml:lang`: an object of BCP 47 \
             language tag to text, such as `{\"sv\": \"Syfte\", \"en\": \"Purpose\"}`. Every language is kept, \
             written and read back."
                .into(),
        );
        schema
    }
}

impl fmt::Display for Text {
    /// Shows English, else the first language present.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.show("en", "en"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_falls_back_in_order() {
        let t = Text::sv_en("Syfte", "Purpose");
        assert_eq!(t.best("sv", "en"), Some("Syfte"));
        assert_eq!(t.best("sv-FI", "en"), Some("Syfte"));
        assert_eq!(t.best("fr", "en"), Some("Purpose"));
        assert_eq!(Text::one("de", "Zweck").best("fr", "en"), Some("Zweck"));
        assert_eq!(Text::one("sv", "  ").best("sv", "en"), None);
        assert!(Text::one("sv", "  ").is_blank());
    }

    #[test]
    fn json_is_a_language_map() {
        let t: Text = serde_json::from_str(r#"{"sv":"Syfte","en":"Purpose"}"#).unwrap();
        assert_eq!(t, Text::sv_en("Syfte", "Purpose"));
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"en":"Purpose","sv":"Syfte"}"#);
    }

    #[test]
    fn languages_stay_in_tag_order_and_the_last_wins() {
        let mut t = Text::one("sv", "Syfte").with("en", "Purpose").with("de", "Zweck");
        assert_eq!(t.languages().collect::<Vec<_>>(), ["de", "en", "sv"]);
        t.set("en", "Aim");
        t.entry("sv").push_str(" och mål");
        assert_eq!(t.get("en"), Some("Aim"));
        assert_eq!(t.get("sv"), Some("Syfte och mål"));
        assert_eq!(t.remove("de"), Some("Zweck".to_owned()));
        assert_eq!(t.len(), 2);
        let read: Text = serde_json::from_str(r#"{"sv":"c","en":"b"}"#).unwrap();
        assert_eq!(Text::from_iter([("sv", "a"), ("sv", "c"), ("en", "b")]), read);
        assert_eq!(Text::from(read.to_map()), read);
    }

    #[test]
    fn json_errors_name_what_was_expected() {
        let e = serde_json::from_str::<Text>(r#"["sv"]"#).unwrap_err().to_string();
        assert!(e.contains("an object of language tag to text"), "{e}");
        let e = serde_json::from_str::<Text>(r#"{"sv": 1}"#).unwrap_err().to_string();
        assert!(e.contains("expected a string"), "{e}");
        // A language given twice would lose one of the texts.
        let e = serde_json::from_str::<Text>(r#"{"sv":"a","en":"b","sv":"c"}"#).unwrap_err().to_string();
        assert!(e.starts_with(r#"duplicate key "sv": a key may appear once in an object"#), "{e}");
    }
}
