//! The money columns of a projects mapping (`[[budgets]]`, `[[transactions]]`; issue
//! 15): what one money column of a row becomes, and how it is read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::FieldSpec;

/// A money column read as one budget line (in `budgets`) or one transaction (in
/// `transactions`) per row. One type for both lists; a key of the other list is refused
/// when the mapping is read.
///
/// Read as a table of fields (`amount = "utbetalt"`, `type = "disbursement"`), through
/// the deserialiser of `classifications` rather than a derived one: a derived struct
/// costs the WebAssembly module a reader of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoneyColumn {
    /// The amount (a number; a cell that is not one is skipped and reported).
    pub amount: FieldSpec,
    /// ISO 4217 currency (a column or `{ value = "SEK" }`); `columns.currency` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<FieldSpec>,
    /// A budget line's kind: `original` (when absent) or `revised` (replaces the
    /// original of its period). Budgets only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::model::BudgetKind>,
    /// A transaction's IATI type, by name (`outgoing_commitment`, `disbursement`,
    /// `expenditure`, `incoming_funds` …, [`TRANSACTION_TYPE_NAMES`]) or code (`"3"`).
    /// Transactions only, and required there.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<crate::model::TransactionType>,
    /// A transaction's date: a date column (e.g. the project's start column), or a fixed
    /// date (`{ value = "2016-10-14" }`, the day a list of the amounts paid so far was
    /// published); a full date. Transactions only, and required there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<FieldSpec>,
}

/// The names of IATI transaction types 1-13 in order (code = index + 1), as kartan JSON
/// writes them.
pub const TRANSACTION_TYPE_NAMES: [&str; 13] = [
    "incoming_funds",
    "outgoing_commitment",
    "disbursement",
    "expenditure",
    "interest_payment",
    "loan_repayment",
    "reimbursement",
    "purchase_of_equity",
    "sale_of_equity",
    "credit_guarantee",
    "incoming_commitment",
    "outgoing_pledge",
    "incoming_pledge",
];

impl<'de> Deserialize<'de> for MoneyColumn {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use crate::model::{BudgetKind, TransactionType};
        use serde::de::Error;
        const KEYS: [&str; 5] = ["amount", "currency", "kind", "type", "date"];
        let mut found: [Option<FieldSpec>; 5] = Default::default();
        for (key, spec) in BTreeMap::<String, FieldSpec>::deserialize(deserializer)? {
            match KEYS.iter().position(|k| *k == key) {
                Some(i) => found[i] = Some(spec),
                None => return Err(D::Error::unknown_field(&key, &KEYS)),
            }
        }
        let [amount, currency, kind, transaction_type, date] = found;
        let name = |key: &str, spec: Option<FieldSpec>| match spec {
            Some(FieldSpec::Column(name)) => Ok(Some(name)),
            Some(_) => Err(D::Error::custom(format!("{key} is a name, not a table"))),
            None => Ok(None),
        };
        let kind = match name("kind", kind)?.as_deref() {
            None => None,
            Some("original") => Some(BudgetKind::Original),
            Some("revised") => Some(BudgetKind::Revised),
            Some(k) => {
                return Err(D::Error::custom(format!("unknown kind {k:?}: expected \"original\" or \"revised\"")))
            }
        };
        let transaction_type = match name("type", transaction_type)? {
            None => None,
            Some(t) => match TRANSACTION_TYPE_NAMES.iter().position(|n| *n == t) {
                Some(i) => Some(TransactionType::ALL[i]),
                None => Some(TransactionType::from_code(&t).ok_or_else(|| {
                    D::Error::custom(format!(
                        "unknown type {t:?}: expected an IATI transaction type by name (disbursement, expenditure, outgoing_commitment …) or code (1-13)"
                    ))
                })?),
            },
        };
        let amount = amount.ok_or_else(|| D::Error::missing_field("amount"))?;
        Ok(MoneyColumn { amount, currency, kind, transaction_type, date })
    }
}
