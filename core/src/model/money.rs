//! Money and budgets: exact decimals with an ISO 4217 currency.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::DateRange;

/// An exact amount of money in one currency.
///
/// `amount` is an exact decimal (never a float), written in kartan JSON as a string
/// (`"4354438151.00"`) so no reader rounds it; a JSON number is accepted on input.
/// `currency` is an ISO 4217 code such as `SEK` or `EUR`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// The exact amount.
    #[serde(
        serialize_with = "crate::model::number::strict::serialize",
        deserialize_with = "crate::model::number::strict::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema")]
    pub amount: Decimal,
    /// ISO 4217 currency code (three capital letters).
    pub currency: String,
}

impl Money {
    /// An amount in `currency`.
    pub fn new(amount: Decimal, currency: impl Into<String>) -> Self {
        Self { amount, currency: currency.into() }
    }
}

/// Whether a budget line is the original or a revision (IATI `BudgetStatus`/`BudgetType`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BudgetKind {
    /// The budget as first decided (IATI budget type 1).
    #[default]
    Original,
    /// A revision that replaces the original for the same period (IATI budget type 2).
    Revised,
}

/// A budget line for a period: IATI `budget`.
///
/// A revised budget replaces the original for the same period; it never adds to it
/// (DESIGN.md "Project"). Use [`effective_budgets`] to get the lines that count.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Original or revised.
    #[serde(default)]
    pub kind: BudgetKind,
    /// The period the budget covers.
    #[serde(default, skip_serializing_if = "DateRange::is_unknown")]
    pub period: DateRange,
    /// The amount.
    pub value: Money,
    /// Whether the budget is only indicative (IATI `BudgetStatus` 1) or committed (2).
    /// An IATI budget without `@status` is indicative (the standard's default).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub indicative: bool,
    /// The date the amount is valued at, for currency conversion (IATI
    /// `budget/value/@value-date`); `None` when the source does not give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_date: Option<chrono::NaiveDate>,
}

/// The budget lines that count: for each period, the revised line when there is one,
/// else the original. Order follows the input.
pub fn effective_budgets(budgets: &[Budget]) -> Vec<&Budget> {
    budgets
        .iter()
        .filter(|b| {
            b.kind == BudgetKind::Revised
                || !budgets.iter().any(|o| o.kind == BudgetKind::Revised && o.period == b.period)
        })
        .collect()
}

/// The largest amount a total can hold exactly: ±79,228,162,514,264,337,593,543,950,335
/// (rust_decimal's 96-bit range, [`Decimal::MAX`]).
pub const AMOUNT_LIMIT: Decimal = Decimal::MAX;

/// Adds `amount` to a running total exactly.
///
/// `None` means the amounts added so far passed [`AMOUNT_LIMIT`]; such a total stays
/// `None` and is never shown as a number (no saturated, wrapped or rounded total).
/// `kartan validate` reports these sums as `budget-overflow`.
pub fn add_amount(total: Option<Decimal>, amount: Decimal) -> Option<Decimal> {
    total?.checked_add(amount)
}

/// The exact sum of `amounts`, or `None` when it passes [`AMOUNT_LIMIT`] (see [`add_amount`]).
pub fn sum_amounts(amounts: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    amounts.into_iter().try_fold(Decimal::ZERO, |total, a| total.checked_add(a))
}

/// The effective lines' ([`effective_budgets`]) totals per currency as written
/// (currency → total; `None` past [`AMOUNT_LIMIT`]). Currencies are never added together.
pub fn totals_by_currency(lines: &[Budget]) -> std::collections::BTreeMap<&str, Option<Decimal>> {
    let mut totals = std::collections::BTreeMap::new();
    for b in effective_budgets(lines) {
        let t = totals.entry(b.value.currency.as_str()).or_insert(Some(Decimal::ZERO));
        *t = add_amount(*t, b.value.amount);
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn line(kind: BudgetKind, year: &str, amount: Decimal) -> Budget {
        let y: crate::model::PartialDate = year.parse().unwrap();
        Budget {
            kind,
            period: DateRange { start: Some(y), end: Some(y) },
            value: Money::new(amount, "SEK"),
            indicative: false,
            value_date: None,
        }
    }

    #[test]
    fn revised_replaces_original_for_same_period() {
        let lines = vec![
            line(BudgetKind::Original, "2010", dec("100")),
            line(BudgetKind::Revised, "2010", dec("120")),
            line(BudgetKind::Original, "2011", dec("50")),
        ];
        let total: Decimal = effective_budgets(&lines).iter().map(|b| b.value.amount).sum();
        assert_eq!(total, dec("170"));
    }

    #[test]
    fn sums_past_the_limit_are_none_not_saturated() {
        assert_eq!(sum_amounts([dec("1.5"), dec("2.25")]), Some(dec("3.75")));
        assert_eq!(sum_amounts([AMOUNT_LIMIT, AMOUNT_LIMIT]), None);
        assert_eq!(sum_amounts([AMOUNT_LIMIT, dec("1"), dec("-1")]), None);
        assert_eq!(add_amount(None, dec("-1")), None);
        assert_eq!(add_amount(Some(AMOUNT_LIMIT), dec("-1")), Some(AMOUNT_LIMIT - dec("1")));
    }

    #[test]
    fn amounts_are_parsed_strictly() {
        for bad in [r#""1,000""#, r#""1.5E6""#, r#""(1200)""#, r#""1 234,5""#] {
            let json = format!(r#"{{"amount": {bad}, "currency": "SEK"}}"#);
            assert!(serde_json::from_str::<Money>(&json).is_err(), "{bad}");
        }
        let m: Money = serde_json::from_str(r#"{"amount": "4354438151.00", "currency": "SEK"}"#).unwrap();
        assert_eq!(m.amount.to_string(), "4354438151.00");
    }
}
