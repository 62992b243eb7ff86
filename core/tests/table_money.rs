//! Several money columns of a table of projects read as budget lines and transactions
//! (`[[budgets]]`, `[[transactions]]` in a mapping; issue 15): the real Projektbanken
//! file through the shipped mapping, a list of operations with planned, granted,
//! paid-out and EU co-financing columns, and the bad cells and mappings that must be
//! reported with their place. The Projektbanken figures were computed from the JSON
//! file independently by `tests/reference/cohesion_reference.py`.

use kartan::analysis::money::{money_table, GroupBy};
use kartan::analysis::tables::{Cell, Table};
use kartan::io::table::{import_projects, read_table, read_table_bytes, ProjectMapping, SourceKind};
use kartan::{BudgetKind, Program, Text, TransactionType};
use rust_decimal::Decimal;

const COHESION: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/cohesion/");
const MAPPINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mappings/");

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn column(t: &Table, name: &str) -> Vec<Cell> {
    let i = t.columns.iter().position(|c| c.name == name).unwrap();
    t.rows.iter().map(|r| r[i].clone()).collect()
}

#[test]
fn projektbanken_grants_are_budgets_and_commitments() {
    let mapping = ProjectMapping::load(format!("{MAPPINGS}projektbanken.toml")).unwrap();
    let table = read_table(
        format!("{COHESION}se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json"),
        &mapping.source,
    )
    .unwrap();
    let imp = import_projects(&table, &mapping).unwrap();
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    let p = &imp.projects[0];
    assert_eq!(p.transactions.len(), 1);
    let t = &p.transactions[0];
    assert_eq!(t.transaction_type, TransactionType::OutgoingCommitment);
    assert_eq!(t.date.unwrap().to_string(), "2017-01-02", "the planned start");
    assert_eq!((t.value.amount, t.value.currency.as_str()), (dec("3929285"), "SEK"));
    let portfolio = imp.into_portfolio("sv", Program::new("erdf", Text::one("sv", "Regionalfonden")));
    assert_eq!(portfolio.projects.iter().map(|p| p.transactions.len()).sum::<usize>(), 374);

    // By year: the budget line starts with the project, the commitment is dated at its
    // start, so both give the granted SEK per start year; nothing is spent.
    let money = money_table(&portfolio, GroupBy::Year, None).table;
    assert_eq!(column(&money, "year"), [2014, 2015, 2016, 2017].map(Cell::Int));
    assert_eq!(column(&money, "currency"), vec![Cell::String("SEK".into()); 4]);
    let want = ["347728856", "2198676487", "1804103523", "3929285"].map(|s| Cell::Decimal(dec(s)));
    assert_eq!(column(&money, "budget"), want);
    assert_eq!(column(&money, "committed"), want);
    assert_eq!(column(&money, "spent"), vec![Cell::Null; 4], "a commitment is never spending");
    let total: Decimal = want.iter().map(|c| if let Cell::Decimal(d) = c { *d } else { Decimal::ZERO }).sum();
    assert_eq!(total, dec("4354438151"));
}

/// A list of operations with a planned and a granted amount, the amount paid out (with
/// its date), and the EU co-financing in euro.
const LIST: &str = "\
id,title,start,end,planned_sek,granted_sek,paid_sek,paid_on,eu_eur
OP-1,Broadband,2019-03-01,2021-12-31,1000000,900000.50,450000,2020-06-30,40000
OP-2,Skills,2020-01-01,2022-06-30,500000,,n/a,2021-02-01,
OP-3,Harbour,2021-05-01,2023-04-30,2500000,2600000,,,120000.25
";

const MAPPING: &str = r#"
kind = "projects"
[columns]
id = "id"
title = "title"
start = "start"
end = "end"
currency = { value = "SEK" }

[[budgets]]
amount = "planned_sek"

[[budgets]]
amount = "granted_sek"
kind = "revised"

[[transactions]]
amount = "paid_sek"
type = "disbursement"
date = "paid_on"

[[transactions]]
amount = "eu_eur"
currency = { value = "EUR" }
type = "incoming_funds"
date = "end"
"#;

