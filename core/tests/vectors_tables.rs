//! Table vectors (`tests/vectors/tables/`): every file is a case with a kartan JSON
//! portfolio, an `as_of` date, a language and the expected columns and rows of the
//! projects, periods, progress and spending tables (`kartan::analysis::tables`), cells in their
//! JSON form (exact decimals as strings, dates `YYYY-MM-DD`). The Python suite checks
//! the same files (`bindings-python/tests/test_vectors_tables.py`).

use std::path::PathBuf;

use kartan::analysis::results::Band;
use kartan::analysis::tables::{
    periods_table, progress_table, projects_table, spending_table, Decimal128Column, DecimalColumn, Decimals, Table,
};
use serde_json::{json, Value};

fn cases() -> Vec<(String, Value)> {
    let folder = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/tables"));
    let mut files: Vec<_> = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty());
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap())
        })
        .collect()
}

fn tables(case: &Value) -> [Table; 4] {
    let portfolio = kartan::io::json::from_str(&case["portfolio"].to_string()).unwrap();
    let as_of = case["as_of"].as_str().unwrap().parse().unwrap();
    let lang = case["lang"].as_str().unwrap();
    [
        projects_table(&portfolio, lang),
        periods_table(&portfolio, lang),
        progress_table(&portfolio, as_of, &Band::default(), lang),
        spending_table(&portfolio),
    ]
}

#[test]
fn every_table_vector() {
    for (name, case) in cases() {
        let mut checked = 0;
        for table in tables(&case) {
            table.check().unwrap();
            // A case states the tables it checks.
            let Some(want) = case["expected"].get(&table.name) else { continue };
            checked += 1;
            let got = serde_json::to_value(&table).unwrap();
            let columns: Vec<Value> =
                got["columns"].as_array().unwrap().iter().map(|c| json!([c["name"], c["dtype"]])).collect();
            assert_eq!(Value::Array(columns), want["columns"], "{name}: {} columns", table.name);
            assert_eq!(got["rows"], want["rows"], "{name}: {} rows; got {}", table.name, got["rows"]);
        }
        assert!(checked > 0, "{name}: no table of the case is checked");
    }
}

#[test]
fn decimal_mode_for_arrow_keeps_every_digit() {
    for (name, case) in cases() {
        for table in tables(&case) {
            for (i, column) in table.columns.iter().enumerate() {
                let Some(exact) = table.decimal_column(i, Decimals::Exact) else { continue };
                let Ok(DecimalColumn::Exact(Decimal128Column { scale, values, .. })) = exact else {
                    panic!("{name}: {}.{} does not fit decimal128", table.name, column.name)
                };
                // Each unscaled value, put back at the column's scale, is the cell's decimal.
                for (row, value) in table.rows.iter().zip(values) {
                    let back = value.map(|v| rust_decimal::Decimal::from_i128_with_scale(v, scale as u32));
                    let cell = match &row[i] {
                        kartan::analysis::tables::Cell::Decimal(d) => Some(*d),
                        _ => None,
                    };
                    assert_eq!(back, cell, "{name}: {}.{}", table.name, column.name);
                }
            }
        }
    }
}
