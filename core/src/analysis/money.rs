//! Money, grouped: budget against commitments and spending by project, program, focus
//! area, level, owner kind or year, per currency, and converted to one currency only
//! with a rate table the user gives (issue 15, "did we spend what we planned?").
//!
//! The rules, and where each comes from:
//! - **budget** is the sum of the *effective* budget lines: within each project a revised
//!   line replaces the original of its period, never adds to it (DESIGN.md "Project";
//!   [`crate::effective_budgets`]);
//! - **planned_disbursements** is the sum of the *effective* planned disbursements
//!   (IATI `planned-disbursement`: what funders plan to pay in a period; a revision
//!   replaces the original of its period, as for budgets), set against **spent** by year
//!   it answers "did the program pay what it planned each year?";
//! - **committed** is the sum of outgoing commitments (IATI TransactionType 2), **spent**
//!   the sum of disbursements (3) and expenditures (4): money promised is not money spent,
//!   so a commitment is never added to spending (DESIGN.md "Transaction"); incoming funds,
//!   incoming commitments, pledges, loans and the other types count in `transactions` only;
//! - amounts in different currencies are never added: one row per group and currency
//!   (DESIGN.md "Transaction"), unless a [`RateTable`] converts every amount to its
//!   target currency first — then each group has one row, in the target currency;
//! - a conversion uses the rate in force on the amount's value date (a transaction's
//!   `value_date`, else its `date`; a budget line's or planned disbursement's
//!   `value_date`, else the start of its period), as IATI defines `value/@value-date`; an amount with no rate, or no date to
//!   find one, gives a `missing-rate` diagnostic and leaves its figure null — never 0,
//!   and never a sum of the amounts that did convert (a peer tool's known fault: no rate
//!   gives a silent 0 USD);
//! - "not reported" is null, never 0 (DESIGN.md rule 8: nothing misstated).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::tables::{remaining_and_used, tag, Cell, DType, Table};
use crate::model::{
    add_amount, effective_budgets, effective_planned_disbursements, Diagnostic, Portfolio, Project, TransactionType,
};

mod rates;

pub use rates::{Rate, RateTable, RateTableError, RateTableErrorKind};

/// The table's name.
pub const MONEY_TABLE: &str = "money";

/// What [`money_table`] groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GroupBy {
    /// Each project (its id), in the portfolio's order.
    Project,
    /// The program (its id): all projects together (the program's own budget lines, its
    /// envelope, are not added: the projects' lines share it out and would count twice).
    Program,
    /// The project's focus area (its id); null for a project with none.
    FocusArea,
    /// Each of the project's levels (`national`, `regional`, `local`): a project at two
    /// levels counts at each, so the rows of two levels must not be added; null for a
    /// project with no level.
    Level,
    /// The kind of the project's owner (the organisation's `kind`, e.g. `municipality`);
    /// null when the owner or its kind is not known.
    OwnerKind,
    /// The calendar year (an integer) of a budget line's or planned disbursement's
    /// period start and of a transaction's date; null when not known.
    Year,
}

impl GroupBy {
    /// Every grouping, in order.
    pub const ALL: [GroupBy; 6] =
        [Self::Project, Self::Program, Self::FocusArea, Self::Level, Self::OwnerKind, Self::Year];

    /// The grouping's name, also the name of the table's first column: `project`,
    /// `program`, `focus_area`, `level`, `owner_kind`, `year`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Project => "project",
            Self::Program => "program",
            Self::FocusArea => "focus_area",
            Self::Level => "level",
            Self::OwnerKind => "owner_kind",
            Self::Year => "year",
        }
    }
}

