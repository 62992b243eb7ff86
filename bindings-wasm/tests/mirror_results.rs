//! The results engine's answers against their TypeScript shapes, on every shared
//! results vector's portfolio and every indicator in it (see `common`).
#![cfg(all(not(target_arch = "wasm32"), feature = "results"))]

mod common;

use kartan::analysis::results::{Periods, ResultsExt};
use kartan_wasm::views;

use common::{same_shape, vector_portfolios};

#[test]
fn results_mirrors_match_the_core() {
    let as_of = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let mut checked = 0;
    for (name, p) in vector_portfolios("results") {
        let ids: Vec<String> = p.indicators().map(|(_, i)| i.id.clone()).collect();
        for id in &ids {
            if let Ok(v) = p.period_values(id) {
                same_shape::<views::IndicatorValues>(&v, &format!("{name} {id} period_values"));
                checked += 1;
            }
            if let Ok(v) = p.indicator_progress(id, as_of) {
                same_shape::<views::IndicatorProgress>(&v, &format!("{name} {id} progress"));
                checked += 1;
            }
            for periods in [Periods::Yearly, Periods::Quarterly] {
                if let Ok(v) = p.rollup(id, &periods) {
                    same_shape::<views::Rollup>(&v, &format!("{name} {id} rollup"));
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} answers checked");
}
