#![doc = include_str!("../../README.md")]
#![warn(missing_docs)]

pub mod analysis;
pub mod examples;
pub mod io;
pub mod model;
pub mod report;
mod sort;

pub use model::*;
