//! Embedded example portfolios.
//!
//! [`seed()`] is the seed program — *Program för lokalt och regionalt tillväxtarbete*,
//! "Lärande i programmet" — as kartan JSON: the source document's purpose, target groups,
//! focus areas, rationale, legal basis, means, results matrix, learning model and its
//! tools for the next program, in Swedish exactly as the source words them, with English
//! translations. Nothing the source does not give (project names, years, dates, budgets)
//! is filled in: those stay unknown, and the notes in the data say where the source is
//! ambiguous.
//!
//! [`example()`] is an illustrative program that takes up the seed where the source
//! stops, with invented projects, figures, meetings, answers and lessons, so that every
//! analysis and every section of the learning report has something to show. It says
//! that it is invented: its subtitle (shown under the report's title) reads
//! "Illustrativt exempel: projekt, mätvärden och svar är påhittade" / "Illustrative
//! example: projects, figures and answers are invented", and its report `REP-ABOUT`
//! says what comes from the source. [`EXAMPLES`] lists both by name.
//!
//! The example JSON (about 570 KB) is linked into a binary only when [`example()`] or
//! [`EXAMPLE_JSON`] is used: the WebAssembly module uses [`seed()`] only and ships the
//! example as a separate JSON file of its package.

use crate::io::json;
use crate::model::Portfolio;

/// The seed program as kartan JSON text (`format: "kartan/1"`, `default_language: "sv"`),
/// the content of `core/src/embedded/seed.json`.
pub const SEED_JSON: &str = include_str!("seed.json");

/// The illustrative example program as kartan JSON text, the content of
/// `core/src/embedded/example.json`, written by `scripts/make_example.py` (deterministic;
/// `--check` fails when the file and the script disagree).
pub const EXAMPLE_JSON: &str = include_str!("example.json");

/// An embedded portfolio: its name (as `kartan report --example NAME` takes it), a
/// one-line description in English and its JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embedded {
    /// The name: `example` or `seed`.
    pub name: &'static str,
    /// What it holds, in one line.
    pub description: &'static str,
    /// The kartan JSON text.
    pub json: &'static str,
}

impl Embedded {
    /// The portfolio, parsed from [`Embedded::json`].
    ///
    /// # Panics
    /// Never in a released build: the embedded JSON is fixed at compile time and the test
    /// suite (`core/tests/seed.rs`, `core/tests/example.rs`) checks that it parses.
    pub fn portfolio(&self) -> Portfolio {
        json::from_str(self.json).expect("the embedded JSON is valid kartan JSON (checked by core/tests)")
    }
}

/// The embedded portfolios, the default first: `example` (the illustrative program) and
/// `seed` (the source document's program and nothing more).
pub const EXAMPLES: [Embedded; 2] = [
    Embedded {
        name: "example",
        description: "illustrative example: the seed program with 30 invented projects, indicators, \
                      the 14 project-leader meetings evaluated, reports and lessons (figures invented)",
        json: EXAMPLE_JSON,
    },
    Embedded {
        name: "seed",
        description: "the seed program as the source document gives it: program, results matrix, \
                      target groups, plans and learning model, no projects",
        json: SEED_JSON,
    },
];

/// The embedded portfolio called `name` (`example` or `seed`), if there is one.
pub fn by_name(name: &str) -> Option<Embedded> {
    EXAMPLES.iter().copied().find(|e| e.name == name)
}

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

/// The illustrative example program, parsed from [`EXAMPLE_JSON`]: the seed program with
/// 30 invented projects (both focus areas, all three levels, budgets and spending),
/// indicators of every measure over 2009–2011, the 14 project-leader meetings with
/// their evaluation answers, interim and final reports, lessons and learning-factor
/// assessments. Its figures are invented, and it says so (see the module docs).
///
/// # Panics
/// Never in a released build: the embedded JSON is fixed at compile time and the test
/// suite (`core/tests/example.rs`) checks that it parses and validates.
pub fn example() -> Portfolio {
    json::from_str(EXAMPLE_JSON)
        .expect("the embedded example.json is valid kartan JSON (checked by core/tests/example.rs)")
}
