//! Examples live beside this crate as `cargo run -p kartan-examples --example …`.
