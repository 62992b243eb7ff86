//! Money and budgets: exact decimals with an ISO 4217 currency.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::DateRange;
use super::text::Text;

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

/// What a transaction is: IATI `TransactionType` (codelist version 2.03), by name.
///
/// The four that answer "did we spend what we planned?" are [`OutgoingCommitment`]
/// (2, money promised to a receiver), [`Disbursement`] (3, money paid out to another
/// organisation), [`Expenditure`] (4, money spent directly) and [`IncomingFunds`]
/// (1, money received).
///
/// [`OutgoingCommitment`]: TransactionType::OutgoingCommitment
/// [`Disbursement`]: TransactionType::Disbursement
/// [`Expenditure`]: TransactionType::Expenditure
/// [`IncomingFunds`]: TransactionType::IncomingFunds
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransactionType {
    /// 1: funds received from an external source.
    IncomingFunds,
    /// 2: a firm, written obligation to provide funds to a receiver.
    OutgoingCommitment,
    /// 3: funds paid out to a receiver (another organisation or activity).
    Disbursement,
    /// 4: funds spent directly on goods and services of the activity.
    Expenditure,
    /// 5: interest paid on a loan or credit.
    InterestPayment,
    /// 6: the repayment of a loan's principal.
    LoanRepayment,
    /// 7: a payment that covers costs already incurred by the receiver.
    Reimbursement,
    /// 8: an outgoing purchase of equity.
    PurchaseOfEquity,
    /// 9: an incoming sale of equity.
    SaleOfEquity,
    /// 10: a guarantee of credit.
    CreditGuarantee,
    /// 11: a firm, written obligation from a donor to provide funds to this activity.
    IncomingCommitment,
    /// 12: an outgoing pledge (not binding).
    OutgoingPledge,
    /// 13: an incoming pledge (not binding).
    IncomingPledge,
}

impl TransactionType {
    /// Every type, in IATI code order (code = index + 1).
    pub const ALL: [TransactionType; 13] = [
        Self::IncomingFunds,
        Self::OutgoingCommitment,
        Self::Disbursement,
        Self::Expenditure,
        Self::InterestPayment,
        Self::LoanRepayment,
        Self::Reimbursement,
        Self::PurchaseOfEquity,
        Self::SaleOfEquity,
        Self::CreditGuarantee,
        Self::IncomingCommitment,
        Self::OutgoingPledge,
        Self::IncomingPledge,
    ];

    /// The IATI `TransactionType` code, `1` to `13`.
    pub fn code(self) -> u8 {
        // The position in ALL is the code minus one (13 entries: fits u8).
        Self::ALL.iter().position(|t| *t == self).map_or(0, |i| i as u8 + 1)
    }

    /// The type of IATI code `code` (`"3"` → disbursement; the 2.01 letter codes
    /// `IF`, `C`, `D`, `E`, `IR`, `LR`, `R`, `QP`, `QS`, `CG` are accepted too);
    /// `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        let by_letter = match code {
            "IF" => Some(Self::IncomingFunds),
            "C" => Some(Self::OutgoingCommitment),
            "D" => Some(Self::Disbursement),
            "E" => Some(Self::Expenditure),
            "IR" => Some(Self::InterestPayment),
            "LR" => Some(Self::LoanRepayment),
            "R" => Some(Self::Reimbursement),
            "QP" => Some(Self::PurchaseOfEquity),
            "QS" => Some(Self::SaleOfEquity),
            "CG" => Some(Self::CreditGuarantee),
            _ => None,
        };
        by_letter.or_else(|| {
            let n: usize = code.parse().ok()?;
            Self::ALL.get(n.checked_sub(1)?).copied()
        })
    }
}

/// One side of a transaction: IATI `provider-org` or `receiver-org`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransactionParty {
    /// The organisation's id in the portfolio's `organisations` (IATI `@ref`), when the
    /// source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The name as the transaction gives it (a party without an id has only this).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub name: Text,
    /// The IATI identifier of the activity the money comes from or goes to
    /// (`@provider-activity-id` / `@receiver-activity-id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// IATI `OrganisationType` code (`@type`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iati_type: Option<String>,
}

/// Money that moved, or was promised: IATI `transaction`.
///
/// A transaction is a record of what happened (a disbursement paid, an expenditure
/// made), where a [`Budget`] is what was planned. Amounts may be negative: IATI
/// publishers correct an earlier transaction with a negative one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transaction {
    /// The publisher's own reference for the transaction (IATI `@ref`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// What kind of transaction it is.
    #[serde(rename = "type")]
    pub transaction_type: TransactionType,
    /// The day the transaction was made (IATI `transaction-date/@iso-date`); `None` when
    /// the source gives none or a bad one (then reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
    /// The amount, exact, in its currency.
    pub value: Money,
    /// The date the amount is valued at, for currency conversion (IATI
    /// `value/@value-date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_date: Option<chrono::NaiveDate>,
    /// What the transaction was for.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Who the money came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<TransactionParty>,
    /// Who the money went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver: Option<TransactionParty>,
    /// Whether the transaction is humanitarian (IATI `@humanitarian`), when said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub humanitarian: Option<bool>,
    /// What the source's transaction had that kartan does not model (IATI: its sector,
    /// recipient country or region, flow, finance, aid and tied types, disbursement
    /// channel …), kept verbatim for an export to write back; opaque.
    #[serde(default, skip_serializing_if = "crate::model::Carried::is_empty")]
    pub carried: crate::model::Carried,
}

/// A payment planned for a coming period: IATI `planned-disbursement`.
///
/// Where a [`Budget`] says what a project may spend in a period, a planned disbursement
/// says what a funder plans to pay, and to whom. Like a budget line, a revision
/// replaces the original of its period; it never adds to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannedDisbursement {
    /// Original or revised (IATI `BudgetType`; an IATI line without `@type` is an
    /// original).
    #[serde(default)]
    pub kind: BudgetKind,
    /// The period the payment is planned for.
    #[serde(default, skip_serializing_if = "DateRange::is_unknown")]
    pub period: DateRange,
    /// The amount, exact, in its currency.
    pub value: Money,
    /// The date the amount is valued at, for currency conversion (IATI
    /// `value/@value-date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_date: Option<chrono::NaiveDate>,
    /// Who plans to pay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<TransactionParty>,
    /// Who is to be paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver: Option<TransactionParty>,
}

/// The budget lines that count: for each period, the revised line when there is one,
/// else the original. Order follows the input.
pub fn effective_budgets(budgets: &[Budget]) -> Vec<&Budget> {
    effective(budgets, |b| (b.kind, &b.period))
}

/// The planned disbursements that count: for each period the revised line when there
/// is one, else the original, as for budget lines. Order follows the input.
pub fn effective_planned_disbursements(lines: &[PlannedDisbursement]) -> Vec<&PlannedDisbursement> {
    effective(lines, |d| (d.kind, &d.period))
}

/// The lines of `lines` (each with its kind and period, by `of`) that a revision of the
/// same period does not replace.
fn effective<T>(lines: &[T], of: impl Fn(&T) -> (BudgetKind, &DateRange)) -> Vec<&T> {
    let revised = |l: &T| of(l).0 == BudgetKind::Revised;
    lines.iter().filter(|l| revised(l) || !lines.iter().any(|o| revised(o) && of(o).1 == of(l).1)).collect()
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
