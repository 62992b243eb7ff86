//! Money: `invalid-currency`, `negative-budget`, `mixed-currencies`,
//! `overlapping-budget-periods`, `budget-overflow`; and for transactions (issue 15)
//! `spending-over-budget`, `spending-outside-dates`, `commitment-without-budget`.
//!
//! Totals are taken over the lines that count: a revised line replaces the original for
//! the same period ([`crate::model::effective_budgets`]), so only those lines are
//! compared for currency and overlap. Currencies are compared ignoring case (`sek` is
//! reported once, as `invalid-currency`, not again as a second currency).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rust_decimal::Decimal;

use super::Ctx;
use crate::model::{
    add_amount, totals_by_currency, Budget, BudgetKind, DateRange, Project, TransactionType, AMOUNT_LIMIT,
};

/// Money checks on the program's budget, each project's, and the projects' total.
pub(super) fn check(cx: &mut Ctx<'_>) {
    let p = cx.p;
    budget_lines(cx, &p.program.budgets, &Owner { project: None, id: &p.program.id });
    // Each project's currency (of its first line that counts) for the projects' total.
    let mut by_currency: BTreeMap<String, usize> = BTreeMap::new();
    let mut first: Option<&str> = None;
    let mut differing: Option<(usize, usize)> = None;
    // The projects' total per currency (`None`: past the limit), and the currencies in
    // which one project's own total already did not fit (reported at the project).
    let mut totals: BTreeMap<&str, Option<Decimal>> = BTreeMap::new();
    let mut overflowed: BTreeSet<&str> = BTreeSet::new();
    for (i, project) in p.projects.iter().enumerate() {
        transactions(cx, i, project);
        if project.budgets.is_empty() {
            continue;
        }
        for (c, total) in totals_by_currency(&project.budgets) {
            match total {
                Some(t) => {
                    let sum = totals.entry(c).or_insert(Some(Decimal::ZERO));
                    *sum = add_amount(*sum, t);
                }
                None => {
                    overflowed.insert(c);
                }
            }
        }
        let owner = Owner { project: Some(i), id: &project.id };
        let Some(k) = budget_lines(cx, &project.budgets, &owner) else { continue };
        let currency = project.budgets[k].value.currency.as_str();
        *by_currency.entry(currency.to_ascii_uppercase()).or_default() += 1;
        match first {
            None => first = Some(currency),
            Some(c) if !c.eq_ignore_ascii_case(currency) && differing.is_none() => differing = Some((i, k)),
            Some(_) => {}
        }
    }
    if let Some((i, k)) = differing {
        let counts: Vec<String> =
            by_currency.iter().map(|(c, n)| format!("{c}: {n} project{}", if *n == 1 { "" } else { "s" })).collect();
        let msg = format!(
            "project budgets are in {} currencies ({}); the portfolio's project total needs one currency (project {:?} is the first in {})",
            by_currency.len(),
            counts.join(", "),
            p.projects[i].id,
            p.projects[i].budgets[k].value.currency
        );
        cx.error("mixed-currencies", format!("/projects/{i}/budgets/{k}/value/currency"), msg);
    }
    for (c, _) in totals.into_iter().filter(|(c, t)| t.is_none() && !overflowed.contains(c)) {
        let msg = format!(
            "the projects' budgets in {c} add up beyond the largest exact amount ({AMOUNT_LIMIT}); the portfolio's total in {c} cannot be computed exactly, so none is given"
        );
        cx.error("budget-overflow", "/projects".to_owned(), msg);
    }
}

fn is_iso_4217_form(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// The transactions of project `i`: their currencies, spending over the budget per
/// currency, spending dated outside the project, commitments without a budget.
fn transactions(cx: &mut Ctx<'_>, i: usize, project: &Project) {
    if project.transactions.is_empty() {
        return;
    }
    let id = &project.id;
    // The project's days: actual dates, else planned; only a certain verdict is given.
    let range =
        if project.actual.start.is_some() || project.actual.end.is_some() { &project.actual } else { &project.planned };
    let (first_day, last_day) = (range.start.and_then(|d| d.earliest()), range.end.and_then(|d| d.latest()));
    // Per currency, a few entries: lists, not maps (the WebAssembly module).
    let mut spent: Vec<(&str, Option<Decimal>)> = Vec::new();
    let mut committed: Vec<&str> = Vec::new();
    for (k, t) in project.transactions.iter().enumerate() {
        let c = t.value.currency.as_str();
        if !is_iso_4217_form(c) {
            let msg = format!("project {id:?} transaction {k} has currency {c:?}; expected an ISO 4217 code of three capital letters such as SEK or EUR");
            cx.error("invalid-currency", format!("/projects/{i}/transactions/{k}/value/currency"), msg);
        }
        match t.transaction_type {
            TransactionType::Disbursement | TransactionType::Expenditure => {
                match spent.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, sum)) => *sum = add_amount(*sum, t.value.amount),
                    None => spent.push((c, Some(t.value.amount))),
                }
                if let Some(date) = t.date {
                    let outside = match (first_day, last_day) {
                        (Some(start), _) if date < start => Some(format!("before the project starts ({start})")),
                        (_, Some(end)) if date > end => Some(format!("after the project ends ({end})")),
                        _ => None,
                    };
                    if let Some(when) = outside {
                        let msg =
                            format!("project {id:?} transaction {k} spends {} {c} on {date}, {when}", t.value.amount);
                        cx.warning("spending-outside-dates", format!("/projects/{i}/transactions/{k}/date"), msg);
                    }
                }
            }
            TransactionType::OutgoingCommitment => committed.push(c),
            _ => {}
        }
    }
    let planned = totals_by_currency(&project.budgets);
    for (c, total) in spent {
        let (Some(total), Some(Some(plan))) = (total, planned.get(c)) else { continue };
        if total > *plan {
            let msg = format!(
                "project {id:?} spends {total} {c} (disbursements and expenditures) against a budget of {plan} {c}"
            );
            cx.warning("spending-over-budget", format!("/projects/{i}/transactions"), msg);
        }
    }
    crate::sort::sort_unstable(&mut committed);
    committed.dedup();
    for c in committed {
        let n = project
            .transactions
            .iter()
            .filter(|t| t.transaction_type == TransactionType::OutgoingCommitment && t.value.currency == c)
            .count();
        if !planned.contains_key(c) {
            let msg = format!("project {id:?} records {n} outgoing commitment(s) in {c} but no budget line in {c}");
            cx.warning("commitment-without-budget", format!("/projects/{i}/transactions"), msg);
        }
    }
}

