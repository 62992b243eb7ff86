//! IATI import of a 47 MB file (the activities of `results_nl_ngos_2021.xml` repeated 8
//! times, each copy's identifiers made unique) beside its floor: a bare quick-xml event
//! loop that counts elements and attributes. Goal (issue 4): the full import within 2×
//! the floor. Measured on all cores (the default) and on one thread.
//!
//! Run: `cargo bench -p kartan --bench iati_import -- --warm-up-time 1 --measurement-time 10`.
//! The 200 MB figures of the closing notes come from `bench/README.md`'s recipe.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kartan::io::iati::{from_slice, ImportOptions};

#[path = "support/iati_floor.rs"]
mod iati_floor;
use iati_floor::floor;

const SOURCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/results_nl_ngos_2021.xml");
const COPIES: usize = 8;

/// The source's activities `COPIES` times, identifiers suffixed `-c<copy>` (as
/// `bench/make_big_iati.py` does, without its `related-activity` rewrite: a link that
/// names the first copy is still a valid link).
fn big_file() -> Vec<u8> {
    let text = std::fs::read_to_string(SOURCE).expect("the real IATI file");
    let start = text.find("<iati-activity ").expect("an activity");
    let end = text.rfind("</iati-activities>").expect("the root end tag");
    let (head, body) = (&text[..start], &text[start..end]);
    let mut out = String::with_capacity(text.len() * COPIES);
    out.push_str(head);
    for copy in 0..COPIES {
        let mut rest = body;
        while let Some(i) = rest.find("</iati-identifier>") {
            out.push_str(&rest[..i]);
            out.push_str(&format!("-c{copy}"));
            rest = &rest[i..];
            out.push_str("</iati-identifier>");
            rest = &rest["</iati-identifier>".len()..];
        }
        out.push_str(rest);
    }
    out.push_str("</iati-activities>\n");
    out.into_bytes()
}

fn iati_import(c: &mut Criterion) {
    let bytes = big_file();
    let mut group = c.benchmark_group("iati_import");
    group.sample_size(10).throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("floor", |b| b.iter(|| floor(black_box(&bytes))));
    for (name, options) in [("import", ImportOptions::new()), ("import_one_thread", ImportOptions::new().threads(1))] {
        group.bench_function(name, |b| {
            b.iter_with_large_drop(|| from_slice(black_box(&bytes), &options).expect("importable file"))
        });
    }
    group.finish();
}

criterion_group!(benches, iati_import);
criterion_main!(benches);
