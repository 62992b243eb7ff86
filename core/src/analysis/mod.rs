//! Analyses: validation, and the computations that answer the program's questions.
//!
//! An analysis reads the model and never the wall clock: anything that depends on
//! "today" takes an explicit `as_of` date.

pub mod activities;
pub mod breakdown;
pub mod learning;
pub mod map_reality;
pub mod money;
pub mod survey;
pub mod tables;
mod validate;

pub use validate::{validate, CODES};
pub mod results;

#[allow(deprecated)]
pub use results::ResultsExt;
pub use results::{IndicatorQuery, Periods, ResultsIndex};
