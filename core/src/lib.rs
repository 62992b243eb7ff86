#![doc = include_str!("../../README.md")]
#![warn(missing_docs)]

pub mod analysis;
pub mod embedded;
pub mod io;
pub mod learning_report;
pub mod model;
mod sort;

/// The embedded example portfolios under their old path.
#[deprecated(note = "renamed `kartan::embedded` (cargo's `examples/` folder holds the runnable examples)")]
pub mod examples {
    pub use crate::embedded::*;
}

/// The learning report under its old path.
#[deprecated(note = "renamed `kartan::learning_report` (`kartan::Report` is the model's interim or final report)")]
pub mod report {
    pub use crate::learning_report::*;
}

pub use model::*;

// The model's IATI `Result` (a results-framework result) is `kartan::model::Result`
// only: this private import shadows the glob's, so that the crate root re-exports no
// `Result` and `use kartan::*` leaves std's `Result` alone.
#[allow(unused_imports, hidden_glob_reexports)]
use std::result::Result;
