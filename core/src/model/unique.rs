//! A map read from JSON refuses a key given twice: `{"a": 1, "a": 2}` is an error, not
//! `{"a": 2}` (serde's own maps keep the last value and lose the first). The model's
//! maps use it, so the plain JSON reader refuses the same texts as the tree reader
//! (`crate::io::json`).

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// The message for a repeated key `key`, the same for every reader.
pub(crate) fn repeated(key: &str) -> String {
    format!("duplicate key {key:?}: a key may appear once in an object")
}

/// Reads a map of string keys, refusing a repeated key; for `#[serde(deserialize_with)]`.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, V>, D::Error> {
    struct Unique<V>(PhantomData<V>);

    impl<'de, V: Deserialize<'de>> Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut map = BTreeMap::new();
            while let Some(key) = access.next_key::<String>()? {
                if map.contains_key(&key) {
                    return Err(de::Error::custom(repeated(&key)));
                }
                let value = access.next_value()?;
                map.insert(key, value);
            }
            Ok(map)
        }
    }

    deserializer.deserialize_map(Unique(PhantomData))
}
