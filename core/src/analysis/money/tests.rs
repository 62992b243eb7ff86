use super::*;
use crate::model::{
    Budget, BudgetKind, DateRange, Level, Money, Organisation, OrganisationKind, Program, Text, Transaction,
};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn budget(year: i32, amount: &str, currency: &str) -> Budget {
    Budget {
        kind: BudgetKind::Original,
        period: DateRange::between(
            NaiveDate::from_ymd_opt(year, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(year, 12, 31).unwrap(),
        ),
        value: Money::new(dec(amount), currency),
        indicative: false,
        value_date: None,
    }
}

fn tx(t: TransactionType, date: &str, amount: &str, currency: &str) -> Transaction {
    Transaction {
        reference: None,
        transaction_type: t,
        date: Some(date.parse().unwrap()),
        value: Money::new(dec(amount), currency),
        value_date: None,
        description: Text::default(),
        provider: None,
        receiver: None,
        humanitarian: None,
        carried: Default::default(),
    }
}

fn portfolio() -> Portfolio {
    let mut p = Portfolio::new("en", Program::new("PRG", Text::default()));
    p.organisations.push(Organisation {
        id: "ORG-1".into(),
        name: Text::default(),
        kind: Some(OrganisationKind::Municipality),
        level: None,
        iati_type: None,
        region: None,
    });
    let mut a = Project::new("A", Text::default());
    a.owner = Some("ORG-1".into());
    a.levels = vec![Level::Local, Level::Regional];
    a.budgets = vec![budget(2023, "100", "SEK"), budget(2024, "300", "SEK")];
    a.transactions = vec![
        tx(TransactionType::Disbursement, "2023-05-01", "40", "SEK"),
        tx(TransactionType::Expenditure, "2024-05-01", "80", "SEK"),
        tx(TransactionType::OutgoingCommitment, "2023-02-01", "400", "SEK"),
        tx(TransactionType::IncomingFunds, "2023-01-01", "1000", "SEK"),
    ];
    let mut b = Project::new("B", Text::default());
    b.owner = Some("nobody".into());
    b.budgets = vec![budget(2024, "50", "EUR")];
    p.projects = vec![a, b, Project::new("C", Text::default())];
    p
}

fn rows(by: GroupBy, rates: Option<&RateTable>) -> Vec<String> {
    let m = money_table(&portfolio(), by, rates);
    m.table.check().unwrap();
    m.table.rows.iter().map(|r| r.iter().map(|c| format!("{c}")).collect::<Vec<_>>().join("|")).collect()
}

#[test]
fn group_names_read_back() {
    for by in GroupBy::ALL {
        assert_eq!(by.name().parse::<GroupBy>(), Ok(by));
    }
    assert_eq!(
        "sector".parse::<GroupBy>().unwrap_err().to_string(),
        "cannot group money by \"sector\": expected project, program, focus_area, level, owner_kind or year"
    );
}

#[test]
fn each_grouping_by_hand() {
    // A: budget 100 + 300 = 400 SEK, spent 40 + 80 = 120 (the commitment of 400 and the
    // incoming 1000 are not spending), absorption 120 / 400 = 0.3; 4 transactions.
    assert_eq!(rows(GroupBy::Project, None), ["A|SEK|400||400|120|280|0.3|4|", "B|EUR|50||||||0|", "C||||||||0|"]);
    // One program: the currencies stay apart.
    assert_eq!(rows(GroupBy::Program, None), ["PRG|EUR|50||||||0|", "PRG|SEK|400||400|120|280|0.3|4|"]);
    // A is at two levels and counts at each; B and C have none.
    assert_eq!(
        rows(GroupBy::Level, None),
        ["local|SEK|400||400|120|280|0.3|4|", "regional|SEK|400||400|120|280|0.3|4|", "|EUR|50||||||0|"]
    );
    // B's owner is not in the portfolio, C has none: both not known.
    assert_eq!(rows(GroupBy::OwnerKind, None), ["municipality|SEK|400||400|120|280|0.3|4|", "|EUR|50||||||0|"]);
    assert_eq!(rows(GroupBy::FocusArea, None), ["|EUR|50||||||0|", "|SEK|400||400|120|280|0.3|4|"]);
    // 2023: budget 100, committed 400, spent 40 (0.4); 2024: 300 SEK and 50 EUR apart,
    // spent 80 of 300 = 0.2666… (28 significant digits).
    assert_eq!(
        rows(GroupBy::Year, None),
        [
            "2023|SEK|100||400|40|60|0.4|3|",
            "2024|EUR|50||||||0|",
            "2024|SEK|300|||80|220|0.2666666666666666666666666667|1|"
        ]
    );
}

#[test]
fn conversion_sums_currencies_and_a_missing_rate_is_null_with_a_diagnostic() {
    let rates = RateTable::from_csv("r.csv", b"date,currency,rate_to_SEK\n2024-01-01,EUR,11.5\n").unwrap();
    // B: 50 EUR × 11.5 = 575 SEK; A is in SEK already (rate 1).
    assert_eq!(rows(GroupBy::Program, Some(&rates)), ["PRG|SEK|975||400|120|855|0.1230769230769230769230769231|4|0"]);
    let early = RateTable::from_csv("r.csv", b"date,currency,rate_to_SEK\n2024-06-01,EUR,11.5\n").unwrap();
    // The EUR budget line is valued at its period's start, 2024-01-01: no rate yet.
    let m = money_table(&portfolio(), GroupBy::Program, Some(&early));
    assert_eq!(m.table.rows[0][2], Cell::Null);
    assert_eq!(m.table.rows[0][5], Cell::Decimal(dec("120")));
    assert_eq!(m.table.rows[0][9], Cell::Int(1));
    assert_eq!(m.diagnostics.len(), 1);
    assert_eq!(m.diagnostics[0].code, "missing-rate");
    assert_eq!(m.diagnostics[0].path, "/projects/1/budgets/0");
    assert_eq!(
        m.diagnostics[0].message,
        "no rate for EUR on 2024-01-01 in the rate table: the amount 50 EUR is not converted, and its row's budget is null (never 0)"
    );
}
