//! Prints the import report of IATI files; with `--json`, prints each file's portfolio as
//! kartan JSON instead.
fn main() {
    let json = std::env::args().any(|a| a == "--json");
    for path in std::env::args().skip(1).filter(|a| a != "--json") {
        if json {
            let (p, _) = kartan::io::iati::from_path(&path, &Default::default()).expect("importable IATI file");
            println!("{}", kartan::io::json::to_string(&p));
            continue;
        }
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