impl fmt::Display for GroupBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A grouping name that is none of [`GroupBy::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot group money by {0:?}: expected project, program, focus_area, level, owner_kind or year")]
pub struct UnknownGroupBy(pub String);

impl FromStr for GroupBy {
    type Err = UnknownGroupBy;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|g| g.name() == s).ok_or_else(|| UnknownGroupBy(s.to_owned()))
    }
}

/// The columns of [`money_table`] grouped by `by`, in order.
///
/// - the first column is named after the grouping ([`GroupBy::name`]): text, or an
///   integer for `year`; null for "not known";
/// - `currency`: the ISO 4217 code of the row's amounts; with a rate table, the target's
///   code when the table's header names it (`rate_to_SEK`), else null; null also for a
///   group with no money recorded at all;
/// - `budget`, `planned_disbursements`, `committed`, `spent`: exact sums (rules in the module docs), null when
///   none is recorded, when an amount has no rate, or when the sum passes the amount
///   limit ([`crate::AMOUNT_LIMIT`]);
/// - `remaining`: `budget` − `spent`, when both are known (negative: an overspend);
/// - `absorption`: `spent` ÷ `budget`, a **fraction of the budget** (0.45 = 45 % spent,
///   above 1 an overspend; exact to 28 significant digits, trailing zeros dropped), null
///   when either is unknown or `budget` is not above 0;
/// - `transactions`: how many transactions of any type the group records in the row's
///   currency (with a rate table: in any currency);
/// - `unconverted`: with a rate table, how many amounts of the row found no rate (each
///   with a `missing-rate` diagnostic); null without one.
pub fn money_columns(by: GroupBy) -> [(&'static str, DType); 10] {
    [
        (by.name(), if by == GroupBy::Year { DType::Int } else { DType::String }),
        ("currency", DType::String),
        ("budget", DType::Decimal),
        ("planned_disbursements", DType::Decimal),
        ("committed", DType::Decimal),
        ("spent", DType::Decimal),
        ("remaining", DType::Decimal),
        ("absorption", DType::Decimal),
        ("transactions", DType::Int),
        ("unconverted", DType::Int),
    ]
}

/// The grouped money table and what it could not convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyTable {
    /// The rows (columns: [`money_columns`]), groups sorted (projects in the portfolio's
    /// order, years ascending, names alphabetically, "not known" last), then currencies.
    pub table: Table,
    /// One `missing-rate` warning per amount that found no rate (path: the budget line or
    /// transaction, a JSON pointer); empty without a rate table.
    pub diagnostics: Vec<Diagnostic>,
}

/// Budget, commitments and spending grouped by `by`, per currency, or converted with
/// `rates` to its target currency (module docs for the rules).
pub fn money_table(portfolio: &Portfolio, by: GroupBy, rates: Option<&RateTable>) -> MoneyTable {
    let mut cx = Collect { rates, items: Vec::new(), diagnostics: Vec::new() };
    for (i, project) in portfolio.projects.iter().enumerate() {
        let keys = project_keys(portfolio, i, project, by);
        if by != GroupBy::Year {
            for key in &keys {
                cx.items.push(Item { key: key.clone(), currency: None, figure: Figure::Marker, amount: None });
            }
        }
        let budgets = effective_budgets(&project.budgets);
        for b in budgets {
            let k = project.budgets.iter().position(|x| std::ptr::eq(x, b)).unwrap_or(0);
            let day = b.value_date.or_else(|| b.period.start.and_then(|d| d.earliest()));
            let keys = year_or(&keys, by, b.period.start.and_then(|d| d.year()));
            cx.add(&keys, Figure::Budget, &b.value.currency, b.value.amount, day, (i, "budgets", k));
        }
        for b in effective_planned_disbursements(&project.planned_disbursements) {
            let k = project.planned_disbursements.iter().position(|x| std::ptr::eq(x, b)).unwrap_or(0);
            let day = b.value_date.or_else(|| b.period.start.and_then(|d| d.earliest()));
            let keys = year_or(&keys, by, b.period.start.and_then(|d| d.year()));
            cx.add(&keys, Figure::Planned, &b.value.currency, b.value.amount, day, (i, "planned_disbursements", k));
        }
        for (k, t) in project.transactions.iter().enumerate() {
            let keys = year_or(&keys, by, t.date.map(|d| d.year()));
            let figure = match t.transaction_type {
                TransactionType::OutgoingCommitment => Figure::Committed,
                TransactionType::Disbursement | TransactionType::Expenditure => Figure::Spent,
                _ => Figure::Counted,
            };
            cx.add(&keys, figure, &t.value.currency, t.value.amount, t.value_date.or(t.date), (i, "transactions", k));
        }
    }
    let Collect { mut items, diagnostics, .. } = cx;
    crate::sort::sort_by(&mut items, |a, b| (&a.key, &a.currency).cmp(&(&b.key, &b.currency)));
    let mut table = Table::new(MONEY_TABLE, &money_columns(by));
    let mut at = 0;
    while let Some(first) = items.get(at) {
        let same = items[at..].iter().take_while(|x| x.key == first.key && x.currency == first.currency).count();
        let group = &items[at..at + same];
        at += same;
        let only_markers = group.iter().all(|x| matches!(x.figure, Figure::Marker));
        if only_markers && items.get(at).is_some_and(|next| next.key == first.key) {
            continue; // the group has money in some currency: no empty row
        }
        table.push(row(by, &first.key, first.currency.clone(), group, rates.is_some()));
    }
    MoneyTable { table, diagnostics }
}

/// A group's key, sorted as the rows are: known before unknown, then by number (the
/// project's position, the year), then by name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    unknown: bool,
    number: i64,
    name: String,
}

impl Key {
    fn name(name: Option<String>) -> Self {
        Self { unknown: name.is_none(), number: 0, name: name.unwrap_or_default() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Figure {
    /// The group exists (a project with no money still has a row).
    Marker,
    Budget,
    Planned,
    Committed,
    Spent,
    /// A transaction counted, not summed.
    Counted,
}

struct Item {
    key: Key,
    currency: Option<String>,
    figure: Figure,
    /// `None`: no rate (or a product past the amount limit).
    amount: Option<Decimal>,
}

struct Collect<'a> {
    rates: Option<&'a RateTable>,
    items: Vec<Item>,
    diagnostics: Vec<Diagnostic>,
}

impl Collect<'_> {
    /// Adds one amount to each of `keys`, converted when there is a rate table; `at` is
    /// the amount's place (project, list, position) for a diagnostic.
    fn add(
        &mut self,
        keys: &[Key],
        figure: Figure,
        currency: &str,
        amount: Decimal,
        day: Option<NaiveDate>,
        at: (usize, &str, usize),
    ) {
        let (currency, amount) = match self.rates {
            None => (Some(currency.to_owned()), Some(amount)),
            Some(rates) => {
                let target = rates.target().map(str::to_owned);
                if figure == Figure::Counted {
                    (target, None)
                } else {
                    let rate = day.and_then(|d| rates.rate_on(currency, d));
                    if rate.is_none() {
                        let when = day.map_or_else(
                            || "no date to find a rate on".to_owned(),
                            |d| format!("no rate for {currency} on {d}"),
                        );
                        let msg = format!(
                            "{when} in the rate table: the amount {amount} {currency} is not converted, and its row's {} is null (never 0)",
                            match figure {
                                Figure::Budget => "budget",
                                Figure::Planned => "planned_disbursements",
                                Figure::Committed => "committed",
                                _ => "spent",
                            }
                        );
                        let path = format!("/projects/{}/{}/{}", at.0, at.1, at.2);
                        self.diagnostics.push(Diagnostic::warning("missing-rate", path, msg));
                    }
                    (target, rate.and_then(|r| amount.checked_mul(r)))
                }
            }
        };
        for key in keys {
            self.items.push(Item { key: key.clone(), currency: currency.clone(), figure, amount });
        }
    }
}

/// The keys of a project's groups (for `year`: none; each amount has its own).
fn project_keys(portfolio: &Portfolio, i: usize, project: &Project, by: GroupBy) -> Vec<Key> {
    match by {
        GroupBy::Project => {
            vec![Key { unknown: false, number: i64::try_from(i).unwrap_or(i64::MAX), name: project.id.clone() }]
        }
        GroupBy::Program => vec![Key::name(Some(portfolio.program.id.clone()))],
        GroupBy::FocusArea => vec![Key::name(project.focus_area.clone())],
        GroupBy::Level if project.levels.is_empty() => vec![Key::name(None)],
        GroupBy::Level => project.levels.iter().map(|l| Key::name(Some(tag(l)))).collect(),
        GroupBy::OwnerKind => {
            let owner = project.owner.as_deref();
            let kind =
                portfolio.organisations.iter().find(|o| Some(o.id.as_str()) == owner).and_then(|o| o.kind.as_ref());
            vec![Key::name(kind.map(tag))]
        }
        GroupBy::Year => Vec::new(),
    }
}

/// `keys`, or for `year` the one key of `year`.
fn year_or(keys: &[Key], by: GroupBy, year: Option<i32>) -> Vec<Key> {
    if by == GroupBy::Year {
        vec![Key { unknown: year.is_none(), number: year.map_or(0, i64::from), name: String::new() }]
    } else {
        keys.to_vec()
    }
}

/// A sum: `None` when nothing is recorded, `Some(None)` when unknown.
type Sum = Option<Option<Decimal>>;

fn add(sum: &mut Sum, amount: Option<Decimal>) {
    *sum = Some(match (*sum, amount) {
        (None, amount) => amount,
        (Some(total), Some(amount)) => add_amount(total, amount),
        (Some(_), None) => None,
    });
}

fn row(by: GroupBy, key: &Key, currency: Option<String>, items: &[Item], converting: bool) -> Vec<Cell> {
    let (mut budget, mut planned, mut committed, mut spent): (Sum, Sum, Sum, Sum) = (None, None, None, None);
    let (mut transactions, mut unconverted) = (0usize, 0usize);
    for item in items {
        let sum = match item.figure {
            Figure::Marker => continue,
            Figure::Counted => {
                transactions += 1;
                continue;
            }
            Figure::Budget => &mut budget,
            Figure::Planned => &mut planned,
            Figure::Committed => &mut committed,
            Figure::Spent => &mut spent,
        };
        transactions += usize::from(!matches!(item.figure, Figure::Budget | Figure::Planned));
        unconverted += usize::from(item.amount.is_none());
        add(sum, item.amount);
    }
    let (budget, committed, spent) = (budget.flatten(), committed.flatten(), spent.flatten());
    let (remaining, absorption) = remaining_and_used(budget, spent);
    let group = if key.unknown {
        Cell::Null
    } else if by == GroupBy::Year {
        Cell::Int(key.number)
    } else {
        Cell::String(key.name.clone())
    };
    vec![
        group,
        currency.into(),
        budget.into(),
        planned.flatten().into(),
        committed.into(),
        spent.into(),
        remaining.into(),
        absorption.into(),
        transactions.into(),
        if converting { unconverted.into() } else { Cell::Null },
    ]
}

#[cfg(test)]
mod tests;
