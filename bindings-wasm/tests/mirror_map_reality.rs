//! Map-vs-reality answers against their TypeScript shape (see `common`).
#![cfg(all(not(target_arch = "wasm32"), feature = "learning"))]

mod common;

use kartan_wasm::views;

use common::{same_shape, vector_portfolios};

#[test]
fn map_reality_mirror_matches_the_core() {
    let mut checked = 0;
    for area in ["map_reality"] {
        for (name, p) in vector_portfolios(area) {
            for day in [(2011, 6, 30), (2030, 1, 1)] {
                let as_of = chrono::NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
                let m = kartan::analysis::map_reality::map_vs_reality(&p, as_of);
                same_shape::<views::MapReality>(&m, &format!("{name} map_vs_reality"));
                checked += 1;
            }
        }
    }
    let seed = kartan::examples::seed();
    let m = kartan::analysis::map_reality::map_vs_reality(&seed, chrono::NaiveDate::from_ymd_opt(2011, 6, 30).unwrap());
    assert_eq!(m.items.len(), seed.program.matrix.items().count());
    same_shape::<views::MapReality>(&m, "seed map_vs_reality");
    assert!(checked > 2);
}
