//! The `kartan` command.

fn main() {
    println!("kartan {}", env!("CARGO_PKG_VERSION"));
}