/// Whose budget lines are checked: the program's or project `i`'s.
struct Owner<'s> {
    project: Option<usize>,
    id: &'s str,
}

impl Owner<'_> {
    fn base(&self) -> String {
        self.project.map_or_else(|| "/program".to_owned(), |i| format!("/projects/{i}"))
    }

    fn who(&self) -> String {
        match self.project {
            Some(_) => format!("project {:?}", self.id),
            None => format!("program {:?}", self.id),
        }
    }
}

/// The widest days a fully known period can mean: its start's earliest day and its end's
/// latest day.
fn bounds(r: &DateRange) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    Some((r.start?.earliest()?, r.end?.latest()?))
}

/// Checks one list of budget lines of `owner`; returns the
/// index of the first line that counts.
fn budget_lines(cx: &mut Ctx<'_>, lines: &[Budget], owner: &Owner<'_>) -> Option<usize> {
    for (k, b) in lines.iter().enumerate() {
        let c = &b.value.currency;
        if !(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())) {
            let (who, base) = (owner.who(), owner.base());
            let msg = format!("{who} budget line {k} has currency {c:?}; expected an ISO 4217 code of three capital letters such as SEK or EUR");
            cx.error("invalid-currency", format!("{base}/budgets/{k}/value/currency"), msg);
        }
        if b.value.amount < Decimal::ZERO {
            let (who, base) = (owner.who(), owner.base());
            let msg = format!("{who} budget line {k} is {} {c}; expected an amount of zero or more", b.value.amount);
            cx.error("negative-budget", format!("{base}/budgets/{k}/value/amount"), msg);
        }
    }
    let revised: HashSet<&DateRange> =
        lines.iter().filter(|b| b.kind == BudgetKind::Revised).map(|b| &b.period).collect();
    let counting: Vec<usize> = (0..lines.len())
        .filter(|&k| lines[k].kind == BudgetKind::Revised || !revised.contains(&lines[k].period))
        .collect();
    for (c, _) in totals_by_currency(lines).into_iter().filter(|(_, t)| t.is_none()) {
        let (who, base) = (owner.who(), owner.base());
        let msg = format!(
            "{who} has budget lines in {c} that add up beyond the largest exact amount ({AMOUNT_LIMIT}); its total in {c} cannot be computed exactly, so none is given"
        );
        cx.error("budget-overflow", format!("{base}/budgets"), msg);
    }
    let first = counting.first().copied()?;
    let c0 = lines[first].value.currency.as_str();
    if let Some(&k) = counting.iter().find(|&&k| !lines[k].value.currency.eq_ignore_ascii_case(c0)) {
        // Sorted and deduplicated by the crate's one sort (a `BTreeSet` collect sorts
        // with an instance of its own in the WebAssembly module).
        let mut all: Vec<String> = counting.iter().map(|&k| lines[k].value.currency.to_ascii_uppercase()).collect();
        crate::sort::sort_unstable(&mut all);
        all.dedup();
        let (who, base) = (owner.who(), owner.base());
        let msg = format!(
            "{who} has budget lines in {} currencies ({}); its total needs one currency (line {first} is in {c0}, line {k} in {})",
            all.len(),
            all.join(", "),
            lines[k].value.currency
        );
        cx.error("mixed-currencies", format!("{base}/budgets/{k}/value/currency"), msg);
    }
    let mut spans: Vec<(chrono::NaiveDate, chrono::NaiveDate, usize)> =
        counting.iter().filter_map(|&k| bounds(&lines[k].period).map(|(lo, hi)| (lo, hi, k))).collect();
    crate::sort::sort_unstable(&mut spans);
    let mut reach: Option<(chrono::NaiveDate, usize)> = None;
    let mut overlaps = Vec::new();
    for &(lo, hi, k) in &spans {
        match reach {
            Some((end, j)) if lo <= end => {
                overlaps.push((k, j));
                if hi > end {
                    reach = Some((hi, k));
                }
            }
            _ => reach = Some((hi, k)),
        }
    }
    crate::sort::sort_unstable(&mut overlaps);
    for (k, j) in overlaps {
        let kind = |b: &Budget| if b.kind == BudgetKind::Revised { "revised" } else { "original" };
        let (who, base) = (owner.who(), owner.base());
        let msg = format!(
            "{who} budget line {k} ({}, {}) overlaps line {j} ({}, {}) and both count toward the total; expected lines for separate periods, or a revised line with exactly the period it replaces",
            kind(&lines[k]),
            lines[k].period,
            kind(&lines[j]),
            lines[j].period
        );
        cx.warning("overlapping-budget-periods", format!("{base}/budgets/{k}/period"), msg);
    }
    Some(first)
}
