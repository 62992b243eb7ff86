//! Prints the import report of IATI files; with `--json`, prints each file's portfolio as
//! kartan JSON instead.
fn main() {
    let json = std::env::args().any(|a| a == "--json");
    for path in std::env::args().skip(1).filter(|a| a != "--json") {
        if std::env::var_os("VALIDATE").is_some() {
            let (p, _) = kartan::io::iati::from_path(&path, &Default::default()).expect("importable IATI file");
            let as_of = chrono::NaiveDate::from_ymd_opt(2021, 7, 1).expect("a date");
            let mut codes = std::collections::BTreeMap::new();
            for d in kartan::analysis::validate(&p, as_of) {
                let e = codes.entry((d.severity, d.code.clone())).or_insert((0, d.message.clone()));
                e.0 += 1;
            }
            println!("== {path}");
            for ((sev, code), (n, msg)) in codes {
                println!("  {sev} {code} x{n}: {msg}");
            }
            continue;
        }
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
