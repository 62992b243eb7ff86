#![doc = include_str!("../../README.md")]
#![warn(missing_docs)]

pub mod analysis;
pub mod examples;
pub mod io;
pub mod model;
pub mod report;
mod sort;

pub use model::*;

// The model's IATI `Result` (a results-framework result) is `kartan::model::Result`
// only: this private import shadows the glob's, so that the crate root re-exports no
// `Result` and `use kartan::*` leaves std's `Result` alone.
#[allow(unused_imports, hidden_glob_reexports)]
use std::result::Result;
