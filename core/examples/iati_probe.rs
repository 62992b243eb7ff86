//! Prints the import report of IATI files (a development aid).
fn main() {
    for path in std::env::args().skip(1) {
        match kartan::io::iati::from_path(&path, &Default::default()) {
            Ok((p, r)) => {
                println!(
                    "== {path}: {} projects, {} orgs, program {:?} {}",
                    p.projects.len(),
                    p.organisations.len(),
                    p.program.id,
                    p.program.title
                );
                println!("{}", serde_json::to_string_pretty(&r).unwrap());
            }
            Err(e) => println!("== {path}: ERROR {e}"),
        }
    }
}
