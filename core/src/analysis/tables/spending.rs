//! The spending table: planned (budgets) against realised (transactions), per project
//! and currency — the money half of "did the map match reality?" (issue 15).

use rust_decimal::Decimal;

use super::{Cell, DType, Table};
use crate::model::{add_amount, totals_by_currency, Portfolio, Project, TransactionType};

/// The table's name.
pub const SPENDING_TABLE: &str = "spending";

/// The columns of [`spending_table`], in order.
///
/// One row per project and currency (amounts in different currencies are never added),
/// the currencies sorted; a project with no budget and no transaction has one row with
/// a null `currency`.
/// - `planned`: the exact sum of the effective budget lines in the currency (a revision
///   replaces the original of its period), null when there is none;
/// - `committed`, `disbursed`, `expended`, `received`: the exact sums of the outgoing
///   commitments (IATI transaction type 2), disbursements (3), expenditures (4) and
///   incoming funds (1) in the currency, negative corrections included; null when none
///   of that type is recorded (never 0 for "not reported");
/// - `spent`: `disbursed` + `expended` (the money that left the project), null when
///   neither is recorded;
/// - `remaining`: `planned` − `spent`, when both are known;
/// - `used`: `spent` ÷ `planned`, a **fraction** (0.5 is half the plan spent, above 1
///   an overspend; exact to 28 significant digits, trailing zeros dropped), null when
///   either is unknown or `planned` is not above 0;
/// - `transactions`: how many transactions the project records in the currency.
///
/// A sum past the amount limit ([`crate::AMOUNT_LIMIT`]) is null, never rounded
/// (`kartan validate` reports it).
pub const SPENDING_COLUMNS: [(&str, DType); 12] = [
    ("project", DType::String),
    ("focus_area", DType::String),
    ("currency", DType::String),
    ("planned", DType::Decimal),
    ("committed", DType::Decimal),
    ("disbursed", DType::Decimal),
    ("expended", DType::Decimal),
    ("spent", DType::Decimal),
    ("remaining", DType::Decimal),
    ("used", DType::Decimal),
    ("received", DType::Decimal),
    ("transactions", DType::Int),
];

/// Planned against realised money, per project and currency (columns:
/// [`SPENDING_COLUMNS`]), projects in order.
pub fn spending_table(portfolio: &Portfolio) -> Table {
    let mut table = Table::new(SPENDING_TABLE, &SPENDING_COLUMNS);
    for project in &portfolio.projects {
        for row in project_rows(project) {
            table.push(row);
        }
    }
    table
}

/// The sums of one currency, by IATI type code − 1: `None` for a type never recorded,
/// `Some(None)` for a sum past the amount limit.
#[derive(Default)]
struct Sums {
    by_type: [Option<Option<Decimal>>; 13],
    count: usize,
}

impl Sums {
    fn get(&self, t: TransactionType) -> Option<Decimal> {
        self.by_type.get(usize::from(t.code()).wrapping_sub(1)).copied().flatten().flatten()
    }
}

fn project_rows(project: &Project) -> Vec<Vec<Cell>> {
    let planned = totals_by_currency(&project.budgets);
    // (currency, sums), a few entries: a list, not a map (the WebAssembly module).
    let mut realised: Vec<(&str, Sums)> = Vec::new();
    for t in &project.transactions {
        let currency = t.value.currency.as_str();
        let at = match realised.iter().position(|(c, _)| *c == currency) {
            Some(at) => at,
            None => {
                realised.push((currency, Sums::default()));
                realised.len() - 1
            }
        };
        let sums = &mut realised[at].1;
        sums.count += 1;
        if let Some(slot) = sums.by_type.get_mut(usize::from(t.transaction_type.code()).wrapping_sub(1)) {
            *slot = Some(add_amount(slot.unwrap_or(Some(Decimal::ZERO)), t.value.amount));
        }
    }
    let mut currencies: Vec<&str> = planned.keys().copied().chain(realised.iter().map(|(c, _)| *c)).collect();
    crate::sort::sort_unstable(&mut currencies);
    currencies.dedup();
    let focus_area = Cell::from(project.focus_area.clone());
    if currencies.is_empty() {
        let mut row = vec![project.id.as_str().into(), focus_area];
        row.resize(SPENDING_COLUMNS.len() - 1, Cell::Null);
        row.push(0usize.into());
        return vec![row];
    }
    let none = Sums::default();
    currencies
        .into_iter()
        .map(|currency| {
            let plan = planned.get(currency).copied().flatten();
            let sums = realised.iter().find(|(c, _)| *c == currency).map_or(&none, |(_, s)| s);
            let (disbursed, expended) =
                (sums.get(TransactionType::Disbursement), sums.get(TransactionType::Expenditure));
            let spent = match (disbursed, expended) {
                (None, None) => None,
                (a, b) => a.unwrap_or_default().checked_add(b.unwrap_or_default()),
            };
            let (remaining, used) = remaining_and_used(plan, spent);
            vec![
                project.id.as_str().into(),
                focus_area.clone(),
                currency.into(),
                plan.into(),
                sums.get(TransactionType::OutgoingCommitment).into(),
                disbursed.into(),
                expended.into(),
                spent.into(),
                remaining.into(),
                used.into(),
                sums.get(TransactionType::IncomingFunds).into(),
                sums.count.into(),
            ]
        })
        .collect()
}

/// `planned` − `spent` and `spent` ÷ `planned` (a fraction, trailing zeros dropped), when
/// both are known; the fraction only when `planned` is above 0. The one computation of
/// the spending and money tables.
pub(crate) fn remaining_and_used(
    planned: Option<Decimal>,
    spent: Option<Decimal>,
) -> (Option<Decimal>, Option<Decimal>) {
    let Some((p, s)) = planned.zip(spent) else { return (None, None) };
    let used = if p > Decimal::ZERO { s.checked_div(p).map(|u| u.normalize()) } else { None };
    (p.checked_sub(s), used)
}
