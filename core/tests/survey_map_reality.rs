//! Map-vs-reality vectors (`tests/vectors/map_reality/`): every file in the folder is a
//! case with a kartan JSON portfolio, an `as_of` date and the expected verdicts, plan
//! counts, unexpected results and each linked indicator's progress (a fraction as a
//! decimal string, or null). Also checks the tables built from the analysis.

use std::path::PathBuf;

use kartan::analysis::map_reality::{indicators_table, items_table, map_vs_reality, plans_table, unexpected_table};
use kartan::analysis::tables::Cell;
use serde_json::{json, Value};

fn folder() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/map_reality"))
}

fn code<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn every_map_reality_vector() {
    let mut files: Vec<_> = std::fs::read_dir(folder()).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 3);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let case: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let portfolio = kartan::io::json::from_slice(case["portfolio"].to_string().as_bytes()).unwrap();
        let as_of = case["as_of"].as_str().unwrap().parse().unwrap();
        let m = map_vs_reality(&portfolio, as_of);
        let want = &case["expected"];
        let items: Vec<Value> = m
            .items
            .iter()
            .map(|i| {
                json!({
                    "item": i.item, "level": code(&i.level), "column": code(&i.column), "evidence": i.evidence,
                    "sources": i.sources, "strongest": code(&i.strongest),
                    "indicators": i.indicators.iter().map(|l| json!({
                        "id": l.id, "project": l.project, "progress": l.progress.map(|p| p.to_string()),
                    })).collect::<Vec<_>>(),
                    "verdict": i.verdict.code(),
                })
            })
            .collect();
        assert_eq!(Value::Array(items), want["items"], "{name}: items");
        assert!(m.items.iter().all(|i| i.expected));
        // The answer's JSON form (what the bindings hand over) carries the same strings.
        let answer = serde_json::to_value(&m).unwrap();
        for (got, want) in answer["items"].as_array().unwrap().iter().zip(want["items"].as_array().unwrap()) {
            assert_eq!(got["indicators"], want["indicators"], "{name}: JSON of {}", want["item"]);
        }
        let plans: Vec<Value> = m
            .plans
            .iter()
            .map(|p| {
                json!({
                    "plan": p.plan, "planned": p.planned, "held": p.held, "open": p.open, "cancelled": p.cancelled,
                    "shortfall": p.shortfall, "last_held": p.last_held.map(|d| d.to_string()),
                })
            })
            .collect();
        assert_eq!(Value::Array(plans), want["plans"], "{name}: plans");
        let unexpected: Vec<Value> = m
            .unexpected
            .iter()
            .map(|g| {
                json!({
                    "level": code(&g.level),
                    "observations": g.observations.iter().map(|o| o.observation.clone()).collect::<Vec<_>>(),
                    "unknown_items": g.observations.iter().map(|o| o.unknown_item.clone()).collect::<Vec<_>>(),
                })
            })
            .collect();
        assert_eq!(Value::Array(unexpected), want["unexpected"], "{name}: unexpected");

        // Tables: one row per item / plan / unexpected observation / linked indicator,
        // cells of their column's type.
        for t in [items_table(&m, "en"), plans_table(&m, "en"), unexpected_table(&m, "en"), indicators_table(&m)] {
            t.check().unwrap();
        }
        assert_eq!(items_table(&m, "en").rows.len(), m.items.len());
        // `indicators_with_progress` counts the linked indicators with a fraction.
        let t = items_table(&m, "en");
        let col = t.column("indicators_with_progress").unwrap();
        let counted: Vec<i64> = t.rows.iter().map(|r| if let Cell::Int(n) = r[col] { n } else { -1 }).collect();
        let want_counts: Vec<i64> = want["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["indicators"].as_array().unwrap().iter().filter(|l| !l["progress"].is_null()).count() as i64)
            .collect();
        assert_eq!(counted, want_counts, "{name}: indicators_with_progress");
        // `map_indicators`: one row per item and linked indicator, progress exact.
        let rows: Vec<Value> = indicators_table(&m)
            .rows
            .iter()
            .map(|r| json!([r[0].to_string(), r[1].to_string(), code(&r[2]), code(&r[3])]))
            .collect();
        let want_rows: Vec<Value> = want["items"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|i| {
                i["indicators"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| json!([i["item"], l["id"], l["project"], l["progress"]]))
            })
            .collect();
        assert_eq!(rows, want_rows, "{name}: map_indicators");
    }
}

#[test]
fn the_seed_map_before_any_report() {
    let seed = kartan::embedded::seed();
    let m = map_vs_reality(&seed, "2012-12-31".parse().unwrap());
    assert_eq!(m.items.len(), 24);
    assert!(m.items.iter().all(|i| i.verdict == kartan::analysis::map_reality::Verdict::NoneYet));
    let plan = |id: &str| m.plans.iter().find(|p| p.plan == id).unwrap();
    let plm = plan("PLAN-PLM");
    assert_eq!((plm.planned, plm.held, plm.open, plm.shortfall), (Some(14), 0, 0, Some(14)));
    let theme = plan("PLAN-THEME");
    assert_eq!((theme.planned, theme.held, theme.open), (Some(3), 0, 2), "two publications recorded, neither dated");
    let closing = plan("PLAN-PLM-CLOSING");
    assert_eq!((closing.held, closing.open), (0, 1), "planned for 14-15 April, year unknown");
    assert!(m.unexpected.is_empty());
}
