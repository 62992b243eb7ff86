//! The results matrix: "the map" of what the program expects at each level.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::organisation::Level;
use super::text::Text;

/// The results matrix (*resultatmatris*, "Vad ger vi oss in på?"): for each level, the
/// actors and what the program expects them to gain (experiences/results) and what
/// should follow from that (effects).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultsMatrix {
    /// One row per level, in the order the program lists them.
    #[serde(default)]
    pub rows: Vec<MatrixRow>,
}

/// One level of the results matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatrixRow {
    /// The level (national, regional, local).
    pub level: Level,
    /// The actors the matrix names at this level (the seed's *målgrupp* column).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Text>,
    /// Expected experiences/results (*erfarenheter/resultat*).
    #[serde(default)]
    pub experiences: Vec<MatrixItem>,
    /// Expected effects (*effekter*).
    #[serde(default)]
    pub effects: Vec<MatrixItem>,
}

/// Which column of the matrix an item stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatrixColumn {
    /// Experiences/results.
    Experience,
    /// Effects.
    Effect,
}

/// One expectation on the map, with an id that evidence and indicators point at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatrixItem {
    /// Unique id within the portfolio (e.g. `M-REG-EXP-3`).
    pub id: String,
    /// The expectation, as the program words it.
    pub text: Text,
}

impl ResultsMatrix {
    /// Every item with its level and column, row by row, experiences before effects.
    pub fn items(&self) -> impl Iterator<Item = (Level, MatrixColumn, &MatrixItem)> {
        self.rows.iter().flat_map(|row| {
            let exp = row.experiences.iter().map(move |i| (row.level, MatrixColumn::Experience, i));
            let eff = row.effects.iter().map(move |i| (row.level, MatrixColumn::Effect, i));
            exp.chain(eff)
        })
    }

    /// The item with `id`, with its level and column.
    pub fn item(&self, id: &str) -> Option<(Level, MatrixColumn, &MatrixItem)> {
        self.items().find(|(_, _, i)| i.id == id)
    }

    /// The row for `level`.
    pub fn row(&self, level: Level) -> Option<&MatrixRow> {
        self.rows.iter().find(|r| r.level == level)
    }
}
