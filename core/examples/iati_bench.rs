//! Measures the IATI import against its floor, side by side on one file.
//!
//! ```text
//! python3 bench/make_big_iati.py /tmp/iati-big.xml
//! cargo run --release -p kartan --example iati_bench -- /tmp/iati-big.xml [runs]
//! /usr/bin/time -v target/release/examples/iati_bench /tmp/iati-big.xml --import-only
//! ```
//!
//! * floor: a bare quick-xml event loop over the bytes that only counts elements and
//!   attributes;
//! * import: `kartan::io::iati::from_slice` building the whole portfolio and report;
//! * reader: `kartan::io::iati::from_reader` over the same bytes (4 MB segments), the
//!   portfolio dropped inside the timing;
//! * stream: `kartan::io::iati::for_each_activity` over the same bytes, each project
//!   dropped as it comes (memory flat).
//!
//! Both read the same bytes from memory; the best of `runs` (default 3) is reported.
//! `--import-only` imports the file once with `from_path`, which streams it (for the
//! peak-memory measurement: the file is never held whole).

use std::time::{Duration, Instant};

#[path = "../benches/support/iati_floor.rs"]
mod iati_floor;
use iati_floor::floor;

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut out = None;
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        out = Some(v);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: iati_bench FILE.xml [runs] [--import-only] [--one-thread]");
        std::process::exit(2);
    };
    let import_only = args.iter().any(|a| a == "--import-only");
    let runs: usize = args.iter().skip(1).find_map(|a| a.parse().ok()).unwrap_or(3);
    let mut options = kartan::io::iati::ImportOptions::new();
    if args.iter().any(|a| a == "--one-thread") {
        options = options.threads(1);
    }
    if import_only {
        let t = Instant::now();
        let (p, r) = kartan::io::iati::from_path(path, &options).expect("importable file");
        let mb = std::fs::metadata(path).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);
        println!(
            "{mb:.1} MB streamed from disk in {:.3} s: {} projects, {} indicators, {} diagnostics",
            t.elapsed().as_secs_f64(),
            p.projects.len(),
            r.count("indicator"),
            r.diagnostics.len()
        );
        // Not dropped: the process ends (a profile of the import shows the import only).
        std::mem::forget(p);
        return;
    }
    let t = Instant::now();
    let bytes = std::fs::read(path).expect("readable file");
    let read = t.elapsed();
    let mb = bytes.len() as f64 / 1e6;
    let (t_floor, (elements, attributes)) = best(runs, || floor(&bytes));
    let (t_import, (p, r)) = best(runs, || kartan::io::iati::from_slice(&bytes, &options).expect("importable file"));
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!("file: {path}, {mb:.1} MB, read in {:.3} s", read.as_secs_f64());
    println!(
        "floor  (quick-xml events, {elements} elements, {attributes} attributes): {:.3} s, {:.0} MB/s",
        t_floor.as_secs_f64(),
        rate(t_floor)
    );
    println!(
        "import (kartan portfolio, {} projects, {} indicators, {} periods): {:.3} s, {:.0} MB/s",
        p.projects.len(),
        r.count("indicator"),
        r.count("period"),
        t_import.as_secs_f64(),
        rate(t_import)
    );
    drop(p);
    let one = options.clone().threads(1);
    let (t_one, one_thread) = best(runs, || kartan::io::iati::from_slice(&bytes, &one).expect("importable file"));
    drop(one_thread);
    println!("import on one thread (threads(1)): {:.3} s, {:.0} MB/s", t_one.as_secs_f64(), rate(t_one));
    // The same import from a reader (4 MB segments), the portfolio dropped inside the
    // timing, as the stream drops each project.
    let (t_reader, ()) = best(runs, || {
        let (p, _) = kartan::io::iati::from_reader(&bytes[..], &options).expect("importable file");
        drop(p);
    });
    println!(
        "reader (from_reader in segments, portfolio dropped): {:.3} s, {:.0} MB/s",
        t_reader.as_secs_f64(),
        rate(t_reader)
    );
    let (t_stream, n) = best(runs, || {
        let mut n = 0u64;
        let each = |_| {
            n += 1;
            Ok::<(), std::convert::Infallible>(())
        };
        kartan::io::iati::for_each_activity(&bytes[..], &options, each).expect("importable file");
        n
    });
    println!(
        "stream (for_each_activity, {n} projects handed out): {:.3} s, {:.0} MB/s",
        t_stream.as_secs_f64(),
        rate(t_stream)
    );
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    println!(
        "import / floor = {:.2}x ({threads} threads); on one thread: {:.2}x",
        t_import.as_secs_f64() / t_floor.as_secs_f64(),
        t_one.as_secs_f64() / t_floor.as_secs_f64()
    );
}