#[test]
fn planned_granted_paid_and_co_financing_columns() {
    let mapping = ProjectMapping::from_toml(MAPPING, "operations.toml").unwrap();
    let again = ProjectMapping::from_toml(&mapping.to_toml().unwrap(), "again.toml").unwrap();
    assert_eq!(again, mapping, "the mapping round-trips through TOML");
    let table = read_table_bytes(LIST.as_bytes(), "operations.csv", SourceKind::Csv, &mapping.source).unwrap();
    let imp = import_projects(&table, &mapping).unwrap();
    let op1 = &imp.projects[0];
    let budgets: Vec<(BudgetKind, String)> =
        op1.budgets.iter().map(|b| (b.kind, format!("{} {}", b.value.amount, b.value.currency))).collect();
    assert_eq!(
        budgets,
        [(BudgetKind::Original, "1000000 SEK".to_owned()), (BudgetKind::Revised, "900000.50 SEK".to_owned())]
    );
    assert_eq!(op1.budgets[1].period, op1.planned, "over the project's planned dates");
    let txs: Vec<String> = op1
        .transactions
        .iter()
        .map(|t| format!("{} {} {} {}", t.transaction_type.code(), t.date.unwrap(), t.value.amount, t.value.currency))
        .collect();
    assert_eq!(txs, ["3 2020-06-30 450000 SEK", "1 2021-12-31 40000 EUR"]);

    // "n/a" paid out is no number: skipped with its row and column, never a 0.
    let op2 = &imp.projects[1];
    assert!(op2.transactions.is_empty());
    assert_eq!(imp.report.skipped.len(), 1, "{:?}", imp.report.skipped);
    let skip = &imp.report.skipped[0];
    assert_eq!((skip.place.row, skip.place.column.as_deref()), (3, Some("paid_sek")));
    assert_eq!(skip.field.as_deref(), Some("transactions"));
    assert!(skip.reason.starts_with("transaction: "), "{}", skip.reason);
    assert_eq!(imp.report.lost("transactions"), 1);

    // Per currency, revised replaces original, spent is the disbursement only; the EU
    // co-financing is money received (incoming funds), in euro, never added to SEK.
    let portfolio = imp.into_portfolio("en", Program::new("ops", Text::one("en", "Operations")));
    let money = money_table(&portfolio, GroupBy::Program, None).table;
    assert_eq!(column(&money, "currency"), [Cell::String("EUR".into()), Cell::String("SEK".into())]);
    // SEK: 900000.50 (OP-1 revised) + 500000 (OP-2) + 2600000 (OP-3 revised).
    assert_eq!(column(&money, "budget"), [Cell::Null, Cell::Decimal(dec("4000000.50"))]);
    assert_eq!(column(&money, "spent"), [Cell::Null, Cell::Decimal(dec("450000"))]);
    assert_eq!(column(&money, "transactions"), [Cell::Int(2), Cell::Int(1)]);
}

#[test]
fn a_strict_import_stops_at_the_non_number() {
    let mut mapping = ProjectMapping::from_toml(MAPPING, "operations.toml").unwrap();
    mapping.strict = true;
    let table = read_table_bytes(LIST.as_bytes(), "operations.csv", SourceKind::Csv, &mapping.source).unwrap();
    let e = import_projects(&table, &mapping).unwrap_err().to_string();
    assert!(e.starts_with("operations.csv: row 3, column \"paid_sek\""), "{e}");
}

#[test]
fn an_unknown_type_or_kind_is_a_located_mapping_error() {
    let bad = MAPPING.replace("type = \"disbursement\"", "type = \"payment\"");
    let e = ProjectMapping::from_toml(&bad, "operations.toml").unwrap_err().to_string();
    assert!(e.starts_with("operations.toml: at transactions[0]: unknown type \"payment\": expected an IATI transaction type by name (disbursement, expenditure, outgoing_commitment …) or code (1-13)"), "{e}");
    assert!(e.ends_with("at line 17 column 1"), "{e}");
    let bad = MAPPING.replace("kind = \"revised\"", "kind = \"granted\"");
    let e = ProjectMapping::from_toml(&bad, "operations.toml").unwrap_err().to_string();
    assert_eq!(e, "operations.toml: at budgets[1]: unknown kind \"granted\": expected \"original\" or \"revised\" at line 13 column 1");
    let bad = MAPPING.replace("amount = \"planned_sek\"", "amount = \"planned_sek\"\nkinds = \"original\"");
    let e = ProjectMapping::from_toml(&bad, "operations.toml").unwrap_err().to_string();
    assert!(e.starts_with("operations.toml: at budgets[0]: unknown field `kinds`, expected one of `amount`"), "{e}");
    // An IATI code is a type too.
    let by_code = MAPPING.replace("type = \"disbursement\"", "type = \"3\"");
    assert_eq!(
        ProjectMapping::from_toml(&by_code, "operations.toml").unwrap(),
        ProjectMapping::from_toml(MAPPING, "operations.toml").unwrap()
    );
    let bad = MAPPING.replace("date = \"end\"\n", "");
    let e = ProjectMapping::from_toml(&bad, "operations.toml").unwrap_err().to_string();
    assert!(e.starts_with("operations.toml: at transactions[1].date: date missing: a transaction needs a date"), "{e}");
    assert!(e.contains("at line "), "{e}");
    let bad = MAPPING.replace("kind = \"revised\"", "kind = \"revised\"\ndate = \"paid_on\"");
    let e = ProjectMapping::from_toml(&bad, "operations.toml").unwrap_err().to_string();
    assert!(e.starts_with("operations.toml: at budgets[1].date: date is a transaction's"), "{e}");
    let bad = MAPPING.replace("amount = \"planned_sek\"", "amount = { split = \",\" }");
    let e = ProjectMapping::from_toml(&bad, "operations.toml").unwrap_err().to_string();
    assert!(e.contains("budgets[0].amount names neither a column nor a value"), "{e}");
}

#[test]
fn transaction_type_names_are_the_model_names() {
    for (t, name) in TransactionType::ALL.iter().zip(kartan::io::table::TRANSACTION_TYPE_NAMES) {
        assert_eq!(serde_json::to_value(t).unwrap(), name);
    }
}
