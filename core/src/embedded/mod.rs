//! Embedded example portfolios.
//!
//! [`seed()`] is the seed program — *Program för lokalt och regionalt tillväxtarbete*,
//! "Lärande i programmet" — as kartan JSON: the source document's purpose, target groups,
//! focus areas, rationale, legal basis, means, results matrix, learning model and its
//! tools for the next program, in Swedish exactly as the source words them, with English
//! translations. Nothing the source does not give (project names, years, dates, budgets)
//! is filled in: those stay unknown, and the notes in the data say where the source is
//! ambiguous.

use crate::io::json;
use crate::model::Portfolio;

/// The seed program as kartan JSON text (`format: "kartan/1"`, `default_language: "sv"`),
/// the content of `core/src/embedded/seed.json`.
pub const SEED_JSON: &str = include_str!("seed.json");

/// The seed program, parsed from [`SEED_JSON`].
///
/// The result has no projects (the source lists none) but states 30
/// (`program.stated_project_count`); the results matrix has three rows (national,
/// regional, local) whose items have ids such as `M-NAT-EXP-1` and `M-LOC-EFF-5`.
///
/// # Panics
/// Never in a released build: the embedded JSON is fixed at compile time and the test
/// suite (`core/tests/seed.rs`) checks that it parses.
pub fn seed() -> Portfolio {
    json::from_str(SEED_JSON).expect("the embedded seed.json is valid kartan JSON (checked by core/tests/seed.rs)")
}
