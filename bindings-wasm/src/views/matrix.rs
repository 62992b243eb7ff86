//! The results matrix ("the map").

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::project::Level;
use super::Text;

/// One level of the results matrix: its actors, the experiences/results the program
/// expects there and the effects that should follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct MatrixRow {
    /// The level.
    pub level: Level,
    /// The actors named at this level.
    pub actors: Vec<Text>,
    /// Expected experiences/results (*erfarenheter/resultat*).
    pub experiences: Vec<MatrixItem>,
    /// Expected effects (*effekter*).
    pub effects: Vec<MatrixItem>,
}

/// One expectation on the map, with the id that evidence and indicators point at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
pub struct MatrixItem {
    /// Unique id within the portfolio (e.g. `M-REG-EXP-3`).
    pub id: String,
    /// The expectation, as the program words it.
    pub text: Text,
}

impl From<&kartan::MatrixItem> for MatrixItem {
    fn from(i: &kartan::MatrixItem) -> Self {
        MatrixItem { id: i.id.clone(), text: (&i.text).into() }
    }
}

impl From<&kartan::MatrixRow> for MatrixRow {
    fn from(r: &kartan::MatrixRow) -> Self {
        MatrixRow {
            level: r.level.into(),
            actors: r.actors.iter().map(Into::into).collect(),
            experiences: r.experiences.iter().map(Into::into).collect(),
            effects: r.effects.iter().map(Into::into).collect(),
        }
    }
}
