//! Analyses: validation, and the computations that answer the program's questions.
//!
//! An analysis reads the model and never the wall clock: anything that depends on
//! "today" takes an explicit `as_of` date.

mod validate;

pub use validate::{validate, CODES};
