//! Multilingual text: a map from BCP 47 language tag to string.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A human text in one or more languages, like IATI `narrative/@xml:lang`.
///
/// Keys are BCP 47 language tags (`sv`, `en`, `sv-FI` …); values are the text in that
/// language. Nothing is lost when a text has several languages: every language is kept,
/// written and read back. In kartan JSON a `Text` is an object such as
/// `{"sv": "Syfte", "en": "Purpose"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// An empty text (no language).
    pub fn new() -> Self {
        Self::default()
    }

    /// A text in one language.
    pub fn one(lang: &str, text: impl Into<String>) -> Self {
        let mut map = BTreeMap::new();
        map.insert(lang.to_owned(), text.into());
        Self(map)
    }

    /// A text in Swedish and English, the two languages of the seed program.
    pub fn sv_en(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Self::one("sv", sv).with("en", en)
    }

    /// Adds or replaces the text in `lang`, returning the text.
    #[must_use]
    pub fn with(mut self, lang: &str, text: impl Into<String>) -> Self {
        self.0.insert(lang.to_owned(), text.into());
        self
    }

    /// Sets the text in `lang`.
    pub fn set(&mut self, lang: &str, text: impl Into<String>) {
        self.0.insert(lang.to_owned(), text.into());
    }

    /// The text in exactly `lang`, if present.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }

    /// The best text for a reader of `lang`: that language, else the same primary
    /// language (`sv` for `sv-FI`), else `fallback`, else the first non-empty language
    /// in tag order. `None` only when the text is blank in every language.
    pub fn best(&self, lang: &str, fallback: &str) -> Option<&str> {
        let primary = |tag: &str| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
        let wanted = primary(lang);
        let non_blank = |(_, v): &(&String, &String)| !v.trim().is_empty();
        self.0
            .iter()
            .filter(non_blank)
            .find(|(k, _)| k.eq_ignore_ascii_case(lang))
            .or_else(|| self.0.iter().filter(non_blank).find(|(k, _)| primary(k) == wanted))
            .or_else(|| self.0.iter().filter(non_blank).find(|(k, _)| k.eq_ignore_ascii_case(fallback)))
            .or_else(|| self.0.iter().find(|kv| non_blank(kv)))
            .map(|(_, v)| v.as_str())
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

    /// True when no language has a non-blank text.
    pub fn is_blank(&self) -> bool {
        self.0.values().all(|v| v.trim().is_empty())
    }

    /// The language tags present, in tag order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Iterates over `(language, text)` pairs in tag order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
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
}
